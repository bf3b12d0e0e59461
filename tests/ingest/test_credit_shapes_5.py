# ruff: noqa: E501, RUF002  (a table of articles in many scripts, one a line)
"""A fifth pass on credits: the misses the fourth pass left (docs/matching.md, "What is left"),
each with the look-alikes the general rule must not take for a credit.

- Russian "со ссылкой на ТАСС", "ссылаясь на РИА Новости" and Ukrainian "з посиланням на
  Укрінформ" (citing): the agency after it is the source, declined or not ("з посиланням на
  Інтерфакс-Україну"); sources, ministries and people cited so are no agency.
- A German desk's sign-off, the editor's initials before the agencies: "ssu/dpa/AFP",
  "(ssu/dpa)", "kna/dpa", and "(dpa-AFP)"; Reuters as "rtr" ("(rtr)", "dpa/rtr") where a desk
  signs, not elsewhere; initials alone, a photographer's credit and "und/oder" sign nothing.
- Croatian and Serbian declensions of names the table holds in capitals only, in a report's
  frame: "prema pisanju Hine", "prema izvješću Tanjuga", "prema navodima agencije Hina"; the one
  told: "izjavio je za Hinu"; not "prema Hini" (towards), "prema navodima Hine" (a person's
  claims) nor "rekao je za Hinu" (said of Hina).
"""

from typing import Any

import pytest

from app.ingest.credits import credited
from tests.ingest.test_credit_shapes import assert_credits
from tests.ingest.test_credit_shapes import decided
from tests.ingest.test_credit_shapes_4 import DE
from tests.ingest.test_credit_shapes_4 import agency_keys

TOLD = credited.CONFIDENCE["told_agency"]


@pytest.mark.parametrize(
    ("article", "yields"),
    [
        pytest.param({"title": "Рейсы отменены", "body": "Более 40 рейсов отменены в Шереметьеве из-за снегопада, сообщает РБК со ссылкой на Интерфакс. Пассажиров переводят на другие рейсы. Аэропорт работает в штатном режиме."}, "interfax", id="soobshchaet_rbk_so_ssylkoi_na_interfaks_ru"),
        pytest.param({"title": "Задержан подозреваемый", "body": "В Москве задержан подозреваемый в поджоге автомобилей, пишет «Коммерсантъ» со ссылкой на ТАСС. Возбуждено уголовное дело. Ему грозит до пяти лет."}, "tass", id="so_ssylkoi_na_tass_ru"),
        pytest.param({"title": "Ставка повышена", "body": "Банк России повысил ключевую ставку до 18%, пишут «Ведомости», ссылаясь на РИА Новости. Аналитики ждали решения. Рубль укрепился."}, "ria-novosti", id="ssylayas_na_ria_novosti_ru"),
        pytest.param({"title": "Ціни на пальне", "body": "Ціни на пальне зросли за тиждень на 1,2%, повідомляє «Економічна правда» з посиланням на Укрінформ. Найбільше подорожчав дизель. Аналітики очікують стабілізації."}, "ukrinform", id="z_posylanniam_na_ukrinform_uk"),
        pytest.param({"title": "Ціни на пальне", "body": "Ціни на пальне зросли за тиждень на 1,2%, повідомляє видання з посиланням на «Інтерфакс-Україна». Найбільше подорожчав дизель. Аналітики очікують стабілізації."}, "interfax-ukraine", id="z_posylanniam_na_interfax_ukraina_uk"),
        pytest.param({"title": "Ціни на пальне", "body": "Ціни на пальне зросли за тиждень на 1,2%, пише видання з посиланням на Інтерфакс-Україну. Найбільше подорожчав дизель. Аналітики очікують стабілізації."}, "interfax-ukraine", id="z_posylanniam_na_interfax_ukrainu_declined_uk"),
    ],
)  # fmt: skip
def test_citing_in_russian_and_ukrainian_credits_the_agency(
    article: dict[str, Any], yields: str
) -> None:
    assert_credits(article, yields)


