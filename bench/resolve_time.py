"""Resolution time per volume: every volume resolved against the whole corpus, best of N.

Usage: ``python bench/resolve_time.py [CORPUS_DIR [REPEAT]]`` (default
``../shared/corpus/frus``, best of 3). All volumes are read and indexed in one
:class:`~xref.resolve.corpus.Corpus` first (not timed); then each volume's documents go through
:func:`~xref.resolve.resolution.resolve_documents` REPEAT times in turn, and the best time of
each volume is printed, with their sum.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import resolve_documents

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "frus"


def main(corpus_dir: Path, repeat: int = 3) -> None:
    """Print the best resolution time of each volume and the total."""
    volumes = [read_volume(p) for p in sorted(corpus_dir.glob("*.xml"))]
    corpus = Corpus.from_documents(volumes)
    best: dict[str, float] = {}
    for _ in range(repeat):
        for v in volumes:
            started = time.perf_counter()
            for _r in resolve_documents(v.documents, corpus):
                pass
            elapsed = time.perf_counter() - started
            best[v.id] = min(best.get(v.id, elapsed), elapsed)
    for vid, seconds in best.items():
        print(f"{vid:26} {seconds:7.3f}")
    print(f"{'TOTAL':26} {sum(best.values()):7.2f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else DEFAULT, int(args[1]) if len(args) > 1 else 3)
