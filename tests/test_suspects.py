"""Families found by the structural sanity checks of ``bench/suspects.py`` (issue 12): a
citation xref reported that cannot be right as read (a span ending inside a word, a volume
that does not exist, a number that is a figure). Each sentence is from the volume and
document named; the expected fields are read there."""

from __future__ import annotations

import xref


def _fields(text: str, kind: str, volume: str | None = None) -> list[dict[str, object]]:
    return [c.fields() for c in xref.find_citations(text, volume=volume) if c.kind == kind]


def test_a_date_time_group_with_a_lowercase_zone() -> None:
    """frus1955-57v23p2 d229fn5: "In telegram 300645z from CINCPAC to CNO, July 4": a
    military date-time group (day 30, 06:45 Zulu) with its zone letter set lowercase; the
    span ended inside the word, before the ``z``, and lost the route and the date."""
    text = "In telegram 300645z from CINCPAC to CNO, July 4, Admiral Stump concurred"
    (tel,) = _fields(text, "telegram", "frus1955-57v23p2")
    assert (tel["number"], tel["sender"], tel["recipient"], tel["date"]) == (
        "300645Z", "CINCPAC", "CNO", "--07-04"
    )
    # frus1955-57v03 d271fn3: the same shape, another route
    text = ("According to telegram 141949z from the Chief of Naval Operations to the Commander "
            "in Chief, Pacific Fleet; Joint")
    (tel,) = [c for c in xref.find_citations(text, volume="frus1955-57v03")
              if isinstance(c, xref.TelegramCitation)]
    assert tel.number == "141949Z"
    assert tel.text.startswith("telegram 141949z from the Chief of Naval Operations")
    # a lowercase letter after a number that is no date-time group stays out of the number
    (tel,) = _fields("telegram 1234z from Paris", "telegram")
    assert tel["number"] == "1234"


def test_a_series_word_before_a_figure_or_an_ordinal() -> None:
    """frus1969-76ve14p1 d48: "FORMULATIONS OF COLOMBO INTO 31ST UNGA": ``INTO`` has the shape
    of a series (``USITO``, ``POLTO``) but ``31ST`` is an ordinal, no telegram number;
    frus1961-63v02 d109, a table: "Totals 322,200 343,600": a figure. Neither is a telegram."""
    assert _fields("OF COLOMBO INTO 31ST UNGA.", "telegram", "frus1969-76ve14p1") == []
    assert _fields("SDC 49,200 65,000 Totals 322,200 343,600", "telegram") == []
    # a list of telegrams is still read: "Secto 12, 345" has a space after its comma
    assert [f["number"] for f in _fields("Secto 12, 345 and 346", "telegram")] == [
        "12", "345", "346"
    ]


def test_ibid_then_the_years_and_volume_of_another_frus_volume() -> None:
    """frus1961-63v17 d167fn4: "see ibid., 1952–1954, vol. IX, Part 1, pp. 960–963": the ibid.
    repeats Foreign Relations, and the years and volume are the 1952–1954 volume's; the years
    were read as an archival file's, and the volume as one of the citing volume's years
    (frus1961-63v09p1)."""
    text = "Dated July 9, 1952; for text, see ibid., 1952–1954, vol. IX, Part 1, pp. 960–963, and"
    (ibid,) = [c for c in xref.find_citations(text, volume="frus1961-63v17") if c.kind == "ibid"]
    assert isinstance(ibid, xref.IbidCitation)
    assert ibid.locator is not None
    assert ibid.locator.fields() == {"volume": "frus1952-54v09p1", "pages": "960-963"}
    assert _fields(text, "publication", "frus1961-63v17") == []
    # frus1955-57v02 d22fn4 and frus1958-60v17 d19fn3: the same with Parts of vols. XIV, XII
    for text, vid, volume in (
        ("and its attachments ibid., 1952–1954, vol. XIV, Part 1, p. 598.", "frus1955-57v02",
         "frus1952-54v14p1"),
        ("and ibid., 1952–1954, vol. XII, Part 2, pp. 245 ff. H. Merle Cochran", "frus1958-60v17",
         "frus1952-54v12p2"),
    ):
        (ibid,) = [c for c in xref.find_citations(text, volume=vid) if c.kind == "ibid"]
        assert isinstance(ibid, xref.IbidCitation) and ibid.locator is not None
        assert ibid.locator.fields()["volume"] == volume, text
    # years that no volume number follows are still a file's: "ibid., Central Files, 1967–69"
    (ibid,) = [c for c in xref.find_citations("ibid., Central Files, 1967–69, POL 27 VIET S")
               if c.kind == "ibid"]
    assert isinstance(ibid, xref.IbidCitation) and ibid.locator is not None
    assert ibid.locator.kind == "subject_file"
