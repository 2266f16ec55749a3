"""The helpline allow-list as admins keep it: listed, added, edited, disabled.

Until an admin first changes it the table is empty and the bundled list is in force;
the first change copies the bundled entries in, so every entry can be edited. Each
change is audited and bumps the settings revision, so every worker's screener uses the
new list within seconds (``app.live_screener``)."""

import re
from dataclasses import dataclass

from app.admin.settings import AdminError, bump_revision, locked_settings
from app.audit import log_admin_event
from app.host_check import valid_host
from app.live_screener import refresh_screener
from app.templating import show_invisible
from models import AdminEvent, HelplineEntry, StaffUser, db, utcnow
from moderation.helplines import bare_host, bundled_helplines, phone_spellings, split_field
from moderation.normalize import normalize


@dataclass
class HelplineFields:
    """An entry as the admin typed it: several values one per line (or ";")."""

    name: str
    country: str
    numbers: str
    emails: str
    domains: str
    enabled: bool = True


def helpline_rows() -> list[HelplineEntry]:
    """Every entry, the admins' own or (before any change) the bundled ones, unsaved."""
    rows = list(db.session.execute(db.select(HelplineEntry).order_by(HelplineEntry.id)).scalars())
    if rows:
        return rows
    return [
        _bundled_row(entry, id=index, updated_by="bundled")
        for index, entry in enumerate(bundled_helplines(), start=1)
    ]


def _bundled_row(entry, **stamp) -> HelplineEntry:
    """A row holding one entry of the bundled list, enabled."""
    return HelplineEntry(
        name=entry.name,
        country=entry.country,
        numbers="\n".join(entry.numbers),
        emails="\n".join(entry.emails),
        domains="\n".join(entry.domains),
        enabled=True,
        **stamp,
    )


def find_helpline(entry_id: int) -> HelplineEntry | None:
    return next((row for row in helpline_rows() if row.id == entry_id), None)


# Hosts that many people share: allow-listing one would publish every private address
# or profile under it. A public suffix such as co.uk or com.au is refused by its shape
# (a generic label before a two-letter country code).
SHARED_HOSTS = frozenset(
    {
        "gmail.com", "googlemail.com", "msn.com", "me.com", "mail.com", "web.de",
        "btinternet.com", "qq.com", "163.com", "126.com", "wa.me", "t.me", "m.me",
        "x.com", "fb.com", "linktr.ee", "bit.ly", "tinyurl.com", "youtu.be", "vk.com",
        "ok.ru", "threads.net",
    }
)  # fmt: skip
# Mail, social and messenger services that run under many suffixes (hotmail.co.uk,
# yahoo.fr, gmx.at, mail.ru, discord.gg, signal.me): the name refuses the domain under
# any top-level domain, or a country's generic second level (co.uk, com.au).
SHARED_FAMILIES = frozenset(
    {
        "gmail", "googlemail", "hotmail", "outlook", "live", "windowslive", "yahoo",
        "ymail", "rocketmail", "aol", "aim", "icloud", "gmx", "yandex", "ya", "mail",
        "inbox", "rambler", "proton", "protonmail", "pm", "tutanota", "tuta", "zoho",
        "fastmail", "hushmail", "mailfence", "seznam", "libero", "laposte", "wp",
        "interia", "onet", "t-online", "freenet", "naver", "daum", "hanmail", "rediffmail",
        "discord", "discordapp", "signal", "kik", "line", "viber", "wechat", "weixin",
        "whatsapp", "telegram", "skype", "messenger", "snapchat", "instagram", "facebook",
        "tiktok", "twitter", "reddit", "youtube", "linkedin", "pinterest", "tumblr",
        "threema", "wickr", "zalo", "onlyfans",
    }
)  # fmt: skip
GENERIC_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "gob", "or"})
TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
MAX_NUMBER_DIGITS = 15  # E.164; a short code has at least 3


def _is_suffix(labels: list[str]) -> bool:
    """Whether ``labels`` could be only a public suffix: a top-level domain, or a generic
    second level under a country code (co.uk, com.au)."""
    if len(labels) == 1:
        return bool(TLD.fullmatch(labels[0]))
    return len(labels) == 2 and labels[0] in GENERIC_SECOND_LEVEL and len(labels[1]) == 2


def shared_domain(domain: str) -> bool:
    """Whether ``domain`` is, or lies under, a host many unrelated people use."""
    labels = bare_host(domain).strip(".").split(".")
    host = ".".join(labels)
    if any(host == shared or host.endswith("." + shared) for shared in SHARED_HOSTS):
        return True
    if any(
        label in SHARED_FAMILIES and _is_suffix(labels[i + 1 :]) for i, label in enumerate(labels)
    ):
        return True
    return _is_suffix(labels)


