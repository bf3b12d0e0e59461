"""Where a sentence ends, in every script: the boundaries sentences.py cuts a body at.

Latin keeps the rule it always had, unchanged to the byte: `. ! ?` (after any closing quote or
bracket) followed by space and a capital of U+0041-U+005A or U+00C0-U+024F (news style spells
out a number that starts a sentence), or a line break. The other scripts had only the line
break, so a paragraph in Russian, Greek, Arabic or Hindi was one "sentence". Now:

- after `. ! ?` and space, a sentence also begins at an uppercase letter of any other cased
  script (Greek, Cyrillic, Armenian, Coptic, Glagolitic, Cherokee...) or at any letter of a
  script without case (Arabic, Hebrew, Syriac, Thaana, N'Ko, Devanagari and the other Indic
  scripts, Sinhala, Tibetan, Hangul, Ethiopic...) and of Georgian, whose running text is in
  one case (Mkhedruli, lower case since Unicode 11); `«`, `„`, `‹` and a dialogue dash may
  open it, and `»`, `›`, `“` close the one before;
- the full stops of scripts that have their own end a sentence whatever follows, space or not
  (the danda `।` and double danda `॥` of Devanagari, Bengali, Gurmukhi, Odia...; the Urdu
  full stop `۔`; the Arabic question mark `؟`; the Armenian full stop `։`; Ethiopic `።` and
  `፧`; the Burmese `။`, the Khmer `។` and `៕`, the Tibetan shad `།` and `༎`, the Mongolian
  `᠃` and `᠉`): they are not used inside abbreviations or numbers, and are normally, not
  always, followed by a space (Burmese and Khmer write none between words, and often none
  after the full stop either);
- the Greek question mark `;` (U+037E, NFC makes it U+003B) before a Greek capital, and the
  colon an Armenian keyboard types for `։` before an Armenian capital.

Chinese and Japanese full stops are cut by sentences.py (inside quotation marks they end a quoted
sentence, not the reporter's); Thai and Lao mark a sentence's end with a space alone, which also
parts phrases, and are left as they are. Where a piece ends in an abbreviation or an initial it is
not a sentence yet (`abbreviated`): the Latin list as it was, a single letter of any other script
with its marks ("В. В. Путин", "κ. Μητσοτάκης", "د. أحمد", "ए. पी. जे.", "т.е.", "π.χ.", "г.",
"ք."), and the common Cyrillic, Greek and Devanagari abbreviations that come before a name or a
capital ("ул.", "проф.", "св.", "Αγ.", "Λεωφ.", "प्रो.", "एस.").
"""

import re
import unicodedata

from app.core import scripts

# The boundary Latin text has always had (do not change it: stored fingerprints of Latin
# bodies are byte for byte what this cut makes).
_LATIN = r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z\u00c0-\u024f])"
_LINE = r"\n+"
# Full stops, question and exclamation marks of scripts that have their own.
TERMINATORS = (
    "\u0964\u0965\u06d4\u061f\u0589\u1362\u1367"
    "\u104b\u17d4\u17d5\u0f0d\u0f0e\u1803\u1809"  # Burmese, Khmer, Tibetan, Mongolian
)
# Closing quotes, brackets and direction marks after a sentence's end; opening ones before the
# next sentence.
_CLOSING = "\"'\u201d\u2019\u201c\u00bb\u203a)\\]\u200e\u200f\u061c"
_OPENING = "\"'\u201c\u2018\u201e\u00ab\u2039(\\["
_DASH = "\u2013\u2014"
_UNSPACED = re.compile(f"[{scripts.UNSPACED}\u3100-\u312f\u31a0-\u31bf]")


def _excluded(char: str, name: str) -> bool:
    """Letters that do not start a sentence here: Latin (its rule is _LATIN's), mathematical
    and letterlike symbols, and the scripts sentences.py cuts otherwise (Han, Kana, Bopomofo,
    Thai, Lao, Burmese, Khmer)."""
    return (
        "LATIN" in name
        or name.startswith("MATHEMATICAL")
        or "\u2100" <= char <= "\u218f"  # letterlike symbols, number forms
        or "\u3000" <= char <= "\u303f"  # CJK symbols (the masu mark)
        or char in "\u00aa\u00b5\u00ba\uab65"  # ª, º, the micro sign µ, a phonetic letter
        or "\u1d00" <= char <= "\u1dbf"  # phonetic extensions (small capitals and the like)
        or _UNSPACED.match(char) is not None
    )


