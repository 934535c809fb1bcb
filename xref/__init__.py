"""xref: find, resolve and check the citations in documentary editions of historical records.

The library API::

    import xref
    citations = xref.find_citations("See Deptel 1338 and Document 204.")
    xref.to_record(citations[0])      # the JSON record
    xref.parse_citation("Deptel 1338") # exactly one citation, or CitationSyntaxError
"""

from __future__ import annotations

from xref.errors import CitationSyntaxError, FetchError, InputError, UnsafeXMLError, XrefError
from xref.find import find_citations, parse_citation
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

__all__ = [
    "KINDS",
    "AirgramCitation",
    "CentralFileCitation",
    "CiaCitation",
    "Citation",
    "CitationSyntaxError",
    "DespatchCitation",
    "DocumentCitation",
    "ElectronicRecordCitation",
    "ElectronicTelegramCitation",
    "FetchError",
    "find_citations",
    "FootnoteCitation",
    "IbidCitation",
    "InputError",
    "LibraryCitation",
    "LotFileCitation",
    "NationalArchivesCitation",
    "OtherPublicationCitation",
    "OtherRepositoryCitation",
    "PageCitation",
    "parse_citation",
    "PublicationCitation",
    "RecordsCenterCitation",
    "Span",
    "SubjectFileCitation",
    "TelegramCitation",
    "to_record",
    "UnparsedCitation",
    "UnsafeXMLError",
    "XrefError",
]
