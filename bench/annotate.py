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


def _refs(volume: Volume) -> Iterator[tuple[Key, str]]:
    for d in volume.documents:
        for c in d.containers():
            for r in c.refs:
                if _is_document_target(r.target):
                    key = (d.id, c.key, r.span.start, r.span.end, normalize(r.target, volume.id))
                    yield key, c.text[max(0, r.span.start - 40) : r.span.end + 40]


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
    restored = sum(1 for k in before if k in after)
    added = added_tel = 0
    extra = []
    for k, context in after.items():
        if k in before:
            continue
        if kinds.get(k[:4]) == "telegram":
            added_tel += 1
            tag = "telegram"
        else:
            added += 1
            tag = "doc/fn"
        extra.append(f"{original.id} {k[0]} {k[1]} [{tag}] {k[4]}: …{context}…")
    missed = [
        f"{original.id} {k[0]} {k[1]} {k[4]}: …{context}…"
        for k, context in before.items()
        if k not in after
    ]
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
