"""Did the rep meet the person who can say yes? (PRINCIPLES.md, habit 2)

Read in memo order. "Someone else decides" (run it by, approval from, the
board decides) settles it as `no`. The decision-maker being absent is `no`
unless the rep meets one later in the memo. Meeting someone with a deciding
title, or the contact being that person ("she's the owner"), is `yes`.
Nothing about who decides is `unclear`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import Clause
from .patterns import Hit

DETERMINERS = {"her", "his", "their", "the", "my", "our", "a", "an"}
LINK_WORDS = {"by", "past", "from", "of", "with", "to"}


@dataclass
class DecisionMakerVerdict:
    value: str
    who: str | None
    evidence: list[tuple[Clause, Hit]]
    missing: str | None = None  # the near miss, for `no` and `unclear`


def judge_decision_maker(clauses: list[Clause], find_people=None) -> DecisionMakerVerdict:
    """`find_people(span)` gives the token ranges of people named in a sentence, or
    None when no entity recognizer is loaded (then capitalised words stand in)."""
    elsewhere, absent, met = [], [], []
    for clause in clauses:
        signals = _signals(clause)
        for kind, hit in signals:
            {"elsewhere": elsewhere, "absent": absent, "met": met}[kind].append((clause, hit))
    if elsewhere:
        clause, hit = elsewhere[0]
        who = _third_party(clause, hit) if hit.label == "DM_ELSEWHERE" else None
        found = f" ({clause.doc[hit.start:hit.end].text})"
        return DecisionMakerVerdict("no", who, elsewhere + absent,
                                    f"someone else decides{': ' + who if who else found}")
    # The decision-maker was away unless one is met in a later sentence ("The owner
    # was out. ... Then the owner walked in."); a sentence that says both is about
    # the absent person ("Ron makes the call and he wasn't there").
    if absent and not (met and met[-1][0].sent_index > absent[-1][0].sent_index):
        clause, hit = absent[-1]
        role = _role_in(clause)
        return DecisionMakerVerdict("no", role, absent,
                                    f"the decision-maker{' (' + role + ')' if role else ''} was not met: "
                                    f"\"{clause.doc[hit.start:hit.end].text}\"")
    if met:
        clause, hit = met[0]
        return DecisionMakerVerdict("yes", _name_and_role(clause, find_people), met)
    return DecisionMakerVerdict("unclear", None, [], "nobody's role or authority to decide was said")


def _signals(clause: Clause) -> list[tuple[str, Hit]]:
    """What this clause says about the decision-maker: elsewhere, absent or met.

    Only the prospect's side speaks about who decides ("I checked with my manager"
    is the rep); a hedge ("I think he owns it", "not sure if") says nothing.
    """
    roles = clause.of("DM_ROLE")
    met_role = [("absent" if clause.negated else "met", roles[0])] \
        if roles and clause.has("DM_MET") and not clause.has("DM_ABSENT") else []
    if clause.speaker == "rep":  # "I met with the owner", "I keep missing the owner"
        return met_role + [("absent", hit) for hit in clause.of("DM_ABSENT")]
    found = []
    for hit in clause.of("DM_ELSEWHERE"):
        # "she doesn't need to run it by anyone" means she decides herself.
        found.append(("met" if clause.negates(hit) else "elsewhere", hit))
    for hit in clause.of("DM_AUTHORITY"):  # "she doesn't make the call" / "he controls the budget"
        if clause.negates(hit):
            found.append(("elsewhere", hit))
        elif _about_the_contact(clause) and not clause.hedged:
            found.append(("met", hit))
    for hit in clause.of("DM_ABSENT"):
        found.append(("absent", hit))
    for hit in clause.of("DM_SELF"):
        if clause.negates(hit):
            found.append(("elsewhere", hit))  # "she's not the owner": someone else decides
        elif not clause.hedged:
            found.append(("met", hit))
    return found + met_role


def _about_the_contact(clause: Clause) -> bool:
    """The clause's subject is the person met ('she', 'he', 'they', or 'I' in her words)."""
    return clause.speaker == "prospect" and (clause.has("SUBJECT_PROSPECT") or clause.has("SUBJECT_REP"))


def _third_party(clause: Clause, hit: Hit) -> str | None:
    """Who decides instead, as said: 'her partner', 'corporate', 'the board'."""
    doc = clause.doc
    tokens = list(doc[hit.start:hit.end])
    links = [i for i, t in enumerate(tokens) if t.lower_ in LINK_WORDS]
    if links:  # "run it by her partner", "approval from corporate": what follows the link
        after = links[-1] + 1
        tokens = tokens[after:] or list(doc[hit.end:min(hit.end + 3, clause.end)])
    else:  # "the board decides": everything but the verb
        tokens = tokens[:-1]
    words = []
    for token in tokens:
        if token.is_punct or (words and words[-1].lower() not in DETERMINERS):
            break
        words.append(token.text)
    return " ".join(words) or None


def _role_hit(clause: Clause) -> Hit | None:
    roles = [h for h in clause.sentence_hits() if h.label == "DM_ROLE"]
    return roles[0] if roles else None


def _role_in(clause: Clause) -> str | None:
    role = _role_hit(clause)
    return clause.doc[role.start:role.end].text if role else None


def _name_and_role(clause: Clause, find_people) -> str | None:
    role = _role_hit(clause)
    anchor = role.start if role else clause.start
    name = _person_name(clause, anchor, find_people)
    role_text = clause.doc[role.start:role.end].text if role else None
    return ", ".join(part for part in (name, role_text) if part) or None


def _person_name(clause: Clause, anchor: int, find_people=None) -> str | None:
    """The person named nearest to the role, in its sentence or the one before
    ("I met with Greg Olson. He's the CFO."): a PERSON entity, or on the blank
    pipeline a run of capitalised words that does not open the sentence."""
    doc = clause.doc
    sent = clause.sentence
    sentences = [sent] + ([doc[sent.start - 1].sent] if sent.start > 0 else [])
    for candidate in sentences:
        names = find_people(candidate) if find_people else None
        if names is None:
            names = _capitalised_runs(candidate, doc.user_data.get("debrief_hits", []))
        if names:
            start, end = min(names, key=lambda n: min(abs(n[0] - anchor), abs(n[1] - anchor)))
            return doc[start:end].text
    return None


def _capitalised_runs(sent, hits: list[Hit]) -> list[tuple[int, int]]:
    covered = {i for h in hits if h.label not in ("SUBJECT_REP", "SUBJECT_PROSPECT") for i in range(h.start, h.end)}
    runs, start = [], None
    for token in sent[1:]:
        name_like = token.is_title and token.is_alpha and token.lower_ != "i" and token.i not in covered
        if name_like and start is None:
            start = token.i
        elif not name_like and start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, sent.end))
    return runs
