"""The routes: parse the request, make one library call, render a template.

Each request opens the database and closes it (SQLite opens in well under a
millisecond, WAL lets pages read while a run writes), so no connection is
shared between the server's threads.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ...config import DEFAULT_SPACY_MODEL
from ...store.db import open_db
from ...store.queries import BadFilter, ListFilters, NotFound, count_debriefs, get_debrief, list_debriefs
from . import agenda, pages
from .guard import GuardMiddleware

PAGE_SIZE = 50
LIST_FILTERS = ("rep", "account", "followup", "firm_followup", "dm", "excuses", "proposal", "reviewed",
                "since", "until", "q")
TABLE_COLUMNS = ("id", "rep", "account", "recorded_at", "followup", "followup_when", "followup_at",
                 "firm_followup", "decision_maker_met", "excuses_accepted", "reviewed")


def create_app(db_path, token: str | None = None, loopback_only: bool = True,
               spacy_model: str = DEFAULT_SPACY_MODEL):
    """The ASGI app: the pages over the database at `db_path`, behind the guard (guard.py)."""
    db_path = Path(db_path)
    analyzer_lock, analyzers = threading.Lock(), []

    def analyzer():
        """The current rules, loaded on the first visit to the evaluation page."""
        with analyzer_lock:
            if not analyzers:
                from ...analyze import Analyzer

                analyzers.append(Analyzer(spacy_model))
            return analyzers[0]

    env = Environment(loader=PackageLoader("debrief.review.web", "templates"), autoescape=select_autoescape(default=True))

    @contextmanager
    def database():
        db = open_db(db_path)
        try:
            yield db
        finally:
            db.close()

    def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(name).render(request=request, db_name=db_path.name, **context)
        return HTMLResponse(html, status_code=status)

    def debriefs(request: Request):
        args = {k: (request.query_params.get(k) or None) for k in LIST_FILTERS}
        after = None
        if request.query_params.get("after_id", "").isdigit():
            after = (request.query_params.get("after_at", ""), int(request.query_params["after_id"]))
        filters = ListFilters(rep=args["rep"], since=args["since"], until=args["until"],
                              followup=args["followup"], dm=args["dm"], excuses=args["excuses"],
                              limit=PAGE_SIZE + 1, account=args["account"], reviewed=args["reviewed"],
                              words=args["q"], firm_followup=args["firm_followup"],
                              proposal_without_meeting=args["proposal"], after=after)
        with database() as db:
            reps = [r[0] for r in db.execute("SELECT DISTINCT rep FROM memos WHERE rep IS NOT NULL ORDER BY rep")]
            try:
                rows = list_debriefs(db, filters, TABLE_COLUMNS)
                total = count_debriefs(db, filters)
            except BadFilter as error:
                return render(request, "debriefs.html", 400, rows=[], error=str(error), args=args, reps=reps,
                              total=0, next_link=None)
        more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        next_link = None
        if more:
            keep = {k: v for k, v in args.items() if v}
            next_link = pages.list_link(**keep, after_at=rows[-1]["recorded_at"], after_id=rows[-1]["id"])
        return render(request, "debriefs.html", rows=rows, args=args, reps=reps, total=total,
                      next_link=next_link, paged=after is not None, error=None)

    def debrief(request: Request):
        return show_debrief(request, request.path_params["id"])

    def show_debrief(request: Request, memo_id: int, error: str | None = None, status: int = 200):
        with database() as db:
            try:
                detail = get_debrief(db, memo_id).to_dict()
            except NotFound:
                return render(request, "missing.html", 404, what=f"No debrief with id {memo_id}.")
            memo = next(db.query("SELECT path, moved_to FROM memos WHERE id = ?", [memo_id]), {})
            history = list_debriefs(db, ListFilters(account=detail["account"], limit=20),
                                    ("id", "rep", "recorded_at", "followup", "decision_maker_met",
                                     "excuses_accepted")) if detail.get("account") else []
        audio, tried = pages.audio_location(memo, db_path)
        return render(request, "debrief.html", status, d=detail, audio=audio, tried=tried,
                      marked=pages.mark_transcript(detail["transcript"] or "", detail["evidence"]),
                      evidence=pages.group_evidence(detail["evidence"]), history=history,
                      fields=pages.correction_fields(), rows=pages.VERDICT_ROWS, inverted=pages.INVERTED,
                      error=error)

    async def review(request: Request):
        from starlette.concurrency import run_in_threadpool

        form = await request.form()
        return await run_in_threadpool(_review, request, dict(form))

    def _review(request: Request, form: dict):
        from ...store.corrections import ReviewError, parse_settings, record_review

        memo_id = request.path_params["id"]
        field, value = (form.get("field") or "").strip(), (form.get("value") or "").strip()
        who, note = (form.get("by") or "").strip() or None, (form.get("note") or "").strip() or None
        try:
            settings = parse_settings([f"{field}={value}"]) if field else {}
            if not who:
                raise ReviewError("say who you are (the 'who' box): a correction is kept with its author")
            with database() as db:
                record_review(db, memo_id, settings, note, who)
        except NotFound:
            return render(request, "missing.html", 404, what=f"No debrief with id {memo_id}.")
        except ReviewError as error:
            return show_debrief(request, memo_id, str(error), 400)
        return RedirectResponse(f"/debriefs/{memo_id}#history", status_code=303)

    def audio(request: Request):
        memo_id = request.path_params["id"]
        with database() as db:
            rows = list(db.query("SELECT path, moved_to FROM memos WHERE id = ?", [memo_id]))
        path, tried = pages.audio_location(rows[0], db_path) if rows else (None, [])
        if path is None:
            return Response("The memo's audio is not where it was last seen: " + ", ".join(tried),
                            status_code=404, media_type="text/plain")
        return FileResponse(path, media_type=pages.audio_type(path))

    def scorecard(request: Request):
        from ..report import NO_REP, build_scorecard, render_charts

        since, until = request.query_params.get("since") or None, request.query_params.get("until") or None
        with database() as db:
            try:
                card = build_scorecard(db, since, until)
            except ValueError as error:
                return render(request, "missing.html", 400, what=str(error))
        rows = [(s, pages.scorecard_links(s, card.since, card.until, team=False) if s.rep != NO_REP else {})
                for s in card.reps]
        team = (card.team, pages.scorecard_links(card.team, card.since, card.until, team=True))
        charts = render_charts(card) if card.team.memos else ""
        return render(request, "scorecard.html", card=card, rows=rows, team=team, charts=charts,
                      week_link=_week_link)

    def agenda_page(request: Request):
        show_all = request.query_params.get("all") == "1"
        with database() as db:
            rows = agenda.agenda_rows(db, None if show_all else date.today().isoformat())
        return render(request, "agenda.html", days=agenda.by_day(rows), show_all=show_all)

    def agenda_ics(request: Request):
        show_all = request.query_params.get("all") == "1"
        with database() as db:
            rows = agenda.agenda_rows(db, None if show_all else date.today().isoformat())
        return Response(agenda.to_ics(rows, str(request.base_url)), media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="debrief-agenda.ics"'})

    def eval_page(request: Request):
        from ..overrule import overrule_rates

        with database() as db:
            report = overrule_rates(db, analyzer())
        return render(request, "eval.html", report=report)

    routes = [
        Route("/", lambda request: RedirectResponse("/debriefs", status_code=302)),
        Route("/debriefs", debriefs),
        Route("/debriefs/{id:int}", debrief),
        Route("/debriefs/{id:int}/review", review, methods=["POST"]),
        Route("/debriefs/{id:int}/audio", audio),
        Route("/scorecard", scorecard),
        Route("/agenda", agenda_page),
        Route("/agenda.ics", agenda_ics),
        Route("/eval", eval_page),
        Mount("/static", StaticFiles(packages=[("debrief.review.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes)
    return GuardMiddleware(app, token, loopback_only)


def _week_link(rep: str | None, monday: str) -> str:
    from datetime import timedelta

    sunday = (date.fromisoformat(monday) + timedelta(days=6)).isoformat()
    return pages.list_link(rep=rep, since=monday, until=sunday)
