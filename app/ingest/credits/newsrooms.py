"""Credits newsrooms give that are not agencies' house styles, read beside reading.credits.

Non-profit and regional newsrooms (The Conversation, ProPublica, KFF Health News, CalMatters,
The Texas Tribune, States Newsroom, Chalkbeat) and the news services of big papers syndicate
their stories as agencies do, but a republisher credits them in the words of a licence, not in
an agency's dateline. Each frame below says the text, or part of it, is that newsroom's; none of
them is specific to agencies, so the name a frame gives may be *any* outlet. What keeps a name
that is no outlet from becoming a credit is where credits are resolved
(outlets.resolve_credits, credited.resolve_agencies): only a stored outlet, by its name,
slug or domain, or a listed agency becomes one; "Jane Doe contributed to this report" names
nobody, and an outlet's own name in its own article is dropped there too.

Syndicating frames (a credit line, `syndicates`), at a line's or a sentence's start:
- "This article is republished from The Conversation under a Creative Commons license.",
  "Republished with permission from X", "This article includes material republished from X";
- "This article originally appeared in The Texas Tribune at https://…", "This story was
  originally published by ProPublica", "A version of this story first appeared on X",
  "Originally published by X" on a line of its own; a URL in place of the name names the outlet
  of its domain;
- "This story includes reporting by ProPublica, …", "This story includes reporting from
  CalMatters", "This article contains material from X";
- "This story was produced by KFF Health News", "… produced in partnership with X", "This
  article is part of a collaboration between X and Y".

Credits in the text (`cites`), as "X reported" is: "Stateline, part of States Newsroom,
contributed to this report." (a description between the name and the verb), "Jane Doe, a
reporter for Chalkbeat, contributed to this report."; "Writing in The Conversation, Dr X said";
"… The New York Times, which reported that …". Not when the text places the report before its
own time ("which reported last year", "wrote in The Guardian in March").

Agencies in forms the other modules miss: German "nach Angaben der Nachrichtenagentur Reuters",
"Das berichtet die italienische Nachrichtenagentur ANSA" (an adjective before the word for
agency); the agency's capitals in brackets closing a paragraph of prose inside a local story
("… sugli edifici. (ANSA)"), not a caption's; and the agency's copyright line written out on a
line of its own ("© Agence France-Presse"), not "© AFP" nor "Photo: AFP" (a picture's credit
names the agency short).

Also a helper fingerprints asks: whether a time frame before a credit points to an earlier
report ("after Reuters reported", "since AP reported"). The names of a newsroom's editions and
services ("Chalkbeat Philadelphia", "New York Times News Service") are resolved in
editions.py.
"""

import re
from typing import Any

from app.core import agencies
from app.ingest.credits.context import PROSE
from app.ingest.credits.context import bare_initials
from app.ingest.credits.context import ends_a_caption
from app.ingest.credits.context import name_key
from app.ingest.credits.context import paragraph_before
from app.ingest.credits.context import prose
from app.ingest.credits.context import quoted_words
from app.ingest.credits.context import spelled_out
from app.ingest.credits.dates import dated
from app.ingest.credits.languages import CAPITAL
from app.ingest.credits.lists import JOINER
from app.ingest.credits.lists import listed

Found = tuple[str, str, str]  # (name, the words that give it, kind), as languages.find

