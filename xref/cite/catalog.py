"""The FRUS volume catalog: which volumes exist, and which one a printed citation names.

The table ``xref/data/frus-volumes.tsv`` ships with the package; it is built from the Office
of the Historian's bibliography by ``tools/build_catalog.py`` (one line per volume: id, the
years the id names, volume number, part, publication status, title words). It turns what a
citation prints into the volume's id without guessing, and says when no volume fits::

    from xref.cite.catalog import volume_for
    volume_for("1952–1954", title="Guatemala")        # 'frus1952-54Guat'
    volume_for("1969–1976", "E–14", "1")              # 'frus1969-76ve14p1'
    volume_for(1951, "VI", "1")                       # 'frus1951v06p1'
    volume_for(1918, "I", title="Russia")             # 'frus1918Russiav01'
    volume_for(1951, "XCIX")                          # None: no such volume

:func:`find_volumes` gives every volume that fits, so that a caller can tell "no such volume"
(none) from "ambiguous" (several: ``1951, vol. VI`` without its part).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources

from attrs import frozen

from xref.cite.normalize import normalize_dashes, roman_to_int

__all__ = [
    "CatalogEntry",
    "catalog_volume",
    "find_volumes",
    "load_catalog",
    "volume_exists",
    "volume_for",
]

Years = int | str | tuple[int, int]
"""A year (``1951``, ``"1951"``) or a span (``"1952–1954"``, ``"1952-54"``, ``(1952, 1954)``)."""

_IGNORED_TITLE_WORDS = frozenset(
    "foreign relations of the united states papers relating to and vol volume part".split()
)
_WORD = re.compile(r"[^\W_]+")


@frozen
class CatalogEntry:
    """One FRUS volume of the catalog."""

    id: str
    """The volume id (``frus1951v06p1``), as in TEI file names and history.state.gov URLs."""
    first: int
    """The first year the id names (``1952`` for ``frus1952-54Guat``)."""
    last: int
    """The last year the id names (``1954``; the same as ``first`` for a single year)."""
    volume: str | None
    """The volume number: ``"6"``, ``"E14"`` (electronic), ``"10-12"`` (a microfiche
    supplement to several volumes), or None for a volume known by its title only."""
    part: int | None
    """The part number, or None."""
    status: str
    """Publication status: ``published``, ``in-production``, ``being-researched-or-prepared``..."""
    title: str
    """The title without the series name (``1952–1954, Guatemala | Guatemala, 1952–1954``)."""

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """The title's words, case folded."""
        return frozenset(w.casefold() for w in _WORD.findall(self.title))


@functools.cache
def load_catalog() -> tuple[CatalogEntry, ...]:
    """Every volume of the shipped catalog, sorted by id (read once)."""
    text = resources.files("xref").joinpath("data", "frus-volumes.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines()[1:]:
        vid, first, last, volume, part, status, title = line.split("\t")
        out.append(CatalogEntry(vid, int(first), int(last), volume or None,
                                int(part) if part else None, status, title))
    return tuple(out)


@functools.cache
def _ids() -> frozenset[str]:
    return frozenset(e.id for e in load_catalog())


def volume_exists(volume_id: str) -> bool:
    """Whether the catalog has a volume with this id."""
    return volume_id in _ids()


def _years(years: Years) -> tuple[int, int]:
    if isinstance(years, tuple):
        return years
    if isinstance(years, int):
        return years, years
    m = re.fullmatch(r"(\d{4})(?:-(\d{2,4}))?", normalize_dashes(years).strip())
    if m is None:
        raise ValueError(f"not a year or a span of years: {years!r}")
    first = int(m.group(1))
    if not m.group(2):
        return first, first
    last = int(m.group(2))
    if last < 100:
        last += first // 100 * 100
        if last < first:
            last += 100
    return first, last


def _volume(volume: str | int) -> str:
    """``VI``, ``vi``, ``6`` -> ``6``; ``E–14``, ``E-14``, ``E14`` -> ``E14``."""
    if isinstance(volume, int):
        return str(volume)
    v = normalize_dashes(volume).strip().replace(" ", "")
    m = re.fullmatch(r"[Ee]-?(\d+)", v)
    if m:
        return f"E{int(m.group(1))}"
    n = roman_to_int(v)
    if n is None:
        raise ValueError(f"not a volume number: {volume!r}")
    return str(n)


def _part(part: str | int) -> int:
    if isinstance(part, int):
        return part
    n = roman_to_int(part)
    if n is None:
        raise ValueError(f"not a part number: {part!r}")
    return n


def find_volumes(
    years: Years,
    volume: str | int | None = None,
    part: str | int | None = None,
    title: str | None = None,
) -> list[CatalogEntry]:
    """Every volume that fits what a citation prints, best first.

    ``years`` must equal the years the volume's id names; ``volume`` (roman, arabic or
    ``E-N``) and ``part`` must equal the volume's when given; every word of ``title`` (case
    blind; ``Foreign``, ``Relations``, ``vol.`` and the like ignored) must be in the volume's
    title (a microfiche supplement only when the title says so, or no other volume fits).
    Raises ValueError when ``years``, ``volume`` or ``part`` cannot be read.
    """
    first, last = _years(years)
    vol = _volume(volume) if volume is not None else None
    prt = _part(part) if part is not None else None
    words = {w.casefold() for w in _WORD.findall(title or "")} - _IGNORED_TITLE_WORDS
    found = list(_matches(first, last, vol, prt, words))
    if title and "microfiche" not in words and len(found) > 1:
        # a title names the printed volume, not its microfiche supplement of the same words
        printed = [e for e in found if "microfiche" not in e.words]
        found = printed or found
    return found


def _matches(
    first: int, last: int, vol: str | None, prt: int | None, words: set[str]
) -> Iterator[CatalogEntry]:
    for e in load_catalog():
        if (e.first, e.last) != (first, last):
            continue
        if vol is not None and e.volume != vol:
            continue
        if prt is not None and e.part != prt:
            continue
        if words and not words <= e.words:
            continue
        yield e


def volume_for(
    years: Years,
    volume: str | int | None = None,
    part: str | int | None = None,
    title: str | None = None,
) -> str | None:
    """The id of the one volume that fits (see :func:`find_volumes`), or None.

    None means no volume fits (a volume that does not exist) or several do (say which with
    :func:`find_volumes`).
    """
    found = find_volumes(years, volume, part, title)
    return found[0].id if len(found) == 1 else None


def catalog_volume(
    years: str,
    volume: str | None,
    part: str | None,
    title: str,
    printed: str | None,
) -> str | None:
    """The id of a titled volume a citation prints (``1952-1954``, ``Guatemala``), as the
    catalog has it; ``printed`` (the id built from the printed numbers) when no one volume
    fits. A title that fits no volume of those years and number is not the catalog's:
    the number alone decides then (``1955-1957, Soviet Union, vol. XXIV``), if it names one
    volume."""
    try:
        found = find_volumes(years, volume, part, title)
        if not found and volume is not None and (printed is None or not volume_exists(printed)):
            found = find_volumes(years, volume, part)
    except ValueError:
        return printed
    return found[0].id if len(found) == 1 else printed
