# ruff: noqa: E501, RUF002  (a table of articles in many scripts, one a line)
"""A fifth pass on credits: the misses the fourth pass left (docs/matching.md, "What is left"),
each with the look-alikes the general rule must not take for a credit.

- Russian "со ссылкой на ТАСС", "ссылаясь на РИА Новости" and Ukrainian "з посиланням на
  Укрінформ" (citing): the agency after it is the source, declined or not ("з посиланням на
  Інтерфакс-Україну"); sources, ministries and people cited so are no agency.
"""

from typing import Any

import pytest

from tests.ingest.test_credit_shapes import assert_credits
from tests.ingest.test_credit_shapes import decided


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
