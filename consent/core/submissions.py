"""A validated form submission enters the privacy core here, in one transaction."""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consent.common.link_secrets import redact
from consent.common.net import absolute_url

from . import gate
from .audit import audit
from .form_texts import sources_requiring_none_of
from .guardians import declined_before, guardian_pending, parents_waiting
from .held import (
    answer_refusal,
    confirm_link,
    consent_decision,
    consent_hold,
    held_names,
    holds_service,
)
from .ledger import consent_grant
from .mail import LINKS, NOT_WHILE_BLOCKED, NOTES, queue_mail, unproven_address_over_limit
from .models import AuditEvent, ConsentText, Guardian, Held, Source, Subject, Submission
from .photos import photo_encrypt
from .purposes import ANALYTICS, CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from .staff import Notice, address_language, held_back_notice, notice_bounded
from .subjects import subject_find_for_update
from .texts import current_texts


def sent_for_others(subject: Subject, purposes: Iterable[str]) -> QuerySet[Submission]:
    """What the person's forms sent for a purpose not among `purposes` (their standing
    consents): nothing keeps it once that consent no longer stands (compliance L14;
    rights.erasure.subject_keep_only_for). Not a form whose consent the ledger has not taken
    (held.py: waiting for the owner of the address, or for a parent): no grant of it ended, and
    retention judges it (rights.retention._unconsented). Each form is sent for the consent it
    requires (form_texts.RegisteredForm.required)."""
    ended = sources_requiring_none_of(purposes)
    given = ["", Held.CONFIRMED]
    sent = Submission.objects.filter(subject=subject, source__in=ended, consent_held__in=given)
    return sent.order_by("pk")


# What each form's mails say, a whole sentence per form: a form's name glued into a shared
# sentence cannot take the case, gender and possessive ending the sentence needs in Kazakh and
# Russian («новое обращение: заявка»). An application is not a message, even in a subject line.
ACK_SUBJECT_LINES = {
    Source.CONTACT_FORM: _("We have received your message"),
    Source.APPLICATION_FORM: _("We have received your application"),
}
ACK_LINES = {
    Source.CONTACT_FORM: _("We have received your message and will answer you by email."),
    Source.APPLICATION_FORM: _("We have received your application and will answer you by email."),
}
# When the service consent itself waits for the owner of the address (held.py), no answer comes
# unless they confirm: the first line says so instead of promising one.
HELD_ACK_LINES = {
    Source.CONTACT_FORM: _(
        "We have received your message. We will not answer it unless the owner of this address "
        "confirms the consent by the link below."
    ),
    Source.APPLICATION_FORM: _(
        "We have received your application. We will not answer it unless the owner of this "
        "address confirms the consent by the link below."
    ),
}
# A known minor's form without their guardian's consent (held.py), while no consent a guardian
# gave stands: no answer comes until one does.
GUARDIAN_ACK_LINES = {
    Source.CONTACT_FORM: _(
        "We have received your message. By our records the person at this address is under 18: "
        "we will answer it once their parent or guardian gives consent on the application form."
    ),
    Source.APPLICATION_FORM: _(
        "We have received your application. By our records the person at this address is under "
        "18: we will answer it once their parent or guardian gives consent on the application "
        "form."
    ),
}
NOTICE_SUBJECT_LINES = {
    Source.CONTACT_FORM: _("New message on the site"),
    Source.APPLICATION_FORM: _("New application on the site"),
}
NOTICE_LINES = {
    Source.CONTACT_FORM: _("A new message has arrived on the site."),
    Source.APPLICATION_FORM: _("A new application has arrived on the site."),
}
SUBJECT_FIELDS = ["full_name", "email", "phone", "birth_date", "birth_place"]


def _subject_for(data, language):
    """(the person this submission is about, whether it made them): the one holding its email
    address, else a new one made from what it says.

    Only the address links submissions (compliance L9: it is where the acknowledgement goes, so
    its owner hears of anything filed under it); a phone number links nothing. A form never
    changes a record already held, not even an empty field of it: anyone can type anyone's
    address, so what it says stays with the submission (for staff, the ledger and the access
    export), and a record changes only by a confirmed correction: a request made through the
    self-service link mailed to the address, or by the officer (compliance L11). A blocked
    person's record is left alike (Art. 1(3); compliance L12); the submission is kept for staff.
    """
    subject = subject_find_for_update(email=data.get("email"))
    if subject is not None:
        born = data.get("birth_date")
        if subject.birth_date is None and gate.born_minor(born) and not gate.is_blocked(subject):
            # The one exception, as it can only stop processing: a form saying the person is a
            # child puts the date on the record, so consent they gave alone (the newsletter's,
            # say) stops standing until a guardian gives it (Art. 8(1); compliance L6). A
            # stranger can use it to stop mail to someone, never to start it.
            subject.birth_date = born
            subject.save(update_fields=["birth_date", "updated_at"])
            # The record changed: the audit says what and why, as every other change to it
            # (the submission's own row follows, with its number).
            audit(AuditEvent.Action.SUBJECT_EDIT, subject=subject, fields=["birth_date"],
                  reason="minor_by_form")  # fmt: skip
        return subject, False
    known = {field: data[field] for field in SUBJECT_FIELDS if data.get(field)}
    return Subject.objects.create(language=language, **known), True


