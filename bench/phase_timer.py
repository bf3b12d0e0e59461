"""CPU time charged to named steps, each exclusive of the steps called inside it: what
`bench/ingest_profile.py --phases` (the one-line path) and `bench/bulk_ingest.py --phases` (the
set-based engine) report."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class PhaseTimer:
    """`clock`: the thread's CPU time (the default), or `time.perf_counter` for wall time,
    where a step waits for a database server in another process."""

    def __init__(self, clock: Callable[[], float] = time.thread_time) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[list[Any]] = []
        self.clock = clock

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.around(label):
                return fn(*args, **kwargs)

        return timed

    @contextmanager
    def around(self, label: str) -> Iterator[None]:
        frame = [label, self.clock(), 0.0]  # label, start, time of inner phases
        self.stack.append(frame)
        try:
            yield
        finally:
            self.stack.pop()
            spent = self.clock() - frame[1]
            self.totals[label] += spent - frame[2]
            if self.stack:
                self.stack[-1][2] += spent
