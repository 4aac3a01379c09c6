"""Who the rep met and who was away, read from the parse around each mention.

"Met with Marcus", "sat down with the owner", "she said", "Walt opened with",
"joined" and "was there" meet; "wasn't in", "couldn't make it", "with patients"
are away; a meeting still planned ("we'll meet", "booked a demo with") is neither.
The reading is done as each mention is registered (not after), so that a later
pronoun can prefer the person the rep was talking with. It is separate from
cast.py because it is one question (met or not) with its own word lists; whether what a
person said came by phone or text instead is asked of relays.py.
"""

from __future__ import annotations

from .people import Person
from .live_clauses import governing_verb
from .syntax import believed_before, is_negated, word_of
from .whereabouts import (NOT_THERE, away_from_the_meeting, behind_the_counter, busy_at_work,
                          elsewhere_in_the_building, gone_off, in_a_state, in_and_nothing_more, in_the_room,
                          in_the_room_itself, left_before_the_rep, left_partway, not_there_after, on_the_invite,
                          seen_through_the_glass, upstairs, cut_short)

# How a person was met, by the word that governs them.
MEET_WITH = {"meet", "met", "sit", "sat", "talk", "speak", "spoke", "chat", "visit", "present", "pitch", "demo",
             "zoom", "call", "meeting", "sit-down", "sitdown", "lunch", "coffee", "dinner", "breakfast", "time",
             "minute", "minutes", "face", "person", "session", "appointment", "conversation", "walkthrough",
             "tour", "phone", "teams", "video", "hour", "visit", "catch", "be", "was", "were",
             "walk", "walked", "interview", "discussion", "chat", "demo", "sat-down", "huddle", "review",
             "finish", "finished", "wrap", "wrapped", "mtg"}  # 'just finished with Claire Ashdown'
TALK_TO = {"talk", "speak", "spoke", "chat", "present", "pitch", "demo", "introduce", "walk"}
MEET_OBJECT = {"meet", "met", "see", "saw", "visit", "catch", "caught", "pitch", "demo", "interview", "greet",
               "find", "found", "corner", "grab", "get", "got", "ask", "tell", "show", "walk", "give", "hand",
               "remind", "convince", "introduce", "thank", "interrupt"}
SPEECH = {"say", "tell", "go", "ask", "mention", "explain", "admit", "agree", "answer", "laugh", "reply",
          "respond", "complain", "insist", "open", "push", "object", "note", "share", "describe", "walk", "show",
          "give", "pull", "like", "love", "want", "nod", "smile", "look", "lean", "warn", "point", "bring",
          "raise", "grill", "offer", "seem", "sound", "light", "interrupt", "cut", "shrug", "stop", "joke", "add",
          "confess", "balk", "hesitate", "frown", "wince", "sigh", "shake", "lay", "repeat", "get", "come",
          "think", "feel", "talk", "spend", "pick", "take", "lower", "brush", "wave", "cross", "hand", "print",
          "pour", "slide", "flip", "dig", "ring", "greet", "lose", "perk", "jump", "hop", "gush", "rave"}
PRESENCE = {"join", "joined", "hop", "jump", "greet", "attend", "stay", "sit", "show", "come", "walk", "pop"}
ABSENCE_STATE = {"out", "away", "off", "sick", "travel", "traveling", "travelling", "unavailable", "busy", "asleep",
                 "vacation", "leave", "holiday", "gone", "overseas", "abroad", "offshore", "interstate", "upcountry"}
ABSENCE_VERB = {"cancel", "bump", "reschedule", "postpone", "travel", "miss", "bail", "ghost", "skip", "pull"}
PLANNING = {"book", "set", "schedule", "plan", "arrange", "request", "propose", "try", "want", "hope", "need",
            "suppose", "get", "push", "ask", "offer", "line", "pencil", "confirm", "lock", "put", "send",
            "invite", "move", "reschedule", "expect", "like", "love", "have", "do", "wait", "see", "make", "fix"}
