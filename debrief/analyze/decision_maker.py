"""Did the rep meet the person who can say yes? (PRINCIPLES.md, habit 2)

The verdict is read from the memo's cast (cast.py): who was met, who was only
mentioned, who was away, and who holds the authority, however the memo says
it (a title, "signs the checks", "it's her shop", "the COO, who signs").

- A person met who holds the authority: `yes`, even when they must consult a
  spouse, partner or board (that is a stall, not a missing decision-maker).
- Someone else decides (a person, a role or a body: the board, head office,
  procurement, "up the chain") and was not met; or the contact defers ("run it
  by", "just submits"); or only a gatekeeper was seen; or nobody at all
  (voicemail, no-show): `no`.
- A senior title alone, or nothing about who decides: `unclear`.

On a blank pipeline (no parse) the older clause signals decide instead.
Each verdict says when it is unsure (`unsure_reason`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .cast import Cast, Person, build_cast
from .clauses import Clause
from .patterns import Hit, Rule
from .relays import MESSAGES, RELAY_VERBS

DETERMINERS = {"her", "his", "their", "the", "my", "our", "a", "an"}
LINK_WORDS = {"by", "past", "from", "of", "with", "to", "without"}
NOT_A_DECIDER = {"them", "him", "her", "it", "us", "me", "you", "anyone", "anybody", "someone", "somebody"}


def _cast_rule(rule_id: str, label: str, description: str) -> Rule:
    return Rule(id=rule_id, label=label, description=description, patterns=[[{}]], source="cast")


CAST_MET = _cast_rule("cast-met", "DM_MET", "The rep met this person (met with, sat down with, she said ...)")
CAST_ABSENT = _cast_rule("cast-absent", "DM_ABSENT", "This person was away or not met")
CAST_TITLE = _cast_rule("cast-title", "DM_ROLE", "This person's title carries the authority")


@dataclass
class DecisionMakerVerdict:
    value: str
    who: str | None
    evidence: list[tuple[Clause, Hit]]
    missing: str | None = None  # the near miss, for `no` and `unclear`
    confident: bool = True
    unsure_reason: str | None = None
    basis: str = ""  # which reading decided it, for measuring
    met_label: str | None = None  # the most senior person met, named if the weighing says yes
    cast_shape: tuple[str, ...] = ()  # who was met and who decides, in general terms, for the weighing


def judge_decision_maker(clauses: list[Clause], find_people=None) -> DecisionMakerVerdict:
    """`find_people(span)` gives the token ranges of people named in a sentence, or
    None when no entity recognizer is loaded (then capitalised words stand in)."""
    if not clauses or not clauses[0].doc.has_annotation("DEP"):
        return _judge_by_clauses(clauses, find_people)
    doc = clauses[0].doc
    cast = build_cast(doc, doc.user_data.get("debrief_hits", []), _prospect_speaks(clauses))
    verdict = _judge_by_cast(cast, clauses)
    verdict.met_label = _most_senior_met(cast)
    verdict.cast_shape = cast.shape()
    return verdict


def _most_senior_met(cast: Cast) -> str | None:
    order = {"top": 0, "senior": 1, None: 2, "junior": 3, "body": 4}
    met = [p for p in cast.met() if p.label and not p.rep_side]
    return min(met, key=lambda p: (0 if p.has_authority else 1, order.get(p.rank, 2))).label if met else None


def _prospect_speaks(clauses: list[Clause]):
    """Token i is in the prospect's own words ('she said flat out, I make these calls')."""
    def speaks(i: int) -> bool:
        clause = next((c for c in clauses if c.start <= i < c.end), None)
        return clause is not None and clause.speaker == "prospect" and not _rep_side_subject(clause)
    return speaks


def _rep_side_subject(clause: Clause) -> bool:
    """'My boss has the final say on discounts', 'my regional head Sandra came along': a sentence
    that opens on the rep's own people is the rep's telling, though its subject is a noun."""
    first = clause.doc[clause.start]
    if clause.start != clause.sentence.start or clause.of("SPEECH"):
        return False
    if first.lower_ in ("my", "our") and first.dep_ == "poss":
        return True
    # 'Pete, my manager, tagged along', 'Andy from our side came with me'
    named = first.head if first.dep_ == "compound" else first
    return named.pos_ == "PROPN" and (
        any(c.dep_ == "appos" and any(g.dep_ == "poss" and g.lower_ in ("my", "our") for g in c.children)
            for c in named.children)
        or [t.lower_ for t in clause.doc[named.i + 1:named.i + 3]] == ["from", "our"])


