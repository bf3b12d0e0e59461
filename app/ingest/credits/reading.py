"""The credit a body gives: how an article names the outlet it took the story from.

A dateline "(Reuters)", "- AP" or "— AFP", the agency closing the story ("(AFP)", a bare
"Reuters" as the last words), a credit line, a byline that is an outlet's name, or "Reuters
reported" / "according to Reuters" in the text (not "according to Reuters calculations": a name
qualifying a noun). Datelines, closing credits, credit lines and bylines mean the article *is*
that outlet's copy (`syndicates`); a credit in the running text means it rewrote it (`cites`).
`credits` reads them all, strongest first; the readers of particular languages, scripts and
house styles are the other `credit_*` modules, which this one calls.
"""

import re
from collections import Counter
from dataclasses import dataclass
from dataclasses import replace
from typing import Any

from app.core import agencies
from app.ingest.credits import arabic
from app.ingest.credits import asia
from app.ingest.credits import datelines
from app.ingest.credits import dates
from app.ingest.credits import frames
from app.ingest.credits import languages
from app.ingest.credits import leads
from app.ingest.credits import lists
from app.ingest.credits import newsrooms
from app.ingest.credits import nordic
from app.ingest.credits import paragraphs
from app.ingest.credits import scripts
from app.ingest.credits import services
from app.ingest.credits import sign_offs
from app.ingest.credits import slavic
from app.ingest.credits import source_words
from app.ingest.credits import sources
from app.ingest.credits import southeast
from app.ingest.credits import unmarked
from app.ingest.credits import wires
from app.ingest.credits.context import BODY_BYLINE
from app.ingest.credits.context import CREDIT_LINE_START
from app.ingest.credits.context import DASH_AFTER
from app.ingest.credits.context import DATELINE_CHARS
from app.ingest.credits.context import PLACE_AND_DATE
from app.ingest.credits.context import SENTENCE_END
from app.ingest.credits.context import SpelledOut
from app.ingest.credits.context import after_the
from app.ingest.credits.context import an_affiliation
from app.ingest.credits.context import bare_initials
from app.ingest.credits.context import byline
from app.ingest.credits.context import carried_paragraph
from app.ingest.credits.context import closes_a_caption
from app.ingest.credits.context import ends_a_caption
from app.ingest.credits.context import ends_its_line
from app.ingest.credits.context import footnote
from app.ingest.credits.context import in_a_quotation
from app.ingest.credits.context import in_full
from app.ingest.credits.context import introduced_keys
from app.ingest.credits.context import introduces
from app.ingest.credits.context import is_introduction
from app.ingest.credits.context import matched_name
from app.ingest.credits.context import name_key
from app.ingest.credits.context import names_agency
from app.ingest.credits.context import sentence_around
from app.ingest.credits.context import spelled_out
from app.tables import LinkRelation

