"""Where the scan's anchors are: ``[m.start() for m in ANCHORS.finditer(text)]``, faster.

The scan (:mod:`xref.cite.candidates`) first finds its anchors, literals such as ``tel``,
``ocument`` or ``Department`` of which every trigger has one. Python's regex engine tries
every alternative of such an alternation at every position that a first character admits,
and these start with common lowercase letters: that was a quarter of ``find_citations``.

:class:`AnchorIndex` gives the very same positions (the left-to-right, non-overlapping
matches of the alternation) in two steps: find a *superset* of the places where some
alternative may start, then confirm each in order with the alternation itself, skipping those
inside the previous match, exactly as ``finditer`` does. The superset comes from

- Hyperscan, when the optional ``hyperscan`` package is installed: every alternative turned
  into byte patterns that match at least wherever it does in the UTF-8 text (``\\s`` and
  ``\\d`` widened to any non-ASCII byte, a counted repeat cut off), scanned at once;
- else Python regexes: one per common lowercase first letter, with the rest of each
  alternative in a lookahead, and one for all other first characters led by their class;
- else (an alternation these cannot read, e.g. with groups) ``finditer`` itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from typing import Any

from xref.cite.cachefiles import private_cache_file

__all__ = ["AnchorIndex"]

_WS = rb"[\x09-\x0d\x1c-\x20\x80-\xff][\x80-\xbf]{0,3}"
"""The bytes of a character Python's ``\\s`` may match (an ASCII space, or any non-ASCII
character: its lead byte and continuation bytes, so that what follows it is read after it)."""
_DIGIT = rb"[0-9\x80-\xff][\x80-\xbf]{0,3}"
"""The bytes of a character Python's ``\\d`` may match (as :data:`_WS`)."""


def _hex(text: str) -> bytes:
    return b"".join(b"\\x%02x" % b for b in text.encode("utf-8"))


def _unescape(body: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), body)


def _byte_supersets(alt: str) -> list[bytes] | None:
    """Hyperscan patterns matching (in UTF-8) wherever ``alt`` may match, at the same start;
    None for a construct they do not read.

    Hyperscan reports the leftmost start of each match's end, so no pattern may match at two
    starts with one end: an optional atom (``pp?\\.``) gives two patterns, one without it.
    """
    variants: list[list[bytes]] = [[]]
    i = 0
    while i < len(alt):
        c = alt[i]
        if c == "[":
            j = alt.find("]", i)
            if j < 0:
                return None
            body = _unescape(alt[i + 1 : j])
            if body == "a-z":
                atom = b"[a-z]"
            elif "-" in body[1:-1] or body.startswith("^") or "\\" in body:
                return None
            else:
                atom = b"(?:" + b"|".join(_hex(ch) for ch in body) + b")"
            i = j + 1
        elif c == "\\":
            e = alt[i + 1 : i + 2]
            if e == "u":
                atom = _hex(chr(int(alt[i + 2 : i + 6], 16)))
                i += 6
            elif e == "s":
                atom, i = _WS, i + 2
            elif e == "d":
                atom, i = _DIGIT, i + 2
            elif e and not e.isalnum():
                atom, i = _hex(e), i + 2
            else:
                return None
        elif c == "{":
            break  # a counted repeat: what comes before is enough for a superset
        elif c in "()*|^$?+":
            return None
        else:
            atom, i = _hex(c), i + 1
        if alt[i : i + 1] == "+":
            variants = [[*v, b"(?:" + atom + b")+"] for v in variants]
            i += 1
        elif alt[i : i + 1] == "?":
            variants = [w for v in variants for w in ([*v, atom], v)]
            i += 1
        else:
            variants = [[*v, atom] for v in variants]
    out = [b"".join(v) for v in variants]
    return out if all(out) else None


