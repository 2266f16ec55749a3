"""The spell-caster testimonial script: casters, helpers, timed returns, testimony."""

from moderation.builtin_rules.vocabulary import HELPER, NUMBER_WORD, PARTNER
from moderation.rules import Rule

TESTIMONIALS: tuple[Rule, ...] = (
    Rule(
        name="spell_caster",
        kind="scam",
        pattern=(
            r"\bspell ?-?(?:caster|casting|casted|worker|temple|home)s?\b"
            r"|\b(?:love|lottery|lotto|reunion|reunite|return|binding|attraction|marriage|"
            r"powerful|money|protection|fertility|pregnancy|breakup|break-up|win)\s+spells?\b"
            r"|\bcast(?:s|ed|ing)?\s+(?:a|the|his|her|some|my|an?\s+\w+)?\s*(?:\w+\s+)?spells?\b"
            r"|\bspells?\s+(?:was|were|had been|has been)?\s*cast\b"
            r"|\b(?:voodoo|juju|obeah|hoodoo|black magic|white magic|witch ?doctor|love portion|"
            r"love potion|love oil|magic ring|spiritual (?:cleansing|bath|ring))\b"
        ),
        weight=2.0,
        description="Spell-casting services: spell casters, love/lottery spells, voodoo, potions.",
        examples=(
            "Dr Zuma the great spell caster",
            "he cast a love spell for me",
            "the reunion spell worked",
            "he sent me a love portion",
        ),
        counterexamples=(
            "breaking the spell she left on me",
            "I had crying spells all week",
            "a short spell of grief",
        ),
    ),
    Rule(
        name="spiritual_helper",
        kind="scam",
        pattern=(
            r"\b(?:great|powerful|genuine|real|honest|true|wonderful|famous|mighty|gifted|"
            r"native|spiritual|traditional|african|indian|ancient|herbal|holy)\s+"
            r"(?:spell ?caster|priest(?:ess)?|prophet|herbalist|spiritualist|healer|temple|shrine|"
            r"oracle|sangoma|psychic|medium|native doctor|love doctor|spiritual doctor|baba|"
            r"witch|sorcerer|magician|man of god)\b"
            r"|\b(?:native|spiritual|traditional|herbal|african|witch)\s+doctor\b"
            r"|\blove (?:doctor|guru|specialist|expert|psychic)\b"
            r"|\b(?:temple|shrine) of (?:\w+ ){0,2}\w+"
        ),
        weight=1.4,
        description="A 'great/powerful/native' priest, healer, temple or 'love doctor'.",
        examples=(
            "a powerful priest called Baba Oyo",
            "this great herbalist",
            "visit the temple of the river goddess",
            "the love doctor helped me",
        ),
        counterexamples=(
            "my priest told me to pray for peace",
            "my therapist Dr Lee said to journal",
            "go see a real doctor about the chest pain",
        ),
    ),
    Rule(
        name="helper_brought_back",
        kind="scam",
        pattern=(
            rf"\b(?:helped|assisted)\s+(?:me|us|many|people|others|so many)\s+(?:to\s+)?"
            rf"(?:(?:get|bring|win)\b[^.\n]{{0,40}}?\bback\b|restore|reunite|return|win the|cure)"
            rf"|\b(?:brought|bring|restored|returned|reunited)\s+(?:back\s+)?(?:my|her|his|our)\s+"
            rf"{PARTNER}\s+(?:back\s+)?(?:to me\s+)?(?:within|in|after)\b"
            rf"|\b(?:{HELPER})\s+\w+\s+(?:brought|restored|returned|reunited|helped)\b"
        ),
        weight=1.2,
        description="Someone helped bring a partner back, or restored a relationship.",
        examples=(
            "he helped me get my husband back",
            "brought my ex back within two days",
            "Dr Zuma brought joy to my home",
        ),
        counterexamples=(
            "therapy helped me get over him",
            "I want to bring my ex back",
            "my friends helped me move out",
        ),
    ),
    Rule(
        name="timed_return",
        kind="scam",
        pattern=(
            rf"\b(?:within|after|less than|under|before|exactly)\s+(?:the\s+)?(?:next\s+)?"
            rf"(?:24|48|72|{NUMBER_WORD})\s*(?:hours|hrs|hr|days)\b"
            rf"[^.\n]{{0,60}}(?:came back|come back|returned|called me|begg|apologi[sz]|back to me|"
            rf"back home|crawling|on his knees|on her knees|won|result|cured)"
            rf"|(?:came back|come back|returned|called me|begg\w*|apologi[sz]\w*|back to me|"
            rf"back home|result\w*|won)[^.\n]{{0,40}}\b(?:within|in|after|less than|exactly)\s+"
            rf"(?:24|48|72|{NUMBER_WORD})\s*(?:hours|hrs|hr|days)\b"
        ),
        weight=1.2,
        description="A partner 'came back' or a result arrived within a stated number of hours.",
        examples=(
            "within 48 hours my husband came back",
            "he came back to me in 2 days begging",
        ),
        counterexamples=(
            "for the first 48 hours I kept sending messages",
            "she replied after three weeks",
        ),
    ),
    Rule(
        name="testimony",
        kind="scam",
        pattern=(
            r"\btestimon(?:y|ies|ial)\b|\btestif(?:y|ied|ying)\b"
            r"|\b(?:forever|eternally|ever) (?:be )?(?:grateful|thankful|indebted)\b"
            r"|\b(?:i|we) (?:will|shall|can) never stop (?:thanking|praising|talking about)\b"
            r"|\bgolden (?:medium|opportunity to (?:thank|share))\b"
            r"|\b(?:share|sharing) (?:my|this|the) (?:testimony|wonderful|good news|great news|"
            r"miracle|experience with (?:the world|everyone|you all))"
            r"|\bwords? (?:can ?not|cannot|can't) (?:express|describe) (?:how|my)\b[^.\n]{0,40}"
            r"(?:grateful|thank|happy)"
        ),
        weight=1.2,
        description="Testimony script: 'testimony', 'forever grateful', 'sharing my miracle'.",
        examples=(
            "this is my testimony",
            "I will forever be grateful to him",
            "I want to use this golden medium",
        ),
        counterexamples=(
            "I'm grateful for my friends",
            "thankful for this community",
        ),
    ),
    Rule(
        name="recommend_helper",
        kind="scam",
        pattern=(
            rf"\b(?:if you|anyone|any one|whoever|those who|for those)\b[^.\n]{{0,60}}"
            rf"(?:need|want|having|in need of|going through|facing|looking for)\b[^.\n]{{0,80}}"
            rf"\b(?:contact|reach out to|email|whatsapp|call|text|message)\s+(?:him|her|them|"
            rf"{HELPER}|this man|this woman|the great|the temple)"
            rf"|\b(?:contact|reach out to|email|whatsapp)\s+(?:him|her|{HELPER})\s*(?:\w+\s+)?"
            r"(?:now|today|immediately|right away|asap|and be happy|for (?:help|your|any|solution))"
        ),
        weight=1.4,
        description="Tells readers in the same situation to contact the helper.",
        examples=(
            "if you need your ex back contact him today",
            "anyone going through heartbreak should contact Dr Zuma",
            "contact him now for help",
        ),
        counterexamples=(
            "if you need to talk, call a friend",
            "if you are struggling, please reach out to a therapist",
        ),
    ),
    Rule(
        name="lottery_win",
        kind="scam",
        pattern=(
            r"\b(?:winning|lucky|lottery|lotto) numbers\b"
            r"|\b(?:won|win|winning)\s+(?:the\s+|a\s+|my\s+)?(?:\$|£|€)?[\d,.]*\s*(?:million\s+)?"
            r"(?:dollars?\s+|pounds?\s+)?(?:in the\s+)?(?:lottery|lotto|jackpot|powerball|"
            r"mega ?millions|euro ?millions)\b[^.\n]{0,60}(?:spell|dr|doctor|priest|lord|numbers)"
            r"|\b(?:lottery|lotto|jackpot|powerball|mega ?millions|euro ?millions)\b[^.\n]{0,40}"
            r"(?:spell|dr\.? \w+|doctor|priest|lord \w+|numbers he|numbers she)"
        ),
        weight=1.6,
        description="Lottery wins credited to a spell or a helper's 'winning numbers'.",
        examples=(
            "he gave me the winning numbers",
            "I won the lottery after Dr Obi cast a spell",
        ),
        counterexamples=(
            "meeting her felt like winning the lottery",
            "I bought a lottery ticket on my birthday",
        ),
    ),
)
