"""Writing systems that put no spaces between words, and how text in them is cut into terms.

Chinese and Japanese (Han, Hiragana, Katakana), Thai, Lao, Khmer and Burmese write a sentence
as one run of letters: split at spaces and punctuation, a whole clause is one "word". Search
engines that do without a dictionary index such runs as overlapping character bigrams (Lucene's
CJK analyzer: "東日本高速" -> "東日", "日本", "本高", "高速"; a lone character stays a unigram),
and so does `terms` here. Korean puts spaces between phrases and is not cut: a word with Hangul
in it stays whole even when it has a Han character ("美대통령"), and so does every word of the
space-separated scripts (Latin, Cyrillic, Arabic, Devanagari...): for text without a character
of these scripts `terms` is `\\w+` as before.

A "character" of a bigram is a letter with the combining marks after it (Thai and Burmese vowel
and tone marks are marks: "ที่" is one character), so a bigram is two letters as read.

A word of any script keeps its combining marks and the joiners inside it (`word`): Python's `\\w`
has no combining marks (categories Mn, Mc, Me), so `\\w+` cut Devanagari, Bengali, Tamil and
the other Indic scripts at every vowel sign and virama ("हिन्दी" -> "ह", "न", "द"), Arabic and
Hebrew at a vowel mark, a Turkish "İ" (casefolded "i" and a combining dot) from its word, and
Persian at the zero-width non-joiner inside a word ("می‌خواهم"). Text without a mark or joiner
after a letter is cut as by `\\w+` (docs/matching.md, "Words with combining marks").
"""

import re
import unicodedata

# Han: unified ideographs and extension A, compatibility ideographs, extensions B-H (planes
# 2-3), and the ideographic iteration and closing marks and zero (U+3005-U+3007).
HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Hiragana, Katakana (with the prolonged sound mark ー; not the middle dot ・ nor the double
# hyphen, punctuation), the small Katakana extension and the half-width forms (NFKC makes those
# full width).
KANA = "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
# The letters, marks and digits of Thai, Lao, Burmese (with its extensions) and Khmer; not
# their punctuation (Burmese ၊ ။, Khmer ។ ៕, Thai ๚ ๛ end clauses and sentences).
SOUTHEAST_ASIAN = (
    "\u0e01-\u0e4e\u0e50-\u0e59"  # Thai
    "\u0e81-\u0edf"  # Lao
    "\u1000-\u1049\u104c-\u109f\ua9e0-\ua9fe\uaa60-\uaa7f"  # Burmese
    "\u1780-\u17d3\u17d7\u17dc\u17dd\u17e0-\u17e9"  # Khmer
)
UNSPACED = HAN + KANA + SOUTHEAST_ASIAN
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"


def _combining_marks() -> str:
    """The combining marks (Unicode categories Mn, Mc, Me) as the ranges of a character class,
    from the running Python's Unicode tables. Every mark is below U+20000 but the variation
    selectors supplement, added as a range (scanning the 1.1 million code points costs half a
    second, these 131,072 about 20 ms)."""
    ranges: list[str] = []
    start = None
    for code in range(0x20001):
        if code < 0x20000 and unicodedata.category(chr(code))[0] == "M":
            start = code if start is None else start
        elif start is not None:
            ranges.append(chr(start) if start == code - 1 else f"{chr(start)}-{chr(code - 1)}")
            start = None
    return "".join(ranges) + "\U000e0100-\U000e01ef"


MARKS = _combining_marks()
# Zero-width non-joiner and joiner: inside a Persian word ("می‌خواهم") or an Indic conjunct, part
# of the word when a letter follows.
JOINERS = "\u200c\u200d"


def word(letter: str) -> str:
    """A pattern for a word made of `letter` (a character class): a letter, then letters and
    combining marks, and joiners between letters; where no mark or joiner follows a letter it
    matches as `letter+` does."""
    negated = letter.startswith("[^")
    more = f"(?:{letter}|[{MARKS}])*" if negated else f"[{letter[1:-1]}{MARKS}]*"
    return f"{letter}{more}(?:[{JOINERS}]+{letter}{more})*"


# A word: word characters and the letters and marks of the unspaced scripts, with the marks
# and joiners that follow (Python's \w has none). Without those scripts or a mark, `\w+`.
_WORD = re.compile(word(rf"[\w{UNSPACED}]"))
# A run of an unspaced script, with any mark on its letters (a variation selector on a Han).
_UNSPACED_RUN = re.compile(rf"[{UNSPACED}][{UNSPACED}{MARKS}]*")
_HAS_UNSPACED = re.compile(rf"[{UNSPACED}]")
_HAS_HANGUL = re.compile(rf"[{HANGUL}]")


def has_unspaced(text: str) -> bool:
    """Whether the text has a character of a script written without spaces between words."""
    return _HAS_UNSPACED.search(text) is not None


def _characters(run: str) -> list[str]:
    """A run's letters, each with the combining marks that follow it."""
    found: list[str] = []
    for char in run:
        if found and unicodedata.category(char).startswith("M"):
            found[-1] += char
        else:
            found.append(char)
    return found


def bigrams(run: str) -> list[str]:
    """Overlapping character bigrams of a run of an unspaced script; one character alone."""
    chars = _characters(run)
    if len(chars) < 2:
        return chars
    return [chars[i] + chars[i + 1] for i in range(len(chars) - 1)]


def _split(word: str) -> list[str]:
    """A word with a run of an unspaced script in it: the other parts as they are, each run
    as its bigrams ("nexco東日本" -> "nexco", "東日", "日本")."""
    terms: list[str] = []
    at = 0
    for run in _UNSPACED_RUN.finditer(word):
        if run.start() > at:
            terms.append(word[at : run.start()])
        terms += bigrams(run.group())
        at = run.end()
    if at < len(word):
        terms.append(word[at:])
    return terms


def terms(text: str) -> list[str]:
    """The text's words in order, runs of the unspaced scripts as their character bigrams. The
    text is taken as given: normalise it (NFKC, case) first."""
    found = _WORD.findall(text)
    if not _HAS_UNSPACED.search(text):
        return found
    out: list[str] = []
    for word in found:
        if _HAS_UNSPACED.search(word) is None or _HAS_HANGUL.search(word) is not None:
            out.append(word)
        else:
            out += _split(word)
    return out
