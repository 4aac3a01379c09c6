"""Which person a word stands for: a pronoun, "who" of a relative clause, "the one who",
"I" in the prospect's own words, or the subject of a verb.

"She" goes to the last person said before it whose gender fits, preferring the
one the rep was talking with over a newcomer only talked about, and never to a
name said inside quotes when the pronoun is outside them. Separate from names.py
and titles.py because it reads back over the people they registered.
"""

from __future__ import annotations

from .meetings import MEET_OBJECT
from .people import Person
from .titles import AFTER_A_TITLE

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them"}
REPORTING = {"say", "tell", "go", "mention", "explain"}
GATEKEEPERS = {"pa", "ea", "assistant", "secretary", "receptionist", "p.a."}
STAND_INS = {"one", "ones", "guy", "gal", "person", "lady", "man", "woman", "fella", "boss"}


class PronounReader:
    """Mixin of the cast builder (cast.py): reads `self.doc`, `self.people`, `self.at`,
    `self.sent_of`, `self.quoted`, `self.last_speaker`; registers through `self._new`
    and `self._note_contact`."""

    def _add_pronoun(self, token) -> None:
        """The last person said before, of this gender; one already known to be of
        this gender and said in the last three sentences beats a newcomer of unknown
        gender ('Moss ... the superintendent, Dr. Reyes ... She said'). A name said
        inside quotes is no antecedent for a pronoun outside them."""
        if token.i in self.at:
            return
        gender = "m" if token.lower_ in MALE else "f"
        inside = self.quoted.get(token.i)
        own_apposition = token.dep_ == "poss" and token.i >= 2 and self.doc[token.i - 1].text == "," \
            and token.head.dep_ not in ("nsubj", "nsubjpass")  # 'Stan Kowalczyk, his name's on the sign'
        candidates = [(p, last) for p, last in reversed(self._by_recency(token.i))
                      if not p.is_body and not p.rep_side and not p.plural and p.gender in (None, gender)
                      and (self.quoted.get(last) is None or self.quoted.get(last) == inside)
                      and not (own_apposition and last == token.i - 2)]  # 'Linda, his bookkeeper'

        if token.lower_ in ("himself", "herself") and token.dep_ in ("nsubj", "nsubjpass", "poss") and \
                not any(p.gender == gender for p, _ in candidates):
            # 'Mrs Fahy ... Himself was at the mart', "that's himself's department": Irish and Scots
            # English's head of the house, when no one of his gender has been said to be him
            person = next((p for p in self.people if p.role == token.lower_), None) or \
                self._new(role=token.lower_, gender=gender, rank="top")
            self._stands_for(token, person)
            return
        boss = self._keepers_boss(token, gender)
        if boss is not None:
            boss.gender = gender
            self._stands_for(token, boss)
            return
        resumed = self._resumed(token, gender)
        if resumed is not None:
            resumed.gender = gender
            self._stands_for(token, resumed)
            return
        if not candidates:
            guessed = self._guessed_otherwise(token, gender)
            if guessed is not None:  # 'Dr. Ahmed. She owns it': the pronoun says what the name only suggested
                guessed.gender, guessed.gender_guessed = gender, False
                self._stands_for(token, guessed)
                return
            own = [p for p, last in reversed(self._by_recency(token.i)) if p.rep_side and p.gender in (None, gender)
                   and self.sent_of[token.i] - self.sent_of[last] <= 1]
            if own:  # 'My own boss, Linda, came along, and she has the final say on discounts'
                self._stands_for(token, own[0])
                return
            if not self.people or all(p.is_body or p.rep_side for p in self.people):
                person = self._new(gender=gender, presumed=True)
                self._stands_for(token, person)
            return
        present = [(p, last) for p, last in candidates if not (p.absent and not p.met)]
        sentence = self.sent_of[token.i]
        # 'Glen was out on sites. Talked to Brent ... I asked him': Brent; but 'Mrs Phelan wasn't
        # in, she owns the home' goes on about the one just said to be away
        away_here = any(self.sent_of[i] == sentence for i in candidates[0][0].absent)
        # '... the proprietor was not around she said proprietor approves': the one away is not the one talking
        speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in ("say", "tell", "explain", "mention")
        if present and candidates[0][0] is not present[0][0] and sentence - self.sent_of[present[0][1]] <= 2 \
                and (not away_here or speaking) and \
                not (token.tag_ == "PRP$" and self._is_subject_at(candidates[0][0], sentence)):  # 'X owns it, it's her store'
            candidates = present
        known = [p for p, last in candidates if p.gender == gender and sentence - self.sent_of[last] <= 3]
        known_met = [p for p, last in candidates if p.gender == gender and p.met]
        # 'met jess the assistant manager and showed her': the one just met, over an earlier 'she'
        just_met = candidates[0][0].met and self.sent_of[candidates[0][1]] == sentence
        # 'Didn't see Mr Jones ... Showed Dewi the baler. He liked it.': the one just met, over one away
        just_met = just_met or candidates[0][0].met and self.sent_of[candidates[0][1]] == sentence - 1 and \
            bool(known) and known[0].absent and not known[0].met
        person = known[0] if known and candidates[0][0].gender is None and not just_met else candidates[0][0]
        person = self._named_over_kin(person, candidates) or person
        if person.gender is None and not person.met and known_met and not known:
            person = known_met[0]  # the contact, not a newcomer only talked about
        same = [p for p, last in candidates if self.sent_of[last] == sentence]
        subjects = [p for p in same if any(self.doc[i].dep_ in ("nsubj", "nsubjpass") and self.sent_of[i] == sentence
                                           for i, q in self.at.items() if q is p and i < token.i)]
        reported = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in REPORTING
        # 'the head trusts her': an object pronoun is never its own verb's subject
        own_subject = [self.at[c.i] for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in self.at] \
            if token.dep_ in ("dobj", "dative") and not token.lower_.endswith("self") else []
        subjects = [p for p in subjects if not any(p is q for q in own_subject)]
        if any(person is q for q in own_subject):
            person = next((p for p, last in candidates if not any(p is q for q in own_subject)), person)
        if self._answered(token, gender) and any(p is self.last_speaker for p, _ in candidates):
            person = self.last_speaker  # "he says, my dad'll no go for it ... so I asked him": the one talking
        elif subjects and not reported:
            person = subjects[0]  # 'Dr. Reyes bought it off old Dr. Klein, so it's her call'
        elif not same and (subject := self._last_subject(candidates, sentence)):
            person = subject
        elif not person.met and token.dep_ in ("nsubj", "nsubjpass") and \
                (not same or reported):
            talking = [p for p, last in candidates if p.met and sentence - self.sent_of[last] <= 3 and
                       (p.gender == gender or reported and p.gender is None and person.gender is None)]
            person = talking[0] if talking else person
        person.gender = gender
        self._stands_for(token, person)

    def _guessed_otherwise(self, token, gender: str) -> Person | None:
        """The one person named in this sentence or the one before whose gender was only guessed
        from the first name, when nobody said before fits the pronoun."""
        sentence = self.sent_of[token.i]
        near = [p for p, last in self._by_recency(token.i) if not p.is_body and not p.rep_side and not p.plural
                and sentence - self.sent_of[last] <= 1 and self.quoted.get(last) == self.quoted.get(token.i)]
        said_as = {id(p) for i, p in self.at.items() if self.doc[i].lower_ in MALE | FEMALE}
        guessed = [p for p in near if p.gender_guessed and p.gender != gender and id(p) not in said_as]
        return guessed[0] if len(guessed) == 1 and len(near) == 1 else None

    def _answered(self, token, gender: str) -> bool:
        """'I asked him', 'I told her': the rep speaks to whoever spoke last, if of this gender."""
        speaker, verb = self.last_speaker, token.head
        if speaker is None or speaker.rep_side or speaker.gender not in (None, gender):
            return False
        if token.dep_ not in ("dobj", "dative") or verb.lemma_.lower() not in ("ask", "tell") or \
                not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
            return False
        said = max((last for p, last in self._by_recency(token.i) if p is speaker), default=-1)
        return said >= 0 and self.sent_of[token.i] - self.sent_of[said] <= 1  # the one talking talked just now

    def _keepers_boss(self, token, gender: str) -> Person | None:
        """'The GM's PA took my brochure and said he's travelling': the 'he' a gatekeeper speaks
        of is the boss whose door they keep, not the gatekeeper."""
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or \
                verb.head.lemma_.lower() not in REPORTING:
            return None
        said = verb.head
        speakers = [c for c in said.children if c.dep_ == "nsubj"] or \
            ([c for c in said.head.children if c.dep_ == "nsubj"] if said.dep_ == "conj" else [])
        keeper = self.at.get(speakers[0].i) if speakers else None
        if keeper is None or not (keeper.rank == "junior" or (keeper.role or "").lower() in GATEKEEPERS):
            return None
        owners = [c for c in speakers[0].children if c.dep_ == "poss" and c.i in self.at]
        boss = self.at[owners[0].i] if owners else None
        if boss is None or boss is keeper or boss.rep_side or boss.is_body or boss.gender not in (None, gender):
            return None
        return boss

    def _resumed(self, token, gender: str) -> Person | None:
        """'the principal broker, Mrs. Knowles, she signs off': a subject said, then taken up
        again by the pronoun right after its comma."""
        doc = self.doc
        if token.dep_ not in ("nsubj", "nsubjpass") or token.i < 2:
            return None
        # 'a chat with bruce he does the budgets': Whisper leaves the comma out
        if doc[token.i - 1].text == ",":
            before = token.i - 2
        elif self.lower_case:
            before = token.i - 1
        else:
            return None
        person = self.at.get(before)
        if person is None or not person.name or person.rep_side or person.is_body or person.plural or \
                person.gender not in (None, gender):
            return None
        # a name only: a title there ('Mr. Shah himself, owner, he signs') may be one the cast split off
        word = doc[before]
        named = word.pos_ == "PROPN" or before == token.i - 1 and word.lower_ in person.name.lower().split()
        return person if named else None

    def _stands_for(self, token, person: Person) -> None:
        self.at[token.i] = person
        self.roots.append((token.i, person))
        self._note_contact(token.i, person, token.i)

    def _last_subject(self, candidates, sentence: int) -> Person | None:
        """'Davie says he'll show them to Tam. I asked him ...': Davie. The subject of the
        sentence before is the one still talked about, over a name it only passed on,
        unless that name is the contact ('Saw Nora. The head trusts her. She said')."""
        latest, last = candidates[0]
        word = self.doc[last]
        passed_on = word.pos_ != "PRON" and (word.dep_ in ("pobj", "dative", "attr") or
                                             word.dep_ == "dobj" and word.head.lemma_.lower() not in MEET_OBJECT)
        if not passed_on or self.sent_of[last] != sentence - 1 or self._is_subject_at(latest, sentence - 1):
            return None
        subject = next((p for p, at in candidates[1:] if self.sent_of[at] == sentence - 1
                        and self._is_subject_at(p, sentence - 1) and not (p.absent and not p.met)), None)
        return None if subject is None or latest.met and not subject.met else subject

    def _is_subject_at(self, person: Person, sentence: int) -> bool:
        return any(q is person and self.sent_of[i] == sentence and self.doc[i].dep_ in ("nsubj", "nsubjpass")
                   for i, q in self.at.items())

    def _add_plural(self, token) -> None:
        """'Met with the facilities committee. They're the ones who approve this': "they"
        goes to a body said last, in its own sentence or the one before. 'Met Jim and Carol,
        the two of them own it': it goes to people joined by "and" said since, unless the body
        came later and as more than a word in a phrase ('Jim's side of the family'). Otherwise
        to nobody: most often it is the prospect's company, which is no person."""
        if token.i in self.at:
            return
        sentence = self.sent_of[token.i]
        recent = [(p, last) for p, last in reversed(self._by_recency(token.i)) if sentence - self.sent_of[last] <= 1]
        body = recent[0] if recent and recent[0][0].is_body else None
        group, group_last = self._group_before(token.i)
        plural = recent[0] if recent and recent[0][0].plural and not recent[0][0].rep_side else None
        if group and (body is None or body[1] < group_last or self.doc[body[1]].dep_ == "pobj"):
            self.groups[token.i] = group
        elif body is not None:
            self._stands_for(token, body[0])
        elif plural is not None and not group and self._deciding(token):
            self._stands_for(token, plural[0])  # 'owned by the five GP partners and they decide'

    def _deciding(self, token) -> bool:
        """'They decide anything capital': the pronoun's verb says who decides."""
        return any(h.label in ("DM_AUTHORITY", "DM_ELSEWHERE") and h.start <= token.head.i < h.end for h in self.hits)

    def _add_their(self, token) -> None:
        """'Met both sisters, Jana and Petra, it's their firm': "their" of people joined by "and"
        stands for them all; of anyone else it is most often the company's, and names nobody."""
        group, _ = self._group_before(token.i)
        if group:
            self.groups[token.i] = group

    def _group_before(self, before: int) -> tuple[list[Person], int]:
        """The last people joined by "and" ('Jim and Carol', 'Nils, Per and Tom') in this
        sentence or the one before, and where the last of them was said."""
        sentence = self.sent_of[before]
        found, last = [], -1
        for i, person in sorted(self.at.items()):
            word = self.doc[i]
            if i >= before or sentence - self.sent_of[i] > 1 or person.is_body or \
                    word.dep_ == "conj" and word.head.i in self.at:
                continue  # a group is read from its first member
            members, end = self._joined(word, before)
            if len(members) >= 2:
                found, last = members, end
        return found, last

    def _joined(self, word, before: int | None = None) -> tuple[list[Person], int]:
        """The people a mention and its conjuncts name ('Jim and Carol'), said before `before`,
        without bodies or repeats, and where the last of them was said."""
        limit = len(self.doc) if before is None else before
        conjuncts = [c for c in word.conjuncts if c.i in self.at and c.i < limit]
        people = [self.at[word.i]] + [self.at[c.i] for c in conjuncts]
        members = list({id(p): p for p in people if not p.is_body}.values())
        return members, max((c.i for c in conjuncts), default=word.i)

    def _named_over_kin(self, person: Person, candidates) -> Person | None:
        """'Mick owns the joint, him and his brother started it. He said ...': a person said only
        as someone's relative ('his brother', no name) yields to the named one just before."""
        if person.name or not person.mentions:
            return None
        if not all(i > 0 and self.doc[i - 1].lower_ in ("his", "her", "their") for i in person.mentions):
            return None
        sentence = max(self.sent_of[i] for i in person.mentions)
        # 'his mom's store, she does the buying': a 'mom' keeps her 'she' over a name of unknown gender
        return next((p for p, last in candidates if p.name and p is not person and sentence - self.sent_of[last] <= 1
                     and (person.gender is None or p.gender == person.gender)), None)

    def _by_recency(self, before: int) -> list[tuple[Person, int]]:
        """The people said before a token, the last said last. A mention inside brackets ('the
        committee (CFO, plant manager, two VPs)') is an aside that a later 'he' rarely means; one
        person in brackets ('Arbab (Mr. Hamad Al Suwaidi)') is the one just named, and counts."""
        aside = {i for start, end in _brackets(self.doc)
                 if len({id(self.at[i]) for i in range(start, end) if i in self.at}) >= 2
                 for i in range(start, end)}
        last: dict[int, int] = {}
        for i, person in self.at.items():
            if i < before and (i not in aside or before in aside):
                last[person.id] = max(last.get(person.id, -1), i)
        return [(self.people[pid], i) for pid, i in sorted(last.items(), key=lambda x: x[1])]

    def _resolve(self, token) -> Person | None:
        """The person a token stands for: a mention, a pronoun, 'who' of a relative clause,
        'the one who ...', or 'I' in the prospect's own words."""
        seen = 0
        while token is not None and seen < 6:
            seen += 1
            if token.i in self.at:
                return self.at[token.i]
            if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
                token = token.head.head
            elif token.lower_ in ("who", "that") and token.head.dep_ == "ccomp" and token.head.head.lemma_ == "be" and \
                    any(c.dep_ == "attr" for c in token.head.head.children):  # "it's Mick Darby who decides"
                token = next(c for c in token.head.head.children if c.dep_ == "attr")
            elif token.lower_ == "one" and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children):
                token = next(c for c in token.children if c.dep_ == "poss")  # "Ray's the one", read as "Ray's one"
            elif token.lower_ in STAND_INS and token.dep_ == "appos":
                token = token.head
            elif token.lower_ in STAND_INS and token.dep_ == "attr":
                token = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif token.lower_ in AFTER_A_TITLE and any(c.dep_ == "compound" and c.i in self.at for c in token.children):
                token = next(c for c in token.children if c.dep_ == "compound" and c.i in self.at)  # 'GM sahab, who'
            elif token.lower_ in ("i", "me", "myself") and self.prospect_speaks(token.i):
                return self.last_speaker
            elif any(c.dep_ == "appos" and c.i in self.at and c.pos_ == "PROPN" for c in token.children):
                # 'the Deputy Commissioner, Frank Albers, is the one who signs': a title not known, its name is
                token = next(c for c in token.children if c.dep_ == "appos" and c.i in self.at and c.pos_ == "PROPN")
            else:
                return None
        return None

    def _resolve_subject(self, token) -> Person | None:
        """The person who does what `token` (a verb, or a word in its phrase) says."""
        verb = token
        for _ in range(4):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if doer is not None:  # 'approved by the mall manager'
                return self._resolve(doer)
            if verb.dep_ in ("xcomp", "advcl", "ccomp"):  # 'needs the VP to sign off'
                obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
                if obj is not None and obj.i in self.at:
                    return self._resolve(obj)
            clefted = _clefted(verb)
            if clefted is not None:
                return self._resolve(clefted)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # 'Nice guy, but the finance committee decides', parsed with two subjects: the one who is someone
            subject = next((c for c in subjects if c.i in self.at), subjects[0] if subjects else None)
            if subject is not None and verb.dep_ == "relcl" and subject.lower_ in ("who", "that", "which"):
                subject = None  # 'the VP of manufacturing, who has the capex authority': the head, below
            if subject is not None and subject.i not in self.at and subject.lower_ in ("person", "one", "guy") and \
                    verb.dep_ == "ccomp" and verb.head.lemma_ == "be":
                # 'he is the person giving final approval', parsed with 'person' the subject of 'giving'
                subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), subject)
            if subject is not None and not (subject.dep_ == "nsubjpass" and agent is not None):
                return self._resolve(subject)
            # 'the board votes on it', its verb mistagged as a noun: the compound before it does it
            fused = next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.i in self.at), None)
            if fused is not None:
                return self._resolve(fused)
            if verb.dep_ == "relcl":
                head = verb.head
                if head.i not in self.at and head.dep_ == "pobj" and head.head.head.i in self.at:
                    head = head.head.head  # "it's Mick in engineering who decides": Mick, not engineering
                elif head.i not in self.at and head.dep_ == "appos" and head.head.i in self.at:
                    head = head.head  # 'Mr. Menon, the Registrar, who approves': a title the rules don't know
                elif head.lemma_.lower() == "one" and head.dep_ == "attr":
                    # "they're the ones who make the calls": whoever the copula is said of
                    said_of = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                    if said_of is None:
                        return None
                    if said_of.i in self.groups:
                        return self.groups[said_of.i][0] if len(self.groups[said_of.i]) == 1 else None
                    person = self._resolve(said_of)
                    if said_of.lower_ in ("they", "we") and person is not None and not (person.is_body or person.plural):
                        return None  # a group the cast did not join is no one person
                    return person
                return self._resolve(head)
            if verb.dep_ in ("conj", "xcomp", "acomp", "attr", "dobj", "prt", "prep", "pobj", "aux")\
                    and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
        return None


