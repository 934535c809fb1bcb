"""Metamorphic tests of source-note coverage on the tuning set: change a fully covered note in
a way that must keep it fully covered, and count how often it still is.

Usage::

    python bench/coverage_metamorphic.py [--corpus DIR] [--volumes ID ...] [--per-volume N]
                                         [--jobs N] [--failures FILE]

Takes, from every tuning volume (never the check set, ``bench/checkset.txt``), up to
``--per-volume`` source notes whose archival part is fully covered now (a fixed sample, the
same every run), applies each transformation of :data:`TRANSFORMS` that applies to the note,
and measures the new note's coverage (:mod:`xref.checks.coverage`) with the volume's own
lexicon. Prints, per transformation, the notes it applied to and the share still fully
covered; ``--failures`` writes each failure (transformation, note, leftovers, new text).

The transformations, each of which a reader of the note would say changes nothing about
where the document is kept:

- keyword case: ``Lot``/``lot``, ``Files``/``files``, ``Box``/``box`` ... either way;
- dash variants inside file numbers, dates and folders: hyphen, en dash, em dash;
- another repository or collection, taken from another tuning volume's list of sources
  (:mod:`xref.read.sourcelist`), in place of the one this note opens with;
- another folder title (words, periods, parentheses, dates) in place of a quoted one;
- other lot, job, accession and box numbers with other digit counts;
- the parts joined by ``;``, ``,`` or ``:`` in place of the printed one;
- a record group before an accession (``RG 330, FRC 73 A 1250``; ``FRC 330 73 A 1250``);
- another classification and handling after the archival part;
- an editors' sentence after it (``Drafted by``, ``Repeated to``, ``Also sent to``,
  ``Transmitted in``, ``Printed from``);
- a second archival sentence (``Also printed in ...``, ``A copy is in ...``).
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchsets import CHECKSET, volume_files  # noqa: E402

from xref.checks.coverage import archival_part, document_coverage, note_coverage  # noqa: E402
from xref.read.documents import Container  # noqa: E402
from xref.read.sourcelist import read_source_list  # noqa: E402
from xref.read.sources import FileResult, map_files  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"


class Note:
    """A covered source note split around its archival part."""

    def __init__(self, volume: str, where: str, text: str) -> None:
        part = archival_part(text)
        self.volume = volume
        self.where = where
        self.head = text[: part.start]
        self.archival = text[part.start : part.end]
        self.tail = text[part.end :]
        self.seed = zlib.crc32(f"{volume} {where}".encode())

    def pick(self, options: Sequence[str], salt: int = 0) -> str:
        """One of ``options``, the same for this note every run."""
        return options[(self.seed + salt) % len(options)]

    def with_archival(self, archival: str) -> str | None:
        """The note with another archival part (None when nothing changed)."""
        return None if archival == self.archival else self.head + archival + self.tail


Pools = dict[str, tuple[tuple[str, str], ...]]
"""Names from the volumes' lists of sources: kind -> (volume, name) pairs."""
Transform = Callable[[Note, Pools], "str | None"]


def _sub(pattern: str, repl: str | Callable[[re.Match[str]], str], flags: int = 0) -> Transform:
    """A transformation replacing ``pattern`` in the archival part."""
    rx = re.compile(pattern, flags)

    def transform(note: Note, pools: Pools) -> str | None:
        return note.with_archival(rx.sub(repl, note.archival))

    return transform


_KEYWORDS = r"\b(?:Lot|Files?|Box|Boxes|Folder|Job|Accession)\b"
"""The keywords of a path (not ``Records`` or ``Papers``, which are part of names:
``National Archives and Records Administration``, ``Kissinger Papers``)."""


def _lower_keywords(note: Note, pools: Pools) -> str | None:
    return note.with_archival(re.sub(_KEYWORDS, lambda m: m.group().lower(), note.archival))


def _upper_keywords(note: Note, pools: Pools) -> str | None:
    return note.with_archival(
        re.sub(_KEYWORDS.lower(), lambda m: m.group().capitalize(), note.archival))


def _dash(to: str) -> Transform:
    return _sub(r"(?<=\w)[-\u2013\u2014](?=\w)", to)


_REPOSITORY = re.compile(
    r"\b(?:Library|Archives|Center|Institute|Institution|University|College|Agency|Society|"
    r"Museum|Foundation|Congress|Council|Department of (?!State\b)\w+)\b")
