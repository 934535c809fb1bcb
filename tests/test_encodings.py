"""XML in any encoding its declaration (or byte order mark) names; roots and DOCTYPEs.

The encoded copies are made from the UTF-8 fixture (three documents, d7, d8 and d9, as its
name says): each must read exactly as the original does.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from xref.annotation import annotate, remove_insertions
from xref.cli import main
from xref.errors import InputError, UnsafeXMLError
from xref.read.tei import read_volume
from xref.read.xmlencoding import to_utf8

ROOT = Path(__file__).parents[1]
VOLUME = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
TEXT = VOLUME.read_text(encoding="utf-8")
DECL = '<?xml version="1.0" encoding="UTF-8"?>'


def _encoded(tmp_path: Path, name: str, encoding: str, bom: bytes = b"", text: str = TEXT) -> Path:
    label = {"utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "cp1252": "windows-1252"}.get(
        encoding, encoding
    )
    assert text.startswith(DECL)
    out = tmp_path / name
    out.write_bytes(bom + text.replace(DECL, f'<?xml version="1.0" encoding="{label}"?>', 1)
                    .encode(encoding))
    return out


CASES = [
    ("utf16le-bom.xml", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf16be.xml", "utf-16-be", b""),
    ("utf16be-bom.xml", "utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1252.xml", "cp1252", b""),
]


@pytest.mark.parametrize(("name", "encoding", "bom"), CASES)
def test_any_declared_encoding_reads_like_utf8(
    tmp_path: Path, name: str, encoding: str, bom: bytes
) -> None:
    """Same documents, same texts, same lines and columns as the UTF-8 original."""
    original = read_volume(VOLUME)
    path = _encoded(tmp_path, name, encoding, bom)
    vol = read_volume(path)
    assert vol.id == "frus1958-60v11"
    assert [d.local_id for d in vol.documents] == ["d7", "d8", "d9"]
    data = path.read_bytes()
    data8 = VOLUME.read_bytes()
    for a, b in zip(vol.documents, original.documents, strict=True):
        for ca, cb in zip(a.containers(), b.containers(), strict=True):
            assert ca.text == cb.text
            if ca.text:
                k = len(ca.text) // 2
                la, lb = ca.source_map.locate(k, data), cb.source_map.locate(k, data8)
                assert (la.line, la.column) == (lb.line, lb.column)


def test_utf16_duplicate_ids_are_found(tmp_path: Path) -> None:
    """The duplicate-id scan sees a UTF-16 file's ids (it used to scan its bytes as ASCII)."""
    text = TEXT.replace('xml:id="d9"', 'xml:id="d8"', 1)
    vol = read_volume(_encoded(tmp_path, "dup16.xml", "utf-16-le", codecs.BOM_UTF16_LE, text))
    assert [g.code for g in vol.diagnostics] == ["duplicate-id"]
    assert "'d8'" in vol.diagnostics[0].message


def test_utf16_check_matches_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """xref check reports the same findings, at the same lines, for both encodings."""
    path = _encoded(tmp_path, "v16.xml", "utf-16-le", codecs.BOM_UTF16_LE)
    main(["check", str(VOLUME), "--jobs", "1"])
    want = capsys.readouterr().out.replace(str(VOLUME), "FILE")
    main(["check", str(path), "--jobs", "1"])
    got = capsys.readouterr().out.replace(str(path), "FILE")
    assert got == want and "FILE:" in got


def test_utf16_annotate_writes_utf16(tmp_path: Path) -> None:
    """annotate keeps the file's encoding, byte order mark and declaration; round trip exact."""
    path = _encoded(tmp_path, "v16.xml", "utf-16-le", codecs.BOM_UTF16_LE)
    result = annotate(path)
    assert result.insertions
    assert remove_insertions(result.output, result.insertions) == result.original
    out = result.file_output()
    assert out.startswith(codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="UTF-16"?>'
                          .encode("utf-16-le"))
    plain = annotate(VOLUME).output.decode("utf-8")
    assert out[2:].decode("utf-16-le") == plain.replace(DECL, DECL.replace("UTF-8", "UTF-16"))


def test_bad_bytes_for_the_declared_encoding(tmp_path: Path) -> None:
    """Bytes that are not in the declared encoding: an InputError with file and line."""
    path = tmp_path / "bad.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-16"?>\n<TEI/>\n')
    with pytest.raises(InputError, match="names UTF-16"):
        read_volume(path)
    path.write_bytes(b'<?xml version="1.0" encoding="x-klingon"?>\n<TEI/>\n')
    with pytest.raises(InputError, match="unknown encoding 'x-klingon'"):
        read_volume(path)
    path.write_bytes(codecs.BOM_UTF16_LE + "<TEI>\n<p>\n".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(InputError) as info:
        read_volume(path)
    assert info.value.line == 3


def test_utf8_is_not_copied() -> None:
    """A UTF-8 file is used as it is."""
    data = VOLUME.read_bytes()
    assert to_utf8("x.xml", data)[0] is data


def test_html_root_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An XML file whose root is <html>: named, exit 2; the other input is read in full."""
    page = tmp_path / "page.xml"
    page.write_bytes(b'<?xml version="1.0"?>\n<html><body><p>Deptel 1338</p></body></html>\n')
    with pytest.raises(InputError, match=r"root element is <html>") as info:
        read_volume(page)
    assert (info.value.line, info.value.column) == (2, 1)
    code = main(["docs", str(page), str(VOLUME), "--format", "jsonl", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"{page}:2:1: not a TEI volume" in err
    assert len(out.splitlines()) == 3


def test_bare_doctype_is_accepted(tmp_path: Path) -> None:
    """<!DOCTYPE TEI SYSTEM ...> with no internal subset: read, nothing fetched."""
    path = tmp_path / "doctype.xml"
    doctype = '\n<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd">'
    path.write_text(TEXT.replace(DECL, DECL + doctype, 1), encoding="utf-8")
    assert [d.local_id for d in read_volume(path).documents] == ["d7", "d8", "d9"]


def test_internal_subset_is_refused(tmp_path: Path) -> None:
    """An internal subset (it could declare entities) is still refused, with its line."""
    path = tmp_path / "subset.xml"
    path.write_text(TEXT.replace(DECL, DECL + '\n<!DOCTYPE TEI [\n<!ENTITY a "b">\n]>', 1),
                    encoding="utf-8")
    with pytest.raises(UnsafeXMLError, match="internal subset") as info:
        read_volume(path)
    assert info.value.line == 2
