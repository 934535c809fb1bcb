"""Read plain-text copies of FRUS documents (the seeds' format) into a Document.

The format, as a law-library web archive prints a FRUS document::

    The Cuban Missile Crisis                        <- title lines (optional)
    Telegram From the Mission to the United Nations to the Department of State
    <blank>
    New York, December 12, 1962, 8 p.m.             <- dateline
    <blank>
    2292. Dept pass White House. ... Washington.(1) <- body, markers (n) glued to the text
    ...
    1 According to a 16-page memorandum ... Back    <- footnotes, ending in "Back"
    Source: Department of State, Central Files, ... <- the source note, printed last
    127 Wall Street, New Haven, CT 06511.           <- page furniture: an address, dropped

Markers are taken out of the body (the footnote's ``anchor`` is where the marker stood) and
matched one to one with footnotes; unmatched markers or footnotes become diagnostics. An
enumeration such as ``grounds (1) that`` (a space before the parenthesis) is not a marker.
"""

from __future__ import annotations

import re
from pathlib import Path

from xref.errors import InputError
from xref.read.documents import (
    Container,
    Document,
    DocumentDiagnostic,
    Footnote,
    SourceMap,
    SourceNote,
)
from xref.read.headers import parse_dateline, parse_heading, parse_own_number, parse_source_note

__all__ = ["is_furniture", "read_plaintext", "read_plaintext_bytes"]

_FOOTNOTE = re.compile(r"^(?P<label>\d{1,3}|[a-z])\s+(?P<text>.*?)\s*\bBack\s*$")
_SOURCE = re.compile(r"^\W{0,2}source\s*:", re.I)
_MARKER = re.compile(r"(?<=[^\s(])\((?P<n>\d{1,3}|[a-z])\)")
_ADDRESS = re.compile(
    r"^\s*(?:\d+[A-Za-z]?\s+[\w .'-]+?\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|"
    r"Drive|Dr|Place|Pl|Square|Way|Court|Ct|Plaza|Highway|Hwy|Parkway|Pkwy)\.?"
    r"|P\.?\s?O\.?\s+Box\s+\d+)"
    r"(?:,?\s+(?:Suite|Ste\.?|Room|Floor)\s+\w+)?,\s*[A-Z][\w .'-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"\.?\s*$"
)


def is_furniture(line: str) -> bool:
    """Whether ``line`` is page furniture: a postal address (``127 Wall Street, ... 06511.``)."""
    return _ADDRESS.match(line) is not None


class _Line:
    __slots__ = ("text", "byte", "number")

    def __init__(self, text: str, byte: int, number: int) -> None:
        self.text = text
        self.byte = byte
        self.number = number


