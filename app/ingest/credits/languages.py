# ruff: noqa: RUF001, RUF002, RUF003
"""Credits in other languages, and sign-offs that name no outlet, read beside the English ones
of reading.credits.

A paper in Madrid writes "según Reuters", one in Paris "selon l'AFP", one in Berlin "laut dpa"
or "Mit Material von dpa", one in Moscow "по данным Reuters", one in Tokyo "（ロイター）". The
name these give is resolved as any credit is (outlets.resolve_credits,
credited.resolve_agencies):
to an outlet the service knows by name, slug, domain or initials, or to a well-known agency by
one of its aliases (app/core/agencies.py also lists the names wires go by in other scripts:
"ロイター", "ТАСС", "新华社"). A name that resolves to nothing is no credit.

Each pattern gives the words it matched with a prefix saying what kind of credit they are, as
reading.credit_kind reads them: a credit line ("Con información de EFE", "Mit Material
von dpa", "avec AFP") says the article carries that outlet's copy; the running text ("según
Reuters", "selon l'AFP", "laut dpa") that it builds on it, as "according to Reuters" does.
"""

import bisect
import re

from app.core import agencies
from app.ingest.credits import arabic
from app.ingest.credits import asia
from app.ingest.credits import inflections
from app.ingest.credits import lists
from app.ingest.credits import markers
from app.ingest.credits import source_words
from app.ingest.credits.context import CREDIT_LINE_START
from app.ingest.credits.context import name_key
from app.ingest.credits.context import sentence_around
from app.ingest.credits.dates import dated

# A capital of Latin script, with the accented ones agencies' names begin with ("ČTK", "Élysée").
CAPITAL = "A-ZÀ-ÖØ-ÞĆČĎĐĽŁŇŘŚŠŤŹŻŽŐŰĂȘȚŞİ"

# A name: words starting with a capital in Latin or Cyrillic script ("Reuters", "ТАСС",
# "Agence France-Presse"), at most four, or an agency that writes itself in lower case ("dpa",
# "ritzau").
# Russian's; Ukrainian's "І", "Ї", "Є", "Ґ" ("УНІАН"); Serbian's "Ђ", "Ј", "Љ", "Њ", "Ћ", "Џ".
CYRILLIC_CAPITAL = "А-ЯЁІЇЄҐЂЈЉЊЋЏЎ"
_WORD = rf"(?<!\w)[{CAPITAL}{CYRILLIC_CAPITAL}](?:[\w&'\u2019-]|\.(?=\w)){{0,40}}"
WORD = _WORD  # a name's word in Latin or Cyrillic script, for slavic.py
_LOWER = "|".join(agencies.LOWER_CASE_NAMES)
_NAME = rf"(?:{_WORD}(?:[ \t]+{_WORD}){{0,3}}|(?:{_LOWER})\b)"
# Russian and Ukrainian typography quotes an organisation's name: "сообщает «Интерфакс»".
_QUOTED = rf"«?(?P<name>{_NAME}(?:[ \t]+(?:en|em)[ \t]+[{CAPITAL}]\w+)?)»?"  # "CNN en Español"
# What may stand between the verb and the name: an article (with French and Italian elision),
# and a word for "news agency".
_ARTICLE = r"(?:(?:el|la|los|le|les|der|die|des|den|dem|il|lo|a|az|o|the|het)[ \t]+|[lL]['\u2019])"
# German writes nouns with a capital ("die Nachrichtenagentur dpa"); in other languages a capital
# starts the agency's own name ("Agência Brasil", "Agence France-Presse"). Czech, Slovak, Polish
# and Serbian decline the word, and its case says the agency's role (_SLAVIC_SUBJECT,
# _SLAVIC_TOLD): "uvedla agentura Reuters" (Reuters stated), "podle agentury ČTK" (according to
# ČTK), "řekl agentuře Reuters" (told Reuters), "podała agencja PAP", "według agencji Reutera";
# a report's noun may stand before it ("podle informací agentury AP").
_SLAVIC_AGENCY = (
    r"[Aa]gencj[aięą]|[Aa]gentu(?:r[aouy]|rou|ře)|[Aa]gentúr(?:[aeuy]|ou)|[Aa]gencij[aeiu]|"
    r"[Аа]генциј[аеиу]"
)
# Not "údajů", "údajov", "danych" (data): "podle údajů agentury Bloomberg" cites its figures,
# as "according to Bloomberg data" does, and credits no story.
_REPORT_NOUN = r"(?:informací|informácií|informacji|zpráv|správ)[ \t]+"
_AGENCY_WORD = (
    r"(?:(?:agencia|agence|agenzia|ag[eê]ncia|[Nn]achrichtenagentur|[Aa]gentur|persbureau|"
    # "сообщает российское агентство", "повідомляє грузинське агентство": a country before it.
    r"(?:[а-яёіїєґў]+(?:ое|ее|е|ае)[ \t]+(?:агентство|агенцтва)|агентств[оа]|агенцтва)|"
    r"информагентств[оа]|(?:власний[ \t]+)?кореспондент|корреспондент|"
    rf"(?:{_REPORT_NOUN})?(?:{_SLAVIC_AGENCY}))(?:[ \t]+(?:de[ \t]+noticias|"
    r"de[ \t]+presse|di[ \t]+stampa|de[ \t]+not[ií]cias))?[ \t]+)"
)
_AGENCY_WORD_ANY = re.compile(_AGENCY_WORD)
_SLAVIC_AGENCY_WORD = re.compile(rf"(?<!\w)(?:{_SLAVIC_AGENCY})(?!\w)")
# The nominative (the agency is the subject: it reported) and the dative (it was told).
_SLAVIC_SUBJECT = re.compile(r"(?<!\w)(?i:agencja|agentura|agentúra|agencija|агенција)(?!\w)")
_SLAVIC_TOLD = re.compile(r"(?<!\w)(?i:agentuře|agentúre|agenciji|агенцији)(?!\w)")
# A broadcaster or a paper may be described before its name (source_words.MEDIA_WORD).
_LEAD = rf"{_ARTICLE}?(?:{_AGENCY_WORD}|{source_words.MEDIA_WORD})?{_ARTICLE}?"

