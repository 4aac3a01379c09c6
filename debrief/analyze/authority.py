"""Who holds the authority and who defers, read from the memo's authority and deferral hits.

Authority: a predicate whose subject (or possessor) is the person ("he owns the
whole budget", "the COO, who signs contracts", "it's her shop", "the budget is
hers"), unless negated, supposed ("if he signs") or doubted ("not sure she owns
it"); "they both decide" gives it to everyone just named. Deferral: "has to run it
by", "just submits", "needs sign-off": the one who defers, and the one deferred to
(who then holds the authority). Separate from meetings.py: who decides is a
different question from who was met.
"""

from __future__ import annotations

from .patterns import Hit
from .people import Person
from .limits import past_the_limit
from .syntax import anchor_of, believed_before, in_doubt, is_negated


JOINTLY = {"both", "together", "jointly", "all", "each", "fifty-fifty", "50/50", "equally", "equal"}


class AuthorityReader:
    """Mixin of the cast builder (cast.py): reads `self.doc`, `self.at`, `self.sent_of`;
    resolves through `self._resolve` and `self._resolve_subject` (pronouns.py); sets
    `authority`, `no_authority`, `defers`, `deferred_to` and `self.unnamed_elsewhere`."""

    def _authority(self, hit: Hit) -> None:
        doc = self.doc
        span = doc[hit.start:hit.end]
        # 'Sheriff Boone signs' read as a noun with a subject is still the verb
        as_verb = span[0].pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in span[0].children) or \
            span[0].lower_.endswith("s") and self._compound_doer(hit) is not None  # 'corporate decides' tagged a noun
        if len(span) == 1 and (not as_verb or span[0].dep_ == "amod"):
            return  # 'his own company', 'the decision', 'the approved list': not a predicate
        if len(span) == 2 and span[0].tag_ == "PRP$" and span[1].lower_ in ("call", "decision") \
                and span[1].dep_ in ("dobj", "pobj"):
            return  # 'expect her call', 'wait for his call': a phone call; 'it's her call' is the copula's
        if span[-1].lower_ in ("his", "her", "their") and hit.end < len(doc) and doc[hit.end].is_alpha and \
                doc[hit.end].pos_ in ("NOUN", "PROPN", "ADJ"):
            return  # 'the MD is his father': a kinship, not 'it is his' (nor "it's all his now")
        possessors = [self.at[t.i] for t in span if t.i in self.at and
                      (t.dep_ in ("poss", "dative") or t.lower_ in ("hers", "his", "theirs", "her") or t.tag_ == "PRP$"
                       or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "'s" and doc[t.i + 1].dep_ == "case")]
        whose = doc[hit.start - 1] if hit.start > 0 and doc[hit.start - 1].lower_ == "whose" else None
        if not possessors and whose is not None and whose.head.head.dep_ == "relcl" and \
                whose.head.head.head.i in self.at:
            possessors = [self.at[whose.head.head.head.i]]  # 'Karen, whose name goes on the agreement'
        if possessors and _done_by_someone(span[0]):
            possessors = []  # 'her son Ronnie handles all her money': his doing, her money
        # 'it's my practice', 'the decision is mine' (not 'he handles all my money': his doing, her money)
        copula = any(t.lemma_ == "be" for t in span) or any(t.lower_ == "mine" for t in span)
        mine = [t for t in span if t.lower_ in ("my", "mine")] if copula else []
        if not possessors and mine:
            speaker = self.last_speaker
            if speaker is None or speaker.rep_side or not all(self.prospect_speaks(t.i) for t in mine):
                return  # 'it's my call on the discount': the rep's own
            possessors = [speaker]  # "she said it's my practice", "he said this decision is mine"
        owner = possessors[-1] if possessors else None  # "his dad's company": the dad's
        if owner is None and span[0].lemma_ == "be" and any(t.lower_ == "'s" and t.dep_ == "case" and t.i > hit.start
                                                             and doc[t.i - 1].pos_ == "PRON" for t in span):
            return  # "that's himself's department": someone's the cast does not know, not the speaker's
        if owner is not None and _handed_down(span):
            return  # "it was his grandfather's shop": who owned it once, not who decides now
        if owner is None and any(t.lower_ in ("hers", "his", "theirs") for t in span):
            owner = next((self.at[t.i] for t in span if t.i in self.at), None)
        last = span[-1]
        # 'vendors get picked by procurement' (not 'decided by Friday'), 'the decision sits with the
        # group', 'the final word belongs to Stockholm', 'all the buying is Mr Njoroge', 'it's owned
        # by an investor group': the authority is the object's, not the subject's
        put_on = last if last.lower_ in ("by", "with", "to") or last.lemma_ == "be" and len(span) > 1 else None
        if owner is None and put_on is None:
            anchor = anchor_of(doc, hit)
            put_on = self._where_it_sits(anchor) or _passive_agent(anchor)
        if owner is None and put_on is not None:
            owner = self._object_of(put_on)
            if owner is None:
                if _someone_unnamed(put_on):
                    self.unnamed_elsewhere.append(hit)  # 'it sits with the Capital Investment Group'
                return
        if owner is None and self._unknown_doer(anchor_of(doc, hit)):
            self.unnamed_elsewhere.append(hit)  # 'she said raj does all the vendor stuff', 'raj' read as an adverb
            return
        group = [] if owner is not None else self._group_doing(hit)
        person = owner or (group[0] if group else None) or self._compound_doer(hit) or \
            self._named_right_before(hit) or self._resolve_subject(anchor_of(doc, hit)) or \
            self._apposed(hit) or self._name_just_before(hit) or self._subject_before(hit) or \
            self._dropped_subject(hit)
        denied = self._denied_after(hit)
        if denied is not None:
            denied.no_authority.append(hit.start)  # 'the executive vote on the spending, not him'
            if person is None or person is denied:
                return
        if person is None and self._shared(hit):
            for together in self._shared(hit):
                together.authority.append(hit.start)
            return
        if person is None or person.rep_side:
            return
        verb = anchor_of(doc, hit)
        if any(h.label == "DM_ELSEWHERE" and h.start <= verb.i < h.end and doc[h.start].lower_ in ("just", "only")
               for h in self.hits):
            return  # 'I just sign where Pillay tells me': the signing is the deferring
        if _conditional(verb) and not _final_no(span) or _doubted(verb) or _owns_a_task(verb) or _until(verb) \
                or _day_to_day(verb) or believed_before(verb) or _asked_who(verb) or in_doubt(verb) \
                or _not_wanted(verb) or _no_longer(verb) or _signs_in(verb):
            return
        said_not = is_negated(verb) or any(t.lower_ in ("not", "n't", "never", "neither") for t in span) \
            or hit.start > 0 and doc[hit.start - 1].lower_ in ("not", "never") \
            or _all_but_the_money(verb) or past_the_limit(verb)  # "it's not his decision", 'all but the money'
        if verb.dep_ == "relcl" and verb.head.lower_ in ("nothing", "none"):
            said_not = not said_not  # "nothing she can sign"; "nothing she can't sign off herself"
        if said_not and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
            return  # "she doesn't buy anything on my say-so": how she decides, not who
        owning = any(t.lemma_.lower() in ("own", "found") and t.pos_ == "VERB" for t in span)
        # the co-owner who "can't sign this without Sam" signs with Sam: a stall, not a denial;
        # so does the owner who '... would never sign a thing like that without Pádraig seeing it'
        # and so does the superintendent who 'can't sign it alone' or 'on her own': the board is a stall
        along_with = said_not and any(t.lower_ in ("without", "alone", "solo") or t.lower_ == "own" and t.i > 0
                                      and t.doc[t.i - 1].lower_ in ("her", "his", "their", "my")
                                      for t in verb.subtree)
        for one in group or [person]:
            if one.rep_side:
                continue
            if along_with and (one.rank == "top" or one.owns or one.authority):
                one.defers.append(hit.start)  # the owner who 'would never sign without Pádraig': a stall
            else:
                (one.no_authority if said_not else one.authority).append(hit.start)
            one.owns = one.owns or owning and not said_not

    def _denied_after(self, hit: Hit) -> Person | None:
        """'The executive vote on the spending, not him', 'the partners decide, not Ruth': the
        person the authority is denied to, said right after it."""
        doc = self.doc
        for token in doc[hit.end:min(hit.end + 6, doc[hit.start].sent.end - 1)]:
            if token.lower_ in ("but", "and", "because", "so"):
                return None
            after = doc[token.i + 1]
            if token.lower_ in ("not", "n't") and (after.lower_ in ("him", "her") or after.pos_ == "PROPN"):
                person = self.at.get(after.i)
                return person if person is not None and not person.rep_side else None
        return None

    def _object_of(self, word) -> Person | None:
        """The person a preposition or a copula points at: 'by corporate IT' (the body is
        'corporate'), 'with papa ji', 'is Mr Njoroge', 'the partners''."""
        objects = [c for c in word.children if c.dep_ in (("attr",) if word.lemma_ == "be" else ("pobj",))]
        for obj in objects:
            for token in (obj, *[c for c in obj.children if c.dep_ in ("compound", "amod", "nmod")]):
                if token.i in self.at and not self.at[token.i].rep_side:
                    return self.at[token.i]
        return None

    def _where_it_sits(self, noun):
        """'The final word belongs to the group', 'the last say is with her father': the 'to' or
        'with' (or the copula) a decision noun is put on, or None."""
        if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in SITS_WITH:
            return None
        verb = noun.head
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
        if prep is None and verb.lemma_ == "be" and any(c.dep_ == "attr" for c in verb.children):
            return verb
        return prep

    def _compound_doer(self, hit: Hit) -> Person | None:
        """'the committee votes on all contracts' read as one noun: the committee votes."""
        word = self.doc[hit.start]
        if word.i in self.at and self.at[word.i].is_body and word.dep_ == "amod" and word.head.i < hit.end:
            return self.at[word.i]  # 'corporate picks the POS', read as an adjective and a noun
        verb = anchor_of(self.doc, hit)
        body = next((c for c in verb.children if c.dep_ in ("amod", "compound") and c.i < verb.i
                     and c.i in self.at and self.at[c.i].is_body), None)
        if body is not None:
            return self.at[body.i]  # 'he said corporate decides on all the contracts': 'corporate' hung on the verb
        if word.pos_ != "NOUN":
            return None
        return next((self.at[c.i] for c in word.children if c.dep_ == "compound" and c.i in self.at), None)

    def _group_doing(self, hit: Hit) -> list[Person]:
        """'They own it together', 'the two of them own it', 'it's their firm' (said of people
        joined by "and": pronouns.py), or 'Gianni and Teresa run everything': all of them."""
        doc = self.doc
        possessive = next((t for t in doc[hit.start:hit.end] if t.i in self.groups and t.tag_ == "PRP$"), None)
        if possessive is not None:
            return self.groups[possessive.i]
        verb = anchor_of(doc, hit)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "relcl":
            subject = verb.head
        if subject is None:
            return []
        if subject.i in self.groups:
            return self.groups[subject.i]
        # 'the two of them', 'both of them', 'all three of them'
        partitive = [g.i for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.i in self.groups]
        if partitive:
            return self.groups[partitive[0]]
        if subject.i not in self.at or subject.dep_ == "conj":
            return []
        members, _ = self._joined(subject)
        return members if len(members) >= 2 else []

    def _apposed(self, hit: Hit) -> Person | None:
        """'Bill Harmon, his company, his money': a phrase set beside a person's name."""
        span = self.doc[hit.start:hit.end]
        root = next((t for t in span if t.dep_ == "appos"), anchor_of(self.doc, hit))
        while root.dep_ in ("appos", "conj") and root.head.i != root.i:
            root = root.head
            if root.i in self.at and not self.at[root.i].is_body:
                return self.at[root.i]
        return None

    def _named_right_before(self, hit: Hit) -> Person | None:
        """'the old man's retired now and ryan runs it', parsed with 'man' as the subject: a name
        said right before the verb, as its subject, is who does it."""
        verb = anchor_of(self.doc, hit)
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ == "ADV" and verb.i > 1:
            before = self.doc[verb.i - 2]  # 'papa only decides'
        if before is not None and before.pos_ == "VERB" and before.i in self.at and verb.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            person = self.at[before.i]  # 'he said papa only decides', the kin word read as a verb
            return None if person.is_body or person.rep_side else person
        if before is None or verb.pos_ != "VERB" or before.i not in self.at or before.dep_ in ("poss", "pobj", "dobj"):
            return None
        person = self.at[before.i]
        return person if person.name and not person.is_body and not person.rep_side and \
            before.pos_ in ("PROPN", "NOUN") and before.lower_ in person.name.lower().split() else None

    def _name_just_before(self, hit: Hit) -> Person | None:
        """'She said straight off Rob decides everything', parsed with 'Rob' under 'off': a name
        right before a verb that has no subject of its own is who does it (after a comma too,
        when the verb says what the person does: 'Phil Barker, owns the yard')."""
        verb = anchor_of(self.doc, hit)
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.text == "," and verb.i > 1 and verb.pos_ == "VERB" and verb.tag_ == "VBZ":
            before = self.doc[verb.i - 2]  # 'Saw Phil Barker, owns Barker Landscapes': a note's shorthand
        if before is None or before.pos_ != "PROPN" or before.i not in self.at or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        person = self.at[before.i]
        return None if person.is_body else person

    def _dropped_subject(self, hit: Hit) -> Person | None:
        """'Met Tom Whitaker. Owns the lot, three clinics.': a note's verb that opens its sentence
        with the subject left out is said of the one person named in the sentence before."""
        doc = self.doc
        verb = anchor_of(doc, hit)
        sent = verb.sent
        if verb.i != sent.start or sent.start == 0 or verb.tag_ not in ("VBZ", "VBD", "NNP", "NNS") or \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return None
        before = doc[sent.start - 1].sent
        people = {id(p): p for i in range(before.start, before.end) if (p := self.at.get(i)) is not None
                  and not p.rep_side and not p.is_body}
        return next(iter(people.values())) if len(people) == 1 else None

    def _subject_before(self, hit: Hit) -> Person | None:
        """When the parse loses the phrase ('she's got the card and the say-so' read as the
        subject of the next clause): the person who is the subject just before it."""
        doc = self.doc
        verb = anchor_of(doc, hit)
        if any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "ADJ") and c.i not in self.at and not c.is_stop
               for c in verb.children):
            return None  # 'kirsty says rhona decides': a subject of its own, if one the cast does not know
        # 'he prepares the papers and they sign': a plural subject of its own is not him
        plural = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("they", "we") for c in verb.children)
        for i in range(hit.start - 1, max(doc[hit.start].sent.start, hit.start - 8) - 1, -1):
            if doc[i].text in (".", ";"):
                break
            if doc[i].dep_ == "nsubj" and doc[i].lower_ in ("they", "we") and i not in self.at:
                break  # "she said they're the ones who make the calls": they, not she
            if doc[i].dep_ in ("nsubj", "nsubjpass") and i in self.at and not self.at[i].is_body and \
                    (self.at[i].plural or not plural):
                return self.at[i]
        return None

    def _shared(self, hit: Hit) -> list[Person]:
        """'They both decide', 'we decide together': everyone named in this or the
        sentence before, when the memo says they decide jointly."""
        doc = self.doc
        sent = doc[hit.start].sent
        words = {t.lower_ for t in sent}
        fifty_fifty = any(t.lower_ in ("fifty", "50") and t.nbor(1).text in ("-", "/") for t in sent if t.i + 1 < len(doc))
        if not (words & (JOINTLY | {"partners", "co-owners", "owners"}) or fifty_fifty):
            return []
        subject = next((c for c in anchor_of(doc, hit).children if c.dep_ == "nsubj"), None)
        # 'they', 'we', 'both', or a plural noun the cast does not know ('the two brothers own it')
        verbless_both = subject is None and doc[hit.start].lower_ == "both"  # 'Joe and Mary, both on the deed'
        if not verbless_both and (subject is None or not (subject.lower_ in ("they", "we", "both")
                                                          or subject.tag_ == "NNS")):
            return []
        number = self.sent_of[hit.start]
        # 'Beth was clear, Dr. Amsel and Dr. Roy are the partners and they decide': not Beth
        above = {t.i for t in anchor_of(doc, hit).ancestors}
        reporters = {id(p) for i, p in self.at.items() if doc[i].dep_ == "nsubj" and doc[i].head.i in above}
        # 'anything like this goes to the partners, they vote on it': they are the partners
        plural = [p for i, p in sorted(self.at.items()) if self.sent_of[i] == number and i < hit.start and p.plural
                  and not p.rep_side and id(p) not in reporters]
        if subject is not None and subject.lower_ == "they" and plural and not words & JOINTLY:
            return plural[-1:]
        for first in (number, number - 1):
            found = list({id(p): p for i, p in sorted(self.at.items())
                          if first <= self.sent_of[i] <= number and i < hit.start
                          and not p.is_body and not p.rep_side and id(p) not in reporters}.values())
            if len(found) >= 2 or found and first < number:
                return found
        return []

    def _joined_to_the_object(self, hit: Hit, who) -> list[Person]:
        """The people joined by 'and' to the phrase's object, when the object itself is no one
        the cast knows."""
        objects = [c for t in self.doc[hit.start:hit.end] if t.dep_ == "prep" for c in t.children if c.dep_ == "pobj"]
        found = []
        for obj in objects[:1]:
            for other in obj.conjuncts:
                person = self.at.get(other.i)
                if person is not None and person is not who and not person.rep_side and person not in found:
                    found.append(person)
        return found

    def _unknown_doer(self, verb) -> bool:
        """A name the parse lost right before a verb that has no subject of its own: someone
        the cast does not know does it, not whoever spoke last."""
        if verb.i == 0 or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBD", "VBP") or \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return False
        before = self.doc[verb.i - 1]
        return before.tag_ in ("NNP", "NNPS") and before.i not in self.at and before.dep_ not in ("nsubj", "compound") \
            and before.pos_ != "PRON" and before.is_alpha and not before.is_upper

    def _rep_met_in_a_note(self, hit: Hit, anchor) -> bool:
        """A 'talked to' that is also a meeting word, done (not 'has to talk to'), in a note
        line whose verbs have no subject: the rep's own meeting, not a deferral."""
        if anchor.tag_ not in ("VBD", "VBG") or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in anchor.children):
            return False
        if not any(h.label == "DM_MET" and h.start <= anchor.i < h.end for h in self.hits):
            return False
        verb = anchor
        while verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
        return verb.i == verb.sent.start

    def _elsewhere(self, hit: Hit) -> None:
        doc = self.doc
        anchor = anchor_of(doc, hit)
        if in_doubt(anchor):
            return  # 'or maybe it goes up to the ownership group': a guess names no decider
        if _reps_own_todo(anchor):
            return  # 'Need to check with Meghan on the rate': the rep's note to self
        if self._rep_met_in_a_note(hit, anchor):
            return  # 'Stopped at the farm and ended up talking to the son': whom the rep met
        if _gone_through_together(doc, hit):
            return  # 'we booked Monday to go through them together': a review, not where it goes
        who = self._resolve_subject(anchor)
        if hit.rule.kind == "one_vote":
            if who is not None and not is_negated(anchor):
                who.outvoted.append(hit.start)  # 'the chairman is only one vote': his title does not decide
            return
        subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and anchor.pos_ == "NOUN" and anchor.dep_ == "dobj":
            # 'I had a good talk with Dr. Weber': the rep's talk, whoever it was with
            subject = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
        if who is not None and subject is not None and hit.start <= subject.i < hit.end:
            said_not = is_negated(anchor) or any(t.lower_ in ("not", "n't", "never") for t in doc[hit.start:hit.end])
            # 'her boss decides', 'the board approves'; 'she's not the one who decides'
            (who.no_authority if said_not else who.authority).append(hit.start)
            return
        negated = is_negated(anchor) and not any(t.lower_ in ("not", "n't", "never") for t in doc[hit.start:hit.end])
        sent = doc[hit.start].sent
        deciders = []
        # 'a call Monday to go through it, she confirmed': a route's object 'it' is the thing, and
        # whoever is said after it is not where it goes
        last = doc[hit.end - 1]
        for _ in range(4):  # 'go through the' order, 'goes to the co-op purchase' committee: the phrase's noun
            if last.dep_ in ("det", "compound", "amod", "nmod", "punct") and last.head.i > last.i:
                last = last.head
        thing = last.pos_ == "PRON" or last.pos_ == "NOUN" and last.i not in self.at
        reach = 0 if hit.rule.kind == "route" and thing else 4  # ... nor after 'to go through the contract'
        for i in range(hit.start, min(hit.end + reach, sent.end)):
            if i >= hit.end and doc[i].is_punct and doc[i].dep_ not in ("case", "compound"):  # "the governors' committee", "co-op"
                break
            person = self.at.get(i)
            if doc[i].dep_ == "poss" or doc[i].tag_ == "PRP$":
                continue  # 'his dad': the dad, not him
            if doc[i].head.lower_ in ("after", "till", "until") or \
                    doc[i].head.lower_ == "before" and not (person is not None and person.is_body):
                continue  # 'the money comes through after Easter': when, not who ('go before the board' is who)
            if i >= hit.end and deciders:
                break
            if person is not None and person is not who and person not in deciders and not person.rep_side:
                deciders.append(person)
                if i >= hit.end:
                    break
        if not deciders:  # 'goes to the cabinet member for climate and the capital programme board'
            deciders = self._joined_to_the_object(hit, who)
        going_to = hit.start + 2 < len(doc) and doc[hit.start + 1].lower_ == "to" and \
            doc[hit.start + 2].pos_ in ("VERB", "AUX") and hit.start + 2 not in self.at
        if going_to and (hit.rule.kind == "route" or doc[hit.start].lemma_ == "go"):
            return  # 'going to be the champion', "I didn't go to talk with her"
        if negated and hit.rule.kind == "route":
            return  # "she will not go through that again"
        if subject is None and hit.end - hit.start >= 2 and doc[hit.end - 2].lower_ == "with" and \
                doc[hit.end - 1].lower_ in ("her", "him", "them"):
            return  # 'Zoom on Monday to go through the order with her': the rep and the contact
        if subject is not None and subject.lower_ in ("i", "we") and \
                (hit.rule.kind == "route" or not self.prospect_speaks(subject.i)):
            return  # 'I went to Mehra Engineering', 'I will talk with my director': the rep, not the prospect
        if hit.rule.kind == "route" and anchor.lemma_.lower() == "come" and anchor.tag_ == "VBD":
            return  # 'this one came through Arnie, their neighbour': how the lead came, not who decides
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


