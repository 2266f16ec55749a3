"""Issue 12: the spam and scam families a forum meets beyond spell casters.

For each family, a post of that family written for this test (not taken from the
corpus or the evaluation set) is held, and a genuine post that shares its words is
published. The real default screener runs: rules, normaliser and classifier.
"""

import pytest

HELD = {
    "html anchor with flattery": (
        "What a lovely, detailed write-up, I enjoyed every paragraph of it. "
        '<a href="https://www.fernhollowblinds.com/shop/">made to measure roller blinds</a>'
    ),
    "bbcode anchor": (
        "Great content, bookmarked! [url=https://quillmastersessays.net/]write my essay "
        "cheap[/url] for students on a deadline."
    ),
    "markdown anchor": (
        "Thanks for this helpful post, really appreciate it. Readers might like "
        "[affordable patio furniture](https://oakandpine-outdoor.shop/collections/sets)"
    ),
    "commercial prose without markup": (
        "Tidewell Plumbing is a Leeds based plumbing and heating company with twenty years "
        "of experience. We fix boilers, leaks and blocked drains at fair prices. Call us "
        "today for a free quote."
    ),
    "seo offer": (
        "Get 300+ high DA dofollow backlinks for your website and rank on page one in two "
        "weeks. Cheapest guest post service online."
    ),
    "betting in indonesian": (
        "Situs judi online terbaik, slot gacor maxwin hari ini, deposit pulsa tanpa potongan."
    ),
    "betting in thai": "สล็อตเว็บตรง ฝากถอนไม่มีขั้นต่ำ บาคาร่าออนไลน์ สมัครรับโบนัส",
    "casino in english": (
        "Claim 150 free spins and a 300% welcome bonus at the most trusted online casino, "
        "instant withdrawals guaranteed. https://spinharbour-casino.com"
    ),
    "loan offer": (
        "Are you in need of finance? We offer personal and business loans at 3% interest, "
        "no collateral. Email applications to westbrookcredit@mailbox.com"
    ),
    "blank atm card": (
        "I got my programmed blank ATM card last week and withdrew $2,000 a day, it works in "
        "any country. Order yours from quickcardplug@mailbox.com"
    ),
    "escort ad": (
        "Premium escorts in Manchester, in-call and out-call, real photos. Book now on "
        "WhatsApp +44 7700 900321"
    ),
    "crypto recovery hacker": (
        "After a fake exchange took my 4 BTC I was hopeless, until a blockchain recovery "
        "specialist traced my funds and recovered every coin in five days. Reach them at "
        "tracehaven@mailbox.com"
    ),
    "money ritual": (
        "Do you want to be rich? Join the secret brotherhood today and receive instant "
        "wealth, no human blood. Call the grand master +234 810 555 0199"
    ),
    "herbal cure": (
        "I had herpes for four years until Dr Ekanem's herbal medicine cured me completely. "
        "His email is ekanemroots@mailbox.com"
    ),
    "psychic number with odd separators": (
        "Powerful psychic and spiritual healer, I return lost lovers and stop divorces, "
        "results in 3 days. Call ((+27=455=501=2287))"
    ),
    "sales copy with no contact": (
        "We do black magic which can achieve anything you want. Return a lost lover in two "
        "days, guaranteed, binding love charms for every situation."
    ),
    "reconnection coaching": (
        "I'm a certified reconnection coach: 96% of my clients get their ex back or you pay "
        "nothing. Link in my profile."
    ),
    "sugar dating": (
        "Any sugar baby here? I'm a generous man and send $1,500 weekly allowance, just "
        "text me on Telegram, same username."
    ),
    "french spell ad": (
        "Grand marabout voyant, retour de l'être aimé en 48 heures, travail sérieux. "
        "WhatsApp +229 555 01 23 45"
    ),
    "spanish spell ad": (
        "Amarres de amor y endulzamientos garantizados, tu pareja regresa en 3 días. "
        "Escríbeme al +1 305 555 0147"
    ),
    "portuguese spell ad": (
        "Amarração amorosa em 24 horas, trago a pessoa amada de volta. Chame no WhatsApp "
        "+55 11 5555 0123"
    ),
    "spun page flattery with an anchor": (
        "A friend from work said I would love this site and she was spot on. I lost a whole "
        "evening reading your older entries, thank you!\n"
        '<a href="https://www.harbourlightdental.com/">Family dentistry</a>'
    ),
    "ukuthwala": (
        "Ukuthwala for wealth and protection, powerful sangoma from Limpopo, results in seven "
        "days. Call ((+27=700=900=123))"
    ),
    "herbal cure with no contact": (
        "Dr Ifeanyi's herbal roots cleared my herpes in three weeks, no more outbreaks. He is "
        "a gift from God."
    ),
    "recovery hackers found on google": (
        "I lost 2.3 BTC to a fake mining app. A recovery team called Cobalt Trace got it all "
        "back in four days, just look them up on Google."
    ),
    "black magic sales copy": (
        "Our temple does black magic and love magic that can achieve anything you desire, "
        "return a lost lover in three days."
    ),
    "essay mill": (
        "Struggling with your dissertation? Our UK writers do assignments, essays and online "
        "exams, any subject, any deadline, 100% plagiarism free."
    ),
    "repair service": (
        "Same-day washing machine and fridge repair in Leeds, all brands, engineers at your "
        "door in an hour. Call 0113 496 0000"
    ),
    "portuguese spell ad with no contact": (
        "Pai Oxalufã faz amarração amorosa forte, seu amor volta em 3 dias, resultado garantido."
    ),
}

