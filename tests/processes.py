"""Watching another `debrief` process: wait for the state a test needs, never for time to pass.

Every wait has a deadline and looks at the state itself: a row in the
database (a missing schema or a busy database reads as "not yet"), or a line
the process printed on stderr. No test sleeps a fixed time hoping the other
process got somewhere.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

DEADLINE_S = 180


def start_debrief(*args, **kwargs) -> subprocess.Popen:
    """`python -m debrief ARGS` in its own process group, without the caller's DEBRIEF_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEBRIEF_")}
    return subprocess.Popen([sys.executable, "-m", "debrief", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kwargs)


def query(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def scalar_or_none(db: Path, sql: str, params=()):
    """The first value of a query, or None while the database or its schema is not there yet."""
    if not Path(db).exists():
        return None
    try:
        return query(db, sql, params)[0][0]
    except sqlite3.OperationalError:  # no such table yet, or locked past the timeout
        return None


def wait_until(predicate, deadline_s: float = DEADLINE_S, every_s: float = 0.05) -> bool:
    """Poll `predicate` until it is true or the deadline passes."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every_s)
    return bool(predicate())


class StderrLines:
    """Reads a process's stderr in a thread so a test can wait for a line."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(process.stderr,), daemon=True)
        self._thread.start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str, deadline_s: float = DEADLINE_S) -> bool:
        deadline = time.monotonic() + deadline_s
        while True:
            if any(text in line for line in self.lines):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:  # the process closed stderr
                return any(text in line for line in self.lines)
            self.lines.append(line)

    def text(self) -> str:
        self._thread.join(timeout=60)
        while not self._queue.empty():
            line = self._queue.get()
            if line is not None:
                self.lines.append(line)
        return "".join(self.lines)
