"""Compose Mend's bundled labelled training corpus (train.csv / test.csv).

Every word below was written by hand for this project; nothing is copied from
any dataset, website or real post. All names, e-mail addresses, phone numbers,
handles and domains in the spam fragments are invented (phones use the
fictional +1 ... 555-01xx, +44 7700 900xxx and +234 810 555 xxxx ranges).

How the split stays honest
--------------------------
* Every fragment pool with five or more entries is cut in two by position:
  entries at index i with i % 5 == 2 are TEST-ONLY, all others are TRAIN-ONLY.
  Train posts are composed only from train fragments, test posts only from test
  fragments (pools with fewer than five entries are shared glue).
* Some whole families exist only in test (see TEST_ONLY_FAMILIES).
* Hand-written whole posts are split the same way (index % 5 == 2 -> test).
* Exact duplicates are rejected within and across the two files.

Run:  python tools/compose_corpus.py
Deterministic: fixed seeds, stdlib only; regenerates both CSVs byte for byte.
"""

import csv
import os
import random
import re

SEED = 4172
# The package data the default classifier is trained on, beside this tools/ folder.
DATA_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "moderation", "data"
)
HOLD = 2  # index % 5 == HOLD -> test-only fragment


class Ctx:
    """Random source plus the train/test view of every fragment pool."""

    def __init__(self, mode, seed):
        self.mode = mode
        self.rng = random.Random(seed)

    def pool(self, lst):
        if len(lst) < 5:
            return lst
        if self.mode == "test":
            return [x for i, x in enumerate(lst) if i % 5 == HOLD]
        return [x for i, x in enumerate(lst) if i % 5 != HOLD]

    def pick(self, lst):
        return self.rng.choice(self.pool(lst))

    def pick_shared(self, lst):
        """Surface formats (obfuscation styles, digits) are shared by both splits."""
        return self.rng.choice(lst)

    def sample(self, lst, k):
        p = self.pool(lst)
        return self.rng.sample(p, min(k, len(p)))

    def chance(self, p):
        return self.rng.random() < p

    def randint(self, a, b):
        return self.rng.randint(a, b)


class Fill(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fmt(text, slots):
    return text.format_map(Fill(slots))


# ---------------------------------------------------------------------------
# People and pronouns (shared by both labels)
# ---------------------------------------------------------------------------

MALE_PARTNER = [
    "boyfriend",
    "husband",
    "fiancé",
    "partner",
    "ex",
    "bf",
    "ex boyfriend",
    "ex husband",
    "man",
    "boyfriend",
    "husband",
    "partner",
]
FEMALE_PARTNER = [
    "girlfriend",
    "wife",
    "fiancée",
    "partner",
    "ex",
    "gf",
    "ex girlfriend",
    "ex wife",
    "girl",
    "girlfriend",
    "wife",
    "partner",
]
MALE_NAMES = [
    "Daniel",
    "Marcus",
    "Tom",
    "Jamal",
    "Luis",
    "Ben",
    "Kwame",
    "Ryan",
    "Eoin",
    "Arjun",
    "Mateo",
    "Chris",
    "Nate",
    "Oliver",
    "Sam",
    "Tariq",
    "Jonah",
    "Pieter",
    "Andre",
    "Callum",
    "Hiro",
    "Dev",
    "Rafael",
    "Lewis",
    "Elliot",
]
FEMALE_NAMES = [
    "Sofia",
    "Emma",
    "Aisha",
    "Hannah",
    "Priya",
    "Chloe",
    "Maya",
    "Leah",
    "Niamh",
    "Rosa",
    "Jess",
    "Amara",
    "Kate",
    "Ines",
    "Yuki",
    "Lena",
    "Tasha",
    "Beth",
    "Grace",
    "Marta",
    "Zoe",
    "Olivia",
    "Freya",
    "Dana",
    "Carmen",
]
DURATIONS = [
    "two years",
    "5 years",
    "six years",
    "8 months",
    "three years",
    "11 years",
    "4 yrs",
    "ten years",
    "18 months",
    "seven years",
    "a year and a half",
    "nine years",
    "2 years",
    "fifteen years",
    "14 months",
]
SINCE = [
    "three weeks ago",
    "last month",
    "two months ago",
    "on Sunday",
    "in March",
    "five weeks ago",
    "yesterday",
    "about 40 days ago",
    "right before Christmas",
    "last Friday",
    "in the summer",
    "10 days ago",
    "six months ago",
    "this morning",
]


def person_slots(ctx):
    if ctx.chance(0.55):
        s = {
            "he": "he",
            "him": "him",
            "his": "his",
            "He": "He",
            "His": "His",
            "partner": ctx.pick(MALE_PARTNER),
            "exname": ctx.pick(MALE_NAMES),
            "man": "man",
        }
    else:
        s = {
            "he": "she",
            "him": "her",
            "his": "her",
            "He": "She",
            "His": "Her",
            "partner": ctx.pick(FEMALE_PARTNER),
            "exname": ctx.pick(FEMALE_NAMES),
            "man": "woman",
        }
    s["dur"] = ctx.pick(DURATIONS)
    s["since"] = ctx.pick(SINCE)
    s["days"] = str(ctx.randint(3, 90))
    return s


# ---------------------------------------------------------------------------
# Heartbreak sentences: used by genuine stories AND by scam testimonials, whose
# first lines read exactly like a real post.
# ---------------------------------------------------------------------------

HEARTBREAK = [
    "My {partner} of {dur} left me {since} and I have not stopped crying since.",
    "{He} said {he} needed space, packed a bag and moved in with {his} brother.",
    "We were together since college and I really thought we would get married this year.",
    "{He} told me {he} didn't love me anymore, right after we signed the lease on our new flat.",
    "I found messages on {his} phone from someone at {his} work.",
    "My {partner} walked out on me and our two kids after {dur} together.",
    "We broke up {since} and I still sleep on my side of the bed like {he} is coming back.",
    "{He} blocked me everywhere, Instagram, WhatsApp, even my email.",
    "I begged {him} to stay and {he} just looked at me like a stranger.",
    "Everyone keeps telling me to move on but I can't, I just can't.",
    "{He} moved on so fast, there's already someone new in {his} photos.",
    "We were engaged and {he} gave the ring back over text.",
    "I made mistakes, I know I pushed {him} away, and I would do anything to fix it.",
    "I haven't eaten properly in days and I can't focus at work.",
    "Our anniversary was last week and {he} didn't even text.",
    "My {partner} asked for a divorce out of nowhere, says {he} has been unhappy for years.",
    "{He} said I was too much and that {he} needed to find {him}self.",
    "I've been checking {his} profile every hour hoping to see something that means {he} misses me.",
    "We had a stupid fight about money and {he} left that night and never came back.",
    "I thought we were soulmates, we had names picked out for our kids.",
    "It's been {days} days and it still feels like the first one.",
    "{He} came back after two weeks, promised {he} had changed, then left again.",
    "I was cheated on by the person I gave everything to.",
    "{He} left me for my best friend and I lost both of them at once.",
    "Long distance was hard but I never thought {he} would just stop answering.",
    "My {partner} ended things on my birthday, of all days.",
    "I moved to another country for {him} and now I'm alone here.",
    "{He} ghosted me after seven months, no explanation, nothing.",
    "We have a daughter together and seeing {him} at pick-up breaks me every time.",
    "I keep replaying our last conversation and thinking of what I should have said.",
    "I was the one who ended it and now I regret it every single day.",
    "Every song on the radio reminds me of {him}.",
    "My friends are tired of hearing about {him}, I can tell.",
    "{He} told me {he} loved me on Sunday and broke up with me on Wednesday.",
    "I lost weight, I lost sleep and I nearly lost my job over this.",
    "We split up after {dur} and I don't even know who I am without {him}.",
    "{He} said we grew apart, but I never felt apart from {him}.",
    "I sent {him} a long message and got left on read.",
    "{His} family loved me, {his} mum still texts me sometimes, and that makes it worse.",
    "The flat is so quiet now that {he} is gone.",
    "{He} left when I was four months pregnant.",
    "I cried in the car park at work again today.",
    "{He} said {he} wasn't ready for commitment and then got engaged to someone else within a year.",
    "I deleted all our photos and then spent the whole night trying to recover them.",
    "We tried couples counselling but {he} had already checked out.",
    "I gave {him} a second chance, then a third, and {he} still cheated.",
    "It feels like my heart has been ripped out of my chest.",
    "Nobody warned me that a break-up could hurt physically.",
    "I wake up at 4am every morning and reach for my phone to see if {he} wrote.",
    "My {partner} {exname} left me {since}.",
    "{exname} and I were together {dur}.",
    "My {partner} leave me one month ago and I am very sad, I cannot stop think about {him}.",
    "I am married for 8 years and my {partner} go with other person.",
    "Since {he} is gone my life have no colour.",
    "{exname} broke up with me over the phone while I was at my grandmother's funeral.",
    "After {dur} {he} just said it's over and that was it.",
    "{He} said {he} would always love me but that {he} wasn't in love with me.",
    "I found out {he} had a whole other relationship going on for a year.",
    "We were supposed to move in together next month.",
    "I did everything for {him}, I paid {his} bills, I cooked, I cleaned, and {he} still left.",
    "The pain is so much that some mornings I can't get out of bed.",
    "{He} packed {his} things while I was at work and left the keys on the table.",
    "We were happy, or at least I thought we were.",
    "Our son keeps asking why daddy doesn't live with us anymore.",
    "My {partner} of {dur} told me {he} needs to focus on {his} career.",
]

SPAM_SIGN_NAMES = [
    "Rebecca Lowry",
    "Tanya Pruitt",
    "Pedro Almeida",
    "Nkechi Obi",
    "Grace Holloway",
    "Jennifer Blake",
    "Mandy Kessler",
    "Carla Mendes",
    "Ashley Dunmore",
    "Kevin Stroud",
    "Monica Feldt",
    "Linda Okafor",
    "Sarah Whitcombe",
    "Diane Marlow",
    "Helen Brisco",
    "Julia Fennick",
    "Roberto Salas",
    "Amanda Torvik",
    "Precious Idowu",
    "Michelle Varga",
    "Tina Rowland",
    "Clara Benoit",
    "Jessica Hartwell",
    "Natasha Coyle",
    "Bridget Amadi",
]
SPAM_PLACES = [
    "Ohio, USA",
    "Manchester UK",
    "Lisbon",
    "Houston Texas",
    "Ontario Canada",
    "Perth Australia",
    "Florida",
    "Dublin, Ireland",
    "Cape Town",
    "New Jersey",
    "Glasgow",
    "Auckland New Zealand",
    "California USA",
    "Leeds",
    "Michigan",
    "Brisbane",
    "Lagos",
    "Arizona",
    "Vancouver",
    "Kansas",
    "Oslo, Norway",
    "Georgia USA",
    "Liverpool",
    "Melbourne",
    "Texas",
]


# ---------------------------------------------------------------------------
# Surface styles, applied with the SAME probabilities to spam and ham.
# ---------------------------------------------------------------------------

TEXTSPEAK = [
    (r"\byou\b", "u"),
    (r"\byour\b", "ur"),
    (r"\bare\b", "r"),
    (r"\bbecause\b", "bc"),
    (r"\bplease\b", "pls"),
    (r"\bpeople\b", "ppl"),
    (r"\bthough\b", "tho"),
    (r"\bI am\b", "im"),
    (r"\bI'm\b", "im"),
    (r"\bdon't\b", "dont"),
    (r"\bcan't\b", "cant"),
    (r"\bokay\b", "ok"),
    (r"\btonight\b", "tonite"),
    (r"\bwith\b", "w"),
    (r"\bbefore\b", "b4"),
    (r"\bsomeone\b", "some1"),
    (r"\bthanks\b", "thx"),
    (r"\bI don't know\b", "idk"),
    (r"\bto be honest\b", "tbh"),
    (r"\bbecause\b", "cuz"),
    (r"\bwhat\b", "wat"),
]


def textspeak(ctx, text):
    for pat, rep in ctx.rng.sample(TEXTSPEAK, ctx.randint(3, len(TEXTSPEAK))):
        text = re.sub(pat, rep, text)
    return text


def typos(ctx, text):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3]
    for i in ctx.rng.sample(idx, min(len(idx), ctx.randint(1, 4))):
        w = list(words[i])
        j = ctx.randint(1, len(w) - 2)
        op = ctx.randint(0, 2)
        if op == 0:
            w[j], w[j + 1] = w[j + 1], w[j]
        elif op == 1:
            del w[j]
        else:
            w.insert(j, w[j])
        words[i] = "".join(w)
    return " ".join(words)


def strip_punct(text):
    text = re.sub(r"[,;!?\"]", "", text)
    text = re.sub(r"(?<=[A-Za-z)])\.(?=\s|$)", "", text)
    return text


def stylize(ctx, text):
    r = ctx.rng.random
    if r() < 0.10:
        text = text.replace("'", "\u2019")
    if r() < 0.14:
        text = textspeak(ctx, text)
    if r() < 0.14:
        text = typos(ctx, text)
    x = r()
    if x < 0.12:
        text = text.lower()
    elif x < 0.155:
        text = text.upper()
    if r() < 0.08:
        text = strip_punct(text)
    if r() < 0.04:
        text = text.rstrip(".") + ctx.rng.choice(["!!!", "...", " :(", " :)", "!!", " .", " x"])
    if r() < 0.05:
        text = text.replace(". ", ".  ")
    return text.strip()


CONNECTORS = [
    "And ",
    "Then ",
    "Anyway, ",
    "Honestly, ",
    "But ",
    "So ",
    "Now ",
    "And the worst part, ",
    "Plus ",
    "Like, ",
    "Also ",
    "Meanwhile ",
    "To be honest ",
    "Of course ",
    "And then ",
    "Basically ",
    "On top of that, ",
    "Still, ",
    "After that ",
    "Funny thing is, ",
]
LOWER_STARTERS = {
    "The",
    "My",
    "He",
    "She",
    "We",
    "It",
    "Everyone",
    "Our",
    "His",
    "Her",
    "Every",
    "Nobody",
    "Since",
    "After",
    "Long",
    "They",
    "Everybody",
    "Last",
    "All",
    "This",
    "That",
}


def join_sents(ctx, sents, para_p=0.25):
    """Join sentences with spaces, line breaks or paragraphs (same for both labels)."""
    out = ""
    for i, s in enumerate(s for s in sents if s):
        if i == 0:
            out = s
            continue
        if ctx.rng.random() < 0.12:
            first = s.split(" ", 1)[0]
            if first in LOWER_STARTERS:
                s = s[0].lower() + s[1:]
            s = ctx.pick(CONNECTORS) + s
        x = ctx.rng.random()
        if x < para_p:
            out += "\n\n" + s
        elif x < para_p + 0.06:
            out += "\n" + s
        else:
            out += " " + s
    return out


# ---------------------------------------------------------------------------
# SPAM fragments.  All names, gods, temples, addresses and numbers invented.
# ---------------------------------------------------------------------------

TITLES = [
    "Dr",
    "Dr.",
    "Doctor",
    "Priest",
    "Papa",
    "Lord",
    "Mama",
    "Prophet",
    "Chief Priest",
    "Baba",
    "Lady",
    "Priestess",
    "DR",
    "Great Dr",
    "Spiritualist",
    "Native Doctor",
    "Dr",
    "Priest",
    "Dr",
    "Oracle Priest",
]
CASTER_NAMES = [
    "Okelomo",
    "Ezenwoke",
    "Adekunmi",
    "Ogbelu",
    "Mavuto",
    "Sarumi",
    "Amaraku",
    "Kolawe",
    "Ebohon",
    "Otitoju",
    "Ugbeshe",
    "Ayanfe",
    "Lanreko",
    "Azubeke",
    "Ifemide",
    "Orukpe",
    "Tamuno",
    "Ikpeazu-Ride",
    "Olaniwe",
    "Bamgbeye",
    "Osagiede",
    "Ekwuaba",
    "Morwenna",
    "Ravensloe",
    "Zinkara",
    "Odewunmi",
    "Nwadiogo",
    "Akporode",
    "Ilesanmi",
    "Obazee",
    "Femurewa",
    "Udoekpo",
    "Egbuniwe",
    "Ajalode",
    "Kaphiri",
    "Sunmola",
    "Ogheneruno",
    "Izuchukwa",
    "Mbalewe",
    "Tarubi",
]
DESCRIPTORS = [
    "a powerful spell caster",
    "the great love doctor",
    "a native herbalist",
    "the chief priest of {temple}",
    "a genuine and honest spell caster",
    "the most powerful spiritualist I have ever come across",
    "a love and reunion specialist",
    "a man of great spiritual power",
    "the owner of {temple}",
    "a great spell caster from Africa",
    "a real and powerful love spell caster",
    "the servant of {god}",
    "who works with the spirits of {temple}",
    "a powerful traditional healer",
    "the spiritual father of {temple}",
    "a very kind and powerful priest",
    "the best spell caster in the whole world",
    "an old wise man with real powers",
    "a love guru and spiritual consultant",
    "who is blessed by {god}",
]
GODS = [
    "the goddess Ayelu",
    "the spirit Ndoromi",
    "the god Oshakwe",
    "the ancestors of Ikpere",
    "the river goddess Yemaru",
    "the spirit of Amadioka-Oru",
    "the seven spirits of Oke-Ila",
    "the moon goddess Selanthe",
    "the great deity Ogwugwu-Nta",
    "the oracle of Ajalode",
    "mother Erinma",
    "the god of love Aferemo",
]
TEMPLES = [
    "the Ogbelu Temple of Light",
    "the Temple of Amaraku",
    "the Shrine of Ifemide",
    "the Oracle of the Seven Rivers",
    "the Orukpe Spiritual Home",
    "Mavuto Love Temple",
    "the House of the Goddess Ayelu",
    "the Ebohon Herbal Shrine",
    "the Kolawe Spiritual Temple",
    "the Blue Moon Love Temple",
    "the Oke-Ila Oracle House",
    "the Temple of Eternal Reunion",
    "the Ancient Akporode Shrine",
    "the Sacred Grove of Tarubi",
    "Lanreko Spell Home",
]

STORY_GREET = [
    "Hello everyone,",
    "Good day to all the viewers of this forum.",
    "Hi, please I want to share my testimony here.",
    "I am here to testify of the great work of a man.",
    "Please read this, it can change your life!!",
    "Good news to everyone!",
    "GOD BLESS ALL READING THIS.",
    "My testimony:",
    "Hello friends, I have a true story.",
    "ATTENTION EVERYONE WHO IS HEARTBROKEN",
    "I never believed in this things until it happened to me.",
    "I want to use this medium to thank a great man.",
    "Am so happy today.",
    "Is there anyone out there crying over a lover?",
    "Greetings to all of you going through pain,",
    "I'm so sorry for what you are going through, I was once like you.",
    "Reading your post made me cry because that was me last year.",
    "I know exactly how you feel, please read my story to the end.",
    "Hi all.",
    "Don't give up on your relationship yet!",
    "I have been where you are.",
    "I am writing this with tears of joy in my eyes.",
    "READ THIS BEFORE YOU GIVE UP!!!",
    "Dear friends,",
    "This is my own experience and I am sharing it to help someone.",
    "I thought I would never smile again.",
    "Hello to anyone reading this,",
    "Thank you all for the advice in this thread, but let me tell you what really worked for me.",
]
SELF_INTRO = [
    "My name is {signer} from {place}.",
    "I am {signer} from {place}.",
    "Am {signer}, {place}.",
    "I'm {signer} and I live in {place}.",
    "My names are {signer}, I am from {place}.",
    "This is {signer} from {place}.",
    "I am {signer}.",
    "My name is {signer}.",
]
TURN = [
    "I was so confused and devastated until",
    "I searched everywhere for help until",
    "I was about to give up when a friend introduced me to",
    "One day I came across a testimony online about",
    "Things changed when my cousin told me about",
    "While browsing the internet I saw a post about",
    "Everything turned around when I contacted",
    "I was heartbroken for months until I met",
    "My sister referred me to",
    "I tried everything, therapy, prayers, even other casters who took my money, until I found",
    "I was at the edge of ending my life when I came across",
    "then a colleague at work told me about",
    "I cried to God every night, then God led me to",
    "I was losing hope until I read about",
    "After many sleepless nights I decided to contact",
    "I never believed in spells until I met",
    "so I decided to try",
    "luckily for me I found",
    "I was skeptical at first but I reached out to",
    "my life changed the day I met",
]
ACTIONS = [
    "{He2} cast a love spell for me",
    "{He2} prepared a reunion spell and told me to relax",
    "{He2} consulted the oracle and told me my {partner} was under the spell of another woman",
    "{He2} did a return lover spell",
    "{He2} performed some rituals and prayers on my behalf",
    "{He2} gave me herbs to bathe with and cast a binding spell",
    "{He2} asked for my {partner}'s name and picture and cast the spell",
    "{He2} told me what the gods required and did the sacrifice",
    "{He2} assured me everything will be fine and did the needful",
    "{He2} prayed for me and prepared a special love portion",
    "{He2} called on {god} for me",
    "{He2} did a reconciliation spell",
    "{He2} read my situation and cast a strong spell",
    "{He2} lit the candles and casted the spell that same night",
    "{He2} sent me a talisman to keep under my pillow",
]
RESULTS = [
    "and within {hours} hours my {partner} called me begging for forgiveness.",
    "and in less than {hours} hours {he} came back to me.",
    "after {hours} hours {he} texted me saying {he} misses me.",
    "and to my greatest surprise {he} came back home on the {ordinal} day.",
    "and exactly {hours} hours later my phone rang and it was {him}.",
    "and today we are happily together again.",
    "and now we are planning our wedding.",
    "and {he} is now more loving than before.",
    "and {he} came crawling back on {his} knees in {hours}hrs.",
    "and my {partner} returned to me in just {hours} hours!!!",
    "and before {hours} hours {he} was at my door with flowers.",
    "and the other woman disappeared from {his} life completely.",
    "and {he} broke up with the other person and came back to me.",
    "and {he} unblocked me and called me the next day.",
    "and we are back together and stronger than ever.",
]
HOURS = ["24", "48", "72", "36", "12", "twenty four", "48", "forty-eight", "24", "72"]
ORDINALS = ["second", "third", "2nd", "3rd", "fourth"]
GRATITUDE = [
    "I will forever be grateful to {caster}.",
    "Thank you so much {caster}, you are a god sent.",
    "I am so happy, words cannot express.",
    "All thanks to {caster}.",
    "I promised to share this testimony to the whole world.",
    "{He2} is real and genuine, not like the fake ones out there.",
    "{His2} work is 100% guaranteed.",
    "May God continue to bless you sir.",
    "I am forever indebted to {caster}.",
    "What a great man!!!",
    "I am testifying because I promised {caster} I would.",
    "{caster} is the real deal.",
    "You are the best, {caster}.",
    "I can't thank {him2} enough.",
    "I don't know how to thank {him2}, so I'm telling everyone.",
]
SERVICES = [
    "cure HIV/AIDS",
    "cure herpes",
    "win the lottery",
    "get pregnant (fruit of the womb)",
    "promotion at work",
    "win court cases",
    "stop divorce",
    "get your ex back",
    "cure cancer",
    "protection from enemies",
    "become rich and famous",
    "stop miscarriage",
    "make your partner love only you",
    "pass exams",
    "get a visa",
    "cure diabetes",
    "spiritual bath for good luck",
    "stop your partner from cheating",
    "cure low sperm count",
    "get a job",
    "business breakthrough",
    "remove bad luck",
    "cure hepatitis B",
    "bring back stolen money",
    "win a green card lottery",
]
SERVICE_FRAMES = [
    "{He2} can also help you with: {list}.",
    "{caster} can also {list}.",
    "{He2} also has cure for {list}.",
    "{He2} is also good in {list}.",
    "{He2} specializes in the following: {list}.",
    "Other services include {list}.",
    "{He2} also helped my friend to {list}.",
    "LIST OF {HIS2} SERVICES: {list}.",
]
CONTACT_FRAMES = [
    "Contact {him2} via email: {email}",
    "Reach {him2} on WhatsApp {phone}",
    "You can contact {him2} through {his2} email {email} or call/WhatsApp {phone}",
    "{His2} email is {email}",
    "CONTACT {HIM2} NOW: {email}",
    "Website: {site}",
    "Email {him2} on: {email}  WhatsApp: {phone}",
    "WhatsApp number: {phone}",
    "Contact {him2} on {email} or visit {site}",
    "His WhatsApp: {phone}",
    "Email: {email}",
    "Call or text {phone}",
    "Contact: {email} / {phone}",
    "you can reach {him2} today on {email}",
    "message {him2} on whatsapp {wa}",
    "contact details: {email}",
    "visit {his2} website {site} for more",
    "Telegram: @{handle} or email {email}",
    "write to {him2} at {email}",
    "His Viber and WhatsApp number is {phone}",
    "Instagram @{handle}",
    "contact {him2} on this number {phone} or email {email}",
    "email address ({email})",
    "{email} is {his2} email, or whatsapp {phone}",
]
CLOSERS = [
    "Contact {him2} today and your problems will be solved.",
    "Don't waste your time with fake casters, contact the real one.",
    "{He2} is the answer to your problems.",
    "Hurry now and contact {him2}.",
    "You will come back to testify like me.",
    "Thank me later.",
    "Good luck!!",
    "{He2} is the only one that can help you.",
    "Try {him2} and see for yourself.",
    "Don't suffer in silence.",
    "Distance is not a barrier, {he2} works worldwide.",
    "{He2} will not disappoint you.",
    "Contact {him2} now before it is too late.",
    "I am a living testimony.",
    "It worked for me and it will work for you.",
    "Results are guaranteed 100%.",
    "Stop crying and take action.",
    "God bless you all.",
    "Be wise and contact {him2}.",
    "Your happiness is one message away.",
]

