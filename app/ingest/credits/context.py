"""What stands around a credit, read to tell a credit from a look-alike: a name's key, an
abbreviation the text spells out (or introduces as something else), a photo's caption, a place
and a date before a bracket, the names a byline gives, a wire paragraph carried inside a local
story. `reading.credits` finds credits; this module judges their surroundings.
"""

import re
import unicodedata

from app.core import agencies
from app.ingest.credits import markers
from app.ingest.credits import source_words
from app.ingest.sentence_ends import TERMINATORS


def name_key(name: str) -> str:
    """How outlet names are compared: lower case, single spaces, without a leading "the"."""
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return key.removeprefix("the ").strip(" .")


def matched_group(match: re.Match[str]) -> str | None:
    """Which group of a reader's match holds the name it read: the first of its groups called
    "name…" that took part ("name", "name2", … in the alternatives of one pattern)."""
    return next((k for k, v in match.groupdict().items() if k.startswith("name") and v), None)


def matched_name(match: re.Match[str]) -> str:
    """The name a reader's match read (`matched_group`'s text; "" when no such group took part)."""
    group = matched_group(match)
    return match[group] if group is not None else ""


def bare_initials(name: str) -> bool:
    """Two or three capitals ("AP", "AFP", "PTI"; "The AFP" at a sentence's start): initials
    many bodies share."""
    name = name.removeprefix("The ").removeprefix("the ")
    return name.isupper() and name.isalpha() and 2 <= len(name) <= 3


def after_the(source: str, start: int) -> bool:
    """Whether "the" comes just before `start` ("according to the AFP", "the PTI reported")."""
    return re.search(r"(?<!\w)(?i:the)[ \t]+$", source[max(0, start - 8) : start]) is not None


class SpelledOut:
    """Whether an article (title, byline and body) names the agency some initials stand for by
    a longer name too ("Agence France-Presse", "the Associated Press"). The text is folded once,
    on the first question, and each agency is looked up once: a body that says "the AP
    reported" a thousand times costs one search, not a thousand."""

    def __init__(self, *parts: str | None) -> None:
        self._parts = parts
        self._words: str | None = None
        self._known: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        if key not in self._known:
            self._known[key] = self._find(key)
        return self._known[key]

    def _find(self, key: str) -> bool:
        agency = agencies.by_key(key)
        if agency is None:
            return False
        if self._words is None:
            self._words = fold(" ".join(part or "" for part in self._parts)).replace("-", " ")
        longer = [fold(name) for name in (agency.name, *agency.aliases)]  # as the text is
        return any(
            len(name) > 3
            and re.search(rf"(?<!\w){re.escape(name.replace('-', ' '))}(?!\w)", self._words)
            for name in longer
        )


# A sentence's end, in any script: a line of a photo's caption (a sentence, then its credit,
# then the story on the next line), a paragraph of prose; a chart's title ends in none
# ("Chart: Inflation by month"). Amharic and Burmese prose ends in "።" or "။", Chinese and
# Japanese in "。".
SENTENCE_END = re.compile(
    rf"[.!?\u2026{TERMINATORS}\u3002\uff01\uff1f][\"\u201d\u2019)\u300d]?\s*$"
)
PROSE = 60  # characters: a paragraph this long, ending a sentence, is prose, not a caption's line
# Where a credit line may begin: at a line's start (after a footnote's asterisk too: "*Com
# informações da Agência Brasil", "**Con información de EFE"), or after a sentence's end, a
# bracket or a dash on its line.
CREDIT_LINE_START = r"(?:(?:^|\n)(?:\*{1,2}[ \t]*)?|[.;(\u2014\u2013-][ \t]*)"
_LINE_END = re.compile(r"[ \t.)\]*_]*(?:\n|$)")


def footnote(match: re.Match[str]) -> bool:
    """Whether a credit line was read after a footnote's asterisk (CREDIT_LINE_START)."""
    return match.group(0).lstrip(" \t\n").startswith("*")


