# ruff: noqa: RUF001
"""Credits the Arabic press gives the agencies whose copy it carries, read beside
languages.py's Arabic dateline brackets.

Arabic has no capitals to tell a name from a word, so every reading here starts from a name
the agency table holds (app/core/agencies.py: the short names "وام", "كونا", "واس", "قنا" and
the full ones "وكالة الأنباء الكويتية", "وكالة المغرب العربي للأنباء"), found with the hamza
and the final yā' written either way ("انباء" for "أنباء"), and asks where it stands:

- **Where a wire puts its mark.** An agency's name in brackets (or between dashes or slashes)
  is the wire's mark only as a dateline, at a paragraph's start after at most a place and a date
  ("الرياض (واس) -", "الكويت - 6 - 12 (كونا) --"), or closing a paragraph or the story after its
  last sentence ("... البحرية. (وام)"). The same brackets after the agency's name spelled out
  introduce its abbreviation ("وكالة أنباء الإمارات (وام) قد نقلت في مارس الماضي": what WAM
  reported last March; "مصور وكالة الأنباء الكويتية (كونا)": its photographer), and inside a
  sentence they mark nothing (`wire_mark`).
- **The source line**: "المصدر: وام", "المصدر : وكالة الأنباء الكويتية" on a line of its own
  (a credit line). Not "الصورة: وام" nor "تصوير: كونا" (a picture's credit), nor a source line
  that goes on after the name.
- **The running text**: "بحسب ما أفادت (به) وكالة الأناضول التركية", "حسب ما أفادت به وكالة
  المغرب العربي للأنباء", "وفقا لوكالة الأنباء الكويتية", "نقلا عن وكالة الأنباء السعودية",
  "ذكرت وكالة أنباء الإمارات", "أفادت وكالة ...": "according to" or a reporting verb right before
  the agency (`cites`). Not when a time before this story follows it ("... في مارس الماضي", "العام
  الماضي", "الشهر الماضي"), nor the pluperfect "كانت ... قد نقلت" (had reported), nor the
  agency as someone's employer ("مصور وكالة", "مراسل وكالة": no frame stands before it), nor
  told ("قال لوكالة ...": the preposition "ل" without "وفقا").
"""

import re

from app.core import agencies

_LETTER = "\u0621-\u064a\u0640\u0671-\u06d3"
# The hamza's seats and the final yā' are written either way: compared folded, one letter for
# one, so positions in the folded text are positions in the text.
_FOLD = str.maketrans("أإآٱىة", "اااايه")


def fold(text: str) -> str:
    return text.translate(_FOLD)


def _arabic(name: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in name)


def _names() -> dict[str, str]:
    """Folded name -> the name as the table holds it, for every Arabic name of an agency."""
    found: dict[str, str] = {}
    for agency in agencies.AGENCIES:
        for key in agencies.keys_of(agency):
            if _arabic(key):
                found.setdefault(fold(key), key)
    return found


