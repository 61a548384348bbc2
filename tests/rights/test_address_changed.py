"""A correction that changes the person's email address: the answer goes to the new address,
and the old one is told the address on record changed (closing.tell_old_address), so that a
person whose mailbox was taken over, or in whose name the change was asked, learns of it."""

import pytest
from post_office.models import Email

from consent.rights.answers import ticket_correct

from .test_destroy import verified_request

TOLD = {  # (subject line, a sentence of the body), in the person's language
    "kk": ("Деректеріңіздегі электрондық пошта мекенжайы өзгертілді", "атыңыздан"),
    "ru": ("Адрес электронной почты в\xa0ваших данных изменён", "от вашего имени"),
}


@pytest.mark.parametrize("lang", TOLD)
def test_the_old_address_is_told_in_the_persons_language(texts, make_subject, officer, lang):
    ann = make_subject(email="ann-old@example.kz", language=lang)
    ticket = verified_request(ann, "correct")  # asked in Kazakh, whatever her language
    ticket_correct(ticket, changes={"email": "ann@example.kz"}, document="letter", actor=officer)
    told = Email.objects.filter(to="ann-old@example.kz").latest("id")
    subject_line, sentence = TOLD[lang]
    assert told.subject == subject_line
    for body in (told.message, told.html_message):
        assert sentence in body and ticket.reference in body
        assert "ann@example.kz" not in body  # the new address is not given away
    assert Email.objects.filter(to="ann@example.kz").count() == 1  # the answer


def test_a_correction_that_keeps_the_address_tells_no_one_else(texts, make_subject, officer):
    ann = make_subject(email="ann@example.kz", language="ru")
    ticket_correct(verified_request(ann, "correct"), changes={"full_name": "Анна Смирнова"},
                   document="letter", actor=officer)  # fmt: skip
    assert Email.objects.filter(to="ann@example.kz").count() == 2  # the link, the answer
