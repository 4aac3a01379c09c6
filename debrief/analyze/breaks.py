"""Sentence breaks Whisper heard but did not write, and the lines of a typed note.

Whisper often starts a new sentence with a capital and drops the full stop before it:
"before his guys head out He texted back sweet as see you then". Read as one
sentence, the prospect's agreement becomes part of the rep's own plan ("I'll come
back ... He texted back"), and every rule that reads a sentence or a clause reads
the wrong span. A capital in the middle of a sentence, on a word that is not a name
(a pronoun, a verb, "So", "But"), is such a break; this component marks it before
the parser runs, and the parser keeps the breaks it is given.
"""

from __future__ import annotations

# Tags of words that start a sentence but are not names: pronouns, verbs, modals,
# adverbs ("So", "Then"), conjunctions ("But"), interjections ("Yeah"), "There".
OPENING_TAGS = {"PRP", "VBD", "VBZ", "VBP", "VB", "VBG", "MD", "RB", "CC", "UH", "WRB", "EX"}
# Verbs the tagger takes for names when capitalised mid-sentence ("... see view Met him today").
OPENING_VERBS = {"met", "gave", "said", "told", "went", "called", "spoke", "sent", "showed", "booked", "walked",
                 "talked", "got", "had", "need", "dropped", "left", "asked"}
NAME_PARTS = {"NNP", "NNPS"}
COMPONENT = "debrief_lost_breaks"
BULLETS = {"-", "*", "•", "–", "—", ">", "+"}


def mark_lost_breaks(doc):
    """Set a sentence start on each capitalised non-name word that follows a word, and on
    the first word of each line: a typed note's lines ("Gloria: can't until next month" /
    "asked what the partners will look at") are its sentences, punctuated or not."""
    for token in doc[1:]:
        if _inside_a_date(token):
            token.is_sent_start = False
            continue
        if _lost_break(token) or _starts_a_line(token):
            token.is_sent_start = True
            if token.text in BULLETS and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False  # '- saw Ileana': the bullet opens the line's sentence
    return doc


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _inside_a_date(token) -> bool:
    """'Thursday, 14th November': the parser ends a sentence after '14th' now and then, and the
    day is cut from its month and clock time. A month right after a day's number continues it."""
    before = token.doc[token.i - 1]
    return token.lower_ in MONTHS and token.text[:1].isupper() and \
        (before.like_num or before.lower_[:-2].isdigit() and before.lower_[-2:] in ("st", "nd", "rd", "th"))


def _starts_a_line(token) -> bool:
    before = token.doc[token.i - 1]
    return not token.is_space and before.is_space and "\n" in before.text


def _lost_break(token) -> bool:
    text = token.text
    if not (text[:1].isupper() and text[1:].islower()) or text == "I":
        return False
    before = token.doc[token.i - 1]
    if before.is_punct or before.is_space or before.is_quote:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.tag_ == "CC" and after is not None and after.text.istitle() and before.text.istitle():
        return False  # "Smith And Sons"
    return token.tag_ in OPENING_TAGS or (token.tag_ in NAME_PARTS and token.lower_ in OPENING_VERBS)


def add_to(nlp) -> None:
    """Put the component after the tagger (it reads tags) and before the parser."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=mark_lost_breaks)
    if "tagger" in nlp.pipe_names and "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="tagger")