def ends_its_line(text: str, end: int) -> bool:
    """Whether nothing but a full stop, brackets or spaces follows `end` on its line: a
    footnote's credit ends with the name, a list's item goes on ("* With reporting from
    Reuters, EU agrees new sanctions")."""
    return _LINE_END.match(text, end) is not None


# How far into a body a dateline (or an agency's mark near the start) is looked for.
DATELINE_CHARS = 300


def prose(paragraph: str, picture: re.Pattern[str]) -> bool:
    """Whether the paragraph before a credit is prose, not a caption's or a chart's line: PROSE
    characters or more, ending a sentence (or in Thai or Lao, which end none with a mark), and no
    word of `picture` (the reader's own words for a picture) in it."""
    return (
        len(paragraph) >= PROSE
        and not picture.search(paragraph)
        and (SENTENCE_END.search(paragraph) is not None or _unstopped_prose(paragraph))
    )


def under_a_title(text: str, start: int, picture: re.Pattern[str]) -> bool:
    """Whether the line at `start` stands under a chart's, a table's or a photo's title: the
    paragraph before it ends no sentence ("Chart: Inflation by month"), or has a word of
    `picture` (the reader's own words for one). Not a line that opens the text."""
    before = paragraph_before(text, start)
    return bool(before) and (
        picture.search(before) is not None
        or (SENTENCE_END.search(before) is None and not _unstopped_prose(before))
    )


# Thai and Lao end no sentence with a mark: a paragraph of theirs is prose by its length.
_UNSTOPPED = re.compile(r"[\u0e00-\u0eff]")


def _unstopped_prose(paragraph: str) -> bool:
    return len(paragraph) >= PROSE and len(_UNSTOPPED.findall(paragraph)) * 2 >= len(paragraph)


def closes_a_caption(text: str, match: re.Match[str]) -> bool:
    """Whether a credit near the top ("(Reuters)", "- AFP") closes a sentence on its own line
    with the story below it: a photo's caption ("Police stand guard in New Delhi on Monday.
    (Reuters)"), not the story's dateline."""
    start = match.start("name")
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip(" \t(\u2014\u2013-")
    rest = text[match.end() :]
    return (
        (match.group(0).endswith("\n") or re.match(r"[ \t.]*\n", rest) is not None)
        and bool(rest.strip())
        and SENTENCE_END.search(before) is not None
    )


# A photo's caption printed under the story, its credit in brackets: "Volunteers carry
# sandbags along Front Street in Marietta on Monday. (AP)". What tells it from a story's last
# paragraph closed by the agency ("Parliament will vote on the bill on Monday. (PAP)"): a
# caption says what a picture shows, in the present tense, of a day that has passed. Read from
# its words: picture words ("pictured", "is seen" but not "is seen as", "poses", "(left)", "in
# this photo"), or a day or date and the place the picture was taken, with no verb of a
# story's (nothing said, reported, past or to come: "said", "will", "was", "-ed" verbs; "a
# flooded car" is an adjective, after an article). A caption says where ("in Marietta",
# "outside the singer's home", "on Front Street"); a story's last line of what comes next, in
# the same present tense of a weekday, often does not ("Talks resume on Wednesday. (AFP)").
_PICTURE_WORDS = re.compile(
    r"\b(?:pictured|in[ \t]+this[ \t]+(?:file[ \t]+)?(?:photo|image|picture)|file[ \t]+photo|"
    r"photo[ \t]+taken|(?:is|are)[ \t]+seen(?![ \t]+as\b)|looks?[ \t]+on|poses?|gestures?)\b"
    r"|\((?i:left|right|centre|center|top|bottom|front|back)\)",
)
_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2})\b"
)
_NOT_A_CAPTION = (
    "said says say told tells added adds according reported reports will would could should "
    "can may might must shall was were had has have is are be been being did does do expected "
    "plans planned due next tomorrow later "
    # Irregular past tenses ("-ed" verbs are read by their ending).
    "rose fell won lost met took made came went began saw gave left held led paid sent spent "
    "struck found became broke ran sold stood knew grew drew threw flew fought caught brought "
    "thought kept hit shot"
)
_STORY_WORDS = frozenset(_NOT_A_CAPTION.split())
# What a caption written in the past tense ("Rescuers searched the rubble in Karangsari after
# the landslide buried homes on Saturday.") still never has: a speaker, a report, what is to
# come (ends_a_caption's `past`).
_SPEAKER_OR_FUTURE = (
    "said says say told tells added adds according reported reports will would could should "
    "can may might must shall expected plans planned due next tomorrow later"
)
_ATTRIBUTION = frozenset(_SPEAKER_OR_FUTURE.split())
CAPTION_WORDS = 30  # a caption is one short sentence
_PLACE = re.compile(
    r"\b(?:outside|near|along|inside|beside|across|around|past|behind|atop)[ \t]"
    r"|\b(?:in|at|on)[ \t]+(?:the[ \t]+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z]"
)
_ARTICLES_AND_OWNERS = "a an the this that his her their its our my some one two"
_MODIFIER = frozenset(_ARTICLES_AND_OWNERS.split())
_SENTENCE_BREAK = re.compile(r"[.!?\u2026][\"\u201d\u2019)]?[ \t]+(?=[A-Z\"\u201c])")


