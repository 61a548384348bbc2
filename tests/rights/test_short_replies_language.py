"""Short replies are answered in the language they are written in (compliance L7). «Жарайды»
(Kazakh: all right), «Болады», «Иа» typed without a Kazakh keyboard hold no Kazakh-only letter
and no word the reader knew: read as Cyrillic, hence Russian, the request they were filed with
and the answer they drew were in Russian. Now Kazakh's short replies are Kazakh words
(language.KAZAKH_WORDS), and a reply whose words tell no language at all («Ок», «👌») is read
in the language of the request it answers, else of the sender's last letter
(threads.known_language)."""

from email.message import EmailMessage

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import Status, mails_to, message
from .test_asked_nothing import confirmation, reply

OTHER = {"kk": "ru", "ru": "kk"}
# What our answer to a reply that asks something says, in each language.
TOLD = {"ru": "Мы получили ваше письмо о запросе", "kk": "өтінішке қатысты хатыңызды алдық"}

SHORT = {
    "Жарайды": "kk", "Жарайды, рахмет": "kk", "Рахмет": "kk", "Иә": "kk", "Иа": "kk", "Ия": "kk",
    "Жоқ": "kk", "Жок": "kk", "Түсінікті": "kk", "Тусиникти": "kk", "Келісемін": "kk",
    "Болады": "kk", "Бопты": "kk", "Мақұл": "kk", "Макул": "kk", "Түсіндім": "kk", "Дұрыс": "kk",
    "Алдым, рахмет": "kk",
    "Хорошо": "ru", "Спасибо": "ru", "Нет": "ru", "Понятно": "ru", "Ладно": "ru",
    "Согласна": "ru", "Принято": "ru", "Отлично": "ru", "Получила, спасибо": "ru",
}  # fmt: skip


@pytest.mark.parametrize("body,lang", SHORT.items(), ids=SHORT)
def test_a_short_reply_is_read_in_its_own_language(person, body, lang):
    """Above the quote of our mail in the other language, as a phone's mail program writes a
    reply: the reply's own word decides, not the quote nor the thread."""
    ticket, mail = confirmation(OTHER[lang])
    sent = len(mails_to("asel@example.kz"))
    quoted = "\n".join(f"> {line}" for line in mail.message.splitlines())
    filed = reply(mail, f"{body}\n\n{quoted}")
    assert isinstance(filed, Ticket) and filed.regarding == ticket
    assert filed.language == lang
    answers = mails_to("asel@example.kz")[sent:]
    if filed.status != Status.FILED or answers:  # it asked something: the answer is in its language
        assert TOLD[lang] in " ".join(answers[-1].message.split())


@pytest.mark.parametrize("thread", ["kk", "ru"])
@pytest.mark.parametrize("body", ["Ок", "👌", "OK?", "Да"])
def test_a_reply_that_tells_no_language_follows_its_thread(person, thread, body):
    ticket, mail = confirmation(thread)
    filed = reply(mail, body)
    assert isinstance(filed, Ticket) and filed.regarding == ticket
    assert filed.language == thread


@pytest.mark.parametrize("earlier", ["kk", "ru"])
def test_a_new_letter_that_tells_no_language_follows_the_senders_last(person, earlier):
    first = "Деректерімді жойыңыз" if earlier == "kk" else "Удалите мои данные"
    ingest(message("", message_id="<first@example.kz>", body=first))
    sent = len(mails_to("asel@example.kz"))
    ticket = ingest(message("", message_id="<second@example.kz>", body="OK?"))
    assert isinstance(ticket, Ticket) and ticket.regarding is None
    assert ticket.language == earlier
    [answer] = mails_to("asel@example.kz")[sent:]
    assert answer.subject and ticket.reference in answer.subject


@pytest.mark.parametrize("earlier", ["kk", "ru"])
def test_a_file_sent_without_a_word_is_answered_in_the_senders_language(person, earlier):
    """A scanned application attached with no subject line and no text: it opens a request, and
    the answer went out in Kazakh, the default for a letter without Cyrillic, to a person who
    writes to us in Russian."""
    first = "Деректерімді жойыңыз" if earlier == "kk" else "Удалите мои данные"
    ingest(message("", message_id="<first@example.kz>", body=first))
    sent = len(mails_to("asel@example.kz"))
    letter = EmailMessage()
    letter["From"] = "Әсел <asel@example.kz>"
    letter["Message-ID"] = "<scan@example.kz>"
    letter.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="scan.pdf")
    ticket = ingest(letter.as_bytes())
    assert isinstance(ticket, Ticket) and ticket.language == earlier
    [answer] = mails_to("asel@example.kz")[sent:]
    kazakh = any(letter in answer.message for letter in "әғқңөұүһі")
    assert kazakh == (earlier == "kk")


# «Unsubscribe», as some mail programs write the subject line: its phrase is no word of either
# language, and it answered a Russian letter, or a person who writes in Russian, in Kazakh.
UNSUBSCRIBE = {
    "a Russian letter under it": ("Спасибо!", None, "ru"),
    "a Kazakh letter under it": ("Рахмет, керек емес", None, "kk"),
    "alone, from a Russian writer": ("", "ru", "ru"),
    "alone, from a Kazakh writer": ("", "kk", "kk"),
    "alone, from a stranger: the state language": ("", None, "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body,earlier,lang", UNSUBSCRIBE.values(), ids=UNSUBSCRIBE)
def test_an_unsubscribe_in_latin_letters_is_answered_in_the_writers_language(
    person, body, earlier, lang
):
    if earlier:
        first = "Деректерімді жойыңыз" if earlier == "kk" else "Удалите мои данные"
        ingest(message("", message_id="<first@example.kz>", body=first))
    ticket = ingest(message("Unsubscribe", message_id="<stop@example.kz>", body=body))
    assert isinstance(ticket, Ticket) and ticket.type == Ticket.Type.UNSUBSCRIBE
    assert ticket.language == lang
    answer = mails_to("asel@example.kz")[-1]
    assert any(letter in answer.message for letter in "әғқңөұүһі") == (lang == "kk")
