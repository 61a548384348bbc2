"""Data-subject requests: open, verify, carry out, answer — each with its legal due date."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import gate
from .alerts import notify_new_request
from .audit import audit
from .calendar import due_date
from .ledger import consent_withdraw_if_given, subject_block, subject_unblock
from .mail import interpolate, queue_mail, send_without_trace
from .models import AuditEvent, Correction, Request, Source
from .purposes import MARKETING, PURPOSES
from .subjects import normalise_email, subject_destroy, subject_find, subject_minimise

Type, Status = Request.Type, Request.Status
SALT = "consent.request-verify"
VERIFY_MAX_AGE = 7 * 24 * 3600

# Working days to answer each type (Law 94-V: Art. 8(7) withdrawal 15; Art. 25(2)(8) correction,
# block, unblock, destruction 1; Art. 6 removal from public sources 1; Art. 19(1) notice of a
# transfer to a third party 10; Art. 19-1 objection to automated decisions 3; access per settings).
DEADLINES = {
    Type.CORRECT: 1,
    Type.BLOCK: 1,
    Type.UNBLOCK: 1,
    Type.DESTROY: 1,
    Type.WITHDRAW: 15,
    Type.UNSUBSCRIBE: 1,  # in force at once or at confirmation; the day is for the answer
    Type.PUBLICATION_REMOVAL: 1,
    Type.TRANSFER_NOTICE: 10,
    Type.AUTOMATED_OBJECTION: 3,
    Type.OTHER: 15,
}
# Types that staff close with a written answer (see desk.py for what the answer usually says).
ANSWERED = (Type.PUBLICATION_REMOVAL, Type.TRANSFER_NOTICE, Type.AUTOMATED_OBJECTION)


def deadline_days(request_type):
    if request_type == Type.ACCESS:
        return settings.ACCESS_REQUEST_DAYS
    return DEADLINES[request_type]


def site_url(path):
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def request_open(*, type, email, language, channel, purpose="", message="", received_at=None,
                 message_id=None):  # fmt: skip
    """Record a request and send the confirmation link to the address on record.

    Whether or not the address is known, the requester sees the same answer; the link goes
    only to an address the operator already holds (legal item 9).
    """
    received_at = received_at or timezone.now()
    email = normalise_email(email) or ""
    subject = subject_find(email=email) if email else None
    req = Request.objects.create(
        type=type, email=email, language=language, channel=channel, purpose=purpose,
        message=message[:10000], received_at=received_at, message_id=message_id, subject=subject,
        due_date=due_date(received_at, deadline_days(type)),
    )  # fmt: skip
    audit(AuditEvent.Action.REQUEST_OPEN, subject=subject, obj=req, type=type, channel=channel)
    notify_new_request(req)
    if subject is not None and type == Type.UNSUBSCRIBE and channel == Request.Channel.EMAIL:
        # Legal item 15: an unsubscribe takes effect before the next send, so a mail from an
        # address on record (the campaign's List-Unsubscribe mailto, or the policy's phrase)
        # withdraws marketing now, without the confirmation link. No identity check is needed:
        # withdrawing marketing discloses nothing and errs on the person's side (legal item 9
        # is about data leaving the system), and the answer goes to the address on record, so
        # its owner learns of it even if someone forged the sender. A web-form unsubscribe
        # still waits for the link: anyone can type any address into a web form.
        _withdraw(req, [MARKETING], Source.EMAIL_REQUEST)
        request_close(req, outcome="", template="request_unsubscribed", to=subject.email)
    elif subject is not None and subject.email:
        token = signing.dumps({"r": req.pk}, salt=SALT)
        with translation.override(language):
            verify_url = site_url(reverse("request_verify", args=[token]))
        queue_mail(
            subject.email, "request_verify",
            {"request": req, "type": req.get_type_display(),
             "verify_url": verify_url},
            language=language, subject=_("Please confirm your request"),
        )  # fmt: skip
    elif email:
        queue_mail(
            email, "request_unknown", {"request": req, "type": req.get_type_display()},
            language=language, subject=_("Your request about personal data"),
        )  # fmt: skip
    return req


def read_verify_token(token):
    try:
        return signing.loads(token, salt=SALT, max_age=VERIFY_MAX_AGE)["r"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


@transaction.atomic
def request_verify(req):
    """The person confirmed through the link: the request is theirs. Self-acting types act now."""
    req = Request.objects.select_for_update().get(pk=req.pk)
    if req.verified_at is not None or req.subject_id is None:
        return req
    req.verified_at = timezone.now()
    req.status = Status.OPEN
    req.save(update_fields=["verified_at", "status"])
    audit(AuditEvent.Action.REQUEST_VERIFY, subject=req.subject, obj=req)
    if req.type == Type.UNSUBSCRIBE:
        _withdraw(req, [MARKETING], Source.EMAIL_REQUEST)
        request_close(req, outcome="", template="request_unsubscribed")
    elif req.type == Type.WITHDRAW:
        # The gate closes at once; staff then destroy or refuse with reasons by the due date.
        _withdraw(req, [req.purpose] if req.purpose else list(PURPOSES), Source.EMAIL_REQUEST)
    return req


def _withdraw(req, purposes, source):
    for purpose in purposes:
        consent_withdraw_if_given(req.subject, purpose, source=source, reason=req.reference)


@transaction.atomic
def request_answer(req, *, answer, actor):
    """Close a request whose outcome staff write themselves (ANSWERED types), and send it."""
    _require_open(req)
    if not answer.strip():
        raise ValidationError(_("Write the answer to the person."))
    return request_close(req, outcome=answer, actor=actor)


def _require_open(req, *, allowed_when_blocked=False):
    if req.status != Status.OPEN or req.subject_id is None:
        raise ValidationError(_("Only a confirmed, open request can be acted on."))
    if not allowed_when_blocked and gate.is_blocked(req.subject):
        # Legal item 12: while blocked, only unblocking or destruction (or a reasoned refusal).
        raise ValidationError(_("Processing is blocked: unblock or destroy first, or refuse."))


@transaction.atomic
def request_close(req, *, outcome, template="request_done", status=Status.DONE, actor=None,
                  to=None, attachments=None, detail=None):  # fmt: skip
    """Close the request and answer the person by email in their language (to the requester's
    address unless `to` names the one on record). `detail` adds codes to the audit row."""
    with translation.override(req.language):
        outcome = str(outcome)  # kept as the person was told it, in their language
    req.status = status
    req.closed_at = timezone.now()
    req.outcome = outcome
    req.save(update_fields=["status", "closed_at", "outcome"])
    audit(AuditEvent.Action.REQUEST_CLOSE, actor=actor, subject=req.subject, obj=req,
          status=status, **(detail or {}))  # fmt: skip
    if to or req.email:
        queue_mail(
            to or req.email, template,
            {"request": req, "type": req.get_type_display(), "outcome": outcome},
            language=req.language,
            subject=interpolate(_("Your request %(ref)s"), {"ref": req.reference}),
            attachments=attachments,
        )  # fmt: skip
    return req


@transaction.atomic
def request_correct(req, *, changes, document, actor):
    """Apply a correction backed by a document; old and new values are kept with the subject."""
    _require_open(req)
    if not document.strip():
        raise ValidationError(_("A correction needs a reference to the supporting document."))
    subject = req.subject
    changed = []
    for field, value in changes.items():
        old = getattr(subject, field)
        if str(old or "") == str(value or ""):
            continue
        Correction.objects.create(subject=subject, request=req, field=field,
                                  old_value=str(old or ""), new_value=str(value or ""),
                                  document=document)  # fmt: skip
        setattr(subject, field, value)
        changed.append(field)
    subject.full_clean()
    subject.save()
    audit(AuditEvent.Action.SUBJECT_EDIT, actor=actor, subject=subject, obj=req, fields=changed)
    return request_close(req, outcome=_("Your data has been corrected."), actor=actor)


@transaction.atomic
def request_answer_access(req, *, actor):
    """Send the person everything held about them, as JSON and PDF, free of charge."""
    from django.core.files.base import ContentFile

    from .export import export_json, export_pdf

    _require_open(req)
    files = {
        f"{req.reference}.json": ContentFile(export_json(req.subject, req.language)),
        f"{req.reference}.pdf": ContentFile(export_pdf(req.subject, req.language)),
    }
    audit(AuditEvent.Action.SUBJECT_EXPORT, actor=actor, subject=req.subject, obj=req)
    outcome = _("The data we hold about you is attached, as JSON and as PDF.")
    return request_close(req, outcome=outcome, actor=actor, to=req.subject.email,
                         attachments=files)  # fmt: skip


@transaction.atomic
def request_block(req, *, reason, actor):
    _require_open(req)
    subject_block(req.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return request_close(req, outcome=_("Processing of your data is blocked."), actor=actor)


@transaction.atomic
def request_unblock(req, *, reason, actor):
    _require_open(req, allowed_when_blocked=True)
    subject_unblock(req.subject, reason=reason, source=Source.ADMIN, actor=actor)
    return request_close(req, outcome=_("Processing of your data is unblocked."), actor=actor)


@transaction.atomic
def request_destroy(req, *, actor):
    """Destroy the subject's data. The request keeps its number and loses the address; the
    confirmation is sent once the destruction commits, and kept nowhere (see mail.py)."""
    _require_open(req, allowed_when_blocked=True)
    email, language, reference = req.email, req.language, req.reference
    subject_destroy(req.subject, request_ref=reference, actor=actor)
    req.refresh_from_db()
    outcome = _("Your personal data has been destroyed.")
    request_close(req, outcome=outcome, actor=actor)
    context = {"reference": reference, "type": req.get_type_display(), "outcome": outcome}
    transaction.on_commit(
        lambda: send_without_trace(
            email, "request_done", {**context, "request": req}, language=language,
            subject=interpolate(_("Your request %(ref)s"), {"ref": reference}),
        )
    )  # fmt: skip
    return req


def withdrawal_keeps(req):
    """The purposes for which a withdrawal leaves the data in place: those whose consent still
    stands (a block aside). Legal item 14: the data is destroyed only when none is left; a
    withdrawal of every purpose leaves none."""
    if req.type != Type.WITHDRAW or not req.purpose or req.subject_id is None:
        return []
    return gate.consents_standing(req.subject)


@transaction.atomic
def request_withdraw(req, *, actor):
    """Carry out a withdrawal; the gate for the purpose closed at confirmation already. With
    consent for another purpose still standing, the data stays for that purpose only and the
    person is told so; otherwise it is destroyed."""
    _require_open(req, allowed_when_blocked=True)
    kept = withdrawal_keeps(req)
    if not kept:
        return request_destroy(req, actor=actor)
    # What only the withdrawn purpose needed goes now; the rest stays for the others.
    subject_minimise(req.subject, {f for code in kept for f in PURPOSES[code].fields}, actor=actor)
    with translation.override(req.language):
        outcome = _(
            "Your consent for “%(purpose)s” is withdrawn, and we no longer process your data "
            "for it. Your other consents remain in force, so we keep your data only for them."
        ) % {"purpose": req.get_purpose_display()}
    return request_close(req, outcome=outcome, actor=actor, detail={"kept": kept})


@transaction.atomic
def request_refuse(req, *, reason, actor):
    """A reasoned refusal (e.g. Art. 8(2): a law requires keeping the data), sent to the person."""
    _require_open(req, allowed_when_blocked=True)
    if not reason.strip():
        raise ValidationError(_("A refusal needs its reasons."))
    return request_close(req, outcome=reason, status=Status.REFUSED, actor=actor,
                         template="request_refused")  # fmt: skip
