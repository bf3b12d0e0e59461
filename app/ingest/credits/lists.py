"""Two or more agencies named in one credit, read beside reading.credits' single names.

A paper that blends two wires' copy credits both in one place: a bracket "(dpa/AFP)",
"(Reuters/AP)", "(ANSA-AFP)", a credit line "Mit Material von AFP und dpa", "(Con información
de Reuters y AP)", "With reporting by Reuters and AP", a last line "AFP, Reuters". Each agency
named becomes a credit with the same words; the ones after the first are `joint` (see
reading.Credit), so that credited.decide counts the article under the first named (the
lead agency) without taking the others for rivals, and says that it also credits them.

What is no second agency: an editor's initials after the agency ("(dpa/mrr)", "AFP/lh": lower
case, as desks write them), a pollster or partner ("Reuters/Ipsos", "(AP-NORC)": no agency of
the table), an agency after a photographer's name ("(Stefan Rousseau/PA)": a photo's credit),
and a name written otherwise than the agency writes itself ("ap" in lower case is
initials; "Hina" in mixed case a given name).
"""

import re

from app.core import agencies
from app.ingest.credits.context import ends_a_caption
from app.ingest.credits.context import name_key

# What joins two agencies' names in a list: a comma, a slash, "&", "+", or "and" in the
# languages whose credit lines are read (English, German, Spanish, Portuguese and Italian,
# French, Dutch, the Scandinavian languages, Polish and Czech).
JOINER = r"(?:[ \t]*[,/&+][ \t]*|[ \t]+(?:and|und|y|e|et|en|og|och|i|a)[ \t]+)(?:(?i:the)[ \t]+)?"
_JOINER = re.compile(JOINER)
# An agency that writes itself in lower case, alone or before another in capitals after a
# hyphen: "(dpa-AFP)" is dpa and AFP (bracket_names; "dpa-AFX" is an agency of its own).
LOWER_LED = rf"(?:(?:{'|'.join(agencies.LOWER_CASE_NAMES)})(?:-[A-Z]{{2,6}}\b)?)"


def written_as_agency(word: str) -> bool:
    """Whether a word names an agency of the table written as agencies write their names: in
    capitals ("AFP", "ČTK"), capitalised and longer than initials ("Reuters"), or as an agency
    that writes itself in lower case ("dpa", "sda"). Lower-case initials ("mrr", "ap") are an
    editor's mark."""
    word = word.strip()
    if not word or agencies.by_key(name_key(word)) is None:
        return False
    if word in agencies.LOWER_CASE_NAMES or word.isupper():
        return True
    return word[:1].isupper() and len(word) > 3 and agencies.may_name(word)


# German desks sign Reuters' copy "rtr" ("dpa/rtr", "(rtr)"): after an agency and a slash in
# its bracket, or on a desk's last line (sign_offs.py); nowhere else.
REUTERS_SIGN = "rtr"


def bracket_names(name: str, marks: str) -> list[str]:
    """The agencies a bracket names: its name, or the agencies a hyphen joins in it ("ANSA-AFP"
    when the whole names no agency: "dpa-AFX" and "Keystone-SDA" are agencies of their own),
    then, after an agency, the agencies among the marks after a slash ("(dpa/AFP)",
    "(dpa/rtr)": Reuters; not "(dpa/mrr)"). After a person's name the slash is a photo's
    credit ("(Stefan Rousseau/PA)": the photographer, then the agency), no list of agencies."""
    names = [name]
    if "-" in name and agencies.by_key(name_key(name)) is None:
        parts = name.split("-")
        if all(written_as_agency(part) for part in parts):
            names = parts
    if not all(written_as_agency(part) for part in names):
        return names
    marked = ["Reuters" if mark == REUTERS_SIGN else mark for mark in marks.split("/")[1:]]
    return names + [mark for mark in marked if written_as_agency(mark)]


_SLASH = re.compile(r"[ \t]*/[ \t]*")


def listed(names: str) -> list[str]:
    """The names a credit line lists: "Reuters, AFP and AP", "AFP und dpa", "Reuters y AP".
    A name after a slash that is no agency makes the line a photo's credit, the photographer
    after the agency ("Source: Reuters/John Smith", "Forrás: MTI/Czeglédi Zsolt"): none."""
    for part in _SLASH.split(names)[1:]:
        if not written_as_agency(_JOINER.split(part)[0]):
            return []
    return [name for name in _JOINER.split(names) if name]


# The last line a list of agencies alone, as a sign-off: "AFP, Reuters", "— AFP/Reuters",
# "(AFP, dpa)"; or in brackets closing the last sentence, as "(dpa, Hamburg)" is: "… next
# year. (AP, AFP)". Every name on it must be an agency (written_as_agency): "I read it in AFP,
# Reuters and the BBC" is no sign-off, nor is "Reuters, AP journalists"; a bracket after a
# photo's caption under the story is its credit ("Smoke rises in Gaza City on Monday. (AP,
# AFP)").
_WORD = r"(?:[^\W\d_][\w.'\u2019-]{0,30})"
_NAMES = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_LIST_OPENS = (
    r"(?:(?:^|\n)[ \t]*(?:[\u2014\u2013-]{1,2}[ \t]*)?\(?"
    r"|(?<=[.!?\"\u201d])[ \t]+(?P<closes>\())"
)
_CLOSING_LIST = re.compile(
    rf"{_LIST_OPENS}(?P<names>{_NAMES}(?:{JOINER}{_NAMES}){{1,3}})(?(closes)\)|\)?)[ \t.]*$"
)


