"""Scam and spam families beyond spell casters (issue 12): SEO offers, betting, loans and
"blank ATM cards", escorts, crypto "recovery hackers", money rituals, love-magic sales
copy, paid ex-back coaching, sugar dating, and the spell-caster trade in French, Spanish
and Portuguese.

Each names what only an advertiser of that family writes. A genuine post may name the
family ("I lost money at an online casino", "someone offered to be my sugar daddy"), so
the words a heartbroken person would use about it are left out, and no rule here holds
a post alone: it takes a contact, a link or the classifier agreeing.
"""

from moderation.rules import Rule

FAMILIES: tuple[Rule, ...] = (
    Rule(
        name="seo_offer",
        kind="offer",
        pattern=(
            r"\b(?:high|top|good)[ -](?:da|pa|dr|authority)\b"
            r"|\bbacklinks?\b|\bguest post(?:ing)? (?:sites?|service|offer)"
            r"|\bdo-?follow\b|\bblog commenting sites?\b"
            r"|\b(?:buy|get) (?:cheap |real |active )?(?:youtube|instagram|tiktok|facebook|"
            r"twitter|spotify) (?:views|followers|likes|subscribers|plays)\b"
        ),
        weight=1.5,
        description="Sells links, search ranking or followers: backlinks, 'high DA', dofollow.",
        examples=(
            "400+ high DA blog commenting sites list",
            "buy youtube views cheap",
            "quality backlinks for your site",
        ),
        counterexamples=(
            "he had high standards for everyone but himself",
            "she follows him on instagram",
        ),
    ),
    Rule(
        name="commercial_link_target",
        kind="offer",
        # The link's own host or path names the trade: no article about grief lives at
        # "...casino..." or ".../collections/...".
        pattern=(
            r"(?:https?://|www\.)[^\s\"'<>]{0,60}(?:casino|slots?|poker|judi|togel|gacor|"
            r"betting|sportsbook|escorts?|callgirls?|essays?|dissertation|assignment|payday|"
            r"loans?|viagra|cialis|pharma|replica|backlinks?|/collections?/|/products?/)"
        ),
        weight=1.0,
        description="A link whose address names a commercial trade (casino, loans, essays).",
        examples=(
            "see https://www.bestslots.example/ now",
            "www.quickloans.example/apply",
            "https://shop.example/collections/sale",
        ),
        counterexamples=(
            "https://www.nhs.uk/mental-health/",
            "this helped me: www.psychologytoday.com/us/blog/attachment",
        ),
    ),
    Rule(
        name="business_pitch",
        kind="offer",
        pattern=(
            r"\bcall us (?:today|now|for (?:a|more|free|your))\b"
            r"|\bvisit our (?:website|store|shop|showroom|site|page)\b"
            r"|\bfree (?:quotes?|estimates?|shipping|home delivery|demo)\b"
            r"|\bbest (?:prices?|rates|deals?) in (?:the )?(?:market|town|city|country)\b"
            r"|\bbook (?:your|an|a free) (?:appointment|consultation|session) (?:online|today|"
            r"now)\b|\buse (?:code|coupon) \w+\b"
        ),
        weight=1.2,
        description="A business addressing customers: 'call us today', 'free quote'.",
        examples=(
            "call us today for a free quote",
            "visit our website to know more",
            "use code SAVE20 at checkout",
        ),
        counterexamples=(
            "his mum used to call us every Sunday",
            "my lawyer gave me a free consultation about the house",
        ),
    ),
    Rule(
        name="service_claim",
        kind="offer",
        pattern=(
            r"\b(?:leading|trusted|certified|reliable|professional) (?:company|agency|clinic|"
            r"studio|firm|provider|manufacturer|supplier|service provider)\b"
            r"|\b(?:\d+|twenty|thirty|many) years of experience in (?:the )?\w+ (?:industry|"
            r"business|field|services?)\b"
            r"|\b(?:we|our team|our experts) (?:fix|repair|deliver|manufacture|supply|install|"
            r"build|design|clean)\b[^.\n]{0,40}\b(?:at|for) (?:the )?(?:best|fair|low|"
            r"affordable|cheap|competitive)"
        ),
        weight=1.2,
        description="Claims of a trade: 'leading agency', 'we repair ... at fair prices'.",
        examples=(
            "a trusted agency in town",
            "we repair phones at the best rates",
            "twenty years of experience in the plumbing business",
        ),
        counterexamples=(
            "I work for a London based company and nobody knows",
            "we fix things together, that's what friends do",
        ),
    ),
    Rule(
        name="betting_ad",
        kind="offer",
        pattern=(
            r"\bslot (?:gacor|online|terpercaya)|\bjudi (?:online|bola|slot)|\bsitus "
            r"(?:slot|judi|togel|resmi)|\btogel\b|\bmaxwin\b|\bdeposit pulsa\b|\bbonus new "
            r"member\b|\bagen (?:judi|bola|slot)|สลอต|บาคารา|แทงบอล|คาสโน|ฝากถอน|카지노|"
            r"바카라|토토|베팅|\bca cuoc\b|\bnha cai\b"
            r"|\b(?:free spins|sign[- ]?up bonus|welcome bonus|betting tips|sportsbook|"
            r"aviator predictor|instant withdrawals?)\b"
        ),
        weight=1.8,
        # Thai is written as normalising leaves it: without its combining vowel and tone
        # marks.
        description="Advertises betting or casino sites (also in Indonesian, Thai, Korean).",
        examples=(
            "daftar situs slot terpercaya, bonus new member",
            "free spins on every deposit",
            "best football betting tips daily",
        ),
        counterexamples=(
            "I deleted the casino apps today",
            "I lost £600 betting on football after she left",
        ),
    ),
    Rule(
        name="card_or_credit_fraud",
        kind="offer",
        pattern=(
            r"\bblank atm cards?\b|\bprogrammed (?:atm|debit|credit) cards?\b"
            r"|\bclone(?:d)? (?:atm |credit |debit )?cards?\b"
            r"|\bloaded (?:atm|debit|credit) cards?\b"
            r"|\b(?:increase|boost|raise|fix) (?:your|my|his|her) credit score to \d{3}\b"
            r"|\bremove (?:late payments|negative items|collections) from (?:your|my)\b"
        ),
        weight=2.0,
        description="Blank or cloned ATM cards and credit-score 'fixing' for a fee.",
        examples=(
            "get a blank atm card that works anywhere",
            "they can increase your credit score to 800",
        ),
        counterexamples=(
            "my card got declined at the atm and I cried in the street",
            "I'm slowly fixing my credit score after the divorce",
        ),
    ),
    Rule(
        name="loan_offer",
        kind="offer",
        pattern=(
            r"\b(?:we|i) (?:offer|give out|provide|grant) (?:all kinds of |personal |business "
            r"|urgent )?loans?\b"
            r"|\bloans? (?:at|with) (?:\d+(?:\.\d+)?|low|affordable) ?(?:%|percent|interest)"
            r"|\b(?:legit|genuine|private|reliable) (?:loan )?lender\b"
            r"|\bloans? (?:from|of) [$£€]?[\d,]+ (?:to|-) [$£€]?[\d,]+"
        ),
        weight=1.8,
        description="Offers loans to readers: 'we offer loans at 2% interest', 'legit lender'.",
        examples=(
            "we offer loans at 2% interest rate",
            "a legit lender gave me money",
            "loans from $5,000 to $500,000",
        ),
        counterexamples=(
            "I took out a loan to cover the deposit",
            "the bank offered me a payment plan",
        ),
    ),
    Rule(
        name="escort_ad",
        kind="offer",
        pattern=(
            r"\b(?:vip|independent|premium|hot|high profile|college) (?:call ?girls?|escorts?)\b"
            r"|\bcall ?girls? (?:service|in \w+|available|number)|\bescort (?:service|agency|"
            r"girls?|models?)\b|\b(?:in|out)-?call\b"
        ),
        weight=1.8,
        description="Advertises escorts or call girls.",
        examples=(
            "independent escorts available tonight",
            "vip call girls service 24/7",
            "in-call and out-call",
        ),
        counterexamples=(
            "he spent our savings on escorts and lied",
            "I got a call from her mother",
        ),
    ),
    Rule(
        name="recovery_hacker",
        kind="offer",
        pattern=(
            r"\b(?:crypto|bitcoin|fund|funds|asset|wallet|scam|blockchain)\s+(?:recovery|"
            r"retrieval|tracing)\s+(?:expert|hacker|specialist|team|agent|investigator|company|"
            r"firm|service)s?\b"
            r"|\b(?:recovered|retrieved|traced|got back)\b[^.\n]{0,40}\b(?:every (?:coin|penny)|"
            r"my (?:btc|bitcoin|crypto|usdt|ethereum|funds|coins))\b"
        ),
        weight=1.5,
        description="Crypto or fund 'recovery hackers' who promise stolen money back.",
        examples=(
            "a crypto recovery expert helped me",
            "they traced and recovered every coin",
        ),
        counterexamples=(
            "he lost our savings on crypto and never recovered",
            "a fake crypto recovery guy scammed my friend again",
        ),
    ),
    Rule(
        name="money_ritual",
        kind="scam",
        pattern=(
            r"\bmoney rituals?\b|\bukuthwala\b|\bjoin (?:the )?(?:great |secret )?"
            r"(?:brotherhood|illuminati|occult)\b|\boccult (?:for|to) (?:money|wealth|riches)"
            r"|\b(?:magic|spiritual|money) (?:wallet|pot|mirror) (?:that|which)\b"
            r"|\b(?:instant|sudden) (?:wealth|riches)\b|\bbecome rich and famous\b"
        ),
        weight=2.0,
        description="Money rituals, occult 'brotherhoods' and magic wallets that bring wealth.",
        examples=(
            "join the brotherhood and become rich",
            "ukuthwala for instant wealth",
            "money ritual that works",
        ),
        counterexamples=(
            "our wedding was the last ritual we shared",
            "the money stuff is the worst part of the divorce",
        ),
    ),
    Rule(
        name="love_magic_sales",
        kind="scam",
        pattern=(
            r"\b(?:return|bring back|brings back|get back) (?:a |the |your )?lost (?:lover|love)"
            r"\b[^.\n]{0,60}\b(?:guarantee|spells?|magic|rituals?|charms?|fast|days|hours)"
            r"|\bwe do (?:black |white |voodoo |strong )?(?:magic|spells|rituals)\b"
            r"|\b(?:black|white|love) magic (?:that|which) (?:can|will|works)"
            r"|\b(?:love|binding|attraction) (?:charms?|rituals?) (?:and|for|that|to)\b"
            r"|\bstop (?:a |your )?divorce\b[^.\n]{0,40}\b(?:guarantee|spells?|magic|rituals?)"
        ),
        weight=2.0,
        description="Sells love magic with or without a contact: 'return a lost lover', "
        "'we do black magic which can achieve anything'.",
        examples=(
            "return a lost lover, results guaranteed",
            "we do black magic which can achieve anything",
            "binding love charms and marriage protection",
        ),
        counterexamples=(
            "I just want to bring back the love we lost",
            "it felt like magic that he noticed me at all",
        ),
    ),
    Rule(
        name="ex_back_coaching",
        kind="offer",
        pattern=(
            r"\b(?:ex|exes|him|her|them|partner|lover)\s+back\s+or\s+(?:you pay nothing|your "
            r"money back|it'?s free)"
            r"|\b\d{2,3}% (?:of (?:my )?(?:clients|couples|exes)|success rate)\b[^.\n]{0,60}"
            r"\b(?:back|reunit|reconcil|reconnect)"
            r"|\b(?:reconnection|reconciliation|ex[- ]recovery|ex[- ]back) (?:coach|coaching|"
            r"program|programme|course|blueprint|system|specialist)s?\b"
            r"|\bmoney[- ]back guarantee\b[^.\n]{0,60}\b(?:ex|back|reunit|reconcil)"
        ),
        weight=1.6,
        description="Paid 'get your ex back' coaching with success rates or guarantees.",
        examples=(
            "97% of exes back or you pay nothing",
            "I'm a reconnection coach",
            "my ex recovery program has a 95% success rate",
        ),
        counterexamples=(
            "my therapist helped me more than any coach",
            "so many ex-back videos promise results, it's preying on us",
        ),
    ),
    Rule(
        name="sugar_offer",
        kind="offer",
        pattern=(
            r"\bsugar (?:baby|babies|daddy|daddies|mommy|mummy|momma)\b[^.\n]{0,60}"
            r"\b(?:allowance|spoil|pay|paid|bills|weekly|monthly|\$|£|€|message|text|dm|"
            r"looking for|available)"
            r"|\b(?:weekly|monthly) allowance\b"
        ),
        weight=1.5,
        description="Sugar-dating offers with an allowance.",
        examples=(
            "looking for a sugar baby, $2,000 weekly allowance",
            "sugar daddy available to pay your bills",
        ),
        counterexamples=(
            "someone offered to be my sugar daddy after I posted and I reported it",
            "my ex called me his sugar once",
        ),
    ),
    Rule(
        name="spell_ad_other_language",
        kind="scam",
        pattern=(
            r"\bmarabouts?\b[^.\n]{0,80}\b(?:retour|amour|puissant|rituel|contact|whatsapp)"
            r"|\bretour (?:de l'etre aime|affectif)|\bdesenvoutement\b|\benvoutements?\b"
            r"|\bamarres? de amor\b|\bendulzamientos?\b|\bhechizos? de amor\b"
            r"|\b(?:brujo|chaman|curandero)\b[^.\n]{0,60}\b(?:volvio|regreso|trae|amarre|"
            r"whatsapp|consulta)"
            r"|\bamarracao(?: amorosa)?\b[^.\n]{0,60}\b(?:horas|dias|garantid|traz|volta|"
            r"whatsapp|chame)"
            r"|\btrago (?:a pessoa amada|seu amor|o seu amor)\b|\b(?:pai|mae) de santo\b"
        ),
        weight=1.8,
        description="Spell-caster ads in French, Spanish and Portuguese (marabout, amarre, "
        "amarração, retour affectif).",
        examples=(
            "grand marabout, retour de l'être aimé en 72 heures",
            "amarre de amor con resultados",
            "amarração amorosa em 24 horas",
        ),
        counterexamples=(
            "attention aux faux marabouts, ma tante a perdu de l'argent",
            "não caiam nessas promessas de amarração, é golpe",
        ),
    ),
)
