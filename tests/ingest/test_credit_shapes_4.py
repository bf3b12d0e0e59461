# ruff: noqa: E501  (a table of articles, one a line)
"""A fourth pass on credits: the misses the third pass left (docs/matching.md, "What is left"),
each with the look-alikes the general rule must not take for a credit.

- Two agencies in one credit: "(dpa/AFP)", "(Reuters/AP)", "(ANSA-AFP)", "Mit Material von AFP
  und dpa", "(Con información de Reuters y AP)", "With reporting by Reuters and AP", a last line
  "AFP, Reuters". Every agency named becomes a credit; the article counts under the first named
  (the lead agency) at the credit's own confidence, and the reason says it also credits the
  others (two agencies named in one credit are no rivals: the article is a copy either way).
  An editor's initials after a slash ("(dpa/mrr)", "AFP/lh") are no second agency.
- Agency names declined as Slavic languages decline them: Ukrainian "за даними Укрінформу",
  Russian "по данным Интерфакса", Polish "za PAP-em", "według Reutersa"; after a verb of
  saying, a declined name is the one told ("повідомив Укрінформу": told Ukrinform).
- Croatian "javlja Hina" and "prenosi Hina": the reporting verb vouches for a name the table
  holds only in capitals (a person named Hina is not credited).
- Brazil's agencies: Estadão Conteúdo, Folhapress, Agência Brasil (and their photo credits,
  which are not the story's).
- A wire's last line in the present tense of a weekday ("Talks resume on Wednesday. (AFP)") is
  no photo caption: a caption says where the picture was taken.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core import agencies
from app.ingest import credited
from app.ingest.fingerprints import credits
from app.tables import Outlet
from app.tables import OutletKind
from tests.ingest.test_credit_shapes import BAR
from tests.ingest.test_credit_shapes import assert_credits
from tests.ingest.test_credit_shapes import decided
from tests.ingest.test_credited import AP_STORY
from tests.ingest.test_credited import paper

STORY = "The finance ministry said on Monday that the budget deficit narrowed to 2.1 percent of output last year. Tax receipts rose faster than expected, officials said. Opposition lawmakers questioned the figures. Parliament will debate the numbers next week."
DE = "Die Bundesregierung hat am Mittwoch ein Entlastungspaket für Familien beschlossen. Das Kindergeld steigt um zehn Euro. Die Opposition sprach von einem Tropfen auf den heißen Stein."
ES = "El Banco Central Europeo ha decidido este jueves mantener los tipos de interés en el 2 %. La presidenta ha explicado que la inflación se mantiene cerca del objetivo. Los analistas esperaban la decisión."
PT = "O governo anunciou nesta segunda-feira um novo pacote de investimentos em infraestrutura. Serão 50 bilhões de reais em cinco anos. A oposição criticou o plano."


def agency_keys(article: dict[str, Any]) -> list[str]:
    """The agencies an article's credits name, in their order, each once."""
    found = credits(
        author=article.get("author"), body=article.get("body"), title=article.get("title")
    )
    slugs = [agency.slug for credit in found if (agency := agencies.by_key(credit.key)) is not None]
    return list(dict.fromkeys(slugs))


