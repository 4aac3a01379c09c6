"""A memo cut into clauses, each with who is speaking and how it is meant.

A memo is the rep's report of a conversation: "she said she'd think it over,
I said no problem" holds two speakers, one stall and one reaction. Negation,
hedges and the past are judged per clause, so "we didn't book anything last
time, but this time we locked in Tuesday" keeps its second half.

Clauses break where a pattern of label CLAUSE_BREAK, SPEECH or CONTRAST
fires (data, not code). The speaker is the clause's subject: the dependency
parse's nsubj when the trained pipeline is there, else the first subject
pronoun the patterns found. Direct speech then moves the voice: after "she
goes," or inside the quotes that follow "he said", an "I" or a "we" is the
prospect talking ("she goes, I just need to think it over").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import Hit

# Labels that qualify content rather than being content themselves.
QUALIFIERS = {"BLOCK", "NEGATION", "HEDGE", "PAST", "FUTURE", "CONTRAST", "CLAUSE_BREAK", "SPEECH",
              "SUBJECT_REP", "SUBJECT_PROSPECT", "PENDING",
              # who the people are (cast.py): names, titles, bodies; they say nothing about a meeting
              "DM_TITLE", "DM_BODY", "DM_GENDER", "DM_NOBODY"}
BREAKS = ("CLAUSE_BREAK", "CONTRAST", "SPEECH")
QUOTES = {'"', "“", "”"}
# "No, Friday": an interjection or a self-correction, not a negated clause.
INTERJECTION_FOLLOWERS = {",", "—", "–", "-", "!", "...", ";"}
NOT_A_SPEAKER = {"it", "that", "this", "there", "what", "which", "who", "nothing", "everything"}


@dataclass
class Clause:
    doc: object
    sent_index: int
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    speaker: str | None = None  # rep | prospect | None (not said)
    starts_contrast: bool = False  # begins with 'but', 'however', ...
    direct_speech_by: str | None = None  # 'she goes, ...': who speaks in the clauses after it

    def has(self, *labels: str) -> bool:
        return any(h.label in labels for h in self.hits)

    def of(self, *labels: str) -> list[Hit]:
        return [h for h in self.hits if h.label in labels]

    @property
    def content(self) -> list[Hit]:
        """Hits that say something (a date, a stall), not how it is said."""
        return [h for h in self.hits if h.label not in QUALIFIERS]

    @property
    def negated(self) -> bool:
        """A negation that is not part of a longer phrase ('no problem', 'not interested', and
        'a no show': today's meeting missed, not the next one)."""
        phrases = self.content + self.of("DM_NOBODY")
        return any(
            not any(c.start <= n.start < c.end for c in phrases) and not _interjection(self.doc, n.start)
            for n in self.of("NEGATION")
        )

    def negates(self, hit: Hit) -> bool:
        """A negation inside the phrase, or just before it with no comma between
        ("doesn't need to run it by", "can't sign", "never had to chase"): it governs it."""
        for negation in self.of("NEGATION"):
            if hit.start < negation.start < hit.end:
                return True
            if hit.start - 4 <= negation.start < hit.start and not any(
                    t.is_punct for t in self.doc[negation.end:hit.start]):
                return True
        return False

    @property
    def hedged(self) -> bool:
        return self.has("HEDGE")

    @property
    def past(self) -> bool:
        return self.has("PAST")

    @property
    def future(self) -> bool:
        return self.has("FUTURE")

    @property
    def sentence(self):
        return self.doc[self.start].sent

    def sentence_hits(self) -> list[Hit]:
        """Every hit in this clause's sentence, its sibling clauses included."""
        sent = self.sentence
        return [h for h in self.doc.user_data.get("debrief_hits", []) if sent.start <= h.start < sent.end]

    @property
    def text(self) -> str:
        return self.doc[self.start:self.end].text


def split_clauses(doc, hits: list[Hit]) -> list[Clause]:
    """Cut every sentence at its clause breaks and give each clause its hits and speaker."""
    breaks = {}
    for hit in sorted(hits, key=lambda h: h.label != "CONTRAST"):  # a 'but' keeps its mark
        if hit.label in BREAKS:
            breaks.setdefault(hit.start + hit.rule.split_at, hit.label)
    clauses: list[Clause] = []
    for sent_index, sent in enumerate(doc.sents):
        cuts = sorted({sent.start, *[i for i in breaks if sent.start < i < sent.end]})
        for start, end in zip(cuts, cuts[1:] + [sent.end]):
            clause = Clause(doc, sent_index, start, end, starts_contrast=breaks.get(start) == "CONTRAST")
            clause.hits = [h for h in hits if start <= h.start < end]
            clause.speaker = _speaker(clause)
            clause.direct_speech_by = _direct_speech(clause)
            clauses.append(clause)
    _inherit_speakers(clauses)
    _words_before_the_tag(clauses)
    _follow_direct_speech(clauses, _quoted_tokens(doc))
    return clauses


def _interjection(doc, index: int) -> bool:
    return index + 1 < len(doc) and doc[index + 1].text in INTERJECTION_FOLLOWERS


def _direct_speech(clause: Clause) -> str | None:
    """Who starts speaking directly in this clause: 'she goes,' 'I said, "...', 'his words were'."""
    marks = {",", ":"} | QUOTES
    doc = clause.doc
    for hit in clause.of("SPEECH"):
        # 'she said, ...', 'she said flat out, ...'
        said_with_mark = any(t.text in marks for t in doc[hit.end - 1:min(hit.end + 3, clause.end + 1)])
        if said_with_mark or doc[hit.end - 2].lower_ == "words":
            return hit.rule.kind
    return _said_without_subject(clause)


def _said_without_subject(clause: Clause) -> str | None:
    """'She listened and then said, no ma I'm not interested': the speech verb's subject is
    said before it, joined by 'and'."""
    doc = clause.doc
    for token in doc[clause.start:clause.end]:
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lemma_ not in ("say", "go") or token.tag_ not in ("VBD", "VBZ") or after is None \
                or after.text not in {",", ":"} | QUOTES or any(c.dep_ == "nsubj" for c in token.children):
            continue
        doer = token.head if token.dep_ == "conj" else None
        subject = next((c for c in doer.children if c.dep_ == "nsubj"), None) if doer is not None else None
        if subject is not None:
            return "rep" if subject.lower_ in ("i", "we") else "prospect"
    return None


def _speaker(clause: Clause) -> str | None:
    doc = clause.doc
    speech = [h for h in clause.of("SPEECH") if h.start == clause.start]
    if speech:  # "she said ...", "Paulie goes, ..."
        return speech[0].rule.kind
    if doc.has_annotation("DEP"):
        if _note_opening(doc[clause.start]):
            return "rep"
        for token in doc[clause.start:clause.end]:
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in NOT_A_SPEAKER:
                return _speaker_of_token(clause, token.i)
    subjects = clause.of("SUBJECT_REP", "SUBJECT_PROSPECT")
    if subjects:
        return "rep" if subjects[0].label == "SUBJECT_REP" else "prospect"
    return None


def _note_opening(token) -> bool:
    """'asked what the partners will look at', 'offered a demo': a note's line that opens on a
    past verb with no subject is the rep's own doing, whoever is named after it ('said' is left
    alone: Whisper drops a 'she' before it as often as an 'I')."""
    if _asked_in_a_note(token):
        return True
    opening = token.i == token.sent.start and token.tag_ in ("VBD", "VBN") and token.dep_ in ("ROOT", "csubj") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children) \
        and not any(c.dep_ in ("dobj", "dative") and c.lower_ in ("me", "us") for c in token.children)  # 'Asked me to'
    return opening and (token.lemma_.lower() != "say" or _said_yes(token))


