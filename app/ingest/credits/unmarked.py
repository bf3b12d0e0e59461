# ruff: noqa: RUF001, RUF002, RUF003
"""Credits naming *any* outlet in Japanese, Korean, Chinese and Thai, where no capital marks a
name (asia.py reads only the agencies its table lists in these scripts).

The name is cut out by the words around it, and only a stored outlet (or a listed agency)
answering to it becomes a credit (outlets.resolve_credits), as for any name the Latin readers
give: "政府関係者によると" (according to officials) or "관계자에 따르면" names nobody.

- **Japanese** (the name is a run of kanji, katakana or Latin between particles or punctuation):
  "朝日新聞が報じた", "NHKによると", "日本経済新聞の報道によると", "読売新聞が3日伝えた"
  (`cites`); "（読売新聞オンライン）" closing the text, "出典：毎日新聞", "この記事は毎日新聞の
  記事を転載しています", "東京新聞より転載" (`syndicates`). A paper's descriptor before the name is
  dropped ("米紙ニューヨーク・タイムズ", "英BBC"), and a site's suffix after it ("朝日新聞デジタル",
  "読売新聞オンライン", "日経電子版"): the credit names the paper.
- **Korean** (spaced words; the particle follows the name): "조선일보가 보도했다", "한겨레가
  전했다", "KBS에 따르면", "중앙일보 보도에 따르면", "(서울=뉴스1)", "출처: 한겨레", "<저작권자 ⓒ
  한겨레, 무단 전재 및 재배포 금지>".
- **Chinese**: a publication in title marks ("据《南华早报》报道", "香港《明報》報導", "来源：
  《联合报》"), or between "据" and "报道" ("據自由時報報導"), or after punctuation before "报道称"
  ("，联合报报导指出"); credit lines "来源：X", "資料來源：X", "本文转载自X", "（X）" closing the
  text.
- **Thai**: "ตามรายงานของ X" (according to X's report), "ขอบคุณข้อมูลจาก X" (thanks to X for the
  information), "ข้อมูลจาก X", "อ้างอิงจาก X", "ที่มา: X" (source), a descriptor before the name
  dropped ("สำนักข่าว", news agency; "หนังสือพิมพ์", newspaper) and "ออนไลน์" (online) after it.

Not a picture's or a chart's credit (asia.under_a_chart, "写真", "사진", "ภาพ"), not the words of
one interviewed ("NHKの取材に対し", in answer to NHK; "조선일보와의 인터뷰에서"), not a report the
text dates before its own ("朝日新聞が昨年報じた": only a day may stand between name and verb).
"""

import re

from app.ingest.credits import asia
from app.ingest.credits import source_words
from app.ingest.credits.context import matched_group
from app.ingest.credits.context import matched_name

# --- Japanese ------------------------------------------------------------------------------
_JA_CHAR = r"A-Za-z0-9\u4e00-\u9fff\u30a0-\u30ff\u3005\uff21-\uff3a\uff41-\uff5a\uff10-\uff19&・"


def _ja(group: str) -> str:
    """A name the words after it end ("朝日新聞が", "NHK NEWS WEBの"): kanji, katakana or Latin,
    Latin words apart."""
    return rf"(?<![{_JA_CHAR}])(?P<{group}>[{_JA_CHAR}](?:[{_JA_CHAR}]|[ \t](?=[A-Za-z])){{1,30}}?)"


def _ja_whole(group: str) -> str:
    """A name that ends its run of such characters ("出典：NHK NEWS WEB（12月1日配信）")."""
    return (
        rf"(?<![{_JA_CHAR}])(?P<{group}>[{_JA_CHAR}]{{2,24}}(?:[ \t]+[A-Za-z][\w&.-]*){{0,3}})"
        rf"(?![{_JA_CHAR}])"
    )