def ends_a_caption(text: str, match: re.Match[str], *, past: bool = False) -> bool:
    """Whether a bracketed credit closing the body ends a photo's caption under the story: a
    paragraph of its own, one sentence, that reads as a caption (see _PICTURE_WORDS). With
    `past`, a caption may be written in the past tense, as many papers write them: then only a
    speaker, a report or what is to come (_ATTRIBUTION) makes a short sentence a story's."""
    start = text.rfind("\n", 0, match.start()) + 1
    if start == 0:
        return False  # a body of one paragraph: the credit closes the story itself
    sentence = text[start : match.start()].strip()
    if not sentence or _SENTENCE_BREAK.search(sentence.rstrip(".!?\u2026 ")) is not None:
        return False
    if not text[:start].strip():
        return False
    if _PICTURE_WORDS.search(sentence):
        return True
    if _DAY.search(sentence) is None or re.search(r"[\"\u201c\u201d]", sentence):
        return False
    if _PLACE.search(sentence) is None:
        return False  # "Talks resume on Wednesday.": no place, no picture's
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", sentence)
    if past:
        return len(words) <= CAPTION_WORDS and not _ATTRIBUTION & {w.lower() for w in words}
    for before, word in zip(["", *words], words, strict=False):
        lower = word.lower()
        if lower in _STORY_WORDS:
            return False
        if lower.endswith("ed") and len(lower) > 4 and before.lower() not in _MODIFIER:
            return False
    return True


# "New Delhi, Jan 5 (IANS)": a place and a date before the bracket make it a dateline.
PLACE_AND_DATE = re.compile(
    r"[ \t]*[A-Z][\w .'\u2019-]{1,40}?,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}"
    r"[ \t]+[A-Z][a-z]{2,8}\.?)[ \t]*"
)
# A person's affiliation in brackets inside the story's first lines: "Il concerto si terrà
# sabato. Anna Verdi (ANSA).", "Relatori: Marco Rossi (Corriere), Anna Verdi (ANSA).", "…,
# reporter Jane Doe (Reuters) asked": a name of capitalised words (no digit: "Cusco, nov. 19
# (ANDINA)." is a dateline), the bracket closing a sentence or a list item or the sentence going
# on in lower case, after running text on its line (a lower-case word of four letters or more,
# not a place's "de" or "am", a sentence's end or another bracket); a dateline stands first on
# its line ("Kuala Lumpur (Bernama). …", "Rio de Janeiro (Agência Brasil). …") and EFE's ".-"
# is its dash.
_PERSON_BEFORE = re.compile(
    r"(?P<name>(?:[A-ZÀ-ÖØ-ÞĆČĐŁŠŽ][a-zß-öø-ÿćčđłšž'\u2019-]+[ \t]+){1,3})$"
)
_RUNNING_TEXT = re.compile(r"(?<!\w)[a-zß-öø-ÿ]{4,}|[.!?\u2026][ \t]|\)")


