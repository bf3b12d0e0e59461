"""The wire agencies a credit may name even when none of their articles is stored (reference
data shared by copy detection and headline comparison; it imports nothing).

A paper that runs an AP story says so ("(AP)", "Associated Press" in the byline, "/ap-" in the
URL); the story's origin is AP whether or not AP's own article was ever ingested. For that the
credit has to name an outlet, so the well-known agencies are listed here: a credit naming one
that is not stored yet creates it (kind `wire_agency`) with the slug, name and domain below.
An agency already stored under its slug or domain is used as it is.
"""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agency:
    slug: str
    name: str
    domain: str
    aliases: tuple[str, ...]  # lower-case names a credit may use, besides the name itself
    url_segments: tuple[str, ...] = ()  # path prefixes in a republisher's URLs: "/ap-", "/afp/"


AGENCIES: tuple[Agency, ...] = (
    Agency("ap", "Associated Press", "apnews.com",
           ("ap", "the associated press", "ap通信", "美联社", "ассошиэйтед пресс", "أسوشيتد برس",
            "أ ب"), ("ap",)),
    Agency("reuters", "Reuters", "reuters.com",
           ("reuters", "thomson reuters", "reuters breakingviews", "ロイター", "路透社", "路透",
            "рейтер", "рейтерс", "رويترز"), ("reuters",)),
    Agency("afp", "Agence France-Presse", "afp.com",
           ("afp", "agence france presse", "france presse", "afp jiji", "afp時事", "法新社",
            "франс пресс", "франс-пресс", "أ ف ب", "ا ف ب", "فرانس برس"),  # noqa: RUF001
           ("afp",)),
    Agency("the-canadian-press", "The Canadian Press", "thecanadianpress.com",
           ("canadian press", "cp", "la presse canadienne", "presse canadienne"),
           ("cp", "canadian-press")),
    Agency("dpa", "Deutsche Presse-Agentur", "dpa.com",
           ("dpa", "deutsche presse agentur", "deutschen presse agentur", "د ب أ")),
    # dpa's financial wire, a company of its own with its own desk: its own origin, not dpa's.
    Agency("dpa-afx", "dpa-AFX", "dpa-afx.de", ("dpa afx",)),
    Agency("pa-media", "PA Media", "pa.media",
           ("pa", "press association", "pa media", "pa news agency", "pa sport")),
    Agency("aap", "Australian Associated Press", "aap.com.au", ("aap",), ("aap",)),
    Agency("ani", "Asian News International", "aninews.in", ("ani",), ("ani",)),
    # PTI's Hindi service signs "(भाषा)", IANS' Hindi one "(आईएएनएस)", UNI Varta "(यूनीवार्ता)".
    Agency("pti", "Press Trust of India", "ptinews.com", ("pti", "पीटीआई", "भाषा"), ("pti",)),
    Agency("ansa", "ANSA", "ansa.it",
           ("ansa", "agenzia ansa", "agenzia nazionale stampa associata")),
    Agency("efe", "EFE", "efe.com", ("efe", "agencia efe")),
    Agency("kyodo", "Kyodo News", "kyodonews.net",
           ("kyodo", "kyodo news", "共同通信", "共同", "共同社")),
    Agency("yonhap", "Yonhap", "yna.co.kr",
           ("yonhap", "yonhap news agency", "yonhap news", "聯合ニュース", "韩联社", "연합뉴스")),
    Agency("xinhua", "Xinhua", "xinhuanet.com",
           ("xinhua", "xinhua news agency", "新華社", "新华社", "синьхуа", "news.cn", "شينخوا")),
    Agency("tass", "TASS", "tass.com", ("tass", "тасс", "итар тасс", "itar tass")),
    Agency("interfax", "Interfax", "interfax.com", ("interfax", "интерфакс", "інтерфакс")),
    # Interfax's Ukrainian company, with a desk and copy of its own.
    Agency("interfax-ukraine", "Interfax-Ukraine", "interfax.com.ua",
           ("interfax ukraine", "інтерфакс україна", "интерфакс украина")),
    Agency("anadolu", "Anadolu Agency", "aa.com.tr",
           ("anadolu", "anadolu agency", "aa", "anadolu ajansı", "anadolu ajansi", "الأناضول")),  # noqa: RUF001
    Agency("upi", "United Press International", "upi.com", ("upi",), ("upi",)),
    Agency("bloomberg", "Bloomberg", "bloomberg.com",
           ("bloomberg", "bloomberg news", "bloomberg opinion")),
    Agency("anp", "ANP", "anp.nl", ("anp", "algemeen nederlands persbureau")),
    Agency("ritzau", "Ritzau", "ritzau.dk", ("ritzau", "ritzaus bureau")),
    # Europe. Names are the agencies' own short forms where their English name's initials would
    # spell another agency's abbreviation: "Czech News Agency" CNA, "Kuwait News Agency" KNA.
    Agency("apa", "Austria Presse Agentur", "apa.at",
           ("apa", "austria presse agentur", "austria press agency")),
    Agency("keystone-sda", "Keystone-SDA", "keystone-sda.ch",
           ("sda", "ats", "sda ats", "ats sda", "schweizerische depeschenagentur",
            "agence télégraphique suisse", "agenzia telegrafica svizzera")),
    Agency("belga", "Belga", "belga.be", ("belga", "agence belga", "agentschap belga")),
    Agency("tt", "TT", "tt.se",
           ("tt", "tt nyhetsbyrån", "tidningarnas telegrambyrå", "tidningarnas telegrambyra")),
    Agency("ntb", "NTB", "ntb.no", ("ntb", "norsk telegrambyrå", "norsk telegrambyra")),
    Agency("stt", "STT", "stt.fi", ("stt", "suomen tietotoimisto", "finnish news agency")),
    Agency("ctk", "ČTK", "ctk.cz",
           ("čtk", "ctk", "česká tisková kancelář", "ceska tiskova kancelar",
            "czech news agency")),
    Agency("tasr", "TASR", "tasr.sk",
           ("tasr", "tlačová agentúra slovenskej republiky", "news agency of the slovak republic")),
    Agency("pap", "PAP", "pap.pl", ("pap", "polska agencja prasowa", "polish press agency")),
    Agency("mti", "MTI", "mti.hu", ("mti", "magyar távirati iroda", "hungarian news agency")),
    Agency("agerpres", "Agerpres", "agerpres.ro", ("agerpres",)),
    # Moldova's state agency (Agenția Informațională de Stat MOLDPRES).
    Agency("moldpres", "Moldpres", "moldpres.md",
           ("moldpres", "agenția informațională de stat moldpres")),
    Agency("bta", "BTA", "bta.bg",
           ("bta", "бта", "bulgarian news agency", "българска телеграфна агенция")),
    Agency("hina", "HINA", "hina.hr",
           ("hina", "хина", "hrvatska izvještajna novinska agencija", "croatian news agency")),
    Agency("sta", "STA", "sta.si",
           ("sta", "slovenska tiskovna agencija", "slovenian press agency")),
    Agency("tanjug", "Tanjug", "tanjug.rs", ("tanjug", "танјуг")),
    # Serbia's independent agency; "Beta" is also a word, in English text it is ambiguous.
    Agency("beta", "Beta", "beta.rs", ("beta", "бета", "beta news agency")),
    Agency("ana-mpa", "Athens-Macedonian News Agency", "amna.gr",
           ("ana mpa", "amna", "απε μπε", "αθηναϊκό πρακτορείο ειδήσεων")),
    Agency("lusa", "Lusa", "lusa.pt", ("lusa", "agência lusa", "agencia lusa")),
    Agency("europa-press", "Europa Press", "europapress.es", ("europa press",)),
    Agency("adnkronos", "Adnkronos", "adnkronos.com", ("adnkronos", "adn kronos")),
    Agency("agi", "AGI", "agi.it", ("agi", "agenzia italia")),
    Agency("bns", "BNS", "bns.lt", ("bns", "baltic news service")),
    Agency("leta", "LETA", "leta.lv", ("leta",)),
    Agency("elta", "ELTA", "elta.lt", ("elta",)),
    Agency("ukrinform", "Ukrinform", "ukrinform.net", ("ukrinform", "укрінформ", "укринформ")),
    Agency("unian", "UNIAN", "unian.info", ("unian", "уніан", "униан")),
    Agency("belta", "BelTA", "belta.by",
           ("belta", "белта", "biełta", "belarusian telegraph agency",
            "белорусское телеграфное агентство")),
    Agency("ria-novosti", "RIA Novosti", "ria.ru", ("ria novosti", "ria", "риа новости", "риа")),
    Agency("kazinform", "Kazinform", "inform.kz", ("kazinform", "казинформ")),
    Agency("azertac", "AZERTAC", "azertag.az", ("azertac", "azertag", "азертадж")),
    Agency("armenpress", "Armenpress", "armenpress.am", ("armenpress", "арменпресс")),
    Agency("interpressnews", "Interpressnews", "interpressnews.ge",
           ("interpressnews", "интерпресньюс", "інтерпреснюс", "інтерпресньюс")),
    # The Middle East and Africa.
    Agency("mena", "Middle East News Agency", "mena.org.eg",
           ("mena", "middle east news agency", "وكالة أنباء الشرق الأوسط", "أ ش أ")),
    Agency("wafa", "WAFA", "wafa.ps",
           ("wafa", "wafa news agency", "palestinian news agency", "وفا")),
    Agency("irna", "Islamic Republic News Agency", "irna.ir", ("irna", "ایرنا")),
    Agency("isna", "ISNA", "isna.ir", ("isna", "iranian students news agency")),
    Agency("mehr", "Mehr News Agency", "mehrnews.com", ("mehr", "mehr news", "mna")),
    Agency("tasnim", "Tasnim News Agency", "tasnimnews.com", ("tasnim", "tasnim news")),
    Agency("fars", "Fars News Agency", "farsnews.ir", ("fars", "fars news")),
    Agency("sana", "SANA", "sana.sy", ("sana", "syrian arab news agency", "سانا")),
    Agency("petra", "Petra", "petra.gov.jo",
           ("petra", "jordan news agency", "petra news agency", "بترا")),
    Agency("kuna", "KUNA", "kuna.net.kw", ("kuna", "kuwait news agency", "كونا")),
    Agency("saudi-press-agency", "Saudi Press Agency", "spa.gov.sa", ("spa", "واس")),
    Agency("wam", "WAM", "wam.ae", ("wam", "emirates news agency", "وام")),
    Agency("qna", "Qatar News Agency", "qna.org.qa", ("qna", "قنا")),
    Agency("bna", "Bahrain News Agency", "bna.bh", ("bna", "بنا")),
    Agency("oman-news-agency", "Oman News Agency", "omannews.gov.om", ("ona",)),
    Agency("ina", "Iraqi News Agency", "ina.iq", ("ina", "واع")),
    Agency("nna", "NNA", "nna-leb.gov.lb", ("nna", "lebanon national news agency")),
    Agency("algerie-presse-service", "Algérie Presse Service", "aps.dz",
           ("aps", "algerie presse service", "algeria press service")),
    Agency("maghreb-arabe-presse", "Maghreb Arabe Presse", "mapexpress.ma",
           ("map", "maghreb arab press", "agence maghreb arabe presse")),
    Agency("tunis-afrique-presse", "Tunis Afrique Presse", "tap.info.tn",
           ("tap", "agence tunis afrique presse")),
    Agency("suna", "SUNA", "suna-sd.net", ("suna", "sudan news agency")),
    Agency("ethiopian-news-agency", "Ethiopian News Agency", "ena.et", ("ena",)),
    Agency("kenya-news-agency", "Kenya News Agency", "kenyanews.go.ke", ("kna",)),
    Agency("nan", "News Agency of Nigeria", "nannews.ng", ("nan",)),
    Agency("ghana-news-agency", "Ghana News Agency", "gna.org.gh", ("gna",)),
    Agency("angop", "ANGOP", "angop.ao",
           ("angop", "agência angola press", "agencia angola press", "angola press agency")),
    # Asia and the Pacific.
    Agency("jiji", "Jiji Press", "jiji.com", ("jiji", "時事通信", "時事通信社", "時事")),
    Agency("cna", "Central News Agency", "cna.com.tw",
           ("cna", "中央社", "中央通訊社", "focus taiwan")),
    Agency("myanmar-news-agency", "Myanmar News Agency", "moi.gov.mm", ("myanmar news agency",)),
    Agency("vna", "Vietnam News Agency", "vnanet.vn",
           ("vna", "thông tấn xã việt nam", "ttxvn")),
    Agency("pna", "Philippine News Agency", "pna.gov.ph", ("pna",)),
    Agency("thai-news-agency", "Thai News Agency", "tna.mcot.net", ("tna",)),
    Agency("bernama", "Bernama", "bernama.com",
           ("bernama", "pertubuhan berita nasional malaysia", "malaysian national news agency")),
    Agency("antara", "Antara", "antaranews.com",
           ("antara", "antara news", "antara news agency", "lkbn antara")),
    Agency("ians", "Indo-Asian News Service", "ianslive.in",
           ("ians", "indo asian news service", "आईएएनएस")),
    Agency("uni", "United News of India", "uniindia.com", ("uni", "यूनीवार्ता")),
    Agency("associated-press-of-pakistan", "Associated Press of Pakistan", "app.com.pk", ("app",)),
    Agency("bss", "Bangladesh Sangbad Sangstha", "bssnews.net", ("bss", "বাসস")),
    Agency("unb", "United News of Bangladesh", "unb.com.bd",
           ("unb", "united news of bangladesh", "ইউএনবি")),
    Agency("rss", "Rastriya Samachar Samiti", "rss.com.np", ("rss", "rashtriya samachar samiti")),
    Agency("china-news-service", "China News Service", "chinanews.com.cn",
           ("中国新闻社", "中新社")),
    Agency("kcna", "Korean Central News Agency", "kcna.kp",
           ("kcna", "조선중앙통신", "朝鮮中央通信")),
    Agency("montsame", "Montsame", "montsame.mn", ("montsame", "монцамэ", "монцаме")),
    # The Americas.
    Agency("prensa-latina", "Prensa Latina", "prensa-latina.cu", ("agencia prensa latina",)),
    Agency("notimex", "Notimex", "notimex.gob.mx", ("notimex",)),
    Agency("telam", "Télam", "telam.com.ar", ("télam", "telam", "agencia télam")),
    Agency("andina", "Andina", "andina.pe", ("andina", "agencia andina")),
    Agency("agencia-brasil", "Agência Brasil", "agenciabrasil.ebc.com.br", ("agencia brasil",)),
    # Brazil's papers sell their copy as agencies: Estadão's (formerly Agência Estado) and
    # Folha's. The papers themselves ("Estadão", "Folha") are outlets, not these agencies.
    Agency("estadao-conteudo", "Estadão Conteúdo", "estadaoconteudo.com.br",
           ("estadao conteudo", "agência estado", "agencia estado")),
    Agency("folhapress", "Folhapress", "folhapress.folha.com.br", ("folhapress",)),
    Agency("dow-jones-newswires", "Dow Jones Newswires", "dowjones.com", ()),
)  # fmt: skip

