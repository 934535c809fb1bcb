"""The citation model: one frozen attrs class per kind of citation.

Every citation carries its exact :class:`Span` in the text it was found in and the
exact substring (``text``). Field names are those of ``CITATIONS.md`` and are the
vocabulary of the JSON records (see :func:`xref.records.to_record`): they are a
public contract, so fields may be added but never renamed.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from attrs import field, frozen

__all__ = [
    "AirgramCitation",
    "CentralFileCitation",
    "CiaCitation",
    "Citation",
    "DespatchCitation",
    "DocumentCitation",
    "ElectronicRecordCitation",
    "ElectronicTelegramCitation",
    "FootnoteCitation",
    "IbidCitation",
    "KINDS",
    "LibraryCitation",
    "LotFileCitation",
    "NationalArchivesCitation",
    "OtherPublicationCitation",
    "OtherRepositoryCitation",
    "PageCitation",
    "PublicationCitation",
    "RecordsCenterCitation",
    "Span",
    "SubjectFileCitation",
    "TelegramCitation",
    "UnparsedCitation",
]


@frozen(order=True)
class Span:
    """A 0-based, half-open range ``[start, end)`` of offsets into a text, like slicing.

    Lines and columns, where they are reported, are 1-based.
    """

    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""

    def shift(self, offset: int) -> Span:
        """Return this span moved ``offset`` characters to the right."""
        return Span(self.start + offset, self.end + offset)

    def __len__(self) -> int:
        return self.end - self.start


@frozen(kw_only=True)
class Citation:
    """Base of every citation kind.

    ``kind`` (a class variable) is the kind's name in CITATIONS.md and in JSON records.
    """

    kind: ClassVar[str] = "citation"
    span: Span
    """Where the citation stands in the text it was found in."""
    text: str
    """The exact substring ``source_text[span.start:span.end]``."""

    def fields(self) -> dict[str, Any]:
        """The kind's fields as plain JSON-ready values (no span, no text)."""
        out: dict[str, Any] = {}
        for a in attrs.fields(type(self)):
            if a.name in ("span", "text"):
                continue
            value = getattr(self, a.name)
            if isinstance(value, Citation):
                value = {"kind": value.kind, **value.fields()}
            elif isinstance(value, tuple):
                value = list(value)
            out[a.name] = value
        return out

    def with_span(self, span: Span, text: str) -> Citation:
        """Return a copy of this citation placed at ``span`` (with its substring ``text``)."""
        return attrs.evolve(self, span=span, text=text)


@frozen(kw_only=True)
class TelegramCitation(Citation):
    """A telegram: ``Deptel 1338``, ``Telegram 1531 from London, December 7``, ``Secto 53``."""

    kind: ClassVar[str] = "telegram"
    number: str | None
    """The number as printed (``"1338"``); None for a bare ``reftel``."""
    series: str
    """The abbreviation as written, normalized in case (``Deptel``, ``ourtel``, ``Secto``),
    or ``telegram`` / ``circular telegram`` for a spelled-out reference."""
    sender: str | None = None
    """Who sent it, when the text or the abbreviation says (``Department of State``, ``London``)."""
    recipient: str | None = None
    """Who received it, when the text or the abbreviation says."""
    date: str | None = None
    """ISO 8601, partial as printed: ``1962-12-07``; ``--12-07`` when the year is not given."""
    relative: str | None = None
    """``previous`` for ``telegram 2656, supra``; ``next`` for infra; else None."""
    numberless: bool = False
    """True when the citation prints no number at all: an unnumbered telegram (``an
    unnumbered telegram from Bonn``) or one named only by its date and route (``telegram of
    November 26 from London``); ``number`` is then None. A bare ``reftel`` (whose number is
    on the Reference line) is not numberless."""


@frozen(kw_only=True)
class DocumentCitation(Citation):
    """A printed document: ``Document 243``, ``vol. XI, Document 183``, ``No. 2``, ``Supra``."""

    kind: ClassVar[str] = "document"
    number: int | None
    """The document number, or None for a relative reference (supra/infra)."""
    volume: str | None = None
    """FRUS volume id (``frus1961-63v11``) when another volume is named; None for this one."""
    relative: str | None = None
    """``previous`` for supra, ``next`` for infra, else None."""