def an_affiliation(text: str, match: re.Match[str]) -> bool:
    """Whether a bracket near the top follows a person's name in running text (above): an
    affiliation, not a dateline."""
    if re.match(r"[ \t]*(?:[.,;](?![ \t]*[\u2014\u2013-])|[a-z])", text[match.end() :]) is None:
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start : match.start()]
    person = _PERSON_BEFORE.search(before)
    if person is None or spelled_out(before, match["name"]) is not None:
        return False  # "Lebanon's state-run National News Agency (NNA) said": spelled out
    if any(fold(word) in _AGENCY_WORDS for word in person["name"].split()):
        return False  # "… the Jordan News Agency (Petra) said": an agency's own name
    return _RUNNING_TEXT.search(before[: person.start()]) is not None


BODY_BYLINE = re.compile(r"[ \t]*(?i:by)[ \t]+(?P<line>[^\n]{1,80}?)[ \t]*\n")
_BYLINE_PARTS = re.compile(
    r",|/|\||\band\b|\bfor\b|\bby\b|\bwith\b|[ \t][-\u2013\u2014][ \t]", re.IGNORECASE
)
# A reporter's outlet in brackets after the name: "Kang Min-seo (Hankyoreh)", "Li Wen (CGTN)".
_OUTLET_IN_BRACKETS = re.compile(r"^(?P<before>[^()]+?)[ \t]*\((?P<name>[^()]{2,60})\)$")
# "By" in the byline's language, before its first name: "Por BBC", "Von Anna Müller", "Par
# Jean Dupont" (not Dutch "Door": "Door County Advocate" is a paper's name).
_BYLINE_LEAD = re.compile(r"^[ \t]*(?i:por|von|par)[ \t]+(?=[A-ZÀ-Þ])")
_ROLE = re.compile(
    r"[ \t]+(?i:staff|writers?|correspondents?|reporters?|editors?|journalists?|columnists?)$"
)
# A desk or a beat before a role ("Jane Doe (Science Editor)", "- Metro Reporter", "- Independent
# Journalist"): the reporter's beat, not an outlet's name.
_BEATS = frozenset((
    "science", "health", "national", "metro", "money", "business", "sports", "sport",
    "political", "politics", "foreign", "world", "local", "city", "state", "education",
    "environment", "climate", "technology", "tech", "culture", "arts", "features", "data",
    "investigations", "investigative", "legal", "courts", "crime", "security", "diplomatic",
    "economics", "economy", "finance", "markets", "energy", "transport", "food", "travel",
    "opinion", "digital", "social", "video", "photo", "weather", "independent", "freelance",
    "senior", "chief", "deputy", "managing", "executive", "associate", "contributing",
    "special", "staff", "news", "night", "weekend", "regional", "global", "international",
))  # fmt: skip
# A byline's "of" before the outlet its writer works for, in lower case: "Camila Boaventura, da
# Agência Brasil", "María López, de la Agencia EFE", "Jane Doe, of the Associated Press" (not
# "De Telegraaf", a name; not English "of" alone, a hometown's: "Jane Doe, of Petra").
_OF = re.compile(r"^(?:da|do|das|dos|de|de[ \t]+la|del|della|di|of[ \t]+the)[ \t]+(?=[A-ZÀ-Þ])")


