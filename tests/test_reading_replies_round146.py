"""Round 146 (twenty-first stop): what 240 more written sector tune posts had stopped.

- "If anyone needs an ambulance, call 999 now" to a parent already waiting for the ambulance.
- A member of shop staff following a customer home: "DM us the order number, when it came".
- A branch closing, a travel credit lost to an expiry date and a whole town without signal got general lines
  ("let's see if it's local to you", "sorry the offer wasn't applied at checkout").
- "Jade ... deserves a raise", "your advisor Helen", "tech Luis": colleagues named without a thanks word or with a
  role the reading did not know, so the praise was never passed on by name.
- A fraud report from a customer whose bank's phone line "has a 40 minute wait" was told to call.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("help_coming", "she's had her epipen and we're waiting for the ambulance", True),
    ("help_coming", "we're in A&E now", True),
    ("help_coming", "she's having an allergic reaction", False),
    ("branch_closing", "closing my local branch means a 2 hour round trip for anyone who can't use an app", True),
    ("branch_closing", "the Kendal branch is closing next month and my dad doesn't do apps", True),
    ("branch_closing", "the branch staff were lovely", False),
    ("branch_closing", "closed the Jericho branch 40 minutes early again today. the sign says 6pm", False),
    ("credit_expired", "my travel credit from the 2023 cancellation expired yesterday", True),
    ("credit_expired", "the promo code says expired at checkout", False),
    ("credit_expired", "my '3 months free' voucher code says expired. I got the email YESTERDAY", False),
    ("credit_expired", "they want to give me a travel credit that expires in 6 months instead of a refund", False),
    ("area_wide", "NO SIGNAL IN THE WHOLE OF TOWNEND SINCE FRIDAY", True),
    ("area_wide", "no LTE anywhere across town, whole office is on Juno", True),
    ("area_wide", "my broadband keeps dropping", False),
    ("area_wide", "missed the whole of Bake Off, the box won't record", False),
    ("area_wide", "seatbelt sign stayed on for the whole of LJ 317", False),
    ("on_hold", "freeze it please, your fraud line has a 40 minute wait", True),
])
def test_round146_post_conditions(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_no_999_when_the_ambulance_is_already_coming() -> None:
    text = ("@SliceSociety I told them TWICE my daughter has a nut allergy, it's on the order. pesto with pine nuts on "
            "her pizza. she's had her epipen and we're waiting for the ambulance")
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "call 999 now" not in draft.text, draft.text


def test_staff_following_a_customer_home_from_a_shop_is_not_asked_for_an_order() -> None:
    text = ("@CornerCartUK a member of staff at your Peckham Rye shop has been following me home after my evening "
            "shop, three times now. I've changed my route and he still turned up. I'm scared to go back in")
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "order number" not in draft.text, draft.text


@pytest.mark.parametrize(("bank", "text", "want"), [
    ("harbour-bank", "@AshfordBank closing my local branch means a 2 hour round trip for anyone who can't use an app. "
     "shameful", "branch_closing"),
    ("northwind-air", "my travel credit from the 2023 cancellation \"expired\" yesterday. nobody ever told me there "
     "was an expiry date. £318 gone just like that @CorviaAir", "credit_expired"),
    ("tidewave", "NO SIGNAL IN THE WHOLE OF TOWNEND SINCE FRIDAY @ZephMobile. CAN'T CALL 999 IF I NEEDED TO. SORT IT",
     "area_wide"),
])
def test_what_is_at_stake_has_lines_of_its_own(bank: str, text: str, want: str) -> None:
    for draft in drafts(bank, text, range(1, 4)):
        assert any(want in i for i in _ids(draft)), (draft.text, _ids(draft))


@pytest.mark.parametrize(("text", "name"), [
    ("Jade at Loomwell Cheltenham spent 40 minutes helping my mum find a dress for my wedding. Jade deserves a raise",
     "Jade"),
    ("@SterlingVale mortgage approved today after your advisor Helen stuck with us through 3 months of paperwork",
     "Helen"),
    ("Shout out to @CrestlineCares tech Luis who came out on a Sunday to fix our internet", "Luis"),
])
def test_a_colleague_named_by_role_or_deed_is_found(text: str, name: str) -> None:
    assert read(text).details.staff == name


def test_a_fraud_report_with_a_long_phone_wait_is_not_sent_to_the_phone() -> None:
    text = ("@AshfordBank 3 card payments I didn't make this morning. your fraud line has a 40 minute wait. can you "
            "freeze my card")
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "call the" not in draft.text.lower(), draft.text


def test_a_fault_across_a_whole_area_gets_no_home_steps() -> None:
    text = ("@HollinBB is there an outage in Bristol? whole street is down, the neighbours are all outside comparing "
            "routers")
    for draft in drafts("tidewave", text, range(1, 4)):
        assert draft.answer is None and "Switch your Hub off" not in draft.text, draft.text
        assert draft.text.count("Sorry") + draft.text.count("sorry") <= 1, draft.text


def test_a_till_charge_was_not_spotted_on_a_statement() -> None:
    text = ("@PantryAndCo price on the shelf said £2.50, charged £3.75 at the till for the same cheese. happened 3 "
            "times in a month at this store")
    for draft in drafts("parcelpop", text):
        assert "statement" not in draft.text, draft.text
