# ruff: noqa: RUF001, RUF002, RUF003
"""Credits papers in Latin script give a national agency's copy inside a local story, and the
running-text credits of the languages of South-East Asia and Africa, read beside
reading.credits' datelines and credit lines (which read the story's head and tail).

- **The agency's sign-off closing a paragraph** of prose inside the story: Bernama's "… this
  year. -- Bernama", "… — AFP", and, for the capitals that name an agency only written so
  (agencies.CAPITALS_ONLY: "(NAN)", "(WAM)", "(ANI)"), "… he said. (NAN)" as Nigerian and Indian
  papers close each paragraph they carry. After a sentence's end, at the line's end, after a
  paragraph of prose; not under a picture's caption, not an abbreviation the paragraph spells
  out or the text introduces, and not capitals English uses for other bodies
  (agencies.NOT_IN_ENGLISH_TEXT, read by newsrooms.py only in the agencies' own style).
- **Credit lines on a line of their own**, anywhere in the body: "With Xinhua", "Additional
  reporting: Yonhap News Agency." (a colon for "by"), Malay and Indonesian "Dengan laporan
  Bernama" (with reports from Bernama), "Laporan tambahan oleh ANTARA", and Turkish "Haberin bir
  bölümü Anadolu Ajansı'ndan alınmıştır" (part of the story is taken from Anadolu Agency). Not a
  picture's ("Fotoğraf AA'dan alınmıştır").
- **The running text** (`cites`): Indonesian and Malay "menurut ANTARA", "seperti dilaporkan
  kantor berita Bernama", "lapor Bernama" (not "antara lain", among others, and a name before
  its verb only in capitals: "ANTARA melaporkan"); Swahili "kwa mujibu wa shirika la habari la
  China, Xinhua" (according to China's news agency, Xinhua), "Xinhua liliripoti"; Hausa "kamar
  yadda Kamfanin Dillancin Labaran Najeriya (NAN) ya ruwaito" (as NAN reported), "a cewar NAN".
  Not when a time before this story follows ("tahun lalu", "mwaka jana", "bara": last year).
"""

import re

from app.core import agencies
from app.ingest.credits.context import ends_a_caption
from app.ingest.credits.context import introduced_keys
from app.ingest.credits.context import name_key
from app.ingest.credits.context import prose
from app.ingest.credits.context import spelled_out
from app.ingest.credits.languages import WORD
from app.ingest.credits.lists import JOINER
from app.ingest.credits.lists import listed
from app.ingest.credits.lists import written_as_agency

Found = tuple[str, str, str]

