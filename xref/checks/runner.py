"""``xref.checks.runner``: the editor's linter for footnotes and citations.

:func:`check` reads TEI volumes and plain-text documents (or takes them already read), runs
the rules of :data:`xref.checks.rules.RULES` over each file against a corpus (the files checked
plus any others loaded for cross-references), and returns :class:`Finding`\\ s: data with
a rule id, severity, message, hint and location (path, line, column; volume, document,
note). Findings come in file order, then by line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from attrs import frozen

from xref.checks.context import Finding
from xref.checks.pool import map_forked
from xref.checks.rules import RULES, SEVERITIES, Context, Hit, Rule, rule_by_id
from xref.checks.suppress import unsuppressed
from xref.cite.lexicon import SeriesLexicon, lexicon_for, register_series
from xref.cite.models import Span
from xref.errors import XrefError
from xref.read.documents import Document, Volume
from xref.read.forked import collector_paused, forking
from xref.read.lean import fill_lean, lean_item
from xref.read.sources import (
    PACKABLE,
    FileResult,
    expand_paths,
    map_files,
    pack_volume,
    read_paths,
    unpack_volume,
)
from xref.read.textjoin import make_maps
from xref.resolve.corpus import Corpus

__all__ = [
    "CheckResult", "Finding", "check", "check_inputs", "check_paths", "packed_checking",
    "select_rules", "severity_rank",
]

_XML_ID = re.compile(rb"xml:id\s*=\s*[\"']([^\"']*)[\"']")
"""An ``xml:id`` attribute (its start is checked by hand: a leading ``\\b`` would keep the
regex engine from searching for the literal, and make the scan ten times slower)."""
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

Input = str | Path | Document | Volume


@frozen
class CheckResult:
    """Findings, and the inputs that could not be read."""

    findings: tuple[Finding, ...]
    errors: tuple[XrefError, ...] = ()
    documents: int = 0
    """How many documents were checked."""
    volumes: int = 0
    """How many TEI volumes were checked."""


def severity_rank(severity: str) -> int:
    """0 for ``error``, 1 for ``warning``, 2 for ``info``."""
    return SEVERITIES.index(severity)


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> tuple[Rule, ...]:
    """The rules chosen by ids, names or id prefixes (``XR01``); raises ValueError if unknown."""

    def expand(items: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for item in items:
            for part in str(item).split(","):
                part = part.strip()
                if not part:
                    continue
                rule = rule_by_id(part)
                if rule is not None:
                    out.add(rule.id)
                    continue
                matched = {r.id for r in RULES if r.id.startswith(part.upper())}
                if not matched or not part.upper().startswith("XR"):
                    known = ", ".join(r.id for r in RULES)
                    raise ValueError(f"unknown rule {part!r} (known: {known})")
                out |= matched
        return out

    chosen = expand(select) if select is not None else {r.id for r in RULES}
    dropped = expand(ignore) if ignore is not None else set()
    return tuple(r for r in RULES if r.id in chosen and r.id not in dropped)


def _ids_of(volume: Volume, data: bytes | None) -> frozenset[str]:
    if data is not None:
        found: set[bytes] = set()
        pos = 0
        while (m := _XML_ID.search(data, pos)) is not None:
            start = m.start()
            if start and data[start - 1] in _WORD_BYTES:  # not at a word's start
                pos = start + 1
                continue
            found.add(m.group(1))
            pos = m.end()
        return frozenset(x.decode("utf-8", "replace") for x in found)
    ids: set[str] = set()
    for d in volume.documents:
        ids.add(d.local_id)
        ids.update(c.note for c in d.containers() if c.note)
    return frozenset(ids)


class _Files:
    """File bytes, read once per path."""

    def __init__(self) -> None:
        self.data: dict[str, bytes | None] = {}

    def get(self, path: str | None) -> bytes | None:
        if path is None:
            return None
        if path not in self.data:
            try:
                self.data[path] = _utf8(path, Path(path).read_bytes())
            except OSError:
                self.data[path] = None
        return self.data[path]


def _utf8(path: str, data: bytes) -> bytes:
    """An XML file's bytes in UTF-8, as the TEI reader read them (any declared encoding)."""
    from xref.read.xmlencoding import to_utf8

    if not path.lower().endswith(".xml"):
        return data
    try:
        return to_utf8(path, data)[0]
    except XrefError:
        return data


def _read(inputs: Iterable[Input], jobs: int | None) -> tuple[list[Document | Volume],
                                                              list[XrefError]]:
    items: list[Document | Volume] = []
    errors: list[XrefError] = []
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Document | Volume):
            items.append(item)
        else:
            paths.append(item)
    results: list[FileResult] = list(read_paths(paths, jobs=jobs)) if paths else []
    for r in results:
        if r.error is not None:
            errors.append(r.error)
        elif r.item is not None:
            # every volume is kept until all are checked: their maps made now, so that the
            # raw parts a lazy map keeps are not all held at once (memory)
            make_maps(r.item)
            items.append(r.item)
    return items, errors


