"""How well ``xref annotate`` restores the editors' cross-references.

For each volume: unwrap every ``<ref>`` whose target is a document or footnote (``#dN``,
``#dNfnM``, ``dN``, ``frus…``), keeping its text; annotate the copy; read the result back
and compare its refs, container by container, with the original volume's refs.

* **restored**: an editors' document/footnote ref whose span and target (``#d5``,
  ``VOL#d5`` of the same volume and the ``d5`` quirk are one target) the output has too;
* **added**: an output ref the editors did not have (document and footnote refs; telegram
  refs are counted apart, since editors rarely tag telegrams).

Usage::

    python bench/annotate.py [VOLUME.xml ...] [--details FILE] [--jobs N]

With no volumes, every volume of ``../shared/corpus/frus``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from attrs import field, frozen

from xref.annotation.annotator import annotate_tei
from xref.read.documents import Volume
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus

__all__ = ["Outcome", "main", "measure", "unwrap_refs"]

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "frus"

_REF = re.compile(rb'<ref\s+target="([^"]*)"\s*>(.*?)</ref>', re.S)


def _is_document_target(target: str) -> bool:
    return bool(re.match(r"#d\d|d\d|frus[^#]*#d\d", target))


def unwrap_refs(data: bytes) -> bytes:
    """``data`` with every document/footnote ``<ref>`` replaced by its content."""

    def sub(m: re.Match[bytes]) -> bytes:
        target = m.group(1).decode("utf-8", "replace")
        if _is_document_target(target) and b"<ref" not in m.group(2):
            return m.group(2)
        return m.group(0)

    return _REF.sub(sub, data)


def normalize(target: str, volume: str) -> str:
    """One spelling per target: ``#d5`` for this volume's, ``VOL#d5`` for another's."""
    if re.match(r"d\d", target):
        target = "#" + target
    if target.startswith(volume + "#"):
        target = target[len(volume) :]
    return target


Key = tuple[str, str, int, int, str]


def _refs(volume: Volume) -> Iterator[tuple[Key, tuple[str, str]]]:
    for d in volume.documents:
        for c in d.containers():
            for r in c.refs:
                if _is_document_target(r.target):
                    key = (d.id, c.key, r.span.start, r.span.end, normalize(r.target, volume.id))
                    a, b = r.span.start, r.span.end
                    context = f"{c.text[max(0, a - 40) : a]}[{c.text[a:b]}]{c.text[b : b + 40]}"
                    yield key, (context, c.text[a:b])


_AFFIXES = (
    re.compile(r"^[Ss]ee\s+"),  # frus1964-68v34 only: "See Document 47" inside the ref
    re.compile(r"^(?:vol\.|volume)\s+[IVXLC]+,\s*"),  # "vol. XI, Document 59": 4 whole, 2 not
    re.compile(r"\s*[.;,]$"),  # Guatemala, v12: "Document 21." (17 of 2,829)
    re.compile(r",?\s+(?:above|supra|below|infra|thereto)$"),  # inside 31 times, outside 80
    re.compile(r"\s+ff\.?$"),  # "Documents 63 ff": inside twice, outside 43 times
)


def loosen(text: str) -> str:
    """A ref's text without the affixes the editors put inside or outside inconsistently."""
    text = " ".join(text.split())
    for _ in range(2):
        for affix in _AFFIXES:
            text = affix.sub("", text)
    return text


def _tolerant_pairs(
    before: dict[Key, tuple[str, str]], after: dict[Key, tuple[str, str]]
) -> dict[Key, Key]:
    """Editors' refs matched by an output ref with the same target and an overlapping span
    whose text differs only by the affixes of :data:`_AFFIXES`."""
    by_place: dict[tuple[str, str, str], list[Key]] = {}
    for k in after:
        if k not in before:
            by_place.setdefault((k[0], k[1], k[4]), []).append(k)
    pairs: dict[Key, Key] = {}
    used: set[Key] = set()
    for k, (_, text) in before.items():
        if k in after:
            continue
        mine = loosen(text)
        for o in by_place.get((k[0], k[1], k[4]), []):
            if o not in used and o[2] < k[3] and k[2] < o[3] and loosen(after[o][1]) == mine:
                pairs[k] = o
                used.add(o)
                break
    return pairs