_WORD = rf"(?<!\w)[{CAPITAL}](?:[\w&'\u2019-]|\.(?=\w)){{0,40}}"
# Up to five words: "New York Times News Service", "KFF Health News".
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}"
_URL = r"https?://(?P<host>[\w.-]+)[^\s)]*"
_THE = r"(?:(?i:the)[ \t]+)?"
# A line's start, or a sentence's (after its closing mark), an opening bracket or emphasis.
_START = r"(?:^|(?<=\n)|(?<=[.!?\"\u201d])[ \t]+)[ \t]*[(\[*_]*"
# "This article", "This story", "A version of this story", "Portions of this report".
_THIS = (
    r"(?i:(?:(?:a|an)[ \t]+(?:\w+[ \t]+)?version|portions?|parts?)[ \t]+of[ \t]+)?"
    r"(?i:this)[ \t]+(?i:article|story|report|piece|column|essay|post|commentary|analysis|"
    r"interview|feature|investigation|content)[ \t]+"
)
_BE = r"(?i:(?:is|was|has[ \t]+been|is[ \t]+being|were)[ \t]+)?"
_FROM = r"(?i:from|by|courtesy[ \t]+of|on|in|at|with)"
# "Republished from X", not "This article was reprinted in X" (a later reprint elsewhere: X is
# where the text went, not where it came from).
_SOURCE = r"(?i:from|by|courtesy[ \t]+of)"
_TARGET = rf"(?:{_THE}(?P<name>{_NAME})|{_URL})"
_SYNDICATED = [
    re.compile(pattern, re.MULTILINE)
    for pattern in (
        # "This article is republished from X", "Republished with permission from X".
        rf"{_START}(?P<this>{_THIS}{_BE})?(?i:re-?published|reprinted|reposted)"
        rf"(?:[ \t]+(?i:with[ \t]+(?:the[ \t]+)?permission))?[ \t]+{_SOURCE}[ \t]+{_TARGET}",
        # "This article originally appeared in X", "This story was first published by X".
        rf"{_START}(?P<this>{_THIS}{_BE})?(?i:originally|first)[ \t]+"
        rf"(?i:appeared|published|ran|posted)[ \t]+{_FROM}[ \t]+{_TARGET}",
        # "This story includes reporting by X", "This article includes material republished
        # from X".
        rf"{_START}{_THIS}(?i:includes|contains|uses)[ \t]+(?i:material|reporting|content|"
        rf"information|text)(?:[ \t]+(?i:republished|reprinted))?[ \t]+(?i:from|by)[ \t]+{_TARGET}",
        # "This story was produced by X", "… in partnership with X".
        rf"{_START}{_THIS}{_BE}(?i:produced|co-?published|reported[ \t]+and[ \t]+produced)[ \t]+"
        rf"(?i:by|in[ \t]+(?:partnership|collaboration)[ \t]+with|jointly[ \t]+with|with)[ \t]+"
        rf"{_TARGET}",
    )
]
# A partner that funds or hosts the reporting, not a newsroom whose text it is: "produced in
# partnership with the Pulitzer Center", "… a collaboration with Stanford University".
INSTITUTION = frozenset((
    "center", "centre", "foundation", "fund", "trust", "institute", "initiative", "fellowship",
    "fellowships", "program", "programme", "university", "college", "society", "association",
    "endowment", "festival", "prize", "award", "awards", "grant", "grants", "philanthropies",
))  # fmt: skip
_PRODUCED = 3  # the index in _SYNDICATED of "… was produced by / in partnership with X"


def _an_institution(name: str) -> bool:
    words = name.split()
    return bool(words) and words[-1].lower() in INSTITUTION


