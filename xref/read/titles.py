"""A volume's own publication titles, read from the italics of its notes.

``<note ...>... <hi rend="italic">Bulletin</hi>, January 18, 1948, pp. 78-82</note>``: an
italic span of a note followed by a publication's structure with a volume, pages, a number
or an imprint (:func:`xref.cite.titles.located_structure`) at least once in the volume is
one of the volume's publication titles. :func:`volume_titles` reads them (a plain search of
the bytes); :func:`register_file_titles` adds them to the lexicon registered for the volume
(:mod:`xref.cite.lexicon`), which ``find_citations(text, volume=...)`` uses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import attrs

from xref.cite.lexicon import lexicon_for, register_series
from xref.cite.titles import TitleLexicon, is_title, located_structure, title_lexicon

__all__ = ["italic_spans", "register_file_titles", "register_volume_titles", "volume_titles"]

_ITALIC = re.compile(r"<hi\b[^>]*\brend=[\"']italic[\"'][^>]*>(.*?)</hi>", re.S)
_TAG = re.compile(r"<[^>]*>")
_AFTER = 240
"""How many characters of markup after an italic span are read for its structure."""


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup))


def _note_bodies(data: bytes) -> Iterator[bytes]:
    """The bodies of a TEI volume's notes that hold an italic span: what
    ``<note\\b[^>]*>(.*?)</note>`` matches, found by plain byte searches (a regular
    expression's lazy ``.*?`` tries the end tag at every byte of every note)."""
    find = data.find
    pos = 0
    while (start := find(b"<note", pos)) >= 0:
        pos = start + 5
        if data[pos : pos + 1].isalnum() or data[pos : pos + 1] == b"_":
            continue  # "<notes", "<note_x": another element
        gt = find(b">", pos)
        end = find(b"</note>", gt + 1) if gt >= 0 else -1
        if end < 0:
            return
        body = data[gt + 1 : end]
        pos = end + 7
        if b"italic" in body:
            yield body


def italic_spans(data: bytes) -> Iterator[tuple[str, bool]]:
    """For each italic span of each note of a TEI volume's bytes: the span's plain text, and
    whether a publication's structure naming a volume, pages, a number or an imprint follows
    it (:func:`~xref.cite.titles.located_structure`)."""
    for body in _note_bodies(data):
        markup = body.decode("utf-8", errors="replace")
        for m in _ITALIC.finditer(markup):
            span = " ".join(_plain(m.group(1)).split())
            after = _plain(markup[m.end() : m.end() + _AFTER])
            yield span, located_structure(after)


def volume_titles(data: bytes) -> TitleLexicon:
    """The publication titles a TEI volume (its bytes) prints in its notes."""
    return title_lexicon(
        span for span, structured in italic_spans(data) if structured and is_title(span)
    )


def register_volume_titles(volume: str, data: bytes) -> TitleLexicon:
    """Read the volume's titles and add them to the lexicon registered for ``volume``."""
    titles = volume_titles(data)
    register_series(volume, attrs.evolve(lexicon_for(volume), titles=titles))
    return titles


def register_file_titles(volume: str, path: str) -> TitleLexicon:
    """As :func:`register_volume_titles` for the volume in file ``path`` (after its series
    are registered). An unreadable file adds no titles."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        data = b""
    return register_volume_titles(volume, data)
