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

The readings live in their own modules, mixed into one builder here: names.py (which
spans name whom), titles.py (titles and bodies, and the names they join),
pronouns.py (which person a word stands for), meetings.py (met or away, with
whereabouts.py for where a person was) and authority.py (who decides, who defers).
This module gathers the mentions in the memo's order, so that each pronoun is read
after the people said before it.
"""

from __future__ import annotations

from .authority import AuthorityReader
from .meetings import MeetingReader
from .names import HONORIFICS, NameReader, all_lower_case
from .patterns import Hit
from .people import Cast, Person
from .pronouns import FEMALE, MALE, PLURAL, PronounReader
from .relays import RelayReader
from .syntax import anchor_of, span_root
from .titles import TitleReader
from .whereabouts import in_a_state

__all__ = ["Cast", "Person", "build_cast"]


def build_cast(doc, hits: list[Hit], prospect_speaks=None) -> Cast:
    """Everyone the memo mentions, and what it says each did. `prospect_speaks(i)` says
    whether token i is in the prospect's own words (then 'I' is the person speaking)."""
    builder = _CastBuilder(doc, hits, prospect_speaks or (lambda i: False))
    builder.gather()
    builder.read_events()
    for person in builder.people:
        _taken_back(doc, person)
        _seen_not_spoken_to(doc, person, builder.at)
    _one_of_them(builder.people)
    return Cast(doc, builder.people, builder.nobody, builder.unnamed_elsewhere)


