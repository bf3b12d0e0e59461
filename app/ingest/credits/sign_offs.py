"""The lines agencies close their copy with, read beside reading.credits' closing credits.

A wire story carries its owner's name at its end in the agency's house style, and a paper that
runs the story keeps it: AP's "Copyright 2025 The Associated Press. All rights reserved." and
"The Associated Press is solely responsible for all content.", ANSA's "RIPRODUZIONE RISERVATA ©
Copyright ANSA", Reuters' "© 2025 Reuters. All rights reserved.", NTB's "(©NTB)", Kyodo's
"==Kyodo", dpa's story number "dpa:250303-930-391827/2". Each says the text is that outlet's
(a sign-off, `syndicates`).

What only looks like one is left alone: a photo's credit ("Photo: © AFP", "© Reuters" with no
"Copyright" nor "All rights reserved", "Image copyright AFP"), and a name that resolves to no
outlet (a paper's own "Copyright 2025 The Springfield Gazette" names no agency; an outlet's own
credit is dropped where credits are resolved).
"""

import re

from app.core import agencies
from app.ingest.credits import languages
from app.ingest.credits import lists

_WORD = rf"(?<!\w)[{languages.CAPITAL}](?:[\w&'\u2019-]|\.(?=\w)){{0,40}}"
_LOWER = "|".join(agencies.LOWER_CASE_NAMES)
_NAME = rf"(?:{_WORD}(?:[ \t]+{_WORD}){{0,3}}|(?:{_LOWER})\b)"
_THE = r"(?:(?i:the)[ \t]+)?"
_YEAR = r"(?:19|20)\d\d"
# A line's start, or a sentence's.
_START = r"(?:^|(?<=\n)|(?<=[.!?])[ \t]+)"
_CLOSING = re.compile(
    # "Copyright 2025 The Associated Press.", "© Copyright ANSA", "Copyright © Reuters 2025,":
    # the word "Copyright", then the owner and at most a year; a line may begin otherwise
    # ("RIPRODUZIONE RISERVATA © Copyright ANSA").
    rf"(?:©[ \t]*)?(?i:copyright)[ \t]*(?:©|\((?i:c)\))?[ \t]*(?:{_YEAR}[ \t,]*)?{_THE}"
    rf"(?P<name>{_NAME})(?:[ \t,]+{_YEAR})?[ \t]*(?:[.,;]|$)"
    # "© 2025 Reuters. All rights reserved." (the sign alone is a photo's credit too).
    rf"|©[ \t]*(?:{_YEAR}[ \t]+)?{_THE}(?P<name2>{_NAME})(?:[ \t,]+{_YEAR})?[ \t]*[.,]?[ \t]*"
    rf"(?i:all[ \t]+rights[ \t]+reserved)"
    # "(©NTB)" closing the story.
    rf"|\(©[ \t]*(?P<name3>{_NAME})\)[ \t.]*$"
    # "The AP is solely responsible for all content." (AP's line under funded coverage).
    rf"|{_START}{_THE}(?P<name4>{_NAME})[ \t]+is[ \t]+solely[ \t]+responsible[ \t]+for[ \t]+"
    rf"(?:all|this|the)[ \t]+content\b"
    # "==Kyodo" as the last line.
    rf"|{_START}={{2,}}[ \t]*(?P<name5>{_NAME})[ \t]*$"
    # dpa's story number: "dpa:250303-930-391827/2" (with "© dpa-infocom" before it).
    rf"|(?<!\w)(?P<name6>dpa):\d{{6}}-\d{{2,4}}-\d{{4,8}}/\d{{1,3}}\b",
    re.MULTILINE,
)
# What a desk prints under the story, after the agency's closing credit: its author and editor
# lines ("autor: Katarzyna Nocuń", "Pewarta: …", "Editor: …") and their initials, lower case
# between slashes ("kno/ mrr/", "jgb/pddp", "/bek/ajx/he", "sk/pgh"), on a line of their own or
# after the credit on its line ("EFE mf/cg"); and capitals after the agency's own name on its
# last line ("PTI SKC RT RT", the Indian wire's desk codes: two or more, as "AFP TV" is a
# video's credit). None of it names an outlet.
_DESK_CODES = re.compile(r"(?:^|(?<=[\s.]))/?(?:[a-z]{1,5}/[ \t]*)+[a-z]{0,5}[ \t]*$")
_DESK_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?i:autor(?:ka)?|author|pewarta|editor|redaktor(?:ka)?|oprac(?:owanie|\.)|"
    r"edited[ \t]+by|edici[oó]n|edi[cç][aã]o|redacci[oó]n)[ \t]*:?[ \t]+[^\n]{1,60}$"
)
_CODED_NAME = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?])[ \t]+)(?P<name>[{languages.CAPITAL}]{{2,6}})"
    r"(?P<codes>(?:[ \t]+[A-Z]{2,4}){2,6})[ \t]*$"
)
DESK_PASSES = 6
TAIL_CHARS = 400


