"""The normaliser undoes the tricks scam comments use, and leaves ordinary text alone."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.normalize import Contact, normalize

ZWSP, ZWJ, SOFT_HYPHEN = "\u200b", "\u200d", "\u00ad"


@pytest.mark.parametrize(
    ("raw", "contact"),
    [
        ("write to LOVE_FIXER(@)EXAMPLE. COM today", Contact("email", "love_fixer@example.com")),
        ("email lovefixer at example dot com", Contact("email", "lovefixer@example.com")),
        ("lovefixer [at] example [dot] com", Contact("email", "lovefixer@example.com")),
        ("lovefixer {at} example (dot) com", Contact("email", "lovefixer@example.com")),
        ("lovefixer @example . com", Contact("email", "lovefixer@example.com")),
        ("lovefixer@ example com", Contact("email", "lovefixer@example.com")),
        ("lovefixer＠example．com", Contact("email", "lovefixer@example.com")),
        ("mail him: lovefixer@gmail", Contact("email", "lovefixer@gmail.com")),
        ("whatsapp +1 (202) 555-0143 now", Contact("phone", "+12025550143")),
        ("call +1-202-555-0143", Contact("phone", "+12025550143")),
        ("text 202.555.0143", Contact("phone", "2025550143")),
        ("call +44 7700 900123", Contact("phone", "+447700900123")),
        ("whatsapp +234 810 555 0123", Contact("phone", "+2348105550123")),
        (
            "call plus one two zero two five five five zero one four three",
            Contact("phone", "+12025550143"),
        ),
        ("call +1 two zero two 555 zero one four three", Contact("phone", "+12025550143")),
        ("number ２０２５５５０１４３", Contact("phone", "2025550143")),
        ("number ٢٠٢٥٥٥٠١٤٣", Contact("phone", "2025550143")),
        ("call +1 202 555 O143", Contact("phone", "+12025550143")),
        ("2 0 2 5 5 5 0 1 4 3 is his line", Contact("phone", "2025550143")),
        ("whatsapp him on +234 810\n555 0123 today", Contact("phone", "+2348105550123")),
        ("call +1 202 555\n0143", Contact("phone", "+12025550143")),
        ("see wa.me/12025550143", Contact("phone", "+12025550143")),
        ("join t.me/lovefixer", Contact("handle", "telegram:@lovefixer")),
        ("visit https://www.Example-Temple.org/help.", Contact("url", "example-temple.org/help")),
        ("visit example-temple.net", Contact("url", "example-temple.net")),
        ("go to spell-temple dot com", Contact("url", "spell-temple.com")),
        ("telegram: @love_fixer", Contact("handle", "telegram:@love_fixer")),
        ("follow ig @lovefixer.dr", Contact("handle", "instagram:@lovefixer.dr")),
    ],
)
def test_obfuscated_contacts_are_rebuilt(raw, contact):
    assert contact in normalize(raw).contacts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"sp{ZWSP}ell ca{ZWJ}ster", "spell caster"),
        (f"spell{SOFT_HYPHEN}caster", "spellcaster"),
        ("ѕреll саѕtеr", "spell caster"),  # Cyrillic lookalikes
        ("ΤΕSΤΙΜΟΝΥ", "testimony"),  # Greek capitals
        ("𝐬𝐩𝐞𝐥𝐥 𝓬𝓪𝓼𝓽𝓮𝓻", "spell caster"),  # mathematical letters
        ("ｓｐｅｌｌ", "spell"),  # fullwidth
        ("ᴅʀ ᴍᴀᴄᴋ", "dr mack"),  # small capitals
        ("sp3ll c4st3r", "spell caster"),  # leetspeak inside words
        ("s p e l l caster", "spell caster"),
        ("spéll çaster", "spell caster"),  # accents
        ("don’t", "don't"),
        ("Hello\t\tthere  \n\n\n friend", "hello there\nfriend"),
    ],
)
def test_disguised_words_are_folded(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "I called 988 and it helped",
        "we were together from 2019 to 2023, 4 years",
        "he owes me £4,350 and $1,200,000 is what the house cost",
        "TL;DR my ex came back after 3 weeks",
        "text HOME to 741741",
        "Samaritans: 116 123",
        "I'm 23 and she is 2nd year at uni, 48hrs since we talked",
        "I miss her.today I cried",
        "meet at 10.30 on 12/05",
        "years together:\n2019\n2020\n2021",
        "scores +1\n2\n3\n4\n5\n6\n7\n8\n9",
    ],
)
def test_ordinary_numbers_and_words_are_not_contacts(raw):
    result = normalize(raw)
    assert result.contacts == []
    assert result.text == raw.lower()


def test_helpline_with_full_number_is_a_phone_but_keeps_its_digits():
    result = normalize("Lifeline: call 1-800-273-8255 any time")
    assert result.contacts == [Contact("phone", "+18002738255")]
    assert "18002738255" in result.text


def test_link_with_at_sign_in_path_is_a_link_not_an_email():
    result = normalize("read https://medium.com/@writer/on-grief-123 please")
    assert [c.kind for c in result.contacts] == ["url"]


def test_redacted_text_replaces_contacts_with_kind_words():
    result = normalize("email me at fixer@example.com or call +1 202 555 0143 today")
    assert result.redacted == "email me at zzemail or call zzphone today"


def test_contacts_are_deduplicated_in_order():
    result = normalize("a@example.com, A@EXAMPLE.COM, a (at) example (dot) com")
    assert result.contacts == [Contact("email", "a@example.com")]


def test_original_string_is_left_untouched():
    original = "DR_X(@)EXAMPLE. COM"
    normalize(original)
    assert original == "DR_X(@)EXAMPLE. COM"


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]


# Pieces of the tricks above, so that generated text exercises the rewriting paths.
TRICKY = st.sampled_from(
    [*"abcdeilostx @.()[]-+_/:0123456789\n\t", ZWSP, "а", "ο", "٣", "２", "Ａ", "at", " dot ",
     "com", "gmail", "two ", "three ", "whatsapp", "plus ", "www.", "https://", "(at)", "[dot]",
     "telegram @", "l0v3", "s p e l l", ".com", "o1"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TRICKY, max_size=30).map("".join))
def test_normalize_is_idempotent_on_tricky_text(raw):
    once = normalize(raw)
    assert normalize(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_never_fails_and_is_idempotent_on_any_text(raw):
    once = normalize(raw)
    assert isinstance(once.text, str)
    assert normalize(once.text).text == once.text
