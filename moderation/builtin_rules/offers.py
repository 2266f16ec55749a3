"""Predatory offers and money requests."""

from moderation.rules import Rule

OFFERS: tuple[Rule, ...] = (
    Rule(
        name="phone_hacker",
        kind="offer",
        pattern=(
            r"\b(?:hacker|hackers|hack(?:ed|ing)?\s+(?:into|his|her|their|the|my|your)\b)"
            r"|\b(?:spy|spying|monitor|track|clone|mirror)\s+(?:on\s+)?(?:your|his|her|their|a)\s+"
            r"(?:cheating\s+)?(?:partner|spouse|husband|wife|boyfriend|girlfriend|phone|device|"
            r"whats ?app|messages|chats|location|texts|calls)\b"
            r"|\b(?:remote|full|unrestricted)\s+access\s+to\s+(?:his|her|their|your|the)\s+"
            r"(?:phone|device|whats ?app|messages)"
        ),
        weight=1.5,
        description="Offers to hack or spy on a partner's phone or accounts.",
        examples=(
            "a hacker who got me into his whatsapp",
            "spy on your cheating partner's phone",
            "full access to his phone remotely",
        ),
        counterexamples=(
            "I was tempted to look at his phone",
            "she tracks her steps with an app",
        ),
    ),
    Rule(
        name="investment_loan",
        kind="offer",
        pattern=(
            r"\b(?:bitcoin|crypto(?:currency)?|forex|binary options?|btc|usdt|trading platform)\b"
            r"[^.\n]{0,80}\b(?:invest(?:ed|ing|ment)?|profit|returns?|earn(?:ed|ing)?|"
            r"account manager|mentor|expert|recover(?:ed|y)?)\b"
            r"|\b(?:earn|made|making|make)\s+(?:\$|£|€)[\d,]+[^.\n]{0,30}(?:every|per|a)\s+"
            r"(?:day|week|month)\b"
            r"|\b(?:(?:fast|quick|instant|urgent) (?:cash )?loans?|no credit checks?|loan of [$£€]|"
            r"loan (?:lender|company|offer|firm|agent)|(?:low|affordable) interest rate|"
            r"fund(?:s)? recovery"
            r"|recover (?:my|your) (?:lost|stolen) (?:funds|money|crypto|bitcoin))"
        ),
        weight=1.5,
        description="Crypto/forex investment, income-from-home, loan and 'fund recovery' pitches.",
        examples=(
            "I invested in bitcoin with an account manager",
            "now I earn $3,000 every week",
            "a fund recovery expert got my money back",
            "I got a fast loan with no credit check",
        ),
        counterexamples=(
            "he lost our savings on crypto and lied about it",
            "I had to take out a loan for the deposit",
        ),
    ),
    Rule(
        name="paid_reading",
        kind="offer",
        pattern=(
            r"\b(?:psychic|tarot|love|soulmate|astrology|astrological)\s+readings?\b"
            r"[^.\n]{0,60}\b(?:free|accurate|book|order|contact|email|message|only|\$|£|€|price)"
            r"|\b(?:free|accurate|personal(?:ized|ised)?)\s+(?:psychic|tarot|love)\s+readings?\b"
            r"|\b(?:psychic|astrologer|clairvoyant|medium)\s+(?:advisor|reader|services?)\b"
            r"|\breadings? (?:from|by|with) (?:the )?(?:psychic|clairvoyant|medium|astrologer|"
            r"sister|mother|madam|mama|lady)\b"
            r"|\b(?:first|1st) (?:question|reading|minute|session)s? (?:is |are )?free\b"
            r"|[$£€]\s?\d+(?:\.\d+)? (?:a|per) minute\b|\bsoulmate (?:sketch|drawing|portrait)"
        ),
        weight=1.2,
        description="Paid psychic, tarot or astrology readings offered to readers.",
        examples=(
            "get a free psychic reading today",
            "accurate love readings, message me",
            "the reading from psychic Vera was spot on",
            "first question free, then $2.50 a minute",
        ),
        counterexamples=(
            "I even thought of seeing a psychic",
            "my friend did a tarot reading for fun and I cried",
        ),
    ),
    Rule(
        name="miracle_cure",
        kind="offer",
        pattern=(
            r"\b(?:cured?|healed|heal|treat(?:ed)?|remedy|medicine)\b[^.\n]{0,40}"
            r"\b(?:hiv|aids|herpes|hpv|hepatitis|cancer|diabetes|als|fibroids?|infertility|"
            r"barrenness|impotence|weak erection)\b[^.\n]{0,60}\b(?:herbal|herbs|roots|natural|"
            r"spell|dr|doctor|priest|healer)\b"
            r"|\bherbal (?:medicine|cure|remedy|treatment|product)\b[^.\n]{0,60}"
            r"\b(?:cured?|healed|negative|gone)\b"
        ),
        weight=1.5,
        description="A herbal or spiritual 'cure' for an incurable disease.",
        examples=(
            "he cured my herpes with herbal medicine",
            "his herbal medicine cured me completely",
        ),
        counterexamples=(
            "my doctor said there is no cure for herpes",
            "herbal tea helps me sleep",
        ),
    ),
    Rule(
        name="money_request",
        kind="offer",
        pattern=(
            r"\b(?:send|pay|transfer|wire)\s+(?:me\s+|us\s+|him\s+)?(?:the\s+|a\s+)?(?:small\s+)?"
            r"(?:fee|money|payment|deposit|gift ?cards?|itunes cards?|bitcoin|\$|£|€)"
            r"[^.\n]{0,40}\b(?:materials|items|ritual|spell|sacrifice|gods|deities|processing|"
            r"release|unlock|today)\b"
            r"|\b(?:western union|moneygram|gift ?cards? (?:only|payment)|cash ?app me)\b"
        ),
        weight=1.0,
        description="Asks for money, gift cards or fees for materials, rituals or 'release'.",
        examples=(
            "send the fee for the materials needed for the ritual",
            "pay through western union",
        ),
        counterexamples=(
            "he never paid me back the money for the flights",
            "I sent him a gift card for his birthday",
        ),
    ),
)
