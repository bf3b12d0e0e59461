"""The wire agencies a credit may name even when none of their articles is stored (reference
data shared by copy detection and headline comparison; it imports nothing).

A paper that runs an AP story says so ("(AP)", "Associated Press" in the byline, "/ap-" in the
URL); the story's origin is AP whether or not AP's own article was ever ingested. For that the
credit has to name an outlet, so the well-known agencies are listed here: a credit naming one
that is not stored yet creates it (kind `wire_agency`) with the slug, name and domain below.
An agency already stored under its slug or domain is used as it is.
"""

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
           ("ap", "the associated press", "ap通信", "美联社", "ассошиэйтед пресс"), ("ap",)),
    Agency("reuters", "Reuters", "reuters.com",
           ("reuters", "thomson reuters", "ロイター", "路透社", "рейтер", "рейтерс"), ("reuters",)),
    Agency("afp", "Agence France-Presse", "afp.com",
           ("afp", "agence france presse", "afp時事", "法新社", "франс пресс", "франс-пресс"),
           ("afp",)),
    Agency("the-canadian-press", "The Canadian Press", "thecanadianpress.com",
           ("canadian press", "cp"), ("cp", "canadian-press")),
    Agency("dpa", "Deutsche Presse-Agentur", "dpa.com",
           ("dpa", "deutsche presse agentur", "deutschen presse agentur")),
    Agency("pa-media", "PA Media", "pa.media", ("pa", "press association", "pa media")),
    Agency("aap", "Australian Associated Press", "aap.com.au", ("aap",), ("aap",)),
    Agency("ani", "Asian News International", "aninews.in", ("ani",), ("ani",)),
    Agency("pti", "Press Trust of India", "ptinews.com", ("pti",), ("pti",)),
    Agency("ansa", "ANSA", "ansa.it", ("ansa",)),
    Agency("efe", "EFE", "efe.com", ("efe", "agencia efe")),
    Agency("kyodo", "Kyodo News", "kyodonews.net",
           ("kyodo", "kyodo news", "共同通信", "共同", "共同社")),
    Agency("yonhap", "Yonhap", "yna.co.kr",
           ("yonhap", "yonhap news agency", "聯合ニュース", "韩联社", "연합뉴스")),
    Agency("xinhua", "Xinhua", "xinhuanet.com",
           ("xinhua", "xinhua news agency", "新華社", "新华社", "синьхуа")),
    Agency("tass", "TASS", "tass.com", ("tass", "тасс", "итар тасс", "itar tass")),
    Agency("interfax", "Interfax", "interfax.com", ("interfax", "интерфакс")),
    Agency("anadolu", "Anadolu Agency", "aa.com.tr", ("anadolu", "anadolu agency", "aa")),
    Agency("upi", "United Press International", "upi.com", ("upi",), ("upi",)),
    Agency("bloomberg", "Bloomberg", "bloomberg.com", ("bloomberg", "bloomberg news")),
    Agency("anp", "ANP", "anp.nl", ("anp",)),
    Agency("ritzau", "Ritzau", "ritzau.dk", ("ritzau",)),
)  # fmt: skip

# Agencies that write their own name in lower case in datelines and credits: "(dpa)".
LOWER_CASE_NAMES = ("dpa",)

# Aliases also name the agency in the scripts and languages of papers that credit it (Japanese,
# Chinese, Korean, Russian, German inflection), as app/ingest/credit_languages.py reads them.
_BY_KEY: dict[str, Agency] = {}
for _agency in AGENCIES:
    for _key in (_agency.name.lower().replace("-", " "), _agency.slug.replace("-", " "),
                 *_agency.aliases):  # fmt: skip
        _BY_KEY.setdefault(_key, _agency)
_BY_SEGMENT = {segment: agency for agency in AGENCIES for segment in agency.url_segments}


def by_key(key: str) -> Agency | None:
    """The agency a credit's name key (lower case, no leading "the") stands for, if any."""
    return _BY_KEY.get(key.replace("-", " ")) or _BY_KEY.get(f"the {key}")


def by_url_segment(segment: str) -> Agency | None:
    """The agency a URL path segment ("ap", "afp", "canadian-press") stands for, if any."""
    return _BY_SEGMENT.get(segment.lower())


def names() -> list[str]:
    """Every name and alias, longest first (for stripping "- Reuters" off a headline)."""
    return sorted(_BY_KEY, key=len, reverse=True)
