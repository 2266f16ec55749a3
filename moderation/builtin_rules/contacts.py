"""Contact channels, never enough alone, and invitations to use them."""

from moderation.builtin_rules.vocabulary import CONTACT_VERB, HELPER
from moderation.rules import Rule

CONTACTS: tuple[Rule, ...] = (
    Rule(
        name="email_address",
        kind="contact",
        pattern=r"[a-z0-9_][a-z0-9_.+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
        weight=1.2,
        description="An e-mail address (also when disguised as '(at)' or 'dot com').",
        examples=("write to rosepetal77@mailbox.com", "reach her at kindheart@example.org"),
        counterexamples=("I emailed my ex last night", "tag me @lonelyheart"),
    ),
    Rule(
        name="phone_number",
        kind="contact",
        # 8 to 15 digits in a row, not inside a word or a link's path; the group named
        # "hit" is what a moderator sees, without the characters around it.
        pattern=r"(?:^|[^\w/])(?P<hit>\d{8,15})(?:\D|$)",
        weight=0.8,
        description="A phone number (spaced, dashed or spelled out numbers are joined first).",
        examples=("call +15550100123 today", "his number 08105550123"),
        counterexamples=("call 988 if you need to talk", "we were together 3 years, since 2019"),
    ),
    Rule(
        name="messenger_contact",
        kind="contact",
        pattern=(
            r"\b(?:whats ?app|telegram|viber|wechat|signal|imo|kik|line)\b[^.\n]{0,40}?"
            r"(?:\+?\d{8,15}|@[a-z0-9_]{3,})"
            r"|\b(?:wa|t)\.me/[a-z0-9_+]+"
        ),
        weight=1.4,
        description="A WhatsApp, Telegram, Viber or similar number or handle to contact.",
        examples=("whatsapp him on +15550100123", "telegram @lovefixer_99", "wa.me/15550100123"),
        counterexamples=(
            "she blocked me on whatsapp and telegram",
            "I check his whatsapp last seen every hour",
        ),
    ),
    Rule(
        name="social_handle",
        kind="contact",
        pattern=(
            r"\b(?:instagram|insta|ig|facebook|fb|tiktok|snapchat|snap)\b[^.\n]{0,20}?"
            r"@[a-z0-9_.]{3,}"
            # A link to someone's profile: as good as their handle.
            r"|\b(?:instagram\.com|instagr\.am|facebook\.com|fb\.com|tiktok\.com|"
            r"snapchat\.com/add|twitter\.com|x\.com|m\.me|ig\.me/m)/@?"
            # The name ends the link: a path further on is a post or a page, not a person.
            r"[a-z0-9_.]{3,40}/?(?:[^\w/.]|$)"
        ),
        weight=0.8,
        description="An Instagram, Facebook, TikTok or Snapchat handle or profile link to contact.",
        examples=(
            "follow on instagram @spirit.healer",
            "fb: @mama_answers",
            "add me instagram.com/spirit.healer",
            "tiktok.com/@mama_answers",
        ),
        counterexamples=(
            "he posted her on instagram the day after",
            "I muted her on ig",
            "this reel helped me instagram.com/reel/cx12ab9",
        ),
    ),
    Rule(
        name="web_link",
        kind="contact",
        pattern=(
            # A link. The optional character in front lets it start where the second
            # branch would (one character early), so that this branch wins and shows
            # the whole link.
            r"(?s:.)?(?P<hit>(?:https?://|www\.)[^\s<>()\[\]]+)"
            # A bare domain, but not the host of an e-mail address (no "@" either side).
            r"|(?:^|[^\w@.-])"
            r"(?P<hit_domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|xyz|ng))"
            r"\b(?:[^@]|$)"
        ),
        weight=0.6,
        description="A link or bare domain name.",
        examples=("visit www.example-temple.org", "see lovehelp.net for details"),
        counterexamples=("I looked him up online", "she is on a dating site"),
    ),
    Rule(
        name="contact_pointer",
        kind="contact",
        # No contact in the text, but directions to one: as good as a contact, and
        # capped with the other contact rules.
        pattern=(
            r"\b(?:search|google|look up|find)\s+(?:for\s+)?(?:his|her|their|my|the)\s+"
            r"(?:name|username|page|profile|website)\s+(?:on|in)\s+(?:google|facebook|"
            r"instagram|tiktok|youtube|telegram|the internet|online)"
            r"|\b(?:search|google|look up)\s+['\"]?(?:dr\.?|doctor|priest|baba|lord|mama|"
            r"lady|chief|prophet)\s+\w+"
            r"|\b(?:link|number|contact|details|info|whats ?app)\s+(?:is\s+)?in\s+my\s+"
            r"(?:bio|profile)\b|\b(?:check|visit|see)\s+my\s+(?:bio|profile)\s+for\b"
            r"|\bsame\s+(?:user ?name|name|handle|id)\s+(?:on|in)\s+(?:telegram|instagram|"
            r"insta|ig|tiktok|facebook|fb|snapchat|snap|whats ?app|twitter|x|kik|signal)\b"
            r"|\bcomment\s+['\"]?\w+['\"]?\s+(?:and|&)\s+i(?:'ll| will| can)\s+"
            r"(?:send|dm|pm|give|inbox|message|reply)"
            r"|\b(?:his|her|their)\s+(?:shop|store|page|channel)\s+is\s+on\s+(?:etsy|facebook|"
            r"instagram|tiktok|youtube|telegram)\b"
            r"|\blook\s+(?:him|her|them)\s+up\s+on\s+(?:google|facebook|instagram|tiktok|"
            r"youtube|telegram)\b"
            r"|\bi(?:'ll| will| can)\s+(?:send|give|share|dm|pm|inbox)\s+(?:you\s+)?(?:his|her|"
            r"their)\s+(?:number|contact|whats ?app|details|e-?mail|info)\b"
            r"|\b(?:reply|message|dm|pm|inbox|text)\s+me\s+(?:and|&|for)\s+(?:i(?:'ll| will)\s+)?"
            r"(?:send|give|share)\s+(?:you\s+)?(?:his|her|their|the)\s+(?:number|contact|"
            r"whats ?app|details|e-?mail|info|link)"
        ),
        weight=1.2,
        description="Points to a contact without giving it: 'search his name on Google', "
        "'link in my profile', 'same username on Telegram', 'comment and I'll send it'.",
        examples=(
            "just search his name on google",
            "the link is in my profile",
            "same username on telegram, message me",
            "comment 'interested' and I'll send his number",
            "her shop is on etsy",
            "look him up on facebook",
        ),
        counterexamples=(
            "I searched his name on Google at 3am and regretted it",
            "he has the same username everywhere so I see him on every app",
            "I put a quote in my bio",
            "she sells jewellery on Etsy and I still look at her shop",
            "I'll send you my therapist's number if you want it",
        ),
    ),
    Rule(
        name="contact_invitation",
        kind="scam",
        pattern=(
            rf"\b{CONTACT_VERB}\s+(?:him|her|them|this man|this woman|the man|the great)?\s*"
            rf"(?:{HELPER}\s+)?(?:\w+\s+)?(?:via|through|on|at|with|today|now|immediately|asap|for)"
            rf"\b[^.\n]{{0,20}}?(?:@|\+?\d{{7,}}|email|whats ?app|telegram|viber|website|number)"
            r"|(?:his|her|their|temple's) "
            r"(?:e-mail|email|whats ?app|telegram|viber|contact|phone|mobile|cell)"
            r"(?: address| number| details| info| line)?\s*"
            r"(?:is|:|-|=|on|at)\b"
            r"|\bcontact (?:details|info(?:rmation)?) (?:is |are )?(?:below|above|:)"
            r"|\b(?:send|give|share|dm|pm|inbox) you (?:his|her|their|the) "
            r"(?:contact|number|e-mail|email|details|whats ?app|info)"
            r"|\bask me for (?:his|her|their|the) "
            r"(?:contact|number|e-mail|email|details|whats ?app)"
        ),
        weight=1.6,
        description="Invites readers to contact someone through a given channel.",
        examples=(
            "you can contact him via email: x@y.com",
            "his whatsapp number is +15550100123",
            "reach him through whatsapp +15550100123",
            "reply and I will send you his contact",
        ),
        counterexamples=(
            "should I contact him again after no contact?",
            "I blocked his whatsapp number",
            "call a helpline if you need one",
        ),
    ),
)
