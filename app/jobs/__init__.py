"""Background jobs on huey: register with `task`/`periodic`, send with `enqueue`, run with a
consumer (`start_consumer` in-process, `run_consumer` for `corroborate worker`)."""

from app.jobs.queue import (
    context,
    enqueue,
    enqueue_in,
    periodic,
    queue_for,
    register_engine,
    run_consumer,
    settings_for,
    start_consumer,
    stop_consumer,
    task,
)

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