EMAIL_LOCAL = [
    "dr{n}",
    "{n}spelltemple",
    "{n}.temple",
    "priest{n}22",
    "{n}lovespell",
    "dr.{n}",
    "{n}spellhome",
    "great{n}",
    "{n}solutioncenter",
    "{n}_spiritual",
    "{n}herbalhome",
    "chief{n}",
    "{n}reunion",
    "dr{n}01",
    "{n}oracle",
    "{n}lovetemple",
    "papa{n}",
    "{n}.spells",
    "{n}powers",
    "{n}healing",
]
PROVIDERS = [
    "gmail",
    "yahoo",
    "outlook",
    "hotmail",
    "protonmail",
    "aol",
    "gmail",
    "yahoo",
    "gmail",
    "yandex",
]
SITE_FORMS = [
    "{n}spelltemple.com",
    "www.great{n}temple.org",
    "https://{n}lovespells.net",
    "{n}-spiritualhome.com",
    "www.{n}temple.com",
    "{n}oracle.net",
    "http://www.{n}spellcaster.info",
    "{n}lovesolutions.com",
    "{n}healinghome.org",
    "www.{n}shrine.net",
]
HANDLE_FORMS = [
    "dr_{n}",
    "{n}spells",
    "priest.{n}",
    "{n}_temple",
    "real{n}caster",
    "{n}official",
    "dr{n}_",
    "{n}healing",
]


def name_token(caster_name):
    return re.sub(r"[^a-z]", "", caster_name.lower())


def obfuscate_email(ctx, local, provider):
    tld = (
        ctx.rng.choice(["com", "com", "com", "co.uk", "net"])
        if provider in ("yahoo", "outlook", "hotmail")
        else "com"
    )
    forms = [
        "{l}@{p}.{t}",
        "{l}(@){p}. {t}",
        "{l} at {p} dot {t}",
        "{l}[at]{p}[dot]{t}",
        "{l} @ {p} . {t}",
        "{L} @ {P} . {T}",
        "{l} {{at}} {p} {{dot}} {t}",
        "{l} AT {p} DOT {t}",
        "{l}@ {p} com",
        "{l} @{p},{t}",
        "{l}(at){p}(dot){t}",
        "{L}@{P}.{T}",
        "{l}@{p} .{t}",
        "{l} [@] {p} [.] {t}",
        "{l} (at) {p} . {t}",
    ]
    f = ctx.pick_shared(forms)
    return f.format(l=local, p=provider, t=tld, L=local.upper(), P=provider.upper(), T=tld.upper())


DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def phone_number(ctx):
    kind = ctx.randint(0, 2)
    if kind == 0:
        last = f"{ctx.randint(0, 9999):04d}"
        cc, groups = "234", ["810", "555", last]
    elif kind == 1:
        area = ctx.rng.choice(["213", "312", "415", "702", "646", "305", "512", "917"])
        cc, groups = "1", [area, "555", f"01{ctx.randint(0, 99):02d}"]
    else:
        cc, groups = "44", ["7700", "900", f"{ctx.randint(0, 999):03d}"]
    forms = [
        lambda: "+" + cc + "".join(groups),
        lambda: "+" + cc + " " + " ".join(groups),
        lambda: "+" + cc + "-" + "-".join(groups),
        lambda: "+" + cc + "." + ".".join(groups),
        lambda: "(+" + cc + ") " + "".join(groups),
        lambda: "+" + cc + " (" + groups[0] + ") " + groups[1] + "-" + groups[2],
        lambda: " ".join("+" + cc + "".join(groups)),
        lambda: "plus " + " ".join(DIGIT_WORDS[int(d)] for d in cc + "".join(groups)),
        lambda: ("+" + cc + " " + " ".join(groups)).replace("0", "O"),
        lambda: cc + " " + groups[0] + " " + groups[1] + " " + groups[2],
    ]
    return ctx.pick_shared(forms)(), cc + "".join(groups)


class Caster:
    def __init__(self, ctx):
        self.title = ctx.pick(TITLES)
        self.name = ctx.pick(CASTER_NAMES)
        female = self.title in ("Mama", "Lady", "Priestess") or (
            ctx.chance(0.1) and self.title not in ("Papa", "Baba", "Lord")
        )
        self.p = (
            {
                "He2": "She",
                "he2": "she",
                "him2": "her",
                "His2": "Her",
                "his2": "her",
                "HIM2": "HER",
                "HIS2": "HER",
            }
            if female
            else {
                "He2": "He",
                "he2": "he",
                "him2": "him",
                "His2": "His",
                "his2": "his",
                "HIM2": "HIM",
                "HIS2": "HIS",
            }
        )
        n = name_token(self.name)
        self.n = n
        local = ctx.pick(EMAIL_LOCAL).format(n=n)
        self.email = obfuscate_email(ctx, local, ctx.pick(PROVIDERS))
        self.phone, digits = phone_number(ctx)
        self.wa = ctx.rng.choice(["wa.me/" + digits, "https://wa.me/" + digits, "wa.me/+" + digits])
        self.site = ctx.pick(SITE_FORMS).format(n=n)
        self.handle = ctx.pick(HANDLE_FORMS).format(n=n)
        self.temple = ctx.pick(TEMPLES)
        self.god = ctx.pick(GODS)
        full = self.title + " " + self.name
        if ctx.chance(0.12):
            full = full.upper()
        self.full = full

    def slots(self):
        s = dict(self.p)
        s.update(
            caster=self.full,
            email=self.email,
            phone=self.phone,
            wa=self.wa,
            site=self.site,
            handle=self.handle,
            temple=self.temple,
            god=self.god,
        )
        return s


def contact_block(ctx, c, slots, n=None):
    n = n or ctx.rng.choice([1, 1, 1, 2, 2, 3])
    frames = ctx.sample(CONTACT_FRAMES, n)
    return [fmt(f, slots) for f in frames]


def services_sentence(ctx, slots):
    items = ctx.sample(SERVICES, ctx.randint(2, 7))
    if ctx.chance(0.3):
        lst = "\n" + "\n".join(f"{i + 1}. {it}" for i, it in enumerate(items)) + "\n"
        return fmt(ctx.pick(SERVICE_FRAMES), dict(slots, list=lst)).replace(":\n", ":\n")
    if ctx.chance(0.5):
        lst = ", ".join(items[:-1]) + " and " + items[-1]
    else:
        lst = ", ".join(items)
    return fmt(ctx.pick(SERVICE_FRAMES), dict(slots, list=lst))


def spell_testimony(ctx, with_contact=True):
    ps = person_slots(ctx)
    c = Caster(ctx)
    slots = dict(ps)
    slots.update(c.slots())
    slots.update(
        signer=ctx.pick(SPAM_SIGN_NAMES),
        place=ctx.pick(SPAM_PLACES),
        hours=ctx.pick_shared(HOURS),
        ordinal=ctx.pick_shared(ORDINALS),
    )
    sents = []
    if ctx.chance(0.55):
        sents.append(ctx.pick(STORY_GREET))
    if ctx.chance(0.5):
        sents.append(ctx.pick(SELF_INTRO))
    for h in ctx.sample(HEARTBREAK, ctx.rng.choice([1, 2, 2, 3, 3, 4])):
        sents.append(h)
    desc = ctx.pick(DESCRIPTORS)
    turn = ctx.pick(TURN) + " {caster}" + ctx.rng.choice([", ", ", ", " "]) + desc + "."
    sents.append(turn)
    sents.append(ctx.pick(ACTIONS) + " " + ctx.pick(RESULTS))
    if ctx.chance(0.75):
        sents.append(ctx.pick(GRATITUDE))
    if ctx.chance(0.55):
        sents.append(services_sentence(ctx, slots))
    if with_contact:
        block = contact_block(ctx, c, slots)
        if ctx.chance(0.5):
            sents.append(ctx.pick(CLOSERS))
            sents.extend(block)
        else:
            sents.extend(block)
            sents.append(ctx.pick(CLOSERS))
        if ctx.chance(0.2):
            sents.append(ctx.rng.choice(block))
    else:
        sents.append(ctx.pick(CLOSERS))
        if ctx.chance(0.4):
            sents.append(ctx.pick(NO_CONTACT_TAIL))
    if ctx.chance(0.3):
        sents.append(ctx.rng.choice(["Thanks.", "{signer}", "- {signer}", "Regards, {signer}."]))
    text = join_sents(ctx, [fmt(s, slots) for s in sents], para_p=0.3)
    if ctx.chance(0.08):
        text = text.replace(". ", " ").replace(", ", " ")  # run-on
    return text


NO_CONTACT_TAIL = [
    "Search for {his2} name online, you will find {him2}.",
    "Just google {his2} name.",
    "Ask me and I will give you {his2} details.",
    "{His2} details are on {his2} page.",
    "Look {him2} up, {he2} is very famous.",
    "Reply to this post if you need {his2} contact.",
    "I can't post {his2} contact here because the mods delete it, but find {him2}.",
    "Everybody knows {him2} in {place}.",
]

# --- short hooks ------------------------------------------------------------

SHORT_HOOKS = [
    "Contact {caster} for help with your relationship {contact}",
    "need your ex back? whatsapp {phone}",
    "Are you heartbroken? {caster} can bring back your lover in {hours} hours. {contact}",
    "Lost love spell that works fast. {contact}",
    "Get your ex back in {hours} hours guaranteed. Call/WhatsApp {phone}",
    "real spell caster here, reunite with your lover today: {email}",
    "{caster} brought my {partner} back. {contact}",
    "message me if you want {him} back, I know someone who helped me {contact}",
    "Love problem solution by {caster}. {contact}",
    "DM @{handle} for love spells that really work",
    "if your ex left you, reach out to {caster} on {contact}, thank me later",
    "WANT YOUR EX BACK?? {contact}",
    "{caster} is real!! my {partner} came back after {hours} hours. {contact}",
    "Stop crying. Contact {caster}: {contact}",
    "powerful reunion spell, results in {hours}hrs, {contact}",
    "Who else needs help? {caster} helped me. {contact}",
    "Don't give up on {him}, {caster} can help. {contact}",
    "Quick help for broken relationships and marriages: {contact}",
    "I got my {partner} back with the help of {caster} {contact} {contact}",
    "Contact the great {caster} {contact} for any kind of spell",
    "Email {caster} {email} for a free consultation about your ex",
    "Marriage problems? Lover not answering? {contact}",
    "spell to bring back lost love 100% working, contact {contact}",
    "{caster} on WhatsApp {phone}, {he2} fixed my marriage",
    "My ex is back!! All thanks to {caster}. {contact}",
    "please contact {caster} {contact} {he2} will help you like he helped me",
    "Help is here. {caster} {contact}",
    "For love spell, money spell, protection spell: {contact}",
    "you can still save your relationship, talk to {caster} {contact}",
    "check {site} for the spell that brought my {partner} back",
]


def short_hook(ctx):
    ps = person_slots(ctx)
    c = Caster(ctx)
    slots = dict(ps)
    slots.update(c.slots())
    slots["hours"] = ctx.pick_shared(HOURS)
    slots["ordinal"] = ctx.pick_shared(ORDINALS)
    contacts = [
        c.email,
        c.phone,
        c.wa,
        c.site,
        "WhatsApp " + c.phone,
        "@" + c.handle,
        "email " + c.email,
        c.email + " / " + c.phone,
    ]
    t = ctx.pick(SHORT_HOOKS)
    while "{contact}" in t:
        t = t.replace("{contact}", ctx.rng.choice(contacts), 1)
    text = fmt(t, slots)
    if ctx.chance(0.15):
        text = ctx.pick(STORY_GREET) + " " + text
    return text


# --- hackers / spying -------------------------------------------------------

HACKER_NAMES = [
    "Remy Cyberfix",
    "HackerJules",
    "CyberDove Tech",
    "spyexpert Kane",
    "Mr Ghostline",
    "Wizard Tobin",
    "Hack Maven",
    "Digital Craig Recovery",
    "Lexa Byteguard",
    "Ethan the hack guru",
    "Silent Root Services",
    "Pro Snoop Marcel",
    "Nova Decrypt",
    "Hackbreed Zoran",
    "Techie Ollie",
]
HACKER_TOKENS = [
    "remycyberfix",
    "hackerjules",
    "cyberdovetech",
    "spyexpertkane",
    "ghostline",
    "wizardtobin",
    "hackmaven",
    "digitalcraig",
    "lexabyteguard",
    "ethanhackguru",
    "silentroot",
    "prosnoopmarcel",
    "novadecrypt",
    "hackbreedzoran",
    "techieollie",
]
HACK_SITUATION = [
    "I suspected my {partner} was cheating for months but I had no proof.",
    "My {partner} was always hiding {his} phone and going to the bathroom with it.",
    "After my divorce I needed proof of my ex's hidden money.",
    "I knew something was wrong when {he} started putting a password on everything.",
    "{He} kept saying I was paranoid and crazy.",
    "I was going through a very rough time in my marriage.",
    "My {partner} started coming home late and deleting {his} WhatsApp chats.",
    "Is your partner acting strange lately? I was in your shoes.",
    "Everybody told me to let it go but my gut was screaming.",
    "Before you waste years wondering, get the facts.",
    "I was emotionally drained from all the lies.",
    "I read this forum every night looking for answers about my cheating {partner}.",
]
HACK_INTRO = [
    "until I was referred to {hacker}, a professional hacker.",
    "Then a friend recommended {hacker}, an ethical hacker.",
    "I contacted {hacker} after reading good reviews.",
    "so I hired {hacker}, a private investigator and hacker.",
    "That was when I came across {hacker}.",
    "My lawyer quietly suggested {hacker}.",
    "I found {hacker} and it was the best decision of my life.",
    "{hacker} is a genius with phones.",
]
HACK_SERVICE = [
    "{HeH} got me access to {his} WhatsApp, call logs, text messages and even deleted messages without touching the phone.",
    "{HeH} helped me recover deleted WhatsApp chats going back two years.",
    "Within 3 hours I had remote access to {his} phone.",
    "{HeH} cloned {his} phone and I could read everything in real time.",
    "{HeH} hacked into {his} Instagram and Snapchat and sent me screenshots of everything.",
    "{HeH} gave me {his} live location, call recordings and all {his} social media passwords.",
    "I was able to monitor {his} phone from my own phone without {him} knowing.",
    "{HeH} retrieved {his} Telegram and Facebook messages including the deleted ones.",
]
HACK_OUTCOME = [
    "I found out the truth and I am free now.",
    "It turned out {he} was talking to {his} ex the whole time.",
    "I used the evidence in court and won custody.",
    "Now I sleep peacefully.",
    "The truth hurts but it is better than living a lie.",
    "I confronted {him} with the proof.",
    "{HeH} is fast, discreet and affordable.",
    "{HeH} is 100% legit, no upfront scam.",
]
HACK_EXTRA = [
    "{HeH} also fixes credit scores, recovers lost crypto and clears records.",
    "{HeH} can also recover hacked accounts and scammed funds.",
    "Other services: school grades upgrade, credit repair, bank account tracing.",
    "{HeH} also helped my friend recover $40,000 lost to a fake investment.",
]
HACK_CONTACT = [
    "Contact {himH}: {email}",
    "Email: {email}",
    "Text {himH} on {phone}",
    "Telegram @{handle}",
    "WhatsApp {phone}",
    "Reach {himH} on {email} or Telegram @{handle}",
    "Instagram: @{handle}",
    "{email} / WhatsApp: {phone}",
    "email {himH} via {email}",
    "{HisH} email is {email}",
]
HACK_SHORT = [
    "Need to catch a cheating spouse? Contact {hacker}: {c}",
    "Want to read your partner's WhatsApp without them knowing? {c}",
    "I can help you spy on any phone remotely. Text me {c}",
    "Recover deleted messages and see who your ex is talking to: {c}",
    "Is {he} cheating? Find out in 24 hours. {c}",
    "Professional phone hacking, social media access, catch cheaters. {c}",
    "{hacker} helped me catch my cheating {partner}. {c}",
    "Get access to your partner's phone in 2 hours, 100% discreet. {c}",
]


def hacker_post(ctx):
    ps = person_slots(ctx)
    ctx.rng.randrange(len(HACKER_NAMES))  # unused draw, kept so the corpus stays byte-identical
    names = ctx.pool(list(zip(HACKER_NAMES, HACKER_TOKENS, strict=True)))
    hacker, tok = ctx.rng.choice(names)
    fem = ctx.chance(0.25)
    slots = dict(
        ps,
        hacker=hacker,
        HeH="She" if fem else "He",
        himH="her" if fem else "him",
        HisH="Her" if fem else "His",
    )
    local = ctx.rng.choice([tok, tok + "01", tok + ".recovery", tok + "hacks", "hire" + tok])
    slots["email"] = obfuscate_email(ctx, local, ctx.pick(PROVIDERS))
    slots["phone"] = phone_number(ctx)[0]
    slots["handle"] = ctx.rng.choice([tok, tok + "_", "the" + tok, tok + "_hacks"])
    if ctx.chance(0.3):
        c = ctx.rng.choice([slots["email"], slots["phone"], "@" + slots["handle"]])
        return fmt(ctx.pick(HACK_SHORT), dict(slots, c=c))
    sents = []
    if ctx.chance(0.3):
        sents.append(ctx.pick(STORY_GREET))
    sents += ctx.sample(HACK_SITUATION, ctx.randint(1, 2))
    if ctx.chance(0.4):
        sents += ctx.sample(HEARTBREAK, 1)
    sents.append(ctx.pick(HACK_INTRO))
    sents += ctx.sample(HACK_SERVICE, ctx.randint(1, 2))
    sents += ctx.sample(HACK_OUTCOME, ctx.randint(1, 2))
    if ctx.chance(0.4):
        sents.append(ctx.pick(HACK_EXTRA))
    sents += ctx.sample(HACK_CONTACT, ctx.rng.choice([1, 1, 2]))
    return join_sents(ctx, [fmt(s, slots) for s in sents])


# --- money: forex, crypto, loans -------------------------------------------

INVEST_NAMES = [
    "Mrs Harriet Collingwood",
    "Mr Desmond Arlow",
    "Mrs Ingrid Paley",
    "Mr Victor Hale",
    "Mrs Lorraine Abbot",
    "Mr Felix Ramsgate",
    "Mrs Celia Dunford",
    "Mr Gordon Pryce",
    "Mrs Wendy Ashcombe",
    "Mr Julian Strand",
]
INVEST_FIRMS = [
    "Brightwell Capital Trust",
    "Halvard Finance Group",
    "Meridian Coin Partners",
    "Goldcrest Forex Hub",
    "Silverline Lending",
    "Northgate Crypto Desk",
    "Evermore Loan Firm",
    "Summit Bay Assets",
    "Crownfield Trading",
    "Bluepeak Finance",
]
INVEST_STORY = [
    "After my divorce I was left with nothing but debt and two kids to feed.",
    "When my {partner} left, {he} emptied our joint account.",
    "The break-up destroyed me financially and emotionally.",
    "I lost my home after the separation and had to move in with my sister.",
    "I was depressed after my marriage ended and my bills were piling up.",
    "Heartbreak is bad but being broke after a heartbreak is worse.",
    "My ex took everything in the divorce, the house, the car, the savings.",
    "I want to encourage anyone here who is struggling after a break-up.",
    "Being a single mum after the divorce, I didn't know how I was going to survive.",
    "Nobody tells you how expensive a break-up is.",
]
INVEST_PIVOT = [
    "Then I was introduced to {iname}, a certified forex account manager.",
    "A friend told me about {firm} and their account manager {iname}.",
    "I started investing with {iname} of {firm}.",
    "I decided to take a step and invest in bitcoin with the help of {iname}.",
    "I applied for a loan with {firm} after every bank rejected me.",
    "I met {iname} who changed my financial life.",
    "Then I found {firm}, a legit crypto trading platform.",
]
INVEST_RESULT = [
    "I started with $500 and within two weeks I received $6,800 profit.",
    "I invested $1,000 and got back $12,500 in 7 days.",
    "They gave me a loan of $25,000 at 2% interest with no credit check.",
    "Now I earn $3,200 every week from home.",
    "My first withdrawal was $4,750 and it came straight to my bank.",
    "In one month I paid off all my debts and bought a car.",
    "I got my life back and now I don't need any man.",
    "I received £8,000 profit in 10 days, no stress.",
]
INVEST_CLOSE = [
    "Contact {iname} on WhatsApp {phone}",
    "Email {firm_mail} to start earning.",
    "Reach {iname} via {email} and tell her I referred you.",
    "Message {phone} to get your own loan today.",
    "Visit {site} and start with as little as $200.",
    "Don't miss this opportunity: {email}",
    "Telegram @{handle}",
    "WhatsApp: {phone} / Email: {email}",
]


def invest_post(ctx):
    ps = person_slots(ctx)
    iname = ctx.pick(INVEST_NAMES)
    firm = ctx.pick(INVEST_FIRMS)
    ftok = re.sub(r"[^a-z]", "", firm.lower())
    itok = re.sub(r"[^a-z]", "", iname.lower().replace("mrs ", "").replace("mr ", ""))
    slots = dict(ps, iname=iname, firm=firm)
    slots["email"] = obfuscate_email(
        ctx, ctx.rng.choice([itok, itok + "fx", itok + "invest"]), ctx.pick(PROVIDERS)
    )
    slots["firm_mail"] = obfuscate_email(
        ctx, ctx.rng.choice(["info", "support", "loans"]) + ftok[:10], ctx.pick(PROVIDERS)
    )
    slots["phone"] = phone_number(ctx)[0]
    slots["site"] = (
        ctx.rng.choice(["www.", "https://", ""])
        + ftok
        + ctx.rng.choice([".com", ".net", "-invest.com", ".org"])
    )
    slots["handle"] = itok + ctx.rng.choice(["", "_fx", "trades"])
    if ctx.chance(0.2):
        return fmt(
            ctx.rng.choice(
                [
                    "Heartbroken and broke? {firm} gives fast loans to single parents. {c}",
                    "Make money after your divorce, earn $2000 weekly trading with {iname}. {c}",
                    "Let your ex regret leaving you, invest with {iname} today {c}",
                    "{iname} turned my $300 into $5,400 after my break-up, {c}",
                ]
            ),
            dict(slots, c=ctx.rng.choice([slots["phone"], slots["email"], slots["site"]])),
        )
    sents = ctx.sample(INVEST_STORY, ctx.randint(1, 2))
    if ctx.chance(0.35):
        sents += ctx.sample(HEARTBREAK, 1)
    sents.append(ctx.pick(INVEST_PIVOT))
    sents += ctx.sample(INVEST_RESULT, ctx.randint(1, 2))
    if ctx.chance(0.5):
        sents.append(
            ctx.pick(GRATITUDE)
            .replace("{caster}", "{iname}")
            .replace("{He2}", "She")
            .replace("{His2}", "Her")
            .replace("{him2}", "her")
        )
    sents += ctx.sample(INVEST_CLOSE, ctx.randint(1, 2))
    return join_sents(ctx, [fmt(s, slots) for s in sents])


# --- paid psychics, tarot, oils, candles -----------------------------------

