"""Suspect citations: structural sanity checks on what xref reports, with no answer key (issue 12).

Every volume is read, its citations found and resolved (each volume alone, as ``xref resolve
FILE`` does), and every citation is put to sanity checks that a right reading cannot fail
(unless the volume itself is wrong):

* ``doc-number``: ``Document N`` beyond the cited volume's documents (this volume: its own
  documents; another volume of the corpus: its documents; a volume the corpus does not have:
  not checked, the catalog knows no document counts);
* ``footnote``: a footnote number the cited document (of a volume in the corpus) does not have
  (a source note numbered ``1`` counts as its footnote 1);
* ``page``: a page outside the cited volume's ``<pb>`` range (volumes in the corpus);
* ``tel-number``: a telegram, despatch or airgram number of an impossible shape (up to six
  digits, not all zeros; a military date-time group ``242025Z``; an airgram's ``A-``);
* ``file-date``: a decimal file's date (``/12-1262``) that is no valid date, or (in a source
  note or a body) lies more than :data:`SLACK_DAYS` after the citing document's date;
* ``cite-date``: a telegram's, despatch's or airgram's date after the citing document's date
  (by more than :data:`SLACK_DAYS`), in its body (notes tell of later papers too);
* ``lot-box``: a lot (``63 D 75``) or a box (``Box 12``) with nonsense parts;
* ``in-word``: a span that starts or ends inside a word;
* ``sentence``: a span that swallows a sentence boundary (``... files. The Secretary said``);
* ``vol-missing``: a ``vol.`` that names no volume of the catalog;
* ``unresolved:KIND``: every citation left ``unresolved``, by kind.

Usage, from the repository root::

    python bench/suspects.py [--corpus DIR] [--volumes ID ...] [--jobs N]
                             [--sample N --seed S --out FILE] [--all FILE]

Prints the tuning set's counts per rule and era, and the check set's (``bench/checkset.txt``)
only as aggregate counts per rule, never its cases. ``--sample`` writes a seeded random sample
of the tuning set's suspects (per rule, at most N each) with context, for reading by hand;
``--all`` every tuning suspect.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from benchsets import ERAS, era_of, pct, set_of, volume_files  # noqa: E402

from xref.cite.models import (  # noqa: E402
    AirgramCitation,
    CentralFileCitation,
    Citation,
    DespatchCitation,
    DocumentCitation,
    FootnoteCitation,
    LibraryCitation,
    LotFileCitation,
    NationalArchivesCitation,
    PublicationCitation,
    RecordsCenterCitation,
    TelegramCitation,
)
from xref.read.documents import Document  # noqa: E402
from xref.read.sources import FileResult, map_files  # noqa: E402
from xref.resolve.channels import complete_date  # noqa: E402
from xref.resolve.corpus import Corpus  # noqa: E402
from xref.resolve.resolution import Resolution, resolve_documents  # noqa: E402
from xref.resolve.volumes import missing_volume  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"
SLACK_DAYS = 3
"""Days a cited date or a file date may lie after the citing document's date (a telegram
received the next day, a date line in another time zone)."""

RULES = ("doc-number", "footnote", "page", "tel-number", "file-date", "cite-date", "lot-box",
         "in-word", "sentence", "vol-missing")
"""The structural rules, in report order (``unresolved:KIND`` follow)."""

_TEL_NUMBER = re.compile(r"(?!0+$)\d{1,6}|\d{6}Z")
_AIRGRAM_NUMBER = re.compile(r"(?:[A-Z]{1,3}-)?(?!0+$)\d{1,6}")
_LOT = re.compile(r"\d{2,3} ?[A-Z] ?\d{1,4}(?: ?[A-Z])?")
_BOX = re.compile(r"\b(?:Box|Boxes|BOX)\b\s*(\S*)")
_BOX_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?(?:[,–-]|$)|[A-Z]{1,3}[-–]?\d{1,4}")
_SENTENCE = re.compile(r"\b[a-z]{3,}[.?!] +[A-Z][a-z]+ +[a-z]{2,}")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")

Case = tuple[str, str, str, str]
"""(rule, where, citation text, context) of one tuning suspect."""
Pending = tuple[str, str, str, str | None, str, str]
"""(rule, volume cited, document number, footnote label or page, where, context): a check
on another volume of the corpus, made once every volume is read."""


def _date(iso: str | None) -> dt.date | None:
    """A full ISO date, or None (partial or invalid)."""
    m = _ISO.match(iso or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _late(cited: str | None, citing: str | None) -> bool:
    """Whether ``cited`` is more than :data:`SLACK_DAYS` after ``citing`` (both full)."""
    a, b = _date(cited), _date(citing)
    return a is not None and b is not None and (a - b).days > SLACK_DAYS


def _first_page(pages: str | None) -> int | None:
    m = re.match(r"\s*(\d+)", pages or "")
    return int(m.group(1)) if m else None


def _path_parts(c: Citation) -> tuple[str, ...]:
    parts: list[str] = []
    for name in ("path", "folder", "series"):
        v = getattr(c, name, None)
        if isinstance(v, tuple):
            parts.extend(v)
        elif isinstance(v, str):
            parts.append(v)
    return tuple(parts)


def structural(c: Citation, text: str, doc: Document, where: str) -> list[str]:
    """The rules ``c`` (found in ``text``, container ``where``, of ``doc``) fails that need
    no other volume. Dates are held against the citing document's only in its source note
    and body: a footnote is the editors', and tells of later papers too."""
    out = []
    dated = where in ("source", "body")
    s, e = c.span.start, c.span.end
    if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
        e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
    ):
        out.append("in-word")
    if _SENTENCE.search(text[s:e]):
        out.append("sentence")
    if isinstance(c, TelegramCitation | DespatchCitation) and c.number is not None:
        if not _TEL_NUMBER.fullmatch(c.number):
            out.append("tel-number")
    if isinstance(c, AirgramCitation) and not _AIRGRAM_NUMBER.fullmatch(c.number):
        out.append("tel-number")
    if isinstance(c, CentralFileCitation) and "/" in c.file:
        tail = c.file.rsplit("/", 1)[1]
        if re.fullmatch(r"\d{1,2}-\d{3,4}", tail) and (_date(c.date) is None or (
            dated and _late(c.date, doc.date)
        )):
            out.append("file-date")
    dispatch = isinstance(c, TelegramCitation | DespatchCitation | AirgramCitation)
    if where == "body" and dispatch and _late(complete_date(getattr(c, "date", None), doc.date),
                                              doc.date):
        out.append("cite-date")
    bad_box = any(
        not _BOX_NUMBER.match(m.group(1)) for p in _path_parts(c) for m in _BOX.finditer(p)
    ) if isinstance(c, LibraryCitation | LotFileCitation | RecordsCenterCitation
                    | NationalArchivesCitation) else False
    if (isinstance(c, LotFileCitation) and not _LOT.fullmatch(c.lot)) or bad_box:
        out.append("lot-box")
    if isinstance(c, DocumentCitation | FootnoteCitation | PublicationCitation) and (
        missing_volume(c.volume) is not None
    ):
        out.append("vol-missing")
    return out


