"""Make the published contract from the code: ``xref/schemas/*.schema.json`` and the field
reference ``docs/RECORDS.md``. Run ``python tests/schemagen.py`` after adding a field;
``tests/test_schema.py`` fails while the committed files differ from what this makes.

Every citation kind's fields, and their descriptions, come from the attrs classes of
:mod:`xref.models` (their attribute docstrings); the graph's from :mod:`xref.graph`.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import attrs  # noqa: E402

from xref import models  # noqa: E402
from xref.graph.build import EDGE_FIELDS, NODE_ATTRS, NODE_TYPES  # noqa: E402
from xref.resolve.resolution import STATUSES  # noqa: E402

SCHEMAS = ROOT / "xref" / "schemas"
RECORDS_MD = ROOT / "docs" / "RECORDS.md"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_TYPES = {
    "str": {"type": "string"},
    "str | None": {"type": ["string", "null"]},
    "int | None": {"type": ["integer", "null"]},
    "bool": {"type": "boolean"},
    "tuple[str, ...]": {"type": "array", "items": {"type": "string"}},
    "Citation | None": {"type": ["object", "null"]},
}


def _docstrings(cls: type) -> dict[str, str]:
    """The attribute docstrings of ``cls`` (the string after each annotated field)."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    out: dict[str, str] = {}
    for st, nxt in zip(body, body[1:], strict=False):
        if (isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name)
                and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant)):
            out[st.target.id] = " ".join(str(nxt.value.value).split()).replace("``", "`")
    return out


def kind_fields() -> dict[str, dict[str, dict[str, Any]]]:
    """Each kind: its fields, each with a JSON Schema type and a description."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for kind, cls in models.KINDS.items():
        docs: dict[str, str] = {}
        for base in reversed(cls.__mro__):
            if attrs.has(base):
                docs.update(_docstrings(base))
        fields: dict[str, dict[str, Any]] = {}
        for a in attrs.fields(cls):
            if a.name in ("span", "text"):
                continue
            fields[a.name] = {**_TYPES[str(a.type)], "description": docs.get(a.name, "")}
        if kind == "ibid":  # fields() flattens the locator; see IbidCitation.fields
            fields.pop("locator")
            fields["locator_kind"] = {"type": ["string", "null"],
                                      "description": "The kind of the locator that follows "
                                      "'ibid.', if any; its fields are added to these."}
        out[kind] = fields
    return out


RECORD_FIELDS: dict[str, dict[str, Any]] = {
    "source": {"type": ["string", "null"],
               "description": "The file the citation was read from ('-' for standard input)."},
    "fragment": {"type": ["integer", "null"], "minimum": 1,
                 "description": "With --fragments, the 1-based line number; else null."},
    "start": {"type": "integer", "minimum": 0,
              "description": "0-based offset where the citation starts in its container's "
              "text (or the fragment, or the text given)."},
    "end": {"type": "integer", "minimum": 0, "description": "Offset where it ends (exclusive)."},
    "text": {"type": "string", "description": "The exact substring."},
    "kind": {"description": "The citation's kind (see the kinds table), or 'unparsed'."},
    "fields": {"type": "object", "description": "The kind's fields (see the kinds table)."},
    "reason": {"type": ["string", "null"],
               "description": "unparsed: where the grammar gave up and what it expected; "
               "resolve: why a citation is unresolved or ambiguous."},
    "volume": {"type": ["string", "null"],
               "description": "Documents: the FRUS volume id (frus1961-63v11)."},
    "doc": {"type": ["string", "null"],
            "description": "Documents: the document's xml:id (d243); plain text: the file stem."},
    "where": {"enum": ["heading", "source", "body", "footnote"],
              "description": "Which part of the document the citation is in."},
    "note": {"type": ["string", "null"],
             "description": "The note's xml:id (d12fn3); plain text fn3 or source; null in "
             "the body and heading."},
    "status": {"enum": list(STATUSES), "description": "resolve: the citation's state."},
    "target": {"type": ["string", "null"],
               "description": "resolve: VOLUME#dN or VOLUME#dNfnM of the loaded corpus."},
    "key": {"type": ["string", "null"],
            "description": "resolve: the canonical key; every citation of one external "
            "telegram, file, lot or volume has the same key."},
    "candidates": {"type": "array", "items": {"type": "string"},
                   "description": "resolve: the documents that fit, when ambiguous."},
    "method": {"type": ["string", "null"],
               "description": "resolve: the resolution rule that decided."},
    "confidence": {"type": "number", "minimum": 0, "maximum": 1,
                   "description": "resolve: 0 to 1."},
    "url": {"type": ["string", "null"],
            "description": "resolve: the history.state.gov page of the target (or of a key "
            "naming a FRUS document), else null."},
    "channel_target": {"type": ["string", "null"],
                       "description": "resolve, telegrams: the document the channel (sender, "
                       "recipient, number, date) gives."},
    "evidence": {"type": ["string", "null"],
                 "description": "resolve, telegrams: the document the editors' footnote names."},
}
"""Every field of the extract and resolve records (the first seven are always there)."""

REQUIRED = ["source", "fragment", "start", "end", "text", "kind", "fields"]


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one record of ``xref extract``/``xref resolve --format jsonl``."""
    kinds = kind_fields()
    props = {k: dict(v) for k, v in RECORD_FIELDS.items()}
    props["kind"]["enum"] = [*kinds]
    rules = []
    for kind, fields in kinds.items():
        rules.append({
            "if": {"properties": {"kind": {"const": kind}}},
            "then": {"properties": {"fields": {
                "properties": fields,
                "required": [*fields],
                "additionalProperties": kind == "ibid",
            }}},
        })
    return {
        "$schema": DRAFT,
        "title": "xref citation record",
        "description": "One line of `xref extract --format jsonl` or `xref resolve --format "
        "jsonl` (and the record of `xref.to_record`). Fields may be added in later versions; "
        "none is renamed. The field reference is docs/RECORDS.md.",
        "type": "object",
        "properties": props,
        "required": REQUIRED,
        "additionalProperties": False,
        "allOf": rules,
    }


