"""Background jobs on huey: register with `task`/`periodic`, send with `enqueue`, run with a
consumer (`start_consumer` in-process, `run_consumer` for `corroborate worker`)."""

from app.jobs.queue import context
from app.jobs.queue import enqueue
from app.jobs.queue import enqueue_in
from app.jobs.queue import periodic
from app.jobs.queue import queue_for
from app.jobs.queue import register_engine
from app.jobs.queue import run_consumer
from app.jobs.queue import settings_for
from app.jobs.queue import start_consumer
from app.jobs.queue import stop_consumer
from app.jobs.queue import task

__all__ = [
    "context",
    "enqueue",
    "enqueue_in",
    "periodic",
    "queue_for",
    "register_engine",
    "run_consumer",
    "settings_for",
    "start_consumer",
    "stop_consumer",
    "task",
]