@frozen(kw_only=True)
class FootnoteCitation(Citation):
    """A footnote: ``footnote 4 thereto``, ``footnote 3, Document 5``, ``footnote 2 above``."""

    kind: ClassVar[str] = "footnote"
    number: str
    """The footnote's number or letter as printed (``"4"``, ``"a"``)."""
    document: int | None = None
    """The document it belongs to; None for the citing document or a relative one."""
    volume: str | None = None
    """FRUS volume id when another volume is named."""
    relative: str | None = None
    """``previous`` (supra), ``next`` (infra), ``same`` (above/below), ``thereto`` (of the
    document just cited), or None."""


@frozen(kw_only=True)
class CentralFileCitation(Citation):
    """A Department of State decimal file: ``737.56361/12-1262``."""

    kind: ClassVar[str] = "central_file"
    file: str
    """The file number as printed, dashes normalized to ``-`` and stray spaces removed."""
    decimal: str
    """The decimal part before ``/`` (``737.56361``)."""
    date: str | None
    """The filing date decoded to ISO (``1962-12-12``), or None when it cannot be decoded."""


@frozen(kw_only=True)
class SubjectFileCitation(Citation):
    """A subject-numeric file (1963 on): ``Central Files 1964–66, POL 27 VIET S``."""

    kind: ClassVar[str] = "subject_file"
    subject: str
    """The file designation (``POL 27 VIET S``)."""
    years: str | None = None
    """The file period (``1964-66``), or None."""


@frozen(kw_only=True)
class LotFileCitation(Citation):
    """A retired lot file: ``Ball Files; Lot 74 D 272, Telephone Conversations--Cuba``."""

    kind: ClassVar[str] = "lot_file"
    lot: str
    """Normalized lot number (``74 D 272``)."""
    series: str | None = None
    """The office's files (``Ball Files``, ``S/S Files``), or None."""
    folder: str | None = None
    """What follows the lot number (a folder or file), or None."""


@frozen(kw_only=True)
class RecordsCenterCitation(Citation):
    """A Federal Records Center accession: ``USUN Files: NYFRC 84-84-001, ...``."""

    kind: ClassVar[str] = "records_center"
    accession: str
    """The accession number (``84-84-001``, ``64 A 2170``)."""
    center: str
    """The records center, normalized (``NY FRC``, ``FRC``, ``WNRC``)."""
    series: str | None = None
    """The files it belongs to (``USUN Files``), or None."""
    folder: str | None = None
    """What follows the accession, or None."""


@frozen(kw_only=True)
class LibraryCitation(Citation):
    """A presidential library or the Nixon materials: ``Kennedy Library, NSF, Countries...``."""

    kind: ClassVar[str] = "library"
    library: str
    """The library (``Kennedy Library``, ``Nixon Presidential Materials``)."""
    collection: str | None = None
    """The first part after the library (``National Security Files``)."""
    path: tuple[str, ...] = field(default=(), converter=tuple)
    """The remaining series, folder and box parts, in order."""


@frozen(kw_only=True)
class IbidCitation(Citation):
    """``Ibid.``, with whatever locator follows it (``ibid., Ball Files; Lot 74 D 272``)."""

    kind: ClassVar[str] = "ibid"
    locator: Citation | None = None
    """The citation that follows ``ibid.``, if any; its fields replace the antecedent's."""
    antecedent: Citation | None = None
    """The citation it repeats; filled by resolution, None when only parsed."""
    path: tuple[str, ...] = field(default=(), converter=tuple)
    """Locator parts that name no kind by themselves (``NSC Files / Box 364``)."""

    def fields(self) -> dict[str, Any]:
        """The antecedent, the locator's kind, and the locator's own fields."""
        out: dict[str, Any] = {
            "antecedent": None,
            "locator_kind": None if self.locator is None else self.locator.kind,
            "path": list(self.path),
        }
        if self.antecedent is not None:
            out["antecedent"] = {
                "kind": self.antecedent.kind,
                "text": self.antecedent.text,
                **self.antecedent.fields(),
            }
        if self.locator is not None:
            for k, v in self.locator.fields().items():
                out.setdefault(k, v)
        return out


@frozen(kw_only=True)
class PublicationCitation(Citation):
    """A FRUS volume: ``Foreign Relations, 1958–1960, vol. VI, pp. 123–125``."""

    kind: ClassVar[str] = "publication"
    volume: str | None
    """FRUS volume id (``frus1958-60v06``), or None when it cannot be built."""
    pages: str | None = None
    """Pages as printed, dashes normalized (``123-125``), or None."""


