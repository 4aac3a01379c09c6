"""The per-rep scorecard: each rep's figures over a period, as data and as one HTML page.

The scorecard reads only the `debriefs` view, so a manager's correction counts
wherever there is one and the report never disagrees with SQL over the view.
One query fetches the period's rows; one counting function scores a rep, the
team and a week alike, so totals and trend cannot drift apart. The HTML page is
a single file a manager can be mailed: inline CSS and SVG drawn here, no
script, no font or URL fetched from anywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from html import escape

import sqlite_utils

NO_REP = "(no rep)"
TEAM = "Team"
_COLUMNS = "rep, recorded_at, firm_followup, decision_maker_met, excuses_accepted, proposal_without_meeting"
# Okabe-Ito, then Paul Tol's: told apart by colour-blind readers too.
COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
          "#999933", "#882255", "#44AA99", "#332288", "#AA4499")


@dataclass
class WeekScore:
    week: str  # ISO week, "2026-W10"
    monday: str  # its Monday, "2026-03-02"
    memos: int
    firm_f2f_share: float | None
    dm_met_share: float | None
    stalls_accepted_share: float | None


@dataclass
class RepScore:
    rep: str
    memos: int
    firm_f2f_share: float | None  # shares are 0..1, None when nothing to divide by
    dm_met_share: float | None
    stalls_memos: int  # memos where the prospect stalled at least once
    stalls_accepted_share: float | None  # of those, the share where a stall was accepted
    proposals_without_meeting: int
    weeks: list[WeekScore] = field(default_factory=list)


@dataclass
class Scorecard:
    since: str | None
    until: str | None
    generated_at: str
    team: RepScore
    reps: list[RepScore]

    def to_dict(self) -> dict:
        return asdict(self)


def build_scorecard(db: sqlite_utils.Database, since: str | None = None,
                    until: str | None = None) -> Scorecard:
    """Score every rep and the team over debriefs recorded from `since` to `until` (inclusive days)."""
    since, until = _check_date("since", since), _check_date("until", until)
    rows = _fetch_rows(db, since, until)
    by_rep: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_rep[row["rep"] or NO_REP].append(row)
    reps = sorted(by_rep, key=lambda rep: (rep == NO_REP, rep.casefold(), rep))
    generated_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Scorecard(since, until, generated_at, _score(TEAM, rows),
                     [_score(rep, by_rep[rep]) for rep in reps])


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def _fetch_rows(db: sqlite_utils.Database, since: str | None, until: str | None) -> list[dict]:
    # The date part of recorded_at: `until` then covers its whole day.
    where = [f"substr(recorded_at, 1, 10) {op} ?" for op, v in ((">=", since), ("<=", until)) if v]
    sql = f"SELECT {_COLUMNS} FROM debriefs" + (" WHERE " + " AND ".join(where) if where else "")
    return list(db.query(sql, [v for v in (since, until) if v]))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _figures(rows: list[dict]) -> dict:
    def count(column: str, value: str, among=rows) -> int:
        return sum(1 for row in among if row[column] == value)

    # As in SQL, a NULL verdict is neither a stall nor 'none'.
    stalls = [row for row in rows if row["excuses_accepted"] not in (None, "none")]
    return {
        "memos": len(rows),
        "firm_f2f_share": _share(count("firm_followup", "yes"), len(rows)),
        "dm_met_share": _share(count("decision_maker_met", "yes"), len(rows)),
        "stalls_memos": len(stalls),
        "stalls_accepted_share": _share(count("excuses_accepted", "yes", stalls), len(stalls)),
        "proposals_without_meeting": count("proposal_without_meeting", "yes"),
    }


def _score(rep: str, rows: list[dict]) -> RepScore:
    return RepScore(rep=rep, **_figures(rows), weeks=_score_weeks(rows))


def _score_weeks(rows: list[dict]) -> list[WeekScore]:
    by_week: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in rows:
        try:
            day = date.fromisoformat((row["recorded_at"] or "")[:10])
        except ValueError:
            continue  # no usable date: in the totals, not in the trend
        by_week[day.isocalendar()[:2]].append(row)
    weeks = []
    for year, week in sorted(by_week):
        figures = _figures(by_week[year, week])
        del figures["stalls_memos"], figures["proposals_without_meeting"]
        monday = date.fromisocalendar(year, week, 1).isoformat()
        weeks.append(WeekScore(f"{year}-W{week:02d}", monday, **figures))
    return weeks


# --- HTML -------------------------------------------------------------------

_CSS = """
body{margin:0;background:#f4f5f7;color:#1f2933;
  font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 20px 40px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px}