def _clefted(verb):
    """Who a cleft says does it: 'it's him that decides', 'the one deciding is Sir Ramon',
    'she's the one paying for it', "his daddy's the one holds the purse strings" (the 'who'
    left out, so the parse makes 'the one' the subject and loses the copula)."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "who")
                                                           for c in verb.children):
        return next((c for c in head.children if c.dep_ == "attr"), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() == "one" and head.head.lemma_ == "be":
        other = "nsubj" if head.dep_ == "attr" else "attr" if head.dep_ == "nsubj" else None
        return next((c for c in head.head.children if c.dep_ == other), None)
    ones = [verb] if verb.dep_ == "nsubj" else [c for c in verb.children if c.dep_ == "nsubj"]
    subject = next((c for c in ones if c.lemma_.lower() == "one"), None)
    if subject is not None:
        return next((c for c in subject.children if c.dep_ == "poss" and c.i + 1 < subject.i
                     and verb.doc[c.i + 1].lower_ == "'s" and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _brackets(doc) -> list[tuple[int, int]]:
    """Token ranges inside '(' and ')'; worked out once per doc."""
    if "debrief_brackets" not in doc.user_data:
        spans, opened = [], None
        for token in doc:
            if token.text == "(" and opened is None:
                opened = token.i + 1
            elif token.text == ")" and opened is not None:
                spans.append((opened, token.i))
                opened = None
        doc.user_data["debrief_brackets"] = spans
    return doc.user_data["debrief_brackets"]
