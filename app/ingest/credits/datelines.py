# ruff: noqa: RUF001, RUF002, RUF003
"""Agency datelines and sign-offs without brackets, in the house styles reading.credits'
bracket-and-dash patterns and paragraphs.py's capitals-only dateline do not read.

- Interfax's Russian dateline: the place, a stop, the date, a stop, the agency in capitals, a
  dash: "Москва. 17 ноября. ИНТЕРФАКС - ", "Новосибирск. 17 ноября. ИНТЕРФАКС-СИБИРЬ - ".
  Interfax's regional services sign with the region after a hyphen (ИНТЕРФАКС-СИБИРЬ, -ЮГ,
  -ЦЕНТР, -ПОВОЛЖЬЕ, -УРАЛ, -СЕВЕРО-ЗАПАД, -ДАЛЬНИЙ ВОСТОК): their copy is Interfax's, so the
  name before the hyphen is credited when the whole names no agency of the table
  ("ИНТЕРФАКС-УКРАИНА" does: Interfax-Ukraine, a company of its own). Its site signs
  "INTERFAX.RU - ": an agency's name with its domain's ending is the agency. The date may be
  dropped ("МОСКВА. ИНТЕРФАКС - ", the place in capitals or not).
- A Cyrillic name in a dateline's brackets, where reading.credits reads Latin ones in any
  brackets: here only opening a paragraph, after a place and before a dash ("МИНСК, 3 декабря
  (БЕЛТА) –", "КИЕВ (Укринформ) –"); and likewise an agency's name in a script without
  capitals (source_words.SCRIPT_NAMES): Amharic "አዲስ አበባ፣ ህዳር 24/2019 (ኢዜአ)፦".
- The date between commas before an agency in capitals, with the place in mixed case: the
  Ghana News Agency's "Kumasi, Nov. 29, GNA - ", "Accra, 3 December, GNA -".
- A last line of its own with a dash, the agency in capitals and, after a slash, the code of
  the desk or paper that carries it: Vietnam News Agency's English service signs "— VNA/VNS"
  (VNS: Viet Nam News, its daily); "— AFP/JIJI" too.

Each is read only where a wire puts it: a dateline at the body's start or starting a paragraph
of prose (context.carried_paragraph: not a list of scores or candidates, and capitals that
are also something else only with a date), never quoted after "began:"; the sign-off only as
the story's last line, not under a picture's caption, and not after a person's name.
"""

import re

from app.core import agencies
from app.ingest.credits import source_words
from app.ingest.credits.context import DATELINE_CHARS
from app.ingest.credits.context import carried_paragraph
from app.ingest.credits.context import ends_a_caption
from app.ingest.credits.context import name_key
from app.ingest.credits.languages import CYRILLIC_CAPITAL
from app.ingest.credits.lists import written_as_agency
from app.ingest.credits.paragraphs import US_STATES

_CAPS = "A-ZÀ-ÖØ-ÞĆČĐŁŠŽА-ЯЁІЇЄҐ"
_LOWER = "a-zß-öø-ÿćčđłšžа-яёіїєґ"
# A place in mixed case or capitals, up to four words, hyphens inside ("Ростов-на-Дону",
# "Sekondi-Takoradi", "Нижний Новгород", "Cape Coast").
_PLACE_WORD = rf"[{_CAPS}][{_CAPS}{_LOWER}'\u2019]*(?:-[{_CAPS}{_LOWER}]+)*"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}"
_RU_MONTH = (
    r"(?i:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"
)
_EN_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH = rf"\d{{1,2}}[ \t]+(?:{_RU_MONTH}|{_EN_MONTH})"
# The agency in capitals, a region after a hyphen or a domain's ending after a stop.
_AGENCY = rf"[{_CAPS}]{{2,20}}(?:-[{_CAPS}]+(?:[ \t-][{_CAPS}]+)?|\.[A-Z]{{2,3}})?"
_DASH = r"[ \t]*[\u2014\u2013-]{1,2}[ \t]+"
# "Москва. 17 ноября. ИНТЕРФАКС - ", "Moscow. 17 November. INTERFAX -"; without the date when
# the site or a republisher drops it ("МОСКВА. ИНТЕРФАКС - ", "Москва. ИНТЕРФАКС-ЮГ - ").
_DOTTED = re.compile(
    rf"(?:^|\n)[ \t]*{_PLACE}\.[ \t]+"
    rf"(?:{_DAY_MONTH}(?:[ \t]+\d{{4}}(?:[ \t]*г\.)?)?\.[ \t]+)?"
    rf"(?P<name>{_AGENCY}){_DASH}"
)
# "Kumasi, Nov. 29, GNA - ", "Accra, 3 December 2026, GNA -".
_COMMAS = re.compile(
    rf"(?:^|\n)[ \t]*{_PLACE},[ \t]+(?:{_EN_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_EN_MONTH})"
    rf"(?:,?[ \t]+\d{{4}})?,[ \t]+(?P<name>[A-Z]{{2,10}}){_DASH}"
)
# "— VNA/VNS" on the last line: the agency, then desk or paper codes after slashes.
_SIGN_OFF = re.compile(
    r"(?:^|\n)[ \t]*[\u2014\u2013-]{1,2}[ \t]*(?P<name>[A-Z]{2,10})"
    r"(?P<marks>(?:/(?:[A-Z]{2,6}|[a-z]{2,5}))+)[ \t]*\.?[ \t]*$"
)


