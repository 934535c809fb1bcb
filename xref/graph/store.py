"""The reference graph in SQLite: a documented schema, indexes, and the common questions.

The schema (:data:`SCHEMA`) has two tables, ``nodes`` and ``edges``, whose columns are the
fields of :class:`~xref.graph.build.Node` (attributes flattened, ``missing`` 0/1) and
:class:`~xref.graph.build.Edge`, plus ``meta`` (``format``, ``version``). ``where`` and ``end``
are SQL keywords: quote them (``"where"``, ``"end"``). The README shows example queries.

:func:`write_sqlite` and :func:`read_sqlite` round-trip a graph; :func:`cites`,
:func:`cited_by`, :func:`top_external` and :func:`unresolved` answer ``xref query``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from xref.graph.model import EDGE_FIELDS, NODE_ATTRS, Edge, Node, ReferenceGraph

__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "cited_by",
    "cites",
    "connect",
    "read_sqlite",
    "top_external",
    "unresolved",
    "write_sqlite",
]

SCHEMA_VERSION = 1
"""Bumped when a column is renamed or removed (adding one does not)."""

SCHEMA = """\
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE nodes (
    id       TEXT PRIMARY KEY,   -- VOLUME#dN, VOLUME#dNfnM, a canonical key, a volume id
    type     TEXT NOT NULL,      -- document | footnote | external | volume
    label    TEXT NOT NULL,
    volume   TEXT,               -- the FRUS volume (documents, footnotes, pages)
    number   TEXT,               -- the printed document number
    heading  TEXT,
    date     TEXT,               -- ISO 8601, possibly partial
    genre    TEXT,
    kind     TEXT,               -- external items: central_file, lot_file, telegram, ...
    document TEXT,               -- footnotes: the document they belong to
    title    TEXT,               -- volumes
    url      TEXT,               -- history.state.gov
    missing  INTEGER NOT NULL DEFAULT 0  -- 1: cited but not in the loaded corpus
);
CREATE TABLE edges (
    id         INTEGER PRIMARY KEY,  -- the edge's position in the graph (0-based)
    source     TEXT NOT NULL,        -- the citing document
    target     TEXT NOT NULL,        -- what it names (a nodes.id)
    kind       TEXT NOT NULL,        -- the citation kind, or part_of
    status     TEXT NOT NULL,        -- resolved | external | ambiguous | unresolved | structural
    method     TEXT NOT NULL,
    document   TEXT NOT NULL,        -- provenance: the citing document
    note       TEXT,                 -- provenance: the note's id (d12fn3, source), or NULL
    "where"    TEXT NOT NULL,        -- heading | source | body | footnote
    start      INTEGER NOT NULL,     -- span in the container's text, 0-based
    "end"      INTEGER NOT NULL,     -- exclusive
    text       TEXT NOT NULL,        -- the citation as printed
    confidence REAL NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
CREATE INDEX edges_status ON edges(status, kind);
CREATE INDEX nodes_type ON nodes(type, kind);
"""
"""The SQL that creates the database."""

_NODE_COLUMNS = ("id", "type", "label", *NODE_ATTRS)
_EDGE_COLUMNS = tuple(EDGE_FIELDS)


def _q(name: str) -> str:
    return f'"{name}"'


def write_sqlite(graph: ReferenceGraph, path: str | Path) -> None:
    """Write ``graph`` to a new SQLite database at ``path`` (an existing file is replaced).

    The database is built under a temporary name and renamed into place when complete
    (:func:`xref.outputs.output_path`): a failure leaves the old file, a second writer is refused.
    """
    from xref.outputs import output_path

    with output_path(path) as tmp:
        _write_sqlite(graph, tmp)


def _write_sqlite(graph: ReferenceGraph, target: Path) -> None:
    with closing(sqlite3.connect(target)) as db:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", "xref-graph"), ("version", str(SCHEMA_VERSION))],
        )
        node_sql = (
            f"INSERT INTO nodes ({', '.join(map(_q, _NODE_COLUMNS))}) "
            f"VALUES ({', '.join('?' for _ in _NODE_COLUMNS)})"
        )
        db.executemany(
            node_sql,
            (
                (n.id, n.type, n.label, *(_sql_value(n.attrs.get(a)) for a in NODE_ATTRS))
                for n in graph.nodes
            ),
        )
        edge_sql = (
            f"INSERT INTO edges (id, {', '.join(map(_q, _EDGE_COLUMNS))}) "
            f"VALUES (?, {', '.join('?' for _ in _EDGE_COLUMNS)})"
        )
        db.executemany(
            edge_sql,
            ((i, *(getattr(e, f) for f in _EDGE_COLUMNS)) for i, e in enumerate(graph.edges)),
        )
        db.commit()


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    return value


@contextmanager
def connect(path: str | Path) -> Iterator[sqlite3.Connection]:
    """Open a graph database read-only, rows as :class:`sqlite3.Row`."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{path}: no such database")
    with closing(sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        yield db


def read_sqlite(path: str | Path) -> ReferenceGraph:
    """Read a graph written by :func:`write_sqlite`."""
    with connect(path) as db:
        nodes = []
        columns = ", ".join(map(_q, _NODE_COLUMNS))
        for row in db.execute(f"SELECT {columns} FROM nodes ORDER BY rowid"):
            attrs = {a: row[a] for a in NODE_ATTRS if row[a] is not None}
            attrs["missing"] = bool(row["missing"])
            nodes.append(Node(row["id"], row["type"], row["label"], attrs))
        edges = [
            Edge(**{f: row[f] for f in _EDGE_COLUMNS})
            for row in db.execute(
                f"SELECT {', '.join(map(_q, _EDGE_COLUMNS))} FROM edges ORDER BY id"
            )
        ]
    return ReferenceGraph(tuple(nodes), tuple(edges))


# ---------------------------------------------------------------------------- questions
def _rows(db: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in db.execute(sql, params)]


_CITATION_COLUMNS = (
    "e.source, e.target, e.kind, e.status, e.method, e.note, e.text, e.reason, "
    "n.type AS target_type, n.label AS target_label, n.missing AS target_missing"
)


def cites(db: sqlite3.Connection, node_id: str) -> list[dict[str, Any]]:
    """What ``node_id`` (a document) cites: one row per citation, in document order."""
    return _rows(
        db,
        f"SELECT {_CITATION_COLUMNS} FROM edges e JOIN nodes n ON n.id = e.target "
        "WHERE e.source = ? AND e.status != 'structural' ORDER BY e.id",
        node_id,
    )


def cited_by(db: sqlite3.Connection, node_id: str) -> list[dict[str, Any]]:
    """What cites ``node_id`` (a document, footnote, external key or volume): one row per
    citation, with the citing document's heading and date."""
    return _rows(
        db,
        "SELECT e.source, s.heading AS source_heading, s.date AS source_date, e.kind, "
        "e.status, e.method, e.note, e.text FROM edges e LEFT JOIN nodes s ON s.id = e.source "
        "WHERE e.target = ? AND e.status != 'structural' ORDER BY e.id",
        node_id,
    )


def top_external(db: sqlite3.Connection, kind: str | None, limit: int = 20) -> list[dict[str, Any]]:
    """The most-cited external items of ``kind`` (``central_file``, ``lot_file``,
    ``telegram`` ...; None for every kind), with how many citations and citing documents."""
    where = "n.type = 'external'" + (" AND n.kind = ?" if kind else "")
    params: tuple[Any, ...] = (kind, limit) if kind else (limit,)
    return _rows(
        db,
        "SELECT n.id, n.kind, n.label, COUNT(*) AS citations, "
        "COUNT(DISTINCT e.source) AS documents, "
        "COUNT(DISTINCT substr(e.source, 1, instr(e.source, '#') - 1)) AS volumes "
        f"FROM nodes n JOIN edges e ON e.target = n.id WHERE {where} "
        "GROUP BY n.id ORDER BY citations DESC, n.id LIMIT ?",
        *params,
    )


def unresolved(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every unresolved or ambiguous citation, with its reason."""
    return _rows(
        db,
        'SELECT e.source, e.note, e."where", e.start, e.kind, e.status, e.text, e.target, '
        "e.reason FROM edges e WHERE e.status IN ('unresolved', 'ambiguous') ORDER BY e.id",
    )
