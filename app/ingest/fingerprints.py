"""What copy detection keeps of a body: a SimHash fingerprint, and the credit it gives.

SimHash (Charikar 2002) turns the body's word 3-gram shingles into one 64-bit number such that
near-identical bodies differ in few bits; `similarity` is the share of equal bits. A wire story
republished verbatim, or with a dateline and a paragraph added, stays above 0.9; unrelated
bodies sit near 0.5. Bodies shorter than MIN_SHINGLES give no fingerprint (too few shingles to be
telling).

A credit is how an article names the outlet it took the story from: a dateline "(Reuters)",
"- AP" or "— AFP", a byline that is an outlet's name, or "Reuters reported" / "according to
Reuters" in the text. Datelines and bylines mean the article *is* that outlet's copy
(`syndicates`); a credit in the running text means it rewrote it (`cites`).
"""

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from app.tables import LinkRelation

SHINGLE = 3
MIN_SHINGLES = 30
BITS = 64
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def simhash(body: str) -> int | None:
    """The 64-bit SimHash of a body's word 3-gram shingles, or None for a short body."""
    tokens = _tokens(body)
    shingles = Counter(" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
    if sum(shingles.values()) < MIN_SHINGLES:
        return None
    # Sum the weights per byte value of each of the 8 byte positions, then per bit: 8 additions
    # per shingle instead of 64.
    per_byte = [Counter[int]() for _ in range(BITS // 8)]
    total = 0
    for shingle, count in shingles.items():
        digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=BITS // 8).digest()
        for position, value in enumerate(digest):
            per_byte[position][value] += count
        total += count
    fingerprint = 0
    for position, counts in enumerate(per_byte):
        for bit in range(8):
            ones = sum(count for value, count in counts.items() if value >> bit & 1)
            if 2 * ones > total:
                fingerprint |= 1 << (position * 8 + bit)
    return fingerprint


def to_signed(fingerprint: int) -> int:
    """A 64-bit fingerprint as the signed integer a BIGINT column holds."""
    return fingerprint - (1 << BITS) if fingerprint >= 1 << (BITS - 1) else fingerprint


def similarity(a: int, b: int) -> float:
    """Share of equal bits between two fingerprints (stored signed or not), in [0, 1]."""
    mask = (1 << BITS) - 1
    return 1 - ((a ^ b) & mask).bit_count() / BITS


# ---- credits ---------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z](?:[\w&'\u2019-]|\.(?=\w))*"  # a dot only inside, as in "U.S."
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
# "TOKYO (Reuters) -", "(AP) —", "(Reuters)" anywhere near the start.
_DATELINE_PAREN = re.compile(rf"\((?P<name>{_NAME})\)")
# "MOSCOW - AP", "— AFP" as a dateline or sign-off.
_DATELINE_DASH = re.compile(rf"(?:^|\n|\s)[\u2014\u2013-]{{1,2}}\s*(?P<name>{_NAME})\s*(?:$|\n)")
_REPORTED = re.compile(
    rf"\b(?:according to|as reported by|reported by|first reported by|told)\s+(?:the\s+)?"
    rf"(?P<name>{_NAME})|(?P<name2>{_NAME})\s+(?:reported|reports|first reported)\b"
)
DATELINE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit to another outlet found in an article."""

    name: str  # as written, e.g. "Reuters"
    quote: str  # the words that give the credit, e.g. "(Reuters)"
    relation: LinkRelation

    @property
    def key(self) -> str:
        return name_key(self.name)


def name_key(name: str) -> str:
    """How outlet names are compared: lower case, single spaces, without a leading "the"."""
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return key.removeprefix("the ").strip(" .")


def credits(*, author: str | None, body: str | None, title: str | None = None) -> list[Credit]:
    """Credits in the byline, the dateline and the text, strongest (syndicates) first."""
    found: list[Credit] = []
    text = body or ""
    head = text[:DATELINE_CHARS]
    for match in _DATELINE_PAREN.finditer(head):
        found.append(Credit(match["name"], match.group(0), LinkRelation.syndicates))
    for match in _DATELINE_DASH.finditer(head):
        found.append(Credit(match["name"], match.group(0).strip(), LinkRelation.syndicates))
    tail = text[-DATELINE_CHARS:]
    for match in _DATELINE_DASH.finditer(tail):
        found.append(Credit(match["name"], match.group(0).strip(), LinkRelation.syndicates))
    if author:
        for part in re.split(r",|/|\band\b|\bfor\b|\bby\b", author, flags=re.IGNORECASE):
            name = part.strip(" .")
            if name and name[0].isupper():
                found.append(Credit(name, f"byline: {author}", LinkRelation.syndicates))
    for source in (title or "", text):
        for match in _REPORTED.finditer(source):
            name = match["name"] or match["name2"]
            found.append(Credit(name, _sentence_around(source, match), LinkRelation.cites))
    unique: dict[tuple[str, LinkRelation], Credit] = {}
    for credit in found:
        unique.setdefault((credit.key, credit.relation), credit)
    return list(unique.values())


def _sentence_around(text: str, match: re.Match[str]) -> str:
    start = max(text.rfind(".", 0, match.start()) + 1, match.start() - 80)
    end = text.find(".", match.end())
    end = min(end + 1 if end != -1 else len(text), match.end() + 80)
    return " ".join(text[start:end].split())
