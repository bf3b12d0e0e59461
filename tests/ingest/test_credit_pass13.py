"""Credits, pass 13 (docs/matching.md, "Credits, pass 13"): one reader of a past time after a
credit for every module (credit_dates), a newsroom credited in the story's first sentence
(credit_leads), broadcasters by their names in other languages (app/core/broadcasters.py).
With the look-alikes that must stay as they were."""

import pytest
from fastapi.testclient import TestClient

from app.ingest import credit_dates
from app.ingest import credit_leads
from app.ingest import credit_newsrooms
from app.ingest.fingerprints import credits
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
        # What credit_context.EARLIER read and credit_sources._PAST did not, and the reverse.
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
    assert credit_dates.dated(after, 0) is expected


@pytest.mark.parametrize(
    ("body", "name", "earlier"),
    [
        # fingerprints: English credits in the text.
        ("Ports were shut, Reuters reported last year.", "Reuters", True),
        ("Ports were shut, Reuters reported on Monday.", "Reuters", False),
        ("Last year, Reuters reported that ports were shut.", "Reuters", True),
        # credit_languages: German, verb first, the time after the name.
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
        # credit_newsrooms drops a dated "writing in X" (an earlier piece), keeps the undated.
        ("Writing in The Conversation in March, Dr Lee said the streets ran hot.", False),
        ("Writing in The Conversation, Dr Lee said the streets ran hot.", True),
    ],
)
def test_newsrooms_read_the_same_times(body: str, kept: bool) -> None:
    names = [name for name, _, _ in credit_newsrooms.find(body)]
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
    assert credit_leads.lead_end(text) == end


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
