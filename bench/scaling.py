"""Scaling: ``check``, ``resolve``, ``graph`` and ``annotate`` on inputs made larger on purpose.

    python bench/scaling.py [--volume PATH] [--sizes 1,10,100] [--dense-volume PATH]
                            [--densities 1,4,16,64] [--runs N] [--work DIR]

Two families of synthetic inputs are made from one real volume (by default
``frus1961-63v06``), with every ``xml:id`` (and every ``#id`` target pointing at one) renamed
in each copy so that the ids stay unique:

* *size*: the volume's ``<body>`` repeated 1, 10 and 100 times (more documents, the same
  density);
* *density*: the document with the most citation triggers of ``--dense-volume`` (by default
  ``frus1958-60v11``), alone in a volume, with the content of each of its paragraphs repeated
  1, 4, 16 and 64 times inside the paragraph (the same document, longer texts, more findings
  per text).

Each command runs as a separate process (``python -m xref ...``, one job); its wall time and
peak resident memory (``ru_maxrss`` of the child) are printed, best of ``--runs``. The last
column is the time relative to the smallest input: linear means it grows like the input.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
DEFAULT = CORPUS / "frus1961-63v06.xml"
DENSE = CORPUS / "frus1958-60v11.xml"

_ID = re.compile(rb'xml:id="([^"]+)"')
_TARGET = re.compile(rb'(target|corresp)="([^"]*)"')
_BODY = re.compile(rb"<body\b[^>]*>(.*)</body>", re.S)
_DOC = re.compile(rb'<div\b[^>]*type="document"[^>]*>')
_P = re.compile(rb"(<p\b[^>]*>)(.*?)(</p>)", re.S)


def rename(block: bytes, ids: set[bytes], suffix: bytes) -> bytes:
    """``block`` with each id in ``ids`` (and each ``#id`` naming one) given ``suffix``."""
    if not suffix:
        return block
    out = _ID.sub(lambda m: b'xml:id="' + m.group(1) + suffix + b'"', block)

    def target(m: re.Match[bytes]) -> bytes:
        parts = []
        for t in m.group(2).split(b" "):
            if t.startswith(b"#") and t[1:] in ids:
                t = t + suffix
            parts.append(t)
        return m.group(1) + b'="' + b" ".join(parts) + b'"'

    return _TARGET.sub(target, out)


def bigger(data: bytes, times: int) -> bytes:
    """The volume with its body's content repeated ``times`` times."""
    m = _BODY.search(data)
    assert m is not None, "no <body>"
    body = m.group(1)
    ids = set(_ID.findall(body))
    copies = [rename(body, ids, b"" if k == 0 else f"-x{k}".encode()) for k in range(times)]
    return data[: m.start(1)] + b"".join(copies) + data[m.end(1) :]


def _documents(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each document div (its end: the next document's start or the body's)."""
    starts = [m.start() for m in _DOC.finditer(data)]
    body_end = data.rfind(b"</body>")
    return [(s, starts[i + 1] if i + 1 < len(starts) else body_end)
            for i, s in enumerate(starts)]


def densest(data: bytes) -> bytes:
    """The document with the most citation triggers, alone in a volume (no front matter)."""
    trigger = re.compile(rb"\b(?:Deptel|Embtel|[Tt]elegram|Document|Ibid|[Ff]ootnote)s?\b")
    spans = _documents(data)
    s, e = max(spans, key=lambda se: len(trigger.findall(data, se[0], se[1])))
    doc = data[s:e]
    # the document div is closed where the next begins; keep only that div, balanced
    depth, pos = 0, 0
    for m in re.finditer(rb"<(/?)div\b[^>]*?(/?)>", doc):
        if m.group(2):
            continue
        depth += -1 if m.group(1) else 1
        if depth == 0:
            pos = m.end()
            break
    doc = doc[:pos] if pos else doc
    vid = re.search(rb'<TEI\b[^>]*xml:id="([^"]+)"', data)
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        b'xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="'
        + (vid.group(1) if vid else b"frus-dense") + b'"><text><body>\n'
    )
    return head + doc + b"\n</body></text></TEI>\n"  # the document alone, no front matter


def denser(data: bytes, times: int) -> bytes:
    """Each paragraph's content repeated ``times`` times inside it (ids renamed per copy)."""
    ids = set(_ID.findall(data))

    def para(m: re.Match[bytes]) -> bytes:
        inner = m.group(2)
        if re.search(rb"<p\b", inner):
            return m.group(0)  # a paragraph inside a note inside this one: left as it is
        copies = [inner] + [rename(inner, ids, f"-y{k}".encode()) + b" " for k in range(1, times)]
        return m.group(1) + b" ".join(copies) + m.group(3)

    return _P.sub(para, data)


def _measure(args: list[str], runs: int) -> tuple[float, int, int]:
    """Best wall time, peak RSS (KB) and exit code of ``python -m xref ARGS``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best, peak, code = float("inf"), 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "xref", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        best = min(best, time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
        code = p.returncode
    return best, peak, code


def _commands(path: Path, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(path), "--jobs", "1"],
        "resolve": ["resolve", str(path), "--format", "jsonl", "--jobs", "1"],
        "graph": ["graph", str(path), "--format", "json", "-o", str(out / "graph.json"),
                  "--jobs", "1"],
        "annotate": ["annotate", str(path), "-o", str(out / "annotated.xml"), "-q"],
    }


def _table(title: str, inputs: list[tuple[str, Path]], runs: int, out: Path) -> None:
    print(f"\n{title}")
    print(f"{'input':<10} {'MB':>7} {'command':<9} {'seconds':>8} {'peak MB':>8} {'exit':>4} "
          f"{'x time':>7}")
    base: dict[str, float] = {}
    for label, path in inputs:
        mb = path.stat().st_size / 1e6
        for name, args in _commands(path, out).items():
            seconds, peak, code = _measure(args, runs if mb < 20 else 1)
            base.setdefault(name, seconds)
            print(f"{label:<10} {mb:7.2f} {name:<9} {seconds:8.2f} {peak / 1024:8.0f} {code:>4} "
                  f"{seconds / base[name]:7.1f}", flush=True)


def main(argv: list[str]) -> int:
    """Make the inputs, run the commands, print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--volume", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--densities", default="1,4,16,64")
    ap.add_argument("--dense-volume", type=Path, default=DENSE,
                    help="the volume whose densest document is made denser")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--make", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="xref-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    densities = [int(x) for x in args.densities.split(",") if x]
    size_inputs = [(f"{k}x", work / f"size-{k}x.xml") for k in sizes]
    dense_inputs = [(f"{k}x", work / f"density-{k}x.xml") for k in densities]
    if args.make:
        if sizes:
            data = args.volume.read_bytes()
            for k, (_, p) in zip(sizes, size_inputs, strict=True):
                p.write_bytes(bigger(data, k))
        one = densest(args.dense_volume.read_bytes())
        for k, (_, p) in zip(densities, dense_inputs, strict=True):
            p.write_bytes(denser(one, k))
        return 0
    # The inputs are made in a child process: this one stays small, so that the peak memory
    # its children report (which counts what they inherit at fork) is theirs.
    subprocess.run([sys.executable, __file__, "--make", *argv, "--work", str(work)], check=True)
    print(f"volume {args.volume.name}, densest document of {args.dense_volume.name}; "
          f"inputs in {work}")
    if size_inputs:
        _table("More documents (the volume's body repeated):", size_inputs, args.runs, work)
    _table("One document, denser (each paragraph repeated inside itself):", dense_inputs,
           args.runs, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