TODAY = {"today", "yesterday", "tonight", "this", "morning", "afternoon", "evening", "earlier", "last", "night",
         "the", "a", "an", "few", "minutes", "hour", "hours", "half", "twenty", "thirty", "ten", "fifteen",
         "forty", "five", "one", "two", "whole", "first", "ago", "lunchtime", "lunch"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow"}
HABITUAL = {"apparently", "usually", "normally", "always", "sometimes", "often", "generally", "typically"}
# Done to the rep in person: 'met me at the store', 'showed us round', 'took me to the yard'.
MET_THE_REP = {"meet", "greet", "welcome", "introduce", "attend", "take", "walk", "show", "give", "buy", "drive", "bring",
               "receive", "host", "pull", "grab", "stop", "hug", "lead", "usher", "tour"}
FUTURE_AUX = {"will", "'ll", "wo", "would", "'d", "gonna", "shall", "going", "might", "may", "could", "should",
              "can", "ca"}


class MeetingReader:
    """Mixin of the cast builder (cast.py): reads `self.doc`, `self.hits`, `self.at`;
    sets `met`, `absent` and `self.last_speaker`."""

    def _note_contact(self, index: int, person: Person, start: int) -> None:
        """Read at once whether this mention met or missed the rep, so that a later
        pronoun can prefer the person the rep was talking with."""
        if person.rep_side:
            return
        if person.is_body:  # "met with the facilities committee": a body is met only by a meeting word
            if self._met_as_object(self.doc[index]):
                person.met.append(index)
            return
        self.by_appointment = False
        event = self._contact(self.doc[index])
        if event == "met" and self._relayed(index, person):
            event = None  # "Jake called his dad, and Stan said ...": heard through someone else's phone
            person.heard_through.append(index)
        if event == "met" and self._another_time(index):
            event = None  # "like he asked for back when we first talked"
        if event == "met" and _habitual_relative(self.doc[index]):
            event = None  # 'she just pays the bills he tells her to': what he does, not this meeting
        if event == "met" and self._quoted_by_someone_else(self.doc[index], person):
            event = None  # "Kayla came out and said Danielle says to just leave it": Kayla was met
            person.heard_through.append(index)
        if event is None and self._words_passed_on(self.doc[index]):
            person.heard_through.append(index)  # 'the foreman said the boss says call after midsommar'
        if event is None and self._after_met_word(start) and not _whose(self.doc[index]) and \
                not on_the_invite(self.doc[index]):
            event = "met"
        if event is None:  # 'Both of them there, Grace and Tunde', 'Owner Mr. Dumitru not there', 'gaffer out'
            event = _whereabouts_without_a_verb(self.doc[index])
        if event is None and self._on_a_heading_line(index):
            event = "met"  # 'Mtg - Dr. Alan Whitcombe, owner', 'Attendees: Nathan Cole (MD), Jess Pham'
        if event is None and self._away_by_relative(self.doc[index]):
            event = "absent"
        if event == "met" and believed_before(self.doc[index]):
            event = None  # "I thought the fella I met was Salvatore. It wasn't."
        if _without(self.doc[index]):
            event = "absent"  # 'no point meeting without him', 'we went ahead without her'
        if event == "met":
            person.met.append(index)
            if self.by_appointment:
                person.appointment.append(index)
            self.last_speaker = person
        elif event == "absent":
            person.absent.append(index)
            if _not_yet(self.doc[index]):
                person.not_yet_met.append(index)

    def _quoted_by_someone_else(self, token, person) -> bool:
        """The person's saying is itself reported by another of the memo's people ('she came back
        and said Phil says he's happy'): heard through them, not from the person."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH:
            return False
        for above in list(verb.ancestors)[:3]:
            if above.lemma_.lower() not in ("say", "tell", "explain", "report", "relay", "pass"):
                continue
            teller = next((c for c in above.children if c.dep_ == "nsubj"), None)
            joined = above
            for _ in range(3):  # 'came out and said ...', 'Kasun went up, came back, said ...': the first verb's subject
                if teller is not None or joined.dep_ != "conj":
                    break
                joined = joined.head
                teller = next((c for c in joined.children if c.dep_ == "nsubj"), None)
            if teller is None:  # the parse left 'said' with no subject: whoever was the last subject before it
                teller = next((t for t in reversed(self.doc[above.sent.start:above.i]) if t.dep_ == "nsubj"), None)
            if teller is None or teller.lower_ in ("i", "we"):
                return False
            told = self.at.get(teller.i)
            return told is not person and (told is not None or teller.lower_ in ("he", "she", "they"))
        return False

    def _someone_else_does(self, verb, contact) -> bool:
        """The verb's subject is a third person ('he told the boss', 'Nate got Earl'), not
        the rep ('I told her', 'we met Tom', 'Dev and I saw'), nor left unsaid ('Met Tom')."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]  # "she's talked to him"
        if not subjects or any(t.is_punct for t in self.doc[subjects[0].i:verb.i]):
            return False  # "Riverina Energy, the FM contract, met Joanne": a heading, not a subject
        subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
        if any(s.lower_ in ("i", "we", "me", "us") for s in subjects):
            return False
        # a name must be one of the memo's people: "Del Valle in Calexico met the owners" is a heading
        people = [self.at.get(s.i) for s in subjects]
        if any(s.pos_ == "PROPN" and p is self.at.get(contact.i) for s, p in zip(subjects, people)):
            return False  # "Carla Jensen, found her": Whisper lost the comma; she is the one met
        return all(s.lower_ in ("he", "she", "they", "nobody", "noone") or p is not None and not p.rep_side
                   for s, p in zip(subjects, people))  # 'nobody told Dr. Power I was coming'

    def _another_time(self, index: int) -> bool:
        """The mention's verb is told with another time ('back when we first talked', 'last
        week', 'two months ago', 'when we talked last week'): not this meeting."""
        verb = governing_verb(self.doc[index])
        if verb is None:
            return False
        # 'he said 10 am today when we talked last week': the time of its 'when' clause counts too
        when = [c.i for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children)]
        return any(getattr(governing_verb(self.doc[h.start]), "i", None) in [verb.i] + when
                   for h in self._past_hits_in(verb.sent))

    def _past_hits_in(self, sent) -> list:
        """The PAST hits inside a sentence, indexed once: asked for at every mention, and a
        ten-minute memo has thousands of hits."""
        if not hasattr(self, "_past_by_sentence"):
            self._past_by_sentence = {}
            for h in self.hits:
                if h.label == "PAST":
                    start = self.doc[h.start].sent.start
                    self._past_by_sentence.setdefault(start, []).append(h)
        return [h for h in self._past_by_sentence.get(sent.start, []) if h.end <= sent.end]

    def _met_as_object(self, token) -> bool:
        """'Met with the board', 'presented to the committee', 'sat down with the partners';
        not 'the board said' (heard of) or 'meeting the board next month' (planned)."""
        while token.dep_ in ("appos", "compound") and token.head.i != token.i:
            if any(h.label == "DM_AUTHORITY" and h.start == token.head.i for h in self.hits):
                return False  # 'told me the committee votes on all contracts', read as one noun
            token = token.head
        if token.dep_ not in ("pobj", "dobj", "dative") or self._contact(token) != "met":
            return False
        if any(h.label == "PAST" and h.start >= token.sent.start and h.end <= token.sent.end for h in self.hits):
            return False  # "back in March I met with the whole board": not this meeting
        verb = token.head.head if token.dep_ == "pobj" else token.head
        return verb.tag_ in ("VBD", "VBN") or verb.lower_ == "met"  # told as done, not "I'm presenting"

    def _after_met_word(self, start: int) -> bool:
        """'Met Hank Klemme', 'sat down with the owner': the first person named right after
        a meeting word, when the parse missed it (a sentence-initial 'Met' read as a name)."""
        doc = self.doc
        for hit in self.hits:
            if hit.label != "DM_MET" or not hit.end <= start <= hit.end + 8:
                continue
            word = doc[hit.start]
            if word.is_title and word.pos_ == "PROPN" and word.i != word.sent.start and word.ent_type_ in ("FAC", "GPE", "ORG"):
                continue  # 'Open Bible Church on Coffee Street': a name, not a coffee
            between = doc[hit.end:start]
            # 'Met Hank and Ruth', 'met Jo, Sam and Ali': the others named in the list were met too
            listed = [t for t in between if t.i in self.at or t.lower_ in ("and", "&", ",") or t.tag_ == "PRP$"]
            joined = between and (between[-1].lower_ in ("and", "&", ",") or  # 'Met Hank and' Ruth
                                  between[-1].i in self.at and any(t.lower_ in ("and", "&") for t in between))  # '... and his daughter' Catrin
            if len(listed) == len(between) and joined and any(t.i in self.at for t in between):
                between = doc[hit.end:hit.end]
            elif start > hit.end + 3:
                continue
            # 'met: Mr Goh, pharmacist', a note's field label, still names the one met
            if any((t.is_punct and not (t.i == hit.end and (t.text == ":" or _stop_after_met(doc[hit.start], t))))
                   or t.i in self.at for t in between):
                continue
            verb = doc[hit.start]
            if verb.pos_ != "VERB" and verb.head.pos_ == "VERB" and is_negated(verb.head):
                continue  # "didn't get face time with the owner"
            if verb.dep_ == "pobj" and verb.head.lower_ == "in":
                continue  # "madam is in a meeting she won't see anybody": busy, and Whisper left no stop
            if is_negated(verb) or _planned(verb) or verb.tag_ in ("NN", "VBG") and _dated(verb.subtree):
                continue  # "saturday 10:30 meeting with boss": still to come
            if verb.pos_ == "NOUN" and word_of(verb) in MEET_WITH and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children):
                continue  # 'No meeting set with Dennis yet'
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # '- saw Ileana': a note's line, where the parser takes the one seen for the subject
            if subject is None or subject.lower_ in ("i", "we") or subject.i > verb.i or \
                    between and _stop_after_met(verb, between[0]):
                return True
        return False

    def _on_a_heading_line(self, index: int) -> bool:
        """The mention is in the sentence of a typed note's heading that names who was met
        ('Mtg - ...', 'Attendees: ...', 'Teams call: ...'), on its line, the heading opening
        its line or sentence."""
        doc = self.doc
        if not hasattr(self, "_headings"):
            self._headings = [h for h in self.hits if h.label == "DM_MET_HEADING"]
        for hit in self._headings:
            if not hit.end <= index:
                continue
            opens = hit.start == 0 or "\n" in doc[hit.start - 1].text or doc[hit.start].is_sent_start
            same_sentence = doc[hit.start].sent.start == doc[index].sent.start
            if opens and same_sentence and not any("\n" in t.text for t in doc[hit.end:index]):
                return True
        return False

    def _away_by_relative(self, token) -> bool:
        """'Dr. Brooks, who owns the clinic but was at the Burlington location today': away,
        said in a relative clause on the name."""
        clause = next((c for c in token.children if c.dep_ == "relcl"), None)
        who = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ == "who"), None) \
            if clause is not None else None
        if who is None:
            return False
        verbs = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                            and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
        return any(self._subject_event(who, verb) == "absent" for verb in verbs)

    def _contact(self, token) -> str | None:
        """'met' or 'absent' as the parse says of this mention, or None."""
        after = self.doc[token.i + 1:token.i + 3]
        if len(after) == 2 and after[0].lower_ == "'s" and after[0].dep_ == "case" and after[1].lower_ in ABSENCE_STATE:
            return "absent"  # "Owner's off today", the "'s" read as a possessive
        if token.dep_ == "compound" and token.head.pos_ == "VERB":
            return None  # 'told me the GM signs every contract', the parser's compound: the subject of 'signs'
        while token.dep_ in ("appos", "compound") and token.head.i != token.i:
            if token.head.dep_ == "ROOT" and token.head.lower_ == "met" and token.head.i == token.sent.start:
                return "met"  # 'Met the registrar, Dr. Kulkarni', the note's "Met" tagged as a name
            token = token.head
        for _ in range(3):  # 'with both sisters, Ines and Clara': Clara → Ines → sisters
            if token.dep_ != "conj" or token.head.dep_ not in ("pobj", "dobj", "nsubj", "conj", "appos", "attr"):
                break
            token = token.head
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "with" and on_the_invite(token):
            return None  # 'she sent the invite while I sat there, with Peter on it': asked to the next one
        if token.dep_ == "pobj" and (head.lower_ in ("with", "w/") or head.lower_ == "to" and word_of(head.head) in TALK_TO):
            governor = head.head
            if governor.dep_ == "pobj" and word_of(governor.head.head) in MEET_WITH - {"be", "was", "were"}:
                governor = governor.head.head  # 'sat at the kitchen table with all three brothers'
            elif governor.pos_ == "NOUN" and word_of(governor) not in MEET_WITH:
                # 'walked the units at the plaza with Mrs. Okafor' (but in 'fixed a video call with Javed for
                # Sunday' the call itself is the meeting word)
                governor = _verb_above_the_place(governor)
            if governor.pos_ == "VERB" and word_of(governor) not in MEET_WITH and \
                    governor.lemma_.lower() in ("spend", "have", "grab", "do"):
                meal = next((c for c in governor.children if c.dep_ == "dobj" and word_of(c) in MEET_WITH), None)
                governor = meal if meal is not None else governor  # 'had coffee with', 'spent an hour with'
            if _a_decision_sits(governor):
                return None  # 'the final approval sits with the CIO': where it lies, not who was met
            if word_of(governor) in MEET_WITH or governor.dep_ == "ROOT" and governor.pos_ in ("NOUN", "PROPN"):
                if governor.pos_ in ("VERB", "AUX") and self._someone_else_does(governor, token) \
                        and not is_negated(governor):
                    return None  # "she's already talked to him": the manager met the owner, not the rep
                self.by_appointment = governor.pos_ in ("NOUN", "PROPN")  # 'the ten o'clock with Mrs Ferris'
                return _status(governor, meet=True)
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "front" and \
                head.head.head.lower_ == "in" and head.head.head.head.lemma_.lower() in ("get", "be", "sit", "stand"):
            return _status(head.head.head.head, meet=True)  # 'finally got in front of Mr Delgado'
        if token.dep_ == "dobj" and head.lemma_.lower() == "have" and in_the_room(head):
            return _status(head, meet=True)  # 'today I finally had Graham, their CFO, in the room'
        if token.dep_ in ("dobj", "dative") and word_of(head) in MEET_OBJECT:
            if self._someone_else_does(head, token) and not is_negated(head):
                return None  # "he is telling boss ...", "Nate got Earl on the radio": not the rep's contact
            return _status(head, meet=True)
        if token.dep_ in ("nsubj", "nsubjpass"):
            event = self._subject_event(token, head)
            for verb in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")][:2]:
                if event is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    event = self._subject_event(token, verb)  # 'Dale leans back and says ...'
            return event
        owned = token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "'s"  # 'it was her mother's'
        if token.dep_ == "attr" and head.lemma_ == "be" and head.tag_ == "VBD" and not owned and \
                any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
            return "met"  # 'so it was Dr. Reyes and Tina'
        return None

    def _told_someone_else(self, verb) -> bool:
        """'She told Yaritza', 'he asked his boss': the one spoken to is another of the memo's people."""
        if verb.lemma_.lower() not in ("tell", "ask", "remind", "warn", "convince"):
            return False
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        # a name later in the sentence is not registered yet, so its tag says it
        return any(c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "") or
                   self.at.get(c.i) is not None and not self.at[c.i].rep_side and c.pos_ != "PRON" for c in told)

    def _subject_event(self, token, verb) -> str | None:
        children = {c.lower_ for c in verb.children}
        negated = any(c.dep_ == "neg" for c in verb.children)
        lemma = verb.lemma_.lower()
        if lemma == "be":
            if any(c.lower_ == "like" for c in verb.children) and verb.i + 2 < len(self.doc) \
                    and (self.doc[verb.i + 2].is_punct or self.doc[verb.i + 2].is_quote):
                return "met" if not negated else None  # "Keisha's like, 'Wait ...'"
            if negated and (children & NOT_THERE and not in_a_state(verb) or not_there_after(verb)):
                return "absent"
            states = [c for c in verb.children if c.lower_ in ABSENCE_STATE or c.lemma_ in ABSENCE_STATE]
            # "he's sick of doing the payroll": a mood, not away
            if any(not any(g.lower_ == "of" for g in c.children) for c in states):
                return "absent" if not negated else None
            if not negated and away_from_the_meeting(verb):
                return "absent"  # 'with patients', 'upstairs the whole time', 'at the auction', 'in Tampa'
            if children & {"there", "present"} and not negated:
                theres = [c for c in verb.children if c.lower_ == "there"]
                if theres and theres[0].i > 0 and self.doc[theres[0].i - 1].lower_ == "in" and not in_the_room(verb):
                    return None  # 'he was definitely in there, I could hear him with a patient': in a room of his
                if any(t.lower_ in ("upstairs", "downstairs") for t in verb.subtree) or \
                        seen_through_the_glass(verb.sent):
                    return "absent"  # 'he was there, upstairs in the office, I could see him through the glass'
                return "met" if verb.tag_ == "VBD" else None
            if verb.tag_ == "VBD" and not negated and behind_the_counter(verb):
                return "met"  # 'Tommy was behind the bar himself for once'
            if verb.tag_ == "VBD" and not negated and in_the_room_itself(verb):
                return "met"  # 'the owner was in the room the whole time'
            if verb.tag_ == "VBD" and not negated and in_and_nothing_more(verb):
                return "met"  # 'He was in.', 'only Pádraig was in, Maeve was at the cash and carry'
            return None
        if lemma == "make" and "it" in children and negated:
            return "absent"
        if lemma in ABSENCE_VERB and (lemma != "pull" or verb.tag_ == "VBN"):
            if lemma == "pull" and not negated and cut_short(verb):
                return "met"  # 'she got pulled into a carrier issue with ten minutes left': met, then called away
            return "absent" if not negated else None
        if not negated and verb.tag_ == "VBD" and lemma in ("chair", "host", "lead", "run") and \
                any(c.dep_ == "dobj" and c.lower_ in ("it", "meeting", "session", "demo", "walkthrough", "review")
                    for c in verb.children):
            return "met"  # 'the general manager chaired it', 'she ran the meeting'
        if not negated and left_before_the_rep(verb):
            return "absent"  # 'Marcus had cut out twenty minutes before I rolled in'
        if verb.lower_ == "gone" and not negated and gone_off(verb):
            return "absent"  # 'boss gone country till Monday', 'she's gone to Lagos for the week'
        if lemma == "tie" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return "absent" if not negated else None  # 'the owner was tied up all day'
        left = verb if lemma == "leave" else \
            next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "leave"), None)
        if left is not None and not negated and left_partway(left):
            return "met"  # 'the owner had to leave after ten minutes', 'left halfway through'
        if lemma in ("mean", "suppose", "expect", "due", "plan") and _and_did_not(verb):
            return "absent"  # 'the GM was meant to join and didn't', 'supposed to come but didn't'
        if not negated and busy_at_work(verb):
            return "absent"  # 'the partner doctors were all seeing patients', 'she was serving customers'
        if lemma in ("sit", "stay") and not negated and elsewhere_in_the_building(verb):
            return "absent"  # 'the owner was sitting in his office the whole time'
        if lemma == "sit" and verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "'s", "was", "are", "were")
                                                          for c in verb.children) and not negated and not upstairs(verb):
            return "met"  # 'the chairman himself is sitting there at the table with us': told in the present
        if (lemma in ("show", "come", "join") or lemma == "turn" and "up" in children) and negated:
            return "absent"  # 'never showed', 'didn't come', 'never turned up'
        if negated or _planned(verb) or _hearsay(verb) or _to_find_out(verb):
            return None
        if verb.tag_ == "VBD" and _in_front_of_the_rep(verb):
            return "met"  # "the owner signed the PO on the spot", "she booked it there and then"
        if verb.tag_ == "VBD" and lemma in MET_THE_REP and _to_the_rep(verb):
            return "met"  # "Ahmed, he owns all three, met me at the store", "she walked us round"
        if _dialect_speech(token, verb):
            return "met"  # "him say straight up", "Mrs. Gayle say money tight": Caribbean and West African English
        if lemma in SPEECH and self._told_someone_else(verb):
            return None  # "Marilyn told Yaritza about us": a word between two others, not with the rep
        asked = verb.dep_ in ("ccomp", "dep") and verb.head.lemma_.lower() in ("say", "ask", "wonder", "check") \
            or verb.dep_ == "advcl" and verb.head.tag_ == "VB"  # '... rather not make you the messenger when he got
        if any(c.dep_ in ("advmod", "mark") and (c.lower_ in ("if", "whether", "until", "till") or
                                                 asked and c.lower_ in ("when", "whens"))
               for c in verb.children):
            return None  # "I said when's he actually got a gap", "if he comes": a question or a condition
        if lemma in SPEECH | PRESENCE and verb.tag_ in ("VBD", "VBZ") and verb.pos_ in ("VERB", "AUX"):
            if verb.tag_ == "VBZ" and lemma == "come" and _told_as_it_happened(verb):
                return "met"  # 'then old George Duthie himself comes through from the back'
            if verb.tag_ == "VBZ" and lemma not in {"go", "say", "tell", "ask", "walk", "join", "pop"}:
                return None
            if verb.tag_ == "VBZ" and any(c.lower_ in HABITUAL for c in verb.children):
                return None  # 'he apparently pops in late on Fridays': a habit, not today
            if verb.tag_ == "VBZ" and _says_yes_or_no(verb):
                return None  # 'her father-in-law owns the land and says yes or no to any renovation': his say
            if lemma == "go" and not (verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].is_punct):
                return None  # 'she goes, ...' is speech; 'it goes to the board' is not
            return "met"
        return None


