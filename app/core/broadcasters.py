"""Public and international broadcasters, by the names they go by in each language they
broadcast in, and newspapers and news sites credited in another script than the one a
newsroom would store them under (reference data for resolving credits; it imports nothing).

A broadcaster's services credit it, and are credited, under the name of the language they
speak: VOA's Portuguese service is "Voz da América", its French one "La Voix de l'Amérique",
and a Mozambican paper writes "noticiou a VOA"; the BBC's site is "BBC News" and a local radio
writes "the BBC reported". A Japanese site credits "朝日新聞" where a newsroom stores "The Asahi
Shimbun", a Chinese one "《南华早报》" for the South China Morning Post. A stored outlet that is
one of these (by its domain, or its name) answers to every name listed for it
(credits.outlets.outlet_keys). Unlike an agency (app/core/agencies.py), none is ever created
from a credit: only a stored one is credited. Only names no other well-known outlet uses are
listed ("ABC" is Australia's and America's, "SBS" Korea's and Australia's, "The Star" Malaysia's,
Kenya's and Toronto's, and are left out).
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Broadcaster:
    domains: tuple[str, ...]  # the domains of its sites, each with its subdomains
    names: tuple[str, ...]  # lower case, as credits.context.name_key writes a credit's name


BROADCASTERS: tuple[Broadcaster, ...] = (
    Broadcaster(("bbc.co.uk", "bbc.com"),
                ("bbc", "bbc news", "bbc world service", "british broadcasting corporation",
                 "bbc mundo", "bbc news mundo", "bbc brasil", "bbc news brasil", "bbc afrique",
                 "bbc news afrique", "bbc arabic", "bbc persian", "bbc russian", "би-би-си",
                 "русская служба би-би-си", "بي بي سي")),
    Broadcaster(("voanews.com", "voaportugues.com", "voanoticias.com", "voaafrique.com",
                 "voaswahili.com", "golosameriki.com"),
                ("voice of america", "voa", "voa news", "voz da américa", "voz de américa",
                 "la voz de américa", "voa português", "voa noticias", "voix de l'amérique",
                 "la voix de l'amérique", "voa afrique", "sauti ya amerika", "голос америки")),
    Broadcaster(("dw.com", "dw.de"),
                ("deutsche welle", "dw", "dw news", "немецкая волна", "دويتشه فيله")),
    Broadcaster(("rfi.fr",),
                ("rfi", "radio france internationale", "radio france international",
                 "rfi afrique")),
    Broadcaster(("rferl.org", "svoboda.org"),
                ("radio free europe/radio liberty", "rfe/rl", "radio free europe",
                 "radio liberty", "radio svoboda", "радио свобода")),
    Broadcaster(("france24.com",), ("france 24", "france24")),
    Broadcaster(("nhk.or.jp",),
                ("nhk", "nhk world", "nhk world-japan", "nhk news", "nhk news web", "nhkニュース",
                 "japan broadcasting corporation", "日本放送協会")),
    Broadcaster(("svt.se",), ("svt", "svt nyheter", "sveriges television")),
    Broadcaster(("npr.org",), ("npr", "national public radio")),
    Broadcaster(("aljazeera.com", "aljazeera.net"),
                ("al jazeera", "al-jazeera", "al jazeera english", "الجزيرة")),
    Broadcaster(("rte.ie",), ("rté", "rte", "rté news", "raidió teilifís éireann")),
    # Estonia's and Iceland's public broadcasters: ERR's English service is "ERR News", RÚV's
    # newsroom "Fréttastofa RÚV"; others write RÚV without the accent.
    Broadcaster(("err.ee",),
                ("err", "err news", "err uudised", "eesti rahvusringhääling",
                 "estonian public broadcasting")),
    Broadcaster(("ruv.is",),
                ("rúv", "ruv", "rúv english", "fréttastofa rúv", "ríkisútvarpið",
                 "icelandic national broadcasting service")),
)  # fmt: skip

# Newspapers, sites and broadcasters of East and Southeast Asia and Türkiye, by the names the
# press of their own language (and of the region's others) credits them with.
NEWSPAPERS: tuple[Broadcaster, ...] = (
    Broadcaster(
        ("asahi.com",),
        ("asahi shimbun", "朝日新聞", "朝日新聞社", "朝日新聞デジタル", "朝日新闻", "아사히신문"),
    ),
    Broadcaster(
        ("yomiuri.co.jp",),
        (
            "yomiuri shimbun",
            "読売新聞",
            "読売新聞社",
            "読売新聞オンライン",
            "读卖新闻",
            "讀賣新聞",
            "요미우리신문",
        ),
    ),
    Broadcaster(
        ("mainichi.jp",),
        ("mainichi", "mainichi shimbun", "毎日新聞", "毎日新聞社", "每日新闻", "마이니치신문"),
    ),
    Broadcaster(
        ("nikkei.com",),
        (
            "nikkei",
            "nikkei asia",
            "日本経済新聞",
            "日本経済新聞社",
            "日経",
            "日経新聞",
            "日本经济新闻",
            "日經",
            "니혼게이자이신문",
        ),
    ),
    Broadcaster(("sankei.com",), ("sankei shimbun", "産経新聞", "産経", "산케이신문")),
    Broadcaster(("tokyo-np.co.jp",), ("tokyo shimbun", "東京新聞", "中日新聞")),
    Broadcaster(("japantimes.co.jp",), ("japan times", "ジャパンタイムズ")),
    Broadcaster(("tv-asahi.co.jp",), ("tv asahi", "テレビ朝日", "テレ朝")),
    Broadcaster(("chosun.com",), ("chosun ilbo", "조선일보", "朝鮮日報", "朝鲜日报")),
    Broadcaster(
        ("joongang.co.kr", "joins.com"),
        ("joongang ilbo", "korea joongang daily", "중앙일보", "中央日報", "中央日报"),
    ),
    Broadcaster(("donga.com",), ("dong-a ilbo", "donga ilbo", "동아일보", "東亜日報", "东亚日报")),
    Broadcaster(
        ("hani.co.kr",),
        ("hankyoreh", "한겨레", "한겨레신문", "ハンギョレ", "ハンギョレ新聞", "韩民族日报"),
    ),
    Broadcaster(("khan.co.kr",), ("kyunghyang shinmun", "경향신문", "京郷新聞", "京乡新闻")),
    Broadcaster(("hankookilbo.com",), ("hankook ilbo", "한국일보", "韓国日報")),
    Broadcaster(
        ("hankyung.com",), ("korea economic daily", "한국경제", "한국경제신문", "韓国経済新聞")
    ),
    Broadcaster(("mk.co.kr",), ("maeil business newspaper", "매일경제", "매일경제신문")),
    Broadcaster(("koreaherald.com",), ("korea herald", "코리아헤럴드")),
    Broadcaster(("koreatimes.co.kr",), ("korea times", "코리아타임스")),
    Broadcaster(("news1.kr",), ("news1", "뉴스1")),
    Broadcaster(("newsis.com",), ("newsis", "뉴시스")),
    Broadcaster(("kbs.co.kr",), ("kbs", "korean broadcasting system", "한국방송공사", "kbs뉴스")),
    Broadcaster(
        ("scmp.com",),
        (
            "south china morning post",
            "scmp",
            "南华早报",
            "南華早報",
            "サウスチャイナ・モーニング・ポスト",
        ),
    ),
    Broadcaster(
        ("udn.com",), ("united daily news", "联合报", "聯合報", "聯合新聞網", "联合新闻网")
    ),
    Broadcaster(("ltn.com.tw",), ("liberty times", "自由時報", "自由时报", "自由時報電子報")),
    Broadcaster(("chinatimes.com",), ("china times", "中國時報", "中国时报", "中時", "中時新聞網")),
    Broadcaster(("mingpao.com",), ("ming pao", "明報", "明报")),
    Broadcaster(("hk01.com",), ("hk01", "香港01")),
    Broadcaster(("rthk.hk",), ("rthk", "radio television hong kong", "香港電台", "香港电台")),
    Broadcaster(("people.com.cn",), ("people's daily", "人民日报", "人民日報", "人民網", "人民网")),
    Broadcaster(("globaltimes.cn",), ("global times", "环球时报", "環球時報", "环球网")),
    Broadcaster(("thepaper.cn",), ("澎湃新闻", "澎湃新聞", "澎湃")),
    Broadcaster(("caixin.com",), ("caixin", "财新", "財新", "财新网")),
    Broadcaster(
        ("zaobao.com.sg", "zaobao.com"), ("lianhe zaobao", "zaobao", "联合早报", "聯合早報")
    ),
    Broadcaster(("sinchew.com.my",), ("sin chew daily", "星洲日报", "星洲日報")),
    Broadcaster(("thairath.co.th",), ("thairath", "ไทยรัฐ", "ไทยรัฐออนไลน์")),
    Broadcaster(
        ("thaipbs.or.th", "thaipbsworld.com"),
        ("thai pbs", "thai pbs world", "ไทยพีบีเอส", "สถานีโทรทัศน์ไทยพีบีเอส"),
    ),
    Broadcaster(("matichon.co.th",), ("matichon", "มติชน", "มติชนออนไลน์")),
    Broadcaster(("khaosod.co.th",), ("khaosod", "ข่าวสด")),
    Broadcaster(("bangkokpost.com",), ("bangkok post", "บางกอกโพสต์")),
    Broadcaster(("dailynews.co.th",), ("เดลินิวส์",)),
    Broadcaster(("tuoitre.vn", "tuoitrenews.vn"), ("tuổi trẻ", "tuoi tre", "tuoi tre news")),
    Broadcaster(("thanhnien.vn",), ("thanh niên", "thanh nien")),
    Broadcaster(("nhandan.vn",), ("nhân dân", "nhan dan")),
    Broadcaster(("dantri.com.vn",), ("dân trí", "dan tri")),
    Broadcaster(("vov.vn",), ("vov", "voice of vietnam", "đài tiếng nói việt nam")),
    Broadcaster(("vtv.vn",), ("vtv", "đài truyền hình việt nam")),
    Broadcaster(
        ("kompas.com", "kompas.id"), ("kompas", "harian kompas", "kompas.com", "kompas.id")
    ),
    Broadcaster(("tempo.co",), ("tempo", "tempo.co", "koran tempo", "majalah tempo")),
    Broadcaster(("detik.com",), ("detik", "detikcom", "detik.com", "detiknews")),
    Broadcaster(("thejakartapost.com",), ("jakarta post",)),
    Broadcaster(("malaysiakini.com",), ("malaysiakini", "当今大马", "當今大馬")),
    Broadcaster(("nst.com.my",), ("new straits times",)),
    Broadcaster(("hurriyet.com.tr",), ("hürriyet", "hurriyet")),
    Broadcaster(("cumhuriyet.com.tr",), ("cumhuriyet",)),
    Broadcaster(("sozcu.com.tr",), ("sözcü", "sozcu")),
    Broadcaster(("milliyet.com.tr",), ("milliyet",)),
)
LISTED = BROADCASTERS + NEWSPAPERS  # every entry above, broadcasters first
_BY_NAME = {name: found for found in LISTED for name in found.names}


def of_outlet(name_key: str, domain: str | None) -> Broadcaster | None:
    """The listed broadcaster a stored outlet is, by its domain (or a parent domain) or by its
    name's key, if any."""
    host = (domain or "").lower().removeprefix("www.")
    for found in LISTED:
        if any(host == d or host.endswith(f".{d}") for d in found.domains):
            return found
    return _BY_NAME.get(name_key)


def by_name(name_key: str) -> Broadcaster | None:
    """The listed broadcaster a credit's name key stands for, if any."""
    return _BY_NAME.get(name_key)
