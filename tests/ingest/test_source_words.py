"""Source lines in every language the credit readers know (app/ingest/credits/source_words.py):
one list of words for the credit line, the non-agency source line and the byline, and agencies
named in scripts without capitals."""

import re

import pytest

from app.ingest.credits import context
from app.ingest.credits import sources
from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.test_credit_shapes import decided

BODY = (
    "The storm closed the main road and three schools on Tuesday, officials said.\n\n"
    "Repairs to the bridge will take at least a week, the roads agency added."
)


@pytest.mark.parametrize(
    ("line", "slug"),
    [
        pytest.param("Nguồn: TTXVN", "vna", id="vi"),
        pytest.param("Chanzo: Reuters", "reuters", id="sw"),
        pytest.param("Iturria: EFE", "efe", id="eu"),
        pytest.param("Mənbə: APA", "apa", id="az"),
        pytest.param("Pinagmulan: PNA", "pna", id="tl"),
        pytest.param("Джерело: Укрінформ", "ukrinform", id="uk"),
        pytest.param("Крыніца: БелТА", "belta", id="be"),
        pytest.param("Източник: БТА", "bta", id="bg"),
        pytest.param("Дереккөз: Kazinform", "kazinform", id="kk"),
        pytest.param("წყარო: Interpressnews", "interpressnews", id="ka_latin_name"),
        pytest.param("წყარო: ინტერპრესნიუსი", "interpressnews", id="ka"),
        pytest.param("ምንጭ፡ ኢዜአ", "ethiopian-news-agency", id="am"),
        pytest.param("(מקור: רויטרס)", "reuters", id="he"),
        pytest.param("ที่มา: รอยเตอร์", "reuters", id="th"),
        pytest.param("ที่มา: Reuters", "reuters", id="th_latin_name"),
        # The words as they were read before, unchanged.
        pytest.param("Quelle: dpa", "dpa", id="de"),
        pytest.param("Źródło: PAP", "pap", id="pl"),
        pytest.param("Kilde: NTB", "ntb", id="no"),
    ],
)
def test_a_source_line_credits_its_agency(line: str, slug: str) -> None:
    assert_credits(decided(body=f"{BODY}\n\n{line}"), slug)


@pytest.mark.parametrize(
    "line",
    [
        # A picture's source, a source named in lower case, a line that goes on after the name.
        pytest.param("Фото: Укрінформ", id="photo"),
        pytest.param("Nguồn: một quan chức giấu tên", id="lower_case_source"),
        pytest.param("წყარო: ინტერპრესნიუსი, სხვა წყაროები", id="goes_on"),
        pytest.param("ምንጭ፡ ኢዜአ ዘገባ እንደሚያመለክተው ዝናቡ ይቀጥላል", id="goes_on_am"),
    ],
)
def test_what_only_looks_like_a_source_line_credits_nobody(line: str) -> None:
    assert_credits_nobody(decided(body=f"{BODY}\n\n{line}"))


def test_a_byline_giving_its_source_names_the_agency() -> None:
    assert_credits(decided(body=BODY, author="Nguồn: TTXVN"), "vna")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param("Source: Central Bank of Ireland", "Central Bank of Ireland", id="en"),
        pytest.param("Chanzo: Wizara ya Afya", "Wizara ya Afya", id="sw"),
        pytest.param("Nguồn: Bộ Giao thông Vận tải", "Bộ Giao thông Vận tải", id="vi"),
    ],
)
def test_a_source_line_naming_no_agency_is_read_from_the_same_words(line: str, name: str) -> None:
    # sources.py: only a stored outlet of that name makes it a credit (outlets.resolve_credits).
    prose = (
        "The storm closed the main road and three schools on Tuesday, officials said, and the "
        "ministry asked residents to stay at home until the water had gone down in the city."
    )
    assert [found[0] for found in sources.find(f"{prose}\n\n{line}")] == [name]


_NO_PICTURE = re.compile(r"(?!)")


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(
            "The storm closed the main road and three schools on Tuesday, officials said.",
            id="en",
        ),
        pytest.param(
            "በአዲስ አበባ ከተማ የጣለው ከባድ ዝናብ ሦስት ዋና ዋና መንገዶችን ለሰዓታት ዘግቶ ነበር፤ "
            "የከተማው አስተዳደር ነዋሪዎች በጥንቃቄ እንዲጓዙ አሳስቧል።",
            id="am",
        ),
        pytest.param(
            "မန္တလေးမြို့တွင် ရေသန့်စင်စက်ရုံသစ်ကို ယနေ့နံနက်တွင် ဖွင့်လှစ်ခဲ့ပြီး အိမ်ထောင်စု ၄၈,၀၀၀ ခန့်ထံ ရေဖြန့်ဖြူးပေးမည် ဖြစ်သည်။",
            id="my",
        ),
        pytest.param(
            "暴雨导致市内三条主要道路封闭数小时，市政府呼吁居民减少出行，并表示抢修工作将持续到本周末，"
            "受影响的学校也已宣布停课两天。",
            id="zh",
        ),
        pytest.param(
            "भारी बारिश के कारण शहर की तीन मुख्य सड़कें कई घंटों तक बंद रहीं और प्रशासन ने "
            "लोगों से घरों में रहने की अपील की।",
            id="hi",
        ),
    ],
)
def test_a_paragraph_of_prose_ends_a_sentence_in_its_own_script(paragraph: str) -> None:
    # One sentence end for every reader (context.SENTENCE_END): a source line after such a
    # paragraph follows prose, not a chart's title.
    assert context.prose(paragraph, _NO_PICTURE)


def test_a_charts_title_is_no_prose() -> None:
    title = "Chart: Consumer prices by month, per cent change on a year earlier, 2024 to 2026"
    assert not context.prose(title, _NO_PICTURE)
