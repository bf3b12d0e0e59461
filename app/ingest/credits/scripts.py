# ruff: noqa: RUF001, RUF002, RUF003
"""Credits in Persian, Greek and Ukrainian house styles, the English syndication networks'
footers and bylines, and the entry point for south_asia.py's readings (reading.credits
asks `find` and `byline` here).

- **Persian.** IRNA's dateline, a place and the agency between hyphens ("کرمان- ایرنا-"); the
  running text's "به گزارش ایرنا" (as IRNA reports: every Iranian agency's frame) and "به نقل از
  خبرگزاری مهر" (quoting); the source line "منبع: ایرنا". Not the one told ("به خبرنگار ایرنا
  گفت", "در گفت‌وگو با ایرنا"), nor a picture's "عکس: ایرنا". "مهر", "تسنیم" and "فارس" are a month,
  a word and the province: only after "خبرگزاری" (news agency).
- **Greek.** The source line "Πηγή: ΑΠΕ-ΜΠΕ"; "Με πληροφορίες από το ΑΠΕ-ΜΠΕ" (with information
  from, a credit line wherever it stands); "μεταδίδει το ΑΠΕ-ΜΠΕ", "σύμφωνα με το ΑΠΕ" (reports,
  according to), and another agency after the same verbs ("μεταδίδει το πρακτορείο ειδήσεων
  AAP"). Bare "ΑΠΕ" is also the renewables' initials ("οι ΑΠΕ"): the agency only after
  the neuter article ("το ΑΠΕ", "του ΑΠΕ"). Not "ανέφεραν στο ΑΠΕ-ΜΠΕ" (told it), nor "οι
  δημοσιογράφοι του ΑΠΕ-ΜΠΕ" (its journalists, in a story about them).
- **Ukrainian and Russian** source lines: "За матеріалами Укрінформу", "За інформацією УНІАН",
  "По материалам ТАСС" on a line of their own, the name declined. Not "Фото: Укрінформ".
- **English syndication.** "- with AAP" (and "— with Reuters") closing the story: a local
  story written with the agency's copy (a credit line). The Tribune News Service byline
  "Jane Doe, Chicago Tribune (TNS)" credits the paper before "(TNS)", and the Tribune Content
  Agency footer "©2026 Chicago Tribune. Visit chicagotribune.com. Distributed by Tribune Content
  Agency, LLC." the paper it names. "The Columbus Dispatch contributed to this story." (the
  outlet opening its sentence, as "contributed to this report" is read in fingerprints).
"""

import re

from app.core import agencies
from app.ingest.credits import south_asia
from app.ingest.credits.context import quoted_words
from app.ingest.credits.languages import WORD

# Persian letters and joiners, not its punctuation ("،", "؛").
_PERSIAN = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u200c"
_PERSIAN_NAMES = {
    "ایرنا": "Islamic Republic News Agency",
    "خبرگزاری جمهوری اسلامی": "Islamic Republic News Agency",
    "ایسنا": "ISNA",
    "مهر": "Mehr News Agency",
    "تسنیم": "Tasnim News Agency",
    "فارس": "Fars News Agency",
}
_AGENCY_WORD_FA = r"خبرگزاری"
_ONLY_AFTER_AGENCY = frozenset(("مهر", "تسنیم", "فارس"))
_FA_ALT = "|".join(sorted(_PERSIAN_NAMES, key=len, reverse=True))
_FA_NAME = (
    rf"(?P<agency>{_AGENCY_WORD_FA}[ \t]+)?(?P<name>{_FA_ALT})(?:[ \t]+ایران)?(?![{_PERSIAN}])"
)
_FA_TEXT = re.compile(rf"(?<![{_PERSIAN}])(?:به[ \t]+گزارش|به[ \t]+نقل[ \t]+از)[ \t]+{_FA_NAME}")
_FA_SOURCE = re.compile(rf"(?:^|\n)[ \t]*منبع[ \t]*[:：][ \t]*{_FA_NAME}[ \t.]*(?=\n|$)")
# IRNA's dateline: a place (a word or two) and the agency between hyphens, opening a paragraph.
_FA_DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*[{_PERSIAN}]+(?:[ \t]+[{_PERSIAN}]+)?[ \t]*[-\u2013][ \t]*"
    rf"(?P<name>ایرنا)[ \t]*[-\u2013]"
)

