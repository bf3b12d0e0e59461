"""Uses the generated client the way a script would, against a running service.

    pip install ./clients/python/corroborate-client
    export CORROBORATE_URL=http://127.0.0.1:8000 CORROBORATE_KEY=<a write key>
    python clients/python/example.py

CI runs it against the demo data (.ci/checks/60-clients.sh), and type-checks it with
`mypy --strict`: list claims, page through them with the cursor, read the NATO claim's
corroboration, create a claim with the key, and read the error shape of a 404 and a 422.
"""

import os
import time
from datetime import date

from corroborate_client import AuthenticatedClient
from corroborate_client import Client
from corroborate_client.api.claims import claims_corroboration
from corroborate_client.api.claims import claims_create
from corroborate_client.api.claims import claims_export_csv
from corroborate_client.api.claims import claims_get
from corroborate_client.api.claims import claims_list
from corroborate_client.models import ClaimCreate
from corroborate_client.models import ClaimPage
from corroborate_client.models import ClaimPublic
from corroborate_client.models import CorroborationExplained
from corroborate_client.models import ErrorResponse
from corroborate_client.types import UNSET
from corroborate_client.types import Unset

BASE_URL = os.environ.get("CORROBORATE_URL", "http://127.0.0.1:8000")
NATO = "NATO's eastward enlargement"


def every_claim(client: Client) -> list[ClaimPublic]:
    """All claims, page by page: `next_cursor` goes back as `cursor`."""
    claims: list[ClaimPublic] = []
    cursor: str | Unset = UNSET
    while True:
        page = claims_list.sync(client=client, limit=4, cursor=cursor)
        assert isinstance(page, ClaimPage), page
        claims.extend(page.items)
        if page.next_cursor is None:
            return claims
        cursor = page.next_cursor


def main() -> None:
    client = Client(base_url=BASE_URL, raise_on_unexpected_status=True)

    # 1. The most corroborated claims: a read needs no key.
    first = claims_list.sync(client=client, limit=3)
    assert isinstance(first, ClaimPage), first
    for claim in first.items:
        print(f"{claim.corroboration.outlets} outlets  {claim.text}")

    # 2. Every claim, with the cursor.
    claims = every_claim(client)
    assert len({claim.id for claim in claims}) == len(claims), "a claim came twice"
    print(f"paged through {len(claims)} claims")

    # 3. The NATO claim: three outlets, two independent origins (one copy collapsed).
    nato = next(claim for claim in claims if NATO in claim.text)
    explained = claims_corroboration.sync(client=client, claim_id=nato.id)
    assert isinstance(explained, CorroborationExplained), explained
    counts = explained.corroboration
    assert (counts.outlets, counts.independent_origins) == (3, 2), counts
    first_report = counts.first_reported.outlet_name if counts.first_reported else "nobody"
    print(
        f"NATO claim: {counts.outlets} outlets, {counts.independent_origins} independent "
        f"origins, first reported by {first_report}"
    )

    # 4. A write needs a key with the `write` scope.
    writer = AuthenticatedClient(
        base_url=BASE_URL, token=os.environ["CORROBORATE_KEY"], raise_on_unexpected_status=True
    )
    text = f"A claim created from Python ({time.time_ns()})."
    body = ClaimCreate(text=text, claimant="The Python example", claim_date=date(2025, 6, 1))
    created = claims_create.sync_detailed(client=writer, body=body)
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, ClaimPublic)
    assert created.parsed.text == text
    assert created.parsed.claim_date == date(2025, 6, 1)
    print(f"created claim {created.parsed.id}")

    # 5. Errors have one shape: {"error": {"code", "message", "details"}}.
    missing = claims_get.sync_detailed(client=client, claim_id=2**31 - 1)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, ErrorResponse)
    assert missing.parsed.error.code == "not_found"
    invalid = claims_list.sync_detailed(client=client, limit=0)
    assert invalid.status_code == 422
    assert isinstance(invalid.parsed, ErrorResponse)
    assert invalid.parsed.error.code == "validation_error"
    assert invalid.parsed.error.details[0]["loc"] == ["query", "limit"]
    print(f"404 {missing.parsed.error.code}; 422 {invalid.parsed.error.message}")

    # 6. The CSV export is an operation of its own.
    table = claims_export_csv.sync(client=client)
    assert isinstance(table, str), table
    assert table.startswith("id,text,claimant"), table
    print("python client: ok")


if __name__ == "__main__":
    main()