VERIFIED = Path(__file__).resolve().parents[1] / "fixtures" / "annotate" / "verified.tsv"
"""Hand-checked differences: ``verdict volume document container target note``."""

Place = tuple[str, str, str, str]  # volume, document (dN), container, target


def load_verified(path: Path = VERIFIED) -> dict[Place, str]:
    """The verdict of each hand-checked ref, by place and target."""
    out: dict[Place, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        verdict, volume, doc, container, target = line.split("\t")[:5]
        out[(volume, doc, container, target)] = verdict
    return out


_EDITORS_SIDE = {"editors-wrong", "convention", "less-specific", "ambiguous"}
_OURS_SIDE = {"corrects", "convention", "less-specific", "ambiguous"}
_TELEGRAM = re.compile(
    r"(?:circular\s+)?(?:telegram|[A-Z][a-z]*tel|Secto|Tosec|Dulte|Tedul|Polto|Topol|Niact)",
    re.I,
)
_RELATIVE = re.compile(r"[Ss]upra|[Ii]nfra|,?\s*(?:supra|infra)\b")


@frozen
class Outcome:
    """The figures of one volume.

    ``editors`` refs split into ``restored`` and missed; the missed into ``missed_theirs``
    (hand-checked: the editors' target is wrong, the text is ambiguous, or the same link is
    encoded another way) and the rest. Our refs the editors did not have split into
    ``added_missed`` (hand-checked: the editors missed the link), ``added_corrects`` (in
    place of an editors' ref counted in ``missed_theirs``), ``added_relative`` (supra/infra
    back-references, which the editors never tag), ``added_telegram`` and ``added`` (the
    rest: our errors, or not yet checked).
    """

    volume: str
    editors: int
    restored: int
    added: int
    added_telegram: int
    skipped: int
    missed: list[str] = field(factory=list)
    extra: list[str] = field(factory=list)
    missed_theirs: int = 0
    added_missed: int = 0
    added_corrects: int = 0
    added_relative: int = 0


def measure(path: str) -> Outcome:
    """Unwrap, annotate and compare one volume."""
    data = Path(path).read_bytes()
    original = read_volume(path)
    bare = unwrap_refs(data)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / Path(path).name  # same stem: the volume id of files without one
        copy.write_bytes(bare)
        volume = read_volume(copy)
        result = annotate_tei(bare, volume, Corpus.from_documents([volume]), path=path)
        copy.write_bytes(result.output)
        annotated = read_volume(copy)
    kinds = {(i.document, i.container, i.span.start, i.span.end): i.kind for i in result.insertions}
    before = dict(_refs(original))
    after = dict(_refs(annotated))
    loose = _tolerant_pairs(before, after)
    restored = sum(1 for k in before if k in after or k in loose)
    verified = load_verified()
    counts = {"telegram": 0, "doc/fn": 0, "missed": 0, "corrects": 0, "relative": 0}
    extra = []
    matched = set(loose.values())
    for k, (context, text) in after.items():
        if k in before or k in matched:
            continue
        verdict = verified.get((original.id, k[0].partition("#")[2], k[1], k[4]))
        following = context[context.rindex("]") + 1 :]
        if verdict == "missed":
            tag = "missed"
        elif verdict in _OURS_SIDE:
            tag = "corrects"
        elif "fn" not in k[4] and (
            _RELATIVE.fullmatch(text) or re.match(r",?\s*(?:supra|infra)\b", following)
        ):
            tag = "relative"
        elif kinds.get(k[:4]) == "telegram" or _TELEGRAM.match(text):
            tag = "telegram"
        else:
            tag = "doc/fn"
        counts[tag] += 1
        extra.append(f"{original.id} {k[0]} {k[1]} [{tag}] {k[4]}: …{context}…")
    added, added_tel = counts["doc/fn"], counts["telegram"]
    missed = []
    theirs = 0
    for k, (context, _) in before.items():
        if k in after or k in loose:
            continue
        if verified.get((original.id, k[0].partition("#")[2], k[1], k[4])) in _EDITORS_SIDE:
            theirs += 1
            context = "[theirs] " + context
        near = [
            f"{o[2]}-{o[3]} {o[4]}" for o in after if o[:2] == k[:2] and o[2] < k[3] and k[2] < o[3]
        ]
        ours = f" | ours: {'; '.join(near)} (editors {k[2]}-{k[3]})" if near else ""
        missed.append(f"{original.id} {k[0]} {k[1]} {k[4]}: …{context}…{ours}")
    return Outcome(
        original.id,
        len(before),
        restored,
        added,
        added_tel,
        len(result.skipped),
        missed,
        extra,
        theirs,
        counts["missed"],
        counts["corrects"],
        counts["relative"],
    )


def _total(outcomes: list[Outcome]) -> Outcome:
    def s(name: str) -> int:
        return sum(getattr(o, name) for o in outcomes)

    return Outcome(
        "all",
        s("editors"),
        s("restored"),
        s("added"),
        s("added_telegram"),
        s("skipped"),
        [],
        [],
        s("missed_theirs"),
        s("added_missed"),
        s("added_corrects"),
        s("added_relative"),
    )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.2f}%" if b else "     -"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("volumes", nargs="*")
    p.add_argument("--details", help="write the missed and added refs to this file")
    p.add_argument("--jobs", type=int, default=None)
    args = p.parse_args(argv)
    paths = args.volumes or sorted(str(x) for x in CORPUS.glob("*.xml"))
    if not paths:
        print(f"no volumes (looked in {CORPUS})", file=sys.stderr)
        return 2
    with ProcessPoolExecutor(args.jobs) as ex:
        outcomes = list(ex.map(measure, paths))
    print(
        f"{'volume':<23}{'editors':>7}{'restored':>9}{'%':>8}{'theirs':>7}{'ours':>5}"
        f"{'added':>6}{'%':>7}{'e-miss':>7}{'corr':>5}{'sup/inf':>8}{'tel':>5}{'skip':>5}"
    )
    rows = [*outcomes, _total(outcomes)]
    for o in rows:
        ours = o.editors - o.restored - o.missed_theirs
        print(
            f"{o.volume:<23}{o.editors:>7}{o.restored:>9}{_pct(o.restored, o.editors):>8}"
            f"{o.missed_theirs:>7}{ours:>5}{o.added:>6}{_pct(o.added, o.editors):>7}"
            f"{o.added_missed:>7}{o.added_corrects:>5}{o.added_relative:>8}"
            f"{o.added_telegram:>5}{o.skipped:>5}"
        )
    t = rows[-1]
    fair = t.editors - t.missed_theirs
    print(
        f"\nrestored {t.restored}/{t.editors} = {_pct(t.restored, t.editors).strip()}; "
        f"of the refs whose target is right and encoding agreed, "
        f"{t.restored}/{fair} = {_pct(t.restored, fair).strip()}\n"
        f"added (our error or unchecked) {t.added}/{t.editors} = "
        f"{_pct(t.added, t.editors).strip()}; editors missed (checked) {t.added_missed}; "
        f"in place of wrong/other-encoded editors' refs {t.added_corrects}; "
        f"supra/infra {t.added_relative}; telegrams {t.added_telegram}"
    )
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for o in outcomes:
                for line in o.missed:
                    f.write(f"MISSED {line}\n")
                for line in o.extra:
                    f.write(f"ADDED  {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
