"""Only the person's own words decide what an emailed letter asks (compliance L7): not the
earlier message it quotes, however the mail program pasted it, nor the signature under it."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

NEWS = "Жаңалықтар\nЖаңа курстар басталды.\nЖазылымнан бас тарту\nОтписаться от рассылки"
NEWS_LATIN = "Novosti\nNovye kursy.\nOtpisatsya ot rassylki\nZhazylymnan bas tartu"
THANKS_KK = "Рахмет, келесі аптада хабарласамын."
THANKS_RU = "Спасибо, свяжусь на следующей неделе."
THANKS_LATIN = "Rakhmet, kelesi aptada khabarlasamyn."

# A reply to a newsletter, each as a mail program or a person writes it, the newsletter's
# unsubscribe footer in what it quotes or in the signature.
REPLIES = {
    "quoted with >": f"{THANKS_KK}\n\n> " + NEWS.replace("\n", "\n> "),
    "kk attribution, not quoted": (
        f"{THANKS_KK}\n\n2026 ж. 1 желт., 10:00 ЕМ АЛУ <news@emalu.kz> жазды:\n{NEWS}"),
    "ru attribution, not quoted": (
        f"{THANKS_RU}\n\n1 дек. 2026 г., в 10:00, ЕМ АЛУ <news@emalu.kz> написал(а):\n{NEWS}"),
    "en attribution, not quoted": (
        f"{THANKS_RU}\n\nOn Tue, 1 Dec 2026 at 10:00, EM ALU <news@emalu.kz> wrote:\n{NEWS}"),
    "attribution wrapped over two lines": (
        f"{THANKS_RU}\n\nВт, 1 дек. 2026 г. в 10:00, ЕМ АЛУ\n<news@emalu.kz>:\n\n{NEWS}"),
    "ru attribution in Latin letters": (
        f"{THANKS_LATIN}\n\n1 dek. 2026, EM ALU <news@emalu.kz> napisal(a):\n{NEWS_LATIN}"),
    "kk attribution in Latin letters": (
        f"{THANKS_LATIN}\n\n1 jeltoqsan 2026, EM ALU <news@emalu.kz> jazdy:\n{NEWS_LATIN}"),
    "Outlook original message": (
        f"{THANKS_RU}\n\n-----Original Message-----\nFrom: EM ALU\nSent: Tuesday\n\n{NEWS}"),
    "Outlook ru head": (
        f"{THANKS_RU}\n________________________________\nОт: ЕМ АЛУ <news@emalu.kz>\n"
        f"Отправлено: 1 декабря 2026 г. 10:00\nКому: asel@example.kz\nТема: Новости\n\n{NEWS}"),
    "signature after -- ": f"{THANKS_KK}\n-- \nӘсел Қасымова\n{NEWS}",
    "ru sign-off in Latin letters": f"{THANKS_LATIN}\n\nS uvazheniem,\nAsel\n{NEWS_LATIN}",
    "kk sign-off in Latin letters": f"{THANKS_LATIN}\n\nQurmetpen,\nAsel\n{NEWS_LATIN}",
    "ru sign-off": f"{THANKS_RU}\n\nВсего хорошего,\nАсель\n{NEWS}",
}  # fmt: skip


@pytest.mark.parametrize("body", REPLIES.values(), ids=REPLIES.keys())
def test_a_quoted_footer_or_a_signature_asks_for_nothing(person, body):
    ticket = ingest(message("Re: Жаңалықтар", message_id="<reply@x>", body=body))
    assert ticket.type == Ticket.Type.OTHER
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


# The same replies with a request written above the quote: it is theirs, and it is read.
ASKED = {
    "kk, above a quote with >": ("Жазылымнан бас тартамын.", REPLIES["quoted with >"]),
    "ru, above an unquoted attribution": (
        "Отпишите меня от рассылки, пожалуйста.", REPLIES["ru attribution, not quoted"]),
    "Latin, above an Outlook head": ("Otpishite menya ot rassylki.", REPLIES["Outlook ru head"]),
    "kk, above a signature": ("Жазылымнан бас тартамын.", REPLIES["signature after -- "]),
}  # fmt: skip


@pytest.mark.parametrize("request_line, reply", ASKED.values(), ids=ASKED.keys())
def test_a_request_written_above_the_quote_is_read(person, request_line, reply):
    body = f"{request_line}\n{reply}"
    ticket = ingest(message("Re: Жаңалықтар", message_id="<asked@x>", body=body))
    assert ticket.type == Ticket.Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_line_of_the_letter_ending_in_wrote_does_not_hide_the_rest(person):
    """Only an attribution with a date or an address, as mail programs write one, starts the
    earlier message: a line of the person's own that ends in «пишет:» hides nothing after it."""
    body = "Здравствуйте. Вот что я уже вам писал и пишет мой брат:\nОтпишите меня от рассылки."
    assert ingest(message("", message_id="<own@x>", body=body)).type == Ticket.Type.UNSUBSCRIBE