def _whereabouts_without_a_verb(token) -> str | None:
    """A note of where someone was, with no verb (a verb's 'there' is read with the verb):
    'Both of them there, Grace and Tunde', 'the owner there too' (met); 'Owner Mr. Dumitru not
    there', 'gaffer out on a recovery job', 'Owner away this week', 'Dr Ho not in', 'asleep upstairs' (away)."""
    for _ in range(3):
        if token.dep_ not in ("conj", "appos") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ in ("VERB", "AUX") or token.dep_ not in ("ROOT", "dep", "npadvmod"):
        return None
    for word in token.children:
        negated = any(c.dep_ == "neg" for c in [*token.children, *word.children])
        if word.dep_ == "advmod" and word.lower_ == "there":
            return "absent" if negated else "met"
        if word.dep_ in ("advmod", "prt", "prep", "acomp", "amod") and word.lower_ in ABSENCE_STATE:
            return None if negated else "absent"  # ... and 'Kiri off sick today'
        if word.dep_ in ("prep", "advmod") and word.lower_ in ("in", "around", "here") and negated:
            return "absent"
    return None


ON_THE_PHONE = ("on the phone", "over the phone", "by phone")
IN_FRONT_OF_THE_REP = ("on the spot", "there and then", "right then and there", "in front of me", "in front of us")


