"""Where the pages may be served, and who may read them.

Transcripts are personal data, so the server binds 127.0.0.1 by default and
refuses any other address unless a token is set; with a token, every request
must carry it (once as `?token=`, which sets an HttpOnly cookie, or as
`Authorization: Bearer`). On loopback the Host header must name this machine
(a web page cannot reach the server through DNS rebinding), and a form POST
must come from the server's own origin (no cross-site correction).
"""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlencode

from starlette.responses import PlainTextResponse, RedirectResponse

COOKIE = "debrief_token"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


class BindRefused(ValueError):
    pass


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse an address other machines can reach unless a token protects it."""
    if not is_loopback(host) and not token:
        raise BindRefused(f"--host {host} lets other machines read the transcripts: "
                          "give --token (or DEBRIEF_TOKEN) so every request must carry it")
    if token is not None and len(token) < 8:
        raise BindRefused("--token must be at least 8 characters")


class GuardMiddleware:
    """Token check, Host check (loopback only) and same-origin POSTs, as pure ASGI."""

    def __init__(self, app, token: str | None, loopback_only: bool):
        self.app, self.token, self.loopback_only = app, token, loopback_only

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        refusal = self._refusal(scope, headers, host)
        if refusal:
            return await PlainTextResponse(refusal, status_code=403)(scope, receive, send)
        if self.token and not self._authorized(headers):
            query = dict(_query(scope))
            if secrets.compare_digest(query.pop("token", ""), self.token):
                target = scope["path"] + ("?" + urlencode(query) if query else "")
                response = RedirectResponse(target, status_code=303)
                response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
                return await response(scope, receive, send)
            message = "This debrief server needs its token: open the address with ?token=… once."
            return await PlainTextResponse(message, status_code=401)(scope, receive, send)
        return await self.app(scope, receive, send)

    def _refusal(self, scope, headers: dict, host: str) -> str | None:
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if self.loopback_only and name not in LOOPBACK_NAMES:
            return f"Host {host!r} is not this machine"
        origin = headers.get("origin")
        if scope["method"] == "POST" and origin and origin.split("://", 1)[-1] != host:
            return "Cross-site form refused"
        return None

    def _authorized(self, headers: dict) -> bool:
        bearer = headers.get("authorization", "")
        if bearer.startswith("Bearer ") and secrets.compare_digest(bearer[7:], self.token):
            return True
        cookies = dict(p.strip().split("=", 1) for p in headers.get("cookie", "").split(";") if "=" in p)
        return secrets.compare_digest(cookies.get(COOKIE, ""), self.token)


def _query(scope) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)

