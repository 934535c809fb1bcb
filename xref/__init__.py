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
"""

from __future__ import annotations

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

__all__ = [
    "AirgramCitation",
    "annotate",
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
    "Span",
    "SubjectFileCitation",
    "TelegramCitation",
    "to_record",
    "UnparsedCitation",
    "UnsafeXMLError",
    "Volume",
    "XrefError",
]
