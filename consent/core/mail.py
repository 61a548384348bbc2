"""Outgoing mail: rendered in the person's language and queued in the outbox (post_office).

Call queue_mail() inside the transaction of the event that causes the mail: the message is stored
with it or not at all, and `manage.py send_queued_mail` delivers it with retries, each message
once however many senders run (consent/core/delivery.py).
"""

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise, lazy
from post_office import mail
from post_office.models import Email

from consent.common import ratelimit
from consent.common.dates import document_time
from consent.common.i18n import localised

from .models import Guardian, GuardianMail
from .subjects import normalise_email

logger = logging.getLogger(__name__)
# Every mail the site sends is written by the site (RFC 3834): an auto-responder must not answer
# it, so that a vacation reply or a helpdesk robot and the requests intake never write to each
# other in a loop.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}
# The header of a mail that asks its reader to confirm a consent by a link (the newsletter's
# double opt-in: consent.marketing.optin), naming the purpose: the sender asks at the moment of
# sending whether the link can still confirm it (core.withheld.unconfirmable).
CONFIRMS = "X-Emalu-Confirms"
# How long its link works; past it the outbox copy of one no one confirmed goes
# (rights.strangers).
CONFIRM_LINK_WORKS = timedelta(days=7)
# The header of a mail a form sends to the address typed into it that a block stops (Art. 23;
# compliance L12): the acknowledgement (the newsletter's confirmation link is known by
# CONFIRMS). The form queues it for every address alike, and the sender holds it back, unsent,
# while the person at the address is blocked (core.withheld.not_while_blocked). Left out of the
# queue by the form, it made the form answer a blocked person's address 4 to 19 ms sooner than
# anyone else's, which told an attacker who is blocked.
NOT_WHILE_BLOCKED = "X-Emalu-Not-While-Blocked"
# The header of a notice to staff, every mail of a template named «staff_…» (a new request, an
# email set aside, a security alert, the daily digest): the outbox keeps it STAFF_NOTICES_KEPT
# after its last attempt, sent or given up on, and no longer (core.staff.staff_notices_prune).
# Those queued before it existed were given it by their subject line (migration
# consent/core/migrations/0068_staff_notices_marked.py). Known by its header, never by its
# address: a staff member's own request is answered at the same address, and that answer is
# the person's, kept as theirs (rights/mailed.py).
STAFF_NOTICE = "X-Emalu-Staff-Notice"


