"""The default claim matcher: lexical, no model to download.

Candidates come from the full-text index (`claim_search`: SQLite FTS5 / PostgreSQL tsvector)
through the shared query layer (`app.claims.search`; the statements and word counts are in
`app.matching.fulltext`), asking for any of the text's rarer content words (so that a query
ranks at most about CANDIDATE_POSTINGS index entries); the best-ranked ones
are re-scored with `similarity`, a weighted overlap of canonical stems in
[0, 1] (stems compared exactly, or fuzzily with rapidfuzz for spelling variants such as
Zelensky/Zelenskiy), discounted when the two claims disagree on numbers, on polarity (one denies
what the other asserts), on direction (sanctions imposed vs lifted) or on who claims it.
docs/matching.md describes it and reports its precision and recall on the labelled set.
"""

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz import process
from sqlmodel import Session

from app.claims.search import MAX_TERMS
from app.claims.search import Mode
from app.claims.search import Term
from app.claims.search import parse
from app.matching.analysis import WEIGHT_WEAK
from app.matching.analysis import Analysis
from app.matching.analysis import analyse
from app.matching.analysis import content_words
from app.matching.base import Candidate
from app.matching.fulltext import CANDIDATE_POSTINGS
from app.matching.fulltext import QUERIES_PER_STATEMENT
from app.matching.fulltext import QUERIES_PER_STATEMENT_DEFAULT
from app.matching.fulltext import DocumentFrequencies
from app.matching.fulltext import candidate_statement
from app.matching.fulltext import own_counts

PAIRED_TERMS = 3  # when every word is over budget: the rarest ones, searched two at a time
FUZZY_CUTOFF = 85  # rapidfuzz ratio from which two stems are spelling variants of one word
FUZZY_MIN_LENGTH = 5
ROOT_MIN_LENGTH = 5  # stems sharing this long a prefix, and ROOT_SHARE of the shorter one,
ROOT_SHARE = 0.8  # are one word in two forms (resolut-ion / resolv-ed)
DERIVED = 0.9
NUMBER_CONFLICT = 0.45  # each gives a number the other does not
NUMBER_MISSING = 0.85  # one gives numbers the other does not (and lacks none of its)
POLARITY_CONFLICT = 0.5  # one negates or denies, the other does not
DIRECTION_CONFLICT = 0.5  # up vs down, imposed vs lifted, allowed vs banned, won vs lost
CLAIMANT_CONFLICT = 0.7  # both name a claimant and the names share no word
NAME_CONFLICT = 0.6  # each names someone or somewhere the other does not: a substitution
SUBSTITUTION = 0.8  # each has a content word the other lacks: maybe a synonym, maybe not
ROLES_SWAPPED = 0.6  # the same names in another order: who did what to whom changed


def _rank_order(row: Any) -> tuple[int, float, int]:
    """A candidate row's place: its query, then best rank first, then lower id."""
    return (row[0], -row[1], row[2])


def _terms(text: str) -> list[Term]:
    return parse(" ".join(content_words(text)[:MAX_TERMS]))


def _same_root(a: str, b: str) -> bool:
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return shared >= ROOT_MIN_LENGTH and shared >= ROOT_SHARE * min(len(a), len(b))