# Capitals of the table that Romanian, Portuguese, Spanish and Italian news use for public
# bodies of their own, which those papers write in capitals too: Brazil's oil regulator,
# Romania's prison service and the Palestinian National Authority (ANP: "Segundo a ANP",
# "secondo l'ANP"), Romania's integrity agency and Colombia's infrastructure agency (ANI: "Según
# la agencia ANI"), Romania's broadcasting council and Brazil's farm confederation (CNA),
# Portugal's environment agency (APA), Romania's water ministry (MAP), Romania's BNA. After
# Spanish, Portuguese and Romanian verbs they credit only with the words for a news agency
# ("agenția de presă", "la agencia de noticias", "a agência noticiosa"); after Italian ones the
# Palestinian ANP alone is so ("l'agenzia di stampa ANP"; "secondo l'APA" is Austria's agency).
# Other capitals of agencies.AMBIGUOUS are no body of these countries' own and stay credits
# there ("según KCNA", "segundo a SANA"); frames.py's own Romance frames ask the news words
# of all of agencies.AMBIGUOUS (pass 8). In Dutch "volgens het ANP" is the Dutch agency, and
# French is not among these languages ("selon la MAP": Morocco's agency, as the Maghreb's French
# press writes it).
ROMANCE_BODIES = frozenset(("anp", "ani", "cna", "apa", "map", "bna"))
_ITALIAN_BODIES = frozenset(("anp",))
NEWS_FRAME = re.compile(
    r"(?i:de[ \t]+(?:presă|presa|știri|ştiri|noticias|not[ií]cias)|noticiosa|di[ \t]+stampa)"
)
_IBERIAN_ROMANIAN_VERB = re.compile(
    r"(?i:seg[uú]n(?:[ \t]+(?:inform[oóa]|ha[ \t]+informado))?|inform[oó]u?|report[oó]|segundo|"
    r"de[ \t]+acordo[ \t]+com|noticiou|potrivit|transmite|informează)"
)
_ITALIAN_VERB = re.compile(r"(?i:secondo|riferisce|riporta|ha[ \t]+riferito)")


def local_body(verb: str | None, name: str, lead: str) -> bool:
    """Whether capitals after a Romance verb more likely name a body of the paper's own country
    than the agency (above): no words for a news agency before them."""
    if verb is None:
        return False
    verb, key = " ".join(verb.split()), name_key(name)
    if _IBERIAN_ROMANIAN_VERB.fullmatch(verb) is not None:
        local = key in ROMANCE_BODIES
    else:
        local = _ITALIAN_VERB.fullmatch(verb) is not None and key in _ITALIAN_BODIES
    return local and NEWS_FRAME.search(lead) is None


