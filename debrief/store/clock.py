"""The one way a time is stored: UTC, ISO 8601 to the second.

Its own module because `db` (every open finishes pending WAL checkpoints) and
`tombstones` (which stamps them) both need it, and neither may import the other
in a circle. One format everywhere also makes text order time order: the ledger
compares `lease_until` and `next_attempt_at` with `now()` as strings.
"""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