@pytest.mark.parametrize(
    ("article", "named"),
    [
        # A slash or a hyphen between two agencies in a dateline's or a closing bracket.
        pytest.param({"body": "BERLIN (dpa/AFP) - " + DE}, ["dpa", "afp"], id="dpa_afp_dateline"),
        pytest.param({"body": "PARIS (AFP/dpa) - " + STORY}, ["afp", "dpa"], id="afp_dpa_dateline"),
        pytest.param({"body": "WASHINGTON (Reuters/AP) - " + STORY}, ["reuters", "ap"], id="reuters_ap_dateline"),
        pytest.param({"body": "ROMA (ANSA-AFP) - Il governo ha approvato il bilancio. La spesa per la difesa salirà al 2 per cento. L'opposizione protesta."}, ["ansa", "afp"], id="ansa_afp_hyphen_dateline"),
        pytest.param({"body": DE + " (AFP/dpa)"}, ["afp", "dpa"], id="afp_dpa_closing"),
        pytest.param({"body": "BERLIN (dpa/AFP/mrr) - " + DE}, ["dpa", "afp"], id="dpa_afp_then_initials"),
        # Credit lines naming two agencies.
        pytest.param({"body": DE + "\n\nMit Material von AFP und dpa"}, ["afp", "dpa"], id="mit_material_von_afp_und_dpa"),
        pytest.param({"body": ES + "\n\n(Con información de Reuters y AP)"}, ["reuters", "ap"], id="con_informacion_reuters_y_ap"),
        pytest.param({"body": STORY + "\n\nWith reporting by Reuters and AP"}, ["reuters", "ap"], id="with_reporting_by_two"),
        pytest.param({"body": STORY + "\n\nAdditional reporting by Reuters, AFP and AP"}, ["reuters", "afp", "ap"], id="additional_reporting_three"),
        # A sign-off of two agencies on the last line.
        pytest.param({"body": STORY + "\n\nAFP, Reuters"}, ["afp", "reuters"], id="afp_reuters_sign_off"),
        pytest.param({"body": STORY + "\n\n— AFP/Reuters"}, ["afp", "reuters"], id="dash_afp_slash_reuters_sign_off"),
    ],
)  # fmt: skip
def test_two_agencies_in_one_credit_are_both_named_and_the_first_leads(
    article: dict[str, Any], named: list[str]
) -> None:
    assert agency_keys(article) == named
    assert_credits(article, named[0])


@pytest.mark.parametrize(
    ("article", "named"),
    [
        # An editor's initials after the agency, lower case: no second agency.
        pytest.param({"body": "BERLIN (dpa/mrr) - " + DE}, ["dpa"], id="dpa_editor_initials"),
        pytest.param({"body": DE + " (dpa/lh)"}, ["dpa"], id="dpa_editor_initials_closing"),
        pytest.param({"body": STORY + "\n\nAFP/lh"}, ["afp"], id="afp_editor_initials_sign_off"),
        pytest.param({"body": "PARIS (AFP/ap) - " + STORY}, ["afp"], id="lower_case_ap_is_initials"),
        # Agencies the text talks about, not credits.
        pytest.param({"body": "AFP and Reuters signed a content-sharing deal on Monday. The agreement covers video and photos. Financial terms were not disclosed. Both agencies said it would start in June."}, [], id="two_agencies_as_subject"),
        pytest.param({"body": STORY + "\n\n\"I read it in AFP, Reuters and the BBC,\" she said."}, [], id="agencies_in_a_quote_last_line"),
        pytest.param({"body": "A survey by the Associated Press-NORC Center for Public Affairs Research (AP-NORC) found most adults worry about prices. " + STORY}, [], id="ap_norc_survey"),
        pytest.param({"body": STORY + " According to a Reuters/Ipsos poll, 38% approve."}, [], id="reuters_ipsos_poll"),
        pytest.param({"body": STORY + "\n\nHe was praised for reporting by Reuters and AP on the war."}, [], id="reporting_by_mid_sentence"),
    ],
)  # fmt: skip
def test_initials_and_agencies_talked_about_name_no_second_agency(
    article: dict[str, Any], named: list[str]
) -> None:
    assert agency_keys(article) == named


def _outlet(number: int, slug: str) -> Outlet:
    agency = agencies.by_key(slug)
    assert agency is not None
    return Outlet(id=number, slug=agency.slug, name=agency.name, kind=OutletKind.wire_agency)


def _decide(body: str) -> credited.CreditDecision:
    found = credits(author=None, body=body)
    # AFP stored before dpa: the lead wins by being named first, not by its id.
    ids = {"afp": 1, "reuters": 2, "ap": 3, "dpa": 4}
    resolved = [
        (credit, _outlet(ids[agency.slug], agency.slug))
        for credit in found
        if (agency := agencies.by_key(credit.key)) is not None
    ]
    decision = credited.decide(resolved)
    assert decision is not None
    return decision


