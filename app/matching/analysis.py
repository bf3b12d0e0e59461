"""What the lexical matcher sees in a claim: weighted stems, numbers, polarity and direction.

A claim's text is reduced to content words (no stop words), stemmed with the English Snowball
stemmer, and mapped through a small table of news-domain equivalences (demonyms and capitals to
their country, "enlargement" ~ "expansion", "halt" ~ "stop" ~ "end"...). Each token gets a
weight: numbers and names count most, reporting verbs ("said", "according") and titles least.
Polarity (a negation or a verb of denial) and direction words (rise/fall, impose/lift, ban/allow,
approve/reject, win/lose) are kept apart so that claims sharing words but saying the opposite can
be told apart.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache

import Stemmer

from app.core import scripts


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _wordset(
    """
    a about above after again all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves may might must shall us upon
    amid among via per its it's within whether though although yet still even ever already
    """
)

# Reporting verbs, hedges and titles: they frame a claim rather than say what it is.
WEAK_WORDS = _wordset(
    """
    say says said saying tell tells told according report reports reported reportedly reporting
    claim claims claimed state states stated announce announces announced announcement add adds
    added statement sources source official officials spokesman spokeswoman spokesperson
    president minister prime chancellor secretary mr mrs ms dr leader chief head
    allegedly alleged apparently expected likely new time times week weeks year years month
    months day days today yesterday tomorrow
    """
)

# Words that flip what a claim asserts. Counted modulo two: "did not deny" asserts again.
NEGATIONS = _wordset(
    """
    not no never nor none nobody cannot deny denies denied denying refute refutes
    refuted reject rejects rejected rejecting refuse refuses refused refusing dismiss dismisses
    dismissed false untrue
    """
)

# Groups of words that mean the same thing in news claims; each maps to its first member.
EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("expand", "expansion", "enlarge", "enlargement", "widen", "widening"),
    ("halt", "stop", "end", "cease", "ending", "terminate", "stopping", "halting"),
    ("demand", "want", "wants", "seek", "seeks", "insist", "require", "urge", "call", "calls"),
    ("pledge", "commitment", "commit", "promise", "guarantee", "assurance", "vow", "undertaking"),
    ("write", "written", "writing"),
    ("war", "conflict", "fighting", "hostilities", "invasion"),
    ("deal", "agreement", "accord", "pact", "treaty", "settlement"),
    ("sanction", "sanctions", "embargo", "embargoes"),
    ("talk", "talks", "negotiation", "negotiations", "negotiate", "negotiating"),
    ("kill", "killed", "dead", "death", "deaths", "die", "died", "fatalities", "lives"),
    ("injure", "injured", "wounded", "wound", "hurt", "injuries"),
    ("arrest", "arrested", "detain", "detained", "custody"),
    ("ceasefire", "truce", "armistice"),
    ("factory", "factories", "plant", "plants"),
    ("protest", "protests", "demonstration", "demonstrations", "rally"),
    ("federal", "fed"),
    ("acquire", "acquired", "buy", "bought", "purchase", "takeover"),
    ("resign", "resigned", "quit", "resignation"),
    ("membership", "member", "join", "joining", "accession"),
    ("protect", "protection", "safeguard", "safeguarding", "defend"),
    ("percent", "pct", "percentage"),
    ("cost", "price", "prices", "costs"),
    ("law", "legislation", "bill", "act"),
    ("troops", "soldiers", "forces", "military", "army"),
    ("west", "western", "westerners"),
    ("russia", "russian", "russians", "moscow", "kremlin"),
    ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"),
    ("usa", "america", "american", "americans", "washington"),
    ("china", "chinese", "beijing"),
    ("europe", "european", "europeans", "eu", "brussels"),
    ("britain", "british", "uk", "london"),
    ("germany", "german", "germans", "berlin"),
    ("france", "french", "paris"),
    ("israel", "israeli", "israelis"),
    ("iran", "iranian", "iranians", "tehran"),
    ("japan", "japanese", "tokyo"),
    ("india", "indian", "delhi"),
    ("turkey", "turkish", "ankara"),
    ("poland", "polish", "warsaw"),
    ("gaza", "gazan"),
)

# Direction words: a claim with one side and a claim with the other say opposite things. A
# third side, "=", is for staying the same ("kept rates unchanged"): it opposes any change.
DIRECTIONS: dict[str, dict[str, str]] = {
    "amount": {
        "+": "rise rises rose increase increased raise raised hike hiked grow grew climb climbed "
        "surge surged jump jumped boost higher soar soared double doubled tighten tightened "
        "rally rallied spike spiked rebound rebounded accelerate accelerated",
        "-": "fall falls fell decrease decreased cut cuts lower lowered drop dropped decline "
        "declined reduce reduced slash slashed plunge plunged shrink shrank halve halved ease "
        "eased loosen loosened tank tanked slump slumped tumble tumbled sink sank slide slid "
        "dip dipped plummet plummeted crash crashed sag sagged slow slowed shed",
    },
    "force": {
        "+": "impose imposed introduce introduced extend extends extended renew renewed "
        "reinstate reinstated",
        "-": "lift lifted lifts remove removed scrap scrapped suspend suspended relief waive "
        "unfreeze abolish abolished end ended ends",
    },
    "permission": {
        "+": "allow allowed permit permitted legalise legalize approve approved pass passed adopt "
        "adopted endorse back backed accept accepted uphold upheld",
        "-": "ban banned prohibit prohibited forbid outlaw block blocked veto vetoed oppose "
        "opposed reject rejected refuse refused overturn overturned",
    },
    "comparison": {
        "+": "more above exceed exceeded exceeds",
        "-": "less fewer below",
    },
    "outcome": {
        "+": "win won wins victory beat beats",
        "-": "lose lost loses defeat defeated",
    },
    "opening": {
        "+": "open opened reopen reopened resume resumed start started begin began begun launch "
        "launched",
        "-": "close closed shut closing halted paused delay delayed postpone postponed cancel "
        "cancelled canceled abandon abandoned",
    },
    "custody": {
        "+": "arrest arrested detain detained jail jailed imprison imprisoned",
        "-": "release released free freed acquit acquitted bail",
    },
    "post": {
        "+": "hire hired appoint appointed reinstate reinstated elect elected",
        "-": "fire fired sack sacked oust ousted resign resigned",
    },
}
STAYING = _wordset("maintain maintained unchanged hold holds held steady retain")

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12",
    "zero": "0", "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}  # fmt: skip

WEIGHT_WEAK = 0.25
WEIGHT_WORD = 1.0
WEIGHT_NAME = 1.6
WEIGHT_NUMBER = 2.0

# A word keeps its combining marks ("हिन्दी", "ترقّی": app/core/scripts.py, `word`).
_LETTERS = scripts.word(r"[^\W\d_]")
_WORD = re.compile(rf"\d+(?:[.,]\d+)*|{_LETTERS}(?:['\u2019]{_LETTERS})?", re.UNICODE)
_USA = re.compile(r"\bU\.\s?S\.(?:\s?A\.)?|\bUS\b|\bUSA\b")
_UK = re.compile(r"\bU\.\s?K\.|\bUK\b")
_NOT = re.compile(r"n['\u2019]t\b", re.IGNORECASE)
_CALL_OFF = re.compile(r"\b(?:call(?:s|ed|ing)?)\s+off\b", re.IGNORECASE)
# "declined to overturn", "failed to pass": the verb that follows did not happen.
_DID_NOT = re.compile(r"\b(?:declin|fail)\w*\s+to\b", re.IGNORECASE)
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # Stemmer objects keep a cache and are not safe to share between threads.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


@lru_cache(maxsize=100_000)
def stem_english(word: str) -> str:
    """The Snowball English stem of a lower-case word (what PostgreSQL's `english` makes of it)."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The canonical stem of a lower-case word: Snowball stem, then the equivalence table."""
    stemmed = _stemmer().stemWord(word)
    return _CANONICAL.get(stemmed, _CANONICAL.get(word, stemmed))


def _build_canonical() -> dict[str, str]:
    stemmer = Stemmer.Stemmer("english")
    table: dict[str, str] = {}
    for group in EQUIVALENTS:
        head = stemmer.stemWord(group[0])
        for word in group:
            table[word] = head
            table[stemmer.stemWord(word)] = head
    return table


def _build_directions() -> dict[str, str]:
    stemmer = Stemmer.Stemmer("english")
    table: dict[str, str] = {}
    for concept, sides in DIRECTIONS.items():
        for sign, text in sides.items():
            for word in text.split():
                table[word] = f"{concept}{sign}"
                table[stemmer.stemWord(word)] = f"{concept}{sign}"
    for word in STAYING:
        table[word] = table[stemmer.stemWord(word)] = "="
    return table


_CANONICAL = _build_canonical()
_DIRECTION_OF = _build_directions()


@dataclass(frozen=True, slots=True)
class Analysis:
    """The features of one claim that the lexical similarity compares."""

    weights: dict[str, float]  # canonical stem -> weight (the heaviest occurrence)
    numbers: frozenset[str]
    negated: bool
    directions: frozenset[str]  # e.g. {"force+"}: the claim imposes/extends something; "="
    claimant: frozenset[str]
    names: frozenset[str]  # tokens written with a capital (places, people, organisations)
    # Runs of capitalised words, e.g. ("world", "health", "organ"), with their initials ("who"):
    # an acronym in one claim covers the words it stands for in the other, and vice versa.
    acronyms: dict[str, tuple[str, ...]]
    # A name that is only a first name or title of a name the other claim has ("Donald" Trump).
    leading: dict[str, str]
    order: tuple[str, ...] = ()  # names (stems) in order of appearance
    # Each name's place among the groups of names a text has in turn: "Spain, Ireland and
    # Norway" are one group (their order says nothing), "Argentina beat France" two.
    groups: dict[str, int] = field(default_factory=dict)
    passive: bool = False  # has a "by": "X was beaten by Y" names the actors the other way round

    @property
    def total(self) -> float:
        return sum(self.weights.values())


# Wire-service slugs in front of a headline: "UPDATE 2-", "WRAPUP 1-", "EXCLUSIVE-", "RPT-".
_WIRE_PREFIX = re.compile(
    r"^\s*(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|EXCLUSIVE|BREAKING|INSIGHT|ANALYSIS|"
    r"FACTBOX|EXPLAINER|TIMELINE|FOCUS|BRIEF|URGENT|FLASH|ALERT)(?:\s+\d+)?\s*[-:\u2013\u2014]+\s*)+",
    re.IGNORECASE,
)
_PER_CENT = re.compile(r"(\d)\s*(?:per\s*cent|percent|pct)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"([$\u20ac\u00a3])\s?(\d+(?:[.,]\d+)?)\s?(bn|billion|b|mn|mln|million|m|tn|trillion)\b",
    re.IGNORECASE,
)
_SCALE = {
    "bn": "billion",
    "billion": "billion",
    "b": "billion",
    "mn": "million",
    "mln": "million",
    "million": "million",
    "m": "million",
    "tn": "trillion",
    "trillion": "trillion",
}
_THOUSANDS = re.compile(r"\b(\d+(?:\.\d+)?)k\b")
_US = re.compile(r"\bU\.\s?S\.(?:\s?A\.)?(?=\W|$)")
_UK = re.compile(r"\bU\.\s?K\.(?=\W|$)")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e]")