# A byline's credit for the pictures, not the words: "Text: Jane Doe. Photos: AP and Reuters",
# "Foto: dpa", "Pictures by AFP", "Foto de EFE", "Fotos di ANSA", "Photo par AFP".
_PICTURE_CREDIT = re.compile(
    r"(?i:\b(?:photos?|fotos?|pictures?|images?|bilder?|photography|video|graphics?|grafik)"
    r"[ \t]*(?::|\b(?:by|von|de|di|da|do|par|from)\b))[^|;\n]*"
)


# A byline that gives its source as a source line does: "Source : GlobeNewswire", "Quelle: dpa".
_SOURCE_PREFIX = re.compile(rf"^[ \t]*{source_words.WORD}[ \t]*[{source_words.COLONS}][ \t]*")
# A name with a slash inside a word ("Polizeipräsidium Schwaben Süd/West"): also read whole.
_SLASHED_NAME = re.compile(r"^[^/|,]*\w/\w[^/|,]*$")


def byline(author: str) -> list[str]:
    """The names a byline gives, each a possible credit: "Reuters", "By REUTERS", "Reuters
    Staff", "Jill Colvin | AP", "ZEKE MILLER Associated Press", "JOSH BOAK, AP Economics
    Writer", "dpa", "Source: GlobeNewswire", "Por BBC"; a name with a slash inside it and no
    agency's name in it is read whole as well as in its parts ("Polizeipräsidium Schwaben
    Süd/West": only a stored outlet of that name makes it a credit)."""
    names: list[str] = []
    author = _BYLINE_LEAD.sub("", _SOURCE_PREFIX.sub("", author))
    parts = []
    for part in _BYLINE_PARTS.split(_PICTURE_CREDIT.sub("", author)):
        bracketed = _OUTLET_IN_BRACKETS.match(part.strip(" ."))
        parts += [bracketed["before"], bracketed["name"]] if bracketed else [part]
    for part in parts:
        name = part.strip(" .")
        of = _OF.match(name)
        if of is not None:
            # One outlet, named whole: not initials ("da ANP", Brazil's oil regulator; "of the
            # PA"), nor a name that is also a word or a place (agencies.AMBIGUOUS).
            whole = name[of.end() :]
            if not bare_initials(whole) and name_key(whole) not in agencies.AMBIGUOUS:
                names.append(whole)
            continue
        stripped = _ROLE.sub("", name)
        if not name or not (name[0].isupper() or name in agencies.LOWER_CASE_NAMES):
            continue
        if markers.place(name) and agencies.by_key(name_key(name)) is None:
            continue  # "Jane Doe (Berlin)", "Jane Doe, New York": where she writes from
        if stripped != name and stripped.casefold() in _BEATS:
            continue  # "Jane Doe (Science Editor)": her beat
        names.append(stripped)
        words = stripped.split()
        # A reporter's name and then the agency's; the agency's and then a beat ("AP
        # Economics"): the agency in capitals or by a name of several words.
        # Longest first, and only when the whole is no agency ("Australian Associated Press"
        # is AAP, not AP).
        sizes = range(min(3, len(words) - 1), 0, -1)
        pieces = [" ".join(words[-k:]) for k in sizes]
        if stripped != name:
            pieces += [" ".join(words[:k]) for k in sizes]
        if agencies.by_key(name_key(stripped)) is not None:
            pieces = []
        for piece in pieces:
            if (piece.isupper() or " " in piece) and agencies.by_key(name_key(piece)):
                names.append(piece)
                break
    # Not "Jane Doe/PNA", "AP/Reuters": a reporter and an agency, or two agencies.
    whole = author.strip(" .")
    agency = any(agencies.by_key(name_key(name)) for name in names)
    if _SLASHED_NAME.match(whole) and whole[:1].isupper() and not agency:
        names.append(whole)
    return names


# An abbreviation introduced after what it stands for: "the Middle East and North Africa (MENA)",
# "Member of the National Assembly (MNA)", "École nationale d'administration (ENA)". Small
# words and elided articles give no letter.
_NOT_IN_A_NAME = re.compile(r"[^\w \t'\u2019-]")
_SMALL_WORDS = frozenset(
    ("of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "el", "y", "et", "und", "der",
     "di", "da", "do")
)  # fmt: skip