class _CastBuilder(NameReader, TitleReader, PronounReader, MeetingReader, RelayReader, AuthorityReader):
    def __init__(self, doc, hits, prospect_speaks):
        self.doc = doc
        self.hits = hits
        self.prospect_speaks = prospect_speaks
        self.people: list[Person] = []
        self.at: dict[int, Person] = {}  # token index → person
        self.groups: dict[int, list[Person]] = {}  # 'they' → the people joined by 'and' it stands for
        self.roots: list[tuple[int, Person]] = []  # each mention's head token
        self.nobody: list[Hit] = []
        self.unnamed_elsewhere: list[Hit] = []
        self.last_speaker: Person | None = None
        self.quoted = _quoted(doc)
        self.apposed_gender = _apposed_gender(doc)
        self.sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        self.lower_case = all_lower_case(doc)  # as Whisper leaves it: names and commas go missing

    # --- mentions -----------------------------------------------------------------
    def gather(self) -> None:
        names = self._name_spans()
        titles = self._titles()
        items = [(e.start, "name", e) for e in names] + [(h.start, "title", h) for h in titles]
        items += [(t.i, "pronoun", t) for t in self.doc if t.lower_ in MALE | FEMALE | PLURAL | {"their"}]
        title_tokens = {i for h in titles for i in range(h.start, h.end)}
        for _, kind, item in sorted(items, key=lambda x: x[0]):
            if kind == "name":
                if any(i in title_tokens for i in range(item.start, item.end)) and len(item) == 1:
                    continue
                self._add_name(item)
            elif kind == "title":
                self._add_title(item, names)
            elif item.lower_ in PLURAL:
                self._add_plural(item)
            elif item.lower_ == "their":
                self._add_their(item)
            else:
                self._add_pronoun(item)
        self._epithets_said_again()
        self._titled_list()

    def _titled_list(self) -> None:
        """'the two founders, Amit and Roni': the names listed after a plural title hold it."""
        doc = self.doc
        for title in [p for p in self.people if p.plural and p.role and not p.name and not p.is_body]:
            for start in title.mentions:
                end = start
                while end + 1 < len(doc) and self.at.get(end + 1) is title:
                    end += 1
                if end + 2 >= len(doc) or doc[end + 1].text != ",":
                    continue
                named, i = [], end + 2
                while i < len(doc) and (i in self.at or doc[i].lower_ in ("and", "&", ",")):
                    person = self.at.get(i)
                    if person is not None and person.name and not person.plural and person not in named:
                        named.append(person)
                    elif person is not None and not person.name:
                        break
                    i += 1
                if len(named) < 2:
                    continue
                for person in named:
                    if person.role is None:
                        person.role, person.rank = title.role, title.rank

    def _epithets_said_again(self) -> None:
        """'Met Rahman bhai ... whatever bhai decides is final', 'Saw oom Koos ... when the oom
        says no': a word of respect said with a name, and later alone, is that person again."""
        doc = self.doc
        said_with: dict[str, Person] = {}
        for token in doc:
            word = token.lower_
            if word not in EPITHETS:
                continue
            beside = self.at.get(token.i + 1) or self.at.get(token.i - 1)
            if beside is not None and beside.name and token.i not in self.at:
                said_with.setdefault(word, beside)
                self.at[token.i] = beside
            elif word in said_with and token.i not in self.at:
                self._mark(said_with[word], token.i, token.i + 1)

    def _new(self, **kwargs) -> Person:
        person = Person(len(self.people), **kwargs)
        self.people.append(person)
        return person

    def _mark(self, person: Person, start: int, end: int) -> None:
        for i in range(start, end):
            self.at[i] = person
        person.mentions.append(start)
        person.gender = person.gender or next((self.apposed_gender[i] for i in range(start, end)
                                               if i in self.apposed_gender), None) or _kin_gender(self.doc[start:end])
        root = span_root(self.doc[start:end]).i
        self.roots.append((root, person))
        self._note_contact(root, person, start)

    # --- events -------------------------------------------------------------------
    def read_events(self) -> None:
        for hit in self.hits:
            if hit.label.startswith("DM_") and _asks_the_reader(self.doc[hit.start].sent):
                continue  # 'How do you get a branch guy to take you up the chain?': a forum post's question
            if hit.label in ("DM_AUTHORITY", "DM_SELF"):
                self._authority(hit)
            elif hit.label == "DM_ELSEWHERE":
                self._elsewhere(hit)
            elif hit.label == "DM_ABSENT":
                if in_a_state(anchor_of(self.doc, hit)):
                    continue  # "he wasn't in the mood"
                person = self._resolve_subject(anchor_of(self.doc, hit))
                if person is None and hit.start > 0 and self.doc[hit.start - 1].pos_ in ("NOUN", "PROPN"):
                    # 'and the site boss never showed', its verb left without a subject by the parser
                    person = self.at.get(hit.start - 1)
                if person is None:
                    person = next((self.at[i] for i in range(hit.end, min(hit.end + 3, len(self.doc)))
                                   if i in self.at), None)
                if person is not None and not person.is_body:
                    person.absent.append(hit.start)
            elif hit.label == "DM_NOBODY":
                if not _names_a_thing(self.doc, hit):
                    self.nobody.append(hit)
            elif hit.label == "DM_CORRECTION":
                self._corrected(hit)
        self._introduced()

    def _corrected(self, hit: Hit) -> None:
        """'Met the owner, well, his son really, Dafydd': the title said just before a correction
        is taken back. A person known only by that title was not met (the next person said
        was); a named one keeps the meeting and loses the title."""
        sentence = self.sent_of[hit.start]
        mentions = sorted(self.at.items())
        before = [p for i, p in mentions if i < hit.start and sentence - self.sent_of[i] <= 1
                  and p.rank in ("top", "senior") and not p.rep_side]
        if not before:
            self._met_someone_else(hit, mentions)
            return
        person = before[-1]
        if person.name:
            person.rank, person.role = None, None
            return
        after = next(((i, p) for i, p in mentions if i >= hit.start and p is not person
                      and not p.is_body and not p.rep_side), None)
        if after is None:
            return
        person.met = [i for i in person.met if i > hit.start]
        index, corrected = after
        if not corrected.met:
            corrected.met.append(index)

    def _met_someone_else(self, hit: Hit, mentions) -> None:
        """'I met Mr. Ali Jaber. No, sorry, correction, I met Hussein': the one said as met
        just before the correction was not, when another is said as met right after it."""
        sentence = self.sent_of[hit.start]
        before = [p for i, p in mentions if i < hit.start and i in p.met and sentence - self.sent_of[i] <= 1
                  and not p.rep_side and not p.is_body]
        after = [p for i, p in mentions if i >= hit.start and i in p.met and self.sent_of[i] - sentence <= 1
                 and not p.rep_side and not p.is_body]
        if before and after and before[-1] is not after[0]:
            before[-1].met = [i for i in before[-1].met if i > hit.start]

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
            if any(t.ent_type_ == "GPE" and t.head.lower_ == "in" for t in doc[end:sent.end]):
                continue  # 'Boss, Mr. Chin, him in Miami': away, not introduced
            pronoun = next((t for t in doc[end:min(end + 10, sent.end)] if t.lower_ in MALE | FEMALE), None)
            if pronoun is not None and self.at.get(pronoun.i) is first:
                first.met.append(sent.start)  # 'Mike Ferreira, it's his shop'; 'Dr. Haskins, Greg Haskins, he owns it'


# said with a name and then alone for the same person ('Rahman bhai' ... 'bhai')
EPITHETS = {"bhai", "bhaiya", "bhaisaab", "ji", "sahib", "saab", "saheb", "oom", "tannie", "didi", "anna", "akka",
            "bey", "hanim", "abla", "mzee", "baba", "chief", "alhaji", "hajia", "hajiya", "uncle", "auntie", "aunty"}


SAID_AS_FEMALE = {"girl", "lady", "woman", "gal", "lass", "lassie", "madam", "auntie"}
SAID_AS_MALE = {"guy", "man", "fella", "fellow", "bloke", "lad", "chap", "gentleman", "dude"}


KIN_FEMALE = {"mom", "mum", "mother", "wife", "sister", "daughter", "aunt", "auntie", "grandmother", "grandma",
              "niece", "missus", "missis", "mama", "madre", "esposa", "hija", "hermana", "landlady", "widow"}
KIN_MALE = {"dad", "father", "husband", "brother", "son", "uncle", "grandfather", "grandpa", "nephew", "papa",
            "padre", "esposo", "hijo", "hermano"}


