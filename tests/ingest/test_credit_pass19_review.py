"""The review of credits pass 19 (docs/matching.md, "Credits, pass 19"): a red-team helper's
141 probes of its first version (broadcasters' services by a country or a language, network
editions after a preposition, bylines "Por/Von/Par/Door" and "Name (X)", the new footers),
which credited services in another language ("BBC" in an English paper of Nigeria: BBC Hausa),
a review's "Publicado originalmente en The New Yorker en 1948", "Read more at X" lines,
"Jane Doe (New York)" and "Door County Advocate" as "by". Those were mended; the cases still
answered otherwise are marked KNOWN (strict xfail): misses and look-alikes that were so before
this pass, and one it keeps (a service named by a country is credited for its broadcaster's
name when no other outlet of the broadcaster is stored).

Each case: the outlets stored (slug -> name, domain, language, country, kind), the crediting
article (author, body, its own outlet's language and country) and what a careful human
fact-checker would credit: a slug, or None (nothing, or only a proposal below the bar). A failing
case is a finding.
"""

import os
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import answer_probe
from tests.ingest.test_credit_networks import STORY

STORY_ES = (
    "La tormenta cerró la carretera principal y tres escuelas el martes, dijeron las "
    "autoridades.\n\nLas reparaciones del puente tardarán al menos una semana, añadió la agencia "
    "de carreteras."
)
STORY_PT = (
    "A tempestade fechou a estrada principal e três escolas na terça-feira, disseram as "
    "autoridades.\n\nOs reparos na ponte levarão pelo menos uma semana, acrescentou a agência."
)
STORY_IT = (
    "La tempesta ha chiuso la strada principale e tre scuole martedì, hanno detto le "
    "autorità.\n\nLe riparazioni del ponte richiederanno almeno una settimana, ha aggiunto "
    "l'agenzia stradale."
)
STORY_ID = (
    "Badai menutup jalan utama dan tiga sekolah pada hari Selasa, kata para pejabat.\n\n"
    "Perbaikan jembatan akan memakan waktu setidaknya satu minggu, tambah badan jalan."
)
STORY_RO = (
    "Furtuna a închis drumul principal și trei școli marți, au declarat oficialii.\n\n"
    "Reparațiile podului vor dura cel puțin o săptămână, a adăugat agenția de drumuri."
)
STORY_DE = (
    "Der Sturm hat am Dienstag die Hauptstraße und drei Schulen geschlossen, teilten die "
    "Behörden mit.\n\nDie Reparatur der Brücke wird mindestens eine Woche dauern."
)


def _b(story: str, tail: str) -> str:
    return f"{story}\n\n{tail}"