# "Lebanon's National News Agency (NNA)", "the Algerian Press Service (APS)": an agency's own
# name, spelled out before its abbreviation, introduces the agency.
_AGENCY_WORDS = frozenset(("agency", "service", "press", "presse", "agentur", "agencia", "agenzia"))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def spelled_out(before: str, name: str) -> list[str] | None:
    """The words just before "(NAME)" whose initials spell NAME, if any."""
    if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 8):
        return None
    words = _NOT_IN_A_NAME.split(before[-200:])[-1].split()
    target = fold(name)
    for start in range(len(words) - 1, -1, -1):
        phrase = words[start:]
        parts = [p for w in phrase for p in re.split(r"[-'\u2019]", w) if p]
        small = [p.casefold() in _SMALL_WORDS or (len(p) == 1 and p.islower()) for p in parts]
        folded = fold("".join(p[0] for p, skip in zip(parts, small, strict=True) if not skip))
        if folded == target:
            return phrase
        if len(folded) > len(target) or not target.endswith(folded):
            return None
    return None


def in_full(source: str, start: int, end: int) -> str | None:
    """The full name of a listed agency that the words around a name in the text spell, when
    the name alone is none: "the Press Trust of India reported" (a name stops at "of", so the
    credit's name is "India"), "News Agency of Nigeria", "the Kuwait News Agency said"."""
    name = source[start:end]
    if agencies.by_key(name_key(name)) is not None:
        return None
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    before = re.findall(r"[\w'\u2019-]+", source[max(line_start, start - 40) : start])[-4:]
    after = source[end : end + 30 if line_end < 0 else min(line_end, end + 30)]
    after_words = re.findall(r"[\w'\u2019-]+", after)[:2]
    window = source[max(0, start - 60) : end + 40]
    best = None
    for i in range(len(before) + 1):
        for j in range(len(after_words) + 1):
            words = [*before[i:], name, *after_words[:j]]
            full = " ".join(words)
            if len(words) == 1 or words[0].lower() == "the":
                continue
            if agencies.by_key(name_key(full)) is None:
                continue
            written = r"[ \t]+".join(re.escape(word) for word in words)
            # Not "a former Press Trust of India correspondent": no longer the agency's.
            found = re.search(rf"(?<!\w)(?:(?i:former|ex-?)[ \t]*)?{written}", window)
            if found and not found[0].lower().startswith(("former", "ex")):
                best = full if best is None or len(full) > len(best) else best
            elif found:
                return None
    return best


def names_agency(phrase: list[str]) -> bool:
    """Whether spelled-out words are an agency's own name ("Agence France-Presse", "News Agency
    of Nigeria", "Lebanon's National News Agency")."""
    text = re.sub(r"^(?:the|an?)\s+", "", " ".join(phrase), flags=re.IGNORECASE)
    if fold(phrase[-1]) in _AGENCY_WORDS or agencies.by_key(name_key(text)) is not None:
        return True
    return any(fold(word) in _AGENCY_WORDS for word in phrase)


def introduces(before: str, name: str) -> bool:
    """Whether the capitals "(NAME)" follows are spelled out by the words just before it, which
    are not themselves an agency's name ("Agence France-Presse (AFP)" still credits AFP) nor a
    dateline in capitals ("ALBANY PARK (AP)")."""
    phrase = spelled_out(before, name)
    return phrase is not None and is_introduction(phrase)


def is_introduction(phrase: list[str]) -> bool:
    """Spelled-out words that introduce an abbreviation: not a dateline in capitals nor an
    agency's own name."""
    return not " ".join(phrase).isupper() and not names_agency(phrase)


DASH_AFTER = re.compile(r"[ \t]*[\u2014\u2013:-]")
_BRACKETED = re.compile(r"\(([A-Z]{2,8})\)")
_A_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'\u2019-]{1,40}[ \t]*\([^()\n]{1,40}\)[ \t]*[\u2014\u2013-]"
)