@pytest.mark.parametrize(
    "article",
    [
        pytest.param({"title": "Рейсы отменены", "body": "Более 40 рейсов отменены в Шереметьеве, пишет газета со ссылкой на источники. Пассажиров переводят на другие рейсы. Аэропорт работает в штатном режиме."}, id="so_ssylkoi_na_istochniki_ru"),
        pytest.param({"title": "Удар по складу", "body": "Ночью был уничтожен склад боеприпасов, сообщило издание со ссылкой на Министерство обороны. Потерь нет. Расследование продолжается."}, id="so_ssylkoi_na_ministerstvo_ru"),
        pytest.param({"title": "Суд отклонил иск", "body": "Ссылаясь на Конституцию, суд отклонил иск. Истец намерен обжаловать решение. Заседание длилось три часа."}, id="ssylayas_na_konstitutsiyu_ru"),
        pytest.param({"title": "Заява міністра", "body": "Міністр заявив про нові санкції, пише видання з посиланням на джерела. Рішення ухвалять наступного тижня. Опозиція критикує план."}, id="z_posylanniam_na_dzherela_uk"),
        pytest.param({"title": "Заява міністра", "body": "Рішення ухвалять наступного тижня, пише видання з посиланням на Зеленського. Опозиція критикує план. Дебати триватимуть."}, id="z_posylanniam_na_person_uk"),
    ],
)  # fmt: skip
def test_citing_sources_ministries_and_people_credits_no_agency(article: dict[str, Any]) -> None:
    assert decided(**article) is None


@pytest.mark.parametrize(
    ("article", "named"),
    [
        # The editor's initials, then the agencies, on the last line or closing the last sentence.
        pytest.param({"body": DE + "\n\nssu/dpa/AFP"}, ["dpa", "afp"], id="ssu_dpa_afp_last_line"),
        pytest.param({"body": DE + " (ssu/dpa)"}, ["dpa"], id="ssu_dpa_closing_bracket"),
        pytest.param({"body": DE + "\n\nkna/dpa"}, ["dpa"], id="kna_dpa_last_line"),
        pytest.param({"body": DE + "\n\njok/Reuters"}, ["reuters"], id="jok_reuters_last_line"),
        pytest.param({"body": DE + "\n\nmes/AFP/dpa"}, ["afp", "dpa"], id="mes_afp_dpa_last_line"),
        # The initials after the agency, on a bare last line (in a bracket that was read before).
        pytest.param({"body": DE + "\n\ndpa/ssu"}, ["dpa"], id="dpa_ssu_last_line"),
        pytest.param({"body": DE + " (dpa/rtr)"}, ["dpa", "reuters"], id="dpa_rtr_closing_bracket"),
        # "rtr" after an agency and a slash in its bracket is the same desk's sign.
        pytest.param({"body": "BERLIN (dpa/rtr) - " + DE}, ["dpa", "reuters"], id="dpa_rtr_dateline_bracket"),
        # A lower-case agency joined by a hyphen to another.
        pytest.param({"body": "BERLIN (dpa-AFP) - " + DE}, ["dpa", "afp"], id="dpa_hyphen_afp_dateline"),
        pytest.param({"body": DE + " (dpa-AFP)"}, ["dpa", "afp"], id="dpa_hyphen_afp_closing"),
        # "rtr": Reuters where a desk signs.
        pytest.param({"body": DE + "\n\nrtr"}, ["reuters"], id="rtr_last_line"),
        pytest.param({"body": DE + " (rtr)"}, ["reuters"], id="rtr_closing_bracket"),
        pytest.param({"body": DE + "\n\ndpa/rtr"}, ["dpa", "reuters"], id="dpa_rtr_last_line"),
        pytest.param({"body": DE + "\n\nfek/rtr"}, ["reuters"], id="fek_rtr_last_line"),
    ],
)  # fmt: skip
def test_a_german_desk_s_sign_off_credits_its_agencies(
    article: dict[str, Any], named: list[str]
) -> None:
    assert agency_keys(article) == named
    assert_credits(article, named[0])


@pytest.mark.parametrize(
    "article",
    [
        pytest.param({"body": DE + "\n\nssu"}, id="initials_alone"),
        pytest.param({"body": DE + "\n\nssu/mrr"}, id="two_desks_initials"),
        pytest.param({"body": DE + "\n\nund/oder"}, id="und_oder"),
        pytest.param({"body": DE + "\n\nimago/dpa"}, id="imago_dpa_photo_credit"),
        pytest.param({"body": DE + "\n\nFoto: Michael Kappeler/dpa"}, id="foto_photographer_dpa"),
        pytest.param({"body": DE + " (Kappeler/dpa)"}, id="photographer_dpa_bracket"),
        # "rtr" elsewhere than a desk's sign-off.
        pytest.param({"body": "Der Schweizer Sender rtr berichtete am Montag live aus Chur. " + DE}, id="rtr_mid_text"),
        pytest.param({"body": DE + " Das Kürzel (rtr) steht für den rätoromanischen Rundfunk."}, id="rtr_bracket_mid_sentence"),
        pytest.param({"body": DE + "\n\nMehr dazu unter rtr"}, id="rtr_ending_a_phrase"),
        pytest.param({"body": "BERLIN (Meier/rtr) - " + DE}, id="name_slash_rtr_bracket"),
    ],
)  # fmt: skip
def test_initials_photo_credits_and_rtr_elsewhere_sign_nothing(article: dict[str, Any]) -> None:
    assert agency_keys(article) == []
    assert decided(**article) is None


