"""Marketing campaigns: only to people the gate allows at the moment of sending (compliance L15)."""

from datetime import datetime
from email.utils import make_msgid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from post_office.models import PRIORITY, STATUS, Email

from consent.common.net import absolute_url
from consent.core import gate
from consent.core.audit import audit
from consent.core.ledger import consent_withdraw_if_given
from consent.core.mail import mail_readdress
from consent.core.models import AuditEvent, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING
from consent.core.withheld import WAITING

from .mailing import (
    BULK,
    CAMPAIGN_MAIL,
    SAMPLE,
    TEST_COPY,
    CampaignChanged,
    campaign_changes,
    feedback_id,
    mail_phrases,
    mails_rendered,
    personal_mail,
    reader_language,
)
from .models import Campaign, CampaignRecipient, Returned

SALT = "consent.unsubscribe"
# A one-click link (RFC 8058) must work from a mail kept for a while, yet a link copied into a
# log or a forwarded mail should not stand for ever: a year. Anyone still subscribed gets newer
# links with each campaign, and an expired link's page offers the other ways out (the
# self-service page, the request form, the policy's email route; compliance L15).
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600
CHUNK = 2000


def unsubscribe_token(subject_id: int, campaign_id: int) -> str:
    return signing.dumps([subject_id, campaign_id], salt=SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(subject id, campaign id) or None when forged or older than UNSUBSCRIBE_MAX_AGE."""
    try:
        subject_id, campaign_id = signing.loads(token, salt=SALT, max_age=UNSUBSCRIBE_MAX_AGE)
        return int(subject_id), int(campaign_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_link_expired(token: str) -> bool:
    """Whether an unsubscribe link this site signed is past UNSUBSCRIBE_MAX_AGE (not forged)."""
    try:
        signing.loads(token, salt=SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.SignatureExpired:
        return True
    except signing.BadSignature:
        return False
    return False


def unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("unsubscribe", args=[token]))


def recipients(at: datetime | None = None) -> QuerySet[Subject]:
    """Everyone a campaign may go to now: the gate for marketing, an address to write to, and
    no campaign mail to the address they hold now come back as a hard bounce (returns.py) since
    their latest marketing grant. A bounce is about an address, not a person: once the desk
    corrected the address (their old mailbox closed, the very reason it bounced), the news they
    still consent to goes to the new one; it stopped for good, their page saying «given». A
    complaint is not read here: it withdrew the consent on the ledger as it came (returns.py;
    those on record before, migrations/0010), so the gate, the one rule of who may get a
    campaign, leaves the person out, until a new double opt-in. The whole rule, the bounce
    included, is asked again as each mail is sent (`mails_permitted`)."""
    at = at or timezone.now()
    with_address = Subject.objects.exclude(email=None).exclude(email="")
    confirmed_at = (
        LedgerEntry.objects.filter(
            subject=OuterRef("subject_id"), purpose=MARKETING, kind=LedgerEntry.Kind.GRANT
        )
        .order_by("-id")
        .values("at")[:1]
    )
    # The bounced mail as the outbox sent it, to the address the person holds now (found by the
    # outbox's index on its address, core migration 0011).
    to_this_address = Email.objects.filter(
        to__address=OuterRef("subject__email"), message_id=OuterRef("outbox_message_id")
    )
    # Read once for the whole send (the rows come back are few, by a partial index), not once
    # per subscriber.
    bounced = CampaignRecipient.objects.filter(
        Exists(to_this_address), returned_as=Returned.BOUNCE, returned_at__lte=at,
        returned_at__gt=Subquery(confirmed_at),
    ).values("subject_id")  # fmt: skip
    return gate.permitted_subjects(MARKETING, with_address.exclude(pk__in=bounced), at)


def campaign_start(
    campaign: Campaign, *, actor: AbstractBaseUser | None = None, seen: str | None = None
) -> int | None:
    """The marketer's "send": the campaign is marked as being sent, by whom and when, audited,
    and the sending job (`queue_sending`, on the outbox timer) queues its mails outside the web
    request. How many people it would reach now, or None when it was already sent or is being
    sent (another click, another host). ValidationError when a field fails its model's rules (a
    campaign stored before a rule): nothing is marked that could not be sent. With `seen` (the
    campaign_digest of the preview its sender read), CampaignChanged when the campaign differs
    from it, checked under the row's lock: an edit saved meanwhile is never sent unseen."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != Campaign.Status.DRAFT:
            return None
        now = timezone.now()
        if seen is not None and (changed := campaign_changes(campaign, seen, now)):
            raise CampaignChanged(changed)
        campaign.full_clean()
        mails_rendered(campaign, mail_phrases(now))  # a text that cannot render fails here
        campaign.status, campaign.sent_at = Campaign.Status.SENDING, now
        campaign.sent_by = actor if actor is not None and actor.is_authenticated else None
        campaign.audience_count = recipients(campaign.sent_at).count()
        campaign.save(update_fields=["status", "sent_at", "sent_by", "audience_count"])
        audit(AuditEvent.Action.CAMPAIGN_START, actor=actor, obj=campaign, logged=True,
              audience=campaign.audience_count)  # fmt: skip
    return campaign.audience_count


