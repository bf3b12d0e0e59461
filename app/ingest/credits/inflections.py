# ruff: noqa: RUF001, RUF002
"""Agency names as Slavic languages decline them, read back to the names the agency table holds.

Ukrainian, Russian and Polish give a name the ending of its case: "за даними Укрінформу"
(according to Ukrinform's data: the genitive), "по данным РИА Новостей", "повідомив
Укрінформу" (told Ukrinform: the dative), "za PAP-em" (after PAP: the instrumental, as Polish
writes it after an abbreviation's hyphen), "według Reutersa". The table holds the base forms
only ("укрінформ", "риа новости", "pap", "reuters"), so a declined name is read by taking a
case ending off its last word (and, for a stem that ended in a vowel, putting the base form's
vowel back: "Новост-ей" is "Новост-и") until a name of the table is left. No form is listed.

Which names may decline: in Cyrillic script, any; in Latin script, an abbreviation in capitals
only after a hyphen ("PAP-em", "PAP-u"), and a name written in mixed case only when it is
longer than initials and names the agency in any case (not one of agencies.AMBIGUOUS: "Papy",
"Papem" are no PAP, "Petry" no Petra).
"""

from app.core import agencies
from app.ingest.credits.context import name_key

# Case endings, longest first: Ukrainian and Russian nouns' (genitive, dative, instrumental,
# locative, singular and plural), and Polish, Czech and Croatian ones in Latin script.
_CYRILLIC_ENDINGS = (
    "ові", "еві", "ами", "ями", "ом", "ем", "єм", "ою", "ей", "ой", "ій", "ої", "ам", "ям",
    "ах", "ях", "у", "ю", "а", "я", "і", "е", "и",
)  # fmt: skip
_LATIN_ENDINGS = ("owi", "ovi", "em", "om", "ie", "a", "u", "e", "i", "y", "ą")
# What a stem may have ended in before it was declined.
_STEM_VOWELS = ("", "и", "а", "я", "ь")
# What a Latin stem may have ended in, in a frame (`framed`): a feminine "-a" ("Hin-e" is
# "Hina"), and an "-s" the declined name drops: Polish names Reuters after its founder,
# "agencja Reutera" (Reuter's agency), and declines that ("według agencji Reutera").
_FRAMED_STEMS = ("", "a", "s")
# The endings of the instrumental, which Polish "za" (after, citing) takes: "za PAP-em".
INSTRUMENTAL = frozenset(("em", "om", "ą", "ом", "ем", "єм", "ою"))


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in word)


def undeclined(name: str, *, framed: bool = False) -> tuple[str, str] | None:
    """The name of the table a declined name stands for, and the ending taken off ("Укрінформу"
    -> ("Укрінформ", "у"), "PAP-em" -> ("PAP", "em")); None when the name is not declined or
    no name of the table is left.

    `framed`: the words before the name say it is a publication's (Croatian "prema pisanju
    Hine": according to Hina's writing; "izjavio je za Hinu": stated to Hina), so a name the
    table holds only in capitals may be read declined in mixed case, and a feminine name's
    "-a" is put back ("Hin-e" is "Hina"); a name an agency itself writes in mixed case that is
    also a given name ("Petra") is still not."""
    words = name.split()
    if not words or agencies.by_key(name_key(name)) is not None:
        return None
    last = words[-1]
    joined = ""  # "Інтерфакс-" of "Інтерфакс-Україну": the part a Cyrillic name declines after
    if "-" in last and _cyrillic(last):
        joined, _, last = last.rpartition("-")
        joined += "-"
    elif "-" in last:
        stem, _, ending = last.rpartition("-")
        if stem.isupper() and ending in _LATIN_ENDINGS:
            base = " ".join([*words[:-1], stem])
            if agencies.by_key(name_key(base)) is not None:
                return base, ending
        return None
    if _cyrillic(last):
        endings, vowels = _CYRILLIC_ENDINGS, _STEM_VOWELS
    elif last[:1].isupper() and not last.isupper() and not joined:
        endings, vowels = _LATIN_ENDINGS, _FRAMED_STEMS if framed else ("",)
    else:
        return None
    for ending in endings:
        stem = last[: -len(ending)]
        if not last.endswith(ending) or len(stem) < 3:
            continue
        for vowel in vowels:
            base = " ".join([*words[:-1], joined + stem + vowel])
            key = name_key(base)
            if agencies.by_key(key) is None:
                continue
            if not _cyrillic(last) and not _latin_declines(key, stem, framed):
                continue
            return base, ending
    return None


def _latin_declines(key: str, stem: str, framed: bool) -> bool:
    """Whether a mixed-case Latin name may be read as the agency `key` declined."""
    if framed:
        return key in agencies.CAPITALS_ONLY or key not in agencies.AMBIGUOUS
    return len(stem) >= 4 and key not in agencies.AMBIGUOUS