MONEY = {"money", "budget", "budgets", "spending", "buying", "purchasing", "purchases", "finance", "finances",
         "cheque", "cheques", "check", "checks", "chequebook", "checkbook", "payment", "payments", "cash", "signing",
         "contract", "contracts", "account", "accounts", "purse", "wallet"}


def _all_but_the_money(verb) -> bool:
    """'He runs everything there except the money', 'she does it all apart from the buying':
    every authority but the one that says yes to a purchase."""
    doc = verb.doc
    window = doc[verb.i + 1:min(verb.i + 9, verb.sent.end)]
    for token in window:
        but = token.lower_ in ("except", "excluding", "apart", "besides") or token.lower_ == "but" and \
            token.i > 0 and doc[token.i - 1].lower_ in ("everything", "all", "anything")
        if but and any(t.lower_ in MONEY for t in doc[token.i + 1:min(token.i + 5, verb.sent.end)]):
            return True
    return False


def _done_by_someone(verb) -> bool:
    """A verb other than 'be' or 'have' with a person for its subject: the doer holds the
    authority, not the owner of what is done to ('he handles her money', 'she runs his shop')."""
    if verb.pos_ != "VERB" or verb.lemma_ in ("be", "have", "belong"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they")
                                    or subject.pos_ == "NOUN" and any(c.dep_ in ("poss", "compound")
                                                                      for c in subject.children))


