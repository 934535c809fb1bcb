"""The pipeline's layering, read from the source: every ``xref`` import (module level, inside a
function, or under ``TYPE_CHECKING``) goes to a module of the same stage or an earlier one, and
the module import graph has no cycle. Only ``xref/__init__.py`` (the lazy public-name table) is
exempt; ``xref/cli`` is the last stage, so it may import every other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "xref"

STAGES: tuple[tuple[str, ...], ...] = (
    ("xref.errors",),
    ("xref.fetch",),
    ("xref.cite",),
    ("xref.read",),
    ("xref.resolve",),
    ("xref.checks",),
    ("xref.outputs",),
    ("xref.graph",),
    ("xref.annotation",),
    ("xref.records", "xref.text"),
    ("xref.cli", "xref.__main__"),
)
"""The stages in pipeline order; a module belongs to the stage whose prefix names it."""


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (``xref.read.tei``; a package: its name)."""
    modules: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def stage_of(module: str) -> int:
    """The index in :data:`STAGES` of a module's stage; fails for a module in none."""
    for index, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The ``xref`` modules a file imports anywhere in it (``from PKG import MOD`` counts MOD)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            names += [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            if name == "xref" or not name.startswith("xref."):
                continue
            if name in modules:
                found.add(name)
            elif name.rpartition(".")[0] not in modules:
                raise AssertionError(f"{path}: imports {name}, which is no module of xref")
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the xref modules it imports (``xref/__init__.py`` left out)."""
    modules = module_files()
    return {
        name: imports_of(path, modules) - {name}
        for name, path in modules.items()
        if name != "xref"
    }


def test_every_module_has_a_stage() -> None:
    """A new module must be placed in a stage (or the test's table extended on purpose)."""
    for name in import_graph():
        stage_of(name)


def test_no_module_imports_a_later_stage() -> None:
    """Data flows one way through the folders."""
    wrong = [
        f"{name} (stage {STAGES[stage_of(name)][0]}) imports {target} "
        f"(stage {STAGES[stage_of(target)][0]})"
        for name, targets in import_graph().items()
        for target in sorted(targets)
        if target != "xref" and stage_of(target) > stage_of(name)
    ]
    assert wrong == []


def test_import_graph_is_acyclic() -> None:
    """No two modules import each other, directly or through others."""
    graph = import_graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(name):], name]))
        if name in done:
            return
        for target in sorted(graph.get(name, ())):
            visit(target, [*path, name])
        done.add(name)

    for name in graph:
        visit(name, [])


def test_the_checks_catch_a_backward_import(tmp_path: Path) -> None:
    """The reader of imports sees a function-level import of a later stage (the tests above
    would otherwise pass vacuously if it saw nothing)."""
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from xref.graph.build import build_graph\n")
    found = imports_of(source, module_files())
    assert found == {"xref.graph.build"}
    assert stage_of("xref.graph.build") > stage_of("xref.cite.find")


MAX_LINES = 500
"""The size a module may reach before it is split (the style notes' "about 500 lines")."""


def test_no_module_is_over_the_size_limit() -> None:
    """Every module stays under about 500 lines; a bigger one gets split by what it does."""
    big = {
        name: n
        for name, path in module_files().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert big == {}


def test_each_stage_folder_says_what_goes_in_and_out() -> None:
    """Each stage subpackage's ``__init__`` docstring names its input and its output."""
    for prefixes in STAGES:
        for prefix in prefixes:
            path = PACKAGE.parent / prefix.replace(".", "/") / "__init__.py"
            if not path.is_file():
                continue  # a single module (errors, records, __main__)
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            if prefix == "xref.cli":
                assert doc, path
                continue
            assert "In:" in doc and "Out:" in doc, path
