"""Phrases several built-in rules share, kept as strings so each rule stays one readable
regular expression."""

PARTNER = (
    r"(?:ex|ex[- ]?(?:boyfriend|girlfriend|husband|wife|lover|partner)|lover|husband|wife|"
    r"boyfriend|girlfriend|bf|gf|fianc[ée]e?|partner|man|woman|spouse|marriage|relationship)"
)
HELPER = (
    r"(?:spell ?caster|caster|priest(?:ess)?|prophet|baba|lord|papa|mama|chief|native doctor|"
    r"herbalist|spiritualist|healer|sangoma|oracle|temple|shrine|love doctor|dr\.?|doctor|"
    r"lady|sir|madam)"
)
NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|few|couple of)"
CONTACT_VERB = r"(?:contact|reach|email|e-mail|mail|write to|text|call|whatsapp|message|dm|inbox)"