_NAME = rf"{WORD}(?:[ \t]+{WORD}){{0,4}}"
_PICTURE = re.compile(
    r"(?i:\b(?:photos?|pictures?|images?|video|graphics?|footage|foto|fotoğraf\w*|görsel\w*|"
    r"gambar|caption)\b)"
)
_DASH_CLOSING = re.compile(
    rf"(?<=[.!?\"\u201d])[ \t]+(?:--|[\u2014\u2013])[ \t]*(?P<name>{_NAME})[ \t]*\.?[ \t]*(?=\n|$)"
)
_BRACKET_CLOSING = re.compile(r"(?<=[.!?\"\u201d])[ \t]*\((?P<name>[A-Z]{2,8})\)[ \t]*(?=\n|$)")
_LINE_END = r"[ \t]*\.?[ \t]*(?=\n|$)"
_LINES = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:"
    rf"(?i:with)[ \t]+(?:(?i:the)[ \t]+)?(?P<name>{_NAME}(?:{JOINER}{_NAME}){{0,3}})"
    rf"|(?i:additional[ \t]+reporting)[ \t]*(?::|(?i:from))[ \t]*(?:(?i:the)[ \t]+)?"
    rf"(?P<name2>{_NAME}(?:{JOINER}{_NAME}){{0,3}})"
    rf"|(?i:dengan[ \t]+laporan|laporan[ \t]+tambahan)(?:[ \t]+(?i:daripada|dari|oleh))?[ \t]+"
    rf"(?P<name3>{_NAME}(?:{JOINER}{_NAME}){{0,3}})"
    rf"|(?:(?:Haberin|Bu[ \t]+haberin?)[ \t]+(?:bir[ \t]+bölümü|bazı[ \t]+bölümleri|tamamı)"
    r"[ \t]+|Bu[ \t]+haber[ \t]+)?"
    rf"(?P<name4>{_NAME})['\u2019][a-zçğıöşü]{{0,2}}(?:dan|den|tan|ten)[ \t]+alınmıştır"
    rf"){_LINE_END}"
)
# Indonesian and Malay.
_AGENCY_WORD = (
    r"(?:(?i:kantor|agensi|lembaga)[ \t]+(?i:berita)[ \t]+(?:(?i:nasional|negara|resmi)[ \t]+)?)"
)
_ID_TEXT = re.compile(
    r"(?<!\w)(?P<verb>(?i:menurut(?:[ \t]+laporan)?|seperti[ \t]+(?:dilaporkan|diberitakan)|"
    r"sebagaimana[ \t]+(?:dilaporkan|diberitakan)|dilaporkan|diberitakan|lapor))"
    rf"(?:[ \t]+(?i:oleh))?[ \t]+(?P<framed>{_AGENCY_WORD})?(?P<name>{_NAME})"
    rf"|(?<![\w])(?P<framed2>{_AGENCY_WORD})?(?P<name2>{_NAME})[ \t]+(?i:melaporkan|memberitakan)\b"
)
# Swahili: "kwa mujibu wa (shirika la habari la China,) Xinhua", "Xinhua liliripoti", "kwa
# mujibu wa gazeti la Daily Nation" (the newspaper).
_SW_AGENCY = (
    r"(?:(?i:shirika|chombo)[ \t]+(?:la|cha)[ \t]+habari(?:[ \t]+(?:la|ya|cha)[ \t]+"
    + WORD
    + r")?,?[ \t]+|(?i:gazeti)[ \t]+la[ \t]+)"
)
_SW_TEXT = re.compile(
    rf"(?<!\w)(?i:kwa[ \t]+mujibu[ \t]+wa)[ \t]+(?P<framed>{_SW_AGENCY})?(?P<name>{_NAME})"
    rf"|(?<!\w)(?P<name2>{_NAME})[ \t]+(?:li|i)(?:li|me)ripoti\b"
)
# Hausa: "kamar yadda X (NAN) ya ruwaito", "a cewar NAN".
_HA_TEXT = re.compile(
    rf"(?<!\w)(?i:kamar[ \t]+yadda)[ \t]+(?P<name>{_NAME})(?:[ \t]*\((?P<abbr>[A-Z]{{2,8}})\))?"
    r"[ \t]+(?:ya|ta|suka)[ \t]+(?:ruwaito|rawaito|bayar[ \t]+da[ \t]+rahoto)\b"
    rf"|(?<!\w)(?i:a[ \t]+cewar)[ \t]+(?P<name2>{_NAME})(?:[ \t]*\((?P<abbr2>[A-Z]{{2,8}})\))?"
)
# A time before this story's after the name: "tahun lalu", "pada Maret", "mwaka jana", "bara".
_EARLIER = re.compile(
    r"[ \t,]+(?:(?i:pada|pd|dalam|kwenye|mnamo|la|ya|a)[ \t]+)?"
    r"(?i:(?:tahun|bulan|pekan|minggu)[ \t]+"
    r"(?:lalu|lepas)|beberapa[ \t]+(?:tahun|bulan|minggu|pekan)[ \t]+(?:lalu|lepas)|"
    r"januari|februari|maret|mac|april|mei|juni|jun|juli|julai|agustus|ogos|september|oktober|"
    r"november|desember|disember|(?:19|20)\d\d|mwaka[ \t]+(?:jana|(?:19|20)\d\d)|"
    r"mwezi[ \t]+uliopita|"
    r"machi|aprili|agosti|septemba|oktoba|novemba|desemba|"
    r"wiki[ \t]+iliyopita|bara|watan[ \t]+jiya|makon[ \t]+jiya)\b"
)


