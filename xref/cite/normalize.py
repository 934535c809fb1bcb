"""Small pure functions that normalize what the grammar reads: dashes, dates, volume ids.

They hold the domain rules of CITATIONS.md (decimal file dates, FRUS volume ids) in one
place so that the transformer, the resolver and the checks agree.
"""

from __future__ import annotations

import re

__all__ = [
    "DASHES",
    "decode_file_date",
    "month_number",
    "normalize_dashes",
    "partial_date",
    "roman_to_int",
    "volume_id",
]

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
"""Every dash FRUS prints: hyphen, non-breaking hyphen, figure, en and em dashes."""

_DASH_RE = re.compile(f"\\s*[{DASHES}]+\\s*")
_DASH_RUN_RE = re.compile(f"[{DASHES}]")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def normalize_dashes(text: str, *, squeeze: bool = True) -> str:
    """Replace every kind of dash with ``-``; with ``squeeze``, drop spaces around it."""
    if squeeze:
        return _DASH_RE.sub("-", text)
    return _DASH_RUN_RE.sub("-", text)


def month_number(name: str) -> int | None:
    """``December`` / ``Dec.`` / ``Sept.`` -> 12 / 12 / 9; None if not a month."""
    return _MONTHS.get(name.strip(".").lower()[:3])


def partial_date(month: str, day: str | None, year: str | None) -> str | None:
    """An ISO 8601 date, partial where the text is: ``1962-12-07``, ``--12-07``, ``1962-12``."""
    m = month_number(month)
    if m is None:
        return None
    y = None
    if year:
        digits = re.sub(r"\D", "", year)
        if len(digits) == 4:
            y = digits
    if day:
        d = int(day)
        if not 1 <= d <= 31:
            return None
        return f"{y}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"
    return f"{y}-{m:02d}" if y else None


def decode_file_date(date_part: str) -> str | None:
    """Decode a decimal file's date: ``12-1262`` -> ``1962-12-12``, ``1-261`` -> ``1961-01-02``.

    The part is month-day-year: the last two digits are the year, what stands between the
    dash and them is the day. Returns None when the part is not such a date.
    """
    text = normalize_dashes(date_part).replace(" ", "")
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})(\d{2})", text)
    if not m:
        return None
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    century = 1900 if year >= 10 else 2000
    return f"{century + year:04d}-{month:02d}-{day:02d}"


def roman_to_int(text: str) -> int | None:
    """``XXVII`` -> 27; digits pass through; None if neither."""
    text = text.strip().upper()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def _subseries_code(subseries: str | None) -> str:
    """A titled volume's part of its id: ``Supplement 1, The World War`` -> ``Supp01``,
    ``The Paris Peace Conference`` -> ``Paris``."""
    if not subseries:
        return ""
    text = subseries.strip(" ,")
    m = re.match(r"Supplement\s+(\d+|[IVX]+)\b", text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else roman_to_int(m.group(1))
        return f"Supp{n:02d}" if n is not None else ""
    words = [w for w in re.findall(r"[A-Z][\w'\u2019-]*", text) if w != "The"]
    return re.sub(r"\W", "", words[0]) if words else ""


def volume_id(
    years: str | None,
    volume: str | None,
    part: str | None = None,
    context: str | None = None,
    subseries: str | None = None,
) -> str | None:
    """Build a FRUS volume id: (``1964–1968``, ``XXVII``) -> ``frus1964-68v27``.

    Without ``years`` the subseries comes from ``context`` (the citing volume's id), so
    ``vol. XI`` cited in ``frus1961-63v06`` is ``frus1961-63v11``; with no context either,
    the result is the relative form ``v11``. ``subseries`` names a titled volume of the
    1910s and 1920s, as the Office of the Historian's ids do: ``Supplement 1, The World
    War`` is ``Supp01``, ``Russia`` is ``Russia`` (``frus1918Supp01v01``,
    ``frus1918Russiav01``).
    """
    prefix: str | None = None
    if years:
        ys = normalize_dashes(years)
        m = re.fullmatch(r"(\d{4})(?:-(\d{2,4}))?", ys)
        if not m:
            return None
        first, last = m.group(1), m.group(2)
        prefix = f"frus{first}" + (f"-{last[-2:]}" if last else "") + _subseries_code(subseries)
    elif context:
        m = re.match(r"frus\d{4}(?:-\d{2})?", context)
        prefix = m.group(0) if m else None
    suffix = ""
    electronic = re.fullmatch(r"E\s?[-\u2013\u2014]\s?(\d+)", volume.strip()) if volume else None
    if electronic:  # the electronic-only volumes: "vol. E-4" is ve04
        suffix = f"ve{int(electronic.group(1)):02d}"
        if part and roman_to_int(part) is not None:
            suffix += f"p{roman_to_int(part)}"
        volume = None
    if volume:
        n = roman_to_int(volume)
        if n is None:
            return None
        suffix = f"v{n:02d}"
        if part:
            p = roman_to_int(part)
            if p is not None:
                suffix += f"p{p}"
    if prefix is None:
        return suffix or None
    return prefix + suffix
