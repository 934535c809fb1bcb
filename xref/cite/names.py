"""Normalize the names of senders and recipients so that a channel means one thing.

FRUS headings, datelines and telegram citations name the same party many ways:
``USUN``, ``Mission to the United Nations`` and ``the Mission at the United Nations``;
``Embassy in Lebanon``, ``the Embassy in Beirut`` and plain ``Beirut``. :func:`canonical_party`
maps each to one key:

* ``Department of State`` (also ``Department``, ``Dept``, ``Washington``, ``Acting Secretary
  of State``, who signs the Department's telegrams);
* ``Secretary of State`` (the Secretary in person, e.g. travelling: Secto/Tosec);
* ``USUN``, ``USNATO``, ``USOECD``, ``USEC`` for the missions to the UN, NATO, OECD and the
  European Communities;
* ``Embassy in <Country>`` for an embassy or legation, its ambassador or chargé, or its
  capital (``Beirut`` → ``Embassy in Lebanon``), using the post table below (capitals as
  they were during 1945–1980; several cities may map to one country, e.g. Rio de Janeiro and
  Brasília);
* ``Post in <City>`` for a consulate or a city that is no capital in the table;
* anything else: the name with whitespace, a leading ``the`` and a trailing period removed.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["CAPITALS", "SHORT_POSTS", "canonical_party", "country_of", "same_party"]

_TABLE = """
Afghanistan:Kabul; Albania:Tirana; Algeria:Algiers; Argentina:Buenos Aires; Australia:Canberra;
Austria:Vienna; Bahrain:Manama; Bangladesh:Dacca/Dhaka; Belgium:Brussels; Bolivia:La Paz;
Brazil:Rio de Janeiro/Brasilia/Brasília; Bulgaria:Sofia; Burma:Rangoon; Burundi:Bujumbura;
Cambodia:Phnom Penh; Cameroon:Yaounde/Yaoundé; Canada:Ottawa; Ceylon:Colombo; Chad:Fort Lamy;
Chile:Santiago; China:Peking/Beijing/Nanking/Chungking; Republic of China:Taipei;
Colombia:Bogota/Bogotá; Congo:Leopoldville/Léopoldville/Kinshasa; Costa Rica:San Jose/San José;
Cuba:Habana/Havana; Cyprus:Nicosia; Czechoslovakia:Prague; Dahomey:Cotonou; Denmark:Copenhagen;
Dominican Republic:Santo Domingo/Ciudad Trujillo; Ecuador:Quito; Egypt:Cairo;
El Salvador:San Salvador; Ethiopia:Addis Ababa; Finland:Helsinki; France:Paris; Gabon:Libreville;
Germany:Bonn; German Democratic Republic:East Berlin; Ghana:Accra; Greece:Athens;
Guatemala:Guatemala City/Guatemala; Guinea:Conakry; Haiti:Port-au-Prince; Honduras:Tegucigalpa;
Hungary:Budapest; Iceland:Reykjavik; India:New Delhi; Indonesia:Djakarta/Jakarta; Iran:Tehran;
Iraq:Baghdad; Ireland:Dublin; Israel:Tel Aviv/Jerusalem; Italy:Rome; Ivory Coast:Abidjan;
Jamaica:Kingston; Japan:Tokyo; Jordan:Amman; Kenya:Nairobi; Korea:Seoul; Kuwait:Kuwait City;
Laos:Vientiane; Lebanon:Beirut; Liberia:Monrovia; Libya:Tripoli/Benghazi; Luxembourg:Luxembourg;
Malagasy Republic:Tananarive; Malaysia:Kuala Lumpur; Mali:Bamako; Mauritania:Nouakchott;
Mexico:Mexico City/Mexico; Mongolia:Ulan Bator; Morocco:Rabat; Nepal:Kathmandu;
Netherlands:The Hague; New Zealand:Wellington; Nicaragua:Managua; Niger:Niamey; Nigeria:Lagos;
Norway:Oslo; Oman:Muscat; Pakistan:Karachi/Rawalpindi/Islamabad/Murree; Panama:Panama City;
Paraguay:Asuncion/Asunción; Peru:Lima; Philippines:Manila/Baguio; Poland:Warsaw; Portugal:Lisbon;
Qatar:Doha; Romania:Bucharest; Rwanda:Kigali; Saudi Arabia:Jidda/Jeddah/Riyadh; Senegal:Dakar;
Sierra Leone:Freetown; Singapore:Singapore; Somalia:Mogadiscio/Mogadishu;
South Africa:Pretoria/Cape Town; Soviet Union:Moscow; Spain:Madrid; Sudan:Khartoum;
Sweden:Stockholm; Switzerland:Bern/Berne; Syria:Damascus; Tanzania:Dar es Salaam;
Thailand:Bangkok; Togo:Lome/Lomé; Tunisia:Tunis; Turkey:Ankara; Uganda:Kampala;
United Arab Emirates:Abu Dhabi; United Kingdom:London; Upper Volta:Ouagadougou;
Uruguay:Montevideo; Vatican:Vatican City; Venezuela:Caracas; Vietnam:Saigon;
North Vietnam:Hanoi; Yemen:Taiz/Sanaa; Yugoslavia:Belgrade; Zambia:Lusaka; Zaire:Kinshasa;
Southern Rhodesia:Salisbury; Malawi:Zomba; Botswana:Gaborone; Lesotho:Maseru;
Swaziland:Mbabane; Mozambique:Maputo; Angola:Luanda; Zimbabwe:Harare; Namibia:Windhoek
"""

CAPITALS: dict[str, tuple[str, ...]] = {
    country.strip(): tuple(c.strip() for c in cities.split("/"))
    for country, _, cities in (e.partition(":") for e in _TABLE.replace("\n", " ").split(";"))
}
"""Each country's capitals (where the U.S. embassy sat), in FRUS spelling."""