# In the running text: "according to" and "reported" in Spanish, French, German, Italian,
# Portuguese, Dutch ("volgens het ANP", "Dat meldt het ANP", "ANP meldt dat": the name before
# the verb counts only as a name, as the word before a Dutch verb is often no subject, and not
# after "aan" or "tegen": "Aan het ANP meldt een woordvoerder" is told), Swedish, Norwegian and
# Danish ("enligt TT", "ifølge NTB", "skriver NTB"), Polish ("jak podaje PAP", "według PAP";
# "powiedział PAP" is told), Czech and Slovak ("podle ČTK"; "řekl ČTK" is told), Romanian
# ("potrivit Agerpres", "transmite Agerpres"), Croatian and Serbian ("javlja Hina", "prenosi
# Tanjug"), Indonesian ("dilansir ANTARA"; "kepada ANTARA" is told), Vietnamese ("theo
# TTXVN"), Russian ("как сообщает ТАСС", "передает РИА Новости", "со ссылкой на Интерфакс":
# citing) and Ukrainian ("повідомляє Укрінформ", "як повідомляє УНІАН", "за даними", "з
# посиланням на Укрінформ"). After "citing" the name is the source in whatever case it takes
# ("со ссылкой на источники", sources, has no name; "на Министерство обороны" names no agency).
_TEXT = re.compile(
    r"(?<![\w])(?P<verb>(?i:seg[uú]n(?:[ \t]+(?:inform[oóa]|ha[ \t]+informado))?|inform[oó]|"
    r"report[oó]|selon|d['\u2019]apr[eè]s|a[ \t]+rapport[eé]|rapporte|laut|berichtete|berichtet|"
    r"meldete|meldet|secondo|riferisce|riporta|ha[ \t]+riferito|segundo|de[ \t]+acordo[ \t]+com|"
    r"informou|noticiou|volgens|meldt|meldde|enligt|if[øo]lge|skriver|uppger|"
    r"(?:jak[ \t]+)?poda(?:je|ją|ła|ł|li|ły)|powiedzia[łl]a?|przekaza[łl]a?|poinformowa[łl]a?|"
    r"według|podle|podľa|řekl[a]?|sdělil[a]?|"
    # "Uvedla to agentura Reuters" (Reuters stated it), "informovala o tom ČTK".
    r"(?:jak[ \t]+)?(?:uvedl[aoiy]?|uviedol|uviedl[aoiy]|informoval[aoiy]?|napsal[aoiy]?)"
    r"(?:[ \t]+(?:to|o[ \t]+tom))?|"
    r"informuje|píše|potrivit|transmite|informează|javlja|prenosi|јавља|преноси|"
    # Slovene ("Kot je poročala STA", "po poročanju STA", "navaja STA") and Hungarian
    # ("közölte az MTI", "jelentette az MTI": the agency reported, the subject after the verb).
    r"(?:kot[ \t]+(?:je[ \t]+)?)?(?:poroča(?:jo)?|poročal[aoi]?|navaja(?:jo)?)|"
    r"po[ \t]+poročanju|po[ \t]+navedbah|közölte|jelentette|írta|írja|adta[ \t]+hírül|"
    r"dilansir(?:[ \t]+dari)?|dikutip[ \t]+dari|kepada|theo|"
    r"по[ \t]+данным|согласно|(?:как[ \t]+)?сообщ(?:ает|ила|ило|ил|или|ают)|переда[её]т|передає|"
    r"за[ \t]+даними|(?:як[ \t]+)?повідом(?:ляє|ляють|ив|ила|ило|или)|"
    # Citing: "со ссылкой на ТАСС", "ссылаясь на Интерфакс", "з посиланням на Укрінформ".
    r"со[ \t]+ссылкой[ \t]+на|ссылаясь[ \t]+на|з[ \t]+посиланням[ \t]+на|посилаючись[ \t]+на|"
    # Told: "розповів Укрінформу" (told Ukrinform), "рассказал ТАСС"; and Polish "za" with the
    # instrumental ("za PAP-em": citing PAP; see inflections.py).
    r"розпові(?:в|ла|ли)|рассказал[аи]?|za|"
    # Belarusian ("паводле БЕЛТА", "паведамляе БЕЛТА"; Afrikaans "…, berig News24." is
    # nordic.py's, with the verb-second languages).
    r"паводле(?:[ \t]+(?:інфармацыі|звестак|дадзеных))?|(?:як[ \t]+)?паведамля(?:е|юць)))"
    rf"[ \t]+{_LEAD}{_QUOTED}"
)
# The name first: "dpa berichtete", "ANP meldt dat", "Die Nachrichtenagentur Reuters berichtete"
# (a German noun has a capital, so the word for agency is not part of the name), and German's
# verb at the clause's end: "wie Reuters aus Regierungskreisen erfuhr" (as Reuters learnt from
# government sources), "wie die Nachrichtenagentur dpa unter Berufung auf … berichtete"; and
# Hungarian's "according to" after the name ("az MTI szerint"). Searched apart from the verb
# first, so that "Dat meldt het ANP" is not taken as "Dat meldt" and its credit lost.
_TEXT_NAME_FIRST = re.compile(
    rf"(?<![\w])(?P<lead2>(?:(?i:het|de|die|der|el|la|le|il|a|o)[ \t]+)?(?:{_AGENCY_WORD})?)"
    rf"(?P<name2>{_NAME})[ \t]+"
    r"(?P<verb2>(?i:berichtete|"
    r"berichtet|meldete|meldet|meldt|meldde|"
    r"inform[oó]|inform[oó]u|report[oó]|rapporte|a[ \t]+rapport[eé]|riferisce|ha[ \t]+riferito|"
    r"noticiou|podaje|podała|podał|informuje|"
    # Hungarian: "az MTI szerint", "az MTI értesülése szerint" (according to MTI's information).
    r"(?:(?:értesülése|értesülései|információi|információja|jelentése|beszámolója|"
    r"tudósítása|tudósítója)[ \t]+)?szerint)|сообщ(?:ает|ила|ило|ил|или|ают))(?!\w)"
    rf"|(?<![\w])[Ww]ie[ \t]+(?P<lead3>(?:(?:die|der)[ \t]+)?(?:{_AGENCY_WORD})?)"
    rf"(?P<name3>{_NAME})[ \t]+"
    r"(?:[^\n.,;]{1,60}?[ \t])?(?:erfuhr|berichtete|berichtet|meldete|meldet)\b"
)
# Russian puts the one told after the verb where the one reporting would stand: "сообщил ТАСС
# директор" (the director told TASS), "как сообщили РИА Новости в пресс-службе" (as the press
# office told RIA Novosti). After the past tense the agency is the one told when the clause goes
# on after it (the speaker follows), or, without "как", a comma does ("сообщил ТАСС, что": told
# TASS that); it reported when it ends the sentence ("Об этом сообщил ТАСС.") or after "как"
# ("Как сообщил ТАСС, ..."). The present ("сообщает ТАСС": TASS reports) stays a credit.
# Czech and Slovak say so too: "informovala ČTK mluvčí" (the spokeswoman told ČTK), "uvedl ČTK,
# že" (he stated to ČTK that), but "Vláda rozpočet schválila, informovala ČTK." and "jak
# informovala ČTK," (as ČTK reported).
_RUSSIAN_PAST = re.compile(
    r"(?i:(?P<as>как[ \t]+|як[ \t]+|jak[ \t]+)?(?:сообщ(?:ил|ила|ило|или)|"
    r"повідом(?:ив|ила|ило|или)|informoval[aoiy]?|uvedl[aoiy]?|uviedol|uviedl[aoiy]|"
    r"napsal[aoiy]?)(?:[ \t]+(?:to|o[ \t]+tom))?)"
)


