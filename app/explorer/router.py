"""The explorer: a static web page at `/` that reads only the public /v1 JSON API.

Plain HTML, CSS and ES modules from `static/`, no build step. The page and its assets stay out of
the OpenAPI schema: they are a client of the API, not part of it.
"""

from pathlib import Path

from fastapi import APIRouter
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSETS_PATH = "/explorer"

# Everything the page loads comes from this service; nothing inline, nothing third-party.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"], name="explorer")
def explorer_page() -> FileResponse:
    """The explorer's single HTML page; views are chosen client-side from the URL fragment."""
    return FileResponse(
        STATIC_DIR / "index.html",
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
        },
    )


def install_explorer(app: FastAPI) -> None:
    """Serve the page at `/` and its assets under /explorer/ (both outside the schema)."""
    app.include_router(router)
    app.mount(ASSETS_PATH, StaticFiles(directory=STATIC_DIR), name="explorer-assets")
