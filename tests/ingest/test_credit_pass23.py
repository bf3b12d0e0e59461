"""Credits, pass 23: any outlet credited in Japanese, Korean, Chinese and Thai (unmarked.py),
Indonesian, Malay and Vietnamese frames with a word for the outlet's kind (southeast.py), and
newspapers credited in another script than the one stored (broadcasters.NEWSPAPERS): a
Japanese site's "朝日新聞が報じた" credits a stored "The Asahi Shimbun"."""

import pytest
from fastapi.testclient import TestClient

from app.ingest.credits.reading import credits
from tests.ingest.credit_support import Fields
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_by_local
from tests.ingest.credit_support import store_outlets

STORED: dict[str, Fields] = {
    "asahi": ("The Asahi Shimbun", "asahi.com", "ja", "JP", "newspaper"),
    "chosun": ("The Chosun Ilbo", "chosun.com", "ko", "KR", "newspaper"),
    "scmp": ("South China Morning Post", "scmp.com", "en", "HK", "newspaper"),
    "udn": ("United Daily News", "udn.com", "zh-Hant-TW", "TW", "newspaper"),
    "thai-pbs": ("Thai PBS", "thaipbs.or.th", "th", "TH", "broadcaster"),
    "kompas": ("Kompas.com", "kompas.com", "id", "ID", "online"),
    "malaysiakini": ("Malaysiakini", "malaysiakini.com", "ms", "MY", "online"),
    "tuoi-tre": ("Tuổi Trẻ", "tuoitre.vn", "vi", "VN", "newspaper"),
    "vnexpress": ("VnExpress", "vnexpress.net", "vi", "VN", "online"),
    "nhk": ("NHK", "nhk.or.jp", "ja", "JP", "broadcaster"),
    "hurriyet": ("Hürriyet", "hurriyet.com.tr", "tr", "TR", "newspaper"),
}
TR = "İstanbul'da lodos nedeniyle vapur seferleri iptal edildi ve ağaçlar devrildi."
JA = "東京電力は21日、福島第1原発の処理水の放出を再開したと発表した。"
KO = "서울시는 21일 노후 아파트 안전 점검을 확대하는 새 대책을 발표했다."
ZH = "台北市政府宣布，明年起上調自來水費率，平均漲幅約百分之十二。"
TH = (
    "รัฐบาลประกาศขึ้นค่าไฟฟ้าอีกร้อยละห้าตั้งแต่เดือนมกราคมเป็นต้นไป "
    "โดยการไฟฟ้านครหลวงระบุว่าจะช่วยลดภาระหนี้สะสมของหน่วยงาน"
)
ID = "Pemerintah Provinsi DKI Jakarta menaikkan tarif air bersih mulai Januari."
MS = "Kerajaan negeri menaikkan tarif air domestik sebanyak 20 sen bagi setiap meter padu."
VI = "UBND TP.HCM quyết định tăng giá nước sinh hoạt từ tháng 1 năm sau."


