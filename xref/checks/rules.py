"""The rules of ``xref check``: an ordered table of named functions with stable ids.

Each :class:`Rule` has an id (``XR001`` ...), a name, a default severity, a one-line summary
and a hint, and a function that takes a :class:`Context` (one file: a TEI volume or a
plain-text document, with the corpus it is checked against) and yields :class:`Hit`\\ s.
:func:`xref.checks.runner.check` turns hits into located findings. Rule ids are a public contract:
rules may be added, never renumbered.

The functions live by family: :mod:`~xref.checks.footnotes`, :mod:`~xref.checks.pointers`,
:mod:`~xref.checks.dates`, :mod:`~xref.checks.telegrams`; :mod:`~xref.checks.context` holds
the types. To add a rule: write its function in its family's module and add a row here.
"""

from __future__ import annotations

from xref.checks.context import SEVERITIES, Context, Hit, Rule, RuleFunction
from xref.checks.dates import (
    FILE_DATE_AFTER_DAYS,
    FILE_DATE_BEFORE_DAYS,
    FILE_DATE_SLIP_DAYS,
    file_date,
    telegram_after,
)
from xref.checks.footnotes import (
    duplicate_id,
    footnote_id,
    footnote_sequence,
    marker_mismatch,
    nested_footnote,
)
from xref.checks.pointers import (
    LINKED_REFS_MIN,
    dangling_document,
    dangling_footnote,
    document_unlinked,
    ibid_ambiguous,
    ibid_no_antecedent,
    ref_target_missing,
    ref_target_syntax,
    ref_text_mismatch,
    unparsed,
)
from xref.checks.sources import source_unrecognized
from xref.checks.telegrams import channel_order, footnote_other_telegram
from xref.checks.volume_checks import VOLUME_RULE_SPECS

__all__ = [
    "FILE_DATE_AFTER_DAYS",
    "FILE_DATE_BEFORE_DAYS",
    "FILE_DATE_SLIP_DAYS",
    "LINKED_REFS_MIN",
    "RULES",
    "SEVERITIES",
    "Context",
    "Hit",
    "Rule",
    "RuleFunction",
    "rule_by_id",
]

RULES: tuple[Rule, ...] = (
    Rule("XR001", "marker-mismatch", "error",
         "footnote markers and footnotes match one to one (plain text)",
         "add the missing footnote or marker, or remove the extra one", marker_mismatch),
    Rule("XR002", "footnote-sequence", "warning",
         "footnotes are numbered in sequence, with no gap, repeat or swap",
         "renumber the footnotes 1, 2, 3 ... in reading order", footnote_sequence),
    Rule("XR003", "footnote-id", "error",
         "a footnote id's document part equals its document's id",
         "make the part before 'fn' the document's xml:id", footnote_id),
    Rule("XR004", "nested-footnote", "error",
         "no footnote inside another footnote",
         "move the inner note out, or mark it rend=\"inline\"", nested_footnote),
    Rule("XR005", "duplicate-id", "error", "xml:ids are unique in a volume",
         "give one of the elements a new xml:id", duplicate_id),
    Rule("XR006", "ref-target-syntax", "error",
         "a <ref> target starts with '#', 'frus', 'http' or 'mailto' and names an id",
         "write the target as #ID or VOLUME#ID", ref_target_syntax),
    Rule("XR007", "ref-target-missing", "error",
         "a <ref> target names an id that exists",
         "point the ref at an existing xml:id", ref_target_missing),
    Rule("XR008", "ref-text-mismatch", "warning",
         "a <ref>'s target agrees with its text and the citation it sits in",
         "fix the number in the text or in @target", ref_text_mismatch),
    Rule("XR009", "document-unlinked", "info",
         "a 'Document N' mention in a TEI volume has a <ref>",
         "wrap the mention in <ref target=\"#dN\">", document_unlinked),
    Rule("XR010", "dangling-document", "error",
         "'Document N' names a document of a loaded volume that exists",
         "check the document number", dangling_document),
    Rule("XR011", "dangling-footnote", "error",
         "'footnote M' names a footnote that exists in its document",
         "check the footnote number and the document it is in", dangling_footnote),
    Rule("XR012", "ibid-no-antecedent", "warning",
         "'Ibid.' has an earlier citation to repeat",
         "replace 'Ibid.' with the full citation", ibid_no_antecedent),
    Rule("XR013", "ibid-ambiguous", "info",
         "'Ibid.' repeats one source, not one of several",
         "repeat the full citation instead of 'Ibid.'", ibid_ambiguous),
    Rule("XR014", "file-date", "warning",
         "a source note's decimal file date agrees with the document's date",
         "check the file number's date part and the dateline", file_date),
    Rule("XR015", "telegram-after", "warning",
         "a telegram cited in the text is not dated after the citing document",
         "check the telegram number, the footnote and the dateline", telegram_after),
    Rule("XR016", "channel-order", "warning",
         "a telegram cites only lower-numbered telegrams of its own channel",
         "check the cited telegram's number", channel_order),
    Rule("XR017", "footnote-other-telegram", "warning",
         "an editor's footnote on a telegram reference names that telegram",
         "check the footnote's document number against the telegram number",
         footnote_other_telegram),
    Rule("XR018", "unparsed-citation", "info",
         "citation-like text parses",
         "check the citation's wording against the usual forms", unparsed),
    *(Rule(*spec) for spec in VOLUME_RULE_SPECS),
    Rule("XR026", "source-unrecognized", "info",
         "a source note's archival part is read whole by the grammar",
         "write the archive, collection and file in the usual order and form",
         source_unrecognized),
)
"""Every rule, in id order."""


def rule_by_id(rule_id: str) -> Rule | None:
    """The rule with this id (``XR012``) or name (``ibid-ambiguous``), or None."""
    for r in RULES:
        if rule_id.upper() == r.id or rule_id.lower() == r.name:
            return r
    return None
