"""The mails a form causes say what was sent in a whole sentence of their reader's language: the
staff member's notice and the visitor's acknowledgement have one sentence per form
(consent.core.submissions.NOTICE_LINES, ACK_LINES). A form's name glued into a shared sentence
could not take the case and gender the sentence needed («поступило новое обращение: заявка»,
«Сіз жіберген хабарлама бізге келіп түсті»)."""

import pytest
from django.contrib.auth.models import User
from post_office.models import Email

from consent.core.models import StaffProfile
from tests.site.language import OTHER, assert_in_language

STAFF = "alice@example.kz"
VISITOR = "asel@example.kz"
FORMS = {"contact": "message", "apply": "application"}

# (subject line, the sentence) of the staff notice, by form and the staff member's language
NOTICES = {
    ("message", "kk"): ("Сайтқа жаңа хабарлама келді", "Сайтқа жаңа хабарлама келіп түсті."),
    ("message", "ru"): ("Новое сообщение на сайте", "На сайт поступило новое сообщение."),
    ("application", "kk"): ("Сайтқа жаңа өтінім келді", "Сайтқа жаңа өтінім келіп түсті."),
    ("application", "ru"): ("Новая заявка на сайте", "На сайт поступила новая заявка."),
}
# (subject line, the sentence) of the acknowledgement, by form and the visitor's language
ACKS = {
    ("message", "kk"): ("Хабарламаңыз қабылданды", "Хабарламаңыз бізге келіп түсті."),
    ("message", "ru"): ("Мы получили ваше сообщение",
                        "Мы получили ваше сообщение и\xa0ответим вам по электронной почте."),
    ("application", "kk"): ("Өтініміңіз қабылданды", "Өтініміңіз бізге келіп түсті."),
    ("application", "ru"): ("Мы получили вашу заявку",
                            "Мы получили вашу заявку и\xa0ответим вам по электронной почте."),
}  # fmt: skip


@pytest.fixture
def staff_member(db, settings):
    """Alice, who receives the notices, reads them in `language`."""

    def make(language):
        settings.STAFF_NOTIFY_EMAIL = STAFF
        alice = User.objects.create_user("alice", STAFF, "pw-alice-123456", is_staff=True)
        StaffProfile.objects.create(user=alice, language=language)

    return make


def sent(client, form, language, contact_data, application_data):
    data = (contact_data if form == "contact" else application_data)(email=VISITOR)
    response = client.post(f"/{language}/{form}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Email.objects.get(to=[STAFF]), Email.objects.get(to=[VISITOR])


def has_sentence(mail, sentence):
    html = mail.html_message.replace("&nbsp;", "\N{NO-BREAK SPACE}")
    return sentence in mail.message and sentence in html


@pytest.mark.parametrize("staff_language", ["kk", "ru"])
@pytest.mark.parametrize("form", FORMS)
def test_each_forms_notice_is_wholly_in_the_staff_members_language(
    client, texts, staff_member, contact_data, application_data, form, staff_language
):
    """The visitor writes in the other language; the notice names the form in a sentence of
    the staff member's own, and not the other form's."""
    staff_member(staff_language)
    notice, _ack = sent(client, form, OTHER[staff_language], contact_data, application_data)
    kind = FORMS[form]
    subject, sentence = NOTICES[kind, staff_language]
    assert notice.subject == subject
    assert has_sentence(notice, sentence), notice.message
    other = "application" if kind == "message" else "message"
    assert not has_sentence(notice, NOTICES[other, staff_language][1])
    assert_in_language(notice.subject, notice.message, notice.html_message, staff_language,
                       f"staff notice of {form}")  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("form", FORMS)
def test_each_forms_acknowledgement_names_it_in_a_whole_sentence(
    client, texts, staff_member, contact_data, application_data, form, language
):
    staff_member(OTHER[language])
    _notice, ack = sent(client, form, language, contact_data, application_data)
    subject, sentence = ACKS[FORMS[form], language]
    assert ack.subject == subject
    assert has_sentence(ack, sentence), ack.message
    assert_in_language(ack.subject, ack.message, ack.html_message, language, f"ack of {form}")