def _asked_in_a_note(token) -> bool:
    """'asked what changes in spring, he said his lease is up': a line that opens on 'asked' and a
    question word is the rep asking, though the parser hangs it under the answer's 'said'."""
    if token.i != token.sent.start or token.lemma_.lower() != "ask" or token.tag_ not in ("VBD", "VBN"):
        return False
    following = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    return bool(following) and (following[0] in QUESTION_OPENERS or
                                following[0] in ("him", "her", "them") and following[1:2] and following[1] in QUESTION_OPENERS)


QUESTION_OPENERS = {"what", "why", "how", "which", "who", "when", "where", "whether", "if"}


# 'Said yes of course, sending tomorrow': a note's 'said' that agrees is the rep answering.
AGREEING = (("sure",), ("absolutely",), ("of", "course"), ("yes", "of"), ("will", "do"), ("happy", "to"),
            ("no", "problem"), ("no", "worries"))


def _said_yes(token) -> bool:
    words = tuple(t.lower_ for t in token.doc[token.i + 1:token.i + 4] if not t.is_punct)
    return any(words[:len(a)] == a for a in AGREEING)


def _speaker_of_token(clause: Clause, index: int) -> str:
    for hit in clause.of("SUBJECT_REP", "SUBJECT_PROSPECT"):
        if hit.start <= index < hit.end:
            return "rep" if hit.label == "SUBJECT_REP" else "prospect"
    return "prospect"  # a name or a noun ("the owner", "Tom"): someone on their side