_JA_DAY = r"(?:\d{1,2}日(?:付け?)?(?:の)?)?"
_JA_TEXT = re.compile(
    # "朝日新聞が報じた", "NHKは3日伝えた", "共同通信が報道した"; not a clause of a noun
    # ("朝日新聞が報じた内容について…否定した": what the paper reported, denied).
    rf"{_ja('name')}(?:が|は)、?{_JA_DAY}(?:報じた|伝えた|報道した|報じている|伝えている)"
    r"(?!内容|記事|件|問題|こと|疑惑|報道)"
    # "NHKによると", "NHKによれば", "日経新聞の報道によると", "NHKの取材によると"; not the company
    # speaking of itself ("朝日新聞社によると、社長は…").
    rf"|{_ja('name1')}(?<!新聞社)(?<!放送局)(?:の{_JA_DAY}(?:報道|取材|記事|電子版))?"
    r"(?:によると|によれば)"
)
# A report the text dates before its own, just before the name ("昨年、朝日新聞が報じた",
# "지난해 조선일보가 보도했다", "此前…") or, in Thai, after it ("… เมื่อปีที่แล้ว"): no credit here.
_PAST = (
    r"(?:昨年|去年|前年|一昨年|先月|先週|昨秋|昨春|昨夏|昨冬|年前|か月前|カ月前|ヶ月前|以前|かつて|当時|"
    r"지난해|작년|지난달|지난주|년[ \t]*전|달[ \t]*전|당시|此前|早前|曾經|曾经|此前曾)"
)
_PAST_BEFORE = re.compile(rf"{_PAST}[にはもの、，,]?[ \t]*$")
# Right after the subject: "朝日新聞は昨年、…と報じた", "조선일보는 지난해 …고 보도했다".
_PAST_FIRST = re.compile(rf"(?:は|는|은)、?[ \t]*(?:\d{{4}}年)?{_PAST}")
_PAST_AFTER = re.compile(r"^[ \t]*(?:เมื่อ)?(?:ปีที่แล้ว|ปีก่อน|เดือนที่แล้ว|เดือนก่อน|สัปดาห์ที่แล้ว|ก่อนหน้านี้)")


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the credit at text[start:end] is dated before the text's own report."""
    return (
        _PAST_BEFORE.search(text, max(0, start - 12), start) is not None
        or _PAST_AFTER.match(text[end : end + 40]) is not None
    )


_JA_LINE = re.compile(
    r"(?:^|\n)[ \t]*[（(【\[]?[ \t]*(?:※[ \t]*)?(?:"
    # "出典：毎日新聞", "記事提供：東洋経済オンライン", "配信元：X".
    rf"(?:出典|出所|記事提供|配信元|転載元|元記事)[ \t]*[：:][ \t]*{_ja_whole('name2')}"
    # "本記事の一部はNHK NEWS WEBの報道を引用しています" (part of it quotes NHK's report).
    rf"|(?:本記事|この記事)の一部は、?{_ja('name5')}の(?:報道|記事)を(?:引用|転載|参考に)"
    # "この記事は毎日新聞の記事を転載しています", "この記事は、Xに掲載された記事を…".
    rf"|この記事は、?{_ja('name3')}(?:の記事|に掲載された記事|から|より)"
    # "東京新聞より転載", "Xから転載".
    rf"|{_ja('name4')}(?:より|から)(?:転載|引用)"
    r")"
)
# A paper's descriptor before its name ("米紙", "英BBC", "地元メディア", "韓国の") and a site's
# suffix after it ("デジタル", "オンライン", "電子版").
_JA_BEFORE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,4}(?:紙|誌|メディア|テレビ|放送局|ニュースサイト|通信社|新聞社)"
    r"|[米英仏独中韓露伊豪加台印](?=[A-Za-z\u30a0-\u30ff]))"
)
_JA_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff\u30a0-\u30ff])(?:デジタル|オンライン|電子版|ウェブ版|WEB|Web|紙|誌)$"
)


# --- Korean --------------------------------------------------------------------------------
def _ko(group: str) -> str:
    return rf"(?<![가-힣A-Za-z0-9])(?P<{group}>[가-힣A-Za-z0-9]{{2,15}}?)"


