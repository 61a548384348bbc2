"""Campaigns and who they were queued to."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.directions import validate_direction_closed, validate_lines_direction_closed
from consent.common.text import (
    DOCUMENT_MAX_CHARS,
    numbered,
    validate_one_line,
    validate_visible,
    written,
)
from consent.core.models import Language, Subject

# Every field a reader sees (and the title the desk lists it by) holds something visible: a
# zero-width space passes the admin's «required».
ONE_LINE = [validate_one_line, validate_direction_closed, validate_visible]
# A text's direction marks are closed on the line they open on (a paragraph of the HTML mail
# runs on over its lines).
TEXT = [validate_lines_direction_closed, validate_visible]


class Campaign(models.Model):
    """News and offers by email, in Kazakh first and Russian for those who chose it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        # Pressed "send": the sending job (campaigns.py::queue_sending, on
        # emalu-campaigns.timer) queues its mails batch by batch, outside the web request.
        SENDING = "sending", _("being queued for sending")
        SENT = "sent", _("queued for sending")

    title = models.CharField(
        _("internal title"),
        max_length=200,
        validators=[validate_direction_closed, validate_visible],
    )
    # A subject line is a mail header: one line, or the mail cannot be sent to anyone; and a
    # direction mark it opens closes within it, or the inbox's line after it reads backwards.
    subject_line_kk = models.CharField(
        _("email subject (Kazakh)"), max_length=200, validators=ONE_LINE
    )
    body_kk = models.TextField(_("text (Kazakh)"), max_length=DOCUMENT_MAX_CHARS, validators=TEXT)
    subject_line_ru = models.CharField(
        _("email subject (Russian)"), max_length=200, blank=True, validators=ONE_LINE
    )
    body_ru = models.TextField(
        _("text (Russian)"),
        blank=True,
        max_length=DOCUMENT_MAX_CHARS,
        validators=TEXT,
        help_text=_("Empty: Russian readers get the Kazakh text."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # When and by whom "send" was pressed (also in the audit log).
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False,
        related_name="+", verbose_name=_("sent by"),
    )  # fmt: skip
    # Queued so far (all of them once sent), and how many the sending job found to queue.
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    # Its default is kept in the database: the code still serving during a release inserts
    # campaigns without it (marketing 0006's rule).
    audience_count = models.PositiveIntegerField(
        _("to be queued"), default=0, db_default=0, editable=False
    )

    # What its mail is made of (content, written_in): what the preview shows and a send must
    # match, with what the site puts around it (mailing.py::campaign_digest).
    MAIL_FIELDS = ("subject_line_kk", "body_kk", "subject_line_ru", "body_ru")

    class Meta:
        db_table = "consent_campaign"  # kept from before the app split
        ordering = ["-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.title

    def clean(self):
        """The Russian version is written whole or not at all: with only one of its subject line
        and text, Russian readers would silently get the Kazakh mail instead (written_in). A half
        of invisible characters only is not written (validate_visible says so of it)."""
        super().clean()
        line, body = written(self.subject_line_ru), written(self.body_ru)
        if line and not body:
            raise ValidationError(
                {"body_ru": _("Write the Russian text too, or clear the Russian subject.")}
            )
        if body and not line:
            raise ValidationError(
                {"subject_line_ru": _("Write the Russian subject too, or clear the Russian text.")}
            )

    def written_in(self, language):
        """The language a reader of `language` gets the campaign in: Kazakh when no Russian was
        written."""
        return "ru" if language == "ru" and self.subject_line_ru and self.body_ru else "kk"

    def content(self, language):
        """(subject line, text) in the recipient's language, Kazakh when no Russian was written."""
        if self.written_in(language) == "ru":
            return self.subject_line_ru, self.body_ru
        return self.subject_line_kk, self.body_kk


class Returned(models.TextChoices):
    """What came back about a campaign mail delivered (returns.py)."""

    BOUNCE = "bounce", _("the address does not exist or takes no mail")
    COMPLAINT = "complaint", _("marked as spam by the recipient")


class CampaignRecipient(models.Model):
    """Who a campaign was queued to, and when: proof that only consenting people got it."""

    campaign = models.ForeignKey(Campaign, models.PROTECT, related_name="recipients")
    subject = models.ForeignKey(Subject, models.CASCADE, related_name="campaigns_received")
    language = models.CharField(_("language"), max_length=2, choices=Language)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    # The campaign mail's Message-ID in the outbox: which row a mail withheld unsent is.
    outbox_message_id = models.CharField(max_length=300, blank=True, editable=False)
    # The mail was deleted unsent: marketing no longer permitted when it was to go out
    # (core/withheld.py::withheld_campaign; compliance L15).
    withheld_at = models.DateTimeField(_("not sent: no longer permitted"), null=True, blank=True)
    # The mail came back to the intake mailbox (returns.py): a hard bounce or a complaint. No
    # campaign goes to the person again until they confirm an address anew.
    returned_at = models.DateTimeField(_("came back"), null=True, blank=True)
    # A default in the database: the running code, released before this column, inserts rows
    # without it.
    returned_as = models.CharField(
        _("came back as"), max_length=10, choices=Returned, blank=True, editable=False,
        db_default="",
    )  # fmt: skip

    class Meta:
        db_table = "consent_campaignrecipient"  # kept from before the app split
        constraints = [
            models.UniqueConstraint(fields=["campaign", "subject"], name="one_send_per_person")
        ]
        # The few mails that came back, read at every send (campaigns.py::recipients).
        indexes = [
            models.Index(
                fields=["subject", "returned_at"],
                condition=models.Q(returned_at__isnull=False),
                name="campaign_mail_returned",
            ),
            # A campaign's latest batch, read by /healthz while it is being sent (emalu.health
            # .campaigns): one index entry, not every recipient row of a large campaign.
            models.Index(fields=["campaign", "queued_at"], name="campaign_latest_batch"),
        ]
        verbose_name = _("campaign recipient")
        verbose_name_plural = _("campaign recipients")

    def __str__(self):
        return numbered(self.pk)


class SpentLink(models.Model):
    """A newsletter confirmation link already used: the SHA-256 of its token, nothing about the
    person. A used link never subscribes anyone again, not even once the person's data, and
    with it the record that they confirmed, has been destroyed (optin.py). Kept as long as the
    link works (optin.MAX_AGE)."""

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("used confirmation link")
        verbose_name_plural = _("used confirmation links")

    def __str__(self):
        return self.digest[:12]