def normalise_news(text: str) -> str:
    """A claim as written in one house style: wire slugs removed, units and amounts spelled one
    way ("1.4 per cent" -> "1.4%", "$4bn" -> "$4 billion", "100k" -> "100000", "U.S." -> "US")."""
    text = _INVISIBLE.sub("", text)
    text = _WIRE_PREFIX.sub("", text)
    text = _PER_CENT.sub(r"\1%", text)
    text = _MONEY.sub(lambda m: f"{m[1]}{m[2]} {_SCALE[m[3].lower()]}", text)
    text = _THOUSANDS.sub(lambda m: str(round(float(m[1]) * 1000)), text)
    text = _US.sub("US", text)
    text = _UK.sub("UK", text)
    return " ".join(text.split())


def normalise_number(token: str) -> str:
    """12,000 and 12000 are one number; 1.5 keeps its decimal point; 47.60 is 47.6, 2.0 is 2."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return token.replace(",", "")
    token = token.replace(",", ".")
    if re.fullmatch(r"\d+\.\d+", token):
        token = token.rstrip("0").rstrip(".")
    return token


def words(text: str) -> list[str]:
    """The words and numbers of a text in order, as written (case kept)."""
    text = normalise_news(unicodedata.normalize("NFKC", text))
    text = _USA.sub(" USA ", text)
    text = _UK.sub(" UK ", text)
    text = _NOT.sub(" not", text)
    text = _CALL_OFF.sub(" cancelled ", text)
    text = _DID_NOT.sub(" not ", text)
    return _WORD.findall(text)


# A new claim's text is read three times as it is ingested: for its search terms and its stems
# (`content_words`, twice) and for its analysis. Remembered for a few thousand texts (a run's).
_REMEMBERED_TEXTS = 2048


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _words(text: str) -> tuple[str, ...]:
    return tuple(words(text))


def content_words(text: str) -> list[str]:
    """Words worth searching for, as written, most telling first: numbers, names, the rest."""
    return list(_content_words(text))


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _content_words(text: str) -> tuple[str, ...]:
    seen: set[str] = set()
    ranked: list[tuple[int, int, str]] = []
    for position, word in enumerate(_words(text)):
        lower = word.casefold()
        if lower in STOP_WORDS or lower in WEAK_WORDS or lower in NEGATIONS or lower in seen:
            continue
        if len(lower) < 2 and not lower.isdigit():
            continue
        seen.add(lower)
        rank = 0 if lower[0].isdigit() else 1 if word[0].isupper() else 2
        ranked.append((rank, position, word))
    return tuple(word for _, _, word in sorted(ranked))


_CONNECTORS = frozenset({"of", "for", "and", "the", "de"})
_EMPTY: frozenset[str] = frozenset()


def _frozen(values: Iterable[str]) -> frozenset[str]:
    """The values as a frozenset; an empty one shared (a cached analysis holds several sets,
    most of its numbers and about half its directions empty, each 216 bytes on its own)."""
    found = frozenset(values)
    return found if found else _EMPTY


_COORDINATING = frozenset({"and", "or", "&"})


def analyse(text: str, claimant: str | None = None) -> Analysis:
    """The features of a claim's text (and of its claimant, used as context)."""
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    directions: set[str] = set()
    names: set[str] = set()
    runs: list[list[tuple[str, str]]] = [[]]  # (stem, original) of consecutive capitalised words
    order: list[str] = []  # names in the order they appear: who did what to whom
    groups: dict[str, int] = {}
    group, gap = 0, False
    acronyms_seen: set[str] = set()
    passive = False
    negations = 0
    for word in _words(text):
        lower = word.casefold().replace("\u2019", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        acronym = len(word) >= 2 and word.isupper() and word.isalpha()
        if lower in NEGATIONS:
            negations += 1
        is_name = word[0].isupper() and lower not in WEAK_WORDS and lower not in NEGATIONS
        if not is_name and lower not in _COORDINATING:
            gap = True
        if lower in STOP_WORDS and not acronym:
            if lower in _DIRECTION_OF:  # "more"/"less" than: a comparison, not filler
                directions.add(_DIRECTION_OF[lower])
            if lower == "by":
                passive = True
            if lower in _CONNECTORS and runs[-1]:
                runs[-1].append(("", lower))
            else:
                runs.append([])
            continue
        if lower[0].isdigit() or lower in NUMBER_WORDS:
            number = normalise_number(lower) if lower[0].isdigit() else NUMBER_WORDS[lower]
            numbers.add(number)
            weights[number] = WEIGHT_NUMBER
            runs.append([])
            continue
        token = stem(lower)
        direction = _DIRECTION_OF.get(lower) or _DIRECTION_OF.get(token)
        if direction is not None:
            directions.add(direction)
        if lower in WEAK_WORDS or lower in NEGATIONS:
            weight = WEIGHT_WEAK
        elif word[0].isupper():
            weight = WEIGHT_NAME
            names.add(token)
            if token not in order:
                order.append(token)
            if gap:
                group, gap = group + 1, False
            groups.setdefault(token, group)
            if acronym:
                acronyms_seen.add(token)
        else:
            weight = WEIGHT_WORD
        weights[token] = max(weight, weights.get(token, 0.0))
        if word[0].isupper():
            runs[-1].append((token, lower))
        else:
            runs.append([])
    claimant_tokens = frozenset(
        stem(w.casefold()) for w in _words(claimant or "") if w.casefold() not in STOP_WORDS
    )
    # The claimant is compared on its own; naming them in the text ("Vladimir Putin demands")
    # should not outweigh what they claim.
    for token in claimant_tokens & weights.keys():
        weights[token] = WEIGHT_WEAK
        names.discard(token)
    acronyms: dict[str, tuple[str, ...]] = {}
    leading: dict[str, str] = {}
    for run in runs:
        while run and not run[-1][0]:
            run.pop()
        stems = [token for token, _ in run if token]
        if len(stems) >= 2:
            with_connectors = "".join(original[0] for _, original in run)
            without = "".join(original[0] for token, original in run if token)
            for initials in {with_connectors, without}:
                acronyms[initials] = tuple(stems)
            if stems[-1] not in acronyms_seen:  # "Moderna's RSV": no first name of RSV
                for token in stems[:-1]:
                    leading[token] = stems[-1]
    return Analysis(
        weights=weights,
        numbers=_frozen(numbers),
        negated=negations % 2 == 1,
        directions=_frozen(directions),
        claimant=_frozen(claimant_tokens),
        names=_frozen(names),
        acronyms=acronyms,
        leading=leading,
        order=tuple(token for token in order if token in names),
        groups={token: number for token, number in groups.items() if token in names},
        passive=passive,
    )
