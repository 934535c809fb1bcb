"""What the resolver looks up in its corpus beyond the corpus's own indexes, built once per
corpus (:class:`CorpusIndex`)."""

from __future__ import annotations

from xref.read.documents import Document
from xref.read.headers import UNNUMBERED
from xref.resolve.corpus import Corpus, number_key

__all__ = ["CorpusIndex"]


class CorpusIndex:
    """What a :class:`~xref.resolve.resolver.Resolver` looks up in its corpus beyond the
    corpus's own indexes: each volume's documents in order, telegrams by own number, the
    volumes read whole. Built once per corpus (a run resolves file after file against one
    corpus: rebuilding it for each file made resolving grow with files times documents);
    read only."""

    __slots__ = ("by_own_number", "loaded", "order", "position")

    @classmethod
    def of(cls, corpus: Corpus) -> CorpusIndex:
        """The index of ``corpus``, built once for the last few corpora."""
        for seen, index in _CACHE:
            if seen is corpus:
                return index
        index = cls(corpus)
        _CACHE.insert(0, (corpus, index))
        del _CACHE[2:]
        return index

    def __init__(self, corpus: Corpus) -> None:
        self.order: dict[str, list[Document]] = {}
        self.position: dict[str, int] = {}
        self.by_own_number: dict[str | None, list[Document]] = {}
        # a volume counts as loaded (so a missing number is an error) only when read whole
        self.loaded = {v.id for v in corpus.volume_info}
        for d in corpus.documents:
            if d.own_number is not None and d.own_number != UNNUMBERED:
                own = f"{d.series} {d.own_number}" if d.series else d.own_number
                self.by_own_number.setdefault(number_key(own), []).append(d)
            if d.volume:
                seq = self.order.setdefault(d.volume, [])
                self.position[d.id] = len(seq)
                seq.append(d)


_CACHE: list[tuple[Corpus, CorpusIndex]] = []
"""The indexes of the last corpora seen (as :meth:`~xref.resolve.pages.PageIndex.of` keeps
its own)."""
