"""What a parent or guardian with no record of their own is told is held about them, in the
letter answering their access request (compliance L6, L10): what they gave with their consent
for each child, and, held about them as well, the letters we sent them at that address (the
outbox keeps them, their address and words, by mailed.mail_to_guardian's rule) and their
requests from it. The letter listed only what they gave and went on «we hold nothing else
about you as a parent or guardian», of a mother whose answers about her child's requests the
outbox still held."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from post_office.models import Email

from consent.common.dates import document_time
from consent.core.guardians import child_named, given_as_guardian
from consent.core.purposes import purposes_named
from consent.core.subjects import normalise_email

from .export import mail_status
from .mailed import mail_to_guardian
from .models import Ticket
from .set_aside import destroyed_on, held_for_block, set_aside_of_guardian
from .sign_ins import sign_ins_named

HELD_AS_GUARDIAN = _(
    "As a parent or guardian, you gave us data about yourself with your consent to the "
    "processing of a child's data. We hold it on the child's record:"
)
HELD_ROW = _(
    "child: %(child)s; your name as given: %(name)s; your contact as given: %(contact)s; "
    "given: %(time)s; consent given for the child: %(purposes)s."
)
LETTERS = _("The letters we sent you at this address, which we keep:")
LETTER_ROW = _("«%(subject_line)s» (%(time)s): %(status)s.")
REQUESTS = _("Your requests to us from this address:")
SET_ASIDE = _("Your letters to us from this address for which no request was opened:")
SET_ASIDE_ROW = _("received %(time)s (%(reason)s); destroyed on %(day)s.")
REQUEST_ROW = _("request %(ref)s (%(type)s), received %(time)s.")
SIGN_INS = _("What was typed into our staff sign-in with this address as the user name:")
SIGN_IN_ROW = _("%(what)s, %(time)s, from IP address %(ip)s (%(browser)s); kept until %(day)s.")
NOTHING_ELSE = _(
    "We hold nothing else about you as a parent or guardian. The child's other data is the "
    "child's own, so it is not part of this answer."
)


def guardian_statement(email: str, language: str) -> str:
    """What is held about whoever writes from `email` as a parent or guardian, in `language`:
    for each child's record, the name and contact they gave, when, and the consents they gave
    with them; our letters to them and their requests. Of the child, only the name the parent
    consented for: nothing else of the child's record is theirs to receive. "" when nothing is
    held."""
    given = given_as_guardian(email)
    if not given:
        return ""
    with translation.override(language):
        lines = [str(HELD_AS_GUARDIAN)]
        for guardian, purposes in given:
            lines.append("— " + str(HELD_ROW) % {
                "child": child_named(guardian),
                "name": guardian.full_name or "—",
                "contact": guardian.contact,
                "time": document_time(guardian.created_at),
                "purposes": str(purposes_named(purposes)) or "—",
            })  # fmt: skip
        lines += _letters(email) + _requests(email) + _set_aside(email) + _sign_ins(email)
        lines.append(str(NOTHING_ELSE))
    return "\n".join(lines)


def _letters(email: str) -> list[str]:
    address = normalise_email(email)
    mails = Email.objects.filter(mail_to_guardian(address)) if address else Email.objects.none()
    rows = [
        "— "
        + str(LETTER_ROW)
        % {"time": document_time(m.created), "subject_line": m.subject, "status": mail_status(m)}
        for m in mails.only("created", "subject", "status", "expires_at").order_by("id")
    ]
    return [str(LETTERS), *rows] if rows else []


def _requests(email: str) -> list[str]:
    # By the address, the case of its letters aside (`__address`), as the letters above are:
    # compared as typed, a request sent as «Gulnar.Parent@…» was left out of the answer to one
    # sent as «gulnar.parent@…», which went on «we hold nothing else about you».
    address = normalise_email(email) or ""
    # Those asked for a child on the page of her children too (of_guardian, the rule her
    # erasure reads): only those with no record were listed, then «nothing else about you».
    tickets = Ticket.objects.of_guardian(address).order_by("id")
    rows = [
        "— "
        + str(REQUEST_ROW)
        % {"ref": t.reference, "type": t.get_type_display(), "time": document_time(t.received_at)}
        for t in tickets
    ]
    return [str(REQUESTS), *rows] if rows else []


def _set_aside(email: str) -> list[str]:
    """Her letters the intake set aside, by the rule her erasure deletes them by
    (set_aside.set_aside_of_guardian), each with the local day retention destroys it: the
    letter listed none, then said it held nothing else about her."""
    letters = list(set_aside_of_guardian(normalise_email(email) or "").defer("content")
                   .order_by("received_at", "pk"))  # fmt: skip
    # One she wrote with a blocked person's address beside hers is kept while the block lasts,
    # her erasure too (set_aside.set_aside_destroyed): no day a month on, which it outlasts.
    held = held_for_block() if letters else set()
    rows = [
        "— "
        + str(SET_ASIDE_ROW)
        % {"time": document_time(m.received_at), "reason": m.get_reason_display(),
           "day": destroyed_on(m.received_at, m.pk in held, document_time)}
        for m in letters
    ]  # fmt: skip
    return [str(SET_ASIDE), *rows] if rows else []


def _sign_ins(email: str) -> list[str]:
    """What was typed into the staff sign-in with her address (sign_ins.sign_ins_named), by the
    rule her erasure deletes it by: the letter named none, then said it held nothing else."""
    rows = [
        "— "
        + str(SIGN_IN_ROW)
        % {"what": r["what"], "time": document_time(r["at"]), "ip": r["ip"] or "—",
           "browser": r["user_agent"] or "—", "day": document_time(r["kept_until"]) or "—"}
        for r in sign_ins_named([email], [])
    ]  # fmt: skip
    return [str(SIGN_INS), *rows] if rows else []
