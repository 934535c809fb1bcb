"""Lean copies of documents, for an index that other processes' work is resolved against.

Resolving a citation needs, of its *target*, the header fields, the heading and source note,
and the footnotes' ids and labels, but never the body's or the notes' text nor any source
map. :func:`lean_item` makes such a copy of a volume or document (much cheaper to send
between processes and to unpack). :func:`fill_lean` turns a lean volume back into the
whole one *in place*, for a forked worker whose index holds the lean copy: the documents
stay the very objects the index holds, so identity (``target is doc``) and equality mean
what they mean in one process.
"""

from __future__ import annotations

import attrs

from xref.read.documents import Container, Document, Footnote, SourceMap, Volume

__all__ = ["fill_lean", "lean_document", "lean_item"]

assert [a.name for a in attrs.fields(Container)] == [
    "where", "text", "note", "label", "anchor", "parent", "refs", "source_map", "attributes",
] and [a.name for a in attrs.fields(Footnote)] == ["label", "id", "container", "page"]

_DOCUMENT_FIELDS = tuple(a.name for a in attrs.fields(Document))
_VOLUME_FIELDS = tuple(a.name for a in attrs.fields(Volume) if a.name != "documents")


def _lean_container(c: Container, keep_text: bool) -> Container:
    # attrs.evolve, without its look-up of every field: this runs for every container
    return Container(
        c.where, c.text if keep_text else "", c.note, c.label, c.anchor, c.parent, (),
        SourceMap(), c.attributes,
    )


def lean_document(doc: Document) -> Document:
    """A copy of ``doc`` that keeps what resolution needs from a *target*: header fields,
    heading and source note, footnote ids and labels, but not the body's or notes' text."""
    source = doc.source
    if source is not None:
        source = attrs.evolve(source, container=_lean_container(source.container, True))
    return attrs.evolve(
        doc,
        heading=_lean_container(doc.heading, True),
        body=Container("body", ""),
        source=source,
        footnotes=tuple(
            [Footnote(f.label, f.id, _lean_container(f.container, False), f.page)
             for f in doc.footnotes]
        ),
        diagnostics=(),
    )


def lean_item(item: Document | Volume) -> Document | Volume:
    """The lean copy of a volume (each document's, see :func:`lean_document`) or document."""
    if isinstance(item, Volume):
        return attrs.evolve(
            item, documents=tuple(lean_document(d) for d in item.documents), diagnostics=()
        )
    return lean_document(item)


def fill_lean(lean: Volume, whole: Volume) -> Volume:
    """Give ``lean`` (and each of its documents) every field of ``whole`` (the same volume
    read in full), in place, and return it.

    For a process that has its own copy of ``lean`` (a forked worker): it then holds the
    whole volume in the objects that its index already refers to. ``lean`` and ``whole``
    must be the same volume (same id, same documents in the same order); ValueError if not.
    """
    if lean.id != whole.id or len(lean.documents) != len(whole.documents) or any(
        a.id != b.id for a, b in zip(lean.documents, whole.documents, strict=True)
    ):
        raise ValueError(f"{whole.path}: not the volume of this lean copy ({lean.id})")
    setter = object.__setattr__  # the classes are frozen: this is their one owner's copy
    for a, b in zip(lean.documents, whole.documents, strict=True):
        for name in _DOCUMENT_FIELDS:
            setter(a, name, getattr(b, name))
    for name in _VOLUME_FIELDS:
        setter(lean, name, getattr(whole, name))
    return lean
