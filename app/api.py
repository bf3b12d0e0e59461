"""Mounts every domain router under /v1, behind one access rule (app/access/auth.py)."""

from fastapi import APIRouter
from fastapi import Depends

from app.access.auth import authorize
from app.access.router import router as keys_router
from app.articles.router import router as articles_router
from app.claims.corroboration_router import router as corroboration_router
from app.claims.router import router as claims_router
from app.events.router import router as events_router
from app.feeds.router import router as feeds_router
from app.ingest.imports.router import router as imports_router
from app.ingest.router import router as ingest_router
from app.matching.router import router as matching_router
from app.outlets.router import router as outlets_router
from app.review_queue.router import router as review_queue_router
from app.reviews.router import router as reviews_router

# `authorize` runs first for every route included here, now and later: it identifies the
# caller, charges its rate limit and requires the `write` scope for every non-read method.
api_router = APIRouter(prefix="/v1", dependencies=[Depends(authorize)])
api_router.include_router(outlets_router)
api_router.include_router(feeds_router)
api_router.include_router(articles_router)
# Before the claims router, so that /claims/match is not taken for a claim id.
api_router.include_router(matching_router)
api_router.include_router(claims_router)
api_router.include_router(ingest_router)
api_router.include_router(imports_router)
api_router.include_router(corroboration_router)
api_router.include_router(reviews_router)
api_router.include_router(review_queue_router)
api_router.include_router(keys_router)
api_router.include_router(events_router)

# The operations that take NDJSON bodies: only these get the batch body limit and are streamed
# rather than buffered (app/core/middleware.py); tests/core/test_limits.py keeps the list whole.
NDJSON_PATHS = frozenset({"/v1/ingest/batch", "/v1/imports"})
# NDJSON routes whose body limit is not CLAIMS_INGEST_BATCH_MAX_BYTES: uploads stored on disk.
UPLOAD_PATHS = frozenset({"/v1/imports"})