# slug -> (name, domain, language, country, kind)
OUTLETS: dict[str, tuple[str, str | None, str | None, str | None, str]] = {
    # broadcasters and their services
    "dw-es": ("DW Español", None, "es", None, "broadcaster"),
    "dw-es-dom": ("DW Español", "dw.com", "es", None, "broadcaster"),
    "dw-main-nolang": ("Deutsche Welle", None, None, None, "broadcaster"),
    "dw-main": ("Deutsche Welle", "dw.com", "en", "DE", "broadcaster"),
    "dw-ru": ("DW на русском", None, "ru", None, "broadcaster"),
    "dw-id": ("DW Indonesia", None, "id", None, "broadcaster"),
    "bbc-news": ("BBC News", "bbc.co.uk", "en-GB", "GB", "broadcaster"),
    "bbc-news-nolang": ("BBC News", "bbc.co.uk", None, None, "broadcaster"),
    "bbc-hindi": ("BBC Hindi", None, "hi", "IN", "broadcaster"),
    "bbc-hindi-dom": ("BBC Hindi", "bbc.com", "hi", "IN", "broadcaster"),
    "bbc-urdu": ("BBC Urdu", None, "ur", "PK", "broadcaster"),
    "bbc-swahili": ("BBC Swahili", None, "sw", "KE", "broadcaster"),
    "bbc-hausa": ("BBC Hausa", None, "ha", "NG", "broadcaster"),
    "bbc-canada": ("BBC Canada", "bbccanada.com", "en", "CA", "broadcaster"),
    "bbc-jersey": ("BBC Jersey", None, "en", "JE", "broadcaster"),
    "bbc-mundo": ("BBC News Mundo", "bbc.com", "es", None, "broadcaster"),
    "bbc-ukr": ("BBC News Україна", None, "uk", "UA", "broadcaster"),
    "voice-of-america": ("Voice of America", "voanews.com", "en-US", "US", "broadcaster"),
    "voa-hausa": ("VOA Hausa", "voahausa.com", "ha", "NG", "broadcaster"),
    "voa-indonesia": ("VOA Indonesia", "voaindonesia.com", "id", "ID", "broadcaster"),
    "voa-es": ("VOA en Español", None, "es", None, "broadcaster"),
    "voa-noticias": ("VOA Noticias", "voanoticias.com", "es", None, "broadcaster"),
    "rfi-fr": ("RFI", "rfi.fr", "fr-FR", "FR", "broadcaster"),
    "rfi-brasil": ("RFI Brasil", None, "pt-BR", "BR", "broadcaster"),
    "rfi-romania": ("RFI România", "rfi.ro", "ro", "RO", "broadcaster"),
    "rfi-en": ("RFI English", None, "en", None, "broadcaster"),
    "f24": ("France 24", "france24.com", "fr", "FR", "broadcaster"),
    "f24-es": ("France 24 en español", None, "es", None, "broadcaster"),
    "f24-en": ("France 24 English", None, "en", None, "broadcaster"),
    "aj-balkans": ("Al Jazeera Balkans", None, "bs", "BA", "broadcaster"),
    "aje": ("Al Jazeera English", "aljazeera.com", "en", None, "broadcaster"),
    "nhk-world": ("NHK World Japan", None, "en", "JP", "broadcaster"),
    "national-public-radio": ("NPR", "npr.org", "en-US", "US", "broadcaster"),
    "npr-illinois": ("NPR Illinois", "nprillinois.org", "en-US", "US", "broadcaster"),
    "rferl-by": ("Радио Свобода Беларусь", None, "ru", "BY", "broadcaster"),
    "voa-ru-ua": ("Голос Америки Украина", None, "ru", "UA", "broadcaster"),
    "sky-news": ("Sky News", "news.sky.com", "en-GB", "GB", "broadcaster"),
    "sky-news-arabia": ("Sky News Arabia", "skynewsarabia.com", "ar", "AE", "broadcaster"),
    # networks and editions
    "le-monde": ("Le Monde", "lemonde.fr", "fr", "FR", "newspaper"),
    "le-monde-en": ("Le Monde in English", None, "en", None, "newspaper"),
    "el-pais": ("El País", "elpais.com", "es", "ES", "newspaper"),
    "el-pais-en": ("El País in English", "english.elpais.com", "en", None, "newspaper"),
    "meduza-en": ("Meduza in English", None, "en", None, "online"),
    "cnn-es": ("CNN en Español", "cnnespanol.cnn.com", "es", None, "broadcaster"),
    "infobae-es": ("Infobae España", None, "es", "ES", "online"),
    "kathimerini-en": ("Kathimerini English Edition", None, "en", "GR", "newspaper"),
    "europa-libera-ro": ("Europa Liberă România", "europalibera.org", "ro", "RO", "online"),
    "capital-fm": ("Capital FM", "capitalfm.co.ke", "en", "KE", "broadcaster"),
    "tc": ("The Conversation", "theconversation.com", "en", None, "online"),
    "euronews": ("Euronews", "euronews.com", "en", None, "broadcaster"),
    # newspapers, magazines, others
    "la-vanguardia": ("La Vanguardia", "lavanguardia.com", "es", "ES", "newspaper"),
    "vanguardia-mx": ("Vanguardia", "vanguardia.com.mx", "es-MX", "MX", "newspaper"),
    "la-nacion": ("La Nación", "lanacion.com.ar", "es-AR", "AR", "newspaper"),
    "la-stampa": ("La Stampa", "lastampa.it", "it", "IT", "newspaper"),
    "repubblica": ("la Repubblica", "repubblica.it", "it", "IT", "newspaper"),
    "folha": ("Folha de S.Paulo", "folha.uol.com.br", "pt-BR", "BR", "newspaper"),
    "guardian": ("The Guardian", "theguardian.com", "en-GB", "GB", "newspaper"),
    "nyt": ("The New York Times", "nytimes.com", "en-US", "US", "newspaper"),
    "new-yorker": ("The New Yorker", "newyorker.com", "en-US", "US", "magazine"),
    "foreign-affairs": ("Foreign Affairs", "foreignaffairs.com", "en-US", "US", "magazine"),
    "science": ("Science", "science.org", "en-US", "US", "magazine"),
    "nature": ("Nature", "nature.com", "en-GB", "GB", "magazine"),
    "health-mag": ("Health", "health.com", "en-US", "US", "magazine"),
    "forbes": ("Forbes", "forbes.com", "en-US", "US", "magazine"),
    "politico": ("Politico", "politico.com", "en-US", "US", "online"),
    "the-hill": ("The Hill", "thehill.com", "en-US", "US", "online"),
    "propublica": ("ProPublica", "propublica.org", "en-US", "US", "online"),
    "kompas": ("Kompas", "kompas.com", "id", "ID", "newspaper"),
    "kompas-com": ("Kompas.com", "kompas.com", "id", "ID", "online"),
    "tribunnews": ("Tribunnews", "tribunnews.com", "id", "ID", "online"),
    "detik": ("detikNews", "news.detik.com", "id", "ID", "online"),
    "digi24": ("Digi24", "digi24.ro", "ro", "RO", "broadcaster"),
    "hotnews": ("HotNews", "hotnews.ro", "ro", "RO", "online"),
    "new-york-mag": ("New York", "nymag.com", "en-US", "US", "magazine"),
    "chicago-mag": ("Chicago", "chicagomag.com", "en-US", "US", "magazine"),
    "polizei-berlin": ("Polizei Berlin", "berlin.de", "de", "DE", "other"),
    "door-county-advocate": (
        "Door County Advocate",
        "doorcountyadvocate.com",
        "en-US",
        "US",
        "newspaper",
    ),
    "door-county-pulse": ("Door County Pulse", "doorcountypulse.com", "en-US", "US", "newspaper"),
    "texas-tribune": ("The Texas Tribune", "texastribune.org", "en-US", "US", "online"),
    "kyiv-independent": ("The Kyiv Independent", "kyivindependent.com", "en", "UA", "online"),
    "clarin": ("Clarín", "clarin.com", "es-AR", "AR", "newspaper"),
    "estadao": ("Estadão", "estadao.com.br", "pt-BR", "BR", "newspaper"),
    # wire agencies
    "ap": ("Associated Press", "apnews.com", "en-US", "US", "wire_agency"),
    "afp": ("Agence France-Presse", "afp.com", "fr", "FR", "wire_agency"),
    "reuters": ("Reuters", "reuters.com", "en", "GB", "wire_agency"),
    "efe": ("Agencia EFE", "efe.com", "es", "ES", "wire_agency"),
    "dpa": ("Deutsche Presse-Agentur", "dpa.com", "de", "DE", "wire_agency"),
    "anp": ("ANP", "anp.nl", "nl", "NL", "wire_agency"),
    "ansa": ("ANSA", "ansa.it", "it", "IT", "wire_agency"),
}


