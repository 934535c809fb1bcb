"""Resolve and annotate a text given as a string, as eyecite does for case law.

::

    import xref
    for r in xref.resolve_text("See Deptel 1338 and Document 204.", corpus=["volumes/"],
                               volume="frus1961-63v11"):
        print(r.citation.text, r.status, r.target or r.key)
    html = xref.annotate_text("See Document 204.", volume="frus1961-63v11")

The text is one document whose body is the whole string (no heading, dateline or footnote
parsing: pass ``date``, ``sender`` and ``recipient`` to give telegram references their
context). The corpus may be paths (files or directories, read in parallel), documents or
volumes already read, or a :class:`~xref.corpus.Corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from xref.read.documents import Container, Document, SourceMap, Volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, resolve_documents

__all__ = ["CorpusLike", "annotate_text", "corpus_of", "document_from_text", "resolve_text"]

CorpusLike = Corpus | Iterable[str | Path | Document | Volume]
"""What ``corpus=`` accepts: a :class:`Corpus`, or paths, documents and volumes."""


def document_from_text(
    text: str,
    *,
    name: str = "text",
    volume: str | None = None,
    date: str | None = None,
    sender: str | None = None,
    recipient: str | None = None,
) -> Document:
    """A document whose body is ``text``: id ``VOLUME#NAME`` (or ``NAME``), path ``-``.

    ``date`` (ISO 8601), ``sender`` and ``recipient`` are the citing document's, as a
    telegram's heading would give them; they let ``ourtel``/``Deptel`` references resolve.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    body = Container("body", text, source_map=SourceMap((0,), (0,), (), xml=False))
    return Document(
        id=f"{volume}#{name}" if volume else name,
        volume=volume,
        local_id=name,
        number=None,
        heading=Container("heading", "", source_map=SourceMap((0,), (0,), (), xml=False)),
        body=body,
        source=None,
        footnotes=(),
        genre="telegram" if sender or recipient else None,
        sender=sender,
        recipient=recipient,
        date=date,
        time=None,
        place=None,
        dateline=None,
        own_number=None,
        series=None,
        path="-",
        diagnostics=(),
    )


def corpus_of(corpus: CorpusLike | None, *, jobs: int | None = None) -> Corpus:
    """A :class:`Corpus` of ``corpus``: paths are read (raising the first
    :class:`~xref.errors.InputError`), documents and volumes are indexed as they are."""
    if isinstance(corpus, Corpus):
        return corpus
    items: list[Document | Volume] = []
    paths: list[str | Path] = []
    for item in corpus or ():
        if isinstance(item, Document | Volume):
            items.append(item)
        elif isinstance(item, str | Path):
            paths.append(item)
        else:
            raise TypeError(f"corpus items are paths, documents or volumes, not {item!r}")
    if paths:
        from xref.read.sources import read_paths

        for result in read_paths(paths, jobs=jobs):
            if result.error is not None:
                raise result.error
            if result.item is not None:
                items.append(result.item)
    return Corpus.from_documents(items)


def resolve_text(
    text: str,
    corpus: CorpusLike | None = None,
    *,
    volume: str | None = None,
    date: str | None = None,
    sender: str | None = None,
    recipient: str | None = None,
    jobs: int | None = None,
) -> list[Resolution]:
    """Every citation in ``text``, resolved against ``corpus`` (see :mod:`xref.text`).

    ``volume`` is the FRUS volume the text belongs to (``Document 204`` then means that
    volume's document 204); ``date``, ``sender`` and ``recipient`` are the citing
    document's. Offsets (``r.citation.span``) are offsets into ``text``.
    """
    doc = document_from_text(text, volume=volume, date=date, sender=sender, recipient=recipient)
    index = corpus_of(corpus, jobs=jobs).with_documents([doc])
    return list(resolve_documents([doc], index))


def annotate_text(
    text: str,
    corpus: CorpusLike | None = None,
    *,
    volume: str | None = None,
    date: str | None = None,
    sender: str | None = None,
    recipient: str | None = None,
    jobs: int | None = None,
) -> str:
    """``text`` as an HTML fragment (escaped) with its citations linked.

    A citation of a document or footnote of a known FRUS volume becomes
    ``<a class="xref" href="https://history.state.gov/...">``; another external one
    ``<span class="external" title="KEY">``. Arguments as for :func:`resolve_text`.
    """
    from xref.annotation.annotator import html_body

    doc = document_from_text(text, volume=volume, date=date, sender=sender, recipient=recipient)
    index = corpus_of(corpus, jobs=jobs).with_documents([doc])
    body, _ = html_body(text.encode("utf-8"), doc, index)
    return body
