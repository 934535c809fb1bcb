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
import importlib.machinery
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The version of xref (the wheel's version is read from here)."""

if TYPE_CHECKING:
    from xref.annotation.annotator import annotate
    from xref.checks.runner import check
    from xref.cite.find import find_citations, parse_citation
    from xref.cite.models import (
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
    from xref.errors import CitationSyntaxError, FetchError, InputError, UnsafeXMLError, XrefError
    from xref.graph.build import build_graph
    from xref.read.documents import Container, Document, Footnote, Volume
    from xref.read.sources import read_paths
    from xref.records import to_record
    from xref.resolve.corpus import Corpus
    from xref.resolve.resolution import Resolution, resolve_citations
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
    "AirgramCitation": "xref.cite.models",
    "annotate": "xref.annotation.annotator",
    "annotate_text": "xref.text",
    "build_graph": "xref.graph.build",
    "CentralFileCitation": "xref.cite.models",
    "check": "xref.checks.runner",
    "CiaCitation": "xref.cite.models",
    "Citation": "xref.cite.models",
    "CitationSyntaxError": "xref.errors",
    "Container": "xref.read.documents",
    "Corpus": "xref.resolve.corpus",
    "DespatchCitation": "xref.cite.models",
    "Document": "xref.read.documents",
    "DocumentCitation": "xref.cite.models",
    "ElectronicRecordCitation": "xref.cite.models",
    "ElectronicTelegramCitation": "xref.cite.models",
    "FetchError": "xref.errors",
    "find_citations": "xref.cite.find",
    "Footnote": "xref.read.documents",
    "FootnoteCitation": "xref.cite.models",
    "IbidCitation": "xref.cite.models",
    "InputError": "xref.errors",
    "KINDS": "xref.cite.models",
    "LibraryCitation": "xref.cite.models",
    "LotFileCitation": "xref.cite.models",
    "NationalArchivesCitation": "xref.cite.models",
    "OtherPublicationCitation": "xref.cite.models",
    "OtherRepositoryCitation": "xref.cite.models",
    "PageCitation": "xref.cite.models",
    "parse_citation": "xref.cite.find",
    "PublicationCitation": "xref.cite.models",
    "read_paths": "xref.read.sources",
    "RecordsCenterCitation": "xref.cite.models",
    "Resolution": "xref.resolve.resolution",
    "resolve_citations": "xref.resolve.resolution",
    "resolve_text": "xref.text",
    "Span": "xref.cite.models",
    "SubjectFileCitation": "xref.cite.models",
    "TelegramCitation": "xref.cite.models",
    "to_record": "xref.records",
    "UnparsedCitation": "xref.cite.models",
    "UnsafeXMLError": "xref.errors",
    "Volume": "xref.read.documents",
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


_MOVED: dict[str, str] = {
    "xref.candidates": "xref.cite.candidates",
    "xref.corpus": "xref.resolve.corpus",
    "xref.documents": "xref.read.documents",
    "xref.export": "xref.graph.export",
    "xref.find": "xref.cite.find",
    "xref.headers": "xref.read.headers",
    "xref.linter": "xref.checks.runner",
    "xref.models": "xref.cite.models",
    "xref.names": "xref.cite.names",
    "xref.normalize": "xref.cite.normalize",
    "xref.parser": "xref.cite.parser",
    "xref.plaintext": "xref.read.plaintext",
    "xref.report": "xref.graph.report",
    "xref.rules": "xref.checks.rules",
    "xref.safexml": "xref.read.safexml",
    "xref.sarif": "xref.checks.sarif",
    "xref.sources": "xref.read.sources",
    "xref.store": "xref.graph.store",
    "xref.tei": "xref.read.tei",
    "xref.transform": "xref.cite.transform",
}
"""The module paths from before the stage subpackages, and where each module lives now.
``xref.resolve``, ``xref.graph``, ``xref.fetch`` and ``xref.annotation`` are packages that
serve their old module's names themselves; these are served by :class:`_MovedModules`."""


class _MovedModules:
    """Import finder and loader for :data:`_MOVED`: ``import xref.sources`` (or ``from
    xref.sources import read_paths``) imports ``xref.read.sources`` and answers with that very
    module object, so old and new paths share one module (and its classes)."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec for an old module path, None for any other name."""
        if fullname not in _MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)  # type: ignore[arg-type]

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        """The default placeholder module: :meth:`exec_module` replaces it."""
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        """Import the module's new path and put it in ``sys.modules`` under the old name."""
        sys.modules[module.__name__] = importlib.import_module(_MOVED[module.__name__])


if not any(isinstance(f, _MovedModules) for f in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
