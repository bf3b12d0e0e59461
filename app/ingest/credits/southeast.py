# ruff: noqa: RUF001, RUF002, RUF003
"""Credits the Indonesian, Malay and Vietnamese press gives any outlet, read beside
languages.py (which reads "dilansir ANTARA", "theo TTXVN" and source lines, a name right after
the verb).

These papers put a word for the outlet's kind between the verb and the name, and say who
reported in more ways:

- **Indonesian and Malay** (`cites`): "menurut laporan CNN Indonesia" (according to a report
  of), "seperti diberitakan Kompas.com", "sebagaimana dilaporkan harian Kompas", "demikian
  dilansir Tempo", "mengutip Tempo", "melansir CNBC Indonesia", Malay "…, lapor Berita Harian",
  "menurut laporan akhbar The Star", "lapor portal berita Malaysiakini"; the name first:
  "Kompas melaporkan", "Malaysiakini memberitakan".
- **Credit lines** (`syndicates`): Malay "Laporan tambahan: Bernama" (additional reporting),
  Indonesian "Dengan laporan dari Antara"; and, as the same kind of line, Turkish "Bu haberde
  Anadolu Ajansı'ndan yararlanılmıştır" (this story drew on Anadolu Agency).
- **Vietnamese** (`cites`): "theo báo Tuổi Trẻ" (according to the paper), "tờ Thanh Niên đưa
  tin" (reported), "VnExpress đưa tin" (not "cho biết", said: an outlet speaking of itself); a
  line of its own "Theo Tuổi Trẻ", "(Theo VnExpress)" under the text is its source
  (`syndicates`).

As everywhere, only a stored outlet or a listed agency answering to the name becomes a credit:
"menurut Kepala BPBD" (according to the disaster agency's head) names nobody.
"""

import re

from app.ingest.credits.context import matched_name
from app.ingest.credits.languages import CAPITAL

_UPPER = rf"{CAPITAL}\u01a0\u01af\u1ea0-\u1ef8"
_WORD = rf"[{_UPPER}0-9][\w.&'\u2019-]*"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
# Words without an apostrophe: Turkish writes the case ending after one ("Ajansı'ndan").
_PLAIN = rf"[{_UPPER}0-9][\w.&-]*(?:[ \t]+[{_UPPER}0-9][\w.&-]*){{0,3}}"

# --- Indonesian and Malay ---------------------------------------------------------------------
# Lower case only: a capital starts the name ("lapor Harian Metro", Malaysia's daily).
_ID_KIND_WORD = (
    r"(?:harian|koran|surat[ \t]+kabar|akhbar(?:[ \t]+harian)?|majalah|portal(?:[ \t]+berita)?|"
    r"situs(?:[ \t]+berita)?|laman(?:[ \t]+berita)?|media(?:[ \t]+daring|[ \t]+online)?|"
    r"stasiun[ \t]+televisi|televisi|televisyen|kantor[ \t]+berita|agensi[ \t]+berita)"
)
# The kind, perhaps with the outlet's country before a comma ("portal berita Indonesia,
# Kompas.com").
_ID_KIND = rf"(?:{_ID_KIND_WORD}[ \t]+(?:{_WORD},[ \t]+)?)?"
_ID_TEXT = re.compile(
    r"(?<![\w])(?P<verb>(?i:menurut[ \t]+laporan|menurut|"
    r"(?:seperti|sebagaimana|demikian|yang)[ \t]+(?:dilaporkan|diberitakan|dilansir|dikutip|"
    r"diwartakan)(?:[ \t]+(?:oleh|dari))?|"
    r"dilaporkan[ \t]+oleh|mengutip(?:[ \t]+dari)?|melansir(?:[ \t]+dari)?|"
    # "dilaporkan harian Kompas": the bare participle only before a word for the outlet's kind.
    rf"(?:dilaporkan|diberitakan|diwartakan)(?=[ \t]+{_ID_KIND_WORD})|"
    r"(?<=,[ \t])lapor))"
    rf"[ \t]+{_ID_KIND}{_NAME}"
)
# A credit line: Malay "Laporan tambahan: Bernama" (additional reporting), Indonesian "Dengan
# laporan dari Antara"; Turkish "Bu haberde Anadolu Ajansı'ndan yararlanılmıştır" (this story
# drew on Anadolu Agency).
_LINE = re.compile(
    r"(?:^|\n)[ \t]*\(?[ \t]*(?:(?i:laporan[ \t]+tambahan|dengan[ \t]+laporan[ \t]+(?:dari|oleh))"
    rf"[ \t]*[:\u2013\u2014-]?[ \t]*{_NAME}"
    rf"|(?i:bu[ \t]+haberde)[ \t]+(?P<name2>{_PLAIN})['\u2019]?(?i:n?[dt][ae]n)"
    r"[ \t]+(?i:yararlan[ıi]lm[ıi][şs]t[ıi]r|faydalan[ıi]lm[ıi][şs]t[ıi]r))"
    r"[ \t]*\)?[ \t.]*(?=\n|$)"
)
# The name first, the verb closing the clause or before "that": "Kompas melaporkan, …",
# "Malaysiakini memberitakan bahawa …"; not "Tempo melaporkan peretasan ke polisi" (reported the
# hacking to the police).
_ID_FIRST = re.compile(
    rf"(?:^|(?<=[\n.,;]))[ \t]*{_ID_KIND}{_NAME}[ \t]+(?i:melaporkan|memberitakan|"
    r"mewartakan)(?=[ \t]*(?:[,.:]|bahwa\b|bahawa\b))"
)

