"""A volume's list of abbreviations (its front matter's ``<list type="terms">``).

Each item gives a term and its gloss::

    <item><hi rend="strong"><term xml:id="t_Luxco1">Luxco</term>,</hi> series indicator for
    telegrams from the Department of State to the Mission to the European Coal and Steel
    Community</item>

:func:`read_terms` returns the (term, gloss) pairs; :func:`register_volume_series` makes the
volume's telegram series (:mod:`xref.cite.lexicon`) known to ``find_citations`` for that volume.
Only the list is read (a plain search of the bytes: the list is in the front matter), so this
costs next to nothing beside reading the volume.
"""

from __future__ import annotations

import html
import re

import attrs

from xref.cite.lexicon import SeriesLexicon, register_series, series_lexicon
from xref.read.sourcelist import source_list

__all__ = ["read_terms", "register_file_series", "register_volume_series", "volume_series"]

_LIST = re.compile(rb"<list\b[^>]*\btype=[\"'](?:terms|abbreviations)[\"'][^>]*>")
_ITEM = re.compile(r"<item\b[^>]*>(.*?)</item>", re.S)
_TERM = re.compile(r"<term\b[^>]*>(.*?)</term>", re.S)
_TAG = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


def read_terms(data: bytes) -> list[tuple[str, str]]:
    """The (term, gloss) pairs of every list of abbreviations in a TEI volume's bytes, in
    order; an empty list when the volume has none."""
    out: list[tuple[str, str]] = []
    body_at = data.find(b"<body")  # the lists are in the front matter
    for m in _LIST.finditer(data, 0, body_at if body_at >= 0 else len(data)):
        end = data.find(b"</list>", m.end())
        if end < 0:
            continue
        body = data[m.end() : end].decode("utf-8", errors="replace")
        for item in _ITEM.finditer(body):
            inner = item.group(1)
            t = _TERM.search(inner)
            if t is None:
                continue
            term = _plain(t.group(1))
            gloss = _plain(inner[t.end() :]).lstrip(" ,:;.\u2014\u2013-")
            if term:
                out.append((term, gloss))
    return out


def volume_series(data: bytes) -> SeriesLexicon:
    """The telegram series a TEI volume (its bytes) defines in its list of abbreviations,
    with the repositories and collections of its list of sources
    (:mod:`xref.read.sourcelist`)."""
    return attrs.evolve(series_lexicon(read_terms(data)), sources=source_list(data))


def register_volume_series(volume: str, data: bytes) -> SeriesLexicon:
    """Read the volume's telegram series and register them for ``volume`` (its id)."""
    lexicon = volume_series(data)
    register_series(volume, lexicon)
    return lexicon


def register_file_series(volume: str, path: str, chunk: int = 1 << 20) -> SeriesLexicon:
    """As :func:`register_volume_series` for the volume in file ``path``, reading only its
    front matter (up to ``<body``). An unreadable file registers no series."""
    data = b""
    try:
        with open(path, "rb") as f:
            while b"<body" not in data[-(chunk + 8) :]:
                block = f.read(chunk)
                if not block:
                    break
                data += block
    except OSError:
        data = b""
    return register_volume_series(volume, data)
