"""Where a person was, said of them with "be" or "sit": in the room with the rep, or somewhere
else (busy with patients, at an auction, upstairs the whole time, in another town).

meetings.py asks these of a mention's verb to tell met from away; they are places and states,
so they sit apart from its word lists of meeting and speaking.
"""

from __future__ import annotations

NOT_THERE = {"there", "in", "around", "available", "present", "here", "on"}
BUSY_WITH = {"patient", "patients", "customer", "customers", "meeting", "meetings", "conference", "audit",
             "surgery", "court", "vacation", "holiday", "appointment", "client", "clients", "job", "site", "call"}
# Events someone is away at, with any article ('was in the meeting' is not one: it may be the rep's)
AWAY_AT = {"auction", "funeral", "wedding", "expo", "fair", "airport", "hospital", "tradeshow", "convention",
           "mart", "races", "court", "surgery", "tribunal"}
ON_DUTY = {"shift", "nights", "duty", "rounds", "leave", "holiday", "vacation"}
SITES = {"location", "site", "branch", "store", "shop", "office", "plant", "clinic", "campus", "warehouse",
         "depot", "yard", "restaurant", "practice", "factory", "mill", "farm", "job"}
COMPASS = {"east", "west", "north", "south", "country", "interstate", "overseas", "home", "upcountry"}
STATES = {"mood", "habit", "position", "business", "market", "shape", "hurry", "rush", "state", "favour", "favor",
          "charge"}
ROOMS = {"room", "meeting", "table", "session"}


def in_a_state(verb) -> bool:
    """'He wasn't in the mood', 'not in a hurry': a state, not a place he was missing from."""
    return any(c.lower_ in ("in", "on") and any(o.dep_ == "pobj" and o.lemma_.lower() in STATES for o in c.children)
               for c in verb.children)


def not_there_after(verb) -> bool:
    """'publican wasnt in again': the parser hung 'in' on 'again'; the word right after the
    verb still says where he was not (but 'wasn't in the mood' has an object)."""
    after = verb.doc[verb.i + 1:verb.i + 3]
    return any(t.lower_ in NOT_THERE and not any(c.dep_ == "pobj" for c in t.children) for t in after
               if t.lower_ not in ("not", "nt", "n't"))


def away_from_the_meeting(verb) -> bool:
    """Said (not negated) to be somewhere the meeting was not."""
    return _busy_elsewhere(verb) or elsewhere_in_the_building(verb) or _away_at_an_event(verb) or \
        _elsewhere_in_town(verb)


def _busy_elsewhere(verb) -> bool:
    """'With patients', 'in a meeting', 'at a conference' (not 'in the meeting', which may be the rep's)."""
    return any(c.dep_ == "prep" and any(o.lemma_.lower() in BUSY_WITH and not
                                        any(d.lower_ in ("the", "our") for d in o.children) for o in c.children)
               for c in verb.children)


WORKING_ON = {"see", "treat", "serve", "operate", "teach", "drive", "milk", "fly"}


def busy_at_work(verb) -> bool:
    """'They were all seeing patients', 'she was serving customers all afternoon': at their own
    work while the rep was there (not 'she saw us', nor 'he sees patients on Tuesdays')."""
    return verb.lemma_.lower() in WORKING_ON and verb.tag_ == "VBG" and \
        any(c.dep_ == "aux" and c.lower_ in ("was", "were", "is", "are", "'s", "'re") for c in verb.children) and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in BUSY_WITH | {"class", "lesson", "cow", "plane", "route"}
            for c in verb.children)


def _away_at_an_event(verb) -> bool:
    """'Ron was at the auction all day', 'she's at a funeral', 'Kylie was on night shift'."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "in") and any(o.lemma_.lower() in AWAY_AT for o in c.children)
               or c.dep_ == "prep" and c.lower_ == "on" and any(o.lemma_.lower() in ON_DUTY for o in c.children)
               for c in verb.children)


def elsewhere_in_the_building(verb) -> bool:
    """'Was upstairs the whole time', 'in the back the whole time', 'in his office the whole time':
    in the building, not in the meeting ('in the room the whole time' is in it; 'was at the back
    doing stock' may still be called out to the rep)."""
    whole_time = any(c.lemma_.lower() == "time" and any(a.lower_ in ("whole", "entire") for a in c.children)
                     for c in verb.children if c.dep_ == "npadvmod")
    if not whole_time:
        return False
    places = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
              for o in c.children if o.dep_ == "pobj"]
    # 'stayed in his room the whole time': a room of his own is not the meeting's
    return upstairs(verb) or any(o.lemma_.lower() not in ROOMS | {"call"} or
                                 any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in o.children)
                                 for o in places)


def upstairs(verb) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("upstairs", "downstairs") for c in verb.children)


def _elsewhere_in_town(verb) -> bool:
    """'Was in St. John's', 'is in Tampa', 'was up in Abuja': in another place by name; and, when
    the place is a bare word for a while ('the big man is in accra all week', as Whisper leaves
    a name in lower case), away too."""
    if _somewhere_for_a_while(verb):
        return True
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and \
                any(o.dep_ == "pobj" and (o.ent_type_ == "GPE" or _another_site(o)) for o in prep.children):
            return True
        if prep.dep_ == "advmod" and prep.lower_ in ("up", "down", "over", "off", "away") and _elsewhere_in_town(prep):
            return True  # 'was up in Abuja'
        if prep.lower_ in ("over", "up", "down", "out", "back") and \
                any(o.lower_ in COMPASS for o in prep.children):
            return True  # 'the boss is over east till next week', 'he's up north'
    return False


