"""How coverage grew: cumulative outlets and origins per hour, day or week."""

from datetime import datetime
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from app.corroboration.live import bucket_start
from app.corroboration.models import Bucket
from tests.assertions import DEFAULT_METHOD
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


@pytest.fixture
def claim_id(factory: Factory) -> int:
    """T0 is Thursday 2025-05-29 09:00 UTC. A wire story, two copies, an independent report."""
    claim = factory.claim()
    wire, paper, other = factory.outlet(), factory.outlet(), factory.outlet()
    story = factory.article(wire, published_at=at(0))
    copy = factory.article(paper, published_at=at(0.5))
    late_copy = factory.article(paper, published_at=at(26))
    independent = factory.article(other, published_at=at(27))
    factory.link(copy, story, "syndicates", "wire copy")
    factory.link(late_copy, story, "cites")
    for article in (story, copy, late_copy, independent):
        factory.attribute(claim, article)
    factory.attribute(claim, factory.article(other, published_at=at(3)), stance="disputes")
    return claim.id  # type: ignore[return-value]


def test_daily_timeline_is_cumulative_and_marks_the_first_report(
    client: TestClient, claim_id: int
) -> None:
    body = client.get(f"/v1/claims/{claim_id}/timeline", params={"bucket": "day"}).json()
    assert body["bucket"] == "day"
    assert body["method"] == DEFAULT_METHOD
    assert body["first_reported"]["at"] == "2025-05-29T09:00:00Z"
    rows = [
        (
            p["start"],
            p["end"],
            p["articles"],
            p["cumulative_articles"],
            p["cumulative_outlets"],
            p["cumulative_independent_origins"],
            p["first_report"],
        )
        for p in body["points"]
    ]
    assert rows == [
        ("2025-05-29T00:00:00Z", "2025-05-30T00:00:00Z", 2, 2, 2, 1, True),
        ("2025-05-30T00:00:00Z", "2025-05-31T00:00:00Z", 2, 4, 3, 2, False),
    ]
    assert [len(p["new_outlets"]) for p in body["points"]] == [2, 1]


def test_hourly_timeline_and_default_bucket(client: TestClient, claim_id: int) -> None:
    hourly = client.get(f"/v1/claims/{claim_id}/timeline", params={"bucket": "hour"}).json()
    assert [(p["start"][11:16], p["cumulative_outlets"]) for p in hourly["points"]] == [
        ("09:00", 2),
        ("11:00", 2),
        ("12:00", 3),
    ]
    assert [p["first_report"] for p in hourly["points"]] == [True, False, False]
    default = client.get(f"/v1/claims/{claim_id}/timeline").json()
    assert default["bucket"] == "day"


def test_weekly_buckets_start_on_monday(client: TestClient, claim_id: int) -> None:
    body = client.get(f"/v1/claims/{claim_id}/timeline", params={"bucket": "week"}).json()
    assert [(p["start"], p["end"]) for p in body["points"]] == [
        ("2025-05-26T00:00:00Z", "2025-06-02T00:00:00Z")
    ]
    assert body["points"][0]["cumulative_independent_origins"] == 2


def test_each_point_equals_the_counts_as_of_its_bucket_end(
    client: TestClient, claim_id: int
) -> None:
    for collapse in ("syndicates,cites", "none", "syndicates"):
        body = client.get(
            f"/v1/claims/{claim_id}/timeline", params={"bucket": "hour", "collapse": collapse}
        ).json()
        for point in body["points"]:
            end = datetime.fromisoformat(point["end"]) - timedelta(microseconds=1)
            counts = client.get(
                f"/v1/claims/{claim_id}/corroboration",
                params={"as_of": end.isoformat(), "collapse": collapse},
            ).json()["corroboration"]
            assert (
                point["cumulative_outlets"],
                point["cumulative_independent_origins"],
                point["cumulative_articles"],
            ) == (counts["outlets"], counts["independent_origins"], counts["articles"])


def test_as_of_cuts_the_timeline(client: TestClient, claim_id: int) -> None:
    body = client.get(
        f"/v1/claims/{claim_id}/timeline", params={"bucket": "day", "as_of": at(2)}
    ).json()
    assert [p["cumulative_articles"] for p in body["points"]] == [2]
    assert body["method"]["as_of"] == "2025-05-29T11:00:00Z"


def test_unreported_claim_has_an_empty_timeline(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    body = client.get(f"/v1/claims/{claim.id}/timeline").json()
    assert (body["points"], body["first_reported"]) == ([], None)
    assert_error(
        client.get(f"/v1/claims/{claim.id}/timeline", params={"bucket": "month"}),
        422,
        "validation_error",
    )
    assert_error(client.get("/v1/claims/2147483647/timeline"), 404, "not_found")


def test_bucket_start() -> None:
    instant = datetime.fromisoformat("2025-06-01T23:30:15.5+02:00")  # Sunday 21:30 UTC
    assert bucket_start(instant, Bucket.hour).isoformat() == "2025-06-01T21:00:00+00:00"
    assert bucket_start(instant, Bucket.day).isoformat() == "2025-06-01T00:00:00+00:00"
    assert bucket_start(instant, Bucket.week).isoformat() == "2025-05-26T00:00:00+00:00"
