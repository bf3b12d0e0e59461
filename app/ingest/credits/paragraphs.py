# ruff: noqa: RUF002, RUF003
"""Credits that mark a paragraph, or a story, as an agency's copy in house styles that carry no
bracket-and-dash dateline, read beside reading.credits' datelines and credit lines.

- A dateline in capitals without brackets, at the body's start or starting a paragraph inside a
  local story: Kazinform's "ALMATY. KAZINFORM – " (the place, a stop, the agency) and
  Armenpress' "YEREVAN, DECEMBER 3, ARMENPRESS. " (the place, the date, the agency). The
  agency is written in capitals, as the table knows it, and prose follows
  (context.carried_paragraph).
- The agency in brackets after a paragraph's opening words, inside its first sentence, as
  Egyptian papers carry MENA's copy: "Alexandria governorate (MENA) evacuated ...". Not an
  abbreviation the words before spell out or that names a group ("the region (MENA)", "Khan's
  party (PTI)"), not capitals English uses for other bodies (agencies.NOT_IN_ENGLISH_TEXT:
  "(SDA)", "(PAP)"), and not capitals the text uses again: an abbreviation introduced for later
  use, where an agency's mark stands once.
- An agency that writes itself in lower case closing a paragraph inside a German or Swiss local
  story: "... Unterschriften sammeln. (sda)", "(dpa/lsw)". Only the agencies' own lower-case
  codes: two or three lower-case letters in brackets are also a reporter's initials there
  ("(ap)", "(kna)").
- A credit line saying the story was written from an agency's reports: "The story was written
  using reports from Tanjug.", "This article is based on reports from AFP and Reuters.", and on
  a line of its own "Based on reports from Reuters", "Using reporting from AP". Not the same
  words inside a sentence that goes on ("based on reports from Reuters, the ministry said").

Also two readings of an agency's name that reading.credits asks about: a byline that is the
agency's name alone ("Lusa"; one that is also a given name, "Hina", "Sana", only in capitals),
and "The ENA reported that ..." for the few agencies whose capitals English news uses for no
other reporting body (agencies.REPORTS_IN_ENGLISH).
"""

import re

from app.core import agencies
from app.ingest.credits.context import carried_paragraph
from app.ingest.credits.context import name_key
from app.ingest.credits.context import spelled_out
from app.ingest.credits.languages import WORD
from app.ingest.credits.lists import JOINER
from app.ingest.credits.lists import LOWER_LED
from app.ingest.credits.lists import listed

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PLACE = r"[A-Z][A-Z'\u2019-]+(?:[ \t][A-Z][A-Z'\u2019-]+){0,3}"
# "ALMATY. KAZINFORM – ", "YEREVAN, DECEMBER 3, ARMENPRESS. ", "ASTANA, 3 December. KAZINFORM -".
_HOUSE_DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*{_PLACE}(?:,[ \t]+(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH}))?"
    rf"[.,][ \t]+(?P<name>[A-Z][A-Z-]{{1,20}})[ \t]*(?:[\u2014\u2013-]{{1,2}}|\.)[ \t]+"
    r"(?=[A-Z\"\u201c])"
)
# "Alexandria governorate (MENA) evacuated": up to six words of the first clause, the bracket,
# and the sentence going on in lower case.
_OPENING_BRACKET = re.compile(
    r"(?:^|\n)[ \t]*(?P<lead>[A-Z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+){0,5})[ \t]+"
    r"\((?P<name>[A-Z]{2,10})\)[ \t]+(?=[a-z])"
)
# Nouns an abbreviation in brackets after them names a group by: "the region (MENA)", "the
# ruling party (PTI)".
_GROUP_NOUNS = frozenset((
    "region", "regions", "countries", "country", "states", "nations", "markets", "market",
    "area", "zone", "bloc", "party", "parties", "alliance", "union", "coalition", "movement",
    "front", "group", "index", "fund", "league",
))  # fmt: skip
# The lower-case codes agencies sign a paragraph with: dpa, sda, ats, ritzau, and APA's "apa".
_LOWER_CODES = rf"(?:{LOWER_LED}|apa)"
_PARAGRAPH_CLOSING = re.compile(
    rf"(?<=[.!?\"\u201d])[ \t]*\((?P<name>{_LOWER_CODES})(?P<marks>(?:/[a-z]{{2,5}})*)\)"
    r"[ \t]*(?=\n)"
)
_NAMES = rf"(?:{WORD}(?:[ \t]+{WORD}){{0,3}})"
_REPORTS = (
    r"(?:the[ \t]+)?(?:reports?|reporting|dispatches|material|information)[ \t]+(?:from|by|of)"
)
_REPORTS_LINE = re.compile(
    # "The story was written using reports from Tanjug." after a sentence or on its own line.
    r"(?:^|\n|(?<=[.!?])[ \t]+)(?P<lead>(?i:(?:this|the)[ \t]+(?:story|article|report|text)"
    r"[ \t]+(?:was|is|has[ \t]+been)[ \t]+(?:(?:written|compiled|prepared|produced)[ \t]+"
    rf"(?:using|with|from|on[ \t]+the[ \t]+basis[ \t]+of)|based[ \t]+on)[ \t]+{_REPORTS}"
    # "Based on reports from Reuters" as a line of its own.
    rf"|(?<![^\n])[ \t]*(?:based[ \t]+on|using|compiled[ \t]+from)[ \t]+{_REPORTS}))"
    rf"[ \t]+(?:the[ \t]+)?(?P<name>{_NAMES}(?:{JOINER}{_NAMES}){{0,3}})[ \t]*\.?[ \t]*(?=\n|$)"
)


