"""The follow-up verdict on the ways reps actually say things (PRINCIPLES.md, habit 1
and the rulings): days and times in words or Whisper's digits, agreement and the
mode said many ways, a phone that is only a device, the final plan of a revised
memo, and past, hypothetical and negated meetings. Sentences are our own, written
to each rule, not taken from any labeled memo."""

from datetime import datetime

import pytest

from debrief.analyze.when import resolve_when
from debrief.records import Transcript

MONDAY_EVENING = "2026-11-23T17:05:00+00:00"
BASE = datetime(2026, 11, 23, 17, 5)


def _followup(analyzer, text):
    return analyzer.analyze(Transcript.from_text(text), MONDAY_EVENING)


@pytest.mark.parametrize("text", [
    "We're on for the fourteenth at eight o'clock at her shop, she wrote it on the whiteboard.",
    "She booked me in for June nineteenth at 8:15 in the morning at the plant.",
    "He said come by the yard Thursday week at half ten, and he put it on the wall calendar.",
    "So it's the 3rd at half two, back at the showroom, and he texted back OK.",
    "We've agreed quarter past nine on Friday the 12th for a site visit.",
    "Locked in: Tuesday at 9 am, I'm walking the floor with their plant manager.",
    "She invited me back to the office for the first Monday of next month at 10, and she sent the invite.",
])
def test_firm_in_person_said_many_ways(analyzer, text):
    assert _followup(analyzer, text).followup == "firm_in_person"


@pytest.mark.parametrize("text", [
    "So we set a Teams call for Wednesday at two, and the invite's accepted.",
    "He said call me Thursday at 7:30 am, he put it in his phone.",
    "We'll do a Zoom on the 21st at 3 pm, she already sent the link and it's on both calendars.",
    "She moved it to a phone call instead, Friday at four, and she's confirmed.",
])
def test_firm_remote_said_many_ways(analyzer, text):
    assert _followup(analyzer, text).followup == "firm_remote"


@pytest.mark.parametrize("text", [
    "We set up a tasting at the bakery, Monday the 14th at 2:30, she typed it into her phone while I stood there.",
    "She rebooked on the phone for Friday at 2:30 at the cafe, and put it on the schedule.",
    "We booked the plant tour for October 2nd at 9, and the CFO accepted from his phone.",
    "He rang from the depot and we got booked there and then on the phone, Monday the 9th at 7 at his yard.",
])
def test_a_phone_that_only_carried_the_agreement_is_not_a_phone_meeting(analyzer, text):
    assert _followup(analyzer, text).followup == "firm_in_person"


def test_a_firm_meeting_with_no_place_said_is_taken_as_in_person_and_flagged(analyzer):
    debrief = _followup(analyzer, "Tuesday at ten, and she confirmed it by email.")
    assert debrief.followup == "firm_in_person"


@pytest.mark.parametrize("text, value", [
    ("We originally said I'd come back Tuesday at 10. Then he texted, can we do a phone call Wednesday at 4 "
     "instead, and I said sure, he confirmed.", "firm_remote"),
    ("We had a Zoom set for Friday at ten. At the end she said let's cancel Friday, she'll reach out in a "
     "couple weeks.", "none"),
    ("The Thursday call is off. Now it's at the shop, Friday the 17th at 8:15, and he put it on his calendar.",
     "firm_in_person"),
])
def test_the_final_plan_counts(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text", [
    "If the grant comes through we'd meet at her office Tuesday at ten.",
    "I would've booked Thursday at 10 if she'd said yes, but she has to talk to her mom.",
    "I was going to suggest an on-site next Tuesday at ten, but I didn't, it felt too early.",
    "We met Tuesday at ten at her office and went through the numbers.",
    "We didn't book anything, no meeting set.",
])
def test_past_hypothetical_and_negated_meetings_are_not_follow_ups(analyzer, text):
    assert _followup(analyzer, text).followup == "none"


@pytest.mark.parametrize("text", [
    "He said come back in the spring and we'll sit down with the owner.",
    "She said let's grab coffee after New Year's.",
    "He said let's talk again after harvest, no date yet.",
    "She's going to try to get me on the CFO's calendar, maybe next week.",
    "I mentioned maybe doing a lunch for the team next month, and she said that'd be fun.",
])
def test_a_meeting_meant_but_not_set_is_tentative(analyzer, text):
    assert _followup(analyzer, text).followup == "tentative"


