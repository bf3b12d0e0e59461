# ruff: noqa: E501
"""Look-alikes of the pass-8 readings a red-team review found (docs/matching.md, "Credits,
pass 8: review"): capitals Romanian, Portuguese and Spanish news give their own public bodies
after a reporting verb ("anunță ANI", "refere a APA"), and "STT:n mukaan" in a story about the
agency's own strike; with the forms the review found missed ("kertoo portugalilainen
uutistoimisto Lusa")."""

import pytest

from tests.ingest.test_credit_pass8 import FI
from tests.ingest.test_credit_pass8 import PT
from tests.ingest.test_credit_pass8 import RO
from tests.ingest.test_credit_pass8 import _credited
from tests.ingest.test_credit_pass8 import _not_counted


@pytest.mark.parametrize(
    "body",
    [
        # Romania's National Integrity Agency (ANI), not India's ANI.
        pytest.param(
            "Fostul primar se află în conflict de interese, anunță ANI. " + RO, id="ro_anunta_ani"
        ),
        pytest.param(
            "Fostul primar se află în conflict de interese, a anunțat ANI. " + RO,
            id="ro_a_anuntat_ani",
        ),
        pytest.param(
            "Fostul primar se află în conflict de interese, potrivit agenției ANI. " + RO,
            id="ro_potrivit_agentiei_ani",
        ),
        # The broadcasting council (CNA), not Taiwan's Central News Agency.
        pytest.param(
            "Postul a primit o amendă de 10.000 de lei, anunță CNA. " + RO, id="ro_cna_council"
        ),
        # The prison service (ANP), not the Dutch ANP.
        pytest.param("Deținutul a fost transferat, precizează ANP. " + RO, id="ro_anp_prisons"),
        # The waters ministry (MAP), not Maghreb Arabe Presse.
        pytest.param("Proiectul a fost aprobat, anunță MAP. " + RO, id="ro_map_ministry"),
        pytest.param("Licitația a fost anulată, precizează BNA. " + RO, id="ro_bna"),
        # Portugal's environment agency (APA), not the Austria Presse Agentur.
        pytest.param("O caudal do rio Tejo baixou, refere a APA. " + PT, id="pt_refere_a_apa"),
        # Colombia's infrastructure agency (ANI).
        pytest.param(
            "Las autoridades confirmaron el cierre. La vía al Llano seguirá cerrada, informó la agencia nacional ANI. "
            * 2,
            id="es_agencia_nacional_ani",
        ),
        # A story about STT itself: its journalists' strike.
        pytest.param(
            "STT:n toimittajat aloittivat maanantaina lakon. STT:n mukaan lakko jatkuu ainakin viikon. "
            + FI,
            id="fi_stt_own_strike",
        ),
        pytest.param(
            "STT:n toimitusjohtaja vaihtuu. STT:n mukaan uusi johtaja aloittaa maaliskuussa. " + FI,
            id="fi_stt_own_chief",
        ),
    ],
)
def test_not_credited(body: str) -> None:
    assert _not_counted({"body": body})


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        pytest.param(
            "Asiasta kertoo portugalilainen uutistoimisto Lusa. " + FI,
            "lusa",
            id="fi_kertoo_nationality_lusa",
        ),
        pytest.param(
            "Brittiläisen uutistoimisto Reutersin mukaan neuvottelut jatkuvat. " + FI,
            "reuters",
            id="fi_nationality_genitive",
        ),
        pytest.param(
            "Hallitus esittää veronkorotuksia, STT:n mukaan. " + FI, "stt", id="fi_stt_still"
        ),
        pytest.param(
            "STT:n haastattelema ekonomisti arvioi korkojen laskevan. STT:n mukaan päätös tulee torstaina. "
            + FI,
            "stt",
            id="fi_stt_interview_still",
        ),
        pytest.param(
            "Fostul primar a fost trimis în judecată, anunță agenția de presă ANI. " + RO,
            "ani",
            id="ro_news_agency_ani",
        ),
        pytest.param(
            "Parlamentul a adoptat legea, relatează Moldpres. " + RO,
            "moldpres",
            id="ro_moldpres_still",
        ),
        pytest.param(
            "Parlamentul a adoptat legea, anunță AGERPRES. " + RO,
            "agerpres",
            id="ro_agerpres_capitals_still",
        ),
    ],
)
def test_still_credited(body: str, agency: str) -> None:
    assert _credited({"body": body}, agency)