def _agency_name(name: str, framed: bool) -> str | None:
    """The agency a name in a running-text frame gives: itself when the table knows it, or its
    first words (a sentence may go on after the name: "Xinhua liliripoti" is one thing, "ANTARA
    Jakarta" another); an abbreviation of the table in mixed case only after the word for
    agency ("menurut Map" is no agency)."""
    words = name.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if agencies.by_key(name_key(candidate)) is None:
            continue
        if not (framed or agencies.may_name(candidate)):
            return None
        return candidate
    return None


def _closes_a_paragraph(text: str, match: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    paragraph = text[line_start : match.start()].strip()
    if not prose(paragraph, _PICTURE):
        return False
    return spelled_out(paragraph, match["name"]) is None and not ends_a_caption(text, match)


def find(text: str) -> list[Found]:
    """(name, words, kind) of the credits above, kinds as languages.find gives them."""
    found: list[Found] = []
    for match in _DASH_CLOSING.finditer(text):
        name = match["name"]  # the agency alone: not "AFP Photo"
        if written_as_agency(name) and _closes_a_paragraph(text, match):
            found.append((name, f"closing: {match.group(0).strip()}", "sign_off"))
    introduced: set[str] | None = None
    for match in _BRACKET_CLOSING.finditer(text):
        key = name_key(match["name"])
        if key not in agencies.CAPITALS_ONLY or key in agencies.NOT_IN_ENGLISH_TEXT:
            continue  # others are newsrooms.py's ("(ANSA)"), or capitals of other bodies
        if agencies.by_key(key) is None or not _closes_a_paragraph(text, match):
            continue
        introduced = introduced_keys(text) if introduced is None else introduced
        if key not in introduced:  # "the Ministry of Trade and Industry (MTI)" earlier
            found.append((match["name"], f"closing: {match.group(0).strip()}", "sign_off"))
    for match in _LINES.finditer(text):
        group, names = next((k, v) for k, v in match.groupdict().items() if v)
        if _PICTURE.search(match.group(0)):
            continue  # "Fotoğraf AA'dan alınmıştır", "With AP Photos": a picture's credit
        words = " ".join(match.group(0).split())
        for name in listed(names):
            found.append((name, f"credit line: {words}", "credit_line"))
    for pattern in (_ID_TEXT, _SW_TEXT, _HA_TEXT):
        for match in pattern.finditer(text):
            group = "name" if match["name"] else "name2"
            frame = match.groupdict().get("framed") or match.groupdict().get("framed2") or ""
            framed = bool(frame)
            # "gazeti la Daily Nation": a newspaper, which only a stored outlet makes a credit.
            paper = frame.lower().startswith("gazeti")
            name = match[group] if paper else _agency_name(match[group], framed)
            if name is None:
                continue
            end = match.start(group) + len(name)
            if _EARLIER.match(text, match.end()) or _EARLIER.match(text, end):
                continue  # "menurut ANTARA tahun lalu": an earlier report
            if pattern is _ID_TEXT and re.match(r"[ \t]+(?i:lain)\b", text[end:]):
                continue  # "antara lain": among others
            if pattern is _ID_TEXT and group == "name2" and not (framed or name.isupper()):
                continue  # "Antara melaporkan" may be "between"; "ANTARA melaporkan" is not
            words = " ".join(match.group(0).split())
            found.append((name, words, "text"))
            abbr = match.groupdict().get("abbr") or match.groupdict().get("abbr2")
            if abbr and agencies.by_key(name_key(abbr)) is agencies.by_key(name_key(name)):
                found.append((abbr, words, "text"))
    return found
