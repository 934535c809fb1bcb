"""Precision of ``xref check``'s rules, read by hand (issue 15, deliverable 5).

    xref check --format json --no-config -q ../shared/corpus/frus/*.xml > /tmp/check.json
    python bench/precision.py counts /tmp/check.json           # findings per rule and set
    python bench/precision.py draw /tmp/check.json             # samples -> bench/precision/
    python bench/precision.py show bench/precision/XR010.tsv   # each sampled finding in its TEI
    python bench/precision.py judge XR010 1-3,5 real "the id is in no volume"  # fill rows
    python bench/precision.py tally BEFORE.json AFTER.json     # the per-rule table
    python bench/precision.py --set check draw /tmp/check.json # the check set, blind
    python bench/precision.py combined NOW.json                # both sets' verdicts per rule

``draw`` takes, for each rule, a random sample of :data:`SAMPLE` findings of the tuning set
(all when fewer), drawn with ``random.Random(f"{SEED}-{rule}")`` from the findings in the
JSON's order, and writes ``bench/precision/XRnnn.tsv`` (set, volume, document, line, column,
message, verdict, reason); rows already judged in an existing file are kept. The reader fills in
``verdict`` (``real``, ``false`` or ``debatable``) and a one-line ``reason`` (``judge``).
``tally`` counts the verdicts per rule (precision = real / (real + false); debatable ones are
left out of it) and, given the findings before and after the fixes, what each fix removed.
With ``--set check`` (any subcommand) the same is done for the check set
(``bench/checkset.txt``) into ``bench/precision/check/``: a blind evaluation once the rules are
frozen, read with the same seed and sample size; no rule is ever written from it, and only its
per-rule figures are reported. ``combined`` pools both sets' verdicts per rule, counting of
the tuning set only the rows still found in ``NOW.json`` (the rules as frozen).
"""

from __future__ import annotations

import collections
import csv
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchsets import SETS, set_of  # noqa: E402

from xref.checks.rules import RULES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "precision"
SEED = 15
"""The seed: each rule's sample is drawn with ``random.Random(f"15-{rule}")``."""
SAMPLE = 50
"""Findings read per rule (all when fewer)."""
COLUMNS = ("set", "volume", "document", "line", "column", "message", "verdict", "reason")
VERDICTS = ("real", "false", "debatable")
CONTEXT_LINES = 3


def load(path: Path) -> list[dict[str, Any]]:
    """The findings of an ``xref check --format json`` output file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    findings = data["findings"] if isinstance(data, dict) else data
    return list(findings)


def counts(findings: list[dict[str, Any]]) -> None:
    """Print the findings per rule, severity and set."""
    table: collections.Counter[tuple[str, str]] = collections.Counter()
    for f in findings:
        table[(f["rule"], set_of(f.get("volume")))] += 1
    print(f"{'rule':<7} {'name':<26} {'severity':<8} {'tuning':>7} {'check':>7} {'all':>7}")
    for rule in RULES:
        t, c = table[(rule.id, "tuning")], table[(rule.id, "check")]
        print(f"{rule.id:<7} {rule.name:<26} {rule.severity:<8} {t:>7} {c:>7} {t + c:>7}")


def _key(row: dict[str, str]) -> tuple[str, str, str, str, str]:
    return (row["volume"], row["document"], row["line"], row["column"], row["message"])


def out_dir(which: str) -> Path:
    """Where a set's sample files are: ``bench/precision/`` (tuning) or its ``check/``."""
    return OUT if which == "tuning" else OUT / which