def _words_before_the_tag(clauses: list[Clause]) -> None:
    """'Just follow up with me next quarter, she said.': a clause with no subject of its own,
    before a speech tag in the same sentence, is the words the tag gives."""
    for index, clause in enumerate(clauses):
        is_tag = bool(clause.direct_speech_by or clause.of("SPEECH"))
        after_comma = clause.start > clause.sentence.start and clause.doc[clause.start - 1].text == ","
        if not (is_tag and after_comma):
            continue
        speaker = clause.speaker
        for before in reversed(clauses[:index]):
            if before.sent_index != clause.sent_index or before.speaker is not None:
                break
            before.speaker = speaker


def _inherit_speakers(clauses: list[Clause]) -> None:
    """A clause with no subject of its own continues the previous clause's speaker."""
    for previous, clause in zip(clauses, clauses[1:]):
        if clause.speaker is None and previous.sent_index == clause.sent_index:
            clause.speaker = previous.speaker


def _quoted_tokens(doc) -> dict[int, int]:
    """Token index → index of the opening quote, for every token inside quotes."""
    inside, opened_at = {}, None
    for token in doc:
        if token.text in QUOTES:
            opened_at = token.i if opened_at is None else None
        elif opened_at is not None:
            inside[token.i] = opened_at
    for opening, closing in _single_quoted(doc):
        inside.update(dict.fromkeys(range(opening + 1, closing), opening))
    return inside


SINGLE_QUOTES = {"'", "‘", "’"}
QUOTE_OPENERS = {":", ",", "-", "–", "—", "(", "said", "says", "asked"}


def _single_quoted(doc) -> list[tuple[int, int]]:
    """(opening, closing) of each 'quote in single quotes', as typed notes write the prospect's
    words ("Current: Sage. 'Honestly we're happy with Sage.'"): an apostrophe alone as a token,
    opening a sentence or after a colon, comma, dash or 'said', closed by another one before
    a break, within a few sentences. An apostrophe inside a word ('we're') is part of that word."""
    spans, i = [], 0
    while i < len(doc) - 1:
        token = doc[i]
        opens = token.text in SINGLE_QUOTES and doc[i + 1].is_alpha and \
            (token.is_sent_start or i == 0 or doc[i - 1].lower_ in QUOTE_OPENERS or doc[i - 1].is_space)
        if opens:
            closing = next((j for j in range(i + 2, min(i + 80, len(doc)))
                            if doc[j].text in SINGLE_QUOTES and doc[j - 1].text not in SINGLE_QUOTES
                            and (j + 1 == len(doc) or not doc[j + 1].is_alpha or doc[j - 1].is_punct)), None)
            if closing is not None:
                spans.append((i, closing))
                i = closing
        i += 1
    return spans


