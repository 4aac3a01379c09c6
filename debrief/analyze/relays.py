"""Whether what a person said came down the line: a call, a text, an email, a reply to a
message, or someone else asking on the rep's behalf ("He texted Donna, she said yes",
"Ben called his dad on speaker. Frank said fine"). Such a person was heard, not met.

Split from meetings.py, which asks it before counting a speech verb as a meeting: how a
word reached the rep is its own question, with its own word lists.
"""

from __future__ import annotations

from .live_clauses import governing_verb
from .meetings import ON_THE_PHONE, PRESENCE
from .people import Person

ON_THE_LINE = {"line", "phone", "speaker", "speakerphone", "loudspeaker", "radio", "walkie", "facetime", "video"}
MESSAGES = {"text", "message", "whatsapp", "email", "e-mail", "sms", "dm", "note", "voice"}
RELAY_VERBS = {"call", "text", "phone", "ring", "message", "email", "whatsapp", "dial", "buzz"}
WRITTEN = {"text", "message", "email", "whatsapp"}  # 'Bea called me last week' often leads to a visit
# As written too: the lemmatizer reads some of these past forms oddly ("texted" as "texte").
WRITTEN_PAST = {"texted", "messaged", "emailed", "whatsapped"}
RELAYED = {"texted", "called", "phoned", "rang", "messaged", "emailed", "whatsapped", "buzzed", "dialed", "dialled"}


class RelayReader:
    """Mixin of the cast builder (cast.py): reads `self.doc` and `self.at`; answers
    `_relayed` and `_words_passed_on` for meetings.py."""

    def _relayed(self, index: int, person: Person) -> bool:
        """Earlier in the sentence someone else (not the rep) called, texted or rang this
        person ('He texted Donna, she said yes'), or the person texted or emailed the rep
        ('then he texted, sorry, ... he said Wednesday'): what they said came by phone."""
        sent = self.doc[index].sent
        tokens = list(sent)
        if sent.start > 0 and (sent[0].lower_ in ("and", "so", "then") or not _arrives(sent)):
            # '... while I sat there. And she agreed'; 'Ben called his dad on speaker. Frank said fine'
            tokens = list(self.doc[sent.start - 1].sent) + tokens
        said_before = " ".join(t.lower_ for t in tokens if t.i < index)
        if any(phrase in said_before for phrase in ON_THE_PHONE):
            return True  # 'he rebooked right there on the phone, ... and he said'
        for token in tokens:
            if token.i < index and _on_the_line(token) and \
                    any(self.at.get(c.i) is person for c in token.children if c.dep_ == "dobj"):
                return True  # 'then she got Rick on the line for a sec and he agreed'
            # Whisper's "whatsapped" may be tagged a name: its past form says what it is
            if any(c.dep_ == "prt" and c.lower_ in ("over", "in", "down", "across") for c in token.children):
                continue  # 'she called her boss over': he came to the room
            if token.i >= index or not ((token.pos_ == "VERB" and token.lemma_.lower() in RELAY_VERBS)
                                        or token.lower_ in RELAYED or _sent_a_message(token)):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            reached = [c for c in token.children if c.dep_ in ("dobj", "dative")]
            written = token.lemma_.lower() in WRITTEN or token.lower_ in WRITTEN_PAST
            if written and subject is not None and self.at.get(subject.i) is person and \
                    (not reached or any(c.lower_ in ("me", "us") for c in reached)):
                return True  # "then he texted, sorry mate, ... and he said Wednesday": by text
            # the one reached may be named differently ("called his dad ... Stan said")
            if subject is not None and subject.lower_ not in ("i", "we") and self.at.get(subject.i) is not person \
                    and any(c.i in self.at or c.pos_ == "PROPN" or c.lower_ in ("him", "her", "them") for c in reached):
                return True
        return self._replied_to_a_message(index, tokens) or self._asked_for_the_rep(index, person)

    def _words_passed_on(self, token) -> bool:
        """'the foreman said the boss says call after midsommar', 'she said Danielle wants it in
        writing': this person's words, passed on by someone the rep did talk to."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in ("say", "tell", "want", "think", "reckon") or \
                verb.tag_ != "VBZ":
            return False
        sent = token.sent
        for teller in sent:
            if teller.i >= token.i:
                break
            subject = next((c for c in teller.children if c.dep_ == "nsubj"), None)
            if teller.lemma_.lower() in ("say", "tell", "mention", "explain") and teller.tag_ == "VBD" and \
                    subject is not None and subject.lower_ not in ("i", "we"):
                return True
        return False

    def _replied_to_a_message(self, index: int, tokens) -> bool:
        """'She sent him a WhatsApp ... and he replied OK', 'She texted him. He answered from the
        beach': an answer to a message, said in that sentence or the one before, not a word in person."""
        verb = governing_verb(self.doc[index])
        if verb is None or verb.lemma_.lower() not in ("reply", "respond", "answer", "write"):
            return False
        sent = self.doc[index].sent
        before = list(self.doc[sent.start - 1].sent) if sent.start > 0 else []
        return any(t.i < index and (t.lemma_.lower() in MESSAGES | RELAY_VERBS or t.lower_ in WRITTEN_PAST)
                   for t in before + tokens)

    def _asked_for_the_rep(self, index: int, person: Person) -> bool:
        """'Beth went and asked her between patients, and Dr. Amsel said yes': the answer came
        through the one who asked."""
        for token in self.doc[index].sent:
            if token.i >= index or token.lemma_.lower() != "ask" or token.pos_ != "VERB":
                continue
            doer = token.head if token.dep_ == "conj" else token  # 'Beth went and asked her'
            subject = next((c for c in token.children if c.dep_ == "nsubj"),
                           next((c for c in doer.children if c.dep_ == "nsubj"), None))
            asked = [c for c in token.children if c.dep_ in ("dobj", "dative")]
            someone_else = subject is not None and subject.lower_ not in ("i", "we") and \
                self.at.get(subject.i) not in (None, person)
            if someone_else and any(self.at.get(c.i) is person or c.lower_ in ("him", "her") for c in asked):
                return True
        return False


def _sent_a_message(verb) -> bool:
    """'He sent her a WhatsApp', 'dropped him a text': a message, like 'texted her'."""
    return verb.lemma_.lower() in ("send", "drop", "shoot", "fire") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in MESSAGES for c in verb.children)


def _on_the_line(verb) -> bool:
    """'Got Rick on the line', 'put her on speaker': someone brought in by phone."""
    return verb.lemma_.lower() in ("get", "put", "have") and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.lemma_.lower() in ON_THE_LINE for o in c.children)
        for c in verb.children)


def _arrives(sentence) -> bool:
    """'He came down ten minutes later and said ...': whoever said it came to the room."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in PRESENCE | {"arrive", "turn"} for t in sentence)