def draw(findings: list[dict[str, Any]], out: Path = OUT, which: str = "tuning") -> None:
    """Write each rule's sample of one set's findings, keeping rows already judged."""
    out.mkdir(parents=True, exist_ok=True)
    by_rule: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for f in findings:
        if set_of(f.get("volume")) == which:
            by_rule[f["rule"]].append(f)
    for rule, items in sorted(by_rule.items()):
        rng = random.Random(f"{SEED}-{rule}")
        chosen = items if len(items) <= SAMPLE else rng.sample(items, SAMPLE)
        rows = [{"set": which, "volume": f.get("volume") or "",
                 "document": f.get("document") or f.get("context") or "",
                 "line": str(f.get("line", 0)), "column": str(f.get("column", 0)),
                 "message": f["message"], "verdict": "", "reason": ""} for f in chosen]
        path = out / f"{rule}.tsv"
        old = {_key(r): r for r in read_rows(path)} if path.exists() else {}
        for row in rows:
            prev = old.get(_key(row))
            if prev is not None:
                row["verdict"], row["reason"] = prev["verdict"], prev["reason"]
        write_rows(path, rows)
        print(f"{rule}: {len(chosen)} of {len(items)} -> {path}")


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a sample file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write a sample file."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def show(path: Path, corpus: Path) -> None:
    """Print each row of a sample file with the TEI lines around it."""
    cache: dict[str, list[str]] = {}
    for i, row in enumerate(read_rows(path), 1):
        vol = row["volume"]
        if vol not in cache:
            cache[vol] = (corpus / f"{vol}.xml").read_text(encoding="utf-8").splitlines()
        lines, n = cache[vol], int(row["line"])
        print(f"=== {i} {vol} {row['document']} line {n}:{row['column']}  "
              f"[{row['verdict']}] {row['message']}")
        for k in range(max(1, n - CONTEXT_LINES), min(len(lines), n + CONTEXT_LINES) + 1):
            mark = ">" if k == n else " "
            print(f"{mark}{k:>7} {lines[k - 1].strip()[:400]}")


def judge(rule: str, spec: str, verdict: str, reason: str, out: Path = OUT) -> None:
    """Set the verdict and reason of the rows ``spec`` (1-based: ``1-3,7``) of a rule's file."""
    if verdict not in VERDICTS:
        raise SystemExit(f"verdict must be one of {VERDICTS}, not {verdict!r}")
    path = out / f"{rule}.tsv"
    rows = read_rows(path)
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        for i in range(int(lo), int(hi or lo) + 1):
            if not 1 <= i <= len(rows):
                raise SystemExit(f"{path}: no row {i} (1..{len(rows)})")
            rows[i - 1]["verdict"], rows[i - 1]["reason"] = verdict, reason
    write_rows(path, rows)


def _present(findings: list[dict[str, Any]]) -> set[tuple[str, str, str, str, str]]:
    return {(f.get("volume") or "", f.get("document") or f.get("context") or "",
             str(f.get("line", 0)), str(f.get("column", 0)), f["message"]) for f in findings}