PSYCHIC_NAMES = [
    "Madam Esperanza Vale",
    "Mother Celestine",
    "Master Rulan",
    "Psychic Orla Wren",
    "Sister Magdalyn",
    "Clairvoyant Indira Moss",
    "Madame Solenne",
    "Mystic Auberon",
    "Reader Anouk",
    "Grandma Tessaly",
]
PSY_LINES = [
    "Is {he} thinking about you right now? Get a free tarot reading today from {psy}. {link}",
    "I paid for a reading with {psy} and she told me exactly when {he} would come back, and she was right to the day.",
    "Love binding oil: rub it on {his} photo for 7 nights and {he} will never look at another {man}. Order at {link}",
    "My reunion candle kit is only $49 and ships worldwide, it brought my {partner} back. {link}",
    "{psy} sees what others can't. First question free, then $1.99 a minute. {link}",
    "Don't wait wondering if {he} will return. Ask the cards. {link}",
    "{psy} did a love reading for me and removed the negative energy blocking my relationship. {link}",
    "Order the Return-To-Me honey jar, blessed by {psy}, results within one moon cycle. {link}",
    "Twin flame reading, 3 questions for $25. Message {psy} on WhatsApp {phone}",
    "Your ex is not gone, the cards say {he} still loves you. Book {psy}: {link}",
    "I was skeptical but the reading from {psy} was so accurate I cried. {link}",
    "Soulmate sketch + love reading by {psy}, 50% off today only {link}",
    "Get the Sweet Return oil, 3 drops in {his} drink and {his} heart turns back to you. {phone}",
    "{psy} will tell you if {he} is coming back. Call now {phone}",
    "The cards told me my {partner} would come back in 21 days and {he} did. Thank you {psy} {link}",
    "Free love horoscope and a personal message from your spirit guide: {link}",
]
PSY_PREFIX = [
    "So sorry for your pain.",
    "I felt your energy reading this.",
    "Hi dear.",
    "Please don't lose hope.",
    "",
    "",
    "Listen to me.",
    "Sending you light.",
    "I was exactly like you.",
    "The universe sent you here for a reason.",
]


def psychic_post(ctx):
    ps = person_slots(ctx)
    psy = ctx.pick(PSYCHIC_NAMES)
    tok = re.sub(r"[^a-z]", "", psy.lower())
    link = ctx.rng.choice(
        [
            "www.{t}readings.com",
            "https://{t}.love",
            "{t}tarot.net",
            "http://{t}-psychic.com/free",
            "{t}oils.shop",
            "www.{t}.com/love",
        ]
    ).format(t=tok[:14])
    slots = dict(ps, psy=psy, link=link, phone=phone_number(ctx)[0])
    parts = [ctx.pick(PSY_PREFIX)]
    if ctx.chance(0.3):
        parts += ctx.sample(HEARTBREAK, ctx.randint(1, 2))
    parts.append(ctx.pick(PSY_LINES))
    if ctx.chance(0.25):
        parts.append(
            ctx.rng.choice(
                [
                    "Limited slots.",
                    "Don't wait.",
                    "Blessings.",
                    "DM me for details.",
                    "Satisfaction guaranteed.",
                    "100% accurate.",
                ]
            )
        )
    return join_sents(ctx, [fmt(s, slots) for s in parts])


# --- TEST-ONLY family: sugar daddies, romance "agents", romance scams --------

ROMANCE_LINES = [
    "Hi dear, I saw your post and my heart went out to you. I am a widowed engineer working offshore and I am looking for a kind woman to spoil. Text me on WhatsApp {phone}.",
    "Heartbroken? Let a generous man take care of you. $500 weekly allowance, no meetings needed. Add my Telegram @{handle}",
    "Romance recovery agency: we locate your ex, arrange a meeting and guarantee reconciliation. Consultation fee $150. {site}",
    "Looking for a sugar baby who needs healing after a bad break-up, I pay bills and rent. Serious ones only {email}",
    "I am a relationship recovery agent. For a small fee I will talk to your ex and bring {him} back to you. Whatsapp {phone}",
    "You are too beautiful to cry over someone. I am a rich businessman from Dubai, let me show you real love. Email {email}",
    "Professional reconciliation service, 93% success rate, private agents in 40 countries. Book now: {site}",
    "Sugar daddy available for a sweet and lonely woman, weekly allowance guaranteed, message me {phone}",
    "I can make your ex jealous and come running back, I'm a professional dating coach with a secret method, only $99, {site}",
    "Dear, reading your post I felt we are soulmates. I am a US army doctor on mission, I would like to know you better. My email {email}",
    "Ladies, stop crying over broke men. Generous gentlemen are waiting to pamper you, sign up free at {site}",
    "I help heartbroken people reconnect with their ex through my proven 'Second Chance Protocol'. Private coaching $299, message me {phone}",
    "Hello, I am a lonely widower with a good heart and a big house. I read your story and I want to make you smile again. WhatsApp {phone}",
    "Our discreet agents will contact your ex on your behalf and negotiate your reunion. Payment after first contact. {email}",
    "Sweet girl, you deserve a man who takes care of you. I send allowance every Friday. Telegram @{handle}",
    "Broken up recently? Rebound with a rich partner on our verified sugar dating app: {site}",
    "I am an oil rig engineer, divorced, very romantic. I want a serious woman who knows pain like me. Write to {email}",
    "Reconciliation specialists: we use psychology and private investigators to bring your partner home. {site} / {phone}",
]


def romance_post(ctx):
    ps = person_slots(ctx)
    tok = ctx.rng.choice(
        [
            "sweetdaddy",
            "reunionagent",
            "lovingmark",
            "generousgeorge",
            "heartsmend",
            "captainwilliam",
            "lonelyengineer",
            "rekindleagency",
        ]
    )
    slots = dict(
        ps,
        phone=phone_number(ctx)[0],
        handle=tok + str(ctx.randint(1, 99)),
        email=obfuscate_email(ctx, tok + str(ctx.randint(1, 99)), ctx.pick(PROVIDERS)),
        site=ctx.rng.choice(["www.", "https://", ""])
        + tok
        + ctx.rng.choice([".com", ".net", ".org", ".love"]),
    )
    parts = []
    if ctx.chance(0.3):
        parts.append(
            ctx.rng.choice(
                ["So sorry about what happened.", "Hello.", "Don't cry anymore.", "Hey beautiful."]
            )
        )
    parts.append(ctx.rng.choice(ROMANCE_LINES))
    return join_sents(ctx, [fmt(s, slots) for s in parts])


# ---------------------------------------------------------------------------
# HAM fragments: genuine posts and replies.  Hard negatives on purpose.
# ---------------------------------------------------------------------------

STORY_OPEN = [
    "I ({age}F) need to vent.",
    "Throwaway because {he} knows my main account.",
    "Not sure why I'm posting this, I just need to get it out.",
    "Day {days} of no contact.",
    "Long post, sorry.",
    "Hi everyone, first time posting here.",
    "Ok so.",
    "I don't even know where to start.",
    "It's 3am and I can't sleep again.",
    "Update on my last post:",
    "Some background: we met at uni.",
    "English is not my first language, sorry for mistakes.",
    "({age}M) here.",
    "Me and my ex were together {dur}.",
    "I never thought I'd be writing on a forum like this.",
    "I need some perspective please.",
    "Warning, this is a bit of a rant.",
    "Hey. Lurker here, finally posting.",
    "I'm {age} and I feel like my life is over, which I know is dramatic.",
    "Sorry if this is all over the place.",
    "Writing this on my lunch break.",
    "My therapist told me to write this down somewhere, so here it is.",
    "I read this forum every night and it helps, so here's mine.",
    "Can I just say something.",
    "I want my ex back so badly.",
    "So it finally happened.",
    "Hi all. {age}F, been lurking for weeks.",
    "This is going to sound stupid.",
    "Mods delete if this isn't allowed.",
    "I'm not a big writer but here goes.",
    "Hello, I am from Brazil and my english is not perfect.",
    "Posting from my car outside work.",
    "Happy Valentine's day I guess.",
    "Bit of a weird one.",
    "Just got home from {his} sister's wedding, which was a mistake.",
]
AGES = [str(a) for a in range(19, 58)]
STORY_DETAIL = [
    "I want {him} back so badly, I would do anything.",
    "I even thought about paying a psychic, how pathetic is that.",
    "I saw one of those 'bring back your lover' ads and for a second I actually considered it.",
    "I blocked {his} number and then unblocked it twice in the same night.",
    "{He} texted me at 2am saying {he} misses me and then nothing the next day.",
    "I deleted {his} number but I know it by heart anyway.",
    "{He} still has me on close friends on Instagram and I don't know what that means.",
    "{He} still owes me $2,000 from the car and honestly I don't even care about the money.",
    "We still split the mortgage until the house sells, so I see {his} name every month.",
    "My doctor prescribed me something to help me sleep but I hate taking it.",
    "My therapist says I'm grieving the future I imagined, not just {him}.",
    "I prayed every night that {he} would come back.",
    "My mum says I'm better off and she's probably right but it doesn't help.",
    "I keep reading our old WhatsApp chats from when we first met.",
    "I went to the gym today for the first time in a month, which is something.",
    "I started journaling like someone here suggested and it helps a little.",
    "I keep thinking that if I lose weight or change my hair {he}'ll want me again.",
    "My friends want me to go out but I just want to lie in bed.",
    "I changed my number so I wouldn't be tempted, and then I gave it to {him} anyway.",
    "{He} came back after two weeks, then left again, and I let {him} do it.",
    "I feel like a fool for believing {him} when {he} said it was just a friend.",
    "I'm angry, more angry than sad now, and I don't know what to do with it.",
    "Honestly part of me feels relieved and I feel guilty about that.",
    "My kids keep asking when {he} is coming home.",
    "{He} said maybe one day we could be friends. Can you even be friends with an ex?",
    "Last night I drove past {his} house. I know, I know.",
    "I've read every article about getting your ex back and none of it works.",
    "I googled 'how to get my ex back' at 4am and ended up on some really weird websites with spell casters.",
    "I gave {him} {his} stuff back in a box and cried the whole drive home.",
    "I haven't told my parents yet.",
    "I spent £300 on a weekend away to surprise {him} and {he} ended it two days before.",
    "I keep buying lottery tickets like winning would fix this, lol.",
    "{He} messaged me on Telegram from a new account after I blocked {him} on WhatsApp.",
    "I looked at {his} Spotify to see what {he}'s listening to. Sad songs. Does that mean anything?",
    "I haven't been to work in four days, my manager has been kind about it but it can't last.",
    "I booked a session with a counsellor at my GP's clinic, first one is next Tuesday.",
    "Someone told me to try a love spell as a joke and I laughed and then I cried.",
    "I've started sleeping with the TV on because the silence is too loud.",
    "{He} wants to keep the dog and I don't think I can survive losing both of them.",
    "We slept together last weekend and now I'm back at day one.",
    "I wrote {him} a letter I'm never going to send.",
    "It took me 3 days to delete {his} contact and 3 seconds to regret it.",
    "My sister says {he} was never good enough for me but she never saw the good parts.",
    "I'm on antidepressants now, which I never thought would happen to me.",
    "My pastor says to pray for {him} but I mostly pray that it stops hurting.",
    "I keep hoping {he} will show up at my door like in the movies.",
    "I have {his} voice notes saved and I listen to them when I can't sleep.",
    "Everybody says 'you'll find someone better' and I want to scream.",
    "I'm drinking more than I should, I know that.",
    "Eating is hard. I had crackers today and that's it.",
    "I keep checking if {he}'s online on WhatsApp. Last seen 2 minutes ago. Every time.",
    "{He} said {he} will pay back the money {he} borrowed but I doubt it.",
    "My best friend took my phone for the weekend so I wouldn't text {him}.",
    "I'm scared I'll never feel this way about anyone again.",
    "The worst part is I still love {him}.",
    "I know {he}'s not coming back. I know. I just can't make my heart believe it.",
    "I went on one date and spent the whole time thinking about {exname}.",
    "I uninstalled Instagram so I'd stop looking at {his} stories.",
    "I'm trying to be the bigger person but I also want to throw {his} PlayStation in the river.",
    "We agreed on 50/50 custody and I'm trying to be civil for the kids.",
    "I am working two jobs now to pay the rent alone.",
    "{He} called me crying last week and I was weak and picked up.",
    "I don't recognise myself anymore.",
    "I signed up for a pottery class so I'd have somewhere to be on Thursdays.",
    "All I do is scroll and cry and scroll again.",
    "I keep having dreams that we're fine and then I wake up.",
    "I asked {him} if there was someone else and {he} said no. There was.",
]
STORY_END = [
    "Does it get better?",
    "How do I stop checking {his} Instagram?",
    "Should I text {him}?",
    "Any advice is welcome.",
    "I just needed to say this somewhere.",
    "Thanks for reading if you got this far.",
    "How long did it take you to stop thinking about them every minute?",
    "Is it normal to still love someone who hurt you?",
    "Please tell me it gets easier.",
    "Am I wrong to want {him} back?",
    "What do I do now?",
    "",
    "",
    "How do you get through the evenings?",
    "Is there any way to make this hurt less?",
    "Be honest, am I an idiot for waiting?",
    "Did anyone here actually get back with their ex and make it work?",
    "How did you all get through the first month?",
    "I'll take any advice, even harsh.",
    "I don't really have a question. Just tired.",
    "TL;DR {he} left and I'm a mess.",
    "Should I reply to {his} message or leave it?",
    "Has anyone been through something similar?",
    "Sorry for the long post.",
    "Thanks for listening.",
    "Anyone else awake?",
    "I'm going to try no contact again starting today. Wish me luck.",
    "How do you stop hoping?",
    "Tell me something good please.",
    "Was it my fault?",
    "Does no contact actually work or is it just something people say?",
    "sorry for my english",
    "Going to bed now. Or trying to.",
]


def ham_story(ctx):
    s = person_slots(ctx)
    s["age"] = ctx.pick(AGES)
    sents = []
    if ctx.chance(0.7):
        sents.append(ctx.pick(STORY_OPEN))
    sents += ctx.sample(HEARTBREAK, ctx.rng.choice([1, 2, 2, 3, 3, 4, 5, 6]))
    sents += ctx.sample(STORY_DETAIL, ctx.rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 6]))
    if ctx.chance(0.3):
        sents.append(ctx.pick(ctx.rng.choice([EVERYDAY_PARTS, METAPHOR_PARTS, FAITH_PARTS])))
    if ctx.chance(0.3):
        body = sents[1:]
        ctx.rng.shuffle(body)
        sents = sents[:1] + body
    sents.append(ctx.pick(STORY_END))
    return join_sents(ctx, [fmt(x, s) for x in sents], para_p=0.3)


REPLY_OPEN = [
    "I'm so sorry you're going through this.",
    "Been exactly where you are.",
    "Sending you a big hug.",
    "This hit home.",
    "Oof. I felt this one.",
    "First of all, you're not pathetic.",
    "I read your post twice.",
    "Hey, you're not alone in this.",
    "I could have written this a year ago.",
    "Ugh, I'm sorry.",
    "Reading this made my chest hurt, I remember that feeling.",
    "You're doing better than you think.",
    "Honestly? Same.",
    "Hi OP.",
    "Please be gentle with yourself.",
    "Big internet hug from a stranger.",
    "I know it doesn't feel like it but this is survivable.",
    "Your feelings make total sense.",
    "Sorry you're dealing with this.",
    "Oh friend.",
    "Coming from someone who was in your shoes 2 years ago:",
    "Hey, I see you.",
    "I'm a 40 year old man and I cried reading this.",
    "Respectfully, you deserve so much better.",
    "Thank you for sharing this.",
    "Been there, got the t-shirt.",
    "Hold on.",
]
REPLY_ADVICE = [
    "Go no contact, it's the only thing that worked for me.",
    "Mute {him} everywhere, you don't even need to block if that feels too final.",
    "Give yourself permission to grieve, it's a real loss.",
    "My therapist, Dr Lee, said checking their profile is like scratching a mosquito bite: it only itches more.",
    "I see a counsellor at the clinic near my work, it's free through my employer and it helped a lot.",
    "Talk to your GP if you can't sleep, there's no shame in getting help.",
    "Read 'Attached' by Amir Levine and Rachel Heller, it explained so much about why I kept chasing.",
    "Write down every reason it didn't work and read the list when you miss {him}.",
    "The gym saved me honestly. Not because of the body stuff, just having somewhere to put the anger.",
    "Please don't pay anyone who promises to bring {him} back. Grief makes us vulnerable and some people prey on that.",
    "My ex came back after 2 months and it was worse the second time around.",
    "Wanting {him} back is normal. Acting on it is a choice.",
    "It took me about a year to feel normal, but it did happen.",
    "Delete the chats or at least archive them so you're not rereading them at 2am.",
    "Get outside every day, even if it's just a walk round the block.",
    "Eat something, even toast. Your brain needs fuel to process this.",
    "Don't make big decisions right now, just get through the week.",
    "Text a friend instead of texting {him}. Every single time.",
    "Journaling helped me more than I expected. Just dump everything on the page.",
    "You can't control what {he} does, only what you do next.",
    "The 2am thoughts lie. Everything looks worse at night.",
    "Try the podcast 'Heartbreak Hotel Radio', it got me through my commute for weeks.",
    "My doctor put me on a low dose of sertraline for a few months and it took the edge off.",
    "A friend of mine went back and forth with her ex for a year and she says she wishes she'd cut it earlier.",
    "Get your own stuff back and hand back {his}, then close that door.",
    "Unfollow, unfriend, archive. Out of sight really does help.",
    "If {he} wanted to be with you, {he} would be. I know that hurts.",
    "Reconnect with friends you drifted from during the relationship.",
    "Your worth is not decided by whether {he} comes back.",
    "I made a rule: if I wanted to text {him}, I had to wait 24 hours. I never sent one.",
    "Counselling is worth it. My sessions were £40 each through a sliding-scale service.",
    "It's okay to still love {him}. You can love someone and still not go back.",
    "Grief comes in waves. Some days will be awful and that's not failure.",
    "Make a playlist that isn't your shared music.",
    "Sleep hygiene sounds boring but phone out of the bedroom changed my nights.",
    "If you have kids together, keep communication to a co-parenting app and keep it about the kids.",
    "Book a doctor's appointment, seriously, the not eating thing worries me.",
    "I read 'It's Called a Breakup Because It's Broken' and laughed for the first time in weeks.",
    "My counsellor had me do a 'no contact calendar' with stickers. Silly, but it worked.",
    "Start one small thing for yourself, a class, a walk, a book club.",
    "Consider a support group, hearing other people's stories made me feel less crazy.",
    "Don't check {his} WhatsApp last seen. Turn off read receipts and hide your own too.",
    "Honestly, the first 30 days are the worst. Count them.",
    "Stop waiting for closure from {him}. You give yourself closure.",
    "I know you want a guarantee {he}'ll come back. Nobody can give you that, and anyone who says they can is lying.",
    "Cry as much as you need. Then drink water. Then cry some more.",
    "I found yoga videos on YouTube helped me sleep.",
    "Don't believe anyone selling you a 'get your ex back' programme. I bought one. $67 for a PDF telling me to be mysterious.",
    "Volunteering helped me. Being useful to someone else got me out of my own head.",
    "Block {him} on everything for 60 days. You can always unblock later if you really want.",
    "Remember that you survived every bad day so far.",
    "If the drinking is getting bad, please talk to someone about it.",
    "Take it an hour at a time if a day is too much.",
    "Rearrange your room. New layout, fewer ghosts.",
    "Let your friends help you, they want to.",
    "There's a great book by Pema Chödrön called 'When Things Fall Apart', my aunt gave it to me.",
    "I know the urge to fix it. You can't fix something alone that takes two.",
    "Therapy taught me that I was addicted to the highs and lows. Calm felt boring. Now calm feels like home.",
    "Don't compare your inside to {his} Instagram outside.",
]
REPLY_CLOSE = [
    "You've got this.",
    "It gets better, I promise.",
    "Sending love.",
    "Feel free to message me if you need to talk.",
    "Take care of yourself.",
    "Rooting for you.",
    "Hang in there.",
    "One day at a time.",
    "Proud of you for posting.",
    "Hugs.",
    "We're here.",
    "",
    "",
    "You'll be okay. Not today, but you will.",
    "Keep us updated.",
    "Drink some water and get some sleep if you can.",
    "<3",
    "Stay strong OP.",
    "Good luck.",
    "You deserve peace.",
    "Let us know how you're doing.",
]


def _lower_first(t):
    if t.startswith("I ") or t.startswith("I'") or t.startswith("{"):
        return t if not t.startswith("{He}") else "{he}" + t[4:]
    return t[0].lower() + t[1:]


def ham_reply(ctx):
    s = person_slots(ctx)
    sents = []
    if ctx.chance(0.75):
        sents.append(ctx.pick(REPLY_OPEN))
    if ctx.chance(0.25):
        sents.append(
            ctx.rng.choice(
                [
                    "When my {partner} left,",
                    "After my divorce,",
                    "When {exname} and I split,",
                    "Last year when I went through this,",
                ]
            )
            + " "
            + _lower_first(ctx.pick(STORY_DETAIL))
        )
    sents += ctx.sample(REPLY_ADVICE, ctx.rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 7]))
    if ctx.chance(0.6):
        sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, [fmt(x, s) for x in sents], para_p=0.25)


WARN_PARTS = [
    "PSA:",
    "Mods, there's another spell caster comment in this thread.",
    "If anyone comments about a spell caster or 'Dr' so-and-so with a WhatsApp number, it's a scam, report it.",
    "Those 'he came back in 48 hours' testimonies are fake, every single one.",
    "Never send money to a psychic or anyone who promises to bring your ex back.",
    "I lost $800 to one of those 'love doctors' last year. He kept asking for more money for 'materials' for the ritual.",
    "The comment above with the email address is spam, please don't contact them.",
    "They all copy-paste the same story: heartbreak, then a miracle priest, then an email written with (@) so filters miss it.",
    "Nobody can cast a spell on another person's free will. If someone's selling that, they're selling your own hope back to you.",
    "Report and move on. Don't reply to them, they harvest the replies.",
    "Heads up, someone is DMing people from this forum offering to 'hack' their ex's phone. It's a scam, they take the fee and vanish.",
    "If a stranger replies to your post with 'I was like you until I met Dr...' just stop reading there.",
    "The spam bots know we're desperate. That's the whole business model.",
    "Same with the 'forex account manager' comments. Nobody is getting $6,000 profit from a $500 deposit.",
    "My aunt paid a 'spiritual temple' almost two thousand dollars trying to get my uncle back. He never came back and neither did the money.",
    "These scammers read threads like this one looking for the most broken posts to reply to.",
    "Real therapists don't promise results in 72 hours.",
    "If it says 'he can also cure HIV and help you win the lottery', I promise you it's a scam.",
    "Please, if you're tempted, talk to someone here first. We'll talk you out of it gently.",
    "I almost fell for it at my lowest. I even emailed one. They wanted $350 for 'candles and a goat'.",
    "Spell casters, hackers, psychics, sugar daddies, crypto gurus: different costumes, same scam.",
    "You're not stupid for being tempted. You're grieving. They know that.",
    "Mods are usually quick, but use the report button on anything with a phone number and a miracle story.",
    "Fun fact: the 'Dr' in those comments changes name every week but the story is word for word the same.",
    "A real friend who 'knows a guy who can bring your ex back' is still sending you to a scammer.",
    "I reported three of these today. They all had 'contact him via whatsapp' at the end.",
    "If you already sent money, contact your bank right away and report it. Don't be ashamed, it happens to smart people.",
    "There is no spell, no oil, no candle. There's time and there's support. That's it.",
    "Any 'testimony' that ends in an email address is an ad.",
    "Be careful with people offering to read your partner's WhatsApp messages. That's a scam and also illegal.",
    "Whoever replied with that WhatsApp number is a scammer, don't text it.",
    "The people posting 'search his name on Google' are the same scam with extra steps.",
    "A 'reconnection coach' who promises 97% success is selling hope, not help.",
    "Those comments in Spanish and French about amarres and marabouts are the same scam.",
]
WARN_OPEN = [
    "Just a reminder for new people here:",
    "Warning to everyone:",
    "Ugh, not again.",
    "Replying here so OP sees it:",
    "OP please don't.",
    "Gentle reminder:",
    "Seriously everyone,",
    "Quick note:",
    "",
    "",
    "Careful, friend.",
    "Adding this because it happened to me:",
]


def ham_warning(ctx):
    sents = []
    if ctx.chance(0.6):
        sents.append(ctx.pick(WARN_OPEN))
    sents += ctx.sample(WARN_PARTS, ctx.rng.choice([1, 1, 2, 2, 3]))
    if ctx.chance(0.3):
        sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, sents, para_p=0.2)


