"""Deploy checks of the addresses the site mails to and from: each must be one that mail can
reach, or the mail it is for goes nowhere while the site runs as if it went."""

from email.errors import HeaderParseError
from email.headerregistry import AddressHeader
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from consent.core.addresses import address_folded


def reachable(entry, named=True) -> bool:
    """Whether `entry` is one address (or, `named`, «Name <address>»), read as Django's mail
    reads it: with Python's email API (email.headerregistry), as its SMTP backend parses each
    address it sends to, any defect refused. «Ops:ops@…» passed parseaddr, and the mail was
    refused when sent («Invalid address»). Django's `sanitize_address`, which this read before,
    is deprecated (RemovedInDjango2028Warning) for this API."""
    entry = entry if isinstance(entry, str) else entry[-1]
    try:
        if named:
            parsed = AddressHeader.value_parser(entry)
            if parsed.all_defects or len(parsed.all_mailboxes) != 1:
                return False
            entry = parsed.all_mailboxes[0].addr_spec
        validate_email(entry)
    except (ValueError, HeaderParseError, ValidationError):
        return False
    return True


@register(deploy=True)
def check_admins(app_configs, **kwargs):
    """A server error (a 500) is mailed to ADMINS (emalu/logs.py), through a mailer that fails
    silently (emalu/mailers.py). With ADMINS empty, or an entry that is no address («ops@»,
    two addresses joined by «;»), a production host answered 500s that nobody heard of: only
    the journal had them. emalu.service's `check --deploy` refuses the start instead."""
    if settings.DEBUG:
        return []
    wrong = [entry for entry in settings.ADMINS if not reachable(entry)]
    if settings.ADMINS and not wrong:
        return []
    said = (
        f"ADMINS has {len(wrong)} entr{'y' if len(wrong) == 1 else 'ies'} that no mail can reach"
        if wrong
        else "ADMINS is empty"
    )
    return [
        CheckWarning(
            f"{said}: the report of a server error (a 500) would reach no one, and the fault "
            "would be seen only in the journal.",
            hint="Set ADMINS in /etc/emalu/env to the addresses that must hear of server "
            "errors, comma-separated, each an address or «Name <address>» "
            "(ADMINS=ops@emaluplus-vko.kz,dev@emaluplus-vko.kz), the same on every host "
            "(README, Configuration).",
            id="emalu.W007",
        )
    ]


@register(deploy=True)
def check_site_addresses(app_configs, **kwargs):
    """The sender of every mail (DEFAULT_FROM_EMAIL), the address notices of new submissions go
    to (STAFF_NOTIFY_EMAIL, by default OPERATOR_EMAIL, which the consent texts give people to
    write to) and the responsible person's, when it is an address (RESPONSIBLE_CONTACT, alerts):
    one that is no address («noreply@», two joined by a comma) was taken, and its mail failed
    at the relay a day of retries later, or every mail did for a sender no relay takes."""
    if settings.DEBUG:
        return []
    contact = settings.OPERATOR["responsible_contact"]
    addresses = {
        "DEFAULT_FROM_EMAIL": reachable(settings.DEFAULT_FROM_EMAIL),
        "OPERATOR_EMAIL": reachable(settings.OPERATOR["email"], named=False),
        "STAFF_NOTIFY_EMAIL": reachable(settings.STAFF_NOTIFY_EMAIL, named=False),
        "RESPONSIBLE_CONTACT": "@" not in contact or reachable(contact, named=False),
    }
    wrong = [name for name, good in addresses.items() if not good]
    if not wrong:
        return []
    return [
        CheckWarning(
            f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} not one email address (the "
            "value is not shown): the mail sent from or to it would not be delivered.",
            hint="Write one address each (noreply@emaluplus-vko.kz; DEFAULT_FROM_EMAIL may be "
            "«Name <address>» in double quotes) in /etc/emalu/env, the same on every host "
            "(README, Configuration).",
            id="emalu.W010",
        )
    ]


@register(deploy=True)
def check_notices_not_read_by_intake(app_configs, **kwargs):
    """The notices to staff (STAFF_NOTIFY_EMAIL, by default OPERATOR_EMAIL) sent to the mailbox
    the intake reads (IMAP_URL, its user an address): each came back as a letter, was set aside
    as the site's own mail and deleted from the mailbox, so staff heard of a new submission
    only in the next day's digest. The README asks the requests mailbox to be one of its own."""
    user = unquote(urlsplit(settings.IMAP_URL).username or "") if settings.IMAP_URL else ""
    if settings.DEBUG or "@" not in user:
        return []
    if address_folded(user.strip()) != address_folded(settings.STAFF_NOTIFY_EMAIL.strip()):
        return []
    return [
        CheckWarning(
            "STAFF_NOTIFY_EMAIL is the mailbox IMAP_URL reads (the value is not shown): the "
            "intake would set each notice to staff aside and delete it, unread.",
            hint="Give the requests mailbox an address of its own (README, Requests by email), "
            "or set STAFF_NOTIFY_EMAIL in /etc/emalu/env to a mailbox staff read, the same on "
            "every host.",
            id="emalu.W011",
        )
    ]