# --- Vietnamese --------------------------------------------------------------------------------
_VN_KIND = (
    r"(?i:tờ[ \t]+báo|tờ|báo(?:[ \t]+điện[ \t]+tử)?|nhật[ \t]+báo|tạp[ \t]+chí|"
    r"trang(?:[ \t]+tin)?(?:[ \t]+điện[ \t]+tử)?|kênh(?:[ \t]+truyền[ \t]+hình)?|đài|"
    r"hãng[ \t]+tin|hãng[ \t]+thông[ \t]+tấn|thông[ \t]+tấn[ \t]+xã)"
)
_VN_TEXT = re.compile(
    rf"(?<![\w])(?i:theo)[ \t]+{_VN_KIND}[ \t]+{_NAME}"
    rf"|(?<![\w])(?:{_VN_KIND}[ \t]+)?{_NAME.replace('<name>', '<name2>')}[ \t]+"
    r"(?:đưa[ \t]+tin|dẫn[ \t]+lời|loan[ \t]+tin)\b"
)
_VN_LINE = re.compile(
    rf"(?:^|\n)[ \t]*\(?[ \t]*(?i:theo)[ \t]+(?:{_VN_KIND}[ \t]+)?{_NAME}[ \t]*\)?[ \t.]*(?=\n|$)"
)


# The words each reader starts from: a text without them is not searched for its names (each
# name pattern is tried at every capital).
_WORDS = (
    (_VN_LINE, re.compile(r"(?i:\btheo\b)")),
    (_LINE, re.compile(r"(?i:laporan|\bbu[ \t]+haberde\b)")),
    (_ID_TEXT, re.compile(r"(?i:menurut|dilaporkan|diberitakan|dilansir|dikutip|diwartakan|"
                          r"mengutip|melansir|\blapor\b)")),
    (_ID_FIRST, re.compile(r"(?i:melaporkan|memberitakan|mewartakan)")),
    (_VN_TEXT, re.compile(r"(?i:\btheo\b|đưa[ \t]+tin|dẫn[ \t]+lời|loan[ \t]+tin)")),
)  # fmt: skip


def _searched(text: str) -> list[re.Pattern[str]]:
    return [pattern for pattern, words in _WORDS if words.search(text) is not None]


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the credits above, kinds as languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    searched = _searched(text)
    for pattern in (p for p in (_VN_LINE, _LINE) if p in searched):
        for match in pattern.finditer(text):
            name = matched_name(match)
            if name:
                words = f"credit line: {match.group(0).strip()}"
                found.append((name.rstrip("."), words, "credit_line"))
    for pattern in (p for p in (_ID_TEXT, _ID_FIRST, _VN_TEXT) if p in searched):
        for match in pattern.finditer(text):
            name = matched_name(match)
            if name:
                found.append((name.rstrip("."), match.group(0).strip(), "text"))
    return found
