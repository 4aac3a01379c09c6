"""Stalls as families, probes by structure, conversion, and acceptance by default.

Each case is a short memo and what the excuses verdict must say about it.
"""

import pytest

from debrief.records import Transcript


@pytest.fixture(scope="module")
def analyzer():
    from debrief.analyze import Analyzer

    found = Analyzer(weigh=False)  # the rules alone: test_weighing tests the weighing
    if found.pipeline_name == "blank":
        pytest.skip("stall families match lemmas and the parse, which only the trained pipeline gives")
    return found


def _judge(analyzer, text):
    return analyzer.analyze(Transcript.from_text(text))


def _kinds(debrief):
    return {(e.kind, e.handled) for e in debrief.excuses}


# --- each family is found ---------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("He said our fee is too high for them right now.", "price"),
    ("She said we're about fifteen percent higher than what they pay now.", "price"),
    ("He said they've spent the marketing budget for the year already.", "no_budget"),
    ("She said the capital budget for this year is spent.", "no_budget"),
    ("He said there's no way he's switching anything mid-season.", "bad_timing"),
    ("She said, look, nothing happens until after tax season.", "bad_timing"),
    ("Then she asked me for some references.", "send_info"),
    ("He wants the spec sheets and the case studies.", "send_info"),
    ("He asked if I could send him a couple of references.", "send_info"),
    ("Mark said reach back out in a month.", "call_back_later"),
    ("She said she needs to talk it over with her mom first.", "consult_someone"),
    ("He said the board has to approve anything like this.", "consult_someone"),
    ("She said they've used the same roaster since the day they opened.", "happy_with_vendor"),
    ("First thing she said was, 'We're locked in with GreenScape till March.'", "happy_with_vendor"),
    ("He said his dad got burned by an audit firm years ago.", "risk_concern"),
    ("She said switching systems scares her.", "risk_concern"),
    ("He said they're not interested, the guys will hate it.", "not_interested"),
    ("The receptionist said Dr. Patel is not seeing reps right now.", "gatekeeper_putoff"),
    ("The guard said ma'am is in a meeting, come back some other time.", "gatekeeper_putoff"),
])
def test_family_is_found(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("text", [
    "She approves the budget for the whole building.",
    "He sent me the floor plan last week.",
    "I'll send the proposal tonight.",
    "Need to check with the OEM on lead times.",
    "He's happy to meet on Tuesday.",
    "We're not locked into anything with them.",
    "He'll ring her and come back to me with a date.",
    "She liked the presentation a lot.",
])
def test_not_a_stall(analyzer, text):
    assert _judge(analyzer, text).excuses == []


# --- handling -----------------------------------------------------------------

def test_probe_by_structure(analyzer):
    memo = ("He said the price is way too high. I asked him what he's comparing us to, "
            "and it's the manual line, not another vendor.")
    assert _kinds(_judge(analyzer, memo)) == {("price", "probed")}


def test_rep_direct_question_is_a_probe(analyzer):
    memo = ("At the end Karen says, we'll think about it. "
            "And I said totally fair, but is there anything specific you're chewing on?")
    assert ("think_it_over", "probed") in _kinds(_judge(analyzer, memo))


def test_discovery_marks_a_probe(analyzer):
    memo = "She said they're happy with their current vendor. Turns out the deliveries are always late."
    assert _kinds(_judge(analyzer, memo)) == {("happy_with_vendor", "probed")}


def test_answer_to_a_probe_is_not_a_new_stall(analyzer):
    memo = ("He told me straight away not interested. I asked him what's behind that. "
            "He said he's selling the store and he didn't want that getting around town.")
    assert _judge(analyzer, memo).excuses_accepted == "no"


def test_probe_in_a_negated_clause_does_not_count(analyzer):
    memo = "She said she needs to think it over. I didn't ask what was behind it."
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_redirect_into_a_firm_meeting_converts(analyzer):
    memo = ("Toward the end he said just send me a proposal. I said I'd rather walk him through it. "
            "He booked me for Thursday the 9th at 7 a.m. at the plant.")
    assert _judge(analyzer, memo).excuses_accepted == "no"


def test_send_then_redirect_into_meeting_converts(analyzer):
    memo = ("She asked me to send references. I said I'd send them today, and let's go through them together. "
            "We've got a Teams call Tuesday at 11:30, she booked it herself.")
    assert _judge(analyzer, memo).excuses_accepted == "no"


def test_comply_then_meeting_is_still_accepted(analyzer):
    memo = ("Then Dev wanted references from three hospitals, and I said sure, I'll email you three this afternoon. "
            "We're meeting Monday the 13th at quarter past three in Sarah's office.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_acceptance_is_the_default(analyzer):
    verdict = _judge(analyzer, "He said the budget is frozen until spring. Nice guy, big shop.")
    assert verdict.excuses_accepted == "yes"
    assert verdict.excuses_unsure  # accepted only by default: said so


def test_one_accepted_stall_makes_it_yes(analyzer):
    memo = ("Sarah said the price is more than they can do this year. I asked her what's behind that, "
            "and it's the timing. Then Dev wanted references, and I said sure, I'll email them, no problem.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_gatekeeper_putoff_accepted(analyzer):
    memo = "The receptionist said Scott's busy, just email him. I said ok will do."
    verdict = _judge(analyzer, memo)
    assert verdict.excuses_accepted == "yes"
    assert "gatekeeper_putoff" in {e.kind for e in verdict.excuses}


def test_no_stall_is_none_and_confident(analyzer):
    verdict = _judge(analyzer, "Met the owner, we booked a sit-down at her office Tuesday at ten.")
    assert verdict.excuses_accepted == "none"
    assert verdict.excuses_unsure is None


def test_first_person_in_the_prospects_reported_words(analyzer):
    memo = ("I got her assistant, and Brianna said Monique's slammed with renewals and I should try again next month. "
            "So I said okay, no problem.")
    verdict = _judge(analyzer, memo)
    assert verdict.excuses_accepted == "yes"


def test_prospect_lead_in_then_first_person(analyzer):
    memo = "He told me right off, we've been with Harbor Foodservice since we opened. I said fair enough, thanks."
    assert "happy_with_vendor" in {e.kind for e in _judge(analyzer, memo).excuses}


def test_probe_of_an_unrecognised_stall_is_no_and_unsure(analyzer):
    memo = ("Walt was cool at first. I asked him what's really behind that, and it came out the last vendor "
            "ghosted them after the install.")
    verdict = _judge(analyzer, memo)
    assert verdict.excuses_accepted == "no"
    assert [e.kind for e in verdict.excuses] == ["unspecified"]
    assert verdict.excuses_unsure


def test_calendar_check_is_scheduling_not_a_stall(analyzer):
    assert _judge(analyzer, "She has to check Dr. Simmons's calendar and get back to me.").excuses == []


def test_rep_note_to_self_is_not_a_stall(analyzer):
    assert _judge(analyzer, "Good meeting. Need to talk to the Columbus team about the demo site.").excuses == []


def test_let_it_go_decides_even_when_a_meeting_is_set_later(analyzer):
    memo = ("He goes, we're locked in with ClubReady, and I was like, fair enough, I didn't push, we let that go. "
            "Then he said send me something on payroll, and I said I'd rather walk him through it. "
            "We booked Thursday at 10 at his office.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_asking_a_favour_is_not_a_probe(analyzer):
    memo = ("His bookkeeper said, he's swamped, try him next week. "
            "I said okay, no problem, and I asked if she could give him the folder.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_to_do_with_a_subject_inside_is_still_the_reps_note(analyzer):
    assert _judge(analyzer, "Need to check with the OEM if Aman is free that day.").excuses == []


@pytest.mark.parametrize("text, kind", [
    ("She goes, honestly it's out of our price range right now.", "price"),
    ("He said the money just isn't there this year.", "no_budget"),
    ("They said they'd rather stick with what they've got.", "happy_with_vendor"),
    ("He mentioned they got stung by a cheap supplier last year.", "risk_concern"),
    ("She said he's not in the market right now.", "not_interested"),
    ("He wanted to wait until the new fiscal year.", "bad_timing"),
    ("She said she'd have to run it past the owner.", "consult_someone"),
])
def test_other_ways_of_saying_it(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("text, expected", [
    # The prospect's imperative "give me" asks for a deliverable as "send me" does.
    ("Khalid said, give me some references, I want to speak to people who have used you. I said sure, no problem.",
     [("send_info", "accepted")]),
    ("I'll give him the brochure on Friday when we meet at ten.", []),
    ("He gave me a brochure of his own and we booked Tuesday at 10.", []),
])
def test_give_me_asks_for_a_deliverable(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text, expected", [
    # Passing it on to the one who decides, still to do; a referral already made is no stall.
    ("He said he'd pass it along to them. I said that's fine, appreciate it.", [("consult_someone", "accepted")]),
    ("Tom passed my name on to her last month, so I called in today.", []),
    ("She told me the Registrar will decide, I will discuss with him and revert. I said okay ma'am, no problem.",
     [("consult_someone", "accepted")]),
    # A video asked for is a deliverable; a video call is a meeting.
    ("Sherlyn asked for a demo video so she can show Mr. Lim. I said sure, I'll WhatsApp you the link.",
     [("send_info", "accepted")]),
    ("She asked for a WhatsApp video call on Saturday at 10am, and she put it in her phone.", []),
    ("At the end he says, just ping us over a wee brochure. And I said aye, nae bother.",
     [("send_info", "accepted")]),
])
def test_passing_it_on_videos_and_pinging_over(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text, expected", [
    # Notes as reps type them: a stall said as a noun, a subject-less "Asked what ...".
    ("Mtg w/ Denise Ward, Ops Mgr. Price objection. Competitor is cheaper on film. Said I'd send numbers.",
     [("price", "accepted")]),
    ("Concern: tried a kitchen-display system 2 yrs ago, staff hated it, ripped it out. Asked what went wrong: "
     "zero training.", [("risk_concern", "probed")]),
])
def test_stalls_and_probes_in_crm_notes(analyzer, text, expected):
    assert _kinds(_judge(analyzer, text)) == set(expected)


@pytest.mark.parametrize("text, expected", [
    # Happy with a supplier named by its brand.
    ("He goes, mijo, we are happy with Paychex, it works. I said no worries at all.", [("happy_with_vendor", "accepted")]),
    # A call-back to a season, said as 'ring him in the new year'.
    ("Saw Darren. Nothing doing. He said ring him in the new year. Will do.", [("call_back_later", "accepted")]),
    # CRM shorthand: a subject-less 'Said' is the prospect speaking.
    ("Mtg w/ Omar Haddad, IT Mgr. Said to circle back after their budget review next qtr. Told him np.",
     [("call_back_later", "accepted")]),
])
def test_named_suppliers_seasons_and_said_in_notes(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text, expected", [
    # Told to send something, whatever Whisper made of the thing.
    ("At the end he said, kindly send the BOKU with make and model and do the needful. I said sure sir.",
     [("send_info", "accepted")]),
    # Finding a slot or keeping in touch is no deliverable.
    ("She's going to look at her calendar. She said send me a couple of times that work.", []),
    ("He said drop him a line next week and we'll fix the day.", []),
])
def test_told_to_send_something(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text, expected", [
    # A price reaction told inside the rep's own sentence.
    ("When I got to the price she baulked, too dear. I asked what she was comparing it to, and it turns out "
     "it was the council bins.", [("price", "probed")]),
    # Forwarding the proposal to head office is passing it along.
    ("He said he'll forward our proposal to head office. I said great, thanks.", [("consult_someone", "accepted")]),
    # Not wanting to be burnt twice is a risk worry, negation and all.
    ("She doesn't want to be burnt twice. I said fair enough, no pressure.", [("risk_concern", "accepted")]),
])
def test_reactions_forwarding_and_being_burnt_twice(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text", [
    # 'Some other time' is a put-off, not a date being found.
    "Her brother was at the till and he said, come back some other time. So I said alright, no problem.",
    # A note's quote after a colon is the prospect talking.
    "Good call with Dana. But: 'we're tied into our broker until renewal in March.' I said understood, I'll "
    "circle back in February.",
])
def test_a_put_off_to_another_time_and_a_quote_after_a_colon(analyzer, text):
    assert _judge(analyzer, text).excuses_accepted == "yes"


@pytest.mark.parametrize("text, expected", [
    # The reply is read past fragments the parser splits off ("And I said," / "yeah, ...").
    ("He said, the number's gonna be tough, they just spent a lot on a new line. And I said, yeah, I understand, "
     "we'll sharpen the pencil. Didn't really dig into it. Anyway we booked the audit for Tuesday the 12th at 6:30.",
     [("price", "accepted")]),
    # Asking her to set up a meeting is a request, not a probe of the stall.
    ("Sherlyn asked for a demo video so she can show Mr. Lim. I said can, I'll WhatsApp you the link. Sent already. "
     "I asked her to help set a meeting with Mr. Lim.", [("send_info", "accepted")]),
    # "Can't sit on it forever" is the rep's reasoning, not a stall.
    ("He's got an improvement notice coming up so he can't sit on it forever. We meet Tuesday the 3rd at ten at "
     "his office.", []),
])
def test_replies_past_fragments_requests_and_forever(analyzer, text, expected):
    assert [(e.kind, e.handled) for e in _judge(analyzer, text).excuses] == expected


@pytest.mark.parametrize("text, kind", [
    ("She said the price is a lot.", "price"),
    ("He said it's too late in the season to add a line.", "bad_timing"),
    ("She said it's a busy month with the audits.", "bad_timing"),
    ("Hank said, honestly, I like my old sprayer fine, she's paid for.", "happy_with_vendor"),
    ("My cousin's been my seed guy for twenty years, I'm not gonna switch on him.", "happy_with_vendor"),
    ("He said he cannot just agree alone, the committee has to pass it.", "consult_someone"),
    ("Scott said he has to run everything by the owner.", "consult_someone"),
    ("She said Rick doesn't meet with vendors, period.", "gatekeeper_putoff"),
    ("She said phone me in about three weeks.", "call_back_later"),
    ("She said our numbers on the fittings are high, higher than Ferguson.", "price"),
    ("His PA said sir is in back-to-back meetings, she'll pass the message.", "gatekeeper_putoff"),
    ("She said let's figure out a new day once the beans are in.", "bad_timing"),
    ("She said the RFP won't go out until the fall, so there's nothing to talk about until then.", "bad_timing"),
    ("She said, honestly, this is the worst time, festive season is starting.", "bad_timing"),
    ("He said I oughta just leave a catalog.", "send_info"),
    ("He kept saying it's her store, her decision. He said he'd show her when she's back.", "consult_someone"),
])
def test_more_ways_to_say_each_family(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


def test_showing_the_decider_together_is_no_stall(analyzer):
    text = ("Arun said, you come Thursday at 7 pm, appa will be there, I'll tell him in advance and we will show "
            "him together. So Thursday at 7 pm at the shop.")
    assert _judge(analyzer, text).excuses == []


@pytest.mark.parametrize("text, expected", [
    # Agreement only as a courtesy before the rep turns the stall, and a meeting is then set.
    ("He said, let me sleep on it. I said sure, but what if we put a time on it, and he said fine, come by "
     "Thursday the 9th at 2 pm.", "no"),
    ("She said they're tied to their current supplier till June. I said totally, so let's plan the switch now, "
     "and we set Monday the 3rd at ten at her office.", "no"),
    # Agreement that stands: the rep went along with it.
    ("He said, let me sleep on it. I said sure, no rush, I'll check in with him next month.", "yes"),
    # What the rep proposes instead of is no stall of the prospect's.
    ("Rather than emailing documents back and forth, I suggested we sit down properly, and we booked Wednesday "
     "the 5th at 9:30 at her office.", "none"),
])
def test_a_courtesy_before_turning_the_stall_and_what_the_rep_sets_aside(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, kind", [
    ("She looked at the quote and said the number is really steep for a shop their size.", "price"),
    ("he said thats a bit hefty mate and left it there", "price"),
    ("He said his mum won't want to spend anything till the loan's paid, money's tight.", "no_budget"),
    ("the foreman said cash tight this year after the flood", "no_budget"),
    ("The practice manager said she'll put it to the partners and let me know.", "consult_someone"),
])
def test_steep_hefty_tight_money_and_putting_it_to_them(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


def test_come_back_to_me_in_a_month_is_a_put_off_not_a_time_found(analyzer):
    assert _judge(analyzer, "She said it's lambing, come back to me in October. I said no worries.").excuses_accepted == "yes"
    assert _judge(analyzer, "She said she'll come back to me tomorrow with a time for the visit.").excuses == []


@pytest.mark.parametrize("text, expected", [
    # Each line of a typed note is a sentence, and a line that opens on the rep's verb is the rep's.
    ("met Rosa, pharmacist on duty\nRosa: can't do anything until the owners meet next month\nasked what the owners "
     "will look at -> price per unit and Sunday delivery", "no"),
    ("Salon Bella\nK: 'we're quite happy w/ Wella, the girls know it'\nleft a sample kit", "yes"),
    ("Lupe said they spent this month's money on the new cooler. I said no problem, I'll check back next month.", "yes"),
])
def test_typed_notes_line_by_line(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, expected", [
    # What the rep wishes they had asked, and a saying, are no probes.
    ("She said it's dearer than what they pay now, and I said ah well, you get what you pay for, and moved on, "
     "which I should've dug into.", "yes"),
    ("She said it's dearer than what they pay now, so I asked what they pay per month for the old one.", "no"),
    # 'I understand he's busy, but' turns the stall.
    ("The PA said he's very busy, just leave your brochure. I said I understand he's busy, but I only need "
     "twenty minutes, and she booked me Thursday at ten.", "no"),
])
def test_a_wish_a_saying_and_understanding_before_but(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, kind", [
    ("hey man let's just do next week sometime, it's crazy here, end of the month.", "bad_timing"),
    ("he says pop in after the six nations its mental in here til then", "bad_timing"),
    ("She said ah no, we're happy enough with the one we have.", "happy_with_vendor"),
])
def test_crazy_here_and_happy_enough(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("text, expected", [
    # 'and then said, ...' takes its subject from the verb it is joined to.
    ("She listened for ten minutes and then said, no ma I'm not interested, they have a scheme already. "
     "I said okay ma'am no problem.", "yes"),
    ("I listened and then said, look, I'm not interested in a discount, I want the meeting. She laughed.", "none"),
    # A quote with no speech verb outside it is the prospect's line.
    ('He liked the degreaser. Then, "leave it with me, I\'ll think about it." Cool, I left the brochure.', "yes"),
])
def test_speech_with_its_subject_before_and_a_quote_on_its_own(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, kind", [
    ("Then he said, well, I'll have to talk to mam.", "consult_someone"),
    ("He said he wants the elders to weigh in before anything.", "consult_someone"),
    ("Then him seh, Sister, mi haffi carry it to di church board first.", "consult_someone"),
    ("She said maybe after festival season.", "bad_timing"),
    ("He says they go to RFP in Q3, can't talk pricing till then.", "bad_timing"),
    ("She said they just signed with another provider last month.", "happy_with_vendor"),
    ("She hesitated on price, said our packaging minimums are high for her.", "price"),
])
def test_more_ways_to_consult_wait_stay_and_balk(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


def test_talking_to_the_rep_or_signing_with_us_is_no_stall(analyzer):
    assert _judge(analyzer, "She said I need to talk to you about the delivery slot.").excuses == []
    assert _judge(analyzer, "She just signed the order with us.").excuses == []


@pytest.mark.parametrize("text, expected", [
    # A courtesy that goes straight on to a time ('grand, what about ...') turns the stall.
    ("He said let's sit down after Christmas, everything's mad here now. I said grand, what about the first week "
     "back, and we landed on the 8th at eleven at his office.", "no"),
    # What the rep would normally do is not what the rep did.
    ("She said it's mad here now. Normally I'd let that go, but I asked what's really going on, and it's the "
     "refit.", "no"),
    ("She said it's mad here now. I said grand, no bother, and let that go.", "yes"),
])
def test_a_courtesy_that_goes_on_to_a_time_and_a_habit_not_followed(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


def test_she_thought_about_it_and_said_is_an_answer_not_a_stall(analyzer):
    text = "So I asked her what it would take, and she thought about it and said, honestly, nothing right now."
    assert "think_it_over" not in {e.kind for e in _judge(analyzer, text).excuses}
    assert _judge(analyzer, "He said he'll think about it and let me know. I said sure.").excuses_accepted == "yes"


@pytest.mark.parametrize("text, expected", [
    # The prospect's words run on after a lead-in, through the clauses of the same sentence.
    ("So Marek's answer was, I like it, but I'll have to run it by head office. I said sure.", "yes"),
    ("So Marek's answer was, I like it. I'll send him the deck tonight.", "none"),
    # A quote opened after an adverb or two, with no speech verb, is the prospect's line.
    ('Then, predictably, "I\'ll need to run it past my brother." I said fair enough.', "yes"),
    # Converted: a consult stall turned into a meeting with the one consulted.
    ("She said she wants to talk to her co-founder first. I said let's get him in the room, and she booked "
     "Tuesday the 4th at 2 at their office for the three of us.", "no"),
    ("He said anything over ten grand has to get signed off by their investor. I said no worries.", "yes"),
])
def test_a_lead_in_that_runs_on_a_quote_after_adverbs_and_consulting_before_committing(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, expected", [
    # A typed note quotes the prospect in single quotes; the next line opening on 'Asked' is the rep.
    ("Current: Xero + spreadsheets. 'Honestly we're fine with Xero for now.' Asked what would make her look "
     "again - month-end takes three days.", "no"),
    ("Current: Xero + spreadsheets. 'Honestly we're fine with Xero for now.' Fine by me.", "yes"),
    # An apostrophe inside a word opens no quote.
    ("We're fine, I think, and the demo's booked for Tuesday at ten at their office.", "none"),
    # 'Said yes of course' with no subject, after the prospect's request, is the rep agreeing.
    ("2) 'Can you send over a couple of case studies?' Said yes of course, sending tomorrow.", "yes"),
    # Stalls as notes write them.
    ("Jo keen but needs sign-off from the Leeds head office. Said sure, will wait to hear.", "yes"),
    ("K raised risk - the last vendor's migration lost a week of data. Asked what exactly went wrong: no "
     "rollback plan.", "no"),
    ("Front desk said he was 'in a meeting, can't be disturbed'. Left a card.", "yes"),
])
def test_typed_notes_quote_in_single_quotes_and_say_stalls_in_shorthand(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, expected", [
    ("Him seh, Sister, now is not the time. So mi ask him, why now? The roof money went on repairs.", "no"),
    ("Him seh, Sister, now is not the time. Mi seh no problem.", "yes"),
    ("She said the budget's gone for this year. I said oh that's a shame, never mind.", "yes"),
    ("She said let me think about it. I didn't just leave it. I asked what part she wants to think about: price.",
     "no"),
    ("She said drop her a line and they'll find a slot.", "none"),
    ("She said do drop us an email with the prices. I said of course.", "yes"),
])
def test_patois_probes_never_mind_and_an_email_asked_for(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, expected", [
    ("He said, 'Busy quarter, let me call you in a few weeks.' I said okay sir.", "yes"),
    ("Lars says last time they switched feed the herd went off it for a week. Not risking that again. Okay then.",
     "yes"),
    ("She said, just send me whatever you've got. I said absolutely, sending it today.", "yes"),
    # 'Asked me to ...' is someone asking the rep; 'Asked what ...' is the rep asking.
    ("Saw Priya, facilities coordinator. Asked me to send a quote for her file, so that's going out today.", "yes"),
    ("She asked me for a one-pager for the partners' pack. I said sure, sent it from the lobby.", "yes"),
    ("She asked me for a meeting next week.", "none"),
])
def test_call_you_in_a_few_weeks_not_risking_it_and_asked_me_for_something(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, expected", [
    ("She said she wants to think it over, I'll take my time, she said. I said sure, take your time.", "yes"),
    ("She said she'll check her calendar and come back to me with a time.", "none"),
    ("Kev Lowe. Loved the deck oven, hated the price. I said fair enough.", "yes"),
    ("He asked for our documentation pack for the committee. I said sure.", "yes"),
    ("Phone touch today. He says still reviewing, nothing to report. I said fine, I'll check in end of month.",
     "yes"),
    ('At the end she goes, "Dave and I will have to talk it over." I said sure.', "yes"),
    ("As I was leaving he said he'd run the numbers past his wife, and I said sure, of course.", "yes"),
])
def test_ones_own_time_a_reaction_in_a_note_still_reviewing_and_talking_it_over(analyzer, text, expected):
    assert _judge(analyzer, text).excuses_accepted == expected