PUBLISHED = {
    "shares an article with a markdown link": (
        "Thanks for sharing your story. This helped me after my divorce: "
        "[the NHS page on grief](https://www.nhs.uk/mental-health/) - go gently."
    ),
    "shares a helpline link": (
        "Please don't sit with this alone tonight. Samaritans are on 116 123 and there's a "
        "list of lines by country at https://findahelpline.com"
    ),
    "gambling after a break-up": (
        "Since she left I've been on online casino sites every night and lost most of my "
        "savings. I deleted the apps today. How do I stop wanting to go back?"
    ),
    "took out a loan": (
        "I had to take out a loan to pay my half of the rent after he moved out, and the "
        "interest is scary. Anyone been through this?"
    ),
    "crypto loss": (
        "My ex put our savings in crypto behind my back and lost it all. A 'recovery' "
        "account messaged me offering to get it back for a fee, I blocked it."
    ),
    "psychic regret": (
        "I paid a psychic $60 the week he left. She said he'd come back in spring. He "
        "didn't. I feel so stupid."
    ),
    "coaching scepticism": (
        "All these ex-back coaches promising a 95% success rate make me angry. My therapist "
        "said the only thing I control is me."
    ),
    "sugar daddy reported": (
        "Someone DMed me offering to be my sugar daddy after I posted here. Reported it. Gross."
    ),
    "where the ex is online": (
        "My ex blocked me on WhatsApp and Instagram. I searched her name on Google and found "
        "her new profile, and now I can't stop looking."
    ),
    "thanks for sharing": "Thanks for sharing this, it was really helpful to read tonight.",
    "french warning": (
        "Attention aux faux marabouts qui promettent le retour de l'être aimé, ma cousine a "
        "perdu 600 euros."
    ),
    "spanish heartbreak": (
        "Mi novio me dejó después de cinco años y no puedo dormir. ¿Cómo hicieron ustedes?"
    ),
    "portuguese warning": (
        "Não caiam nessas promessas de amarração amorosa, é golpe. Minha amiga perdeu dinheiro."
    ),
    "song list": "Songs for the bad nights: Fix You - Coldplay, Someone Like You - Adele",
    "study invitation": (
        "I'm a researcher at a university running an anonymous survey on how people cope "
        "after a break-up, ethics approved. Happy to answer questions here before anyone "
        "takes part."
    ),
    "news link shared to help": (
        "This news story explains how the 'spell caster' comments work and how people lost "
        "thousands: https://www.bbc.co.uk/news/uk-12345678 please read it before replying "
        "to any of them."
    ),
    "asks about a coach": (
        "My therapist suggested a breakup coach, but I'm wary of anyone who promises "
        "results. Has anyone here tried one?"
    ),
    "warns about a recovery hacker": (
        "Please ignore the reply above about a recovery hacker. My uncle paid one of those "
        "'trace your bitcoin' teams and lost another £3,000."
    ),
    "paid off a loan": (
        "I finally paid off the loan I took for the wedding that never happened. Weirdly emotional."
    ),
    "praises a thread": (
        "This thread is the most useful page I've found since she left. Thank you all, I "
        "read it every night."
    ),
    # Page-flattery spam says "reading" too; this reply was held (0.51) until the corpus
    # had posters thanking each other for reading.
    "thanks everyone for reading": "Thank you all for reading.",
    "says how long they have read here": (
        "I have been reading your posts for a while and they always help me."
    ),
}


@pytest.mark.parametrize("text", HELD.values(), ids=HELD.keys())
def test_a_post_of_each_family_is_held(screener, text):
    verdict = screener.screen(text)
    assert verdict.action == "hold", (verdict.score, verdict.reasons)


@pytest.mark.parametrize("text", PUBLISHED.values(), ids=PUBLISHED.keys())
def test_a_genuine_post_sharing_its_words_is_published(screener, text):
    verdict = screener.screen(text)
    assert verdict.action == "publish", (verdict.score, verdict.reasons)