_KO_DAY = r"(?:[ \t]+\d{1,2}일(?:[ \t]*\(현지[ \t]*시간\))?)?"
_KO_TEXT = re.compile(
    # "조선일보가 보도했다", "한겨레는 21일 전했다", "KBS가 보도한 바에 따르면".
    rf"{_ko('name')}(?:이|가|은|는){_KO_DAY}[ \t]+(?:보도했다|전했다|보도한[ \t]+바에[ \t]*따르면)"
    # "KBS에 따르면", "중앙일보 보도에 따르면", "중앙일보의 보도에 따르면".
    rf"|{_ko('name1')}(?:의)?(?:[ \t]*(?:보도|기사))?에[ \t]*따르면"
)
_KO_WORDS = r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9 ]{0,18}?"  # a name of a few words
# "(서울=뉴스1)" opening the text: a place before "=", not "[사진=연합뉴스]" (a photo's).
_KO_DATELINE = re.compile(
    rf"\s*[(\[][ \t]*(?!{asia.PICTURE.pattern})[가-힣]{{2,8}}[ \t]*=[ \t]*(?P<name>{_KO_WORDS})"
    r"[ \t]*[)\]]"
)
_KO_LINE = re.compile(
    # "출처: 한겨레"; "<저작권자 ⓒ 한겨레, 무단 전재 …>".
    r"(?:^|\n)[ \t]*(?:"
    rf"(?:기사[ \t]*)?출처[ \t]*[:=][ \t]*(?P<name>{_KO_WORDS})[ \t]*(?=\n|$)"
    rf"|[<〈\[]?[ \t]*저작권자[ \t]*(?:\([cC]\)|ⓒ|©)?[ \t]*(?P<name2>{_KO_WORDS})"
    r"[ \t]*,?[ \t]*무단[ \t]*(?:전재|복제)"
    r")"
)

# The outlet opening its sentence, the verb closing it: "朝日新聞は21日、…と報じた。", "조선일보는
# 21일 …고 보도했다." (a separate reader: its long match must not hide a credit inside it).
_SUBJECT_FIRST = re.compile(
    rf"(?:^|(?<=[。\n]))[ \t]*{_ja('name')}は、?[^。\n]{{4,160}}?"
    r"と(?:報じた|報道した|伝えた)(?=[。、])"
    rf"|(?:^|(?<=[.\n]))[ \t]*{_ko('name2')}(?:는|은)[ \t]+[^.\n]{{4,200}}?(?:다|라)?고[ \t]+"
    r"(?:보도했다|전했다)"
)

# --- Chinese -------------------------------------------------------------------------------
_ZH_CHAR = r"A-Za-z0-9\u4e00-\u9fff"


def _title(group: str) -> str:
    return rf"《(?P<{group}>[^》\n]{{1,20}})》"


_ZH_REPORTED = r"(?:报道|报导|報導|報道)"
_ZH_TEXT = re.compile(
    # "据《南华早报》报道", "據香港《明報》報導", "《联合报》报导指出".
    rf"(?:[据據]|根[据據])[{_ZH_CHAR}]{{0,6}}?{_title('name5')}(?:网站|網站)?(?:\d{{1,2}}日)?"
    rf"(?:{_ZH_REPORTED}|消息)"
    rf"|{_title('name6')}(?:\d{{1,2}}日)?{_ZH_REPORTED}(?:称|稱|指出|说|說)"
    # "據自由時報報導", "据南华早报4日报道".
    rf"|(?:[据據]|根[据據])(?P<name2>[{_ZH_CHAR}]{{2,10}}?)(?:\d{{1,2}}日)?{_ZH_REPORTED}"
    # "据英国广播公司（BBC）报道": the Latin name in brackets after the outlet's description.
    rf"|[据據][^，。、\n]{{0,12}}?[（(](?P<name4>[A-Za-z][\w&.-]*(?:[ \t]+[A-Za-z][\w&.-]*){{0,3}})"
    rf"[）)]{_ZH_REPORTED}"
    # "，联合报报导指出": the name after punctuation.
    rf"|(?<=[，。、：；\n])(?P<name3>[{_ZH_CHAR}]{{2,8}}?){_ZH_REPORTED}(?:称|稱|指出|(?=[。，]))"
)
_ZH_SUFFIX = re.compile(r"(?:客户端|客戶端|网站|網站|官网|官網|新闻网|新聞網|电子报|電子報)$")
_ZH_LINE = re.compile(
    r"(?:^|\n)[ \t]*[（(【\[]?[ \t]*(?:"
    rf"(?:本文|文章|新闻|新聞|资料|資料)?(?:来源|來源|稿源)[ \t]*[：:][ \t]*(?:{_title('name7')}|"
    rf"(?P<name2>[{_ZH_CHAR}]{{2,12}}))"
    rf"|本文(?:转载|轉載|转|轉)自[ \t]*(?:{_title('name8')}|(?P<name3>[{_ZH_CHAR}]{{2,12}}))"
    r")[ \t]*[）)】\]]?[ \t。.]*(?=\n|$)"
)
# "（联合报）" closing the text, after its last sentence.
_CLOSING = re.compile(rf"[。．！？」』”][ \t\n]*[（(](?P<name>[{_JA_CHAR}]{{2,16}})[）)][ \t]*$")

