"""The breaking-change check (scripts/openapi_breaking.py): it passes on the committed contract
and fails on a deliberately breaking change unless `info.version` takes a breaking step."""

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "openapi_breaking", ROOT / "scripts" / "openapi_breaking.py"
)
assert _spec is not None
assert _spec.loader is not None
breaking = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(breaking)


@pytest.fixture(scope="module")
def current() -> dict[str, Any]:
    return json.loads((ROOT / "openapi" / "openapi.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, schema: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


def test_the_committed_contract_keeps_the_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    assert breaking.main([]) == 0
    assert "no breaking change" in capsys.readouterr().out


def _remove_claimant(schema: dict[str, Any]) -> None:
    claim = schema["components"]["schemas"]["ClaimPublic"]
    del claim["properties"]["claimant"]
    claim["required"].remove("claimant")


def _require_claim_date(schema: dict[str, Any]) -> None:
    schema["components"]["schemas"]["ClaimCreate"]["required"].append("claim_date")


def _drop_an_operation(schema: dict[str, Any]) -> None:
    del schema["paths"]["/v1/claims/{claim_id}/timeline"]


def _drop_an_enum_value(schema: dict[str, Any]) -> None:
    schema["components"]["schemas"]["Stance"]["enum"].remove("supports")


def _add_a_response_enum_value(schema: dict[str, Any]) -> None:
    schema["components"]["schemas"]["Collapse"]["enum"].append("everything")


def _rename_an_operation(schema: dict[str, Any]) -> None:
    schema["paths"]["/v1/claims"]["get"]["operationId"] = "claims-index"


def _make_a_field_nullable(schema: dict[str, Any]) -> None:
    counts = schema["components"]["schemas"]["Corroboration"]["properties"]
    counts["outlets"] = {"anyOf": [counts["outlets"], {"type": "null"}]}


def _require_a_parameter(schema: dict[str, Any]) -> None:
    for parameter in schema["paths"]["/v1/claims"]["get"]["parameters"]:
        if parameter["name"] == "claimant":
            parameter["required"] = True


def _key_for_a_read(schema: dict[str, Any]) -> None:
    schema["paths"]["/v1/claims"]["get"]["security"] = [{"bearerKey": []}]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_remove_claimant, "GET /v1/claims response 200.items[].claimant: property removed"),
        (_require_claim_date, "POST /v1/claims request body.claim_date: new required property"),
        (_drop_an_operation, "GET /v1/claims/{claim_id}/timeline: operation removed"),
        (_drop_an_enum_value, "1 enum value(s) removed: 'supports'"),
        (_add_a_response_enum_value, "1 enum value(s) added: 'everything'"),
        (_rename_an_operation, "operationId claims-list became claims-index"),
        (_make_a_field_nullable, "corroboration.outlets: may now be null"),
        (_require_a_parameter, "GET /v1/claims query parameter claimant: now required"),
        (_key_for_a_read, "GET /v1/claims: now needs a key"),
    ],
)
def test_a_breaking_change_fails_the_check(
    tmp_path: Path,
    current: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    change: Any,
    message: str,
) -> None:
    changed = copy.deepcopy(current)
    change(changed)
    baseline, candidate = (
        _write(tmp_path, "old.json", current),
        _write(tmp_path, "new.json", changed),
    )
    assert breaking.main([str(baseline), str(candidate)]) == 1
    captured = capsys.readouterr()
    assert message in captured.out
    assert "without a breaking version bump" in captured.err


VERSION_STEPS = [
    ("0.2.0", "0.3.0", True),
    ("0.2.0", "0.2.1", False),
    ("0.2.0", "0.2.0", False),
    ("1.4.2", "2.0.0", True),
    ("1.4.2", "1.5.0", False),
]


@pytest.mark.parametrize(("before", "after", "allowed"), VERSION_STEPS)
def test_only_a_breaking_version_bump_lets_it_pass(
    tmp_path: Path, current: dict[str, Any], before: str, after: str, allowed: bool
) -> None:
    old, new = copy.deepcopy(current), copy.deepcopy(current)
    _drop_an_operation(new)
    old["info"]["version"], new["info"]["version"] = before, after
    status = breaking.main(
        [str(_write(tmp_path, "a.json", old)), str(_write(tmp_path, "b.json", new))]
    )
    assert status == (0 if allowed else 1)


def test_additions_do_not_break(current: dict[str, Any]) -> None:
    changed = copy.deepcopy(current)
    changed["paths"]["/v1/new"] = {"get": {"operationId": "new-get", "responses": {}}}
    changed["components"]["schemas"]["ClaimCreate"]["properties"]["note"] = {"type": "string"}
    changed["components"]["schemas"]["ExtraThing"] = {"type": "object"}
    for parameter in changed["paths"]["/v1/claims"]["get"]["parameters"]:
        if parameter["name"] == "limit":
            parameter["schema"]["maximum"] = 500
    assert breaking.breaking_changes(current, changed) == []
