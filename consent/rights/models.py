"""The rights desk's data: requests (tickets), emails set aside by the intake, corrections, spent
links and breaches."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import NOTE_MAX_CHARS
from consent.core.models import Language, Subject
from consent.core.purposes import purpose_choices
from consent.core.texts import route_phrase

from .phrases import key_words, normalise


class TicketQuerySet(models.QuerySet):
    def requests(self):
        """What counts as a request received: all but the replies filed with the request they
        answer (the charts and the statistics count requests, not letters)."""
        return self.exclude(status=Ticket.Status.FILED)

    def open(self):
        """Requests still to be answered: waiting for the person's confirmation, or confirmed."""
        return self.filter(status__in=Ticket.OPEN_STATUSES)

    def actionable(self):
        """Confirmed requests still to be answered: only these can be due or overdue. One that
        waits for the person's confirmation cannot be acted on (compliance L9), so it is shown
        as waiting and kept out of every overdue count (the desk, the index, the digest)."""
        return self.filter(status=Ticket.Status.OPEN)

    def waiting(self):
        """Requests waiting for the person to confirm them through the emailed link."""
        return self.filter(status=Ticket.Status.UNVERIFIED)

    def closable(self, now):
        """Waiting requests an officer may close unconfirmed at `now` (see Ticket.closable_as)."""
        expired = Q(link_sent_at__lt=now - Ticket.CONFIRM_WITHIN)
        return self.waiting().filter(Q(subject__isnull=True) | expired)


