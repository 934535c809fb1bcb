"""A telegram's own number where the volume prints it outside the text's opening (issue 13,
deliverable 4): the source note's ``cite CAP N`` and a note that ends with the telegram's
opening line; a misprinted number where the number stands; the number after an editors'
paragraph printed above the text. Expected values read from the
volumes (``bench/ownnumbers-review.tsv`` has the verdict on every telegram left without one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.read.headers import parse_own_number
from xref.read.tei import read_volume


@pytest.mark.parametrize(
    ("text", "genre", "expected"),
    [
        # frus1964-68v07 d58: the note ends with the telegram's opening line
        ("An 11-page memorandum of conversation ... is in the National Archives, RG59, S/AH "
         "Files: Lot 71 D 461, Sept. 11-Meeting XXI) 22253/Delto 817. Distribution only as "
         "directed by the Secretary. From Harriman and Vance.", "source", ("817", "Delto")),
        # frus1961-63v19 d267: the cable's CITE line, in the editors' quotation
        ("Secret; Eyes Only. Handwritten notes on the source text read: \u201cSend via CIA "
         "channel,\u201d and \u201ccite CAP 63143.\u201d", "source", ("63143", "CAP")),
        # other telegrams a note names are not this one's number (frus1964-68v07 d54, d196)
        ("The delegation summarized the formal session in telegram 22109/Delto 807 from "
         "Paris, October 9.", "source", (None, None)),
        ("Secret; Nodis/HARVAN Double Plus. In telegram CAP 82696 to the President, November "
         "5, transmitted the text.", "source", (None, None)),
        ("Source: Department of State, Central Files, 795.00/4\u20132656. Secret.", "source",
         (None, None)),
        # the note's older form is still read
        ("Drafted by Rusk. Sent as telegram 1234 to London.", "source", ("1234", None)),
        # frus1955-57v23p2 d136: Circular 749 printed "7A9." where the number stands
        ("7A9. Tokyo also pass CINCUNC. Geneva for Johnson.", "circular telegram",
         ("7A9", None)),
        ("7A9. Tokyo also pass CINCUNC.", "memorandum", (None, None)),
        # frus1961-63v21 d22: an editors' paragraph, its source in parentheses, above the text
        ("A memorandum from Komer to the President, October 27, warned that King Hassan was "
         "very unhappy with U.S. stalling on his appeal for military aid, but noted that U.S. "
         "officials were going to urge the Moroccans toward negotiations. (Kennedy Library, "
         "National Security Files, Countries Series, Morocco, 10/63)\n\n1078. Please deliver "
         "following message soonest to King Hassan:", "telegram", ("1078", None)),
        # a long first paragraph of the telegram's own: its second is not read as the number
        ("We met with Le Duc Tho and Xuan Thuy for one hour and three-quarters at a location "
         "in the suburbs; they were accompanied by an interpreter and two notetakers, and the "
         "formal discussion lasted one hour (longer than the last).\n\n1968. The year ends.",
         "telegram", (None, None)),
    ],
)
def test_own_number_outside_the_opening(
    text: str, genre: str, expected: tuple[str | None, str | None]
) -> None:
    """The number in the source note, and a misprinted one where the number stands."""
    assert parse_own_number(text, genre) == expected


@pytest.mark.parametrize(
    ("volume", "doc", "expected"),
    [
        ("frus1964-68v07", "d58", ("817", "Delto")),
        ("frus1964-68v07", "d209", (None, None)),  # the FBI's telegram prints no number
        ("frus1961-63v19", "d267", ("63143", "CAP")),
        ("frus1961-63v19", "d185", (None, None)),  # "nor does it indicate the channel"
        ("frus1955-57v23p2", "d136", ("7A9", None)),
        ("frus1955-57v23p2", "d143", ("111", None)),
        ("frus1961-63v21", "d22", ("1078", None)),
    ],
)
def test_own_numbers_read_in_the_volume(
    corpus_dir: Path, volume: str, doc: str, expected: tuple[str | None, str | None]
) -> None:
    """The documents of the dev volumes, read whole: number and series as printed."""
    path = corpus_dir / f"{volume}.xml"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    (d,) = [d for d in read_volume(path).documents if d.local_id == doc]
    assert (d.own_number, d.series) == expected
