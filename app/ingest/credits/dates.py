# ruff: noqa: RUF001, RUF003
"""A report dated before the article's own time: one reader of the past times that follow a
credit, in six languages, three East Slavic ones, Indonesian, Malay and
Vietnamese, for every credit module.

"Reuters reported last year", "según informó Europa Press el pasado mes de marzo", "Das
berichtete die Nachrichtenagentur Reuters bereits im vergangenen Jahr", "wrote in The Guardian
in March": an earlier story recalled for background, not the one the article carries (a
story's own credit is undated or of its day: "AFP reported on Monday", "am Montag"). Before
credits pass 13 two tables said this: `context.EARLIER` (English and German, read by
newsrooms.py and languages.py) and `sources._PAST` (six languages, read by
fingerprints for every credit in the text); `PAST` below is their union, and `dated` the one
reader all of them call (docs/matching.md, "Credits, pass 13").
"""

import re

_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre"
)
_PT_MONTHS = (
    "janeiro|fevereiro|mar\u00e7o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
)
_FR_MONTHS = (
    "janvier|f\u00e9vrier|mars|avril|mai|juin|juillet|ao\u00fbt|septembre|octobre|novembre|"
    "d\u00e9cembre"
)
_DE_MONTHS = (
    "Januar|Februar|M\u00e4rz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
)
_IT_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
)
_YEAR = r"(?:19|20)\d\d\b"
# English: "last March", "last year", "in 2019", "in March", "earlier this year", "two years
# ago". Also read before a credit at a sentence's start ("Last year, Reuters reported").
ENGLISH_PAST = (
    rf"(?:last|the[ \t]+previous)[ \t]+(?:year|month|week|spring|summer|autumn|fall|winter|"
    rf"{_EN_MONTHS})\b|in[ \t]+(?:(?:early|late|mid-?)[ \t]*)?(?:{_EN_MONTHS}|{_YEAR})"
    rf"|earlier[ \t]+this[ \t]+(?:year|month)\b|(?:\w+[ \t]+)?(?:years?|months?|weeks)[ \t]+ago\b"
)
PAST = (
    ENGLISH_PAST
    # Spanish: "el pasado mes de marzo", "el año pasado", "en marzo", "en 2019", "hace dos años".
    + rf"|(?i:el[ \t]+pasado[ \t]+(?:mes[ \t]+de[ \t]+)?(?:{_ES_MONTHS}|a\u00f1o|mes|verano|"
    rf"oto\u00f1o|invierno|primavera)|el[ \t]+(?:a\u00f1o|mes)[ \t]+pasado|en[ \t]+"
    rf"(?:{_ES_MONTHS}|{_YEAR})|hace[ \t]+(?:\w+[ \t]+)?(?:a\u00f1os|meses|semanas|un[ \t]+"
    rf"a\u00f1o)\b)"
    # Portuguese: "em março do ano passado", "no ano passado", "em 2019", "há dois anos".
    rf"|(?i:n[oa][ \t]+(?:passad[oa][ \t]+)?(?:ano|m\u00eas|semana)[ \t]+passad[oa]|em[ \t]+"
    rf"(?:{_PT_MONTHS}|{_YEAR})|no[ \t]+passado[ \t]+m\u00eas[ \t]+de|h\u00e1[ \t]+(?:\w+[ \t]+)?"
    rf"(?:anos|meses|semanas|um[ \t]+ano)\b)"
    # French: "l'an dernier", "l'année dernière", "en mars dernier", "en 2019", "il y a deux ans".
    rf"|(?i:l['\u2019](?:an|ann\u00e9e)[ \t]+(?:derni(?:er|\u00e8re)|pass\u00e9e?)"
    rf"|le[ \t]+mois[ \t]+(?:dernier|pass\u00e9)|en[ \t]+(?:{_FR_MONTHS}|{_YEAR})"
    rf"|il[ \t]+y[ \t]+a[ \t]+(?:\w+[ \t]+)?(?:ans|mois|semaines|un[ \t]+an)\b)"
    # German: "im vergangenen Jahr", "aus der vorigen Woche", "im Vorjahr", "vor zwei Jahren",
    # "im März", "2019" (German puts a bare year after the name: "berichtete Reuters 2019"),
    # "letztes Jahr".
    rf"|(?:(?:im|vom|von|aus[ \t]+dem|in[ \t]+der|aus[ \t]+der)[ \t]+)?(?:(?:vergangenen|letzten|"
    rf"vorigen)(?:[ \t]+(?:Jahr|Monat|Woche|Sommer|Herbst|Winter|Fr\u00fchjahr|Fr\u00fchling|"
    rf"{_DE_MONTHS})\w*)?|Vorjahr\b)|letztes[ \t]+Jahr"
    rf"|vor[ \t]+(?:\w+[ \t]+)?(?:Jahren|Monaten|Wochen)\b|(?:im[ \t]+(?:Jahr[ \t]+)?)?{_YEAR}"
    rf"|im[ \t]+(?:{_DE_MONTHS})\b"
    # Italian: "lo scorso anno", "l'anno scorso", "lo scorso marzo", "a marzo", "nel 2019".
    rf"|(?i:lo[ \t]+scorso[ \t]+(?:mese[ \t]+di[ \t]+)?(?:anno|mese|{_IT_MONTHS})|l['\u2019]anno"
    rf"[ \t]+scorso|il[ \t]+mese[ \t]+scorso|(?:a|nel[ \t]+mese[ \t]+di)[ \t]+(?:{_IT_MONTHS})"
    rf"|nel[ \t]+{_YEAR}|(?:\w+[ \t]+)?anni[ \t]+fa\b)"
    # Belarusian, Russian, Ukrainian: "за мінулы год", "летась", "у 2019 годзе", "за 2023 год",
    # "в прошлом году", "торік", "минулого року".
    rf"|(?i:за[ \t]+(?:мінулы|прошлый|минулий)[ \t]+(?:год|рік|месяц|місяць|тыдзень|неделю|"
    rf"тиждень)|летась|торік|в[ \t]+прошлом[ \t]+году|минулого[ \t]+року|мінулым[ \t]+"
    rf"(?:годам|летам)|(?:у|ў|в)[ \t]+{_YEAR}[ \t]+(?:годзе|году|році)|за[ \t]+{_YEAR}[ \t]+"
    rf"(?:год|рік))"
    # Indonesian and Malay: "beberapa tahun lalu", "bulan lepas", "pada Maret lalu", "pada
    # 2019", "sebelumnya" (earlier); Vietnamese: "năm ngoái", "hồi tháng 3", "vào năm 2019".
    rf"|(?i:(?:pada[ \t]+)?(?:\w+[ \t]+)?(?:tahun|bulan|pekan|minggu)[ \t]+(?:lalu|lepas|silam)"
    rf"|pada[ \t]+(?:tahun[ \t]+)?{_YEAR}|sebelumnya\b|năm[ \t]+(?:ngoái|trước)|tháng[ \t]+trước"
    rf"|(?:hồi|vào)[ \t]+(?:tháng[ \t]+\d{{1,2}}|năm[ \t]+{_YEAR}))"
    r"|pada[ \t]+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"November|Desember|Mac|Julai|Ogos|Disember)[ \t]+(?:lalu|silam|lepas)"
)
# Between the credit and its time: a verb of reporting or "already", up to two ("first
# reported", "ya informó", "bereits"); no other word ("Reuters reported sales fell in March"
# dates the sales, not the report), and a comma only right before the time.
_BETWEEN_WORDS = (
    "reported|reports|revealed|wrote|said|published|first|originally|already|had|has|was|"
    "inform\u00f3|informou|public\u00f3|publicou|revel\u00f3|revelou|divulg\u00f3|divulgou|"
    "noticiou|ya|j\u00e1|berichtete|meldete|schrieb|bereits|schon|erstmals|rapport\u00e9|"
    "r\u00e9v\u00e9l\u00e9|annonc\u00e9|d\u00e9j\u00e0|a|ha|riportato|riferito|scritto|"
    "gi\u00e0|reso|noto"
)
_BETWEEN = rf"(?:[ \t]+(?:{_BETWEEN_WORDS})\b){{0,2}}"
# After a comma the time must close the clause ("informó Europa Press, el pasado mes de
# marzo."): "según Europa Press, en 2019 el número de turistas …" dates the figure, not the report.
_DATED = re.compile(
    rf"{_BETWEEN}(?:[ \t]+(?:{PAST})|[ \t]*,[ \t]+(?:{PAST})(?=[ \t]*(?:[.,;:!?)]|$)))"
)


def dated(source: str, end: int) -> bool:
    """Whether a credit ending at `end` is followed by a past time: an earlier report."""
    return _DATED.match(source, end) is not None


def earlier_report(text: str, name: str, words: str) -> bool:
    """Whether a credit in the text (its name and the words that give it, as a credit module
    quotes them) is dated before the article's own time, in the words after the name ("wie die
    APA im vergangenen Jahr berichtete") or just after the words in the text ("según informó
    Europa Press el pasado mes de marzo")."""
    at = words.find(name)
    if at >= 0 and dated(words, at + len(name)):
        return True
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    if not pattern:
        return False
    return any(dated(text, match.end()) for match in re.finditer(pattern, text))