def _not_wanted(verb) -> bool:
    """'She doesn't want to buy anything for this space': a wish, not whether she can."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("want", "like", "wish", "plan", "intend") \
        and is_negated(verb.head)


def _no_longer(verb) -> bool:
    """'He used to own it'."""
    return verb.dep_ == "xcomp" and verb.head.lower_ == "used"


def _signs_in(verb) -> bool:
    """'Just sign in at the gatehouse': a visitor's signature."""
    return verb.lemma_.lower() == "sign" and any(c.dep_ == "prt" and c.lower_ in ("in", "out") for c in verb.children)


def _reps_own_todo(verb) -> bool:
    """A note's line that opens on 'Need to', 'Have to', 'Must' with no subject is the rep's
    to-do ('Need to check with Meghan'); 'Needs sign-off from Sam' is said of the prospect."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb.i == verb.sent.start and verb.tag_ in ("VB", "VBP") and verb.lemma_.lower() in ("need", "have", "must") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


SITS_WITH = {"sit", "rest", "lie", "stay", "be", "belong", "fall"}


def _someone_unnamed(word) -> bool:
    """The object is some party the cast does not know ('the Capital Investment Group', 'an
    investor group out of Scottsdale'), not a time ('by Friday') nor the rep ('with us')."""
    objects = [c for c in word.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
               or c.dep_ == "attr" and c.pos_ == "PROPN"]  # 'the decision is a no-brainer' names nobody
    return any(o.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "GPE") and not o.like_num for o in objects)


