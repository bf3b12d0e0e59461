"""Who said what in an article: direct quotes, reported speech and headline statements.

`find(text, nlp=...)` reads an article (its headline as the first paragraph, then the body)
and returns `Quote`s: the words said (offsets into `text`) and the speaker, named as fully as
the article names them. The rules, chosen on the dev half of tests/data/quotes (docs/feeds.md):

- Direct quotes are the text between quotation marks (curly or straight; a quote left open at
  the end of a paragraph runs on into the next, as newspapers print them). Inner single quotes
  are part of the quote.
- Each quote belongs to a sentence-like unit (quoted text masked, so a full stop inside a
  quote does not end it). The speaker is the subject of the speech verb of that unit nearest
  the quote ("…,” Putin said; Putin said: “…”; “…,” he said, “…”), or the object of
  "according to". A quote with no speech verb in its unit continues the previous speaker of
  the same or the previous paragraph; a short one (a few words) with none is a scare quote and
  dropped.
- Reported speech: a speech verb's clausal complement outside any quote ("X told reporters
  that …"; "…, three sources said"), and a clause with "according to X".
- Headlines: the same, plus "Name: statement".
- Speakers: a pronoun is the last person named before it; a surname is the fullest name of that
  person in the article; titles (President, Mr) are dropped; a noun speaker keeps its modifiers
  ("three Russian sources").

Without a parser (the blank fallback of app/feeds/nlp.py) the same units are searched with
patterns around the speech verbs.
"""

import re
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span
from spacy.tokens import Token

from app.feeds.nlp import mode
from app.feeds.quote_words import REPORTING_VERBS
from app.feeds.quote_words import SPEECH_VERBS
from app.feeds.quote_words import TITLES

Kind = Literal["direct", "indirect", "headline"]


_PERSONAL = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON"}
_PLURAL = {"they", "them", "we"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_OPEN = {"“": "”", '"': '"', "«": "»", "„": "“"}
_SHORT = 4  # a quote of fewer words with no speech verb is a scare quote
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s:]))[‘'\"“]([^'’\"”]+?)[’'\"”](?=$|[\s,.:;!?])", re.M)
_WORD = re.compile(r"\w+")
# "MOSCOW, May 29 (Reuters) - ", "PORT WILLOW — ": not part of the first sentence's subject.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-—–]+\s",
    re.M,
)
_TERMINATOR = re.compile(r"[.!?](?=\s+[\"“A-Z0-9]|\s*$)")


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the words said in the analysed text
    end: int
    text: str
    speaker: str | None
    kind: Kind


@dataclass
class _Open:
    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph (lines separated by a blank line or a newline)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def quoted(text: str, *, headline: bool = False) -> list[_Open]:
    """The spans between quotation marks, paragraph by paragraph (an unclosed one runs to the
    paragraph's end). A headline also quotes between single marks, as headlines do."""
    spans: list[_Open] = []
    for number, (start, end) in enumerate(paragraphs(text)):
        if headline and number == 0:
            spans.extend(_Open(m.start(1), m.end(1), 0) for m in _SINGLE.finditer(text, start, end))
            continue
        closer: str | None = None
        opened = 0
        for position in range(start, end):
            char = text[position]
            if closer is None and char in _OPEN:
                if char == '"' and position > start and text[position - 1].isalnum():
                    continue  # 12" or a stray mark
                closer, opened = _OPEN[char], position + 1
            elif closer is not None and (char == closer or (closer == '"' and char == "”")):
                spans.append(_Open(opened, position, number))
                closer = None
        if closer is not None and end - opened > 1:
            spans.append(_Open(opened, end, number))
    return [span for span in spans if text[span.start : span.end].strip()]


def _units(text: str, quotes: list[_Open]) -> list[tuple[int, int]]:
    """Sentence-like units of each paragraph, with quoted text masked."""
    masked = list(text)
    for quote in quotes:
        for position in range(quote.start, quote.end):
            if masked[position] != "\n":
                masked[position] = "x"
    flat = "".join(masked)
    units: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        begin = start
        for match in _TERMINATOR.finditer(flat, start, end):
            units.append((begin, match.end()))
            begin = match.end()
        if begin < end:
            units.append((begin, end))
    return units


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ,;:-—–\n")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