def domain_syntax_ok(domain: str) -> bool:
    """Whether ``domain`` (with an optional scheme, path or trailing dot, as people paste
    it) names a host: labels of letters, digits and hyphens in IDNA form, any ``xn--``
    label one IDNA decodes and encodes back to, at least two labels, no port."""
    host = bare_host(domain)
    if not host or "." not in host or ":" in domain.split("//")[-1].split("/")[0]:
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return valid_host(ascii_host) and not ascii_host.replace(".", "").isdigit()


def check_fields(fields: HelplineFields) -> None:
    """AdminError unless every number, address and domain reads as one."""
    if not (fields.numbers.strip() or fields.emails.strip() or fields.domains.strip()):
        raise AdminError("Give at least one number, e-mail address or web domain.")
    for number in split_field(fields.numbers):
        digits = sum(char.isdigit() for char in number)
        if not 3 <= digits <= MAX_NUMBER_DIGITS or not phone_spellings(number, fields.country):
            raise AdminError(f"{number!r} does not read as a phone number or short code.")
    for email in split_field(fields.emails):
        if [c.kind for c in normalize(email).contacts] != ["email"]:
            raise AdminError(f"{email!r} does not read as one e-mail address.")
    for domain in split_field(fields.domains):
        if [c.kind for c in normalize(domain).contacts] not in (["url"], []) or " " in domain:
            raise AdminError(f"{domain!r} does not read as a web domain.")
        if not domain_syntax_ok(domain):
            raise AdminError(f"{domain!r} does not read as a web domain.")
        if shared_domain(domain):
            raise AdminError(
                f"{domain!r} is shared by many people (a mail or social media service, or a"
                " country's suffix): name the helpline's own domain."
            )


def save_helpline(staff: StaffUser, fields: HelplineFields, entry_id: int | None = None) -> int:
    """Add an entry (``entry_id`` None) or change one. Returns its id."""
    check_fields(fields)
    settings = locked_settings()
    if entry_id is None:
        _copy_bundled_list(staff)
        row = HelplineEntry()
        db.session.add(row)
    else:
        row = _row_to_change(staff, entry_id)
    row.name, row.country = fields.name, fields.country.upper()
    row.numbers = "\n".join(split_field(fields.numbers))
    row.emails = "\n".join(split_field(fields.emails))
    row.domains = "\n".join(split_field(fields.domains))
    row.enabled, row.updated_at, row.updated_by = fields.enabled, utcnow(), staff.username
    bump_revision(settings)
    values = "; ".join(split_field(fields.numbers + "\n" + fields.emails + "\n" + fields.domains))
    log_admin_event(
        staff,
        AdminEvent.HELPLINE,
        f"{'Added' if entry_id is None else 'Changed'} helpline {fields.name!r} "
        f"({fields.country.upper() or 'no country'}, "
        f"{'enabled' if fields.enabled else 'disabled'}): {show_invisible(values)}",
    )
    db.session.commit()
    refresh_screener()
    return row.id


def set_helpline_enabled(staff: StaffUser, entry_id: int, enabled: bool) -> str:
    """Enable or disable an entry. Returns its name."""
    settings = locked_settings()
    row = _row_to_change(staff, entry_id)
    row.enabled, row.updated_at, row.updated_by = enabled, utcnow(), staff.username
    bump_revision(settings)
    log_admin_event(
        staff,
        AdminEvent.HELPLINE,
        f"{'Enabled' if enabled else 'Disabled'} helpline {row.name!r}.",
    )
    db.session.commit()
    refresh_screener()
    return row.name


def _row_to_change(staff: StaffUser, entry_id: int) -> HelplineEntry:
    """The row an id on the list page stands for: before the first change, the place
    of a bundled entry in the list (the entries are copied first)."""
    copied = _copy_bundled_list(staff)
    if copied is not None:
        row = copied[entry_id - 1] if 1 <= entry_id <= len(copied) else None
    else:
        row = db.session.get(HelplineEntry, entry_id)
    if row is None:
        db.session.rollback()
        raise LookupError(entry_id)
    return row


def _copy_bundled_list(staff: StaffUser) -> list[HelplineEntry] | None:
    """Before the first change, the bundled entries become rows, in file order; returns
    them, or None when the admins' list already exists. Runs under the settings lock,
    so two first changes do not both copy."""
    if db.session.execute(db.select(HelplineEntry.id).limit(1)).first() is not None:
        return None
    rows = [
        _bundled_row(entry, updated_at=utcnow(), updated_by=staff.username)
        for entry in bundled_helplines()
    ]
    for row in rows:
        db.session.add(row)
        db.session.flush()  # one at a time: ids in file order
    return rows
