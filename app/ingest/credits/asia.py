# ruff: noqa: RUF001, RUF002, RUF003
"""Credits the Korean, Japanese and Chinese press gives the agencies whose copy it carries, read
beside languages.py's datelines ("(서울=연합뉴스)", "新华社北京1月5日电", "【ワシントン共同】").

Every reading starts from a name the agency table holds in these scripts (app/core/agencies.py:
"연합뉴스", "時事通信社", "马新社", "中央通信社", "韓聯社"), since no capital marks a name here:

- **A byline that is the agency** ("연합뉴스", "時事通信社", "新华社记者 张三"): a part of the
  byline that is the agency's name, alone or with the word for its reporter (`byline`; Arabic
  bylines are arabic.py's). Not "本报记者" (the paper's own), not "前新华社记者" (a former one).
- **The agency's mark closing a paragraph** of a local story that carries its copy: "…を記録した。
  （時事）", "…表示。（中央社）", after the sentence's end, not under a picture ("写真", "图片",
  "照片", "사진" in the paragraph).
- **Credit lines** on a line of their own: Chinese "（本文部分内容综合自新华社）", "（部分內容引用
  中央社）", "来源：新华社", "來源：中央社", "（据新华社）"; Korean "기사 일부 연합뉴스 제공" (part
  of the story provided by Yonhap), "출처: 연합뉴스", and its copyright notice "<저작권자(c)
  연합뉴스, 무단 전재-재배포 금지>". Not a picture's credit: "图片来源：新华社", "（新华社记者
  张三 摄）", "사진=연합뉴스", "[연합뉴스 자료사진]", "연합뉴스 제공" without "기사" (article).
- **The running text**: Chinese "据马新社报道", "據日本時事通信社報導" (the agency's country before
  it), "韩联社报道称"; Japanese "台湾の中央通信社が伝えた", "…が報じた", "…の報道によると";
  Korean "연합뉴스 보도에 따르면", "연합뉴스가 보도했다" (`cites`). The verb right after the name:
  "据新华社去年报道" (last year), "共同通信社が実施した世論調査によると" (its survey), "共同通信の
  記者が負傷した" (its reporter) are no credit. "共同" and "時事" are also words (joint, current
  affairs): in the running text only as "共同通信", "時事通信".
"""

import re

from app.core import agencies
from app.ingest.credits.context import under_a_title


def _caseless(name: str) -> bool:
    """Whether a name is written in Han, kana or Hangul."""
    return any(
        "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"
        for c in name
    )


def _names() -> list[str]:
    return sorted(
        {key for agency in agencies.AGENCIES for key in agencies.keys_of(agency) if _caseless(key)},
        key=len,
        reverse=True,
    )


