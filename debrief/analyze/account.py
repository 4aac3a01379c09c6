"""Which company the meeting was with: the prospect's account, as the memo names it.

Reps name the account in a few set ways: as the memo's first words ("Harbor
Family Clinic. I met with Karen"), after a cue ("debrief on Northwind", "at
Harbor Dental", "over at Castillo Roofing", "stopped by Northside Printing"),
or with a trade word in the name ("Becker Bread Company"). A candidate is a
run of capitalised words; spaCy's ORG entities add weight but do not decide
alone, because the small model calls "Olson Trucking" a person and "CFO" an
organisation. People (a PERSON entity with no trade word, or a run right after
"met with"), days, months and titles are not accounts. The highest-scoring
candidate wins; on a tie, the earliest.
"""

from __future__ import annotations

from dataclasses import dataclass

# Words before a name that say "this is where the meeting was".
CUES = {
    ("debrief", "on"): 5, ("debrief", "for"): 5, ("over", "at"): 4, ("visit", "at"): 4, ("visit", "to"): 4,
    ("stopped", "by"): 4, ("stopped", "at"): 4, ("went", "to"): 3, ("back", "at"): 4, ("meeting", "at"): 4,
    ("visited", "at"): 4, ("visiting", "at"): 4, ("debriefing", "on"): 5,
    ("meeting", "with"): 2, ("at",): 3, ("on",): 1, ("to",): 1, ("for",): 1, ("from",): 1,
}
OPENING_SCORE = 5  # the memo (or its second sentence, after "Okay") is just the name
ORG_BONUS = 2
TRADE_BONUS = 2
# Words that end company names; one of them makes a run a company, not a person.
TRADE_WORDS = {
    "company", "co", "inc", "llc", "ltd", "corp", "corporation", "group", "partners", "associates",
    "bakery", "bread", "cafe", "café", "restaurant", "bar", "grill", "diner", "hotel", "inn", "motel", "marina",
    "clinic", "dental", "medical", "health", "pharmacy", "fitness", "gym", "salon", "spa", "nails",
    "roofing", "plumbing", "electric", "construction", "builders", "landscaping", "cleaners", "cleaning",
    "motors", "auto", "automotive", "trucking", "logistics", "transport", "printing", "print", "media",
    "real", "estate", "realty", "insurance", "bank", "capital", "financial", "law", "legal", "accounting",
    "farms", "farm", "orchards", "foods", "market", "store", "supply", "supplies", "hardware", "studio",
    "studios", "software", "systems", "solutions", "services", "tech", "labs", "school", "academy",
    "manufacturing", "industries", "works", "shop", "outfitters", "brewing", "brewery", "winery", "vet",
    "veterinary", "animal", "daycare", "childcare", "properties", "homes", "design", "consulting",
    "freight", "mechanical", "heating", "air", "hvac", "boxing", "club", "clubs", "yacht", "elementary",
    "schools", "bank", "food", "fabrication", "ranch", "tire", "lube", "center", "centre", "dentistry",
    "pediatric", "family", "clam", "shack", "pizza", "pizzeria", "kitchen", "catering", "florist",
    "bistro", "hair", "orthodontics", "community", "church", "golf", "county", "parish", "title", "authority",
    "transit", "agency", "precision", "machine", "distribution", "storage", "hospital", "lanes", "taproom",
    "cantina", "pastry", "barbershop", "trattoria", "management", "property", "senior", "living", "district",
}
# Capitalised words that are never (the start of) an account.
NOT_NAMES = {
    "i", "i'm", "i'll", "i've", "i'd", "okay", "ok", "so", "quick", "um", "uh", "well", "yeah", "and", "but",
    "then", "today", "tomorrow", "yesterday", "he", "she", "they", "we", "it", "the", "this", "that", "had",
    "met", "went", "stopped", "back", "second", "first", "debrief", "meeting", "visit", "mr", "mrs", "ms",
    "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "ceo", "cfo", "coo", "cto", "vp", "owner", "president", "founder", "zoom", "teams",
    "alright", "christmas", "thanksgiving", "easter", "english", "oh", "hi", "hey", "just", "also", "not", "no", "yes",
}
JOINERS = {"&", "and", "of", "'s", "-"}  # inside a name: "Smith & Sons", "Bank of Marin", "Joe's"
VENDOR_WORDS = {"use", "using", "uses", "happy", "current", "vendor", "supplier", "competitor", "instead", "switch"}
PERSON_CUES = {("met", "with"), ("talked", "to"), ("talked", "with"), ("spoke", "with"), ("spoke", "to"),
               ("chat", "with"), ("met",), ("with",)}


