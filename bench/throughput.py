"""Throughput of ``xref.find_citations`` against eyecite, the lxml floor and ``xref graph``.

Usage::

    python bench/throughput.py [--corpus DIR] [--volumes ID ...] [--sample-mb 4] [--runs 3]
                               [--no-eyecite] [--no-graph] [--linear]

Prints, in one run and one process (one core):

1. the comparison text: every k-th document of the selected volumes (k chosen so that the
   text is about ``--sample-mb``); the unit of work is one *container text* (heading, source
   note, body or footnote: what the library is called on). MB = 10**6 bytes of UTF-8;
2. on that same text, best of ``--runs`` (wall-clock and CPU time apart: on a shared machine
   CPU time is the steadier), the runs interleaved so that a busy moment hits every contestant
   alike: xref ``find_citations``, eyecite ``get_citations``
   with its Hyperscan tokenizer, and eyecite with its default tokenizer;
3. the lxml floor: parse every selected XML file with lxml and join its text, best of runs;
4. xref end to end: ``xref graph --jobs 1`` over the same files in a fresh process (wall
   time, best of ``--graph-runs``);
5. the ratios that issue 14 sets targets for, and ``import xref`` plus a first
   ``find_citations`` call in a fresh process;
6. with ``--linear``, xref on a tenth of the texts, each repeated 1, 10 and 100 times (as
   paragraphs: the citations found grow a little less than tenfold, since a heading's "No. 1"
   counts only at the start of a text).

eyecite is a legal-citation extractor (the ``bench`` extra, with ``hyperscan``); it finds almost
nothing in FRUS, so the comparison is of raw scanning cost on the same text. Its Hyperscan
database is compiled once (about 30 s) into ``--hyperscan-cache`` and reused.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("xref") is None:
    sys.path.append(str(REPO))  # run from a checkout without installing

from benchsets import volume_files  # noqa: E402

from xref import find_citations  # noqa: E402
from xref.read.documents import Document  # noqa: E402
from xref.read.tei import read_volume  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"
MB = 1_000_000
Extract = Callable[[str], Sequence[Any]]


def container_texts(docs: Sequence[Document]) -> list[str]:
    """Every non-empty container text of ``docs``, in reading order."""
    return [c.text for d in docs for c in d.containers() if c.text]


def size_mb(texts: Sequence[str]) -> float:
    """Total UTF-8 size of ``texts`` in MB."""
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def sample_texts(files: Sequence[Path], sample_mb: float) -> tuple[list[str], int, int]:
    """The container texts of every k-th document (k: the sample is about ``sample_mb``),
    the number of documents taken, and k."""
    docs = [d for p in files for d in read_volume(p).documents]
    total = sum(size_mb(container_texts([d])) for d in docs)
    k = max(1, math.ceil(total / sample_mb)) if sample_mb > 0 else 1
    taken = docs[::k]
    return container_texts(taken), len(taken), k


class Clock(NamedTuple):
    """Wall-clock and CPU seconds of one measurement."""

    wall: float
    cpu: float

    @staticmethod
    def now() -> Clock:
        """The two clocks now (CPU: this process and its finished children)."""
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return Clock(time.perf_counter(),
                     time.process_time() + children.ru_utime + children.ru_stime)

    def since(self) -> Clock:
        """The time from ``self`` to now."""
        now = Clock.now()
        return Clock(now.wall - self.wall, now.cpu - self.cpu)


def best_of(clocks: Sequence[Clock]) -> Clock:
    """The least wall time and the least CPU time of several runs."""
    return Clock(min(c.wall for c in clocks), min(c.cpu for c in clocks))


def time_run(extract: Extract, texts: Sequence[str]) -> tuple[Clock, int]:
    """The time to run ``extract`` over every text, and the number of citations found.

    A text on which ``extract`` raises is counted and reported, not fatal.
    """
    gc.collect()
    n = errors = 0
    first = None
    t = Clock.now()
    for text in texts:
        try:
            n += len(extract(text))
        except Exception as exc:  # a crash in the library is a finding, not a stop
            errors += 1
            first = first or f"{type(exc).__name__}: {exc} on {text[:80]!r}"
    spent = t.since()
    if errors:
        print(f"  !! {errors} texts raised; first: {first}")
    return spent, n


HEADER = (f"{'':40} {'':>8}    {'wall':>8}   {'wall':>8}      {'CPU':>8}   {'CPU':>8}")


def line(name: str, mb: float, spent: Clock, found: int | None = None) -> None:
    """Print one result line: wall-clock and CPU seconds and MB/s."""
    wall = mb / spent.wall if spent.wall else float("inf")
    cpu = mb / spent.cpu if spent.cpu else float("inf")
    cit = "" if found is None else f" {found:8d} cit"
    print(f"{name:40} {mb:8.2f} MB {spent.wall:8.2f} s {wall:8.2f} MB/s "
          f"{spent.cpu:8.2f} s {cpu:8.2f} MB/s{cit}")


def eyecite_extractors(cache: Path) -> dict[str, Extract]:
    """eyecite with its Hyperscan tokenizer and with its default one (empty when eyecite is
    not installed; Hyperscan left out when ``hyperscan`` is not)."""
    try:
        import eyecite
        from eyecite.tokenizers import default_tokenizer
    except ImportError:
        return {}
    out: dict[str, Extract] = {}
    try:
        import hyperscan  # noqa: F401
        from eyecite.tokenizers import HyperscanTokenizer

        cache.mkdir(parents=True, exist_ok=True)
        hs = HyperscanTokenizer(cache_dir=str(cache))
        out["eyecite (Hyperscan tokenizer)"] = lambda t: eyecite.get_citations(t, tokenizer=hs)
    except ImportError:
        print("hyperscan is not installed: eyecite-Hyperscan not run")
    out["eyecite (default tokenizer)"] = lambda t: eyecite.get_citations(
        t, tokenizer=default_tokenizer
    )
    for extract in out.values():  # warm up: build the tokenizers (untimed)
        extract("See 410 U.S. 113 (1973). Id. at 120.")
    return out


def lxml_floor(files: Sequence[Path]) -> Clock:
    """The time for lxml to parse every file and join its text (the reading floor)."""
    from lxml import etree

    # as xref reads: no entities, no network; duplicate xml:ids (real, in some volumes) allowed
    parser = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True,
                             huge_tree=True)
    gc.collect()
    t = Clock.now()
    for p in files:
        root = etree.parse(str(p), parser).getroot()
        "".join(root.itertext())
    return t.since()


def _env() -> dict[str, str]:
    """This environment with the imported xref's checkout first on PYTHONPATH, so that a
    fresh process times the same xref as this one."""
    import xref

    path = os.pathsep.join([str(Path(xref.__file__).resolve().parents[1]),
                            os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path}


def graph_seconds(files: Sequence[Path]) -> Clock | None:
    """The time of ``xref graph --jobs 1`` over ``files`` in a fresh process (None: failed)."""
    env = _env()
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "xref", "graph", *map(str, files), "--jobs", "1",
               "-o", str(Path(tmp) / "graph.json")]
        t = Clock.now()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        seconds = t.since()
    if done.returncode != 0:
        print(f"  !! xref graph exited {done.returncode}: {done.stderr[-400:]}")
        return None
    return seconds


def first_call_seconds() -> Clock:
    """``import xref`` and a first ``find_citations`` call, timed inside a fresh process."""
    code = ("import time; t, c = time.perf_counter(), time.process_time(); import xref; "
            "xref.find_citations('Deptel 1338; see Document 243.'); "
            "print(time.perf_counter() - t, time.process_time() - c)")
    env = _env()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    wall, cpu = out.stdout.split()
    return Clock(float(wall), float(cpu))


def main(argv: Sequence[str] | None = None) -> None:
    """Parse options, run the measurements, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volume ids (default: all)")
    ap.add_argument("--sample-mb", type=float, default=4.0,
                    help="size of the comparison text (every k-th document), default 4")
    ap.add_argument("--runs", type=int, default=3, help="runs of each contestant (best taken)")
    ap.add_argument("--graph-runs", type=int, default=1, help="runs of xref graph (best taken)")
    ap.add_argument("--no-eyecite", action="store_true", help="skip eyecite")
    ap.add_argument("--no-graph", action="store_true", help="skip the lxml floor and xref graph")
    ap.add_argument("--linear", action="store_true", help="xref on 1x, 10x, 100x a tenth of it")
    ap.add_argument("--hyperscan-cache", type=Path,
                    default=Path.home() / ".cache" / "xref-bench" / "hyperscan")
    args = ap.parse_args(argv)

    files = volume_files(args.corpus.resolve(), args.volumes)
    xml_mb = sum(p.stat().st_size for p in files) / MB
    t = time.perf_counter()
    texts, ndocs, k = sample_texts(files, args.sample_mb)
    mb = size_mb(texts)
    import xref

    print(f"xref from {Path(xref.__file__).resolve().parent}")
    print(f"python {sys.version.split()[0]}, one process, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{len(files)} volumes, {xml_mb:.1f} MB of XML; comparison text: every {k}-th "
          f"document, {ndocs} documents, {len(texts)} containers, {mb:.2f} MB "
          f"(read in {time.perf_counter() - t:.1f} s, untimed)\n")

    contestants: dict[str, Extract] = {"xref find_citations": find_citations}
    if not args.no_eyecite:
        contestants.update(eyecite_extractors(args.hyperscan_cache))
    for extract in contestants.values():  # warm up, untimed: the grammar, lazily built parts
        time_run(extract, texts[:300])
    clocks: dict[str, list[Clock]] = {name: [] for name in contestants}
    found: dict[str, int] = {}
    for _ in range(max(1, args.runs)):
        for name, extract in contestants.items():
            spent, found[name] = time_run(extract, texts)
            clocks[name].append(spent)
    best = {name: best_of(c) for name, c in clocks.items()}
    print(f"best of {args.runs}, same text, same process, runs interleaved:")
    print(HEADER)
    for name, spent in best.items():
        line(name, mb, spent, found[name])
    ours = best["xref find_citations"]
    ratios: list[str] = []
    for name, spent in best.items():
        if name != "xref find_citations":
            ratios.append(f"xref / {name}: {spent.wall / ours.wall:.2f}x wall, "
                          f"{spent.cpu / ours.cpu:.2f}x CPU")

    if not args.no_graph:
        print()
        print(HEADER)
        floor = best_of([lxml_floor(files) for _ in range(max(1, args.runs))])
        line(f"lxml parse + join text ({len(files)} files)", xml_mb, floor)
        runs = [graph_seconds(files) for _ in range(max(1, args.graph_runs))]
        done = [s for s in runs if s is not None]
        if done:
            g = best_of(done)
            line(f"xref graph --jobs 1 ({len(files)} files)", xml_mb, g)
            ratios.append(f"xref graph / lxml floor: {g.wall / floor.wall:.1f}x wall, "
                          f"{g.cpu / floor.cpu:.1f}x CPU (target <= 8x)")

    if args.linear:
        base = texts[: max(1, len(texts) // 10)]
        base_mb = size_mb(base)
        print()
        print(HEADER)
        for times in (1, 10, 100):
            big = ["\n\n".join([t] * times) for t in base]
            sec, n = time_run(find_citations, big)
            line(f"xref find_citations, text x{times}", base_mb * times, sec, n)

    print()
    first_call = best_of([first_call_seconds() for _ in range(3)])
    print(f"import xref + first find_citations (fresh process, best of 3): "
          f"{first_call.wall:.3f} s wall, {first_call.cpu:.3f} s CPU (target < 0.3 s)")
    print("ratios: " + "; ".join(ratios))
    hs = [r for r in ratios if "Hyperscan" in r]
    if hs:
        print(f"target: xref >= 1.5x eyecite-Hyperscan ({hs[0]})")


if __name__ == "__main__":
    main()