RESOURCE_PARTS = [
    "If you're in the UK you can call Samaritans any time on 116 123, it's free.",
    "In the US you can call or text 988, any time of day.",
    "In the US you can also text HOME to 741741 to reach a crisis counsellor.",
    "In Australia Lifeline is 13 11 14.",
    "In the UK you can text SHOUT to 85258 if talking on the phone feels like too much.",
    "There's a pinned post at the top of the forum with helplines by country.",
    "My local council has a free counselling service, check your area's website.",
    "I found my therapist through an online directory where you can filter by price and specialism.",
    "There's a divorce recovery group that meets at our library on Thursdays, maybe there's one near you.",
    "If you're a student, your university counselling service is free and usually quicker than the GP.",
    "Lots of therapists offer sliding-scale fees if you ask.",
    "Your GP can refer you for talking therapy, and in England you can often self-refer too.",
    "If you're in immediate danger please call emergency services, 999 in the UK or 911 in the US.",
    "In Canada you can call or text 988 as well.",
    "Many employers have an employee assistance programme with free counselling sessions, check your HR page.",
    "In Ireland Samaritans is also 116 123.",
    "If it's domestic abuse, there are specialist helplines, please look up the one for your country.",
    "Citizens Advice helped me sort out the money side after the split, they're free.",
    "The helpline volunteers are kind, I promise. I was terrified to call and it was okay.",
    "You can also go to A&E or the emergency room if it gets really bad. That's what it's there for.",
]
RESOURCE_OPEN = [
    "Please reach out to someone tonight.",
    "Not sure where you are but:",
    "Leaving this here for anyone who needs it:",
    "Some resources:",
    "Please, please talk to someone.",
    "If it helps,",
    "",
    "For anyone reading later:",
]


def ham_resource(ctx):
    sents = []
    if ctx.chance(0.7):
        sents.append(ctx.pick(RESOURCE_OPEN))
    sents += ctx.sample(RESOURCE_PARTS, ctx.rng.choice([1, 2, 2, 3]))
    if ctx.chance(0.5):
        sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, sents, para_p=0.2)


CARE_POST = [
    "I felt like killing myself last night. I didn't do anything, but it scared me.",
    "Some nights I don't want to wake up.",
    "I've been cutting again after 2 years clean and I'm so ashamed.",
    "I keep thinking everyone would be better off without me.",
    "I wrote a goodbye note last week and then tore it up.",
    "I don't want to die exactly, I just want the pain to stop.",
    "I stood on the bridge near my flat for a long time on Sunday.",
    "I haven't told anyone how bad it's got. I'm telling you because you're strangers.",
    "The thought of living 40 more years feeling like this is unbearable.",
    "I've been thinking about ending it and I don't know who to tell.",
    "I took too many of my sleeping pills on purpose last month. I'm okay now, physically.",
    "Honestly the only reason I'm still here is my cat.",
    "I'm not safe tonight I think.",
    "My psychiatrist upped my meds and I'm doing a bit better, but the dark thoughts still come at night.",
    "I called the crisis line for the first time yesterday. I hung up twice before I stayed on.",
    "I scratched my arms until they bled after I saw {his} new {partner}.",
]
CARE_REPLY = [
    "I'm really glad you told us. Please stay with us tonight.",
    "Thank you for telling us. That took courage.",
    "Can you reach someone right now? A friend, family member, or a helpline?",
    "You matter, even if your brain is telling you otherwise right now.",
    "This pain is real but it's not permanent, even though it feels like it.",
    "Please get rid of anything you could hurt yourself with tonight, or give it to someone.",
    "I've been where you are. I'm really glad I stayed. I hope you stay too.",
    "Is there someone who can be with you tonight?",
    "Please tell your doctor about these thoughts, they can help.",
    "No shame in relapsing. What matters is what you do next. Could you talk to someone today?",
    "Please message the mods or call a line if it gets worse. We want you here.",
    "You don't have to explain yourself to anyone. Just stay.",
]


def ham_care(ctx):
    s = person_slots(ctx)
    if ctx.chance(0.5):
        sents = ctx.sample(HEARTBREAK, ctx.randint(0, 2)) + ctx.sample(CARE_POST, ctx.randint(1, 2))
        if ctx.chance(0.5):
            sents.append(ctx.pick(STORY_END))
    else:
        sents = ctx.sample(CARE_REPLY, ctx.randint(1, 3))
        if ctx.chance(0.6):
            sents += ctx.sample(RESOURCE_PARTS, ctx.randint(1, 2))
        if ctx.chance(0.4):
            sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, [fmt(x, s) for x in sents], para_p=0.25)


FAITH_PARTS = [
    "I prayed every night for {him} to come back.",
    "My pastor told me that closure comes from God, not from {him}.",
    "God gave me strength I didn't know I had.",
    "I lit a candle at church for us, then one just for me.",
    "My priest said forgiveness is for me, not for {him}.",
    "I've started going back to the mosque on Fridays and it's the only quiet hour in my week.",
    "I'm not religious but I went to the temple with my grandmother and sat there for an hour and felt calmer.",
    "I keep asking God why. I don't get an answer, but asking helps somehow.",
    "Our church has a divorce care group and the pastor's wife runs it. Really kind people.",
    "I believe everything happens for a reason, even this.",
    "I fasted and prayed for our marriage for 40 days and {he} still left. I'm angry at God honestly.",
    "My faith is the only thing keeping me going right now.",
    "The verse that got me through was Psalm 34:18, the Lord is close to the brokenhearted.",
    "I talked to the chaplain at the hospital where I work, she listened for an hour.",
    "I pray for {his} happiness now, even if it's not with me. Some days I even mean it.",
    "My prayer group has been bringing me meals since {he} left.",
    "My imam said that patience is half of faith. I'm working on the other half.",
    "I went to confession for the first time in ten years just to say it out loud.",
    "I believe God will restore what was lost, maybe not {him}, but me.",
    "Meditation at the Buddhist centre on Wednesdays has helped me sit with the pain instead of running from it.",
    "I used to pray for {him} to come back. Now I pray to stop wanting {him} to.",
    "Please pray for me, I have a court date for the divorce on Monday.",
]


def ham_faith(ctx):
    s = person_slots(ctx)
    sents = []
    if ctx.chance(0.4):
        sents += ctx.sample(HEARTBREAK, ctx.randint(1, 2))
    sents += ctx.sample(FAITH_PARTS, ctx.randint(1, 3))
    if ctx.chance(0.4):
        sents.append(ctx.pick(STORY_END) if ctx.chance(0.5) else ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, [fmt(x, s) for x in sents])


EVERYDAY_PARTS = [
    "{He} unblocked me on WhatsApp last night and just sent 'hey'. Nothing else.",
    "I saw {he} viewed my Instagram story at 3am. Why would you do that?",
    "I deleted {his} number, then found it again in an old screenshot.",
    "{He} still owes me about $1,400 for the holiday we booked. Small claims court or let it go?",
    "We bought a sofa together for £900 and now we're arguing over who keeps it.",
    "{He} changed {his} Telegram profile picture to one with someone else.",
    "My phone bill is still in {his} name so I have to call the company and sort it out.",
    "I got a new number and only gave it to six people.",
    "{He} Venmo requested me $37 for a pizza from last month. After breaking up with me. I can't.",
    "I muted {his} WhatsApp status and it was the best thing I did all week.",
    "How do I split a joint bank account without it turning into a war?",
    "I archived our chat instead of deleting it. 4,200 messages. I can't delete them yet.",
    "{He} texted from a number I didn't recognise, 2 words, 'I'm sorry'.",
    "My friend set up a Viber group with the girls so I'd have someone to message at night instead of {him}.",
    "I keep checking {his} Spotify, is that as bad as Instagram?",
    "I put {his} number under 'DO NOT TEXT' in my phone. Still texted.",
    "Our shared Netflix profile is still there. {He}'s watching a show we started together. Without me.",
    "{He} Facebook messaged my mum. My mum!",
    "The landlord said we both have to sign to end the lease, and {he} won't answer my emails.",
    "I found a 50 quid note in {his} old jacket and spent it on takeaway and wine. Felt like justice.",
    "I keep wanting to send {him} a voice note. Drafted and deleted about 15 now.",
    "I had to turn off Facebook memories. 'You and {exname}, 4 years ago today.' No thanks.",
    "Does anyone know how to stop Google Photos making 'memories' with your ex's face?",
    "{He} sent me a LinkedIn request. LinkedIn. After everything.",
    "I blocked {his} email and now I'm worried I'm missing something important about the house.",
    "I paid off the credit card we shared. £3,200. It's done. I feel lighter.",
    "Our wedding photographer emailed asking if we wanted the album. I laughed and then cried.",
    "{His} friend added me on Snapchat and I don't know if it's a spy mission lol.",
    "I changed all my passwords because {he} knew them. Felt very dramatic but good.",
    "I asked {him} for my $600 deposit back and {he} sent it with a heart emoji. Why the heart.",
]


def ham_everyday(ctx):
    s = person_slots(ctx)
    sents = []
    if ctx.chance(0.4):
        sents += ctx.sample(HEARTBREAK, ctx.randint(1, 2))
    sents += ctx.sample(EVERYDAY_PARTS, ctx.randint(1, 2))
    if ctx.chance(0.3):
        sents += ctx.sample(STORY_DETAIL, 1)
    if ctx.chance(0.5):
        sents.append(ctx.pick(STORY_END))
    return join_sents(ctx, [fmt(x, s) for x in sents])


METAPHOR_PARTS = [
    "The spell {he} had on me finally broke this week.",
    "It's like I was under a spell for three years and someone just turned the lights on.",
    "Honestly felt like a witch cursed my love life lol.",
    "I'm not superstitious but I burned sage in the flat anyway. Couldn't hurt.",
    "My lucky number used to be {his} birthday. I need a new lucky number.",
    "{He} was a doctor and worked nights, so I was lonely long before we broke up.",
    "My friend is a GP and she said heartbreak really can cause chest pain.",
    "I bought a scratch card on the way home like the universe owed me one. Won £2.",
    "I swear {he} has some kind of magic over me, one text and I'm back at zero.",
    "My grandma read my tea leaves as a joke and said a tall stranger is coming. We'll see.",
    "I did a tarot reading with my flatmate for fun and got the Tower card. Accurate.",
    "Getting over {him} is like breaking a curse, you have to do it yourself.",
    "I used to think we were written in the stars. Turns out the stars were just stars.",
    "I felt bewitched, honestly. Everyone could see it but me.",
    "I keep waiting for some magic moment where I wake up and I'm fine.",
    "No potion is going to fix this, I know. I just have to feel it.",
    "Call it karma but {he} got dumped two weeks after dumping me.",
    "Lol my horoscope today said 'an old flame returns'. Absolutely not.",
    "I joked with my sister that I should find a love spell online. She made me promise never to.",
    "The magic was gone long before {he} left, I just didn't want to see it.",
    "My therapist calls it 'the fog'. I call it the spell. Either way it's lifting.",
    "I was so obsessed I felt possessed. That's the only word for it.",
    "I'm a nurse, I know what grief does to a body, and I still wasn't ready for it.",
    "I won a raffle at work today and my first thought was to tell {him}. That's how deep the habit is.",
]


def ham_metaphor(ctx):
    s = person_slots(ctx)
    sents = []
    if ctx.chance(0.4):
        sents += ctx.sample(HEARTBREAK, ctx.randint(1, 2))
    sents += ctx.sample(METAPHOR_PARTS, ctx.randint(1, 2))
    if ctx.chance(0.3):
        sents += ctx.sample(STORY_DETAIL, 1)
    if ctx.chance(0.4):
        sents.append(ctx.pick(STORY_END))
    return join_sents(ctx, [fmt(x, s) for x in sents])


SHORT_HAM = [
    "day {days} nc. still hurts.",
    "thank you all, really.",
    "This. So much this.",
    "Update: I didn't text {him}!",
    "{he} came back. we're trying again. wish me luck",
    "lol same",
    "saving this thread",
    "I needed this today.",
    "Following, going through the same thing.",
    "Day {days}. Didn't cry today. First time.",
    "Who else can't sleep",
    "He's engaged. I'm fine. I'm totally fine.",
    "Same boat friend.",
    "I blocked {him}. finally.",
    "Please don't text {him}.",
    "You are not pathetic. You are hurting.",
    "Ran 5k today instead of texting {him}.",
    "Deleted the photos. Kept one.",
    "Does it ever stop?",
    "Reported that spam comment above.",
    "this made me cry on the bus",
    "Happy for you OP!",
    "Proud of you.",
    "how do i stop loving someone",
    "One month today.",
    "she blocked me. it's over.",
    "Got my stuff back today. Box of memories.",
    "Thanks for the advice everyone, I'm going to try.",
    "Sending hugs from Germany.",
    "no contact is so hard",
    "3 months free and I finally feel like me.",
    "Is it normal to miss {his} dog more than {him}?",
    "ok I texted {him}. don't be mad",
    "help",
    "Made it through the weekend.",
    "That spell caster comment is spam, don't click.",
    "Stay safe tonight. 116 123 if you're in the UK.",
    "this sub is the only thing keeping me sane",
    "I'm so tired of missing {him}.",
    "i want my ex back so bad it hurts",
    "Best advice in this thread ^",
    "Ugh. Hugs.",
    "congrats on day 30!",
    "{He} liked my photo. That's it. That's the post.",
    "couldn't have said it better",
    "does anybody else feel physically sick",
    "I went back. Regret it.",
    "We're back together! 6 months now.",
]


def ham_short(ctx):
    s = person_slots(ctx)
    t = fmt(ctx.pick(SHORT_HAM), s)
    if ctx.chance(0.2):
        t = t + " " + fmt(ctx.pick(SHORT_HAM), s)
    return t


QUESTION_CONTEXT = [
    "My {partner} and I separated {since} after {dur}.",
    "I'm {age} and recently divorced.",
    "I ended a relationship that was not good for me, but I miss {him} terribly.",
    "My {partner} cheated and we are trying to work through it.",
    "We broke up but we work at the same company.",
    "I have been in a relationship for {dur} and I think it is ending.",
    "My {partner} says {he} needs a break but won't say for how long.",
    "We share custody of two children and every handover turns into a fight.",
    "I keep going back to an ex who treats me badly.",
    "I have trust issues since my last relationship and it's ruining my new one.",
    "My {partner} left and I can't stop blaming myself.",
    "I was married for {dur} and I don't know how to be single.",
]
QUESTION_ASK = [
    "How can I stop thinking about {him} all the time?",
    "How do I tell the kids?",
    "Is it normal to still feel this way after so long?",
    "How do I know if I should try again or let go?",
    "What can I do to rebuild my self-esteem?",
    "How do I deal with seeing {him} every day?",
    "Should I go to therapy alone or with {him}?",
    "How do I stop checking {his} social media?",
    "Why do I keep choosing people who hurt me?",
    "How do I get through the nights?",
    "Can a relationship really recover after cheating?",
    "What is a healthy amount of contact with an ex?",
    "How long does it usually take to feel normal again?",
    "How do I stop the anxiety attacks?",
]


def ham_question(ctx):
    s = person_slots(ctx)
    s["age"] = ctx.pick(AGES)
    sents = ctx.sample(QUESTION_CONTEXT, ctx.randint(1, 2))
    if ctx.chance(0.5):
        sents += ctx.sample(STORY_DETAIL, ctx.randint(1, 2))
    sents += ctx.sample(QUESTION_ASK, ctx.randint(1, 2))
    return join_sents(ctx, [fmt(x, s) for x in sents], para_p=0.15)


# --- TEST-ONLY ham family: practical logistics of a break-up ----------------

LOGISTICS = [
    "We're selling the house and the estate agent wants both of us there on Saturday. How do I survive that?",
    "Splitting the furniture is weirdly the hardest part. Who gets the bookshelf we built together?",
    "{He} wants the cat, I want the cat. The cat wants whoever has the tuna.",
    "Our joint account still has $4,100 in it. We agreed to split it but {he} keeps delaying.",
    "I called the energy company to take {his} name off the bill and the man on the phone was so kind I cried.",
    "Moving out next week. Boxes everywhere. Every box has a memory in it.",
    "The divorce lawyer quoted £2,500. My sister is lending me half.",
    "I have to change my address on 14 different accounts. Break-ups are admin.",
    "We still share a phone plan until March, so I see {his} data usage. Very normal.",
    "Childcare rota for the summer is finally agreed. Only took 9 emails and a mediator.",
    "I found a one-bedroom flat for $1,250 a month. It's tiny and it's mine.",
    "Does anyone know if I can take {his} name off the car insurance without {him}?",
    "Mediation session tomorrow at 10. Wish me luck, I'm bringing a notebook and tissues.",
    "I sold the engagement ring and paid my rent for three months. No regrets.",
]


def ham_logistics(ctx):
    s = person_slots(ctx)
    sents = ctx.rng.sample(LOGISTICS, ctx.rng.choice([1, 2, 2]))
    if ctx.chance(0.4):
        sents = ctx.sample(HEARTBREAK, 1) + sents
    if ctx.chance(0.4):
        sents.append(ctx.pick(STORY_END))
    return join_sents(ctx, [fmt(x, s) for x in sents])


# ---------------------------------------------------------------------------
# Whole posts written by hand (split by index: i % 5 == HOLD -> test)
# ---------------------------------------------------------------------------

HAND_SPAM = [
    "i was married for 9 years and my husband just woke up one day and said he is not happy anymore. i begged him, his family begged him, nothing. i lost 10kg in one month. my friend kept telling me about a man in africa that helps people and i said no no i dont believe in that. but when you are that desperate you will try anything. i contacted Papa Ugbeshe and he told me my husband was tied by a woman at his office. he did the work for me and on the third day my husband came home crying. we are fine now and expecting our second baby. if you need help dont be like me that waited. his number is +234 810 555 0163 on whatsapp",
    "Hello,\n\nI'm writing this because a year ago I was reading this exact forum every night, crying, hoping someone would tell me it would be okay. My girlfriend had left me for a coworker and I thought I would never recover.\n\nI won't lie to you: therapy didn't help me. What helped me was Dr Sunmola. He did a reunion ritual and three days later she called me. We're engaged now.\n\nHis email: drsunmola (at) outlook (dot) com\n\nGod bless.",
    "WHO ELSE WANT THERE EX BACK??? I GOT MINE BACK IN 48HRS WITH THE HELP OF PRIEST TARUBI OF THE SACRED GROVE. HE IS REAL. CONTACT HIM ON WHATSAPP +1 312 555 0148 OR EMAIL PRIESTTARUBI@GMAIL.COM",
    "Thank you for this thread. Reading all your stories I know exactly how it feels. When my wife filed for divorce I honestly thought about ending it all. I am now back with her and our kids and I want to tell you how. A man called Dr Ilesanmi. Search him. That is all I will say.",
    "my bf of 4 yrs blocked me on everything after we fought about his mother. i cried for weeks. then i met a woman on instagram who reads tarot and she put me in touch with her teacher Mama Nwadiogo, a powerful love priestess. mama told me to get 3 white candles and his old shirt. she did the rest. he texted me 2 days later. i cant believe it. mama also helped my cousin win her court case. instagram @mama.nwadiogo.spells",
    "Am here to say big thanks to Lord Mavuto for what he has done in my life, my husband left me and the kids for 2 years with no phone call, Lord Mavuto cast a spell and he came back begging, anyone who need help should contact him Lord Mavuto at lordmavuto [at] yahoo [dot] com he also cure all kind of sickness",
    "Dear heartbroken person reading this,\nyou are not alone.\nI was you.\nI tried no contact, I tried therapy, I tried praying.\nNothing.\nThen Dr Obazee.\n72 hours.\nHe came back.\nEmail: dr obazee @ gmail . com\nWhatsApp: +44 7700 900 417\nYou're welcome.",
    "Anybody in need of a genuine love spell should contact Spiritualist Kaphiri. My marriage was finished, papers signed, and within one week my husband tore the divorce papers and came home. No side effects. Reach him on Telegram @kaphiri_temple",
    "I see alot of people on here crying over there ex, please listen to me, Dr Egbuniwe is the answer. He brought back my fiance in two days and also cured my mother of her diabetes that doctors said no cure. email dregbuniwe01 at gmail dot com or whatsapp plus two three four eight one zero five five five zero one two seven",
    "Im Kevin from Leeds. My wife took the kids and moved to her mums. For 5 months she refused to speak to me. A friend at work gave me the contact of Chief Priest Akporode and I was skeptical. 3 days after the spell she called me and said she wants to come home. Hes the best. www.akporodeshrine.net",
    "I lost 3 thousand dollars to fake spell casters before I finally found the real one, Dr Femurewa. Don't make my mistake, go straight to him. My lover is back and we are happy. drfemurewa(@)gmail. com",
    "I never post anything online but I have to share this. My fiancée left me two weeks before our wedding, cancelled everything, and moved in with her ex. I was destroyed. I read about Prophet Azubeke in a thread like this one and decided I had nothing to lose. He asked for her full name and date of birth. On the 4th day she showed up at my door. The wedding is back on. Prophet Azubeke's WhatsApp is +1 (702) 555-0119. God bless him.",
    "Ur ex will come back crawling in 24hrs or ur money back!!! real love spell no fake. wa.me/2348105550182",
    "hi guys, if anyone needs to see who their partner is texting, my friend is an expert, he got into my ex's whatsapp and instagram and i saw all the lies with my own eyes. he is cheap and fast. telegram @novadecrypt",
    "After my divorce I had nothing. I couldn't pay rent. A lady in my church introduced me to Mrs Celia Dunford who manages bitcoin investments for women in my situation. I started with $250. In three weeks I had $4,900. I am not saying this to brag, I am saying it because I know some of you are where I was. Email her: celiadunford.fx @ gmail . com",
    "Reading this thread broke my heart. Nobody should be alone and crying. I am a rich widower, retired surgeon, and I want to share my life with a sweet lady who has been hurt before. Write to me privately, captainreynold77 at yahoo dot com",
    "Dont let anyone tell you spells are fake. My husband was gone 6 months, living with a girl half his age. Dr Bamgbeye did a return-lover ritual, he came home on a Tuesday and hasnt left since. He also helped my son pass his exams. Visit bamgbeyespellhome.com",
    "Testimony!!! Testimony!!! Testimony!!! My name is Diane from Florida. I was dumped by the love of my life after 7 years. I contacted Great Dr Ajalode through his website and in 48 hours he was back. He can also cure herpes. Website: www.greatajalodetemple.org",
    "If you are reading this, it's a sign. The great Priestess Morwenna of the Blue Moon Love Temple can reunite you with your twin flame. She did it for me and for my sister. Contact her at morwenna.bluemoon (at) protonmail . com",
    "My boyfriend left me for another woman, I was about to give up but a friend referred me to this great man who brought him back to me. He is so powerful, kindly contact him via his whatsapp +234-810-555-0131, he will help you.",
    "Hello, my wife was cheating and I didn't know what to do. I found a hacker named Mr Ghostline who hacked into her phone and gave me access to everything including her deleted texts. It helped me get the truth. He is very reliable. Email ghostline.recovery at gmail dot com",
    "Love binding oil works!!! I put it on his picture like the instructions said and my ex called me the next morning. I ordered from sweetreturnoils.shop, use code HEART10",
    "I was so sad after my breakup, I want to recommend DR TAMUNO. He cast a spell and my boyfriend came back. TAMUNO SPELL HOME @ GMAIL . COM. WHATSAPP + 1 (646) 555 0177.",
    "PLEASE READ. my husband abandoned me and my three kids for a younger woman. i was homeless and lost. i went to my pastor, i went to therapy, i even went to a psychologist. nobody could help me. until i found baba ayanfe, the chief priest. he did the ritual for me and in 3 days my husband came back and asked for forgiveness. now we are a family again. contact baba ayanfe on ayanfeoracle@yahoo.com",
    "OMG you guys. It worked. I contacted Dr Odewunmi like the lady in the other thread said and my ex came back after 36 hours. I am crying happy tears. His email is drodewunmi@gmail.com and he's so kind, he doesn't charge much.",
]

