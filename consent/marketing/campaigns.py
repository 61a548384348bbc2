"""Marketing campaigns: only to people the gate allows at the moment of sending (compliance L15)."""

from datetime import datetime
from email.utils import make_msgid
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from post_office.models import PRIORITY, STATUS, Email

from consent.common.net import absolute_url
from consent.core import gate
from consent.core.audit import audit
from consent.core.delivery import WAITING
from consent.core.ledger import consent_withdraw_if_given
from consent.core.mail import AUTOMATIC, render_mail
from consent.core.models import AuditEvent, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING
from consent.core.routes import UNSUBSCRIBE
from consent.core.texts import route_phrase

from .models import Campaign, CampaignRecipient, Returned

SALT = "consent.unsubscribe"
# A one-click link (RFC 8058) must work from a mail kept for a while, yet a link copied into a
# log or a forwarded mail should not stand for ever: a year. Anyone still subscribed gets newer
# links with each campaign, and an expired link's page offers the other ways out (the
# self-service page, the request form, the policy's email route; compliance L15).
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600
PLACEHOLDER = "https://unsubscribe.invalid/TOKEN"
CHUNK = 2000
# Written by the site, as every mail it sends (RFC 3834: no auto-responder answers it), and bulk
# mail, which is what older vacation programs look for instead.
BULK = {**AUTOMATIC, "Precedence": "bulk"}


