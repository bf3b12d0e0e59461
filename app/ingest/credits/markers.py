# ruff: noqa: RUF001
"""The words that mark an outlet's name as an edition of a network, and whose article an edition
is likely to be credited by.

"The Conversation UK", "The Conversation France", "Guardian Australia", "HuffPost Brasil" and
"DW Español" are a network's name and a country or a language; "Middle East Eye", "Washington
Monthly", "National Geographic" and "Reuters Breakingviews" are not editions of anything, though
their last word is as capitalised. So a name is an edition only when its tail is a country's
name or code, or a language's name, in the languages news is written in (Babel's locale data,
the CLDR: "Brasil", "Deutschland", "España", "Polska", "English", "Español"; the codes "UK",
"US"). Regions ("Europe", "Africa", "Asia") are left out: nothing about the crediting article
can say which region's edition it means.

An edition is credited for a network named short ("republished from The Conversation") only by
an article that fits it: of the edition's country (the article's outlet's country, or the
region of its language tag when the country is not stored) and not of another language, or in
the edition's language (`fits`). A listed broadcaster's service stored under a name of its own
("DW Español", "France 24 en español") is read the same way (`edition_of`), and answers to the
broadcaster's names for such an article only (credits/outlets.py, `service`).

Babel comes with trafilatura (through courlan), which ingest already uses to read pages; it is
declared in pyproject.toml as a dependency of its own for this.
"""

import re
from functools import lru_cache

from babel import Locale
from babel.core import get_global

from app.tables import Outlet

# Locales whose names for countries and languages are read (names in the language of the
# edition: "Brasil" in Portuguese, "Deutschland" in German, "Español" in Spanish).
_LOCALES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "id", "ms", "pl", "tr", "sv", "da", "nb", "fi",
    "ro", "cs", "sk", "hu", "hr", "sl", "ca", "fil", "sw", "vi", "ru", "uk", "el",
)  # fmt: skip
# Country codes news writes in an edition's name that are no ISO 3166-1 code of it.
_CODES = {"uk": "GB", "usa": "US"}


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """(country name or code -> ISO 3166-1 alpha-2, language name -> ISO 639 code), casefolded."""
    countries: dict[str, str] = dict(_CODES)
    languages: dict[str, str] = {}
    for code in _LOCALES:
        locale = Locale.parse(code)
        for territory, name in locale.territories.items():
            if len(territory) == 2 and territory.isalpha() and territory.isupper():
                countries.setdefault(name.casefold(), territory)
                countries.setdefault(territory.casefold(), territory)
        for language, name in locale.languages.items():
            if language.isalpha() and len(language) in (2, 3):
                languages.setdefault(name.casefold(), language)
    return countries, languages


# Endings a language's name takes as an adjective in the languages that decline it (Russian and
# Ukrainian "русский" -> "русском", "русской", "русская"; Italian, Spanish and Portuguese
# "tedesco" -> "tedesca", "tedeschi"; German "russisch" -> "russische", "russischen").
_CYRILLIC_ENDINGS = re.compile(
    r"(?:ого|его|ому|ему|ыми|ими|ой|ей|ий|ый|ая|яя|ое|ее|ом|ем|ую|юю|ых|их|ым|им|а|я|у|ю|е|і)$"
)
_LATIN_ENDINGS = re.compile(r"(?:en|er|es|em|a|o|e|i|s)$")
_STEM_MIN = 4


def _stem(word: str) -> str:
    ending = _CYRILLIC_ENDINGS if re.search(r"[а-яёіїєґ]", word) else _LATIN_ENDINGS
    return ending.sub("", word)


@lru_cache(maxsize=1)
def _stems() -> dict[str, str]:
    """A one-word language name's stem -> its code, for the stems that name one language."""
    found: dict[str, set[str]] = {}
    for name, code in _names()[1].items():
        if " " not in name and len(stem := _stem(name)) >= _STEM_MIN:
            found.setdefault(stem, set()).add(code)
    return {stem: codes.pop() for stem, codes in found.items() if len(codes) == 1}


def language(word: str, *, inflected: bool = False) -> str | None:
    """The ISO 639 code of a language's name ("Spanish", "español", "Russisch"); with
    `inflected`, also of its declined forms ("русском", "tedesca", "russische"), which only a
    frame that expects a language's name may ask for."""
    key = word.casefold()
    if (code := _names()[1].get(key)) is not None:
        return code
    if not inflected or len(key) < _STEM_MIN:
        return None
    return _stems().get(_stem(key))