def campaign_send(campaign: Campaign, *, actor: AbstractBaseUser | None = None) -> int | None:
    """Start the campaign and queue it at once, in this process: how many it was queued to, or
    None as campaign_start. For scripts and tests; the admin only starts it."""
    if campaign_start(campaign, actor=actor) is None:
        return None
    queue_campaign(campaign.pk)
    return Campaign.objects.get(pk=campaign.pk).recipient_count


def queue_sending(batch_size: int = CHUNK) -> int:
    """The sending job: queue every campaign being sent, `batch_size` people per transaction.
    How many mails it queued."""
    pending = Campaign.objects.filter(status=Campaign.Status.SENDING).order_by("id")
    return sum(queue_campaign(pk, batch_size) for pk in pending.values_list("pk", flat=True))


def queue_campaign(pk: int, batch_size: int = CHUNK) -> int:
    """Queue the campaign to everyone the gate permits who has none of its mails yet, in id
    order, one committed batch at a time: a run that dies half-way loses only its open batch,
    and the next run (on any host) goes on after the last person queued. Each batch locks the
    campaign's row and starts after the last person queued, so two runs at once never queue a
    person twice (and the one-send-per-person constraint would refuse it). How many it queued."""
    campaign = Campaign.objects.get(pk=pk)
    if campaign.status != Campaign.Status.SENDING:
        return 0
    # The way out of the policy in force when «send» was pressed, which the digest held to what
    # the page showed: not of one published while the job queues it, minutes later.
    phrases = mail_phrases(campaign.sent_at)
    messages = mails_rendered(campaign, phrases)
    # One plain query, not a server-side cursor: PostgreSQL plans cursors for their first rows
    # (cursor_tuple_fraction) and picked a nested loop that took minutes at 100,000 people.
    left = list(recipients().filter(pk__gt=_last_queued(campaign))
                .order_by("id").values_list("id", flat=True))  # fmt: skip
    Campaign.objects.filter(pk=pk).update(audience_count=campaign.recipient_count + len(left))
    queued = 0
    for i in range(0, len(left), batch_size):
        queued += _queue_batch(campaign, left[i : i + batch_size], messages, phrases)
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=pk)
        if campaign.status == Campaign.Status.SENDING:
            total = CampaignRecipient.objects.filter(campaign=campaign).count()
            campaign.status, campaign.recipient_count = Campaign.Status.SENT, total
            campaign.audience_count = total
            campaign.save(update_fields=["status", "recipient_count", "audience_count"])
            # One audit row for the send; who received it: a CampaignRecipient row each.
            audit(AuditEvent.Action.CAMPAIGN_SEND, actor=campaign.sent_by, obj=campaign,
                  recipients=total)  # fmt: skip
    return queued


def _last_queued(campaign):
    last = CampaignRecipient.objects.filter(campaign=campaign).order_by("-subject_id").first()
    return 0 if last is None else last.subject_id