def _another_site(place) -> bool:
    """'At the other site', 'at the Burlington location', 'at head office': one of the
    prospect's other places, not the one the rep was at."""
    if place.lemma_.lower() not in SITES:
        return False
    words = {c.lower_ for c in place.children}
    return bool(words & {"other", "another", "head"}) or \
        any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in place.children)


def in_the_room(verb) -> bool:
    """'Had Graham in the room', 'was at the table with us'."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "around") and
               any(o.lemma_.lower() in ROOMS for o in c.children) for c in verb.children)


def in_the_room_itself(verb) -> bool:
    """'The owner was in the room', 'in the meeting': not 'in the next room' nor 'in the meeting room'."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and
               any(o.lemma_.lower() in ("room", "meeting") and not any(m.dep_ in ("amod", "compound") for m in o.children)
                   for o in c.children)
               for c in verb.children)


COUNTERS = {"bar", "counter", "till", "desk", "register", "pass", "counters"}


def behind_the_counter(verb) -> bool:
    """'Tommy was behind the bar himself for once': at the front of the shop, where the rep was."""
    return any(c.dep_ == "prep" and c.lower_ == "behind" and
               any(o.dep_ == "pobj" and o.lemma_.lower() in COUNTERS for o in c.children) for c in verb.children)


PARTWAY = {"halfway", "partway", "midway", "half-way", "part-way"}


def left_partway(verb) -> bool:
    """Left during the meeting: 'after ten minutes', 'halfway through' (not 'left before I got there')."""
    words = list(verb.subtree)
    return any(t.lower_ in PARTWAY for t in words) or \
        any(t.lower_ == "after" and any(o.lemma_.lower() in ("minute", "hour", "half", "coffee", "demo", "intro")
                                        for o in t.subtree) for t in words)


def seen_through_the_glass(sent) -> bool:
    """'Right there in the cafe, I could see him through the window': seen, not met."""
    words = [t.lower_ for t in sent]
    return any(words[i:i + 3] in (["through", "the", "window"], ["through", "the", "glass"]) for i in range(len(words)))


GONE_BEFORE = {"leave", "go", "cut", "head", "take", "clear", "duck", "nip", "slip", "pop", "shoot", "bolt", "dash"}
ARRIVED = {"arrive", "get", "roll", "show", "turn", "come", "walk", "pull", "land", "reach", "rock"}


def left_before_the_rep(verb) -> bool:
    """'Marcus had cut out twenty minutes before I rolled in', 'she'd left before we got there':
    gone before the meeting began."""
    if verb.lemma_.lower() not in GONE_BEFORE or \
            any(c.dep_ == "dobj" and c.lemma_.lower() not in ("minute", "hour", "while") for c in verb.children):
        return False  # 'he popped the invite across before I got back to the car' is a deed, not a leaving
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in ARRIVED:
            continue
        said_before = any(c.lower_ == "before" for c in clause.children)
        by_the_rep = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in clause.children)
        if said_before and by_the_rep:
            return True
    return False


STRETCH = {"all", "whole", "week", "month", "fortnight", "days", "weeks", "months"}  # not 'thursday she's in savannah'


def _somewhere_for_a_while(verb) -> bool:
    """'is in accra all week', 'was at kumasi till Friday': a bare place and a stretch of time."""
    lasting = any(c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "prep", "advmod") and
                  any(w.lower_ in STRETCH for w in c.subtree) or
                  c.dep_ == "prep" and c.lower_ in ("till", "until", "til") for c in verb.children)
    if not lasting:
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for place in prep.children:
            if place.dep_ == "pobj" and place.ent_type_ != "DATE" and \
                    not any(c.dep_ in ("det", "poss") for c in place.children) and \
                    place.lemma_.lower() not in ROOMS | STATES | {"office", "work", "town", "charge", "person"}:
                return True
    return False


def on_the_invite(token) -> bool:
    """'with Peter on it', 'with the CFO cc'd': on the invitation, not in the room."""
    after = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    return after[:1] == ["on"] and after[1:] and after[1] in ("it", "invite", "invitation", "thread", "cc")


def in_and_nothing_more(verb) -> bool:
    """'He was in.', 'the owner was in today': 'in' with no place after it is in the building."""
    after = verb.doc[verb.i + 1:verb.i + 3]
    if not after or after[0].lower_ != "in" or any(c.dep_ == "pobj" for c in after[0].children):
        return False
    return len(after) == 1 or after[1].is_punct or after[1].lower_ in ("today", "too", "for", "and", "but", "so")


GONE_TO = {"country", "upcountry", "home", "abroad", "overseas", "away", "off", "out", "fishing", "walkabout",
           "interstate", "offshore", "village"}
GONE_FOR = {"village", "hospital", "funeral", "wedding", "church", "mosque", "market", "conference", "show", "fair"}


def gone_off(verb) -> bool:
    """'gone country', 'gone home', 'gone to Lagos', 'gone to a funeral': away ('gone through the
    quote' and 'gone with the cheaper one' are not)."""
    for child in verb.children:
        if child.lower_ in GONE_TO and child.dep_ in ("dobj", "advmod", "npadvmod", "prt", "acomp", "attr"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and (place.ent_type_ in ("GPE", "LOC") or place.lower_ in GONE_FOR):
                return True
    return False


def cut_short(verb) -> bool:
    """'She got pulled into a carrier issue with ten minutes left': called away near the end."""
    words = [t.lower_ for t in verb.sent]
    return any(words[i] in ("minutes", "mins", "minute") and words[i + 1:i + 2] in (["left"], ["to"])
               for i in range(len(words) - 1))