"""What a repository of a list of sources is called by (its structure): a library, an archive,
an agency; the lists' other bold lines (a region, a place) are not swapped in."""
_COLLECTION = re.compile(r"\b(?:Files|Papers|Records|Collection|Diaries|Series)$")
"""A collection's name ends with what it is (``Rusk Files``, ``Harriman Papers``)."""
_OWN_ITEMS = re.compile(r"^\s*[,:;]?\s*(?:Central\s+Files|\d{3}\.|[A-Z]{2,5}\s+\d|[Jj]ob\b)")
"""The Department's own files or the CIA's jobs after a repository: no other holds them."""


def _other_name(kind: str, shape: re.Pattern[str]) -> Transform:
    """Another volume's repository (or collection) in place of the one this note opens with
    (a repository) or names (a collection)."""

    def transform(note: Note, pools: Pools) -> str | None:
        own = {n for v, n in pools[kind] if v == note.volume}
        found = [n for n in own if shape.search(n) and (
            note.archival.startswith(n + ",") if kind == "repositories"
            else f", {n}," in note.archival or f", {n}:" in note.archival
            or note.archival.startswith(n + ":"))]
        if not found:
            return None
        name = max(found, key=len)
        rest = note.archival[note.archival.index(name) + len(name):]
        if kind == "repositories" and _OWN_ITEMS.match(rest):
            return None
        others = sorted({n for v, n in pools[kind]
                         if v != note.volume and n not in own and shape.search(n)})
        if not others:
            return None
        return note.with_archival(note.archival.replace(name, note.pick(others), 1))

    return transform


_TITLES = ("“Memos to the President, Vol. 12 (Jan. 1–Mar. 31, 1965)”",
           "“Chron. File—Oct. 1962”",
           "“U.S.–U.K. Talks (Bermuda), Dec. 21–23, 1961”",
           "“Vietnam, 1/65–3/65, Vol. II”",
           "“Miscellaneous Memoranda (2)”")


def _folder_title(note: Note, pools: Pools) -> str | None:
    m = re.search(r"“[^”]{3,}”", note.archival)
    if m is None:
        return None
    return note.with_archival(note.archival[: m.start()] + note.pick(_TITLES)
                              + note.archival[m.end():])


def _renumber(note: Note, pools: Pools) -> str | None:
    def lot(m: re.Match[str]) -> str:
        # a lot's year may lose a digit; an accession's fiscal year never does
        a = m.group(2) if m.group(1) in ("FRC", "Accession", "accession") else (
            "7" if len(m.group(2)) > 1 else "71")
        b = "12" if len(m.group(4)) > 2 else "1234"
        return f"{m.group(1)} {a} {m.group(3)} {b}"

    text = re.sub(r"\b(Lot|lot|Job|job|FRC|Accession|accession)\s+(\d+)\s+([A-Z])\s+(\d+)",
                  lot, note.archival)
    text = re.sub(r"\b(Box|box|Boxes|boxes)\s+(\d+)",
                  lambda m: f"{m.group(1)} {'1234' if len(m.group(2)) < 3 else '7'}", text)
    return note.with_archival(text)


_PART = r"(?=\s*(?:Lot|lot|Box|box|Job|job|FRC|Accession|\d{3}\.\w*/|\d{3}\.\w+ ))"


def _join(by: str) -> Transform:
    return _sub(r"\s*[,:;]" + _PART, by)


def _rg_before(note: Note, pools: Pools) -> str | None:
    return note.with_archival(re.sub(
        r"\b(FRC|Accession)\s+(?=\d+\s+[A-Z]\s+\d+)", lambda m: "RG 330, " + m.group(1) + " ",
        note.archival, count=1))


def _rg_inside(note: Note, pools: Pools) -> str | None:
    return note.with_archival(re.sub(
        r"\bFRC\s+(?=\d+\s+[A-Z]\s+\d+)", "FRC 330 ", note.archival, count=1))


_MARKINGS = ("Secret", "Top Secret; Sensitive", "Confidential", "Limited Official Use",
             "Unclassified", "Secret; Eyes Only", "Top Secret; Nodis", "Confidential; Exdis",
             "Secret; Priority; Exdis", "No classification marking")
_SENTENCES = ("Drafted by William P. Bundy on May 3.", "Repeated to London, Paris, and Bonn.",
              "Also sent to USUN.", "Transmitted in telegram 1234 to Saigon.",
              "Printed from an unsigned copy.")
_SECOND = ("Also printed in Department of State Bulletin, June 1, 1964, pp. 859–860.",
           "A copy is in the Johnson Library, National Security File, Country File, "
           "Vietnam, Vol. XIV, Box 12.")


