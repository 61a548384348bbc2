"""Mail scenarios of letters answered at once with no link, one that passes on someone else's
(consent/rights/forwarded.py), one about the visit statistics (analytics_letters.py) and one
saying we sent its writer someone else's data (misdirected.py), and of an address corrected
(tests/site/mail_scenarios.py runs them)."""

from consent.rights.intake import ingest
from tests.rights.conftest import message

COLLEAGUE = "manager@partner.kz"
# A colleague pasting a customer's letter under a line saying so, in the colleague's language.
PASSED_ON_LETTER = {
    "kk": "Клиенттің хатын жіберемін:\n\nДеректерімді жойыңыз. Әсел Қасымова",
    "ru": "Пересылаю письмо клиента:\n\nУдалите мои данные. Әсел Қасымова",
}


def forwarded(w):
    """The colleague is told only that the letter arrived, in the language they wrote in."""
    ticket = ingest(message("", sender=COLLEAGUE, body=PASSED_ON_LETTER[w["lang"]],
                            message_id=f"<passed-on-{w['lang']}@example.kz>"))  # fmt: skip
    assert ticket.limits.get("forwarded"), "read as the colleague's own request"


# The person withdrawing the visit statistics, which no letter can reach (a browser's choice).
ANALYTICS = {
    "kk": "Аналитикаға келісімімді кері қайтарамын.",
    "ru": "Отзываю согласие на аналитику.",
}


def analytics_withdrawn(w):
    """The writer is told what is held of the statistics and where each browser turns them off,
    in the language they wrote in."""
    ticket = ingest(message("", sender=w["person"].email, body=ANALYTICS[w["lang"]],
                            message_id=f"<analytics-{w['lang']}@example.kz>"))  # fmt: skip
    assert ticket.limits.get("analytics"), "not read as a letter about the statistics"


# The person telling us she was sent someone else's data: a possible breach (misdirected.py).
MISDIRECTED = {
    "kk": "Сіздер маған басқа адамның деректерін жібердіңіздер, оларды жойыңыз.",
    "ru": "Вы прислали мне чужие данные, удалите их.",
}


def misdirected(w):
    """The writer gets a receipt with no link, in the language she wrote in; the officers are
    told it may be a breach."""
    ticket = ingest(message("", sender=w["person"].email, body=MISDIRECTED[w["lang"]],
                            message_id=f"<misdirected-{w['lang']}@example.kz>"))  # fmt: skip
    assert ticket.limits.get("misdirected"), "not read as someone else's data sent to her"


def address_changed(w):
    """A correction of the person's address: the old one is told it changed, in the person's
    language (closing.tell_old_address)."""
    from .mail_scenarios import desk, opened

    desk(w["boris"], opened("correct", w["lang"]), document="ID 1", email="asel.new@example.kz")


# The scenarios of this file, by the template each reaches.
PASSED_ON = {
    "request_forwarded": forwarded,
    "request_analytics": analytics_withdrawn,
    "request_misdirected": misdirected,
    "address_changed": address_changed,
}