def introduced_keys(text: str) -> set[str]:
    """The keys of the abbreviations a body spells out before using them ("the Ministry of
    Trade and Industry (MTI)"): later "MTI reported" names the ministry, not an agency."""
    return {
        name_key(match[1])
        for match in _BRACKETED.finditer(text)
        if introduces(text[: match.start()], match[1])
    }


def carried_paragraph(text: str, match: re.Match[str]) -> bool:
    """A "PLACE (Agency) -" inside a body starts a wire paragraph: prose follows (a sentence
    of words, not a score or a vote count), the lines around it are not of the same shape (a
    list of results or candidates: "ANG MO KIO GRC (PAP) - 71.9 per cent"), and capitals that
    are also something else ("PAP", "SDA") count only with a date ("ZAGREB, Oct. 3 (Hina) -")."""
    end = text.find("\n", match.end())
    rest = text[match.end() : end if end != -1 else len(text)].strip()
    letters = sum(c.isalpha() for c in rest)
    if (
        len(rest) < 60
        or letters < 0.6 * len(rest)
        or not (rest[0].isupper() or rest[0] in '"\u201c')
    ):
        return False
    if name_key(match["name"]) in agencies.AMBIGUOUS and "," not in match.group(0):
        return False
    start = text.rfind("\n", 0, match.start() + 1)
    before = text[: max(start, 0)].rstrip("\n").rsplit("\n", 1)[-1]
    after = text[end + 1 :].lstrip("\n").split("\n", 1)[0] if end != -1 else ""
    return not (_A_DATELINE.match(before) or _A_DATELINE.match(after))


def sentence_around(text: str, match: re.Match[str]) -> str:
    start = max(text.rfind(".", 0, match.start()) + 1, match.start() - 80)
    end = text.find(".", match.end())
    end = min(end + 1 if end != -1 else len(text), match.end() + 80)
    return " ".join(text[start:end].split())


# What a credit line's quote is trimmed of at either end: blanks, stops and semicolons, and an
# opening bracket or markup ("(With files from AP", "*Source: Reuters", "_Reporting by AFP").
LINE_TRIM = " \t\n.;(*_["


def quoted_words(match: re.Match[str], trim: str = LINE_TRIM) -> str:
    """The words a reading matched, as a credit quotes them: `trim`'s characters taken from
    both ends, every run of blanks one space, at most 300 characters."""
    return " ".join(match.group(0).strip(trim).split())[:300]


def in_a_quotation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside quotation marks in its paragraph: a speaker's
    words ('"Reuters reported earlier that the talks had failed," he said'), where an agency
    named is the speaker's recollection of its report, not the article's credit for its story.
    An opening mark before it that is not closed, and the closing mark after it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end : len(text) if line_end < 0 else line_end]
    marks = _quote_marks(before)
    return bool(marks) and marks[-1] == "open" and "close" in _quote_marks(after)


_QUOTE_MARK = re.compile(r'[\u201c\u201d"]')


def _quote_marks(text: str) -> list[str]:
    """The double quotation marks of a text, "open" or "close", curly and straight alike (a
    paragraph may mix them); a straight mark opens after a space, a bracket or the start,
    closes elsewhere, and after a digit is an inch sign (65" screens), no mark."""
    marks = []
    for match in _QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        previous = text[at - 1] if at else " "
        if mark == '"' and previous.isdigit():
            continue
        opens = mark == "\u201c" or (mark == '"' and (previous.isspace() or previous in "([{"))
        marks.append("open" if opens else "close")
    return marks


def paragraph_before(text: str, start: int) -> str:
    """The paragraph that ends just before `start` (or the one `start` is in)."""
    line_start = text.rfind("\n", 0, start) + 1
    own = text[line_start:start].strip()
    if own:
        return own
    return text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