def submission_record(
    *,
    source: str,
    language: str,
    data: dict[str, Any],
    consents: dict[str, bool],
    request: HttpRequest,
    photo: ContentFile | None = None,
    guardian: dict[str, str] | None = None,
    on_recorded: Callable[[Submission, Guardian | None, bool], None] | None = None,
    collected: list[str] | None = None,
    texts: dict[str, ConsentText] | None = None,
) -> Submission:
    """Store one submission with its consents, audit row and emails, or nothing at all.

    `data` holds the cleaned fields (dates as date objects), `consents` the boxes ticked
    ({"service": True, "marketing": False, ...}), `photo` an already sanitised ContentFile
    (stored encrypted, `consent.core.photos`), `guardian` {"full_name", "contact"} for a minor. The
    photo file is removed again if the transaction does not commit. `on_recorded(submission,
    guardian)` runs inside the same transaction: what the layers above add to it (marketing's double
    opt-in) is stored with it or not at all; told whether the newsletter's confirmation goes,
    counted in its address's budget (core.mail.LINKS) before the acknowledgement, which
    announces it only then. `collected`: the data items the form asks for,
    which the consent texts it showed named (texts.data_named); default the purposes' lists.
    `texts`: the consent texts the form showed and checked its boxes against ({purpose: text},
    PublicForm.texts_changed); each consent is recorded to the one of its purpose, never to one
    looked up again (published a moment later, it is not what the person read). Default the
    texts in force.
    """
    texts = texts if texts is not None else current_texts()
    saved_files = []
    try:
        with transaction.atomic():
            subject, made = _subject_for(data, language)
            submission = Submission(
                subject=subject,
                source=source,
                language=language,
                data={
                    # A link pasted in a message keeps no secret (link_secrets.redact).
                    **{k: redact(str(v)) for k, v in data.items() if v not in (None, "")},
                    "consents": {p: bool(consents.get(p)) for p in PURPOSES if p != ANALYTICS},
                },
            )
            if photo is not None:
                submission.photo.save("photo.jpg", photo_encrypt(photo), save=False)
                saved_files.append(submission.photo.name)
                if made:  # a photo of the person, as the record's other fields, only when new
                    subject.photo.name = submission.photo.name
                    subject.save(update_fields=["photo"])
            submission.save()
            # Only a parent named by the form that made the record acts for the child
            # (Guardian.acts): anyone may type a child's address with their own as the parent's.
            # A parent giving an address other than the child's acts once someone other than
            # their own mailbox confirms them (Guardian.pending): the form proves only its typing.
            g = None
            if guardian:
                pending = made and guardian_pending(guardian["contact"], subject.email)
                declined = "" if made else declined_before(subject, guardian["contact"])
                g = Guardian.objects.create(subject=subject, acts=made, pending=pending,
                                            declined=declined, **guardian)  # fmt: skip
            ticked = [p for p in (SERVICE, CROSS_BORDER) if consents.get(p)]
            # A form never reverses a withdrawal, writes a blocked person's ledger, nor a minor's
            # without their guardian's consent (held.py).
            granted, because = consent_decision(subject, made, ticked, g)
            submission.grants.add(*[
                consent_grant(subject, texts[purpose], language=language, source=source,
                              full_name=data.get("full_name"), guardian=g, request=request,
                              fields=collected)
                for purpose in granted
            ])  # fmt: skip
            if because:
                held = {p: texts[p] for p in ticked if p not in granted}
                consent_hold(submission, because, held, g, collected)
            audit(AuditEvent.Action.SUBMISSION, subject=subject, obj=submission, source=source)
            # The child's address is told of a parent who waits for its confirmation.
            waits = g is not None and any(row.pk == g.pk for row in parents_waiting(subject))
            goes = marketing_confirmation_due(submission) and not unproven_address_over_limit(
                data["email"], LINKS
            )
            _queue_mail(submission, data, texts[SERVICE], parent_waits=waits, asked=goes)
            if on_recorded is not None:
                on_recorded(submission, g, goes)
            return submission
    except BaseException:
        for name in saved_files:
            Submission._meta.get_field("photo").storage.delete(name)
        raise


