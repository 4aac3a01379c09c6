"""Every rule is data with examples; each example is checked on both spaCy pipelines."""

import json
import re

import pytest

from debrief.analyze.patterns import PatternError, _parse_rule, build_matcher, find_hits, lemma_forms, load_rules, widened

RULES = load_rules()


def test_rules_load_with_unique_kebab_case_ids_and_descriptions():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id), rule.id
        assert rule.description.strip()
        assert rule.examples.get("match") and rule.examples.get("no_match"), rule.id


def test_every_stall_rule_names_its_kind():
    kinds = {r.kind for r in RULES if r.label == "STALL"}
    assert None not in kinds
    assert {"think_it_over", "send_info", "no_budget", "bad_timing", "call_back_later",
            "consult_someone", "happy_with_vendor", "not_interested"} <= kinds


def _rule_ids(analyzer, text):
    doc = analyzer.nlp(text)
    return {h.rule.id for h in find_hits(doc, analyzer.matcher, analyzer.rules_by_id)}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule, any_analyzer):
    if rule.source.startswith("lexicons/") and any_analyzer.pipeline_name == "blank":
        pytest.skip("lexicons match lemmas, which only the trained pipeline gives")
    for sentence in rule.examples["match"]:
        assert rule.id in _rule_ids(any_analyzer, sentence), f"{rule.id} should match: {sentence}"
    for sentence in rule.examples["no_match"]:
        assert rule.id not in _rule_ids(any_analyzer, sentence), f"{rule.id} should not match: {sentence}"


def test_a_lexicon_is_phrases_matched_by_lemma(analyzer):
    from debrief.analyze.patterns import PatternError, parse_lexicon

    rule = parse_lexicon("# id: x-y\n# label: STALL\n# description: d\ncost more than NUM? (they|we) figure\n", "t.txt")
    [pattern] = rule.patterns
    assert pattern[0] == {"LEMMA": {"IN": ["COST", "Cost", "cost"]}}  # the lemmatizer keeps "I", "BOQ" in capitals
    assert pattern[3] == {"LIKE_NUM": True, "OP": "?"}
    assert pattern[4] == {"LEMMA": {"IN": ["THEY", "They", "WE", "We", "they", "we"]}}  # parentheses are only grouping
    matcher = build_matcher(analyzer.nlp.vocab, [rule])
    assert matcher(analyzer.nlp("It costs more than they figured."))
    with pytest.raises(PatternError, match="t.txt: needs description, id"):
        parse_lexicon("# label: STALL\nsome phrase\n", "t.txt")


def test_malformed_rules_are_refused_with_their_location(analyzer):
    with pytest.raises(PatternError, match="x.jsonl:3: missing"):
        _parse_rule(json.dumps({"id": "a", "label": "DATE"}), "x.jsonl:3", "x")
    bad = _parse_rule(json.dumps({
        "id": "bad-attr", "label": "DATE", "description": "d", "examples": {},
        "patterns": [[{"LOWERCASE": "tuesday"}]],
    }), "x.jsonl:1", "x")
    with pytest.raises(PatternError, match="bad-attr"):
        build_matcher(analyzer.nlp.vocab, [bad])


def test_phrases_match_exactly_what_spacys_matcher_matches(analyzer):
    """matching.py looks plain phrases up by hash instead of trying every pattern at every
    token, and runs a pattern anchored on a word only on docs holding that word: on the
    devset memos its matches are spaCy's Matcher's, one for one."""
    from pathlib import Path

    from spacy.matcher import Matcher

    plain = Matcher(analyzer.nlp.vocab)
    forms = lemma_forms(analyzer.nlp)
    for rule in load_rules():
        plain.add(rule.id, widened(rule, forms).patterns)
    devset = Path(__file__).parent.parent / "samples" / "devset"
    scripts = [json.loads(p.read_text())["script"] for p in sorted(devset.glob("*/*.json"))]
    assert len(scripts) >= 80
    phrased = sum(len(m) for m in analyzer.matcher.phrases.values())
    assert phrased > len(analyzer.matcher.matcher)  # most rules went to the phrase matchers
    assert len(analyzer.matcher.anchored) > 100  # most of the rest wait for their word
    long_memo = " ".join(scripts[:40])  # a ten-minute memo: patterns run only around their words
    for doc in analyzer.nlp.pipe(scripts + [long_memo]):
        assert set(analyzer.matcher(doc)) == set(plain(doc))


def test_windows_around_anchors_reach_as_far_as_the_longest_pattern():
    from debrief.analyze.matching import _windows

    assert _windows([10], 3, 100) == [(8, 13)]  # any 3-token match holding token 10 lies in 8..12
    assert _windows([10, 13, 40], 3, 100) == [(8, 16), (38, 43)]  # windows that meet are merged
    assert _windows([1, 99], 4, 100) == [(0, 5), (96, 100)]  # clipped at the doc's ends
    assert _windows([50], None, 100) == [(0, 100)]  # a pattern with '*' or '+' may reach anywhere


def test_a_pattern_is_anchored_on_a_content_word_it_cannot_match_without():
    from debrief.analyze.matching import anchor

    think = [{"LOWER": {"IN": ["i", "we"]}}, {"LEMMA": {"IN": ["think", "mull"]}}, {"LOWER": "over"}]
    assert anchor(think) == ("LEMMA", frozenset({"think", "mull"}))
    # an optional token, a stop word or punctuation anchors nothing: nearly every doc has them
    assert anchor([{"LEMMA": "budget", "OP": "?"}, {"LOWER": "the"}]) is None
    assert anchor([{"POS": "VERB"}, {"ORTH": ","}]) is None
    assert anchor([{"TEXT": "Zoom", "OP": "+"}]) == ("ORTH", frozenset({"Zoom"}))


def test_a_lexicon_word_written_plural_matches_its_lemma(analyzer):
    """Lexicons are matched on lemmas, where 'things' is 'thing' and 'hates' is 'hate': a word
    written that way still matches; a past form ('tried it before') keeps its tense."""
    from debrief.analyze.patterns import parse_lexicon

    rule = parse_lexicon("# id: x-y\n# label: STALL\n# description: d\nwhen things calm down\ntried it before\n", "t.txt")
    matcher = build_matcher(analyzer.nlp.vocab, [rule], base_forms=lemma_forms(analyzer.nlp))
    assert matcher(analyzer.nlp("He'll be in touch when things calm down."))
    assert not build_matcher(analyzer.nlp.vocab, [rule])(analyzer.nlp("He'll be in touch when things calm down."))
    assert not matcher(analyzer.nlp("She wants to try it before she commits."))