@pytest.mark.parametrize("text, kind", [
    ("At the end she said leave it with me, I'll give you a call.", "think_it_over"),
    ("He said hit me up next month.", "call_back_later"),
    ("He said very interesting, we will be in contact.", "call_back_later"),
    ("She said mañana we talk, you know how it is.", "call_back_later"),
    ("He said right now is impossible, after the summer we meet.", "bad_timing"),
    ("He said the timing isn't right, maybe in the new year.", "bad_timing"),
    ("He said he's busy with planting now and I should call him end of month.", "bad_timing"),
    ("He said they're flat out with the harvest.", "bad_timing"),
    ("He said our price is a bit high versus the Chinese brand.", "price"),
    ("He said it's cheaper to keep doing it by hand.", "price"),
    ("He was worried our chemical might damage their old boilers.", "risk_concern"),
    ("He said they're sorted for now.", "happy_with_vendor"),
    ("He said the purse strings are tight this year.", "no_budget"),
    ("He said he's not convinced it would work for them.", "not_interested"),
])
def test_stalls_said_in_everyday_words(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("text", [
    # a friendly 'give me a call' with no later time, and a referral's 'give us a call', are no put-off
    "We said we'd grab lunch sometime, he'll give me a call. Nothing firm.",
    "Their neighbour told them to give us a call.",
    "He was flat out keen and booked Tuesday at 10 at his yard.",
])
def test_friendly_calls_and_keenness_are_no_stall(analyzer, text):
    assert not _judge(analyzer, text).excuses


@pytest.mark.parametrize("text, kind", [
    ("He said he will revert after discussing internally.", "think_it_over"),
    ("He said the matter is under consideration.", "think_it_over"),
    ("He said we will see.", "think_it_over"),
    ("He said let us see after Diwali.", "think_it_over"),
    ("He said make we see next month.", "think_it_over"),
    ("She said she'll consider and let me know.", "think_it_over"),
    ("He said sure look, we'll see how we go.", "think_it_over"),
    ("He said his wife would kill him if he bought another thing this year.", "consult_someone"),
    ("He said it is difficult now.", "bad_timing"),
    ("She said can, but later lah, now very busy.", "bad_timing"),
    ("He said he'd rather hold off for now.", "bad_timing"),
    ("He said it's on the long finger for now.", "bad_timing"),
    ("He said she'll be right, we'll sort it later.", "bad_timing"),
    ("He said the rates are on the higher side.", "price"),
])
def test_stalls_in_international_english(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


def test_well_see_you_is_no_stall(analyzer):
    assert not _judge(analyzer, "He said we'll see you Tuesday at ten at the yard.").excuses


@pytest.mark.parametrize("text, kind", [
    # Stalls said plainly that the lists missed (found in the corpus after round 15's scoring).
    ("He did say honestly I think we're fine with ADP.", "happy_with_vendor"),
    ("He said he's sweet with what he's got for now.", "happy_with_vendor"),
    ("Hussein said, Ali comes back end of the month, call then.", "call_back_later"),
    ("Kasun said boss says come next week.", "call_back_later"),
    ("She said she can't give it proper thought till December.", "bad_timing"),
    ("She said she'd want to see how the season goes first.", "bad_timing"),
    ("He said we're waiting on our tax refund before we do anything.", "no_budget"),
])
def test_stalls_said_plainly(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("text", [
    "She said let's see how the demo goes on Tuesday at ten, at the shop.",
    "He said we're good with Tuesday at ten.",
])
def test_plans_that_sound_like_stalls(analyzer, text):
    assert not _judge(analyzer, text).excuses


@pytest.mark.parametrize("text, kind", [
    # Stalls in idiom and formal English, from a writer of stall probes (scripts/corpus/probes/x01).
    ("He requested that I kindly give him some days to apply his mind on the matter.", "think_it_over"),
    ("He needed a bit of a ponder, apparently.", "think_it_over"),
    ("He said put everything in a document, I will go through it.", "send_info"),
    ("The cupboard's bare till the fall pledge drive is how he put it.", "no_budget"),
    ("They're doing it tough this season, not a cent spare.", "no_budget"),
    ("That number's a mite rich for his blood, he said.", "price"),
    ("They're absolutely up to their eyeballs with wedding season.", "bad_timing"),
    ("Just follow up with me next quarter, she said.", "call_back_later"),
    ("He'd have to square it with his brother who co-owns it.", "consult_someone"),
    ("He's a little gun-shy after their last migration.", "risk_concern"),
    ("He does not want to be the guinea pig for a new system.", "risk_concern"),
    ("Sal waved me off, said it's not his thing.", "not_interested"),
])
def test_stalls_in_idiom_and_formal_english(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


def test_a_probe_after_the_prospects_words_is_the_reps(analyzer):
    # '..., he said, so I asked ...': the tag ends his words; what follows is the rep again
    debrief = _judge(analyzer, "Saw Mr. Greaves at the distributor. They good with who they have, he said, so I asked "
                               "what he'd change about them if he could, and the support line never picks up.")
    assert [e.handled for e in debrief.excuses] == ["probed"]


def test_the_reps_bad_day_is_no_stall(analyzer):
    assert not _judge(analyzer, "Sometimes the day just goes sideways. She rang to move it: come Thursday at 9 "
                                "instead, same place.").excuses


@pytest.mark.parametrize("text, kind", [
    # From a second writer of stall probes (scripts/corpus/probes/x03).
    ("He say they work with the same rebar supplier for fifteen years already.", "happy_with_vendor"),
    ("She said the manager is always in meetings and I should just write to the info inbox.", "gatekeeper_putoff"),
    ("He said he is afraid the new booking system will crash in high season.", "risk_concern"),
    ("He told me he is worried the scaffolding is not certified.", "risk_concern"),
    ("She says phone her again in June when they do the next range review.", "call_back_later"),
    ("He looked at the quote and said mate this is double what we pay for cleaning now.", "price"),
    ("He said the deacons would need to pray on it.", "think_it_over"),
    # Whisper drops the apostrophe: 'doesnt' is 'does' and 'nt', still a negation
    ("lady on the phone said the chair doesnt take sales calls anyway", "gatekeeper_putoff"),
    # 'according to her' is reported speech too
    ("Called Ma'am Joy, and according to her the new shelving is just too pricey.", "price"),
])
def test_stalls_from_a_second_probe_writer(analyzer, text, kind):
    assert kind in {e.kind for e in _judge(analyzer, text).excuses}


@pytest.mark.parametrize("memo, value", [
    # A probe that learns nothing has not found the real reason: the stall stands accepted
    ("She said it's just not in the budget this year. I asked what she'd set aside for it and she said she'd "
     "rather not say. So I didn't push it.", "yes"),
    ("He said let me think it over. I asked what's holding him back and he just sort of shrugged. I'll follow "
     "up next week.", "yes"),
    ("At the end she said they'd think about it. I asked what they'd be thinking about, and she said she "
     "genuinely didn't know. I left it at that.", "yes"),
    # ... while an answer, even after a shrug, is a probe that worked
    ("He said let me think it over. I asked what's holding him back, he shrugged, then it came out that the "
     "bank hasn't approved the loan yet.", "no"),
    ("He said let me think it over. I asked what's holding him back and he said the price is the problem.", "no"),
])
def test_a_probe_that_learns_nothing_is_no_probe(analyzer, memo, value):
    assert _judge(analyzer, memo).excuses_accepted == value


@pytest.mark.parametrize("memo, value", [
    # A question put straight to the prospect is the rep's probe, even right after the prospect's words
    ("'We are very happy with our current supplier,' Mr Shah said. What would you change about them, if you "
     "could? Long pause, then: their service engineer takes four days to come.", "no"),
    ("He said they're happy with their supplier. What would you change about them? He said the service is slow.",
     "no"),
    # ... but a question the prospect asks is hers
    ("She said it's too expensive. What would you pay for it, she asked me. I said I'd check with my boss.", "yes"),
])
def test_a_question_put_straight_is_the_reps_probe(analyzer, memo, value):
    assert _judge(analyzer, memo).excuses_accepted == value


@pytest.mark.parametrize("memo, kind", [
    # Someone else obliged to look first, found by the parse: a consult stall
    ("He said his accountant must look at the figures first. We'll meet again at some point once that's done.",
     "consult_someone"),
    ("But he said the GM has to approve any new supplier. I said okay no problem, you talk to the GM and let me "
     "know.", "consult_someone"),
    # money tied up or spoken for is no budget
    ("He said the budget's tied up until the renovation of the rooms is done and I said fair enough.", "no_budget"),
    ("The superintendent told me every dollar is spoken for until July. I said fine.", "no_budget"),
])
def test_someone_must_look_first_and_money_spoken_for(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


def test_the_reps_own_approval_is_no_stall(analyzer):
    assert not _judge(analyzer, "I have to approve the quote first, then I'll send it.").excuses


@pytest.mark.parametrize("memo, kind", [
    # a stall the prospect wants, inside a run-on sentence the rep opened
    ("dr sandhu she is the owner we talked about the new paste she wants to run it by her hygienists first so i "
     "said sure no problem", "consult_someone"),
    # a typed note quoting the prospect after a colon, in double quotes
    ('- Met Kerem Kaya, purchasing.\n- Kerem: "I have to talk with my uncle first." I said ok.', "consult_someone"),
    # the same supplier for years, and worries, timing, price and writing said in other words
    ("He said we're good, we've had the same guy for ten years. I said no problem.", "happy_with_vendor"),
    ("The consultant worried our membrane hasn't been proven through a hot summer. I said fair enough.",
     "risk_concern"),
    ("Karin said this is maybe not the most optimal moment, half of Stockholm is on holiday. I said of course.",
     "bad_timing"),
    ("He said the rental is very expensive compared with the guy down the street. I said think about it.", "price"),
    ("Salazar wants to let it rest a few days before deciding. I told him of course, no pressure.",
     "think_it_over"),
    ("Any new landscaping contract has to go past the HOA board first, she said. I said of course.",
     "consult_someone"),
    ("Gwyn from the co-op wants something in writing he can show the lads. Righto, I'll post a pack.", "send_info"),
    ("Please connect next quarter, we are in appraisal cycle, Mr Nair said. Sure, I said.", "call_back_later"),
])
def test_stalls_in_run_ons_notes_and_other_words(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


@pytest.mark.parametrize("memo, kind", [
    ("The buyer said sure, we'd love it but at that price it's a non-runner. I said I hear you.", "price"),
    ("the foreman said the price too cost, he fit buy chinese one. i said no wahala.", "price"),
    ("Frau Keller said call again in the third quarter, everything is fixed until then. Okay, I said.",
     "call_back_later"),
    ("Mr Reyes said message him after the harvest, around May. Sure sir, I said.", "call_back_later"),
    ("She owns the practice but says she must chat to her partner first. I said cool.", "consult_someone"),
    ("Mr. Sato said he must confirm with headquarters in Tokyo. I said of course, I will wait.",
     "consult_someone"),
    ("Jim wanted to talk it through with his brother. I said no worries.", "consult_someone"),
    ("The depot manager says they're sorted with their supplier, eight years now. I said no stress.",
     "happy_with_vendor"),
    ("He never looked up from his phone, then said we are okay, thank you. I packed up.", "not_interested"),
    ("At the very end he said just send everything by e-mail and he looks at it. Did that from the car.",
     "send_info"),
    ("Mr. Kato say he want to think more. I said okay.", "think_it_over"),
    ("The principal said it's admissions season, very busy. I said I understand.", "bad_timing"),
])
def test_stalls_said_in_few_words(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


@pytest.mark.parametrize("memo, value", [
    # asking for a time to call is no probe; asking when the budget opens is
    ("The PA said Mr. Dube is in meetings and will phone me back. I asked when would be best, she said sometime "
     "next week, perfect, I'll wait for his call.", "yes"),
    ("He said no budget this year. I asked when the budget opens back up and he said January, new fiscal year, "
     "so the money for the ring went first.", "no"),
    # a question the prospect brushes off is not answered
    ("the practice manager said she wants to mull it over. asked what was giving her pause and she said oh you "
     "know just bits and bobs, so i said fair enough and left it with her", "yes"),
])
def test_asking_for_a_time_and_half_answers(analyzer, memo, value):
    assert _judge(analyzer, memo).excuses_accepted == value


@pytest.mark.parametrize("memo, kind", [
    ("Met Nikhil, the founder. He said the whole team is mad busy, let's meet after Diwali. I said no problem.",
     "bad_timing"),
    ("raj the head chef said they're happy with castle foods, been with them years. I said fair enough.",
     "happy_with_vendor"),
    ("Receptionist said he has travelled to Durban and that I must just phone him then. Said ok, thanks.",
     "gatekeeper_putoff"),
    ("Mr. Lewis look at the price and say come back one day next week and we talk. I say alright, boss.",
     "call_back_later"),
    ("khalid say faisal send me the offer by email and I will show the sheikh. I said ok no problem.",
     "send_info"),
    # Whisper's run-on, split by the parser: the "we" after the prospect's words is the prospect's firm
    ("then he said ok its interesting but we must think about it internally so I said no problem I call you "
     "friday", "think_it_over"),
])
def test_more_stalls_in_few_words(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


def test_a_stall_said_again_after_its_probe_is_the_same_stall(analyzer):
    memo = ("He said, let's get together after harvest, it's a bad time right now. I asked him what's really "
            "holding it up, and it came out they don't get paid until November, a cash flow thing. But he still "
            "wants to meet after harvest, so no date.")
    assert _judge(analyzer, memo).excuses_accepted == "no"


def test_asking_what_she_would_change_is_a_probe(analyzer):
    memo = ("She said, honestly, we're happy with our current supplier, they've done us for fifteen years. I said "
            "that's fair enough, long relationships matter, and then asked if there's anything she'd change about "
            "them. She paused and said lead times: last summer the beds came two weeks late.")
    assert _judge(analyzer, memo).excuses_accepted == "no"


@pytest.mark.parametrize("memo, kind", [
    ("kev at the merchants reckons money's tighter than ever at the minute. fair play, said id leave it with him",
     "no_budget"),
    ("mr wong say price very high la, other company cheaper. i said ok i will ask my boss", "price"),
    ("The capataz said the rental is carísimo next to the yard down the road. I said think about it.", "price"),
    ("cold drop in at the print shop, boss wave hand say no need no need. ok i go", "not_interested"),
    ("His colleague met me at the door and said Pekka has asked not to meet any vendors this quarter. I said I "
     "understand.", "gatekeeper_putoff"),
    ("reception said sir is in reviews all week and i should just email his PA. said ok no problem", "gatekeeper_putoff"),
    ("the head of IT said mandame algo por correo and he'd look at it. said sure thing", "send_info"),
    ("Moira needs a chat with her business partner first. I said no bother.", "consult_someone"),
    ("Gethin reckons he's sorted, been with the same lot for years. Fair enough, I said.", "happy_with_vendor"),
])
def test_stalls_in_slang_and_other_tongues(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


def test_a_note_that_opens_on_asked_is_the_rep_probing(analyzer):
    memo = ("landlord of the pub said ring me after the summer. asked what happens after the summer, he said the "
            "brewery lease comes up for renewal and he might sell")
    verdict = _judge(analyzer, memo)
    assert verdict.excuses_accepted == "no"
    assert [e.handled for e in verdict.excuses] == ["probed"]


@pytest.mark.parametrize("memo, kind", [
    ("The practice manager said they're in the middle of an inspection, not really the moment. I said fair enough.",
     "bad_timing"),
    ("Mrs Pillai said after Onam we can see, now it's the festival rush. I said sure madam.", "bad_timing"),
    ("The estate manager said they'd reflect on it and come back to me. Shook hands and left.", "think_it_over"),
    ("Dr Rao said kindly share the details on WhatsApp. Sent it from the car park.", "send_info"),
    ("The grocer said we're all set, thanks. Off I went.", "not_interested"),
    ("Ops lead said they've got an existing supplier already. Noted.", "happy_with_vendor"),
    ("The head said the money's just not there this year. I said no bother.", "no_budget"),
    ("Chairman said it's a committee thing really. I said grand.", "consult_someone"),
    ("The clerk said the manager's not around, can just drop your namecard. Left it.", "gatekeeper_putoff"),
    ("Boda boda sacco boss said the price is kali sana. I nodded.", "price"),
])
def test_stalls_said_in_passing_and_in_regional_english(analyzer, memo, kind):
    assert kind in {e.kind for e in _judge(analyzer, memo).excuses}


@pytest.mark.parametrize("memo", [
    "She moved it to Monday because of a board thing, so Monday at two it is, at their office.",
    "Dropped off the label printer they ordered. Nothing to sell today, they're all set.",
])
def test_events_and_a_settled_order_are_no_stall(analyzer, memo):
    assert _judge(analyzer, memo).excuses_accepted == "none"


@pytest.mark.parametrize("memo, kind", [
    ("Fiona said it's no the time, with the bottling run this week. Aye, nae bother.", "bad_timing"),
    ("She said it's really not the moment with the inspection next month. Of course, I said.", "bad_timing"),
    ("Priya said it's a madhouse this month with wedding season. Cool, I said, and left a card.", "bad_timing"),
    ("Mentioned the fleet tracking and he said nah, we're right mate. Too easy.", "not_interested"),
    ("Jess said she doesn't need another app. I said fair.", "not_interested"),
    ("He closed by saying he would reflect on the matter and revert in due course. I thanked him.", "think_it_over"),
    ("He pointed at the scanners and said those lads have never let us down. Righto, I said.", "happy_with_vendor"),
    ("He said he's scared the sensors will throw false alarms at 3am. I said okay.", "risk_concern"),
    ("She said parents will kick off if anything goes wrong with the accounts. Fair, I said.", "risk_concern"),
    ("When she saw the monthly fee she said oh lovely, I'll just sell a kidney then. Fair enough, I said.", "price"),
])
def test_stalls_in_understatement_dialect_and_sarcasm(analyzer, memo, kind):
    verdict = _judge(analyzer, memo)
    assert kind in {e.kind for e in verdict.excuses} and verdict.excuses_accepted == "yes"


@pytest.mark.parametrize("memo", [
    "Carla said let me sleep on it. I asked what part she was unsure about, she said oh nothing really, and I left "
    "it there.",
    "He said phone me in a couple of weeks. I asked what changes in two weeks, he laughed and said we'll see.",
    "He asked for the spec sheet. I asked who else would read them, he said not sure yet, and I said no problem.",
])
def test_a_probe_answered_with_nothing_leaves_the_stall_accepted(analyzer, memo):
    assert _judge(analyzer, memo).excuses_accepted == "yes"


@pytest.mark.parametrize("memo", [
    "he is telling come next week, now stock taking is going on. i said ok sir no problem.",
    "When I asked about getting in front of the committee, he said now's not a good time, let's wait till spring. "
    "I said sure, makes sense, and dropped it.",
])
def test_put_offs_told_progressively_or_in_answer_to_a_request_to_meet(analyzer, memo):
    assert _judge(analyzer, memo).excuses_accepted == "yes"


@pytest.mark.parametrize("memo", [
    # a blog's headline says the stall, the story tells it again with the probe
    "\"We don't have the budget.\" Five words I used to hear as a full stop. Last Wednesday I was at a physio clinic "
    "with the director, Andrea. She liked the unit, but said there's no budget for it this year. So I asked: what "
    "would have to be true for it to be in the budget? She said if it brought in new patients.",
    # the rep's old habit, told before today's reply, does not close the window on it
    "First words: \"Not interested, we have enough paint brands na.\" Before I would just say \"Sige sir, thank you\" "
    "and go. Today I tried Ma'am Liza's advice. I asked him, \"Sir, which brand is slow moving for you?\" He laughed "
    "and showed me the shelf. The paint from the other brand is not moving because of the price.",
])
def test_written_accounts_tell_the_stall_twice_or_look_back(analyzer, memo):
    verdict = _judge(analyzer, memo)
    assert verdict.excuses_accepted == "no" and len(verdict.excuses) == 1


@pytest.mark.parametrize("memo, handled", [
    # 'instead of' before a question is a probe, before an offer to meet a redirect
    ("He told me they're happy with their current courier. Instead of packing up I asked what \"happy\" looks like. "
     "Turns out their on-time rate on Cape Town deliveries is shocking.", "probed"),
    ("She said send me the brochure. Instead of emailing it, I asked if I could walk her through it Tuesday at 10 at "
     "her office, and she agreed.", "converted"),
])
def test_instead_of_accepting(analyzer, memo, handled):
    assert [e.handled for e in _judge(analyzer, memo).excuses] == [handled]


def test_an_answer_that_arranges_the_meeting_asked_for_is_no_stall(analyzer):
    memo = "I asked if I could present to them, and she said she'd see if she can get me on the agenda, probably next month."
    assert _judge(analyzer, memo).excuses_accepted == "none"


def test_what_the_rep_does_not_know_is_no_probe(analyzer):
    memo = ("At the end: \"Let us think it over and we'll be in touch.\" I said \"Absolutely, no rush, here's my card.\" "
            "Walked out. In the truck I realized I don't know what \"us\" means or who else is involved.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_who_of_a_relative_clause_asks_nothing(analyzer):
    memo = ("\"I'll run it by Declan and let you know.\" Grand, says I, and off I went. Driving back it dawned on me I'd "
            "let the one fella who actually decides slip through my fingers again.")
    assert _judge(analyzer, memo).excuses_accepted == "yes"


def test_a_let_go_denied_is_not_one(analyzer):
    memo = ("Mid-way Farah says, we'll have to check with group head office in Zurich before anything. I didn't let "
            "that slide, I asked what exactly Zurich needs to see, and it turns out it's purely data residency.")
    assert _judge(analyzer, memo).excuses_accepted == "no"