def P(
    id: str,
    stored: list[str],
    expected: str | None,
    *,
    author: str | None = None,
    body: str = STORY,
    language: str | None = "en",
    country: str | None = None,
) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN[id])] if id in KNOWN else []
    if id in ON_SQLITE:  # a Cyrillic name: SQLite's lower() folds ASCII letters only
        marks = [pytest.mark.xfail(SQLITE, strict=True, reason=ON_SQLITE[id])]
    return pytest.param(stored, author, body, language, country, expected, id=id, marks=marks)


SQLITE = os.environ.get("CLAIMS_TEST_DATABASE", "sqlite") == "sqlite"
ON_SQLITE = {
    "svc_cyrillic_rferl_by": "SQLite's lower() folds ASCII letters only",
    "svc_cyrillic_voa_ua": "SQLite's lower() folds ASCII letters only",
}
_BEFORE = "answered so before this pass too"
_KEPT = "a service named by a country answers to its broadcaster's names"
KNOWN = {
    "svc_dw_id_indonesian": _BEFORE,
    "svc_voa_es_us_spanish_paper": _BEFORE,
    "svc_bbc_canada_not_bbc_news": _KEPT,
    "svc_bbc_mundo_named_english_article": _BEFORE,
    "svc_voa_indonesia_indonesian": _BEFORE,
    "svc_rfi_brasil_brazil": _BEFORE,
    "svc_rfi_romania_romanian": _BEFORE,
    "svc_aj_balkans_bosnian": _BEFORE,
    "svc_cyrillic_rferl_by": _BEFORE,
    "svc_cyrillic_voa_ua": _BEFORE,
    "net_meduza_in_english_short": _BEFORE,
    "by_von_dpa_lower": _BEFORE,
    "by_name_paren_with_ap": _BEFORE,
    "orig_es_ingles_then_outlet": _BEFORE,
    "orig_pt_em_ingles_pelo_guardian": _BEFORE,
    "id_detiknews_lower": _BEFORE,
    "ro_footer_in_limba_engleza": _BEFORE,
    "read_more_at_the_hill_excerpt": _BEFORE,
}