@pytest.mark.parametrize("text", [
    "They're locked into a contract with their current vendor through next year.",
    "She said she'd mention it at their next meeting.",
    "He said call me back after the 15th, I'll know more then. I'll call him then.",
    "I'll send the quote and check back once a week.",
    "This is the 4th call this month and nobody picks up.",
])
def test_no_meeting_at_all_is_none(analyzer, text):
    assert _followup(analyzer, text).followup == "none"


def test_a_prospects_wish_is_not_a_hedge(analyzer):
    text = "She wants to see it working before she commits, so we set up a demo at her shop Tuesday the 14th at 9 am."
    assert _followup(analyzer, text).followup == "firm_in_person"
    hoped = "I want to get back in front of him Tuesday at 9 am, hopefully."
    assert _followup(analyzer, hoped).followup == "tentative"


def test_a_plain_firm_verdict_is_confident_and_a_doubtful_one_says_why(analyzer):
    assert _followup(analyzer, "We booked a sit-down at her office Tuesday at ten, it's on both calendars.") \
        .followup_unsure is None
    doubtful = _followup(analyzer, "We're meeting at her office Friday, time to be confirmed.")
    assert doubtful.followup == "tentative" and doubtful.followup_unsure
    # Vague talk of meeting is no firm meeting either way: the headline verdict is not in doubt.
    vague = _followup(analyzer, "We talked about meeting at her office, maybe, no date.")
    assert vague.followup == "tentative" and vague.followup_unsure is None
    # Two pieces short of firm (no time, no agreement) is a plain no, not one misreading from yes.
    short = _followup(analyzer, "Next step is a visit to her office on Friday.")
    assert short.followup == "tentative" and short.followup_unsure is None


@pytest.mark.parametrize(("date_text", "time_text", "expected"), [
    ("the fourteenth", "eight o'clock", "2026-12-14T08:00"),
    ("June nineteenth", "8:15 in the morning", "2027-06-19T08:15"),
    ("Friday", "9 am", "2026-11-27T09:00"),
    ("Tuesday", "half two", "2026-11-24T14:30"),
    ("Monday", "quarter past nine", "2026-11-30T09:15"),
    ("Thursday week", "at half ten", "2026-12-03T10:30"),
    ("a week from Tuesday", "at two", "2026-12-01T14:00"),
    ("the 3rd", "at half ten", "2026-12-03T10:30"),
    ("the twenty - second", "ten o'clock", "2026-12-22T10:00"),
    ("first Monday of next month", "at 10", "2026-12-07T10:00"),
    ("the last Friday in March", "at 9", "2027-03-26T09:00"),
    ("Saturday mornin'", "at 8", "2026-11-28T08:00"),
])
def test_days_and_times_in_words_and_digits_resolve(date_text, time_text, expected):
    assert resolve_when(date_text, time_text, BASE) == expected


def test_a_confirmation_still_to_come_is_not_yet_firm(analyzer):
    assert _followup(analyzer, "We'll meet at her place on the 12th at 4 pm, she said she'll text me to confirm.") \
        .followup == "tentative"
    assert _followup(analyzer, "Come by Saturday the 21st at 8, he said. I texted him to confirm and he sent "
                               "a thumbs up.").followup == "firm_in_person"


@pytest.mark.parametrize("text, value", [
    ("We booked a sit-down at the plant for Thursday at two. An hour ago she texted, could we do Friday at "
     "ten instead, and I said sure, she's confirmed.", "firm_in_person"),
    ("We set Thursday at four at the building. Then she texted, could we do Monday at noon instead. Later "
     "another text: Monday at noon will have to be a phone call. So it's a call, Monday at noon.", "firm_remote"),
    ("He said come by Monday at 8, and he wrote it on the calendar by the phone.", "firm_in_person"),
    ("The quote's only good through Friday, so he should get it in front of his boss fast.", "none"),
])
def test_revisions_and_deadlines(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    ("He came in on Tuesday at 10 and we went through the numbers.", "none"),
    ("The install is Tuesday at 8, the crew will be there.", "none"),
    ("He said the delivery comes Thursday at 6 am.", "none"),
    ("I asked if Tuesday at ten works at her office and she said she'd check with her husband.", "tentative"),
    ("So I'm going back next Tuesday at 7 in the morning with Eddie from install, he put it on the calendar.",
     "firm_in_person"),
])
def test_a_day_and_time_that_is_not_an_agreed_meeting(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text", [
    "She has to present to her board next month.",
    "The owner will sit down with his accountant next week to go over the budget.",
    "They will come back to us with questions.",
    "I'll need to catch up on my emails tonight.",
    "I'm going to grab lunch and head to the next one.",
    "When I came back from lunch she had already left.",
])
def test_everyday_meeting_words_used_for_something_else(analyzer, text):
    assert _followup(analyzer, text).followup == "none"