def _context(text: str, s: int, e: int) -> str:
    return f"{text[max(0, s - 80):s]}⟦{text[s:e]}⟧{text[e:e + 80]}".replace("\n", " ")


def _cited_volume(r: Resolution) -> str | None:
    """The volume a document, footnote or page citation names (the citing one when none)."""
    key = r.key or r.target or ""
    if "#" in key and key.split("#", 1)[0]:
        return key.split("#", 1)[0]
    vol = getattr(r.citation, "volume", None)
    return vol if isinstance(vol, str) else r.document.volume


VolumeFacts = tuple[frozenset[str], dict[str, frozenset[str]], tuple[int, int] | None]
"""A volume's document numbers, each document's footnote labels, and its page range."""


def volume_facts(result: FileResult) -> VolumeFacts:
    """What a volume's documents let other volumes' citations be checked against."""
    assert result.volume is not None
    numbers = frozenset(d.number for d in result.volume.documents if d.number)
    notes = {
        d.number: frozenset(fn.label for fn in d.footnotes if fn.label)
        | frozenset(d.source.container.label or "" for _ in (1,) if d.source is not None)
        for d in result.volume.documents if d.number
    }
    pages = [int(p) for d in result.volume.documents for p in d.pages if p.isdigit()]
    return numbers, notes, ((min(pages), max(pages)) if pages else None)


def failing(rule: str, facts: VolumeFacts, number: str, label: str | None) -> bool:
    """Whether a document, footnote or page citation fails ``rule`` against ``facts``."""
    numbers, notes, pages = facts
    if rule == "doc-number":
        return number not in numbers
    if rule == "footnote":
        return number in numbers and label not in notes.get(number, frozenset())
    first = _first_page(label)
    return pages is not None and first is not None and not pages[0] <= first <= pages[1]


