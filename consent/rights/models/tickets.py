"""Requests (tickets); the requests read by rule: ticket_queries.py; the corrections made in
answer to them: corrections.py."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import JSONField, Value
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from consent.common.dates import local_today
from consent.common.text import numbered
from consent.core.gate import needs_guardian
from consent.core.models import Language, Subject
from consent.core.purposes import PURPOSES, purpose_choices, purposes_named

from .ticket_queries import TicketQuerySet


class Ticket(models.Model):
    """A data subject's request (Art. 24), with its legal due date in Kazakhstan working days.

    Called a ticket in code so that it never meets Django's HTTP `request`; staff and people
    see it as a request («өтініш», «запрос»).
    """

    class Type(models.TextChoices):
        # Named as the operator writes of it, never in the person's words: the mails say «your
        # request (…)», the desk and the digest «request R-4 (…)», so «destroy my data» set
        # «your data» and «my data» in one sentence, and made the officers' admin say «my».
        ACCESS = "access", _("data access")
        CORRECT = "correct", _("data correction or update")
        BLOCK = "block", _("block processing")
        UNBLOCK = "unblock", _("unblock processing")
        DESTROY = "destroy", _("data destruction")
        WITHDRAW = "withdraw", _("withdraw consent")
        UNSUBSCRIBE = "unsubscribe", _("stop news and offers")
        PUBLICATION_REMOVAL = "publication_removal", _("removal of data from public sources")
        TRANSFER_NOTICE = "transfer_notice", _("notice of transfers to third parties")
        AUTOMATED_OBJECTION = "automated_objection", _("objection to automated decisions")
        OTHER = "other", _("other question")

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("waiting for the person to confirm")
        OPEN = "open", _("confirmed, to be done")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused with reasons")
        CLOSED = "closed", _("closed without action")
        # Closed unconfirmed by an officer (answers.ticket_close_unconfirmed) or the night
        # (expiring.py): the link expired unused, or the address it came from has no data held.
        NOT_CONFIRMED = "not_confirmed", _("closed: identity not confirmed")
        NO_DATA = "no_data", _("closed: no data held")
        # An emailed reply filed with the open request it quotes (joining.file_reply), or the
        # same request mailed again while it is open (joining.file_repeat): kept for the
        # officers to read there, but no request of its own, so never counted as one.
        FILED = "filed", _("closed: filed with the request it answers or repeats")

    class Channel(models.TextChoices):
        WEB = "web", _("web form")
        EMAIL = "email", _("email")
        SELF_SERVICE = "self_service", _("self-service page")
        # Asked by telephone or in person, and opened by an officer from the person's page
        # (desk_open.py): confirmed, as any other, by the link mailed to the address on record.
        DESK = "desk", _("opened at the desk")

    class Limit(models.TextChoices):
        # Why an emailed withdrawal or unsubscribe did not act as asked (limits.narrowed).
        KEEPS_NEWS = "keeps_news", _("it also asks to keep the news and offers")
        KEEPS_MORE = "keeps_more", _("it also asks to keep something else")
        SERVICE = "service", _("it cancels a service, not the news and offers")
        NOTICES = "notices", _("it stops notices of orders or payments, not the news and offers")
        THIS_MATTER = "this_matter", _("it stops letters about one matter, not the news and offers")
        TITLED = "titled", _("it names another company's service or mailing, not ours")  # titles.py
        ELSEWHERE = "elsewhere", _("it asks where or how to be written to")
        # A withdrawal whose object names no purpose («…на звонки»): the officer's to read.
        UNREAD = "unread", _("it withdraws a consent to something that is no purpose of ours")
        # Not a limit it kept: a stop asked for a while, no pause (asked_nothing.paused).
        UNTIL = "until", _("it asks for no news for a while, and they cannot be paused")
        LATER = "later", _("it asks for it from a later date")  # «с 1 марта…»: nothing done yet
        UNSAID = "unsaid", _("it does not say whether it asks to delete the data or stop the news")

    OPEN_STATUSES = (Status.UNVERIFIED, Status.OPEN)
    # The longest message kept with a request: far beyond a letter (the web forms allow 5,000).
    # A longer email is set aside whole rather than cut (intake.py; compliance L7), unless all
    # the person wrote lies above a long quoted thread (letters._cut_below_own_words).
    MESSAGE_MAX_LENGTH = 100_000
    # The label of what the person wrote or said: their words in a request, which Kazakh
    # calls «өтініш мәтіні», never «хабарлама», the contact form's message (docs/glossary.md).
    # A context, not a new English label, so the fields' migrations stay as they are.
    MESSAGE_LABEL = pgettext_lazy("the words of a request", "message")
    # Why a withdrawal of a consent no service needs is carried out, never refused (refusable).
    NOT_REFUSABLE = _(
        "This withdrawal cannot be refused: the law keeps a consent only for an obligation to "
        "the person not yet fulfilled or where a law requires it, and this consent serves no "
        "service. Processing for it stopped when the person confirmed the request; carry the "
        "request out."
    )
    # «R-12» (`reference`) in its mails, answer's files and ledger reasons; read back by this.
    REFERENCE_PREFIX = "R-"
    # How long a confirmation link works (links.VERIFY_MAX_AGE); its mail names the end.
    CONFIRM_WITHIN = timedelta(days=7)
    # The marks (`limits`) of letters answered at once, no link (analytics_letters.py); of them,
    # those only an officer closes, never the night (expiring.closes_on, TicketQuerySet.expired).
    ANSWERED_AT_ONCE = ("forwarded", "analytics", "misdirected")
    OFFICER_CLOSES = ("forwarded", "misdirected")

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
    message = models.TextField(MESSAGE_LABEL, blank=True)
    # The letter's Reply-To, as written, when it names another address than its sender: shown
    # to the officer, never read for whose request it is (the sender's address decides that).
    reply_to = models.CharField(
        _("reply-to address"), max_length=998, blank=True, editable=False,
        help_text=_("The address the letter asks answers to go to. Anyone can write any address "
                    "here: the request is the sender's, and its mail goes only to the address "
                    "on record."),
    )  # fmt: skip
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
    # When the latest confirmation link was mailed: it works for CONFIRM_WITHIN from then. Not
    # received_at, which for a request opened from an email set aside is days before.
    link_sent_at = models.DateTimeField(_("confirmation link sent"), null=True, blank=True)
    # When its row was made (by the database, for a host not yet on this code): one no link went
    # out for expires CONFIRM_WITHIN after it (expiring.py); received_at may be days before.
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_default=Now(),
                                     editable=False)  # fmt: skip
    verified_at = models.DateTimeField(_("identity confirmed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("answer to the person"), blank=True)
    # Why an officer reopened it, in their words, by the number of the audit row that records
    # the reopening (closing.ticket_reopen): here, not in the append-only row, so that they go
    # when the person's data is destroyed (forgetting.requests_forget).
    reopen_reasons = models.JSONField(
        _("reasons for reopening"), default=dict, blank=True, editable=False,
        db_default=Value({}, JSONField()),
    )  # fmt: skip
    # The earlier request an emailed reply quotes by number, from the address that request came
    # from (threads.replied_to): a reply that asks for nothing by name is filed with it, closed
    # at once (tickets.ticket_open); one that names a request of its own is opened, marked.
    regarding = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="replies",
        verbose_name=_("about request"),
    )  # fmt: skip

    # The email asks about someone else («удалите данные моей дочери»): opened as "other",
    # nothing carried out on the sender's record; the desk shows the officer a note.
    about_someone_else = models.BooleanField(_("written about someone else"), default=False)
    # The letter's own words limited what it asks (limits.narrowed): {"limit": a Limit, "stops":
    # the purposes it asked to stop}, so it opened as "other" or a correction, nothing stopped
    # as it arrived (but Limit.UNTIL: stopped as asked, for good); the desk tells the officer
    # what the intake read. Empty otherwise.
    limits = models.JSONField(_("what the letter asked to stop and keep"), default=dict,
                              blank=True, editable=False)  # fmt: skip
    # The email asks whether (or how) the person can use the right of its type («Можно ли
    # удалить мои данные?», intake.recognise): opened as that type, with its deadline, but not
    # yet an instruction; nothing acts before their link, and the desk shows the officer a note.
    asked_whether = models.BooleanField(_("asked whether it can be done"), default=False)
    # An emailed reply says it changes the request it answers, `regarding` (changed.py): that
    # one closes once this one's link is pressed (joining.close_replaced), not as the letter
    # arrives, since anyone can write in the person's name and quote a request's number.
    replaces = models.BooleanField(_("replaces the request it answers, once confirmed"),
                                   default=False, db_default=False, editable=False)  # fmt: skip
    # From an address a parent or guardian gave for a child (core.guardians.held_at): theirs to
    # confirm and the desk's to answer, with or without a record of their own (`subject`).
    as_guardian = models.BooleanField(_("from a parent or guardian"), default=False)
    # Asked for the child whose record it is filed under by their parent or guardian, on the
    # page their emailed link opens (rights.wards): the answer goes to the parent's address
    # (`email`); the child's destruction, or the parent's erasure, forgets it (erasure.py).
    guardian = models.ForeignKey("consent.Guardian", models.SET_NULL, null=True, blank=True,
                                 related_name="requests", verbose_name=_("asked by a parent or "
                                 "guardian for the child"), editable=False)  # fmt: skip
    # Its officer (assignment.py; officers.py: held_by, unassigned). Anyone may act on it.
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("officer"))  # fmt: skip

    objects = TicketQuerySet.as_manager()

    class Meta:
        db_table = "consent_request"  # kept from before the app split
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["status", "due_date"], name="request_desk")]
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self):
        return numbered(self.reference)  # «№ R-12», as every letter and page writes it

    @property
    def reference(self):
        return f"{self.REFERENCE_PREFIX}{self.pk}"

    @property
    def asked(self):
        """What the request asks, as the person's pages and mails name it: its type, and of a
        withdrawal the consent it withdraws, or every one (an empty purpose). Named by its type
        alone, a withdrawal of the news was confirmed not knowing whether the consent to answer
        the person's applications stopped too."""
        if self.type != self.Type.WITHDRAW:
            return self.get_type_display()
        if self.purpose in PURPOSES:
            return format_lazy(_("withdrawal of the consent for the purpose {}"),
                               purposes_named([self.purpose]))  # fmt: skip
        return _("withdrawal of every consent")

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
    def holds_data(self):
        """Whether anything was held for the address it came from when it arrived: a record
        of the requester's own, or what they gave as a parent or guardian."""
        return self.subject_id is not None or self.as_guardian

    @property
    def address_on_record(self):
        """Where its link and its answer go: the person's address on record, or, for a
        parent or guardian with no record of their own, the address they gave (and wrote
        from); for one a parent asked for their child (`guardian`), the parent's. None when
        nothing is held."""
        guardian = self.guardian if self.guardian_id is not None else None
        subject = self.subject if guardian is None and self.subject_id is not None else None
        return Ticket.address_of(guardian, subject, self.email, self.as_guardian)

    @staticmethod
    def address_of(guardian, subject, email, as_guardian):
        """`address_on_record` from a request's parts (tickets.ticket_open asks before its row)."""
        if guardian is not None:
            return guardian.contact or None
        return subject.email if subject is not None else email if as_guardian else None

    @property
    def is_own(self):
        """Whether it is the person's own, answered at their address on record: not one a parent
        or guardian asked for a child (`guardian`), answered at the parent's (access.py)."""
        return self.guardian_id is None and self.subject_id is not None

    @property
    def outgrown(self):
        """Whether a parent or guardian asked it for a child (`guardian`) who is 18 now by the
        local date (Asia/Almaty; gate.needs_guardian): from midnight there on the birthday the
        parent no longer acts for them (Art. 7(1), 24), so it is no longer the parent's to be
        carried out, refused, retyped or reopened, nor answered at their address; the desk can
        only close it (guardianship.ticket_close_outgrown). The one rule every operation asks
        (closing.require_open, closing.reopen_refusal, retyping.ticket_reclassify)."""
        return (
            self.guardian_id is not None
            and self.subject_id is not None
            and not needs_guardian(self.subject)
        )

    @property
    def refusable(self) -> bool:
        """Whether the law leaves the desk room to refuse it. Not an unsubscribe (reopened, it
        was offered «refuse»), nor a withdrawal of a consent no service needs (the news, the
        processing abroad: `Purpose.required` is the service's): Art. 8(2) keeps one only for
        an obligation to the person not yet fulfilled or a law, and their own page withdraws it
        at once. Refused, its letter said «we cannot carry out your withdrawal» while the news
        had stopped (compliance L14). One of every purpose is: the service's is among them."""
        if self.type != self.Type.WITHDRAW or not self.purpose:
            return self.type != self.Type.UNSUBSCRIBE
        return self.purpose not in PURPOSES or PURPOSES[self.purpose].required

    @property
    def for_child(self):
        """The parent's or guardian's row (`guardian`) while they act for the child, under 18
        now: what its mail to them is queued with (core.mail.queue_mail's `for_child`), so that
        the sender holds it once the child is 18. None otherwise: the notice that the request
        is closed because the child came of age, say."""
        return self.guardian if self.guardian_id is not None and not self.outgrown else None

    @property
    def is_waiting(self):
        """Not confirmed yet (TicketQuerySet.unconfirmed), a link sent or not; whether it waits
        for the person is `waits_for_person`."""
        return self.status == self.Status.UNVERIFIED

    @property
    def waits_for_person(self):
        """Whether it waits for the person: the row's `waits` (TicketQuerySet.with_waiting), or
        asked of the database by that rule where its queryset did not give it."""
        waits = getattr(self, "waits", None)
        return type(self).objects.waiting().filter(pk=self.pk).exists() if waits is None else waits

    @property
    def is_overdue(self):
        """Still to be answered after its due date, waiting for the person or not (the same
        rule as TicketQuerySet.overdue). What anyone is told of when a request is answered reads
        the due date and this, and nothing else: the desk, the digest and the notices, the
        person's pages and mails (the template rights/answer_due.txt), which say the day has
        passed, with an apology, rather than promise a later one the desk does not show."""
        return self.is_open and self.due_date < local_today()

    @property
    def is_due_today(self):
        """Still to be answered, and due today (the same rule as TicketQuerySet.due_on)."""
        return self.is_open and self.due_date == local_today()

    @property
    def link_expires_at(self):
        return self.link_sent_at + self.CONFIRM_WITHIN if self.link_sent_at else None

    def closable_as(self, now):
        """The status this waiting request may be closed with at `now`, or None while the person
        can still confirm it: "no data held" at once when no one on record has its address,
        "closed without action" for a letter with no link (ANSWERED_AT_ONCE), "identity not
        confirmed" CONFIRM_WITHIN after its latest link or its opening: TicketQuerySet's rule."""
        if not self.is_waiting:
            return None
        if any(map(self.limits.get, self.ANSWERED_AT_ONCE)):
            return self.Status.CLOSED
        if not self.holds_data:
            return self.Status.NO_DATA
        ended = (self.link_sent_at or self.opened_at) < now - self.CONFIRM_WITHIN
        return self.Status.NOT_CONFIRMED if ended else None
