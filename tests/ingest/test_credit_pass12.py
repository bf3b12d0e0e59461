# ruff: noqa: E501
"""Credits, pass 12 (docs/matching.md, "Credits, pass 12: origins that are not agencies"): the
source lines, "originally published by" frames, release wires' marks and licence footers that
credit a stored outlet of any kind (a release wire, a government body, a broadcaster), and
reports dated before the article's own time in six languages. With the look-alikes that must
credit nobody."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits import dates
from app.ingest.credits import sources
from app.ingest.credits.reading import credits
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

BAR = 0.7
STORY = (
    "The regulator said on Tuesday that it would raise the capital buffer for banks from next "
    "year, citing rising mortgage lending and a slower economy.\n\n"
    "Lenders will have until June to meet the new rule, and the regulator said it would review "
    "the buffer again once the first figures for the year are in."
)
ORIGINS = {
    "central-bank-ie": ("Central Bank of Ireland", "centralbank.ie", "other"),
    "mapa": ("Ministerio de Agricultura, Pesca y Alimentación", "mapa.gob.es", "other"),
    "pp-swn": ("Polizeipräsidium Schwaben Süd/West", "polizei-swn.example", "other"),
    "banque-de-france": ("Banque de France", "banque-france.fr", "other"),
    "svt": ("SVT", "svt.se", "broadcaster"),
    "rfi": ("RFI", "rfi.fr", "broadcaster"),
    "dw": ("Deutsche Welle", "dw.com", "broadcaster"),
    "voa-pt": ("Voz da América", "voaportugues.com", "broadcaster"),
    "bbc": ("BBC", "bbc.co.uk", "broadcaster"),
    "business-wire": ("Business Wire", "businesswire.com", "other"),
    "pr-newswire": ("PR Newswire", "prnewswire.com", "other"),
    "globenewswire": ("GlobeNewswire", "globenewswire.com", "other"),
    "acme": ("Acme Corp", "acme.example", "other"),
}


def credited_to(client: TestClient, body: str) -> tuple[str, float] | None:
    """The credited origin ingest records for a local paper's article (slug, confidence), with
    every origin above stored (each by one article on another claim)."""
    return credited_origin(
        client,
        body,
        stored=ORIGINS,
        title="Banks face a higher capital buffer",
        claim="The regulator will raise the capital buffer for banks next year.",
    )


# --- 1. Credits to origins that are not agencies, through ingest ----------------------------
@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(
            STORY + "\n\nSource: Central Bank of Ireland", "central-bank-ie", id="source_en"
        ),
        pytest.param(
            STORY + "\n\nSource: Central Bank of Ireland.", "central-bank-ie", id="source_en_stop"
        ),
        pytest.param(
            STORY + "\n\nFuente: Ministerio de Agricultura, Pesca y Alimentación",
            "mapa",
            id="fuente",
        ),
        pytest.param(
            STORY + "\n\nQuelle: Polizeipräsidium Schwaben Süd/West", "pp-swn", id="quelle"
        ),
        pytest.param(
            STORY + "\n\nSource : Banque de France", "banque-de-france", id="source_fr_space"
        ),
        pytest.param(STORY + "\n\nKälla: SVT", "svt", id="kalla"),
        pytest.param(STORY + "\n\nBron: RFI", "rfi", id="bron"),
        pytest.param(STORY + "\n\nFonte: Voz da América", "voa-pt", id="fonte"),
        pytest.param(STORY + " (Quelle: Deutsche Welle)", "dw", id="quelle_bracket_closing"),
        pytest.param(
            STORY + "\n\nEste artigo foi publicado originalmente pela Voz da América.",
            "voa-pt",
            id="pt_originally",
        ),
        pytest.param(
            STORY + "\n\nEste artículo fue publicado originalmente por Deutsche Welle.",
            "dw",
            id="es_originally",
        ),
        pytest.param(
            STORY + "\n\nCet article a été publié initialement par RFI.", "rfi", id="fr_originally"
        ),
        pytest.param(
            STORY + "\n\nDieser Artikel erschien zuerst bei der Deutschen Welle.",
            "dw",
            id="de_originally_declined",
        ),
        pytest.param(
            STORY + "\n\nQuesto articolo è stato pubblicato originariamente dalla BBC.",
            "bbc",
            id="it_originally",
        ),
        pytest.param(
            STORY + "\n\nThis article is republished from DW under a Creative Commons licence.",
            "dw",
            id="republished_from_dw",
        ),
        pytest.param(
            STORY + "\n\nRepublished under licence from the BBC.", "bbc", id="licence_footer"
        ),
        pytest.param(
            "NEW YORK, Dec. 5, 2026 /PRNewswire/ -- " + STORY + "\n\nSOURCE Acme Corp",
            "pr-newswire",
            id="prnewswire_mark",
        ),
        pytest.param(
            "DUBLIN, Dec. 5, 2026 /PRNewswire-HISPANIC PR WIRE/ -- " + STORY,
            "pr-newswire",
            id="prnewswire_mark_service",
        ),
        pytest.param(
            "TORONTO, Dec. 5, 2026 (GLOBE NEWSWIRE) -- " + STORY,
            "globenewswire",
            id="globenewswire_mark",
        ),
        pytest.param(
            "SAN FRANCISCO--(BUSINESS WIRE)--" + STORY, "business-wire", id="businesswire_mark"
        ),
        pytest.param(
            STORY
            + "\n\nView source version on businesswire.com: https://www.businesswire.com/news/home/20261205/en/",
            "business-wire",
            id="businesswire_view_source",
        ),
        pytest.param(
            STORY
            + "\n\nThis report includes material from a news release distributed by PR Newswire.",
            "pr-newswire",
            id="release_distributed_by",
        ),
        pytest.param(STORY + "\n\nSOURCE Acme Corp", "acme", id="issuer_line_without_wire"),
    ],
)
def test_origins_that_are_not_agencies_are_credited(
    client: TestClient, body: str, slug: str
) -> None:
    found = credited_to(client, body)
    assert found is not None
    assert found[0] == slug, found
    assert found[1] >= BAR, found


# --- 2. Look-alikes: nobody is credited ------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(STORY + "\n\nSource: a person familiar with the matter", id="source_person"),
        pytest.param(STORY + "\n\nFuente: elaboración propia", id="fuente_own_work"),
        pytest.param(STORY + "\n\nSource: company filings", id="source_filings"),
        pytest.param(STORY + "\n\nSource: Company filings", id="source_filings_capital"),
        pytest.param(
            STORY
            + "\n\nChart: Mortgage lending by quarter, 2020-2026\nSource: Central Bank of Ireland\n\nThe regulator meets again in March, when most economists expect no change.",
            id="source_under_chart",
        ),
        pytest.param(
            STORY + "\n\nTable: Capital buffers in the euro area\nSource: Banque de France",
            id="source_under_table",
        ),
        pytest.param(
            STORY
            + "\n\nPhoto: the regulator's offices in Dublin.\nSource: Central Bank of Ireland",
            id="source_under_photo",
        ),
        pytest.param(
            STORY + "\n\nSources: Central Bank of Ireland, Eurostat", id="sources_data_list"
        ),
        pytest.param(
            "Acme Corp said on Tuesday that it would cut 200 jobs. In a news release distributed by PR Newswire, the company said the cuts would save $40 million a year.\n\nUnion leaders said they would fight the plan, which they called short-sighted, and asked for talks with the board.",
            id="release_quoted_in_report",
        ),
        pytest.param(
            "PR Newswire, the release distribution service, was sold to a private equity firm on Tuesday for an undisclosed sum, its owner said.\n\nThe sale is expected to close in the first quarter, pending approval by regulators in the United States and Europe.",
            id="story_about_the_wire",
        ),
        pytest.param(
            "The BBC's correspondent was expelled from the country on Tuesday, the foreign ministry said, after a report on the protests.\n\nThe broadcaster said it was seeking an explanation and that its other staff were safe.",
            id="bbc_correspondent_expelled",
        ),
        pytest.param(
            "The BBC licence fee will rise to 180 pounds from April, the government said on Tuesday, in the first increase for two years.\n\nThe broadcaster said the money would protect local radio and the World Service.",
            id="broadcaster_funding",
        ),
        pytest.param(
            STORY + "\n\nEste artigo foi publicado originalmente em inglês.",
            id="pt_originally_in_english",
        ),
        pytest.param(
            STORY + "\n\nCet article a été publié initialement le 3 mars.", id="fr_originally_dated"
        ),
        pytest.param(
            STORY + "\n\nDieser Artikel erschien zuerst im Dezember 2025.", id="de_originally_month"
        ),
        pytest.param(
            "Le ministre a défendu sa tribune samedi. L'article a été publié par RFI vendredi et repris par plusieurs journaux du pays, qui ont salué le ton.",
            id="fr_the_article_of_another",
        ),
        pytest.param(
            "O ministro defendeu a carta no sábado. O texto foi publicado originalmente pela Voz da América em 2019 e voltou a circular nas redes esta semana.",
            id="pt_the_text_of_another",
        ),
        pytest.param(
            "Der Minister verteidigte seinen Gastbeitrag am Samstag. Der Artikel erschien zuerst bei der Deutschen Welle und wurde seither vielfach geteilt.",
            id="de_the_article_of_another",
        ),
        pytest.param(
            "Deutsche Welle said on Tuesday that two of its journalists had been detained in the capital, and called for their release.\n\nThe government did not comment on the arrests, which came a week after the broadcaster reported on the protests.",
            id="dw_as_subject",
        ),
    ],
)
def test_look_alikes_credit_nobody(client: TestClient, body: str) -> None:
    assert credited_to(client, body) is None


def test_chart_source_naming_an_agency_is_no_credit() -> None:
    body = STORY + "\n\nChart: Inflation rate by month, 2024-2026\nSource: Reuters"
    assert decided(body=body) is None
    assert decided(body=STORY + "\n\nQuelle: dpa-Grafik") is None
    # The same line after a sentence of prose still credits the agency.
    assert decided(body="The port reopened.\nSource: ANSA") is not None


def test_wire_mark_outranks_the_issuer_line() -> None:
    """With a release wire's mark the text is the wire's: the issuer's "SOURCE" line is not
    read as a second origin."""
    body = "NEW YORK, Dec. 5, 2026 /PRNewswire/ -- " + STORY + "\n\nSOURCE Acme Corp"
    names = {name for name, _, _ in sources.find(body)}
    assert "PRNewswire" in names
    assert "Acme Corp" not in names


# --- 3. Reports dated before the article's own time ----------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "El Gobierno aprobó el plan, según informó Europa Press el pasado mes de marzo. Los alcaldes lo critican.",
            id="es_pasado_mes",
        ),
        pytest.param(
            "El Gobierno aprobó el plan, según informó Europa Press el año pasado. Los alcaldes lo critican.",
            id="es_ano_pasado",
        ),
        pytest.param(
            "O governo aprovou o plano, segundo informou a Agência Brasil em março do ano passado.",
            id="pt_em_marco",
        ),
        pytest.param(
            "Le gouvernement a approuvé le plan, a rapporté l'AFP l'an dernier.", id="fr_an_dernier"
        ),
        pytest.param(
            "Die Regierung hat den Plan gebilligt, wie die APA im vergangenen Jahr berichtete.",
            id="de_vergangenen_jahr",
        ),
        pytest.param(
            "The government approved the plan, Reuters reported last March.", id="en_last_march"
        ),
        pytest.param(
            "The government approved the plan, Reuters reported in 2019.", id="en_in_2019"
        ),
        pytest.param(
            "El Gobierno aprobó el plan, según informó Europa Press, el pasado mes de marzo.",
            id="es_comma_then_time",
        ),
    ],
)
def test_dated_reports_are_earlier_reports(body: str) -> None:
    found = credits(author=None, body=body)
    assert found
    assert all(credit.earlier for credit in found), found
    result = decided(body=body)
    assert result is None or result[1] < BAR, result


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "El Gobierno aprobó el plan, según informó Europa Press este lunes. Los alcaldes lo critican.",
            id="es_este_lunes",
        ),
        pytest.param(
            "The government approved the plan, Reuters reported on Thursday.", id="en_on_thursday"
        ),
        pytest.param(
            "The government approved the plan, Reuters reported, citing two officials.",
            id="en_citing",
        ),
        pytest.param(
            "The company grew fast, Reuters reported that in 2019 it had 20 staff.",
            id="en_that_in_2019",
        ),
        pytest.param(
            "Prices will rise, Reuters reported, after they fell in March for the first time in a year.",
            id="en_what_was_reported_is_dated",
        ),
        pytest.param(
            "According to Reuters, sales in March rose by 4 percent.",
            id="en_comma_then_other_words",
        ),
        pytest.param(
            "Según Europa Press, en 2019 el número de turistas fue récord.",
            id="es_comma_dates_the_figure",
        ),
    ],
)
def test_reports_of_the_day_stay_credits(body: str) -> None:
    found = credits(author=None, body=body)
    assert found
    assert not any(credit.earlier for credit in found), found


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" lo scorso anno.", True),
        (" l'anno scorso.", True),
        (" nel 2019.", True),
        (" il mese scorso.", True),
        (" lunedì.", False),
        (" em 2019.", True),
        (" há dois anos.", True),
        (" il y a deux ans.", True),
        (" en mars dernier.", True),
        (" vor zwei Jahren.", True),
        (" am Montag.", False),
        (" hace dos años.", True),
        (" este martes.", False),
    ],
)
def test_past_times_in_six_languages(after: str, expected: bool) -> None:
    assert dates.dated(after, 0) is expected
