"""xref: find, resolve and check the citations in documentary editions of historical records.

The library API::

    import xref
    citations = xref.find_citations("See Deptel 1338 and Document 204.")
    xref.to_record(citations[0])       # the JSON record
    xref.parse_citation("Deptel 1338")  # exactly one citation, or CitationSyntaxError

    results = xref.read_paths(["volumes/"])              # TEI volumes, plain-text copies
    corpus = xref.Corpus.from_documents(...)              # the index resolution queries
    for r in xref.resolve_citations(documents, corpus):   # status, target or key
        ...
    xref.check(["volumes/frus1958-60v11.xml"])            # editorial findings, as data
    xref.build_graph(["volumes/"])                        # the reference graph
    xref.annotate("frus1958-60v11.xml")                   # write <ref> links back

    # a text given as a string, against a corpus given as paths or documents
    xref.resolve_text("See Deptel 1338 and Document 204.", corpus=["volumes/"],
                      volume="frus1961-63v11")
    xref.annotate_text("See Document 204.", volume="frus1961-63v11")   # HTML with links
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The version of xref (the wheel's version is read from here)."""

if TYPE_CHECKING:
    from xref.annotation import annotate
    from xref.corpus import Corpus
    from xref.documents import Container, Document, Footnote, Volume
    from xref.errors import CitationSyntaxError, FetchError, InputError, UnsafeXMLError, XrefError
    from xref.find import find_citations, parse_citation
    from xref.graph import build_graph
    from xref.linter import check
    from xref.models import (
        KINDS,
        AirgramCitation,
        CentralFileCitation,
        CiaCitation,
        Citation,
        DespatchCitation,
        DocumentCitation,
        ElectronicRecordCitation,
        ElectronicTelegramCitation,
        FootnoteCitation,
        IbidCitation,
        LibraryCitation,
        LotFileCitation,
        NationalArchivesCitation,
        OtherPublicationCitation,
        OtherRepositoryCitation,
        PageCitation,
        PublicationCitation,
        RecordsCenterCitation,
        Span,
        SubjectFileCitation,
        TelegramCitation,
        UnparsedCitation,
    )
    from xref.records import to_record
    from xref.resolve import Resolution, resolve_citations
    from xref.sources import read_paths
    from xref.text import annotate_text, resolve_text

__all__ = [
    "AirgramCitation",
    "annotate",
    "annotate_text",
    "build_graph",
    "CentralFileCitation",
    "check",
    "CiaCitation",
    "Citation",
    "CitationSyntaxError",
    "Container",
    "Corpus",
    "DespatchCitation",
    "Document",
    "DocumentCitation",
    "ElectronicRecordCitation",
    "ElectronicTelegramCitation",
    "FetchError",
    "find_citations",
    "Footnote",
    "FootnoteCitation",
    "IbidCitation",
    "InputError",
    "KINDS",
    "LibraryCitation",
    "LotFileCitation",
    "NationalArchivesCitation",
    "OtherPublicationCitation",
    "OtherRepositoryCitation",
    "PageCitation",
    "parse_citation",
    "PublicationCitation",
    "read_paths",
    "RecordsCenterCitation",
    "Resolution",
    "resolve_citations",
    "resolve_text",
    "Span",
    "SubjectFileCitation",
    "TelegramCitation",
    "to_record",
    "UnparsedCitation",
    "UnsafeXMLError",
    "Volume",
    "XrefError",
]

_EXPORTS: dict[str, str] = {
    "AirgramCitation": "xref.models",
    "annotate": "xref.annotation",
    "annotate_text": "xref.text",
    "build_graph": "xref.graph",
    "CentralFileCitation": "xref.models",
    "check": "xref.linter",
    "CiaCitation": "xref.models",
    "Citation": "xref.models",
    "CitationSyntaxError": "xref.errors",
    "Container": "xref.documents",
    "Corpus": "xref.corpus",
    "DespatchCitation": "xref.models",
    "Document": "xref.documents",
    "DocumentCitation": "xref.models",
    "ElectronicRecordCitation": "xref.models",
    "ElectronicTelegramCitation": "xref.models",
    "FetchError": "xref.errors",
    "find_citations": "xref.find",
    "Footnote": "xref.documents",
    "FootnoteCitation": "xref.models",
    "IbidCitation": "xref.models",
    "InputError": "xref.errors",
    "KINDS": "xref.models",
    "LibraryCitation": "xref.models",
    "LotFileCitation": "xref.models",
    "NationalArchivesCitation": "xref.models",
    "OtherPublicationCitation": "xref.models",
    "OtherRepositoryCitation": "xref.models",
    "PageCitation": "xref.models",
    "parse_citation": "xref.find",
    "PublicationCitation": "xref.models",
    "read_paths": "xref.sources",
    "RecordsCenterCitation": "xref.models",
    "Resolution": "xref.resolve",
    "resolve_citations": "xref.resolve",
    "resolve_text": "xref.text",
    "Span": "xref.models",
    "SubjectFileCitation": "xref.models",
    "TelegramCitation": "xref.models",
    "to_record": "xref.records",
    "UnparsedCitation": "xref.models",
    "UnsafeXMLError": "xref.errors",
    "Volume": "xref.documents",
    "XrefError": "xref.errors",
}
"""Where each public name lives; imported on first use, so that ``import xref`` and the
command line load only what they need."""


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'xref' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