_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_ANA = (
    r"ΑΠΕ[ \t]*-[ \t]*ΜΠΕ|Αθηναϊκ(?:ό|ού)[ \t]*-?[ \t]*Μακεδονικ(?:ό|ού)[ \t]+Πρακτορεί(?:ο|ου)"
    r"[ \t]+Ειδήσεων"
)
# "το ΑΠΕ", "του ΑΠΕ": the agency; "οι ΑΠΕ", "των ΑΠΕ": renewables.
_EL_NAME = (
    rf"(?:(?:το|του)[ \t]+)?(?P<name>{_ANA})(?![{_GREEK}])"
    rf"|(?:το|του)[ \t]+(?P<bare>ΑΠΕ)(?![{_GREEK}\-])"
)
_EL_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:Πηγή[ \t]*[:：]|[Μμ]ε[ \t]+πληροφορίες[ \t]+(?:από|του|του[ \t]+ρεπορτάζ))"
    rf"[ \t]+(?:{_EL_NAME})[ \t.]*(?=\n|$)"
)
_EL_TEXT = re.compile(
    rf"(?<![{_GREEK}])(?i:μεταδίδει|μετέδωσε|αναφέρει|ανέφερε|σύμφωνα[ \t]+με|"
    rf"με[ \t]+πληροφορίες[ \t]+από)[ \t]+(?:{_EL_NAME})"
)

# Another agency's name in Latin capitals after "reports" and "according to": "μεταδίδει το
# πρακτορείο ειδήσεων AAP", "σύμφωνα με το Reuters"; "αναφέρει" (also "mentions") only with the
# word for agency. Not "ανέφεραν στο Reuters" (told it), a poll's "Reuters/Ipsos", an earlier
# report ("σύμφωνα με το Reuters πέρυσι", "… το 2019"), nor the subject of what was reported
# ("μετέδωσε το Reuters να απολύει": reported Reuters to be laying off).
_EL_AGENCY = (
    rf"(?:(?:το|του)[ \t]+)?(?:[{_GREEK}]+[ \t]+)?(?i:πρακτορείο|πρακτορείου)"
    rf"(?:[ \t]+(?i:ειδήσεων))?[ \t]+"
)
_EL_EARLIER = (
    r"[ \t,]*(?:πέρυσι|πέρσι|παλαιότερα|(?:το|τον|την)[ \t]+(?:(?:19|20)\d\d|περασμένο|"
    r"περασμένη)|πριν[ \t]+από|(?:19|20)\d\d)"
)
_EL_LATIN = re.compile(
    rf"(?<![{_GREEK}])(?:(?i:μεταδίδει|μετέδωσε|σύμφωνα[ \t]+με)[ \t]+(?:(?:το|του)[ \t]+)?"
    rf"(?:{_EL_AGENCY})?|(?i:αναφέρει|ανέφερε)[ \t]+{_EL_AGENCY})"
    rf"(?P<name>{WORD}(?:[ \t]+{WORD}){{0,3}})(?![\w/])(?!{_EL_EARLIER})(?![ \t]+να(?!\w))"
)

_CYRILLIC_NAMES = {
    "укрінформ": "Ukrinform", "уніан": "UNIAN", "інтерфакс-україна": "Interfax-Ukraine",
    "тасс": "TASS", "интерфакс": "Interfax", "інтерфакс": "Interfax", "риа новости": "RIA Novosti",
}  # fmt: skip
_UK_ALT = "|".join(re.escape(name) for name in sorted(_CYRILLIC_NAMES, key=len, reverse=True))
_UK_SOURCE = re.compile(
    rf"(?:^|\n)[ \t]*(?i:за[ \t]+(?:матеріалами|інформацією)|по[ \t]+материалам)[ \t]+"
    rf"(?P<name>(?i:{_UK_ALT}))(?:у|а|ом)?[ \t.]*(?=\n|$)"
)