@pytest.mark.parametrize("text, value", [
    ("I booked my flight for Monday at 6 am.", "none"),
    ("We booked Tuesday at 10 at her office, then she called and cancelled, no new date.", "none"),
    ("She wants us to come in Thursday at 3 and I said I'd check my calendar.", "tentative"),
])
def test_flights_same_sentence_cancellations_and_the_reps_own_pending(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    ("so yeah we booked the site visit for the 14th at 9 am she put it on her calendar", "firm_in_person"),
    ("we're doing a zoom on friday at 10.30 and she sent the invite", "firm_remote"),
    ("she said maybe next week we could catch up but nothing booked", "tentative"),
])
def test_whisper_style_run_ons(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    # Whisper writes Microsoft Teams as "team's"; the rep's own team's call is no meeting mode.
    ("She agreed, and we set a team's call for Friday at 1-30.", "firm_remote"),
    ("It's our team's call on pricing, but we meet at her office Tuesday at 10, confirmed.", "firm_in_person"),
    # The place the rep left today is not where the next meeting is.
    ("Let's do a zoom with his partner, he said. Thursday the 4th at three, he sent the invite before I left "
     "the yard.", "firm_remote"),
    # An offer the prospect then answered with a day, a time and a yes.
    ("I offered to walk the plant with their engineer in person. Wednesday the 2nd at 9 at the plant, confirmed.",
     "firm_in_person"),
    ("I offered Wednesday the 2nd at 9 at the plant.", "tentative"),
])
def test_teams_heard_as_team_todays_place_and_an_answered_offer(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    # Whisper writes a clock time as bare digits beside its day, and hears Teams as "Teens"
    ("She's already sent me the invite, 745 Friday at the practice.", "firm_in_person"),
    ("We're on for Friday 7 45 at the yard, he confirmed.", "firm_in_person"),
    ("Collins accepted the invite, Teens Wednesday at 11.", "firm_remote"),
    ("We sold 745 units on Friday.", "none"),
    ("Her teens work the counter on Saturdays. We meet Friday at 10 at the shop, she confirmed.", "firm_in_person"),
])
def test_whisper_digit_times_and_teens(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


def test_a_whisper_digit_time_resolves_beside_its_day():
    assert resolve_when("Friday", "745 Friday", BASE) == "2026-11-27T07:45"


@pytest.mark.parametrize("text, value", [
    # Whisper dropped the full stop but kept the capital: the agreement is the prospect's own sentence.
    ("So I'll come back to the yard with the schedule Thursday at half past seven before his crew heads out "
     "He texted back sweet see you then", "firm_in_person"),
    # A booking made again is a plan; only "back in March" looks back.
    ("So we've booked me back in next Tuesday at three, after the lunch rush, in person.", "firm_in_person"),
    ("Back in March we met Tuesday at ten at his yard.", "none"),
    # Whisper's "walk through" and an ordinal in words beside its weekday.
    ("So we're doing a walk through Monday the second at 6 a.m., I'll meet her at the gate.", "firm_in_person"),
    # A street named by an ordinal is no day.
    ("She wants a survey at the 14th street building, so we set it for Thursday.", "tentative"),
])
def test_lost_sentence_breaks_bookings_again_and_ordinals(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    # The phone call she made on the spot booked the meeting; it is not the meeting.
    ("She rang him there and then, on speaker, and we've got Tuesday the 3rd at two on site.", "firm_in_person"),
    ("She said ring me Tuesday at 10 and we'll go through it.", "firm_remote"),
    # The last day and time said with a mode carry their own mode.
    ("We first booked a Zoom for Monday at 9, then she texted saying she'd rather I come in, so now it's at her "
     "office Monday at 9:30, in person.", "firm_in_person"),
    ("She wants a walkthrough in person, so we have a Zoom on Monday at 9 first, she accepted.", "firm_remote"),
    # Called off, with a rebooking still to come.
    ("We had it all set, Thursday at 2 at the Croydon site. But he's just messaged, he has to cancel, he'll be in "
     "touch to rebook.", "none"),
    ("He had to cancel Thursday, so we rebooked for Friday at 9 at the site, confirmed.", "firm_in_person"),
])
def test_a_call_made_today_a_revised_mode_and_a_cancellation(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, sentences", [
    ("Met him today at his office It's his company He owns it outright", 3),
    ("Gave him the rough numbers Then we set it up", 2),
    ("We met Dale from Smith And Sons and Mona Reyes at the yard on Thursday", 1),
    ("She said Thursday suits Mr Hill at the Brown Street office", 1),
])
def test_whisper_capitals_mark_the_sentence_breaks_it_did_not_write(analyzer, text, sentences):
    assert len(list(analyzer.nlp(text).sents)) == sentences