def agency_of(name: str) -> str | None:
    """The name a house dateline's agency is credited under: the name itself when the table
    knows it ("ИНТЕРФАКС-УКРАИНА"), else the agency before a region's hyphen
    ("ИНТЕРФАКС-СИБИРЬ") or before its domain's ending ("INTERFAX.RU"); None if neither is an
    agency, or the name is not in capitals."""
    if not name.isupper():
        return None
    for candidate in (name, re.split(r"[-.]", name, maxsplit=1)[0]):
        if agencies.by_key(name_key(candidate)) is not None:
            return candidate
    return None


def _quoted(text: str, match: re.Match[str]) -> bool:
    """An item quoted after "began:" or "read:" (a dateline in a story about a dispatch)."""
    return text[: match.start()].rstrip().endswith(":")


# A Cyrillic name in a dateline's brackets, only where a dateline stands: opening a paragraph,
# after a place (in capitals, or a word and a date) and before a dash: "МИНСК, 3 декабря
# (БЕЛТА) -", "КИЕВ (Укринформ) -", "Мінск, 3 снежня (БЕЛТА) -"; not "Корреспондент Иван
# Петров (ТАСС) задал вопрос", a caption's "(ТАСС)", nor "агентство (ТАСС) отметило".
_CYRILLIC_WORD = rf"[{CYRILLIC_CAPITAL}][\w'\u2019-]{{0,40}}"
_CYRILLIC_PLACE = (
    rf"(?:[{CYRILLIC_CAPITAL}][{CYRILLIC_CAPITAL}'\u2019-]+"
    rf"(?:[ \t]+[{CYRILLIC_CAPITAL}][{CYRILLIC_CAPITAL}'\u2019-]+){{0,2}}"
    rf"(?:,[ \t]*\d{{1,2}}[ \t]+[а-яёіїєўґ]+\.?)?"
    rf"|[{CYRILLIC_CAPITAL}][а-яёіїєўґ'\u2019-]+(?:[ \t]+[А-ЯЁІЇЄЎҐа-яёіїєўґ-]+)?"
    rf",[ \t]*\d{{1,2}}[ \t]+[а-яёіїєўґ]+\.?)"
)
_CYRILLIC_DATELINE = re.compile(
    rf"(?:^|(?<=\n))[ \t]*{_CYRILLIC_PLACE}[ \t]*\((?P<name>{_CYRILLIC_WORD}"
    rf"(?:[ \t]+{_CYRILLIC_WORD}){{0,2}})\)[ \t]*[\u2014\u2013-]"
)


# A news site's own dateline, its domain for a name, opening the story: "TEMPO.CO, Jakarta - ",
# "KOMPAS.com - ", "Liputan6.com, Jakarta - " (Indonesian sites' house style). The name is the
# domain, which a stored outlet answers to (credits/outlets.py).
_SITE_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z .'\u2019-]{1,30},[ \t]+)?"  # "JAKARTA, KOMPAS.com - "
    r"(?P<name>[A-Za-z][A-Za-z0-9-]{1,30}\.(?i:co|com|net|org|id|news|tv)(?:\.(?i:[a-z]{2}))?)"
    r"(?:,[ \t]+[^\n,.!?]{2,40}?)?[ \t]*[\u2013\u2014-][ \t]"
)
# The agency's name in brackets where a wire's dateline stands, as Amharic gives it: "አዲስ
# አበባ፣ ህዳር 24/2019 (ኢዜአ)፦": opening a paragraph, after a short place and date (no sentence's
# end before it), and before a dash or a colon. Not a caption's "… ሲያደርጉ (ኢዜአ)", nor "የኢትዮጵያ
# ዜና አገልግሎት (ኢዜአ) 80ኛ ዓመቱን አከበረ" (the agency as the story's subject).
_SCRIPT_DATELINE = re.compile(
    rf"(?:^|(?<=\n))[ \t]*[^\n.!?။។።()]{{0,40}}?[(（][ \t]*"
    rf"(?P<name>(?i:{source_words.SCRIPT_NAME}))[ \t]*[)）]"
    r"[ \t]*[\u2013\u2014:：፦፡-]"
)


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the datelines and sign-offs above, kinds as
    languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    for match in _CYRILLIC_DATELINE.finditer(text[:DATELINE_CHARS]):
        found.append((match["name"], f"dateline: {' '.join(match.group(0).split())}", "dateline"))
    if (site := _SITE_DATELINE.match(text)) is not None:
        found.append(
            (site["name"].lower(), f"dateline: {' '.join(site.group(0).split())}", "dateline")
        )
    for match in _SCRIPT_DATELINE.finditer(text[:DATELINE_CHARS]):
        name = source_words.SCRIPT_NAMES[match["name"].casefold()]
        found.append((name, f"dateline: {' '.join(match.group(0).split())}", "dateline"))
    for pattern in (_DOTTED, _COMMAS):
        for match in pattern.finditer(text):
            name = agency_of(match["name"])
            if name is None or _quoted(text, match):
                continue
            if pattern is _COMMAS and match["name"] in US_STATES:
                continue  # "Harrisburg, Nov. 5, PA - ": Pennsylvania
            if carried_paragraph(text, match):
                found.append((name, f"dateline: {' '.join(match.group(0).split())}", "dateline"))
    closing = text.rstrip()
    match = _SIGN_OFF.search(closing)
    if (
        match is not None
        and "\n" in closing[: match.start() + 1]
        and written_as_agency(match["name"])
        and not ends_a_caption(closing, match)
    ):
        words = f"closing: {' '.join(match.group(0).split())}"
        found.append((match["name"], words, "sign_off"))
        for mark in match["marks"].split("/")[1:]:
            if mark.isupper() and written_as_agency(mark):
                found.append((mark, words, "sign_off"))  # "— AFP/JIJI": both agencies
    return found