def _judge_by_cast(cast: Cast, clauses: list[Clause]) -> DecisionMakerVerdict:
    met = cast.met() or _presumed_met(cast)
    if cast.nobody_met:  # 'the meeting got cancelled, Sarah rang me herself to say sorry': no one was seen
        met = [p for p in met if not _only_on_the_phone(p, cast.doc)]
    deciders_met = [p for p in met if p.has_authority]
    if deciders_met:
        person = min(deciders_met, key=lambda p: (_strength(p), min(p.met or p.mentions or [0])))
        evidence = _evidence(clauses, person)
        unsure = _unsure_yes(person, cast)
        doc = clauses[0].doc
        basis = "yes:" + ("title" if person.rank == "top" else "said") + (":+pred" if person.authority else "") + \
            (":named" if any(doc[i].pos_ == "PROPN" or doc[i].pos_ == "NOUN" for i in person.met) else ":pron") + \
            (":others" if any(p.has_authority and not p.was_met for p in cast.people if p is not person) else "")
        return DecisionMakerVerdict("yes", person.label, evidence, None, unsure is None, unsure, basis)
    elsewhere = [p for p in cast.people if p.has_authority and not p.was_met and not p.rep_side and _said_to_decide(p)]
    deferring = [p for p in met if p.defers or p.no_authority]
    if elsewhere or deferring or cast.unnamed_elsewhere:
        return _someone_else(cast, clauses, elsewhere, deferring)
    strong = [h for h in cast.nobody_met if not _weak_nobody(h, clauses) and not _a_later_one_cancelled(h, met, cast.doc)]
    # 'The guys there said he's at the other job': bystanders are nobody met
    contacts = [p for p in met if p.name or p.rank or not p.plural]
    if not contacts and (cast.nobody_met or any(p.absent for p in cast.people)) or strong:
        hits = [(_clause_at(clauses, h.start), h) for h in cast.nobody_met]
        away = [p for p in cast.people if p.absent]
        found = f"\"{clauses[0].doc[cast.nobody_met[0].start:cast.nobody_met[0].end].text}\"" if cast.nobody_met \
            else f"{away[0].label or 'the contact'} was not there"
        return DecisionMakerVerdict("no", None, hits + [e for p in away for e in _evidence(clauses, p)],
                                    f"nobody was met: {found}", True, None)
    if met and all(p.rank == "junior" for p in met):
        person = met[0]
        return DecisionMakerVerdict("no", None, _evidence(clauses, person),
                                    f"only a gatekeeper was met ({person.label})", True, None, "no:gatekeeper")
    senior = [p for p in met if p.rank in ("senior", "top")]
    who = senior[0].label if senior else None
    missing = f"{who} was met; nothing says who decides" if who else "nobody's role or authority to decide was said"
    # A senior title with nothing about deciding is the ruling's own case of `unclear`;
    # a memo that says nothing at all may have said it in a way not read.
    reason = None if senior else "nothing says who was met or who decides"
    return DecisionMakerVerdict("unclear", None, [e for p in senior[:1] for e in _evidence(clauses, p)],
                                missing, reason is None, reason, "unclear:senior" if senior else "unclear:nothing")


