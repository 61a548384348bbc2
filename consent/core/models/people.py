"""The people whose data the site holds, their guardians and what they submitted."""

import uuid
from datetime import timedelta

from django.db import models
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered

from ..names import name_key
from .base import Language


def photo_path(instance, filename):
    return f"private/photos/{uuid.uuid4().hex}.jpg"


class Subject(models.Model):
    """One person, found by email or phone, with the data the site currently holds on them."""

    full_name = models.CharField(_("full name"), max_length=300, blank=True)
    # The name as the desk's search compares it, in any of its spellings (consent.core.names):
    # written with it by save(), emptied with it by destruction. Text without a bound: a letter
    # may become three (casefolded «ΐ»; «x» is «кс»), and a bound would refuse a form's name.
    name_key = models.TextField(blank=True, default="", editable=False)
    email = models.EmailField(_("email"), max_length=254, null=True, blank=True, unique=True)
    # Data, not identity: people share numbers, and a typed number proves nothing. NULL, as
    # before, is "no number" (erasure writes it).
    phone = models.CharField(  # noqa: DJ001
        _("phone"), max_length=40, null=True, blank=True, db_index=True
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=300, blank=True)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.KK)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("data subject")
        verbose_name_plural = _("data subjects")
        ordering = ["-id"]

    def __str__(self):
        # No personal data: this string lands in django_admin_log.
        return numbered(self.pk)

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.full_name)
        if update_fields is not None and "full_name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)


class Declined(models.TextChoices):
    """How a parent or guardian a form named was found not to be the child's (guardian_decline):
    the codes are the audit row's reason too, so they name no one."""

    BY_CHILD = (
        "guardian_declined_by_child",
        _("the person said on their page it is not their parent"),
    )
    BY_DOCUMENT = (
        "guardian_declined_by_document",
        _("a document showed that someone else is the child's parent or guardian"),
    )
    BY_NAMED = (
        "guardian_declined_by_named",
        _("the person named said they are not the child's parent or guardian"),
    )
    BY_CHILD_TOLD = (
        "guardian_declined_child_told",
        _("the person told the officer it is not their parent or guardian"),
    )


class Guardian(models.Model):
    """The parent or guardian who consented for a minor (compliance L6)."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="guardians")
    full_name = models.CharField(_("guardian's full name"), max_length=300)
    # The name as the desk's search compares it, as Subject.name_key: a parent who calls about
    # their child, or about themselves, is found by their own name in any of its spellings.
    name_key = models.TextField(blank=True, default="", editable=False)
    contact = models.CharField(_("guardian's contact"), max_length=254)
    # Whether the contact acts for the child (wards_at: the parent's page, their emailed
    # withdrawal): only a row that came with the record, given by the form that made it. A later
    # form under an address already on record is anyone's typing (compliance L9): the row it
    # adds is kept, as what the form said, and opens nothing of the child's record.
    acts = models.BooleanField(
        _("acts for the child"), default=True, db_default=True, editable=False
    )
    # Whether the row waits to be confirmed before it acts (`guardians.ACTING`): a form that made
    # a child's record under an address other than the parent's proves only what its sender
    # typed, so the parent acts once the child's address confirms them (on its «My data» page)
    # or an officer who saw a document does (compliance L6, L9). A parent giving the child's
    # own address acts at once: their mail goes to the child's mailbox. Rows from before this
    # rule act as they did.
    pending = models.BooleanField(
        _("awaits confirmation"), default=False, db_default=False, editable=False
    )
    # Who said this contact is not the child's parent or guardian, and how (Declined; "" while
    # nobody has): the child on their page, or an officer from a document or what they were
    # told. A declined row never acts nor waits (`guardians.ACTING`, `parents_waiting`), and
    # is kept as the record of what the form said (compliance L6).
    declined = models.CharField(
        _("declined as parent or guardian"),
        max_length=40,
        choices=Declined,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")

    def __str__(self):
        return numbered(self.pk)

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.full_name)
        if update_fields is not None and "full_name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)


class GuardianMail(models.Model):
    """A mail in the outbox to a parent or guardian as a child's legal representative: the
    answer to a request they asked for the child, at their address. From midnight in Almaty on
    the child's 18th birthday the parent no longer acts for them (Art. 7(1), 24), so the sender
    sends it only while the child is under 18 at the moment of sending (core.delivery)."""

    email = models.OneToOneField("post_office.Email", models.CASCADE, related_name="+")
    # Never dropped by a cascade: a child's destruction deletes the mail first (rights.erasure,
    # mailed.mail_for_child); a guardian row going with its link left the mail queued, unheld.
    guardian = models.ForeignKey(Guardian, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("mail to a parent or guardian for a child")
        verbose_name_plural = _("mails to parents or guardians for children")

    def __str__(self):
        return numbered(self.pk)


class Source(models.TextChoices):
    CONTACT_FORM = "contact_form", _("contact form")
    APPLICATION_FORM = "application_form", _("application form")
    NEWSLETTER_FORM = "newsletter_form", _("newsletter form")
    REQUEST_FORM = "request_form", _("request form")
    EMAIL_REQUEST = "email_request", _("email request")
    ADMIN = "admin", _("staff, in the admin")
    UNSUBSCRIBE = "unsubscribe", _("unsubscribe link")
    BANNER = "banner", _("cookie banner")
    SELF_SERVICE = "self_service", _("self-service page")
    RETENTION = "retention", _("retention job")
    # A form's consent held back (Submission.consent_held) and then confirmed by the address
    # owner through the link mailed to that address (consent.core.held).
    FORM_CONFIRMED = "form_confirmed", _("form, confirmed by the link mailed to the address")
    # The recipient marked a campaign mail as spam: a feedback report (RFC 5965) that came back
    # to the intake mailbox (consent/marketing/returns.py) withdraws their marketing consent.
    COMPLAINT = "complaint", _("spam complaint about our mail")


class Held(models.TextChoices):
    """Why a form's consent is not on the ledger, in words an officer can show a regulator."""

    WITHDRAWN = (
        "withdrawn",
        _(
            "not recorded: the owner of the address had withdrawn this consent, and the form's "
            "sender has not shown the address is theirs; waiting for the owner to confirm it by "
            "the link mailed to the address"
        ),
    )
    CONFIRMED = (
        "confirmed",
        _("recorded once the owner of the address confirmed it by the link mailed to the address"),
    )
    BLOCKED = "blocked", _("not recorded: processing of the data of the address's owner is blocked")
    GUARDIAN = (
        "guardian",
        _(
            "not recorded: by the record the person at this address is under 18, and the form "
            "carried no parent's or guardian's consent"
        ),
    )