def _after(choices: tuple[str, ...], marking: bool) -> Transform:
    def transform(note: Note, pools: Pools) -> str | None:
        if not note.head.strip().lower().startswith("source"):
            return None  # an inline source line of 1948-1954 has no sentences after it
        extra = note.pick(choices)
        if marking:
            extra = note.pick(_MARKINGS, 1) + ". " + extra
        return note.head + note.archival + ". " + extra

    return transform


TRANSFORMS: dict[str, Transform] = {
    "keywords lower case": _lower_keywords,
    "keywords capitalized": _upper_keywords,
    "dash: hyphen": _dash("-"),
    "dash: en dash": _dash("\u2013"),
    "dash: em dash": _dash("\u2014"),
    "another repository": _other_name("repositories", _REPOSITORY),
    "another collection": _other_name("collections", _COLLECTION),
    "another folder title": _folder_title,
    "other numbers": _renumber,
    "joined by ;": _join(";"),
    "joined by ,": _join(","),
    "joined by :": _join(":"),
    "RG before accession": _rg_before,
    "RG inside FRC": _rg_inside,
    "another marking": _after(_MARKINGS, False),
    "editors' sentence": _after(_SENTENCES, True),
    "second archival sentence": _after(_SECOND, True),
}
"""Each transformation: a covered note in, the changed note's text out (None: it does not
apply to this note)."""

Row = tuple[str, str, str, str, tuple[str, ...]]
"""(transformation, note, outcome 'ok' or 'miss', new text, leftovers)."""


def volume_rows(pools: Pools, per_volume: int, result: FileResult) -> list[Row]:
    """Every transformation of a sample of one volume's covered notes (in the worker)."""
    if result.error is not None or result.volume is None:
        raise SystemExit(f"{result.path}: {result.error}")
    vid = result.volume.id
    notes: list[Note] = []
    for doc in result.volume.documents:
        for cov in document_coverage(doc):
            if cov.has_archival and cov.covered:
                notes.append(Note(vid, f"{doc.id} {cov.note.note or 'source'}", cov.note.text))
    notes.sort(key=lambda n: n.seed)
    rows: list[Row] = []
    for note in notes[:per_volume]:
        for name, transform in TRANSFORMS.items():
            text = transform(note, pools)
            if text is None:
                continue
            cov = note_coverage(vid, Container("source", text), volume=vid)
            if not cov.has_archival:
                continue
            left = tuple(x.word for x in cov.leftovers)
            rows.append((name, note.where, "miss" if left else "ok", text, left))
    return rows


def name_pools(paths: Sequence[Path]) -> Pools:
    """The repositories and collections each volume's list of sources names."""
    repos: list[tuple[str, str]] = []
    colls: list[tuple[str, str]] = []
    for p in paths:
        found = read_source_list(p.read_bytes())
        repos += [(p.stem, n) for n in found.repositories]
        colls += [(p.stem, n) for n in found.collections]
    return {"repositories": tuple(repos), "collections": tuple(colls)}


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="tuning volumes (default: all)")
    ap.add_argument("--per-volume", type=int, default=60, help="covered notes per volume")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes")
    ap.add_argument("--failures", type=Path, help="write every failure to this file")
    args = ap.parse_args(argv)
    paths = [p for p in volume_files(args.corpus.resolve(), args.volumes)
             if p.stem not in CHECKSET]  # never the check set
    pools = name_pools(paths)
    fn = functools.partial(volume_rows, pools, args.per_volume)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for rows in map_files(fn, paths, jobs=args.jobs):
        for name, where, outcome, text, left in rows:
            table[name][0] += 1
            table[name][1] += outcome == "ok"
            if outcome == "miss":
                flat = " ".join(text.split())
                failures.append(f"{name}\t{where}\t{' '.join(left)}\t{flat}")
    print(f"{'transformation':28} {'notes':>6} {'covered':>8} {'share':>7}")
    total = [0, 0]
    for name in TRANSFORMS:
        n, ok = table.get(name, [0, 0])
        total[0] += n
        total[1] += ok
        share = f"{100 * ok / n:5.1f}%" if n else "    -"
        print(f"{name:28} {n:6} {ok:8} {share:>7}")
    print(f"{'ALL':28} {total[0]:6} {total[1]:8} {100 * total[1] / max(total[0], 1):6.1f}%")
    print(f"\n{len(paths)} tuning volumes, up to {args.per_volume} covered notes each; notes: "
          "covered notes the transformation applies to; covered: still fully covered after it.")
    if args.failures:
        args.failures.write_text("\n".join(failures) + "\n", encoding="utf-8")
        print(f"failures: {args.failures}")


if __name__ == "__main__":
    main()