def _ranges(codes: list[int]) -> str:
    """Code points (ascending) as the ranges of a character class."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


def _letter_classes() -> tuple[str, str]:
    """(starters, letters): the letters a sentence may begin with after `. ! ?` and space
    (upper case of the cased scripts, every letter of the others and of Georgian), and every
    letter of those scripts (for initials), from the running Python's Unicode tables."""
    starters: list[int] = []
    letters: list[int] = []
    for code in range(0x80, 0x32000):
        char = chr(code)
        category = unicodedata.category(char)
        if category not in ("Lu", "Lt", "Ll", "Lo"):
            continue
        name = unicodedata.name(char, "")
        if _excluded(char, name):
            continue
        letters.append(code)
        if category in ("Lu", "Lt", "Lo") or name.startswith("GEORGIAN"):
            starters.append(code)
    return _ranges(starters), _ranges(letters)


STARTERS, LETTERS = _letter_classes()
_GREEK_CAPITAL = "\u0386\u0388-\u038f\u0391-\u03ab\u1f08-\u1f0f\u1f18-\u1f1d\u1f28-\u1f2f"
_ARMENIAN_CAPITAL = "\u0531-\u0556"
_BEGINS = rf"(?:[{_DASH}]\s*)?[{_OPENING}]?"

# Every alternative but the line break starts after one of these: the guard in front lets the
# regex give up at once at every other position (three times faster on a Latin body).
_ENDS = rf".!?;\u037e:{TERMINATORS}"
BOUNDARY = re.compile(
    rf"(?<=[{_ENDS}])(?:"
    + "|".join(
        [
            _LATIN,
            rf"(?<=[.!?])[{_CLOSING}]*\s+(?={_BEGINS}[{STARTERS}])",
            rf"(?<=[;\u037e])[{_CLOSING}]*\s+(?={_BEGINS}[{_GREEK_CAPITAL}])",
            rf"(?<=:)[{_CLOSING}]*\s+(?={_BEGINS}[{_ARMENIAN_CAPITAL}])",
            rf"(?<=[{TERMINATORS}])[{_CLOSING}]*\s*",
        ]
    )
    + f")|{_LINE}"
)

# A letter or full stop of the scripts this module adds: a body without one is cut as before.
_OTHER_SCRIPTS = re.compile(f"[{LETTERS}{TERMINATORS}]")
# Where none of them is: Latin with its marks, punctuation and symbols, Han and Kana. Searching
# a long body for a character outside these few ranges first is about ten times faster than
# searching it with _OTHER_SCRIPTS' thousands of ranges.
_BEYOND_LATIN = re.compile("[^\x00-\u036f\u1e00-\u1eff\u2000-\u2bff\u3000-\u30ff\u3400-\u9fff]")


def other_scripts(body: str) -> bool:
    """Whether the body has a letter or a full stop of a script other than Latin that this
    module cuts (without one, BOUNDARY and `abbreviated` cut it as the Latin rule does)."""
    return any(_OTHER_SCRIPTS.match(found.group()) for found in _BEYOND_LATIN.finditer(body))


# The cut before this one, which sentence vectors keep (sentences.split_texts).
LATIN_BOUNDARY = re.compile(f"{_LATIN}|{_LINE}")
_LATIN_ABBREVIATED = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Rev|Jr|Sr"
    r"|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ave|Blvd|Rd|approx|vs))\.$"
)
# Abbreviations that come before a name or a capital (titles, streets and squares, towns and
# villages, saints, "named after"), not those that often end a sentence ("млн.", "и др.", "обл."):
# Russian, Ukrainian, Belarusian, Bulgarian and Serbian; Greek; Hindi (Latin initials spelled
# out, "प्रो." for professor; "डॉ." is a letter with its marks).
_CYRILLIC = (
    "ул|вул|пр|просп|пер|пров|пл|наб|бул|пос|смт|гр|им|ім|св|оз|проф|акад|доц|ген|полк|адм|ст|тзв"
)
_GREEK = "αγ|λεωφ|οδ|καθ|στρ|υπ|αντ|βουλ|δρ|κκ"
_DEVANAGARI = "प्रो|एस|एम|एन|एल|एफ|एच|आर|एक्स"
_OTHER_ABBREVIATED = re.compile(
    rf"(?<![\w{scripts.MARKS}])"
    rf"(?:[{LETTERS}][{scripts.MARKS}]*|(?i:{_CYRILLIC}|{_GREEK})|{_DEVANAGARI})\.$"
)


def latin_abbreviated(piece: str) -> bool:
    """Whether a piece ends in a Latin initial or abbreviation (the guard before this one)."""
    return _LATIN_ABBREVIATED.search(piece) is not None


# The longest initial or abbreviation the other scripts' guard looks for, with its marks.
_TAIL = 24


def abbreviated(piece: str) -> bool:
    """Whether a piece (stripped on the right) ends in an initial or an abbreviation, so that
    the sentence goes on after it."""
    if _LATIN_ABBREVIATED.search(piece):
        return True
    if not piece.endswith("."):
        return False
    # Only the end can match: search it alone (a match at the start of a cut-off tail would
    # be inside a word).
    tail = piece[-_TAIL:]
    found = _OTHER_ABBREVIATED.search(tail)
    return found is not None and (found.start() > 0 or len(tail) == len(piece))