def test_a_joint_credit_counts_under_the_first_named_at_full_confidence() -> None:
    """ "(dpa/AFP)": dpa leads (named first), AFP is named in the reason, and the two are not
    rivals that make the decision ambiguous (each alone is a dateline: 0.95)."""
    decision = _decide("BERLIN (dpa/AFP) - " + DE)
    assert (decision.outlet.slug, decision.confidence) == ("dpa", 0.95)
    assert decision.evidence == "(dpa/AFP)"
    assert "also credits Agence France-Presse in the same credit" in decision.reason
    decision = _decide(DE + "\n\nMit Material von AFP und dpa")
    assert (decision.outlet.slug, decision.confidence) == ("afp", 0.9)
    assert "also credits Deutsche Presse-Agentur in the same credit" in decision.reason


def test_two_agencies_credited_apart_are_still_rivals() -> None:
    """A dateline of one agency and a closing credit of another are two credits: the article
    may be a blend, and the decision stays ambiguous (below the bar, for review)."""
    decision = _decide("BERLIN (dpa) - " + DE + " (AFP)")
    assert decision.confidence < BAR
    assert "also credits" in decision.reason
    assert "in the same credit" not in decision.reason


@pytest.mark.parametrize(
    ("article", "yields"),
    [
        # Brazil's agencies, and Portugal's.
        pytest.param({"title": "Governo anuncia pacote", "body": PT + "\n\nCom informações do Estadão Conteúdo"}, "estadao-conteudo", id="com_informacoes_estadao_conteudo"),
        pytest.param({"title": "Governo anuncia pacote", "body": PT + "\n\nCom Estadão Conteúdo"}, "estadao-conteudo", id="com_estadao_conteudo"),
        pytest.param({"title": "Governo anuncia pacote", "body": "SÃO PAULO, SP (FOLHAPRESS) - " + PT}, "folhapress", id="folhapress_dateline"),
        pytest.param({"title": "Governo anuncia pacote", "body": PT + " (Folhapress)"}, "folhapress", id="folhapress_closing"),
        pytest.param({"title": "Governo anuncia pacote", "body": PT + "\n\nCom informações da Agência Brasil"}, "agencia-brasil", id="com_informacoes_agencia_brasil"),
        pytest.param({"title": "Governo anuncia pacote", "body": "Lisboa, 3 mar 2025 (Lusa) - " + PT}, "lusa", id="lusa_dateline"),
        # Their photo credits, and the paper Estadão (not its agency).
        pytest.param({"title": "Governo anuncia pacote", "body": PT + "\n\nFoto: Zanone Fraissat/Folhapress"}, None, id="folhapress_photo_credit"),
        pytest.param({"title": "Governo anuncia pacote", "body": PT + "\n\nFoto: Marcelo Camargo/Agência Brasil"}, None, id="agencia_brasil_photo_credit"),
        pytest.param({"title": "Governo anuncia pacote", "body": "Segundo o Estadão, o governo anunciou um novo pacote. Serão 50 bilhões de reais em cinco anos. A oposição criticou o plano."}, None, id="segundo_o_estadao_the_paper"),
    ],
)  # fmt: skip
def test_brazil_s_agencies(article: dict[str, Any], yields: str | None) -> None:
    if yields is None:
        assert decided(**article) is None
    else:
        assert_credits(article, yields)


def test_a_joint_dateline_through_ingest_counts_the_paper_under_the_lead_agency(
    client: TestClient,
) -> None:
    """Through ingest, on both databases: a paper's "(dpa/AFP)" story is dpa's copy (one
    credited origin, above the bar, nothing queued) and the stored reason names AFP too."""
    shown = client.post(
        "/v1/ingest", json=paper("berlin-courier", 1, body="BERLIN (dpa/AFP) - " + AP_STORY)
    ).json()
    origin = shown["credited_origin"]
    assert origin["outlet"]["slug"] == "dpa"
    assert origin["evidence"] == "(dpa/AFP)"
    assert "also credits Agence France-Presse" in origin["reason"]
    assert client.get("/v1/review", params={"kind": "credited_origin"}).json()["items"] == []