def _russian_told(match: re.Match[str], text: str) -> bool:
    past = _RUSSIAN_PAST.fullmatch(match.groupdict().get("verb") or "")
    if past is None:
        return False
    rest = text[match.end() :].lstrip(" \t»")
    if not rest or rest[0] in ".!?;\n":
        return False
    return rest[0] != "," or past["as"] is None


# A credit line's one name may have small words inside ("la Voz de América", "Rest of World"):
# the line ends after it, so no clause can follow it; not in a list ("Sources: Central Bank of
# Ireland, Eurostat" lists a chart's data).
_LINE_NAME = rf"{_NAME}(?:[ \t]+(?:de|da|do|del|di|du|of|van|von)[ \t]+{_WORD}){{1,2}}"
# Credit lines: the article carries the outlet's copy. "Con información de EFE", "(Con
# información de AFP)", "Con informazioni di Euronews", "Mit Material von dpa" / "der
# Deutschen Presse-Agentur", "Avec AFP", "Com informações da Reuters", "Com Estadão
# Conteúdo", "Con fonte ANSA", "Fonte: ANSA", "По материалам ТАСС", and a source line in any
# language source_words.py lists ("Fuente: EFE", "Quelle: dpa", "Источник: ТАСС", "Sumber:
# Antara", "Źródło: PAP", "Nguồn: TTXVN").
_LINE = re.compile(
    rf"{CREDIT_LINE_START}(?P<verb>(?i:con[ \t]+informaci[oó]n[ \t]+de|"
    r"avec[ \t]+(?:les|des)[ \t]+informations[ \t]+(?:de|d['\u2019])|"
    r"con[ \t]+informazioni[ \t]+(?:di|da)|"
    r"mit[ \t]+material[ \t]+(?:von|der|des)|avec|com|com[ \t]+informa[cç][oõ]es[ \t]+d[aeo]s?)|"
    rf"{source_words.WORD}[ \t]*[{source_words.COLONS}]|[Пп]о[ \t]+материалам)"
    # One agency or several ("Mit Material von AFP und dpa", "Con información de Reuters y AP").
    rf"[ \t]+{_LEAD}[«„“\"]?(?P<name>{_NAME}(?:{lists.JOINER}{_NAME}){{0,3}}|{_LINE_NAME})[»“”\"]?"
    r"[ \t]*\)?[ \t.]*(?:$|\n)"
)
# Names in scripts without spaces or capitals, in a dateline bracket "（ロイター）", "(共同)", or
# before "によると" ("according to" in Japanese) or "报道" ("reported" in Chinese).
_CJK_NAMES = (
    "ロイター",
    "共同通信",
    "共同",
    "時事通信",
    "時事",
    "AFP時事",
    "新華社",
    "新华社",
    "聯合ニュース",
    "路透社",
    "法新社",
    "美联社",
    "共同社",
    "韩联社",
    "연합뉴스",
    "中央社",
)
_CJK = "|".join(sorted(_CJK_NAMES, key=len, reverse=True))
_CJK_DATELINE = re.compile(rf"[（(](?P<name>{_CJK})[）)]")
# Japanese papers close a wire story with the agency in brackets: "…とみられる。（共同）", and
# a story partly the agency's with "（一部共同）" (in part Kyodo).
_CJK_CLOSING = re.compile(rf"[（(](?:一部)?(?P<name>{_CJK})[）)][ \t\n]*$")
# House datelines: Yonhap's "(서울=연합뉴스)" (the place, then the agency), Kyodo's
# "【ワシントン共同】", Xinhua's "新华社北京1月5日电" (the agency, the place, the date, "电"), and
# the Chinese dispatch in brackets: "（中央社記者王小明台北3日電）" (the agency, a reporter, the
# place and the day, "電": "dispatched").
_CJK_HOUSE = re.compile(
    rf"[（(][^()（）=\n]{{1,12}}=(?P<name>{_CJK})[）)]"
    rf"|【[^【】\n]{{0,12}}?(?P<name2>{_CJK})】"
    rf"|(?:^|\n)[ \t]*(?P<name3>{_CJK})[^\n\d]{{1,12}}?\d{{1,2}}月\d{{1,2}}日电"
    rf"|[（(](?P<name4>{_CJK})[^()（）\n]{{0,24}}?\d{{1,2}}日[電电][）)]"
    # Reuters' Japanese and Chinese datelines: "［東京 3日 ロイター］ -", "路透北京3月3日 -".
    rf"|[［\[][^［］\[\]\n]{{1,16}}?[ \t\u3000](?P<name5>{_CJK})[］\]]"
    r"|(?:^|\n)[ \t]*(?P<name6>路透)[^\n\d]{1,12}?\d{1,2}月\d{1,2}日[ \t]*[-－—]"
)
# Arabic wires write their short names in a dateline's brackets or between dashes or slashes:
# "الرياض (واس) -", "(أ ف ب)", "(رويترز)", "أبوظبي - وام -", "/ وام /". Only a name the
# agency table holds counts (an Arabic word in brackets is not otherwise a credit).
# Indian and Bangladeshi papers do the same in Devanagari and Bengali: PTI's Hindi service
# "नई दिल्ली, तीन मार्च (भाषा)", IANS' "(आईएएनएस)", BSS' "(বাসস)".
_ARABIC = r"[\u0621-\u064a](?:[\u0621-\u064a\u0640]|[ \t](?=[\u0621-\u064a])){0,30}"
_INDIC = r"[\u0900-\u0963\u0980-\u09ff](?:[\u0900-\u0963\u0966-\u09ff]){0,30}"
_ARABIC_DATELINE = re.compile(
    rf"[(（][ \t]*(?P<name>{_ARABIC}|{_INDIC})[ \t]*[)）]"
    rf"|(?:^|(?<=\s))[/\u2014\u2013-][ \t]*(?P<name2>{_ARABIC})[ \t]*[/\u2014\u2013-](?=\s|$)"
)
_INDIC_NAME = re.compile(r"[\u0900-\u09ff]")
_DATELINE_BEFORE = re.compile(r",[^\n,()]{1,40}$")


