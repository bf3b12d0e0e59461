"""Words with combining marks and joiners (Indic vowel signs and viramas, Arabic and Hebrew vowel
marks, the Persian zero-width non-joiner): kept whole for copy detection and claim matching.

docs/matching.md, "Words with combining marks"; the guard that every other body keeps its
fingerprints is in tests/ingest/test_unspaced.py.
"""

import re
import unicodedata
from pathlib import Path

import pytest

from app.claims.search import Term
from app.claims.search import parse
from app.core import scripts
from app.core.config import Settings
from app.ingest.fingerprints import _tokens
from app.matching.analysis import words
from tests.ingest.test_article_pairs import is_copy
from tests.ingest.test_article_pairs import load

DEV = Path(__file__).resolve().parent.parent / "data" / "article_pairs_marks_dev.jsonl"


def _terms(text: str) -> list[str]:
    return scripts.terms(unicodedata.normalize("NFKC", text).casefold())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("हिन्दी भाषा में समाचार", ["हिन्दी", "भाषा", "में", "समाचार"]),  # Devanagari
        ("ज़रूरत", ["ज\u093cरूरत"]),  # a nukta letter, decomposed by NFKC, stays one word
        ("বাংলা ভাষা", ["বাংলা", "ভাষা"]),  # Bengali
        ("தமிழ் நாடு", ["தமிழ்", "நாடு"]),  # Tamil
        ("తెలుగు", ["తెలుగు"]),  # Telugu
        ("ਪੰਜਾਬੀ", ["ਪੰਜਾਬੀ"]),  # Gurmukhi
        ("ગુજરાતી", ["ગુજરાતી"]),  # Gujarati
        ("ಕನ್ನಡ", ["ಕನ್ನಡ"]),  # Kannada
        ("മലയാളം", ["മലയാളം"]),  # Malayalam
        ("සිංහල", ["සිංහල"]),  # Sinhala
        ("ترقّی پیشِ نظر", ["ترقّی", "پیشِ", "نظر"]),  # Urdu: shadda, izafat kasra
        ("می‌خواهم کتاب‌ها را", ["می\u200cخواهم", "کتاب\u200cها", "را"]),  # Persian ZWNJ
        ("שָׁלוֹם עֲלֵיכֶם", ["שָׁלוֹם", "עֲלֵיכֶם"]),  # Hebrew niqqud
        ("İzmir'de", ["i\u0307zmir", "de"]),  # Turkish: casefolded "İ" is "i" and U+0307
        ("e\u0301te\u0301 Ο\u0301ΛΑ", ["été", "όλα"]),  # decomposed Latin, Greek: NFKC
        ("ẹ̀kọ́", ["ẹ̀kọ́"]),  # Yoruba: a mark no precomposed letter has
    ],
)
def test_a_word_keeps_its_marks_and_joiners(text: str, expected: list[str]) -> None:
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok ❤️ fine", ["ok", "fine"]),  # a variation selector after no letter makes no word
        ("\u0301abc", ["abc"]),  # nor a mark at the start of a word
        ("word\u200c next", ["word", "next"]),  # a joiner with no letter after it is dropped
        ("葛\U000e0100城", ["葛\U000e0100城"]),  # a variation selector on a Han: its character
        ("ที่นี่ไทย", ["ที่นี่", "นี่ไ", "ไท", "ทย"]),  # Thai as before
    ],
)
def test_marks_and_joiners_outside_a_word(text: str, expected: list[str]) -> None:
    assert _terms(text) == expected


def test_marks_are_the_combining_marks_of_the_unicode_tables() -> None:
    marks = re.compile(f"[{scripts.MARKS}]")
    found = [code for code in range(0x20000) if marks.match(chr(code))]
    assert found == [
        code for code in range(0x20000) if unicodedata.category(chr(code)).startswith("M")
    ]
    assert marks.match("\U000e0100")  # the variation selectors supplement


def test_a_hindi_body_is_fingerprinted_from_whole_words() -> None:
    body = load(DEV)[0]["a"]["body"]  # story 21001
    tokens = _tokens(body)
    assert "भूस्खलन" in tokens
    assert "ह" not in tokens
    assert len(tokens) < len(re.findall(r"\w+", body)) * 0.6


def test_claim_words_and_search_terms_keep_their_marks() -> None:
    assert words("भारत ने हिन्दी दिवस मनाया") == ["भारत", "ने", "हिन्दी", "दिवस", "मनाया"]
    assert words("O'Brien's plan") == ["O'Brien", "s", "plan"]  # as before
    assert parse('"हिन्दी दिवस" தமிழ்*') == [
        Term(("हिन्दी", "दिवस")),
        Term(("தமிழ்",), prefix=True),
    ]


def test_the_marks_dev_set_is_separated_by_the_default_thresholds() -> None:
    """The dev set of tests/data/article_pairs_marks_dev.jsonl.README.md: every copy (verbatim,
    trimmed, wire inside local) in Hindi, Bengali, Tamil, Urdu and Persian is found, no
    independent report and no other story under the same headline is."""
    settings = Settings()
    pairs = load(DEV)
    assert len(pairs) == 42
    wrong = [pair["id"] for pair in pairs if is_copy(pair, settings) != pair["copy"]]
    assert wrong == []
