"""``xref check`` configuration: ``[tool.xref]`` in ``pyproject.toml``, or ``xref.toml``.

:func:`find_config` looks upward from the first input (a file's folder, or the folder
itself) for ``xref.toml`` (keys at top level or under ``[tool.xref]``) or a
``pyproject.toml`` with a ``[tool.xref]`` table, the nearest first; ``xref.toml`` wins in
one folder. Keys::

    [tool.xref]
    select = ["XR0"]                 # rule ids, names or prefixes
    ignore = ["XR009", "XR018"]
    fail-on = "error"                # error | warning | info
    corpus = ["../volumes"]          # more volumes for cross-references (relative to the file)
    [tool.xref.per-file-ignores]
    "frus1955-57v02.xml" = ["XR025"] # glob (relative path or file name) -> rules

Options on the command line win over the file. A bad key or value is an error naming the file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from xref.errors import InputError

__all__ = ["CheckConfig", "find_config", "load_config"]

_KEYS = ("select", "ignore", "fail-on", "corpus", "per-file-ignores")
_SEVERITIES = ("error", "warning", "info")


@frozen
class CheckConfig:
    """The settings of one configuration file (empty when there is none)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    corpus: tuple[str, ...] = ()
    """Paths, made absolute against the file's folder."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        """The rules ``per-file-ignores`` turns off for the file at ``path``."""
        if path is None or not self.per_file_ignores:
            return ()
        p = Path(path).resolve()
        names = {p.name, p.as_posix()}
        if self.path is not None:
            try:
                names.add(p.relative_to(self.path.parent.resolve()).as_posix())
            except ValueError:
                pass
        out: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if any(fnmatch.fnmatch(n, pattern) for n in names):
                out.extend(rules)
        return tuple(out)


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError(str(path), f"[tool.xref] {key} must be a string or a list of strings")


def load_config(path: str | Path) -> CheckConfig:
    """Read one configuration file; raise :class:`~xref.errors.InputError` if it is bad."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"bad TOML: {exc}") from None
    table = data.get("tool", {}).get("xref")
    if table is None:
        table = {k: v for k, v in data.items() if k != "tool"} if path.name == "xref.toml" else {}
    if not isinstance(table, dict):
        raise InputError(str(path), "[tool.xref] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise InputError(str(path), f"[tool.xref] unknown key {unknown[0]!r} "
                         f"(known: {', '.join(_KEYS)})")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in _SEVERITIES:
        raise InputError(str(path), f"[tool.xref] fail-on must be one of {_SEVERITIES}")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise InputError(str(path), "[tool.xref] per-file-ignores must be a table")
    base = path.parent
    return CheckConfig(
        path=path,
        select=_strings(path, "select", table["select"]) if "select" in table else None,
        ignore=_strings(path, "ignore", table.get("ignore", [])),
        fail_on=fail_on,
        corpus=tuple(str(base / c) for c in _strings(path, "corpus", table.get("corpus", []))),
        per_file_ignores=tuple((k, _strings(path, f"per-file-ignores.{k}", v))
                               for k, v in pfi.items()),
    )


def _has_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # let load_config report it
    return isinstance(data.get("tool"), dict) and "xref" in data["tool"]


def find_config(inputs: Sequence[str | Path]) -> Path | None:
    """The configuration file for ``inputs``: the nearest upward from the first one."""
    start = Path(inputs[0]) if inputs else Path.cwd()
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        if (d / "xref.toml").is_file():
            return d / "xref.toml"
        if (d / "pyproject.toml").is_file() and _has_table(d / "pyproject.toml"):
            return d / "pyproject.toml"
    return None