# Agencies that write their own name in lower case in datelines and credits: "(dpa)", the
# Swiss "(sda)" and "(ats)", the Danish "/ritzau/", and dpa's financial wire "(dpa-AFX)".
LOWER_CASE_NAMES = ("dpa-AFX", "dpa", "sda", "ats", "ritzau")

# Abbreviations that are also words or given names ("map", "app", "tap", "spa", "nan", "hina",
# "sana", "wafa", "ani"): they name the agency only written in capitals, as datelines and credits
# write them ("(MAP)", "- TT", "SPA reported"). "The App reported", "(Map)" or "told Nan" credit
# no agency (credits.reading.credits drops them).
CAPITALS_ONLY = frozenset((
    "map", "app", "aps", "tap", "spa", "wam", "ona", "sta", "stt", "ntb", "tt", "ena", "mna",
    "bss", "rss", "tna", "cna", "pna", "vna", "qna", "bna", "kna", "gna", "nna", "ina", "nan",
    "hina", "sana", "wafa", "mena", "kuna", "pap", "bta", "mti", "tasr", "bns", "leta",
    "elta", "amna", "ria", "uni", "agi", "isna", "suna", "ians", "kcna", "ani", "unb",
))  # fmt: skip
# Abbreviations English running text uses for something else even in capitals ("according to
# the APA" is the American Psychological Association, "CNA reported" Singapore's broadcaster,
# "the GNA" Libya's government, "the PAP" Singapore's ruling party, "RSS" an Indian organisation,
# "TAP" an airline or a pipeline, "SDA" a Bosnian party, "UNB" a Canadian university; the Swiss
# agency writes "(sda)"), and Petra, which writes itself so but is also a given name ("according
# to Petra, a volunteer"):
# they credit the agency in a dateline, sign-off, credit line or byline ("(APA) -", "- CNA"), or
# in another language's text ("laut APA"), or described as a news agency ("the Austrian news
# agency APA reported"); after "according to" or before "reported" alone they are ambiguous (a
# link to that outlet's article on the same claim, no origin alone), and in brackets with no
# dash after them no dateline ("Bosnia's ruling party (SDA) said").
NOT_IN_ENGLISH_TEXT = frozenset((
    "apa", "aps", "tap", "ona", "ena", "mna", "rss", "cna", "pna", "tna", "uni", "agi", "ina",
    "gna", "kna", "pap", "petra", "sda", "unb", "beta",
))  # fmt: skip