@transaction.atomic
def _queue_batch(campaign, ids, messages, phrases):
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.SENDING:
        return 0
    now = timezone.now()
    base = {lang: unsubscribe_url("TOKEN", lang).removesuffix("TOKEN/") for lang in messages}
    domain = settings.POST_OFFICE.get("MESSAGE_ID_FQDN", "localhost")
    feedback = {"Feedback-ID": feedback_id(campaign.pk, CAMPAIGN_MAIL)}
    # The gate again, readers held (one destroyed meanwhile left out), after the last queued.
    rows = recipients(now).select_for_update(of=("self",), no_key=True).filter(
        pk__in=ids, pk__gt=_last_queued(campaign))  # fmt: skip
    batch = []
    for subject_id, email, language in rows.values_list("id", "email", "language").order_by("id"):
        language, token = reader_language(language), unsubscribe_token(subject_id, campaign.pk)
        line, text, html, headers = personal_mail(
            campaign, messages, phrases, language, lambda lang, token=token: f"{base[lang]}{token}/"
        )
        batch.append((subject_id, language, Email(
            from_email=settings.DEFAULT_FROM_EMAIL, to=[email], subject=line, message=text,
            html_message=html, headers={**headers, **feedback}, status=STATUS.queued,
            priority=PRIORITY.medium,
            message_id=make_msgid(domain=domain), created=now, last_updated=now,
        )))  # fmt: skip
    if not batch:
        return 0
    Email.objects.bulk_create([email for _sid, _lang, email in batch])
    CampaignRecipient.objects.bulk_create(
        CampaignRecipient(
            campaign=campaign,
            subject_id=sid,
            language=lang,
            queued_at=now,
            outbox_message_id=email.message_id,
        )
        for sid, lang, email in batch
    )
    campaign.recipient_count += len(batch)
    campaign.save(update_fields=["recipient_count"])
    return len(batch)


def _in_language_now(mail: Email, row: CampaignRecipient, language: str) -> None:
    """The queued mail written again in the language its reader chose since it was queued (on
    their page, which told them «our letters will come in the language you chose»): it came
    in the old one, its link to a page in it. The campaign as it was sent, with the way out of
    the policy in force when «send» was pressed, as every other mail of it."""
    campaign, phrases = row.campaign, mail_phrases(row.campaign.sent_at)
    token = unsubscribe_token(row.subject_id, campaign.pk)
    line, mail.message, mail.html_message, headers = personal_mail(
        campaign, mails_rendered(campaign, phrases), phrases, language,
        lambda lang: unsubscribe_url(token, lang),
    )  # fmt: skip
    mail.subject, mail.headers = line, {**(mail.headers or {}), **headers}
    mail.save(update_fields=["subject", "message", "html_message", "headers"])
    row.language = language
    row.save(update_fields=["language"])


def recipients_withheld(sender, *, message_ids, at, **kwargs):
    """The campaign mails the sender deleted unsent (consent/core/delivery.py): their
    recipients are recorded as not sent, so that neither the campaign's record nor the person's
    access export says a mail went out that did not (compliance L10, L15)."""
    CampaignRecipient.objects.filter(outbox_message_id__in=message_ids).update(withheld_at=at)


def mails_permitted(sender, *, emails, at, **kwargs) -> set[int]:
    """The campaign mails among `emails` (outbox rows about to be sent, consent/core/delivery.py)
    that may still go at `at`: their person is one `recipients` admits now, the rule that
    queued them, so a bounce, complaint, unsubscribe or block since stops it (compliance L15).
    One whose reader chose the other language since goes written again in theirs (L24)."""
    queued = CampaignRecipient.objects.filter(outbox_message_id__in=[m.message_id for m in emails])
    rows = {row.outbox_message_id: row for row in queued.select_related("campaign")}
    people = recipients(at).filter(pk__in=[row.subject_id for row in rows.values()])
    admitted = {pk: (email, reader_language(lang))
                for pk, email, lang in people.values_list("pk", "email", "language")}  # fmt: skip
    permitted = set()
    for mail in emails:
        row = rows.get(mail.message_id)
        address, language = admitted.get(row.subject_id if row else None, (None, None))
        if address is None:
            continue
        if set(mail.to) != {address}:  # corrected by the desk: the old one isn't theirs (Art. 7)
            mail_readdress(mail, address, at)
        if language != row.language:
            _in_language_now(mail, row, language)
        permitted.add(mail.id)
    return permitted