def test_the_day_after_a_contrasting_not_is_set_aside(analyzer):
    debrief = _followup(analyzer, "We're meeting at her office Tuesday at 10, not Monday, she confirmed.")
    assert (debrief.followup, debrief.followup_when) == ("firm_in_person", "Tuesday at 10")


@pytest.mark.parametrize("text, value", [
    # Whisper's commas inside a clock time, and a numeric date said aloud.
    ("She booked me in person with Mr. Villareal, Friday 2, 30 in the afternoon at their office, and sent the "
     "invite.", "firm_in_person"),
    ("She invited me to the board prep session. Five slash six at 9 a.m. at their HQ. Confirmed by email.",
     "firm_in_person"),
    ("We did 2, 30 and 40 units last quarter.", "none"),
])
def test_whisper_commas_in_a_time_and_a_spoken_slash_date(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


def test_a_spoken_slash_date_resolves():
    assert resolve_when("five slash six", "9 a.m.", BASE) == "2027-05-06T09:00"


@pytest.mark.parametrize("text, value", [
    # A clock time written as one token with a dot or colon, as British and Asian reps type it.
    ("We moved it to Tuesday 18 Feb, 3.30pm, in the biomed workshop. She sent the invite and I accepted.",
     "firm_in_person"),
    ("Working session at their campus office, Wednesday 5 March, 9.30am, booked and confirmed.", "firm_in_person"),
    # Hour and minutes joined by a hyphen.
    ("Her days are packed, so we're doing seven-thirty on Tuesday the 8th, her office. She put it in her calendar.",
     "firm_in_person"),
    ("The unit runs at 3.30 a day and she wants to think, nothing booked.", "none"),
])
def test_a_clock_time_in_one_token_and_a_hyphenated_hour(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    # A hedge about another matter after the plan does not hold the plan open.
    ("she wrote it into the diary behind the bar, thursday the 12th at 11. she also said her cousin has a pub "
     "that might be worth a call.", "firm_in_person"),
    # Ringing from the office is where the rep was; the Teams invite accepted says the mode.
    ("Rang her there and then from the office, and Gillian said Tuesday at 2 works for her. Morag sent a Teams "
     "invite and Gillian accepted it.", "firm_remote"),
])
def test_another_matter_after_the_plan_and_where_the_rep_rang_from(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value", [
    # Whisper writes the British 'half two' with a hyphen.
    ("We agreed I'll come back to her office on Thursday at half-two, she put it in her diary.", "firm_in_person"),
    # Typed notes shorten the weekday before a date or a time.
    ("Next steps: onsite workshop w/ Sam, Mon 9 June 8:30am, their depot. Cal invite sent and accepted.",
     "firm_in_person"),
    ("We went over the Mon to Fri delivery rota. She'll think about it.", "none"),
    # 'F/u call' is a follow-up call, so the meeting is remote.
    ("F/u call w/ Rachel Thu 4pm booked.", "firm_remote"),
    # An agreement told as done holds a plan the rep says in the future; the rep's own 'I'll book it' does not.
    ("So we fixed a meeting at the school on Thursday at 9am, she wrote it in her diary.", "firm_in_person"),
    ("I'll book it for Thursday at two at her office.", "tentative"),
])
def test_half_hyphen_two_weekdays_as_notes_shorten_them_and_a_follow_up_call(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


def test_a_shortened_weekday_resolves_to_its_date(analyzer):
    debrief = _followup(analyzer, "Onsite workshop Thurs 3pm at their depot, invite accepted.")
    assert debrief.followup_at is not None and datetime.fromisoformat(debrief.followup_at).weekday() == 3


@pytest.mark.parametrize("text, value", [
    # a firm plan changed to another day and mode replaces the first, though the day differs
    ("We set the follow-up for Thursday at 10 at her office. Scratch that, she's flying to Houston Thursday, so "
     "she wants to move it to Friday at 2, on Zoom instead. So Friday 2 p.m., Zoom. It's on her calendar.",
     "firm_remote"),
    # the 'no' of a no-show is today's meeting missed, not the next one
    ("parkside dental dr greer no show front desk apologized rebooked me friday 9am at the office she texted me "
     "herself to confirm", "firm_in_person"),
])
def test_a_plan_changed_and_a_no_show_rebooked(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, value, when", [
    # an hour said bare right after a weekday or a date, and not a count of something
    ("Acopio Los Tilos, met Nico. Thursday 11 at the plant, confirmed.", "firm_in_person", "Thursday 11"),
    ("Called him from the lot, he'd plain forgot. Rebooked Tuesday 10 at the shop, he agreed.", "firm_in_person",
     "Tuesday 10"),
    ("Monday the 14th, 8.30, in his office, Ms. Huong sent me a calendar invite.", "firm_in_person", None),
    ("She said call her Friday 2 weeks from now maybe.", "none", None),
])
def test_a_bare_hour_after_a_day(analyzer, text, value, when):
    debrief = _followup(analyzer, text)
    assert debrief.followup == value
    if when:
        assert debrief.followup_when == when