# Of those, capitals whose other bodies English news does not have report (ENA and ONA are
# schools and associations; not PNA, which Xinhua's English still uses for the Palestinian
# National Authority): "The ENA reported that ..." names the agency
# (app/ingest/credits/paragraphs.the_agency_reported).
REPORTS_IN_ENGLISH = frozenset(("ena", "ona"))

# Capitals only the agency's own country's press credits it by, which other languages' press
# uses for bodies of its own: Anadolu is "AA" in Turkish papers, but German "das AA" / "laut AA"
# is the Foreign Office (Auswärtiges Amt), Finnish "AA:n mukaan" Alcoholics Anonymous; papers
# abroad name the agency "Anadolu". In another language's running text they credit only after
# the word for agency ("uutistoimisto AA:n mukaan", "die Agentur AA"); the agency's house forms
# (a dateline "(AA) -", a credit line, a byline) and Turkish frames are unaffected.
OWN_PRESS_ONLY = frozenset(("aa",))

# Either: capitals that are an agency's only in a dateline, a credit line or with a date.
AMBIGUOUS = CAPITALS_ONLY | NOT_IN_ENGLISH_TEXT

# The names the national agencies of Asia, the Middle East and Africa go by in their own
# languages and in the languages of the papers that carry them, beside the aliases above: their
# full Arabic names ("وكالة الأنباء الكويتية", KUNA), the short names of the Chinese press
# ("马新社", Bernama; "韩联社", Yonhap; "越通社", VNA), the Japanese press's ("中央通信社", CNA;
# "ベルナマ通信") and NAN's Hausa name. A full name with its country ("日本時事通信社") is read
# by the frames around it (app/ingest/credits/asia.py, credits/arabic.py), not listed.
NATIVE_NAMES: dict[str, tuple[str, ...]] = {
    "afp": ("وكالة الصحافة الفرنسية",),
    "dpa": ("德新社", "وكالة الأنباء الألمانية"),
    "ansa": ("安莎社",),
    "efe": ("埃菲社",),
    "kyodo": ("共同通信社", "共同通讯社"),
    "yonhap": ("韓聯社", "韩国联合通讯社", "韓國聯合通訊社", "聯合通信"),
    "xinhua": ("新华通讯社", "新華通訊社", "신화통신", "وكالة شينخوا"),
    "tass": ("塔斯社", "タス通信"),
    "ria-novosti": ("俄新社",),
    "anadolu": ("阿纳多卢通讯社", "阿納多盧通訊社", "アナトリア通信", "وكالة الأناضول"),
    "mena": ("中东社",),
    "wafa": ("وكالة الأنباء والمعلومات الفلسطينية",),
    "irna": ("وكالة الجمهورية الإسلامية للأنباء", "إرنا", "خبرگزاری جمهوری اسلامی",
             "خبرگزاری جمهوری اسلامی ایران", "خبرگزاری ایرنا"),
    "sana": ("الوكالة العربية السورية للأنباء",),
    "petra": ("وكالة الأنباء الأردنية",),
    "kuna": ("وكالة الأنباء الكويتية", "科威特通讯社"),
    "saudi-press-agency": ("وكالة الأنباء السعودية", "沙特通讯社"),
    "wam": ("وكالة أنباء الإمارات", "阿联酋通讯社", "阿聯酋通訊社"),
    "qna": ("وكالة الأنباء القطرية", "卡塔尔通讯社"),
    "bna": ("وكالة أنباء البحرين",),
    "oman-news-agency": ("وكالة الأنباء العمانية",),
    "ina": ("وكالة الأنباء العراقية",),
    "nna": ("الوكالة الوطنية للإعلام",),
    "algerie-presse-service": ("وكالة الأنباء الجزائرية", "واج"),
    "maghreb-arabe-presse": ("وكالة المغرب العربي للأنباء", "لاماب"),
    "tunis-afrique-presse": ("وكالة تونس إفريقيا للأنباء", "وات"),
    "suna": ("وكالة السودان للأنباء", "سونا"),
    "nan": ("kamfanin dillancin labaran najeriya", "尼日利亚通讯社"),
    "jiji": ("时事通信社", "时事社", "時事社", "时事通讯社", "時事通訊社"),
    "cna": ("中央通信社", "中央通讯社"),
    "vna": ("越通社", "越南通讯社", "ベトナム通信"),
    "bernama": (
        "马新社", "馬新社", "马来西亚国家新闻社", "馬來西亞國家新聞社", "ベルナマ通信", "برناما",
    ),
    "antara": ("安塔拉通讯社", "安塔拉通訊社", "アンタラ通信", "kantor berita antara"),
    "kcna": ("朝中社", "朝鲜中央通讯社"),
    "prensa-latina": ("拉美社",),
    # South Asia, Iran and Greece in their own scripts (app/ingest/credits/south_asia.py,
    # credits/scripts.py): full names as bylines and source lines give them, and the short names
    # the wires sign with ("(रासस)", Nepal's RSS; "اے پی پی", APP in Urdu; "ΑΠΕ-ΜΠΕ" above).
    "pti": ("प्रेस ट्रस्ट ऑफ इंडिया",),
    "ians": ("इंडो एशियन न्यूज सर्विस", "इंडो एशियन न्यूज़ सर्विस"),
    "ani": ("एएनआई",),
    "bss": ("বাংলাদেশ সংবাদ সংস্থা",),
    "rss": ("रासस", "राष्ट्रिय समाचार समिति", "राष्ट्रीय समाचार समिति"),
    "associated-press-of-pakistan": ("اے پی پی", "ایسوسی ایٹڈ پریس آف پاکستان"),
    "isna": ("ایسنا", "خبرگزاری ایسنا", "خبرگزاری دانشجویان ایران"),
    "mehr": ("خبرگزاری مهر",),
    "tasnim": ("خبرگزاری تسنیم",),
    "fars": ("خبرگزاری فارس",),
    "ana-mpa": ("αθηναϊκό μακεδονικό πρακτορείο ειδήσεων",),
    # Armenian, Georgian, Amharic, Burmese, Hebrew and Thai, as source lines give them
    # (app/ingest/credits/source_words.py): "ምንጭ፡ ኢዜአ", "מקור: רויטרס".
    "armenpress": ("արմենպրես",),
    "interpressnews": ("ინტერპრესნიუსი",),
    "ethiopian-news-agency": ("ኢዜአ", "የኢትዮጵያ ዜና አገልግሎት"),
    "reuters": ("רויטרס", "รอยเตอร์"),
    "myanmar-news-agency": ("မြန်မာ့သတင်းဌာန", "缅通社", "緬通社"),
}  # fmt: skip