@transaction.atomic
def submission_answer(submission: Submission, *, actor: AbstractBaseUser | None) -> bool:
    """Staff dealt with this inquiry or application: the service purpose is achieved for it,
    and retention erases it once SERVICE_ACHIEVED_GRACE_DAYS have passed (and the person, when
    no other consent stands: `consent.rights.retention`; compliance L5). False, with nothing
    recorded, for one answered before; ValidationError, nothing recorded, while the consent
    it needs does not stand (held.answer_refusal)."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.answered_at is not None:
        submission.answered_at = locked.answered_at
        return False
    refusal = answer_refusal(locked)
    if refusal is not None:
        raise ValidationError(refusal)
    submission.answered_at = timezone.now()
    submission.save(update_fields=["answered_at"])
    audit(AuditEvent.Action.SUBMISSION_ANSWER, actor=actor, subject=submission.subject,
          obj=submission, logged=True, source=submission.source)  # fmt: skip
    return True


def marketing_confirmation_due(submission: Submission) -> bool:
    """Whether the person ticked the marketing box and is to be mailed its confirmation link: a
    form never grants marketing itself (the double opt-in of consent.marketing does). A blocked
    person's is queued as anyone's and never sent (core.withheld.not_while_blocked)."""
    return bool(submission.data.get("consents", {}).get(MARKETING))


def mail_language(submission: Submission) -> str:
    """The language of every mail a form sends to its address (the acknowledgement, the
    newsletter's confirmation it announces): the form's, unless a consent of the form waits for
    the address's owner (held.py). Those mails ask the owner, in the language they chose for our
    letters, whatever language the sender used."""
    if submission.consent_held == Held.WITHDRAWN:
        return submission.subject.language
    return submission.language


def _queue_mail(submission, data, text, parent_waits=False, asked=False):
    source = submission.source
    # Queued for a blocked person too, and never sent (mail.NOT_WHILE_BLOCKED): left out here,
    # the form answered their address sooner than anyone's. Staff hear of their form.
    held = submission.consent_held == Held.WITHDRAWN
    waits_for_guardian = submission.consent_held == Held.GUARDIAN and (
        SERVICE not in gate.consents_standing(submission.subject)
    )
    _queue_ack(data, source, text, asked,
               mail_language(submission), held=submission if held else None,
               waits_for_guardian=waits_for_guardian, parent_waits=parent_waits)  # fmt: skip
    # Read once a post (two queries): the held-back notice and the notice are in one language.
    staff_language = address_language(settings.STAFF_NOTIFY_EMAIL)
    staff = [(settings.STAFF_NOTIFY_EMAIL, staff_language)]
    bound = notice_bounded("form-sent")  # anyone can send the forms, from any network
    if bound is not Notice.SEND:
        if bound is Notice.LAST:
            url = absolute_url(reverse("admin:consent_submission_changelist"))
            held_back_notice(staff, _("messages and applications sent on the site"), url)
        return
    admin_url = absolute_url(reverse("admin:consent_submission_change", args=[submission.pk]))
    # Staff answer what the notice announces: one whose service consent the ledger did not take
    # (held.py) must wait for the owner's confirmation, or for the block to end.
    waits = submission.consent_held if holds_service(submission) else ""
    queue_mail(
        settings.STAFF_NOTIFY_EMAIL, "staff_notice",
        {"notice_line": NOTICE_LINES[source], "admin_url": admin_url, "waits": waits},
        language=staff_language,
        subject_line=NOTICE_SUBJECT_LINES[source],
    )  # fmt: skip


def _my_data_url(language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("my_data"))


def _queue_ack(
    data, source, text, marketing, language, held=None, waits_for_guardian=False, parent_waits=False
):
    # The address is whatever was typed into the form, not yet shown to be the sender's: the
    # mail says nothing the sender chose (no name, message or service), or anyone could send
    # their own words, a link say, from the operator's address to anyone. A consent the owner
    # had withdrawn is not given again by the form: the mail asks them, with a link (held.py).
    count, purposes = held_names(held) if held else (0, "")
    service_held = bool(held) and holds_service(held)
    lines = (
        GUARDIAN_ACK_LINES if waits_for_guardian else HELD_ACK_LINES if service_held else ACK_LINES
    )
    queue_mail(
        data["email"],
        "ack",
        {
            "ack_line": lines[source],
            "policy_number": text.policy.number,
            "marketing_pending": marketing,
            "held_purposes": purposes,
            "held_count": count,
            "service_held": service_held or waits_for_guardian,
            **(confirm_link(held) if held else {}),
            # The form named a parent under another address (Guardian.pending): the owner of
            # this one confirms them on «My data». The mail names no one: the sender typed it.
            "parent_confirm_url": _my_data_url(language) if parent_waits else "",
        },
        language=language,
        subject_line=ACK_SUBJECT_LINES[source],
        headers={NOT_WHILE_BLOCKED: "1"},
        unproven_address=NOTES,
    )
