"""Throughput of ``xref.find_citations`` on the dev corpus, and of eyecite on the same texts.

Usage::

    python bench/throughput.py [--corpus DIR] [--volumes ID ...] [--sample-mb 2] [--full]

The volumes are read first (untimed). The unit of work is one *container text* (heading,
source note, body or footnote of a document: what the library is called on). Sizes are
MB = 10**6 bytes of UTF-8. Everything runs in this one process on one core.

1. xref on every container of every selected volume (the full run);
2. xref and ``eyecite.get_citations`` on the same deterministic sample: every k-th document
   (k chosen so the sample is about ``--sample-mb``), or on everything with ``--full``;
3. peak memory: the process's ``ru_maxrss`` after reading and after the runs, and the
   ``tracemalloc`` peak of one (untimed) xref pass over the sample.

eyecite is a legal-citation extractor (the ``bench`` extra); it finds almost nothing in FRUS,
so the comparison is of raw scanning cost on the same text, not of results.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import math
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("xref") is None:
    sys.path.append(str(REPO))  # run from a checkout without installing

from xref import find_citations  # noqa: E402
from xref.read.documents import Document  # noqa: E402
from xref.read.tei import read_volume  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"
MB = 1_000_000


def load_documents(corpus: Path, volumes: Sequence[str] | None) -> list[Document]:
    """Read the selected volumes (all ``*.xml`` in ``corpus`` by default), in file-name order."""
    paths = sorted(corpus.glob("*.xml"))
    if volumes:
        wanted = set(volumes)
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            sys.exit(f"no such volume in {corpus}: {', '.join(sorted(missing))}")
    if not paths:
        sys.exit(f"no volumes in {corpus}")
    docs: list[Document] = []
    for p in paths:
        docs.extend(read_volume(p).documents)
    return docs


def container_texts(docs: Sequence[Document]) -> list[str]:
    """Every non-empty container text of ``docs``, in reading order."""
    return [c.text for d in docs for c in d.containers() if c.text]


def sample_documents(docs: Sequence[Document], sample_mb: float) -> tuple[list[Document], int]:
    """Every k-th document, with k chosen so the sample's text is about ``sample_mb``."""
    total = sum(size_mb(container_texts([d])) for d in docs)
    k = max(1, math.ceil(total / sample_mb)) if sample_mb > 0 else 1
    return list(docs[::k]), k


def size_mb(texts: Sequence[str]) -> float:
    """Total UTF-8 size of ``texts`` in MB."""
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def max_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss * (1 if sys.platform == "darwin" else 1024) / MB


def time_run(extract: Callable[[str], Sequence[Any]], texts: Sequence[str]) -> tuple[float, int]:
    """Seconds to run ``extract`` over every text, and the number of citations found.

    A text on which ``extract`` raises is counted and reported, not fatal.
    """
    gc.collect()
    n = errors = 0
    first = None
    t = time.perf_counter()
    for text in texts:
        try:
            n += len(extract(text))
        except Exception as exc:  # a crash in the library is a finding, not a stop
            errors += 1
            first = first or f"{type(exc).__name__}: {exc} on {text[:80]!r}"
    seconds = time.perf_counter() - t
    if errors:
        print(f"  !! {errors} texts raised; first: {first}")
    return seconds, n


def report(name: str, texts: Sequence[str], seconds: float, found: int) -> float:
    """Print one result line; return MB/s."""
    mb = size_mb(texts)
    rate = mb / seconds if seconds else float("inf")
    print(f"{name:34} {mb:8.2f} MB {seconds:9.2f} s {rate:9.3f} MB/s "
          f"{found:8d} cit {found / seconds if seconds else 0:10.0f} cit/s")
    return rate


def eyecite_extractor() -> Callable[[str], Sequence[Any]] | None:
    """``eyecite.get_citations``, or None when eyecite is not installed."""
    try:
        import eyecite
    except ImportError:
        return None
    return eyecite.get_citations  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> None:
    """Parse options, run the measurements, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volume ids (default: all)")
    ap.add_argument("--sample-mb", type=float, default=2.0,
                    help="size of the comparison sample (every k-th document), default 2")
    ap.add_argument("--full", action="store_true", help="compare with eyecite on everything")
    ap.add_argument("--no-eyecite", action="store_true", help="skip eyecite")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    docs = load_documents(args.corpus.resolve(), args.volumes)
    texts = container_texts(docs)
    read_s = time.perf_counter() - t
    rss_read = max_rss_mb()
    print(f"read {len(docs)} documents, {len(texts)} containers, {size_mb(texts):.2f} MB "
          f"of text in {read_s:.1f} s (untimed); max RSS after reading {rss_read:.0f} MB")
    print(f"python {sys.version.split()[0]}, single process\n")

    find_citations("Deptel 1338; Document 204; Ibid., 737.00/1-1162.")  # warm up (grammar load)
    sec, n = time_run(find_citations, texts)
    xref_full = report("xref find_citations (all)", texts, sec, n)

    if args.full:
        sample, k = list(docs), 1
    else:
        sample, k = sample_documents(docs, args.sample_mb)
    stexts = container_texts(sample)
    print(f"\ncomparison sample: every {k}-th document: {len(sample)} documents, "
          f"{len(stexts)} containers, {size_mb(stexts):.2f} MB")
    sec, n = time_run(find_citations, stexts)
    xref_rate = report("xref find_citations (sample)", stexts, sec, n)

    eyecite = None if args.no_eyecite else eyecite_extractor()
    if eyecite is None:
        print("eyecite: not run (not installed, or --no-eyecite)")
    else:
        eyecite("See 410 U.S. 113 (1973). Id. at 120.")  # warm up (tokenizer build)
        sec, n = time_run(eyecite, stexts)
        eye_rate = report("eyecite get_citations (sample)", stexts, sec, n)
        print(f"ratio xref/eyecite on the sample: {xref_rate / eye_rate:.1f}x")

    rss_run = max_rss_mb()
    tracemalloc.start()
    time_run(find_citations, stexts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nmax RSS after the runs: {rss_run:.0f} MB (+{rss_run - rss_read:.0f} MB over reading)")
    print(f"tracemalloc peak of one xref pass over the sample: {peak / MB:.2f} MB")
    print(f"\nsummary: xref {xref_full:.3f} MB/s per core on {size_mb(texts):.2f} MB")


if __name__ == "__main__":
    main()
