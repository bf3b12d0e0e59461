# ruff: noqa: RUF001
"""A network's language service or edition named in words, and the language it names.

Republishers credit a broadcaster's or a paper's service in another language by describing it:
"…, Voice of America's Spanish-language service reported.", "the Portuguese-language service of
Voice of America reported", "DW's Russian service reported", "Al Jazeera's Arabic website
reported", "according to the BBC's Spanish-language service", "riferisce l'edizione in lingua
tedesca di Euronews", "según el servicio en español de RFI", "selon la rédaction francophone
d'Euronews", "volgens de Franstalige redactie van Euronews", "berichtet der russischsprachige
Dienst der DW", "По материалам русской службы DW", "Avec la rédaction francophone d'Euronews."
(a credit line). The name alone ("DW", "Voice of America") is the network's, and the network's
stored outlets are its services, one per language: the language the words give says which
(credits/outlets.py reads `Service.language`, and resolves such a credit only to a stored
outlet of that language).

A description alone is no credit ("DW's Russian service has two million readers"): it must be
the subject of a reporting verb right after it, itself at a clause's start (not "a spokeswoman
for DW's Russian service said", nor "the website of DW's Russian service, said the regulator"),
follow "according to" (or a verb that puts its subject last: "riferisce", "informó", "meldt"),
or be the whole of a credit line (not one of a chart's sources). Never before a person's role
("the BBC's Russian service editor"). Someone speaking to it ("told the BBC's Russian service")
is `told`.

The language word is a language's name in the text's language as the CLDR writes it (Babel,
credits/markers.py): "Spanish", "español", "tedesca" (Italian's adjective, "tedesco"),
"русской" (Russian's, "русский"), "Franstalige" (Dutch: "Frans" and "-talige"),
"russischsprachige" (German: "Russisch" and "-sprachige"), "francophone" (French's "-phone"
words); a word that is no language's name makes no credit.
"""

import re
from dataclasses import dataclass

from app.ingest.credits import markers
from app.ingest.credits.context import CREDIT_LINE_START
from app.ingest.credits.context import sentence_around
from app.ingest.credits.source_words import MEDIA_WORD

# A network's name: capitalised words in Latin or Cyrillic script, small words between them
# ("Voice of America", "Radio Free Europe/Radio Liberty", "RFE/RL", "Радио Свобода"), perhaps
# a number after them ("France 24").
_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
_WORD = rf"{_CAP}(?:[\w&'\u2019-]|\.(?=\w))*(?:/{_CAP}(?:[\w&'\u2019-]|\.(?=\w))*)*"
_SMALL = r"(?:of|de|da|do|del|della|di|du|des|van|von|the)"
_NUMBER = r"(?:[ \t]+\d{1,3}(?!\d|[.,]\d))?"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:{_SMALL}[ \t]+)?{_WORD}){{0,4}}{_NUMBER})"
# What a service is called.
_EN_NOUN = (
    r"(?i:service|website|web[ \t]+site|site|edition|desk|channel|section|newsroom|portal|"
    r"broadcast|programme|program|radio|television|tv|news[ \t]+service|news[ \t]+website)"
)
_ROMANCE_NOUN = (
    r"(?i:servicio|sitio|sitio[ \t]+web|canal|portal|edici[oó]n|versi[oó]n|redacci[oó]n|"
    r"servi[cç]o|edi[cç][aã]o|vers[aã]o|reda[cç][aã]o|"
    r"service|site|[ée]dition|version|r[ée]daction|cha[iî]ne|"
    r"servizio|sito|edizione|versione|redazione|canale)"
)
_GERMANIC_NOUN = (
    r"(?:Dienst(?:es)?|Ausgabe|Redaktion|Programms?|Angebots?|Website|Seite|"
    r"redactie|dienst|editie|site|website|uitzending|nieuwsdienst)"
)
_RUSSIAN_NOUN = r"(?i:служб[аыеуой]|редакци[яиюей]|сайт[аеу]?|верси[яиюей]|сервис[аеу]?)"
# The language: a word, perhaps hyphenated ("Spanish-language"), checked against the CLDR.
_LANG = r"(?P<lang>[\w]+)"