class _Reader:
    """One article: its parse, its quotes, its units and the people it names."""

    def __init__(self, text: str, nlp: Language, headline: bool) -> None:
        self.text = text
        self.doc = _parse(nlp, _DATELINE.sub(lambda m: " " * len(m.group()), text))
        self.parsed = mode(nlp) == "parse"
        self.headline_end = paragraphs(text)[0][1] if headline and text.strip() else -1
        self.quotes = quoted(text, headline=headline)
        self.units = _units(text, self.quotes)
        self.people = self._people()
        self.subjects = self._subjects()

    def inside_quote(self, position: int) -> bool:
        return any(q.start <= position < q.end for q in self.quotes)

    def _people(self) -> list[tuple[int, str]]:
        """(offset, full name) of each person named outside quotes, in order."""
        found: list[tuple[int, str]] = []
        if self.parsed:
            for ent in self.doc.ents:
                if ent.label_ == "PERSON" and not self.inside_quote(ent.start_char):
                    found.append((ent.start_char, _strip_titles(ent.text)))
        else:
            for match in re.finditer(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z'’-]+)+\b", self.text):
                if not self.inside_quote(match.start()):
                    found.append((match.start(), _strip_titles(match.group())))
        return [(at, name) for at, name in found if name]

    def person(self, name: str) -> str | None:
        """The full name of a person the article names, if `name` (a surname, a title and a
        surname, a full name) is one."""
        words = _strip_titles(name).split()
        best: str | None = None
        for _, candidate in self.people:
            parts = candidate.split()
            same = bool(words) and parts[-1] == words[-1] and all(w in parts for w in words)
            if same and (best is None or len(parts) > len(best.split())):
                best = candidate
        return best

    def full_name(self, name: str) -> str:
        """The fullest name of the person `name` (a surname, a title and surname) names."""
        name = _strip_titles(name)
        words = name.split()
        if not words:
            return name
        best = name
        for _, candidate in self.people:
            parts = candidate.split()
            same = parts[-1] == words[-1] and all(w in parts for w in words)
            if same and len(parts) > len(best.split()):
                best = candidate
        return best

    def last_person(self, before: int) -> str | None:
        """Who "he" or "she" at `before` is: the last person who was the subject of a main
        clause or of a speech verb, else the last person named."""
        subjects = [name for at, name in self.subjects if at < before]
        if subjects:
            return subjects[-1]
        named = [name for at, name in self.people if at < before]
        return self.full_name(named[-1]) if named else None

    def _subjects(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        if not self.parsed:
            return found
        for token in self.doc:
            if self.inside_quote(token.idx):
                continue
            if token.dep_ == "appos" and token.ent_type_ == "PERSON":
                if token.head.dep_ not in ("nsubj", "ROOT"):  # the chairman, Peter Moss, …
                    continue
            elif token.dep_ != "nsubj" or (
                token.head.dep_ != "ROOT" and token.head.lower_ not in SPEECH_VERBS
            ):
                continue
            named = token
            for child in token.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    named = child
            chain = [t for t in named.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            start = min([t.i for t in chain] + [named.i])
            name = self.doc[start : named.i + 1].text
            person = self.person(name)
            if person is None and named.i - start >= 1:
                person = _strip_titles(name)  # a full name the entity model missed
            if person is None and token.lower_ in TITLES:
                person = token.lower_  # "a spokesman said …" then "he said"
            if person is not None:
                found.append((token.idx, person))
        return found

    def unit_of(self, position: int) -> tuple[int, int]:
        for start, end in self.units:
            if start <= position < end:
                return start, end
        return position, position

    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if not self.inside_quote(t.idx)]


def _parse(nlp: Language, text: str) -> Doc:
    """The text parsed with each paragraph starting a sentence (a headline has no full stop)."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws or token.text.startswith("\n"):
            token.is_sent_start = True
    for _, process in nlp.pipeline:
        doc = process(doc)
    return doc


def _strip_titles(name: str) -> str:
    """A name without what comes before its last title ("Rovers boss Keane": "Keane")."""
    name = re.sub(r"[’']s$", "", name.strip())
    words = name.split()
    titled = [i for i, word in enumerate(words[:-1]) if word.lower().strip(",") in TITLES]
    if titled:
        words = words[titled[-1] + 1 :]
    return " ".join(words).strip(" ,")


def _noun_phrase(token: Token) -> Span | None:
    """A noun speaker with its left modifiers (no determiner, no relative clause)."""
    left = [
        t
        for t in token.lefts
        if t.dep_ in ("compound", "amod", "nummod", "nmod", "poss", "npadvmod")
        and t.lower_ not in _DETERMINERS
    ]
    start = min([t.i for t in left] + [token.i])
    return token.doc[start : token.i + 1]


def _speaker_text(reader: _Reader, token: Token) -> str | None:
    """The speaker named by a subject token: a person's full name, an organisation, a
    pronoun's antecedent, or a noun phrase."""
    lower = token.lower_
    if lower in _PERSONAL:
        return reader.last_person(token.idx)
    if lower in _PLURAL or lower in ("i", "you", "it", "who", "which", "that"):
        return None
    for child in token.children:  # "the Kremlin spokesman, Dmitry Peskov, said"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            token = child
            break
    if token.pos_ == "PROPN" or token.ent_type_:
        chain = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([t.i for t in chain] + [token.i])
        person = reader.person(token.doc[start : token.i + 1].text)
        if person is not None:  # a surname the small model takes for an organisation
            return person
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            words = [w for w in ent if w.lower_ not in _DETERMINERS]
            if words:
                return _clean(reader.text[words[0].idx : ent.end_char])
        return reader.full_name(token.doc[start : token.i + 1].text)
    phrase = _noun_phrase(token)
    return _clean(phrase.text) if phrase is not None else None


def _subject(verb: Token, reader: _Reader) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not reader.inside_quote(child.idx):
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:  # "…, he said and added"
        return _subject(verb.head, reader)
    return None


def _according(tokens: list[Token]) -> Token | None:
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
                if to.i + 1 < len(token.doc):
                    return token.doc[to.i + 1]
    return None


def _near(verbs: list[Token], position: int) -> list[Token]:
    return sorted(verbs, key=lambda v: min(abs(v.idx - position), abs(v.idx + len(v) - position)))


def _speaker_parsed(reader: _Reader, quote: _Open) -> str | None:
    start, end = reader.unit_of(quote.start)
    tokens = reader.tokens(start, end)
    verbs = [t for t in tokens if t.lower_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    for verb in _near(verbs, quote.start):
        subject = _subject(verb, reader)
        if subject is None:  # the parser missed it: a name or pronoun next to the verb
            around = [
                t
                for t in tokens
                if abs(t.i - verb.i) <= 3 and (t.pos_ in ("PROPN", "PRON")) and t is not verb
            ]
            subject = around[0] if around else None
        if subject is not None:
            speaker = _speaker_text(reader, subject)
            if speaker:
                return speaker
    according = _according(tokens)
    if according is not None:
        return _speaker_text(reader, according)
    return _headline_speaker(reader, quote.start)


def _headline_speaker(reader: _Reader, position: int) -> str | None:
    """ "Name: statement" in a headline."""
    if position >= reader.headline_end:
        return None
    head = reader.text[: reader.headline_end]
    colon = head.find(":")
    if colon <= 0 or colon > position:
        return None
    name = head[:colon].strip()
    words = name.split()
    if 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in TITLES for w in words):
        return reader.full_name(name)
    return None


_RULE_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_NAME = r"(?:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}|[Hh]e|[Ss]he)"
_AFTER = re.compile(
    rf"^\W*(?:(?P<a>{_NAME})\s+(?:{_RULE_VERBS})\b|(?:{_RULE_VERBS})\s+(?P<b>{_NAME}))"
)
_BEFORE = re.compile(rf"(?P<a>{_NAME})\s+(?:{_RULE_VERBS})\b[^.“\"]*$")
_ACCORDING = re.compile(rf"[Aa]ccording to (?P<a>{_NAME})")


def _speaker_rules(reader: _Reader, quote: _Open) -> str | None:
    start, end = reader.unit_of(quote.start)
    after = reader.text[quote.end + 1 : end]
    before = reader.text[start : max(start, quote.start - 1)]
    for match in (_AFTER.search(after), _BEFORE.search(before), _ACCORDING.search(after + before)):
        if match is not None:
            name = match.groupdict().get("a") or match.groupdict().get("b") or ""
            if name.lower() in ("he", "she"):
                return reader.last_person(quote.start)
            return reader.full_name(name)
    return _headline_speaker(reader, quote.start)


def _echo(reader: _Reader, quote: _Open) -> str | None:
    """The speaker of a headline quote, from the body quote that repeats its words (a headline
    names the speaker by role, "PM: '…'", or not at all)."""
    if quote.start >= reader.headline_end:
        return None
    words = _WORD.findall(reader.text[quote.start : quote.end].lower())
    for other in reader.quotes:
        if other.start < reader.headline_end or not words:
            continue
        said = _WORD.findall(reader.text[other.start : other.end].lower())
        if any(said[i : i + len(words)] == words for i in range(len(said) - len(words) + 1)):
            speaker = _speaker_parsed(reader, other) if reader.parsed else None
            return speaker or _speaker_rules(reader, other)
    return None


def _direct(reader: _Reader) -> list[Quote]:
    found: list[Quote] = []
    last: tuple[int, str] | None = None  # (paragraph, speaker) of the previous quote
    for quote in reader.quotes:
        speaker = _echo(reader, quote)
        if speaker is None and reader.parsed:
            speaker = _speaker_parsed(reader, quote)
        elif speaker is None:
            speaker = _speaker_rules(reader, quote)
        words = len(reader.text[quote.start : quote.end].split())
        if speaker is None:
            if words < _SHORT or last is None or quote.paragraph - last[0] > 1:
                continue  # a scare quote, a title, or a quote nobody is said to have said
            speaker = last[1]
        last = (quote.paragraph, speaker)
        start, end = _trim(reader.text, quote.start, quote.end)
        kind: Kind = "headline" if quote.start < reader.headline_end else "direct"
        found.append(Quote(start, end, _clean(reader.text[start:end]), speaker, kind))
    return found


def _indirect(reader: _Reader) -> list[Quote]:
    """Reported speech: a reporting verb's clause, or a clause "according to" someone."""
    if not reader.parsed:
        return []
    found: list[Quote] = []
    for sentence in reader.doc.sents:
        tokens = [t for t in sentence if not reader.inside_quote(t.idx)]
        for verb in tokens:
            if verb.lower_ not in REPORTING_VERBS or verb.pos_ not in ("VERB", "AUX"):
                continue
            clauses = _reported(verb)
            subject = _subject(verb, reader)
            if not clauses or subject is None:
                continue
            clause = clauses[0]
            inner = {t.i for t in verb.subtree} if clause is verb.head else set()
            words = [
                t
                for t in clause.subtree
                if t.i not in inner and (t.dep_ != "mark" or t.head is not clause)
            ]
            quote = _clause(reader, words, _speaker_text(reader, subject))
            if quote is not None:
                found.append(quote)
        according = _according(tokens)
        if according is not None:
            marker = next(t for t in tokens if t.lower_ == "according")
            skip = {t.i for t in marker.subtree} | {marker.i}
            words = [t for t in sentence if t.i not in skip and not t.is_punct]
            quote = _clause(reader, words, _speaker_text(reader, according))
            if quote is not None:
                found.append(quote)
    return found


def _reported(verb: Token) -> list[Token]:
    """The clause a reporting verb reports: its clausal complement, or a "that" clause hung
    on one of its phrases ("said in a statement that …")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return clauses
    if verb.dep_ == "parataxis":  # "…, one of the sources said, declining to be named"
        return [verb.head]
    for token in verb.subtree:
        if token is verb or token.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            continue
        between = list(token.ancestors)
        path = between[: between.index(verb)] if verb in between else None
        if path is not None and all(t.pos_ not in ("VERB", "AUX") for t in path):
            return [token]
    return []


_TRAILING = re.compile(
    r"^(?P<said>[^\n]{10,}?),\s+(?P<who>[^,\n]{2,60}?)\s+(?:says|say|warns|warn|claims|claim)\s*$"
)


def _headline_statement(reader: _Reader, found: list[Quote]) -> Quote | None:
    """ "Statement, someone says" in a headline the parse did not read as reported speech."""
    if reader.headline_end < 0 or any(q.start < reader.headline_end for q in found):
        return None
    match = _TRAILING.match(reader.text[: reader.headline_end])
    if match is None:
        return None
    who = " ".join(w for w in match["who"].split() if w.lower() not in _DETERMINERS)
    speaker = reader.person(who) or who
    start, end = _trim(reader.text, match.start("said"), match.end("said"))
    return Quote(start, end, _clean(reader.text[start:end]), speaker, "headline")


def _clause(reader: _Reader, words: list[Token], speaker: str | None) -> Quote | None:
    if speaker is None or len(words) < 3:
        return None
    if words and words[0].lower_ == "that":  # the clause's own "that" (a parse that missed it)
        words = words[1:]
    if len(words) < 3:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t) for t in words)
    outside = [t for t in words if not t.is_punct and not reader.inside_quote(t.idx)]
    if len(outside) < 3:
        return None  # the clause is a direct quote, found as one
    start, end = _trim(reader.text, start, end)
    kind: Kind = "headline" if start < reader.headline_end else "indirect"
    return Quote(start, end, _clean(reader.text[start:end]), speaker, kind)


def find(text: str, *, nlp: Language, headline: bool = True) -> list[Quote]:
    """The quotes of `text` (the headline as its first paragraph when `headline`), in order;
    a quote inside a longer reported clause of the same speaker is kept once, as that clause."""
    reader = _Reader(text, nlp, headline)
    indirect = _indirect(reader)
    spoken = _direct(reader)
    statement = _headline_statement(reader, indirect + spoken)
    indirect += [statement] if statement is not None else []
    direct = [
        quote
        for quote in spoken
        if not any(
            other.start <= quote.start and quote.end <= other.end and other.speaker == quote.speaker
            for other in indirect
        )
    ]
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))