def _bracketed_agency(text: str, match: re.Match[str], name: str, closing: bool) -> bool:
    """Whether a name in `_ARABIC_DATELINE`'s brackets is an agency's mark here: a name the
    agency table holds and, for a Devanagari or Bengali one, where a wire puts it (after a
    dateline's "place, date", or closing the story): PTI's Hindi service is "भाषा", which is
    also the word for "language", and "(भाषा)" may stand in any sentence. An Arabic one, too,
    only where a wire puts it (arabic.wire_mark): "وكالة أنباء الإمارات (وام) قد نقلت"
    spells the name out inside a sentence."""
    if agencies.by_key(" ".join(name.split())) is None:
        return False
    if not _INDIC_NAME.match(name):
        return arabic.wire_mark(text, match.start(), match.end()) is not None
    if closing:
        return not text[match.end() :].strip()
    line_start = text.rfind("\n", 0, match.start()) + 1
    return _DATELINE_BEFORE.search(text, line_start, match.start()) is not None


# The agency between slashes after the dateline: "MOSCOW, January 5. /TASS/.", "/ТАСС/",
# "Bucharest, Jan 5 /Agerpres/ -" (never inside a URL: a space or a stop comes before it).
# Danish papers close Ritzau's copy so: "... siger han. /ritzau/".
_SLASHED = re.compile(rf"(?:^|(?<=[\s.,]))/(?P<name>{_NAME})/(?=[\s.,:\u2014\u2013-]|$)")
# A dateline with the date, then a dash and the agency: "МОСКВА, 5 янв — РИА Новости."
_DATED_DASH = re.compile(
    rf"(?:^|\n)[ \t]*[А-ЯЁ{CAPITAL}][А-ЯЁ{CAPITAL} .'-]{{1,40}},[ \t][^\n]{{1,25}}?[ \t]"
    rf"[\u2014\u2013-]{{1,2}}[ \t]*(?P<name>{_NAME})[ \t]*[.:]"
)
# Hungarian says whom one told by the dative ("-nak", "-nek") or the instrumental ("-val",
# "-vel"), after a hyphen on an abbreviation: "az MTI-nek nyilatkozta" (told MTI), "közölte az
# MTI-vel", "közölte az MTI tudósítójával" (told MTI's correspondent): the one told, not the
# one reporting.
_HU_SAID = r"(?:el)?mondta(?:[ \t]+el)?|nyilatkozta|nyilatkozott|közölte|árulta[ \t]+el|jelezte"
_HUNGARIAN_TOLD = re.compile(
    rf"(?<!\w)(?P<name>{_WORD})-(?:nek|nak|vel|val)[ \t]+(?:{_HU_SAID})(?!\w)"
    rf"|(?<!\w)(?:{_HU_SAID})[ \t]+(?:az?[ \t]+)?(?P<name2>{_WORD})-(?:nek|nak|vel|val)(?!\w)"
)
_HU_VERB = re.compile(r"(?i:közölte|jelentette|írta|írja|adta[ \t]+hírül)")
_HU_CASE_AFTER = re.compile(r"[ \t]+\w+(?:nak|nek|val|vel)(?!\w)")


def _hungarian_told(match: re.Match[str], text: str) -> bool:
    """ "közölte az MTI tudósítójával": the agency's correspondent was told."""
    verb = match.groupdict().get("verb") or ""
    return _HU_VERB.fullmatch(verb) is not None and bool(_HU_CASE_AFTER.match(text, match.end()))


# "Aan het ANP meldt een woordvoerder": to ANP, a spokesman said (Dutch puts the one told first).
_DUTCH_TOLD = re.compile(r"(?i:\b(?:aan|tegen)[ \t]+(?:het[ \t]+|de[ \t]+)?)$")


def _dutch_told(match: re.Match[str], text: str) -> bool:
    return match.groupdict().get("name2") is not None and bool(
        _DUTCH_TOLD.search(text, max(0, match.start() - 12), match.start())
    )


