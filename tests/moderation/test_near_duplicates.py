"""Posts with the same wording are found whatever contact or name each one carries;
different posts that share the forum's everyday words are not."""

from moderation.near_duplicates import (
    BANDS,
    fingerprint,
    is_near_duplicate,
    shared_bands,
)

WAVE = """My husband left me for another woman and I was lost for two years. Then a friend
told me about {name}, a real and powerful spell caster. {name} cast a reunion spell for
me and in 48 hours my husband came back on his knees begging me to forgive him. If you
want your lover back contact {name} on WhatsApp {phone} or email {email}, {name} will
help you as he helped me. He can also cure herpes and help you win court cases."""

WAVE_POSTS = [
    WAVE.format(name="Dr Ogun", phone="+234 810 555 0101", email="drogun@example.com"),
    WAVE.format(name="Priest Alaba", phone="+1 (202) 555-0143", email="alaba.temple@example.org"),
    WAVE.format(name="Baba Ilesanmi", phone="+44 7700 900123", email="ilesanmi(at)example dot net"),
    WAVE.format(name="Dr Ogun", phone="2 3 4 8 1 0 5 5 5 0 1 9 9", email="ogun.help@example.com"),
]

GENUINE = [
    """My boyfriend of three years left me last month and I still can't eat or sleep.
    Every morning I wake up and for a second I forget, then it all comes back. I keep
    checking his Instagram even though I know I shouldn't. How long did it take you to
    stop wanting him back? I just want the pain to stop.""",
    """She left me two weeks ago for someone at her work and I can't stop thinking about
    her. I keep looking at our photos and I want her back so badly. My friends say to
    give it time but every day feels the same. Did anyone here get through this? How
    long did it take before you stopped checking her profile every morning?""",
    """It has been six months since he walked out and I still love him. Some days I
    think I'm fine and then a song comes on and I'm crying in the car again. My
    therapist says grief isn't linear. I want him back but I know he isn't good for me.
    How did you stop hoping he would come back?""",
]


def test_the_same_scam_with_a_new_number_and_name_each_time_is_one_wording():
    prints = [fingerprint(text) for text in WAVE_POSTS]
    assert all(len(p) == BANDS for p in prints)
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert is_near_duplicate(a, b), shared_bands(a, b)


def test_genuine_break_up_posts_sharing_common_words_are_not_near_duplicates():
    prints = [fingerprint(text) for text in GENUINE]
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert not is_near_duplicate(a, b), shared_bands(a, b)
        for scam in WAVE_POSTS:
            assert not is_near_duplicate(a, fingerprint(scam))


def test_a_rewritten_scam_is_not_the_same_wording():
    rewritten = """I was heartbroken when my wife left, then someone in a forum told me about
    a temple. The priest there did some rituals, she came back three days later and we are
    happy again. Email him at temple@example.com, he also cures diseases."""
    assert not is_near_duplicate(fingerprint(WAVE_POSTS[0]), fingerprint(rewritten))


def test_short_posts_get_no_fingerprint_and_match_nothing():
    short = fingerprint("I miss him so much.")
    assert short == []
    assert not is_near_duplicate(short, short)


def test_the_fingerprint_is_the_same_in_every_process():
    # Stored in the database and compared across workers: no per-process hash seed.
    assert fingerprint(WAVE_POSTS[0]) == fingerprint(WAVE_POSTS[0])
    assert fingerprint(WAVE_POSTS[0])[0] == fingerprint(WAVE_POSTS[0] + " ")[0]
    assert all(0 <= key < 2**63 for key in fingerprint(WAVE_POSTS[0]))
