"""A campaign's mail as its readers get it, and the digest that says a send is what its sender
was shown (compliance L15, L24)."""

import hashlib
import json
from datetime import datetime
from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consent.core.mail import AUTOMATIC, render_mail
from consent.core.routes import UNSUBSCRIBE
from consent.core.texts import route_phrase

from .models import Campaign

PLACEHOLDER = "https://unsubscribe.invalid/TOKEN"
# What stands for a reader's token in the unsubscribe link of a preview and of the marketer's
# test copy: its page says what the link does in a reader's mail (views.unsubscribe_view).
SAMPLE = "preview"
# Written by the site, as every mail it sends (RFC 3834: no auto-responder answers it), and bulk
# mail, which is what older vacation programs look for instead.
BULK = {**AUTOMATIC, "Precedence": "bulk"}
LANGUAGES = ("kk", "ru")


def mail_phrases(at: datetime | None = None) -> dict[str, str]:
    """The way out the policy in force at `at` (now by default) gives in each language (the one
    phrase table, consent/core/routes.py), read once per send."""
    return {language: route_phrase(UNSUBSCRIBE, language, at) for language in LANGUAGES}


def mails_rendered(campaign: Campaign, phrases: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """The message in each language, with a placeholder where each person's link goes."""
    out = {}
    for language in LANGUAGES:
        line, body = campaign.content(language)
        # Without a Russian text, Russian readers get the whole mail in Kazakh, its frame and
        # footer too, not a Kazakh text inside Russian words (compliance L24); the footer's
        # way out is the policy's phrase in the mail's language only (the intake knows both).
        written = campaign.written_in(language)
        context = {"body": body, "unsubscribe_url": PLACEHOLDER, "phrase": phrases[written]}
        out[language] = render_mail("campaign", context, language=written, subject_line=line)
    return out


def reader_language(language: str) -> str:
    """The language of the campaign mail a reader of `language` is queued: theirs, else Kazakh."""
    return language if language in LANGUAGES else "kk"


def personal_mail(campaign: Campaign, messages, phrases: dict[str, str], language: str, link):
    """(subject line, text, HTML, list headers) of the mail to one reader of `language`: theirs
    of `messages` (mails_rendered) with their unsubscribe link, `link(language)` to a page in
    the language given. The mail is one language throughout, the one it is written in
    (Campaign.written_in): a Kazakh mail to a Russian reader (no Russian written) had its
    link to a Russian page and its List-Unsubscribe mailto's subject in Russian, beside a
    footer saying to write the Kazakh phrase."""
    written = campaign.written_in(language)
    url = link(written)
    line, text, html = messages[language]
    return (line, text.replace(PLACEHOLDER, url), html.replace(PLACEHOLDER, url),
            list_headers(url, phrases[written]))  # fmt: skip


# The kinds of mail a campaign's Feedback-ID names: each mail to a reader, and the copy a
# marketer sends themselves (`feedback_id`).
CAMPAIGN_MAIL, TEST_COPY = "news", "test"


def feedback_id(campaign_id: int, kind: str) -> str:
    """Gmail's Feedback-ID («a:b:c:SenderId»): the campaign, the kind of mail, the sender
    (settings.FEEDBACK_SENDER_ID). Gmail reports no single complaint (its feedback loop is
    Postmaster Tools' daily spam rate per identifier), so this is how a rise in complaints is
    tied to the campaign that drew it. Nothing in it names a reader: an identifier unique to a
    person is one Gmail drops. The campaign carries a letter of its own («c12»), so that no
    identifier of one field is repeated in another (Gmail would count them together)."""
    return f"c{campaign_id}:{kind}:{settings.FEEDBACK_SENDER_ID}"


def list_headers(url: str, phrase: str) -> dict[str, str]:
    # The mailto's subject is the policy's own phrase, so that the mail desk files it as an
    # unsubscribe request in the person's language (consent/rights/intake.py).
    mailto = f"mailto:{settings.OPERATOR['email']}?subject={quote(phrase)}"
    return {**BULK, "List-Unsubscribe": f"<{url}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip


# Everything that decides what a reader gets, each part hashed on its own so that a send can
# say which changed: the fields the marketer writes (the language each reader gets follows
# from them, Campaign.written_in), the sender, and each language's mail as sent around the
# text (its frame, the footer's way out and the List-Unsubscribe header, which follow the
# policy in force: a policy published between the preview and «send» changed them unseen). Who
# gets it is not a part: everyone the gate permits when it is queued (compliance L15), as the
# page says, never a list the page showed.
OTHER_PARTS = {
    "sender": _("sender's address"),
    "mail_kk": _("the Kazakh mail around the text (its footer and way to unsubscribe)"),
    "mail_ru": _("the Russian mail around the text (its footer and way to unsubscribe)"),
}
PARTS = (*Campaign.MAIL_FIELDS, *OTHER_PARTS)


class CampaignChanged(Exception):
    """The campaign is no longer what its sender was shown: `fields`, the parts (PARTS) that
    differ."""

    def __init__(self, fields: list[str]):
        super().__init__(fields)
        self.fields = fields


def _parts(campaign: Campaign, at: datetime | None) -> dict[str, object]:
    phrases = mail_phrases(at)
    mails = mails_rendered(campaign, phrases)
    parts: dict[str, object] = {name: getattr(campaign, name) for name in Campaign.MAIL_FIELDS}
    parts["sender"] = settings.DEFAULT_FROM_EMAIL
    for language in LANGUAGES:
        parts[f"mail_{language}"] = [*mails[language],
                                     list_headers(PLACEHOLDER, phrases[language])]  # fmt: skip
    return parts


def campaign_digest(campaign: Campaign, at: datetime | None = None) -> str:
    """What a page showed of the campaign's mail (PARTS, as at `at`): a short hash per part."""
    parts = _parts(campaign, at)
    return ".".join(
        hashlib.sha256(json.dumps(parts[name], sort_keys=True).encode()).hexdigest()[:16]
        for name in PARTS
    )


def campaign_changes(campaign: Campaign, seen: str, at: datetime | None = None) -> list[str]:
    """The parts (PARTS) in which the campaign as sent at `at` differs from the digest `seen`;
    every field the marketer writes when `seen` is no digest (nothing then says what was
    shown). A mail around the text is named only when no field changed: a changed text changes
    its mail too."""
    shown, now = str(seen).split("."), campaign_digest(campaign, at).split(".")
    if len(shown) != len(now):
        return list(Campaign.MAIL_FIELDS)
    changed = [name for name, a, b in zip(PARTS, shown, now, strict=True) if a != b]
    if any(name in Campaign.MAIL_FIELDS for name in changed):
        return [name for name in changed if name not in ("mail_kk", "mail_ru")]
    return changed