HAND_HAM = [
    "I want to say something to the people who post those 'Dr so-and-so brought my husband back in 48 hours' comments. You're preying on people at the lowest point of their lives. I know because I was one of them. I sent $400 before my sister found out and stopped me. To anyone reading this at 3am: no spell, no priest, no psychic. Just time. I'm six months out and I'm okay now.",
    "My husband left me after 22 years. Twenty two. I'm 51 and I've never lived alone. The first night I slept in the car in the driveway because the house felt haunted. My daughter found me there. She's the one who made me post here. I don't really know what I want from this. Maybe just for somebody to know.",
    "lol so I did the thing everyone says not to do and texted him 'happy birthday'. he replied 'thanks' with a full stop. a full stop!! anyway day 1 of no contact again",
    "I'm a man and I don't talk about this stuff. My wife left and took our son to her parents' place three hours away. I see him every other weekend. I go to work, I come home, I sit in his room. My doctor asked how I was sleeping and I just started crying in the appointment. He referred me to a counsellor. First session is Thursday. I'm terrified.",
    "Update: I did it. I called the number on the pinned post (Samaritans, 116 123) last night when it got bad. I talked to a woman for almost an hour. I'm still here. Thank you to whoever told me to do it in my last thread.",
    "Reading your post made me think of something my grandmother told me when my first love left: 'You don't get over it, you get through it.' I thought it was just a saying. It's not. You will get through it. One horrible Tuesday at a time.",
    "honestly the spell she had on me broke the day i saw her new bf's instagram and realised i didn't feel anything. just nothing. 11 months. it does end guys",
    "Can we talk about how the bots keep replying to the saddest posts here with 'contact Dr Whatever on WhatsApp'? It makes me so angry. Some of these people are suicidal. Mods, thank you for deleting them so fast.",
    "My ex and I got back together after 8 months apart, and I want to share because most posts here are about not going back. We both went to therapy separately first. We talked about what actually broke. It's not magic and it's not a fairy tale, it's work. But it's possible when both people choose it. Don't wait for someone who isn't choosing you though.",
    "sorry for bad english. my wife go back to her country with our daughter and now she say she want divorce. i am alone in this city, no family, no friend. i work in restaurant and when i come home it is empty. i watch videos of my daughter. how i can be strong",
    "I keep a note on my phone called 'Reasons'. Every time I want to text him I read it. 1. He forgot my birthday twice. 2. He made fun of my job in front of his friends. 3. He said my anxiety was 'exhausting'. It's up to 41 reasons now. I still want to text him. But I read it.",
    "Today my therapist (Dr Osei, she's brilliant) asked me what I'd say to a friend who was going through what I'm going through. I said 'you deserve better and you'll be okay'. She said 'so why can't you say it to yourself?' I've been thinking about that all day.",
    "Does anyone else get weirdly angry at couples in the supermarket? Like why are you two so happy picking out pasta sauce together. Rude.",
    "Just wanted to say I almost emailed one of those spell casters last week. I had the email open and everything. I'm so glad I came here first and read the warnings. I feel embarrassed but I'm posting in case someone else is about to do the same. Please don't. It's a scam. I'm choosing to be sad and broke-hearted instead of sad and broke.",
    "It's been a year today. A year ago he said 'I think we should break up' in the kitchen while the pasta boiled over. I couldn't eat pasta for months. Tonight I made carbonara and ate the whole thing. Small victories.",
    "Hey all, I'm a counsellor (not posting as one officially, just a person here) and I want to say: if you're having thoughts of hurting yourself, please reach out tonight. In the US call or text 988. In the UK and Ireland it's 116 123. You don't have to be 'suicidal enough' to call. Feeling like you can't cope is enough.",
    "I prayed every single night for 3 months that she would come back. She didn't. But somewhere in those nights the prayers changed from 'bring her back' to 'help me'. And I think that prayer got answered, slowly.",
    "He texted me 'I miss you' at 2:14am. I know the exact time because I stared at it until 3. I didn't reply. I am so proud of myself and also I want to die a little. Day 23.",
    "PSA from someone who fell for it: the 'hacker' who said he could recover my ex's deleted WhatsApp messages took $250 in gift cards and then asked for $500 more 'to bypass encryption'. Then he threatened to send my messages to my family. Report these accounts and never pay anyone for this.",
    "We were together from 16 to 29. I literally don't know how to be an adult without him. How do you do taxes? How do you choose a dentist? Why does cooking for one feel so sad? If anyone has been through a 'first love, only love' break-up please tell me how you learned to be a separate person.",
    "It's been 2 years since my divorce and I just wanted to come back and say to anyone new here: I remember reading this forum at 4am thinking I'd never feel okay again. I'm okay. Not perfect. But I laugh a lot now, I sleep, I have a small garden and a very bad dog. It gets better. It really, really does.",
    "i've been cutting again. 3 years clean and i broke it last night after he posted pics with her. i cleaned up, i'm physically okay. i just feel so stupid and ashamed. i haven't told anyone irl.",
    "@ the person above who said they cut again: you're not stupid. Relapse doesn't erase 3 years. Please tell one person in real life today, even your GP. And if tonight gets bad, please call a crisis line. We're rooting for you here, truly.",
    "My mum keeps saying 'there are plenty of fish in the sea'. Mum. I don't want a fish. I want my ex. Or I want to not want my ex. Either is fine.",
    "My girlfriend of three years left me for her personal trainer. I know, I know, it's a cliché. I went to the gym today anyway, a different one, and lifted until I shook. Then I sat in the car and cried for 20 minutes. Progress is weird.",
    "Honest question, is it wrong that I went to a tarot reader? I didn't pay much, it was at a fair, £10. She said he'd come back. I know it's nonsense. I just wanted someone to say it out loud.",
    "Not wrong at all, I think lots of us have done something like that when we're desperate for certainty. Just please be careful if anyone asks for more money after, that's where the scams start. A £10 reading at a fair is one thing, 'send $300 for a reunion ritual' is another.",
    "My ex is a doctor. Every time I walk past the hospital I feel sick. I've started taking the long way to work, 20 minutes extra. Worth it.",
    "Blocked her on WhatsApp, Instagram, Telegram, email, and my heart. Well, four out of five.",
    "To the person who said 'I'd do anything to get him back': I said that too. Three years ago. He did come back, twice. Both times it ended worse. The 'anything' I needed to do was let go. I know you don't want to hear that right now. Save this comment for later.",
    "Getting divorced at 34 with two kids under 5. My ex and I are being civil which is almost worse, like we're colleagues now. We split the mortgage until the house sells, I take the kids Mon-Thurs. It's all so reasonable. I go in the bathroom and scream into a towel.",
    "Je suis désolé for my English, I am French. My boyfriend of 5 years left for a job in Canada and said long distance is not possible for him. I understand but I don't accept. Every day I look at the time in Montreal and think what is he doing now. Is this normal?",
    "I read something on here months ago that I think about a lot: 'You can't heal in the same environment that broke you.' So I moved. New city, new job, tiny flat with a balcony. I'm not healed. But I'm healing.",
    "Don't laugh but I made a spreadsheet of every time I wanted to contact him and what I did instead. 212 rows. Called my sister: 41. Went for a walk: 38. Cried: 90ish. Actually texted him: 6. The last one was 7 weeks ago.",
    "he still owes me £2,000 and he's on holiday in Greece with her. I'm eating beans on toast. the universe has jokes",
]


# ---------------------------------------------------------------------------
# Second pass: more hand-written fragments (appended, so the index rule still
# decides which of them are test-only).
# ---------------------------------------------------------------------------

STORY_GREET += [
    "I agree with everyone saying no contact, but if that doesn't work for you, read this.",
    "Hi dear, I read your post and I felt your pain.",
    "I'm not a bot, I am a real person and this is my real story.",
    "Dont mind my english, I just want to help somebody.",
    "Everybody here is giving advice but let me give you a solution.",
    "good evening house,",
    "Praise the Lord!!!",
    "Please share this for others to see.",
    "I promised myself that if it worked I would tell the world.",
    "Hello viewers.",
]
SELF_INTRO += [
    "I am a mother of three from {place}.",
    "I'm a nurse from {place}.",
    "I am a 45 year old man from {place}.",
    "Am a single mum from {place}.",
    "I am called {signer}, I reside in {place}.",
]
TURN += [
    "I went to see a counsellor but nothing changed, then I was introduced to",
    "My friend who had the same problem gave me the email of",
    "I saw a comment just like this one and contacted",
    "that is how I got in contact with",
    "after reading a lot of testimonies on the internet about",
    "eventually I met",
    "God used a stranger on the internet to introduce me to",
    "last month I decided to contact",
    "I was ready to let go when my neighbour told me of",
    "I explained everything to",
]
DESCRIPTORS += [
    "a love spell specialist with 30 years experience",
    "a powerful man of the ancestors",
    "the priest of {god}",
    "a well known herbalist",
    "who has helped thousands of people",
    "a spell caster that never fails",
    "the keeper of {temple}",
    "a true man of God and spirits",
    "a witch doctor of great power",
    "a spiritual healer from the east",
]
ACTIONS += [
    "{He2} told me to buy some items for the ritual which I did",
    "{He2} spoke to the spirits and they agreed to help",
    "{He2} made a powerful love portion and sent it to me by courier",
    "{He2} did the reunion ritual at the river",
    "{He2} used {his2} powers on my situation",
    "{He2} said my ex will return and sure enough it happened",
    "{He2} only asked for the name and photo of my {partner}",
    "{He2} did some spiritual work for me",
]
RESULTS += [
    "and the next day {he} was calling my phone nonstop.",
    "and {he} begged me to accept {him} back.",
    "and now {he} cannot stay a day without me.",
    "and {he} came back and proposed to me.",
    "and after {hours}hrs {his} mother called to apologize.",
    "and {he} left the other {man} for good.",
    "and in {hours} hours my {partner} was back home.",
    "and all my pain turned to joy.",
    "and {he} apologized for all {he} did to me.",
    "and everything happened as {he2} said.",
]
GRATITUDE += [
    "I am the happiest person on earth today.",
    "Words are not enough to thank {caster}.",
    "God bless the day I met {him2}.",
    "I owe {him2} my life.",
    "I will keep sharing this everywhere I go.",
    "My family is complete again.",
    "Such a kind and genuine person.",
    "Highly recommended!!",
]
SERVICES += [
    "get back stolen properties",
    "stop bad dreams",
    "get your husband promoted",
    "stop your wife from leaving",
    "win a scholarship",
    "become a member of a secret society",
    "cure fibroids",
    "protection for your family",
    "get the job of your dreams",
    "make your boss like you",
]
CLOSERS += [
    "This is the best thing that ever happened to me.",
    "Say goodbye to heartbreak.",
    "Tell {him2} {signer} sent you.",
    "Distance is no barrier.",
    "Don't wait like I did.",
    "Good things happen to those who take action.",
    "{His2} help is fast and sure.",
    "Contact {him2} and thank me later.",
]
CASTER_NAMES += [
    "Ukwuoma",
    "Adetoro-Bisi",
    "Oloruntele",
    "Ekwenzi",
    "Olokpa",
    "Zubairo",
    "Nnaemeka-Obu",
    "Salvatore Lune",
    "Ashgrove",
    "Belladine",
    "Omotunde",
    "Ifeyemi",
    "Oghomwen",
    "Aruwaji",
    "Kelechukwu-Ra",
]
TEMPLES += [
    "the Temple of Seven Candles",
    "Ifeyemi Spiritual Centre",
    "the Moonstone Coven",
    "the Temple of Ancient Love",
    "the Olokpa Healing Home",
]
GODS += [
    "the spirit of the great river Ossanu",
    "the goddess of love Eruwa",
    "the ancient spirits",
    "the god of thunder Aranke",
    "mother moon",
]
HEARTBREAK += [
    "{He} told me I was boring and that {he} wanted to live a little.",
    "I begged and begged, I sent flowers to {his} office, I called {his} friends.",
    "We broke up after {his} parents said I was not good enough for {him}.",
    "I had a miscarriage and {he} left me a month later.",
    "{He} said the spark was gone.",
    "{exname} moved out while I was visiting my parents.",
    "i cant sleep i cant eat i just want {him} back",
    "My {partner} stopped talking to me after a small misunderstanding.",
    "{He} left me for someone {he} met online.",
    "I still wear the necklace {he} gave me.",
    "My {partner} moved back to {his} home country and stopped answering my calls.",
    "The doctor said my blood pressure was high from the stress.",
    "I have two kids with {him} and {he} does not even call them.",
    "we was together {dur} and {he} just go without saying anything",
    "I am 52 and I never thought I would be alone at this age.",
]

# Spell testimonies about other needs (lottery, cures, pregnancy, job).
NEED_STORY = [
    "I have been playing the lottery for 12 years without winning anything serious.",
    "I was diagnosed with herpes in 2019 and I was so ashamed I stopped dating.",
    "My husband and I tried for a baby for 7 years and every doctor said there was no hope.",
    "I lost my job after my divorce and I had no money to pay my rent.",
    "I had a court case with my ex over the custody of our children.",
    "My business was collapsing and my wife was threatening to leave because of money.",
    "After my break-up I had bad luck in everything, work, money, health.",
    "I have been HIV positive for 4 years and I was losing hope.",
    "I was owing so much money after the separation that I couldn't sleep.",
    "My son was failing all his exams and my ex blamed me for everything.",
    "I had fibroids for years and I was told I needed surgery.",
    "I applied for a visa three times and was refused every time.",
]
NEED_RESULT = [
    "{He2} gave me the winning numbers and I won $1.2 million in the Powerball.",
    "{He2} sent me a herbal medicine and after 2 weeks I tested negative.",
    "{He2} prepared a fertility portion and now I am 5 months pregnant.",
    "Two weeks after the spell I got a job offer with double my old salary.",
    "The judge ruled in my favour and I got full custody.",
    "{He2} did a lottery spell and I won £280,000 on the EuroMillions.",
    "My business is now booming and my family is happy again.",
    "Three days later my bad luck was gone and money started flowing.",
    "I went for a test and the doctor confirmed I am cured.",
    "{He2} cast a money spell and my debts were cleared in one month.",
    "My son passed all his exams with flying colours.",
    "My visa was approved within one week.",
]


def need_testimony(ctx):
    ps = person_slots(ctx)
    c = Caster(ctx)
    slots = dict(ps)
    slots.update(c.slots())
    slots.update(
        signer=ctx.pick(SPAM_SIGN_NAMES),
        place=ctx.pick(SPAM_PLACES),
        hours=ctx.pick_shared(HOURS),
        ordinal=ctx.pick_shared(ORDINALS),
    )
    sents = []
    if ctx.chance(0.5):
        sents.append(ctx.pick(STORY_GREET))
    if ctx.chance(0.5):
        sents.append(ctx.pick(SELF_INTRO))
    sents += ctx.sample(NEED_STORY, ctx.rng.choice([1, 1, 2]))
    sents.append(
        ctx.pick(TURN) + " {caster}" + ctx.rng.choice([", ", " "]) + ctx.pick(DESCRIPTORS) + "."
    )
    sents.append(ctx.pick(NEED_RESULT))
    if ctx.chance(0.6):
        sents.append(ctx.pick(GRATITUDE))
    if ctx.chance(0.6):
        sents.append(services_sentence(ctx, slots))
    if ctx.chance(0.85):
        sents += contact_block(ctx, c, slots)
    sents.append(ctx.pick(CLOSERS))
    return join_sents(ctx, [fmt(x, slots) for x in sents], para_p=0.3)


# Numbered "if you want..." adverts, a common shape.
IFLIST_ITEMS = [
    "If you want your ex back",
    "If you always have bad dreams",
    "If you want to be promoted in your office",
    "If you want women or men to run after you",
    "If you want a child",
    "If you want to be rich",
    "If you want to tie your husband to be yours forever",
    "If you need financial stability",
    "If you want to stop your divorce",
    "If you want to win a court case",
    "If your partner is cheating",
    "If you want to win the lottery",
    "If you want to cure any sickness",
    "If you want your business to grow",
    "If you want to marry the person you love",
]
IFLIST_HEAD = [
    "{caster} is the solution to all your problems:",
    "Contact {caster} for the following:",
    "{caster} of {temple} can help you:",
    "Call {caster} now",
    "Are you suffering from any of these?",
    "Powerful spells by {caster}",
]


def iflist_ad(ctx):
    c = Caster(ctx)
    slots = dict(person_slots(ctx))
    slots.update(c.slots())
    items = ctx.sample(IFLIST_ITEMS, ctx.randint(3, 8))
    sep = ctx.rng.choice(["\n", " ", "\n"])
    num = ctx.rng.choice(["{i}. ", "({i}) ", "{i}) ", "* ", "- ", ""])
    body = sep.join(
        num.format(i=i + 1) + it + ctx.rng.choice(["", ".", "!"]) for i, it in enumerate(items)
    )
    parts = [fmt(ctx.pick(IFLIST_HEAD), slots), body]
    parts += contact_block(ctx, c, slots)
    return (sep if sep == "\n" else " ").join(parts)


# More genuine material.
STORY_DETAIL += [
    "My english is not so good but here I can write what I cannot say to my family.",
    "In my culture divorce is a shame, so I cannot talk to anybody about this.",
    "I am from Poland and here nobody knows me, so it is very lonely.",
    "my friends say forget him, but is not so easy for me",
    "I read many testimonies of people who got their ex back and I want to believe it can happen to me too.",
    "I keep typing {his} name into the search bar and deleting it.",
    "I told {him} I was fine. I am not fine.",
    "The doctor at the walk-in clinic said it was a panic attack, not a heart attack.",
    "I spent my whole lunch break rereading {his} last email.",
    "I sleep in {his} old hoodie. Yes, I know.",
    "I bought a plane ticket to go see {him} and then cancelled it. Lost $180.",
    "My dad, who never talks about feelings, called me every night this week.",
    "I'm 3 weeks no contact and yesterday I broke it with a 'happy new year'.",
    "I'd give anything to have one more normal evening with {him}.",
]
REPLY_ADVICE += [
    "In my country we say time is the best doctor. It is true, slowly.",
    "You are not weak for missing {him}. You loved {him}. That's the opposite of weak.",
    "I went to a support group at the community centre, it was free and everyone there got it.",
    "Write the text you want to send in your notes app. Don't send it. Read it tomorrow.",
    "I know people say 'get back out there' but honestly take your time, there's no deadline.",
    "My sister talked me out of paying a 'love psychic' $500. Best thing she ever did for me.",
    "Sometimes we don't miss the person, we miss who we were with them.",
    "Tell your doctor you're not eating, they can help with appetite and sleep.",
    "Find one person you can call at 2am. If you don't have one, the helplines exist for exactly that.",
    "Reading old messages is like picking a scab. It will never heal if you keep doing it.",
    "Sorry for my english, but I want to say: I was like you two years ago, and now I am happy with my life.",
    "Ask a friend to change your passwords to your social media for a month if you can't stop checking.",
    "Your brain is literally in withdrawal. It's chemistry, not weakness.",
    "I lost a lot of money 'investing' with a guy who messaged me after my divorce. Please be careful who you trust right now.",
]
WARN_PARTS += [
    "Someone replied to my post with 'contact Dr [name removed] on WhatsApp, he brought my husband back'. I reported it. Please report these.",
    "If a 'hacker' offers to get into your ex's phone, they're going to hack you instead. Your money, your photos.",
    "The ones that say 'I'm not a bot, this is my real story' are always bots.",
    "A real support post doesn't end with an email address and a list of diseases someone can cure.",
    "They even copy our style now, they start with a sad story that sounds exactly like us. Look at the end of the post.",
    "My mum almost sent money to a 'prophet' on Facebook who said he'd end my divorce. Talk to your family about these scams.",
    "Forex 'account managers' in the comments of a break-up forum. Come on.",
    "No legitimate counsellor will ever DM you first offering a miracle.",
]
RESOURCE_PARTS += [
    "The Samaritans website (samaritans.org) has an email option too if you can't face calling.",
    "988lifeline.org has a chat option if you're in the US.",
    "My GP surgery's website had a self-referral form for counselling, took five minutes.",
    "If money's the problem, a lot of charities do free counselling for people going through divorce.",
    "I'm not a professional, but my DMs are open if you just want someone to talk to. And the helplines are better than me.",
]
FAITH_PARTS += [
    "My pastor prayed with me after service, he didn't promise {he} would come back, he just prayed for my peace.",
    "I went to the temple every morning for a month. Not for a miracle. For somewhere to put my grief.",
    "My priest told me God doesn't waste pain. I'm holding on to that.",
    "I'm Muslim and my sisters at the mosque have been so kind to me since my husband left.",
    "I asked God to bring {him} back and then I asked Him to forgive me for asking.",
]
METAPHOR_PARTS += [
    "Six months later and I can finally say the spell is broken. I look at {his} photo and feel nothing.",
    "Was I under some kind of spell? How did I not see it?",
    "My friends joked they'd hire a witch to curse {him}. I laughed so hard I cried.",
    "I'm a pharmacist and even I couldn't find a prescription for this one, lol.",
    "Lucky for me my best friend is a terrible cook and an excellent listener.",
]
SHORT_HAM += [
    "day 60. it finally feels lighter.",
    "Mods there's a hacker spam comment below, reported",
    "sorry for my english but thank you all",
    "I'm so proud of you OP",
    "Crying at my desk again",
    "We got back together and it's been great, but we both did therapy first.",
    "he blocked me on whatsapp and i'm not ok",
    "Sending love from Nigeria <3",
    "Anyone want to be no contact buddies?",
    "Thank you, Samaritans. That's all.",
]


HAND_HAM += [
    "Okay this is going to be long, sorry.\n\nI met Sam when I was 24 at a friend's barbecue. He was the guy who brought a guitar and didn't play it. We were together nine years. We got a flat, then a slightly bigger flat, then a dog called Biscuit. We talked about kids 'in a couple of years' for about five years.\n\nIn January he told me he'd been unhappy for a long time. He said it like he was reading the weather. He'd already found a place. He'd already told his parents. I was the last to know about my own relationship.\n\nThe first month I didn't really eat. I lost a stone and people kept saying I looked great, which made me want to scream. I called in sick a lot. I googled things at 4am that I'm embarrassed about, including 'can you make someone love you again', and ended up on sites with spell casters promising results in 48 hours. I didn't contact any, but I understood for the first time how people do.\n\nIt's been five months. I'm seeing a counsellor every other week through work. I've started running, badly. I kept Biscuit. Some days are fine and some days I sit in the car outside the supermarket and cry. I'm posting because I think I'm finally on the other side of the worst bit, and when I was in the worst bit I needed to read that people got through it. So: I'm getting through it.",
    "I'm going to be honest about something I haven't told anyone. Three weeks after my wife left, I found one of those websites. 'Reunite with your lost love in 72 hours.' I filled in the form. A man called me from a WhatsApp number within the hour. He was so kind. He said he could see my wife was under a bad influence. He needed $150 for the materials. Then $400 for a second ritual because 'the spirits needed more'. Then $900 because my wife's 'family had protection'.\n\nI paid all of it. $1,450. She didn't come back, obviously.\n\nI'm writing this because I see those comments here every week and I see people replying 'how do I contact him?'. Please don't. I'm a reasonably smart guy, I have a degree, I manage a team. Grief made me stupid. It can do that to anyone. Talk to someone real. I did eventually, a counsellor my GP referred me to, and that's what actually helped.",
    "My boyfriend broke up with me last night. We've been together since we were 17, I'm 22 now. He said he loves me but he wants to 'experience life'. I keep thinking I should have seen it coming. He'd been distant since he started his new job. I'm sitting in my childhood bedroom at my parents' house because I couldn't stay in our flat. My mum made me tea and didn't ask anything, which was perfect. My little brother sent me a meme. I just don't know how to start over at 22 when I planned my whole life around someone. Everyone says I'm young and I have time. I know. It doesn't help right now.",
    "Unpopular opinion maybe but I think we need to talk more about relief. When my husband left I cried for two days and then, on the third day, I realised I hadn't walked on eggshells since he went. I ate what I wanted. I watched what I wanted. Nobody sighed when I laughed too loud on the phone. I still miss the good parts. I still get sad. But I also feel light in a way I haven't for years, and I felt so guilty about that until my counsellor said relief is a very common part of grief. So if anyone else is feeling relieved and ashamed of it: you're not a monster.",
    "update for those who asked: i didn't text him on his birthday. i wanted to so badly. i wrote it out, 'happy birthday, hope it's a good one', so harmless right. then i read all your replies again and i gave my phone to my flatmate and we watched three episodes of a terrible dating show and ate a whole pizza. at midnight i got my phone back and cried a bit and went to sleep. today is day 41. thank you all, genuinely, i couldn't have done it alone.",
    "I'm a 46 year old dad and I never thought I'd be on a forum like this. My wife and I separated in August. We're doing the 'amicable' thing for the kids: week on, week off. On my off weeks the house is so quiet I can hear the fridge. I've been eating cereal for dinner and I've watched every war documentary on Netflix. My brother dragged me to a men's group at the community centre last Tuesday, eight blokes in a circle on plastic chairs. I almost left. I stayed, and one older guy said 'the quiet gets less loud' and I had to go to the toilet to get myself together. Anyway. I'm going again next week.",
    "Can someone explain why I can handle my job, my kids, my bills, my mum's hospital appointments, and then completely fall apart because I found his sock behind the washing machine? A single grey sock. I sat on the kitchen floor for 20 minutes. Grief is so stupid.",
    "Hi, I am from Italy and I write with a translator, I hope it is understandable. My girlfriend left me after 6 years because she says I work too much and I am never present. She is right, I know. I changed, I reduced my hours, I started therapy, but she says it's too late. I respect her decision but I cannot stop to think that if I changed before, now we would be together. How do you live with this kind of regret? Thank you for reading.",
    "Sharing something that helped me in case it helps someone: I made a 'when I want to text her' list and stuck it on my fridge. 1) Call my brother. 2) Go for a 20 minute walk, no phone. 3) Write the message in my journal instead. 4) Have a shower. 5) If it's after 11pm, it's a no, go to sleep. Sounds silly. I've texted her once in 2 months compared to every day before. My therapist (Dr Patel, who I found through my insurance) said having a plan for the urge works better than just willpower.",
    "I've been in a really dark place since the divorce. I want to be honest here because I can't be honest anywhere else. There were nights in December I thought about not being here anymore. I didn't have a plan, but the thoughts were there a lot. I finally told my doctor last week and she was so kind about it. I'm on a waiting list for therapy and I have the crisis number saved in my phone. I'm posting because if you're having those thoughts too, telling someone was the hardest and best thing I did.",
    "I'm proud of you for telling your doctor. That's huge. Please keep that number close, and if the waiting list feels too long, ask again, tell them it's urgent. Also if it helps, you can post here any time, day or night, someone is usually awake.",
    "Just a funny one to lighten the mood: I went on my first date since the break-up and the guy spent 40 minutes telling me about his ex. At one point he showed me her Instagram. I went home, ate ice cream and felt weirdly better about my own healing. At least I'm not him.",
    "My ex came back after 3 months. Said he'd made the biggest mistake of his life. I took him back. Two weeks later he was 'confused' again. I'm not posting to say never go back, I know it works for some people. I'm posting because I see a lot of 'I'd do anything' on here and I was exactly that person, and I want to say that 'anything' shouldn't include giving up your own peace.",
    "We had a really strong faith together, we met at church. When she left, half of our church friends chose her, or at least that's how it felt. My pastor sat with me for an hour and didn't say any of the things I expected, no 'God has a plan', just 'this is awful and I'm sorry'. It's the most Christ-like thing anyone's done for me. I'm still angry at God. I'm still going on Sundays. Both things are true.",
    "Is it weird that I'm grieving a relationship I ended? I broke up with my girlfriend of 4 years because I wasn't in love anymore. I was sure. I'm still sure. But I miss her all the time, and I feel like I'm not allowed to be sad because I'm the one who did it. Her friends hate me. My friends think I should be happy. I'm not happy. I'm just... sad and certain at the same time.",
]
HAND_SPAM += [
    "Heartbreak is real and I know how it feels. My husband left me for our neighbour's daughter. I was crying every day and my kids saw me cry. My pastor prayed for me, my counsellor talked to me, but nothing changed. I was introduced to Priest Oloruntele by a woman at my gym, I told him everything and he said within 2 days my husband will call me, and I tell you he did. We are together now and the neighbour's daughter has moved to another city. Priest Oloruntele's whatsapp: +1 415 555 0192, email: oloruntelepriest(@)gmail .com",
    "Hi everyone! I just want to say that if you need a love spell that really works, please message Mama Ifeyemi. My fiancé called off our engagement and in 3 days after Mama's spell he was back with the ring. Email: mama . ifeyemi @ yahoo . com",
    "Getting your ex back is possible. I am living proof. I won't write a long story, just contact Dr Ekwenzi on WhatsApp +234 810 555 0244 and tell him your problem. He will do the rest.",
    "After 4 years of marriage my husband said he wants divorce because I could not give him a child. Dr Zubairo gave me herbs and a fertility spell and now we have a baby boy and my marriage is restored. He also helped my friend get her boyfriend back. Contact: drzubairo at yahoo dot co dot uk",
    "no more tears!!!! my wife returned home after 1 year of separation because of the power of baba olokpa. you too can be happy again. CALL OR WHATSAPP BABA ON +44 7700 900 318",
    "Please everyone stop wasting time on therapy and no contact, I did all that for 8 months and nothing. What worked was a reunion ritual from the Temple of Seven Candles. My ex texted me the next morning. Their site: sevencandlestemple.net",
    "Have you been scammed by a fake spell caster before? So was I, 3 times. Then I found Lady Belladine, the only real one. She brought my girlfriend back in 24 hours and asked for nothing until it worked. belladinespells @ gmail dot com",
    "My wife was hiding her phone and coming home late. I contacted a private investigator who is also a hacker, Lexa Byteguard, and within hours I had her whatsapp, texts and call logs. Turns out she was cheating. Now I'm divorced and free. lexabyteguard at protonmail dot com",
    "Please if you are going through a divorce and you need money, don't be ashamed. I got a fast loan of £15,000 from Silverline Lending with no credit check. They helped me when nobody else would. Email loanssilverline@outlook.com",
    "I am Omotunde, a spiritual helper. I saw your post about your boyfriend and I can help you get him back. Message me on Telegram @omotunde_helps. God bless you.",
]


