"""A tester's report: Markdown emphasis or list markers between the pieces of a contact,
and the letter O for zero in digit groups, hid the contact from screening while readers
still read it. The normaliser reads the markers as nothing, a number continued over
list items as one, and O as 0 in a run that is mostly digits; words and genuine lists
of figures stay as written."""

import pytest

from moderation.normalize import normalize

READ = {
    "emphasis": ("text me on +44 7700 *900* 456", "phone:+447700900456"),
    "strong": ("+234 803 **555** 1234", "phone:+2348035551234"),
    "underscores": ("text me on +44 7700 _900_ 456", "phone:+447700900456"),
    "strikethrough": ("call ~~0803~~ 555 1234", "phone:08035551234"),
    "inside a group": ("+44 7700 9*00* 456", "phone:+447700900456"),
    "strong around the at": ("sam.jones**@**gmail.com", "email:sam.jones@gmail.com"),
    "strong name before the at": ("**sam.jones**@gmail.com", "email:sam.jones@gmail.com"),
    "emphasised host": ("sam.jones@*gmail*.com", "email:sam.jones@gmail.com"),
    "bullets": ("text me on\n- 07700\n- 900 456", "phone:07700900456"),
    "bullets then words": ("text me on\n- 07700\n- 900 456 if you want", "phone:07700900456"),
    "numbered items": ("call 07700\n1. 900\n2. 456", "phone:07700900456"),
    "bullets in a quote": ("text me on\n> - 07700\n> - 900 456", "phone:07700900456"),
    "O for zero": ("text me on O77OO 9OO 456", "phone:07700900456"),
}


@pytest.mark.parametrize(("written", "contact"), READ.values(), ids=READ.keys())
def test_a_contact_split_by_formatting_is_read(written, contact):
    normalized = normalize(written)
    assert contact in [str(found) for found in normalized.contacts]
    assert normalize(normalized.text).text == normalized.text  # stable when repeated


UNCHANGED = {
    "a list of years": "the worst years:\n- 2019\n- 2020\n- 2021",
    "a short list": "things that help:\n- 1 walk\n- 2 friends\n- 3 sleep",
    "a blanked-out address": "the email came from j***@gmail.com",
    "an underscore in an address": "her old address sam_jones@gmail.com",
    "words with o": "my son is 10 and too old for 2 of them, so good",
    "emphasised sums": "I owe *300* and she owes *250*",
}


@pytest.mark.parametrize("text", UNCHANGED.values(), ids=UNCHANGED.keys())
def test_genuine_text_keeps_its_shape(text):
    before = {str(c) for c in normalize(text).contacts}
    assert not any(c.startswith("phone:") for c in before)
    if "@" in text:
        assert "email:j@gmail.com" not in before
        assert "@" in normalize(text).text


def test_a_long_list_of_figures_is_not_one_number():
    text = "my days:\n" + "\n".join(f"- 0{i % 10}" for i in range(2000))
    phones = [c for c in normalize(text).contacts if c.kind == "phone"]
    # At most a handful of items read as a number each time, never the whole list.
    assert all(len(str(phone)) <= len("phone:") + 16 for phone in phones)