def _in_front_of_the_rep(verb) -> bool:
    """'On the spot', 'there and then', 'right in front of me': done where the rep was."""
    # its own clause only: in "she wrote it down in front of me and texted Craig, he sent back a thumbs
    # up", parsed with 'sent' above it all, 'in front of me' is hers
    others = {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl", "parataxis")
              and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
    words = " ".join(t.lower_ for t in verb.subtree if t.i not in others)
    if any(phrase in words for phrase in ON_THE_PHONE + ("on the call",)):
        return False  # 'he rebooked right there on the phone'
    return any(phrase in words for phrase in IN_FRONT_OF_THE_REP)


def _to_the_rep(verb) -> bool:
    return any(c.dep_ in ("dobj", "dative") and c.lower_ in ("me", "us") for c in verb.children)


def _dialect_speech(subject, verb) -> bool:
    """'She say', 'him tell me', 'Mrs. Gayle say': speech in the plain form with a
    singular third person, as Caribbean and West African English say it."""
    if verb.lemma_.lower() not in ("say", "tell", "ask", "like", "want", "write", "look", "laugh", "agree"):
        return False
    if verb.tag_ not in ("VBP", "VB") or verb.lower_ != verb.lemma_.lower():
        return False
    if any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False  # 'she didn't say', 'he'll tell me'
    return subject.lower_ in ("he", "she", "him", "her") or subject.pos_ == "PROPN"


def _whose(token) -> bool:
    """'Met his son-in-law Nate': the one met is the son-in-law, not 'his'
    ('met at her kitchen' still met her)."""
    possessed = token.head
    # "Met Doug's daughter Tracy": the daughter was met, Doug only owns the word
    owner = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("'s", "’s") and token.dep_ == "poss"
    if token.tag_ == "PRP$" and possessed.i < token.i:
        return False  # 'Met her today', the tagger's possessive with nothing after it to own
    return (token.tag_ == "PRP$" or owner) and not (possessed.dep_ == "pobj" and possessed.head.lower_ in ("at", "in", "on"))


def _to_find_out(verb) -> bool:
    """'A call just to hear what the owner said', 'to see what she says': what is still to be heard."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "advcl", "pcomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True
    return False


def _hearsay(verb) -> bool:
    """'Trevor came back and said he says he's not interested': speech inside someone else's report."""
    node, hops = verb, 0
    while node.dep_ in ("ccomp", "conj", "advcl", "xcomp") and hops < 3:
        node, hops = node.head, hops + 1
        if node.lemma_.lower() in ("say", "tell", "mention", "explain") and node.i != verb.i:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in ("i", "we"):
                return True
    return False


def _says_yes_or_no(verb) -> bool:
    """'Says yes or no to any renovation': what someone decides, not words said today."""
    after = [t.lower_ for t in verb.doc[verb.i + 1:verb.i + 5]]
    return bool(after) and after[0] in ("yes", "no") and ("to" in after or "or" in after)


def _and_did_not(verb) -> bool:
    """'Meant to join and didn't': the plan, then a bare "didn't" (or "never did") that undoes it."""
    return any(c.dep_ == "conj" and c.lemma_ == "do" and is_negated(c) and
               not any(d.dep_ in ("dobj", "xcomp", "ccomp") for d in c.children) for c in verb.children)


def _planned(verb) -> bool:
    """A meeting booked, hoped for or still to come: 'we'll meet', 'try to get time with', 'booked a demo with'."""
    node = verb
    for _ in range(4):
        if any(c.lower_ in FUTURE_AUX and c.dep_ in ("aux", "auxpass") for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "until", "before", "unless", "when") for c in node.children):
            return True
        if node.tag_ in ("VB",) and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            return True
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "ccomp" and head.lemma_.lower() == "have" and head.tag_ == node.tag_ == "VBD":
            return False  # "He showed me round, ..., we had lunch": the parse hung the clause on 'had'
        if node.dep_ == "dobj" and head.lemma_.lower() == "have" and head.tag_ == "VBD" and \
                not any(c.dep_ in ("xcomp", "ccomp", "acl") for c in node.children):
            return False  # 'just had coffee with Marcus': done today ('had a call set up' is still to come)
        if node.dep_ in ("dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "npadvmod") \
                and head.lemma_.lower() in PLANNING and head.pos_ in ("VERB", "AUX"):
            return node.dep_ != "prep" or head.lemma_.lower() not in ("get", "have", "do", "make")
        if node.dep_ not in ("dobj", "pobj", "prep", "xcomp", "compound", "npadvmod", "acl", "amod", "prt"):
            return False
        node = head
    return False


def _dated(tokens) -> bool:
    """A day or time still to come said with the meeting ('call with Linda, Tuesday the 2nd'),
    not today's ('coffee with him this morning')."""
    # lowercase Whisper text ("saturday 10:30") is often left untagged: weekdays and clock times count
    return any(t.ent_type_ in ("DATE", "TIME") and t.lower_ not in TODAY or t.lower_ in WEEKDAYS
               or (":" in t.text and t.text.replace(":", "").isdigit()) for t in tokens)


def _next_step(sent) -> bool:
    return any(t.lower_ == "next" and t.i + 1 < sent.end and t.nbor(1).lower_ in ("step", "steps", "time", "meeting")
               for t in sent)


def _status(governor, meet: bool) -> str | None:
    """Met unless negated ('never met him': absent) or still planned ('booked a walkthrough with',
    'Video call with Linda and Ben, Tuesday the 2nd at 10')."""
    # a verbless line ('So Thursday at half past two, Zoom, with Mrs. Knowles') is dated by all of it
    verbless = governor.dep_ == "ROOT" or governor.dep_ in ("appos", "npadvmod") and governor.head.pos_ != "VERB"
    noun = governor.head if governor.dep_ == "acl" else governor
    if noun.pos_ == "NOUN" and word_of(noun) in MEET_WITH and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "absent"  # 'No meeting yet with Sir Dodong', 'no meeting set with Dennis yet'
    if governor.pos_ in ("NOUN", "PROPN") and (_dated(governor.sent if verbless else governor.subtree)
                                                or _next_step(governor.sent)):
        return None  # "so that's the next step, Zoom with the owners": a meeting still to come
    verb = governor
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX") and is_negated(verb):
        return "absent"
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children) and _dated(verb.subtree):
        return None  # "so proposal going Wednesday and meeting with CFO on 12th": still to come
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in ("without", "before", "instead", "about"):
        return None  # "she can't book anything without asking him": not done, and not by the rep; "asked about getting in front of them"
    if _planned(governor):
        return None
    if verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VB", "VBP") and verb.lemma_.lower() not in ("sit", "meet", "talk"):
        return None
    if verb.pos_ == "VERB" and verb.lower_ in ("meet", "talk", "sit") and verb.i > verb.sent.start:
        return None  # "come by Monday and meet Mrs. MacNeil": a plan ("Met Hank" opening a memo is past)
    return "met"


