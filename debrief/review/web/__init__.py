"""`debrief serve`: the manager's pages, served from the database on this machine.

What enters: the path of a debrief database (and, off loopback, a token).
What leaves: an ASGI app (`create_app`) with server-rendered pages — the
debriefs list, one debrief with its audio and correction form, the scorecard,
the agenda and its `.ics` — and `serve()`, which runs it under uvicorn.

Every page reads the `debriefs` view through the same library calls as the
commands (`store.queries`, `review.report`, `store.corrections`), so the
browser and the terminal can never disagree; the one write, a correction or a
review, goes through `store.corrections.record_review`, exactly as
`debrief review` does.
"""

from .app import create_app
from .guard import BindRefused
from .server import serve

__all__ = ["BindRefused", "create_app", "serve"]
