"""The confidentiality notice a company's mail server puts under a letter is no request of the
writer's (compliance L7, consent/rights/notices.py). Its «уведомите отправителя и удалите его»
held an unsubscribe as a second request asked beside it: the news went on, and the person was
asked to confirm «another question»; its «сообщите отправителю» opened a correction as an
access request. Read as a signature is, the notice is shown to the officer in the letter and
read for nothing."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, news_only_stopped, untouched

Type, Status = Ticket.Type, Ticket.Status

SIGNED = "\n\nАсель Касымова\nГлавный бухгалтер\nТОО «Восток-Сервис»\n\n"
RU = (
    "Данное сообщение и любые приложения к нему являются конфиденциальными. Если вы получили "
    "его по ошибке, пожалуйста, уведомите отправителя и удалите его."
)
KK = (
    "Бұл хат құпия ақпаратты қамтиды. Егер сіз оны қателесіп алсаңыз, жіберушіге хабарлаңыз "
    "және хатты жойыңыз."
)
EN = (
    "This e-mail and any attachments are confidential. If you are not the intended recipient, "
    "please notify the sender and delete it."
)
# As Gmail's text part wraps it, and with no blank line before it.
WRAPPED = (
    "ВНИМАНИЕ: Информация в этом письме конфиденциальна. Если вы не являетесь\n"
    "адресатом, сообщите отправителю и удалите данное письмо."
)


@pytest.mark.parametrize("request_line, notice, lang", [
    ("Прошу отписать меня от рассылки.", RU, "ru"),
    ("Прошу отписать меня от рассылки.", EN, "ru"),
    ("Маған жарнамалық хаттар жібермеңіздер.", KK, "kk"),
    # a short Kazakh letter under its company's longer Russian notice: answered in Kazakh
    ("Жазылымнан шығарыңыз.", f"{RU}\n{RU}", "kk"),
    ("Прошу отписать меня от рассылки.", f"\n{WRAPPED}", "ru"),
    # its first sentence wrapped across two lines
    ("Отпишите меня.", "Если вы получили это\nписьмо по ошибке, удалите его.", "ru"),
])  # fmt: skip
def test_an_unsubscribe_above_a_notice_is_done_as_it_arrives(person, request_line, notice, lang):
    ticket = ingest(message("", body=f"{request_line}{SIGNED}{notice}"))
    done = (Type.UNSUBSCRIBE, Status.DONE, lang)
    assert (ticket.type, ticket.status, ticket.language) == done
    assert news_only_stopped(ticket, person)
    assert "/requests/confirm/" not in mails_to("asel@example.kz")[-1].message


def test_a_correction_above_a_notice_opens_a_correction(person):
    body = f"Прошу исправить мой номер телефона на +7 705 318 22 41.{SIGNED}{RU}"
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.limits) == (Type.CORRECT, {}) and untouched(person)


def test_a_question_above_a_notice_opens_no_request_of_the_notice(person):
    body = f"Когда начинается набор в группу для взрослых?{SIGNED}{WRAPPED}"
    ticket = ingest(message("Курсы", body=body))
    assert ticket.type == Type.OTHER and untouched(person)


@pytest.mark.parametrize("body, kind", [
    # the person's own «by mistake», telling no reader what to do if: their request
    ("Мне по ошибке пришло это письмо, удалите меня из рассылки.", Type.UNSUBSCRIBE),
    ("Бұл хат маған қателесіп келді, мені таратылымнан шығарыңыз.", Type.UNSUBSCRIBE),
    # a letter all of whose words read like a notice is still theirs
    ("Если вы получили это письмо по ошибке, удалите мои данные.", Type.DESTROY),
])  # fmt: skip
def test_a_person_who_writes_of_a_mistake_is_read(person, body, kind):
    assert ingest(message("", body=body)).type == kind
