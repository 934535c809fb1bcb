"""Citations read from their structure (issue 12, deliverable 4): each family with an example
taken from the dev corpus, and its near misses that must stay prose."""

from __future__ import annotations

from typing import Any

import pytest

import xref


def _found(text: str, volume: str | None = "frus1955-57v02") -> list[tuple[str, dict[str, Any]]]:
    return [
        (c.kind, {k: v for k, v in c.fields().items() if v not in (None, []) and v is not False})
        for c in xref.find_citations(text, volume=volume)
    ]


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    [
        # keywords in any case
        (
            "Source: Department of State, Secretary’s Staff Meetings, lot 63 D 75, Notes 61–120.",
            "lot_file",
            {"lot": "63 D 75", "series": "Secretary’s Staff Meetings", "folder": "Notes 61–120"},
        ),
        # decimal files whose subject carries capitals; a file with no date after Central File
        (
            "Source: Department of State, Central Files, 891.9111 RR/8–1048. Secret.",
            "central_file",
            {"file": "891.9111 RR/8-1048", "decimal": "891.9111 RR", "date": "1948-08-10"},
        ),
        (
            "Documentation is in Department of State, Central File 714.00.",
            "central_file",
            {"file": "714.00", "decimal": "714.00"},
        ),
        (
            "Source: National Archives, RG 59, Central Files 1970–73 SOC 13. Confidential.",
            "subject_file",
            {"subject": "SOC 13", "years": "1970-73"},
        ),
        # subject files read whole
        (
            "Source: Department of State, Central Files, DEF 18–3 SWITZ (GE). Secret.",
            "subject_file",
            {"subject": "DEF 18-3 SWITZ (GE)"},
        ),
        (
            "Source: National Archives, RG 59, Central Files 1967-69, POL 27 Biafra-Nigeria. "
            "Secret.",
            "subject_file",
            {"subject": "POL 27 Biafra-Nigeria", "years": "1967-69"},
        ),
        (
            "(Department of State, Central Files, POL 19 RHOD & NYAS/UN)",
            "subject_file",
            {"subject": "POL 19 RHOD & NYAS/UN"},
        ),
        # a JCS file keeps its own date and section as one part of the path
        (
            "Source: National Archives and Records Administration, RG 218, JCS Records, "
            "CCS 381 Formosa (11–8–48) Sec. 19. Top Secret.",
            "national_archives",
            {"rg": "218", "path": ["JCS Records", "CCS 381 Formosa (11–8–48) Sec. 19"]},
        ),
        # an accession with its record group, the records center opening the note
        (
            "Source: Washington National Records Center, RG 330, OSD Files: FRC 330 73 A 1250, "
            "VIET 092.2 (September-October) 1968. Secret.",
            "records_center",
            {
                "accession": "330 73 A 1250",
                "center": "FRC",
                "series": "OSD Files",
                "folder": "VIET 092.2 (September-October) 1968",
            },
        ),
        # a folder keeps its periods
        (
            "Source: Ford Library, Connor Files, Box 3, USUN, William W. Scranton. Confidential.",
            "library",
            {
                "library": "Ford Library",
                "collection": "Connor Files",
                "path": ["Box 3", "USUN", "William W. Scranton"],
            },
        ),
        # telegram series by their shape, and by their route
        (
            "Toeca 12 to Paris.",
            "telegram",
            {"number": "12", "series": "Toeca", "sender": "Department of State",
             "recipient": "Paris"},
        ),
        (
            "Secun 2 from Paris, December 2.",
            "telegram",
            {"number": "2", "series": "Secun", "sender": "Paris",
             "recipient": "Department of State", "date": "--12-02"},
        ),
        # a telegram named by its sender
        (
            "We agree with Saigon 40677 that remaining differences should hardly matter.",
            "telegram",
            {"number": "40677", "series": "telegram", "sender": "Saigon",
             "recipient": "Department of State"},
        ),
        (
            "Correction of error contained in Moscow telegram 239.",
            "telegram",
            {"number": "239", "series": "telegram", "sender": "Moscow"},
        ),
        (
            "Manner in which issue handled (Deptel to Saigon 212, August 27).",
            "telegram",
            {"number": "212", "series": "Deptel", "sender": "Department of State",
             "recipient": "Saigon", "date": "--08-27"},
        ),
        # a person's file in the decimal system, with the comma of the name
        (
            "Source: 891.001 Pahlavi, Reza Shah/5–2048. Secret.",
            "central_file",
            {"file": "891.001 Pahlavi, Reza Shah/5-2048", "decimal": "891.001 Pahlavi, Reza Shah",
             "date": "1948-05-20"},
        ),
        (
            "Source: Central Intelligence Agency, Job 231677/1, Box 102, Folder 2. Secret.",
            "cia",
            {"job": "231677/1", "path": ["Box 102", "Folder 2"]},
        ),
        (
            "Source: Naval Historical Center, Radford Papers, Memos for the Record. Secret.",
            "other_repository",
            {
                "repository": "Naval Historical Center",
                "path": ["Radford Papers", "Memos for the Record"],
            },
        ),
        # a list of page ranges
        (
            "Department of State Bulletin, October 23, 1972, pp. 460-462, 465-466.",
            "other_publication",
            {"title": "Department of State Bulletin", "pages": "460-462, 465-466",
             "date": "1972-10-23"},
        ),
        # a page and a footnote of another volume
        (
            "See Foreign Relations, 1952–1954, vol. IX, pp. 1348 ff., and 1955–1957, vol. XIV, "
            "pp. 20 ff.",
            "publication",
            {"volume": "frus1955-57v14", "pages": "20"},
        ),
    ],
)
def test_family(text: str, kind: str, fields: dict[str, Any]) -> None:
    """The citation is found whole, with every field read from its parts."""
    assert (kind, fields) in _found(text), _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ref: (a) Paris 14574; (b) Paris 14402.",
            [("14574", "Paris"), ("14402", "Paris")],
        ),
        (
            "REF: (A) STATE 163147; (B) USUN 5723",
            [("163147", "Department of State"), ("5723", "USUN")],
        ),
        (
            "Ref A—Paris 8954; Ref B—Paris Nodis 9004 and State 100646.",
            [("8954", "Paris"), ("9004", "Paris"), ("100646", "Department of State")],
        ),
        (
            "In absence Dept instructions ourtels 924 of Mar 18 and 920 of Mar 17, request",
            [("924", None), ("920", None)],
        ),
        (
            "In telegrams 2226 and 2237 from Tokyo, March 3.",
            [("2226", "Tokyo"), ("2237", "Tokyo")],
        ),
    ],
)
def test_lists(text: str, expected: list[tuple[str, str | None]]) -> None:
    """Every item of a list is a telegram, with its own sender."""
    found = xref.find_citations(text)
    assert [(c.fields()["number"], c.fields()["sender"]) for c in found] == expected