def _finding(rule: Rule, hit: Hit, files: _Files, volume: Volume | None) -> Finding:
    doc = hit.document
    c = hit.container
    path = doc.path if doc is not None else (volume.path if volume is not None else None)
    line, column = hit.line, hit.column
    span = None
    if c is not None:
        span = Span(hit.start, hit.end)
        data = files.get(path)
        if data is not None and c.source_map.offsets:
            loc = c.source_map.locate(hit.start, data)
            line, column = loc.line, loc.column
    note = c.note if c is not None and c.where in ("source", "footnote") else None
    vol = doc.volume if doc is not None else (volume.id if volume is not None else None)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=hit.message,
        hint=hit.hint or rule.hint,
        path=path,
        line=line,
        column=column,
        volume=vol,
        document=doc.local_id if doc is not None else None,
        note=note,
        span=span,
        context=hit.where,
    )


def _check_item(item: Document | Volume, corpus: Corpus, ids: dict[str, frozenset[str]],
                rules: Sequence[Rule], files: _Files) -> list[Finding]:
    """The findings of one input (a volume or a plain-text document), in line order."""
    if isinstance(item, Volume):
        ctx = Context(item.documents, corpus, item, ids)
    else:
        ctx = Context((item,), corpus, None, ids)
    volume = item if isinstance(item, Volume) else None
    found = [_finding(rule, hit, files, volume) for rule in rules for hit in rule.function(ctx)]
    found.sort(key=lambda f: (f.line, f.column, f.rule))
    if volume is not None and volume.path:
        found = unsuppressed(found, volume.path, files.get(volume.path))
    return found


def check_inputs(
    inputs: Iterable[Input],
    *,
    corpus: Iterable[Input] | Corpus | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int | None = None,
) -> CheckResult:
    """Like :func:`check`, but unreadable inputs are returned as errors, not raised."""
    rules = select_rules(select, ignore)
    items, errors = _read(inputs, jobs)
    extra: list[Document | Volume] = []
    base: Corpus | None = None
    if isinstance(corpus, Corpus):
        base = corpus
    elif corpus is not None:
        extra, more = _read(corpus, jobs)
        errors.extend(more)
    files = _Files()
    ids: dict[str, frozenset[str]] = {}
    for item in [*items, *extra]:
        if isinstance(item, Volume):
            ids.setdefault(item.id, _ids_of(item, files.get(item.path)))
    if base is not None:
        for v in base.volume_info:
            ids.setdefault(v.id, _ids_of(v, files.get(v.path)))
        full = base.with_documents([*items, *extra])
    else:
        full = Corpus.from_documents([*items, *extra])

    def check_one(i: int) -> list[Finding]:
        return _check_item(items[i], full, ids, rules, files)

    return _checked(items, check_one, jobs, errors)


_Sent = tuple[str, bytes, bytes, SeriesLexicon, frozenset[str]]
"""What a reading worker sends for a volume: its path, its lean copy and itself packed, its
telegram series, its ``xml:id``\\ s."""


def _read_for_check(result: FileResult) -> FileResult | _Sent:
    """In a reading worker: a volume's lean copy, the volume itself (with its source maps),
    both packed, its telegram series (registered in this worker only) and the ``xml:id``\\ s
    of its file; anything else (a plain-text document, an error) as it is."""
    v = result.volume
    if v is None:
        return result
    lean = lean_item(v)
    assert isinstance(lean, Volume)
    ids = _ids_of(v, _Files().get(v.path))
    return result.path, pack_volume(lean), pack_volume(v), lexicon_for(v.id), ids


def packed_checking(jobs: int, paths: Sequence[str]) -> bool:
    """Whether :func:`check_paths` keeps volumes packed until the forked workers that check
    them (``jobs`` above 1, more than one file, ``fork`` available)."""
    return jobs > 1 and len(paths) > 1 and forking() and PACKABLE


