"""Run the pages under uvicorn, on an address the guard allows.

Apart from `guard` so that the routes (`app`, which wraps itself in the
guard) and the server (which builds the routes) do not import each other.
"""

from __future__ import annotations

from .app import create_app
from .guard import check_bind, is_loopback


def serve(db_path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          spacy_model: str | None = None, on_ready=None) -> None:
    """Run the pages under uvicorn until Ctrl-C."""
    import uvicorn

    check_bind(host, token)
    options = {"spacy_model": spacy_model} if spacy_model else {}
    app = create_app(db_path, token=token, loopback_only=is_loopback(host), **options)
    if on_ready:
        on_ready(f"http://{host}:{port}/" + (f"?token={token}" if token else ""))
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
