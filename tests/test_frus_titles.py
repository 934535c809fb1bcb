"""FRUS volumes cited by title through the catalog (issue 12): the real volume id, or the
printed one (flagged by the resolver) when no volume fits."""

from __future__ import annotations

import xref
from xref.cite.catalog import find_volumes


def _volumes(text: str) -> list[tuple[str, object, str]]:
    return [
        (c.kind, c.fields().get("volume"), c.text)
        for c in xref.find_citations(text, volume="frus1964-68v07")
    ]


def test_a_title_after_the_years_names_the_volume() -> None:
    """frus1969-76v12, a note of its front matter: "scheduled for publication in Foreign
    Relations, 1950–1955, The Intelligence Community." (the catalog's frus1950-55Intel)."""
    text = ("are scheduled for publication in Foreign Relations, 1950–1955, The Intelligence "
            "Community.")
    assert _volumes(text) == [
        ("publication", "frus1950-55Intel",
         "Foreign Relations, 1950–1955, The Intelligence Community")
    ]


def test_a_titled_volume_with_a_document_or_pages() -> None:
    """A title between the years and the document or pages: the catalog's id, not one built
    from the title's first word."""
    assert _volumes("See Foreign Relations, 1952–1954, Guatemala, Document 12.")[0][:2] == (
        "document", "frus1952-54Guat"
    )
    assert _volumes("Foreign Relations, 1952–1954, Guatemala, pp. 12–14.")[0][:2] == (
        "publication", "frus1952-54Guat"
    )
    # a later volume's title before its number, with a semicolon in it
    found = _volumes("Foreign Relations, 1955–1957, Soviet Union; Eastern Mediterranean, "
                     "vol. XXIV, p. 4.")
    assert [(k, v) for k, v, _ in found] == [("publication", "frus1955-57v24")]
    assert _volumes("Foreign Relations, 1969–1976, vol. E–14, Part 1, Document 5.")[0][1] == (
        "frus1969-76ve14p1"
    )


def test_a_title_that_names_no_volume_keeps_the_printed_id() -> None:
    """No volume XXX of 1950: the printed id stays (the resolver flags it); a sentence after
    the years is no title."""
    assert _volumes("Foreign Relations, 1950, vol. XXX, Korea, p. 5.")[0][1] == "frus1950v30"
    assert _volumes("Foreign Relations, 1952–1954, Peter said.") == [
        ("publication", "frus1952-54", "Foreign Relations, 1952–1954")
    ]


def test_a_period_for_the_comma_before_the_pages() -> None:
    """frus1948v05p1 d173fn2: "Foreign Relations, 1947, vol. v. p. 750." is one citation."""
    assert _volumes("Foreign Relations, 1947, vol. v. p. 750.") == [
        ("publication", "frus1947v05", "Foreign Relations, 1947, vol. v. p. 750")
    ]


def test_a_title_names_the_printed_volume_not_its_microfiche_supplement() -> None:
    """"Cuba, 1961–1962" is in the titles of volume X and of the microfiche supplement to
    volumes X–XII: the title names volume X."""
    assert [e.id for e in find_volumes("1961–1963", title="Cuba, 1961–1962")] == [
        "frus1961-63v10"
    ]
    assert _volumes("Foreign Relations, 1961–1963, Cuba, 1961–1962.")[0][1] == "frus1961-63v10"


def test_a_period_before_any_page_word() -> None:
    """frus1948v05p1 d173fn2 prints "vol. v. p. 750"; the grammar's page words are ``p.``,
    ``pp.``, ``page``, ``pages``: the period before each is the volume's comma."""
    for word in ("page", "pages", "pp."):
        text = f"Foreign Relations, 1947, vol. v. {word} 750"
        assert _volumes(text + ".") == [("publication", "frus1947v05", text)]


def test_the_series_full_title_before_its_years() -> None:
    """frus1955-57v02 d22fn3: "see Foreign Relations, 1950, vol. VII, p. 202." The series'
    full title, "Foreign Relations of the United States" (the title of every volume's
    ``<title>``), names the same volume: one FRUS citation, never another work titled
    "Relations of the United States"."""
    short = "see Foreign Relations, 1950, vol. VII, p. 202."
    full = short.replace("Foreign Relations", "Foreign Relations of the United States")
    assert _volumes(short) == [("publication", "frus1950v07", short[4:-1])]
    assert _volumes(full) == [("publication", "frus1950v07", full[4:-1])]
    assert _volumes("see Foreign Relations of the United States, 1961-1963, vol. II, "
                    "Document 12.") == [
        ("document", "frus1961-63v02",
         "Foreign Relations of the United States, 1961-1963, vol. II, Document 12")]