# A capital (also "Č" of "ČTK"), then a dot only inside, as in "U.S.".
# At most 40 characters, and only from a word's start: a long run of capitals ("AAAA…", base64
# padding) is then read in linear time, not tried from every one of its letters.
_NAME_WORD = rf"(?<!\w)[{languages.CAPITAL}](?:[\w&'\u2019-]|\.(?=\w)){{0,40}}"
# A name's words: capitalised, or a number after "The" ("The 19th", "The 74"). Not "of" between
# them ("Rest of World"): a name may start at any capital, so "Jane Doe of Reuters
# contributed" would read "Doe of Reuters".
_NAME = (
    rf"(?:The[ \t]+\d{{1,4}}(?:st|nd|rd|th)?(?!\w)(?:[ \t]+{_NAME_WORD}){{0,2}}"
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
)
# "TOKYO (Reuters) -", "(AP) —", "(Reuters)" anywhere near the start; an editor's mark or a
# second agency may follow the agency after a slash ("(dpa/red)", "(AFP/ld)", "(dpa/AFP)": see
# lists.bracket_names).
_MARKS = r"(?P<marks>(?:/[\w.]+)*)"
_DATELINE_PAREN = re.compile(rf"\((?P<name>{_NAME}){_MARKS}\)")
# "MOSCOW - AP", "— AFP" as a dateline or sign-off.
_DATELINE_DASH = re.compile(rf"(?:^|\n|\s)[\u2014\u2013-]{{1,2}}\s*(?P<name>{_NAME})\s*(?:$|\n)")
_REPORTED = re.compile(
    rf"\b(?:[Aa]ccording to|[Aa]s reported by|reported by|first reported by|told)\s+(?:the\s+)?"
    rf"(?P<name>{_NAME})"
    # "Reuters' Jane Doe contributed to this report", "AP's Jane Doe and John Roe contributed":
    # the agency's reporter, named after it (before the name2 form, which would read "Reuters'
    # Jane Doe" as one name).
    rf"|(?P<name4>{_NAME})(?:['\u2019]s?)[ \t]+[{languages.CAPITAL}][^\n.]{{1,100}}?[ \t]"
    rf"contributed[ \t]+to[ \t]+this[ \t]+report\b"
    rf"|(?P<name2>{_NAME})\s+(?:reported|reports|first reported|contributed to this report)\b"
    # "Associated Press writer Jane Doe in London contributed to this report."
    rf"|(?P<name3>{_NAME})[ \t]+(?:writers?|reporters?|correspondents?)[ \t][^\n.]{{1,120}}?"
    rf"contributed[ \t]+to[ \t]+this[ \t]+report\b"
    # "a Xinhua correspondent reported", "…, the Ukrinform correspondent reports." (not "a
    # former AFP correspondent reports from Kabul": a job; see _FORMER).
    rf"|(?P<name5>{_NAME})(?:['\u2019]s)?[ \t]+(?:correspondents?|reporters?)[ \t]+"
    rf"(?:reported\b|reports(?=[ \t]*[.,;]|[ \t]+that\b))"
)
# Agencies whose names are written in lower case ("(dpa)", "according to dpa"), which the
# capitalised-name patterns above cannot see.
_LOWER_AGENCY = "|".join(agencies.LOWER_CASE_NAMES)
_LOWER_LED = lists.LOWER_LED  # in brackets and sign-offs also "dpa-AFP"
# A wire paragraph carried with its own dateline, anywhere in a local story: "BOLOGNA (ANSA) -".
_PARAGRAPH_DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*[A-Z][A-Z .'\u2019-]{{1,40}}(?:,[^\n()]{{1,30}})?[ \t]*"
    rf"\((?P<name>{_NAME}|{_LOWER_LED}){_MARKS}\)[ \t]*[\u2014\u2013-]{{1,2}}"
)
_DATELINE_LOWER = re.compile(rf"\((?P<name>{_LOWER_LED}){_MARKS}\)")
# A dateline with the date before the agency, unbracketed: "TOKYO, Nov. 6 Kyodo -".
_DATELINE_DATED = re.compile(
    rf"(?:^|\n)[A-Z][A-Z .'\u2019-]+,[ \t][^\n]{{0,25}}?[ \t](?P<name>{_NAME}|{_LOWER_AGENCY})"
    rf"[ \t]*[\u2014\u2013-]{{1,2}}[ \t]"
)
# Credit lines that say the story carries another outlet's copy, at a line or sentence start:
# "Additional reporting by Reuters", "With files from The Canadian Press", "(With information
# from EFE)", "With assistance from Bloomberg", "Source: ANSA", "(with AFP)", "With inputs from
# PTI" (Indian papers), "With reports from AFP" (Philippine papers), "Includes reporting by
# Anadolu Agency", "Agency report: Bernama"; several agencies ("With reporting by Reuters and
# AP", lists.JOINER).
_CREDIT_LINE = re.compile(
    rf"{CREDIT_LINE_START}(?P<lead>(?i:(?:with[ \t]+)?(?:additional[ \t]+)?"
    rf"reporting[ \t]+(?:by|from)"
    rf"|read[ \t]+the[ \t]+(?:full|original|whole)[ \t]+(?:story|article|report)[ \t]+(?:at|on)"
    rf"|cite[sș]te[ \t]+(?:mai[ \t]+mult|tot[ \t]+articolul|"
    rf"articolul[ \t]+(?:complet|integral))[ \t]+pe"
    rf"|(?:this[ \t]+(?:article|story|report)[ \t]+)?draws[ \t]+on[ \t]+reporting[ \t]+(?:by|from)"
    rf"|with[ \t]+(?:additional[ \t]+)?(?:files|information|reporting|reports|assistance|inputs?|"
    rf"material)[ \t]+from|(?:this[ \t]+(?:article|story|report)[ \t]+)?includes[ \t]+"
    rf"reporting[ \t]+(?:(?:originally|first)[ \t]+published[ \t]+)?(?:by|from)|agency[ \t]+report"
    rf"[ \t]*:|source[ \t]*:))[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>(?:{_NAME}|{_LOWER_AGENCY})(?:{lists.JOINER}(?:{_NAME}|{_LOWER_AGENCY}))"
    rf"{{0,3}})\b"
    rf"|\((?i:with)[ \t]+(?:the[ \t]+)?(?P<name2>{_NAME}|{_LOWER_AGENCY})\)"
    # "Information from The Canadian Press was used in this report" (Canadian papers' line).
    rf"|{CREDIT_LINE_START}(?i:information|material)[ \t]+from[ \t]+(?:the[ \t]+)?"
    rf"(?P<name4>(?:{_NAME}|{_LOWER_AGENCY})(?:(?:,|[ \t]+and)[ \t]+(?:the[ \t]+)?"
    rf"(?:{_NAME}|{_LOWER_AGENCY}))*)[ \t]+(?i:was|were)[ \t]+(?i:used)\b"
    # "Based on TASS materials": the Russian press's "po materialam TASS" in English.
    rf"|{CREDIT_LINE_START}(?i:based[ \t]+on)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name3>{_NAME}|{_LOWER_AGENCY})[ \t]+(?i:materials?)\b"
    # "(With PTI inputs)"; "This report by The Canadian Press was first published Jan. 5".
    rf"|\((?i:with)[ \t]+(?P<name5>{_NAME}|{_LOWER_AGENCY})[ \t]+(?i:inputs?)\)"
    rf"|(?:^|\n|[.;][ \t]*)(?i:this[ \t]+(?:report|story|article)[ \t]+by)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name6>{_NAME}|{_LOWER_AGENCY})[ \t]+(?i:was[ \t]+first[ \t]+published)\b"
)
# A source's name going on as a noun's attribute: a lower-case word or a slash right after it.
_NAME_AS_NOUN = re.compile(r"[ \t]*(?:/|[a-zß-öø-ÿ])")
# An agency named with what it is: "according to the Italian news agency ANSA", "the PA news
# agency reports", "Spanish news agency EFE reported".
_DESCRIBED_AGENCY = re.compile(
    rf"\b(?:according[ \t]+to|reported[ \t]+by|cited[ \t]+by)[ \t]+(?:the[ \t]+)?"
    rf"(?:[A-Z][\w-]*[ \t]+){{0,2}}(?:(?i:state|official|national)[ \t]+)?"
    rf"(?i:news[ \t]+agency|press[ \t]+agency|wire[ \t]+service)[ \t]+"
    rf"(?P<name>{_NAME}|{_LOWER_AGENCY})"
    rf"|\b(?P<name2>{_NAME}|{_LOWER_AGENCY})[ \t]+(?i:news[ \t]+agency)[ \t]+"
    rf"(?:reported|reports|said|says)\b"
    rf"|\b(?i:news[ \t]+agency)[ \t]+(?P<name3>{_NAME}|{_LOWER_AGENCY})[ \t]+"
    rf"(?:reported|reports|said|says)\b"
)
_REPORTED_LOWER = re.compile(
    rf"\b(?:[Aa]ccording to|[Aa]s reported by|reported by|first reported by)\s+"
    rf"(?P<name>{_LOWER_AGENCY})\b"
    rf"|\b(?P<name2>{_LOWER_AGENCY})\s+(?:reported|reports|first reported|"
    rf"contributed to this report)\b"
)
# What closes a story: the agency in brackets ("... on Monday. (AFP)", "(dpa/red)"), or alone
# or after "with" as the last words after a sentence ("... on Monday. Reuters", "... with AFP").
_CLOSING_PAREN = re.compile(rf"\((?P<name>{_NAME}|{_LOWER_LED}){_MARKS}\)[ \t.]*$")
_CLOSING_NAME = re.compile(
    rf"(?:^|\n|[.!?\"\u201d][ \t]+)(?:(?i:with)[ \t]+)?(?:(?i:the)[ \t]+)?"
    rf"(?P<name>{_NAME}|{_LOWER_LED}){_MARKS}[ \t]*\.?$"
)
# A lower-case word after "according to Bloomberg" other than these makes the name a modifier
# ("according to Bloomberg data", "according to Reuters calculations"): not a credit.
_FUNCTION_WORDS = (
    "on in at and or which who that said says citing quoting as from for to with by the a an "
    "after before while but late early earlier last this news when where since until "
    "reported reports"
)
_AFTER_CREDIT = frozenset(_FUNCTION_WORDS.split())
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_FORMER = re.compile(r"\b(?i:former|ex-?)[ \t]*$")
# A report the text places before its own time: "Reuters reported last year", "as AP reported in
# January", "Yonhap first reported in 2023" (dates.dated, after the credit), "Last year,
# Reuters reported" (before it): the earlier story the article recalls for background, not the
# one it carries (a story's own credit is undated or of its day: "AFP reported on Monday",
# "reported the decision earlier in the day").
_EARLIER_BEFORE = re.compile(rf"(?:^|[.!?][ \t]+|\n)(?:{dates.ENGLISH_PAST})[ \t]*,?[ \t]*$", re.I)
TEXT_MENTIONS = 8


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit to another outlet found in an article."""

    name: str  # as written, e.g. "Reuters"
    quote: str  # the words that give the credit, e.g. "(Reuters)"
    relation: LinkRelation
    # Capitals English text also uses for something else ("according to the APA": the
    # psychologists): the credit may link the article to a stored article of an outlet of that
    # name on the same claim, but names no agency of the table and credits no origin alone.
    ambiguous: bool = False
    # "told Reuters": someone spoke to the outlet; no credit for the story (credited.py).
    told: bool = False
    # Two or three capitals the text never spells out as the agency, written as other bodies
    # that share them are ("according to the AFP": the Australian Federal Police; "the PTI",
    # Pakistan's party; a headline "AP reports 2,345 cases": Andhra Pradesh), where an agency's
    # credit reads "according to AFP": a proposal for review alone, not an origin (credited.py).
    initials: bool = False
    # "Reuters reported last year": an earlier story recalled for background (dates.py),
    # or a speaker's inside quotation marks ('"Reuters reported that …," he said'); a proposal
    # for review alone, not an origin (credited.py).
    earlier: bool = False
    # Named after another outlet in the same dateline, sign-off or credit line ("AFP" of
    # "(dpa/AFP)", of "Mit Material von dpa und AFP"): the article blends both outlets' copy and
    # counts under the first named; no rival of it (credited.decide).
    joint: bool = False
    # In the text's first sentence ("Forty homes were cleared, the BBC reported."; leads.py).
    lead: bool = False
    # The language of the network's service the words name ("DW's Russian service": "ru";
    # services.py): the credit is that service's, not the network's other outlets'.
    language: str | None = None

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def background(self) -> bool:
        """No credit for this story: someone told the outlet, or the text recalls its earlier
        report."""
        return self.told or self.earlier


def credit_kind(quote: str) -> str:
    """How a credit was given, from the words `credits` (or the page's markup) quotes."""
    if quote.startswith(("(", "dateline:")):
        return "dateline"
    if quote.startswith("credit line:"):
        return "credit_line"
    if quote.startswith("byline:"):
        return "byline"
    if quote.startswith("URL:"):
        return "url"
    if quote.startswith("rel=canonical"):
        return "canonical"
    if quote.startswith("isBasedOn"):
        return "based_on"
    if quote.startswith(("-", "\u2014", "\u2013", "closing:")):
        return "sign_off"
    return "text"


# Credits given this way say the article carries the credited outlet's copy (`syndicates`);
# the others (in the text, isBasedOn) say it builds on it (`cites`).
SYNDICATING_KINDS = frozenset({"dateline", "credit_line", "byline", "url", "canonical", "sign_off"})


# Credits given in these ways may name several outlets at once ("(dpa/AFP)", "With reporting
# by Reuters and AP", "AFP, Reuters", a byline "Reuters and AP" or "By AFP and Reuters staff");
# the ones after the first agency named are joint.
_LISTING_KINDS = frozenset({"dateline", "credit_line", "sign_off", "byline"})


def _joint(found: list[Credit]) -> list[Credit]:
    """The credits, those named after another outlet in the same words marked joint. The lead
    is the first agency of the table the words name, else the first name ("AP" of a byline
    "Jill Colvin | AP" leads, and is no joint credit of the reporter's name)."""
    first: dict[str, str] = {}  # quote -> the key named first in it
    for credit in found:
        if agencies.by_key(credit.key) is not None:
            first.setdefault(credit.quote, credit.key)
    marked = []
    for credit in found:
        lead = first.setdefault(credit.quote, credit.key)
        if lead != credit.key and credit_kind(credit.quote) in _LISTING_KINDS:
            credit = replace(credit, joint=True)
        marked.append(credit)
    return marked


def _bracketed(match: re.Match[str], quote: str) -> list[Credit]:
    """A credit for each agency a dateline's or closing bracket names ("(dpa/AFP)": dpa, then
    AFP), with the same words."""
    names = lists.bracket_names(match["name"], match["marks"] or "")
    return [Credit(name, quote, LinkRelation.syndicates) for name in names]


def _desk_marks(marks: str | None) -> bool:
    """Whether what follows a closing name after slashes is an editor's initials or another
    agency ("AFP/lh", "AFP/dpa"), not a photographer's name ("EFE/Bruque")."""
    return all(
        (mark.islower() and len(mark) <= 5) or lists.written_as_agency(mark)
        for mark in (marks or "").split("/")[1:]
    )


def credits(*, author: str | None, body: str | None, title: str | None = None) -> list[Credit]:
    """Credits in the byline, the dateline and the text, strongest (syndicates) first."""
    found: list[Credit] = []
    text = body or ""
    head = text[:DATELINE_CHARS]
    # Credits whose form says they name an agency even in mixed case: a dateline ("(Hina) -",
    # the agency's own house style), or the text calling it a news agency.
    vouched: set[int] = set()
    for match in _DATELINE_PAREN.finditer(head):
        spelled = spelled_out(head[: match.start()], match["name"])
        if spelled is not None and is_introduction(spelled):
            continue
        if closes_a_caption(text, match):
            continue  # "... in New Delhi on Monday. (Reuters)" over the story: a photo's credit
        if not text[match.end() :].strip(" \t\n.") and ends_a_caption(text, match):
            continue  # the same under a short story
        # "New Delhi, Jan 5 (IANS) The ...": after a place and a date, a dateline without a dash.
        dashed = (
            DASH_AFTER.match(head, match.end()) is not None
            or PLACE_AND_DATE.fullmatch(head[: match.start()]) is not None
        )
        named = spelled is not None and names_agency(spelled)  # "News Agency of Nigeria (NAN)"
        if not (dashed or named) and name_key(match["name"]) in agencies.AMBIGUOUS:
            continue  # "ruling party (PAP) won", "Molson Coors (TAP)": not a dateline
        if not dashed and paragraphs.names_a_group(head[: match.start()]):
            continue  # "Imran Khan's party (PTI) called": the party's abbreviation
        if not dashed and an_affiliation(head, match):
            continue  # "… sabato. Anna Verdi (ANSA).": a person's affiliation
        for credit in _bracketed(match, match.group(0)):
            if dashed or named:
                vouched.add(id(credit))
            found.append(credit)
    for match in _DATELINE_LOWER.finditer(head):
        if not an_affiliation(head, match):  # "fragte Reporterin Jana Weber (dpa) nach"
            found += _bracketed(match, match.group(0))
    for match in _DATELINE_DASH.finditer(head):
        if not closes_a_caption(text, match):
            found.append(Credit(match["name"], match.group(0).strip(), LinkRelation.syndicates))
    for match in _DATELINE_DATED.finditer(head):
        words = " ".join(match.group(0).split())
        found.append(Credit(match["name"], f"dateline: {words}", LinkRelation.syndicates))
    for match in _PARAGRAPH_DATELINE.finditer(text, len(head)):
        if carried_paragraph(text, match):
            found += _bracketed(match, f"dateline: {' '.join(match.group(0).split())}")
    # The story's end, without the desk's author lines and codes under the agency's credit.
    tail = sign_offs.without_desk_lines(text)[-DATELINE_CHARS:]
    for match in _DATELINE_DASH.finditer(tail):
        found.append(Credit(match["name"], match.group(0).strip(), LinkRelation.syndicates))
    closing = tail.rstrip()
    for pattern in (_CLOSING_PAREN, _CLOSING_NAME):
        match = pattern.search(closing)
        if match is None or introduces(closing[: match.start()], match["name"]):
            continue
        if pattern is _CLOSING_PAREN and ends_a_caption(closing, match):
            continue  # "... in Marietta on Monday. (AP)" under the story: a photo's credit
        if name_key(match["name"]) in agencies.AMBIGUOUS and not SENTENCE_END.search(
            closing[: match.start()]
        ):
            continue  # "won by the ruling party (PAP).": inside the sentence, no sign-off
        if pattern is _CLOSING_NAME and not _desk_marks(match["marks"]):
            continue  # "EFE/Bruque": a photographer's name after the agency, a photo's credit
        words = " ".join(match.group(0).strip(' \t\n.!?"\u201d').split())
        found += _bracketed(match, f"closing: {words}")
    if (names := lists.closing_list(closing)) is not None:  # "AFP, Reuters"
        words = f"closing: {names[1]}"
        found += [Credit(name, words, LinkRelation.syndicates) for name in names[0]]
    placed = lists.closing_place(closing)  # "Reuters, Berlin", "(dpa, Hamburg)"
    if placed is not None and not ends_a_caption(closing, placed[1]):
        words = "closing: " + " ".join(placed[1].group(0).strip(" \t\n.").split())
        found += [Credit(name, words, LinkRelation.syndicates) for name in placed[0]]
    for name, words in sign_offs.find(text):  # "Copyright … The Associated Press."
        found.append(Credit(name, words, LinkRelation.syndicates))
    for match in _CREDIT_LINE.finditer(text):
        lead = (match["lead"] or "").lower()
        # "* With reporting from Reuters, EU agrees …": a list's item; "Read the full story at
        # X." is an excerpt's footer only when it ends its line.
        excerpt = lead.startswith(("read", "cite"))  # "Read the full story at X", "Citește …"
        if (footnote(match) or excerpt) and not ends_its_line(text, match.end()):
            continue
        if lead.startswith("source") and _NAME_AS_NOUN.match(text, match.end()):
            # "Source: Reuters poll of 40 economists", "Source: Reuters/Ipsos": the data's
            # source; not "Source: The Conversation France, article de …" (a clause after it).
            continue
        words = " ".join(match.group(0).strip(" \t\n.;*").split())
        listed = matched_name(match)
        lines = [(name, f"credit line: {words}", "") for name in lists.listed(listed)]
        # Not "Chart: Inflation by month / Source: Reuters": the chart's source.
        for name, quote, _ in sources.without_picture_sources(text, lines):
            found.append(Credit(name, quote, LinkRelation.syndicates))
    foreign = languages.find(text, head=head) + slavic.find(text)
    foreign += paragraphs.find(text)  # "ALMATY. KAZINFORM -", "(sda)" closing a paragraph
    foreign += datelines.find(text) + frames.find(text)  # "GNA -", "STT:n mukaan"
    foreign += newsrooms.find(text)  # "republished from The Conversation", "(ANSA)"
    foreign += nordic.find(text)  # "melder Bloomberg", "Artiklen bygger på oplysninger fra"
    # In the agencies' own scripts and mid-story: "据马新社报道", "المصدر: وام", "-- Bernama".
    foreign += asia.find(text) + arabic.find(text) + wires.find(text)
    # Any outlet where no capital marks a name ("朝日新聞が報じた", "조선일보가 보도했다"), and
    # where a word for its kind comes first ("menurut laporan harian Kompas", "theo báo Tuổi Trẻ").
    foreign += unmarked.find(text) + southeast.find(text)
    foreign += sources.find(text)  # "Source: Central Bank of Ireland", "/PRNewswire/"
    foreign += scripts.find(text)  # "(इनपुट: आईएएनएस)", "به گزارش ایرنا", "- with AAP"
    foreign += source_words.find(text)  # "ምንጭ፡ ኢዜአ", "წყარო: ინტერპრესნიუსი"
    foreign = sources.without_picture_sources(text, foreign)  # a chart's "Source:"
    for name, words, kind in foreign:
        if kind not in ("text", "told", "vouched"):
            found.append(Credit(name, words, LinkRelation.syndicates))
    # A byline in the payload, or as the body's first line ("By The Associated Press").
    first = BODY_BYLINE.match(text)
    for line in (author, first["line"] if first else None):
        for name in byline(line) if line else ():
            found.append(credit := Credit(name, f"byline: {line}", LinkRelation.syndicates))
            if paragraphs.sole_agency(line or ""):  # "Hina": the agency's name alone
                vouched.add(id(credit))
    native = author and (asia.byline(author) or arabic.byline(author))
    if author and (native := native or scripts.byline(author)):  # "… Tribune (TNS)"
        found.append(Credit(native, f"byline: {author}", LinkRelation.syndicates))  # "연합뉴스"
    introduced = introduced_keys(text)
    lead = leads.lead_end(text)
    # Initials many bodies share ("Lo riferisce RFI.": Italy's rail network) are the lead's
    # only in its first sentence, not in a second that says who reported it.
    first_only = leads.lead_end(text, second=False)

    def lead_for(name: str) -> int:
        return first_only if bare_initials(name) else lead

    agency_named = SpelledOut(title, author, text)  # asked only for initials, once each
    for headline, source in ((True, title or ""), (False, text)):
        for pattern in (_REPORTED, _REPORTED_LOWER, _DESCRIBED_AGENCY):
            for match in pattern.finditer(source):
                group, name = next((k, v) for k, v in match.groupdict().items() if v)
                after = _NEXT_WORD.match(source, match.end())
                if match.end(group) == match.end() and (
                    (after and after[1] not in _AFTER_CREDIT) or source.startswith("/", match.end())
                ):
                    continue  # "according to Bloomberg data", "Reuters/Ipsos": a noun's qualifier
                if _reports_its_own(pattern, group, source, match):
                    continue  # "Thomson Reuters reported revenue": the name reports its own
                if group == "name5" and _FORMER.search(
                    source, max(0, match.start() - 12), match.start()
                ):
                    continue  # "a former Reuters correspondent reported": no longer the agency's
                name = in_full(source, match.start(group), match.end(group)) or name  # "India"
                credit = _without_possessor(
                    Credit(name, sentence_around(source, match), LinkRelation.cites)
                )
                if pattern is _DESCRIBED_AGENCY:
                    vouched.add(id(credit))  # "Jordan's Petra news agency reported"
                elif credit.key in introduced:
                    continue  # "the Islamic Society of North America (ISNA) ... ISNA reported"
                elif credit.key in agencies.NOT_IN_ENGLISH_TEXT:
                    if not paragraphs.the_agency_reported(
                        credit.key, credit.name, source, match.end()
                    ):  # "The PNA reported that": Philippine News Agency's, as no other body's
                        credit = replace(credit, ambiguous=True)
                elif (
                    bare_initials(credit.name)
                    and agencies.by_key(credit.key) is not None
                    and (
                        headline
                        or credit.name.lower().startswith("the ")
                        or after_the(source, match.start(group))
                    )
                    and not agency_named(credit.key)
                ):
                    credit = replace(credit, initials=True)
                if not headline and match.start() < lead_for(credit.name):
                    credit = replace(credit, lead=True)
                if match.group(0).lstrip().startswith("told"):
                    credit = replace(credit, told=True)
                if (
                    dates.dated(source, match.end())  # "reported last March"
                    or _EARLIER_BEFORE.search(source, max(0, match.start() - 40), match.start())
                    or in_a_quotation(source, match.start(), match.end())
                    or newsrooms.earlier(source, match.start())  # "after Reuters reported"
                ):
                    credit = replace(credit, earlier=True)
                found.append(credit)
    # A name credited in the text many times over (a live blog quoting Reuters in every
    # entry) is weighed on its first TEXT_MENTIONS: each costs a search of the whole text for
    # an earlier report (dates.earlier_report), so all of them would cost mentions x length.
    mentions: Counter[str] = Counter()
    for name, words, kind in dict.fromkeys(foreign):
        if kind in ("text", "told", "vouched"):
            mentions[name] += 1
            if mentions[name] > TEXT_MENTIONS:
                continue
            dated = dates.earlier_report(text, name, words)  # "el pasado mes de marzo"
            first, told = leads.in_lead(text, words, lead_for(name)), kind == "told"
            credit = Credit(name, words, LinkRelation.cites, told=told, earlier=dated, lead=first)
            if kind == "vouched":  # "javlja Hina": a reporting verb's subject is the agency
                vouched.add(id(credit))
            found.append(credit)
    for service in services.find(text):  # "DW's Russian service reported"
        if service.kind == "credit_line":
            found.append(
                Credit(
                    service.name, service.words, LinkRelation.syndicates, language=service.language
                )
            )
            continue
        dated = dates.earlier_report(text, service.name, service.words)
        first = leads.in_lead(text, service.words, lead_for(service.name))
        told = service.kind == "told"
        credit = Credit(service.name, service.words, LinkRelation.cites, told=told, earlier=dated)
        found.append(replace(credit, lead=first, language=service.language))
    # One credit per name and relation, and per service's language: "Euronews reported" and
    # "according to Euronews' Italian edition" are both kept (credits/outlets.py reads them
    # together).
    unique: dict[tuple[str, LinkRelation, str | None], Credit] = {}
    for credit in _joint(found):
        # Not "(Map)" nor "The App reported", unless the text says it is a news agency.
        if id(credit) in vouched or agencies.may_name(credit.name):
            credit = _without_possessor(credit)
            kept = unique.setdefault((credit.key, credit.relation, credit.language), credit)
            # "news agency APA reported" says which APA; "according to Reuters" after "told
            # Reuters" is a credit for the story.
            if _rank(credit) < _rank(kept):
                unique[(credit.key, credit.relation, credit.language)] = credit
    return list(unique.values())


def _rank(c: Credit) -> tuple[bool, ...]:  # of two credits of one outlet: keep the lower
    return (c.told, c.ambiguous, c.initials, c.earlier, c.joint, not c.lead)


# What a company or a person reports of its own after "X reported": "Thomson Reuters reported
# first-quarter revenue", "CP reports record quarterly profit", "Bloomberg reported income".
# Anything else after "reported" keeps the credit ("Reuters reported there were", "AFP
# reported police had fired", "Reuters reported he had resigned").
_OWN_FIGURES = frozenset({
    "revenue", "revenues", "profit", "profits", "income", "earnings", "net", "sales", "loss",
    "losses", "turnover", "record", "quarterly", "annual", "full-year", "half-year",
    "first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "operating",
})  # fmt: skip
_NEXT_TERM = re.compile(r"[ \t]+([a-z]+(?:-[a-z]+)*)\b")


def _reports_its_own(pattern: re.Pattern[str], group: str, source: str, match: Any) -> bool:
    """ "X reported revenue": X reports a figure of its own, it is not credited with a story."""
    if pattern not in (_REPORTED, _REPORTED_LOWER) or group != "name2":
        return False
    if match.group(0).endswith("report"):  # "contributed to this report"
        return False
    after = _NEXT_TERM.match(source, match.end())
    return after is not None and after[1] in _OWN_FIGURES


_POSSESSOR = re.compile(r"^.*?['\u2019]s[ \t]+(?=\S)")


def _without_possessor(credit: Credit) -> Credit:
    """ "South Korea's Yonhap" names Yonhap: the possessor is not part of the name."""
    name = _POSSESSOR.sub("", credit.name)
    return credit if name == credit.name else replace(credit, name=name)