@pytest.mark.parametrize("text, value", [
    # Nigerian English's 'by' for 'at', and Whisper's hour and minutes apart
    ("They are both in on Saturday, so I will come back to the clinic on Saturday by 11, he said eleven is fine.",
     "firm_in_person"),
    ("he said I should come on Monday by 9 to measure the new branch with his son, and he'll meet us there.",
     "firm_in_person"),
    # a "no" that belongs to another noun does not undo the meeting set after it
    ("she had questions on the approval workflows no real objections we booked on site at their charlotte office "
     "thursday the 23rd at 10 30 she sent the invite while i was still sitting there", "firm_in_person"),
    ("We set no date, she'll call me when the budget is in.", "none"),
])
def test_by_the_hour_and_a_no_that_is_not_the_plans(analyzer, text, value):
    assert _followup(analyzer, text).followup == value


@pytest.mark.parametrize("text, when", [
    # an offer answered in the same sentence by the prospect's booking
    ("So I suggested coming back the first week after, and he booked it: Tuesday 3 June, quarter past two, same "
     "room at Strathpine.", "Tuesday 3 June"),
    # the parser cut '14th' from 'November'; a month after a day's number continues the date
    ("The trial is fixed for Thursday, 14th November, 10:00 AM, at their central kitchen. He sent me the invite.",
     "14th November"),
    # 'Dra.' no longer ends a sentence
    ("She checked Dra.'s calendar and gave me a slot: Monday, July 8, 4:00 PM, at the clinic. Dra. replied ok.",
     "July 8"),
])
def test_written_dates_and_offers_answered(analyzer, text, when):
    debrief = analyzer.analyze(Transcript.from_text(text))
    assert debrief.followup == "firm_in_person" and when in debrief.followup_when


def test_a_day_handed_to_the_rep_is_a_plan_though_told_in_the_past(analyzer):
    debrief = analyzer.analyze(Transcript.from_text(
        "She opened his diary and gave me Tuesday 11th by 10:30am, in his office at the hotel. I waited while she "
        "called him on intercom and he said ok."))
    assert debrief.followup == "firm_in_person"
    assert analyzer.analyze(Transcript.from_text("He gave a talk on Tuesday at 10 at the hall.")).followup == "none"


@pytest.mark.parametrize("text, value", [
    ("I said let's talk as soon as it's in, and he gave me a time, Monday the 20th at 11, by phone.", "firm_remote"),
    ("We set Tuesday at 10 at her office, she confirmed by phone.", "firm_in_person"),
])
def test_by_phone_is_how_they_will_talk_unless_it_carried_the_booking(analyzer, text, value):
    assert analyzer.analyze(Transcript.from_text(text)).followup == value


def test_the_reps_own_follow_up_by_phone_is_no_plan(analyzer):
    text = "ill send the revised number tomorrow and follow up friday by phone. didnt really dig into it."
    assert analyzer.analyze(Transcript.from_text(text)).followup == "none"
