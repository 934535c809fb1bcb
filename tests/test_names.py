"""Senders, recipients and posts meet under one canonical name."""

from __future__ import annotations

import pytest

from xref.cite.names import canonical_party, country_of, same_party


@pytest.mark.parametrize(
    "name",
    ["USUN", "Mission to the United Nations", "the Mission at the United Nations",
     "Representative at the United Nations (Lodge)", "New York"],
)
def test_usun_variants(name: str) -> None:
    """Every way of naming the Mission to the UN gives USUN."""
    assert canonical_party(name) == "USUN"


@pytest.mark.parametrize(
    "name", ["Embassy in Lebanon", "Beirut", "the Embassy in Beirut", "Ambassador in Lebanon"]
)
def test_posts_meet(name: str) -> None:
    """An embassy, its capital and its ambassador are one post."""
    assert canonical_party(name) == "Embassy in Lebanon"


def test_department_variants() -> None:
    """The Department has several names; the Secretary stays a person."""
    assert canonical_party("Department") == "Department of State"
    assert canonical_party("the Department of State") == "Department of State"
    assert canonical_party("Secretary of State Rusk") == "Secretary of State"
    assert canonical_party("Secretary of State") != "Department of State"


def test_nato_and_countries() -> None:
    """NATO mission aliases; country aliases and historical capitals."""
    assert canonical_party("USRO") == "USNATO"
    assert canonical_party("Mission to the North Atlantic Treaty Organization") == "USNATO"
    assert same_party("Moscow", "Embassy in the Soviet Union")
    assert same_party("Embassy in the United Arab Republic", "Cairo")
    assert country_of("Djakarta") == "Indonesia"
    assert canonical_party("Consulate General at Geneva") == "Post in Geneva"
    assert not same_party(None, "Beirut")