def test_list_items_keep_their_own_dates() -> None:
    """``ourtels 924 of Mar 18 and 920 of Mar 17``: each its own date."""
    found = xref.find_citations("ourtels 924 of Mar 18 and 920 of Mar 17, request")
    assert [c.fields()["date"] for c in found] == ["--03-18", "--03-17"]


def test_ibid_of_another_issue() -> None:
    """``ibid., June 9, 1958, pp. 940–942`` is one ibid with its pages, not an ibid and a page."""
    found = _found("see Department of State Bulletin, May 19, 1958, p. 820; ibid., June 9, "
                   "1958, pp. 940–942.")
    assert [k for k, _ in found] == ["other_publication", "ibid"]
    assert found[1][1]["pages"] == "940-942" and found[1][1]["path"] == ["June 9, 1958"]


@pytest.mark.parametrize(
    "text",
    [
        "Sent Department 483, repeated Delhi 82, pouched Lahore; Department pass London 34.",
        "Our 510 to Seoul repeated Bern 1052 Stockholm 591 and Tokyo 1583.",
        "He stayed in Paris 3 days and left Geneva 1954 for good.",
        "Route 1 to Hue was cut. On June 5 to Paris he flew.",
        "TELEGRAM Department of State 076900",
    ],
)
def test_not_citations(text: str) -> None:
    """A telegram's own copies, years, days, roads and months are no telegrams."""
    assert _found(text) == []