# "This story is part of a collaboration between X and Y", "… a partnership with X".
_PARTNERSHIP = re.compile(
    rf"{_START}{_THIS}(?i:is|was)[ \t]+(?i:part[ \t]+of[ \t]+)?(?i:a|an)[ \t]+(?:\w+[ \t]+)?"
    rf"(?i:partnership|collaboration)[ \t]+(?i:between|with)[ \t]+{_THE}"
    rf"(?P<names>{_NAME}(?:{JOINER}{_NAME}){{0,3}})"
)
# In the text: "Stateline, part of States Newsroom, contributed to this report."; "Jane Doe, a
# reporter for Chalkbeat, contributed …"; "Writing in The Conversation, …"; "…, which reported".
_CONTRIBUTED = r"contributed[ \t]+to[ \t]+this[ \t]+(?:report|story|article)\b"
_ROLE = r"(?:reporter|correspondent|writer|editor|journalist|staff[ \t]+writer)s?"
# The subject of "contributed" opens its sentence: "Stateline, part of States Newsroom,
# contributed", not "Two aides on the Hill, Jane Doe and John Roe, contributed".
_OPENING = r"(?:(?<![^\n])|(?<=[.!?\"\u201d)][ \t]))[ \t]*"
_IN_TEXT = re.compile(
    rf"{_OPENING}(?P<name>{_NAME}),[ \t]+(?!(?i:a|an|the)[ \t])[^,\n.]{{1,80}},[ \t]+{_CONTRIBUTED}"
    rf"|{_NAME},[ \t]+(?i:a|an|the)[ \t]+(?:[\w-]+[ \t]+){{0,3}}{_ROLE}[ \t]+(?:for|with|at)"
    rf"[ \t]+{_THE}(?P<name2>{_NAME})(?:,[^,\n.]{{0,60}})?,[ \t]+{_CONTRIBUTED}"
    rf"|(?<!\w)(?i:writing|wrote|writes)[ \t]+in[ \t]+{_THE}(?P<name3>{_NAME})"
    rf"|(?P<name4>{_NAME}),[ \t]+which[ \t]+(?:first[ \t]+)?(?:reported|revealed)\b"
)
# German: "nach Angaben der Nachrichtenagentur Reuters", "Das berichtet die italienische
# Nachrichtenagentur ANSA", "der Agentur Reuters zufolge".
_AGENTUR = r"(?:[a-zäöüß]+(?:e|en)[ \t]+)?(?:Nachrichtenagentur|Presseagentur|Agentur)[ \t]+"
_GERMAN = re.compile(
    rf"(?<!\w)(?i:nach|laut)[ \t]+Angaben[ \t]+(?:der|des)[ \t]+{_AGENTUR}(?P<name>{_NAME})"
    rf"|(?<!\w)(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)[ \t]+(?:die|der)[ \t]+"
    rf"{_AGENTUR}(?P<name2>{_NAME})"
    rf"|(?<!\w)(?i:der|die)[ \t]+{_AGENTUR}(?P<name3>{_NAME})[ \t]+zufolge\b"
)
# A finding of an investigation the story follows up: "after ProPublica found over 4,300
# complaints were investigated late", "following a Reuters investigation that revealed …". As
# "after Reuters reported" (earlier), the time frame puts the finding before the story, whose
# news is what came of it: the same words stand in an independent report of the reaction. A
# proposal for review (kind "told", as frames.py marks an earlier report), never an origin;
# the outlet's own text, when stored, is found by the body rules.
_FINDING = re.compile(
    rf"(?<!\w)(?i:after|following|since)[ \t]+(?:(?i:a|an|the)[ \t]+)?(?P<name>{_NAME})"
    r"(?:['\u2019]s)?(?:[ \t]+(?i:investigation|analysis|review|report|probe|story|series))?"
    r"(?:[ \t]+(?i:that|which))?[ \t]+(?i:found|revealed|uncovered|exposed|showed|disclosed)\b"
)
# The agency's capitals closing a paragraph inside the story: "… sugli edifici. (ANSA)", also
# a name of two words ("… en Malpica. (EUROPA PRESS)").
_PARAGRAPH_CLOSING = re.compile(
    r"(?<=[.!?\"\u201d\u00bb])[ \t]*\((?P<name>[A-Z][A-Z-]{1,15}(?:[ \t][A-Z][A-Z-]{1,15})?)\)"
    r"[ \t]*(?=\n)"
)
_PICTURE = re.compile(r"(?i:\b(?:photo|picture|image|video|graphic|footage|foto|bild|caption)s?\b)")
# The agency's copyright line, its name written out, on a line of its own.
_COPYRIGHT_LINE = re.compile(
    rf"(?:^|(?<=\n))[ \t]*(?:©|\((?i:c)\)|(?i:copyright)(?:[ \t]*©)?)[ \t]*"
    rf"(?:(?:19|20)\d\d[ \t,]*)?{_THE}(?P<name>{_NAME})"
    rf"[ \t]*(?:,?[ \t]*(?:19|20)\d\d)?[ \t]*\.?[ \t]*(?=\n|$)",
    re.MULTILINE,
)
_MARK = re.compile(r"\(X\)")

# A report the text places before its own: "after Reuters reported", "following AP's report".
_BEFORE_ITS_TIME = re.compile(r"(?<!\w)(?i:after|following|since|until)[ \t]+(?:(?i:the)[ \t]+)?$")


def earlier(source: str, start: int) -> bool:
    """Whether a time frame just before a credit points to a report before this one: "after
    Reuters reported, citing people familiar with the matter, that …", "since AP reported"."""
    return _BEFORE_ITS_TIME.search(source, max(0, start - 12), start) is not None


def text_kind(credit: Any, agency: bool) -> str:
    """How a credit in the text to an outlet that is no agency is given: "contributed" when
    its quote says the outlet (or its reporter, named after it) contributed to this report,
    else "lead" when it stands in the story's first sentence (leads.py), else "text". An
    agency's stays "text", as before this reading."""
    if agency or credit.told or credit.earlier:
        return "text"
    lead = "lead" if credit.lead else "text"  # "…, the BBC reported." closing the first sentence
    # The outlet opens the sentence ("The New York Times contributed …", "KFF Health News
    # correspondent Jane Doe contributed …") or is a reporter's ("Naomi Feld, a reporter for
    # Chalkbeat, contributed …"); not "Aides on the Hill contributed to this report".
    # Or a person of it opens the sentence: "Ramona Blevins of The Tennessean contributed …"
    # (with "the": "Jane Doe of Philadelphia" is a person of a city).
    article = "" if credit.name.lower().startswith("the ") else r"(?i:the)[ \t]+"
    person = r"[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'.\u2019-]*){1,2}"
    named = re.search(
        rf"(?:{_OPENING}(?i:the[ \t]+)?|{_ROLE}[ \t]+(?i:for|with|at)[ \t]+(?i:the[ \t]+)?"
        rf"|{_OPENING}{person}[ \t]+of[ \t]+{article})"
        rf"{re.escape(credit.name)}\b[^.\n]{{0,140}}?{_CONTRIBUTED}",
        credit.quote,
    )
    return "contributed" if named is not None else lead


