# ruff: noqa: RUF001, RUF002
"""Croatian and Serbian credits (in Latin and Cyrillic script) in the frames of a report,
read beside languages.py's verb-first and name-first ones.

Croatian and Serbian decline an agency's name after a noun of its report: "prema pisanju Hine"
(according to Hina's writing), "prema izvješću Tanjuga", "prema navodima agencije Hina",
"према писању агенције Бета"; and the one told after "za": "izjavio je za Hinu", "kazao je za
Hinu" (stated, said to Hina), "u razgovoru za Tanjug", "изјавио је за Танјуг". A name the table
holds in capitals only is read declined in these frames alone (inflections.py, `framed`),
not after a bare "prema" (towards: "prema Hini") nor after "navodima" (claims, a person's as
often: "prema navodima Hine"), nor "rekao je za Hinu" (said of Hina). The one told is a
proposal for review, as "told Reuters" is (credited.CONFIDENCE["told_agency"]).
"""

import re

from app.core import agencies
from app.ingest.credits import inflections
from app.ingest.credits.context import name_key
from app.ingest.credits.context import sentence_around
from app.ingest.credits.languages import WORD

_SOURCE_NOUN = (
    r"pisanju|izvje[šs][ćc]u|izvje?[šs]taju|javljanju|podacima|informacijama|saznanjima|navodima|"
    r"писању|извј?ештају|јављању|подацима|информацијама|сазнањима|наводима"
)
# "navodima": claims, a person's as often as an agency's.
_CLAIMS = frozenset(("navodima", "наводима"))
# Verbs of stating to someone ("kazao je za Hinu": told Hina), not "rekao" (said of someone).
_SAID = (
    r"izjavi(?:o|la|li)|potvrdi(?:o|la|li)|kaza(?:o|la|li)|"
    r"изјави(?:о|ла|ли)|потврди(?:о|ла|ли)|каза(?:о|ла|ли)"
)
_SOUTH_SLAVIC = re.compile(
    rf"(?<!\w)(?:(?P<source>(?i:prema|према)(?:[ \t]+(?P<noun>{_SOURCE_NOUN}))?"
    r"(?P<agency>[ \t]+(?:agencij[ei]|агенциј[еи]))?)"
    rf"|(?P<told>(?:(?i:{_SAID})(?:[ \t]+(?:je|su|је|су))?|"
    r"(?i:u|у)[ \t]+(?:izjavi|razgovoru|intervjuu|изјави|разговору|интервјуу))[ \t]+(?:za|за)))"
    rf"[ \t]+(?P<name>{WORD})"
)


# Czech and Slovak say whom one told with "pro"/"pre" (for): "řekl pro agenturu Reuters",
# "uvedl pro ČTK", "v rozhovoru pro ČTK", "pro ČTK uvedl"; and Croatian and Serbian with the
# dative after a verb of saying: "rekao je Hini", "izjavio je Tanjugu" (a declined name only:
# the nominative after "rekao je" is no one told).
_CS_SAID = r"(?:řekl|uvedl|sdělil|potvrdil|prohlásil|povedal|uviedol|vyhlásil|napsal)[aoiy]?"
_FOR = r"(?:pro|pre)[ \t]+(?:(?:agenturu|agentúru)[ \t]+)?"
_CZECH_TOLD = re.compile(
    rf"(?<!\w)(?:(?i:{_CS_SAID})|(?i:v)[ \t]+(?:rozhovoru|rozhovore))[ \t]+{_FOR}(?P<name>{WORD})"
    rf"|(?<!\w)(?i:pro|pre)[ \t]+(?:(?:agenturu|agentúru)[ \t]+)?(?P<name2>{WORD})[ \t]+"
    rf"(?:to[ \t]+)?(?i:{_CS_SAID})(?!\w)"
)
_DATIVE_TOLD = re.compile(
    r"(?<!\w)(?:(?:je|su|је|су)[ \t]+)?(?i:reka?o|rekl[ai]|izjavi(?:o|la|li)|kaza(?:o|la|li)|"
    r"potvrdi(?:o|la|li)|рекао|рекла|изјави(?:о|ла|ли)|каза(?:о|ла|ли))"
    rf"(?:[ \t]+(?:je|su|је|су))?[ \t]+(?P<name>{WORD})"
)
_DATIVE_ENDINGS = frozenset(("i", "u", "ovi", "у", "и", "ови"))


def _told(text: str) -> list[tuple[str, str, str]]:
    """The Czech and Slovak "pro ČTK" and the Croatian and Serbian dative: the one told."""
    found = []
    for match in _CZECH_TOLD.finditer(text):
        agency = agencies.by_key(name_key(match["name"] or match["name2"]))
        if agency is not None and agencies.may_name(match["name"] or match["name2"]):
            found.append((agency.name, sentence_around(text, match), "told"))
    for match in _DATIVE_TOLD.finditer(text):
        declined = inflections.undeclined(match["name"], framed=True)
        if declined is not None and declined[1] in _DATIVE_ENDINGS:
            agency = agencies.by_key(name_key(declined[0]))
            if agency is not None:
                found.append((agency.name, sentence_around(text, match), "told"))
    return found


def _also_a_word(agency: agencies.Agency) -> bool:
    """Whether one of the agency's names is also a word or a given name ("Hina", "Beta")."""
    return not agencies.keys_of(agency).isdisjoint(agencies.AMBIGUOUS)


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the Croatian and Serbian credits in `_SOUTH_SLAVIC`'s frames,
    named as the table names the agency ("Hine" is "HINA"); kind "told" or "text", as
    languages.find gives them."""
    found: list[tuple[str, str, str]] = _told(text)
    for match in _SOUTH_SLAVIC.finditer(text):
        name, told = match["name"], match["told"] is not None
        framed = told or match["agency"] is not None or match["noun"] not in (None, *_CLAIMS)
        agency = agencies.by_key(name_key(name))
        if agency is not None and not (agencies.may_name(name) or match["agency"]):
            continue  # "prema Hina": capitals only, undeclined in mixed case, and no "agencija"
        if agency is None:
            declined = inflections.undeclined(name, framed=framed)
            if declined is None:
                continue  # "prema Hini" (towards Hina), "prema Zagrebu"
            agency = agencies.by_key(name_key(declined[0]))
            # "Prema Reutersu", "према Танјугу": according to, in any script. A name that is
            # also a given name or a word is not framed enough by a bare "prema" ("prema Hini",
            # "према Бети": towards a woman), nor by a person's claims ("према наводима Бете",
            # "prema navodima Hine").
            if agency is not None and not framed and _also_a_word(agency):
                continue
        if agency is not None:
            if told:
                found.append((agency.name, sentence_around(text, match), "told"))
            else:
                words = " ".join(match.group(0).strip(" \t\n.;(\u2014\u2013-").split())
                found.append((agency.name, words, "text"))
    return found
