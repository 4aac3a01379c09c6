"""How firm one candidate plan is: firm in person, firm remote, or tentative, and what it lacks.

Firm needs a specific day and time, the prospect's agreement (an agreement word, or
the day and time themselves, unless only asked) and no hedge; a mode never said is
taken as in person, since remote meetings are named (a call, Zoom, Teams). A plan
said again keeps the mode it was first said with. Separate from followup.py, which
chooses among the graded plans.
"""

from __future__ import annotations

from .candidates import COMPONENTS, MODES, SPECIFIC, Candidate, restates
from .clauses import Clause


def grade(candidate: Candidate, earlier: list[Candidate]) -> None:
    """Set the candidate's value and what it lacks; `earlier` are the plans said before it
    (a plan said again keeps the mode it was first said with)."""
    focus = candidate.focus
    has = {h.label for h in candidate.hits(*COMPONENTS)}
    # "I'll book it"; not "we agreed I'll come back Thursday", an agreement told as done
    still_to_arrange = focus.has("AGREED") and focus.future and focus.speaker == "rep" and \
        not any(focus.doc[h.start].tag_ == "VBD" for h in focus.of("AGREED"))
    confirmed = any(c.has("AGREED") and not (c.future and c.speaker == "rep") for c in candidate.context)
    hedged = focus.hedged or bool(candidate.lead_in and candidate.lead_in.hedged) or _held_open(candidate)
    specific = SPECIFIC <= has
    said_agreed = (focus.has("AGREED") and not still_to_arrange) or confirmed
    proposed = _only_asked(candidate)  # "I asked if Tuesday at ten works": a question, not an answer
    agreed = said_agreed or (specific and not still_to_arrange and not proposed)
    mode, mode_said = _mode(candidate, earlier)
    candidate.mode_said, candidate.agreed_said = mode_said, said_agreed

    missing = []
    if "DATE" not in has:
        missing.append("a specific day" + (" (only a rough time frame)" if "DATE_VAGUE" in has else ""))
    if "TIME" not in has:
        missing.append("a time")
    if mode != "in_person":
        missing.append("in person")
    if not agreed:
        missing.append("the prospect's agreement")
    if hedged:
        missing.append("a commitment (said as a hope or an attempt)")
    candidate.missing = missing

    firm = specific and agreed and not hedged
    if firm and mode == "in_person":
        candidate.value = "firm_in_person"
    elif firm and mode == "remote":
        candidate.value = "firm_remote"
    else:
        candidate.value = "tentative"


def _held_open(candidate: Candidate) -> bool:
    """The prospect left it open: 'he said maybe', 'she has to check her calendar and
    get back to me', or a schedule clause said as a hope ('Friday at 2 is a maybe')."""
    focus = candidate.focus
    sentence = [c for c in _clauses_of(focus) if c.start > focus.start]
    if any((c.speaker == "prospect" and c.hedged) or c.has("PENDING") for c in sentence):
        return True
    # An offer said before a plan the prospect then agreed ("I offered to go through it in
    # person. Thursday at 10 at her office, confirmed."; "I suggested coming back, and he
    # booked it: Tuesday at two") was answered by it.
    answered = focus.has("AGREED") and not focus.has("PENDING")
    return any((c.has("PENDING") or (c.hedged and c.has(*SPECIFIC))) and c is not focus and not c.has("AGREED")
               and not (answered and c.start < focus.start)
               and not (c.sent_index > focus.sent_index and _moves_on(c))
               for c in candidate.context) or focus.has("PENDING")


def _moves_on(clause: Clause) -> bool:
    """'She also said her cousin has a pub that might be worth a call', 'by the way': a new
    matter, whose hedge is not about the plan before it."""
    words = [t.lower_ for t in clause.doc[clause.start:min(clause.start + 6, clause.end)]]
    return "also" in words or words[:3] == ["by", "the", "way"] or words[:2] in (["oh", "and"], ["another", "thing"])


def _clauses_of(clause: Clause) -> list[Clause]:
    return clause.doc.user_data.get("debrief_clauses_by_sentence", {}).get(clause.sent_index, [])


def _only_asked(candidate: Candidate) -> bool:
    """The day and time were put as a question ('I asked if Tuesday at ten works')."""
    doc = candidate.focus.doc
    for hit in candidate.hits("DATE"):
        window = doc[max(hit.start - 4, 0):hit.start]
        if any(t.lower_ in ("if", "whether") for t in window) and \
                any(t.lemma_.lower() in ("ask", "wonder", "see", "check")
                    for t in doc[max(hit.start - 7, 0):hit.start]):
            return True
    return False


def _mode(candidate: Candidate, earlier: list[Candidate]) -> tuple[str, bool]:
    """Remote or in person, and whether it was said. The plan's own sentence speaks first:
    its last clause with both a day or time and a mode, else a remote meeting anywhere in
    it ("she wants a walkthrough, so we have a Zoom on Monday"): the in-person words
    around it usually tell today's visit. A plan said
    again ("So Friday at 1.") keeps the mode it was first said with; then the sentences
    around it; a mode never said is taken as in person."""
    here = [c for c in [candidate.focus, *candidate.context] if c.sent_index == candidate.focus.sent_index]
    elsewhere = [c for c in candidate.context if c.sent_index != candidate.focus.sent_index]
    # "We first booked a Zoom for Monday at 9, then she'd rather I come in, so now it's at
    # her office Monday at 9:30": the last day and time said with a mode carry their own.
    dated = [c for c in here if c.has(*MODES) and c.has(*SPECIFIC)]
    said_here = _mode_said(dated[-1:]) or _mode_said(here)
    if said_here:
        return said_here, True
    for before in reversed(earlier):
        if restates(candidate, before):
            return _mode(before, [])
    said_elsewhere = _mode_said(elsewhere)
    return (said_elsewhere, True) if said_elsewhere else ("in_person", False)


def _mode_said(clauses: list[Clause]) -> str | None:
    # 'rang her there and then from the office': where the rep was, not where they will meet
    labels = {h.label for c in clauses for h in c.of(*MODES)
              if not (h.label == "IN_PERSON" and h.start > 0 and c.doc[h.start - 1].lower_ == "from")}
    return "remote" if "REMOTE" in labels else "in_person" if "IN_PERSON" in labels else None