def volume_rows(
    result: FileResult,
) -> tuple[str, Counter[str], int, list[Case], list[Pending], VolumeFacts]:
    """One volume's suspect counts by rule, its number of citations, its cases (a tuning
    volume's only), the checks left for other volumes, and its own facts."""
    if result.error is not None or result.volume is None:
        raise SystemExit(f"{result.path}: {result.error}")
    vol = result.volume
    vid = vol.id
    keep = set_of(vid) == "tuning"
    facts = volume_facts(result)
    counts: Counter[str] = Counter()
    cases: list[Case] = []
    pending: list[Pending] = []
    n = 0
    corpus = Corpus.from_documents([vol])
    for r in resolve_documents(vol.documents, corpus):
        c, text = r.citation, r.container.text
        n += 1
        where = f"{r.document.id} {r.container.key}"
        rules = structural(c, text, r.document, r.container.where)
        if r.status == "unresolved":
            rules.append(f"unresolved:{c.kind}")
        checks: list[tuple[str, str, str | None]] = []
        if isinstance(c, DocumentCitation) and c.number is not None and c.relative is None:
            checks.append(("doc-number", str(c.number), None))
        if isinstance(c, FootnoteCitation) and c.document is not None and c.relative is None:
            checks.append(("footnote", str(c.document), c.number))
        if (r.method in ("page", "page-footnote") and (r.key or "").split("#", 1)[0]
                and "another work's" not in r.reason):  # xref says it is not this volume's
            first = (r.key or "").split("#pg_", 1)[-1].split("fn", 1)[0]
            checks.append(("page", "", first))
        cited = _cited_volume(r)
        ctx = _context(text, c.span.start, c.span.end) if keep else ""
        for rule, number, label in checks:
            if cited == vid:
                if failing(rule, facts, number, label):
                    rules.append(rule)
            elif cited is not None:
                pending.append((rule, cited, number, label, where, ctx))
        counts.update(rules)
        if keep:
            flat = " ".join(c.text.split())  # one line a case
            cases.extend((rule, where, flat, ctx) for rule in rules)
    return vid, counts, n, cases, pending, facts


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volumes to measure (default: all)")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes")
    ap.add_argument("--sample", type=int, default=0, help="tuning suspects to sample per rule")
    ap.add_argument("--seed", type=int, default=12, help="the sample's seed")
    ap.add_argument("--out", type=Path, help="where the sample goes (default: stdout)")
    ap.add_argument("--all", type=Path, help="write every tuning suspect to this file")
    args = ap.parse_args(argv)
    paths = volume_files(args.corpus.resolve(), args.volumes)

    by_era: dict[str, Counter[str]] = {}
    by_set: dict[str, Counter[str]] = {"tuning": Counter(), "check": Counter()}
    cites_era: Counter[str] = Counter()
    cites_set: Counter[str] = Counter()
    cases: list[Case] = []
    pending: list[tuple[str, Pending]] = []
    facts: dict[str, VolumeFacts] = {}
    for vid, counts, n, vcases, vpending, vfacts in map_files(volume_rows, paths,
                                                               jobs=args.jobs):
        s = set_of(vid)
        by_set[s].update(counts)
        cites_set[s] += n
        facts[vid] = vfacts
        pending.extend((vid, p) for p in vpending)
        if s == "tuning":
            by_era.setdefault(era_of(vid), Counter()).update(counts)
            cites_era[era_of(vid)] += n
            cases.extend(vcases)
    for vid, (rule, cited, number, label, where, ctx) in pending:
        if cited in facts and failing(rule, facts[cited], number, label):
            s = set_of(vid)
            by_set[s][rule] += 1
            if s == "tuning":
                by_era[era_of(vid)][rule] += 1
                cases.append((rule, where, f"{cited} {number} {label or ''}".strip(), ctx))

    unresolved = sorted({r for c in by_set.values() for r in c if r.startswith("unres")})
    rules = [*RULES, *unresolved]
    eras = [e for e in [*ERAS, *sorted(set(by_era) - set(ERAS))] if e in by_era]
    print("TUNING set: suspects per rule and era")
    print(f"{'rule':28} " + " ".join(f"{e:>8}" for e in eras) + f" {'tuning':>8} {'check':>8}")
    for r in [*rules, "citations"]:
        row = [cites_era[e] if r == "citations" else by_era[e][r] for e in eras]
        sets = [cites_set[s] if r == "citations" else by_set[s][r] for s in ("tuning", "check")]
        print(f"{r:28} " + " ".join(f"{x:8}" for x in [*row, *sets]))
    for s in ("tuning", "check"):
        structural_n = sum(by_set[s][r] for r in RULES)
        print(f"set: {s:7} citations {cites_set[s]:7}  structural suspects {structural_n:6} "
              f"({pct(structural_n, cites_set[s]).strip()})  unresolved "
              f"{sum(by_set[s][r] for r in unresolved):6}")
    if args.all:
        args.all.write_text("".join("\t".join(c) + "\n" for c in cases), encoding="utf-8")
    if args.sample:
        rng = random.Random(args.seed)
        pick: list[Case] = []
        for r in rules:
            mine = [c for c in cases if c[0] == r]
            pick.extend(rng.sample(mine, min(args.sample, len(mine))))
        text = "".join("\t".join(c) + "\n" for c in pick)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
            print(f"sample of {len(pick)} tuning suspects (seed {args.seed}): {args.out}")
        else:
            print(text)


if __name__ == "__main__":
    main()
