"""One line of coaching per habit the memo shows was missed (PRINCIPLES.md).

Written for the rep, in plain words, using what the memo said ("'next week'
is not a meeting yet"). Notes come out in the order a manager would raise
them: the next meeting first, then who decides, then the stalls, then the
chasing habits.
"""

from __future__ import annotations

from ..records import Debrief

BOOK_IT = "before you leave, book the next face-to-face meeting: a day, a time, at their place, in their calendar"

STALL_ADVICE = {
    "think_it_over": "ask what exactly they need to think over, and settle it there",
    "send_info": "ask what they would look for in it, and go through it together in person instead of sending it",
    "no_budget": "ask what it would take to find the money, and who controls it",
    "bad_timing": "ask what will be different then, and set the date now",
    "call_back_later": "set the date now instead of agreeing to call",
    "consult_someone": "ask to meet that person together",
    "happy_with_vendor": "ask what they would change about their current supplier",
    "not_interested": "ask what they have tried before and why it didn't fit",
}


def coaching_notes(debrief: Debrief) -> dict[str, str]:
    """verdict column → note, only for the habits that were missed, most important first."""
    notes = {}
    followup = _followup_note(debrief)
    if followup:
        notes["followup"] = followup
    if debrief.proposal_without_meeting == "yes":
        notes["proposal_without_meeting"] = (
            "Don't send a proposal on its own: book a face-to-face meeting to go through it together.")
    decision_maker = _decision_maker_note(debrief)
    if decision_maker:
        notes["decision_maker_met"] = decision_maker
    accepted = [e for e in debrief.excuses if e.handled == "accepted"]
    if accepted:
        stall = accepted[0]
        notes["excuses_accepted"] = f"\"{stall.words}\" was accepted: {STALL_ADVICE.get(stall.kind, 'find the real reason behind it')}."
    if debrief.chasing == "yes":
        notes["chasing"] = "You are chasing this account: stop checking in, and leave every meeting with the next one booked."
    if debrief.pressure == "yes":
        notes["pressure"] = "Drop the deadline pressure: a pushed prospect stalls; find the real reason instead."
    return notes


def _followup_note(debrief: Debrief) -> str | None:
    if debrief.followup == "none":
        return f"No next meeting was set: {BOOK_IT}."
    if debrief.followup == "tentative":
        said = f"\"{debrief.followup_when}\"" if debrief.followup_when else "A meeting in mind"
        missing = ", ".join(m.split(" (")[0] for m in debrief.followup_missing[:3])
        return f"{said} is not a meeting yet (missing {missing}): {BOOK_IT}."
    if debrief.followup == "firm_remote":
        return "A call is booked, not a meeting: ask to go through it face to face, at their office."
    return None


def _decision_maker_note(debrief: Debrief) -> str | None:
    if debrief.decision_maker_met == "no":
        who = debrief.decision_maker or "the decision-maker"
        return f"You did not meet who decides ({who}): ask your contact to bring {who} to the next meeting."
    if debrief.decision_maker_met == "unclear":
        return "The memo doesn't say who decides: ask who signs off, and get them into the next meeting."
    return None