def without_desk_lines(text: str) -> str:
    """The body without the desk's author lines and codes at its end, so that the agency's
    closing credit above them ends it ("… (PAP)\n\nautor: Jan Nowak\n\njno/ mhr/")."""
    cut = max(0, len(text) - 2 * TAIL_CHARS)
    end = text[cut:].rstrip()
    for _ in range(DESK_PASSES):
        trimmed = _DESK_CODES.sub("", end).rstrip()
        trimmed = _DESK_LINE.sub("", trimmed).rstrip()
        if trimmed == end:
            break
        end = trimmed
    coded = _CODED_NAME.search(end)
    if coded is not None and agencies.by_key(coded["name"].lower()) is not None:
        codes = coded["codes"].split()
        if not any(agencies.by_key(code.lower()) for code in codes):
            end = end[: coded.end("name")]
    return text[:cut] + end


# German papers sign an agency's copy on the story's last line with the editor's initials
# before the agencies, between slashes: "ssu/dpa/AFP", "(ssu/dpa)", "kna/dpa", "jok/Reuters";
# and write Reuters "rtr" there ("dpa/rtr", "(rtr)", "rtr" alone). Initials are two to four
# lower-case letters, before the first agency (or after them on a bare last line: "dpa/ssu",
# which the desk codes' stripping would otherwise take whole); every other part must be an
# agency written as agencies write themselves (lists.written_as_agency, "dpa-AFP" split
# as a bracket is), so that a photographer's "Kappeler/dpa" or "imago/dpa" and "und/oder" sign
# nothing, and "rtr" is Reuters only where a desk signs, on the last line or closing the last
# sentence. A sign-off of agencies alone ("(dpa/AFP)", "AFP/lh") is reading.credits'
# closing credit.
_DESK_SIGNED = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\"\u201d])[ \t]+)(?P<open>\()?"
    r"(?P<marks>[\w-]{1,20}(?:[ \t]*/[ \t]*[\w-]{1,20}){0,5})(?(open)\))[ \t.]*$"
)
_INITIALS = re.compile(r"[a-z]{2,4}")


def _desk_signed(text: str) -> tuple[list[str], str] | None:
    """The agencies a German desk's last line signs beside its initials, and the line."""
    match = _DESK_SIGNED.search(text[-TAIL_CHARS:].rstrip())
    if match is None:
        return None
    names: list[str] = []
    desk = False  # initials or "rtr": what the closing credits of fingerprints do not read
    for part in (part.strip() for part in match["marks"].split("/")):
        if part == lists.REUTERS_SIGN:
            names.append("Reuters")
            desk = True
        elif all(lists.written_as_agency(name) for name in lists.bracket_names(part, "")):
            names += lists.bracket_names(part, "")
        elif _INITIALS.fullmatch(part) and (not names or match["open"] is None):
            desk = True  # "kna" too (capitals name KNA); after the agencies on a bare line only
        else:
            return None
    return (names, " ".join(match.group(0).split())) if names and desk else None


# "Image copyright AFP", "Photo copyright Reuters": a picture's credit, as captions write it.
_PICTURE = re.compile(r"(?i:image|photo(?:graph)?|picture|video|footage|graphic)[ \t:]*$")


def find(text: str) -> list[tuple[str, str]]:
    """(name, quote) of each house closing line in the body's last TAIL_CHARS characters."""
    found: list[tuple[str, str]] = []
    tail = without_desk_lines(text)[-TAIL_CHARS:]
    for match in _CLOSING.finditer(tail):
        name = next(value for key, value in match.groupdict().items() if value)
        if _PICTURE.search(tail, 0, match.start()):
            continue
        found.append((name, f"closing: {' '.join(match.group(0).split())}"))
    if (signed := _desk_signed(text)) is not None:
        found += [(name, f"closing: {signed[1]}") for name in signed[0]]
    return found
