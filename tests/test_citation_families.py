"""Citation families read by their structure (issue 12): a list of telegrams each with its own
route and date; a journal's volume and year. Sentences from the volumes named."""

from __future__ import annotations

import xref


def test_a_list_of_telegrams_each_with_route_and_date() -> None:
    """frus1955-57v11 d118fn3: each telegram of the list keeps its own sender and date."""
    text = ("presumably reference is to telegrams 73 from Budapest, August 17, and 37 from "
            "Bucharest, August 15. (Department of State, Central Files, 310.2/8–1755 and /8–1555)")
    tels = [
        (c.fields()["number"], c.fields()["sender"], c.fields()["date"])
        for c in xref.find_citations(text)
        if c.kind == "telegram"
    ]
    assert tels == [("73", "Budapest", "--08-17"), ("37", "Bucharest", "--08-15")]


def test_a_journal_volume_and_year_before_the_pages() -> None:
    """frus1964-68v16 d54fn5: "Middle East Journal 20 (1966), pp. 386–393" is one publication:
    the journal, its volume, the issue's year and the pages."""
    text = ("The letter was released by the White House in January 1966 and printed in Middle "
            "East Journal 20 (1966), pp. 386–393.")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields(), c.text) for c in found] == [
        (
            "other_publication",
            {"title": "Middle East Journal", "pages": "386-393", "date": "1966", "volume": "20"},
            "Middle East Journal 20 (1966), pp. 386–393",
        )
    ]