FEATURES = {"dashboard", "feature", "module", "report", "rate", "system", "fee", "policy", "tracking", "tracker",
            "function", "screen", "button", "greeting", "box", "setup", "reminder", "problem", "issue", "piece",
            "tool", "app", "data", "stat", "number", "charge", "list", "alert", "workflow", "prediction"}


def _names_a_thing(doc, hit: Hit) -> bool:
    """'The no-show dashboard', 'the voicemail system': the words name a feature, not an event."""
    last = doc[hit.end - 1]
    return hit.end < len(doc) and last.dep_ in ("compound", "amod", "nmod") and last.head.i >= hit.end and \
        last.head.lemma_.lower() in FEATURES


def _kin_gender(span) -> str | None:
    """'His mom's store ... she does all the buying': a mother is a 'she' before any name is said."""
    words = {t.lemma_.lower() for t in span}
    return "f" if words & KIN_FEMALE else "m" if words & KIN_MALE else None


def _apposed_gender(doc) -> dict[int, str]:
    """'The receptionist, Bethan, lovely girl': a word set beside a mention says its gender.
    Token index of every word of the apposition chain → 'f' or 'm'."""
    found = {}
    for token in doc:
        word = token.lemma_.lower()
        if token.dep_ != "appos" or word not in SAID_AS_FEMALE | SAID_AS_MALE:
            continue
        gender = "f" if word in SAID_AS_FEMALE else "m"
        node = token.head
        found[node.i] = gender
        found.update({c.i: gender for c in node.children if c.dep_ == "appos" and c.i != token.i})
    return found


def _quoted(doc) -> dict[int, int]:
    """Token index → index of the opening quote, for every token inside quotes."""
    inside, opened_at = {}, None
    for token in doc:
        if token.text in ('"', "“", "”"):
            opened_at = token.i if opened_at is None else None
        elif opened_at is not None:
            inside[token.i] = opened_at
    return inside


def _taken_back(doc, person) -> None:
    """'He was there, I saw him in his office, he waved, but he didn't come in': an absence
    after a 'but' takes back the sight of the person earlier in the same sentence; and 'She was
    there, I could hear her ... She never came out' takes back a mere 'was there' said just before."""
    for away in person.absent:
        sent = doc[away].sent
        turn = next((t.i for t in doc[sent.start:away] if t.lower_ in ("but", "though", "however")), None)
        if turn is not None:
            person.met = [i for i in person.met if not sent.start <= i < turn]
        before = doc[sent.start - 1].sent if sent.start > 0 else sent
        person.met = [i for i in person.met if not (before.start <= i < away and _only_there(doc[i]))]


def _asks_the_reader(sent) -> bool:
    """A written account's question to its readers ('How do you get a branch guy to take you up
    the chain?', 'What would you have done?'): about anyone, not the people met."""
    words = [t.lower_ for t in sent if not t.is_punct]
    return sent[-1].text == "?" and len(words) >= 3 and words[0] in ("how", "what", "would", "should", "do", "does") \
        and "you" in words[1:3]


def _one_of_them(people) -> None:
    """'Met Mr. Subramaniam, the elder brother. The two brothers own the shop together': what is
    said of the brothers is said of each brother."""
    for group in [p for p in people if p.plural and p.role and (p.authority or p.owns)]:
        word = group.role.lower().split()[-1]
        one = word[:-1] if word.endswith("s") else None
        for person in people:
            if one and person is not group and not person.plural and person.role and \
                    person.role.lower().split()[-1] == one:
                person.authority.extend(i for i in group.authority if i not in person.authority)
                person.owns = person.owns or group.owns


def _only_there(token) -> bool:
    """'She was there', 'Earl was there!': in the building, which an absence said next takes back."""
    if token.dep_ in ("appos", "compound") and token.head.dep_ == "nsubj":
        token = token.head  # 'Marcus the owner was there'
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_ == "be" and any(c.lower_ in ("there", "here", "in")
                                                                 for c in verb.children)


def _seen_not_spoken_to(doc, person, at) -> None:
    """'she was in the kitchen, I saw her ... I didn't go to talk with her': seen, never spoken
    with; the sight is taken back and the person was away from the meeting."""
    for token in doc:
        if token.lemma_.lower() not in ("talk", "speak", "meet", "chat"):
            continue
        before = doc[max(token.i - 5, 0):token.i]
        if not any(t.lower_ in ("n't", "nt", "not", "never") for t in before[-3:]) or \
                not any(t.lower_ in ("i", "we") for t in before):
            continue
        to = next((t for t in doc[token.i + 1:token.i + 3] if t.lower_ in ("with", "to")), None)
        if to is None or to.i + 1 >= len(doc) or at.get(to.i + 1) is not person:
            continue
        seen = [i for i in person.met if doc[i].head.lemma_.lower() == "see"]
        if seen:
            person.met = [i for i in person.met if i not in seen]
            person.absent.append(token.i)