# --- Thai ----------------------------------------------------------------------------------
_TH_DESCRIPTOR = r"(?:สำนักข่าว|สถานีโทรทัศน์|หนังสือพิมพ์|เว็บไซต์ข่าว|เว็บไซต์|สื่อ|ช่อง)?"
_TH_NAME = (
    rf"{_TH_DESCRIPTOR}[ \t]*(?P<name>[A-Za-z0-9][\w.&-]*(?:[ \t]+[A-Z0-9][\w.&-]*){{0,3}}"
    r"|[\u0e00-\u0e7f][\u0e00-\u0e7f0-9.]{1,30}?)(?:ออนไลน์)?(?=[ \t\n,.)]|$)"
)
_TH = re.compile(
    rf"(?P<verb>ตามรายงานของ|รายงานของ|ขอบคุณข้อมูลจาก|ข้อมูลจาก|อ้างอิงจาก|อ้างอิง[ \t]*:"
    rf"|ที่มา[ \t]*:|เรียบเรียงจาก)[ \t]*:?[ \t]*{_TH_NAME}"
)
_TH_PICTURE = re.compile(r"ภาพ|รูป")


def _japanese(name: str) -> str:
    name = _JA_BEFORE.sub("", name) if len(_JA_BEFORE.sub("", name)) >= 2 else name
    short = _JA_AFTER.sub("", name)
    return (short if len(short) >= 2 else name).strip()


def _chinese(name: str) -> str:
    short = _ZH_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def _picture(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return asia.under_a_chart(text, line_start) or (
        asia.PICTURE.search(text[line_start:start]) is not None
    )


# Kana, Han, Hangul or Thai: a text with none of them has none of the credits above.
_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the credits above, kinds as languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    if _SCRIPTS.search(text) is None:
        return found
    for match in _JA_TEXT.finditer(text):
        if not _dated(text, match.start(), match.end()):
            found.append((_japanese(matched_name(match)), match.group(0), "text"))
    for pattern, clean in ((_JA_LINE, _japanese), (_ZH_LINE, _chinese), (_KO_LINE, str)):
        for match in pattern.finditer(text):
            start = match.start() + (match.group(0)[:1] == "\n")
            if not _picture(text, start):
                words = f"credit line: {' '.join(match.group(0).split())}"
                found.append((clean(matched_name(match).strip()), words, "credit_line"))
    if (match := _KO_DATELINE.match(text)) is not None:
        found.append((match["name"].strip(), f"dateline: {match.group(0).strip()}", "dateline"))
    for match in _SUBJECT_FIRST.finditer(text):
        after = match.end(matched_group(match))
        if not _dated(text, match.start(), match.end()) and not _PAST_FIRST.match(text, after):
            found.append((_japanese(matched_name(match)).strip(), match.group(0).strip(), "text"))
    for match in _KO_TEXT.finditer(text):
        if not _dated(text, match.start(), match.end()):
            found.append((matched_name(match), match.group(0), "text"))
    for match in _ZH_TEXT.finditer(text):
        if not _dated(text, match.start(), match.end()):
            found.append((_chinese(matched_name(match)), match.group(0), "text"))
    if (match := _CLOSING.search(text.rstrip())) is not None and not _picture(text, match.start()):
        found.append((_japanese(match["name"]), f"closing: {match.group(0).strip()}", "sign_off"))
    for match in _TH.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _TH_PICTURE.search(text[line_start : match.start()]):
            continue  # "ภาพจาก …", "ที่มาภาพ": a picture's source
        if match["name"].casefold() in source_words.SCRIPT_NAMES:
            continue  # "ที่มา: รอยเตอร์": an agency's name source_words reads
        if _dated(text, match.start(), match.end()):
            continue
        own_line = not text[line_start : match.start()].strip()
        kind = "credit_line" if own_line and not match["verb"].startswith("ตาม") else "text"
        words = match.group(0).strip()
        found.append((match["name"], f"credit line: {words}" if kind != "text" else words, kind))
    return found