@pytest.mark.parametrize(
    ("article", "yields"),
    [
        pytest.param({"title": "Vlada usvojila proračun", "body": "Vlada je u četvrtak usvojila prijedlog proračuna za sljedeću godinu, prema pisanju Hine. Deficit će iznositi 2,5 posto. Sabor o proračunu raspravlja idući tjedan."}, ("hina", 0.8), id="prema_pisanju_hine_hr"),
        pytest.param({"title": "Potres kod Petrinje", "body": "Prema izvješću Hine, potres magnitude 4,1 pogodio je u noći područje Petrinje. Nema izvješća o šteti. Seizmolozi upozoravaju na moguće naknadne potrese."}, ("hina", 0.8), id="prema_izvjescu_hine_hr"),
        pytest.param({"title": "Vlada usvojila proračun", "body": "Prema navodima agencije Hina, Vlada je usvojila prijedlog proračuna. Deficit će iznositi 2,5 posto. Sabor raspravlja idući tjedan."}, ("hina", 0.8), id="prema_navodima_agencije_hina_hr"),
        pytest.param({"title": "Usvojen budžet", "body": "Skupština Srbije usvojila je budžet za narednu godinu, prema pisanju Tanjuga. Deficit će biti 2,2 odsto. Opozicija je glasala protiv."}, ("tanjug", 0.8), id="prema_pisanju_tanjuga_sr"),
        pytest.param({"title": "Usvojen budžet", "body": "Skupština Srbije usvojila je budžet za narednu godinu, prenosi Tanjug. Deficit će biti 2,2 odsto. Opozicija je glasala protiv."}, ("tanjug", 0.8), id="prenosi_tanjug_sr"),
        # The one told: a proposal below the bar, as "told Reuters" is.
        pytest.param({"title": "Ministar o proračunu", "body": "Deficit će iznositi 2,5 posto, izjavio je za Hinu ministar financija. Sabor o proračunu raspravlja idući tjedan. Oporba traži izmjene."}, ("hina", TOLD), id="izjavio_je_za_hinu_told_hr"),
        pytest.param({"title": "Ministar o budžetu", "body": "Ministar finansija izjavio je za Tanjug da će deficit biti 2,2 odsto. Opozicija je glasala protiv. Budžet stupa na snagu u januaru."}, ("tanjug", TOLD), id="izjavio_je_za_tanjug_told_sr"),
        # Look-alikes: towards Hina, a person's claims, said of Hina, flowers for Hina.
        pytest.param({"title": "Susret", "body": "Okrenuo se prema Hini i nasmiješio se. Razgovarali su do kasno u noć. Sutradan su otputovali."}, None, id="prema_hini_towards_hr"),
        pytest.param({"title": "Studentica osvojila nagradu", "body": "Prema navodima Hine, studentice iz Zagreba, nagrada je bila iznenađenje. Natjecanje je održano u Splitu. Sljedeće je za godinu dana."}, None, id="prema_navodima_hine_person_hr"),
        pytest.param({"title": "Studentica osvojila nagradu", "body": "Profesor je rekao za Hinu da je najbolja studentica na godini. Natjecanje je održano u Splitu. Sljedeće je za godinu dana."}, None, id="rekao_je_za_hinu_said_of_hr"),
        pytest.param({"title": "Rođendan", "body": "Kupio je cvijeće za Hinu i otišao na zabavu. Slavlje je trajalo do jutra. Gosti su bili zadovoljni."}, None, id="cvijece_za_hinu_hr"),
        pytest.param({"title": "Promet", "body": "Kolona vozila kretala se prema Zagrebu satima. Prema pisanju Jutarnjeg lista, gužva je trajala do večeri. Policija je regulirala promet."}, None, id="prema_zagrebu_and_a_paper_hr"),
    ],
)  # fmt: skip
def test_croatian_and_serbian_declined_names_in_a_report_s_frame(
    article: dict[str, Any], yields: Any
) -> None:
    assert decided(**article) == yields
