# ruff: noqa: E501, RUF002, RUF003
"""Credits, pass 17 (docs/matching.md, "Credits, pass 17 (held-out 13's misses, seen)"): a credit
line after a footnote's asterisk ("*Com informações da Agência Brasil"), Japanese papers' "（一部共同）"
(in part Kyodo), the Chinese "資料來源：中央社" (the material's source), and a byline's lower-case
"of" before the outlet ("Camila Boaventura, da Agência Brasil"). With the look-alikes that must
credit nobody."""

import pytest

from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.test_credit_shapes import decided

PT = (
    "A produção brasileira de grãos deve chegar a 351,9 milhões de toneladas, volume 4,1% "
    "superior ao da temporada anterior, segundo a Conab.\n\n"
    "A soja continua sendo o principal produto, com alta de 3,2% em relação à safra passada."
)
ES = (
    "El Gobierno aprobó este martes el plan de vivienda, que prevé 40.000 pisos en alquiler "
    "asequible hasta 2030.\n\nLa medida entrará en vigor el próximo mes de enero."
)
EN = (
    "The storm closed the main road and three schools on Tuesday, officials said.\n\n"
    "Repairs to the bridge will take at least a week, the roads agency added."
)
JA = (
    "北陸新幹線の長野―上越妙高間で架線への送電が止まり、上下線の運転を一時見合わせた。\n\n"
    "約2時間後に再開したが、上下線計38本が最大2時間10分遅れ、約1万8千人に影響した。\n\n"
    "JR東日本によると、停電の影響で飯山駅付近などで4本の列車が駅間に一時停止し、乗客は最大1時間半に"
    "わたり車内に閉じ込められた。体調不良を訴えた乗客はいなかった。\n\n"
    "同社は、長野県飯山市内の変電設備で異常を検知したとみて原因を調べている。当時、現場周辺では雪が"
    "降っていたが、強風は観測されていなかった。\n\n"
    "上越妙高駅の在来線ホームやタクシー乗り場には長い列ができた。金沢方面から帰宅途中だった上越市の"
    "女性（68）は「いつ動くのか分からず、家族に迎えを頼んだ」と話した。"
)
ZH = (
    "強烈大陸冷氣團今天南下，中央氣象署上午發布低溫特報，今晚至明天清晨有攝氏10度以下氣溫發生的機率。\n\n"
    "衛生福利部國民健康署提醒，低溫容易誘發心血管疾病，年長者清晨外出應注意保暖。"
)


@pytest.mark.parametrize(
    ("article", "slug"),
    [
        # A credit line after a footnote's asterisk, in Portuguese, Spanish and English.
        pytest.param(
            {"body": f"{PT}\n\n*Com informações da Agência Brasil"},
            "agencia-brasil",
            id="pt_asterisk",
        ),
        pytest.param(
            {"body": f"{PT}\n\n* Com informações da Lusa"}, "lusa", id="pt_asterisk_space"
        ),
        pytest.param({"body": f"{ES}\n\n**Con información de EFE"}, "efe", id="es_two_asterisks"),
        pytest.param(
            {"body": f"{EN}\n\n*Additional reporting by Reuters"}, "reuters", id="en_asterisk"
        ),
        # Japanese "in part Kyodo" closing the story; the Chinese "material's source".
        pytest.param({"body": f"{JA}\n\n（一部共同）"}, "kyodo", id="ja_partly_kyodo"),
        pytest.param({"body": f"{ZH}\n\n資料來源：中央社"}, "cna", id="zh_hant_material_source"),
        pytest.param({"body": f"{ZH}\n\n资料来源：新华社"}, "xinhua", id="zh_hans_material_source"),
        # A byline's "of" before the outlet.
        pytest.param(
            {"body": PT, "author": "Camila Boaventura, da Agência Brasil"},
            "agencia-brasil",
            id="pt_byline_da",
        ),
        pytest.param(
            {"body": EN, "author": "Jane Doe, of the Associated Press"}, "ap", id="en_byline_of_the"
        ),
        pytest.param(
            {"body": ES, "author": "María López, de la Agencia EFE"}, "efe", id="es_byline_de_la"
        ),
    ],
)
def test_pass17_reads(article: dict[str, str], slug: str) -> None:
    assert_credits(decided(**article), slug)


