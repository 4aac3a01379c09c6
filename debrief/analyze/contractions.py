"""Contractions written without their apostrophe: "hes the owner", "shes out", "im".

Reps typing fast and Whisper on a mumbled line both write "hes" for "he's". spaCy
splits it ("he" + "s") and tags the verb, but its lemmatizer leaves "s", so every
rule that reads "be" ("he's the owner", "she's away") misses it. This component,
after the lemmatizer, gives the bare "s", "re" and "m" after a pronoun the lemma
of the verb they stand for.
"""

from __future__ import annotations

PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "that", "what", "who", "there", "where", "here"}
BARE = {"s", "re", "m"}
COMPONENT = "debrief_bare_contractions"


def restore_lemmas(doc):
    for token in doc[1:]:
        before = token.doc[token.i - 1]
        if token.lower_ in BARE and before.lower_ in PRONOUNS and not before.whitespace_ and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = "have" if token.lower_ == "s" and _before_participle(token) else "be"
        elif token.lower_ == "nae" and token.norm_ == "n't":
            token.lemma_ = "not"
    return doc


def _before_participle(token) -> bool:
    """'hes got two vans', 'shes been out': 's is "has" ('hes based in Leeds' stays "is")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.lower_ in ("got", "been", "gotten", "had")


# "mom'll have to try it", "the boss'd never sign": spaCy splits "'s" off any word but these only
# off pronouns, so "mom'll" stays one unknown word and the mother is lost
MODAL_SUFFIX = r"(?<=[A-Za-z])['’](?:ll|LL|d|D|ve|VE)$"


def split_modal_contractions(nlp) -> None:
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or []) + [MODAL_SUFFIX]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    split_scots_negatives(nlp)


# Scots and Ulster English: "the gaffer wasnae in", "she cannae sign that", "I dinnae ken"
SCOTS_NEGATIVES = {"wasnae": "was", "isnae": "is", "didnae": "did", "dinnae": "do", "doesnae": "does",
                   "cannae": "can", "couldnae": "could", "wouldnae": "would", "shouldnae": "should",
                   "havenae": "have", "hasnae": "has", "hadnae": "had", "arenae": "are", "werenae": "were"}


def split_scots_negatives(nlp) -> None:
    """'wasnae' is read as 'was' + 'nae' with the norm "n't", so every rule that knows "wasn't"
    knows it. The text is kept as written."""
    from spacy.attrs import NORM, ORTH

    for word, base in SCOTS_NEGATIVES.items():
        for cased in (word, word.capitalize()):
            stem = cased[:-3]
            nlp.tokenizer.add_special_case(cased, [{ORTH: stem, NORM: base}, {ORTH: "nae", NORM: "n't"}])


# Titles written short before a name, common in Filipino, Latin American, Indian and British notes
# ('Dra. Villanueva', 'Engr. Cruz', 'Atty. Reyes', 'Supt. Okafor'). spaCy keeps 'Dr.' and 'Prof.'
# whole but splits these, and the full stop then ends a sentence in the middle of a name.
TITLE_ABBREVIATIONS = ("Dra.", "Sra.", "Srta.", "Sr.", "Sto.", "Sta.", "Engr.", "Atty.", "Arch.", "Hon.", "Fr.",
                       "Capt.", "Supt.", "Insp.", "Sgt.", "Col.", "Lt.", "Cmdr.", "Pres.", "Asst.", "Mgr.", "Dir.",
                       "Brgy.", "Cllr.", "Amb.", "Assoc.")


def keep_title_abbreviations(nlp) -> None:
    from spacy.attrs import ORTH

    for title in TITLE_ABBREVIATIONS:
        for cased in (title, title.upper()):
            nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])


def add_to(nlp) -> None:
    from spacy.language import Language

    split_modal_contractions(nlp)
    keep_title_abbreviations(nlp)
    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=restore_lemmas)
    if "lemmatizer" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="lemmatizer")
