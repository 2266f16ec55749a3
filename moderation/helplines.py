"""The allow-list of public helplines and support organisations.

People share helplines with each other on purpose: "call Samaritans on 116 123",
"the hotline is 1-800-799-7233". A contact detail that belongs to one of these is not
evidence of a scam and is no one's private number, so the screener neither counts it
as contact evidence nor holds a post for the poster's safety because of it.

The bundled list (``data/helplines.csv``) is the default; admins edit the live list,
which the screener receives as a ``HelplineList``. Each entry has a name, a country
(ISO code, "INT" for international) and its numbers, e-mail addresses and web domains.
Short codes ("988", "116 123") are listed for people to read: they are too short to be
taken for a phone number anyway. An e-mail address at a listed domain is the
organisation's too; a listed domain covers its subdomains.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from importlib import resources

import phonenumbers

from moderation.normalize import Contact, normalize

# Regions to read a listed number in when it has no "+" and no country of its own.
_FALLBACK_REGION = "US"
_NON_DIGITS = re.compile(r"\D")
_MAX_DOMAIN_LABELS = 6


@dataclass(frozen=True)
class Helpline:
    name: str
    country: str
    numbers: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def split_field(value: str) -> tuple[str, ...]:
    """A field of several values ("116 123; 0800 111 0 111"), cleaned and in order."""
    return tuple(part.strip() for part in re.split(r"[;\n]", value or "") if part.strip())


def phone_spellings(number: str, country: str) -> set[str]:
    """Every form in which the screener may report ``number`` as a phone contact: its
    digits, its international (E.164) form and the screener's own reading of it."""
    digits = _NON_DIGITS.sub("", number)
    if not digits:
        return set()
    spellings = {digits}
    written = [number]
    region = country if len(country) == 2 else _FALLBACK_REGION
    try:
        parsed = phonenumbers.parse(number, None if number.strip().startswith("+") else region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None:
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        spellings |= {e164, e164.lstrip("+"), _NON_DIGITS.sub("", national)}
        written.append(e164)
    # The screener reads numbers without knowing the country ("0800 111 0 111" may come
    # out as a British number): whatever it makes of the number as listed counts too.
    for spelling in written:
        spellings |= {c.value for c in normalize(spelling).contacts if c.kind == "phone"}
    return {spelling for spelling in spellings if spelling}


@dataclass(frozen=True)
class HelplineList:
    """Helplines, looked up by contact. Build once; ``covers`` is a set lookup."""

    entries: tuple[Helpline, ...] = ()
    _phones: dict[str, Helpline] = field(default_factory=dict, init=False, repr=False)
    _emails: dict[str, Helpline] = field(default_factory=dict, init=False, repr=False)
    _domains: dict[str, Helpline] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for number in entry.numbers:
                for spelling in phone_spellings(number, entry.country):
                    self._phones.setdefault(spelling, entry)
            for email in entry.emails:
                self._emails.setdefault(email.strip().lower(), entry)
            for domain in entry.domains:
                # And as the screener reads it ("name.org.uk" may come out "name.org").
                for host in {bare_host(domain), *_screened_hosts(domain)}:
                    self._domains.setdefault(host, entry)

    def helpline_for(self, contact: Contact) -> Helpline | None:
        """The helpline this contact belongs to, or None."""
        if contact.kind == "phone":
            value = contact.value
            return self._phones.get(value) or self._phones.get(_NON_DIGITS.sub("", value))
        if contact.kind == "email":
            address = contact.value.lower()
            return self._emails.get(address) or self._domain_entry(address.rpartition("@")[2])
        if contact.kind == "url":
            return self._domain_entry(bare_host(contact.value))
        return None  # handles: no helpline is listed by one

    def covers(self, contact: Contact) -> bool:
        return self.helpline_for(contact) is not None

    def _domain_entry(self, host: str) -> Helpline | None:
        # The host's last few labels, then fewer: no listed domain is longer, and a
        # host of thousands of labels must not cost time in the square of them.
        labels = host.rsplit(".", _MAX_DOMAIN_LABELS)[-_MAX_DOMAIN_LABELS:]
        for start in range(len(labels) - 1):
            entry = self._domains.get(".".join(labels[start:]))
            if entry is not None:
                return entry
        return None


def _screened_hosts(domain: str) -> list[str]:
    return [bare_host(c.value) for c in normalize(domain).contacts if c.kind == "url"]


def bare_host(value: str) -> str:
    host = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/")[0].split(":")[0]
    return host.removeprefix("www.").rstrip(".")


def read_helplines_csv(text: str) -> list[Helpline]:
    """Entries of a helplines CSV (columns name, country, numbers, emails, domains)."""
    entries = []
    for row in csv.DictReader(io.StringIO(text)):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        entries.append(
            Helpline(
                name=name,
                country=(row.get("country") or "").strip().upper(),
                numbers=split_field(row.get("numbers", "")),
                emails=split_field(row.get("emails", "")),
                domains=split_field(row.get("domains", "")),
            )
        )
    return entries


def bundled_helplines() -> list[Helpline]:
    """The helplines shipped with Mend (``moderation/data/helplines.csv``)."""
    text = resources.files("moderation").joinpath("data/helplines.csv").read_text("utf-8")
    return read_helplines_csv(text)


@functools.lru_cache(maxsize=1)
def default_helplines() -> HelplineList:
    return HelplineList(tuple(bundled_helplines()))