# English syndication.
_AGENCY_NAMES = "|".join(
    re.escape(name)
    for name in sorted(
        {agency.name for agency in agencies.AGENCIES}
        | {key.upper() for key in agencies.CAPITALS_ONLY}
        | {"AAP", "AP", "AFP", "Reuters", "PA", "Canadian Press", "dpa"},
        key=len,
        reverse=True,
    )
)
_WITH_AGENCY = re.compile(
    rf"(?:^|\n)[ \t]*[-\u2013\u2014]{{1,2}}[ \t]*(?i:with)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>{_AGENCY_NAMES})[ \t.]*$"
)
_TNS_BYLINE = re.compile(
    r",[ \t]*(?P<name>[A-Z][^,()\n]{2,60}?)[ \t]*\((?:TNS|Tribune News Service)\)[ \t]*$"
)
_TCA_FOOTER = re.compile(
    r"(?:\u00a9|\([Cc]\)|[Cc]opyright)[ \t]*(?:19|20)\d\d,?[ \t]+(?P<name>[A-Z][^.\n]{2,60}?)\."
    r"[ \t]+(?:Visit[ \t]+\S+\.[ \t]+)?Distributed[ \t]+by[ \t]+Tribune[ \t]+Content[ \t]+Agency"
)
_CONTRIBUTED_STORY = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\"\u201d][ \t]))[ \t]*(?P<name>(?:The[ \t]+)?[A-Z][\w&'.-]*"
    r"(?:[ \t]+[A-Z][\w&'.-]*){0,5})[ \t]+contributed[ \t]+to[ \t]+this[ \t]+(?:story|article)\b"
)

# These readings quote the whole match, a closing stop and brackets with it.
_WHOLE = ""


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the readings above and south_asia.py's, kinds as
    languages.find gives them."""
    found = south_asia.find(text)
    for match in _FA_DATELINE.finditer(text[:300]):
        found.append(
            (_PERSIAN_NAMES[match["name"]], f"dateline: {quoted_words(match, _WHOLE)}", "dateline")
        )
    for pattern, kind in ((_FA_SOURCE, "credit_line"), (_FA_TEXT, "text")):
        for match in pattern.finditer(text):
            if match["name"] in _ONLY_AFTER_AGENCY and not match["agency"]:
                continue  # "به گزارش مهر": the month
            words = quoted_words(match, _WHOLE)
            found.append(
                (
                    _PERSIAN_NAMES[match["name"]],
                    f"credit line: {words}" if kind == "credit_line" else words,
                    kind,
                )
            )
    for match in _EL_LINE.finditer(text):
        found.append(("ANA-MPA", f"credit line: {quoted_words(match, _WHOLE)}", "credit_line"))
    for match in _EL_TEXT.finditer(text):
        kind = "credit_line" if match.group(0).lower().startswith("με") else "text"
        words = quoted_words(match, _WHOLE)
        found.append(("ANA-MPA", f"credit line: {words}" if kind == "credit_line" else words, kind))
    for match in _EL_LATIN.finditer(text):
        found.append((match["name"], quoted_words(match, _WHOLE), "text"))
    for match in _UK_SOURCE.finditer(text):
        name = _CYRILLIC_NAMES[match["name"].lower()]
        found.append((name, f"credit line: {quoted_words(match, _WHOLE)}", "credit_line"))
    tail = text.rstrip()[-300:]
    if (match := _WITH_AGENCY.search(tail)) is not None:
        found.append((match["name"], f"credit line: {quoted_words(match, _WHOLE)}", "credit_line"))
    for match in _TCA_FOOTER.finditer(text):
        found.append((match["name"], f"credit line: {quoted_words(match, _WHOLE)}", "credit_line"))
    for match in _CONTRIBUTED_STORY.finditer(text):
        found.append((match["name"], quoted_words(match, _WHOLE), "text"))
    return found


def byline(author: str) -> str | None:
    """The agency a byline in South Asian scripts names alone, or the paper a Tribune News
    Service byline names before "(TNS)"."""
    if (match := _TNS_BYLINE.search(author)) is not None:
        return match["name"]
    return south_asia.byline(author)