# 'The building's owned by a group in Dallas' is the landlord; 'they're being bought by a bigger
# group' is a takeover: neither says who decides this purchase.
PREMISES = {"building", "premises", "property", "land", "site", "unit", "space", "block", "mall", "plaza", "lot"}
TAKEOVER = {"buy", "acquire", "sell", "take"}


def _passive_agent(verb):
    """The 'by' of a passive verb ('is owned by', 'are made by'), or None."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and (subject.lemma_.lower() in PREMISES or verb.lemma_.lower() in TAKEOVER
                                and subject.lower_ in ("they", "we", "it", "company", "business", "firm")):
        return None
    return next((c for c in verb.children if c.dep_ == "agent"), None)


# "She owns the international site roadmap": a piece of work, not the business or its money.
OWNED_TASKS = {"roadmap", "relationship", "account", "process", "project", "program", "programme", "initiative",
               "rollout", "migration", "implementation", "workstream", "strategy", "channel", "evaluation", "rfp"}


def _owns_a_task(verb) -> bool:
    """Only tasks owned: 'owns the security roadmap and the IAM budget line' still owns money."""
    if verb.lemma_.lower() != "own":
        return False
    owned = [c for c in verb.children if c.dep_ == "dobj"]
    owned += [c for o in owned for c in o.conjuncts]
    return bool(owned) and all(o.lemma_.lower() in OWNED_TASKS for o in owned)


# 'He runs the shop floor', 'she runs the front counter': a part of the place, not the place.
PARTS_RUN = {"floor", "counter", "kitchen", "desk", "till", "front", "reception", "register", "door", "room",
             "side", "department", "team", "crew", "shift", "line", "bar", "warehouse", "stockroom", "dispatch"}


def _day_to_day(verb) -> bool:
    """'He runs the yard day to day', 'he runs the shop floor': the running of it, or of a
    part of it, not the final say."""
    if verb.lemma_.lower() not in ("run", "manage", "handle", "pay"):
        return False
    words = [t.lower_ for t in verb.subtree]
    if any(c.dep_ == "advmod" and c.lower_ in ("just", "only", "merely", "simply") for c in verb.children):
        return True  # 'the family makes the money calls, Wade just runs it', 'she just pays the bills'
    part = any(c.dep_ == "dobj" and c.lemma_.lower() in PARTS_RUN for c in verb.children)
    return part or "day-to-day" in words or any(words[i:i + 3] == ["day", "to", "day"] for i in range(len(words)))


ELDERS = {"grandfather", "grandad", "granddad", "grandpa", "grandmother", "granny", "grandma", "father", "mother",
          "dad", "da", "mum", "mam", "mom", "uncle", "aunt", "predecessor"}


def _handed_down(span) -> bool:
    """'It was his grandfather's shop', 'it was her mother's before her': a past owner."""
    was = any(t.lower_ in ("was", "were") for t in span) or span.start > 0 and span.doc[span.start - 1].lower_ == "was"
    return was and any(t.lower_ in ELDERS and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "'s" for t in span)


def _until(verb) -> bool:
    """'They don't vote on the budget till June': when, not whether."""
    return is_negated(verb) and any(t.lower_ in ("till", "until", "til", "before", "yet") for t in verb.subtree)


