"""Stage 2, *read*: files in, documents out.

In: paths (FRUS TEI volumes, plain-text copies, directories of either). Out:
:class:`~xref.read.documents.Volume` and :class:`~xref.read.documents.Document` objects whose
containers (heading, source note, body, footnotes) hold the text the *cite* stage reads.

- ``documents``: the document model (``Container``, ``Document``, ``Footnote``, ``Volume``);
- ``safexml``: the hardened expat parser (no entities, no DTDs, no network);
- ``tei``: streaming reader of FRUS TEI volumes (``tei_parts``: its text buffers, notes and
  document state, source-note detection, duplicate-id scan);
- ``plaintext``: reader of plain-text copies;
- ``headers``: dateline, heading, source-note and own-number parsing;
- ``sources``: paths to documents, in parallel (``read_paths``, ``map_files``).
"""