def campaign_delivery(campaign: Campaign) -> dict[str, int]:
    """What became of the mails a campaign was queued to, for the marketer: delivered (the mail
    server took it), waiting (in the outbox, or to be tried again), not delivered (given up
    after the retries), withheld (deleted unsent: marketing no longer permitted), and gone (no
    longer on record: the person's data destroyed since, their mail with it). They add up to
    recipient_count, the number it was queued to."""
    rows = CampaignRecipient.objects.filter(campaign=campaign)
    withheld = rows.exclude(withheld_at=None).count()
    ids = rows.filter(withheld_at=None).values("outbox_message_id")
    statuses = dict(
        Email.objects.filter(message_id__in=ids).order_by().values_list("status")
        .annotate(n=Count("id"))
    )  # fmt: skip
    counts = {
        "delivered": statuses.get(STATUS.sent, 0),
        "waiting": sum(statuses.get(status, 0) for status in WAITING),
        "failed": statuses.get(STATUS.failed, 0),
        "withheld": withheld,
    }
    gone = campaign.recipient_count - sum(counts.values())
    # Of those delivered, what came back since (returns.py): not part of the sum.
    came_back = dict(
        rows.exclude(returned_at=None).values_list("returned_as").annotate(n=Count("id"))
    )
    return {**counts, "gone": gone, **{kind: came_back.get(kind, 0) for kind in Returned.values}}


def campaign_preview(campaign: Campaign, language: str) -> tuple[str, str, str]:
    """(subject line, text, HTML) as a reader gets it, the link a sample's; once sent, as sent."""
    phrases = mail_phrases(campaign.sent_at)  # the way out of the policy in force at «send»
    return personal_mail(campaign, mails_rendered(campaign, phrases), phrases, language,
                         lambda lang: unsubscribe_url(SAMPLE, lang))[:3]  # fmt: skip


def campaign_test_send(campaign: Campaign, to: str, language: str) -> Email:
    """A copy to a staff member, in one language; recorded nowhere as a recipient. ValidationError
    as campaign_send, of a draft: a sent one's is the mail as sent, whatever rule came since."""
    from post_office import mail

    if campaign.status == Campaign.Status.DRAFT:  # a sent one cannot be edited to meet it
        campaign.full_clean()
    line, text, html = campaign_preview(campaign, language)
    with translation.override(campaign.written_in(language)):  # the mail's language, all of it
        line = gettext("[Test] %(subject_line)s") % {"subject_line": line}
    return mail.send(
        [to], settings.DEFAULT_FROM_EMAIL, subject=line, message=text,
        html_message=html, headers={**BULK, "Feedback-ID": feedback_id(campaign.pk, TEST_COPY)},
    )  # fmt: skip


def subscribed(subject_id: int) -> bool:
    """Whether the person is on record with their marketing consent as given (their latest
    marketing event a grant): what an unsubscribe would withdraw."""
    latest = gate.latest_event(Subject(pk=subject_id), MARKETING)
    return latest is not None and latest.kind == LedgerEntry.Kind.GRANT


def unsubscribe(subject_id: int, request: HttpRequest | None = None) -> bool:
    """One click: marketing consent withdrawn now, in force before the next send. Idempotent
    (the withdrawal is one transaction, taken for one person at a time). The person is not
    loaded: the withdrawal locks their row, which also tells whether they are still there."""
    entry = consent_withdraw_if_given(
        Subject(pk=subject_id), MARKETING, source=Source.UNSUBSCRIBE, request=request
    )
    return entry is not None