# Aliases also name the agency in the scripts and languages of papers that credit it (Japanese,
# Chinese, Korean, Russian, German inflection), as app/ingest/credits/languages.py reads them.
_BY_KEY: dict[str, Agency] = {}
for _agency in AGENCIES:
    for _key in (_agency.name.lower().replace("-", " "), _agency.slug.replace("-", " "),
                 *_agency.aliases, *NATIVE_NAMES.get(_agency.slug, ())):  # fmt: skip
        _BY_KEY.setdefault(_key, _agency)
_BY_SEGMENT = {segment: agency for agency in AGENCIES for segment in agency.url_segments}
_BY_SLUG = {agency.slug: agency for agency in AGENCIES}
_BY_DOMAIN = {agency.domain: agency for agency in AGENCIES}


def of_outlet(slug: str, domain: str | None) -> Agency | None:
    """The listed agency a stored outlet is (by slug, else by domain), if any."""
    return _BY_SLUG.get(slug) or (_BY_DOMAIN.get(domain) if domain else None)


def keys_of(agency: Agency) -> set[str]:
    """Every key a credit may give the agency: its name, slug and aliases, as by_key reads
    them. A stored agency is known by these, not by its name's initials
    (credits.outlets.outlet_keys): "RIA Novosti" is no "(RN)", "Tasnim News Agency" no "(TNA)"."""
    return {key for key, found in _BY_KEY.items() if found is agency}


