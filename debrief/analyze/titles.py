"""Titles and bodies ("the owner", "their CISO", "the board"), and the names they belong to.

A title in apposition ("Patricia Lund, their CEO", "their CISO, Ed Brannigan",
"CFO Denise Hart"), after "is" ("Tony is co-owner") or after a contraction
("Dale's the owner") joins its name; otherwise it is a person of its own, known
by the title, until a name is given. The rank of the title (top, senior, junior,
body) is what decision_maker.py weighs. Separate from names.py because a title
says what a person is, not who.
"""

from __future__ import annotations

from .names import HONORIFICS
from .patterns import Hit
from .people import Person
from .syntax import believed_before, in_doubt

RANKS = ("top", "senior", "junior", "body")
# 'Okay sir', 'said sir', 'thank you madam': words after which an honorific is said to someone.
VOCATIVE_AFTER = {"okay", "ok", "yes", "no", "sure", "done", "say", "tell", "ask", "thank", "thanks", "please", "sorry",
                  "hello", "hi", "po", "right", "fine", "well", "dear", "respected", "good", "haan", "ji", "ah", "oh"}
# Words between a name and its title that keep them one person: "Tom, the owner", "Ed, their CISO".
APPOSITION_GLUE = {",", "the", "their", "his", "her", "its", "a", "an", "-", "—", "named", "our", "(",
                   "el", "la", "le", "il", "o", "der", "die",  # "Don Sergio Aguirre, el dueño"
                   "sb", "sahib", "saab", "sahab", "ji", "himself", "herself"}  # 'Met Malik Asif sb (owner)'
COPULA_GLUE = {"is", "'s", "was", "be", "being"}
DEPUTY = {"assistant", "deputy", "associate", "vice", "vp", "asst", "regional", "district", "store", "area"}
KIN_GENDER = {**dict.fromkeys(["dad", "daddy", "papa", "pa", "appa", "father", "husband", "son", "brother", "uncle",
                               "grandson", "grandfather", "boyfriend", "fiance", "papaw", "pawpaw"], "m"),
              **dict.fromkeys(["mom", "mommy", "mama", "ma", "amma", "mother", "wife", "daughter", "sister", "aunt",
                               "granddaughter", "grandmother", "girlfriend", "fiancée", "lassie", "lass", "tannie",
                               "mamaw", "meemaw"], "f")}