def _presumed_met(cast: Cast) -> list[Person]:
    """'Hartwell Plumbing. That with Dave Hartwell, it's his shop': a memo that never says
    who was met, nor that anyone was away or unreachable, nor that a meeting was only 'supposed
    to' happen, is about the one person it names."""
    if cast.nobody_met or any(p.absent for p in cast.people):
        return []
    if any(hit.label == "DM_PLANNED_ONLY" for hit in cast.doc.user_data.get("debrief_hits", [])):
        return []
    people = [p for p in cast.people if not p.rep_side and not p.is_body]
    named = [p for p in people if p.name]
    if any(p.deferred_to for p in cast.people):
        # 'Don Sergio Aguirre, el dueño ... "let me talk with my partner, Rodrigo"': the one who
        # defers is the one the rep was talking to; otherwise nobody is presumed
        deferring = [p for p in named if p.defers and not p.deferred_to]
        return deferring if len(deferring) == 1 else []
    others = [p for p in people if not p.name]
    tops = [p for p in others if p.rank == "top"]
    if not named and len(tops) == 1 and _did_something(tops[0], cast.doc) and \
            not any(p.has_authority or p.rank in ("junior", "senior") for p in others if p is not tops[0]):
        return tops  # 'blue door deli on colfax sal the owner great guy ... he wants the meats': the one met
    if any(p.has_authority or p.rank == "junior" for p in others):
        return []  # someone else decides, or a gatekeeper is who the rep saw
    if len(named) == 1:
        return named
    # 'Dr. Reed in Oxford, owns the place, called us after the Hinman meeting', 'Dave and his wife
    # Marie, they own it together': the memo is about the named people who decide; the other
    # capitalised words (an event, a firm) are no one the rep met instead
    deciders = [p for p in named if p.has_authority and not p.defers and not p.deferred_to]
    rest = [p for p in named if p not in deciders]
    if deciders and len(deciders) <= 2 and not any(p.rank or p.gender or p.no_authority for p in rest):
        return deciders
    return []


TODAY_WANTS = {"want", "like", "love", "need", "say", "hate"}


def _did_something(person: Person, doc) -> bool:
    """The person is the subject of something done ('tasted all three roasts') or wished
    ('he wants the meats'), not of a habit or a rule ('the owner decides')."""
    for i in person.mentions + person.met:
        token = doc[i]
        verb = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and not any(c.dep_ == "neg" for c in verb.children) \
                and (verb.tag_ == "VBD" or verb.tag_ == "VBZ" and verb.lemma_.lower() in TODAY_WANTS):
            return True
    return False


# relays.py's words for a call or a message, and the voicemail or reply they leave
PHONE_WORDS = RELAY_VERBS | (MESSAGES - {"note"}) | {"rang", "voicemail", "mail", "reply", "respond"}


def _only_on_the_phone(person: Person, doc) -> bool:
    """Every sentence that shows this person met says a phone, a text or a call."""
    sentences = {doc[i].sent.start: doc[i].sent for i in person.met}
    return bool(sentences) and all(any(t.lemma_.lower() in PHONE_WORDS or t.lower_ in PHONE_WORDS for t in sent)
                                   for sent in sentences.values())


def _said_to_decide(person: Person) -> bool:
    """An owner only mentioned ('the owner's son is taking over', 'not sure who's the boss') is
    not said to decide this; one with a predicate, one deferred to, or one away, is; and so is a boss
    whose words came through the one met ('the foreman said the boss says call after midsommar')."""
    return bool(person.authority or person.deferred_to or person.absent or person.name or person.is_body
                or person.rank == "top" and person.heard_through)


def _weak_nobody(hit: Hit, clauses: list[Clause]) -> bool:
    """A voicemail or a card left says nobody was met only when nobody else was."""
    text = clauses[0].doc[hit.start:hit.end].text.lower()
    return "voice" in text or "card" in text or "answer" in text


def _a_later_one_cancelled(hit: Hit, met: list[Person], doc) -> bool:
    """'Met Stuart Lennox this morning ... he's just phoned, he's had to cancel Thursday': the
    cancellation is of the next meeting, after someone named or titled was met."""
    return "cancel" in doc[hit.start:hit.end].text.lower() and \
        any(p.met and min(p.met) < hit.start and (p.name or p.rank) for p in met)


def _strength(person: Person) -> int:
    """Prefer a title and a predicate together, then a title, then a predicate."""
    return 0 if person.rank == "top" and person.authority else 1 if person.rank == "top" else 2


def _unsure_yes(person: Person, cast: Cast) -> str | None:
    others = [p for p in cast.people if p is not person and p.has_authority and not p.was_met and not p.rep_side]
    if person.defers and person.rank != "top":
        return "the person met holds authority but also defers to someone"
    if others and person.rank != "top":
        return f"someone not met also holds authority ({others[0].label})"
    if person.absent:
        return "the person with authority was also said to be away"
    doc = cast.doc
    if person.rank == "top" and not person.authority and not any(doc[i].pos_ in ("PROPN", "NOUN") for i in person.met):
        return "a title alone, and the meeting only by a pronoun"
    return None


