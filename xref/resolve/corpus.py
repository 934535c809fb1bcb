"""An immutable index over documents from any number of volumes and plain-text files.

``Corpus.from_documents(docs)`` builds it; ``with_documents(more)`` returns a new, larger
one. Lookups: by id (``VOLUME#dN``), by (volume, number), by telegram channel (sender,
recipient, own number, with names normalized by :func:`xref.cite.names.canonical_party`), and by
the decimal file its source note cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from attrs import field, frozen

from xref.cite.names import canonical_party
from xref.read.documents import Document, Footnote, Volume
from xref.read.headers import UNNUMBERED

__all__ = ["Corpus", "channel_key", "files_cited", "number_key"]

_DECIMAL_FILE = re.compile(
    r"\b(?P<decimal>\d{3}[A-Z]?\.\d+[A-Z]?(?:/[A-Z]+)?)\s*/\s*"
    r"(?P<date>\d{1,2}\s*[-–—]\s*\d{3,4}|[A-Z]+\s*[-–—]?\s*\d+|\d+)"
)


def files_cited(text: str) -> list[str]:
    """The decimal files cited in ``text``, normalized (``783A.00/2-2158``).

    A plain regular expression for now: the one place to swap in the citation grammar.
    """
    out = []
    for m in _DECIMAL_FILE.finditer(text):
        date = re.sub(r"\s+", "", m.group("date")).replace("–", "-").replace("—", "-")
        out.append(f"{m.group('decimal')}/{date}")
    return out


def number_key(number: str | None) -> str | None:
    """A telegram number as an index key: spaces folded, lower case (``Topol 1108``)."""
    if number is None:
        return None
    return " ".join(number.split()).lower()


def channel_key(
    sender: str | None, recipient: str | None, number: str | None
) -> tuple[str, str, str | None]:
    """The index key of a telegram channel: normalized sender, recipient and number."""
    return (
        canonical_party(sender) if sender else "",
        canonical_party(recipient) if recipient else "",
        number_key(number),
    )


def _freeze(d: dict[str, list[Document]]) -> Mapping[str, tuple[Document, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in d.items()})


@frozen
class Corpus:
    """An immutable index of documents. Build with :meth:`from_documents`."""

    documents: tuple[Document, ...] = ()
    """Every document, in the order given."""
    volume_info: tuple[Volume, ...] = field(default=(), eq=False)
    """Volumes given whole (their documents are in ``documents`` too), for titles."""
    _by_id: Mapping[str, Document] = field(factory=dict, eq=False, repr=False, alias="by_id_")
    _by_number: Mapping[tuple[str | None, str], Document] = field(
        factory=dict, eq=False, repr=False, alias="by_number_"
    )
    _by_channel: Mapping[tuple[str, str, str | None], tuple[Document, ...]] = field(
        factory=dict, eq=False, repr=False, alias="by_channel_"
    )
    _by_file: Mapping[str, tuple[Document, ...]] = field(
        factory=dict, eq=False, repr=False, alias="by_file_"
    )

    @classmethod
    def from_documents(
        cls, documents: Iterable[Document | Volume], volumes: Iterable[Volume] = ()
    ) -> Corpus:
        """Index documents, and the documents of any :class:`Volume` among them.

        ``volumes`` are kept for their titles only (their documents are not added).
        """
        docs: list[Document] = []
        vols: list[Volume] = list(volumes)
        for item in documents:
            if isinstance(item, Volume):
                vols.append(item)
                docs.extend(item.documents)
            else:
                docs.append(item)
        by_id: dict[str, Document] = {}
        by_number: dict[tuple[str | None, str], Document] = {}
        by_channel: dict[tuple[str, str, str | None], list[Document]] = {}
        by_file: dict[str, list[Document]] = {}
        for d in docs:
            by_id.setdefault(d.id, d)
            if d.number is not None:
                by_number.setdefault((d.volume, d.number), d)
            if d.own_number is not None and d.own_number != UNNUMBERED:
                key = channel_key(d.sender, d.recipient, d.channel[2])
                by_channel.setdefault(key, []).append(d)
                if d.series:
                    # Series numbers (Topol 1108) are also found by number alone.
                    plain = channel_key(d.sender, d.recipient, d.own_number)
                    by_channel.setdefault(plain, []).append(d)
            if d.source is not None:
                for f in dict.fromkeys(files_cited(d.source.text)):
                    by_file.setdefault(f, []).append(d)
        return cls(
            tuple(docs),
            tuple(vols),
            by_id_=MappingProxyType(by_id),
            by_number_=MappingProxyType(by_number),
            by_channel_=MappingProxyType({k: tuple(v) for k, v in by_channel.items()}),
            by_file_=_freeze(by_file),
        )

    def with_documents(self, documents: Iterable[Document | Volume]) -> Corpus:
        """A new corpus with ``documents`` added (earlier ids win on conflict)."""
        return Corpus.from_documents([*self.documents, *documents], self.volume_info)

    def __len__(self) -> int:
        return len(self.documents)

    def by_id(self, doc_id: str) -> Document | None:
        """The document with id ``VOLUME#dN`` (or a plain-text id), or None."""
        return self._by_id.get(doc_id)

    def by_number(self, volume: str | None, number: int | str) -> Document | None:
        """Document ``number`` of ``volume``, or None."""
        return self._by_number.get((volume, str(number)))

    def by_channel(
        self, sender: str | None, recipient: str | None, number: str, date: str | None = None
    ) -> list[Document]:
        """Telegrams numbered ``number`` (``"2292"``, ``"Topol 1108"``) from sender to recipient.

        Names are compared after :func:`~xref.cite.names.canonical_party`. A None sender or
        recipient matches any. With ``date`` (ISO, possibly partial), documents dated
        otherwise are dropped, and those nearest in time come first.
        """
        key = number_key(number)
        s = canonical_party(sender) if sender else None
        r = canonical_party(recipient) if recipient else None
        if s is not None and r is not None:
            found = list(self._by_channel.get((s, r, key), ()))
        else:
            found = [
                d for (ks, kr, kn), docs in self._by_channel.items() if kn == key
                and (s is None or ks == s) and (r is None or kr == r) for d in docs
            ]
        found = list(dict.fromkeys(found))
        if date:
            year = date[:4]
            found = [d for d in found if d.date is None or not year.isdigit()
                     or d.date[:4] == year or d.date.startswith(date)]
            # those of the day first, order kept (a stable sort, without a closure: mypyc)
            near = [d for d in found if d.date and d.date.startswith(date)]
            if near:
                found = near + [d for d in found if not (d.date and d.date.startswith(date))]
        return found

    def by_file(self, file: str) -> list[Document]:
        """Documents whose source note cites the decimal file ``file`` (dashes normalized)."""
        norm = files_cited(file)
        key = norm[0] if norm else file
        return list(self._by_file.get(key, ()))

    def volumes(self) -> list[str]:
        """The ids of the volumes with documents here, in first-seen order."""
        return list(dict.fromkeys(d.volume for d in self.documents if d.volume))

    def volume(self, volume_id: str) -> Volume | None:
        """The :class:`Volume` given whole with this id, or None."""
        for v in self.volume_info:
            if v.id == volume_id:
                return v
        return None

    def documents_of(self, volume: str | None) -> list[Document]:
        """The documents of one volume, in order."""
        return [d for d in self.documents if d.volume == volume]

    def footnote(self, volume: str | None, doc_number: int | str, label: str) -> Footnote | None:
        """Footnote ``label`` of document ``doc_number`` in ``volume``, or None."""
        doc = self.by_number(volume, doc_number)
        if doc is None:
            return None
        return doc.footnote(str(label))