CASES = [
    # ---------------------------------------------------------------------------------------
    # A. A broadcaster's service by its country or language (outlets._broadcaster)
    # ---------------------------------------------------------------------------------------
    P("svc_dw_es_spanish", ["dw-es"], "dw-es", author="María Pérez, DW", language="es"),
    P("svc_dw_es_por_dw", ["dw-es"], "dw-es", author="Por DW", body=STORY_ES, language="es"),
    P(
        "svc_dw_es_deutsche_welle_name",
        ["dw-es"],
        "dw-es",
        author="María Pérez, Deutsche Welle",
        language="es-MX",
        country="MX",
    ),
    # an English article's "DW" is DW's English text, not the Spanish service's
    P("svc_dw_es_english_article", ["dw-es"], None, author="Jane Doe, DW", language="en"),
    P("svc_dw_es_german_article", ["dw-es"], None, author="Von Anna Müller, DW", language="de"),
    P("svc_dw_id_english", ["dw-id"], None, author="Jane Doe, DW", language="en", country="ID"),
    P("svc_dw_id_indonesian", ["dw-id"], "dw-id", author="Budi Santoso, DW", language="id"),
    # the broadcaster stored without a language and its service stored first
    P(
        "svc_dw_main_nolang_vs_es_first",
        ["dw-es", "dw-main-nolang"],
        "dw-main-nolang",
        author="Jane Doe, Deutsche Welle",
        language="en",
    ),
    P(
        "svc_dw_main_en_vs_es",
        ["dw-es", "dw-main"],
        "dw-main",
        author="Jane Doe, DW",
        language="en",
    ),
    P(
        "svc_dw_es_vs_main_for_spanish",
        ["dw-main", "dw-es"],
        "dw-es",
        author="María Pérez, DW",
        language="es",
        country="ES",
    ),
    # country before language: an English paper of the service's country
    P(
        "svc_bbc_hindi_indian_english_paper",
        ["bbc-news", "bbc-hindi"],
        "bbc-news",
        author="Jane Doe, BBC",
        language="en-IN",
        country="IN",
    ),
    P(
        "svc_bbc_hindi_dom_indian_english_paper",
        ["bbc-news", "bbc-hindi-dom"],
        "bbc-news",
        author="Jane Doe, BBC",
        language="en-IN",
        country="IN",
    ),
    P(
        "svc_bbc_hindi_hindi_paper",
        ["bbc-news", "bbc-hindi"],
        "bbc-hindi",
        author="राहुल शर्मा, BBC",
        language="hi",
        country="IN",
    ),
    P(
        "svc_bbc_urdu_pakistani_english_paper",
        ["bbc-news", "bbc-urdu"],
        "bbc-news",
        body=_b(STORY, "Additional reporting by the BBC."),
        language="en-PK",
        country="PK",
    ),
    P(
        "svc_bbc_swahili_kenyan_english_paper",
        ["bbc-news", "bbc-swahili"],
        "bbc-news",
        author="Jane Doe, BBC News",
        language="en-KE",
        country="KE",
    ),
    P(
        "svc_bbc_hausa_nigerian_english_paper",
        ["bbc-news", "bbc-hausa"],
        "bbc-news",
        author="Jane Doe, BBC",
        language="en-NG",
        country="NG",
    ),
    P(
        "svc_voa_hausa_nigerian_english_paper",
        ["voice-of-america", "voa-hausa"],
        "voice-of-america",
        author="Jane Doe, VOA",
        language="en-NG",
        country="NG",
    ),
    P(
        "svc_voa_hausa_hausa_paper",
        ["voice-of-america", "voa-hausa"],
        "voa-hausa",
        author="Aminu Bello, VOA",
        language="ha",
        country="NG",
    ),
    P(
        "svc_voa_indonesia_jakarta_english",
        ["voice-of-america", "voa-indonesia"],
        "voice-of-america",
        author="Jane Doe, Voice of America",
        language="en",
        country="ID",
    ),
    P(
        "svc_voa_indonesia_indonesian",
        ["voice-of-america", "voa-indonesia"],
        "voa-indonesia",
        author="Budi Santoso, VOA",
        language="id",
        country="ID",
    ),
    P(
        "svc_voa_indonesia_only_english_us",
        ["voa-indonesia"],
        None,
        author="Jane Doe, VOA",
        language="en-US",
        country="US",
    ),
    # a Spanish-language paper of the US: its "Voz de América" is VOA's Spanish service
    P(
        "svc_voa_es_us_spanish_paper",
        ["voice-of-america", "voa-es"],
        "voa-es",
        author="María Pérez, La Voz de América",
        body=STORY_ES,
        language="es-US",
        country="US",
    ),
    P(
        "svc_voa_noticias_us_spanish_paper",
        ["voice-of-america", "voa-noticias"],
        "voa-noticias",
        author="María Pérez, La Voz de América",
        body=STORY_ES,
        language="es-US",
        country="US",
    ),
    P(
        "svc_bbc_canada_not_bbc_news",
        ["bbc-canada"],
        None,
        author="Jane Doe, BBC News",
        language="en-CA",
        country="CA",
    ),
    P(
        "svc_bbc_canada_vs_bbc_news",
        ["bbc-news", "bbc-canada"],
        "bbc-news",
        author="Jane Doe, BBC",
        language="en-CA",
        country="CA",
    ),
    P(
        "svc_bbc_jersey_vs_bbc_news_nolang",
        ["bbc-news-nolang", "bbc-jersey"],
        "bbc-news-nolang",
        author="Jane Doe, BBC News",
        language="en-GB",
        country="GB",
    ),
    P(
        "svc_bbc_jersey_jersey_paper",
        ["bbc-news", "bbc-jersey"],
        "bbc-jersey",
        author="Jane Doe, BBC Jersey",
        language="en",
        country="JE",
    ),
    P(
        "svc_bbc_mundo_named_english_article",
        ["bbc-news", "bbc-mundo"],
        "bbc-mundo",
        body=_b(STORY, "This article was originally published by BBC Mundo."),
        language="en-GB",
        country="GB",
    ),
    P(
        "svc_bbc_ukrainian_cyrillic_tail",
        ["bbc-ukr"],
        "bbc-ukr",
        author="Олена Коваль, BBC",
        language="uk",
        country="UA",
    ),
    P(
        "svc_rfi_brasil_brazil",
        ["rfi-fr", "rfi-brasil"],
        "rfi-brasil",
        author="João Silva, RFI",
        body=STORY_PT,
        language="pt-BR",
        country="BR",
    ),
    P(
        "svc_rfi_romania_romanian",
        ["rfi-fr", "rfi-romania"],
        "rfi-romania",
        body=_b(STORY_RO, "Acest articol a fost publicat inițial de RFI."),
        language="ro",
        country="RO",
    ),
    P(
        "svc_rfi_en_french_paper",
        ["rfi-en", "rfi-fr"],
        "rfi-fr",
        author="Par RFI",
        language="fr",
        country="FR",
    ),
    P(
        "svc_rfi_en_only_french_paper",
        ["rfi-en"],
        None,
        author="Par RFI",
        language="fr",
        country="SN",
    ),
    P(
        "svc_f24_es_footer",
        ["f24-es"],
        "f24-es",
        body=_b(STORY_ES, "Publicado originalmente en France 24 en español."),
        language="es",
    ),
    P(
        "svc_f24_es_vs_en_english",
        ["f24-es", "f24-en"],
        "f24-en",
        author="Jane Doe, France 24",
        language="en",
    ),
    P(
        "svc_f24_es_only_english",
        ["f24-es"],
        None,
        author="Jane Doe, France 24",
        language="en",
    ),
    P(
        "svc_f24_main_vs_es_spanish",
        ["f24", "f24-es"],
        "f24-es",
        author="Por France 24",
        body=STORY_ES,
        language="es",
    ),
    P(
        "svc_aj_balkans_bosnian",
        ["aj-balkans"],
        "aj-balkans",
        author="Amra Hodžić, Al Jazeera",
        language="bs",
        country="BA",
    ),
    P(
        "svc_aj_balkans_vs_english",
        ["aje", "aj-balkans"],
        "aje",
        author="Jane Doe, Al Jazeera",
        language="en",
        country="BA",
    ),
    P(
        "svc_nhk_world_japan",
        ["nhk-world"],
        "nhk-world",
        author="Jane Doe, NHK",
        language="en",
        country="JP",
    ),
    P(
        "svc_npr_illinois_not_npr",
        ["npr-illinois"],
        None,
        author="Jane Doe, NPR",
        language="en-US",
        country="US",
    ),
    P(
        "svc_npr_not_npr_illinois",
        ["national-public-radio"],
        None,
        author="Jane Doe, NPR Illinois",
        language="en-US",
        country="US",
    ),
    P(
        "svc_npr_illinois_vs_npr",
        ["npr-illinois", "national-public-radio"],
        "national-public-radio",
        author="Jane Doe, NPR",
        language="en-US",
        country="US",
    ),
    P(
        "svc_dw_russian_locative",
        ["dw-ru"],
        "dw-ru",
        author="Иван Петров, Немецкая волна",
        language="ru",
    ),
    P(
        "svc_cyrillic_rferl_by",
        ["rferl-by"],
        "rferl-by",
        author="Иван Петров, Радио Свобода",
        language="ru",
        country="BY",
    ),
    P(
        "svc_cyrillic_voa_ua",
        ["voa-ru-ua"],
        "voa-ru-ua",
        author="Иван Петров, Голос Америки",
        language="ru",
        country="UA",
    ),
    # ---------------------------------------------------------------------------------------
    # B. Network editions (markers.edition_of in editions.network_editions)
    # ---------------------------------------------------------------------------------------
    P(
        "net_le_monde_in_english",
        ["le-monde-en"],
        "le-monde-en",
        author="Clément Laurier (Le Monde)",
        language="en",
    ),
    P(
        "net_le_monde_in_english_french_article",
        ["le-monde-en"],
        None,
        author="Par Clément Laurier (Le Monde)",
        language="fr",
        country="FR",
    ),
    P(
        "net_le_monde_both_stored_english",
        ["le-monde", "le-monde-en"],
        # Pass 22: an English text with a Le Monde byline is the English edition's, when it is
        # stored (credits/outlets.py, `_in_own_language`); this probe expected Le Monde itself.
        "le-monde-en",
        author="Clément Laurier, Le Monde",
        language="en",
    ),
    P(
        "net_el_pais_in_english",
        ["el-pais-en"],
        "el-pais-en",
        body=_b(STORY, "This article was originally published by El País."),
        language="en",
    ),
    P(
        "net_meduza_in_english_short",
        ["meduza-en"],
        "meduza-en",
        author="Jane Doe, Meduza",
        language="en",
    ),
    P(
        "net_cnn_en_espanol",
        ["cnn-es"],
        "cnn-es",
        author="Por CNN",
        body=STORY_ES,
        language="es",
    ),
    P(
        "net_infobae_espana",
        ["infobae-es"],
        "infobae-es",
        author="Por Infobae",
        body=STORY_ES,
        language="es",
        country="ES",
    ),
    P(
        "net_infobae_espana_argentine",
        ["infobae-es"],
        None,
        author="Por Infobae",
        body=STORY_ES,
        language="es-AR",
        country="AR",
    ),
    P(
        "net_kathimerini_english_edition",
        ["kathimerini-en"],
        "kathimerini-en",
        author="Jane Doe, Kathimerini",
        language="en",
        country="GR",
    ),
    P(
        "net_europa_libera_romania",
        ["europa-libera-ro"],
        "europa-libera-ro",
        body=_b(STORY_RO, "Acest articol a fost publicat inițial de Europa Liberă."),
        language="ro",
        country="RO",
    ),
    P(
        "net_capital_fm_not_capital",
        ["capital-fm"],
        None,
        author="Jane Doe, Capital",
        language="en",
        country="KE",
    ),
    P(
        "net_sky_news_not_arabia_for_english",
        ["sky-news-arabia"],
        None,
        author="Jane Doe, Sky News",
        language="en-GB",
        country="GB",
    ),
    # ---------------------------------------------------------------------------------------
    # C. Bylines: "Por/Von/Par/Door" and "Name (X)" (context.byline)
    # ---------------------------------------------------------------------------------------
    P("by_por_bbc", ["bbc-news"], "bbc-news", author="Por BBC", body=STORY_ES, language="es"),
    P("by_por_efe", ["efe"], "efe", author="Por EFE", body=STORY_ES, language="es"),
    P("by_por_agencia_efe_caps", ["efe"], "efe", author="POR AGENCIA EFE", language="es"),
    P("by_von_dpa_lower", ["dpa"], "dpa", author="Von dpa", body=STORY_DE, language="de"),
    P("by_von_afp", ["afp"], "afp", author="Von AFP", body=STORY_DE, language="de"),
    P("by_door_anp", ["anp"], "anp", author="Door ANP", language="nl"),
    P("by_par_le_monde", ["le-monde"], "le-monde", author="Par Le Monde", language="fr"),
    P("by_por_clarin", ["clarin"], "clarin", author="Por Clarín", language="es-AR"),
    P(
        "by_por_estadao_conteudo",
        ["estadao"],
        "estadao",
        author="Por Estadão Conteúdo",
        body=STORY_PT,
        language="pt-BR",
    ),
    P("by_por_person", ["el-pais"], None, author="Por María López", language="es"),
    # an outlet whose own name starts with "Door"
    P(
        "by_door_county_advocate",
        ["door-county-advocate"],
        "door-county-advocate",
        author="Door County Advocate",
        language="en-US",
        country="US",
    ),
    P(
        "by_door_county_pulse_staff",
        ["door-county-pulse"],
        "door-county-pulse",
        author="Door County Pulse Staff",
        language="en-US",
        country="US",
    ),
    P(
        "by_name_paren_outlet",
        ["le-monde"],
        "le-monde",
        author="Clément Laurier (Le Monde)",
        language="fr",
    ),
    P("by_name_paren_reuters", ["reuters"], "reuters", author="Jane Doe (Reuters)", language="en"),
    P("by_name_paren_with_ap", ["ap"], "ap", author="Jane Doe (with AP)", language="en"),
    P("by_name_paren_efe_por", ["efe"], "efe", author="Por María López (EFE)", language="es"),
    P("by_name_paren_dpa_von", ["dpa"], "dpa", author="Von Anna Müller (dpa)", language="de"),
    P(
        "by_name_paren_texas_tribune",
        ["texas-tribune"],
        "texas-tribune",
        author="Jane Doe (The Texas Tribune)",
        language="en-US",
    ),
    # a place in brackets that is also a stored outlet's name or its domain's first label
    P(
        "by_place_paren_new_york_mag",
        ["new-york-mag"],
        None,
        author="Jane Doe (New York)",
        language="en-US",
        country="US",
    ),
    P(
        "by_place_comma_new_york_mag",
        ["new-york-mag"],
        None,
        author="Jane Doe, New York",
        language="en-US",
        country="US",
    ),
    P(
        "by_place_paren_chicago_mag",
        ["chicago-mag"],
        None,
        author="Jane Doe (Chicago)",
        language="en-US",
        country="US",
    ),
    P(
        "by_place_paren_berlin_de",
        ["polizei-berlin"],
        None,
        author="Von Anna Müller (Berlin)",
        body=STORY_DE,
        language="de",
        country="DE",
    ),
    P(
        "by_place_comma_berlin_de",
        ["polizei-berlin"],
        None,
        author="Anna Müller, Berlin",
        body=STORY_DE,
        language="de",
        country="DE",
    ),
    # picture credits in an author field
    P("by_photo_colon_ap", ["ap"], None, author="Jane Doe (Photo: AP)", language="en"),
    P("by_ap_photo", ["ap"], None, author="Jane Doe (AP Photo)", language="en"),
    P("by_afp_file", ["afp"], None, author="Jane Doe (AFP/File)", language="en"),
    P("by_afp_via_getty", ["afp"], None, author="Jane Doe (AFP via Getty Images)", language="en"),
    P("by_foto_efe", ["efe"], None, author="Por María López (Foto: EFE)", language="es"),
    P(
        "by_former_reuters",
        ["reuters"],
        None,
        author="Jane Doe (Former Reuters Correspondent)",
        language="en",
    ),
    P("by_ex_bbc", ["bbc-news"], None, author="Jane Doe (ex-BBC)", language="en"),
    P(
        "by_paren_npr_illinois",
        ["national-public-radio"],
        None,
        author="Jane Doe (NPR Illinois)",
        language="en-US",
    ),
    P(
        "by_paren_kyiv_independent",
        ["kyiv-independent"],
        "kyiv-independent",
        author="Jane Doe (The Kyiv Independent)",
        language="en",
    ),
    # ---------------------------------------------------------------------------------------
    # D. "Publicado originalmente en/em", "Pubblicato originariamente su"
    # ---------------------------------------------------------------------------------------
    P(
        "orig_es_conversation",
        ["tc"],
        "tc",
        body=_b(STORY_ES, "Publicado originalmente en The Conversation."),
        language="es",
    ),
    P(
        "orig_es_el_pais",
        ["el-pais"],
        "el-pais",
        body=_b(STORY_ES, "Publicado originalmente en El País."),
        language="es-MX",
        country="MX",
    ),
    P(
        "orig_es_la_nacion",
        ["la-nacion"],
        "la-nacion",
        body=_b(STORY_ES, "Publicado originalmente en La Nación."),
        language="es-UY",
        country="UY",
    ),
    P(
        "orig_es_la_vanguardia_both",
        ["vanguardia-mx", "la-vanguardia"],
        "la-vanguardia",
        body=_b(STORY_ES, "Publicado originalmente en La Vanguardia."),
        language="es",
    ),
    P(
        "orig_es_la_vanguardia_only_mx_stored",
        ["vanguardia-mx"],
        None,
        body=_b(STORY_ES, "Publicado originalmente en La Vanguardia."),
        language="es-ES",
        country="ES",
    ),
    P(
        "orig_es_ingles_then_outlet",
        ["foreign-affairs"],
        "foreign-affairs",
        body=_b(STORY_ES, "Publicado originalmente en inglés en Foreign Affairs."),
        language="es",
    ),
    P(
        "orig_es_ingles_only",
        ["guardian"],
        None,
        body=_b(STORY_ES, "Publicado originalmente en inglés."),
        language="es",
    ),
    P(
        "orig_es_year",
        ["nyt"],
        None,
        body=_b(STORY_ES, "Publicado originalmente en 2019. Actualizado el 3 de mayo de 2024."),
        language="es",
    ),
    P(
        "orig_es_review_new_yorker",
        ["new-yorker"],
        None,
        body=(
            "Publicado originalmente en The New Yorker en 1948, «La lotería» de Shirley Jackson "
            "provocó cientos de cartas de lectores indignados.\n\nSetenta años después, la "
            "editorial Minúscula publica una nueva traducción del cuento, que llega a las "
            "librerías este mes con un prólogo de la escritora Mariana Enríquez."
        ),
        language="es",
    ),
    P(
        "orig_es_study_science",
        ["science"],
        None,
        body=(
            "Publicado originalmente en Science, el estudio analizó los datos de 40.000 "
            "pacientes durante diez años.\n\nLos autores, de la Universidad de Barcelona, "
            "explicaron a este diario que los resultados deben confirmarse con nuevos ensayos."
        ),
        language="es",
    ),
    P(
        "orig_es_revista_nature_lower",
        ["nature"],
        None,
        body=_b(
            STORY_ES,
            "El estudio, publicado originalmente en la revista Nature, fue citado por el "
            "ministerio.",
        ),
        language="es",
    ),
    P(
        "orig_es_la_revista_science_line",
        ["science"],
        None,
        body=_b(
            STORY_ES,
            "Publicado originalmente en la revista Science, el estudio fue citado por el "
            "ministerio.",
        ),
        language="es",
    ),
    P(
        "orig_es_francia_book",
        ["f24"],
        None,
        body=(
            "Publicado originalmente en Francia en 1957, el libro de Albert Camus vuelve a las "
            "librerías en una edición ilustrada.\n\nLa nueva edición incluye cartas inéditas "
            "del autor y un ensayo de la traductora sobre su recepción en España."
        ),
        language="es",
    ),
    P(
        "orig_pt_folha",
        ["folha"],
        "folha",
        body=_b(STORY_PT, "Publicado originalmente na Folha de S.Paulo."),
        language="pt-PT",
        country="PT",
    ),
    P(
        "orig_pt_bbc_brasil",
        ["bbc-news"],
        "bbc-news",
        body=_b(STORY_PT, "Publicado originalmente pela BBC."),
        language="pt-BR",
    ),
    P(
        "orig_pt_em_ingles_pelo_guardian",
        ["guardian"],
        "guardian",
        body=_b(STORY_PT, "Publicado originalmente em inglês pelo The Guardian."),
        language="pt-BR",
    ),
    P(
        "orig_pt_em_ingles_only",
        ["guardian"],
        None,
        body=_b(STORY_PT, "Publicado originalmente em inglês."),
        language="pt-BR",
    ),
    P(
        "orig_pt_review_new_yorker",
        ["new-yorker"],
        None,
        body=(
            "Publicado originalmente na The New Yorker em 1946, o livro-reportagem Hiroshima, "
            "de John Hersey, ganha nova tradução no Brasil.\n\nA edição da Companhia das Letras "
            "traz ainda um posfácio escrito pelo autor quarenta anos depois da primeira edição."
        ),
        language="pt-BR",
    ),
    P(
        "orig_it_conversation",
        ["tc"],
        "tc",
        body=_b(STORY_IT, "Pubblicato originariamente su The Conversation."),
        language="it",
    ),
    P(
        "orig_it_la_stampa",
        ["la-stampa"],
        "la-stampa",
        body=_b(STORY_IT, "Pubblicato originariamente su La Stampa."),
        language="it",
        country="CH",
    ),
    P(
        "orig_it_la_repubblica",
        ["repubblica"],
        "repubblica",
        body=_b(STORY_IT, "Pubblicato originariamente su la Repubblica."),
        language="it",
        country="CH",
    ),
    P(
        "orig_it_review_new_york_times",
        ["nyt"],
        None,
        body=(
            "Pubblicato originariamente sul New York Times nel 1971, il saggio di Joan Didion "
            "torna in libreria in una nuova traduzione.\n\nIl volume raccoglie anche le lettere "
            "della scrittrice al suo editore e una postfazione della traduttrice."
        ),
        language="it",
    ),
    # ---------------------------------------------------------------------------------------
    # E. Indonesian and Romanian footers
    # ---------------------------------------------------------------------------------------
    P(
        "id_kompas_com_name",
        ["kompas-com"],
        "kompas-com",
        body=_b(
            STORY_ID,
            'Artikel ini telah tayang di Kompas.com dengan judul "Badai Tutup Jalan Utama".',
        ),
        language="id",
        country="ID",
    ),
    P(
        "id_kompas_stored_as_kompas",
        ["kompas"],
        "kompas",
        body=_b(
            STORY_ID,
            'Artikel ini telah tayang di Kompas.com dengan judul "Badai Tutup Jalan Utama".',
        ),
        language="id",
        country="ID",
    ),
    P(
        "id_tribunnews",
        ["tribunnews"],
        "tribunnews",
        body=_b(
            STORY_ID,
            'Artikel ini telah tayang di Tribunnews.com dengan judul "Badai Tutup Jalan".',
        ),
        language="id",
        country="ID",
    ),
    P(
        "id_without_telah",
        ["kompas-com"],
        "kompas-com",
        body=_b(STORY_ID, 'Artikel ini tayang di Kompas.com dengan judul "Badai Tutup Jalan".'),
        language="id",
        country="ID",
    ),
    P(
        "id_sudah_tayang",
        ["kompas-com"],
        "kompas-com",
        body=_b(STORY_ID, "Artikel ini sudah tayang di Kompas.com."),
        language="id",
        country="ID",
    ),
    P(
        "id_detiknews_lower",
        ["detik"],
        "detik",
        body=_b(STORY_ID, 'Artikel ini telah tayang di detikNews dengan judul "Badai".'),
        language="id",
        country="ID",
    ),
    P(
        "id_voa_indonesia",
        ["voa-indonesia"],
        "voa-indonesia",
        body=_b(STORY_ID, "Artikel ini telah tayang di VOA Indonesia."),
        language="id",
        country="ID",
    ),
    P(
        "id_dw_indonesia",
        ["dw-id"],
        "dw-id",
        body=_b(STORY_ID, "Artikel ini telah tayang di DW Indonesia."),
        language="id",
        country="ID",
    ),
    P(
        "ro_mid_sentence_politico",
        ["politico"],
        None,
        body=(
            "Într-un articol publicat inițial de Politico, oficialii europeni au avertizat că "
            "planul ar putea întârzia.\n\nGuvernul de la București a respins marți criticile și "
            "a anunțat că lucrările la pod vor începe în luna mai, potrivit ministrului."
        ),
        language="ro",
        country="RO",
    ),
    P(
        "ro_un_articol_reuters_2019",
        ["guardian"],
        None,
        body=_b(
            STORY_RO,
            "Un articol publicat inițial de The Guardian în 2019 arăta că podul era deja avariat.",
        ),
        language="ro",
        country="RO",
    ),
    P(
        "ro_footer_guardian",
        ["guardian"],
        "guardian",
        body=_b(STORY_RO, "Acest articol a fost publicat inițial de The Guardian."),
        language="ro",
        country="RO",
    ),
    P(
        "ro_footer_in_limba_engleza",
        ["guardian"],
        "guardian",
        body=_b(
            STORY_RO, "Acest articol a fost publicat inițial în limba engleză de The Guardian."
        ),
        language="ro",
        country="RO",
    ),
    P(
        "ro_citeste_digi24_end",
        ["digi24"],
        "digi24",
        body=_b(STORY_RO, "Citește mai mult pe Digi24."),
        language="ro",
        country="RO",
    ),
    P(
        "ro_citeste_mid_line",
        ["digi24"],
        None,
        body=_b(STORY_RO, "Citește mai mult pe Digi24 despre lucrările de la pod și ocolitoare."),
        language="ro",
        country="RO",
    ),
    P(
        "ro_citeste_si_related",
        ["hotnews"],
        None,
        body=_b(STORY_RO, "Citește și: HotNews a aflat cine a câștigat licitația pentru pod"),
        language="ro",
        country="RO",
    ),
    P(
        "ro_citeste_mai_mult_pe_hotnews_domain",
        ["hotnews"],
        "hotnews",
        body=_b(STORY_RO, "Citește mai mult pe HotNews.ro"),
        language="ro",
        country="RO",
    ),
    # ---------------------------------------------------------------------------------------
    # F. "Read more at/on X", "draws on reporting by", "Con informazioni di"
    # ---------------------------------------------------------------------------------------
    P(
        "read_more_at_the_hill_excerpt",
        ["the-hill"],
        "the-hill",
        body=_b(STORY, "Read more at The Hill."),
        language="en",
    ),
    P(
        "read_more_at_mid_paragraph",
        ["the-hill"],
        None,
        body=_b(STORY, "Read more at The Hill about the roads agency's budget and its plans."),
        language="en",
    ),
    P(
        "read_more_colon_link",
        ["the-hill"],
        None,
        body=_b(STORY, "Read more: The Hill's guide to the storm https://thehill.com/x"),
        language="en",
    ),
    P(
        "read_more_on_topic_health",
        ["health-mag"],
        None,
        body=_b(STORY, "Read more on Health"),
        language="en",
    ),
    P(
        "read_more_on_topic_science",
        ["science"],
        None,
        body=_b(STORY, "Read more on Science"),
        language="en",
    ),
    P(
        "read_more_press_release_forbes",
        ["forbes"],
        None,
        body=(
            "ACME Corp. today announced that it has been named one of America's Best Employers "
            "for 2025 by Forbes. The ranking is based on an independent survey of 170,000 "
            'employees.\n\n"We are honoured," said Jane Doe, ACME\'s chief executive. Read '
            "more at Forbes."
        ),
        language="en-US",
        country="US",
    ),
    P(
        "read_more_at_related_story_politico",
        ["politico"],
        None,
        body=(
            f"{STORY}\n\nRelated: Congress weighs new disaster aid for storm-hit counties. "
            "Read more at Politico."
        ),
        language="en",
    ),
    P(
        "draws_on_reporting_nyt",
        ["nyt"],
        "nyt",
        body=_b(STORY, "This report draws on reporting by The New York Times."),
        language="en",
    ),
    P(
        "draws_on_documentary",
        ["propublica"],
        None,
        body=_b(
            STORY,
            "The documentary, which draws on reporting by ProPublica, premieres on Friday.",
        ),
        language="en",
    ),
    P(
        "draws_on_mid_paragraph_study",
        ["propublica"],
        None,
        body=_b(STORY, "The county's study draws on reporting by ProPublica from 2019."),
        language="en",
    ),
    P(
        "con_informazioni_di_euronews",
        ["euronews"],
        "euronews",
        body=_b(STORY_IT, "Con informazioni di Euronews"),
        language="it",
    ),
    P(
        "con_informazioni_di_ansa_bracket",
        ["ansa"],
        "ansa",
        body=_b(STORY_IT, "(Con informazioni di ANSA)"),
        language="it",
    ),
    P(
        "con_informazioni_di_prima_mano",
        ["euronews"],
        None,
        body=_b(STORY_IT, "Con informazioni di prima mano dai residenti, Euronews ha ricostruito."),
        language="it",
    ),
]


@pytest.mark.parametrize(("stored", "author", "body", "language", "country", "expected"), CASES)
def test_probe(
    client: TestClient,
    stored: list[str],
    author: str | None,
    body: str,
    language: str | None,
    country: str | None,
    expected: str | None,
) -> None:
    answer_probe(
        client,
        OUTLETS,
        stored,
        author=author,
        body=body,
        language=language,
        country=country,
        expected=expected,
    )