def by_key(key: str) -> Agency | None:
    """The agency a credit's name key (lower case, no leading "the") stands for, if any."""
    return _BY_KEY.get(key.replace("-", " ")) or _BY_KEY.get(f"the {key}")


def by_url_segment(segment: str) -> Agency | None:
    """The agency a URL path segment ("ap", "afp", "canadian-press") stands for, if any."""
    return _BY_SEGMENT.get(segment.lower())


def may_name(name: str) -> bool:
    """Whether a name as written may be a credit: not one of CAPITALS_ONLY in lower or mixed
    case ("Map", "the app")."""
    words = " ".join(name.split())
    if words[:4].lower() == "the ":
        words = words[4:]
    return words.lower() not in CAPITALS_ONLY or words.isupper()


def names() -> list[str]:
    """Every name and alias in any case, longest first (for stripping "- Reuters" off a
    headline); CAPITALS_ONLY are in `capitals_only_names`."""
    return sorted((key for key in _BY_KEY if key not in CAPITALS_ONLY), key=len, reverse=True)


def capitals_only_names() -> list[str]:
    """The abbreviations that name an agency only in capitals, in capitals, longest first."""
    return sorted((key.upper() for key in CAPITALS_ONLY), key=len, reverse=True)


# A word that makes a part of a compound name the agency's full name.
_AGENCY_WORD = re.compile(
    r"(?i)(?<!\w)(?:agency|agencia|agência|agenzia|agence|agentur|agencja|agentura|agenția|"
    r"ajans[\u0131i]?|press|presse|prensa|imprensa|stampa|telegraph\w*|news[ \t]+service|"
    r"uutistoimisto)(?!\w)"
)
_COMPOUND = re.compile(r"\s+[-\u2013\u2014]\s+|[()]")