def tally(before: Path | None = None, after: Path | None = None, out: Path = OUT) -> None:
    """Print the per-rule table: findings (tuning and check sets, before and after the fixes),
    and of the tuning set's sample the real, false and debatable findings.

    With ``after`` (the findings once the fixes are in), a sampled row that is no longer found
    is counted apart (``fixed``); where a rule's sample was all its findings, the rows that
    remain are the sample after the fix, and ``after`` is their precision.
    """
    sev = {r.id: r.severity for r in RULES}
    count: dict[str, collections.Counter[tuple[str, str]]] = {}
    for name, path in (("before", before), ("after", after)):
        c: collections.Counter[tuple[str, str]] = collections.Counter()
        for f in load(path) if path is not None else []:
            c[(f["rule"], set_of(f.get("volume")))] += 1
        count[name] = c
    still = _present(load(after)) if after is not None else None
    print("| rule | severity | findings tuning (after) | findings check (after) | sampled "
          "| real | false | debatable | precision | fixed | after: real/false/debatable |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    order = {s: i for i, s in enumerate(("error", "warning", "info"))}
    paths = sorted(out.glob("XR*.tsv"), key=lambda p: (order[sev[p.stem]], p.stem))
    for path in paths:
        rule = path.stem
        rows = read_rows(path)
        v = _verdicts(rows, path)
        prec = _share(v)
        sets = []
        for s in ("tuning", "check"):
            b, a = count["before"][(rule, s)], count["after"][(rule, s)]
            sets.append(f"{b} ({a})" if after is not None and a != b else str(b))
        fixed, post = "", ""
        if still is not None:
            kept = [r for r in rows if _key(r) in still]
            fixed = str(len(rows) - len(kept))
            if kept and len(rows) - len(kept):
                k = collections.Counter(r["verdict"] for r in kept)
                share = 100 * k["real"] / (k["real"] + k["false"] or 1)
                post = f"{k['real']}/{k['false']}/{k['debatable']}: {share:.0f}%"
        print(f"| {rule} | {sev[rule]} | {sets[0]} | {sets[1]} | {len(rows)} | {v['real']} "
              f"| {v['false']} | {v['debatable']} | {prec} | {fixed} | {post} |")


def _verdicts(rows: list[dict[str, str]], path: Path) -> collections.Counter[str]:
    c = collections.Counter(r["verdict"] for r in rows)
    unknown = set(c) - set(VERDICTS)
    if unknown:
        raise SystemExit(f"{path}: verdicts not judged or unknown: {sorted(unknown)}")
    return c


def _share(c: collections.Counter[str]) -> str:
    judged = c["real"] + c["false"]
    return f"{100 * c['real'] / judged:.0f}%" if judged else "–"


def combined(now: Path) -> None:
    """Print, per rule, each set's and both sets' verdicts on the findings of the frozen rules.

    Of the tuning set, only the rows still found in ``now`` count (a finding the fixes removed
    is not one the frozen rule makes). ``pooled`` is real / (real + false) over all rows read;
    ``weighted`` weighs each set's precision by its findings (the samples differ in share).
    """
    sev = {r.id: r.severity for r in RULES}
    findings = load(now)
    still = _present(findings)
    total: collections.Counter[tuple[str, str]] = collections.Counter(
        (f["rule"], set_of(f.get("volume"))) for f in findings)
    order = {s: i for i, s in enumerate(("error", "warning", "info"))}
    rules = sorted({p.stem for p in out_dir("tuning").glob("XR*.tsv")}
                   | {p.stem for p in out_dir("check").glob("XR*.tsv")},
                   key=lambda r: (order[sev[r]], r))
    print("| rule | severity | tuning: findings, read, real/false/debatable, precision "
          "| check: findings, read, real/false/debatable, precision "
          "| both: read, real/false/debatable | pooled | weighted |")
    print("|---|---|---|---|---|---|---|")
    for rule in rules:
        cells, both = [], collections.Counter[str]()
        num = den = 0.0
        for which in SETS:
            path = out_dir(which) / f"{rule}.tsv"
            rows = [r for r in read_rows(path) if _key(r) in still] if path.exists() else []
            c = _verdicts(rows, path)
            both.update(c)
            n = total[(rule, which)]
            cells.append(f"{n}, {len(rows)}, {c['real']}/{c['false']}/{c['debatable']}, "
                         f"{_share(c)}")
            if c["real"] + c["false"]:
                num += n * c["real"] / (c["real"] + c["false"])
                den += n
        weighted = f"{100 * num / den:.0f}%" if den else "–"
        read = sum(both.values())
        print(f"| {rule} | {sev[rule]} | {cells[0]} | {cells[1]} | {read}, {both['real']}/"
              f"{both['false']}/{both['debatable']} | {_share(both)} | {weighted} |")


def main(argv: list[str]) -> int:
    """Dispatch the subcommands (see the module docstring)."""
    if not argv:
        print(__doc__)
        return 2
    which = "tuning"
    if argv[0] == "--set":
        if len(argv) < 3 or argv[1] not in SETS:
            raise SystemExit(f"--set takes one of {SETS} and a subcommand")
        which, argv = argv[1], argv[2:]
    out = out_dir(which)
    cmd, args = argv[0], argv[1:]
    if cmd == "counts":
        counts(load(Path(args[0])))
    elif cmd == "draw":
        draw(load(Path(args[0])), out, which)
    elif cmd == "show":
        show(Path(args[0]), Path(args[1]) if len(args) > 1 else ROOT.parent / "shared"
             / "corpus" / "frus")
    elif cmd == "judge":
        judge(args[0], args[1], args[2], " ".join(args[3:]), out)
    elif cmd == "tally":
        paths = [Path(a) for a in args[:2]] + [None, None]
        tally(paths[0], paths[1], out=out)
    elif cmd == "combined":
        combined(Path(args[0]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