# words of a city's name that tell nothing apart ("Kuwait City", "San Jose"); "East Berlin"
# is not "Berlin", a post of its own
_GENERIC_CITY_WORDS = frozenset(
    "City Town The New San Santo Port Fort Cape East La El Abu Dar Tel Ciudad Ulan es de".split()
)
SHORT_POSTS: dict[str, str] = {
    word: city
    for cities in CAPITALS.values()
    for city in cities
    if " " in city and city.split()[0] not in ("East", "West", "North", "South")
    for word in (city.split()[0], city.split()[-1])
    if word not in _GENERIC_CITY_WORDS and len(word) > 2 and word.lower() not in
    {c.lower() for c in CAPITALS}
}
"""A post named in telegraphese by one distinctive word of its city's name: ``Addis 60``
(Addis Ababa), ``Delhi 828`` (New Delhi), ``Hague 1315`` (The Hague)."""

_COUNTRY_ALIASES = {
    "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union", "russia": "Soviet Union",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "great britain": "United Kingdom",
    "britain": "United Kingdom", "england": "United Kingdom",
    "federal republic of germany": "Germany", "west germany": "Germany", "frg": "Germany",
    "east germany": "German Democratic Republic", "gdr": "German Democratic Republic",
    "united arab republic": "Egypt", "uar": "Egypt", "syrian arab republic": "Syria",
    "republic of korea": "Korea", "south korea": "Korea", "rok": "Korea",
    "republic of vietnam": "Vietnam", "south vietnam": "Vietnam", "viet-nam": "Vietnam",
    "viet nam": "Vietnam", "south viet-nam": "Vietnam", "taiwan": "Republic of China",
    "grc": "Republic of China", "people's republic of china": "China", "prc": "China",
    "communist china": "China", "holland": "Netherlands", "persia": "Iran",
    "republic of the congo": "Congo", "congo (leopoldville)": "Congo", "sri lanka": "Ceylon",
    "khmer republic": "Cambodia", "kampuchea": "Cambodia", "burkina faso": "Upper Volta",
    "madagascar": "Malagasy Republic", "holy see": "Vatican",
}
_COUNTRY_KEYS = {c.lower(): c for c in CAPITALS} | _COUNTRY_ALIASES
_CITY_KEYS = {city.lower(): country for country, cities in CAPITALS.items() for city in cities}

