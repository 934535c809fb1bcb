"""SARIF 2.1.0 output for ``xref check``, so that code hosts and editors show findings inline.

:func:`to_sarif` builds one run whose ``tool.driver.rules`` lists every rule (id, name,
short description, help) and whose results carry the rule id, level (``error``,
``warning``, ``note``), message and a physical location (file URI, start line and column).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from xref.checks.rules import RULES, Rule
from xref.checks.runner import Finding

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "to_sarif"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return p.as_posix()


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.hint},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    message = f.message if not f.hint else f"{f.message} (hint: {f.hint})"
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVELS[f.severity],
        "message": {"text": message},
    }
    if f.path is not None:
        region: dict[str, int] = {}
        if f.line:
            region["startLine"] = f.line
            if f.column:
                region["startColumn"] = f.column
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.path)}}
        if region:
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        names = [n for n in (f.volume, f.document, f.note) if n]
        if names:
            location["logicalLocations"] = [
                {"fullyQualifiedName": "/".join(names), "kind": "element"}
            ]
        out["locations"] = [location]
    props = {k: v for k, v in (("volume", f.volume), ("document", f.document),
                               ("note", f.note)) if v}
    if props:
        out["properties"] = props
    return out


def to_sarif(findings: Iterable[Finding], version: str = "0.1.0") -> dict[str, Any]:
    """A SARIF 2.1.0 log (a dict ready for ``json.dumps``): one run, every rule listed."""
    index = {r.id: i for i, r in enumerate(RULES)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "xref",
                        "informationUri": "https://history.state.gov/",
                        "version": version,
                        "rules": [_rule(r) for r in RULES],
                    }
                },
                "results": [_result(f, index) for f in findings],
            }
        ],
    }