def _someone_else(cast: Cast, clauses: list[Clause], elsewhere: list[Person],
                  deferring: list[Person]) -> DecisionMakerVerdict:
    evidence = [e for p in elsewhere + deferring for e in _evidence(clauses, p)]
    evidence += [(_clause_at(clauses, h.start), h) for h in cast.unnamed_elsewhere]
    decider = next((p for p in elsewhere if p.name), elsewhere[0] if elsewhere else None)
    who = None
    if decider is not None:
        who = decider.label if decider.name else _said_as(clauses, decider) or decider.label
    elif cast.unnamed_elsewhere:
        hit = cast.unnamed_elsewhere[0]
        who = _third_party(_clause_at(clauses, hit.start), hit) if hit.rule.id == "dm-elsewhere" else None
    if decider is not None and decider.absent and not decider.deferred_to:
        missing = f"the decision-maker ({who}) was not met"
    else:
        missing = f"someone else decides: {who}" if who else "someone else decides"
    unsure = None
    if decider is None:
        unsure = "someone else decides, but who is not said"
    basis = "no:" + ("body" if decider is not None and decider.is_body else "named" if decider is not None and decider.name
                     else "role" if decider is not None else "none") + (":defers" if deferring else "") + \
        (":away" if decider is not None and decider.absent else "") + (":met-top" if any(p.rank == "top" for p in cast.met()) else "")
    return DecisionMakerVerdict("no", who, evidence, missing, unsure is None, unsure, basis)


def _said_as(clauses: list[Clause], person: Person) -> str | None:
    """How the memo first called a decider with no name: 'her partner', 'the board'."""
    if not person.mentions:
        return None
    doc = clauses[0].doc
    start = person.mentions[0]
    end = start + 1
    if doc[start].pos_ == "DET" and start < doc[start].head.i <= start + 3:
        end = doc[start].head.i + 1  # the mention landed on 'the' of 'the md': say the whole
    deciding = {h.start for h in doc.user_data.get("debrief_hits", []) if h.label == "DM_AUTHORITY"}
    while end < len(doc) and doc[end].is_alpha and doc[end - 1].dep_ in ("compound", "amod") and doc[end].pos_ != "VERB" \
            and end not in deciding:  # 'the committee votes on ...' read as one noun
        end += 1
    if start > 0 and doc[start - 1].lower_ in DETERMINERS - {"a", "an"}:
        start -= 1
    return doc[start:end].text


def _clause_at(clauses: list[Clause], index: int) -> Clause:
    return next((c for c in clauses if c.start <= index < c.end), clauses[-1])


def _evidence(clauses: list[Clause], person: Person) -> list[tuple[Clause, Hit]]:
    """The hits (or the tokens) that show who this person is and what they did."""
    hits = clauses[0].doc.user_data.get("debrief_hits", [])
    found = []
    for indices, rule in ((person.authority + person.defers + person.no_authority + person.deferred_to, None),
                          (person.met[:1], CAST_MET), (person.absent[:1], CAST_ABSENT)):
        for index in indices:
            hit = next((h for h in hits if h.start == index and h.label.startswith("DM_")), None)
            if hit is None:
                hit = Hit(rule or CAST_TITLE, index, index + 1)
            found.append((_clause_at(clauses, index), hit))
    if not found and person.rank == "top" and person.mentions:
        found.append((_clause_at(clauses, person.mentions[0]), Hit(CAST_TITLE, person.mentions[0],
                                                                    person.mentions[0] + 1)))
    return found


# --- the blank pipeline: clause signals --------------------------------------------

def _judge_by_clauses(clauses: list[Clause], find_people=None) -> DecisionMakerVerdict:
    """Without a parse: 'someone else decides' settles `no`, an absent DM is `no`
    unless one is met later, meeting a deciding title is `yes`."""
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
    said = []
    for token in tokens:
        if not said and (token.lower_ in ("not", "n't", "never") or token.tag_ == "PRP$"):
            continue  # "not his decision": nobody is named
        if token.is_punct or (said and said[-1].lower_ not in DETERMINERS):
            break
        said.append(token)
    if not said or said[-1].pos_ in ("VERB", "AUX"):
        return None  # a verb is never who decides ('can', 'put')
    words = " ".join(t.text for t in said)
    return None if words.lower() in NOT_A_DECIDER else words


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
    covered = {i for h in hits if h.label not in ("SUBJECT_REP", "SUBJECT_PROSPECT", "DM_GENDER")
               for i in range(h.start, h.end)}
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
