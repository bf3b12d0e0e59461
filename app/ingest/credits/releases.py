"""Credits to a press release: the body that issued it, or the release wire that carried it.

A story written from a press release says so in the words of the document, not of an agency:
"…, the company said in a release issued through PR Newswire", "according to a release on
Business Wire", "selon un communiqué publié sur GlobeNewswire", "meldt in een persbericht via
ANP Pers Support"; and, as a credit line under the story, "Information from an Acme release
issued via Business Wire was used in this report.", "(Con información de una nota de prensa
del Ministerio de Sanidad)", "Dit bericht is gebaseerd op een persbericht van X via Y.",
"Additional reporting from the central bank's statement", "Quelle: Pressemitteilung des
Polizeipräsidiums X" (the German genitive read undeclined too). The origin is the wire that
carried the release when one is named (its page is where the text was published), else the
body that issued it.

What keeps a name that is no outlet from becoming a credit is where credits are resolved, as
for sources.py: only a stored outlet or a listed agency becomes one ("via its website",
"through its lawyers" name nothing; "a statement on Facebook" names no stored outlet). A
release named in the running text is the story's source only in its first sentence
(leads.py; 0.8, as "according to Reuters"); further down it is a detail the story quotes
beside its own reporting ("Dans un communiqué diffusé sur GlobeNewswire, l'entreprise affirme
…" in a report from the factory gates), a proposal for review (kind "told", 0.6) whatever the
outlet. One in a credit line says the story carries its text ("credit_line"). Not a release
dated before the story ("a release issued through PR Newswire last March", dates.py), not
one whose issuer alone is named after "by" ("in a press release issued by the University of
X": the story may quote it beside its own reporting), and not one the story only mentions with
no word of where it came from ("Monday's release, sent out over PR Newswire before dawn, calls
the deal …": the release and the wire are not joined).
"""

import re

from app.ingest.credits import leads
from app.ingest.credits.context import quoted_words
from app.ingest.credits.dates import dated
from app.ingest.credits.languages import CAPITAL

Found = tuple[str, str, str]  # (name, the words that give it, kind), as languages.find

_WORD = rf"(?<!\w)[{CAPITAL}](?:[\w&'\u2019/-]|\.(?=\w)){{0,40}}"
_SMALL = r"(?:of|for|and|the|de|del|la|da|do|e|y|et|du|des|für|und|der|van|voor)"
_NAME = rf"{_WORD}(?:(?:,?[ \t]+(?:{_SMALL}[ \t]+){{0,2}}){_WORD}){{0,7}}"
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi "
    "vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo montag "
    "dienstag mittwoch donnerstag freitag samstag sonntag maandag dinsdag woensdag donderdag "
    "vrijdag zaterdag zondag"
)
_DAYS = frozenset(_WEEKDAYS.split())
# The document: a (news / press) release, a statement, and theirs in French, Spanish,
# Portuguese, German, Dutch, Italian, Polish, Swedish.
_DOCUMENT = (
    r"(?i:(?:(?:news|press|public|official)[ \t]+)?(?:release|statement)|communiqu\u00e9"
    r"(?:[ \t]+de[ \t]+presse)?|comunicado(?:[ \t]+de[ \t]+prensa)?|nota[ \t]+de[ \t]+prensa|"
    r"nota[ \t]+(?:de[ \t]+imprensa|oficial)|comunicato(?:[ \t]+stampa)?|"
    r"pressemitteilung|polizeibericht|polizeimeldung|mitteilung|persbericht|komunikat|"
    r"pressmeddelande)"
)
# Carried by: "issued through", "sent out over", "published on", "publié sur", "via"; "by" only
# after a verb of distributing ("distributed by PR Newswire"): "issued by the University of X",
# "publié par l'entreprise" name the issuer, which the story may quote beside its own reporting.
_CARRIED = (
    r"(?:(?:(?i:issued|sent|sent[ \t]+out|published|posted|released|put[ \t]+out|"
    r"publi\u00e9|publicad[oa]|ver\u00f6ffentlicht|gepubliceerd|pubblicato)[ \t]+)?"
    r"(?i:through|via|over|on|sur|en|a[ \t]+trav\u00e9s[ \t]+de|\u00fcber|op|su)"
    r"|(?i:distributed|diffus\u00e9|difundid[oa]|distribuid[oa]|verbreitet|verspreid|diffuso)"
    r"[ \t]+(?i:through|via|over|on|by|sur|par|en|por|a[ \t]+trav\u00e9s[ \t]+de|\u00fcber|"
    r"door|op|su|da))"
)
_THE = r"(?:(?i:the|la|le|el|de|het|die|der)[ \t]+)?"
_OF = r"(?i:of|from|by|de|del|de[ \t]+la|do|da|van|der|des)"
# In the text: "in a release issued through PR Newswire", "according to a release on Business
# Wire", "selon un communiqué publié sur GlobeNewswire", "in een persbericht via ANP".
_IN_TEXT = re.compile(
    rf"(?<!\w)(?i:an?|the|its|their|un|une|una|um|uma|een|einer|eine|un[ao]?)[ \t]+"
    rf"(?:[{CAPITAL}][\w&-]*[ \t]+){{0,3}}{_DOCUMENT}"
    rf"(?:[ \t]+(?i:of|from|de|del|van|der|des|do|da)[ \t]+{_THE}(?P<issuer>{_NAME}))?"
    rf",?[ \t]+{_CARRIED}[ \t]+{_THE}(?P<name>{_NAME})"
)
# A credit line: "Information from a X release issued via Y was used in this report", "(Con
# información de una nota de prensa del X)", "Dit bericht is gebaseerd op een persbericht van X
# via Y", "Additional reporting from X's public statement", "Based on a statement by X".
_LINE_LEAD = (
    r"(?i:(?:additional[ \t]+)?(?:reporting|information|material|details)[ \t]+from|"
    r"con[ \t]+informaci[o\u00f3]n[ \t]+de|com[ \t]+informa[c\u00e7][o\u00f5]es[ \t]+d[eoa]s?|"
    r"avec[ \t]+des[ \t]+informations[ \t]+d['\u2019]|mit[ \t]+material[ \t]+aus|"
    r"(?:dit|het)[ \t]+(?:bericht|artikel)[ \t]+is[ \t]+gebaseerd[ \t]+op|"
    r"(?:this|the)[ \t]+(?:report|article|story)[ \t]+is[ \t]+based[ \t]+on|based[ \t]+on)"
)
_LINE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?])[ \t]+)[ \t]*\(?{_LINE_LEAD}[ \t]+"
    rf"(?:(?i:an?|the|una?|uma?|een|einer|eine|der|des|la|el)[ \t]+)?"
    rf"(?:(?P<owner>{_NAME})(?:['\u2019]s)?[ \t]+)?{_DOCUMENT}"
    rf"(?:[ \t]+{_OF}[ \t]+{_THE}(?P<issuer>{_NAME}))?"
    rf"(?:,?[ \t]+{_CARRIED}[ \t]+{_THE}(?P<name>{_NAME}))?"
    r"(?P<rest>[^\n]{0,40})"
)
# In a source line: "Quelle: Polizeibericht des Polizeipräsidiums Schwaben Süd/West", "Source:
# press release of the Central Bank of Ireland".
_DOCUMENT_OF = re.compile(rf"^{_DOCUMENT}[ \t]+{_OF}[ \t]+{_THE}(?P<name>{_NAME})$")


