"""``xref check`` against the Office's own Schematron (``frus.sch``), on the same volumes.

Usage: ``python bench/schematron.py [CORPUS_DIR] [--limit N] [--jobs 2] [--details FILE]
[--repeat N] [--compare FILE]`` (needs the bench extras: ``pip install -e '.[bench]'`` for
saxonche and lxml). ``--repeat N`` runs both sides N times, one after the other in turn, and
compares the best of each (the machine is shared: the best run is the one least disturbed).
``--compare FILE`` checks that ``xref check``'s JSON is byte for byte the one saved in FILE
(saving it there when FILE does not exist): a speed-up must not change a finding.

1. Compiles ``../shared/corpus/frus-schema/frus.sch`` with the ISO Schematron skeleton that lxml
   ships (``iso_dsdl_include`` -> ``iso_abstract_expand`` -> ``iso_svrl_for_xslt1``, run by
   lxml). lxml ships only the XSLT 1 skeleton, which refuses ``queryBinding="xslt2"``, so the
   schema is compiled as ``xslt`` and the generated stylesheet is then marked ``version="2.0"``,
   given the ``xs`` namespace and the schema's own ``xsl:function`` and roman-numeral table
   (which the XSLT 1 skeleton drops): every rule then runs as XPath 2 under Saxon-HE
   (``saxonche``), as the Office runs it. Two things cannot run here and are cut out: the
   volume-id list the schema fetches from history.state.gov is replaced by the same ids read
   from the bibliography (``xref.checks.volume_ids``, written to ``volume-ids-snapshot.xml``), and
   the image pattern, which asks history.state.gov for each image, is removed.
2. Runs it over every volume, in one process, one after the other, and times it.
3. Runs ``xref check --jobs N --format json`` over the same volumes, timed, with its peak
   memory (the largest process).
4. Prints the speed ratio, and per Schematron pointer rule the firings of each side
   (xref's matching rules, restricted to what the Schematron can see).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
XSL = "http://www.w3.org/1999/XSL/Transform"
CKBK = "http://www.oreilly.com/XSLTCookbook"

# The Schematron's pointer asserts, by the start of their message, with xref's rules for them.
KINDS = [
    ("29-30 document numbering", r"^Document numbering mismatch", ("XR023",)),
    ("34 footnote id", r"^Footnote ID mismatch", ("XR003", "XR024")),
    ("35 nested note", r"^A footnote cannot be nested", ("XR004",)),
    ("38-39 page range", r"^Invalid page range", ("XR022",)),
    ("40 target without #", r"^Invalid ref/@target", ("XR006", "XR020")),
    ("41 #id missing", r"^ref/@target='#.*No element's @xml:id", ("XR007", "XR020")),
    ("42 unknown volume", r"^ref/@target=.*No volume's ID", ("XR019",)),
    ("43 persName/@corresp", r"^persName/@corresp", ("XR021",)),
    ("44 gloss/@target", r"^gloss/@target", ("XR021",)),
]


def compile_schema(work: Path) -> Path:
    """frus.sch -> an XSLT 2 stylesheet in ``work`` (see the module docstring)."""
    import lxml.isoschematron
    from lxml import etree

    from xref.checks.volume_ids import known_volume_ids

    res = Path(lxml.isoschematron.__file__).parent / "resources" / "xsl" / "iso-schematron-xslt1"
    sch_path = SHARED / "frus-schema" / "frus.sch"
    sch = sch_path.read_text(encoding="utf-8")
    sch = sch.replace('queryBinding="xslt2"', 'queryBinding="xslt"')
    sch = re.sub(r'<let name="vol-ids" value="[^"]*"/>',
                 "<let name=\"vol-ids\" value=\"doc('volume-ids-snapshot.xml')//volume-id\"/>",
                 sch)
    sch = re.sub(r'<let name="available-images" value="[^"]*"/>', "", sch)
    sch = re.sub(r'<pattern id="image-s3-checks">.*?</pattern>', "", sch, flags=re.S)
    doc = etree.fromstring(sch.encode("utf-8")).getroottree()
    for step in ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl", "iso_svrl_for_xslt1.xsl"):
        doc = etree.XSLT(etree.parse(str(res / step)))(doc)
    root = doc.getroot()
    root.set("version", "2.0")
    for el in etree.parse(str(sch_path)).getroot():
        if isinstance(el.tag, str) and (el.tag.startswith(f"{{{XSL}}}")
                                        or el.tag == f"{{{CKBK}}}romans"):
            root.append(el)
    text = etree.tostring(doc, encoding="unicode")
    text = text.replace("<axsl:stylesheet ",
                        '<axsl:stylesheet xmlns:xs="http://www.w3.org/2001/XMLSchema" ', 1)
    out = work / "frus-sch.xsl"
    out.write_text(text, encoding="utf-8")
    ids = "".join(f"<volume-id>{i}</volume-id>" for i in sorted(known_volume_ids()))
    (work / "volume-ids-snapshot.xml").write_text(f"<volume-ids>{ids}</volume-ids>",
                                                  encoding="utf-8")
    return out


_ASSERT = re.compile(r"<svrl:failed-assert\b.*?<svrl:text>(.*?)</svrl:text>", re.S)


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_schematron(xsl: Path, volumes: list[Path]
                   ) -> tuple[float, float, dict[str, Counter[str]]]:
    """Seconds (wall, CPU) for the whole run, and each volume's pointer firings by kind."""
    from saxonche import PySaxonProcessor

    out: dict[str, Counter[str]] = {}
    cpu = _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    with PySaxonProcessor(license=False) as proc:
        executable = proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(xsl.resolve()))
        for v in volumes:
            counts: Counter[str] = Counter()
            try:
                svrl = executable.transform_to_string(source_file=str(v.resolve())) or ""
            except Exception as exc:  # a dynamic error stops the Schematron on this volume
                print(f"frus.sch stops on {v.name}: {' '.join(str(exc).split())[:160]}")
                counts["(stopped by an error)"] = 1
                out[v.stem] = counts
                continue
            for m in _ASSERT.finditer(svrl):
                text = " ".join(m.group(1).split())
                for kind, pattern, _ in KINDS:
                    if re.search(pattern, text):
                        counts[kind] += 1
                        break
            out[v.stem] = counts
    return time.perf_counter() - started, _cpu(resource.RUSAGE_SELF) - cpu, out