def compound_names(name: str) -> set[str]:
    """The names a wire outlet's compound name holds: "ANGOP - Agência Angola Press" and
    "Jordan News Agency (PETRA)" are known by the full name (several words, one saying agency
    or press) and by the capitals beside it that are its short name (_short_for: not "USA" of
    "Agence X (USA)", an edition). A name with no such part gives nothing: "Reuters - World
    News" (a desk), "AFP (UK)" (an edition), "Wire X News - Health"."""
    parts = [part.strip() for part in _COMPOUND.split(name) if part.strip()]
    full = {part for part in parts if len(part.split()) > 1 and _AGENCY_WORD.search(part)}
    if not full or len(parts) < 2:
        return set()
    capitals = {part for part in parts if part.isupper() and len(part) >= 3 and " " not in part}
    return full | {part for part in capitals if any(_short_for(part, whole) for whole in full)}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


def _short_for(capitals: str, full: str) -> bool:
    """Whether capitals beside a full name are its short name, not an edition's country,
    region or language ("Agence X (USA)", "… (LATAM)", "… (ENG)"): the table knows both as one
    agency ("Jordan News Agency (PETRA)"), or they abbreviate it, their letters in its order
    from its first ("ANGOP" of "Agência Angola Press", "AIP" of "Agence Ivoirienne de
    Presse")."""
    listed = by_key(" ".join(capitals.lower().split()))
    if listed is not None and listed is by_key(" ".join(full.lower().replace("-", " ").split())):
        return True
    letters, words = _folded(capitals), _folded(full)
    if not letters or not words or letters[0] != words[0]:
        return False
    position = 0
    for letter in letters:
        position = words.find(letter, position) + 1
        if position == 0:
            return False
    return True
