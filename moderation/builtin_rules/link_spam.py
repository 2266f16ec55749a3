"""Link and SEO comment spam: flattering filler around commercial anchor links.

Mend's posts are plain text typed into a textarea, so an HTML anchor, BBCode
``[url=]`` or a Markdown link is rare in a genuine post and is itself evidence when
it carries a link. None of these rules holds a post alone: a genuine post sharing an
article keeps a link, and "thanks for sharing" is ordinary thanks. Spam needs a
combination: markup links with commercial anchor words, or flattery next to a link.
"""

from moderation.rules import Rule

# Words that make an anchor text an advertisement rather than a reference.
_COMMERCIAL = (
    r"(?:buy|cheap|cheapest|best|top|discount|sale|order|online|shop|store|price|deals?|"
    r"casino|betting|bets?|slots?|poker|jackpot|gambling|bookmaker|loans?|payday|credit|"
    r"essays?|dissertation|assignment|homework|coursework|writing service|escorts?|"
    r"call girls?|replica|backlinks?|seo|rank(?:ing)?|traffic|atm cards?|services?|"
    r"repair|agency|pills?|viagra|pharmacy)"
)

LINK_SPAM: tuple[Rule, ...] = (
    Rule(
        name="markup_link",
        # Not a contact rule: contact evidence is capped, and a link in markup says more
        # than "has a link" in a post typed as plain text. HTML and BBCode anchors are
        # what bots send to comment forms; people who paste a link from a forum that
        # uses Markdown write "[text](url)", which weighs less (markdown_link).
        kind="offer",
        pattern=r"<a\s[^>]{0,100}href\s*=|\[url\s*=|\[url\]",
        weight=2.0,
        description="A link written as an HTML or BBCode anchor, which a typed post never needs.",
        examples=(
            '<a href="https://shop.example/">jackets</a>',
            "[url=https://shop.example/]jackets[/url]",
        ),
        counterexamples=(
            "this article helped me: https://news.example/healing",
            "[this article](https://news.example/healing)",
            "I wrote [redacted] instead of his name",
        ),
    ),
    Rule(
        name="markdown_link",
        kind="offer",
        pattern=r"\]\(\s*(?:https?://|www\.)",
        weight=0.8,
        description="A link written in Markdown, as people paste from other forums.",
        examples=("[this article](https://news.example/healing)",),
        counterexamples=(
            "this article helped me: https://news.example/healing",
            "I wrote [redacted] instead of his name",
        ),
    ),
    Rule(
        name="commercial_anchor",
        kind="offer",
        pattern=(
            r"<a\s[^>]{0,100}>[^<]{0,60}\b" + _COMMERCIAL + r"\b"
            r"|\[url\s*=[^\]]{0,100}\][^\[]{0,60}\b" + _COMMERCIAL + r"\b"
            r"|\[[^\]]{0,60}\b" + _COMMERCIAL + r"\b[^\]]{0,60}\]\(\s*(?:https?://|www\.)"
        ),
        weight=1.8,
        description="Linked anchor text that advertises: buy, cheap, casino, loans, essays, SEO.",
        examples=(
            '<a href="https://shop.example/">cheap jackets</a>',
            "[url=https://bet.example/]online casino[/url]",
            "[best essay writing service](https://essays.example/)",
        ),
        counterexamples=(
            '<a href="https://news.example/">an article on grief</a>',
            "the best thing I did was stop texting him",
        ),
    ),
    Rule(
        name="comment_flattery",
        kind="offer",
        pattern=(
            r"\b(?:thanks?|thank you) (?:so much |a lot )?for (?:sharing|posting|this)"
            r"[^.!\n]{0,30}\b(?:informative|useful|great|nice|wonderful|amazing|helpful|"
            r"valuable|awesome|excellent)\s+(?:article|post|blog|information|info|content|"
            r"write-?up)"
            r"|\b(?:great|nice|awesome|excellent|informative) (?:post|article|blog|"
            r"content|write-?up)s?,? keep (?:it up|sharing|posting|writing)"
            r"|\b(?:very|really|quite) (?:informative|useful) (?:article|post|blog|content)"
            r"|\b(?:i|we) (?:really )?(?:enjoyed|loved) (?:reading )?(?:this|your) "
            r"(?:article|blog|blog post|content)"
            r"|\bkeep (?:up the good work|sharing such)"
            r"|\b(?:great|nice|good|fantastic|wonderful|awesome|excellent|informative|amazing|"
            r"valuable) (?:article|blog|read|content|website|write-?up|posting)\b"
            r"|\b(?:your|this) (?:blog|website)\b|\badmin of this\b|\bthis (?:informative|helpful) "
        ),
        weight=1.2,
        description="The generic praise that opens comment spam; evidence only beside a link.",
        examples=(
            "thanks for sharing this informative article",
            "great post, keep sharing",
            "very informative blog",
        ),
        counterexamples=(
            "thanks for sharing your story, it made me cry",
            "I keep sharing his posts out of habit",
            "a counsellor sent me a helpful article on attachment",
        ),
    ),
    Rule(
        name="link_shortener",
        kind="contact",
        pattern=(
            r"\b(?:bit\.ly|t\.ly|tinyurl\.com|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rebrand\.ly|"
            r"shorturl\.at|tiny\.cc|rb\.gy)/"
            r"|\bgoogle\.[a-z]{2,3}(?:\.[a-z]{2})?/url\?"
        ),
        weight=0.8,
        description="A link shortener or redirector that hides where a link goes.",
        examples=("see bit.ly/abc123", "https://www.google.com/url?q=https://shop.example"),
        counterexamples=("google.com maps showed the way", "a bit. like you said"),
    ),
)