def _split_lines(data: bytes) -> list[_Line]:
    out = []
    pos = 0
    for number, raw in enumerate(data.split(b"\n"), 1):
        text = raw.rstrip(b"\r").decode("utf-8", "replace")
        out.append(_Line(text, pos, number))
        pos += len(raw) + 1
    return out


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def read_plaintext_bytes(path: str, data: bytes, volume: str | None = None) -> Document:
    """Read a plain-text document from ``data``; ``path`` names it (its stem is the id)."""
    if b"\x00" in data[:4096]:
        raise InputError(path, "not a text file (NUL bytes)")
    lines = _split_lines(data)
    diagnostics: list[DocumentDiagnostic] = []
    # Drop page furniture: trailing address lines (and blank lines around them).
    end = len(lines)
    while end and not lines[end - 1].text.strip():
        end -= 1
    while end and is_furniture(lines[end - 1].text):
        end -= 1
        while end and not lines[end - 1].text.strip():
            end -= 1
    lines = lines[:end]
    # Header block: lines up to the first blank line.
    i = 0
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    header: list[_Line] = []
    while i < len(lines) and lines[i].text.strip():
        header.append(lines[i])
        i += 1
    heading_line = None
    for line in header:
        info = parse_heading(line.text)
        if info.sender or info.genre in ("editorial note", "memorandum of conversation"):
            heading_line = line
    if heading_line is None and header:
        heading_line = header[-1]
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    dateline_line = None
    if i < len(lines) and parse_dateline(lines[i].text).date and len(lines[i].text) < 120:
        dateline_line = lines[i]
        i += 1
    # The rest: body paragraphs, footnotes, source.
    paragraphs: list[_Line] = []
    notes: list[tuple[str, str, _Line, int]] = []
    source_line: _Line | None = None
    for line in lines[i:]:
        text = line.text.strip()
        if not text:
            continue
        fm = _FOOTNOTE.match(text)
        if _SOURCE.match(text):
            source_line = line
        elif fm is not None and (notes or not paragraphs or source_line is None):
            notes.append((fm.group("label"), fm.group("text"), line, _lead(line.text)))
        elif notes or source_line is not None:
            diagnostics.append(
                DocumentDiagnostic("stray-text", f"text after the footnotes: {text[:40]!r}",
                                   line.number)
            )
        else:
            paragraphs.append(line)
    # Body with markers removed.
    parts: list[str] = []
    offsets: list[int] = []
    events: list[int] = []
    markers: list[tuple[str, int, int]] = []
    length = 0
    for line in paragraphs:
        if parts:
            parts.append("\n\n")
            length += 2
        raw = line.text
        lead = _lead(raw)
        text = raw.strip()
        pos = 0
        for m in _MARKER.finditer(text):
            piece = text[pos:m.start()]
            if piece:
                offsets.append(length)
                events.append(line.byte + len(raw[: lead + pos].encode("utf-8")))
                parts.append(piece)
                length += len(piece)
            markers.append((m.group("n"), length, line.number))
            pos = m.end()
        piece = text[pos:]
        if piece:
            offsets.append(length)
            events.append(line.byte + len(raw[: lead + pos].encode("utf-8")))
            parts.append(piece)
            length += len(piece)
    body_text = "".join(parts)
    body = Container("body", body_text,
                     source_map=SourceMap(tuple(offsets), tuple(events), (), xml=False))
    # Match markers and footnotes one to one, in order.
    anchors: dict[str, int] = {}
    marker_labels = [m[0] for m in markers]
    note_labels = [n[0] for n in notes]
    for label, offset, line_no in markers:
        if label in anchors:
            diagnostics.append(DocumentDiagnostic(
                "duplicate-marker", f"marker ({label}) appears again", line_no))
        elif label not in note_labels:
            diagnostics.append(DocumentDiagnostic(
                "marker-without-footnote", f"marker ({label}) has no footnote", line_no))
        else:
            anchors[label] = offset
    footnotes: list[Footnote] = []
    for label, text, line, lead in notes:
        if label not in marker_labels:
            diagnostics.append(DocumentDiagnostic(
                "footnote-without-marker", f"footnote {label} has no marker in the text",
                line.number))
        start = line.byte + len(line.text[: lead + len(label)].encode("utf-8"))
        start += len(line.text[lead + len(label):]) - len(line.text[lead + len(label):].lstrip())
        c = Container("footnote", text, note=f"fn{label}", label=label, anchor=anchors.get(label),
                      parent="body",
                      source_map=SourceMap((0,), (start,), (), xml=False))
        footnotes.append(Footnote(label, f"fn{label}", c))
    footnotes.sort(key=lambda f: (f.anchor is None, f.anchor or 0))
    source: SourceNote | None = None
    if source_line is not None:
        text = source_line.text.strip()
        c = Container("source", text, note="source", parent="heading",
                      source_map=SourceMap((0,), (source_line.byte + _lead(source_line.text),),
                                           (), xml=False))
        source = parse_source_note(c)
    heading_text = heading_line.text.strip() if heading_line else ""
    heading = Container("heading", heading_text, source_map=SourceMap(
        (0,), ((heading_line.byte + _lead(heading_line.text)) if heading_line else 0,), (),
        xml=False))
    if heading_line is None:
        diagnostics.append(DocumentDiagnostic("no-heading", "no heading line found"))
    info = parse_heading(heading_text)
    dl = parse_dateline(dateline_line.text) if dateline_line else None
    own, series = parse_own_number(body_text, info.genre)
    stem = Path(path).stem
    return Document(
        id=f"{volume}#{stem}" if volume else stem,
        volume=volume,
        local_id=stem,
        number=None,
        heading=heading,
        body=body,
        source=source,
        footnotes=tuple(footnotes),
        genre=info.genre,
        sender=info.sender,
        recipient=info.recipient,
        date=dl.date if dl else info.date,
        time=_time(dateline_line.text) if dateline_line else None,
        place=dl.place if dl else None,
        dateline=dateline_line.text.strip() if dateline_line else None,
        own_number=own,
        series=series,
        path=path,
        diagnostics=tuple(diagnostics),
    )


_TIME = re.compile(r"\b(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|noon|midnight)")


def _time(text: str) -> str | None:
    m = _TIME.search(text)
    if m is None:
        return None
    h = int(m.group("h")) % 12
    ap = m.group("ap")
    if ap == "p.m." or ap == "noon":
        h += 12
    if ap == "noon":
        h = 12
    if ap == "midnight":
        h = 0
    return f"{h:02d}:{int(m.group('m') or 0):02d}:00"


def read_plaintext(path: str | Path, volume: str | None = None) -> Document:
    """Read a plain-text document (seeds' format); ``volume`` names the volume it belongs to.

    Raises :class:`~xref.errors.InputError` when the file cannot be read or is binary.
    """
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    return read_plaintext_bytes(p, data, volume)