@dataclass
class AccountVerdict:
    name: str | None
    sentence: object | None  # the spaCy sentence it was found in, for evidence
    rule_id: str | None  # account-opening, account-cue, account-trade-name, account-org


def judge_account(doc) -> AccountVerdict:
    """The account the memo is about, or None when it names no company."""
    best, best_score = None, 0
    for start, end in _runs(doc):
        score, rule = _score(doc, start, end)
        if score > best_score:
            best, best_score = (start, end, rule), score
    if not best:
        return AccountVerdict(None, None, None)
    start, end, rule = best
    return AccountVerdict(doc[start:end].text, doc[start].sent, rule)


def _is_name_word(token) -> bool:
    text = token.text
    if text == "&":
        return True
    word = text[:-1] if text in ("St.", "Mt.", "Ft.") else text  # "St. Brendan's"
    return word[:1].isupper() and word.replace("'", "").isalnum() and word.lower() not in NOT_NAMES


def _runs(doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (joined by &, of, 's), as token ranges, with the
    trade words that follow in lower case as Whisper writes them ("Apex roofing")."""
    runs, i = [], 0
    while i < len(doc):
        if not _is_name_word(doc[i]) or doc[i].text == "&":
            i += 1
            continue
        end, lowered = i + 1, False
        while end < len(doc) and doc[end].sent.start == doc[i].sent.start:
            if doc[end].lower_ in TRADE_WORDS and not doc[end].text[:1].isupper():
                end, lowered = end + 1, True  # after "Ridgeline construction", a capital starts a person
            elif (_is_name_word(doc[end]) or doc[end].text == "'s") and not lowered:
                end += 1
            elif (doc[end].lower_ in JOINERS and end + 1 < len(doc)
                  and (_is_name_word(doc[end + 1]) or doc[end + 1].lower_ in TRADE_WORDS)):
                end += 2
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _score(doc, start: int, end: int) -> tuple[int, str | None]:
    span = doc[start:end]
    words = {t.lower_ for t in span}
    trade = bool(words & TRADE_WORDS)
    cue = _cue_before(doc, start)
    opening = _is_opening(doc, start, end)
    if not trade and _is_person(doc, start, end, opening):
        return 0, None
    score, rule = 0, None
    if opening:
        score, rule = OPENING_SCORE, "account-opening"
    if cue and CUES[cue] > score:
        score, rule = CUES[cue], "account-cue"
    if trade:
        score += TRADE_BONUS
        rule = rule or "account-trade-name"
    if any(e.label_ == "ORG" and e.start <= start < e.end for e in doc.ents):
        score += ORG_BONUS
        rule = rule or "account-org"
    if not cue and not trade and rule in (None, "account-org") and span.sent.start == start:
        return 0, None  # a capital at a sentence's start is only grammar
    if _competitor(doc, start):
        score -= 4
    return score, rule


def _cue_before(doc, start: int):
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return None
    one = (doc[i].lower_,)
    two = (doc[i - 1].lower_, doc[i].lower_) if i >= 1 else None
    if two in CUES:
        return two
    return one if one in CUES else None


def _is_opening(doc, start: int, end: int) -> bool:
    """The run fills a memo's opening clause: "Harbor Family Clinic." or "So, Olson Trucking,"."""
    sent = doc[start].sent
    if sent.start > doc[0].sent.end:  # the first or second sentence only
        return False
    before = [t for t in doc[sent.start:start] if not t.is_punct]
    if any(t.lower_ not in {"so", "okay", "ok", "alright", "um", "uh", "quick", "one", "on"} for t in before):
        return False
    trade = any(t.lower_ in TRADE_WORDS for t in doc[start:end])
    return end >= len(doc) or doc[end].is_punct or trade


def _is_person(doc, start: int, end: int, opening: bool) -> bool:
    """Right after "met with", or a PERSON entity that does not open the memo."""
    two = tuple(t.lower_ for t in doc[max(start - 2, 0):start])
    if two in PERSON_CUES or two[-1:] in PERSON_CUES:
        return True
    return not opening and any(e.label_ == "PERSON" and e.start <= start and end <= e.end for e in doc.ents)


def _competitor(doc, start: int) -> bool:
    """"they use Acme Supply", "happy with Acme": a vendor they already have, not the account."""
    before = {t.lower_ for t in doc[max(start - 4, doc[start].sent.start):start]}
    return bool(before & VENDOR_WORDS)