def run_xref(volumes: list[Path], jobs: int
             ) -> tuple[float, float, int, str]:
    """Seconds (wall, CPU of all its processes), peak memory (KB, the largest process) and
    the JSON output of ``xref check``."""
    cpu = _cpu(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "xref", "check", "--format", "json", "--no-config",
           "--jobs", str(jobs), *map(str, volumes)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1) or not proc.stdout.startswith("["):
        raise SystemExit(f"xref check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    print(proc.stderr.strip().splitlines()[-1])
    return seconds, _cpu(resource.RUSAGE_CHILDREN) - cpu, peak, proc.stdout


def compare_output(output: str, saved: Path) -> None:
    """Check ``output`` against the JSON saved in ``saved`` (save it when there is none)."""
    if not saved.exists():
        saved.write_text(output, encoding="utf-8")
        print(f"xref check's JSON saved to {saved}")
        return
    old = saved.read_text(encoding="utf-8")
    if old == output:
        print(f"xref check's JSON is identical to {saved} ({len(json.loads(old)):,} findings)")
        return
    a, b = json.loads(old), json.loads(output)
    gone = [f for f in a if f not in b]
    new = [f for f in b if f not in a]
    raise SystemExit(f"xref check's JSON differs from {saved}: {len(gone)} findings gone, "
                     f"{len(new)} new (first: {(gone or new or ['order'])[0]})")


def _kind(f: dict[str, object]) -> str | None:
    """The Schematron pointer kind an xref finding answers, or None (not a pointer rule)."""
    rule, msg = str(f["rule"]), str(f["message"])
    if rule in ("XR006", "XR020", "XR007"):
        if "does not start with" in msg or "has no target" in msg or "empty target" in msg:
            return "40 target without #"
        return "41 #id missing"
    for kind, _, rules in KINDS:
        if rule in rules and (rule != "XR021" or msg.startswith(kind.split()[1])):
            return kind
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "frus"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N volumes")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--details", default=None, help="write per-volume counts (JSON) here")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each side N times in turn and compare the best runs")
    ap.add_argument("--compare", default=None,
                    help="xref check's JSON must equal this file (saved there if absent)")
    args = ap.parse_args()
    volumes = sorted(Path(args.corpus).glob("*.xml"))[: args.limit]
    print(f"{len(volumes)} volumes in {args.corpus}")
    xref_runs: list[tuple[float, float]] = []
    sch_runs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        xsl = compile_schema(Path(tmp))
        for n in range(1, max(1, args.repeat) + 1):
            print(f"run {n}: load average before: {os.getloadavg()[0]:.1f} "
                  "(2 cores shared with others)")
            xref_s, xref_cpu, peak_kb, output = run_xref(volumes, args.jobs)
            xref_runs.append((xref_s, xref_cpu))
            print(f"xref check --jobs {args.jobs}: {xref_s:.1f} s wall, {xref_cpu:.1f} s CPU, "
                  f"peak memory {peak_kb / 1024:.0f} MB (largest process)")
            if args.compare and n == 1:
                compare_output(output, Path(args.compare))
            sch_s, sch_cpu, sch = run_schematron(xsl, volumes)
            sch_runs.append((sch_s, sch_cpu))
            stopped = sum(1 for c in sch.values() if c["(stopped by an error)"])
            print(f"frus.sch under Saxon-HE (one process): {sch_s:.1f} s wall, {sch_cpu:.1f} s "
                  f"CPU ({stopped} volumes stopped by an error)")
            print(f"load average after: {os.getloadavg()[0]:.1f}")
    findings = json.loads(output)
    xref_s, xref_cpu = min(s for s, _ in xref_runs), min(c for _, c in xref_runs)
    sch_s, sch_cpu = min(s for s, _ in sch_runs), min(c for _, c in sch_runs)
    best = f"best of {len(xref_runs)}: " if len(xref_runs) > 1 else ""
    print(f"{best}xref {xref_s:.1f} s wall, {xref_cpu:.1f} s CPU; frus.sch {sch_s:.1f} s wall, "
          f"{sch_cpu:.1f} s CPU")
    print(f"xref is {sch_s / xref_s:.2f} times as fast (wall), {sch_cpu / xref_cpu:.2f} times "
          "(CPU)")
    mine: dict[str, Counter[str]] = {v.stem: Counter() for v in volumes}
    for f in findings:
        vol, kind = Path(str(f["path"])).stem, _kind(f)
        if vol in mine and kind is not None:
            mine[vol][kind] += 1
    print(f"\n{'frus.sch rule':26} {'frus.sch':>9} {'xref':>7}  xref rules")
    for kind, _, rules in KINDS:
        theirs = sum(c[kind] for c in sch.values())
        ours = sum(c[kind] for c in mine.values())
        print(f"{kind:26} {theirs:9,} {ours:7,}  {', '.join(rules)}")
    if args.details:
        Path(args.details).write_text(json.dumps(
            {"schematron": {v: dict(c) for v, c in sch.items()},
             "xref": {v: dict(c) for v, c in mine.items()}}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