SHORT_HOOKS += [
    "{caster} is real. My {partner} came back in {hours} hours. God bless {him2}.",
    "Thank you {caster} for bringing back my {partner}, I will never stop testifying.",
    "All glory to {caster} of {temple}, my marriage is restored!!",
    "{caster} did it again! My sister's husband is back home. {contact}",
    "Anyone looking for {caster}? {He2} helped me, reply and I will send you the contact.",
    "whoever needs a real spell caster, {caster} is the one, my ex came back on the {ordinal} day",
    "I recommend {caster} to everyone here. {contact}",
    "Dont cry over {him}, {caster} brings back lost lovers. {contact}",
    "Testimony: ex back in {hours} hrs. {caster}. {contact}",
    "{caster} never fails. Try {him2} {contact}",
]
EVERYDAY_PARTS += [
    "{He} called from a withheld number three times last night and I didn't pick up.",
    "I saved {his} new number as 'Do Not Answer'. Best contact name I've ever made.",
    "If anyone in Leeds wants to join the walking group a few of us from here started, the details are in the pinned meetup thread.",
    "My ex's new partner messaged me on Instagram to ask if {he} was always like this. Yes. Yes {he} was.",
    "Got a text from an unknown +1 number saying 'it's me'. Blocked it. Felt powerful for about four minutes.",
    "Moving the Wi-Fi into my name took 47 minutes on hold. The man on the phone asked if I was okay and I said no.",
]


REPLY_OPEN += [
    "@OP I'm so sorry.",
    "@ the person above, this is for you too.",
    "@OP hugs.",
    "Replying to @ everyone who asked how I'm doing:",
    "@OP you're not alone, honestly.",
]
REPLY_ADVICE += [
    "Dr Amin at my GP practice was the first person I told and he was brilliant, no judgement at all.",
    "I saw a psychiatrist, Dr Kowalski, for three months after my divorce. Meds plus talking helped me more than either on its own.",
    "My priest once told me grief is love with nowhere to go. That stuck with me.",
    "Ask your doctor about a referral. Dr whoever-it-is has heard it all before, break-ups are a big reason people come in.",
]
STORY_DETAIL += [
    "Dr Mensah, my GP, signed me off work for two weeks and I cried in her office.",
    "I told the priest at my parish everything and he just listened.",
    "@{exname} if you ever read this, I hope you're happy. I mean it. Mostly.",
]
SHORT_HAM += [
    "@mods can you remove the spam above please",
    "@OP how are you doing now?",
    "my doctor says it's situational depression. makes sense.",
    "Dr Google says I'm dying. Dr me says it's heartbreak.",
]
# Posters thank each other for reading: the page-flattery spam below says "reading"
# too, and without these a genuine "Thank you all for reading." was held.
SHORT_HAM += [
    "Thank you all for reading.",
    "thanks for reading x",
    "still reading every reply, thank you",
    "Thanks for reading, it helped to type it out.",
    "Been reading here for weeks before posting.",
    "thank you for reading my rant",
    "Thanks to everyone reading and replying.",
    "sorry it's long, thanks for reading",
    "Reading all of this at 3am. Thank you.",
    "Thank you all for reading and for being kind.",
]


# ---------------------------------------------------------------------------
# Families beyond spell casters (issue 12): what else a forum meets.  Every
# business, brand, domain, handle and number below is invented for Mend.
# ---------------------------------------------------------------------------

# Pieces of invented commercial domain names, and where such links point.
DOMAIN_HEADS = [
    "brightoak",
    "quickfix",
    "bestbuy",
    "topslot",
    "easyloan",
    "primeessay",
    "lux",
    "royal",
    "mega",
    "urban",
    "smart",
    "gold",
    "star",
    "happy",
    "green",
    "pro",
    "super",
    "lucky",
    "city",
    "global",
    "alpha",
    "nova",
    "blue",
    "win",
    "fast",
]
DOMAIN_TAILS = [
    "repairs",
    "essays",
    "slots",
    "bet",
    "decor",
    "tattoo",
    "loans",
    "seo",
    "fashion",
    "clinic",
    "movers",
    "casino",
    "outlet",
    "pharma",
    "kitchens",
    "tours",
    "escorts",
    "cleaning",
    "academy",
    "gadgets",
    "jewels",
    "media",
    "shop",
    "store",
    "hub",
]
LINK_TLDS = [".com", ".net", ".co.uk", ".in", ".pk", ".com.au", ".info", ".org", ".shop", ".co"]
LINK_PATHS = [
    "",
    "",
    "",
    "/",
    "/services/",
    "/collections/sale",
    "/product/deluxe-set",
    "/blog/top-10-tips",
    "/category/offers",
    "/pages/contact",
    "/?ref=comment",
    "/best-deals-2024",
    "/service-center",
    "/en/promo",
    "/shop/",
    "/register",
]


def commercial_url(ctx):
    host = ctx.pick(DOMAIN_HEADS) + ctx.rng.choice(["", "-"]) + ctx.pick(DOMAIN_TAILS)
    host += ctx.pick_shared(LINK_TLDS)
    return (
        ctx.rng.choice(["https://", "https://www.", "http://", "www."])
        + host
        + (ctx.pick_shared(LINK_PATHS))
    )


# Anchor texts: the keywords a paid link is bought for.
ANCHORS = [
    "cheap essay writing service",
    "best online casino",
    "payday loans online",
    "affordable roof repair",
    "buy instagram followers",
    "luxury wall clocks",
    "dissertation help uk",
    "slot gacor hari ini",
    "washing machine repair dubai",
    "top rated movers and packers",
    "buy cheap replica watches",
    "digital marketing course",
    "SEO services in London",
    "custom tattoo studio",
    "vip call girls",
    "bathroom remodeling",
    "online assignment help",
    "best gaming laptops 2024",
    "pg slot",
    "herbal weight loss pills",
    "AC repair near me",
    "web design agency",
    "buy youtube subscribers",
    "sports betting tips",
    "Kervale Interiors",
    "Lumora Jewels",
    "Brightoak Movers",
    "Zentria Clinic",
    "Quickmend Appliance Service",
    "Nordway Tours",
    "Palmcrest Outlet",
    "Veloria Fashion",
    "Astrello Media",
    "Hollin & Sons Kitchens",
    "Marigold Spa",
    "Tessaro Shoes",
    "kitchen cabinets",
    "car rental cheap",
    "hair transplant cost",
    "leather jackets for men",
    "dental implants clinic",
    "rehab center near me",
    "roof cleaning services",
    "plumber emergency",
    "locksmith 24 hours",
    "buy essays online",
    "write my paper",
    "quick cash loans",
    "mobile phone repair shop",
    "garage door repair",
    "fridge repair",
    "Sunvale Recovery",
    "Orbitra Dental",
    "Keystone Flooring",
]

# Praise that fits any page, the opening of comment spam.
FLATTERY = [
    "Thanks for sharing this wonderful article, it was very informative.",
    "Great post! I learned a lot from it, keep it up.",
    "I really like how you explained everything, very helpful content.",
    "This is exactly the kind of information I was searching for, thank you.",
    "Nice blog, I have bookmarked it and will come back for more.",
    "Your writing style is amazing and the content is so useful for readers.",
    "I have been reading your posts for a while and they are always valuable.",
    "Such a well written piece, I shared it with my colleagues.",
    "Very nice and informative post, appreciate the effort you put in.",
    "Wow, what a helpful write-up. Keep posting such quality stuff.",
    "I stumbled upon this page and I am glad I did, really great work.",
    "Hello admin, your site is very nice and easy to read.",
    "Good information here, I will definitely recommend this site to my friends.",
    "Excellent points made here, this topic needed a clear explanation.",
    "This article is a gem, thank you for taking the time to write it.",
    "I am impressed by the quality of the information on this website.",
    "Amazing post, very knowledgeable and to the point.",
    "Hey there, just wanted to say your blog loads fast and reads well.",
    "Brilliant content as always, looking forward to the next update.",
    "Really enjoyed reading this, the tips are practical and clear.",
    "Informative article, I found many new things here.",
    "Your post gave me a new perspective, thanks a lot for sharing.",
    "Keep up the great work, people like you make the internet better.",
    "Superb article, my friend recommended your website to me.",
    "This was a pleasure to read, bookmarked for later.",
    "Very useful information shared here, thanks to the author.",
    "I appreciate this post, it solved a problem I had for days.",
    "Awesome content, you explained a difficult topic in simple words.",
    "Hi, nice post. I would like to add something for readers.",
    "Fantastic write-up, I will share this with my followers.",
    # The chatty bot comments that ask about the blog itself.
    "Hey, which theme are you using on this blog? It looks so clean on my phone.",
    "My cousin sent me the link to this site and she was right, I'm hooked.",
    "I spent half the afternoon browsing and this is the first page that answered my question.",
    "Do you have any advice for someone starting their own blog? I'm new to WordPress.",
    "Is there an RSS feed? I'd like to get new posts by email.",
    "Your site took ages to load for me, but it was worth the wait.",
    "Were you paid for this article? Either way, it's good stuff.",
    "I shared this with my whole office, everyone loved it.",
    "Not sure where you find your information, but great topic anyway.",
    "Please keep writing, I visit this blog every single day.",
    "I came across your site by accident and now I've read five posts in a row.",
    "My wife and I argued about this topic and your article settled it.",
    "Can I quote a few lines of this on my own website? I'll credit you.",
    "The layout of this page is really nice, did you design it yourself?",
    "Honestly one of the better blogs on this subject, I'll be back for sure.",
    "Came here from a search about something else entirely and stayed for an hour, lovely little site.",
    "Heya, first time commenting here. This piece actually brightened my whole morning.",
    "Greetings from a long-time lurker, your pages are the first I open with my coffee.",
    "Found this page through a search engine at midnight and read until two, no regrets.",
    "This blog deserves far more readers than it has, honestly.",
    "Quick question for the author: what camera do you use for the photos on this site?",
    "A colleague dropped this page into our team chat and now half the office is reading it.",
    "After a whole evening of reading forums, yours is the one page that made sense.",
    "Lovely weblog, I bookmarked three of your older entries already.",
    "Is there a newsletter for this site? I'd hate to miss the next entry.",
    "The effort behind each page here really shows, thank you to whoever runs it.",
    "Good discussion in these comments too, the readers here are as sharp as the writer.",
    "Genuinely, this is one of the most useful pages I have landed on all week.",
    "Bookmarking this one, the examples are so much clearer than on other sites.",
    "I printed this out for my dad, he does not trust screens but he trusts your writing.",
]

# A bridge from the praise to the link.
LINK_BRIDGE = [
    "Also check out {anchor} if you are interested.",
    "If anyone needs {anchor}, visit our site.",
    "I also write about this topic, see my page.",
    "For more details you can visit {anchor}.",
    "We provide the {anchor} at the best price.",
    "Readers may also like {anchor}.",
    "Looking for {anchor}? We can help.",
    "Here is a resource I found useful:",
    "Visit us for {anchor}.",
    "Our team offers {anchor} with 24/7 support.",
    "Check my website for {anchor}, you will love it.",
    "Get the {anchor} today, limited offer.",
    "Feel free to surf to my web page: {anchor}.",
    "Also visit my homepage for {anchor}.",
    "My site covers {anchor} as well.",
    "Here is my blog about {anchor}:",
    "Take a look at my page too.",
]

# How the anchor is written: HTML, BBCode, Markdown, or plain.
LINK_MARKUP = [
    '<a href="{url}">{anchor}</a>',
    '<a href="{url}" rel="dofollow">{anchor}</a>',
    "[url={url}]{anchor}[/url]",
    "[{anchor}]({url})",
    "{anchor}: {url}",
    "{anchor} - {url}",
    '<a href="{url}" target="_blank"><b>{anchor}</b></a>',
    "[URL={url}]{anchor}[/URL]",
    "{url}",
    "{anchor} ({url})",
]


def link_seo_comment(ctx):
    anchor = ctx.pick(ANCHORS)
    url = commercial_url(ctx)
    link = fmt(ctx.pick_shared(LINK_MARKUP), {"url": url, "anchor": anchor})
    sents = ctx.sample(FLATTERY, ctx.rng.choice([1, 1, 2, 3]))
    if ctx.chance(0.6):
        sents.append(fmt(ctx.pick(LINK_BRIDGE), {"anchor": anchor}))
    sents.append(link)
    if ctx.chance(0.2):
        sents.insert(0, link)
        sents.pop()
    return join_sents(ctx, sents, para_p=0.15)


# --- service and product ads in prose, with or without a link ---------------

BUSINESSES = [
    "{brand} is a {city} based tattoo and piercing studio open seven days a week.",
    "{brand} offers professional appliance repair for all major brands at your doorstep.",
    "We are {brand}, a team of certified academic writers delivering essays and dissertations on time.",
    "{brand} provides packers and movers services across {city} with free quotes.",
    "Looking for a reliable SEO agency? {brand} gets your website on the first page of Google.",
    "{brand} sells handmade leather bags and wallets, free shipping on orders above $50.",
    "Get 400+ high authority backlink sites for guest posting from {brand}.",
    "{brand} is the leading hair transplant clinic in {city} with affordable packages.",
    "Our cleaning company {brand} offers deep home cleaning, sofa and carpet shampooing.",
    "{brand} designs modern kitchen cabinets and wardrobes, book a free consultation.",
    "Need a website? {brand} builds fast and mobile friendly sites starting at $199.",
    "{brand} rents luxury cars with driver in {city}, available 24 hours.",
    "{brand} is a digital marketing institute offering courses with 100% placement support.",
    "Buy premium wall art and home decor online at {brand}, new collection every week.",
    "{brand} offers certified car detailing and ceramic coating at the best rates in {city}.",
    "Trusted online pharmacy {brand}: order medicines without prescription, discreet delivery.",
    "{brand} is a travel agency with cheap holiday packages and visa assistance.",
    "We at {brand} repair iPhones, laptops and tablets in under an hour.",
    "{brand} manufactures industrial valves and pumps, export quality at factory prices.",
    "Enroll now at {brand} for IELTS coaching with experienced trainers.",
    "{brand} writes your essay, thesis or assignment from scratch, plagiarism free, any deadline.",
    "Stressed about coursework? {brand} experts will do your homework and online exams for you.",
    "{brand} repairs fridges, washing machines and ovens the same day anywhere in {city}.",
    "{brand} offers emergency plumbing and locksmith service in {city}, 24 hours a day.",
    "Broken screen? {brand} fixes any phone while you wait, lowest prices in {city}.",
    "{brand} is a rehab and detox centre in {city} with a free assessment call.",
]
AD_EXTRAS = [
    "Call us today for a free quote.",
    "Visit our website to know more.",
    "Book your appointment online.",
    "Use code SAVE20 for a discount on your first order.",
    "Thousands of happy customers trust us.",
    "Contact us for more information.",
    "Fast delivery all over the country.",
    "We guarantee the best price in the market.",
    "Open Monday to Sunday, 9am to 9pm.",
    "Satisfaction guaranteed or your money back.",
]
BRANDS = [
    "Kervale",
    "InkNest",
    "FixPoint Pro",
    "ScholarQuill",
    "Moveright",
    "RankRise",
    "Tanhide",
    "Follicare",
    "Sparkle Nest",
    "Cabinetto",
    "Webforge",
    "Velocar",
    "Growthly",
    "Artloom",
    "Glossworks",
    "Medirapid",
    "Wanderlane",
    "Gadgetcare",
    "Flowtek",
    "Lingua Prime",
]
CITIES = [
    "Dubai",
    "Lahore",
    "Delhi",
    "London",
    "Toronto",
    "Sydney",
    "Karachi",
    "Mumbai",
    "Lagos",
    "Houston",
]


def service_ad(ctx):
    slots = {"brand": ctx.pick(BRANDS), "city": ctx.pick_shared(CITIES)}
    sents = [fmt(ctx.pick(BUSINESSES), slots)]
    sents += ctx.sample(AD_EXTRAS, ctx.rng.choice([0, 1, 2]))
    x = ctx.rng.random()
    if x < 0.35:
        sents.append(commercial_url(ctx))
    elif x < 0.6:
        sents.append(
            fmt(
                ctx.pick_shared(LINK_MARKUP), {"url": commercial_url(ctx), "anchor": slots["brand"]}
            )
        )
    elif x < 0.75:
        sents.append("Call " + phone_number(ctx)[0])
    if ctx.chance(0.3):
        sents.insert(0, ctx.pick(FLATTERY))
    return join_sents(ctx, sents, para_p=0.15)


# --- betting and casinos, in several languages -------------------------------

BETTING = [
    "Play the best online casino games and win real money every day, sign up bonus 200%.",
    "Daily football betting tips with 95% accuracy, join our VIP group.",
    "Slot machines, roulette and live baccarat, instant withdrawal 24/7.",
    "Register now and get free spins on every deposit, minimum deposit only $5.",
    "The most trusted sportsbook in Asia, best odds for every match.",
    "Situs slot online terpercaya, deposit pulsa tanpa potongan, bonus new member 100%.",
    "Agen judi bola dan kasino online, daftar sekarang dan menang setiap hari.",
    "Main slot gacor dengan RTP tertinggi, maxwin setiap hari.",
    "เว็บสล็อตออนไลน์ ฝากถอนไม่มีขั้นต่ำ สมัครวันนี้รับโบนัสทันที",
    "แทงบอลออนไลน์ ราคาดีที่สุด บาคาร่าสด เล่นได้ตลอด 24 ชั่วโมง",
    "안전한 카지노 사이트 추천, 가입 즉시 보너스 지급",
    "실시간 스포츠 베팅과 바카라, 빠른 환전 보장",
    "Chơi cá cược bóng đá trực tuyến, nạp tiền nhanh, nhận thưởng lớn.",
    "Apuestas deportivas en línea con los mejores bonos de bienvenida.",
    "Cassino online com saque rápido via PIX e bônus de cadastro.",
    "Crash games and aviator predictor, double your money in minutes.",
    "Lottery result prediction site, get the lucky number before the draw.",
    "Fantasy cricket and teen patti, win cash prizes daily.",
    "Join our VIP tipster channel, fixed matches and sure odds every weekend.",
    "Best betting site for football and horse racing, bonus up to $500 on your first deposit.",
    "Win big tonight: aviator signals, roulette strategies and jackpot predictions.",
    "Paris sportifs en ligne, bonus de bienvenue et retrait rapide.",
    "Deposit now and get cashback on every lost bet, the best online casino of the year.",
]


def betting_post(ctx):
    sents = ctx.sample(BETTING, ctx.rng.choice([1, 1, 2]))
    url = commercial_url(ctx)
    if ctx.chance(0.7):
        sents.append(fmt(ctx.pick_shared(LINK_MARKUP), {"url": url, "anchor": ctx.pick(ANCHORS)}))
    elif ctx.chance(0.5):
        sents.append("Telegram @" + ctx.pick(BETTING_HANDLES))
    if ctx.chance(0.3):
        sents.insert(0, ctx.pick(FLATTERY))
    return join_sents(ctx, sents, para_p=0.1)


BETTING_HANDLES = [
    "winbig_vip",
    "oddsking77",
    "slotmaster_id",
    "luckyspin_th",
    "betguru_tips",
    "jackpotcity_99",
]


# --- loans, "blank ATM cards", credit fixes ---------------------------------

LOANS = [
    "Do you need a loan to pay your bills or start a business? We offer loans at 2% interest rate.",
    "Get a programmed blank ATM card that withdraws up to $5,000 daily from any machine.",
    "Urgent loan offer for individuals and companies, no collateral, approval within 24 hours.",
    "I was in debt after my divorce until a private lender gave me a loan with no credit check.",
    "We fix bad credit scores, remove late payments and clear debts quickly and discreetly.",
    "Blank ATM cards available worldwide, untraceable and works in all countries.",
    "Are you tired of being turned down by banks? Apply for a personal loan today.",
    "Legit loan company giving out loans from $5,000 to $2,000,000 to serious people.",
    "Our hackers can increase your credit score to 800 in just a few days.",
    "Financial freedom is here: business loans, student loans, mortgage loans, all approved fast.",
    "Clone cards and loaded debit cards shipped to your address, pay after delivery.",
    "I got my loan of $40,000 from Mrs Harlow Finance within two days, contact her.",
    "Are you in need of an urgent loan? We lend to individuals at low interest, no credit check, fast approval.",
    "Loan offer: borrow from $3,000 to $500,000 at 3% with flexible repayment, apply today.",
    "The blank ATM card I bought last month withdraws $2,000 a day, I paid my rent and bills with it.",
    "Programmed ATM cards for sale: hacked, untraceable, works on any machine worldwide.",
    "After the divorce left me broke, a genuine lender approved my business loan in one day.",
    "Guaranteed credit repair: we delete collections, bankruptcies and evictions from your report.",
]


