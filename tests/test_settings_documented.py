"""docs/deploy.md documents every setting, with its real default (operators read it, not code)."""

import json
import re
from enum import Enum
from pathlib import Path

from pydantic import SecretStr
from pydantic.fields import FieldInfo

from app.core.config import Settings

DEPLOY_DOC = Path(__file__).resolve().parent.parent / "docs" / "deploy.md"
ROW = re.compile(
    r"^\|\s*`(?P<name>CLAIMS_[A-Z0-9_]+)`\s*\|(?P<default>[^|]*)\|(?P<meaning>[^|]*)\|"
)


def settings_reference() -> dict[str, tuple[str, str]]:
    """The rows of the doc's settings table: variable -> (default cell, meaning cell)."""
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    section = text.split("## Settings reference", 1)[1].split("\n### ", 1)[0]
    rows: dict[str, tuple[str, str]] = {}
    for line in section.splitlines():
        match = ROW.match(line)
        if match:
            assert match["name"] not in rows, f"{match['name']} is documented twice"
            rows[match["name"]] = (match["default"].strip().strip("`"), match["meaning"].strip())
    return rows


def rendered_default(field: FieldInfo) -> str:
    """A field's default as the doc writes it: what one would put in the variable."""
    default = field.get_default(call_default_factory=True)
    if default is None:
        return "unset"
    if isinstance(default, SecretStr):
        default = default.get_secret_value()
    if isinstance(default, Enum):
        default = default.value
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, list | tuple | set | frozenset | dict):
        return json.dumps(sorted(default) if isinstance(default, set | frozenset) else default)
    return str(default)


def env_name(name: str) -> str:
    return f"{Settings.model_config.get('env_prefix', '')}{name}".upper()


def test_every_setting_is_documented_with_its_default_and_meaning() -> None:
    documented = settings_reference()
    problems = []
    for name, field in Settings.model_fields.items():
        variable = env_name(name)
        if variable not in documented:
            problems.append(f"{variable} has no row in docs/deploy.md's settings reference")
            continue
        default, meaning = documented[variable]
        if default != rendered_default(field):
            problems.append(
                f"{variable}: docs/deploy.md says default {default!r}, "
                f"the code has {rendered_default(field)!r}"
            )
        if not meaning:
            problems.append(f"{variable}: no meaning in docs/deploy.md")
    assert problems == []


def test_the_settings_reference_documents_no_setting_that_does_not_exist() -> None:
    known = {env_name(name) for name in Settings.model_fields}
    assert sorted(set(settings_reference()) - known) == []


def test_the_reference_is_read_from_the_table() -> None:
    """Guards the parser: a broken heading or row format must not make the tests vacuous."""
    documented = settings_reference()
    assert documented["CLAIMS_PORT"][0] == "8000"
    assert documented["CLAIMS_DATABASE_URL"][0] == "sqlite:///./corroborate.db"
    assert len(documented) == len(Settings.model_fields)


def test_the_values_the_image_sets_are_documented() -> None:
    """The Dockerfile's CLAIMS_* ENV values appear, as they are, in the doc's image table."""
    dockerfile = (DEPLOY_DOC.parent.parent / "Dockerfile").read_text(encoding="utf-8")
    in_image = dict(re.findall(r"\b(CLAIMS_[A-Z0-9_]+)=(\S+)", dockerfile))
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    table = text.split("### Set by the image", 1)[1]
    documented = {
        match["name"]: match["default"].strip().strip("`")
        for match in map(ROW.match, table.splitlines())
        if match
    }
    assert in_image, "no CLAIMS_ variable found in the Dockerfile's ENV"
    assert {name: documented.get(name) for name in in_image} == in_image
