"""Text tables of the command line: a header row, and no value cut without an ellipsis."""

from __future__ import annotations

from xref.cite.models import KINDS

__all__ = ["KIND_WIDTH", "clip"]

KIND_WIDTH = max(len(k) for k in (*KINDS, "unparsed"))
"""The kind column is as wide as the longest kind (``electronic_telegram``)."""


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` with an ellipsis when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
