"""An Outlook recall of an earlier letter (consent/rights/recalls.py): «Отзыв: Отзыв согласия…»,
«Recall: Отказ от рассылки». Read as a letter, it opened a second request like the one it
recalls, fifteen working days more on the officers' desk, and mailed the writer a link to
confirm it. It is filed with the request it recalls, saying so, and asks nothing of its own."""

from pathlib import Path

import pytest
from django.utils import translation
from post_office.models import Email

from consent.rights.asked_nothing import RECALLED
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import Status, auto, message

SET = Path(__file__).parent / "intake_mail"
ZHANAR = "zhanar.o@corp-ust.kz"
RECALLS = {
    "Russian Outlook": ("ru-outlook-recall-withdraw", "Отзыв согласия на обработку персональных "
                        "данных", "withdraw"),
    "English Outlook": ("ru-outlook-recall-english-unsubscribe", "Отказ от рассылки",
                        "unsubscribe"),
}  # fmt: skip


@pytest.mark.parametrize("name,subject_line,kind", RECALLS.values(), ids=RECALLS)
def test_a_recall_is_filed_with_the_request_it_recalls(db, name, subject_line, kind):
    first = ingest(message(subject_line, sender=ZHANAR, body="Прошу.", message_id="<first@x>"))
    assert first.type == kind
    requests, mails = Ticket.objects.count(), Email.objects.count()

    recall = ingest((SET / f"{name}.eml").read_bytes())

    assert isinstance(recall, Ticket) and recall.regarding == first
    assert recall.status == Status.FILED and first.reference in recall.outcome
    with translation.override(recall.language):  # and says it recalls (asked_nothing.RECALLED)
        assert str(RECALLED).split("%(ref)s")[1].strip() in recall.outcome
    assert Ticket.objects.count() == requests + 1  # the filed row only: no second request
    assert Email.objects.count() == mails  # no confirmation link, no notice
    first.refresh_from_db()
    assert first.type == kind and first.status != Status.FILED  # the officer decides


def test_a_recall_of_no_request_here_is_set_aside(db):
    entry = ingest((SET / "ru-outlook-recall-withdraw.eml").read_bytes())
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Ticket.objects.exists() and not Email.objects.exists()


PEOPLE = {
    "a request under «Отзыв:»": ("Отзыв: по поводу анкеты", "Прошу удалить мои персональные "
                                 "данные", "destroy"),
    "the recall's sentence and a request": (
        "Отзыв: Анкета", "Хотела бы отозвать сообщение \"Анкета\".\nИ удалите "
        "мои персональные данные.", "destroy"),
    # The recall's words in the person's own sentence, which goes on: no Outlook wrote it.
    "a withdrawal on the recall's line": (
        "Отзыв: Отзыв согласия на рассылку", "Хочу отозвать письмо с согласием на рассылку и "
        "прошу удалить мои данные", "withdraw"),
    "a request after the quoted title": (
        "Отзыв: Анкета", "Хотела бы отозвать сообщение \"Анкета\" и удалить мои персональные "
        "данные", "destroy"),
    "a request before the recall's sentence": (
        "Отзыв: Анкета", "Удалите мои данные. Хотела бы отозвать сообщение \"Анкета\".",
        "destroy"),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body,kind", PEOPLE.values(), ids=PEOPLE)
def test_a_person_writing_like_a_recall_is_heard(db, subject_line, body, kind):
    ticket = ingest(auto(subject_line=subject_line, body=body))
    assert isinstance(ticket, Ticket) and ticket.type == kind and ticket.status != Status.FILED


def test_a_recall_signed_with_initials_is_a_recall(db):
    """Outlook writes the display name, «Оспанова Ж.К.»: its stops end no sentence."""
    first = ingest(message("Анкета", sender=ZHANAR, body="Прошу удалить мои данные."))
    body = 'Оспанова Ж.К. хотела бы отозвать сообщение "Анкета".'
    recall = ingest(message("Отзыв: Анкета", sender=ZHANAR, body=body, message_id="<r@x>"))
    assert isinstance(recall, Ticket) and recall.regarding == first
    assert recall.status == Status.FILED
