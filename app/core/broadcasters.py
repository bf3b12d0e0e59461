"""Public and international broadcasters, by the names they go by in each language they
broadcast in (reference data for resolving credits; it imports nothing).

A broadcaster's services credit it, and are credited, under the name of the language they
speak: VOA's Portuguese service is "Voz da América", its French one "La Voix de l'Amérique",
and a Mozambican paper writes "noticiou a VOA"; the BBC's site is "BBC News" and a local radio
writes "the BBC reported". A stored outlet that is one of these (by its domain, or its name)
answers to every name listed for it (credits.outlets.outlet_keys). Unlike an agency
(app/core/agencies.py), a broadcaster is never created from a credit: only a stored one is
credited. Only names no other well-known outlet uses are listed ("ABC" is Australia's and
America's, and is left out).
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
                ("nhk", "nhk world", "nhk world-japan", "japan broadcasting corporation",
                 "日本放送協会")),
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
_BY_NAME = {name: found for found in BROADCASTERS for name in found.names}


def of_outlet(name_key: str, domain: str | None) -> Broadcaster | None:
    """The listed broadcaster a stored outlet is, by its domain (or a parent domain) or by its
    name's key, if any."""
    host = (domain or "").lower().removeprefix("www.")
    for found in BROADCASTERS:
        if any(host == d or host.endswith(f".{d}") for d in found.domains):
            return found
    return _BY_NAME.get(name_key)


def by_name(name_key: str) -> Broadcaster | None:
    """The listed broadcaster a credit's name key stands for, if any."""
    return _BY_NAME.get(name_key)