@frozen(kw_only=True)
class PageCitation(Citation):
    """A page of this volume: ``p. 427``, ``Printed ante, p. 427``, ``pp. 12-14``."""

    kind: ClassVar[str] = "page"
    pages: str
    """Pages as printed, dashes normalized."""


@frozen(kw_only=True)
class NationalArchivesCitation(Citation):
    """A National Archives record group with no finer locator: ``National Archives, RG 59``."""

    kind: ClassVar[str] = "national_archives"
    rg: str
    """The record group number (``59``)."""
    path: tuple[str, ...] = field(default=(), converter=tuple)
    """The parts after the record group (``Records of the Policy Planning Staff``)."""


@frozen(kw_only=True)
class ElectronicTelegramCitation(Citation):
    """An electronic telegram film number (1973 on): ``D750199-1071``."""

    kind: ClassVar[str] = "electronic_telegram"
    film: str
    """The film number (``D750199-1071``)."""


@frozen(kw_only=True)
class ElectronicRecordCitation(Citation):
    """A non-telegram film number of the same files: ``P820123-2423``."""

    kind: ClassVar[str] = "electronic_record"
    film: str
    """The film number."""


@frozen(kw_only=True)
class CiaCitation(Citation):
    """The CIA as repository: ``Central Intelligence Agency, DCI (McCone) Files, Job 80-B01285A``.
    """

    kind: ClassVar[str] = "cia"
    job: str | None = None
    """The job number (``80-B01285A``), or None."""
    path: tuple[str, ...] = field(default=(), converter=tuple)
    """The other parts, in order."""


@frozen(kw_only=True)
class DespatchCitation(Citation):
    """A despatch: ``despatch 712 from London``, ``Despatch 1056``."""

    kind: ClassVar[str] = "despatch"
    number: str
    """The number as printed."""
    sender: str | None = None
    """The post it came from, when named."""
    recipient: str | None = None
    """The post it went to, when named."""
    date: str | None = None
    """ISO date, partial as printed."""


@frozen(kw_only=True)
class AirgramCitation(Citation):
    """An airgram: ``Airgram A-151``, ``CA-5218``, ``Circular Airgram CG-121``."""

    kind: ClassVar[str] = "airgram"
    number: str
    """The number, dashes normalized (``A-151``)."""
    sender: str | None = None
    """The post it came from, when named."""
    recipient: str | None = None
    """The post it went to, when named."""
    date: str | None = None
    """ISO date, partial as printed."""
    series: str | None = None
    """The telegram series whose airgram it is (``Polto`` of ``Polto A-417``); None for a
    plain airgram."""


@frozen(kw_only=True)
class OtherPublicationCitation(Citation):
    """Another publication: the Bulletin, Public Papers, a treaty series, a memoir's pages."""

    kind: ClassVar[str] = "other_publication"
    title: str
    """The publication's title as printed (``Department of State Bulletin``, ``UST``)."""
    pages: str | None = None
    """Pages, normalized, or None."""
    date: str | None = None
    """The issue's date (ISO), or None."""
    volume: str | None = None
    """The volume number, when given (``11`` in ``11 UST 1645``)."""


@frozen(kw_only=True)
class OtherRepositoryCitation(Citation):
    """Papers kept elsewhere: ``Princeton University Library, Dulles Papers``."""

    kind: ClassVar[str] = "other_repository"
    repository: str
    """The repository (``Princeton University Library``)."""
    path: tuple[str, ...] = field(default=(), converter=tuple)
    """The collection, series and folder parts, in order."""


@frozen(kw_only=True)
class UnparsedCitation(Citation):
    """Text that looks like a citation but does not parse: reported, never dropped."""

    kind: ClassVar[str] = "unparsed"
    reason: str
    """Why it did not parse: the position and what was expected."""


KINDS: dict[str, type[Citation]] = {
    cls.kind: cls
    for cls in (
        TelegramCitation,
        DocumentCitation,
        FootnoteCitation,
        CentralFileCitation,
        SubjectFileCitation,
        LotFileCitation,
        RecordsCenterCitation,
        LibraryCitation,
        IbidCitation,
        PublicationCitation,
        PageCitation,
        NationalArchivesCitation,
        ElectronicTelegramCitation,
        ElectronicRecordCitation,
        CiaCitation,
        DespatchCitation,
        AirgramCitation,
        OtherPublicationCitation,
        OtherRepositoryCitation,
        UnparsedCitation,
    )
}
"""Every citation class by its kind name."""
