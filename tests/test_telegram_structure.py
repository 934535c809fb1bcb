"""Telegram, despatch and airgram references read by their structure (issue 12, V5): who sent
it, what it is, its number (after ``No.``/``Nos.``), its date and route, in the combinations
the structure allows. Each sentence is from the tuning volume named in its docstring (file and
document id), its expected values read there; prose of the same shape gives nothing."""

from __future__ import annotations

import xref


def _found(text: str, kind: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for c in xref.find_citations(text):
        if c.kind == kind:
            f = c.fields()
            out.append((f.get("number"), f.get("series"), f.get("sender"), f.get("recipient"),
                        f.get("date"), c.text))
    return out


def test_a_delegation_series_airgram() -> None:
    """frus1948v05p1 d361fn2 and fn3: "transmitted to the Department by the Secretary of State
    in airgram Delga A–80, November 20": the Delegation's (Delga: Delegation to the General
    Assembly, to the Department) airgram A-80; before, its series was dropped."""
    text = ("Text transmitted to the Department by the Secretary of State in airgram Delga "
            "A–80, November 20, not printed (501.BC Kashmir/11–2048).")
    assert _found(text, "airgram") == [
        ("A-80", "Delga", None, "Department of State", "--11-20", "Delga A–80, November 20")
    ]
    text = ("Copies transmitted to the Department by the Secretary of State in airgram. Delga "
            "A–79, November 20, not printed (501.BC Kashmir/11–2048).")
    assert _found(text, "airgram") == [
        ("A-79", "Delga", None, "Department of State", "--11-20", "Delga A–79, November 20")
    ]
    # the other channel words of the same shape: the Department's Gadel, the Secretary's Dulte
    assert _found("see Gadel A–12.", "airgram") == [
        ("A-12", "Gadel", "Department of State", None, None, "Gadel A–12")
    ]
    # a word that only ends like a channel word is none: no series, and no unparsed report
    found = xref.find_citations("the Hotel A–12 wing")
    assert all(c.kind != "unparsed" and c.fields().get("series") is None for c in found)
    assert xref.find_citations("the Motel A–4 highway") == []