@pytest.mark.parametrize(
    ("body", "language", "slug"),
    [
        # Japanese: the paper's name in kanji, its site's suffix, its descriptor.
        pytest.param(f"{JA}朝日新聞が報じた。", "ja", "asahi", id="ja_hojita"),
        pytest.param(f"{JA}\n\n（朝日新聞デジタル）", "ja", "asahi", id="ja_closing_site"),
        pytest.param(f"{JA}\n\n出典：朝日新聞", "ja", "asahi", id="ja_source_line"),
        pytest.param(
            f"米紙によると、{JA}香港紙サウスチャイナ・モーニング・ポストが伝えた。",
            "ja",
            "scmp",
            id="ja_descriptor",
        ),
        # Korean: the name before its particle.
        pytest.param(f"{KO} 조선일보가 보도했다.", "ko", "chosun", id="ko_bodohaetda"),
        pytest.param(
            f"{KO}\n\n<저작권자 ⓒ 조선일보, 무단 전재 및 재배포 금지>",
            "ko",
            "chosun",
            id="ko_copyright",
        ),
        # Chinese: in title marks, between 据 and 报道, a source line.
        pytest.param(f"据《南华早报》报道，{ZH}", "zh", "scmp", id="zh_title_marks"),
        pytest.param(f"{ZH}\n\n資料來源：聯合報", "zh-Hant-TW", "udn", id="zh_source_line"),
        # Thai: a source line under prose that ends with no full stop.
        pytest.param(f"{TH}\n\nที่มา : ไทยพีบีเอส", "th", "thai-pbs", id="th_source_line"),
        pytest.param(f"{TH}\n\nขอบคุณข้อมูลจาก : Thai PBS", "th", "thai-pbs", id="th_thanks"),
        # Indonesian and Malay: a word for the outlet's kind, a site's own dateline.
        pytest.param(f"{ID} Hal itu dilaporkan harian Kompas.com.", "id", "kompas", id="id_kind"),
        pytest.param(f"JAKARTA, KOMPAS.com - {ID}", "id", "kompas", id="id_place_site_dateline"),
        pytest.param(
            f"{MS[:-1]}, lapor portal berita Malaysiakini.", "ms", "malaysiakini", id="ms_lapor"
        ),
        # Vietnamese: "theo báo", and a closing "(Theo …)" line.
        pytest.param(f"{VI[:-1]}, theo báo Tuổi Trẻ.", "vi", "tuoi-tre", id="vi_theo_bao"),
        pytest.param(f"{VI}\n\n(Theo VnExpress)", "vi", "vnexpress", id="vi_closing_theo"),
        # Lines naming the source: a site's name with Latin words, part of the text quoting
        # a report, additional reporting, a Turkish footer, a link for the source.
        pytest.param(
            f"{JA}\n\n出典：NHK NEWS WEB（2026年12月1日 11時42分配信）",
            "ja",
            "nhk",
            id="ja_source_latin_words",
        ),
        pytest.param(
            f"{JA}\n\n※本記事の一部はNHK NEWS WEBの報道を引用しています。",
            "ja",
            "nhk",
            id="ja_part_quotes",
        ),
        pytest.param(
            f"{MS}\n\nLaporan tambahan: Malaysiakini",
            "ms",
            "malaysiakini",
            id="ms_additional_reporting",
        ),
        pytest.param(
            f"{TR}\n\nBu haberde Hürriyet'ten yararlanılmıştır.", "tr", "hurriyet", id="tr_drew_on"
        ),
        pytest.param(
            f"{VI}\n\nNguồn: https://tuoitre.vn/gia-nuoc-tang-2026120312.htm",
            "vi",
            "tuoi-tre",
            id="vi_source_link",
        ),
    ],
)
def test_an_outlet_credited_in_east_and_southeast_asian_forms(
    client: TestClient, body: str, language: str, slug: str
) -> None:
    store_outlets(client, STORED)
    assert_credits(credited_by_local(client, body, language=language), slug)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # Someone answering the paper's questions, an earlier report, a picture's credit.
        pytest.param(f"{JA}担当者は朝日新聞の取材に対し「安全だ」と述べた。", "ja", id="ja_told"),
        pytest.param(
            f"{JA}朝日新聞が昨年報じたように、費用は膨らんでいる。", "ja", id="ja_last_year"
        ),
        pytest.param(
            f"{JA}\n\n写真：放出を再開した処理水タンク（朝日新聞社提供）", "ja", id="ja_photo"
        ),
        pytest.param(
            f"{KO} 시장은 조선일보와의 인터뷰에서 이같이 말했다.", "ko", id="ko_interview"
        ),
        pytest.param(
            f"{ID} Menurut Kompas.com beberapa tahun lalu, tarif sempat turun.",
            "id",
            id="id_years_ago",
        ),
        pytest.param(
            f"{VI} Theo báo Tuổi Trẻ năm ngoái, giá nước đã tăng.", "vi", id="vi_last_year"
        ),
        # A photo's credit in a dateline's brackets (held-out 13's 15011-5).
        pytest.param(f"{KO}\n\n[사진=조선일보]\n\n시장은 21일 이같이 밝혔다.", "ko", id="ko_photo"),
        # A name that is no stored outlet.
        pytest.param(f"{JA}政府関係者によると、費用は100億円に上る。", "ja", id="ja_officials"),
    ],
)
def test_what_only_looks_like_such_a_credit_credits_nobody(
    client: TestClient, body: str, language: str
) -> None:
    store_outlets(client, STORED)
    assert_credits_nobody(credited_by_local(client, body, language=language))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("NHKによると、死者は10人に上った。", "NHK"),
        ("英BBCによると、死者は10人に上った。", "BBC"),
        ("日本経済新聞の報道によると、費用は100億円に上る。", "日本経済新聞"),
        ("政府宣布上調電價，聯合報報導。", "聯合報"),
        ("《联合报》报导指出，死者已达10人。", "联合报"),
        ("Chính phủ tăng giá điện, tờ Thanh Niên đưa tin.", "Thanh Niên"),
        ("Kerajaan menaikkan tarif air, menurut laporan akhbar Berita Harian.", "Berita Harian"),
    ],
)
def test_the_name_is_cut_out_by_the_words_around_it(body: str, name: str) -> None:
    assert name in [credit.name for credit in credits(author=None, body=body)]
