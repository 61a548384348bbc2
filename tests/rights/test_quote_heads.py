"""A reply above a quoted letter whose head names its fields as another mail program does:
Kazakh ones in their possessive and compound forms («Тақырыбы», «Жіберілген уақыты»), Russian
«Отправитель», «Получатель», a field no list knows after the sender's. The head was read as
the person's own words, and so was the request the quoted letter made: Gulnar's «Жаңалықтардан
бас тартамын» unsubscribed Asel, who had only written «Рахмет, түсінікті»."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import quarantine_read

from .conftest import message, untouched

HEADS = {
    "kk possessive": "Жіберуші: Гүлнар <gulnar@example.kz>\nЖіберілген уақыты: 2 желтоқсан "
                     "2026 ж. 10:00\nАлушы: asel@example.kz\nТақырыбы: сұрақ",
    "kk compound": "Кімнен: Гүлнар <gulnar@example.kz>\nЖіберілген күні: 2 желтоқсан 2026 ж.\n"
                   "Кімге: asel@example.kz\nТақырыбы: сұрақ",
    "ru sender, recipient": "Отправитель: Гульнар <gulnar@example.kz>\nДата отправки: "
                            "02.12.2026 10:00\nПолучатель: asel@example.kz\nТема: вопрос",
    "a field no list knows": "От: Гульнар <gulnar@example.kz>\nDatum: 02.12.2026\n"
                             "An: asel@example.kz\nBetreff: вопрос",
    "Kazakh original-message marker": "-------- Бастапқы хабар --------\n\n"
                                      "Гүлнар <gulnar@example.kz>:",
}  # fmt: skip
QUOTED = {"kk": "Жаңалықтардан бас тартамын. Деректерімді жойыңыз.",
          "ru": "Отпишите меня от рассылки. Удалите мои данные."}  # fmt: skip


@pytest.mark.parametrize("head", list(HEADS))
@pytest.mark.parametrize("lang, own", [("kk", "Рахмет, түсінікті."), ("ru", "Спасибо, понятно.")])
def test_a_request_in_the_quoted_letter_is_not_the_senders(person, head, lang, own):
    body = f"{own}\n\n{HEADS[head]}\n\n{QUOTED[lang]}"
    raw = message("Re: сұрақ", body=body)
    entry = ingest(raw)

    # Her own words ask nothing, and answer no request of hers (asked_nothing.py): set aside.
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert quarantine_read(entry) == raw and not Ticket.objects.exists()  # kept whole
    assert untouched(person) and gate.may_process(person, MARKETING)
