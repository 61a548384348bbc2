"""A validated form submission enters the privacy core here, in one transaction."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import gate
from .audit import audit
from .ledger import consent_grant
from .marketing import marketing_request
from .models import AuditEvent, Guardian, Source, Subject, Submission
from .photos import photo_encrypt
from .purposes import ANALYTICS, CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from .subjects import subject_find
from .texts import current_text

FORM_NAMES = {
    Source.CONTACT_FORM: _("message"),
    Source.APPLICATION_FORM: _("application"),
}
SUBJECT_FIELDS = ["full_name", "email", "phone", "birth_date", "birth_place"]


def _subject_for(data, language):
    """The person this submission is about: found by email or phone, else new.

    Known data is only ever filled in, never overwritten: a form cannot change what is held
    about someone (that is a correction request, checked by staff).
    """
    subject = subject_find(email=data.get("email"), phone=data.get("phone"))
    if subject is None:
        subject = Subject(language=language)
    for field in SUBJECT_FIELDS:
        if data.get(field) and not getattr(subject, field):
            setattr(subject, field, data[field])
    if (
        subject.phone
        and Subject.objects.filter(phone=subject.phone).exclude(pk=subject.pk).exists()
    ):
        subject.phone = None  # the number is already someone else's; the submission keeps it
    subject.save()
    return subject


def submission_record(*, source, language, data, consents, request, photo=None, guardian=None):
    """Store one submission with its consents, audit row and emails, or nothing at all.

    `data` holds the cleaned fields (dates as date objects), `consents` the boxes ticked
    ({"service": True, "marketing": False, ...}), `photo` an already sanitised ContentFile
    (stored encrypted, `consent.photos`), `guardian` {"full_name", "contact"} for a minor. The
    photo file is removed again if the transaction does not commit.
    """
    saved_files = []
    try:
        with transaction.atomic():
            subject = _subject_for(data, language)
            submission = Submission(
                subject=subject,
                source=source,
                language=language,
                data={
                    **{k: str(v) for k, v in data.items() if v not in (None, "")},
                    "consents": {p: bool(consents.get(p)) for p in PURPOSES if p != ANALYTICS},
                },
            )
            if photo is not None:
                submission.photo.save("photo.jpg", photo_encrypt(photo), save=False)
                saved_files.append(submission.photo.name)
                if not subject.photo:
                    subject.photo.name = submission.photo.name
                    subject.save(update_fields=["photo"])
            submission.save()
            g = Guardian.objects.create(subject=subject, **guardian) if guardian else None
            for purpose in (SERVICE, CROSS_BORDER):
                if consents.get(purpose):
                    consent_grant(
                        subject,
                        current_text(purpose),
                        language=language,
                        source=source,
                        full_name=data.get("full_name"),
                        guardian=g,
                        request=request,
                    )
            audit(AuditEvent.Action.SUBMISSION, subject=subject, obj=submission, source=source)
            _queue_mail(submission, data, consents, request)
            return submission
    except BaseException:
        for name in saved_files:
            Submission._meta.get_field("photo").storage.delete(name)
        raise


def _queue_mail(submission, data, consents, request):
    from .mail import queue_mail

    language, form_name = submission.language, FORM_NAMES[submission.source]
    text = current_text(SERVICE)
    marketing = bool(consents.get(MARKETING))
    if gate.is_blocked(submission.subject):
        marketing = False  # legal item 12: no email to a blocked person; staff still hear of it
    else:
        _queue_ack(data, form_name, text, marketing, language)
    admin_url = request.build_absolute_uri(
        reverse("admin:consent_submission_change", args=[submission.pk])
    )
    queue_mail(
        settings.STAFF_NOTIFY_EMAIL, "staff_notice",
        {"form_name": form_name, "admin_url": admin_url},
        language=settings.LANGUAGE_CODE, subject=_("New submission on the site"),
    )  # fmt: skip
    if marketing:
        marketing_request(data["email"], data.get("full_name", ""), language, request)


def _queue_ack(data, form_name, text, marketing, language):
    from .mail import queue_mail

    queue_mail(
        data["email"],
        "ack",
        {
            "name": data.get("full_name", ""),
            "form_name": form_name,
            "policy_number": text.policy.number,
            "marketing_pending": marketing,
        },
        language=language,
        subject=_("We have received your message"),
    )
