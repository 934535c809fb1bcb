"""The golden citations: real FRUS citations, all eras, hand-checked (tests/fixtures/citations)."""

from __future__ import annotations

from golden import Case, load_cases, matches

import xref

CASES = load_cases()


def _score(case: Case) -> tuple[int, int, int, list[str]]:
    """(expected found right, expected, spurious found, problems) for one case."""
    found = [c for c in xref.find_citations(case.text, volume=case.volume)]
    records = [(c.kind, c.fields(), c.text) for c in found]
    used: set[int] = set()
    right = 0
    problems = []
    for exp in case.expected:
        hit = next(
            (i for i, (k, f, _) in enumerate(records) if i not in used and matches(k, f, exp)),
            None,
        )
        if hit is None:
            problems.append(f"missing {exp.kind} {exp.fields}")
        else:
            used.add(hit)
            right += 1
    extra = [r for i, r in enumerate(records) if i not in used]
    # an extra citation of the same kind as a missing one is that citation with a wrong
    # field (counted against recall above), not a spurious report
    unmatched = [p.split()[1] for p in problems if p.startswith("missing ")]
    spurious = []
    for k, f, t in extra:
        if k in unmatched:
            unmatched.remove(k)
            problems.append(f"wrong fields {k} {t!r} {f}")
        else:
            spurious.append((k, f, t))
            problems.append(f"extra {k} {t!r} {f}")
    return right, len(case.expected), len(spurious), problems


def test_golden_fixtures_load() -> None:
    """The fixtures hold at least 150 citations and 20 negatives, from every era."""
    assert sum(len(c.expected) for c in CASES) >= 150
    assert sum(1 for c in CASES if not c.expected) >= 20
    eras = {c.file.rsplit("/", 1)[-1] for c in CASES}
    assert len(eras) >= 10


def test_golden_recall_and_precision() -> None:
    """At least 95% of golden citations are found with the right kind and fields, and at
    most 2% of what is reported is spurious (names no citation that is there)."""
    right = total = spurious = reported = 0
    report = []
    for case in CASES:
        r, t, s, problems = _score(case)
        right += r
        total += t
        spurious += s
        reported += r + s
        if problems:
            report.append(f"{case.id}: {case.text[:100]}\n    " + "\n    ".join(problems))
    recall = right / total
    false_rate = spurious / max(reported, 1)
    detail = "\n".join(report[:60])
    assert recall >= 0.95, f"recall {recall:.3f}\n{detail}"
    assert false_rate <= 0.02, f"spurious {false_rate:.3f}\n{detail}"


def test_negatives_give_nothing() -> None:
    """Every golden negative gives no citation."""
    bad = [
        (c.id, [x.text for x in xref.find_citations(c.text, volume=c.volume)])
        for c in CASES
        if not c.expected
    ]
    bad = [b for b in bad if b[1]]
    assert not bad, bad