class Ticket(models.Model):
    """A data subject's request (Art. 24), with its legal due date in Kazakhstan working days.

    Called a ticket in code so that it never meets Django's HTTP `request`; staff and people
    see it as a request («өтініш», «запрос»).
    """

    class Type(models.TextChoices):
        ACCESS = "access", _("access to my data")
        CORRECT = "correct", _("correct or update my data")
        BLOCK = "block", _("block processing")
        UNBLOCK = "unblock", _("unblock processing")
        DESTROY = "destroy", _("destroy my data")
        WITHDRAW = "withdraw", _("withdraw consent")
        UNSUBSCRIBE = "unsubscribe", _("stop news and offers")
        PUBLICATION_REMOVAL = "publication_removal", _("remove my data from public sources")
        TRANSFER_NOTICE = "transfer_notice", _("tell me about transfers to third parties")
        AUTOMATED_OBJECTION = "automated_objection", _("object to automated decisions about me")
        OTHER = "other", _("other question")

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("waiting for the person to confirm")
        OPEN = "open", _("confirmed, to be done")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused with reasons")
        CLOSED = "closed", _("closed without action")
        # Closed unconfirmed by an officer (answers.ticket_close_unconfirmed): the link expired
        # unused, or the address it came from has no data held.
        NOT_CONFIRMED = "not_confirmed", _("closed: identity not confirmed")
        NO_DATA = "no_data", _("closed: no data held")
        # An emailed reply filed with the open request it quotes (joining.file_reply), or the
        # same request mailed again while it is open (joining.file_repeat): kept for the
        # officers to read there, but no request of its own, so never counted as one.
        FILED = "filed", _("closed: filed with the request it answers")

    class Channel(models.TextChoices):
        WEB = "web", _("web form")
        EMAIL = "email", _("email")
        SELF_SERVICE = "self_service", _("self-service page")

    OPEN_STATUSES = (Status.UNVERIFIED, Status.OPEN)
    # The longest message kept with a request: far beyond a letter (the web forms allow 5,000).
    # A longer email is set aside whole rather than cut (intake.py; compliance L7), unless all
    # the person wrote lies above a long quoted thread (letters._cut_below_own_words).
    MESSAGE_MAX_LENGTH = 100_000
    # How long the confirmation link works (links.VERIFY_MAX_AGE); the mail says "7 days".
    CONFIRM_WITHIN = timedelta(days=7)

    type = models.CharField(_("type"), max_length=20, choices=Type)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNVERIFIED, db_index=True
    )
    channel = models.CharField(_("received by"), max_length=20, choices=Channel)
    subject = models.ForeignKey(
        Subject, models.SET_NULL, null=True, blank=True, related_name="tickets",
        verbose_name=_("data subject"),
    )  # fmt: skip
    email = models.EmailField(_("requester's email"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=Language, default="kk")
    purpose = models.CharField(
        _("purpose"), max_length=30, choices=purpose_choices, blank=True,
        help_text=_("For a withdrawal: empty means every purpose."),
    )  # fmt: skip
    message = models.TextField(_("message"), blank=True)
    # NULL, as before, for a request not emailed. Another letter can carry a Message-ID too:
    # a letter is known by `letter_key` (keys.py), NULL but for the emailed (and unique).
    message_id = models.CharField(  # noqa: DJ001
        _("email Message-ID"), max_length=300, null=True, blank=True, db_index=True
    )
    letter_key = models.CharField(  # noqa: DJ001
        _("message fingerprint"), max_length=71, null=True, unique=True, editable=False
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_date = models.DateField(_("due"), db_index=True)
    # When the latest confirmation link was mailed: it works for CONFIRM_WITHIN from then.
    # Not received_at: a request opened from an email set aside is received when the email
    # arrived, days before its link goes out.
    link_sent_at = models.DateTimeField(_("confirmation link sent"), null=True, blank=True)
    verified_at = models.DateTimeField(_("identity confirmed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("answer to the person"), blank=True)
    # The earlier request an emailed reply quotes by number, from the address that request came
    # from (intake.replied_to): a reply that asks for nothing by name is filed with it, closed
    # at once (tickets.ticket_open); one that names a request of its own is opened, marked.
    regarding = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="replies",
        verbose_name=_("about request"),
    )  # fmt: skip

    # The email asks about someone else («удалите данные моей дочери»): opened as "other",
    # nothing carried out on the sender's record; the desk shows the officer a note.
    about_someone_else = models.BooleanField(_("written about someone else"), default=False)

    objects = TicketQuerySet.as_manager()

    class Meta:
        db_table = "consent_request"  # kept from before the app split
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["status", "due_date"], name="request_desk")]
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"R-{self.pk}"

    @property
    def answer_files(self):
        """The names of the files an access answer carries (access._access_files): how a
        letter in the outbox is known as this request's answer."""
        return {f"{self.reference}.json", f"{self.reference}.pdf"}

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_filed(self):
        return self.status == self.Status.FILED

    @property
    def is_waiting(self):
        return self.status == self.Status.UNVERIFIED

    @property
    def link_expires_at(self):
        return self.link_sent_at + self.CONFIRM_WITHIN if self.link_sent_at else None

    def closable_as(self, now):
        """The status this waiting request may be closed with at `now`, or None while the person
        can still confirm it: "no data held" at once when no one on record has its address
        (nothing could ever be done), "identity not confirmed" once the link has expired
        unused. The same rule as TicketQuerySet.closable."""
        if not self.is_waiting:
            return None
        if self.subject_id is None:
            return self.Status.NO_DATA
        if self.link_sent_at is not None and self.link_sent_at < now - self.CONFIRM_WITHIN:
            return self.Status.NOT_CONFIRMED
        return None


class Correction(models.Model):
    """Old and new values of a correction: personal data, so it lives and dies with the subject."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="corrections")
    ticket = models.ForeignKey(
        Ticket, models.SET_NULL, null=True, blank=True, db_column="request_id"
    )
    field = models.CharField(_("field"), max_length=40)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    document = models.CharField(_("supporting document"), max_length=300)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        db_table = "consent_correction"  # kept from before the app split
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"#{self.pk}"


class UsedLink(models.Model):
    """A single-use link already opened (self-service); holds no personal data."""

    nonce = models.UUIDField(unique=True)
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "consent_usedlink"  # kept from before the app split
        verbose_name = _("used single-use link")
        verbose_name_plural = _("used single-use links")

    def __str__(self):
        return str(self.nonce)


class Breach(models.Model):
    """A personal-data security incident (compliance L21): the regulator is told within one
    working day of detection, and the people affected as the rules require."""

    detected_at = models.DateTimeField(_("detected"))
    description = models.TextField(
        _("what happened"), max_length=NOTE_MAX_CHARS, help_text=_("No personal data here.")
    )
    data_affected = models.TextField(_("data affected"), blank=True, max_length=NOTE_MAX_CHARS)
    people_affected = models.PositiveIntegerField(_("people affected (estimate)"), default=0)
    measures = models.TextField(_("measures taken"), blank=True, max_length=NOTE_MAX_CHARS)
    # Set by breach_record() (rights/breaches.py): one working day from detection.
    regulator_due = models.DateField(_("regulator to be notified by"), editable=False)
    regulator_notified_at = models.DateTimeField(_("regulator notified"), null=True, blank=True)
    subjects_notified = models.BooleanField(_("people affected were told"), default=False)
    subjects_notified_at = models.DateTimeField(_("people told on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        db_table = "consent_breach"  # kept from before the app split
        ordering = ["-detected_at"]
        verbose_name = _("breach incident")
        verbose_name_plural = _("breach register")

    def __str__(self):
        return f"#{self.pk}"

    def clean(self):
        """Times the register could not hold: a detection yet to come moved the regulator's
        deadline away and with it the "notify now" alarm (a year mistyped on the form), and a
        notice before the detection or after now is no record of one. (Minutes of slack for the
        admin's "now" button on a computer whose clock runs ahead.)"""
        now, errors = timezone.now() + timedelta(minutes=5), {}
        if self.detected_at and self.detected_at > now:
            errors["detected_at"] = _("A breach cannot be detected in the future.")
        for field in ("regulator_notified_at", "subjects_notified_at"):
            when = getattr(self, field)
            if when and when > now:
                errors[field] = _("This time is in the future.")
            elif when and self.detected_at and when < self.detected_at:
                errors[field] = _("This is before the breach was detected.")
        if self.subjects_notified and not self.subjects_notified_at:
            errors["subjects_notified_at"] = _("Enter when the people affected were told.")
        elif self.subjects_notified_at and not self.subjects_notified:
            errors["subjects_notified"] = _("Tick this if the people affected were told.")
        if errors:
            raise ValidationError(errors)


class QuarantinedMessage(models.Model):
    """An email to the requests address that could not become a request (compliance L7): kept,
    encrypted, for the privacy officers to read and act on by hand, and destroyed by retention
    (retention.py::QUARANTINE_KEPT). It is personal data of an unknown person, so nothing
    readable is stored beside the ciphertext: no address, no subject, no Message-ID."""

    class Reason(models.TextChoices):
        UNREADABLE = "unreadable", _("the message's structure could not be read")
        UNDECODABLE = "undecodable", _("its text is in an unknown or broken encoding")
        NO_SENDER = "no_sender", _("no single valid sender address to answer")
        TOO_LARGE = "too_large", _("the message is too large")
        TOO_LONG = "too_long", _("its text is longer than a request can hold")
        STORE_FAILED = "store_failed", _("the database refused to store it")
        AUTOMATED = "automated", _("sent by a machine (auto-reply, bounce, list) or in our name")
        # A letter stored before letter keys carried its Message-ID (intake.seen_before).
        REUSED_ID = "reused_id", _("the Message-ID of a letter destroyed since: perhaps the same")

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    # SHA-256 of the letter's key (keys.letter_key; before it, of the Message-ID, or of the
    # whole message without one): the same letter read again is not set aside twice.
    message_key = models.CharField(_("message fingerprint"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # The message as received (RFC 5322 bytes), Fernet-encrypted (consent/core/photos.py);
    # at most quarantine.MAX_BYTES of it; `truncated` says whether more was received.
    content = models.BinaryField(editable=False)
    truncated = models.BooleanField(_("only the beginning kept"), default=False)
    ticket = models.ForeignKey(
        Ticket, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("request opened from it"),
    )  # fmt: skip

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("email set aside")
        verbose_name_plural = _("emails set aside")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"Q-{self.pk}"


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
