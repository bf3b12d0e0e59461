"""The one job system: huey, behind four verbs (docs/jobs.md says why huey).

    from app.jobs import task, periodic, enqueue

    @task("imports.run")
    def run_import(job_id: int) -> None: ...

    @periodic("imports.sweep", minutes=1)
    def sweep() -> None: ...

    enqueue(settings, "imports.run", job_id)

Tasks are plain functions registered by name at import time; `queue_for(settings)` builds the
process's huey for the settings (SqliteHuey in a file next to the SQLite database, or
RedisHuey when CLAIMS_JOBS_URL is redis://...), registering every task on it. A consumer runs
in-process in `corroborate serve` (`start_consumer`) and alone as `corroborate worker`
(`run_consumer`). Tasks get JSON-able arguments only; what they need from the process
(engine, matcher) they take from `context(settings)`, built once per process.

Huey delivers a task at least once (a worker killed mid-task loses it, a sweeper may send it
again), so every task must be safe to run twice: the state a task works on lives in our own
tables and a task claims its row before working (see app/ingest/imports/service.py).
"""

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from app.core.config import Settings

if TYPE_CHECKING:  # huey is imported when a queue is built, not with the app
    from huey import Huey
    from huey.consumer import Consumer

logger = logging.getLogger("app.jobs")

F = TypeVar("F", bound=Callable[..., Any])

_TASKS: dict[str, Callable[..., Any]] = {}
_PERIODIC: dict[str, tuple[Callable[[], Any], int]] = {}
_QUEUES: dict[str, tuple["Huey", dict[str, Any]]] = {}
_LOCK = threading.Lock()


def task(name: str) -> Callable[[F], F]:
    """Register `fn` as the task `name` (run by a consumer after `enqueue`)."""

    def register(fn: F) -> F:
        _TASKS[name] = fn
        return fn

    return register


def periodic(name: str, *, minutes: int = 1) -> Callable[[F], F]:
    """Register `fn` to run every `minutes` minutes on every running consumer."""

    def register(fn: F) -> F:
        _PERIODIC[name] = (fn, minutes)
        return fn

    return register


def location(settings: Settings) -> str:
    """Where the queue lives: CLAIMS_JOBS_URL, else a SQLite file next to the database."""
    if settings.jobs_url:
        return settings.jobs_url
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return f"sqlite:///{url.database}.jobs"
    return f"sqlite:///{Path(settings.imports_directory).resolve() / 'jobs.sqlite'}"


def queue_for(settings: Settings) -> "Huey":
    """The process's huey for these settings, with every registered task on it."""
    return _queue(settings)[0]


def _queue(settings: Settings) -> tuple["Huey", dict[str, Any]]:
    where = location(settings)
    with _LOCK:
        found = _QUEUES.get(where)
        if found is None:
            found = _QUEUES[where] = _build(where)
        return found


def _build(where: str) -> tuple["Huey", dict[str, Any]]:
    from huey import RedisHuey
    from huey import SqliteHuey
    from huey import crontab

    if where.startswith(("redis://", "rediss://", "unix://")):
        queue: Huey = RedisHuey("corroborate", url=where, results=False)
    elif where.startswith("sqlite:///"):
        path = Path(where.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        queue = SqliteHuey("corroborate", filename=str(path), results=False)
    else:
        raise ValueError(f"CLAIMS_JOBS_URL must be redis://... or sqlite:///..., not {where!r}")
    wrappers: dict[str, Any] = {}
    for name, fn in _TASKS.items():
        wrappers[name] = queue.task(name=name)(fn)
    for name, (fn, minutes) in _PERIODIC.items():
        wrappers[name] = queue.periodic_task(crontab(minute=f"*/{minutes}"), name=name)(fn)
    return queue, wrappers


def enqueue(settings: Settings, name: str, *args: Any) -> None:
    """Send the task `name` with these (JSON-able) arguments to the queue."""
    _, wrappers = _queue(settings)
    wrappers[name](*args)  # calling a huey task wrapper enqueues it


def enqueue_in(settings: Settings, seconds: float, name: str, *args: Any) -> None:
    """Send the task `name` to run `seconds` from now (a consumer's scheduler releases it)."""
    _, wrappers = _queue(settings)
    wrappers[name].schedule(args=args, delay=max(seconds, 0.0))


_ENGINES: "weakref.WeakKeyDictionary[Engine, Settings]" = weakref.WeakKeyDictionary()


def register_engine(engine: Engine, settings: Settings) -> None:
    """Remember which settings (so which queue) work done through `engine` sends tasks with."""
    with _LOCK:
        _ENGINES[engine] = settings


def settings_for(engine: Engine) -> Settings | None:
    """The settings registered for `engine` (by the app or a consumer), if any."""
    with _LOCK:
        return _ENGINES.get(engine)


@dataclass
class Context:
    """What tasks need from the process, built once per settings."""

    settings: Settings
    engine: Engine
    values: dict[str, Any] = field(default_factory=dict)


_CONTEXTS: dict[int, Context] = {}
_CURRENT: Settings | None = None


def bind(settings: Settings, engine: Engine | None = None) -> Context:
    """Make these settings (and engine) the ones tasks of this process run with."""
    global _CURRENT
    from app.core.engine import create_db_engine

    with _LOCK:
        found = _CONTEXTS.get(id(settings))
        if found is None:
            found = _CONTEXTS[id(settings)] = Context(
                settings, engine or create_db_engine(settings)
            )
        _ENGINES.setdefault(found.engine, settings)
        _CURRENT = settings
        return found


def context() -> Context:
    """The context tasks run with (set by `bind`, which the consumers call)."""
    if _CURRENT is None:
        from app.core.config import get_settings

        return bind(get_settings())
    return _CONTEXTS[id(_CURRENT)]


def start_consumer(settings: Settings, *, engine: Engine | None = None) -> "Consumer":
    """Start consumer threads in this process (stop them with `stop_consumer`)."""
    from huey.consumer import Consumer

    class InProcessConsumer(Consumer):  # type: ignore[misc]
        """A consumer inside the web server's process: the server owns the signals."""

        def _set_signal_handlers(self) -> None:
            return None

    bind(settings, engine)
    queue = queue_for(settings)
    consumer = InProcessConsumer(
        queue,
        workers=settings.jobs_workers,
        worker_type="thread",
        periodic=True,
        max_delay=1.0,
        check_worker_health=False,
    )
    consumer.start()
    _started(settings)
    return consumer


def stop_consumer(consumer: "Consumer") -> None:
    consumer.stop(graceful=True)


def run_consumer(settings: Settings, *, workers: int) -> None:
    """Run a consumer in the foreground until SIGINT/SIGTERM (`corroborate worker`)."""
    bind(settings)
    queue = queue_for(settings)
    consumer = queue.create_consumer(workers=workers, worker_type="thread", max_delay=1.0)
    _started(settings)
    consumer.run()


def _started(settings: Settings) -> None:
    """Run the periodic tasks once at start (a restart picks up what waits at once)."""
    for name in _PERIODIC:
        enqueue(settings, name)