def marker(tail: str) -> tuple[str, str] | None:
    """("country", "GB") for "UK", ("language", "es") for "Español"; None for a word that is
    neither ("Eye", "Monthly", "Geographic")."""
    key = " ".join(tail.casefold().split())
    countries, languages = _names()
    if key in countries:
        return "country", countries[key]
    if key in languages:
        return "language", languages[key]
    return None


# A preposition news puts before an edition's language or country: "Le Monde in English",
# "France 24 en español", "Euronews em português", "Deutsche Welle auf Deutsch".
_BEFORE = frozenset(("in", "en", "em", "na", "auf", "di", "на"))


# The word for an edition or a service after its language ("The Hankyoreh English Edition",
# "RTVE Servicio en inglés" is not read: the language must end the name).
_EDITION_NOUN = re.compile(
    r"[ \t]+(?:edition|service|version|edición|servicio|versión|edição|serviço|versão|édition|"
    r"edizione|servizio|versione|ausgabe|dienst|editie)$"
)


def edition_of(name_key: str, network: str) -> tuple[str, str] | None:
    """The mark of the edition a name (its key) is of a network (its key): the network's name,
    then a country or a language, perhaps after a preposition ("dw español" of "dw": the
    Spanish edition; "le monde in english" of "le monde"); None when the name is no edition of
    that network ("middle east eye" of "middle east")."""
    if name_key.startswith("the ") and not network.startswith("the "):
        name_key = name_key[4:]  # "The Hankyoreh English Edition" of "hankyoreh"
    if not name_key.startswith(f"{network} "):
        return None
    rest = _EDITION_NOUN.sub("", name_key[len(network) + 1 :].strip(" ()"))
    first, _, after = rest.partition(" ")
    if first in _BEFORE and after:
        # After a preposition a language's name may be declined ("DW на русском").
        found = marker(after)
        if found is None and " " not in after and (code := language(after, inflected=True)):
            found = ("language", code)
        return found
    return marker(rest)


def _tag(outlet: Outlet) -> list[str]:
    return [part for part in (outlet.language or "").replace("_", "-").split("-") if part]


def country(outlet: Outlet) -> str:
    """The outlet's country: its own, else the region of its language tag ("" when neither)."""
    region = next((p.upper() for p in _tag(outlet)[1:] if len(p) == 2 and p.isalpha()), "")
    return (outlet.country or region).upper()


def fits(mark: tuple[str, str], own: Outlet | None, edition: Outlet) -> bool:
    """Whether the crediting article's outlet is of the edition's country or language, and,
    when both say what language they publish in, of the edition's language ("DW" in an
    English paper of Jakarta is not DW Indonesia's)."""
    if own is None:
        return False
    kind, code = mark
    tag = _tag(own)
    if kind == "language":
        return bool(tag) and tag[0].casefold() == code.casefold()
    theirs = _tag(edition)
    if tag and theirs and tag[0].casefold() != theirs[0].casefold():
        return False
    return country(own) == code


# A Romance preposition and a capitalised word after a name: an edition's language ("CNN en
# Español", "Euronews em Português") or a place ("EFE en Madrid").
_TAIL = re.compile(r"[ \t]+(?:en|em)[ \t]+(?P<word>\w+)$")


def with_language_tail(name: str) -> str:
    """The name with a tail that names a language ("CNN en Español"), without one that does
    not ("EFE en Madrid" -> "EFE")."""
    tail = _TAIL.search(name)
    if tail is None or language(tail["word"]) is not None:
        return name
    return name[: tail.start()]


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Cities the CLDR names a time zone after ("New York", "Berlin", "Kyiv"), in the locales
    read, and every country's name: places a byline names beside a reporter."""
    found = {name for name in _names()[0] if len(name) > 3}
    for zone in get_global("zone_territories"):
        found.add(zone.rsplit("/", 1)[-1].replace("_", " ").casefold())
    for code in _LOCALES:
        for names in Locale.parse(code).time_zones.values():
            if "city" in names:
                found.add(names["city"].casefold())
    return frozenset(found)


def place(name: str) -> bool:
    """Whether a name is a city's the CLDR knows or a country's ("New York", "Berlin", "Brasil"):
    in a byline, "Jane Doe (Berlin)" and "Jane Doe, New York" say where she writes from."""
    return " ".join(name.casefold().split()) in _places()