_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number"}


def graph_schema() -> dict[str, Any]:
    """The JSON Schema of ``xref graph --format json`` (node-link, as networkx writes it)."""
    node_props: dict[str, Any] = {
        "id": {"type": "string"},
        "type": {"enum": list(NODE_TYPES)},
        "label": {"type": "string"},
    }
    node_props.update({k: {"type": _JSON_TYPES[t]} for k, t in NODE_ATTRS.items()})
    edge_props: dict[str, Any] = {"key": {"type": "integer", "minimum": 0}}
    for k, t in EDGE_FIELDS.items():
        edge_props[k] = {"type": [_JSON_TYPES[t], "null"] if k == "note" else _JSON_TYPES[t]}
    edge_props["status"] = {"enum": [*STATUSES, "structural"]}
    return {
        "$schema": DRAFT,
        "title": "xref reference graph (node-link JSON)",
        "description": "The output of `xref graph --format json`: networkx's node-link "
        "layout. Nodes carry only the attributes they have; every edge carries every field.",
        "type": "object",
        "properties": {
            "directed": {"const": True},
            "multigraph": {"const": True},
            "graph": {"type": "object", "properties": {
                "name": {"type": "string"}, "nodes": {"type": "integer"},
                "edges": {"type": "integer"}, "citations": {"type": "integer"},
                "missing": {"type": "integer"}, "cross_volume": {"type": "integer"},
                "nodes_by_type": {"type": "object"}, "by_kind": {"type": "object"},
                "by_status": {"type": "object"}}},
            "nodes": {"type": "array", "items": {
                "type": "object", "properties": node_props,
                "required": ["id", "type", "label"], "additionalProperties": False}},
            "links": {"type": "array", "items": {
                "type": "object", "properties": edge_props,
                "required": [*edge_props], "additionalProperties": False}},
        },
        "required": ["directed", "multigraph", "graph", "nodes", "links"],
    }


def _type_text(spec: dict[str, Any]) -> str:
    t = spec.get("type")
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    if t == "array":
        return "list of strings"
    if isinstance(t, list):
        return " or ".join(t)
    return str(t)


def records_md() -> str:
    """docs/RECORDS.md: the record's fields and every kind's fields."""
    lines = [
        "# The JSON records (a published contract)",
        "",
        "<!-- Made by `python tests/schemagen.py` from xref/models.py and tests/schemagen.py;"
        " edit those, not this file. -->",
        "",
        "`xref extract --format jsonl` and `xref resolve --format jsonl` print one record per "
        "citation; `xref parse --format json` prints one, with `key` and `status`. Fields may "
        "be added in later versions; none is renamed. The JSON Schemas ship inside the package "
        "(`xref/schemas/record.schema.json`, `xref/schemas/graph.schema.json`; "
        "`importlib.resources.files('xref') / 'schemas'`), and the tests validate real output "
        "against them.",
        "",
        "## Record fields",
        "",
        "| field | type | meaning |",
        "|---|---|---|",
    ]
    for name, spec in RECORD_FIELDS.items():
        type_text = "string" if name == "kind" else _type_text(spec)
        lines.append(f"| `{name}` | {type_text} | {spec['description']} |")
    lines += [
        "",
        "Always present: " + ", ".join(f"`{f}`" for f in REQUIRED) + ". Records of documents "
        "add `volume`, `doc`, `where`, `note`; `xref resolve` adds `status` to `url`, and "
        "`channel_target` and `evidence` for telegrams when known. Dates are ISO 8601, partial "
        "where the text is (`--12-07` is December 7 with no year).",
        "",
        "## Fields of each kind (`fields`)",
        "",
        "| kind | field | type | meaning |",
        "|---|---|---|---|",
    ]
    for kind, fields in kind_fields().items():
        for i, (name, spec) in enumerate(fields.items()):
            shown = f"`{kind}`" if i == 0 else ""
            lines.append(f"| {shown} | `{name}` | {_type_text(spec)} | {spec['description']} |")
    lines += [
        "",
        "An `ibid` record's `fields` also carry the fields of the locator that follows it "
        "(`Ibid., 783A.00/4-1758` adds `file`, `decimal` and `date`).",
        "",
        "## The graph (`xref graph --format json`)",
        "",
        "Node-link JSON as `networkx.node_link_data` writes it: `directed`, `multigraph`, "
        "`graph` (the summary counts), `nodes` (`id`, `type`, `label` and those of "
        + ", ".join(f"`{k}`" for k in NODE_ATTRS)
        + " that the node has) and `links` (`key` and "
        + ", ".join(f"`{k}`" for k in EDGE_FIELDS)
        + "). See the README's section on the reference graph.",
        "",
    ]
    return "\n".join(lines)


def outputs() -> dict[Path, str]:
    """Each generated file and its content."""
    def dump(data: dict[str, Any]) -> str:
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    return {
        SCHEMAS / "record.schema.json": dump(record_schema()),
        SCHEMAS / "graph.schema.json": dump(graph_schema()),
        RECORDS_MD: records_md(),
    }


if __name__ == "__main__":
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