_ALL = _names()
_ANY = "|".join(re.escape(name) for name in _ALL)
# In the running text, not the two names that are also words.
_WORDS = frozenset(("共同", "時事"))
_TEXT_NAMES = "|".join(re.escape(name) for name in _ALL if name not in _WORDS)
_REPORTER = r"(?:記者|记者|기자|特派員|特派员|特约记者|特約記者|통신원|특파원)"
_BYLINE_PART = re.compile(rf"(?P<name>{_ANY}){_REPORTER}?")
_BYLINE_SPLIT = re.compile(r"[\s,，、/|·・]+")
# The agency's country, as the Chinese press names a foreign agency ("日本時事通信社").
_COUNTRY = (
    r"(?:日本|韩国|韓國|南韩|南韓|朝鲜|朝鮮|北韩|北韓|马来西亚|馬來西亞|大马|大馬|印尼|印度尼西亚|"
    r"印度尼西亞|台湾|台灣|臺灣|中国|中國|美国|美國|英国|英國|法国|法國|德国|德國|俄罗斯|俄羅斯|"
    r"俄国|俄國|土耳其|越南|菲律宾|菲律賓|泰国|泰國|新加坡|阿联酋|阿聯酋|科威特|沙特|卡塔尔|卡達|"
    r"埃及|伊朗|巴西|秘鲁|秘魯|摩洛哥|尼日利亚|奈及利亞|肯尼亚|肯亞|巴基斯坦|印度|意大利|義大利|"
    r"西班牙|古巴|乌克兰|烏克蘭)"
)
_STATE = r"(?:官方|国营|國營|国家|國家)?"
_ZH_REPORT = r"(?:报道|報導|報道|消息|电|電|称|稱|指出|披露)"
_TEXT = re.compile(
    # "据马新社报道", "據日本時事通信社報導", "据新华社记者报道", "据缅通社12月4日报道",
    # "据新华社4日报道" (the day's report: a day, not "去年", last year).
    rf"[据據](?:{_COUNTRY}的?)?{_STATE}(?P<name>{_TEXT_NAMES})(?:记者|記者)?"
    rf"(?:(?:\d{{1,2}}月)?\d{{1,2}}日)?{_ZH_REPORT}"
    # "韩联社报道称", "中央社報導指出".
    rf"|(?<![据據])(?P<name2>{_TEXT_NAMES})(?:报道|報導|報道)(?:称|稱|指出|说|說)"
    # "台湾の中央通信社が伝えた", "…が報じた", "…の報道によると", "…電によると".
    rf"|(?P<name3>{_TEXT_NAMES})(?:が(?:伝えた|報じた)|の報道によると|電によると)"
    # "연합뉴스 보도에 따르면", "연합뉴스가 보도했다", "연합뉴스의 보도에 따르면".
    rf"|(?P<name4>{_TEXT_NAMES})(?:의)?[ \t]*보도에[ \t]*따르면"
    rf"|(?P<name5>{_TEXT_NAMES})(?:이|가)[ \t]*(?:보도했다|전했다)"
)
_LIST = rf"(?:{_COUNTRY}的?)?(?:{_ANY})(?:[、，,和及与與][ \t]*(?:{_COUNTRY}的?)?(?:{_ANY}))*"
# Credit lines on a line of their own, in brackets or not; every agency they name is credited.
_LINES = re.compile(
    r"(?:^|\n)[ \t]*[（(【\[<]?[ \t]*(?:"
    # Chinese: "本文部分内容综合自新华社", "部分內容引用中央社", "来源：新华社", "據新华社",
    # "資料來源：中央社" (the material's source).
    r"(?:本文|本報|本报)?(?:部分内容|部分內容|内容|內容|部分)?(?:综合自|綜合自|综合|綜合|引用自?|引自|"
    r"来自|來自|转载自|轉載自|编译自|編譯自|摘自|取材自|[据據])[ \t]*"
    rf"{_LIST}(?:{_ZH_REPORT})?"
    rf"|(?:本文|新闻|新聞|消息|文章|资料|資料)?(?:来源|來源|稿源|出处|出處)[ \t]*[：:][ \t]*{_LIST}"
    # Korean: "기사 일부 연합뉴스 제공", "연합뉴스 기사 제공", "출처: 연합뉴스".
    rf"|(?:기사[ \t]*일부|일부[ \t]*기사|기사)[ \t]*[:=]?[ \t]*(?:{_ANY})[ \t]*(?:제공|인용)"
    rf"|(?:{_ANY})[ \t]*기사[ \t]*(?:일부[ \t]*)?(?:제공|인용)"
    rf"|(?:기사[ \t]*)?출처[ \t]*[:=][ \t]*(?:{_ANY})"
    r")[ \t]*[）)】\]>]?[ \t。.]*(?=\n|$)"
)
_NAMED = re.compile(_ANY)
# Korean papers' copyright notice of the agency's text: "<저작권자(c) 연합뉴스, 무단 전재-재배포
# 금지>": who owns the words, with "무단 전재" (no reproduction without leave).
_COPYRIGHT = re.compile(
    rf"(?:^|\n)[ \t]*[<〈\[]?[ \t]*저작권자[ \t]*(?:\([cC]\)|ⓒ|©)?[ \t]*(?P<name>{_ANY})[ \t]*,?"
    r"[^\n]{0,40}?무단[ \t]*(?:전재|복제)"
)
# The agency's mark closing a paragraph: "…を記録した。（時事）".
_CLOSING = re.compile(rf"(?<=[。．.!！?？」』”])[ \t]*[（(](?P<name>{_ANY})[）)][ \t]*(?=\n|$)")
PICTURE = re.compile(r"写真|撮影|图片|圖片|照片|摄影|攝影|图为|圖為|사진|화면|영상")
_PROSE = 20  # characters of a paragraph before its mark (a caption's line is shorter)


def _picture(text: str, start: int) -> bool:
    """Whether the paragraph before `start` is a picture's caption, or names one."""
    line_start = text.rfind("\n", 0, start) + 1
    paragraph = text[line_start:start]
    return len(paragraph.strip()) < _PROSE or PICTURE.search(paragraph) is not None


# A chart's or a table's title above its source line ("圖表：各縣市低溫預報", "各縣市最低氣溫一覽"),
# or a picture's caption.
_CHART = re.compile(
    r"圖表|图表|表格|製表|制表|製圖|制图|示意圖|示意图|一覽|一览|[表圖图][：:]|" + PICTURE.pattern
)
_SOURCE_LINE = re.compile(r"来源|來源|稿源|出处|出處")


def under_a_chart(text: str, start: int) -> bool:
    """Whether the line at `start` stands under a chart, a table or a picture
    (context.under_a_title with these scripts' words for them)."""
    return under_a_title(text, start, _CHART)


def find(text: str) -> list[tuple[str, str, str]]:
    """(name, words, kind) of the credits above, kinds as languages.find gives them."""
    found: list[tuple[str, str, str]] = []
    for match in _CLOSING.finditer(text):
        if not _picture(text, match.start()):
            found.append((match["name"], f"closing: {match.group(0).strip()}", "sign_off"))
    for match in _LINES.finditer(text):
        line = match.group(0)
        start = match.start() + (line[:1] == "\n")
        if _SOURCE_LINE.search(line) and under_a_chart(text, start):
            continue  # "圖表：各縣市低溫預報" over "資料來源：中央社": the chart's source
        for name in _NAMED.findall(line):
            found.append((name, f"credit line: {' '.join(line.split())}", "credit_line"))
    for match in _COPYRIGHT.finditer(text):
        found.append((match["name"], f"closing: {' '.join(match.group(0).split())}", "sign_off"))
    for match in _TEXT.finditer(text):
        name = next(value for value in match.groupdict().values() if value)
        found.append((name, match.group(0), "text"))
    return found


def byline(author: str) -> str | None:
    """The agency a byline in Han, kana or Hangul names: a part of it that is the agency's name,
    alone or with the word for its reporter ("연합뉴스", "時事通信社", "新华社记者 张三")."""
    if PICTURE.search(author) or re.search(r"图|圖|摄|攝", author):
        return None  # "图/新华社", "사진=연합뉴스": a picture's credit
    for part in _BYLINE_SPLIT.split(author.strip()):
        match = _BYLINE_PART.fullmatch(part.strip("()（）[]【】"))
        if match is not None:
            return match["name"]
    return None