def _regex_finders(alternation: str) -> list[re.Pattern[str]] | None:
    """Regexes that together match one character wherever an alternative of
    ``alternation`` (a flat ``a|b|c``) matches, and nowhere else; None if it has groups."""
    if "(" in alternation:
        return None
    rests: dict[str, list[str]] = {}
    for alt in alternation.split("|"):
        m = re.match(r"\[[^\]]+\]|\\.|.", alt)
        if m is None:
            return None
        head, rest = m.group(0), alt[m.end() :]
        heads = [head]
        if head.startswith("[") and not re.search(r"[-^\\]", head[1:-1]):
            heads = list(head[1:-1])  # "[Vv]ol": "Vol" and "vol"
        for h in heads:
            rests.setdefault(h, []).append(rest)

    def ahead(tails: list[str]) -> str:
        return "" if "" in tails else f"(?={'|'.join(tails)})"

    common = {h: t for h, t in rests.items() if len(h) == 1 and h.islower()}
    rare = {h: t for h, t in rests.items() if h not in common}
    finders = [re.compile(re.escape(h) + ahead(t)) for h, t in common.items()]
    if rare:
        chars = "".join(
            h[1:-1] if h.startswith("[") else h if len(h) > 1 else re.escape(h) for h in rare
        )
        which = "|".join(
            f"(?<={h if len(h) > 1 else re.escape(h)}){ahead(t)}" for h, t in rare.items()
        )
        finders.append(re.compile(f"[{chars}](?:{which})"))
    return finders


class _Hyperscan:
    """A Hyperscan block-mode database of byte patterns; reports every match's start.

    The compiled database is kept in the user's private cache folder
    (:func:`~xref.cite.cachefiles.private_cache_file`), named after the patterns' hash and
    Hyperscan's version, and loaded from there by the next process: compiling it was a fifth
    of the start-up. ``cached`` tells whether this one was loaded.
    """

    def __init__(self, patterns: list[bytes]) -> None:
        import hyperscan

        flags = [hyperscan.HS_FLAG_SOM_LEFTMOST] * len(patterns)
        key = hashlib.sha256(repr((patterns, flags)).encode("utf-8")).hexdigest()[:16]
        version = getattr(hyperscan, "__version__", "0")
        path = private_cache_file(f"anchors-{key}-hyperscan{version}.db")
        self.cached = False
        self._db: Any = None
        if path is not None and path.is_file():
            try:
                self._db = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
                self._db.scratch = hyperscan.Scratch(self._db)
                self.cached = True
            except (OSError, hyperscan.error):
                self._db = None  # a damaged file: compile again, and replace it
        if self._db is None:
            self._db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            self._db.compile(
                expressions=patterns,
                ids=list(range(len(patterns))),
                elements=len(patterns),
                flags=flags,
            )
            if path is not None:
                _write_private(path, hyperscan.dumpb(self._db))
        self._lock = threading.Lock()  # one scratch space per database

    def starts(
        self, text: str, first_flag: int | None = None, hints_from: int | None = None
    ) -> tuple[list[int], bool, bool]:
        """Character offsets in ``text`` where some pattern matches, in order, whether a
        pattern from index ``first_flag`` on (a flag: not a start) matched, and whether one
        from index ``hints_from`` on (a hint, after the flags) matched."""
        data = text.encode("utf-8")
        found: set[int] = set()
        flagged: list[int] = []
        flag_id = (1 << 62) if first_flag is None else first_flag
        hint_id = (1 << 62) if hints_from is None else hints_from

        def on_match(id_: int, start: int, _end: int, _flags: int, _ctx: object) -> None:
            if id_ >= flag_id:
                flagged.append(id_)
            else:
                found.add(start)

        with self._lock:
            self._db.scan(data, match_event_handler=on_match)
        flag = bool(flagged) and min(flagged) < hint_id
        hint = bool(flagged) and max(flagged) >= hint_id
        starts = sorted(found)
        if len(data) == len(text):  # ASCII: bytes are characters
            return starts, flag, hint
        chars: list[int] = []
        previous = count = 0
        for b in starts:  # every start is on a character boundary (a pattern's first byte)
            count += len(data[previous:b].decode("utf-8"))
            previous = b
            chars.append(count)
        return chars, flag, hint


def _write_private(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a temporary file readable by the user alone,
    renamed); a failure only means no cache."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