# A paper or a broadcaster described before its name ("the South Korean daily the Hankyoreh",
# "Spanish newspaper El País", "South Korea's Hankyoreh newspaper"; Romance and German ones as
# languages.py reads them: "do diário espanhol El País", "der südkoreanischen Zeitung
# Hankyoreh").
_EN_MEDIA = (
    r"(?:daily|newspaper|paper|broadcaster|public[ \t]+broadcaster|radio|television|"
    r"channel|network|magazine|weekly|news[ \t]+site|website)"
)
_EN_DESCRIBED = (
    rf"(?:(?:the[ \t]+)?(?:{_CAP}[\w-]+[ \t]+){{0,2}}(?:[a-z][\w-]+[ \t]+)?{_EN_MEDIA}[ \t]+"
    rf"(?:the[ \t]+)?|{_CAP}[\w-]+(?:[ \t]+{_CAP}[\w-]+)?['\u2019]s[ \t]+)?"
)
_EN_MEDIA_AFTER = rf"(?:[ \t]+{_EN_MEDIA})?"
_EN_POSSESSIVE = (
    rf"(?:[Tt]he[ \t]+)?{_EN_DESCRIBED}{_NAME}['\u2019]s?[ \t]+{_LANG}(?:-language)?[ \t]+"
    rf"{_EN_NOUN}"
)
_EN_OF = (
    rf"[Tt]he[ \t]+{_LANG}(?:-language)?[ \t]+{_EN_NOUN}[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"{_EN_DESCRIBED}{_NAME}{_EN_MEDIA_AFTER}"
)
_MEDIA = rf"(?:{MEDIA_WORD})?"
_ROMANCE = (
    rf"(?i:el|la|le|il|lo|o|a|l['\u2019]|del|della|dello|do|da|du|al|alla)[ \t]*{_ROMANCE_NOUN}"
    r"[ \t]+(?:(?i:en|em|in)[ \t]+(?:(?i:lingua|langue|l[ií]ngua|idioma)[ \t]+)?)?"
    rf"{_LANG}[ \t]+(?i:de|da|do|di|del|della|dello|des|d['\u2019])[ \t]*"
    r"(?:(?i:la|el|a|o|le|il|lo|l['\u2019])[ \t]*)?"
    rf"{_MEDIA}{_NAME}"
)
_GERMANIC = (
    rf"(?i:der|die|das|des|dem|den|de|het)[ \t]+{_LANG}[ \t]+{_GERMANIC_NOUN}[ \t]+"
    rf"(?i:von|der|des|van)[ \t]+(?:(?i:der|die|de|het)[ \t]+)?{_MEDIA}{_NAME}"
)
_RUSSIAN = rf"{_LANG}[ \t]+{_RUSSIAN_NOUN}[ \t]+«?{_NAME}»?"
_FORMS = (_EN_POSSESSIVE, _EN_OF, _ROMANCE, _GERMANIC, _RUSSIAN)

# Before the description: "according to" and verbs whose subject follows them.
_BEFORE = (
    r"(?i:according[ \t]+to|citing|as[ \t]+reported[ \t]+by|reported[ \t]+by|"
    r"seg[uú]n(?:[ \t]+inform[oó])?|inform[oó]u?|report[oó]|noticiou|noticia|publicou|public[oó]|"
    r"de[ \t]+acordo[ \t]+com|selon|d['\u2019]apr[eè]s|rapporte|a[ \t]+rapport[eé]|"
    r"indique|secondo|riferisce|riporta|ha[ \t]+riferito|scrive|laut|berichtet|berichtete|"
    r"meldet|meldete|volgens|meldt|meldde|по[ \t]+данным|по[ \t]+информации|"
    r"со[ \t]+ссылкой[ \t]+на|сообщает|сообщила|сообщил|передает|передаёт|пишет)"
)
# Before it, someone spoke to it.
_TOLD_BEFORE = r"(?i:told|said[ \t]+to|in[ \t]+an[ \t]+interview[ \t]+with|speaking[ \t]+to)"
# After the description: it reported.
_AFTER = (
    r"(?i:reported|reports|said|says|wrote|writes|quoted|cited|published|"
    r"informó|informa|informou|noticiou|publicó|publicou|rapporte|a[ \t]+rapport[eé]|"
    r"riferisce|ha[ \t]+riferito|berichtet|berichtete|meldet|meldete|meldt|meldde|"
    r"сообщает|сообщила|сообщил|сообщило|пишет|передает|передаёт)(?!\w)"
)
# A credit line: the whole line is the credit.
_LINE_LEAD = (
    r"(?i:con[ \t]+informaci[oó]n[ \t]+de|com[ \t]+informa[cç][oõ]es[ \t]+d[aeo]s?|avec|"
    r"con[ \t]+informazioni[ \t]+(?:di|da)|mit[ \t]+material[ \t]+(?:von|der|des)|"
    r"with[ \t]+reporting[ \t]+(?:by|from)|по[ \t]+материалам|source[ \t]*:|fuente[ \t]*:|"
    r"fonte[ \t]*:|quelle[ \t]*:|bron[ \t]*:|источник[ \t]*:)"
)
_PATTERNS = tuple(
    re.compile(
        rf"(?<!\w)(?:(?P<told>{_TOLD_BEFORE})[ \t]+|(?P<before>{_BEFORE})[ \t]+)?"
        rf"(?:(?i:el|la|le|il|o|a|the|de|het|der|die)[ \t]+(?=[\w]))?"
        rf"(?P<described>{form})(?P<after>[ \t]+{_AFTER})?"
    )
    for form in _FORMS
)
# What may stand before a description that is a reporting verb's subject: a sentence's or a
# clause's start, not a preposition or a noun it belongs to ("for", "of", "heads").
_A_SUBJECT = re.compile(
    r"(?:^|[.!?:;,(\u2014\u2013\n]|\b(?i:and|but|while|as|y|e|et|und|en))[ \t]*$"
)
# A person's role after the description: the person speaks, not the service.
_ROLE_AFTER = re.compile(
    r"[ \t]+(?i:editor|editors|director|chief|head|correspondent|presenter|journalist|reporter|"
    r"spokes\w+|anchor|host|producer|bureau)(?!\w)"
)
_LINE = re.compile(
    rf"{CREDIT_LINE_START}[ \t]*{_LINE_LEAD}[ \t]+(?P<rest>[^\n]{{4,120}}?)[ \t.]*(?:\n|$)"
)

