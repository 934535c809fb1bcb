"""The hand-read verdicts on the editors' refs (fixtures/annotate/verified*.tsv) are well formed.

``bench/accuracy.py --verified`` and ``bench/annotate.py`` read them by position; a line with a
missing cell, an unknown verdict or a target that is neither a document, a footnote nor a page
would be skipped or mis-keyed without a word, and the figures would change unseen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
VERIFIED = ROOT / "fixtures" / "annotate" / "verified.tsv"
VERIFIED_CHECK = ROOT / "fixtures" / "annotate" / "verified-check.tsv"
CHECKSET = ROOT / "bench" / "checkset.txt"

VERDICTS = {"missed", "editors-wrong", "corrects", "convention", "less-specific", "ambiguous"}
TARGET = re.compile(r"(?:frus[\w-]+)?#(?:d\d+(?:fn\w+)?|pg_\w+)")
CONTAINER = re.compile(r"body|source|d\d+fn\w+|\w+")


def lines(path: Path) -> list[tuple[int, list[str]]]:
    """The data lines of a verdict file, numbered from 1, split on tabs."""
    text = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.split("\t")) for n, line in enumerate(text, 1)
            if line and not line.startswith("#")]


def check_set() -> set[str]:
    """The check set's volume ids."""
    return {line.strip() for line in CHECKSET.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize(
    ("path", "extra"), [(VERIFIED, set()), (VERIFIED_CHECK, {"xref-wrong"})],
    ids=["verified", "verified-check"],
)
def test_every_line_has_six_cells_a_known_verdict_and_a_target(
    path: Path, extra: set[str]
) -> None:
    """Six cells; the verdict is one of the header's; the target a document/footnote/page;
    a reason on every line but ``corrects`` (which stands beside its ``editors-wrong``)."""
    for n, cells in lines(path):
        where = f"{path.name}:{n}"
        assert len(cells) == 6, f"{where}: {len(cells)} cells"
        verdict, volume, document, container, target, note = cells
        assert verdict in VERDICTS | extra, f"{where}: verdict {verdict!r}"
        assert volume.startswith("frus"), f"{where}: volume {volume!r}"
        assert re.fullmatch(r"d\d+", document), f"{where}: document {document!r}"
        assert CONTAINER.fullmatch(container), f"{where}: container {container!r}"
        assert TARGET.fullmatch(target), f"{where}: target {target!r}"
        if verdict != "corrects":  # a corrects line's reason is its editors-wrong line's
            assert note.strip(), f"{where}: no reason given"


def test_the_check_review_is_of_the_check_set_only_and_each_ref_once() -> None:
    """verified-check.tsv reads only check-set volumes, and no editors' ref twice."""
    checks = check_set()
    seen: set[tuple[str, ...]] = set()
    for n, cells in lines(VERIFIED_CHECK):
        assert cells[1] in checks, f"verified-check.tsv:{n}: {cells[1]} is not in the check set"
        key = tuple(cells[:5])
        assert key not in seen, f"verified-check.tsv:{n}: {key} twice"
        seen.add(key)
    assert seen, "verified-check.tsv is empty"
