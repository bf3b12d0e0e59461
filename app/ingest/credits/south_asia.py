# ruff: noqa: RUF001
"""Credits the South Asian press gives its agencies in Hindi, Nepali, Bengali and Urdu, and the
English full names with "of" that the capitalised-name patterns split ("the state-run Associated
Press of Pakistan reported").

These scripts write vowels as combining marks ("पीटीआई", "বাসস"), which a regular expression's
word class does not count as letters; every reading here starts from a name the agency table
holds in the script (app/core/agencies.py: "पीटीआई", "आईएएनएस", "रासस", "বাসস", "اے پی پی", and
the full names "राष्ट्रिय समाचार समिति", "বাংলাদেশ সংবাদ সংস্থা"), with the script's own letters
and marks around it, and asks where it stands:

- **A source line** on a line of its own, the agency's name and nothing after it: Hindi
  "(इनपुट: आईएएनएस)", "इनपुट - भाषा", "साभार: पीटीआई", "(भाषा इनपुट के साथ)" (with input from),
  Nepali "स्रोत: राष्ट्रिय समाचार समिति", Bengali "তথ্যসূত্র: বাসস", "সূত্র: ইউএনবি", Urdu
  "بشکریہ اے پی پی" (a credit line). Not "फोटो: आईएएनएस" (a picture's credit).
- **The running text**: "according to" after the name ("पीटीआई के मुताबिक", "आईएएनएस के अनुसार",
  "रासस का अनुसार", "اے پی پی کے مطابق"), the agency as the subject of a reporting verb ("समाचार
  एजेंसी पीटीआई ने … जानकारी दी", "यह जानकारी … एएनआई ने दी", Nepali "रासस ले जनाएको छ", Bengali
  "বাসস জানিয়েছে") (`cites`). Not the one told ("पीटीआई से कहा", "रासससँग भने", "বাসসকে জানান": the
  postposition is attached or follows), nor a report recalled with its time ("गत वर्ष", "پچھلے سال",
  "গত বছরের") or in the pluperfect ("बताया था", "জানিয়েছিল", "رپورٹ کیا تھا"), nor the agency's
  correspondent ("समितिका संवाददाता"). "भाषा" (PTI's Hindi service) is also the word for language:
  in the running text only after "समाचार एजेंसी".
"""

import re
import unicodedata

from app.core import agencies

# The scripts' letters with their vowel signs and joiners.
_DEVANAGARI = "\u0900-\u097f"
_BENGALI = "\u0980-\u09ff"
_ARABIC = "\u0600-\u06ff"
_LETTERS = f"{_DEVANAGARI}{_BENGALI}{_ARABIC}\u200c\u200d"


def fold(text: str) -> str:
    """NFC, without the nukta (written or not in "न्यूज़"), joiners and the hyphens in names."""
    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFD", text).replace("\u093c", "")
    return unicodedata.normalize("NFC", text).replace("\u200d", "").replace("\u200c", "")


def _in_script(name: str) -> bool:
    return any(_DEVANAGARI[0] <= c <= "\u09ff" or "\u0600" <= c <= "\u06ff" for c in name)


def _names() -> dict[str, str]:
    """Folded name (hyphens as spaces) -> the agency's name in the table, for every name of an
    agency in these scripts."""
    found: dict[str, str] = {}
    for agency in agencies.AGENCIES:
        for key in agencies.keys_of(agency):
            if _in_script(key):
                found.setdefault(fold(key), agency.name)
    return found


_NAMES = _names()
_ALT = "|".join(
    re.escape(name).replace(r"\ ", r"[ \t\-]+") for name in sorted(_NAMES, key=len, reverse=True)
)
_NAME = rf"(?<![{_LETTERS}])(?P<name>{_ALT})(?![{_LETTERS}])"
# A short name in brackets after the full one: "राष्ट्रिय समाचार समिति (रासस)".
_ABBR = rf"(?:[ \t]*\((?:{_ALT})\))?"
_AGENCY_WORD = r"(?:समाचार[ \t]+(?:एजेंसी|एजेन्सी|संस्था|समिति)|न्यूज[ \t]+एजेंसी|সংবাদ[ \t]+সংস্থা)"