# Language words that are no language's name in the CLDR: French's "-phone" adjectives.
_PHONE = {
    "franco": "fr", "anglo": "en", "hispano": "es", "luso": "pt", "arabo": "ar",
    "russo": "ru", "germano": "de", "italo": "it", "sino": "zh", "néerlando": "nl",
    "turco": "tr", "persano": "fa", "swahili": "sw", "lusitano": "pt",
}  # fmt: skip
# Dutch "-talige" and German "-sprachige" after a language's name ("Franstalige",
# "russischsprachige").
_COMPOUND = re.compile(
    r"(?i)^(?P<stem>\w+?)(?:talige|talig|sprachigen|sprachiger|sprachiges|sprachige|sprachig)$"
)


def language_of(word: str) -> str | None:
    """The ISO 639 code of a language word ("Spanish", "tedesca", "русской", "Franstalige",
    "francophone"); None for a word that names no language."""
    word = word.removesuffix("-language")
    if (code := markers.language(word)) is not None:
        return code
    low = word.casefold()
    if low.endswith("phone") and (code := _PHONE.get(low.removesuffix("phone"))) is not None:
        return code
    if (compound := _COMPOUND.match(word)) is not None:
        return markers.language(compound["stem"]) or markers.language(
            compound["stem"], inflected=True
        )
    return markers.language(word, inflected=True)


@dataclass(frozen=True, slots=True)
class Service:
    """A credit to a network's service in one language."""

    name: str  # the network, as written ("Voice of America", "DW")
    words: str  # the words that give the credit
    kind: str  # "text", "told" or "credit_line"
    language: str  # ISO 639 code of the service's language


def _described(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[re.Match[str], str]]:
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, len(text) if end is None else end):
            code = language_of(match["lang"])
            if code is not None:
                found.append((match, code))
    return found


def _names(match: re.Match[str]) -> list[str]:
    """The name, and when it opens a sentence its shorter tails from a capitalised word on,
    longest first: a sentence's first words may stand before a network's name ("On Tuesday
    Voice of America's …"); only a tail a stored outlet answers to resolves (outlets.py)."""
    words = match["name"].split()
    before = match.string[: match.start("name")].rstrip(' \t"\u201c\u00ab')
    if before and before[-1] not in ".!?\n":
        return [match["name"]]
    return [" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper() or i == 0]


def find(text: str) -> list[Service]:
    """The service credits in a text: in its running text and on its credit lines."""
    found: list[Service] = []
    lines: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        rest = line.start("rest")
        for match, code in _described(text, rest, line.end("rest")):
            # The line credits the service itself, and nothing else ("Source: BBC's Russian
            # service, Mediazona" lists a chart's sources).
            if match.start("described") <= rest + 4 and match.end() >= line.end("rest") - 1:
                words = " ".join(line.group(0).strip(" \t\n.;(*").split())
                found += [
                    Service(name, f"credit line: {words}", "credit_line", code)
                    for name in _names(match)
                ]
                lines.append((line.start(), line.end()))
    for match, code in _described(text):
        if any(start <= match.start() < end for start, end in lines):
            continue
        if _ROLE_AFTER.match(text, match.end("described")):
            continue  # "according to the BBC's Russian service editor": a person of it
        if match["told"]:
            kind, words = "told", sentence_around(text, match)
        elif match["before"] or (match["after"] and _A_SUBJECT.search(text[: match.start()])):
            kind, words = "text", " ".join(match.group(0).split())
        else:
            # A description, no credit ("DW's Russian service has 2m readers"), or not the
            # verb's subject ("a spokeswoman for DW's Russian service said", "who heads the
            # BBC's Russian service, said", "blocked the website of DW's Russian service").
            continue
        found += [Service(name, words, kind, code) for name in _names(match)]
    return found
