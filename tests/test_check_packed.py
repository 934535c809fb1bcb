"""``check --jobs N`` with volumes kept packed until the forked worker that checks them: the
same findings, errors and counts as checking in one process; and the in-place filling of a
lean copy that it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.checks.runner import check_inputs, check_paths, packed_checking
from xref.cli import main
from xref.read.lean import fill_lean, lean_item
from xref.read.tei import read_volume

FIXTURES = Path(__file__).parents[1] / "fixtures"
CHECK = FIXTURES / "check"
FIRE = [str(CHECK / "fire.xml"), str(CHECK / "markers.txt"), str(CHECK / "volume-fire.xml")]


def test_packed_checking_applies_here() -> None:
    """On this system (fork, two files, two jobs) the packed path is the one taken."""
    assert packed_checking(2, FIRE)
    assert not packed_checking(1, FIRE) and not packed_checking(2, FIRE[:1])


def test_packed_equals_one_process(tmp_path: Path) -> None:
    """Findings (in order), errors (files before corpus) and counts are those of one process;
    a rule that reads the body's text would find nothing in a lean copy left unfilled."""
    missing = str(tmp_path / "missing.xml")
    bad = str(tmp_path / "bad.xml")
    Path(bad).write_text("<TEI><text>", encoding="utf-8")
    extra = [str(CHECK / "excerpt.xml"), bad]
    seen: list[tuple[str, int]] = []
    started: list[int] = []
    packed = check_paths([missing, *FIRE], extra, jobs=2,
                         reading=lambda p, n: seen.append((p, n)), checking=started.append)
    serial = check_inputs([missing, *FIRE], corpus=[CHECK / "excerpt.xml", bad], jobs=1)
    assert packed.findings == serial.findings and len(packed.findings) > 10
    assert [str(e) for e in packed.errors] == [str(e) for e in serial.errors]
    assert "missing.xml" in str(packed.errors[0]) and "bad.xml" in str(packed.errors[1])
    assert (packed.documents, packed.volumes) == (serial.documents, serial.volumes)
    assert [p for p, _ in seen] == [missing, *FIRE, *extra] and started == [3]
    assert {f.rule for f in packed.findings} >= {"XR008", "XR010"}


def test_cli_check_jobs_2_same_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``xref check --jobs 2 --format json`` prints the bytes that ``--jobs 1`` prints."""
    outs = []
    for jobs in ("1", "2"):
        assert main(["check", *FIRE, "--corpus", str(CHECK / "excerpt.xml"), "--jobs", jobs,
                     "--format", "json", "--no-config", "-q"]) == 1
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] and '"rule": "XR008"' in outs[0]


def test_fill_lean_gives_the_whole_volume_in_the_same_objects() -> None:
    """A filled lean copy equals the volume read in full, source maps included, and its
    documents are still the objects the lean copy had; another volume is refused."""
    whole = read_volume(CHECK / "volume-fire.xml")
    lean = lean_item(whole)
    assert lean != whole and lean.documents[0].body.text == ""
    docs = lean.documents
    assert fill_lean(lean, whole) is lean
    assert lean == whole and all(a is b for a, b in zip(lean.documents, docs, strict=True))
    assert [d.body.source_map for d in lean.documents] == \
        [d.body.source_map for d in whole.documents]
    assert lean.documents[0].body.text
    other = read_volume(CHECK / "fire.xml")
    with pytest.raises(ValueError, match="not the volume"):
        fill_lean(lean_item(other), whole)


def test_resolver_index_built_once_per_corpus() -> None:
    """Resolving file after file against one corpus indexes it once (it was once per file:
    files times documents); another corpus gets its own index."""
    from xref.resolve.corpus import Corpus
    from xref.resolve.resolver import Resolver

    volume = read_volume(CHECK / "volume-fire.xml")
    corpus = Corpus.from_documents([volume])
    first, second = Resolver(corpus), Resolver(corpus)
    assert first.by_own_number is second.by_own_number and first.order is second.order
    assert [d.id for d in first.order[volume.id]] == [d.id for d in volume.documents]
    other = Resolver(Corpus.from_documents([volume]))
    assert other.order is not first.order and other.order == first.order
    assert first.last_document is not second.last_document  # a run's own state stays its own


def test_packed_directory_is_expanded(tmp_path: Path) -> None:
    """A directory among the files is checked file by file, as :func:`check_inputs` does."""
    import shutil

    for name in ("fire.xml", "volume-fire.xml", "markers.txt"):
        shutil.copy(CHECK / name, tmp_path / name)
    packed = check_paths([str(tmp_path)], [str(CHECK / "excerpt.xml")], jobs=2)
    serial = check_inputs([tmp_path], corpus=[CHECK / "excerpt.xml"], jobs=1)
    assert packed.findings == serial.findings and packed.volumes == serial.volumes == 2
