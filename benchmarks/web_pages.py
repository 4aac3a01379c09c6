"""How fast the web pages answer on a large database (10,000 debriefs by default).

    .venv/bin/python benchmarks/web_pages.py [N]

Generates the database (tests/dbgen.py), then times each page through the ASGI
app in process (no network): the median of 5 requests, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from starlette.testclient import TestClient  # noqa: E402

from debrief.review.web import create_app  # noqa: E402
from tests.dbgen import generate_db  # noqa: E402


def main(n: int = 10_000) -> None:
    path = Path(tempfile.mkdtemp()) / "big.db"
    began = time.perf_counter()
    generate_db(path, n)
    print(f"generated {n} debriefs in {time.perf_counter() - began:.1f} s")
    client = TestClient(create_app(path), base_url="http://127.0.0.1:8000")
    pages = {
        "list, first page": "/debriefs",
        "list, page near the end (keyset)": "/debriefs?after_at=2026-01-20T00:00:00&after_id=999999",
        "list, rep + verdict filter": "/debriefs?rep=dana&dm=no&excuses=yes",
        "list, reviewed = no": "/debriefs?reviewed=no",
        "list, search 'owner OR boss'": "/debriefs?q=owner+OR+boss",
        "list, account": "/debriefs?account=harbor+dental",
        "one debrief": f"/debriefs/{n // 2}",
        "scorecard": "/scorecard",
        "agenda (all)": "/agenda?all=1",
        "agenda.ics (all)": "/agenda.ics?all=1",
    }
    print(f"{'page':<36}{'ms (median of 5)':>18}")
    for name, url in pages.items():
        times = []
        for _ in range(5):
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:<36}{statistics.median(times):>18.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