def loan_post(ctx):
    slots = {
        "email": obfuscate_email(ctx, ctx.pick(LOAN_LOCALS), ctx.pick(PROVIDERS)),
        "phone": phone_number(ctx)[0],
    }
    sents = ctx.sample(LOANS, ctx.rng.choice([1, 2, 2, 3]))
    sents.append(fmt(ctx.pick(LOAN_CONTACT), slots))
    return join_sents(ctx, sents, para_p=0.15)


LOAN_LOCALS = [
    "harlowfinance",
    "quickcredit.help",
    "atmcardplug",
    "lenderjames",
    "creditfixpro",
    "fundsnow24",
]
LOAN_CONTACT = [
    "Email: {email}",
    "WhatsApp {phone}",
    "Contact us via {email} or call {phone}",
    "Reach the lender on {email}",
    "Text {phone} for more info.",
    "Apply now: {email}",
]


# --- escorts ---------------------------------------------------------------

ESCORTS = [
    "Independent escorts available in {city}, 24/7 in-call and out-call, discreet service.",
    "Hot and friendly companions in {city} for dinner dates and more, book now.",
    "VIP call girls service in {city}, real photos, cash payment on meeting.",
    "Looking for a lonely night partner? Verified models in {city} waiting for you.",
    "Premium escort agency in {city}, college girls and housewives available.",
    "Meet beautiful girls near you tonight, no registration needed.",
    "Hot girls waiting for your call in {city}, incall and outcall, full satisfaction guaranteed.",
    "Discreet companionship in {city}, elite models for hotels and private parties.",
    "Lonely tonight? Young and mature ladies in {city} will visit you, book by WhatsApp.",
    "Cheap escort service near {city} airport, available all night.",
]


def escort_post(ctx):
    slots = {"city": ctx.pick_shared(CITIES)}
    sents = [fmt(ctx.pick(ESCORTS), slots)]
    x = ctx.rng.random()
    if x < 0.5:
        sents.append(
            fmt(
                ctx.pick_shared(LINK_MARKUP),
                {
                    "url": commercial_url(ctx),
                    "anchor": fmt(
                        ctx.rng.choice(
                            ["{city} escorts", "call girls in {city}", "escort service"]
                        ),
                        slots,
                    ),
                },
            )
        )
    else:
        sents.append("WhatsApp " + phone_number(ctx)[0])
    return join_sents(ctx, sents, para_p=0.1)


# --- crypto scams and "recovery hackers" --------------------------------------

RECOVERY_STORY = [
    "I lost $82,000 to a fake trading platform that would not let me withdraw.",
    "My savings were stolen by a romance scammer who convinced me to invest in crypto.",
    "I was scammed out of 3 BTC by an investment site that disappeared overnight.",
    "After my divorce I put everything into a forex broker that turned out to be fake.",
    "A fake exchange locked my account and demanded taxes before withdrawal.",
    "I sent my USDT to a wallet address a so-called mentor gave me and it was gone.",
    "Someone hacked my wallet and drained all my ethereum.",
    "I lost my pension to a crypto mining scheme a man from a dating app introduced me to.",
    "A broker I met on Instagram kept asking for withdrawal fees until my account was empty.",
    "I invested $46,000 in a bitcoin platform after my breakup and it vanished.",
    "My wallet was emptied after I connected it to a fake airdrop site.",
]
RECOVERY_TURN = [
    "I thought it was over until I found {hacker}, a recovery expert.",
    "A friend referred me to {hacker}, who specialises in tracing stolen crypto.",
    "I read about {hacker} online and decided to give it a try.",
    "Then I came across {hacker}, a certified blockchain investigator.",
    "Luckily a colleague told me about {hacker} and their recovery team.",
    "Then I contacted {hacker}, a team of ethical hackers who recover scammed funds.",
    "My cousin recommended {hacker} and they took my case the same day.",
    "A lawyer I trust told me to try {hacker}, the best recovery hacker I know.",
]
RECOVERY_RESULT = [
    "Within 72 hours they recovered every coin back to my wallet.",
    "They traced the funds and got my money back in less than a week.",
    "I got all my funds back plus the fake profits.",
    "They recovered 95% of what I lost and charged nothing upfront.",
    "My money was returned and the scammers' accounts were frozen.",
    "In five days every bitcoin was back in my wallet, I cried with joy.",
    "They tracked the scammers and returned my USDT in full.",
    "My $46,000 came back within a week, I can't thank them enough.",
]
RECOVERY_CONTACT = [
    "Reach them on {email}.",
    "Email: {email} WhatsApp: {phone}",
    "Contact {hacker} via {email} and thank me later.",
    "Telegram @{handle}",
    "Their website is {site}",
    "Just search {hacker} on Google, you will find them.",
    "Write to them at {email}, they are legit.",
    "Message {hacker} on WhatsApp {phone}.",
    "Look up {hacker} on Google and you will see the reviews.",
    "Same username on Telegram: {handle}",
]
RECOVERY_NAMES = [
    "Cipher Trace Pro",
    "Ghost Recovery Team",
    "Hexa Retrieve",
    "Marcus Vault Recovery",
    "Byte Reclaim",
    "Ironclad Asset Recovery",
]


def crypto_recovery(ctx):
    hacker = ctx.pick(RECOVERY_NAMES)
    tok = name_token(hacker)
    slots = {
        "hacker": hacker,
        "email": obfuscate_email(ctx, tok, ctx.pick(PROVIDERS)),
        "phone": phone_number(ctx)[0],
        "handle": tok + "_help",
        "site": "www." + tok + ".com",
    }
    sents = [ctx.pick(RECOVERY_STORY), ctx.pick(RECOVERY_TURN), ctx.pick(RECOVERY_RESULT)]
    if ctx.chance(0.85):
        sents.append(ctx.pick(RECOVERY_CONTACT))
    return join_sents(ctx, [fmt(s, slots) for s in sents], para_p=0.2)


# --- money rituals and herbal "Dr" cures --------------------------------------

RITUALS = [
    "Join the great brotherhood today and become rich and famous, no human sacrifice.",
    "Do you want to join an occult for money ritual? Contact the grand master.",
    "Ukuthwala for instant wealth, protection and fame, powerful traditional healer.",
    "Money ritual that works in 7 days, no side effects, contact the native doctor.",
    "Spiritual money pot that produces cash every morning, call the herbalist now.",
    "Get a magic wallet that brings money every day, tested and trusted.",
    "Join the illuminati and receive $250,000 monthly salary plus a house of your choice.",
    "Bring back lost lover, penis enlargement, court cases, lottery, money rituals: one man can help.",
    "Ukuthwala money spell: become rich in 3 days, call the sangoma today.",
    "Powerful sangoma and traditional healer: ukuthwala, lost love, luck and protection.",
    "Join the brotherhood of wealth, receive 5 million naira immediately after initiation.",
    "Tired of poverty? The money ritual of the ancestors will make you rich, no blood needed.",
    "Money spell with a snake that brings wealth, fame and power, results in one week.",
    "Spiritual bank: your account fills with money overnight after the ritual.",
]
HERBAL = [
    "I was diagnosed with herpes for 6 years until Dr {name} cured me with his herbal medicine.",
    "Dr {name}'s herbal roots cured my husband of diabetes completely.",
    "My HIV test came back negative after taking the herbs Dr {name} sent me.",
    "Dr {name} has the cure for fibroids, infertility and weak erection, natural herbs only.",
    "After three weeks of Dr {name}'s herbal treatment my hepatitis B was gone.",
    "Traditional herbalist Dr {name} cures cancer, epilepsy and kidney disease.",
    "Thanks to Dr {name}'s herbal medicine my herpes virus is completely gone after 2 weeks.",
    "Dr {name} cured my wife's infertility with roots and herbs, we now have a baby boy.",
    "I was HIV positive for 9 years, Dr {name}'s herbal cure made me negative.",
    "Dr {name} also cures ALS, COPD and stroke with his natural herbs, contact him.",
    "Do you suffer from low sperm count or weak erection? Dr {name}'s herbs will cure you.",
]
HERBAL_NAMES = ["Okoli", "Ajala", "Mbeki", "Osaro", "Temitope", "Uduak"]


def ritual_or_herbal(ctx):
    name = ctx.pick_shared(HERBAL_NAMES)
    slots = {"name": name}
    sents = [ctx.pick(RITUALS)] if ctx.chance(0.5) else [ctx.pick(HERBAL)]
    if ctx.chance(0.3):
        sents.append(ctx.pick(RITUALS + HERBAL))
    contact = ctx.rng.choice(
        [
            "Call ((" + "=".join(phone_number(ctx)[1][i : i + 3] for i in range(0, 12, 3)) + "))",
            "WhatsApp " + phone_number(ctx)[0],
            obfuscate_email(ctx, "dr" + name.lower() + "herbs", ctx.pick(PROVIDERS)),
            "",
        ]
    )
    sents.append(contact)
    return join_sents(ctx, [fmt(s, slots) for s in sents], para_p=0.1)


# --- psychic readings and sales copy with no contact ---------------------------

PSYCHIC_ADS = [
    "Powerful psychic and spiritual healer, I solve love, money and family problems.",
    "Return a lost lover, stop a divorce, bring back a cheating partner, guaranteed results.",
    "We do black magic and white magic that can achieve anything you desire.",
    "Accurate psychic reader, I see your past, present and future without asking questions.",
    "Mama {name} solves all problems: lost love, bad luck, business, court cases.",
    "My spells are cast by the ancestors and work for anyone, anywhere in the world.",
    "Get your love back fast with powerful rituals from a gifted medium.",
    "Binding love charms and marriage protection, results guaranteed.",
    "Tired of being alone? My love magic makes the one you want think only of you.",
    "Spiritual consultations for those who lost their soulmate, strong results in days.",
    "We do black magic which can achieve anything, call us and your wishes will come true.",
    "Return a lost lover in 2 days, even if they have married someone else.",
    "Traditional healer and psychic: lost love, bad luck removal, money spells and protection rings.",
    "Psychic Mama {name} reads your future and brings back your ex, 100% guaranteed.",
    "Powerful love spells to return an ex lover, stop cheating and make them commit.",
    "Strong sangoma: bring back lost lover, marriage problems, financial problems, court cases.",
    "If your lover left you, I can bring them back begging on their knees in 24 hours.",
    "Lost love spell caster: I reunite lovers, stop divorce and remove curses.",
]
PSYCHIC_NAMES = ["Zanele", "Amara", "Keisha", "Nomsa", "Fatima", "Lerato"]


def odd_phone(ctx):
    digits = phone_number(ctx)[1]
    style = ctx.rng.randint(0, 4)
    if style == 0:
        return "((+" + digits[:2] + "=" + digits[2:5] + "=" + digits[5:8] + "=" + digits[8:] + "))"
    if style == 1:
        return "+" + "*".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    if style == 2:
        return "".join(d + "\ufe0f\u20e3" for d in digits)
    if style == 3:
        return "+" + "~".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return "plus " + ", ".join(
        " ".join(DIGIT_WORDS[int(d)] for d in digits[i : i + 3]) for i in range(0, len(digits), 3)
    )


PSYCHIC_OPENERS = [
    "Finally some good news for the heartbroken.",
    "I know how much this hurts, I have been there.",
    "Don't give up hope yet.",
    "Reading these stories breaks my heart.",
    "There is always a way back to love.",
    "Hello dear ones.",
    "Sending love to everyone on this page.",
    "If you are reading this, it is a sign.",
    "Your pain is real and it can end.",
    "Good evening to all the broken hearts here.",
]


def psychic_ad(ctx):
    slots = {"name": ctx.pick_shared(PSYCHIC_NAMES)}
    sents = ctx.sample(PSYCHIC_ADS, ctx.rng.choice([1, 2, 3]))
    if ctx.chance(0.4):
        sents.insert(0, ctx.pick(PSYCHIC_OPENERS) if ctx.chance(0.6) else ctx.pick(HEARTBREAK))
    if ctx.chance(0.7):
        sents.append(
            ctx.rng.choice(["Call or WhatsApp ", "Contact ", "Call ", "", "Mobile "])
            + odd_phone(ctx)
        )
    return join_sents(ctx, [fmt(s, slots) for s in sents], para_p=0.1)


# --- paid "reconnection coaching" and sugar dating ----------------------------

COACHING = [
    "As a reconnection coach I have helped 97% of my clients get their ex back or they pay nothing.",
    "My Ex Recovery Blueprint shows you the exact texts to send to make {him} chase you again.",
    "Book a strategy call with me and learn the psychological triggers that bring an ex back.",
    "I'm a certified relationship coach and my 30-day program has reunited over 4,000 couples.",
    "Stop begging and start attracting: my course gets exes back in weeks, money-back guarantee.",
    "DM me the word RECONNECT and I'll send you my free guide to getting {him} back.",
    "I've helped over 2,000 people get their ex back with my proven reconnection method, results in 30 days or you pay nothing.",
    "Reconnection coaching: 97% of my clients are back with their ex, or your money back.",
    "Want {him} back? My 3-step no contact program makes exes come back begging, book a free call.",
    "My text-back formula is the secret weapon: exes reply within 48 hours, guaranteed.",
    "Join my paid Ex Back Academy today, spaces are limited and the price goes up on Friday.",
]
SUGAR = [
    "Hello sweetheart, I am looking for a sugar baby to spoil with $2,000 weekly allowance.",
    "Any sugar baby here? I pay your bills, you just keep me company online.",
    "Sugar mommy available for a young man, I send allowance every week.",
    "Become a sugar baby and earn money without meeting, just chatting.",
    "Generous sugar daddy looking for an honest girl, first allowance sent today.",
    "Sugar daddy here, I'm looking for a sweet girl to spoil, weekly allowance of $1,500.",
    "Any sugar baby online? Message me, I'll send your first payment today.",
    "Rich single man wants a sugar baby, no meetups required, just text and get paid.",
    "Sugar mummy in town looking for a young man, she pays weekly, text for her number.",
]


def coaching_or_sugar(ctx):
    ps = person_slots(ctx)
    pool = COACHING if ctx.chance(0.5) else SUGAR
    sents = [fmt(ctx.pick(pool), ps)]
    sents.append(
        ctx.rng.choice(
            [
                "Link in my profile.",
                "Message me on Telegram, same username.",
                "Comment 'interested' and I'll reply with the details.",
                "Search my name on Instagram.",
                "WhatsApp " + phone_number(ctx)[0],
                commercial_url(ctx),
                "Text me on " + odd_phone(ctx),
            ]
        )
    )
    return join_sents(ctx, sents, para_p=0.1)


# --- hooks that point to a contact instead of giving one ------------------------

POINTER_HOOKS = [
    "{caster} brought my {partner} back after {hours} hours. Just search {his2} name on Google, you will find {him2}.",
    "I can't post the number here because the mods delete it. Reply 'help' and I'll send you {his2} contact.",
    "The spell caster who helped me has a shop on Etsy, look for {caster}.",
    "Link is in my profile, the one who brought my {partner} back. {he2} is real.",
    "Same username on Telegram, message me and I'll connect you with {caster}.",
    "Comment 'interested' and I'll DM you the details of the man who got my {partner} back.",
    "Look up {caster} on Facebook, {he2} helped me get my {partner} back in {hours} hours.",
    "The number is in my bio. {caster} is the real deal, my {partner} returned.",
    "Check my profile for the contact of {caster}, {he2} saved my marriage.",
    "Send me a private message and I'll give you {his2} WhatsApp, {he2} helped me.",
    "Google '{caster} love spell' and read the reviews yourself.",
    "{his2} number spelled out so the bot doesn't delete it: {spelled}",
    "Contact {caster} on {short} , my {partner} came back to me.",
    "Ask me in the comments and I'll tell you who fixed my marriage.",
    "{caster} is on TikTok with the same name, {he2} did it for me.",
    "If you need help getting your {partner} back, ask me and I'll share the contact privately.",
    "DM me, I'll give you the name of the man who fixed my relationship in {hours} hours.",
    "{his2} website is in my bio, {he2} is the real deal.",
]


def pointer_hook(ctx):
    ps = person_slots(ctx)
    c = Caster(ctx)
    slots = dict(ps)
    slots.update(c.slots())
    slots["hours"] = ctx.pick_shared(HOURS)
    digits = phone_number(ctx)[1]
    slots["spelled"] = "plus " + " ".join(DIGIT_WORDS[int(d)] for d in digits)
    slots["short"] = (
        ctx.rng.choice(["bit.ly/", "t.ly/", "tinyurl.com/", "cutt.ly/", "rb.gy/"])
        + c.n[:5]
        + str(ctx.randint(1, 99))
    )
    sents = []
    if ctx.chance(0.4):
        sents.append(ctx.pick(HEARTBREAK))
    sents.append(ctx.pick(POINTER_HOOKS))
    return join_sents(ctx, [fmt(s, slots) for s in sents], para_p=0.1)


# --- the spell-caster family in French, Spanish and Portuguese -------------------

SPELL_OTHER_LANGUAGES = [
    "Grand marabout {caster}, retour de l'être aimé en 72 heures, résultats garantis. Contact {contact}",
    "Mon mari est revenu après 3 jours grâce au puissant maître {caster}. Contactez-le sur WhatsApp {contact}",
    "Voyant médium sérieux, retour affectif rapide, désenvoûtement et chance aux jeux. {contact}",
    "J'étais désespérée après notre séparation, le marabout {caster} a fait un rituel et mon ex est revenu. {contact}",
    "Rituel d'amour puissant pour faire revenir votre partenaire, paiement après résultat. {contact}",
    "Amarre de amor con resultados en 48 horas, el brujo {caster} trae de vuelta a tu pareja. {contact}",
    "Gracias al chamán {caster} mi esposo volvió a casa arrepentido. Escríbele al {contact}",
    "Vidente y curandero, endulzamientos y amarres garantizados, consulta por WhatsApp {contact}",
    "Estaba destrozada cuando mi novio me dejó, el maestro {caster} hizo un trabajo y regresó en 3 días. {contact}",
    "Hechizos de amor efectivos, regreso de pareja y protección espiritual. {contact}",
    "Amarração amorosa em 24 horas, pai de santo {caster} traz seu amor de volta. {contact}",
    "Meu marido voltou para casa depois do trabalho espiritual do {caster}. Chame no WhatsApp {contact}",
    "Trago a pessoa amada em 3 dias, simpatias e rituais garantidos. {contact}",
    "Eu estava sofrendo muito com a separação até encontrar a mãe de santo {caster}. {contact}",
    "Vidente {caster}: amarração, adoçamento e abertura de caminhos, resultado garantido. {contact}",
    "Grand maître voyant {caster}: retour de l'être aimé, chance, travail et protection. Appelez {contact}",
    "Mon ex est revenu en 48 heures grâce aux rituels du médium {caster}, je recommande. {contact}",
    "Marabout africain sérieux, résultats rapides en amour et argent. WhatsApp {contact}",
    "Brujo {caster}: amarres de amor, regreso de pareja y limpias espirituales, resultados en 72 horas. {contact}",
    "Mi novia volvió conmigo gracias al amarre del maestro {caster}, es real. {contact}",
    "Curandera {caster} endulza y amarra al ser amado, consulta gratis. {contact}",
    "Faço amarração para trazer seu amor de volta em 7 dias, pai {caster}. {contact}",
    "Minha esposa voltou depois da simpatia da mãe {caster}, recomendo. Chame {contact}",
    "Trabalhos espirituais para amor, dinheiro e sorte, resultados garantidos. {contact}",
]


def spell_other_language(ctx):
    c = Caster(ctx)
    contact = ctx.rng.choice([c.phone, c.email, c.wa, "+" + phone_number(ctx)[1], c.site])
    return fmt(ctx.pick(SPELL_OTHER_LANGUAGES), {"caster": c.name, "contact": contact})


# ---------------------------------------------------------------------------
# HAM hard negatives for the families above: genuine posts that share links,
# mention shops, loans, betting, crypto, psychics, coaches and where people are.
# ---------------------------------------------------------------------------

GENUINE_LINK_INTRO = [
    "This article on attachment styles helped me understand why I keep checking {his} profile:",
    "A counsellor sent me this and it made a lot of sense:",
    "Thanks for sharing your story. This podcast episode got me through last week:",
    "Someone posted this study about heartbreak and physical pain, it explains the chest ache:",
    "If you're in the UK, the NHS page on grief is really gentle:",
    "Found a free workbook on getting through a break-up, sharing in case it helps:",
    "The Samaritans site has a page on what to say when you call, it made me less scared:",
    "This video about no contact is the only one that didn't feel like a sales pitch:",
    "Great post, thank you. I read this piece on rumination yesterday and it fits:",
    "For anyone with kids, this guide on telling them about the separation was useful:",
    "I wrote about my first month after the divorce on my own blog, not selling anything, just writing:",
    "A news story about those spell caster scams, so you can see how they work:",
    "My therapist recommended this book summary:",
    "Here's the crisis line list by country from the forum's pinned post:",
    "Really helpful thread. I bookmarked this article on sleep after a loss:",
    "This song has been on repeat since {he} left, don't judge me:",
    "There's a free online support group on Tuesdays, details here:",
    "The citizens advice page on dividing money after a split:",
    "Sharing this because it's true: research says the worst of it fades in about three months.",
    "I made a playlist for the nights I can't sleep, anyone is welcome to it:",
    "Posting this news link because it shows how the 'lost lover' spell scams work:",
    "My university is recruiting people for a study on recovery after a breakup, ethics approved:",
    "A warning from the police about fake recovery hackers, please read before paying anyone:",
    "This is the article about gambling after a break-up that made me get help:",
]
GENUINE_URLS = [
    "https://www.psychologytoday.com/us/blog/attachment",
    "https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/grief-bereavement-loss/",
    "https://www.samaritans.org/how-we-can-help/",
    "https://www.bbc.co.uk/news/health-51234567",
    "https://www.youtube.com/watch?v=kq3xW9zPq2s",
    "https://open.spotify.com/episode/4fLhT0aPq1",
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3125540/",
    "https://findahelpline.com",
    "https://www.reddit.com/r/BreakUps/wiki/index",
    "https://www.citizensadvice.org.uk/family/",
    "https://988lifeline.org",
    "https://medium.com/@quietmornings/thirty-days-after",
    "https://en.wikipedia.org/wiki/Romance_scam",
    "https://www.theguardian.com/lifeandstyle/relationships",
    "https://www.mind.org.uk/information-support/",
    "https://www.gov.uk/looking-after-children-divorce",
    "https://mendingwords.wordpress.com/2023/05/first-month",
    "https://www.relate.org.uk/get-help",
    "https://www.ftc.gov/romance-scams",
    "https://archive.org/details/healing-heart-workbook",
]
GENUINE_LINK_FORMS = [
    "{url}",
    "{url}",
    "{url}",
    "[{title}]({url})",
    '<a href="{url}">{title}</a>',
    "{title}: {url}",
    "{title} ({url})",
]
GENUINE_LINK_TITLES = [
    "this article",
    "the NHS grief page",
    "the episode",
    "the study",
    "the workbook",
    "their guide",
    "my blog post",
    "the helpline list",
    "the video",
    "the support group",
]
GENUINE_LINK_AFTER = [
    "Take what helps and leave the rest.",
    "It didn't fix anything but I felt less alone.",
    "Not affiliated with anyone, just something that helped me.",
    "Hope you're doing a bit better today.",
    "I cried reading it, in a good way.",
    "Sending strength.",
    "You're not crazy for feeling this.",
    "",
    "",
    "Day 23 of no contact here.",
]


def ham_shares_link(ctx):
    ps = person_slots(ctx)
    url = ctx.pick(GENUINE_URLS)
    link = fmt(
        ctx.pick_shared(GENUINE_LINK_FORMS), {"url": url, "title": ctx.pick(GENUINE_LINK_TITLES)}
    )
    sents = []
    if ctx.chance(0.4):
        sents.append(ctx.pick(HEARTBREAK))
    sents += [ctx.pick(GENUINE_LINK_INTRO), link]
    if ctx.chance(0.6):
        sents.append(ctx.pick(GENUINE_LINK_AFTER))
    return join_sents(ctx, [fmt(s, ps) for s in sents], para_p=0.2)