def closing_list(tail: str) -> tuple[list[str], str] | None:
    """The agencies a story's last line lists alone, and the line, if every name on it is an
    agency's."""
    match = _CLOSING_LIST.search(tail)
    if match is None:
        return None
    names = listed(match["names"])
    if len(names) < 2 or not all(written_as_agency(name) for name in names):
        return None
    if match["closes"] is not None and ends_a_caption(tail, match):
        return None
    return names, " ".join(match.group(0).split())


# The last line the agency (or agencies) and the place the story was filed from, as desks sign
# a wire's copy: "Reuters, Berlin", "AFP, Paris", "— AFP, Paris", "(dpa, Hamburg)" closing the
# last sentence, "AFP/dpa, Frankfurt am Main". Every name before the comma must be an agency
# written as agencies write themselves, and the place a place's name (capitalised words, "am",
# "de", "upon" and the like between them) that names no agency (then it is a list: "AFP,
# Reuters"). A reader's letter signed "Klaus Reuter, Berlin" names no agency; a name that is
# also something else ("APA, Washington": the psychologists) signs only in brackets closing a
# sentence, as agencies close their copy.
_PLACE_WORD = r"[^\W\d_][\w'\u2019.-]{0,30}"
_CONNECTOR = r"(?:am|an|der|de|del|la|le|sur|upon|on|im|di|do|da|nad|na)"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_PLACE_WORD}){{0,2}}"
# The reporter may stand before the agency ("Jane Smith, Reuters, Berlin"), the date after the
# place ("AFP, Paris, 5 March", "Reuters, Berlin, March 5").
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
    r"June|July|August|September|October|November|December"
)
_DATE = rf"(?:\d{{1,2}}\.?[ \t]+(?:{_MONTH})|(?:{_MONTH})[ \t]+\d{{1,2}})(?:,?[ \t]+\d{{4}})?"
_REPORTER = r"[A-Z][\w'\u2019.-]+(?:[ \t]+[A-Z][\w'\u2019.-]+){1,3}"
_CLOSING_PLACE = re.compile(
    rf"(?:(?:^|\n)[ \t]*(?:[\u2014\u2013-]{{1,2}}[ \t]*)?(?P<open>\()?"
    rf"|(?<=[.!?\"\u201d])[ \t]+(?P<closes>\())(?:(?P<reporter>{_REPORTER})[ \t]*,[ \t]*)?"
    rf"(?P<names>{_NAMES}(?:{JOINER}{_NAMES}){{0,3}})[ \t]*,[ \t]*(?P<place>{_PLACE})"
    rf"(?:[ \t]*,[ \t]*{_DATE})?(?(open)\))(?(closes)\))[ \t.]*$"
)
_CONNECTORS = frozenset(_CONNECTOR[3:-1].split("|"))
# What follows the agency in a picture's credit, where a place would stand: "AFP, Getty
# Images", "Reuters, Pool", "Reuters, EPA", "(Reuters, File)", German "AFP, Symbolbild"
# (German capitalises every noun, so no capital makes a place).
_PICTURE_WORDS = frozenset((
    "pool", "file", "files", "handout", "archive", "archives", "archiv", "archivo", "arquivo",
    "archivio", "symbolbild", "symbolfoto", "getty", "images", "imago", "epa", "efe",
    "shutterstock", "photo", "photos", "foto", "fotos", "picture", "pictures", "bild", "bilder",
    "video", "screenshot", "illustration", "grafik", "graphic", "keystone", "anp", "belga",
))  # fmt: skip


def _a_place(place: str) -> bool:
    words = place.split()
    return (
        all(word[0].isupper() or word in _CONNECTORS for word in words)
        and agencies.by_key(name_key(place)) is None
        and words[-1] not in _CONNECTORS
        and not any(word.strip(".").lower() in _PICTURE_WORDS for word in words)
    )


def closing_place(tail: str) -> tuple[list[str], re.Match[str]] | None:
    """The agencies a story's last line signs with the place it was filed from, and the
    match."""
    match = _CLOSING_PLACE.search(tail)
    if match is None or not _a_place(match["place"]):
        return None
    names = listed(match["names"])
    if not names or not all(written_as_agency(name) for name in names):
        return None
    if match["reporter"] is not None and agencies.by_key(name_key(match["reporter"])):
        return None  # "Associated Press, Reuters, London": read as a list, not a reporter
    # A name that is also something else signs only in brackets closing a sentence, and
    # written as the agency writes itself ("(APA, Wien)"; "(Petra, Brno)" signs a letter).
    if any(
        name_key(name) in agencies.AMBIGUOUS and (match["closes"] is None or not name.isupper())
        for name in names
    ):
        return None
    return names, match