@collector_paused()
def check_paths(
    files: Sequence[str],
    extra: Sequence[str] = (),
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int,
    reading: Callable[[str, int], None] | None = None,
    checking: Callable[[int], None] | None = None,
) -> CheckResult:
    """:func:`check_inputs` of ``files`` (``extra``: more corpus), read and checked in ``jobs``
    workers, with the same findings; unreadable files are returned as errors, those of
    ``files`` first (directories are expanded). ``reading(path, documents)`` is called as
    each file is read, ``checking(inputs)`` before the checking starts.

    Where :func:`packed_checking` holds, each reading worker sends a volume's lean copy (see
    :mod:`xref.read.lean`) and the whole volume packed, with its ``xml:id``\\ s; this process
    indexes the lean copies only and keeps each volume packed; the forked worker that checks
    a volume unpacks it into the lean copy it inherited (:func:`~xref.read.lean.fill_lean`),
    so that its rules see the whole volume in the very objects of the index. Elsewhere the
    files are read and checked as by :func:`check_inputs`. The cyclic garbage collector is
    paused meanwhile (:func:`~xref.read.forked.collector_paused`).
    """
    rules = select_rules(select, ignore)
    files = expand_paths(files)
    extra = [f for f in expand_paths(extra) if f not in files]
    everything = [*files, *extra]
    if not packed_checking(jobs, everything):
        items: list[Document | Volume] = []
        more: list[Document | Volume] = []
        errors: list[XrefError] = []
        for i, r in enumerate(read_paths(everything, jobs=jobs)):
            if reading is not None:
                reading(r.path, len(r.documents))
            if r.error is not None:
                errors.append(r.error)
            elif r.item is not None:
                make_maps(r.item)  # all are kept until checked: see _read
                (items if i < len(files) else more).append(r.item)
        if checking is not None:
            checking(len(items))
        result = check_inputs(items, corpus=more or None, select=select, ignore=ignore,
                              jobs=jobs)
        return CheckResult(result.findings, (*errors, *result.errors), result.documents,
                           result.volumes)
    items = []
    packed: list[bytes | None] = []
    index: list[Document | Volume] = []
    errors = []
    ids: dict[str, frozenset[str]] = {}
    for i, answer in enumerate(map_files(_read_for_check, everything, jobs=jobs)):
        if isinstance(answer, FileResult):
            if reading is not None:
                reading(answer.path, len(answer.documents))
            if answer.error is not None:
                errors.append(answer.error)
                continue
            item: Document | Volume | None = answer.item
            whole: bytes | None = None
            if isinstance(item, Volume):  # pragma: no cover - volumes come packed
                ids.setdefault(item.id, _ids_of(item, _Files().get(item.path)))
        else:
            path, lean, whole, series, found = answer
            item = unpack_volume(lean)
            register_series(item.id, series)  # the forked checkers inherit it
            ids.setdefault(item.id, found)
            if reading is not None:
                reading(path, len(item.documents))
        if item is None:  # pragma: no cover - a result is an error, a volume or a document
            continue
        index.append(item)
        if i < len(files):
            items.append(item)
            packed.append(whole)
    corpus = Corpus.from_documents(index)
    del index
    files_read = _Files()
    if checking is not None:
        checking(len(items))

    def check_one(i: int) -> list[Finding]:
        item = items[i]
        whole = packed[i]
        if whole is not None:  # unpacked here, in the forked worker, into the index's copy
            assert isinstance(item, Volume)
            fill_lean(item, unpack_volume(whole))
        return _check_item(item, corpus, ids, rules, files_read)

    return _checked(items, check_one, jobs, errors)


def check(
    inputs: Input | Sequence[Input],
    *,
    corpus: Iterable[Input] | Corpus | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int | None = None,
) -> list[Finding]:
    """Check files (TEI volumes, plain-text documents, directories) or documents read already.

    ``corpus`` adds volumes or documents that cross-references may point to (or is a
    :class:`~xref.resolve.corpus.Corpus`). ``select`` and ``ignore`` take rule ids (``XR012``),
    names (``ibid-ambiguous``) or id prefixes. Raises :class:`~xref.errors.InputError` when an
    input cannot be read, ``ValueError`` for an unknown rule.
    """
    if isinstance(inputs, str | Path | Document | Volume):
        inputs = [inputs]
    result = check_inputs(inputs, corpus=corpus, select=select, ignore=ignore, jobs=jobs)
    if result.errors:
        raise result.errors[0]
    return list(result.findings)


def _checked(
    items: Sequence[Volume | Document],
    check_one: Callable[[int], list[Finding]],
    jobs: int | None,
    errors: Sequence[XrefError],
) -> CheckResult:
    """Every item checked by ``check_one`` (forked over ``jobs`` workers, the largest volumes
    first), its findings in input order, with the counts of documents and volumes."""
    weights = [len(i.documents) if isinstance(i, Volume) else 1 for i in items]
    findings = [f for found in map_forked(check_one, weights, jobs) for f in found]
    return CheckResult(tuple(findings), tuple(errors),
                       documents=sum(len(i.documents) if isinstance(i, Volume) else 1
                                     for i in items),
                       volumes=sum(isinstance(i, Volume) for i in items))
