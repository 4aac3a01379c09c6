"""Which spans name a person, and which person each name is.

The recognizer's PERSON entities, less the manager the memo opens on ("Nate.") and
companies ("Kowalski Precision"); plus the first names it missed ("Lina owns it",
"met with Marcus" read as a place). "Patricia" and "Lund" later in the memo are
Patricia Lund; a sentence that is only a name names the title said just before
("... the owner walks in. Ed Kowalski."). "My guy Dave" is on the rep's side.
Names are separate from titles and pronouns: each is its own way of saying who.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from .account import TRADE_WORDS
from .meetings import MEET_WITH, SPEECH
from .people import Person
from .syntax import span_root, word_of

SURNAME_BEFORE = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}
# said before a first name, in a memo all in lower case: 'show to dona flor', 'met pak budi'
BEFORE_A_FIRST_NAME = {"dona", "doña", "seu", "senor", "señor", "senora", "señora", "pak", "bu", "ibu", "mang",
                       "aling", "kuya", "ate", "alhaji", "alhaja", "mallam", "madam", "tuan", "puan", "encik"}
FIRST_NAME_BEFORE = {"ma'am", "maam", "madam", "sir", "pan", "pani"}
HONORIFICS = {"dr", "dr.", "dra", "dra.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "doctor", "sir", "ma'am",
              "madam", "maam", "mx", "mx.",
              # said before a name around the world: 'Pak Agus' and 'Pak Wijaya' are two people, not one 'Pak'
              "pak", "bapak", "bu", "ibu", "encik", "puan", "tuan", "datuk", "dato", "datin",
              "monsieur", "madame", "mme", "signor", "signora", "señor", "senor", "señora", "senora", "sra", "sra.",
              "sr.", "seu", "dona", "doña", "alhaji", "alhaja", "hajiya", "hajia", "mallam", "mang", "manong",
              "aling", "kuya", "sheikh", "shaikh", "sheikha", "shaikha", "srta", "srta.", "engr", "engr.", "atty",
              "atty.", "fr.", "hon.", "cllr", "cllr."}
# Also before a name, but names on their own too ('Don said'): dropped only when a name follows them,
# so that 'Don Arturo' and 'Don Ignacio' are two people
BEFORE_A_NAME = {"don", "ingeniero", "ingeniera", "ing", "ing.", "engr", "engr.", "lic", "lic.", "licenciado",
                 "licenciada", "arq", "arq.", "chief", "prof", "prof.", "professor"}
REP_SIDE = {"my", "our"}
ARTICLES = {"la", "el", "los", "las", "the"}
# What a person does ('Lina owns it', 'Grace pays for everything'): its subject is a name
DECIDING = {"own", "run", "decide", "sign", "approve", "pay", "handle", "choose", "control"}
# First names that are also everyday words, not taken for a name when a memo is all lower case
EVERYDAY_WORDS = {"will", "bill", "mark", "grace", "joy", "hope", "faith", "sue", "jack", "chuck", "frank", "guy",
                  "pat", "rob", "rich", "bob", "art", "cliff", "dawn", "may", "june", "april", "august", "ray", "rose",
                  "lily", "iris", "ivy", "ruby", "amber", "crystal", "summer", "autumn", "sunny", "sandy", "rusty",
                  "buddy", "bud", "bunny", "cash", "chase", "drew", "earl", "gene", "gray", "grant", "heath", "hunter",
                  "jay", "jean", "joe", "ken", "lance", "major", "max", "miles", "nick", "norm", "pierce", "reed",
                  "rocky", "sage", "skip", "stone", "ted", "tim", "toby", "wade", "warren", "wes", "win", "wood",
                  "dean", "penny", "holly", "page", "paige", "carol", "carter", "cole", "dale", "glen", "lee", "les",
                  "mason", "neil", "royal", "sterling", "ace", "angel", "bishop", "colt", "deacon", "duke", "king",
                  "prince", "sonny", "trinity", "harmony", "precious", "blessing", "patience", "gift", "godknows",
                  "memory", "prosper", "lucky", "fortune", "goodness", "mercy", "charity", "honour", "honor", "justice"}
# What may come before the rep's own name opening a memo ('Hey, it's Megan.', 'Okay, uh, this is Dale').
SIGN_ON = {"hey", "hi", "hello", "okay", "ok", "so", "uh", "um", "alright", "right", "yeah", "it", "'s", "is",
           "this", ",", "-", "..."}
COMPANY_WORDS = {"inc", "llc", "ltd", "co", "corp", "group", "distribution", "manufacturing", "foods", "pharmacy",
                 "plumbing", "hvac", "auto", "motors", "hospital", "clinic", "farms", "farm", "services", "bank",
                 "hardware", "supply", "dental", "medical", "health", "market", "restaurant", "salon", "gym",
                 "bakery", "boutique", "construction", "electric", "logistics", "partners", "associates", "realty",
                 "florist", "florists", "fabrication", "fabrications", "building", "builders", "roofing", "landscaping",
                 "trucking", "physio", "engineering", "brewing", "brewery", "catering", "cafe", "coffee", "insurance",
                 "textiles", "packaging", "steel", "precision", "tools", "supplies", "industries", "enterprises",
                 "holdings", "studio", "studios", "design", "media", "academy", "school", "college", "pharmacie",
                 "garage", "motors", "transport", "haulage", "electrical", "heating", "joinery", "nursery", "kitchens",
                 "chemicals", "components", "traders", "trading", "distributors", "solutions", "systems", "plastics",
                 "pharma", "pharmaceuticals", "exports", "imports", "agencies", "hotels", "hotel", "stores", "mills",
                 "cellars", "vineyards", "vineyard", "wines", "creamery", "dairy",
                 # firms' words in the languages reps' accounts are named in
                 "resort", "resorts", "gmbh", "kg", "bv", "nv", "srl", "sarl", "sdn", "bhd", "pvt",
                 "pty", "plc", "aps", "chemie", "technik", "förpackning", "forpackning", "ambalaj",
                 "tekstil", "makina", "gıda", "gida", "inşaat", "insaat", "alimentos", "embalagens", "comercial",
                 "industrial", "industrias", "ltda", "cia", "bouw", "bakkerij", "zuivel", "mekaniska", "maskin"}
# The words that end an account's name end a firm's (minus those a person's name or title may hold).
COMPANY_WORDS |= TRADE_WORDS - {"family", "senior", "living", "title", "authority", "air", "real", "works", "bar",
                                "inn", "community", "county", "animal", "hair", "machine"}
# 'on thomas street', 'Constant Spring Road': a street is no person either
COMPANY_WORDS |= {"street", "road", "avenue", "lane", "drive", "boulevard", "highway", "crescent", "terrace",
                  "rd", "ave", "blvd"}
NOT_NAMES = {"zoom", "teams", "skype", "facetime", "webex", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "christmas", "easter", "okay", "ok", "so", "yeah",
             "um", "uh", "anyway", "alright", "god", "lord", "covid", "excel", "google", "amazon", "square",
             "kickoff", "pilot", "demo", "recap", "update", "heading", "done",
             "rang", "phoned", "texted", "emailed", "messaged", "pinged", "whatsapped",
             "met", "mtg", "saw", "visited", "spoke", "talked"}  # a note's words, capitalised


class NameReader:
    """Mixin of the cast builder (cast.py): reads `self.doc`, `self.hits`, `self.people`,
    `self.at`, `self.sent_of`, `self.prospect_speaks`; registers through `self._new`
    and `self._mark`."""

    def _name_spans(self) -> list:
        """Every span that names a person, in the memo's order."""
        names = [_without_verb(e) for e in self.doc.ents if e.label_ == "PERSON" and not self._rep_name(e)
                 and not any(t.lower_ in COMPANY_WORDS for t in e) and not _names_a_firm(e)
                 and not all(t.lower_ in NOT_NAMES for t in e)  # 'Kickoff on site Monday
                 and not _a_place(e)]
        names += self._people_read_as_firms(names)
        names = [self._without_title(e) for e in names]
        names = [e for e in names if len(e)]
        names += self._unrecognised_names_after_met(names)
        names += self._unrecognised_names(names)
        names += self._lowercase_names(names)
        names += self._after_an_honorific(names)
        names.sort(key=lambda e: e.start)
        return names

    def _people_read_as_firms(self, names) -> list:
        """'Lonnie Gaines called me Monday', tagged a company: an ORG entity of one or two
        capitalised words that opens with a known first name (dm-first-name-*), or is followed by
        ', who' ('Mamaw Estep, who's had the store since '71'), and holds no company word is a
        person. A second mention of the first name ('Lonnie owns the
        place', also tagged ORG) is then read as that person by _unrecognised_names."""
        found = []
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or len(ent) > 2 or not all(t.is_title and t.pos_ == "PROPN" for t in ent):
                continue
            if self._name_gender(ent) is None and not _said_with_who(ent) or any(t.lower_ in COMPANY_WORDS for t in ent) \
                    or _names_a_firm(ent) \
                    or self._rep_name(ent):
                continue
            if not any(n.start == ent.start for n in names):
                found.append(ent)
        return found

    def _unrecognised_names(self, names) -> list:
        """A first name the recognizer missed ('Lina owns it', 'a call with Nadia'): a capitalised
        word, not a company, that does what people do (says, owns) or is met with."""
        taken = {i for e in names for i in range(e.start, e.end)}
        found = []
        for token in self.doc:
            if token.i not in taken and self._said_again(token, names + found):
                found.append(self.doc[token.i:token.i + 1])
                continue
            if token.i in taken or token.pos_ != "PROPN" or not token.is_title or token.i == token.sent.start \
                    and token.dep_ not in ("nsubj",) or token.ent_type_ not in ("", "PERSON", "GPE", "NORP"):
                continue
            if token.lower_ in HONORIFICS or token.lower_ in NOT_NAMES:
                continue
            head = token.head
            says = token.dep_ == "nsubj" and head.lemma_.lower() in SPEECH | DECIDING
            met_with = token.dep_ == "pobj" and head.lower_ == "with" and word_of(head.head) in MEET_WITH
            # 'Shlomo, the owner, was there': a title set beside the word says it is a person
            # ... and 'the two founders, Amit and Roni': a known first name set beside a title
            titled = any(c.dep_ == "appos" and c.pos_ == "NOUN" and self._a_rank(c) for c in token.children) or \
                token.dep_ in ("conj", "appos") and self._a_title(head) and \
                self._name_gender(self.doc[token.i:token.i + 1]) is not None
            compounds = [c for c in token.children if c.dep_ == "compound" and not self._a_title(c)]
            if (says or met_with or titled) and not compounds:  # 'Sheriff Boone signs': the title is not a name
                found.append(self.doc[token.i:token.i + 1])
            elif token.dep_ == "conj" and head.i in taken and all(c.is_title and c.i == token.i - 1 for c in compounds):
                # 'Gianni and Teresa Russo', 'Nils, Per and Tom': joined by "and" to a name
                found.append(self.doc[token.i - len(compounds):token.i + 1])
                taken.add(token.i)
        return found

    def _lowercase_names(self, names) -> list:
        """'met dave the depot coordinator ... have a chat with bruce he does the budgets': in a
        memo written all in lower case (as Whisper often leaves it), a known first name
        (dm-first-name-*) that does what a person does, or is met or talked with, is a name.
        Names that are also everyday words ('will', 'grace', 'bill') are left alone."""
        if not self.lower_case:
            return []
        taken = {i for e in names for i in range(e.start, e.end)}
        first_names = {i for h in self.hits if h.label == "DM_GENDER" for i in range(h.start, h.end)}
        found = []
        for token in self.doc:
            if token.i not in taken and self._a_lowercase_name(token, first_names, taken, found):
                found.append(self.doc[token.i:token.i + 1])
        return found

    def _a_lowercase_name(self, token, first_names, taken, found) -> bool:
        doc = self.doc
        if any(token.lower_ in _name_words(e) for e in found):
            return True  # 'ryan' again
        if token.dep_ == "attr" and token.head.lemma_ == "be" and token.pos_ in ("PROPN", "NOUN") \
                and not token.is_stop and self._title_is_subject(token.head):
            return True  # 'the owner is rhona'
        if token.i not in first_names or token.is_stop or token.lower_ in NOT_NAMES | HONORIFICS:
            return False
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "the" and self._a_title(doc[token.i + 2]):
            return True  # 'pat the owner', even when the name is an everyday word
        if token.lower_ in EVERYDAY_WORDS or token.pos_ not in ("PROPN", "NOUN"):
            return False
        head = token.head
        does = token.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")
        with_someone = token.dep_ == "pobj" and head.lower_ in ("with", "to")
        if token.dep_ == "compound" and head.lower_ == "one" and head.dep_ == "dobj":
            head = head.head  # 'met tom one of the 2 owners'
        met = token.dep_ in ("dobj", "appos", "conj", "npadvmod", "ROOT", "dep", "compound") and \
            (word_of(head) in MEET_WITH or head.i in taken or head.i in first_names)
        return (does or with_someone or met) and not self._rep_name(doc[token.i:token.i + 1])

    def _title_is_subject(self, verb) -> bool:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.pos_ == "NOUN" and \
            any(h.label == "DM_TITLE" and h.start <= subject.i < h.end for h in self.hits)

    def _without_title(self, span):
        """'Sheriff Boone', 'Pastor Mike', tagged one name: the title is the person's role
        (titles.py joins it by apposition), the rest is the name."""
        start = span.start
        while start < span.end - 1 and self.doc[start].lower_ not in HONORIFICS | BEFORE_A_NAME and \
                self._a_title(self.doc[start]):
            start += 1
        return span if start == span.start else self.doc[start:span.end]

    def _a_title(self, token) -> bool:
        return token.lower_ in HONORIFICS | BEFORE_A_NAME or \
            any(h.label == "DM_TITLE" and h.start <= token.i < h.end for h in self.hits)

    def _a_rank(self, token) -> bool:
        """A title that ranks its holder (owner, manager, receptionist), not a kinship or a trade."""
        return any(h.label == "DM_TITLE" and h.rule.kind in ("top", "senior", "junior") and h.start <= token.i < h.end
                   for h in self.hits)

    def _after_an_honorific(self, names) -> list:
        """'mr ocallaghan himself wasnt in', 'met mrs grant': a word after Mr, Mrs or Dr is a
        surname, capitalised or not (Whisper and quick typing often leave names lower case)."""
        taken = {i for e in names for i in range(e.start, e.end)}
        found = []
        for token in self.doc[:-1]:
            after = self.doc[token.i + 1]
            before_a_name = token.lower_ in SURNAME_BEFORE or self.lower_case and token.lower_ in BEFORE_A_FIRST_NAME
            if not before_a_name or token.i in taken or after.i in taken:
                continue
            kinds = ("PROPN", "NOUN", "ADJ") if token.lower_ in SURNAME_BEFORE else ("PROPN", "NOUN")
            if after.is_alpha and not after.is_stop and after.pos_ in kinds and len(after) > 1:
                found.append(self.doc[token.i:token.i + 2])
                taken.update((token.i, after.i))
        for token in self.doc[:-1]:  # "Ma'am Tess Navarro owns the resort", 'Sir Alvin': Philippine English
            end = token.i + 1
            while end < len(self.doc) and end - token.i <= 2 and self.doc[end].is_title and \
                    self.doc[end].pos_ == "PROPN" and end not in taken and self.doc[end].lower_ not in NOT_NAMES:
                end += 1
            if token.lower_ in FIRST_NAME_BEFORE and token.i not in taken and end > token.i + 1:
                found.append(self.doc[token.i:end])
                taken.update(range(token.i, end))
        return found

    def _said_again(self, token, earlier) -> bool:
        """'Dale leans back' tagged a company, 'Akash was clear' not tagged at all: one capitalised
        word that is a word of a name said earlier is that person again."""
        doc = self.doc
        one_word_firm = token.ent_type_ == "ORG" and token.ent_iob_ == "B" and \
            (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")
        untagged = token.ent_type_ in ("", "GPE", "NORP", "PRODUCT", "LOC", "FAC") and token.pos_ == "PROPN" and \
            token.is_title and not _names_a_firm(doc[token.i:token.i + 1])
        return (one_word_firm or untagged) and \
            any(token.lower_ in _name_words(e) and e.start < token.i for e in earlier)

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
            span = self.doc[start:i]
            if i > start and not any(i2 in taken for i2 in range(start, i)) and \
                    not any(t.lower_ in COMPANY_WORDS for t in span):  # 'Visited Shah Speciality Chemicals'
                found.append(span)
        return found

    def _rep_name(self, ent) -> bool:
        """'Nate.' or 'Hannah, debrief on ...' opening the memo: the manager the rep talks to;
        'Orla here, quick one', 'Hey, it's Megan.', 'Okay, this is Dale': the rep."""
        sent = ent.sent
        if sent.start != 0 or any(t.lower_ not in SIGN_ON for t in self.doc[:ent.start]):
            return False
        after = self.doc[ent.end] if ent.end < len(self.doc) else None
        return after is None or ent.end == sent.end or after.text in (",", ".", "-", "--", "...") \
            or after.lower_ in ("here", "again")

    def _add_name(self, ent) -> None:
        words = _name_words(ent)
        if not words:
            return
        gender = _honorific_gender(ent) or self._name_gender(ent)
        person = next((p for p in self.people if p.name and _same_name(words, p.name)
                       and not (gender and p.gender and gender != p.gender)
                       and not (_another_generation(ent) and len(p.name.split()) > len(words))), None)
        if person is None:
            person = self._called(ent) or self._first_name_aside(ent) or self._name_after_its_title(ent)
        if person is None and self._name_alone(ent):
            person = self._unnamed_before(ent)
            if person is not None:
                person.name = None
        if person is None:
            person = self._presumed_before(gender)
            if person is not None:
                person.name = _spelled(ent)
        if person is None:
            person = self._new(name=_spelled(ent))
            person.rep_side = self._possessed_by_rep(ent)
        elif len(ent) > len((person.name or "").split()) or self._fuller_first_name(ent, person):
            person.name = _spelled(ent)
        if person.gender is None and gender is not None and _honorific_gender(ent) is None:
            person.gender_guessed = True
        person.gender = person.gender or gender
        self._mark(person, ent.start, ent.end)

    def _presumed_before(self, gender: str | None) -> Person | None:
        """'Liam, her brother-in-law, ... and Siobhan rang me herself': a pronoun said before
        anyone was named stood for the first person named after it, of its gender."""
        return next((p for p in self.people if p.presumed and p.name is None and p.role is None
                     and not (gender and p.gender and gender != p.gender)), None)

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

    def _first_name_aside(self, ent) -> Person | None:
        """'Met Mrs Khumalo -- Nomvula -- she owns it': a first name set off right after Mrs,
        Mr or Dr and a surname is that person's."""
        doc = self.doc
        marks = ("--", "-", "—", "–", "(", ",", ")")
        if len(ent) != 1 or ent.start < 3 or doc[ent.start - 1].text not in marks or \
                ent.end < len(doc) and doc[ent.end].text not in marks + (".",):
            return None
        person = self.at.get(ent.start - 2)
        if person is None or person.is_body or person.rep_side or not person.name or \
                len(person.name.split()) != 1 or doc[ent.start - 3].lower_ not in SURNAME_BEFORE:
            return None
        person.name = f"{_spelled(ent)} {person.name}"
        return person

    def _name_after_its_title(self, ent) -> Person | None:
        """'met the old man at the sawmill mr hadley senior he still runs it', 'the owner walks in,
        Ray Okafor.': a name said right after an unnamed title, with only where that person was
        (or what they just did) between, and no verb of its own, is that person's."""
        doc = self.doc
        last = max((i for i in self.at if i < ent.start), default=None)
        if last is None or ent.start - last > 6 or self.sent_of[last] != self.sent_of[ent.start]:
            return None
        person = self.at[last]
        if person.name or not person.role or person.is_body or person.plural or person.rep_side or \
                doc[last].pos_ == "PRON":
            return None
        gap = doc[last + 1:ent.start]
        place = len(gap) > 0 and (gap[0].pos_ == "ADP" or gap[0].is_punct) and \
            all(t.is_punct or t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ") and not self._a_title(t) for t in gap)
        arrived = len(gap) >= 2 and gap[-1].text == "," and gap[0].pos_ == "VERB" and \
            all(t.pos_ in ("ADP", "ADV", "PART") for t in gap[1:-1])
        if not (place or arrived) or any(t.text in (".", "?", "!", ";") for t in gap):
            return None
        after = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ in ("senior", "junior", "snr", "jnr", "sr", "jr"))
        return None if after < len(doc) and doc[after].pos_ in ("VERB", "AUX") else person

    def _called(self, ent) -> Person | None:
        """'Met a fella called Dev', 'a lady named Rosa', "Owner's Ramon": the name is that person's."""
        doc = self.doc
        if ent.start >= 2 and doc[ent.start - 1].lower_ in ("'s", "’s", "is") and ent.start - 2 in self.at:
            person = self.at[ent.start - 2]
            if person.name is None and person.role and not person.is_body and not person.plural:
                return person
        said_as = self._said_as_kin(ent)  # "Owner's his missus Kiri"
        if said_as is not None:
            return said_as
        verb = span_root(ent).head
        if verb.lemma_.lower() not in ("call", "name") or verb.dep_ != "acl" or verb.tag_ != "VBN":
            return None
        person = self.at.get(verb.head.i)
        return person if person is not None and person.name is None and not person.is_body else None

    def _said_as_kin(self, ent) -> Person | None:
        """"Owner's his missus Kiri", 'the boss is her uncle Tunde': a title, 'is', a relative and
        the name: the titled person is the relative, who is named."""
        doc = self.doc
        start = ent.start - 1
        while start > 0 and doc[start].pos_ in ("NOUN", "PRON", "DET", "ADJ") and doc[start].lower_ not in ("'s", "is") \
                and ent.start - start <= 3:
            start -= 1
        between = doc[start + 1:ent.start]
        if start < 1 or doc[start].lower_ not in ("'s", "’s", "is") or not between or \
                not any(h.label == "DM_TITLE" and h.start >= start + 1 and h.end <= ent.start for h in self.hits):
            return None
        person = self.at.get(start - 1)
        if person is None or person.name or not person.role or person.is_body or person.plural:
            return None
        return person

    def _unnamed_before(self, ent) -> Person | None:
        recent = [p for p, last in self._by_recency(ent.start) if self.sent_of[last] == self.sent_of[ent.start] - 1]
        return next((p for p in reversed(recent) if p.name is None and p.role and not p.is_body), None)

    def _possessed_by_rep(self, span) -> bool:
        if self.prospect_speaks(span.start):
            return False
        root = span_root(span)
        if any(c.lower_ in REP_SIDE for c in root.children if c.dep_ == "poss"):
            return True
        if root.dep_ in ("appos", "compound") and any(c.lower_ in REP_SIDE for c in root.head.children
                                                     if c.dep_ == "poss"):
            return True  # 'my regional head Sandra came along': the rep's boss
        if any(c.dep_ == "appos" and any(g.dep_ == "poss" and g.lower_ in REP_SIDE for g in c.children)
               for c in root.children):
            return True  # 'Pete, my manager, tagged along'
        if [t.lower_ for t in self.doc[span.end:span.end + 2]] == ["from", "our"]:
            return True  # 'Andy from our side came with me'
        return any(t.lower_ in REP_SIDE for t in self.doc[max(span.start - 2, 0):span.start])


def all_lower_case(doc) -> bool:
    """A memo as Whisper often leaves it: hardly a capital letter inside a sentence."""
    alpha = [t for t in doc if t.is_alpha and t.i != t.sent.start and t.text != "I"]  # Whisper writes 'I' anyway
    return len(alpha) >= 20 and sum(t.text[:1].isupper() for t in alpha) <= 0.03 * len(alpha)


def _names_a_firm(span) -> bool:
    """'Hartwell Plumbing', 'Marlowe florist' as Whisper writes them, lower case: a name
    followed by a trade is the firm, not a person ('Gina's gym' is hers: a person)."""
    possessive = span[-1].lower_ in ("'s", "’s")  # "It's Alhaji Musa Tahir's hotel"
    return span.end < len(span.doc) and span.doc[span.end].lower_ in COMPANY_WORDS and not possessive


def _said_with_who(ent) -> bool:
    """'with Mamaw Estep, who's had the store since '71': 'who' is said of people, not of firms."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who"


def _a_place(ent) -> bool:
    """'Just left the Nguyen house in Gilbert', 'their plant in Hamilton': a name tagged a person,
    said as where something is ('in Tom's office' is his), or a family's thing ('the Nguyen house')."""
    root = ent.root
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and before is not None and before.lower_ == "the":
        return True  # 'the Nguyen house', 'the Okafor job': a family's or a firm's thing, not a person met
    return root.dep_ == "pobj" and root.head.lower_ == "in" and (after is None or after.lower_ != "'s")


def _without_verb(ent):
    """'Met Alan Rourke', 'rang Mrs Phelan', 'Luckily Mzee' read as one name: the name starts
    after the verb or adverb, and ends before a dash ('Tan Kok Leong - owner')."""
    start = ent.start
    while start < ent.end - 1 and (ent.doc[start].lower_ in ("met", "saw", "called", "visited", "emailed", "texted",
                                                             "mtg", "meeting", "w/", "with", "+")
                                   or ent.doc[start].pos_ in ("VERB", "AUX") and ent.doc[start].is_lower
                                   or ent.doc[start].pos_ == "ADV" and ent.doc[start].lower_.endswith("ly")):
        start += 1
    # 'Mr Tan Kok Leong - owner' read as one name: the name ends at a dash or a comma ('Dave + Steve': two)
    end = next((t.i for t in ent.doc[start:ent.end] if t.text in (",", "(", "+") or t.text in ("-", "–", "—")
                and t.whitespace_ and ent.doc[t.i - 1].whitespace_ or t.pos_ == "AUX"), ent.end)  # not 'Jean-Guy'
    # ... nor past a verb the recognizer took in: "Mrs Grant's off till Monday" is 'Mrs Grant'
    return ent.doc[start:max(end, start + 1)]


def _name_words(span) -> set[str]:
    return {t.lower_ for t in _bare(span) if t.is_alpha}


def _bare(span) -> list:
    """The name's own words: no honorific, and no 'Don' or 'Ingeniero' before another word of it."""
    words = [t for t in span if t.lower_ not in HONORIFICS and t.text != "'s"]
    while words and words[0].lower_ in ARTICLES:
        words = words[1:]  # 'la señora', 'el licenciado Arriaga': Spanish's article is no name
    while len(words) > 1 and words[0].lower_ in BEFORE_A_NAME and words[1].is_alpha:
        words = words[1:]
    return words


def _spelled(span) -> str:
    return " ".join(t.text for t in _bare(span))


def _same_name(words: set[str], name: str) -> bool:
    """'Patricia' or 'Lund' is Patricia Lund; 'Kowalski Precision' is not Ed Kowalski."""
    theirs = _name_words_of(name)
    alike = {w for w in words if any(_spelled_alike(w, t) for t in theirs)}
    if not alike:
        return False
    if len(words) == 1 or len(theirs) == 1:
        return True
    return any(_spelled_alike(w, name.split()[0].lower()) for w in words)  # the same first name


def _spelled_alike(one: str, other: str) -> bool:
    """The same word, or Whisper spelling one name two ways in a memo ('Steve Hollis' ...
    'Steve Holly'): the same first three letters and most of the rest."""
    if one == other:
        return True
    if min(len(one), len(other)) < 4 or one[:3] != other[:3]:
        return False
    return SequenceMatcher(None, one, other).ratio() >= 0.7


def _name_words_of(name: str) -> set[str]:
    return {w.lower() for w in name.split()}


def _honorific_gender(span) -> str | None:
    first = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    words = {t.lower_ for t in span} | {first}
    return "m" if words & {"mr", "mr."} else "f" if words & {"mrs", "mrs.", "ms", "ms.", "miss"} else None


GENERATION = {"old", "young", "senior", "junior", "elder"}


def _another_generation(ent) -> bool:
    """'Met Liam Wilson, but it's his dad's farm, old man Wilson owns it': a surname said with
    'old man', 'old', 'young' is the father or the son, not the one already named in full."""
    before = [t.lower_ for t in ent.doc[max(ent.start - 2, 0):ent.start]]
    return bool(set(before) & GENERATION)