def _gone_through_together(doc, hit: Hit) -> bool:
    """'Go through them together', 'go through them with me', 'we'll go through it line by line'."""
    if doc[hit.start].lemma_.lower() != "go" or hit.end - hit.start < 2 or doc[hit.start + 1].lower_ != "through":
        return False
    after = [t.lower_ for t in doc[hit.end:hit.end + 2]]
    return bool(after) and (after[0] in ("together", "line", "one", "again", "in", "on") or
                            after[0] == "with" and len(after) > 1 and after[1] in ("me", "us", "you"))


def _doubted(verb) -> bool:
    """'I don't know if he owns it', 'not sure whether she signs': a guess, not a fact."""
    head = verb.head
    return verb.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in ("know", "sure", "wonder", "guess", "think") \
        and (any(c.dep_ == "neg" for c in head.children) or head.lemma_.lower() in ("wonder", "guess"))


ASKING = {"ask", "know", "wonder", "find", "figure", "check", "sure", "idea", "clue", "see", "understand",
          "learn", "clear", "confirm", "dig"}


def _asked_who(verb) -> bool:
    """'I asked her who actually owns this', 'not sure who signs', 'I asked how procurement
    choose suppliers': a question, not an answer ('Rob, the one who signs' and 'it's Mick who
    decides' are answers)."""
    head = verb.head.lemma_.lower()
    # 'he didn't say who signs off': left unsaid, as much a question as 'I asked who'
    unsaid = head in ("say", "tell", "mention", "explain") and is_negated(verb.head)
    asked_who = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "whoever") for c in verb.children)
    # 'I asked her how procurement actually choose suppliers', 'asked whether the board signs': still a question
    asked_how = head == "ask" and any(c.lower_ in ("how", "whether", "if") and c.dep_ in ("advmod", "mark")
                                      for c in verb.children)
    return verb.dep_ in ("ccomp", "xcomp", "advcl", "dobj") and (head in ASKING or unsaid) and (asked_who or asked_how)


def _final_no(span) -> bool:
    """'If Kylie says no, it's no': a condition that says whose no is final."""
    return span[0].lower_ == "if" and span[-1].lower_ == "no"


def _conditional(verb) -> bool:
    """'If he signs', 'to see if she's ready to sign': a condition or a hope, not a fact; nor is
    a likeness ('both talking like they own the place'; but 'sounds like she runs it' is an answer)."""
    if any(c.dep_ == "mark" and c.lower_ in ("like", "though") for c in verb.children) and \
            verb.head.lemma_.lower() not in ("look", "sound", "seem", "feel", "appear"):
        return True
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
