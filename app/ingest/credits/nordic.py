"""Credits in Nordic newsrooms' words, and outlets named with what they are.

Read beside languages.py (which has "ifølge NTB", "enligt TT", "skriver NTB", "Kilde:"):

- The Scandinavian reporting verb with the outlet after it, closing the sentence: "…, melder
  Bloomberg.", "Det melder NTB.", "…, rapporterer det britiske nyhetsbyrået PA Media." (the
  verb comes second, the one who reports after it); Afrikaans says it so too ("…, berig
  News24.", "…, berig die Franse nuusagentskap AFP."), not "berig Reuters gaan …" (reports
  that Reuters will). Only when the name ends the clause: "melder
  Vegvesenet til NTB" is someone telling NTB, "meldte NTB i fjor" an earlier report.
- The Danish, Norwegian and Swedish credit line saying what the article is built on:
  "Artiklen bygger på oplysninger fra Ritzau.", "Artikkelen er basert på informasjon fra NTB.",
  "Artikeln bygger på uppgifter från TT." Only with the article as its subject: "Tallene bygger
  på oplysninger fra Danmarks Statistik" is a figure's source.
- Finnish naming a broadcaster or paper by what it is: "…, kertoo Viron yleisradion
  uutispalvelu ERR News." (Estonia's public broadcaster's news service ERR News reports);
  frames.py reads "kertoo uutistoimisto …" for agencies.
- English naming a non-agency by what it is: "according to the fact-checking charity Full
  Fact", "according to the national broadcaster RÚV" (reading.py reads "according to the
  news agency …").
- A sports desk's line: "Match report: PA Media", "Report by PA Sport", the whole line.

Each gives (name, words, kind) as languages.find does; the name still has to resolve to
a stored outlet or a listed agency to credit anyone.
"""

import re

from app.ingest.credits.context import quoted_words
from app.ingest.credits.context import sentence_around
from app.ingest.credits.languages import WORD

Found = tuple[str, str, str]

_NAME = rf"{WORD}(?:[ \t]+{WORD}){{0,3}}"
# What a name ends: the sentence, a clause (comma), or the line.
_ENDS = r"(?=[ \t]*(?:[.,;!?]|\n|$))"
# "det britiske nyhetsbyrået", "den svenska nyhetsbyrån", "nyhedsbureauet", "kringkasteren",
# "avisen": what the outlet is, with an article and up to two adjectives.
_SCANDI_WHAT = (
    r"(?:(?:det|den|de|die)[ \t]+)?(?:[A-Za-zæøåäö][a-zæøåäö-]*[ \t]+){0,2}"
    r"(?:nuusagentskap|koerant|nuusdiens|nuuswebwerf|"  # Afrikaans
    r"nyhetsbyrå(?:et|n)?|nyhedsbureau(?:et)?|kringkaster(?:en)?|rikskringkaster(?:en)?|"
    r"allmennkringkaster(?:en)?|public[ \t]+service-kanal(?:en)?|avis(?:en|a)?|tidning(?:en)?|"
    r"nettavis(?:en|a)?|nyhetsside(?:n)?|nyhedssite(?:t)?)[ \t]+"
)
_SCANDI_REPORTS = re.compile(
    r"(?<![\w-])(?i:melder|meldte|rapporterer|rapporterte|rapporterar|rapporterade|"
    r"rapporterede|berig)[ \t]+"
    rf"(?P<what>{_SCANDI_WHAT})?(?P<name>{_NAME}){_ENDS}"
)
_SCANDI_BUILT_ON = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][ \t]))[ \t]*"
    r"(?i:artiklen|artikkelen|artikeln|historien|teksten|denne[ \t]+artikel|"
    r"denne[ \t]+artikkelen|denna[ \t]+artikel)[ \t]+"
    r"(?i:bygger[ \t]+på|er[ \t]+basert[ \t]+på|är[ \t]+baserad[ \t]+på|baserer[ \t]+sig[ \t]+på|"
    r"er[ \t]+skrevet[ \t]+på[ \t]+baggrund[ \t]+af|er[ \t]+skrevet[ \t]+på[ \t]+bakgrunn[ \t]+av)"
    r"[ \t]+(?i:oplysninger|opplysninger|informasjon|information|materiale|stoff|uppgifter|"
    r"material)[ \t]+(?i:fra|från)[ \t]+(?P<name>" + _NAME + r")[ \t]*\.?[ \t]*(?=\n|$)"
)
_FI_REPORTS = re.compile(
    r"(?<!\w)(?:kertoo|kertoi|uutisoi|raportoi)[ \t]+"
    r"(?P<what>(?:[A-ZÄÖa-zäö-]+n[ \t]+){0,3}"
    r"(?:uutispalvelu|yleisradio|uutiskanava|televisiokanava|radiokanava|sanomalehti|"
    r"verkkolehti|uutissivusto)[ \t]+)"
    rf"(?P<name>{_NAME}){_ENDS}"
)
# "according to the fact-checking charity Full Fact", "according to the public broadcaster
# Yle": the words say the name is a newsroom's.
_EN_WHAT = (
    r"(?:(?:independent|non-?profit|national|public|state|state-run|state-owned|"
    r"public[ \t]+service|British|Estonian|Icelandic|Finnish|Norwegian|Danish|Swedish|"
    r"Latvian|Lithuanian|UK|US)[ \t]+){0,2}"
    r"(?:fact[- ]checking[ \t]+(?:charity|organi[sz]ation|site|website|service|group|project)|"
    r"fact[- ]checker|broadcaster|newspaper|news[ \t]+(?:site|website|outlet))[ \t]+"
)
_EN_ACCORDING = re.compile(
    rf"\b(?i:according[ \t]+to)[ \t]+(?:the[ \t]+)?(?P<what>{_EN_WHAT})(?P<name>{_NAME})"
    r"(?![\w'\u2019])(?=[ \t]*(?:[.,;!?]|\n|$))"
)
_REPORT_LINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?i:(?:match[ \t]+)?report[ \t]*:|(?:match[ \t]+)?report[ \t]+by)"
    rf"[ \t]+(?P<name>{_NAME})[ \t]*\.?[ \t]*(?=\n|$)"
)

# A credit line's quote is trimmed of blanks and a closing stop only.
_STOP = " \t\n."


def find(text: str) -> list[Found]:
    """Credits in Nordic newsrooms' words and outlets named by what they are (above)."""
    found: list[Found] = []
    for pattern in (_SCANDI_REPORTS, _FI_REPORTS, _EN_ACCORDING):
        for match in pattern.finditer(text):
            found.append((match["name"], sentence_around(text, match), "text"))
    for pattern in (_SCANDI_BUILT_ON, _REPORT_LINE):
        for match in pattern.finditer(text):
            found.append(
                (match["name"], f"credit line: {quoted_words(match, _STOP)}", "credit_line")
            )
    return found
