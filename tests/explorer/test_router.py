"""The explorer is served by the service itself: the page at `/`, its assets under /explorer/."""

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.explorer.router import CONTENT_SECURITY_POLICY
from app.explorer.router import STATIC_DIR
from tests.assertions import assert_error

IMPORT = re.compile(r"""^import\s[^;]*?from\s+"(\.{1,2}/[^"]+)";""", re.MULTILINE | re.DOTALL)


def test_the_page_is_served_at_the_root(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["cache-control"] == "no-cache"
    assert '<script type="module" src="explorer/js/main.js"></script>' in response.text
    assert client.head("/").status_code == 200


def test_assets_are_served_with_their_types(client: TestClient) -> None:
    expected = {
        "/explorer/js/main.js": "text/javascript; charset=utf-8",
        "/explorer/explorer.css": "text/css; charset=utf-8",
        "/explorer/favicon.svg": "image/svg+xml",
    }
    for path, content_type in expected.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == content_type, path
        assert response.headers["etag"], path


def test_a_missing_asset_is_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/explorer/nothing.js"), 404, "not_found")
    assert_error(client.get("/explorer/../app/main.py"), 404, "not_found")


def test_the_explorer_stays_out_of_the_api_schema(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    probes = ("/healthz", "/readyz", "/metrics")
    assert all(path.startswith(("/v1/", *probes)) for path in paths), sorted(paths)


def test_every_module_import_resolves_to_a_shipped_file() -> None:
    modules = sorted(STATIC_DIR.rglob("*.js"))
    assert {path.relative_to(STATIC_DIR).as_posix() for path in modules} >= {
        "js/main.js",
        "js/api.js",
        "js/capabilities.js",
        "js/timeline.js",
        "js/charts.js",
        "js/views/claims.js",
        "js/views/claim.js",
        "js/views/outlet.js",
    }
    for module in modules:
        for target in IMPORT.findall(module.read_text(encoding="utf-8")):
            assert (module.parent / target).resolve().is_file(), f"{module.name} imports {target}"
