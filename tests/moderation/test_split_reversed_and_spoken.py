"""Issue 12, evasions left over: contacts split in two or written backwards, spoken
numbers ("double five", "triple seven", "oh"), vanity numbers, profile links, and
numbers whose country the text does not say. Each is rebuilt by the normaliser; each
genuine post of the same shape stays free of contacts."""

import pytest

from moderation.helplines import Helpline, HelplineList
from moderation.normalize import normalize
from moderation.screener import Screener, default_screener


def _contacts(text: str) -> list[str]:
    normalized = normalize(text)
    assert normalize(normalized.text).text == normalized.text  # stable when repeated
    return [str(contact) for contact in normalized.contacts]


REBUILT = {
    "number in two parts": (
        "my number is 0803 ... (first part) and then 555 0134 (the rest), text me",
        "phone:08035550134",
    ),
    "number then the rest": ("his line: 0810 555 then 0131 is the rest", "phone:08105550131"),
    "international number in two parts": (
        "whatsapp +234 810 and the rest is 555 0131",
        "phone:+2348105550131",
    ),
    "slashes between groups": ("whats app + 234 / 810 / 555 / 0131", "phone:+2348105550131"),
    "address written backwards": ("write to moc.liamg@xrd for his help", "email:drx@gmail.com"),
    "address over five lines": ("mail him\ndrx\nat\ngmail\ndot\ncom", "email:drx@gmail.com"),
    "double and triple": (
        "call him on double five five, triple seven, oh one two three four",
        "phone:55577701234",
    ),
    "oh for zero with plus": (
        "plus four four seven nine one one, one two three four five six",
        "phone:+447911123456",
    ),
    "one eight hundred": (
        "call one eight hundred two seven three eight two five five",
        "phone:+18002738255",
    ),
    "vanity number": ("call 1-800-273-TALK", "phone:+18002738255"),
    "vanity number with spaces": ("call 1 800 799 SAFE", "phone:+18007997233"),
    "australian vanity number": ("ring 1800RESPECT", "phone:1800737732"),
    "instagram profile": ("add me: instagram.com/sunny_jay", "handle:instagram:@sunny_jay"),
    "facebook profile": (
        "https://www.facebook.com/sunny.jay.77/ is me",
        "handle:facebook:@sunny.jay.77",
    ),
    "facebook profile id": (
        "https://m.facebook.com/profile.php?id=100012345678",
        "handle:facebook:@100012345678",
    ),
    "telegram link": ("join t.me/love_fixer now", "handle:telegram:@love_fixer"),
    "tiktok profile": ("tiktok.com/@dancer_sunny", "handle:tiktok:@dancer_sunny"),
    "snapchat add link": ("https://www.snapchat.com/add/sunnyj", "handle:snapchat:@sunnyj"),
    "whatsapp link": ("https://wa.me/447911123456?text=hi", "phone:+447911123456"),
}


@pytest.mark.parametrize(("written", "contact"), REBUILT.values(), ids=REBUILT.keys())
def test_a_disguised_contact_is_rebuilt(written, contact):
    assert contact in _contacts(written)


GENUINE = {
    "times": "we met at 0830 and then 1045 we were still talking",
    "years": "I met him in 2019 and then 2020 came and everything stopped",
    "a helpline then 999": "call 0800 1111 and then 116 123 if you need to",
    "a year in capitals": "IN 1800 PEOPLE WROTE LETTERS, now we text",
    "double and triple as words": "I worked a double shift and ate triple chocolate cake",
    "oh as a word": "oh one more thing, two years on I still miss her",
    "hundreds": "two hundred days, three hundred nights",
    "find me at a site": "you can find me at example.com reading every night",
    "a post on instagram": "this reel helped me: instagram.com/reel/cx12ab9",
    "a facebook group": "the support group facebook.com/groups/123456 is kind",
}


@pytest.mark.parametrize("text", GENUINE.values(), ids=GENUINE.keys())
def test_genuine_text_of_the_same_shape_gives_no_personal_contact(text):
    assert not [c for c in _contacts(text) if c.split(":")[0] in ("phone", "email", "handle")]


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("07700 900123", "07700900123"),  # British, and a valid Indian mobile number too
        ("0803 555 0134", "08035550134"),  # Nigerian, and valid in India too
        ("(202) 555-0143", "2025550143"),  # American, Canadian, or Nigerian
    ],
)
def test_a_number_without_its_country_code_is_not_given_one(written, digits):
    assert _contacts(f"text me on {written}") == [f"phone:{digits}"]


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("+44 7700 900123", "+447700900123"),
        ("0044 7911 123456", "+447911123456"),
        ("2348105550131", "+2348105550131"),  # a country code, though no "+"
    ],
)
def test_a_number_that_says_its_country_is_read_in_it(written, e164):
    assert _contacts(f"text me on {written}") == [f"phone:{e164}"]


def test_the_safety_hold_lists_the_number_as_the_author_wrote_it():
    verdict = default_screener().screen(
        "I'm in Leeds too and it gets lonely. Call me on 07700 900123 if you want to talk."
    )
    assert (verdict.action, verdict.hold_kind) == ("hold", "safety")
    assert verdict.personal_contacts == ["phone:07700900123"]
    assert verdict.personal_written == ["phone:07700 900123"]


def test_a_stranger_giving_a_profile_link_is_held_for_safety():
    verdict = default_screener().screen(
        "You sound lovely and I'd like to know you better. Add me on "
        "instagram.com/sunny_jay or message me wa.me/447911123456 x"
    )
    assert verdict.action == "hold"
    assert set(verdict.personal_contacts) == {
        "handle:instagram:@sunny_jay",
        "phone:+447911123456",
    }
    if verdict.hold_kind == "safety":
        assert set(verdict.personal_written) == {
            "handle:instagram.com/sunny_jay",
            "phone:wa.me/447911123456",
        }


def test_a_warning_masks_a_quoted_whatsapp_link_whole():
    text = (
        "Warning: a 'Dr Ozil' messaged me from https://wa.me/2348105550199 and t.me/ozil_temple "
        "promising to bring my ex back. It is a scam, he took my money. Do not contact him."
    )
    verdict = default_screener().screen(text)
    assert verdict.action == "publish", verdict
    assert sorted(verdict.masks) == ["https://wa.me/2348105550199", "t.me/ozil_temple"]


def test_a_helpline_listed_by_its_vanity_number_covers_every_spelling():
    # An admin may list a line as it advertises itself.
    listed = HelplineList((Helpline("Talk line", "US", numbers=("1-800-273-TALK",)),))
    screener = Screener(helplines=listed)
    for text in (
        "the talk line 1 800 273 8255 helped me",
        "call 1-800-273-TALK, it helped me",
        "call one eight hundred two seven three eight two five five, it helped me",
    ):
        verdict = screener.screen(text)
        assert verdict.action == "publish" and not verdict.personal_contacts, text
