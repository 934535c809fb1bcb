"""Write resolved cross-references back: ``<ref target>`` into TEI, links into HTML.

Editors encode cross-references by hand (``<ref target="#d75">Document 75</ref>``). Given
a volume's bytes and the resolutions of its citations, :func:`annotate_tei` wraps every
resolved ``Document N``, footnote, telegram and supra/infra citation that is not already
inside a ``<ref>`` in one, the way FRUS does (``../shared/docs/FRUS-ENCODING.md``):

* same volume ``#dN`` / ``#dNfnM``; another volume ``VOLUME#dN``;
* ``Documents 67 and 68`` gives two refs, the word "Documents" inside the first;
* ``Document 140 and footnote 3 thereto`` is one ref to the footnote, ending before
  ``thereto``; ``footnote 2, supra`` ends before ``, supra``.

Only bytes are inserted: every other byte of the file is unchanged, so
:func:`remove_insertions` gives back the input exactly. A citation whose text runs across
markup (``<hi>``, a note, an entity the map cannot follow) is never wrapped; it is reported
as :class:`Skipped` instead.

For plain text, :func:`annotate_html` renders the document as one self-contained HTML page
with resolved citations linked to history.state.gov and external ones marked with their
key on hover. :func:`annotate` reads a path and does either.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import attrs

from xref.annotation.model import (
    FULL_KEY,
    LINKED_KINDS,
    WEB,
    Annotation,
    Format,
    Insertion,
    Skipped,
    frus_target,
    link_target,
    web_address,
)
from xref.annotation.planning import plan_insertions
from xref.errors import InputError
from xref.read.documents import Document, Volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import resolve_documents

__all__ = [
    "Annotation",
    "Format",
    "Insertion",
    "Skipped",
    "WEB",
    "annotate",
    "annotate_html",
    "annotate_tei",
    "frus_target",
    "html_body",
    "link_target",
    "plan_insertions",
    "remove_insertions",
    "web_address",
]


def _apply(data: bytes, insertions: Sequence[Insertion]) -> bytes:
    out: list[bytes] = []
    pos = 0
    for ins in insertions:
        out += [data[pos : ins.start], ins.open_tag, data[ins.start : ins.end], ins.close_tag]
        pos = ins.end
    out.append(data[pos:])
    return b"".join(out)


def remove_insertions(output: bytes, insertions: Sequence[Insertion]) -> bytes:
    """Take the inserted tags out of ``output`` again: the input, byte for byte.

    Raises :class:`ValueError` if a tag is not where the insertion says it is.
    """
    out: list[bytes] = []
    pos = 0  # in output
    shift = 0  # output index minus input index
    for ins in sorted(insertions, key=lambda i: i.start):
        a = ins.start + shift
        if output[a : a + len(ins.open_tag)] != ins.open_tag:
            raise ValueError(f"no {ins.open_tag!r} at byte {a}")
        out.append(output[pos:a])
        b = ins.end + shift + len(ins.open_tag)
        if output[b : b + len(ins.close_tag)] != ins.close_tag:
            raise ValueError(f"no </ref> at byte {b}")
        out.append(output[a + len(ins.open_tag) : b])
        pos = b + len(ins.close_tag)
        shift += len(ins.open_tag) + len(ins.close_tag)
    out.append(output[pos:])
    return b"".join(out)


def annotate_tei(
    data: bytes,
    volume: Volume,
    corpus: Corpus | None = None,
    *,
    path: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Insert ``<ref target>`` around the resolved, untagged citations of ``volume``.

    ``data`` are the bytes ``volume`` was read from; ``corpus`` (default: the volume alone)
    is what citations are resolved against.
    """
    corpus = corpus if corpus is not None else Corpus.from_documents([volume])
    resolutions = resolve_documents(volume.documents, corpus)
    insertions, skipped = plan_insertions(
        data, resolutions, corpus, volume.id, cross_volume=cross_volume
    )
    return Annotation(
        path, "tei", data, _apply(data, insertions), tuple(insertions), tuple(skipped)
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font: 16px/1.5 Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; }}
.document {{ white-space: pre-wrap; }}
a.xref {{ color: #1a5fb4; }}
span.external {{ border-bottom: 1px dotted #888; cursor: help; }}
</style>
</head>
<body>
<div class="document">{body}</div>
</body>
</html>
"""


def annotate_html(
    data: bytes,
    document: Document,
    corpus: Corpus | None = None,
    *,
    path: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Render a plain-text document as one HTML page with its citations linked.

    Citations of a document or footnote of a known FRUS volume (resolved, or named by
    volume and number) link to its page on history.state.gov; other external ones are
    wrapped in ``<span class="external" title="KEY">``. Everything else is escaped text.
    """
    body, used = html_body(data, document, corpus, cross_volume=cross_volume)
    title = document.heading.text or document.id
    page = _PAGE.format(title=html.escape(title), body=body)
    return Annotation(path, "html", data, page.encode("utf-8"), tuple(used), ())


def html_body(
    data: bytes, document: Document, corpus: Corpus | None = None, *, cross_volume: bool = True
) -> tuple[str, list[Insertion]]:
    """The escaped text of ``data`` (the bytes ``document`` was read from) with its
    citations marked up as :func:`annotate_html` does, and the insertions made."""
    corpus = corpus if corpus is not None else Corpus.from_documents([document])
    marks: list[tuple[int, int, str, str, Insertion]] = []
    for r in resolve_documents([document], corpus):
        c = r.container
        span = r.citation.span
        start = c.source_map.byte_offset(span.start, data)
        end = c.source_map.byte_offset(span.end - 1, data) if span.end > span.start else start
        if end < len(data):  # past the last character
            end += len(data[end : end + 4].decode("utf-8", "replace")[:1].encode("utf-8"))
        if not 0 <= start < end <= len(data):
            continue
        text = r.citation.text
        full = link_target(r, corpus, cross_volume=cross_volume)
        if (
            full is None
            and r.status == "external"
            and r.citation.kind in LINKED_KINDS
            and r.key
            and FULL_KEY.fullmatch(r.key)
        ):
            full = r.key  # a page of a known volume, even when that volume is not loaded
        ins = Insertion(
            start, end, full or r.key or "", text, r.citation.kind, document.id, c.key, span
        )
        if full is not None:
            url = web_address(full)
            if url is None:
                open_ = f'<span class="resolved" title="{html.escape(full)}">'
                close = "</span>"
            else:
                open_ = f'<a class="xref" href="{html.escape(url)}" title="{html.escape(full)}">'
                close = "</a>"
        elif r.status == "external" and r.key:
            open_ = f'<span class="external" title="{html.escape(r.key)}">'
            close = "</span>"
        else:
            continue
        marks.append((start, end, open_, close, ins))
    marks.sort(key=lambda m: (m[0], -m[1]))
    body: list[str] = []
    pos = 0
    used: list[Insertion] = []
    for start, end, open_, close, ins in marks:
        if start < pos:
            continue  # nested or overlapping: the outer one wins
        body.append(html.escape(data[pos:start].decode("utf-8", "replace"), quote=False))
        body.append(open_)
        body.append(html.escape(data[start:end].decode("utf-8", "replace"), quote=False))
        body.append(close)
        used.append(ins)
        pos = end
    body.append(html.escape(data[pos:].decode("utf-8", "replace"), quote=False))
    return "".join(body), used


def annotate(
    path: str | Path,
    corpus: Sequence[str | Path] = (),
    *,
    format: Format | None = None,
    volume: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Annotate the file at ``path``: a TEI volume gets refs, a plain-text document HTML.

    ``corpus`` names more files or directories to resolve against; ``format`` defaults to
    ``tei`` for ``.xml`` files and ``html`` otherwise (TEI out needs TEI in); ``volume`` is
    the FRUS volume id of a plain-text document.

    Raises :class:`~xref.errors.InputError` when a file cannot be read, or when ``tei`` is
    asked of plain text.
    """
    from xref.read.plaintext import read_plaintext
    from xref.read.sources import read_paths
    from xref.read.tei import read_volume
    from xref.read.xmlencoding import to_utf8

    p = str(path)
    try:
        raw = Path(p).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    data, encoding = to_utf8(p, raw) if p.endswith(".xml") else (raw, None)
    is_tei = p.endswith(".xml") or data.lstrip()[:5] in (b"<?xml", b"<TEI ")
    fmt: Format = format or ("tei" if is_tei else "html")
    extra: list[Document | Volume] = []
    for res in read_paths([str(x) for x in corpus], volume=volume, jobs=1):
        if res.error is not None:
            raise res.error
        if res.item is not None:
            extra.append(res.item)
    if is_tei:
        vol = read_volume(p)
        index = Corpus.from_documents([vol, *extra])
        if fmt == "tei":
            result = annotate_tei(data, vol, index, path=p, cross_volume=cross_volume)
            if encoding is not None:
                result = attrs.evolve(result, encoding=encoding, source=raw)
            return result
        raise InputError(p, "HTML output is for plain-text documents; use --format tei")
    if fmt == "tei":
        raise InputError(p, "TEI output needs a TEI volume; this is plain text (use --format html)")
    doc = read_plaintext(p, volume)
    index = Corpus.from_documents([doc, *extra])
    return annotate_html(data, doc, index, path=p, cross_volume=cross_volume)