_SOURCE_WORD = r"इनपुट|साभार|स्रोत|सोर्स|स्रोत[ \t]+समाचार|तथ्यसूत्र|তথ্যসূত্র|সূত্র|কৃতজ্ঞতা|بشکریہ|ماخذ|ذریعہ"
_SOURCE = re.compile(
    fold(
        rf"(?:^|\n)[ \t]*\(?[ \t]*(?:{_SOURCE_WORD})[ \t]*[:：\-\u2013\u2014]?[ \t]*{_NAME}{_ABBR}"
        r"[ \t]*\)?[ \t।.]*(?=\n|$)"
        # "(भाषा इनपुट के साथ)", "(एजेंसी इनपुट के साथ)": with the agency's input.
        rf"|(?:^|\n)[ \t]*\(?[ \t]*(?P<name2>{_ALT})[ \t]+(?:के[ \t]+)?इनपुट[ \t]+के[ \t]+साथ[ \t]*\)?"
        r"[ \t।.]*(?=\n|$)"
    )
)
_TEXT = re.compile(
    fold(
        rf"(?P<agency>{_AGENCY_WORD}[ \t]+)?{_NAME}{_ABBR}(?:"
        # "according to": Hindi, Nepali, Urdu.
        r"[ \t]+(?:के|का|को|की)[ \t]+(?:मुताबिक|अनुसार|हवाले[ \t]+से)|[ \t]+अनुसार"
        r"|[ \t]+کے[ \t]+مطابق"
        # The agency reports: Hindi "ने … बताया / जानकारी दी / खबर दी", Nepali "ले जनाएको छ".
        r"|[ \t]+ने[ \t]+[^।\n]{0,80}?(?:बताया|जानकारी[ \t]+दी|खबर[ \t]+दी|रिपोर्ट[ \t]+दी)"
        r"|[ \t]*ले[ \t]+(?:जनाएको|जनाए|उल्लेख[ \t]+गरेको|बताएको)"
        # Bengali "বাসস জানায়", "বাসস জানিয়েছে" (not "জানিয়েছিল": had reported).
        r"|[ \t]+(?:জানায়|জানিয়েছে)(?![\u0980-\u09ff])"
        r")"
    )
)
# Nepali attaches the agent's "ले" to the name: "राससले जनाएको छ".
_ATTACHED = re.compile(
    fold(rf"(?<![{_LETTERS}])(?P<name>{_ALT})ले[ \t]+(?:जनाएको|जनाए|उल्लेख[ \t]+गरेको|बताएको)")
)
# Hindi puts what was given first: "यह जानकारी समाचार एजेंसी एएनआई ने दी" (news agency ANI
# gave this information), "यह खबर पीटीआई ने दी है"; not "पुलिस ने पीटीआई को दी" (gave it to PTI).
_OBJECT_FIRST = re.compile(
    fold(
        rf"(?:जानकारी|खबर|सूचना)[ \t]+(?:[^।\n]{{0,40}}?[ \t]+)??"
        rf"(?P<agency>{_AGENCY_WORD}[ \t]+)?{_NAME}{_ABBR}[ \t]+ने[ \t]+दी"
        r"(?=[ \t]+है|[ \t]*[।॥.,\n]|$)"
    )
)
# What only needs the agency word before it: "भाषा" is the word for language.
_WORDS = frozenset(("भाषा",))
# A time before this story's, or the pluperfect, in the credit's sentence.
_EARLIER = re.compile(
    fold(
        r"पिछले[ \t]+(?:साल|वर्ष|महीने|हफ्ते)|गत[ \t]+(?:वर्ष|साल|महीने|वर्षको|महिना)|अघिल्लो"
        r"|(?:था|थी|थे)[ \t]*[।.]|थियो|গত[ \t]+(?:বছর|মাস)|জানিয়েছিল"
        r"|گزشتہ|پچھلے|تھا[ \t]*[۔.]|تھی[ \t]*[۔.]"
    )
)
_SENTENCE_END = re.compile(r"[।.?!۔]")

# English: full names with a lower-case "of" ("Press Trust of India", "Associated Press of
# Pakistan", "United News of Bangladesh", "News Agency of Nigeria") reporting, or after
# "according to", where the capitalised-name patterns read "Pakistan" alone.
_OF_NAMES = "|".join(
    re.escape(agency.name) for agency in agencies.AGENCIES if " of " in agency.name
)
_OF_TEXT = re.compile(
    rf"(?:[Aa]ccording[ \t]+to|[Aa]s[ \t]+reported[ \t]+by|[Rr]eported[ \t]+by)[ \t]+(?:the[ \t]+)?"
    rf"(?:state-run[ \t]+|official[ \t]+|state[ \t]+)?(?P<name>{_OF_NAMES})\b"
    rf"|(?P<name2>{_OF_NAMES})[ \t]+(?:reported|reports|said)\b"
)
_EARLIER_EN = re.compile(r"[^.\n]{0,60}?\b(?:last|earlier|in[ \t]+(?:19|20)\d\d)\b")


def _sentence(text: str, start: int, end: int) -> str:
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    return text[begin : stop.end() if stop else len(text)]


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the source lines and text credits above, kinds as
    languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    folded = fold(text)
    for match in _SOURCE.finditer(folded):
        name = match["name"] or match["name2"]
        words = " ".join(match.group(0).split())
        name = _NAMES[" ".join(name.replace("-", " ").split())]
        found.append((name, f"credit line: {words}", "credit_line"))
    texts = [*_TEXT.finditer(folded), *_ATTACHED.finditer(folded)]
    for match in [*texts, *_OBJECT_FIRST.finditer(folded)]:
        name = " ".join(match["name"].replace("-", " ").split())
        if name in _WORDS and not match.groupdict().get("agency"):
            continue  # "भाषा के अनुसार": according to the language
        sentence = _sentence(folded, match.start(), match.end())
        if _EARLIER.search(sentence):
            continue  # "पिछले साल पीटीआई ने बताया था": an earlier report
        found.append((_NAMES[name], " ".join(sentence.split())[:300], "text"))
    for match in _OF_TEXT.finditer(text):
        if _EARLIER_EN.match(text, match.end()):
            continue  # "… reported last year": an earlier report
        sentence = _sentence(text, match.start(), match.end())
        found.append((match["name"] or match["name2"], " ".join(sentence.split())[:300], "text"))
    return found


def byline(author: str) -> str | None:
    """The agency a byline in these scripts names alone ("इंडो-एशियन न्यूज़ सर्विस", "বাংলাদেশ
    সংবাদ সংস্থা")."""
    name = " ".join(fold(author).strip(" \t.-\u2013\u2014|/").replace("-", " ").split())
    return _NAMES.get(name)