def _without(token) -> bool:
    """'we went ahead without her': away. Not 'nothing gets bought without him' or 'she can't
    sign without him', which say he must agree."""
    if token.dep_ != "pobj" or token.head.lower_ != "without":
        return False
    verb = token.head.head
    nobody = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nothing", "nobody", "none", "noone")
                 for c in verb.children)
    return not nobody and not (verb.pos_ in ("VERB", "AUX") and is_negated(verb))


def _stop_after_met(verb, stop) -> bool:
    """'Met. Dr. Haney Farrow, Head of the Teaching Lab': Whisper's full stop after a 'met'
    that has no one to have met; the name that follows is who."""
    if stop.text != "." or verb.lower_ not in ("met", "meet") or verb.pos_ not in ("VERB", "PROPN", "NOUN"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return not any(c.dep_ in ("dobj", "prep", "nsubjpass") for c in verb.children) and \
        (subject is None or subject.pos_ == "NOUN")  # 'warehousing plus distribution met.' (not 'we met.')


def _not_yet(token) -> bool:
    """'I still haven't met Garza', 'never actually met her', 'haven't seen him yet'."""
    verb = governing_verb(token)
    if verb is None or verb.lemma_.lower() not in ("meet", "see") or not is_negated(verb):
        return False
    return any(c.lower_ in ("still", "yet", "never") or c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)


def _verb_above_the_place(noun):
    """'walked the two empty units at the plaza with Mrs. Okafor': the parse hangs 'with' on the
    place; the meeting verb is the one above the chain of objects and prepositions."""
    word = noun
    for _ in range(4):
        if word.dep_ not in ("pobj", "dobj", "prep") or word.head.i == word.i:
            return noun
        word = word.head
        if word.pos_ == "VERB":
            return word if word_of(word) in MEET_WITH - {"be", "was", "were"} else noun
    return noun


DECISION_NOUNS = {"decision", "approval", "say", "call", "word", "budget", "money", "signoff", "sign-off", "veto",
                  "signature", "buying", "purchasing", "responsibility", "authority", "power", "choice"}


def _a_decision_sits(verb) -> bool:
    """The verb's subject is a decision, not a person: 'the decision sits with her'."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DECISION_NOUNS for c in verb.children)


def _habitual_relative(token) -> bool:
    """The mention is the subject of a present-tense relative clause ('the bills he tells her
    to pay', 'the supplier she uses'): a habit, not something said in this meeting."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") \
        and verb.head.pos_ in ("NOUN", "PROPN")  # not 'whatever he says goes'



def _told_as_it_happened(verb) -> bool:
    """'Then old George himself comes through from the back', 'and suddenly she comes in': the
    memo's story told in the present, not a habit ('he comes in on Fridays')."""
    words = {c.lower_ for c in verb.children} | {t.lower_ for t in verb.doc[max(verb.i - 4, 0):verb.i]}
    return bool(words & {"then", "suddenly", "finally", "eventually", "himself", "herself"}) and \
        any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("in", "through", "out", "over", "down", "along", "up")
            for c in verb.children)
