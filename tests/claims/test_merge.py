"""POST /v1/claims/{id}/merge: attributions move without duplicates, the old id redirects."""

from fastapi.testclient import TestClient

from tests.assertions import all_pages
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import Factory


def test_merge_moves_attributions_without_duplicates_and_recounts(
    client: TestClient, factory: Factory
) -> None:
    old, kept = factory.claim(), factory.claim()
    wire, paper = factory.outlet(), factory.outlet()
    shared = factory.article(wire)
    only_old = factory.article(paper)
    factory.attribute(old, shared, quote="old quote")
    factory.attribute(kept, shared, stance="supports")
    factory.attribute(old, only_old, stance="disputes")
    response = client.post(f"/v1/claims/{old.id}/merge", json={"into": kept.id})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["id"], body["merged_into"]) == (kept.id, kept.id)
    assert sorted((a["article"]["id"], a["stance"]) for a in body["attributions"]) == sorted(
        [(shared.id, "supports"), (only_old.id, "disputes")]
    )
    counts = assert_consistent(client, kept.id)
    assert (counts["outlets"], counts["articles"], counts["disputing_outlets"]) == (1, 1, 1)

    redirected = client.get(f"/v1/claims/{old.id}").json()
    assert redirected["id"] == kept.id
    assert redirected["merged_into"] == kept.id
    assert client.get(f"/v1/claims/{kept.id}").json()["merged_into"] is None
    listed = [c["id"] for c in all_pages(client, "/v1/claims")]
    assert listed == [kept.id]
    assert [a["claim_id"] for a in all_pages(client, f"/v1/claims/{old.id}/attributions")] == [
        kept.id,
        kept.id,
    ]


def test_merged_claims_leave_matching(client: TestClient, factory: Factory) -> None:
    old = factory.claim(text="The harbour bridge will close for repairs in March.", claimant=None)
    kept = factory.claim(text="Harbour bridge to close in March for repairs.", claimant=None)
    found = client.get("/v1/claims/match", params={"text": old.text}).json()["items"]
    assert [m["claim"]["id"] for m in found] == [old.id, kept.id]
    client.post(f"/v1/claims/{old.id}/merge", json={"into": kept.id})
    found = client.get("/v1/claims/match", params={"text": old.text}).json()["items"]
    assert [m["claim"]["id"] for m in found] == [kept.id]


def test_chains_of_merges_resolve_and_are_flattened(client: TestClient, factory: Factory) -> None:
    a, b, c = factory.claim(), factory.claim(), factory.claim()
    factory.attribute(a, factory.article())
    assert client.post(f"/v1/claims/{a.id}/merge", json={"into": b.id}).status_code == 200
    assert client.post(f"/v1/claims/{b.id}/merge", json={"into": c.id}).status_code == 200
    for claim in (a, b):
        body = client.get(f"/v1/claims/{claim.id}").json()
        assert (body["id"], body["merged_into"]) == (c.id, c.id)
    assert assert_consistent(client, c.id)["articles"] == 1
    # Merging into a merged claim merges into the claim that one leads to.
    d = factory.claim()
    body = client.post(f"/v1/claims/{d.id}/merge", json={"into": a.id}).json()
    assert body["id"] == c.id


def test_merging_again_is_a_no_op_and_a_different_target_is_409(
    client: TestClient, factory: Factory
) -> None:
    a, b, other = factory.claim(), factory.claim(), factory.claim()
    first = client.post(f"/v1/claims/{a.id}/merge", json={"into": b.id}).json()
    again = client.post(f"/v1/claims/{a.id}/merge", json={"into": b.id})
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    error = assert_error(
        client.post(f"/v1/claims/{a.id}/merge", json={"into": other.id}), 409, "already_merged"
    )
    assert error["details"] == [{"merged_into": b.id}]


def test_merging_into_itself_is_422(client: TestClient, factory: Factory) -> None:
    a, b = factory.claim(), factory.claim()
    assert_error(
        client.post(f"/v1/claims/{a.id}/merge", json={"into": a.id}), 422, "merge_into_self"
    )
    client.post(f"/v1/claims/{a.id}/merge", json={"into": b.id})
    assert_error(
        client.post(f"/v1/claims/{b.id}/merge", json={"into": a.id}), 422, "merge_into_self"
    )


def test_merge_errors(client: TestClient, factory: Factory) -> None:
    a = factory.claim()
    assert_error(client.post("/v1/claims/2147483647/merge", json={"into": a.id}), 404, "not_found")
    assert_error(
        # 422: the claim in the URL exists; the one named in the body does not.
        client.post(f"/v1/claims/{a.id}/merge", json={"into": 2147483647}),
        422,
        "unknown_reference",
    )
    assert_error(client.post(f"/v1/claims/{a.id}/merge", json={}), 422, "validation_error")
    assert_error(client.post(f"/v1/claims/{a.id}/merge", json={"into": 0}), 422, "validation_error")


def test_a_merged_id_cannot_be_edited_or_deleted_and_goes_with_its_claim(
    client: TestClient, factory: Factory
) -> None:
    a, b = factory.claim(), factory.claim()
    client.post(f"/v1/claims/{a.id}/merge", json={"into": b.id})
    error = assert_error(
        client.patch(f"/v1/claims/{a.id}", json={"text": "New."}), 409, "claim_merged"
    )
    assert error["details"] == [{"merged_into": b.id}]
    assert_error(client.delete(f"/v1/claims/{a.id}"), 409, "claim_merged")
    assert client.delete(f"/v1/claims/{b.id}").status_code == 204
    assert_error(client.get(f"/v1/claims/{a.id}"), 404, "not_found")


def test_merge_moves_reviews_to_the_surviving_claim(client: TestClient, factory: Factory) -> None:
    old, kept = factory.claim(), factory.claim()
    review = {
        "publisher": {"name": "Checker", "site": "checker.example"},
        "url": "https://checker.example/reviews/1",
        "textual_rating": "False",
    }
    created = client.post(f"/v1/claims/{old.id}/reviews", json=review)
    assert created.status_code == 201, created.text
    assert client.post(f"/v1/claims/{old.id}/merge", json={"into": kept.id}).status_code == 200
    moved = client.get(f"/v1/claims/{kept.id}/reviews").json()["items"]
    assert [(r["id"], r["claim_id"]) for r in moved] == [(created.json()["id"], kept.id)]
    assert client.delete(f"/v1/claims/{kept.id}", params={"cascade": True}).status_code == 204