class TitleReader:
    """Mixin of the cast builder (cast.py): reads `self.doc`, `self.hits`, `self.people`,
    `self.at`; registers through `self._new` and `self._mark`."""

    def _titles(self) -> list[Hit]:
        """Title and body hits, one per head noun: the longest, then the highest rank."""
        found = [h for h in self.hits if h.label in ("DM_TITLE", "DM_BODY", "DM_ROLE")]
        # 'corporate' of 'made by corporate IT' is tagged an adjective, and is still the body
        found = [h for h in found if self.doc[h.end - 1].pos_ in ("NOUN", "PROPN") or h.end - h.start > 1
                 or h.label == "DM_BODY" and self.doc[h.end - 1].dep_ in ("amod", "nsubj", "nsubjpass")
                 or h.rule.kind == "kin" and _kin_read_as_a_verb(self.doc[h.start])]
        found = [h for h in found if h.rule.id != "dm-title-honorific-boss" or self._honorific_is_the_boss(h)]
        found = self._whole_titles(found)
        rank = {"top": 0, "senior": 1, "junior": 2, "body": 3, None: 0}
        chosen: dict[int, Hit] = {}
        for h in sorted(found, key=lambda h: (h.start - h.end, rank.get(_rank(h), 0))):
            if not any(h.start < c.end and c.start < h.end for c in chosen.values()):
                chosen[h.start] = h
        return sorted(chosen.values(), key=lambda h: h.start)

    def _whole_titles(self, titles: list[Hit]) -> list[Hit]:
        """'the head chef', 'the lead engineer', 'the Front Office Manager': one person, whose
        title's first words are not a second title. The words before a senior or top title
        join it; 'the front desk girl' stays the front desk."""
        doc, merged, dropped = self.doc, {}, set()
        for hit in titles:
            word = doc[hit.end - 1]
            if _rank(hit) == "top" or word.dep_ not in ("compound", "amod", "nmod") or word.head.i <= word.i:
                continue
            head = next((t for t in titles if t is not hit and t.start == word.i + 1 and word.head.i < t.end
                         and _rank(t) in ("top", "senior")), None)
            if head is not None and id(head) not in dropped:
                merged[id(head)] = Hit(head.rule, min(hit.start, merged.get(id(head), head).start), head.end)
                dropped.add(id(hit))
        return [merged.get(id(h), h) for h in titles if id(h) not in dropped]

    def _honorific_is_the_boss(self, hit: Hit) -> bool:
        """'Sir does not meet vendors', 'I will show sir', 'Oga's table': the boss, said of him.
        Not 'okay sir' or 'sir, what is the issue' (said to someone), nor 'Desai sir' or 'Sir Mike'
        (beside a name: names.py reads those as the person named)."""
        doc, word = self.doc, self.doc[hit.end - 1]  # 'la señora': the honorific, after its article
        before = doc[hit.start - 1] if hit.start > word.sent.start else None
        after = doc[hit.end] if hit.end < len(doc) else None
        if after is None or after.is_punct and after.text != ".":
            return False  # 'sir, what is the issue'
        if after.lower_ == "'s" and after.dep_ != "case":
            return True  # "sir's in a meeting"
        subject = word.dep_ in ("nsubj", "nsubjpass")
        # 'he says sir is out of station, sir only will decide': after a comma, still the subject of a verb
        said_to = before is not None and (before.text == "," or before.lemma_.lower() in VOCATIVE_AFTER) and not subject
        beside_name = after.pos_ == "PROPN" or before is not None and (
            before.pos_ == "PROPN" or before.is_title and before.i > before.sent.start)
        return not said_to and not beside_name and \
            word.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "conj", "ROOT")

    def _said_to_decide(self, noun) -> bool:
        """'the committee votes on all contracts', parsed as a noun 'committee votes': the
        word the authority phrase starts on is the verb the parser missed."""
        if any(h.label == "DM_AUTHORITY" and h.start <= noun.i < h.end for h in self.hits):
            return True  # also 'corporate picks the POS', read as an adjective and a noun
        # 'decisions are made by corporate IT', 'the approval sits with group finance': the body
        # is the one the decision is put on, whatever noun it modifies
        prep = noun.head if noun.dep_ == "pobj" else None
        return prep is not None and (prep.dep_ == "agent" or prep.lower_ in ("with", "to") and
                                     any(h.label == "DM_AUTHORITY" and h.start <= prep.i < h.end for h in self.hits))

    def _add_title(self, hit: Hit, names) -> None:
        doc = self.doc
        rank = _rank(hit)
        role_span = _role_span(doc, hit)
        if rank == "top" and any(t.lower_ in DEPUTY for t in role_span):
            rank = "senior"
        if rank in ("kin", "other"):
            rank = None
        head = doc[hit.end - 1]
        if head.text in ("PA", "P.A.", "PAs") and len(role_span) == 1:
            rank = "junior"  # "the GM's PA": a personal assistant, not 'pa', a father
        if rank == "body":
            owner = head.head if head.dep_ in ("compound", "amod") else head
            if any(c.dep_ == "det" and c.lower_ == "no" for c in owner.children):
                return  # 'no board, no district sign-off': nobody else
            if head.lower_ == "board" and head.dep_ == "pobj" and head.head.lower_ == "on" and \
                    not any(c.dep_ in ("det", "poss") for c in head.children):
                return  # "Fiona's on board": she agrees
            if head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN" and head.head.i > head.i \
                    and not self._said_to_decide(head.head):
                return  # "a procurement officer", "a board member": a person's title, not the body
            person = next((p for p in self.people if p.is_body and _head_word(p.role) == head.lower_), None)
            person = person or self._new(role=role_span.text.lower(), rank="body")
            self._mark(person, hit.start, hit.end)
            return
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return  # 'it's just him, no partner, no staff': nobody
        of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if of is not None and of.head.i in self.at and self.at[of.head.i].is_body:
            self._mark(self.at[of.head.i], hit.start, hit.end)  # 'the board of trustees': one body
            return
        if rank is None and (_epithet(head) or _vocative(head)):
            return  # 'Nice fella, big rugby man', 'Well done ma, I said': said of or to someone already met
        if head.dep_ in ("compound", "nmod") and head.lower_.endswith("s") and head.head.lower_ in KIN_GENDER and \
                head.head.i == head.i + 1:
            return  # 'met the pharmacy owners wife': Whisper's lost apostrophe; she is the one met, not the owner
        if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i and \
                head.head.ent_type_ != "PERSON" and \
                head.head.lower_ not in AFTER_A_TITLE | {"general", "geral", "generale"} and not _foreign_of(head) and \
                not any(h.start <= head.head.i < h.end for h in self.hits if h.label in ("DM_TITLE", "DM_ROLE")):
            return  # 'the admin module', 'an intern programme': a thing, not a person
        # "Mr. Bilal, the chairman's assistant": the chairman is another person; Bilal is the assistant
        possessor = any(c.dep_ == "case" for c in head.children) and head.dep_ == "poss"
        person = None if possessor else self._named_by_apposition(hit, names) or self._named_by_copula(head) or \
            self._named_by_contraction(role_span) or self._named_by_post(head)
        if person is False:  # "she's not the owner"
            return
        if person is None:
            if self._possessed_by_rep(doc[hit.start:hit.end]):
                return
            person = next((p for p in self.people if p.role and p.name is None and not p.is_body
                           and _head_word(p.role) == head.lower_), None)
            person = person or self._named_with_this_title(role_span, head)
            # a plural has its own lemma ('owners'); 'dueña', tagged a plural, is one woman
            plural = head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() != head.lower_ or \
                len(head.text) > 2 and head.text[:-1].isupper() and head.text[-1] == "s"
            person = person or self._new(role=role_span.text, rank=rank, plural=plural)  # 'the GPs
        if person.role is None or _better(rank, person.rank):
            person.role, person.rank = role_span.text, rank
        if head.tag_ == "NNS" and person.name and rank == "top":
            for other in self._named_together(person):  # 'Marco and Franco, fifty-fifty partners': both
                if other.role is None or _better(rank, other.rank):
                    other.role, other.rank = role_span.text, rank
        person.gender = person.gender or (None if rank == "junior" else KIN_GENDER.get(head.lower_))
        self._mark(person, hit.start, hit.end)

    def _named_with_this_title(self, role_span, head) -> Person | None:
        """'MET: Mr. Wilson Cheruiyot - Chairman ... Chairman likes the machines': the one person
        named with exactly this title, said again by the title alone."""
        if head.tag_ in ("NNS", "NNPS"):
            return None
        same = [p for p in self.people if p.role and p.name and not p.is_body and not p.rep_side
                and p.role.lower() == role_span.text.lower()]
        return same[0] if len(same) == 1 else None

    def _named_together(self, person: Person) -> list[Person]:
        """The others named with this person by 'and' ('Marco and Franco')."""
        for i in person.mentions:
            word = self.doc[i]
            while word.dep_ == "conj" and word.head.i in self.at and word.head.i != word.i:
                word = word.head
            members, _ = self._joined(word)
            if len(members) >= 2 and person in members:
                return [p for p in members if p is not person and p.name and not p.rep_side]
        return []

    def _named_by_apposition(self, hit: Hit, names) -> Person | None:
        """'Patricia Lund, their CEO', 'their CISO, Ed Brannigan', 'CFO Denise Hart'."""
        doc = self.doc
        start = min(hit.start, _role_span(doc, hit).start)
        for ent in names:
            before = doc[ent.end:start]
            after = doc[hit.end:ent.start]
            if [t.lower_ for t in before[:2]] == ["one", "of"] and before[-1:] and before[-1].like_num:
                before = before[2:-1]  # 'met tom one of the 2 owners'
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
            if start - 3 in self.at and (believed_before(doc[start - 2]) or in_doubt(doc[start - 2])):
                return False  # "I reckon he's the owner but could be his brother-in-law's"
            return self.at.get(start - 3)
        return None

    def _named_by_post(self, head) -> Person | None:
        """'Monique at the front desk', 'Kenny on the counter': the post a named person holds."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in ("at", "on", "behind") or prep.head.i == prep.i:
            return None
        person = self.at.get(prep.head.i)
        return person if person is not None and person.name and not person.is_body else None

    def _named_by_copula(self, head):
        """'he's the CFO', 'Tony Alvarez is co-owner': the subject of 'is'; False when negated."""
        node = head
        while node.dep_ in ("compound", "amod", "conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one":
            node = node.head.head  # "he's one of the two owners"
        if node.dep_ != "attr" or node.head.lemma_ != "be":
            return None
        verb = node.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        if believed_before(verb) or in_doubt(verb):
            return False  # 'I was thinking he was the owner, but he said no'; 'he might be the owner'
        person = self._resolve(subject)
        if person is not None and any(c.dep_ == "neg" for c in verb.children):
            person.no_authority.append(head.i)
            return False
        return person


# Said after a title out of respect: 'GM sahab', 'MD sir', 'Director-san'
AFTER_A_TITLE = {"sahab", "saab", "sahib", "ji", "sir", "madam", "san", "sama", "sahiba"}


def _rank(hit: Hit) -> str | None:
    return "top" if hit.label == "DM_ROLE" else hit.rule.kind


def _better(rank: str | None, than: str | None) -> bool:
    order = {"top": 0, "senior": 1, "junior": 2, None: 3, "body": 4}
    return order.get(rank, 3) < order.get(than, 3)


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


GENERIC = {"guy", "gal", "lady", "fella", "fellow", "bloke", "man", "woman", "chap", "lad", "lass", "character"}
ADDRESSED = {"ma", "mum", "mam", "mama", "sister", "brother", "doc", "uncle", "auntie", "aunt", "papa", "pa", "son",
             "love", "mate", "dad"}


def _epithet(head) -> bool:
    """'Nice fella, big rugby man', 'Lovely guy.': a word of praise for the person just named,
    with no determiner, that begins its own fragment."""
    if head.lower_ not in GENERIC or any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    start = min([head.i] + [c.i for c in head.lefts])
    return start == head.sent.start or head.doc[start - 1].text in (".", "!", "?", ";", "-", "--", "—")


def _foreign_of(head) -> bool:
    """'the gerente de operaciones', 'directeur des ventes': the title, then 'of' in another tongue."""
    doc = head.doc
    return head.i + 1 < len(doc) and doc[head.i + 1].lower_ in ("de", "del", "des", "du", "da", "do", "di", "della")


def _kin_read_as_a_verb(token) -> bool:
    """'he said papa only decides all these things': the parser took 'papa' for a verb; a verb
    right after it with no subject of its own is what papa does."""
    after = [t for t in token.doc[token.i + 1:token.i + 3] if t.pos_ != "ADV"]
    return token.pos_ == "VERB" and bool(after) and after[0].pos_ == "VERB" and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in after[0].children)


def _vocative(head) -> bool:
    """'Well done ma, I said', 'Sister, mi haffi ...', 'son, we've been with Wolseley': a kin or
    familiar word the rep or the prospect says to the other, set off by commas."""
    if head.lower_ not in ADDRESSED or any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    doc = head.doc
    before = doc[head.i - 1] if head.i > 0 else None
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    set_off = after is None or after.text in (",", ".", "!", "?", "'", '"', "’")
    opened = before is None or before.text in (",", "'", '"', "‘", "“", ".") or before.lower_ in VOCATIVE_AFTER
    return set_off and opened
