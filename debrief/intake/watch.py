"""Running until stopped: one pass at start, then a pass whenever the inbox changes.

File events (watchdog) say when to look, but events get lost (a sync client
restarting, a network share, an overflowing queue), so a full rescan runs
every few minutes regardless; `--poll` replaces events by polling for shares
where they never arrive. A file still being written is looked at again after
the settle time. Ctrl-C (or SIGTERM) stops after the current memo.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..records import RunSummary

DEBOUNCE_S = 0.5


class StopFlag:
    """Set by Ctrl-C or SIGTERM; checked between memos, never in the middle of one."""

    def __init__(self):
        self.event = threading.Event()

    def __call__(self) -> bool:
        return self.event.is_set()

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: self.event.set())


def watch_inbox(inbox: Path, run_pass: Callable[[], RunSummary], on_pass: Callable[[RunSummary], None],
                stop: StopFlag, settle_s: float, rescan_s: float, poll_s: float | None = None,
                on_ready: Callable[[], None] = lambda: None) -> None:
    """`on_ready` is called once file events are being watched: a file dropped after it is seen."""
    changed = threading.Event()
    observer = _observer(inbox, changed, poll_s)
    observer.start()  # watchdog sets up inotify watches before start() returns
    on_ready()
    try:
        next_rescan, recheck_at = 0.0, None
        while not stop():
            now = time.monotonic()
            due = [t for t in (next_rescan, recheck_at) if t is not None]
            if changed.is_set() or min(due) <= now:
                time.sleep(DEBOUNCE_S)  # let a burst of events settle into one pass
                changed.clear()
                summary = run_pass()
                on_pass(summary)
                next_rescan = time.monotonic() + rescan_s
                recheck_at = time.monotonic() + settle_s if summary.count("unsettled") else None
                continue
            changed.wait(timeout=min(min(due) - now, 1.0))  # wake up now and then to see `stop`
    finally:
        observer.stop()
        observer.join(5)


def _observer(inbox: Path, changed: threading.Event, poll_s: float | None):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    class Changed(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type not in ("opened", "closed_no_write"):
                changed.set()

    observer = PollingObserver(timeout=poll_s) if poll_s else Observer()
    observer.schedule(Changed(), str(inbox), recursive=True)
    return observer
