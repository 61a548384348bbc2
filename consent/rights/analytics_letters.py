"""A letter that withdraws consent to the visit statistics (compliance L19, L7): «Отзываю
согласие на аналитику», «Аналитикаға келісімімді кері қайтарамын», «отключите Яндекс Метрику».

The analytics consent is the cookie banner's choice, per browser (consent/cookies), recorded
with no name or address: the ledger holds nothing of it for a person, and no letter can tell
which browsers are its writer's. Read as a withdrawal with no purpose, such a letter stopped
every consent of the person's ledger (the service they use, the news), and withdrew nothing of
the analytics. Decided: it opens "other", acting on nothing of the person's record (a news stop
the same letter asks still acts as it arrives), marked (Ticket.limits["analytics"]); the writer
is answered at once, in their language, with what the site holds for analytics and how to turn
it off in each browser they used (the cookie settings page, which the banner's «change later»
opens); the desk tells the officer so. The published texts' «withdraw by writing to …» stays
until the operator publishes a new version."""

import re
from itertools import pairwise

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from consent.common.net import absolute_url
from consent.core.mail import queue_mail
from consent.core.purposes import ANALYTICS, MARKETING

from .limits import stopped
from .spelling import fold, words
from .stops import request_stop

# «аналитика», «аналитику», «аналитикаға», «Метрика», «Метрику», «Google Analytics», «cookie»,
# «куки», «кукилер», «статистика посещений», «кіру статистикасы». Folded beginnings; English as
# written.
NAMES = ("аналитик", "куки", "статистик")
# «Метрика» alone is also a birth certificate («копия метрики ребёнка»): only after «Яндекс».
YANDEX, METRICA = "яндекс", "метрик"
LATIN = ("analytic", "metrica", "metrika", "cookie")


def about_analytics(texts: list[str]) -> bool:
    """Whether the writer's words name the visit statistics (NAMES, LATIN, «Яндекс Метрика»)."""
    said = [fold(word) for text in texts for word in words(text)]
    latin = [word for text in texts for word in re.findall(r"[a-z]+", (text or "").casefold())]
    yandex = any(a == YANDEX and b.startswith(METRICA) for a, b in pairwise(said))
    return (
        yandex or any(w.startswith(NAMES) for w in said) or any(w.startswith(LATIN) for w in latin)
    )


def cookie_settings_url(language: str) -> str:
    """The cookie settings page in `language`: where each browser turns the analytics off."""
    with translation.override(language):
        return absolute_url(reverse("cookie_settings"))


def analytics_letter(match, written: list[str], unsubscribe: bool) -> bool | None:
    """None unless the letter's words (`written`) name the analytics, with no request named
    (`match`: a question about them, «отключите Метрику») or a withdrawal; else whether it also
    stops the news: an unsubscribe beside it, or a withdrawal whose phrase names the news."""
    if match is not None and match.phrase.kind != "withdraw":
        return None
    named = match is not None and match.phrase.purpose == ANALYTICS  # a phrase staff keep
    if not (named or about_analytics(written)):
        return None
    return unsubscribe or (match is not None and match.phrase.purpose == MARKETING)


def answer_without_link(ticket, email: str, *, stops_now: bool, actor=None) -> None:
    """Answer at once, with no confirmation link, a letter forwarded about someone else
    (forwarded.py: only that it was received), one saying someone else's data was sent to its
    writer (misdirected.py: a receipt) or one about the analytics (what is held for
    them, nothing tied to a person, and where each browser turns them off); stopping, as it
    arrives from an address on record, the news the latter also asks to stop (compliance L15).
    Not the answer `untold` held back (the request's `limits`, as the desk reads it)."""
    told = not ticket.limits.get("untold")
    if ticket.limits.get("forwarded"):
        if told:
            queue_mail(email, "request_forwarded", {"ticket": ticket}, language=ticket.language,
                       subject_line=_("The letter you forwarded to us"))  # fmt: skip
        return
    withdrawn = request_stop(ticket, stopped(ticket.type, "", True), actor)[0] if stops_now else []
    context = {
        "ticket": ticket,
        "settings_url": cookie_settings_url(ticket.language),
        "unsubscribed": MARKETING in withdrawn,
    }
    if told and ticket.limits.get("misdirected"):  # misdirected.py: a receipt, no link
        queue_mail(email, "request_misdirected", context, language=ticket.language,
                   subject_line=_("Your letter about data sent to you by mistake"))  # fmt: skip
    elif told:
        queue_mail(email, "request_analytics", context, language=ticket.language,
                   subject_line=_("Your letter about the visit statistics"))  # fmt: skip