# The verb, then "a" / "à" / "al": the agency is who was told, not who reported ("según informó
# a EFE un portavoz", "disse à Lusa"), as "told Reuters" in English. Portuguese "informou a
# Lusa" is left alone: there "a" is also the article of an inverted subject ("Lusa reported").
# Polish says whom with the verb: "powiedział PAP" (told PAP), "przekazał PAP", "poinformowała
# PAP rzeczniczka" (the spokeswoman told PAP); "podała PAP" is PAP's report. So do Czech ("řekl
# ČTK", "sdělila ČTK") and Indonesian ("kata dia kepada ANTARA": he said to ANTARA).
_TOLD = re.compile(
    r"(?i:\binform(?:[oó](?!u)|ado|a)[ \t]+a[ \t]"
    r"|\b(?:inform[oó]u?|report[oó])[ \t]+(?:à|ao|al)[ \t]"
    r"|\b(?:powiedzia[łl]a?|przekaza[łl]a?|poinformowa[łl]a?|řekla?|sdělila?|kepada|"
    r"розпові(?:в|ла|ли)|рассказал[аи]?)[ \t])"
)
# "共同通信によると", "新华社报道", "연합뉴스에 따르면" (according to Yonhap), "据新华社电" (per
# Xinhua's dispatch).
_CJK_TEXT = re.compile(
    rf"(?P<name>{_CJK})(?:通信)?(?:によると|が報じた|报道|称|보도|에[ \t]*따르면)"
    # "据" and the agency, then its report: "据共同调查" is "according to a joint survey".
    rf"|[据據](?P<name2>{_CJK})(?=(?:通信)?社?(?:电|電|报道|報導|消息|称|稱|[，,、]))"
)
# Turkish writes the case ending after an apostrophe and "according to" last: "Anadolu
# Ajansı'nın haberine göre" (according to Anadolu Agency's report), "AA muhabirinin edindiği
# bilgiye göre" (according to what AA's correspondent learnt); the one told takes the dative:
# "AA muhabirine yaptığı açıklamada" (in a statement to AA's correspondent), "Reuters'a
# konuştu" (spoke to Reuters); "Reuters'a göre" is "according to Reuters".
_TR_WORD = rf"(?<!\w)[{CAPITAL}](?:[\w&-]|\.(?=\w)){{0,40}}"
_TR_NAME = rf"{_TR_WORD}(?:[ \t]+{_TR_WORD}){{0,3}}"
_TURKISH = re.compile(
    rf"(?P<name>{_TR_NAME})(?:['\u2019][a-zçğıöşü]{{1,4}})?[ \t]+(?:muhabir(?:ler)?i(?:nin)?"
    r"[ \t]+)?(?:haber(?:ler)?ine|bildirdiğine|aktardığına|edindiği[ \t]+bilgiye|"
    r"verdiği[ \t]+bilgiye)[ \t]+göre"
    # "Reuters'a göre", "Anadolu Ajansı'na göre": according to (the dative, then "göre").
    rf"|(?P<name2>{_TR_NAME})['\u2019][ny]?[ae][ \t]+göre\b"
    rf"|(?P<told>{_TR_NAME})(?:[ \t]+muhabir(?:ler)?ine\b|['\u2019][ny]?[ae][ \t]+(?:konuştu|"
    r"konuşan|açıklama[ \t]+yaptı|demeç[ \t]+verdi))"
)
# Reuters' own sign-off names reporters, not Reuters: "(Reporting by Jane Doe; Editing by
# John Smith)". The pair of "Reporting by" and "Editing by" inside one bracket is Reuters'
# house style; an English paper's own reporters sign "Reporting by" alone, if at all.
# Its desks in other languages sign so too: "(Reportage Michel Rose; version française Blandine
# Hénault, édité par …)", "(Reporte de …; editado en español por …)", "(Bericht von …,
# redigiert von …. Bei Rückfragen …)".
_REUTERS_SIGN_OFF = re.compile(
    r"\((?:Additional[ \t]+)?[Rr]eporting[ \t]+by[^()\n]{1,200}?;[ \t]*(?:[Ww]riting[ \t]+by"
    r"[^()\n]{1,120}?;[ \t]*)?[Ee]diting[ \t]+by[^()\n]{1,120}\)"
    r"|\((?:[Rr]eportage|[Aa]vec)[^()\n]{1,200}?[;,][ \t]*version[ \t]+fran[cç]aise[^()\n]{1,200}\)"
    r"|\((?:[Rr]eporte|[Rr]eportaje|[Ii]nformaci[oó]n)[ \t]+de[^()\n]{1,200}?;[ \t]*"
    r"[Ee]ditado[ \t]+en[ \t]+espa[nñ]ol[ \t]+por[^()\n]{1,120}\)"
    r"|\((?:[Bb]ericht|[Rr]echerche)[ \t]+von[^()\n]{1,200}?,[ \t]*redigiert[ \t]+von[ \t]"
)
# Text and credit line patterns only read the body's first and last this many characters: a
# credit line closes a story, and "según Reuters" further in is as likely a side detail.
TAIL_CHARS = 400

# (name, words, kind prefix): the kind prefix is what reading.credit_kind reads.
Found = tuple[str, str, str]


def _words(match: re.Match[str]) -> str:
    return " ".join(match.group(0).strip(" \t\n.;(*\u2014\u2013-").split())


def _kind(told: bool) -> str:
    return "told" if told else "text"


def _told_words(match: re.Match[str], text: str) -> str:
    """The sentence around a "told" credit: what says it is told ("Aan het ANP meldt een
    woordvoerder", "сообщил ТАСС директор") stands around the words matched, and the quote is
    read again as a body is (credited.told)."""
    return sentence_around(text, match)