@pytest.mark.parametrize(
    "article",
    [
        # An asterisk's footnote that is no credit line, and a credit line's words inside a
        # sentence after an asterisk mid-line.
        pytest.param(
            {"body": f"{PT}\n\n*Estagiária sob supervisão de Ana Souza"}, id="pt_asterisk_intern"
        ),
        pytest.param(
            {"body": f"{PT}\n\n*Dados da Conab, divulgados nesta terça-feira"},
            id="pt_asterisk_data",
        ),
        pytest.param(
            {"body": f"{EN} Prices*Additional reporting by Reuters is planned."},
            id="asterisk_mid_line",
        ),
        # "一部" that is not "in part" the agency's story; a picture's source in Chinese.
        pytest.param({"body": f"{JA}\n\n（一部地域）"}, id="ja_partly_region"),
        pytest.param({"body": f"{ZH}\n\n圖片來源：中央社"}, id="zh_picture_source"),
        pytest.param({"body": f"{ZH}\n\n資料照片：中央社"}, id="zh_file_photo"),
        # A byline's "de" that belongs to a name, and "of" before a place or a paper's section.
        pytest.param({"body": EN, "author": "Jan de Vries"}, id="nl_name_de"),
        pytest.param({"body": EN, "author": "Jane Doe, of Philadelphia"}, id="of_place"),
        pytest.param({"body": PT, "author": "Camila Boaventura, da Redação"}, id="pt_newsroom"),
        # Found by the review of this pass: a footnote's source line under a chart, a table or a
        # photo; a list's item after an asterisk; a Chinese chart's source line; a caption
        # closed by "（一部共同）"; a byline's "of" before initials, an organisation or a town.
        pytest.param(
            {"body": f"{EN}\n\nChart: Inflation by month\n\n*Source: Reuters"},
            id="chart_asterisk_source",
        ),
        pytest.param(
            {"body": f"{EN}\n\nTable: Bond yields, per cent\n*Source: Reuters"},
            id="table_asterisk_source",
        ),
        pytest.param(
            {"body": f"{PT}\n\nFoto: colheita de soja em Mato Grosso\n*Fonte: Agência Brasil"},
            id="photo_asterisk_fonte",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nChart: Home prices by month\n\n*Information from The Canadian Press was used in this chart"
            },
            id="chart_asterisk_information",
        ),
        pytest.param(
            {
                "body": f"{EN}\n\nRelated coverage:\n* With reporting from Reuters, EU agrees new sanctions\n* Storm hits coast"
            },
            id="list_item",
        ),
        pytest.param(
            {"body": f"{EN}\n\n*Based on Reuters materials and company data"}, id="asterisk_goes_on"
        ),
        pytest.param(
            {"body": f"{ZH}\n\n圖表：各縣市低溫預報\n資料來源：中央社"}, id="zh_chart_source"
        ),
        pytest.param(
            {"body": f"{ZH}\n\n各縣市最低氣溫一覽\n\n資料來源：中央社"}, id="zh_table_title_source"
        ),
        pytest.param(
            {"body": f"{ZH}\n\n图表：前三季度GDP增速\n资料来源：新华社"}, id="zh_hans_chart_source"
        ),
        pytest.param(
            {"body": f"{JA}\n\n写真は上越妙高駅で列をつくる乗客\n（一部共同）"},
            id="ja_caption_partly_kyodo",
        ),
        pytest.param({"body": f"{JA}\n\n記者会見する首相（一部共同）"}, id="ja_caption_same_line"),
        pytest.param(
            {"body": PT, "author": "Ana Silva, da ANP"}, id="pt_byline_regulator_initials"
        ),
        pytest.param({"body": EN, "author": "Jane Doe, of the PA"}, id="en_byline_of_the_initials"),
        pytest.param({"body": EN, "author": "Ali Rezaei, of Fars"}, id="en_byline_hometown"),
        pytest.param(
            {"body": EN, "author": "Jane Doe, of the Foreign Press Association"},
            id="en_byline_association",
        ),
        pytest.param(
            {"body": EN, "author": "John Smith, of the Associated Press Media Editors"},
            id="en_byline_of_an_association_of_editors",
        ),
        # Seen in the review, credited before this pass: a source line that goes on after the
        # agency's name (the data's source), a byline's picture credit with "de".
        pytest.param(
            {"body": f"{EN}\n\nSource: Reuters poll of 40 economists"}, id="source_line_goes_on"
        ),
        pytest.param({"body": f"{EN}\n\nSource: Reuters calculations"}, id="source_calculations"),
        pytest.param({"body": ES, "author": "Foto de EFE"}, id="byline_foto_de"),
        pytest.param(
            {"body": ES, "author": "Texto de Ana Silva; fotos de EFE"}, id="byline_text_and_photos"
        ),
    ],
)
def test_pass17_look_alikes_credit_nobody(article: dict[str, str]) -> None:
    assert_credits_nobody(decided(**article))
