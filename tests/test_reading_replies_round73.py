"""Round 73 (twelfth stop): real tune posts the blind reviewers stopped, as general rules.

One error is not a pattern: a thing is called "unreliable", or said to "keep" failing, only when the post says
the fault comes back. Points that expired or a scheme the brand changed are not points that failed to arrive:
no "we'll add the missing Miles". A customer who is selling ("whenever I try to sell it the game freezes") asks
for nothing to be taken down.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import _POINTS_CHANGED, _RECURRING


@pytest.mark.parametrize(("text", "recurring"), [
    ("my wifi keeps dropping", True), ("the app crashed again", True), ("it freezes every time I open it", True),
    ("third time this week", True), ("it's still not working", True), ("logged out 5 times today", True),
    ("crashes constantly", True), ("goes off every evening", True),
    ("i got error code WS-37368 and i have no idea why", False), ("my phone won't turn on", False),
    ("the app crashed when I paid", False), ("thanks again for the help", False),
    ("please respond so i can play again", False), ("it's down again", True), ("delayed again!!", True),
])
def test_recurring_means_the_fault_comes_back(text: str, recurring: bool) -> None:
    assert (_RECURRING.search(text) is not None) is recurring


@pytest.mark.parametrize("bank", ["loopwork", "base", "crumb-and-co"])
def test_one_error_is_not_called_unreliable(bank: str) -> None:
    text = "i got error code WS-37368-7 and i have no idea why or how i got it. Please respond so i can play again."
    for d in drafts(bank, text, seeds=range(12)):
        assert "unreliable" not in d.text and "keeps failing" not in d.text, d.text


@pytest.mark.parametrize(("text", "changed"), [
    ("my 30,000 points just expired without any warning", True), ("you devalued the miles again", True),
    ("your new rewards scheme is a joke", True), ("40% more points for the same seat", True),
    ("my miles from the Lisbon flight never showed up", False), ("how do I earn points on hotel stays?", False),
    ("my passport expires in May, can I still fly?", True),
])
def test_points_changed_reads_a_loss_or_a_change_not_a_missing_credit(text: str, changed: bool) -> None:
    assert (_POINTS_CHANGED.search(text) is not None) is changed


@pytest.mark.parametrize(("bank", "text"), [
    ("northwind-air", "my 30,000 points just expired without any warning email. 8 years a member @NorthwindAir"),
    ("northwind-air", "@NorthwindAir you devalued the miles again?? 40% more points for the same seat. loyalty means "
                      "nothing"),
    ("base", "my reward points expired overnight, nobody told me. 6 years shopping with you"),
])
def test_expired_or_devalued_points_are_not_chased_as_missing(bank: str, text: str) -> None:
    assert read(text).category == "loyalty"
    for d in drafts(bank, text, seeds=range(12)):
        low = d.text.lower()
        assert "missing" not in low and "claim" not in low and "credited" not in low, d.text
        assert "shown up" not in low and "add what's due" not in low, d.text


def test_missing_miles_still_get_the_missing_miles_lines() -> None:
    text = "the miles from my Lisbon flight last month still haven't shown up on my account @NorthwindAir"
    texts = " ".join(d.text.lower() for d in drafts("northwind-air", text, seeds=range(12)))
    assert "miles" in texts and ("missing" in texts or "claim" in texts or "add" in texts), texts


def test_a_customer_selling_in_game_asks_for_no_takedown() -> None:
    text = ("I have 100/100 materials and I am unable to sell it. Whenever I try to sell it my game will just give "
            "me an infinite loading screen. I have restarted my game multiple times. Please help")
    reading = read(text)
    assert "remove" not in reading.asks, reading.reasons
    assert any(r.startswith("asks: not remove") for r in reading.reasons), reading.reasons
    for d in drafts("loopwork", text, seeds=range(8)):
        assert "colleagues who check these" not in d.text and "reports like yours" not in d.text, d.text


@pytest.mark.parametrize("text", ["people are trying to sell fake tickets on your site, take them down",
                                  "report this seller, they're selling counterfeit trainers"])
def test_a_report_of_someone_else_selling_keeps_the_takedown(text: str) -> None:
    assert "remove" in read(text).asks
