"""The shortcuts of the check stage read files exactly as the plain way would."""

from __future__ import annotations

from xref.checks.runner import _ids_of
from xref.checks.volume_scan import scan_bytes
from xref.read.documents import Volume

VOLUME = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xml:id="frus1999v01"><text><body>
<div type="document" xml:id="d1" n="1"><p>See <hi rend="italic">also</hi>
<ref target="#d2">Document 2</ref> and <ref target="#d9">Document 9</ref>.</p>
<note xml:id="d1fn1" n="1">Not <ref target="#d1fn9">footnote 9</ref>.</note></div>
<div type="document" xml:id="d2" n="2"><p foo:xml:id="no">Text.</p></div>
</body></text></TEI>
"""


def test_ids_are_attributes_named_xml_id_only() -> None:
    data = b'<TEI xml:id="v"><p xml:id = \'a\'/><q fooxml:id="b"/><r x_xml:id="c"/></TEI>'
    vol = Volume("v", None, ())
    assert _ids_of(vol, data) == {"v", "a"}
    # a value that holds another attribute's text: the engine looks again inside it
    assert _ids_of(vol, b"<p fooxml:id='a xml:id=\"b\"'/>") == {"b"}


def test_a_volume_without_ignore_instructions_scans_like_one_with_them() -> None:
    """Without ``<?xref-ignore?>`` the scan skips the positions of plain elements: what it
    reports (pointers, ids, documents, notes, with their lines and columns) is unchanged."""
    plain = scan_bytes("v.xml", VOLUME)
    marked = scan_bytes("v.xml", VOLUME.replace(b"<hi ", b"<?xref-ignore XR999?><hi "))
    assert plain.pointers == marked.pointers
    assert plain.ids == marked.ids == {"frus1999v01", "d1", "d2", "d1fn1"}
    assert plain.documents == marked.documents
    assert plain.notes == marked.notes
    assert [(p.value, p.line, p.text) for p in plain.pointers] == [
        ("#d2", 4, "Document 2"), ("#d9", 4, "Document 9"), ("#d1fn9", 5, "footnote 9")]
    assert plain.suppressions == () and len(marked.suppressions) == 1
