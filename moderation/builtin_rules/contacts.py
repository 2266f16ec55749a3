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
        pattern=r"\b(?:instagram|insta|ig|facebook|fb|tiktok|snapchat|snap)\b[^.\n]{0,20}?@[a-z0-9_.]{3,}",
        weight=0.8,
        description="An Instagram, Facebook, TikTok or Snapchat handle to contact.",
        examples=("follow on instagram @spirit.healer", "fb: @mama_answers"),
        counterexamples=("he posted her on instagram the day after", "I muted her on ig"),
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