def _named(name: str | None) -> str | None:
    """A name, not a weekday ("a release on Wednesday")."""
    if not name or name.casefold() in _DAYS:
        return None
    return name


def _undeclined(name: str) -> list[str]:
    """The name and, for a German genitive ("des Polizeipräsidiums Schwaben"), its first word
    without the case's "s"."""
    first, _, rest = name.partition(" ")
    if len(first) > 4 and first.endswith("s") and not first.endswith("ss"):
        return [name, f"{first[:-1]} {rest}".strip()]
    return [name]


def issuers(source: str) -> list[str]:
    """The body a source line's document names ("Polizeibericht des Polizeipräsidiums X" ->
    "Polizeipräsidiums X", "Polizeipräsidium X"), or nothing."""
    match = _DOCUMENT_OF.match(source.strip(" \t."))
    return _undeclined(match["name"]) if match is not None else []


def find(text: str) -> list[Found]:
    """(name, words, kind) of the credits above; kinds as languages.find gives them."""
    found: list[Found] = []
    lines: set[int] = set()
    for match in _LINE.finditer(text):
        rest = match["rest"] or ""
        if match["name"] is None and re.match(r"[ \t]*,?[ \t]*\w", rest):
            continue  # "Based on a statement by X, the court ruled …": a sentence goes on
        owner = re.sub(r"['\u2019]s$", "", match["owner"] or "") or None  # "X's statement"
        name = _named(match["name"]) or match["issuer"] or owner
        if name is None or dated(text, match.end("name" if match["name"] else "issuer")):
            continue
        lines.add(match.start())
        names = _undeclined(name) if name != match["name"] else [name]
        found += [(each, f"credit line: {quoted_words(match)}", "credit_line") for each in names]
    lead = leads.lead_end(text)
    for match in _IN_TEXT.finditer(text):
        name = _named(match["name"])
        if name is None or any(start <= match.start() < start + 300 for start in lines):
            continue
        if dated(text, match.end("name")):
            continue  # "a release issued through PR Newswire last March": an earlier one
        # In the first sentence the release is the story's source; further down, a detail the
        # story quotes beside its own reporting ("Dans un communiqué diffusé sur GlobeNewswire,
        # l'entreprise affirme …" in a report from the factory gates): for review only.
        kind = "text" if match.start() < lead else "told"
        found.append((name, quoted_words(match, trim=""), kind))
    return found