def _coverage(a: Analysis, b: Analysis) -> tuple[float, set[str], set[str]]:
    """Weight of a's tokens found in b (exactly, in b's claimant, through an acronym, or as a
    spelling variant), a's names that b does not mention, and a's other words b lacks."""
    covered = 0.0
    missing_names: set[str] = set()
    missing_words: set[str] = set()
    spelled_out = {token: initials for initials, run in a.acronyms.items() for token in run}
    unmatched = [t for t in b.weights if t not in a.weights and len(t) >= FUZZY_MIN_LENGTH]
    by_prefix: dict[str, list[str]] = {}
    for other in unmatched:
        by_prefix.setdefault(other[:ROOT_MIN_LENGTH], []).append(other)
    for token, weight in a.weights.items():
        if (
            token in b.weights
            or token in b.claimant
            or (token in a.claimant and a.claimant & b.claimant)
            or token in b.acronyms
            or spelled_out.get(token) in b.weights
        ):
            covered += weight
            continue
        if unmatched and len(token) >= FUZZY_MIN_LENGTH and not token[0].isdigit():
            # One word in another form the stemmer keeps apart: resolution / resolved.
            related = by_prefix.get(token[:ROOT_MIN_LENGTH], ())
            if any(_same_root(token, other) for other in related):
                covered += weight * DERIVED
                continue
            best = process.extractOne(
                token, unmatched, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                covered += weight * best[1] / 100
                continue
        if token in a.names:
            missing_names.add(token)
        elif weight > WEIGHT_WEAK:
            missing_words.add(token)
    # A first name or title of a name both mention ("Donald" Trump) is no different name; but
    # the other must mention that name as a name's last word: "Swiss National Bank" is not a
    # "Bank of Japan", "United States" not a "State" of anything.
    missing_names = {
        name
        for name in missing_names
        if (head := a.leading.get(name)) is None or head not in b.weights or head in b.leading
    }
    return covered, missing_names, missing_words


def _direction_conflict(a: Analysis, b: Analysis) -> bool:
    return _directions_conflict(a.directions, b.directions)


@lru_cache(maxsize=65_536)
def _directions_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims' directions disagree. Asked of every pair an import scores or bounds
    (about 3 us a pair), of which claims have few distinct sets: remembered by the two sets."""
    if ("=" in a) != ("=" in b):
        moving = b if "=" in a else a
        if moving - {"="}:
            return True
    concepts = {direction[:-1] for direction in a | b if direction != "="}
    for concept in concepts:
        signs_a = {d[-1] for d in a if d[:-1] == concept}
        signs_b = {d[-1] for d in b if d[:-1] == concept}
        if signs_a and signs_b and signs_a != signs_b:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Veto:
    """A disagreement between two wordings that lowers their score, with the words involved."""

    name: str  # numbers, number_missing, polarity, direction, roles, names, substitution, claimant
    factor: float
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Signals:
    """Why two claims score what they score: the shared weight and each veto that fired."""

    overlap: float  # share of the two claims' weight found in the other, in [0, 1]
    vetoes: tuple[Veto, ...]
    # What both state and agree on, as positive evidence: "numbers" (the same numbers, at least
    # one), "names" (every name of each found in the other, at least one each).
    agreements: frozenset[str] = frozenset()

    @property
    def factor(self) -> float:
        product = 1.0
        for veto in self.vetoes:
            product *= veto.factor
        return product

    @property
    def score(self) -> float:
        return round(min(1.0, self.overlap * self.factor), 4)

    def explain(self, semantic: float | None = None, *, cross_lingual: bool = False) -> dict:
        """The signals as the API shows them."""
        return {
            "semantic": None if semantic is None else round(semantic, 4),
            "lexical": None if cross_lingual else round(self.overlap, 4),
            "cross_lingual": cross_lingual,
            "vetoes": [
                {"name": veto.name, "factor": veto.factor, "words": list(veto.words)}
                for veto in self.vetoes
            ],
        }


def _sorted(values: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(values))


def _roles_swapped(a: Analysis, b: Analysis) -> bool:
    """The same names in another order, neither in the passive: "Argentina beat France" vs
    "France beat Argentina"."""
    if a.passive != b.passive:
        return False
    shared = sorted(set(a.groups) & set(b.groups))
    return any(
        (a.groups[x] - a.groups[y]) * (b.groups[x] - b.groups[y]) < 0
        for i, x in enumerate(shared)
        for y in shared[i + 1 :]
    )


def _conflicts(
    a: Analysis,
    b: Analysis,
    names: tuple[set[str], set[str]],
    words: tuple[set[str], set[str]],
    swapped: bool,
) -> list[Veto]:
    vetoes: list[Veto] = []
    if a.numbers - b.numbers and b.numbers - a.numbers:  # each gives a number the other lacks
        vetoes.append(Veto("numbers", NUMBER_CONFLICT, _sorted(a.numbers ^ b.numbers)))
    elif a.numbers != b.numbers:  # one only adds numbers (a detail) to what the other says
        vetoes.append(Veto("number_missing", NUMBER_MISSING, _sorted(a.numbers ^ b.numbers)))
    if a.negated != b.negated:
        vetoes.append(Veto("polarity", POLARITY_CONFLICT))
    if _direction_conflict(a, b):
        vetoes.append(Veto("direction", DIRECTION_CONFLICT, _sorted(a.directions ^ b.directions)))
    if swapped:
        shared = [token for token in a.order if token in b.groups]
        vetoes.append(Veto("roles", ROLES_SWAPPED, tuple(shared)))
    if names[0] and names[1]:
        vetoes.append(Veto("names", NAME_CONFLICT, _sorted(names[0] | names[1])))
    elif (names[0] or words[0]) and (names[1] or words[1]):
        changed = names[0] | words[0] | names[1] | words[1]
        vetoes.append(Veto("substitution", SUBSTITUTION, _sorted(changed)))
    if a.claimant and b.claimant and not a.claimant & b.claimant:
        vetoes.append(Veto("claimant", CLAIMANT_CONFLICT, _sorted(a.claimant | b.claimant)))
    return vetoes


def signals(a: Analysis, b: Analysis) -> Signals:
    """The overlap of two analysed claims and the vetoes that fire; symmetric."""
    total = a.total + b.total
    if total == 0:
        return Signals(0.0, ())
    covered_a, names_a, words_a = _coverage(a, b)
    covered_b, names_b, words_b = _coverage(b, a)
    overlap = min(1.0, (covered_a + covered_b) / total)
    swapped = _roles_swapped(a, b)
    vetoes = tuple(_conflicts(a, b, (names_a, names_b), (words_a, words_b), swapped))
    agreed = set()
    if a.numbers and a.numbers == b.numbers:
        agreed.add("numbers")
    if a.names and b.names and not (names_a or names_b) and not swapped:
        agreed.add("names")
    return Signals(overlap, vetoes, frozenset(agreed))


def score(a: Analysis, b: Analysis) -> float:
    """Similarity of two analysed claims in [0, 1]; symmetric."""
    return signals(a, b).score


@lru_cache(maxsize=20_000)
def stored_analysis(text: str, claimant: str | None) -> Analysis:
    """A claim's analysis (never mutated, so shared); popular claims come up as candidates
    again and again, and ingest compares a new claim with several others."""
    return analyse(text, claimant)


class LexicalMatcher:
    """Full-text candidates re-ranked by `score`."""

    link = 0.75  # chosen on the dev split of tests/data/claim_pairs.jsonl (docs/matching.md)
    suggest = 0.5

    def __init__(self, *, candidates: int = 30, postings: int = CANDIDATE_POSTINGS) -> None:
        self.candidates = candidates
        self.postings = postings
        self.shared_frequencies = DocumentFrequencies()

    @property
    def frequencies(self) -> DocumentFrequencies:
        """The word counts in use: the enclosing `counts_of_its_own` block's, or the shared ones."""
        own = own_counts()
        return own if own is not None else self.shared_frequencies

    def similarity(
        self, a: str, b: str, *, a_claimant: str | None = None, b_claimant: str | None = None
    ) -> float:
        """How surely two claims say the same thing, in [0, 1]."""
        # Ingest compares each new claim with the article's other claims: the same few texts.
        return score(stored_analysis(a, a_claimant), stored_analysis(b, b_claimant))

    def _candidate_queries(self, session: Session, text: str) -> list[tuple[list[Term], Mode]]:
        """Full-text queries (to be united) that find the claims sharing the text's telling words.

        A paraphrase shares the telling words (names, numbers, rare nouns) with the claim it
        restates; asking for every common word as well would rank tens of thousands of rows. So:
        any of the rarest words, as many as fit in the posting budget; when even the rarest word
        is over it, claims having two of the three rarest words together.
        """
        terms = _terms(text)
        if session.get_bind().dialect.name == "sqlite":
            # One statement of plain SQL, not one per term. On PostgreSQL one per term measured
            # cheaper (docs/benchmarks.md, "Review search"): the frequent words are answered
            # from its statistics, and each count is a compiled statement from the cache.
            counts = self.frequencies.get_many(session, terms)
            return self._queries_from_counts(terms, [counts[term] for term in terms])
        return self._queries_from_counts(
            terms, [self.frequencies.get(session, term) for term in terms]
        )

    def _queries_from_counts(
        self, terms: list[Term], counts: list[int]
    ) -> list[tuple[list[Term], Mode]]:
        counted = sorted(
            (
                (count, index, term)
                for index, (term, count) in enumerate(zip(terms, counts, strict=True))
            ),
            key=lambda entry: (entry[0], entry[1]),
        )
        present = [(count, term) for count, _, term in counted if count > 0]
        rare: list[Term] = []
        total = 0
        for count, term in present:
            if total + count > self.postings:
                break
            rare.append(term)
            total += count
        if rare:
            return [(rare, "any")]
        common = [term for _, term in present[:PAIRED_TERMS]]
        if len(common) < 2:
            return [(common, "any")] if common else []
        return [([a, b], "all") for a, b in itertools.combinations(common, 2)]

    def candidate_rows(self, session: Session, text: str) -> dict[int, tuple[str, str | None]]:
        """Live claims sharing the text's telling words: id -> (text, claimant), best-ranked."""
        queries = [(text, terms, mode) for terms, mode in self._candidate_queries(session, text)]
        return self._run_queries(session, queries, [text])[text]

    def candidate_rows_many(
        self, session: Session, texts: list[str]
    ) -> dict[str, dict[int, tuple[str, str | None]]]:
        """`candidate_rows` for many texts: the terms counted together, the queries of all the
        texts run as a few UNION ALL statements instead of one statement per text."""
        texts = list(dict.fromkeys(texts))
        terms = {text_: _terms(text_) for text_ in texts}
        counts = self.frequencies.get_many(
            session, list(dict.fromkeys(t for found in terms.values() for t in found))
        )
        queries: list[tuple[str, list[Term], Mode]] = [
            (text_, query_terms, mode)
            for text_ in texts
            for query_terms, mode in self._queries_from_counts(
                terms[text_], [counts[t] for t in terms[text_]]
            )
        ]
        return self._run_queries(session, queries, texts)

    def _run_queries(
        self, session: Session, queries: list[tuple[str, list[Term], Mode]], texts: list[str]
    ) -> dict[str, dict[int, tuple[str, str | None]]]:
        """Each text's candidates from its queries (one normally, up to three small ones when
        every word is common), run as UNION ALL statements: each query's rows in its own order
        (rank, then id), a text's queries united here in query order."""
        dialect = session.get_bind().dialect.name
        found: dict[str, dict[int, tuple[str, str | None]]] = {text_: {} for text_ in texts}
        per = QUERIES_PER_STATEMENT.get(dialect, QUERIES_PER_STATEMENT_DEFAULT)
        for start in range(0, len(queries), per):
            part = queries[start : start + per]
            statement = candidate_statement(
                session, dialect, [(terms_, mode) for _, terms_, mode in part], self.candidates
            )
            # By position: a row's fields by name cost more than the sort itself.
            for row in sorted(statement, key=_rank_order):
                found[part[row[0]][0]].setdefault(row[2], (row[3], row[4]))
        return found

    def match_many(
        self, session: Session, items: list[tuple[str, str | None]], limit: int = 10
    ) -> dict[tuple[str, str | None], list[Candidate]]:
        """`match` for many (text, claimant) pairs, with the candidate search batched."""
        rows = self.candidate_rows_many(session, [text_ for text_, _ in items])
        return {
            (text_, claimant): self._ranked(rows[text_], text_, claimant, limit)
            for text_, claimant in dict.fromkeys(items)
        }

    def match(
        self, session: Session, *, text: str, claimant: str | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Live claims most likely to say the same as `text`, best first (ties: lower id)."""
        return self._ranked(self.candidate_rows(session, text), text, claimant, limit)

    def _ranked(
        self,
        found: dict[int, tuple[str, str | None]],
        text: str,
        claimant: str | None,
        limit: int,
    ) -> list[Candidate]:
        query = stored_analysis(text, claimant)  # ingest has usually just compared it already
        scored = []
        for claim_id, (text_, claimant_) in found.items():
            why = signals(query, stored_analysis(text_, claimant_))
            scored.append(Candidate(claim_id=claim_id, score=why.score, signals=why.explain()))
        scored = [candidate for candidate in scored if candidate.score > 0]
        scored.sort(key=lambda candidate: (-candidate.score, candidate.claim_id))
        return scored[:limit]