def _follow_direct_speech(clauses: list[Clause], quoted: dict[int, int]) -> None:
    """After "she goes," (to the end of the sentence) or inside the quotes that follow
    it (across sentences), a first-person clause is the prospect speaking."""
    voice, voice_sentence, voice_quote, tagged_after = None, None, None, False
    for clause in clauses:
        quote = quoted.get(clause.start) or quoted.get(min(clause.start + 1, clause.end - 1)) \
            or _quote_after_adverbs(clause, quoted)
        # the parser may end the sentence right after 'said, no ma': an unpunctuated break goes on
        run_on = voice_sentence is not None and clause.sent_index == voice_sentence + 1 and \
            clause.start > 0 and _before_quote_marks(clause.doc, clause.start).text not in (".", "!", "?") and \
            clause.sentence.start == clause.start
        in_same_voice = (clause.sent_index == voice_sentence) or (quote is not None and quote == voice_quote) or run_on
        if tagged_after and quote is None and _narration_resumes(clause):
            in_same_voice = False  # '"we're good with who we have," he said, so I asked what ...': the rep again
        if voice == "prospect" and in_same_voice and clause.speaker == "rep" and not clause.direct_speech_by:
            clause.speaker = "prospect"
        elif quote is not None and clause.speaker == "rep" and not voice and _quote_alone(clause, quoted):
            clause.speaker = "prospect"
        if clause.direct_speech_by:
            voice, voice_sentence = clause.direct_speech_by, clause.sent_index
            # 'They're fine, he said, ...': the words came before the tag, not after it
            tagged_after = clause.start > clause.sentence.start and clause.doc[clause.start - 1].text == ","
            after = [i for i in range(clause.start, clause.end) if i in quoted]
            voice_quote = quoted[after[0]] if after else _quote_opening_after(clause, quoted)
        elif voice and not in_same_voice:
            voice = voice_sentence = voice_quote = None


def _narration_resumes(clause: Clause) -> bool:
    """The clause, or a lone word cut off just before it, opens on 'so', 'and', 'then' or 'but'."""
    doc = clause.doc
    first = doc[clause.start]
    before = doc[clause.start - 1] if clause.start > 0 else None
    return first.lower_ in NARRATION_JOINS or before is not None and before.lower_ in NARRATION_JOINS


NARRATION_JOINS = {"so", "and", "then", "but"}


def _before_quote_marks(doc, index: int):
    """The token before `index`, passing over closing quote marks ('... January.' Asked what)."""
    i = index - 1
    while i > 0 and (doc[i].text in QUOTES or doc[i].text in SINGLE_QUOTES):
        i -= 1
    return doc[i]


def _quote_after_adverbs(clause: Clause, quoted: dict[int, int]) -> int | None:
    """'Then, inevitably, "I'll need to run it past Dad."': the quote a clause opens on once
    its adverbs and commas are read."""
    for token in clause.doc[clause.start:clause.end]:
        if token.i in quoted:
            return quoted[token.i]
        if token.pos_ not in ("ADV", "INTJ", "PUNCT", "CCONJ") and token.text not in QUOTES:
            return None
    return None


def _quote_alone(clause: Clause, quoted: dict[int, int]) -> bool:
    """'Then, "leave it with me, I'll think about it."': a quote with no speech verb
    outside it is the prospect's line; the rep says 'I said' when quoting themselves."""
    outside = [t for t in clause.sentence if t.i not in quoted and not t.is_punct and t.text not in QUOTES]
    return all(t.pos_ != "VERB" for t in outside)


def _quote_opening_after(clause: Clause, quoted: dict[int, int]) -> int | None:
    """The quote that opens right after a speech verb ('she said, "...')."""
    for i in range(clause.end, min(clause.end + 3, len(clause.doc))):
        if i in quoted:
            return quoted[i]
    return None