.meta{color:#52606d;margin:0 0 24px}.meta b{color:#1f2933}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(440px,100%),1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:14px 16px}
figure.wide{grid-column:1/-1}
figcaption{font-weight:600;margin-bottom:8px}figcaption small{display:block;font-weight:400;color:#616e7c}
svg{display:block;width:100%;height:auto}svg text{font-size:13px;fill:#323f4b}
svg .muted{fill:#7b8794}svg .grid{stroke:#e4e7eb}svg .team{stroke:#52606d;stroke-dasharray:4 3}
.legend{margin:8px 0 0;color:#52606d;font-size:13px}
.legend i{display:inline-block;width:14px;height:4px;margin:0 6px 3px 14px;vertical-align:middle}
.legend i.team{height:0;border-top:2px dashed #52606d}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e4e7eb}
th,td{padding:8px 10px;border-bottom:1px solid #e4e7eb;text-align:right}
th{background:#f9fafb;font-size:13px;color:#52606d}th:first-child,td:first-child{text-align:left}
tfoot td{font-weight:600;border-bottom:0}
.empty{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:40px;
  text-align:center;font-size:18px}
footer{margin-top:24px;color:#7b8794;font-size:13px}
@media print{body{background:#fff}figure{break-inside:avoid}}
"""

_FIGURES = (  # attribute, caption, explanation
    ("firm_f2f_share", "Firm face-to-face follow-up",
     "Share of memos that ended with a specific day and time to meet in person"),
    ("dm_met_share", "Decision-maker met", "Share of memos where the rep met the person who can say yes"),
    ("stalls_accepted_share", "Stalls accepted",
     "Of the memos where the prospect stalled, the share where the rep accepted a stall"),
)


def render_html(scorecard: Scorecard) -> str:
    """One self-contained HTML page: the scorecard as charts and a table."""
    body = _charts(scorecard) + _table(scorecard) if scorecard.team.memos else (
        '<p class="empty">No debriefs in this period.</p>')
    generated = scorecard.generated_at.replace("T", " ")[:16] + " UTC"
    memos, reps = scorecard.team.memos, len(scorecard.reps)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Debrief scorecard — {escape(_period(scorecard))}</title><style>{_CSS}</style></head>"
        f"<body><main><h1>Debrief scorecard</h1><p class=\"meta\">Period: <b>{escape(_period(scorecard))}</b>"
        f" · {memos} memo{'s' * (memos != 1)} · {reps} rep{'s' * (reps != 1)}"
        f" · generated {escape(generated)}</p>"
        f"{body}<footer>From the debriefs view of the debrief database; "
        "a manager's correction counts in place of the machine's verdict.</footer></main></body></html>\n"
    )


def _period(sc: Scorecard) -> str:
    if sc.since and sc.until:
        return f"{sc.since} to {sc.until}"
    return f"from {sc.since}" if sc.since else f"up to {sc.until}" if sc.until else "all debriefs"


def _pct(value: float | None, none: str = "—") -> str:
    return none if value is None else f"{round(value * 100)}%"


def render_charts(scorecard: Scorecard) -> str:
    """The charts alone (inline SVG in a <section>), for a page that brings its own frame."""
    return _charts(scorecard)


def _charts(sc: Scorecard) -> str:
    colors = {rep.rep: COLORS[i % len(COLORS)] for i, rep in enumerate(sc.reps)}
    memos = [(r.rep, r.memos, str(r.memos)) for r in sc.reps]
    proposals = [(r.rep, r.proposals_without_meeting, str(r.proposals_without_meeting)) for r in sc.reps]
    figures = [_figure("Memos per rep", f"{sc.team.memos} memos in all",
                       _bar_chart(memos, colors, max(r.memos for r in sc.reps) or 1))]
    for attr, caption, note in _FIGURES:
        none = "no stalls" if attr == "stalls_accepted_share" else "—"
        bars = [(r.rep, getattr(r, attr), _pct(getattr(r, attr), none)) for r in sc.reps]
        team = getattr(sc.team, attr)
        figures.append(_figure(f"{caption} per rep", f"{note}; team {_pct(team, none)} (dashed)",
                               _bar_chart(bars, colors, 1.0, team, share=True)))
    figures.append(_figure("Proposals without a meeting per rep", "Proposals or quotes sent with no "
                           f"meeting set; {sc.team.proposals_without_meeting} in all",
                           _bar_chart(proposals, colors, max(r[1] for r in proposals) or 1)))
    figures.append(_figure("Firm face-to-face follow-up, week by week",
                           "Share of each week's memos, one line per rep; dashed: the team",
                           _trend_chart(sc, colors) + _legend(colors), wide=True))
    return '<section class="charts">' + "".join(figures) + "</section>"


def _figure(caption: str, note: str, chart: str, wide: bool = False) -> str:
    cls = ' class="wide"' if wide else ""
    return (f"<figure{cls}><figcaption>{escape(caption)}<small>{escape(note)}</small>"
            f"</figcaption>{chart}</figure>")


def _svg(width: int, height: int, label: str, parts: list[str]) -> str:
    return (f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
            + "".join(parts) + "</svg>")


def _bar_chart(bars: list[tuple[str, float | None, str]], colors: dict[str, str],
               top: float, team: float | None = None, share: bool = False) -> str:
    width, left, row = 480, 120, 30
    span, bottom = width - left - 70, 8 + row * len(bars)

    def x(value: float) -> float:
        return left + span * value / top

    ticks = [(0, "0%"), (0.5, "50%"), (1, "100%")] if share else [(0, "0"), (top, f"{top:g}")]
    parts = [f'<line class="grid" x1="{x(v):.1f}" x2="{x(v):.1f}" y1="4" y2="{bottom}"/>'
             f'<text class="muted" x="{x(v):.1f}" y="{bottom + 16}" text-anchor="middle">{t}</text>'
             for v, t in ticks]
    for i, (rep, value, text) in enumerate(bars):
        y, end = 8 + i * row, x(value or 0)
        name = rep if len(rep) <= 16 else rep[:15] + "…"
        parts.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{escape(name)}'
                     f"<title>{escape(rep)}</title></text>")
        if value is not None:
            parts.append(f'<rect x="{left}" y="{y + 3}" width="{end - left:.1f}" height="18" rx="3" '
                         f'fill="{colors[rep]}"><title>{escape(rep)}: {escape(text)}</title></rect>')
        parts.append(f'<text class="{"" if value is not None else "muted"}" x="{end + 6:.1f}" '
                     f'y="{y + 16}">{escape(text)}</text>')
    if team is not None:
        parts.append(f'<line class="team" x1="{x(team):.1f}" x2="{x(team):.1f}" y1="2" y2="{bottom}"/>')
    return _svg(width, bottom + 24, "bar chart", parts)


def _trend_chart(sc: Scorecard, colors: dict[str, str]) -> str:
    first, last = (date.fromisoformat(sc.team.weeks[i].monday) for i in (0, -1))
    mondays = [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    width, height, left, top, plot_h = 960, 250, 48, 12, 190
    slot = (width - left - 16) / len(mondays)
    xs = {m.isoformat(): left + slot * (i + 0.5) for i, m in enumerate(mondays)}

    def y(share: float) -> float:
        return top + plot_h * (1 - share)

    parts = [f'<line class="grid" x1="{left}" x2="{width - 16}" y1="{y(v)}" y2="{y(v)}"/>'
             f'<text class="muted" x="{left - 8}" y="{y(v) + 4}" text-anchor="end">{_pct(v)}</text>'
             for v in (0, 0.25, 0.5, 0.75, 1)]
    step = -(-len(mondays) // 12)  # at most a dozen week labels
    for monday in mondays[::step]:
        iso = monday.isoformat()
        parts.append(f'<text class="muted" x="{xs[iso]:.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
                     f'W{monday.isocalendar()[1]:02d}<tspan x="{xs[iso]:.1f}" dy="14">'
                     f"{monday.day} {monday:%b}</tspan></text>")
    # Reps with equal shares would draw one line over another: each rep's line is
    # offset by a few pixels around the true value, so every one stays visible.
    nudge = {rep.rep: 3.0 * (i - (len(sc.reps) - 1) / 2) for i, rep in enumerate(sc.reps)}
    parts += [_trend_line(rep, xs, lambda share, r=rep.rep: y(share) + nudge[r], colors[rep.rep])
              for rep in sc.reps]
    parts.append(_trend_line(sc.team, xs, y, None))  # last: its thin dashed line stays visible
    return _svg(width, height, "line chart", parts)


def _trend_line(rep: RepScore, xs: dict[str, float], y, color: str | None) -> str:
    points = [(xs[w.monday], y(w.firm_f2f_share), w) for w in rep.weeks]
    style = f'stroke="{color}" stroke-width="2.5"' if color else 'class="team" stroke-width="1.5"'
    coords = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
    dots = "".join(
        f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{4 if color else 2.5}" fill="{color or "#52606d"}">'
        f"<title>{escape(rep.rep)}, {w.week}: {_pct(w.firm_f2f_share)} of {w.memos} memos</title></circle>"
        for px, py, w in points)
    return f'<g><polyline fill="none" {style} points="{coords}"/>{dots}</g>'


def _legend(colors: dict[str, str]) -> str:
    keys = "".join(f'<span><i style="background:{c}"></i>{escape(rep)}</span>' for rep, c in colors.items())
    return f'<p class="legend">{keys}<span><i class="team"></i>{TEAM}</span></p>'


def _table(sc: Scorecard) -> str:
    head = ("Rep", "Memos", "Firm face-to-face follow-up", "Decision-maker met",
            "Memos with a stall", "Stalls accepted", "Proposals without a meeting")

    def cells(r: RepScore) -> str:
        values = (r.rep, r.memos, _pct(r.firm_f2f_share), _pct(r.dm_met_share), r.stalls_memos,
                  _pct(r.stalls_accepted_share), r.proposals_without_meeting)
        return "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in values) + "</tr>"

    return ("<h2>Figures</h2><table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(cells(r) for r in sc.reps)
            + f"</tbody><tfoot>{cells(sc.team)}</tfoot></table>")
