"""What the email intake keeps: the emails it set aside and the phrases that name a request type."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered
from consent.core.models import Language
from consent.core.purposes import purpose_choices
from consent.core.texts import route_phrase

from ..spelling import key_words, normalise
from .tickets import Ticket


class QuarantinedMessage(models.Model):
    """An email to the requests address that could not become a request (compliance L7): kept,
    encrypted, for the privacy officers to read and act on by hand, and destroyed by retention
    (retention.py::QUARANTINE_KEPT). It is personal data of an unknown person, so nothing
    readable is stored beside the ciphertext: no address, no subject, no Message-ID; the
    addresses it came from only as keyed digests (SetAsideSender), by which its sender's
    destruction finds it (set_aside.py)."""

    class Reason(models.TextChoices):
        UNREADABLE = "unreadable", _("the message's structure could not be read")
        UNDECODABLE = "undecodable", _("its text is in an unknown or broken encoding")
        NO_SENDER = "no_sender", _("no single valid sender address to answer")
        TOO_LARGE = "too_large", _("the message is too large")
        TOO_LONG = "too_long", _("its text is longer than a request can hold")
        STORE_FAILED = "store_failed", _("the database refused to store it")
        AUTOMATED = "automated", _("sent by a machine (auto-reply, bounce, list) or in our name")
        # A letter stored before letter keys carried its Message-ID (seen.seen_before).
        REUSED_ID = "reused_id", _("the Message-ID of a letter destroyed since: perhaps the same")
        # It asks nothing («Спасибо», «👍», a signature, only the quote) and answers no request
        # of the sender's (intake.ingest): nothing to open, nothing to answer.
        NOTHING_ASKED = "nothing_asked", _("it asks nothing and answers no request of the sender")
        # A delivery report that our mail about `request` did not reach the person.
        RETURNED = "returned", _("our mail about a request came back undelivered")

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    # SHA-256 of the letter's key (keys.letter_key; before it, of the Message-ID, or of the
    # whole message without one): the same letter read again is not set aside twice.
    message_key = models.CharField(_("message fingerprint"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # The message as received (RFC 5322 bytes), Fernet-encrypted (consent/core/photos.py);
    # at most quarantine.MAX_BYTES of it; `truncated` says whether more was received.
    content = models.BinaryField(editable=False)
    ENCRYPTED_FIELDS = ("content",)  # moved to a new key by encrypt_photos (a rotation)
    truncated = models.BooleanField(_("only the beginning kept"), default=False)
    ticket = models.ForeignKey(
        Ticket, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("request opened from it"),
    )  # fmt: skip

    # The request our mail came back about (reason "returned", intake.ingest): shown on its page.
    request = models.ForeignKey(
        Ticket, models.SET_NULL, null=True, blank=True, related_name="returned_mail",
        verbose_name=_("request whose mail came back"), editable=False,
    )  # fmt: skip

    # When the officers were mailed of it, alone or in a summary (alerts.tell_set_aside); None
    # until then, and for one set aside as a machine's, which only the digest lists.
    told_at = models.DateTimeField(_("officers told"), null=True, blank=True, db_index=True,
                                   editable=False)  # fmt: skip

    # Whether the addresses it came from were noted (SetAsideSender) when it was set aside; an
    # entry set aside before they were is read for them when its sender is destroyed.
    senders_noted = models.BooleanField(default=False, db_default=False, editable=False)
    # Which SECRET_KEY those digests were made under (keys.key_digest of it; "" before this was
    # noted): an entry noted under a key this host no longer has (SECRET_KEY changed without
    # the old one in SECRET_KEY_FALLBACKS, or dropped from them) is read as an unnoted one.
    senders_key = models.CharField(max_length=16, default="", db_default="", editable=False)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("email set aside")
        verbose_name_plural = _("emails set aside")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"Q-{self.pk}"


class SetAsideSender(models.Model):
    """An address an email set aside came from (its From, Sender, Reply-To; for a report that
    our mail did not arrive or was marked as spam, the address it was written to), as a keyed
    digest (set_aside.address_digest), never readable: so that the person's destruction finds
    their letters among the ciphertexts (erasure.subject_destroy). Goes with its entry."""

    entry = models.ForeignKey(QuarantinedMessage, models.CASCADE, related_name="senders")
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("address of an email set aside")
        verbose_name_plural = _("addresses of emails set aside")

    def __str__(self):
        return numbered(self.pk)


# Set aside with no notice of its own (alerts.tell_set_aside), listed by the digest: answering
# or telling of each would let a machine or a chatty thread make a notice of every letter.
QUIET_REASONS = (QuarantinedMessage.Reason.AUTOMATED, QuarantinedMessage.Reason.NOTHING_ASKED)


class IntakePhraseQuerySet(models.QuerySet):
    def canonical(self, kind: str, language: str) -> str:
        """The policy's own phrase for a route in a language, in the version in force: what
        the policy and the marketing mails tell people to write, from the one phrase table
        (consent/core/routes.py). "" when the route has none. The rows marked canonical are
        version 1's phrases, kept recognised and protected in the admin."""
        return route_phrase(kind, language)


class IntakePhrase(models.Model):
    """A phrase that names a request type in an email (compliance L7): the intake matches the
    active phrases as words in the subject line and the first lines of the body (phrases.py).
    Seeded with the policy's own phrases (`canonical`, one per type and language) and the
    variants people write; privacy officers add more, or take one out of use."""

    phrase = models.CharField(
        _("phrase"), max_length=200,
        help_text=_("Words as people write them; other endings of each word also match."),
    )  # fmt: skip
    type = models.CharField(_("request type"), max_length=20, choices=Ticket.Type)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    purpose = models.CharField(
        _("purpose"), max_length=30, choices=purpose_choices, blank=True,
        help_text=_("For a withdrawal that names one purpose; empty means every purpose."),
    )  # fmt: skip
    active = models.BooleanField(_("in use"), default=True)
    canonical = models.BooleanField(
        _("the privacy policy's own phrase"), default=False,
        help_text=_("The phrase the privacy policy tells people to write; changed only with "
                    "the policy."),
    )  # fmt: skip
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = IntakePhraseQuerySet.as_manager()

    class Meta:
        ordering = ["type", "language", "-canonical", "phrase"]
        constraints = [
            models.UniqueConstraint(
                fields=["type", "language"], condition=models.Q(canonical=True),
                name="one_canonical_phrase_per_type_and_language",
            ),
        ]  # fmt: skip
        verbose_name = _("email request phrase")
        verbose_name_plural = _("email request phrases")

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        if self.type == Ticket.Type.OTHER:
            raise ValidationError({"type": _("Every email no phrase matches is “other” already.")})
        if self.purpose and self.type != Ticket.Type.WITHDRAW:
            raise ValidationError({"purpose": _("Only a withdrawal names a purpose.")})
        if not key_words(self.phrase):
            message = _("The phrase needs at least one word beyond prepositions and pronouns.")
            raise ValidationError({"phrase": message})
        same = normalise(self.phrase)
        for other in IntakePhrase.objects.exclude(pk=self.pk).only("phrase", "type"):
            if normalise(other.phrase) == same:
                message = _("This phrase is in the table already (%(type)s).")
                raise ValidationError({"phrase": message % {"type": other.get_type_display()}})