_DEPARTMENT = frozenset(
    """department of state|department|the department|dept|dept.|deptel|state|dos|
    state department|washington|acting secretary of state|the acting secretary of state|
    u.s. department of state|united states department of state|department of state,
    washington""".replace("\n", "").split("|")
)
_SPECIAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:us|u\.s\.|united states)?\s*(?:mission|delegation|representative|"
                r"permanent representative|ambassador|delegate)s?\s+(?:to|at|in)\s+(?:the\s+)?"
                r"(?:united nations|un|u\.n\.)(?:\s+in new york)?\b(?!\s+(?:general assembly|"
                r"conference|commission|economic))", re.I), "USUN"),
    (re.compile(r"^(?:usun|usun new york|new york|usmission usun|usmission new york|"
                r"us mission new york|usun ny)$", re.I), "USUN"),
    (re.compile(r"\b(?:nato|north atlantic treaty organization|north atlantic council|usro|"
                r"usnato|regional organizations)\b", re.I), "USNATO"),
    (re.compile(r"\b(?:oecd|organization for economic cooperation|usoecd)\b", re.I), "USOECD"),
    (re.compile(r"\b(?:european communities|european economic community|usec)\b", re.I), "USEC"),
)
_POST = re.compile(
    r"^(?:(?:the|us|u\.s\.|american|united states)\s+)*"
    r"(?P<kind>embassy office|embassy|legation|ambassador-designate|ambassador|"
    r"charg[eé] d'affaires(?: a\.i\.)?|charg[eé]|minister|consulate general|consulate|"
    r"consul general|consul|mission|interests section|liaison office|embtel|contel)"
    r"(?:\s+(?:in|at|to)\s+(?P<place>.+))?$",
    re.I,
)
_SECRETARY = re.compile(
    r"^(?:the\s+)?(?:[Ss]ecretary of [Ss]tate|[Ss]ecretary)(?:\s+[A-Z][\w.'-]+)*"
    r"(?:\s+\([^)]*\))?(?:\s+(?:in|at)\s+.+)?$"
)


def country_of(place: str) -> str | None:
    """The country whose name or capital ``place`` is (``Beirut`` → ``Lebanon``), or None."""
    key = " ".join(place.split()).strip(" .,").lower()
    key = re.sub(r"^the\s+", "", key)
    if key in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[key]
    return _CITY_KEYS.get(key)


def _place_key(place: str) -> str:
    place = re.sub(r"\s*\([^)]*\)\s*$", "", place).strip(" .,")
    place = re.sub(r"^the\s+", "", place, flags=re.I)
    country = country_of(place)
    if country is None and "," in place:
        # "Benghazi, Libya": a city with its country.
        country = country_of(place.partition(",")[0]) or None
        if country is None:
            return f"Post in {place.partition(',')[0].strip()}"
    if country is not None:
        return f"Embassy in {country}"
    return f"Post in {place}"


@cache
def canonical_party(name: str) -> str:
    """One key for every way of naming a sender, recipient or post (see the module docs).

    >>> canonical_party("the Mission at the United Nations")
    'USUN'
    >>> canonical_party("Beirut") == canonical_party("Embassy in Lebanon")
    True
    """
    text = " ".join(name.replace("’", "'").split()).strip(" .,;:")
    text = re.sub(r"^(?:the|The)\s+", "", text)
    low = text.lower()
    if not low:
        return ""
    if low in _DEPARTMENT:
        return "Department of State"
    for rx, key in _SPECIAL:
        if rx.search(text):
            return key
    if _SECRETARY.match(text) and not low.startswith("secretary of state's"):
        return "Secretary of State"
    m = _POST.match(text)
    if m is not None:
        place = m.group("place")
        if place:
            kind = m.group("kind").lower()
            if kind.startswith("consul"):
                city = re.sub(r"\s*\([^)]*\)\s*$", "", place).partition(",")[0].strip()
                return f"Post in {city}"
            return _place_key(place)
        return "Embassy" if m.group("kind").lower() == "embassy" else text
    if country_of(text) is not None:
        return _place_key(text)
    return text


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two names denote the same party (None matches nothing)."""
    if a is None or b is None:
        return False
    return canonical_party(a) == canonical_party(b)
