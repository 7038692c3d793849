"""Posts for the golden drafts: one per situation, written for the tests (not real customers)."""

from __future__ import annotations

POSTS: dict[str, dict[str, str]] = {
    "late_delivery": {"text": "Order #58213 was due Monday and still hasn't arrived. Where is it??",
                      "name": "Dana Kim"},
    "wrong_item": {"text": "Opened my parcel and it's the wrong item, I ordered a blue kettle and got a toaster",
                   "name": "Lee"},
    "billing_error": {"text": "I've been charged twice for the same payment this morning. Not happy.",
                      "name": "Sam Okafor"},
    "refund_status": {"text": "Still waiting on my refund after 3 weeks, when will I get my money back?"},
    "account_access": {"text": "Locked out of my account again, password reset email never arrives",
                       "name": "Priya"},
    "service_outage": {"text": "Is your site down? Nothing loads and it's been an hour"},
    "app_bug": {"text": "The app crashes every time I open my basket on iPhone. Please fix", "name": "Alex"},
    "flight_disruption": {"text": "Flight NW482 cancelled with no explanation and we're stuck at the gate",
                          "name": "Morgan Lee"},
    "lost_baggage": {"text": "My suitcase didn't arrive in Leeds and nobody at the desk can tell me anything"},
    "rude_staff": {"text": "The staff member at your Leeds branch was so rude to my elderly mum today"},
    "product_defect": {"text": "My new kettle sparks when I switch it on, that's dangerous"},
    "cancellation_request": {"text": "How do I cancel my subscription? I want to close it this month",
                             "name": "Jo"},
    "general_question": {"text": "Do you ship to Ireland, and how long does it take?"},
    "praise": {"text": "Huge thanks to your team, the crew were wonderful today and so kind to my kids",
               "name": "Rita"},
    "abuse": {"text": "you are all useless idiots and scum, go to hell"},
    "spam": {"text": "FOLLOW ME for free crypto giveaway!!! click bit.ly/free-btc now"},
    "general": {"text": "hey, quick one"},
    "pii": {"text": "My card was charged twice, my email is dana.kim@example.com and phone 07700 900123",
            "name": "Dana Kim"},
}
