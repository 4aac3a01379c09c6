"""The memo's cast: who the rep met, who was only mentioned, who was away, and who decides.

A memo names its people by name ("Patricia Lund"), by title ("the owner"), by
pronoun ("she") and by the bodies they answer to ("the board"). The cast
gathers those mentions into persons: a title in apposition ("Patricia Lund,
their CEO", "their CISO, Ed Brannigan") or after "is" ("Tony is co-owner")
joins its name; a pronoun goes to the last person said before it whose gender
fits. Then it reads from the dependency parse what the memo says of each:

- met: the object of "met with", "sat down with", "a Zoom with", "saw"; the
  one who said something ("she said", "Walt opened with"); "joined", "was there";
- absent: "wasn't in", "couldn't make it", "got pulled into something";
- authority: a top title, or a predicate whose subject they are ("he owns the
  whole budget", "the COO, who signs contracts", "it's her shop", "the budget is hers");
- defers: "has to run it by", "just submits", "needs sign-off" (and the one
  deferred to holds the authority).

decision_maker.py decides the verdict from the cast; this module only reads.
Every reading is kept with the token that shows it, so the verdict has evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import Hit

HONORIFICS = {"dr", "dr.", "dra", "dra.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "doctor", "sir", "ma'am",
              "madam", "maam", "mx", "mx."}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
RANKS = ("top", "senior", "junior", "body")
# Words between a name and its title that keep them one person: "Tom, the owner", "Ed, their CISO".
APPOSITION_GLUE = {",", "the", "their", "his", "her", "its", "a", "an", "-", "—", "named", "our"}
COPULA_GLUE = {"is", "'s", "was", "be", "being"}
REP_SIDE = {"my", "our"}

# How a person was met, by the word that governs them.
MEET_WITH = {"meet", "met", "sit", "sat", "talk", "speak", "spoke", "chat", "visit", "present", "pitch", "demo",
             "zoom", "call", "meeting", "sit-down", "sitdown", "lunch", "coffee", "dinner", "breakfast", "time",
             "minute", "minutes", "face", "person", "session", "appointment", "conversation", "walkthrough",
             "tour", "phone", "teams", "video", "hour", "visit", "catch", "be", "was", "were",
             "walk", "walked", "interview", "discussion", "chat", "demo", "sat-down", "huddle", "review"}
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
ABSENCE_STATE = {"out", "away", "off", "sick", "travel", "traveling", "travelling", "unavailable", "busy",
                 "vacation", "leave", "holiday", "gone"}
ABSENCE_VERB = {"cancel", "bump", "reschedule", "postpone", "travel", "miss", "bail", "ghost", "skip", "pull"}
BUSY_WITH = {"patient", "patients", "customer", "customers", "meeting", "meetings", "conference", "audit",
             "surgery", "court", "vacation", "holiday", "appointment", "client", "clients", "job", "site", "call"}
NOT_THERE = {"there", "in", "around", "available", "present", "here", "on"}
PLANNING = {"book", "set", "schedule", "plan", "arrange", "request", "propose", "try", "want", "hope", "need",
            "suppose", "get", "push", "ask", "offer", "line", "pencil", "confirm", "lock", "put", "send",
            "invite", "move", "reschedule", "expect", "like", "love", "have", "do", "wait", "see", "make"}
FUTURE_AUX = {"will", "'ll", "wo", "would", "'d", "gonna", "shall", "going", "might", "may", "could", "should",
              "can", "ca"}
DEPUTY = {"assistant", "deputy", "associate", "vice", "vp", "asst", "regional", "district", "store", "area"}
COMPANY_WORDS = {"inc", "llc", "ltd", "co", "corp", "group", "distribution", "manufacturing", "foods", "pharmacy",
                 "plumbing", "hvac", "auto", "motors", "hospital", "clinic", "farms", "farm", "services", "bank",
                 "hardware", "supply", "dental", "medical", "health", "market", "restaurant", "salon", "gym",
                 "bakery", "boutique", "construction", "electric", "logistics", "partners", "associates", "realty"}
KIN_GENDER = {**dict.fromkeys(["dad", "daddy", "papa", "pa", "appa", "father", "husband", "son", "brother", "uncle",
                               "grandson", "grandfather", "boyfriend", "fiance"], "m"),
              **dict.fromkeys(["mom", "mommy", "mama", "ma", "amma", "mother", "wife", "daughter", "sister", "aunt",
                               "granddaughter", "grandmother", "girlfriend", "fiancée"], "f")}
REPORTING = {"say", "tell", "go", "mention", "explain"}
NOT_NAMES = {"zoom", "teams", "skype", "facetime", "webex", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "christmas", "easter", "okay", "ok", "so", "yeah",
             "um", "uh", "anyway", "alright", "god", "lord", "covid", "excel", "google", "amazon", "square"}
STAND_INS = {"one", "guy", "gal", "person", "lady", "man", "woman", "fella", "boss"}


@dataclass
class Person:
    id: int
    name: str | None = None
    role: str | None = None
    rank: str | None = None  # top | senior | junior | body | None
    gender: str | None = None  # m | f | None
    rep_side: bool = False
    presumed: bool = False
    plural: bool = False
    owns: bool = False  # said to own it ('she owns the place'): an owner, title or not  # 'the deacons', 'the owners': not 'he' or 'she'  # 'she' with no one named before: the contact the memo is about
    mentions: list[int] = field(default_factory=list)
    met: list[int] = field(default_factory=list)  # token indices that show it
    absent: list[int] = field(default_factory=list)
    authority: list[int] = field(default_factory=list)
    no_authority: list[int] = field(default_factory=list)
    defers: list[int] = field(default_factory=list)
    deferred_to: list[int] = field(default_factory=list)  # someone defers to this person

    @property
    def is_body(self) -> bool:
        return self.rank == "body"

    @property
    def has_authority(self) -> bool:
        if self.rank == "top":  # a co-owner who "can't sign without Sam" still decides: a stall
            return True
        return bool(self.authority or self.deferred_to) and not self.no_authority

    @property
    def was_met(self) -> bool:
        """Met, and not away unless met again after it ("the owner was out ... then he walked in")
        or met before leaving ("fifteen minutes with her, then a dog came in and she was gone")."""
        if not self.met:
            return False
        return not self.absent or max(self.met) > max(self.absent) or min(self.met) < min(self.absent)

    @property
    def label(self) -> str | None:
        role = self.role or ("owner" if self.owns else None)
        return ", ".join(p for p in (self.name, role) if p) or None


@dataclass
class Cast:
    doc: object
    people: list[Person]
    nobody_met: list[Hit]  # voicemail, no-show, cancelled
    unnamed_elsewhere: list[Hit]  # "needs approval" with nobody named

    def met(self) -> list[Person]:
        """Who the rep met; 'she' of a memo that names nobody is the contact, unless
        the memo says someone was away or nobody was met."""
        quiet = not self.nobody_met and not any(p.absent for p in self.people)
        return [p for p in self.people if not p.rep_side and (p.was_met or p.presumed and quiet and not p.absent)]


def build_cast(doc, hits: list[Hit], prospect_speaks=None) -> Cast:
    """Everyone the memo mentions, and what it says each did. `prospect_speaks(i)` says
    whether token i is in the prospect's own words (then 'I' is the person speaking)."""
    builder = _CastBuilder(doc, hits, prospect_speaks or (lambda i: False))
    builder.gather()
    builder.read_events()
    return Cast(doc, builder.people, builder.nobody, builder.unnamed_elsewhere)