# US datelines name the state by its postal code: "HARRISBURG, PA –" is Pennsylvania.
US_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
))  # fmt: skip

# A picture's credit after the words naming it: "File photo (AFP) shows", "Video (Reuters)".
_PICTURE = re.compile(r"(?i:\b(?:photo|picture|image|video|graphic|footage|foto|bild)s?\b)")


def _agency_in_capitals(name: str) -> bool:
    return name.isupper() and agencies.by_key(name_key(name)) is not None


def _opening_bracket(text: str, match: re.Match[str]) -> bool:
    name, lead = match["name"], match["lead"]
    key = name_key(name)
    # Not capitals other bodies also go by (agencies.AMBIGUOUS): a province "(NTB)", a
    # ministry "(MTI)", an airline "(VNA)", a share's ticker "(STT)", "(BNS)".
    if not _agency_in_capitals(name) or key in agencies.AMBIGUOUS:
        return False
    if spelled_out(lead, name) is not None:
        return False  # "Middle East News Agency (MENA) reported": a credit in the text
    if _PICTURE.search(lead):
        return False  # "File photo (AFP) shows the minister": a picture's credit
    if names_a_group(lead):
        return False  # "The region (MENA) saw", "Khan's party (PTI) said"
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)) == 1


def names_a_group(before: str) -> bool:
    """Whether the word before a bracket is a group's noun ("the ruling party (PTI)")."""
    words = before.split()
    return bool(words) and words[-1].casefold() in _GROUP_NOUNS


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the credits above, kinds as languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    for match in _HOUSE_DATELINE.finditer(text):
        if match["name"] in US_STATES or text[: match.start()].rstrip().endswith(":"):
            continue  # "HARRISBURG, PA –" (a state), an item quoted after "began:"
        if _agency_in_capitals(match["name"]) and carried_paragraph(text, match):
            words = " ".join(match.group(0).split())
            found.append((match["name"], f"dateline: {words}", "dateline"))
    for match in _OPENING_BRACKET.finditer(text):
        if _opening_bracket(text, match):
            words = " ".join(match.group(0).split())
            found.append((match["name"], f"dateline: {words}", "dateline"))
    for match in _PARAGRAPH_CLOSING.finditer(text + "\n"):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match.start() - line_start >= 60:  # a paragraph of prose, not a caption's line
            found.append((match["name"], f"closing: {match.group(0).strip()}", "sign_off"))
    for match in _REPORTS_LINE.finditer(text):
        if match["lead"].lower().startswith("the ") and text[match.end() :].strip():
            continue  # "The story was based on reports from TASS." in a fact-check's account
        words = " ".join(match.group(0).strip(" \t\n.").split())
        for name in listed(match["name"]):
            found.append((name, f"credit line: {words}", "credit_line"))
    return found


def sole_agency(author: str) -> bool:
    """Whether a byline is an agency's name and nothing else, in any case ("Hina", "Sta"): the
    republisher names its source as it writes it in running text. A reporter's name beside it
    ("Hina Khan") makes it a person's byline."""
    words = author.strip(" .")
    if " " in words or not words[:1].isupper() or agencies.by_key(name_key(words)) is None:
        return False
    # A name that is also a given name ("Sana", "Hina", "Ria", "Ani") credits only in capitals.
    return words.isupper() or name_key(words) not in agencies.AMBIGUOUS


_THAT = re.compile(r"[ \t]+that\b")


def the_agency_reported(key: str, name: str, source: str, end: int) -> bool:
    """Whether "The ENA reported that" names the agency: capitals English news uses for no
    other reporting body (agencies.REPORTS_IN_ENGLISH), after "the", before "reported that"."""
    return (
        key in agencies.REPORTS_IN_ENGLISH
        and name[:4].lower() == "the "
        and name[4:].isupper()
        and _THAT.match(source, end) is not None
    )
