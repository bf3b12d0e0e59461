# ruff: noqa: E501
"""Credits, pass 13 (docs/matching.md, "Credits, pass 13"): one reader of a past time after a
credit for every module (credits.dates), a newsroom credited in the story's first sentence
(credits.leads), broadcasters by their names in other languages (app/core/broadcasters.py).
With the look-alikes that must stay as they were."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits import dates
from app.ingest.credits import leads
from app.ingest.credits import newsrooms
from app.ingest.credits.context import byline
from app.ingest.credits.reading import credits
from tests.ingest.credit_support import credited_origin

ORIGINS = {
    "bbc": ("BBC", "bbc.co.uk", "broadcaster"),
    "dw": ("Deutsche Welle", "dw.com", "broadcaster"),
    "rfi": ("RFI", "rfi.fr", "broadcaster"),
    "voa-pt": ("Voz da América", "voaportugues.com", "broadcaster"),
    "daily-planet": ("The Daily Planet", "dailyplanet.example", "newspaper"),
    "texas-tribune": ("The Texas Tribune", "texastribune.org", "online"),
}
REST = (
    "\n\nNobody was hurt. Council engineers are on the slope and say residents may be out of "
    "their homes for weeks."
)
LEAD = "Forty households have spent the day at a rest centre after a cliff gave way overnight"


def credited_to(
    client: TestClient, body: str, stored: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, float] | None:
    return credited_origin(
        client,
        body,
        stored=ORIGINS if stored is None else stored,
        title="Forty homes cleared after cliff fall",
        claim="Forty households were evacuated after a cliff collapse.",
    )


# --- 1. One reader of a past time after a credit ------------------------------------------
@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # What credits.context.EARLIER read and credits.sources._PAST did not, and the reverse.
        (" 2019 berichtete", True),
        (" bereits 2019.", True),
        (" im Vorjahr.", True),
        (" in der vergangenen Woche.", True),
        (" im vergangenen Frühling.", True),
        (" the previous year.", True),
        (" a year ago.", True),
        (" last March.", True),
        (" el pasado mes de marzo.", True),
        (" reported last year.", True),
        (" first reported in 2023.", True),
        (", el pasado mes de marzo.", True),
        # The day's own report, and a time that dates what was reported, not the report.
        (" am Montag.", False),
        (" on Monday.", False),
        (" reported sales fell in March.", False),
        (", en 2019 el número de turistas creció.", False),
        (" reported that in 2019 sales fell.", False),
        (" earlier in the day.", False),
    ],
)
def test_one_reader_of_a_past_time(after: str, expected: bool) -> None:
    assert dates.dated(after, 0) is expected


@pytest.mark.parametrize(
    ("body", "name", "earlier"),
    [
        # fingerprints: English credits in the text.
        ("Ports were shut, Reuters reported last year.", "Reuters", True),
        ("Ports were shut, Reuters reported on Monday.", "Reuters", False),
        ("Last year, Reuters reported that ports were shut.", "Reuters", True),
        # credits.languages: German, verb first, the time after the name.
        (
            "Das berichtete die Nachrichtenagentur Reuters bereits im vergangenen Jahr.",
            "Reuters",
            True,
        ),
        ("Das berichtete die Nachrichtenagentur Reuters am Montag.", "Reuters", False),
        # Other modules' credits in the text, six languages.
        (
            "Los puertos cerraron, según informó Europa Press el pasado mes de marzo.",
            "Europa Press",
            True,
        ),
        ("Los puertos cerraron, según informó Europa Press este martes.", "Europa Press", False),
    ],
)
def test_the_reader_in_every_place(body: str, name: str, earlier: bool) -> None:
    found = [c for c in credits(author=None, body=body) if c.name == name]
    assert [c.earlier for c in found] == [earlier]


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # credits.newsrooms drops a dated "writing in X" (an earlier piece), keeps the undated.
        ("Writing in The Conversation in March, Dr Lee said the streets ran hot.", False),
        ("Writing in The Conversation, Dr Lee said the streets ran hot.", True),
    ],
)
def test_newsrooms_read_the_same_times(body: str, kept: bool) -> None:
    names = [name for name, _, _ in newsrooms.find(body)]
    assert ("Conversation" in names) is kept


# --- 2. A newsroom credited in the story's first sentence ---------------------------------
@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(f"{LEAD}, the BBC reported." + REST, "bbc", id="closing_en"),
        pytest.param(
            f"According to the BBC, {LEAD[0].lower()}{LEAD[1:]}." + REST, "bbc", id="opening_en"
        ),
        pytest.param(
            f"{LEAD}, The Daily Planet reported on Monday." + REST,
            "daily-planet",
            id="newspaper_day",
        ),
        pytest.param(f"{LEAD}, The Texas Tribune reports." + REST, "texas-tribune", id="reports"),
        pytest.param(
            "In Georgien sind die Bewohner der Bergstadt Mestia nach einem Erdrutsch auf die "
            "Luftbrücke angewiesen, berichtet die Deutsche Welle.\n\nVerletzt wurde niemand.",
            "dw",
            id="german",
        ),
        pytest.param(
            "En Guinée, la grève des dockers du port de Conakry se fait sentir sur les marchés, "
            "rapporte RFI.\n\nUne médiation doit débuter vendredi.",
            "rfi",
            id="french",
        ),
        pytest.param(f"WHITBY - {LEAD}, the BBC reported." + REST, "bbc", id="after_a_dateline"),
        pytest.param(
            f"{LEAD}, the BBC reported." + REST + " The BBC reported it first.", "bbc", id="twice"
        ),
    ],
)
def test_a_newsroom_credited_in_the_lead(client: TestClient, body: str, slug: str) -> None:
    assert credited_to(client, body) == (slug, 0.8)


@pytest.mark.parametrize(
    "body",
    [
        # A detail credited further down: 0.6, for review (pass 9's reading, kept).
        pytest.param(
            f"{LEAD}, the council said.\n\nThe slope had moved before, the BBC reported." + REST,
            id="second_paragraph",
        ),
        pytest.param(
            f"{LEAD}, the council said. The slope had moved before, the BBC reported." + REST,
            id="second_sentence",
        ),
        # The lead dates the report earlier, or says someone spoke to the outlet.
        pytest.param(f"{LEAD}, the BBC reported last year." + REST, id="dated"),
        pytest.param(f"{LEAD} after the BBC reported cracks in the slope." + REST, id="after"),
        pytest.param(f"{LEAD}, a resident told the BBC." + REST, id="told"),
        # A speaker's words, and an abbreviation's dot ending the first sentence early.
        pytest.param(f'"{LEAD}, the BBC reported," she said.' + REST, id="quoted"),
        pytest.param(
            f"Dr. Ann Lee said that {LEAD[0].lower()}{LEAD[1:]}, the BBC reported." + REST,
            id="abbreviation",
        ),
        # An outlet that is not stored, and a story about the outlet.
        pytest.param(f"{LEAD}, Radio Moorland reported." + REST, id="not_stored"),
        pytest.param(
            "The BBC's correspondent was expelled from the country on Monday." + REST, id="about"
        ),
    ],
)
def test_lookalikes_of_a_lead_credit(client: TestClient, body: str) -> None:
    assert credited_to(client, body) is None


def test_a_headline_credit_is_no_lead(client: TestClient) -> None:
    found = credited_origin(
        client,
        "Forty households have spent the day at a rest centre." + REST,
        stored=ORIGINS,
        title="Forty homes cleared, BBC reports",
        claim="Forty households were evacuated after a cliff collapse.",
    )
    assert found is None


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Homes were cleared, the BBC reported. Nobody was hurt.", 37),
        ("\n\nHomes were cleared.\nNobody was hurt.", 21),
        ("Homes were cleared, the BBC reported", 36),
        ("", 0),
    ],
)
def test_where_the_lead_ends(text: str, end: int) -> None:
    assert leads.lead_end(text) == end


# --- 3. Broadcasters by their names in other languages -----------------------------------
@pytest.mark.parametrize(
    ("body", "stored", "slug"),
    [
        pytest.param(
            "Os médicos do Hospital Central de Nampula deixaram de dar consultas, noticiou a VOA."
            "\n\nAs urgências continuam abertas.",
            {"voa-pt": ("Voz da América", "voaportugues.com", "broadcaster")},
            "voa-pt",
            id="voa_for_voz_da_america",
        ),
        pytest.param(
            f"{LEAD}, VOA News reported." + REST,
            {"voa-pt": ("Voz da América", "voaportugues.com", "broadcaster")},
            "voa-pt",
            id="english_service_for_portuguese_one",
        ),
        pytest.param(
            f"{LEAD}, BBC News reported." + REST,
            {"bbc": ("BBC", "bbc.co.uk", "broadcaster")},
            "bbc",
            id="bbc_news_for_bbc",
        ),
        pytest.param(
            f"{LEAD}, the BBC reported." + REST,
            {"bbc-news": ("BBC News", "bbc.com", "broadcaster")},
            "bbc-news",
            id="bbc_for_bbc_news",
        ),
        pytest.param(
            f"{LEAD}, Radio France Internationale reported." + REST,
            {"rfi": ("RFI", "rfi.fr", "broadcaster")},
            "rfi",
            id="rfi_in_full",
        ),
        pytest.param(
            f"{LEAD}, DW reported." + REST,
            {"dw": ("Deutsche Welle", "dw-mirror.example", "broadcaster")},
            "dw",
            id="by_stored_name_not_domain",
        ),
        pytest.param(
            f"{LEAD}." + REST + "\n\nKälla: Sveriges Television",
            {"svt": ("SVT Nyheter", "svt.se", "broadcaster")},
            "svt",
            id="source_line_full_name",
        ),
    ],
)
def test_a_broadcaster_by_another_name(
    client: TestClient, body: str, stored: dict[str, tuple[str, ...]], slug: str
) -> None:
    found = credited_to(client, body, stored)
    assert found is not None
    assert found[0] == slug


@pytest.mark.parametrize(
    ("body", "stored"),
    [
        # No broadcaster of that name stored: nothing is created for it.
        pytest.param(
            f"{LEAD}, VOA reported." + REST,
            {"bbc": ("BBC", "bbc.co.uk", "broadcaster")},
            id="not_stored",
        ),
        # Another outlet with a name like it, or sharing its first word.
        pytest.param(
            f"{LEAD}, VOA reported." + REST,
            {"votp": ("Voice of the People", "voiceofthepeople.example", "newspaper")},
            id="voice_of_the_people",
        ),
        pytest.param(
            f"{LEAD}, BBC News reported." + REST,
            {"bbc-radio-club": ("BBC Radio Club", "bbcradioclub.example", "online")},
            id="bbc_lookalike_club",
        ),
    ],
)
def test_lookalikes_of_a_broadcaster(
    client: TestClient, body: str, stored: dict[str, tuple[str, ...]]
) -> None:
    assert credited_to(client, body, stored) is None


# --- 4. A press release: the wire that carried it, or the body that issued it ---------------
RELEASES = {
    "pr-newswire": ("PR Newswire", "prnewswire.com", "wire_agency"),
    "business-wire": ("Business Wire", "businesswire.com", "wire_agency"),
    "globenewswire": ("GlobeNewswire", "globenewswire.com", "other"),
    "anp-ps": ("ANP Pers Support", "perssupport.nl", "wire_agency"),
    "ministry": ("Ministerio de Sanidad", "sanidad.gob.es", "other"),
    "police": ("Polizeipräsidium Oberbayern Nord", "polizei-obn.example", "other"),
    "central-bank": ("Central Bank of Malta", "centralbankmalta.org", "other"),
    "university": ("University of Leeds", "leeds.ac.uk", "other"),
}
PLANT = (
    "Acme Hydrogen will build a 240 million euro electrolyser plant near the port, creating "
    "180 jobs by 2029"
)
PLANT_REST = (
    "\n\nConstruction is due to start in the spring, and the first units are expected to ship "
    "at the end of the following year, the company said."
)


@pytest.mark.parametrize(
    ("body", "slug", "confidence"),
    [
        pytest.param(
            f"{PLANT}, the company said in a release issued through PR Newswire." + PLANT_REST,
            "pr-newswire",
            0.8,
            id="issued_through",
        ),
        pytest.param(
            f"{PLANT}, according to a news release distributed by PR Newswire on Tuesday."
            + PLANT_REST,
            "pr-newswire",
            0.8,
            id="distributed_by",
        ),
        pytest.param(
            f"{PLANT}, according to a release on Business Wire." + PLANT_REST,
            "business-wire",
            0.8,
            id="release_on",
        ),
        pytest.param(
            "Acme Hydrogen construira une usine de 240 millions près du port, selon un communiqué publié sur GlobeNewswire."
            + PLANT_REST,
            "globenewswire",
            0.8,
            id="french_other_kind",
        ),
        pytest.param(
            "Acme Hydrogen bouwt een fabriek bij de haven, meldt het bedrijf in een persbericht via ANP Pers Support."
            + PLANT_REST,
            "anp-ps",
            0.8,
            id="dutch_via",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nInformation from an Acme Hydrogen release issued via Business Wire was used in this report.",
            "business-wire",
            0.9,
            id="line_information_from",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nDit bericht is gebaseerd op een persbericht van Acme via ANP Pers Support.",
            "anp-ps",
            0.9,
            id="line_dutch",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\n(Con información de una nota de prensa del Ministerio de Sanidad)",
            "ministry",
            0.9,
            id="line_spanish_issuer",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nAdditional reporting from the Central Bank of Malta's statement",
            "central-bank",
            0.9,
            id="line_owner",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nQuelle: Pressemitteilung des Polizeipräsidiums Oberbayern Nord",
            "police",
            0.9,
            id="source_genitive",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nSource: Press release of the Central Bank of Malta",
            "central-bank",
            0.9,
            id="source_document_of",
        ),
    ],
)
def test_a_release_credited(client: TestClient, body: str, slug: str, confidence: float) -> None:
    assert credited_to(client, body, RELEASES) == (slug, confidence)


@pytest.mark.parametrize(
    "body",
    [
        # A release quoted beside the story's own reporting, not in its first sentence.
        pytest.param(
            "Workers gathered at the gates on Thursday to cheer the plant.\n\nIn a release distributed by PR Newswire, the company said it wants the units made here."
            + PLANT_REST,
            id="quoted_further_down",
        ),
        pytest.param(
            "Workers gathered at the gates on Thursday.\n\nDans un communiqué diffusé sur GlobeNewswire, l'entreprise affirme vouloir fabriquer ici."
            + PLANT_REST,
            id="quoted_further_down_fr",
        ),
        # The issuer after "issued by": a story may quote it beside its own reporting.
        pytest.param(
            "A new frog is among the smallest vertebrates known, its authors say in a press release issued by the University of Leeds."
            + PLANT_REST,
            id="issued_by_issuer",
        ),
        # Weekdays, the company's own channels, no carrier named, a dated release.
        pytest.param(
            f"{PLANT}, the company said in a statement on Wednesday." + PLANT_REST, id="weekday"
        ),
        pytest.param(
            f"{PLANT}, the company said in a release on its website." + PLANT_REST, id="own_website"
        ),
        pytest.param(
            "Monday's release, sent out over PR Newswire before dawn, calls the deal a new chapter."
            + PLANT_REST,
            id="not_joined",
        ),
        pytest.param(
            f"{PLANT}, the company said in a release issued through PR Newswire last March."
            + PLANT_REST,
            id="dated",
        ),
        # A sentence that goes on after "Based on a statement by X".
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\nBased on a statement by the Central Bank of Malta, the court ruled that the fine stands.",
            id="based_on_sentence",
        ),
        # A story about the wire, and a release of a body that is no stored outlet.
        pytest.param(
            "PR Newswire was sold to a private equity group on Monday, its owner said."
            + PLANT_REST,
            id="about_the_wire",
        ),
        pytest.param(
            f"{PLANT}.{PLANT_REST}\n\n(Con información de una nota de prensa de la Junta de Andalucía)",
            id="issuer_not_stored",
        ),
    ],
)
def test_lookalikes_of_a_release(client: TestClient, body: str) -> None:
    assert credited_to(client, body, RELEASES) is None


# --- 5. Bylines: a source word before the name, a name with a slash in it -------------------
@pytest.mark.parametrize(
    ("author", "slug"),
    [
        pytest.param("Source : GlobeNewswire", "globenewswire", id="source_fr_space"),
        pytest.param("Source: PR Newswire", "pr-newswire", id="source_en"),
        pytest.param("Fuente: Ministerio de Sanidad", "ministry", id="fuente"),
        pytest.param("Quelle: Polizeipräsidium Oberbayern Nord", "police", id="quelle"),
        pytest.param("Polizeiinspektion Lindau/Bodensee", "police-slash", id="slash_whole"),
    ],
)
def test_a_byline_credit(client: TestClient, author: str, slug: str) -> None:
    stored = {
        **RELEASES,
        "police-slash": ("Polizeiinspektion Lindau/Bodensee", "pi-lindau.example", "other"),
    }
    found = credited_origin(
        client,
        PLANT + "." + PLANT_REST,
        stored=stored,
        title="A plant by the port",
        claim="Acme will build a plant.",
        author=author,
    )
    assert found == (slug, 0.95)


@pytest.mark.parametrize(
    ("author", "names"),
    [
        # A reporter and an agency, two agencies: the parts only, as before.
        ("Jane Doe/PNA", ["Jane Doe", "PNA"]),
        ("AP/Reuters", ["AP", "Reuters"]),
        ("dpa/AFP", ["dpa", "AFP"]),
        # A source word in lower case or without a colon is no source line.
        ("source GlobeNewswire", []),
        ("Sources close to the company", ["Sources close to the company"]),
    ],
)
def test_lookalikes_of_a_byline(author: str, names: list[str]) -> None:
    assert byline(author) == names


# --- 6. Spanish "según informa" in the present; an agency of two words closing a paragraph ---
STORM = (
    "El temporal ha dejado sin suministro eléctrico a unos 12.000 clientes en la costa y ha "
    "obligado a amarrar a casi toda la flota de bajura"
)
STORM_REST = "\n\nLas clases extraescolares se han suspendido en varios concellos de la comarca."


@pytest.mark.parametrize(
    ("body", "slug", "confidence"),
    [
        pytest.param(
            f"{STORM}, según informa Europa Press." + STORM_REST,
            "europa-press",
            0.8,
            id="segun_informa",
        ),
        pytest.param(
            f"{STORM}, según informa la agencia EFE." + STORM_REST,
            "efe",
            0.8,
            id="segun_informa_agencia",
        ),
        pytest.param(
            f"{STORM}, según informó Europa Press." + STORM_REST,
            "europa-press",
            0.8,
            id="segun_informo_as_before",
        ),
        pytest.param(
            "12.05 | Así está la situación en toda la comunidad:\n\n"
            f"{STORM}. Las rachas superaron los 120 kilómetros por hora en el cabo. (EUROPA PRESS)\n\n"
            "11.20 | Suspendidas las actividades deportivas al aire libre.",
            "europa-press",
            0.9,
            id="two_word_capitals_closing_paragraph",
        ),
        pytest.param(
            f"{STORM}. Las rachas superaron los 120 kilómetros por hora en el cabo. (AGENCIA BRASIL)\n\n"
            "Outra parte do texto segue aqui.",
            "agencia-brasil",
            0.9,
            id="two_word_capitals_other_agency",
        ),
    ],
)
def test_spanish_present_and_two_word_capitals(
    client: TestClient, body: str, slug: str, confidence: float
) -> None:
    assert credited_to(client, body, {}) == (slug, confidence)


@pytest.mark.parametrize(
    "body",
    [
        # Someone told the agency ("informa a EFE"), as "informó a EFE" was already.
        pytest.param(
            f"{STORM}, según informa a EFE un portavoz de la Xunta." + STORM_REST, id="informa_a"
        ),
        # Two words in capitals that are no agency, a photo's caption, a place.
        pytest.param(
            f"{STORM}. Las rachas superaron los 120 kilómetros por hora. (NUEVA YORK)\n\n"
            + STORM_REST,
            id="not_an_agency",
        ),
        pytest.param(
            f"{STORM}.\n\nFoto de archivo del puerto de Malpica, en la costa. (EUROPA PRESS)\n\n"
            + STORM_REST,
            id="caption",
        ),
        # The present tense with a plural subject: no name after it.
        pytest.param(f"{STORM}, según informan fuentes de la Xunta." + STORM_REST, id="plural"),
    ],
)
def test_lookalikes_of_spanish_present_and_capitals(client: TestClient, body: str) -> None:
    assert credited_to(client, body, {}) is None


# --- 7. An agency's full name with a small word in it, in the text ---------------------------
BUS = "Two passengers are critical after a bus overturned on the expressway early on Wednesday"


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(
            f"{BUS}, the Press Trust of India reported.", "pti", id="press_trust_of_india"
        ),
        pytest.param(
            f"{BUS}, Press Trust of India reported, citing police.", "pti", id="without_the"
        ),
        pytest.param(
            f"{BUS}, the Kuwait News Agency said, citing the ministry.",
            "kuna",
            id="kuwait_news_agency",
        ),
        pytest.param(
            f"{BUS}, the Ghana News Agency reported.", "ghana-news-agency", id="ghana_news_agency"
        ),
    ],
)
def test_an_agency_in_full(client: TestClient, body: str, slug: str) -> None:
    assert credited_to(client, body + REST, {}) == (slug, 0.8)


@pytest.mark.parametrize(
    "body",
    [
        # A paper whose name ends in a country, the country alone, a name cut by a comma.
        pytest.param(f"{BUS}, The Times of India reported.", id="times_of_india"),
        pytest.param(f"{BUS}, India reported.", id="country"),
        pytest.param(f"In a report on trust, India reported {BUS.lower()}.", id="comma_between"),
        # No longer the agency's.
        pytest.param(f"{BUS}, a former Press Trust of India correspondent reported.", id="former"),
    ],
)
def test_lookalikes_of_an_agency_in_full(client: TestClient, body: str) -> None:
    assert credited_to(client, body + REST, {}) is None