class _CastBuilder:
    def __init__(self, doc, hits, prospect_speaks):
        self.doc = doc
        self.hits = hits
        self.prospect_speaks = prospect_speaks
        self.people: list[Person] = []
        self.at: dict[int, Person] = {}  # token index → person
        self.roots: list[tuple[int, Person]] = []  # each mention's head token
        self.nobody: list[Hit] = []
        self.unnamed_elsewhere: list[Hit] = []
        self.last_speaker: Person | None = None
        self.quoted = _quoted(doc)
        self.sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}

    # --- mentions -----------------------------------------------------------------
    def gather(self) -> None:
        names = [_without_verb(e) for e in self.doc.ents if e.label_ == "PERSON" and not self._rep_name(e)
                 and not any(t.lower_ in COMPANY_WORDS for t in e)]
        names = [e for e in names if len(e)]
        names += self._unrecognised_names_after_met(names)
        names += self._unrecognised_names(names)
        names.sort(key=lambda e: e.start)
        titles = self._titles()
        items = [(e.start, "name", e) for e in names] + [(h.start, "title", h) for h in titles]
        items += [(t.i, "pronoun", t) for t in self.doc if t.lower_ in MALE | FEMALE]
        title_tokens = {i for h in titles for i in range(h.start, h.end)}
        for _, kind, item in sorted(items, key=lambda x: x[0]):
            if kind == "name":
                if any(i in title_tokens for i in range(item.start, item.end)) and len(item) == 1:
                    continue
                self._add_name(item)
            elif kind == "title":
                self._add_title(item, names)
            else:
                self._add_pronoun(item)

    def _unrecognised_names(self, names) -> list:
        """A first name the recognizer missed ('Lina owns it', 'a call with Nadia'): a capitalised
        word, not a company, that does what people do (says, owns) or is met with."""
        taken = {i for e in names for i in range(e.start, e.end)}
        found = []
        for token in self.doc:
            known_name = token.ent_type_ == "ORG" and token.ent_iob_ == "B" and \
                (token.i + 1 >= len(self.doc) or self.doc[token.i + 1].ent_iob_ != "I") and \
                any(token.lower_ in _name_words(e) for e in names)
            if known_name and token.i not in taken:
                found.append(self.doc[token.i:token.i + 1])  # 'Dale leans back' read as a company
                continue
            if token.i in taken or token.pos_ != "PROPN" or not token.is_title or token.i == token.sent.start \
                    and token.dep_ not in ("nsubj",) or token.ent_type_ not in ("", "PERSON", "GPE", "NORP"):
                continue
            if token.lower_ in HONORIFICS or token.lower_ in NOT_NAMES:
                continue
            head = token.head
            says = token.dep_ == "nsubj" and head.lemma_.lower() in SPEECH | {"own", "run", "decide", "sign", "approve"}
            met_with = token.dep_ == "pobj" and head.lower_ == "with" and _word(head.head) in MEET_WITH
            if (says or met_with) and not any(c.dep_ == "compound" for c in token.children):
                found.append(self.doc[token.i:token.i + 1])
        return found

    def _unrecognised_names_after_met(self, names) -> list:
        """'Met with Marcus' where the recognizer took Marcus for a place: a capitalised
        word right after a meeting verb is a person."""
        taken = {i for e in names for i in range(e.start, e.end)}
        found = []
        for hit in self.hits:
            if hit.label != "DM_MET":
                continue
            i = hit.end
            while i < len(self.doc) and self.doc[i].lower_ in ("with", "the", "their", "to"):
                i += 1
            start = i
            while i < len(self.doc) and self.doc[i].pos_ == "PROPN" and self.doc[i].is_title and i not in taken \
                    and self.doc[i].ent_type_ not in ("DATE", "TIME"):
                i += 1
            if i > start and not any(i2 in taken for i2 in range(start, i)):
                found.append(self.doc[start:i])
        return found

    def _rep_name(self, ent) -> bool:
        """'Nate.' or 'Hannah, debrief on ...' opening the memo: the manager the rep talks to."""
        sent = ent.sent
        return ent.start == 0 and (len(sent) <= len(ent) + 1 or self.doc[ent.end].text == ",") and sent.start == 0

    def _titles(self) -> list[Hit]:
        """Title and body hits, one per head noun: the longest, then the highest rank."""
        found = [h for h in self.hits if h.label in ("DM_TITLE", "DM_BODY", "DM_ROLE")]
        found = [h for h in found if self.doc[h.end - 1].pos_ in ("NOUN", "PROPN") or h.end - h.start > 1]
        rank = {"top": 0, "senior": 1, "junior": 2, "body": 3, None: 0}
        chosen: dict[int, Hit] = {}
        for h in sorted(found, key=lambda h: (h.start - h.end, rank.get(_rank(h), 0))):
            if not any(h.start < c.end and c.start < h.end for c in chosen.values()):
                chosen[h.start] = h
        return sorted(chosen.values(), key=lambda h: h.start)

    def _new(self, **kwargs) -> Person:
        person = Person(len(self.people), **kwargs)
        self.people.append(person)
        return person

    def _mark(self, person: Person, start: int, end: int) -> None:
        for i in range(start, end):
            self.at[i] = person
        person.mentions.append(start)
        root = _root(self.doc[start:end]).i
        self.roots.append((root, person))
        self._note_contact(root, person, start)

    def _note_contact(self, index: int, person: Person, start: int) -> None:
        """Read at once whether this mention met or missed the rep, so that a later
        pronoun can prefer the person the rep was talking with."""
        if person.is_body or person.rep_side:
            return
        event = self._contact(self.doc[index])
        if event is None and self._after_met_word(start):
            event = "met"
        if event == "met":
            person.met.append(index)
            self.last_speaker = person
        elif event == "absent":
            person.absent.append(index)

    def _add_name(self, ent) -> None:
        words = _name_words(ent)
        if not words:
            return
        gender = _honorific_gender(ent) or self._name_gender(ent)
        person = next((p for p in self.people if p.name and _same_name(words, p.name)
                       and not (gender and p.gender and gender != p.gender)), None)
        if person is None and self._name_alone(ent):
            person = self._unnamed_before(ent)
            if person is not None:
                person.name = None
        if person is None:
            person = self._new(name=" ".join(t.text for t in ent if t.lower_ not in HONORIFICS and t.text != "'s"))
            person.rep_side = self._possessed_by_rep(ent)
        elif len(ent) > len((person.name or "").split()) or self._fuller_first_name(ent, person):
            person.name = " ".join(t.text for t in ent if t.lower_ not in HONORIFICS and t.text != "'s")
        person.gender = person.gender or gender
        self._mark(person, ent.start, ent.end)

    def _fuller_first_name(self, ent, person: Person) -> bool:
        """'Tom Becker' names the person better than 'Becker Bread' (the shop, tagged a person):
        of two names as long, the one that opens with a known first name."""
        return len(ent) == len((person.name or "").split()) and self._name_gender(ent) is not None and \
            not any(hit.label == "DM_GENDER" and hit.start in person.mentions for hit in self.hits)

    def _name_gender(self, ent) -> str | None:
        """'Brenda' is usually a woman, 'Tom' a man (dm-first-name-*): a guess, only for pronouns."""
        for hit in self.hits:
            if hit.label == "DM_GENDER" and hit.start == ent.start:
                return hit.rule.kind
        return None

    def _name_alone(self, ent) -> bool:
        """'... the owner walks in. Ed Kowalski.': a sentence that is only a name."""
        sent = ent.sent
        return ent.start == sent.start and all(t.is_punct for t in self.doc[ent.end:sent.end])

    def _unnamed_before(self, ent) -> Person | None:
        recent = [p for p, last in self._by_recency(ent.start) if self.sent_of[last] == self.sent_of[ent.start] - 1]
        return next((p for p in reversed(recent) if p.name is None and p.role and not p.is_body), None)

    def _possessed_by_rep(self, span) -> bool:
        if self.prospect_speaks(span.start):
            return False
        root = _root(span)
        if any(c.lower_ in REP_SIDE for c in root.children if c.dep_ == "poss"):
            return True
        return any(t.lower_ in REP_SIDE for t in self.doc[max(span.start - 2, 0):span.start])

    def _add_title(self, hit: Hit, names) -> None:
        doc = self.doc
        rank = _rank(hit)
        role_span = _role_span(doc, hit)
        if rank == "top" and any(t.lower_ in DEPUTY for t in role_span):
            rank = "senior"
        if rank in ("kin", "other"):
            rank = None
        head = doc[hit.end - 1]
        if rank == "body":
            person = next((p for p in self.people if p.is_body and p.role == role_span.text.lower()), None)
            person = person or self._new(role=role_span.text.lower(), rank="body")
            self._mark(person, hit.start, hit.end)
            return
        person = self._named_by_apposition(hit, names) or self._named_by_copula(head) or \
            self._named_by_contraction(role_span)
        if person is False:  # "she's not the owner"
            return
        if person is None:
            if self._possessed_by_rep(doc[hit.start:hit.end]):
                return
            person = next((p for p in self.people if p.role and p.name is None and not p.is_body
                           and _head_word(p.role) == head.lower_), None)
            person = person or self._new(role=role_span.text, rank=rank, plural=head.tag_ in ("NNS", "NNPS"))
        if person.role is None or _better(rank, person.rank):
            person.role, person.rank = role_span.text, rank
        person.gender = person.gender or KIN_GENDER.get(head.lower_)
        self._mark(person, hit.start, hit.end)

    def _named_by_apposition(self, hit: Hit, names) -> Person | None:
        """'Patricia Lund, their CEO', 'their CISO, Ed Brannigan', 'CFO Denise Hart'."""
        doc = self.doc
        start = min(hit.start, _role_span(doc, hit).start)
        for ent in names:
            before = doc[ent.end:start]
            after = doc[hit.end:ent.start]
            if ent.end <= start and len(before) <= 3 and all(t.lower_ in APPOSITION_GLUE for t in before) \
                    and not any(t.dep_ == "case" for t in doc[ent.end:start + 1]):
                return self.at.get(ent.start)
            if hit.end <= ent.start and len(after) <= 2 and all(t.lower_ in APPOSITION_GLUE | HONORIFICS for t in after):
                self._add_name(ent) if ent.start not in self.at else None
                return self.at.get(ent.start)
        return None

    def _named_by_contraction(self, role_span) -> Person | None:
        """'So Dale's the owner', parsed as a possessive: a name, 's, then 'the' and the title."""
        doc, start = self.doc, role_span.start
        if start >= 3 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ == "'s":
            return self.at.get(start - 3)
        return None

    def _named_by_copula(self, head):
        """'he's the CFO', 'Tony Alvarez is co-owner': the subject of 'is'; False when negated."""
        node = head
        while node.dep_ in ("compound", "amod", "conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ != "attr" or node.head.lemma_ != "be":
            return None
        verb = node.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        person = self._resolve(subject)
        if person is not None and any(c.dep_ == "neg" for c in verb.children):
            person.no_authority.append(head.i)
            return False
        return person

    def _add_pronoun(self, token) -> None:
        """The last person said before, of this gender; one already known to be of
        this gender and said in the last three sentences beats a newcomer of unknown
        gender ('Moss ... the superintendent, Dr. Reyes ... She said'). A name said
        inside quotes is no antecedent for a pronoun outside them."""
        if token.i in self.at:
            return
        gender = "m" if token.lower_ in MALE else "f"
        inside = self.quoted.get(token.i)
        own_apposition = token.dep_ == "poss" and token.i >= 2 and self.doc[token.i - 1].text == ","
        candidates = [(p, last) for p, last in reversed(self._by_recency(token.i))
                      if not p.is_body and not p.rep_side and not p.plural and p.gender in (None, gender)
                      and (self.quoted.get(last) is None or self.quoted.get(last) == inside)
                      and not (own_apposition and last == token.i - 2)]  # 'Linda, his bookkeeper'

        if not candidates:
            if not self.people or all(p.is_body or p.rep_side for p in self.people):
                person = self._new(gender=gender, presumed=True)
                self.at[token.i] = person
                self.roots.append((token.i, person))
                self._note_contact(token.i, person, token.i)
            return
        present = [(p, last) for p, last in candidates if not (p.absent and not p.met)]
        sentence = self.sent_of[token.i]
        if present and candidates[0][0] is not present[0][0] and sentence - self.sent_of[present[0][1]] <= 2:
            candidates = present  # 'Glen was out on sites. Talked to Brent ... I asked him': Brent
        known = [p for p, last in candidates if p.gender == gender and sentence - self.sent_of[last] <= 3]
        known_met = [p for p, last in candidates if p.gender == gender and p.met]
        person = known[0] if known and candidates[0][0].gender is None else candidates[0][0]
        if person.gender is None and not person.met and known_met and not known:
            person = known_met[0]  # the contact, not a newcomer only talked about
        same = [p for p, last in candidates if self.sent_of[last] == sentence]
        subjects = [p for p in same if any(self.doc[i].dep_ in ("nsubj", "nsubjpass") and self.sent_of[i] == sentence
                                           for i, q in self.at.items() if q is p and i < token.i)]
        reported = token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in REPORTING
        if subjects and not reported:
            person = subjects[0]  # 'Dr. Reyes bought it off old Dr. Klein, so it's her call'
        elif not person.met and token.dep_ in ("nsubj", "nsubjpass") and \
                (not same or reported):
            talking = [p for p, last in candidates if p.met and p.gender == gender and sentence - self.sent_of[last] <= 3]
            person = talking[0] if talking else person
        person.gender = gender
        self.at[token.i] = person
        self.roots.append((token.i, person))
        self._note_contact(token.i, person, token.i)

    def _by_recency(self, before: int) -> list[tuple[Person, int]]:
        last: dict[int, int] = {}
        for i, person in self.at.items():
            if i < before:
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
            elif token.lower_ in STAND_INS and token.dep_ == "appos":
                token = token.head
            elif token.lower_ in STAND_INS and token.dep_ == "attr":
                token = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif token.lower_ in ("i", "me", "myself") and self.prospect_speaks(token.i):
                return self.last_speaker
            else:
                return None
        return None

    # --- events -------------------------------------------------------------------
    def read_events(self) -> None:
        for hit in self.hits:
            if hit.label in ("DM_AUTHORITY", "DM_SELF"):
                self._authority(hit)
            elif hit.label == "DM_ELSEWHERE":
                self._elsewhere(hit)
            elif hit.label == "DM_ABSENT":
                person = self._resolve_subject(_anchor(self.doc, hit))
                if person is None:
                    person = next((self.at[i] for i in range(hit.end, min(hit.end + 3, len(self.doc)))
                                   if i in self.at), None)
                if person is not None and not person.is_body:
                    person.absent.append(hit.start)
            elif hit.label == "DM_NOBODY":
                self.nobody.append(hit)
        self._introduced()

    def _after_met_word(self, start: int) -> bool:
        """'Met Hank Klemme', 'sat down with the owner': the first person named right after
        a meeting word, when the parse missed it (a sentence-initial 'Met' read as a name)."""
        doc = self.doc
        for hit in self.hits:
            if hit.label != "DM_MET" or not hit.end <= start <= hit.end + 3:
                continue
            between = doc[hit.end:start]
            if any(t.is_punct or t.i in self.at for t in between):
                continue
            verb = doc[hit.start]
            if _negated(verb) or _planned(verb):
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.lower_ in ("i", "we"):
                return True
        return False

    def _introduced(self) -> None:
        """'Mike Ferreira, it's his shop.' / 'Dr. Marcus Bell, he's the owner': a memo that opens
        a sentence with a name, a comma and what that person is, introduces the contact."""
        doc = self.doc
        for sent in list(doc.sents)[:3]:
            first = self.at.get(sent.start) or (self.at.get(sent.start + 1) if doc[sent.start].lower_ in HONORIFICS else None)
            if first is None or first.is_body or first.rep_side or first.absent or self.nobody:
                continue
            end = sent.start
            while end < sent.end and self.at.get(end) is first or end < sent.end and doc[end].lower_ in HONORIFICS:
                end += 1
            if end >= sent.end or doc[end].text != "," or first.met or \
                    any(p.met or min(p.mentions, default=len(doc)) < sent.start for p in self.people if p is not first):
                continue  # only the memo's opening of its contact
            pronoun = next((t for t in doc[end:min(end + 10, sent.end)] if t.lower_ in MALE | FEMALE), None)
            if pronoun is not None and self.at.get(pronoun.i) is first:
                first.met.append(sent.start)  # 'Mike Ferreira, it's his shop'; 'Dr. Haskins, Greg Haskins, he owns it'


    def _contact(self, token) -> str | None:
        """'met' or 'absent' as the parse says of this mention, or None."""
        while token.dep_ in ("appos", "compound") and token.head.i != token.i:
            token = token.head
        if token.dep_ == "conj" and token.head.dep_ in ("pobj", "dobj", "nsubj"):
            token = token.head
        head = token.head
        if token.dep_ == "pobj" and (head.lower_ == "with" or head.lower_ == "to" and _word(head.head) in TALK_TO):
            governor = head.head
            if _word(governor) in MEET_WITH or governor.dep_ == "ROOT" and governor.pos_ in ("NOUN", "PROPN"):
                return _status(governor, meet=True)
        if token.dep_ in ("dobj", "dative") and _word(head) in MEET_OBJECT:
            return _status(head, meet=True)
        if token.dep_ in ("nsubj", "nsubjpass"):
            event = self._subject_event(token, head)
            for verb in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")][:2]:
                if event is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    event = self._subject_event(token, verb)  # 'Dale leans back and says ...'
            return event
        if token.dep_ == "attr" and head.lemma_ == "be" and head.tag_ == "VBD" and \
                any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
            return "met"  # 'so it was Dr. Reyes and Tina'
        return None

    def _subject_event(self, token, verb) -> str | None:
        children = {c.lower_ for c in verb.children}
        negated = any(c.dep_ == "neg" for c in verb.children)
        lemma = verb.lemma_.lower()
        if lemma == "be":
            if any(c.lower_ == "like" for c in verb.children) and verb.i + 2 < len(self.doc) \
                    and (self.doc[verb.i + 2].is_punct or self.doc[verb.i + 2].is_quote):
                return "met" if not negated else None  # "Keisha's like, 'Wait ...'"
            if negated and children & NOT_THERE:
                return "absent"
            if children & ABSENCE_STATE or any(c.lemma_ in ABSENCE_STATE for c in verb.children):
                return "absent" if not negated else None
            if not negated and any(c.dep_ == "prep" and any(o.lemma_.lower() in BUSY_WITH and not
                                                             any(d.lower_ in ("the", "our") for d in o.children)
                                                             for o in c.children)
                                   for c in verb.children):
                return "absent"  # 'with patients', 'in a meeting', 'at a conference' 
            if children & {"there", "present"} and not negated:
                return "met" if verb.tag_ == "VBD" else None
            return None
        if lemma == "make" and "it" in children and negated:
            return "absent"
        if lemma in ABSENCE_VERB and (lemma != "pull" or verb.tag_ == "VBN"):
            return "absent" if not negated else None
        if lemma in ("show", "come", "join") and negated:
            return "absent"
        if negated or _planned(verb) or _hearsay(verb):
            return None
        if lemma in SPEECH | PRESENCE and verb.tag_ in ("VBD", "VBZ") and verb.pos_ in ("VERB", "AUX"):
            if verb.tag_ == "VBZ" and lemma not in {"go", "say", "tell", "ask", "walk", "join", "pop"}:
                return None
            if lemma == "go" and not (verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].is_punct):
                return None  # 'she goes, ...' is speech; 'it goes to the board' is not
            return "met"
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
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and not (subject.dep_ == "nsubjpass" and agent is not None):
                return self._resolve(subject)
            if verb.dep_ == "relcl":
                return self._resolve(verb.head)
            if verb.dep_ in ("conj", "xcomp", "acomp", "attr", "dobj", "prt", "prep", "pobj", "aux")\
                    and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
        return None

    def _authority(self, hit: Hit) -> None:
        doc = self.doc
        span = doc[hit.start:hit.end]
        if len(span) == 1 and span[0].pos_ not in ("VERB", "AUX"):
            return  # 'his own company', 'the decision': not a predicate
        if span[-1].lower_ in ("his", "her", "their") and hit.end < len(doc) and doc[hit.end].is_alpha:
            return  # 'the MD is his father': a kinship, not 'it is his'
        possessors = [self.at[t.i] for t in span if t.i in self.at and
                      (t.dep_ == "poss" or t.lower_ in ("hers", "his", "theirs", "her") or t.tag_ == "PRP$"
                       or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "'s" and doc[t.i + 1].dep_ == "case")]
        owner = possessors[-1] if possessors else None  # "his dad's company": the dad's
        if owner is None and any(t.lower_ in ("hers", "his", "theirs") for t in span):
            owner = next((self.at[t.i] for t in span if t.i in self.at), None)
        person = owner or self._resolve_subject(_anchor(doc, hit)) or self._subject_before(hit)
        if person is None and self._shared(hit):
            for together in self._shared(hit):
                together.authority.append(hit.start)
            return
        if person is None or person.rep_side:
            return
        verb = _anchor(doc, hit)
        if _conditional(verb) or _doubted(verb):
            return
        if _negated(verb) or any(t.lower_ in ("not", "n't", "never", "neither") for t in span):
            person.no_authority.append(hit.start)
        else:
            person.authority.append(hit.start)
            person.owns = person.owns or any(t.lemma_.lower() in ("own", "found") and t.pos_ == "VERB" for t in span)

    def _subject_before(self, hit: Hit) -> Person | None:
        """When the parse loses the phrase ('she's got the card and the say-so' read as the
        subject of the next clause): the person who is the subject just before it."""
        doc = self.doc
        for i in range(hit.start - 1, max(doc[hit.start].sent.start, hit.start - 8) - 1, -1):
            if doc[i].text in (".", ";"):
                break
            if doc[i].dep_ in ("nsubj", "nsubjpass") and i in self.at and not self.at[i].is_body:
                return self.at[i]
        return None

    def _shared(self, hit: Hit) -> list[Person]:
        """'They both decide', 'we decide together': everyone named in this or the
        sentence before, when the memo says they decide jointly."""
        doc = self.doc
        sent = doc[hit.start].sent
        if not any(t.lower_ in ("both", "together", "jointly", "all", "each") for t in sent):
            return []
        subject = next((c for c in _anchor(doc, hit).children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("they", "we", "both"):
            return []
        number = self.sent_of[hit.start]
        for first in (number, number - 1):
            found = list({id(p): p for i, p in sorted(self.at.items())
                          if first <= self.sent_of[i] <= number and i < hit.start
                          and not p.is_body and not p.rep_side}.values())
            if len(found) >= 2 or found and first < number:
                return found
        return []

    def _elsewhere(self, hit: Hit) -> None:
        doc = self.doc
        anchor = _anchor(doc, hit)
        who = self._resolve_subject(anchor)
        subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if who is not None and subject is not None and hit.start <= subject.i < hit.end:
            who.authority.append(hit.start)  # 'her boss decides', 'the board approves'
            return
        negated = _negated(anchor) and not any(t.lower_ in ("not", "n't", "never") for t in doc[hit.start:hit.end])
        sent = doc[hit.start].sent
        deciders = []
        for i in range(hit.start, min(hit.end + 4, sent.end)):
            if i >= hit.end and doc[i].is_punct:
                break
            person = self.at.get(i)
            if doc[i].dep_ == "poss" or doc[i].tag_ == "PRP$":
                continue  # 'his dad': the dad, not him
            if i >= hit.end and deciders:
                break
            if person is not None and person is not who and person not in deciders and not person.rep_side:
                deciders.append(person)
                if i >= hit.end:
                    break
        if hit.rule.kind == "route" and (doc[hit.start + 1].lower_ == "to" and hit.start + 2 < len(doc)
                                         and doc[hit.start + 2].pos_ in ("VERB", "AUX") and hit.start + 2 not in self.at):
            return  # 'going to be the champion'
        if negated and hit.rule.kind == "route":
            return  # "she will not go through that again"
        if negated:  # "she doesn't need to run it by anyone": she decides herself
            if who is not None:
                who.authority.append(hit.start)
            return
        if hit.rule.kind == "route" and not deciders:
            return  # 'go to lunch'
        if who is not None:
            who.defers.append(hit.start)
        for person in deciders:
            person.deferred_to.append(hit.start)
        if not deciders and hit.rule.kind != "route":
            self.unnamed_elsewhere.append(hit)


def _word(token) -> str:
    return token.lemma_.lower() if token.pos_ == "VERB" else token.lower_


def _rank(hit: Hit) -> str | None:
    return "top" if hit.label == "DM_ROLE" else hit.rule.kind


def _better(rank: str | None, than: str | None) -> bool:
    order = {"top": 0, "senior": 1, "junior": 2, None: 3, "body": 4}
    return order.get(rank, 3) < order.get(than, 3)


def _root(span):
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[-1]


def _without_verb(ent):
    """'Met Alan Rourke' read as one name: the name starts after the verb."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in ("met", "saw", "called", "visited", "emailed", "texted"):
        start += 1
    return ent.doc[start:ent.end]


def _name_words(span) -> set[str]:
    return {t.lower_ for t in span if t.is_alpha and t.lower_ not in HONORIFICS}


def _same_name(words: set[str], name: str) -> bool:
    """'Patricia' or 'Lund' is Patricia Lund; 'Kowalski Precision' is not Ed Kowalski."""
    theirs = _name_words_of(name)
    if not words & theirs:
        return False
    if len(words) == 1 or len(theirs) == 1:
        return True
    return name.split()[0].lower() in words  # the same first name


def _name_words_of(name: str) -> set[str]:
    return {w.lower() for w in name.split()}


def _head_word(role: str) -> str:
    return role.split()[-1].lower() if role else ""


def _role_span(doc, hit: Hit):
    """The title as said: 'office manager', 'director of pharmacy', 'chief nursing officer'."""
    start, end = hit.start, hit.end
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i >= start \
            and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[start - 1].ent_type_ not in ("PERSON", "ORG", "GPE"):
        start -= 1
    if end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == end - 1:
        objects = [c for c in doc[end].children if c.dep_ == "pobj"]
        if objects and objects[0].i - end <= 3:
            end = objects[0].i + 1
    while start < end and doc[start].lower_ in ("the", "their", "a", "an", "his", "her"):
        start += 1
    return doc[start:end]


def _anchor(doc, hit: Hit):
    """The verb of a phrase ('signs' in 'signs off'), else its head word."""
    span = doc[hit.start:hit.end]
    if span[0].pos_ == "DET":  # 'the say-so', 'the final word': the phrase, wherever it sits
        return _root(span)
    for token in span:
        if token.pos_ == "VERB" and token.lower_ not in ("has", "have", "'s"):
            return token
    for token in span:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return _root(span)


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("neither", "never") for c in verb.children) or \
        (verb.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" for c in verb.head.children))


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


def _doubted(verb) -> bool:
    """'I don't know if he owns it', 'not sure whether she signs': a guess, not a fact."""
    head = verb.head
    return verb.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in ("know", "sure", "wonder", "guess", "think") \
        and (any(c.dep_ == "neg" for c in head.children) or head.lemma_.lower() in ("wonder", "guess"))


def _honorific_gender(span) -> str | None:
    first = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    words = {t.lower_ for t in span} | {first}
    return "m" if words & {"mr", "mr."} else "f" if words & {"mrs", "mrs.", "ms", "ms.", "miss"} else None


def _quoted(doc) -> dict[int, int]:
    """Token index → index of the opening quote, for every token inside quotes."""
    inside, opened_at = {}, None
    for token in doc:
        if token.text in ('"', "“", "”"):
            opened_at = token.i if opened_at is None else None
        elif opened_at is not None:
            inside[token.i] = opened_at
    return inside


def _conditional(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children)


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
        if node.dep_ in ("dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "npadvmod") \
                and head.lemma_.lower() in PLANNING and head.pos_ in ("VERB", "AUX"):
            return node.dep_ != "prep" or head.lemma_.lower() not in ("get", "have", "do", "make")
        if node.dep_ not in ("dobj", "pobj", "prep", "xcomp", "compound", "npadvmod", "acl", "amod", "prt"):
            return False
        node = head
    return False


def _status(governor, meet: bool) -> str | None:
    """Met unless negated ('never met him': absent) or still planned ('booked a walkthrough with')."""
    verb = governor
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX") and _negated(verb):
        return "absent"
    if _planned(governor):
        return None
    if verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VB", "VBP") and verb.lemma_.lower() not in ("sit", "meet", "talk"):
        return None
    return "met"