def _unled(match: re.Match[str]) -> str:
    """A name-first credit's name: without the article and the word for agency before it when
    the rest is an agency ("Die Nachrichtenagentur Reuters", "Het ANP"), with them when it is
    not, for they are then part of a paper's name ("Le Monde", "Der Spiegel", "De Telegraaf")."""
    group = "name2" if match["name2"] is not None else "name3"
    name, lead = match[group], match[f"lead{group[-1]}"]
    if not lead or agencies.by_key(name_key(name)) is not None:
        return name
    return f"{lead}{name}"


def _overlaps(matches: list[re.Match[str]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `matches` (ordered, not overlapping; `starts` their
    starts)."""
    at = bisect.bisect_left(starts, end) - 1  # the last match starting before `end`
    return at >= 0 and matches[at].end() > start


# "According to" and its like: what follows is the source, in whatever case it takes.
_ACCORDING = re.compile(
    r"(?i:seg[uú]n|selon|d['\u2019]apr|laut|secondo|segundo|de[ \t]+acordo|volgens|enligt|"
    r"if[øo]lge|według|podle|podľa|potrivit|theo|dilansir|dikutip|по[ \t]+данным|согласно|"
    r"за[ \t]+даними|со[ \t]+ссылкой|ссылаясь|з[ \t]+посиланням|посилаючись|za$)"
)


# The verbs Czech, Slovak and Polish papers attribute anyone's words with ("uvedla Petra": Petra
# said, a woman's name; "uvedl Bloomberg": Michael Bloomberg said). After them a bare name is an
# agency only as agencies write themselves, in capitals ("uvedla ČTK"), or after the word for
# agency ("uvedla agentura Reuters"). Not "podaje" (reports: "jak podaje Reuters").
_PERSON_VERB = re.compile(
    r"(?i:(?:jak[ \t]+)?(?:uvedl[aoiy]?|uviedol|uviedl[aoiy]|informoval[aoiy]?|napsal[aoiy]?|"
    r"řekl[a]?|sdělil[a]?|powiedzia[łl]a?|przekaza[łl]a?|poinformowa[łl]a?))"
)


def _a_persons_name(verb: str | None, name: str, framed: bool) -> bool:
    """Whether a name after a verb is more likely a person's: after a verb that attributes
    anyone's words, one not in capitals; after "according to", a name that is also a given
    name ("Podľa Petra": according to Peter; "laut Petra"), with no word for agency before it."""
    if verb is None or framed or name.isupper():
        return False
    if _PERSON_VERB.fullmatch(verb):
        return True
    return _ACCORDING.match(verb) is not None and name_key(name) in agencies.AMBIGUOUS


def _led(match: re.Match[str]) -> bool:
    """Whether words stand between a verb-first credit's verb and its name (an article, the
    word for agency or correspondent: "передає кореспондент Укрінформу")."""
    return bool(match.string[match.end("verb") : match.start("name")].strip(" \t«"))


def _vouches(verb: str, name: str) -> bool:
    """Whether a reporting verb vouches for a name the table holds only in capitals written in
    mixed case ("javlja Hina", "prenosi Hina": the subject of "reports" is the agency; "Hina"
    elsewhere is a given name): a verb, not "according to" ("según Hina, una vecina")."""
    return (
        _ACCORDING.match(verb) is None
        and not agencies.may_name(name)
        and agencies.by_key(name_key(name)) is not None
    )


# German puts the time of a report between the agency and the verb at the clause's end: "Wie
# Reuters 2019 berichtete", "wie dpa im vergangenen Jahr meldete", "wie die Nachrichtenagentur
# Reuters vor zwei Jahren berichtete", "wie Reuters damals berichtete" (an earlier report
# recalled for background, for review); "wie Reuters am Montag berichtete" is the story's own
# credit. After a verb first the time follows the name ("Das berichtete die Nachrichtenagentur
# Reuters bereits im vergangenen Jahr": dates.dated).
_GERMAN_VERB = re.compile(r"(?i:laut|berichtete|berichtet|meldete|meldet)")
# A year counts right after the name ("Wie Reuters 2019 berichtete", "wie dpa bereits 2019
# meldete") or after "im Jahr", not after a noun it dates ("wie Reuters über den Haushalt 2027
# berichtete" is the story's credit).
_GERMAN_EARLIER = re.compile(
    r"(?<!\w)damals(?!\w)|(?<!\w)im[ \t]+Jahre?[ \t]+(?:19|20)\d\d(?!\d)"
    r"|(?<!\w)(?:vergangenen|letzten|vorigen)[ \t]+(?:Jahr|Monat|Woche|Sommer|Herbst|Winter|"
    r"Fr\u00fchjahr|Fr\u00fchling)"
    r"|(?<!\w)vor[ \t]+(?:\w+[ \t]+)?(?:Jahren|Monaten|Wochen)(?!\w)"
    r"|(?<!\w)im[ \t]+(?:Januar|Februar|M\u00e4rz|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)(?!\w)"
)
_GERMAN_YEAR_FIRST = re.compile(r"[ \t]+(?:(?:bereits|schon|erst)[ \t]+)?(?:19|20)\d\d(?!\d)")


def _german_earlier(match: re.Match[str], text: str) -> bool:
    """Whether a German credit is dated before the article's time (above)."""
    groups = match.groupdict()
    if groups.get("name3") is not None:
        end = match.end("name3")
        return (
            _GERMAN_YEAR_FIRST.match(text, end) is not None
            or _GERMAN_EARLIER.search(text, end, match.end()) is not None
        )
    verb = groups.get("verb") or groups.get("verb2") or ""
    return _GERMAN_VERB.fullmatch(verb) is not None and dated(text, match.end())


def find(text: str, *, head: str) -> list[Found]:
    """Credits in other languages and scripts in a body (`head`: its first characters, where a
    dateline sits)."""
    found: list[Found] = []
    tail = text[-TAIL_CHARS:]
    for match in _CJK_DATELINE.finditer(head):
        found.append((match["name"], f"dateline: {match.group(0)}", "dateline"))
    for pattern in (_CJK_HOUSE, _SLASHED, _DATED_DASH, _ARABIC_DATELINE):
        for match in pattern.finditer(head):
            name = next(value for key, value in match.groupdict().items() if value)
            if pattern is _ARABIC_DATELINE and not _bracketed_agency(head, match, name, False):
                continue
            found.append((name, f"dateline: {' '.join(match.group(0).split())}", "dateline"))
    # The same marks closing the story: "（共同）", "/ritzau/", "(أ ف ب)".
    if len(text) > len(head):
        for pattern in (_CJK_CLOSING, _SLASHED, _ARABIC_DATELINE):
            for match in pattern.finditer(tail):
                name = next(value for key, value in match.groupdict().items() if value)
                if pattern is _ARABIC_DATELINE and not _bracketed_agency(tail, match, name, True):
                    continue
                if pattern is _CJK_CLOSING and asia.under_a_chart(tail, match.start()):
                    continue  # "写真は上越妙高駅で列をつくる乗客（一部共同）": a picture's
                found.append((name, f"closing: {' '.join(match.group(0).split())}", "sign_off"))
    for match in _LINE.finditer(tail):
        for name in lists.listed(match["name"]):
            found.append((name, f"credit line: {_words(match)}", "credit_line"))
    verb_first = list(_TEXT.finditer(text))
    starts = [match.start() for match in verb_first]  # in order, not overlapping
    name_first = [  # not the word before a verb-first credit's verb ("Dat meldt het ANP")
        match
        for match in _TEXT_NAME_FIRST.finditer(text)
        if not _overlaps(verb_first, starts, match.start(), match.end())
    ]
    for match in (*verb_first, *name_first):
        told = (
            _TOLD.search(match.group(0)) is not None
            or _russian_told(match, text)
            or _dutch_told(match, text)
            or _hungarian_told(match, text)
            or _german_earlier(match, text)  # "Wie Reuters 2019 berichtete": for review
        )
        groups = match.groupdict()
        name = markers.with_language_tail(groups.get("name") or _unled(match))
        verb = groups.get("verb")
        lead = match.string[match.end("verb") : match.start("name")] if verb else ""
        if _SLAVIC_SUBJECT.search(lead):
            told = False  # "przekazała agencja PAP", "uvedla agentura Reuters": it reported
        elif _SLAVIC_TOLD.search(lead):
            told = True  # "řekl agentuře Reuters": told Reuters
        # After the word for agency a name may be declined as a noun's complement ("według
        # agencji Reutera"), as in Croatian's frames (inflections.py, `framed`).
        framed = _SLAVIC_AGENCY_WORD.search(lead) is not None
        declined = inflections.undeclined(name, framed=framed)
        ending = None
        if declined is not None:
            name, ending = declined
            # The nominative reports; a declined name is the one told ("повідомив Укрінформу",
            # "Интерфаксу сообщили"), unless "according to" or a noun governs its case ("за
            # даними Укрінформу", "кореспондент Укрінформу", "za PAP-em").
            told = told or not (verb is not None and (_ACCORDING.match(verb) or _led(match)))
        if _a_persons_name(verb, name, framed):
            continue
        if name_key(name) in agencies.OWN_PRESS_ONLY and not _AGENCY_WORD_ANY.search(
            lead or match[0]
        ):
            continue  # "laut AA": the German Foreign Office, not Anadolu
        if local_body(verb or groups.get("verb2"), name, lead or match[0]):
            continue  # "Segundo a ANP": Brazil's oil regulator, "Según la agencia ANI"
        if (verb or "").lower() == "za" and ending not in inflections.INSTRUMENTAL:
            continue  # "za" with no instrumental: "for", "behind" ("za Hinu": told Hina, Croatian)
        kind = _kind(told)
        if kind == "text" and verb is not None and _vouches(verb, name):
            kind = "vouched"  # "javlja Hina": the reporting verb's subject is the agency
        found.append((name, _told_words(match, text) if told else _words(match), kind))
    for match in _HUNGARIAN_TOLD.finditer(text):
        found.append((match["name"] or match["name2"], _told_words(match, text), "told"))
    for match in _CJK_TEXT.finditer(text):
        found.append((match["name"] or match["name2"], match.group(0), "text"))
    for match in _TURKISH.finditer(text):
        told = match["told"] is not None
        name = match["name"] or match["name2"] or match["told"]
        found.append((name, _told_words(match, text) if told else _words(match), _kind(told)))
    if (match := _REUTERS_SIGN_OFF.search(tail)) is not None:
        found.append(("Reuters", f"closing: {_words(match)}", "sign_off"))
    return found