def _host_name(host: str) -> str:
    """The label a domain is known by: "texastribune" of "www.texastribune.org"."""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "gov", "ac"):
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


# A participle opening a sentence whose subject follows: "First published in The Lancet, the
# study found ...", "Reprinted in The Atlantic in 1990, his essay ...".
_SUBJECT_AFTER = re.compile(
    r"[^\n.]*?,[ \t]+(?i:the|this|that|these|it|its|he|she|they|we|his|her|their)\b"
)


def _opens_a_clause(text: str, match: re.Match[str]) -> bool:
    """Whether a frame without "This article …" is no line of its own: not at a line's start,
    or the sentence goes on to its subject after a comma."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    if text[line_start : match.start()].strip():
        return True
    return _SUBJECT_AFTER.match(text, match.end()) is not None


def find(text: str) -> list[Found]:
    """(name, words, kind) of the credits above; kinds as languages.find gives them."""
    found: list[Found] = []
    for number, pattern in enumerate(_SYNDICATED):
        for match in pattern.finditer(text):
            name = match["name"] or _host_name(match["host"] or "")
            if number == _PRODUCED and _an_institution(name):
                continue  # "produced in partnership with the Pulitzer Center": a funder's
            if "this" in match.groupdict() and not match["this"] and _opens_a_clause(text, match):
                continue  # "First published in The Lancet, the study found": no credit line
            if name:  # dated or not: "first appeared in X in 2019" is still X's text
                found.append((name, f"credit line: {quoted_words(match)}", "credit_line"))
    for match in _PARTNERSHIP.finditer(text):
        for name in listed(match["names"]):
            if _an_institution(name):
                continue  # "a collaboration between X and Stanford University"
            found.append((name, f"credit line: {quoted_words(match)}", "credit_line"))
    for pattern in (_IN_TEXT, _GERMAN):
        for match in pattern.finditer(text):
            group, name = next((k, v) for k, v in match.groupdict().items() if v)
            if dated(text, match.end(group)) or earlier(text, match.start()):
                continue  # "which reported last year", "wrote in The Guardian in March"
            found.append((name, quoted_words(match, trim=""), "text"))
    for match in _FINDING.finditer(text):
        found.append((match["name"], quoted_words(match, trim=""), "told"))
    for match in _PARAGRAPH_CLOSING.finditer(text):
        if _closes_a_paragraph(text, match):
            found.append((match["name"], f"closing: {match.group(0).strip()}", "sign_off"))
    for match in _COPYRIGHT_LINE.finditer(text):
        if _copyright_of_text(text, match):
            found.append((match["name"], f"closing: {quoted_words(match)}", "sign_off"))
    return found


def _closes_a_paragraph(text: str, match: re.Match[str]) -> bool:
    """An agency's capitals in brackets after a paragraph of prose: its copy ends there."""
    name = match["name"]
    key = name_key(name)
    if agencies.by_key(key) is None or key in agencies.AMBIGUOUS:
        return False  # not an agency, or capitals other bodies go by ("(SDA)", "(MTI)")
    paragraph = paragraph_before(text, match.start())
    if len(paragraph) < PROSE or _PICTURE.search(paragraph):
        return False  # a caption's line, "File photo (AFP)"
    if spelled_out(paragraph, name) is not None:
        return False  # "… the Associated Press (AP)."
    return not ends_a_caption(text, match)


def _copyright_of_text(text: str, match: re.Match[str]) -> bool:
    """A copyright line of the agency's text: its name written out ("© Agence France-Presse",
    "Copyright The Associated Press"), after a paragraph of prose, not a picture's."""
    name = match["name"]
    agency = agencies.by_key(name_key(name))
    if agency is None or bare_initials(name) or len(re.split(r"[ \t-]+", name.strip())) < 2:
        return False  # not an agency, or the short name a picture's credit gives ("© AFP")
    before = paragraph_before(text, match.start())
    if not before:
        return True  # the first line: the page's notice over the text
    if not prose(before, _PICTURE):
        return False
    # Under a photo's caption ("Rescuers search the debris in Karangsari on Saturday."), as the
    # caption's bracketed credit would be.
    end = text.rfind(before, 0, match.start()) + len(before)
    bracketed = f"{text[:end]} (X)"
    # A photo's copyright is given so in the past tense as well ("Rescuers searched the rubble in
    # Karangsari after the landslide buried homes on Saturday."): a short sentence of a place and
    # a day with no speaker, report or future in it is a caption here.
    mark = _MARK.search(bracketed, end)
    return not ends_a_caption(bracketed, mark, past=True)  # type: ignore[arg-type]
