"""Credits, pass 18 (docs/matching.md, "Credits, pass 18 (held-out 14's misses, seen)"): a
source line that goes on in a clause after the name, "Additional reporting from …", an
excerpt's "Read the full story at …", and names with "The" and a number. With the look-alikes
that must credit nobody."""

import pytest
from fastapi.testclient import TestClient

from tests.ingest.credit_support import assert_credits
from tests.ingest.credit_support import assert_credits_nobody
from tests.ingest.credit_support import credited_origin
from tests.ingest.test_credit_shapes import decided

EN = (
    "The storm closed the main road and three schools on Tuesday, officials said.\n\n"
    "Repairs to the bridge will take at least a week, the roads agency added."
)


@pytest.mark.parametrize(
    ("body", "slug"),
    [
        pytest.param(
            f"{EN}\n\nSource: Reuters, article by Jane Doe, republished with permission.",
            "reuters",
            id="source_line_with_a_clause",
        ),
        pytest.param(f"{EN}\n\nAdditional reporting from Reuters", "reuters", id="reporting_from"),
        pytest.param(f"{EN}\n\nRead the full story at Reuters.", "reuters", id="read_full_story"),
        # A person "of" an agency: the agency (no name is read with "of" inside it).
        pytest.param(
            f"{EN}\n\nJane Doe of Reuters contributed to this report.",
            "reuters",
            id="person_of_agency_contributed",
        ),
    ],
)
def test_pass18_reads(body: str, slug: str) -> None:
    assert_credits(decided(body=body), slug)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(f"{EN}\n\nSource: Reuters/Ipsos", id="poll_slash"),
        pytest.param(f"{EN}\n\nSource: Reuters poll of 40 economists", id="poll_noun"),
        pytest.param(
            f"{EN}\n\nRead the full story at Reuters and our live blog for updates.",
            id="read_full_story_goes_on",
        ),
        pytest.param(
            f"{EN}\n\nRead more at Reuters: markets slide as rates rise", id="read_more_link"
        ),
    ],
)
def test_pass18_look_alikes_credit_nobody(body: str) -> None:
    assert_credits_nobody(decided(body=body))


STORY = (
    "Women will make up 34.7% of state legislators next year, a new high, according to a "
    "preliminary count by the Center for American Women and Politics.\n\n"
    "Republican women gained 41 seats and Democratic women 19, the count shows."
)


NEWSROOMS = {
    "the-19th": ("The 19th", "19thnews.org"),
}


@pytest.mark.parametrize(
    ("line", "slug"),
    [
        pytest.param(
            "This story includes reporting from The 19th, an independent newsroom.",
            "the-19th",
            id="the_and_a_number",
        ),
    ],
)
def test_a_stored_newsroom_named_with_a_number(client: TestClient, line: str, slug: str) -> None:
    found = credited_origin(
        client,
        f"{STORY}\n\n{line}",
        stored=NEWSROOMS,
        title="Women's share of state legislators hits a record",
        claim="Women will make up 34.7% of state legislators next year.",
    )
    assert_credits(found, slug)
