"""Short labels for people: the graph's nodes, the report's charts and views.

A telegram is known by its number, so its label leads with it (a long label cut short
keeps it): ``frus1958-60v11 8 (tel. 3375)`` for a printed telegram,
``tel. 2893, Embassy in Lebanon → Department of State, 1958`` for one that is not.
"""

from __future__ import annotations

from xref.read.documents import Document

__all__ = ["document_label", "telegram_label"]


def document_label(doc: Document) -> str:
    """``frus1958-60v11 8``; a telegram adds its own number: ``frus1958-60v11 8 (tel. 3375)``
    (or its series: ``(Secto 53)``)."""
    label = f"{doc.volume} {doc.number}" if doc.volume and doc.number else doc.id
    if doc.genre == "telegram" and doc.own_number:
        label += f" ({doc.series or 'tel.'} {doc.own_number})"
    return label


def telegram_label(key: str) -> str | None:
    """A telegram key's label, number first, or None for another key:
    ``telegram:Embassy in Lebanon->Department of State:2893:1958`` is
    ``tel. 2893, Embassy in Lebanon → Department of State, 1958``."""
    kind, _, rest = key.partition(":")
    parts = rest.rsplit(":", 2)
    if kind != "telegram" or len(parts) != 3 or not parts[1]:
        return None
    channel, number, date = parts
    sender, _, recipient = channel.partition("->")
    who = " → ".join(p for p in (sender, recipient) if p and p != "?")
    return ", ".join(x for x in (f"tel. {number}", who, date) if x)
