"""Round 207 (thirty-fourth stop): what round 207's reviewers stopped (254 fresh posts by writers qe-qh).

A train manager who "had it handled... found a doctor on board... kept everyone calm" and a stolen card "frozen and a
new one ordered in about 6 mins" met with emergency scripts; a child hurt by a shelf, "staff were lovely but nobody
took an incident report and we're now at the GP", thanked; "oh cool another outage. love the commitment to
consistency" thanked; a money-flipping tout answered as a fraud victim.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


@pytest.mark.parametrize(("text", "bank"), [
    ("Massive shout out to Dev the train manager on the 07:30ish Lincoln to Kings Cross this morning @LNER. Lady in "
     "coach C collapsed just after Newark and he had it handled before most of us had looked up from our phones, found "
     "a doctor on board, paramedics waiting at Peterborough, kept everyone calm", "northline-rail"),
])
def test_a_colleague_who_handled_an_emergency_is_thanked(text: str, bank: str) -> None:
    assert read(text).intent == "praise"
    for draft in drafts(bank, text, range(1, 3)):
        assert "999" not in draft.text


def test_a_child_still_at_the_gp_is_no_thanks() -> None:
    text = ("@KmartAus a shelving bay in the toy aisle at Blacktown tipped forward when my son (4) pulled a box off "
            "the bottom shelf. it caught his arm. staff were lovely but nobody took an incident report and we're now "
            "at the GP with a massive bruise and swelling. I need someone to call me please")
    assert read(text).intent != "praise"
    # thanks for a colleague who came to see the family at the hospital stays thanks
    thanks = ("@HiltonHelp want to say a massive thank you to Ricardo on the front desk at Hilton Brisbane. my son "
              "had a reaction to something at dinner and Ricardo called the ambulance, kept everyone calm and came to "
              "check on us at the hospital. legend")
    assert read(thanks).intent == "praise"


def test_sarcasm_at_another_outage_is_a_complaint() -> None:
    assert read("oh cool @Optus another outage. love the commitment to consistency 👍").intent == "complaint"


def test_a_money_flipping_tout_is_spam() -> None:
    text = ("@CashApp @CashSupport I flipped $200 into $2,000 in 30 minutes 💵💵 real legit no scam DM me your "
            "$cashtag and I'll show u how. only taking 5 people today")
    assert read(text).intent == "spam"