def headers_of(template: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    """The headers of a mail of `template`: AUTOMATIC, STAFF_NOTICE for a notice to staff, and
    the caller's `headers`."""
    notice = {STAFF_NOTICE: "1"} if template.startswith("staff_") else {}
    return {**AUTOMATIC, **notice, **(headers or {})}


def _interpolate(text, params):
    return str(text) % params


# `_("…%(ref)s") % {…}` translates at once, in the language of whoever is acting (a staff member
# in Kazakh answering a Russian speaker); this waits until the mail is rendered in its language.
interpolate = lazy(_interpolate, str)


# A date for a subject line, written when the mail is rendered, in its language, as the mail's
# text writes it (common.dates.document_time: a mail is read away from the desk).
lazy_date = lazy(document_time, str)


def render_mail(
    template: str, context: dict[str, Any], *, language: str, subject_line: str | Promise
) -> tuple[str, str, str]:
    """(subject line, plain text, HTML) of `templates/email/<template>.txt|.html` in
    `language`; `subject_line` is a lazy gettext string, translated here.

    Everything is translated here, in the recipient's language, whatever language is active
    (an officer's, or a command's): the context holds model instances, whose labels the
    template asks for (`ticket.get_type_display`), and lazy strings (`gettext_lazy`,
    `interpolate`), never text already translated (compliance L24)."""
    with translation.override(language):
        op = settings.OPERATOR
        context = {
            **context,
            "language": language,
            "operator_email": op["email"],
            "operator_name": localised(op, "name", language),
        }
        return (
            str(subject_line),
            render_to_string(f"email/{template}.txt", context),
            render_to_string(f"email/{template}.html", context),
        )


# Mail to an address typed into a public form, which nobody has shown to be the typer's: at most
# this many an hour to one address, whoever types it and from wherever (compliance T8), in each
# of two budgets. NOTES: what anyone's form or letter makes the site say to it (an
# acknowledgement, an answer to a letter in the address's name). LINKS: what its owner asks for
# to act (a request's confirmation link, or the note that nothing is held for a request; the
# newsletter's confirmation link). One budget for both let ten contact forms with a stranger's
# address silently hold back the link of their own request within the hour.
UNPROVEN_ADDRESS_RATE = "10/3600"
NOTES = "unproven-address"
LINKS = "unproven-address-links"


def unproven_address_over_limit(to: str, budget: str = NOTES) -> bool:
    """Count one mail to `to` in `budget` (NOTES or LINKS) and say whether it is beyond
    UNPROVEN_ADDRESS_RATE. Counted on its mailbox (ratelimit.mailbox_limit_key: letter case, a
    «+tag», dots aside), so that no spelling of it counts anew."""
    who = ratelimit.mailbox_limit_key(normalise_email(to) or "")
    return ratelimit.over_limit_for(budget, who, UNPROVEN_ADDRESS_RATE)


def queue_mail(
    to: str,
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    subject_line: str | Promise,
    headers: dict[str, str] | None = None,
    attachments: Mapping[str, File] | None = None,
    unproven_address: str | None = None,
    for_child: Guardian | None = None,
) -> Email | None:
    """Queue a message to `to` in the outbox, in `language`.

    `unproven_address`: `to` was typed into a public form, and the budget (NOTES, LINKS) the
    mail counts in. The per-address limit holds it back (None) beyond UNPROVEN_ADDRESS_RATE: the
    per-connection limit alone let anyone with a few connections have the site mail a
    stranger's inbox hundreds of times an hour in the operator's name. A caller that records or
    says a mail went reads the None: nothing is claimed of one held back.

    `for_child`: the guardian row of a child `to` is written to as their parent or guardian;
    the sender sends it only while the child is under 18 (core.delivery)."""
    if unproven_address and unproven_address_over_limit(to, unproven_address):
        logger.warning("mail to one typed address held back over the per-address limit")
        return None
    line, text, html = render_mail(template, context, language=language, subject_line=subject_line)
    queued = mail.send(
        [to], settings.DEFAULT_FROM_EMAIL, subject=line, message=text, html_message=html,
        headers=headers_of(template, headers), attachments=attachments,
    )  # fmt: skip
    if for_child is not None:
        GuardianMail.objects.create(email=queued, guardian=for_child)
    return queued


def queue_mail_each(
    recipients: Iterable[tuple[str, str]],
    template: str,
    context: dict[str, Any],
    *,
    subject_line: str | Promise,
) -> list[Email]:
    """Queue one message to each (address, language) of `recipients`, each in its own language
    (staff notices: `core.staff.staff_addressed`): rendered once per language, however many
    read it."""
    rendered: dict[str, tuple[str, str, str]] = {}
    queued = []
    for to, language in recipients:
        if language not in rendered:
            rendered[language] = render_mail(
                template, context, language=language, subject_line=subject_line
            )
        line, text, html = rendered[language]
        queued.append(mail.send([to], settings.DEFAULT_FROM_EMAIL, subject=line, message=text,
                                html_message=html, headers=headers_of(template)))  # fmt: skip
    return queued


def mail_readdress(queued: Email, address: str, at: datetime) -> None:
    """Write the queued mail to `address` from `at` on: its person's address now, the one they
    held when it was queued no longer theirs (corrected by the desk meanwhile). A mail's
    `created` is when it was written to the address it goes to, which is how whose it is is read
    (rights/mailed.py: the person's who held that address then): news queued to Asel's old
    address and sent on to a family mailbox Bolat gave up before she took it is hers, not
    his (tests/marketing/test_readdressed_news_owner.py)."""
    queued.to, queued.created = [address], at
    queued.save(update_fields=["to", "created"])


def send_without_trace(
    to: str, template: str, context: dict[str, Any], *, language: str, subject_line: str | Promise
) -> bool:
    """Send at once and store nothing: only for the confirmation that someone's data is destroyed,
    which must not leave their address behind in the outbox. Whether the mail server took it: a
    failure is not retried (nothing is left to retry it with), so the caller records it
    (rights.destroyed_told) and it is logged; a delivery too, by the request's number with the
    relay's reply (its queue id, core.smtp): the one trace that the confirmation was handed over
    (compliance T15)."""
    line, text, html = render_mail(template, context, language=language, subject_line=subject_line)
    message = EmailMultiAlternatives(
        line, text, settings.DEFAULT_FROM_EMAIL, [to], headers=AUTOMATIC
    )
    message.attach_alternative(html, "text/html")
    relay = mailers.create_connection("default")
    try:
        sent = relay.send_messages([message])
    except OSError:  # smtplib's errors among them
        sent = 0
    if not sent:  # refused, unreachable, or a backend that fails silently
        logger.warning("destruction confirmation not delivered: %s", context.get("reference"))
        return False
    reply = getattr(relay, "relay_reply", "") or "no reply kept"
    logger.info(
        "destruction confirmation handed to the mail server: %s, %s",
        context.get("reference"),
        reply,
    )
    return True
