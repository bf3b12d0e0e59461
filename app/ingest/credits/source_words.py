# ruff: noqa: RUF001, RUF002
"""The word a source line begins with, in every language the credit readers know: one list for
the three readers of source lines (a credit line naming an agency, languages.py; a line naming
an origin that is no agency, sources.py; a byline that gives its source, context.py).

"Source: Reuters", "Quelle: dpa", "Źródło: PAP", "Nguồn: TTXVN", "Chanzo: KNA", "Джерело:
Укрінформ", "Крыніца: БелТА", "Източник: БТА", "Эх сурвалж: МОНЦАМЭ", "წყარო: Interpressnews",
"ምንጭ፡ ኢዜአ". The words are read in any case; after them a colon, or the colon of the script
(the full-width "：", Armenian "՝", Ethiopic "፥", "፡" and "፦", Khmer "៖"); in the scripts of
`find` a dash too (Burmese "သတင်းရင်းမြစ် – …"). Which name follows, and whether it is a credit,
is each reader's rule: a name with a capital in Latin or Cyrillic script there, and here
(`find`) a name the agency table holds in one of the scripts below (`SCRIPT_NAMES`, which
datelines.py reads in a dateline's brackets too). And the words that describe a broadcaster or a
paper before its name (`MEDIA_WORD`: "la cadena estadounidense CNN"), which languages.py and
services.py read.
"""

import re

from app.core import agencies

# Latin script.
LATIN = (
    "source", "sources", "fuente", "fuentes", "fonte", "fontes", "quelle", "sumber",
    "źródło", "zdroj", "bron", "kilde", "källa", "kaynak", "vir", "forrás", "izvor", "lähde",
    "sursa", "avots", "allikas", "šaltinis", "heimild", "kjelde", "nguồn", "chanzo",
    "iturria", "burimi", "mənbə", "manba", "pinagmulan",
)  # fmt: skip
# (Not Catalan "Font:", which is also a typeface's line: "Font: Guardian Egyptian".)
# Cyrillic: Russian and Macedonian or Serbian, Ukrainian, Belarusian, Bulgarian, Mongolian,
# Kazakh, Tajik.
CYRILLIC = (
    "источник", "извор", "джерело", "крыніца", "източник", "эх сурвалж", "дереккөз", "манба",
)  # fmt: skip
# Other scripts: Georgian, Hebrew, Thai, Armenian, Amharic, Khmer, Burmese (Chinese, Japanese
# and Korean source lines are asia.py's, Arabic ones arabic.py's, Hindi ones south_asia.py's).
OTHER = (
    "წყარო", "מקור", "ที่มา", "աղբյուր", "աղբյուրը", "ምንጭ", "ប្រភព", "ရင်းမြစ်", "သတင်းရင်းမြစ်",
)  # fmt: skip
COLONS = ":：՝፥፡፦៖"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"[ \t]+") for word in words)


# Any of the words, in any case ("Source", "SOURCE", "source").
WORD = rf"(?i:{_alternation(LATIN + CYRILLIC + OTHER)})"
# With its first letter a capital ("Source", "Quelle", "Джерело"), for a line that must begin
# as a sentence does.
CAPITALISED = _alternation(tuple(word[:1].upper() + word[1:] for word in LATIN + CYRILLIC))


# Scripts no other reader takes a name in (Latin and Cyrillic names have capitals; Greek, Arabic,
# Devanagari, Bengali, Han, kana and Hangul have readers of their own): Armenian, Hebrew, the
# Indic scripts from Gurmukhi to Sinhala, Thai, Lao, Tibetan, Burmese, Georgian, Ethiopic,
# Khmer, Mongolian.
_SCRIPTS = re.compile(
    "[\u0530-\u058f\u0590-\u05ff\u0a00-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f"
    "\u10a0-\u10ff\u1c90-\u1cbf\u1200-\u139f\u1780-\u17ff\u1800-\u18af]"
)


def _script_names() -> dict[str, str]:
    """An agency's name in one of those scripts (its key, case folded) -> the table's name."""
    found: dict[str, str] = {}
    for agency in agencies.AGENCIES:
        for key in agencies.keys_of(agency):
            if _SCRIPTS.search(key):
                found.setdefault(key, agency.name)
    return found


SCRIPT_NAMES = _script_names()
# (A table without such a name would leave the alternation empty: nothing matches then.)
SCRIPT_NAME = "|".join(re.escape(n) for n in sorted(SCRIPT_NAMES, key=len, reverse=True)) or "(?!)"
# A source line in a script without capitals naming a listed agency in that script, and
# nothing after it: "წყარო: ინტერპრესნიუსი", "ምንጭ፡ ኢዜአ", "(מקור: רויטרס)".
_OPENING = "\"'\u201c\u201e\u00ab"
_CLOSING = "\"'\u201c\u201d\u00bb"
_LINE = re.compile(
    rf"(?:^|\n)[ \t]*\(?[ \t]*(?i:{_alternation(OTHER + CYRILLIC + LATIN)})[ \t]*"
    rf"[{COLONS}\u2013\u2014-][ \t]*[{_OPENING}]?(?P<name>(?i:{SCRIPT_NAME}))[{_CLOSING}]?"
    r"[ \t]*\)?[ \t.։።។။]*(?=\n|$)"
)


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the source lines naming a listed agency in one of the scripts
    below, kinds as languages.find gives them (their datelines are datelines.py's)."""
    found = []
    for match in _LINE.finditer(text):
        words = " ".join(match.group(0).split())
        found.append(
            (SCRIPT_NAMES[match["name"].casefold()], f"credit line: {words}", "credit_line")
        )
    return found


# A broadcaster or a paper described before its name: "informou a emissora pública japonesa NHK",
# "informó la cadena estadounidense CNN", "selon la chaîne qatarie Al Jazeera", "secondo
# l'emittente giapponese NHK", "berichtete der japanische Sender NHK", "meldt de Japanse omroep
# NHK".
_NOT_SMALL = r"(?!(?i:de|del|da|do|di|du|des|della|der|den|dem|het|van|von)\b)"
MEDIA_WORD = (
    # before the noun only adjectives' endings, no small word nor a noun ("der japanische
    # Sender", "de Japanse omroep"; not "dem Chefredakteur der Zeitung", "el director del diario")
    rf"(?:(?:de|een)[ \t]+)?(?:{_NOT_SMALL}[\w-]+(?:e|en|es|em)[ \t]+){{0,2}}?"  # Dutch "de", "een"
    r"(?:radiotelevisi[oó]n|radiotelevis[aã]o|radiotelevisione|"
    r"emissora|cadeia|rede|televis[aã]o|r[aá]dio|jornal|"
    r"di[aá]rio|revista|cadena|televisi[oó]n|radio|peri[oó]dico|canal|cha[iî]ne|"
    r"t[ée]l[ée]vision|journal|quotidien|hebdomadaire|magazine|emittente|televisione|rete|"
    r"quotidiano|giornale|settimanale|"
    r"testata|\w*(?:[Ss]ender|[Zz]eitung|[Mm]agazin|omroep|zender|krant|dagblad|weekblad))"
    r"(?:[ \t]+[a-zà-ÿ][\w-]*){0,3}?[ \t]+"
)
