"""Stage 4, *checks*: documents and resolutions in, findings out.

In: paths or documents, and the corpus. Out: :class:`~xref.checks.runner.Finding` objects
(rule id, severity, file, position, message), as data, text or SARIF.

- ``rules``: the rules, each a function of a document and its resolutions;
- ``runner``: reads the inputs, runs the rules, sorts and filters findings (``check``);
- ``sarif``: SARIF 2.1.0 output.
"""
