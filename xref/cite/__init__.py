"""Stage 1, *cite*: text in, citations out.

In: a string (a footnote, a source note, a paragraph). Out: typed, immutable
:class:`~xref.cite.models.Citation` objects with exact spans.

- ``candidates``: the cheap scan for trigger words (``Deptel``, ``Document``, ``ibid.`` ...);
- ``parser``: the one Lark LALR parser over ``grammars/*.lark`` and longest-prefix parsing;
- ``lalr``: the lean driver that runs that parser's automaton (Lark's tables, our loop);
- ``transform``: the builder turning parse trees into citations, one family per module;
- ``find``: the whole stage behind ``find_citations`` and ``parse_citation``;
- ``models``: the citation classes (the public JSON vocabulary) and ``Span``;
- ``names``, ``normalize``: post and party names, dates, file numbers, volume ids.

Imports nothing from a later stage (see ``tests/test_layering.py``).
"""