def unsubscribe_token(subject_id: int, campaign_id: int) -> str:
    return signing.dumps([subject_id, campaign_id], salt=SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(subject id, campaign id) or None when forged or older than UNSUBSCRIBE_MAX_AGE."""
    try:
        subject_id, campaign_id = signing.loads(token, salt=SALT, max_age=UNSUBSCRIBE_MAX_AGE)
        return int(subject_id), int(campaign_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("unsubscribe", args=[token]))


def recipients(at: datetime | None = None) -> QuerySet[Subject]:
    """Everyone a campaign may go to now: the gate for marketing, an address to write to, and
    no campaign mail of theirs come back (a hard bounce, a complaint: returns.py) since they
    last confirmed an address."""
    at = at or timezone.now()
    with_address = Subject.objects.exclude(email=None).exclude(email="")
    confirmed_at = (
        LedgerEntry.objects.filter(
            subject=OuterRef("subject_id"), purpose=MARKETING, kind=LedgerEntry.Kind.GRANT
        )
        .order_by("-id")
        .values("at")[:1]
    )
    # Read once for the whole send (the rows come back are few, by a partial index), not once
    # per subscriber.
    returned = CampaignRecipient.objects.filter(
        returned_at__lte=at, returned_at__gt=Subquery(confirmed_at)
    ).values("subject_id")
    return gate.permitted_subjects(MARKETING, with_address.exclude(pk__in=returned), at)


def _phrases():
    """The policy's own way out in each language (the one phrase table, consent/core/routes.py),
    read once per send."""
    return {language: route_phrase(UNSUBSCRIBE, language) for language in ("kk", "ru")}


def _rendered(campaign, phrases):
    """The message in each language, with a placeholder where each person's link goes."""
    out = {}
    for language in ("kk", "ru"):
        line, body = campaign.content(language)
        # Without a Russian text, Russian readers get the whole mail in Kazakh, its frame and
        # footer too, not a Kazakh text inside Russian words (compliance L24).
        context = {"body": body, "unsubscribe_url": PLACEHOLDER,
                   "phrase_kk": phrases["kk"], "phrase_ru": phrases["ru"]}  # fmt: skip
        out[language] = render_mail("campaign", context, language=campaign.written_in(language),
                                    subject_line=line)  # fmt: skip
    return out


def _headers(url, phrase):
    # The mailto's subject is the policy's own phrase, so that the mail desk files it as an
    # unsubscribe request in the person's language (consent/rights/intake.py).
    mailto = f"mailto:{settings.OPERATOR['email']}?subject={quote(phrase)}"
    return {**BULK, "List-Unsubscribe": f"<{url}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip


@transaction.atomic
def campaign_send(campaign: Campaign, *, actor: AbstractBaseUser | None = None) -> int | None:
    """Queue the campaign to every permitted person, once each, recorded and audited: how many
    it was queued to, or None when it had already been sent (by another click, or another
    host). ValidationError when a field fails its model's rules (a campaign stored before a
    rule): no mail is queued that could not be sent."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.DRAFT:
        return None
    campaign.full_clean()
    phrases = _phrases()
    messages = _rendered(campaign, phrases)
    base = {lang: unsubscribe_url("TOKEN", lang).removesuffix("TOKEN/") for lang in messages}
    now = timezone.now()
    domain = settings.POST_OFFICE.get("MESSAGE_ID_FQDN", "localhost")
    rows = recipients(now).values_list("id", "email", "language").order_by("id")
    total = 0
    batch = []
    # One plain query, not a server-side cursor: PostgreSQL plans cursors for their first rows
    # (cursor_tuple_fraction) and picked a nested loop that took minutes at 100,000 people.
    for subject_id, email, language in list(rows):
        language = language if language in messages else "kk"
        line, text, html = messages[language]
        url = f"{base[language]}{unsubscribe_token(subject_id, campaign.pk)}/"
        batch.append((subject_id, language, Email(
            from_email=settings.DEFAULT_FROM_EMAIL, to=[email], subject=line,
            message=text.replace(PLACEHOLDER, url), html_message=html.replace(PLACEHOLDER, url),
            headers=_headers(url, phrases[language]), status=STATUS.queued,
            priority=PRIORITY.medium,
            message_id=make_msgid(domain=domain), created=now, last_updated=now,
        )))  # fmt: skip
        if len(batch) >= CHUNK:
            total += _flush(campaign, batch, actor, now)
            batch = []
    total += _flush(campaign, batch, actor, now)
    campaign.status, campaign.sent_at, campaign.recipient_count = Campaign.Status.SENT, now, total
    campaign.save(update_fields=["status", "sent_at", "recipient_count"])
    # One audit row for the send; who received it is recorded per person in CampaignRecipient.
    audit(AuditEvent.Action.CAMPAIGN_SEND, actor=actor, obj=campaign, recipients=total)
    return total


def _flush(campaign, batch, actor, now):
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
    return len(batch)


def recipients_withheld(sender, *, message_ids, at, **kwargs):
    """The campaign mails the sender deleted unsent (consent/core/delivery.py): their
    recipients are recorded as not sent, so that neither the campaign's record nor the person's
    access export says a mail went out that did not (compliance L10, L15)."""
    CampaignRecipient.objects.filter(outbox_message_id__in=message_ids).update(withheld_at=at)


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
    """(subject line, text, HTML) as a recipient would see it, with an inert unsubscribe link."""
    line, text, html = _rendered(campaign, _phrases())[language]
    url = unsubscribe_url("preview", language)
    return line, text.replace(PLACEHOLDER, url), html.replace(PLACEHOLDER, url)


def campaign_test_send(campaign: Campaign, to: str, language: str) -> Email:
    """A copy to a staff member, in one language; recorded nowhere as a recipient.
    ValidationError as campaign_send."""
    from post_office import mail

    campaign.full_clean()
    line, text, html = campaign_preview(campaign, language)
    return mail.send(
        [to], settings.DEFAULT_FROM_EMAIL, subject=f"[TEST] {line}", message=text,
        html_message=html, headers=BULK,
    )  # fmt: skip


def unsubscribe(subject_id: int, request: HttpRequest | None = None) -> bool:
    """One click: marketing consent withdrawn now, in force before the next send. Idempotent
    (the withdrawal is one transaction, taken for one person at a time). The person is not
    loaded: the withdrawal locks their row, which also tells whether they are still there."""
    entry = consent_withdraw_if_given(
        Subject(pk=subject_id), MARKETING, source=Source.UNSUBSCRIBE, request=request
    )
    return entry is not None