class AnchorIndex:
    """Finds the non-overlapping matches of a flat alternation ``pattern``, left to right.

    ``engine``: ``"hyperscan"``, ``"regex"`` or ``"finditer"``; by default the first that is
    installed and can read the pattern. ``flags``: regular expressions that :meth:`scan`
    tells may match somewhere in the text (Hyperscan finds them in the anchors' one pass).
    ``hints``: regular expressions that :meth:`scan_hints` tells may match somewhere in the
    text, looked for only in Hyperscan's pass (no other engine looks: it says they may); a
    hint given as bytes is a Hyperscan pattern already (one that matches the UTF-8 text
    wherever the expression it stands for matches).
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        engine: str | None = None,
        flags: tuple[str, ...] = (),
        hints: tuple[str | bytes, ...] = (),
    ) -> None:
        self.pattern = pattern
        self._hs: _Hyperscan | None = None
        self._finders: list[re.Pattern[str]] | None = None
        self._flags = [re.compile(f) for f in flags]
        self._first_flag: int | None = None
        self._first_hint: int | None = None
        alts = pattern.pattern.split("|") if "(" not in pattern.pattern else []
        if engine in (None, "hyperscan") and alts:
            supersets = [_byte_supersets(a) for a in alts]
            flagged = [_byte_supersets(f) for f in flags]
            hinted = [[h] if isinstance(h, bytes) else _byte_supersets(h) for h in hints]
            if all(s is not None for s in supersets):
                patterns = [p for s in supersets if s is not None for p in s]
                if flagged and all(f is not None for f in flagged):
                    # the flags' patterns after the anchors': one scan finds both
                    self._first_flag = len(patterns)
                    patterns += [p for f in flagged if f is not None for p in f]
                if hinted and all(h is not None for h in hinted):
                    # and the hints' after the flags' (a hint is also read as a flag there)
                    self._first_hint = len(patterns)
                    if self._first_flag is None:
                        self._first_flag = self._first_hint
                    patterns += [p for h in hinted if h is not None for p in h]
                try:
                    self._hs = _Hyperscan(patterns)
                except ImportError:
                    if engine == "hyperscan":
                        raise
        if self._hs is None and engine in (None, "regex"):
            self._finders = _regex_finders(pattern.pattern)
        if engine is not None and self.engine != engine:
            raise ValueError(f"the {engine} engine cannot read {pattern.pattern!r}")

    @property
    def engine(self) -> str:
        """The engine in use."""
        if self._hs is not None:
            return "hyperscan"
        return "regex" if self._finders is not None else "finditer"

    def positions(self, text: str) -> list[int]:
        """``[m.start() for m in pattern.finditer(text)]``."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[list[int], bool]:
        """:meth:`positions`, and whether one of the ``flags`` (regular expressions) may
        match somewhere in ``text``: never False where one does; True may be wrong (a flag
        that Hyperscan reads as a superset, as it reads the anchors)."""
        return self.scan_hints(text)[:2]

    def scan_hints(self, text: str) -> tuple[list[int], bool, bool]:
        """:meth:`scan`, and whether one of the ``hints`` may match somewhere in ``text``:
        never False where one does; always True unless Hyperscan looked for them."""
        hint = True
        if self._hs is not None:
            starts, flagged, hint = self._hs.starts(text, self._first_flag, self._first_hint)
            if self._first_hint is None:
                hint = True
            if self._first_flag is None or self._first_flag == self._first_hint:
                flagged = any(f.search(text) is not None for f in self._flags)
        else:
            flagged = any(f.search(text) is not None for f in self._flags)
            if self._finders is not None:
                starts = sorted({m.start() for f in self._finders for m in f.finditer(text)})
            else:
                return [m.start() for m in self.pattern.finditer(text)], flagged, hint
        out: list[int] = []
        end = 0
        match = self.pattern.match
        for p in starts:
            if p < end:
                continue
            m = match(text, p)
            if m is not None:
                out.append(p)
                end = m.end()
        return out, flagged, hint