# Genuine posts that name the same places, shops, money and services spam does.
GENUINE_NEAR_MISS = [
    "My ex blocked me on WhatsApp and Instagram and I keep checking from my friend's phone.",
    "I searched {his} name on Google at 3am and found {his} new girlfriend's profile. Mistake.",
    "{He} has the same username on every platform, so I see {him} everywhere. I had to mute it all.",
    "{His} link in bio now goes to a couples account. I unfollowed finally.",
    "She sells jewellery on Etsy and I still look at her shop. How do I stop?",
    "I took out a loan to pay my half of the deposit on the flat we were supposed to share.",
    "After the break-up I started betting on football every night. I've lost £600 and I'm scared.",
    "I deleted the casino apps today. Gambling was how I numbed the loneliness.",
    "My ex put our savings into crypto and lost it all, that's part of why we split.",
    "I paid a psychic $40 once, right after {he} left. She told me {he}'d be back by spring. {He} wasn't.",
    "There are so many 'get your ex back' coaches on YouTube promising 97% success. It's preying on us.",
    "Someone messaged me offering to be my sugar daddy after I posted here. I reported them.",
    "I saw a comment saying 'search Dr so-and-so on Google'. That's how they dodge the filters, don't.",
    "If someone says 'comment interested and I'll send his number', it's a scam, report it.",
    "I bought myself a nice leather jacket with my first paycheck after the divorce. Small wins.",
    "Thanks for sharing, this was really helpful to read tonight.",
    "Great post. Keep sharing your progress, it gives me hope.",
    "I started a little cake business to keep busy, it's helping more than I thought.",
    "Repairing the washing machine myself was the first thing I did without {him}.",
    "My therapist charges $90 a session, which is a lot, but it's been worth it.",
    "I used to write essays for a living, now I can't even write a text without crying.",
    "I'm on a dating app again and it feels weird. Everyone has links in their bio to stuff.",
    "The bank gave me a debt plan after {he} emptied the joint account. Call your bank if this happens to you.",
    "My friend got scammed by a fake crypto recovery guy after losing money, please never pay those.",
    "{He} got really into astrology and tarot toward the end. I think {he} was looking for a reason to leave.",
    "I reactivated my old Telegram just to see if {he} was online. {He} was. I closed it.",
    "I'm selling our couch on Marketplace and the listing makes me cry every time someone messages.",
    "I booked a holiday for one. Cheap flights, small hotel, no plans. First time alone in 8 years.",
    "Watching a tattoo artist cover the name on my wrist was weirdly healing.",
    "My sister won £50 on a scratch card and bought us pizza, best night in weeks.",
    "My counsellor is also a certified life coach and she has never once promised {he}'d come back.",
    "I paid for an 'ex back' coaching course last year. It was £300 of telling me to wait 30 days.",
    "I had to take a payday loan to cover rent after {he} left, now I'm paying it back slowly.",
    "My bank approved a small loan so I could move out, it was the best money I ever borrowed.",
    "My mum reads tarot for fun and even she said the cards can't tell me whether {he} will text.",
    "I went to a psychic fair with my sister, it was silly but it got me out of the house.",
    "I'm a psychology student and our university is running a study on break-ups, it is anonymous and ethics approved.",
    "Researchers at my uni are looking for people to fill in a survey about heartbreak and sleep, I did it.",
    "A news article about crypto recovery scams, sharing so nobody here gets robbed twice.",
    "Someone replied to my post with a 'recovery hacker' email. Please don't write to those, they take more money.",
    "Watch out for anyone offering blank ATM cards or loans in the replies, it's always a scam.",
    "These 'Dr so and so cured my herpes' comments are everywhere, they are fake, see a real doctor.",
    "My aunt in Durban talks about ukuthwala like a scary story, she says the men who sell it are con artists.",
    "The sugar daddy messages I get are all scams, they send a fake cheque and ask you to pay fees.",
    "An escort agency left a comment on my Instagram, I reported it and blocked.",
    "I got my phone screen repaired today, first errand I did alone since the break-up.",
    "My friend runs a small essay tutoring business and she gave me extra shifts to keep me busy.",
    "I lost money on betting apps after the divorce, GamCare helped me set up blocks.",
]


def ham_near_miss(ctx):
    ps = person_slots(ctx)
    sents = []
    if ctx.chance(0.5):
        sents.append(ctx.pick(HEARTBREAK))
    sents += ctx.sample(GENUINE_NEAR_MISS, ctx.rng.choice([1, 1, 2]))
    if ctx.chance(0.4):
        sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, [fmt(s, ps) for s in sents], para_p=0.2)


# Genuine heartbreak in French, Spanish and Portuguese, so that a language is no label.
GENUINE_OTHER_LANGUAGES = [
    "Mon copain m'a quittée après cinq ans et je n'arrive plus à dormir. Comment vous avez fait pour tenir ?",
    "Ça fait trois semaines qu'elle est partie. Je relis nos messages WhatsApp tous les soirs.",
    "Ma psy m'a dit que le deuil d'une relation prend du temps. J'aimerais que ça aille plus vite.",
    "Attention aux faux marabouts qui promettent le retour de l'être aimé, ma tante a perdu 800 euros.",
    "Je suis désolée pour ce que tu vis. Prends soin de toi, écris ici quand tu veux.",
    "Mi novio me dejó por mensaje después de cuatro años. No sé qué hacer con tanto dolor.",
    "Llevo un mes sin contacto y todavía miro su perfil. ¿Cuándo deja de doler?",
    "Mi terapeuta me ayudó a entender que no fue culpa mía. Vale la pena pedir ayuda.",
    "Cuidado con los brujos que prometen amarres, son estafas. No les mandes dinero.",
    "Ánimo, aquí estamos para escucharte. Un día a la vez.",
    "Meu namorado terminou comigo ontem e eu não paro de chorar.",
    "Faz dois meses que ela foi embora e ainda sinto falta de tudo.",
    "Minha psicóloga disse que é normal sentir raiva e saudade ao mesmo tempo.",
    "Não caiam nessas promessas de amarração amorosa, é golpe. Minha amiga perdeu dinheiro.",
    "Força, você não está sozinha. Conte com a gente aqui.",
]


def ham_other_language(ctx):
    return " ".join(ctx.sample(GENUINE_OTHER_LANGUAGES, ctx.rng.choice([1, 1, 2])))


# Genuine posts in a formal, reflective register (spam ads are formal too, so
# register alone must not read as spam), and lists of songs, books and films.
REFLECTIONS = [
    "Communication was never our strength, and I see now how much of the relationship was built on assumptions.",
    "The greatest lesson of this separation is that my sense of worth cannot depend on another person's attention.",
    "Vulnerability is frightening because it gives someone the power to hurt you, and that is also why it matters.",
    "Healing is not a straight line; some days the progress is invisible and that is still progress.",
    "I have been reflecting on the expectations I brought into the marriage and how few of them I ever said aloud.",
    "Grief for a living person is complicated, because the door is never fully closed.",
    "Self-compassion sounds like a slogan until you try to speak to yourself the way you would speak to a friend.",
    "Forgiveness, for me, is not reconciliation; it is deciding that the anger no longer gets to run my life.",
    "Every relationship teaches us something about our own patterns, even the ones that end in devastation.",
    "The absence of a person rearranges a whole life: routines, conversations, even the direction of one's thoughts.",
    "Attachment theory gave me a vocabulary for the anxiety I felt whenever he withdrew.",
    "Trust, once broken, can be rebuilt, but only when both people are willing to do the work.",
    "Our culture celebrates beginnings and rarely offers any ritual for endings.",
    "I am learning that loneliness and solitude are different experiences, and that the second can be restorative.",
    "Perhaps the most difficult part of moving forward is accepting that closure is something we give ourselves.",
    "The motivation to change has to come from within; no amount of persuasion from outside can create it.",
    "In the end, our connection depended on a version of me that was slowly disappearing.",
    "Emotional exhaustion is real, and rest is a legitimate response to it, not a failure.",
    "A friend reminded me that intensity is not the same as intimacy, and it stayed with me.",
    "I had mistaken constant validation for love, and its absence now feels like withdrawal.",
    "Recovery after betrayal involves grieving the future you imagined as much as the past you shared.",
    "Boundaries are not punishments; they are information about what we need in order to feel safe.",
    "It is strange how the mind returns to the happiest memories precisely when they hurt the most.",
    "Ambivalence is exhausting: part of me wants reconciliation and part of me knows it would be a mistake.",
    "I find some consolation in the thought that the capacity to love this deeply is not lost.",
    "We have rituals for weddings and funerals, but none for the quiet end of a long relationship.",
    "Our society offers endless advice on finding love and almost none on losing it gracefully.",
    "Any honest account of heartbreak has to include the boredom, not only the pain.",
    "The ritual of checking my phone each morning has slowly lost its power over me.",
    "What my therapist offers is not answers but a place to hear my own thinking.",
]


def ham_reflection(ctx):
    return join_sents(ctx, ctx.sample(REFLECTIONS, ctx.rng.choice([1, 2, 2, 3, 4])), para_p=0.2)


MEDIA_ITEMS = [
    "Someone Like You - Adele",
    "Motion Sickness - Phoebe Bridgers",
    "Liability - Lorde",
    "Happier Than Ever - Billie Eilish",
    "Fix You - Coldplay",
    "Back to Black - Amy Winehouse",
    "Un-break My Heart - Toni Braxton",
    "Skinny Love - Bon Iver",
    "Good Riddance - Green Day",
    "The Night We Met - Lord Huron",
    "drivers license - Olivia Rodrigo",
    "Since U Been Gone - Kelly Clarkson",
    "Ghost - Justin Bieber",
    "Dancing On My Own - Robyn",
    "All Too Well - Taylor Swift",
    "Eternal Sunshine of the Spotless Mind (film)",
    "Tiny Beautiful Things by Cheryl Strayed",
    "Attached by Levine and Heller",
    "Marriage Story (film)",
    "It's Called a Breakup Because It's Broken",
    "When Things Fall Apart by Pema Chodron",
    "The Body Keeps the Score",
    "Normal People (series)",
    "Blue Valentine (film)",
    "Lost Connections by Johann Hari",
]
MEDIA_INTRO = [
    "Songs that got me through the first month:",
    "My break-up playlist, in order of how hard I cried:",
    "Books that actually helped:",
    "What I watched instead of texting him:",
    "Adding to the list:",
    "For the anger stage:",
    "For the nights when you can't sleep:",
    "",
]


# Short encouraging replies and aphorisms: "your", superlatives and big words are
# everyday support here, not the register of an ad.
APHORISMS = [
    "Protect your peace. Your heart is also allowed to rest.",
    "The hardest part is the beginning, and you are already past it.",
    "Your worth was never measured by whether someone stayed.",
    "Be gentle with yourself, the greatest battles are the quiet ones.",
    "Loving someone who could not love you back is not a failure of yours.",
    "Feel it all, then let it go a little more each day.",
    "Your best days are not behind you, even if it feels that way now.",
    "Guard your heart, but don't lock it.",
    "Time doesn't heal everything, but it does make room for new things.",
    "The strongest people I know have cried on bathroom floors too.",
    "You deserve the same patience you gave them.",
    "Your story is not over; this is only a hard chapter.",
    "Distance is also a kind of answer.",
    "Heartbreak is the price of having loved with your whole chest. Still worth it.",
    "Rest, eat something, drink water. The big questions can wait until morning.",
    "The greatest kindness right now is the one you show yourself.",
    "Letting go is not giving up; it is choosing yourself.",
    "Every morning you get up anyway is evidence of your strength.",
    "Sometimes closure is simply deciding that you have had enough.",
    "Your feelings are valid, and they are also temporary.",
    "Grief means the connection mattered. That's also why it hurts this much.",
    "Trust takes years to build and seconds to break; your caution makes sense.",
    "Hold on to the people who showed up for you this month.",
    "Pain is information, not a verdict on your future.",
    "The best revenge is a quiet, good life. The best healing too.",
]


def ham_aphorism(ctx):
    return join_sents(ctx, ctx.sample(APHORISMS, ctx.rng.choice([1, 2, 3])), para_p=0.2)


# Real public helplines whose numbers read as phone numbers, shared with links.
HELPLINE_NUMBERS = [
    "Please call 1-800-273-8255 tonight if it gets dark, or 988.",
    "CALM is on 0800 58 58 58 in the UK, every evening.",
    "The National Domestic Abuse Helpline is 0808 2000 247, free and 24 hours.",
    "In Australia 1800RESPECT is 1800 737 732 if the relationship was abusive.",
    "In Canada, Talk Suicide is 1-833-456-4566.",
    "Samaritans is on 116 123, and they also answer emails.",
    "The Lifeline number in Australia is 13 11 14, they were kind to me.",
    "If you're in Ireland, Pieta is on 1800 247 247.",
    "SANEline is 0300 304 7000 in the evenings.",
    "In the US you can text HOME to 741741 any time.",
    "Childline is 0800 1111 if you're under 19, free from any phone.",
    "Mind's infoline is 0300 123 3393 for information about getting support.",
    "The Men's Advice Line is 0808 801 0327 if you're a man leaving an abusive relationship.",
    "The Trevor Project is 1-866-488-7386 for LGBTQ young people, open all night.",
    "The US domestic violence hotline is 1-800-799-7233, they helped my sister leave.",
    "Beyond Blue in Australia is 1300 22 4636, anytime.",
    "Kids Help Phone in Canada is 1-800-668-6868, for young people.",
    "Papyrus HOPELINE247 is 0800 068 4141 if you're under 35.",
    "The Respect phoneline, 0808 802 4040, is for people worried about their own behaviour.",
    "I called 0800 58 58 58 at 2am and a volunteer stayed with me for an hour.",
]


def ham_helpline_link(ctx):
    sents = []
    if ctx.chance(0.5):
        sents.append(ctx.pick(RESOURCE_OPEN))
    sents += ctx.sample(HELPLINE_NUMBERS, ctx.rng.choice([1, 1, 2]))
    if ctx.chance(0.6):
        sents.append(
            ctx.rng.choice(
                ["Or look up your local line on ", "More numbers here: ", "There's a list at "]
            )
            + ctx.pick(GENUINE_URLS)
        )
    if ctx.chance(0.5):
        sents.append(ctx.pick(REPLY_CLOSE))
    return join_sents(ctx, sents, para_p=0.2)


# Genuine replies that praise a post: readers thank each other here all the time,
# so praise alone must not read as comment spam.
THANKS_REPLY = [
    "Beautifully written. Thank you for putting into words what I couldn't.",
    "Great post. I feel exactly the same about {him}.",
    "I needed to read this today, thank you stranger.",
    "This is so well written, I read it twice.",
    "Saving this post for the bad nights.",
    "Thank you for sharing, it helps to know I'm not the only one.",
    "Very touching. I hope writing it helped you a little.",
    "Your post made me cry on the bus, in a good way.",
    "This is the most helpful thing I've read on here, thank you.",
    "Wow. Every word of this. Thank you.",
    "Really appreciate you taking the time to write all this out for OP.",
    "I keep coming back to this thread, your reply especially.",
    "Such a kind and wise answer. OP, please read it twice.",
    "Amazing advice, honestly better than what my counsellor said.",
    "Thanks for posting this, I showed it to my sister.",
    "Brilliant reply. The part about not checking {his} profile hit hard.",
    "I love this community. Thank you for this post.",
    "Bookmarked. I'll need it again next week, I know it.",
    "Great read, it gave me a bit of hope tonight.",
    "Excellent point about sleep, I hadn't connected it.",
    "Thank you for reading my post and for answering so kindly.",
    "I keep reading your reply when it gets bad. Thank you.",
    "Thanks for reading it all, I know it was long.",
    "Reading everyone's answers made tonight easier.",
    "Thank you all for reading and for not judging me.",
]


def ham_thanks(ctx):
    ps = person_slots(ctx)
    sents = ctx.sample(THANKS_REPLY, ctx.rng.choice([1, 1, 2]))
    if ctx.chance(0.5):
        sents.append(ctx.pick(REPLY_ADVICE) if ctx.chance(0.5) else ctx.pick(HEARTBREAK))
    return join_sents(ctx, [fmt(s, ps) for s in sents], para_p=0.2)


# Everyday words that ads also use (visit, will, find, order, book, free, best, online,
# service, price, team, website, course), in genuine posts about life after a split.
EVERYDAY_WORDS = [
    "I went to visit my mother this weekend and she finally asked how I was really doing.",
    "He will be gone by the time I get back from work, and I don't know how to walk in.",
    "Find someone who is secure enough to meet your needs. That's what my sister told me.",
    "I ordered takeaway for one and the delivery guy said have a good night and I almost cried.",
    "Booked a session with a counsellor through my work's support service, first one is free.",
    "We used to shop online together on Sunday nights, now I just close the tab.",
    "I'm taking an evening course in pottery so my Tuesdays aren't empty anymore.",
    "My team at work covered for me this week without asking questions. I'm so grateful.",
    "The best thing I did this month was go to the gym at 6am when I couldn't sleep.",
    "She will probably see this post, and honestly, that's fine.",
    "I called my dad today and we talked for an hour, first time in years.",
    "The price of renting alone in this city is brutal, I'm looking for a flatmate.",
    "He ran a small business and I did all the books for free for six years.",
    "I found his old website with photos of us and had to close my laptop.",
    "My doctor said my needs matter too, which sounds obvious but I needed to hear it.",
    "Visiting her grave with the kids was the first time we talked about her mum leaving.",
    "Does anyone have experience with co-parenting apps? Our mediator suggested one.",
    "I joined a running group and the quality of my sleep is so much better.",
    "Today I will eat breakfast, shower, and answer one email. That's the plan.",
    "Your needs are not too much. Someone who loves you will want to meet them.",
    "My best friend offered to let me stay in her spare room until I find a place.",
    "I deleted the shopping apps because I was buying things at 3am to feel something.",
    "We met at a customer service job ten years ago and now I can't hear that hold music.",
    "My manager gave me a week off and told me to call if I needed anything.",
    "I got a free ticket to a comedy show and laughed for the first time in a month.",
    "The support from strangers here has been better than anything I expected.",
    "Anyone know a good online program for learning to cook? I never had to before.",
    "He will always be my kids' dad, so I have to find a way to be civil.",
    "I'm going to visit my brother abroad next month, first trip on my own.",
    "Order of things I did today: cried, walked the dog, cried less.",
    "Our Sunday ritual was pancakes and the crossword. I made pancakes alone today and it was fine, mostly.",
    "My work offers free counselling sessions, I finally booked one.",
    "The library near me offers a grief support circle on Thursdays, I went for the first time.",
    "Any ritual that helps you close the day is worth keeping, mine is a walk round the block.",
    "I made a small ritual of burning the old letters in the garden. It helped more than I expected.",
    "My friend offers to cook every Friday so I don't skip dinner.",
    "Any advice for our first Christmas apart? The kids keep asking about our old traditions.",
    "The council offers free debt advice, they helped me sort out our joint account.",
    "Lighting a candle every night has become my ritual for letting the day go.",
    "My sister offers to take the kids every other weekend so I can sleep.",
]


def ham_everyday_words(ctx):
    ps = person_slots(ctx)
    sents = ctx.sample(EVERYDAY_WORDS, ctx.rng.choice([1, 2, 2, 3]))
    if ctx.chance(0.3):
        sents.insert(0, ctx.pick(HEARTBREAK))
    return join_sents(ctx, [fmt(s, ps) for s in sents], para_p=0.2)


def reflective_testimony(ctx):
    """A spell testimony that opens in the same reflective register as genuine posts."""
    opening = join_sents(ctx, ctx.sample(REFLECTIONS, ctx.rng.choice([1, 2])))
    return opening + ctx.rng.choice([" ", "\n", "\n\n"]) + spell_testimony(ctx, ctx.chance(0.8))


def ham_media_list(ctx):
    items = ctx.sample(MEDIA_ITEMS, ctx.rng.choice([1, 2, 3, 4]))
    sep = ctx.rng.choice(["\n", " ", ", ", "\n- "])
    intro = ctx.pick(MEDIA_INTRO)
    tail = ctx.rng.choice(["for the frustration", "for the hope", "for the crying", "", ""])
    return (intro + (sep if intro else "") + sep.join(items) + (" " + tail if tail else "")).strip()


# ---------------------------------------------------------------------------
# Families and counts
# ---------------------------------------------------------------------------

FAMILIES = [
    # name, label, generator, n_train, n_test
    ("spell_testimony", "spam", lambda c: spell_testimony(c, True), 250, 60),
    ("spell_testimony_no_contact", "spam", lambda c: spell_testimony(c, False), 40, 12),
    ("short_hook", "spam", short_hook, 95, 25),
    ("hacker_spy", "spam", hacker_post, 60, 15),
    ("money_recovery", "spam", invest_post, 55, 14),
    ("psychic_oil", "spam", psychic_post, 50, 12),
    ("need_testimony", "spam", need_testimony, 45, 12),
    ("if_list_ad", "spam", iflist_ad, 20, 6),
    ("romance_agent", "spam", romance_post, 0, 25),
    ("breakup_story", "ham", ham_story, 360, 85),
    ("reply_advice", "ham", ham_reply, 270, 65),
    ("scam_warning", "ham", ham_warning, 100, 25),
    ("helpline_resource", "ham", ham_resource, 55, 14),
    ("self_harm_care", "ham", ham_care, 90, 22),
    ("faith", "ham", ham_faith, 65, 16),
    ("everyday_tech_money", "ham", ham_everyday, 85, 20),
    ("metaphor_spell_luck", "ham", ham_metaphor, 60, 15),
    ("short_ham", "ham", ham_short, 75, 18),
    ("counselling_question", "ham", ham_question, 60, 15),
    ("logistics", "ham", ham_logistics, 0, 30),
    # Issue 12: families beyond spell casters, and their hard negatives.
    ("link_seo_comment", "spam", link_seo_comment, 200, 50),
    ("service_ad", "spam", service_ad, 80, 20),
    ("betting_casino", "spam", betting_post, 55, 14),
    ("loan_atm_card", "spam", loan_post, 50, 12),
    ("escort_ad", "spam", escort_post, 35, 8),
    ("crypto_recovery", "spam", crypto_recovery, 60, 15),
    ("ritual_herbal", "spam", ritual_or_herbal, 55, 14),
    ("psychic_ad", "spam", psychic_ad, 60, 15),
    ("coaching_sugar", "spam", coaching_or_sugar, 50, 12),
    ("pointer_hook", "spam", pointer_hook, 60, 15),
    ("spell_other_language", "spam", spell_other_language, 60, 15),
    ("shares_link", "ham", ham_shares_link, 180, 45),
    ("near_miss", "ham", ham_near_miss, 240, 60),
    ("other_language", "ham", ham_other_language, 45, 12),
    ("reflection", "ham", ham_reflection, 100, 25),
    ("media_list", "ham", ham_media_list, 50, 12),
    ("reflective_testimony", "spam", reflective_testimony, 80, 20),
    ("aphorism", "ham", ham_aphorism, 70, 18),
    ("helpline_link", "ham", ham_helpline_link, 70, 18),
    ("thanks_reply", "ham", ham_thanks, 80, 20),
    ("everyday_words", "ham", ham_everyday_words, 140, 35),
]
TEST_ONLY_FAMILIES = [f[0] for f in FAMILIES if f[3] == 0]


def norm_key(text):
    return re.sub(r"\W+", "", text.lower())


def family_seed(name, mode):
    import zlib

    return SEED * 1000003 + zlib.crc32((name + "/" + mode).encode("utf-8"))


def build():
    seen = set()
    rows = {"train": [], "test": []}
    stats = {}

    def add(mode, fam, label, text):
        k = norm_key(text)
        if not k or k in seen:
            return False
        seen.add(k)
        rows[mode].append((text, label))
        stats[(fam, label, mode)] = stats.get((fam, label, mode), 0) + 1
        return True

    for mode in ("train", "test"):
        for label, hand in (("spam", HAND_SPAM), ("ham", HAND_HAM)):
            for i, t in enumerate(hand):
                if (i % 5 == HOLD) == (mode == "test"):
                    add(mode, "hand_written", label, t)
        for name, label, gen, n_train, n_test in FAMILIES:
            want = n_train if mode == "train" else n_test
            ctx = Ctx(mode, family_seed(name, mode))
            got, tries = 0, 0
            while got < want and tries < want * 300:
                tries += 1
                text = stylize(ctx, gen(ctx))
                text = re.sub(r"[ \t]+\n", "\n", text)
                if add(mode, name, label, text):
                    got += 1
            if got < want:
                print(f"warning: {name}/{mode} only {got} of {want} unique")
    return rows, stats


def write(rows):
    for mode in ("train", "test"):
        data = list(rows[mode])
        random.Random(SEED + (1 if mode == "test" else 0)).shuffle(data)
        path = os.path.join(DATA_DIR, mode + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["text", "label"])
            for text, label in data:
                w.writerow([text, label])


def main():
    rows, stats = build()
    write(rows)
    fams = sorted({(fam, lab) for (fam, lab, _m) in stats}, key=lambda x: (x[1] != "spam", x[0]))
    print("| family | label | train | test |")
    print("|---|---|---:|---:|")
    for fam, lab in fams:
        train, test = stats.get((fam, lab, "train"), 0), stats.get((fam, lab, "test"), 0)
        print(f"| {fam} | {lab} | {train} | {test} |")
    for lab in ("spam", "ham"):
        n = [sum(1 for _t, x in rows[m] if x == lab) for m in ("train", "test")]
        print(f"| **all {lab}** | {lab} | **{n[0]}** | **{n[1]}** |")


if __name__ == "__main__":
    main()