class Submission(models.Model):
    """What one form sent, as sent (files excepted), linked to the person."""

    subject = models.ForeignKey(
        Subject, models.CASCADE, related_name="submissions", verbose_name=_("data subject")
    )
    source = models.CharField(_("form"), max_length=30, choices=Source)
    data = models.JSONField(_("data sent"), default=dict)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    # When staff marked the inquiry or application dealt with: the service purpose is achieved
    # for it, and retention erases it after SERVICE_ACHIEVED_GRACE_DAYS (compliance L5).
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    # The consents ticked on the form that the ledger did not take from it (consent.core.held):
    # the address's owner had withdrawn them, their processing is blocked, or the record shows
    # them under 18 and the form brought no guardian's consent. `held` keeps
    # what a confirmation records: {"texts": {purpose: consent text id}, "guardian": id|None}.
    consent_held = models.CharField(
        _("consent on this form"), max_length=20, choices=Held, blank=True, editable=False
    )
    held = models.JSONField(default=dict, blank=True, editable=False)
    # The ledger's grants this form gave: at once, or when a held one was confirmed (held.py).
    grants = models.ManyToManyField(
        "consent.LedgerEntry", blank=True, editable=False, related_name="+",
        verbose_name=_("consents given on this form"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-id"]
        permissions = [("answer_submission", _("Can mark an inquiry or application answered"))]
        # Who gave a number on a form (rights.sign_ins._holding), asked by every destruction and
        # every form the night erases: not by reading every form sent.
        indexes = [models.Index(KeyTransform("phone", "data"), name="submission_phone")]

    def __str__(self):
        return numbered(self.pk)

    # How long the link mailed to confirm a held consent works (consent.core.held).
    CONFIRM_WITHIN = timedelta(days=7)

    def consent_note(self, at=None):
        """What became of the consents ticked on this form, for the desk and the access answer:
        each consent it gave by purpose and text version («Service, version 2»), then what
        became of those the ledger did not take as sent; "" when it gave none."""
        given = sorted(self.grants.all(), key=lambda entry: entry.pk)
        parts = [str(entry.text) for entry in given if entry.text_id]
        if self.consent_held == Held.WITHDRAWN and self.confirm_expired(at):
            parts.append(
                _(
                    "not recorded: the owner of the address did not confirm it by the link "
                    "mailed to the address within seven days"
                )
            )
        elif self.consent_held:
            parts.append(self.get_consent_held_display())
        return "; ".join(str(part) for part in parts)

    def confirm_expired(self, at=None):
        return self.created_at + self.CONFIRM_WITHIN <= (at or timezone.now())
