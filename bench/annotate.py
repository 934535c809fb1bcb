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

from xref.annotation import annotate_tei
from xref.corpus import Corpus
from xref.documents import Volume
from xref.tei import read_volume

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


@frozen
class Outcome:
    """The figures of one volume."""

    volume: str
    editors: int
    restored: int
    added: int
    added_telegram: int
    skipped: int
    missed: list[str] = field(factory=list)
    extra: list[str] = field(factory=list)


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
    added = added_tel = 0
    extra = []
    matched = set(loose.values())
    for k, (context, _) in after.items():
        if k in before or k in matched:
            continue
        if kinds.get(k[:4]) == "telegram":
            added_tel += 1
            tag = "telegram"
        else:
            added += 1
            tag = "doc/fn"
        extra.append(f"{original.id} {k[0]} {k[1]} [{tag}] {k[4]}: …{context}…")
    missed = []
    for k, (context, _) in before.items():
        if k in after or k in loose:
            continue
        near = [
            f"{o[2]}-{o[3]} {o[4]}"
            for o in after
            if o[:2] == k[:2] and o[2] < k[3] and k[2] < o[3]
        ]
        ours = f" | ours: {'; '.join(near)} (editors {k[2]}-{k[3]})" if near else ""
        missed.append(f"{original.id} {k[0]} {k[1]} {k[4]}: …{context}…{ours}")
    return Outcome(
        original.id, len(before), restored, added, added_tel, len(result.skipped), missed, extra
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
    head = f"{'volume':<22}{'editors':>8}{'restored':>10}{'':>9}{'added':>7}{'':>9}"
    print(head + f"{'+tel':>6}{'skipped':>9}")
    for o in outcomes:
        print(
            f"{o.volume:<22}{o.editors:>8}{o.restored:>10}{_pct(o.restored, o.editors):>9}"
            f"{o.added:>7}{_pct(o.added, o.editors):>9}{o.added_telegram:>6}{o.skipped:>9}"
        )
    e = sum(o.editors for o in outcomes)
    r = sum(o.restored for o in outcomes)
    a = sum(o.added for o in outcomes)
    t = sum(o.added_telegram for o in outcomes)
    s = sum(o.skipped for o in outcomes)
    print(f"{'all':<22}{e:>8}{r:>10}{_pct(r, e):>9}{a:>7}{_pct(a, e):>9}{t:>6}{s:>9}")
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