_NAMES = _names()
# "وكالة" before a short name: "وكالة وام", "وكالة الأناضول" (the latter also listed whole).
_ALT = "|".join(re.escape(name) for name in sorted(_NAMES, key=len, reverse=True))
_NAME = rf"(?:(?:وكاله|الوكاله)[ \t]+(?:(?:الانباء|انباء)[ \t]+)?)?(?P<name>{_ALT})(?![{_LETTER}])"
_D = "[\u064b-\u0652]*"  # the short vowels and tanween a word may carry ("وفقاً")
# "according to" and the reporting verbs, with "و" or "ف" ("and", "so") attached.
_ACCORDING = (
    rf"(?:(?:ب)?حسب|وفقا{_D}|وفق|طبقا{_D})(?:[ \t]+ما[ \t]+(?:افادت|افاد|ذكرت|ذكر|اوردت|اورد|نقلت|"
    r"نقل|اعلنت|نشرت)(?:[ \t]+(?:به|ه))?)?[ \t]+(?:ل)?"
)
_VERB = r"(?:[وف])?(?:ذكرت|افادت|اوردت|نقلت|قالت|اعلنت|نشرت|بثت)[ \t]+"
_CITING = rf"(?:نقلا{_D}|نقل)[ \t]+عن[ \t]+"
_TEXT = re.compile(rf"(?<![{_LETTER}])(?:{_ACCORDING}|{_VERB}|{_CITING}){_NAME}")
# A time before this story's after the name (an adjective of it may come first: "التركية"):
# "في مارس الماضي", "العام الماضي", "الشهر الماضي", "قبل عامين", "في 2019".
_EARLIER = re.compile(
    rf"(?:[ \t]*[(（][^)）\n]{{1,20}}[)）])?(?:[ \t]+[{_LETTER}]+){{0,3}}?[ \t]+(?:في[ \t]+)?"
    rf"(?:(?:[{_LETTER}]+[ \t]+)?الماضي(?:ه)?"
    r"|قبل[ \t]+(?:عام|عامين|اعوام|سنه|سنتين|سنوات|اشهر|شهر|شهرين|اسابيع)|(?:19|20)\d\d)"
)
# "وكانت وكالة ... قد نقلت": the pluperfect, a report before this one.
_HAD = re.compile(rf"(?<![{_LETTER}])[وف]?(?:كانت|كان)[ \t]+(?:قد[ \t]+)?$")
_SOURCE = re.compile(
    rf"(?:^|\n)[ \t]*(?:المصدر|مصدر[ \t]+الخبر)[ \t]*[:：][ \t]*{_NAME}[ \t]*[.]?[ \t]*(?=\n|$)"
)
# Short names that are also words or places: "بنا" (with us), "قنا" (Qena), "وفا" (loyalty),
# "بترا" (Petra), "وات" (watt). In the running text they name the agency only after "وكالة".
_WORDS = frozenset(
    fold(word) for word in ("بنا", "قنا", "وفا", "بترا", "وات", "واج", "واع", "سونا", "سانا")
)
# The mark in brackets or between dashes or slashes, as languages.py reads it at the
# story's head and tail; read here anywhere, at a paragraph's start or end.
_MARK = re.compile(
    rf"[(（][ \t]*{_NAME}[ \t]*[)）]"
    rf"|(?:^|(?<=\s))[/\u2014\u2013-][ \t]*(?P<name2>{_ALT})"
    r"[ \t]*[/\u2014\u2013-](?=\s|$)"
)
# A dateline before the mark: a place and a date, no more ("الكويت - 6 - 12", "الرياض").
_DATELINE_WORDS = 6
_SENTENCE = re.compile(r"[.!؟?،,:؛\"«»“”]")
_SENTENCE_END = re.compile(r"[.!؟?\"»”][ \t]*$")
_DASH_AFTER = re.compile(r"[ \t]*[\u2014\u2013-]")


def wire_mark(text: str, start: int, end: int) -> str | None:
    """Where an Arabic agency name in brackets (or between dashes) at text[start:end] stands, if
    where a wire puts its mark: "dateline" at a paragraph's start after at most a place and a
    date (and a dash after it, or only a place or a date before it), "closing" ending a
    paragraph or the story after its last sentence; None inside a sentence, or after the
    agency's name spelled out ("وكالة الأنباء الكويتية (كونا)")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    line_end = text.find("\n", end)
    after = text[end : len(text) if line_end < 0 else line_end].strip(" \t.")
    folded = fold(before)
    if "وكاله" in folded or any(name in folded for name in _NAMES):
        return None  # the name spelled out before its abbreviation
    if not after and (not before or _SENTENCE_END.search(before)):
        return "closing"  # "... البحرية. (وام)", or the mark on a line of its own
    if not after or len(before.split()) > _DATELINE_WORDS or _SENTENCE.search(before):
        return None
    dashed = _DASH_AFTER.match(text, end) is not None
    dated = any(c.isdigit() for c in before) or len(before.split()) <= 2
    return "dateline" if dashed or dated else None


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the marks, source lines and text credits above, kinds as
    languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    folded = fold(text)
    for match in _MARK.finditer(folded):
        where = wire_mark(folded, match.start(), match.end())
        if where is not None:
            name = _NAMES[match["name"] or match["name2"]]
            words = " ".join(text[match.start() : match.end()].split())
            found.append(
                (name, f"{where}: {words}", "dateline" if where == "dateline" else "sign_off")
            )
    for match in _SOURCE.finditer(folded):
        words = " ".join(text[match.start() : match.end()].split())
        found.append((_NAMES[match["name"]], f"credit line: {words}", "credit_line"))
    for match in _TEXT.finditer(folded):
        if _EARLIER.match(folded, match.end()) or _HAD.search(folded, 0, match.start()):
            continue  # "... في مارس الماضي", "وكانت ذكرت وكالة ...": an earlier report
        if match["name"] in _WORDS and "وكاله" not in match.group(0):
            continue  # "بحسب قنا": Qena; "قنا" names the agency after "وكالة"
        words = " ".join(text[match.start() : match.end()].split())
        found.append((_NAMES[match["name"]], words, "text"))
    return found


def byline(author: str) -> str | None:
    """The agency a byline in Arabic script names alone ("كونا", "وكالة الأنباء الكويتية")."""
    if "صور" in author or "تصوير" in author:
        return None  # "صورة: وام", a picture's credit
    name = fold(" ".join(author.strip(" \t.-–—|/").split()))
    return _NAMES.get(name)
