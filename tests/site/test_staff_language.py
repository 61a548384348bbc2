"""A staff member's notices are in the language they chose on their password page in the admin
or, until they choose, the one they last used the admin in (consent/core/staff.py): an officer
who signed in once in Kazakh and then worked the admin in Russian got every notice in Kazakh."""

import pytest
from post_office.models import Email

from consent.core.models import StaffProfile
from consent.rights.tickets import ticket_open, ticket_verify
from tests.site.language import OTHER, assert_in_language, wrong_language
from tests.site.mail_scenarios import form_sent, staff_member

PASSWORD_PAGE = "/admin/password_change/"
NAMED = {"kk": {"kk": "қазақша", "ru": "орысша"}, "ru": {"kk": "казахский", "ru": "русский"}}


def notice_language(make_subject):
    """The language of the notice the officer gets of a new request, checked whole."""
    make_subject(email="asel@example.kz")
    ticket_verify(ticket_open(kind="access", email="asel@example.kz", language="kk",
                              channel="web"))  # fmt: skip
    [notice] = Email.objects.filter(to=["boris@example.kz"])
    language = "kk" if wrong_language(notice.subject + notice.message, "ru") else "ru"
    assert_in_language(notice.subject, notice.message, notice.html_message, language, "notice")
    return language


@pytest.mark.parametrize("signed_in_in", ["kk", "ru"])
def test_notices_follow_the_language_the_admin_was_last_used_in(db, make_subject, signed_in_in):
    client = staff_member("boris", signed_in_in)
    worked_in = OTHER[signed_in_in]
    assert client.get("/admin/", headers={"accept-language": worked_in}).status_code == 200
    assert notice_language(make_subject) == worked_in


@pytest.mark.parametrize("chosen", ["kk", "ru"])
def test_a_chosen_language_stands_whatever_the_admin_is_used_in(db, make_subject, chosen):
    client = staff_member("boris", OTHER[chosen])
    page = client.get(PASSWORD_PAGE).content.decode()
    assert NAMED[OTHER[chosen]][OTHER[chosen]] in page  # named in the reader's language
    response = client.post("/admin/notice-language/", {"language": chosen}, follow=True)
    assert response.redirect_chain[-1][0] == PASSWORD_PAGE
    assert NAMED[OTHER[chosen]][chosen] in response.content.decode()  # said, and shown
    client.get("/admin/", headers={"accept-language": OTHER[chosen]})
    assert notice_language(make_subject) == chosen


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_language_the_site_does_not_speak_changes_nothing(db, language):
    client = staff_member("boris", language)
    response = client.post("/admin/notice-language/", {"language": "en"}, follow=True)
    assert response.status_code == 200
    said = {"kk": "Қазақ немесе орыс тілін таңдаңыз.", "ru": "Выберите казахский или русский язык."}
    assert said[language] in response.content.decode()
    assert StaffProfile.objects.get(user__username="boris").chosen is False
    assert client.get("/admin/notice-language/").status_code == 405


@pytest.mark.parametrize("signed_in_in", ["kk", "ru"])
def test_the_password_page_names_the_language_the_admin_is_used_in_now(db, signed_in_in):
    client = staff_member("boris", signed_in_in)
    now = OTHER[signed_in_in]
    page = client.get(PASSWORD_PAGE, headers={"accept-language": now}).content.decode()
    assert NAMED[now][now] in page, page


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_shared_mailbox_is_written_to_in_the_staffs_language(texts, settings, language):
    """No staff member holds STAFF_NOTIFY_EMAIL (by default the operator's own address): its
    readers are the staff, so their language when they all read one, else Kazakh."""
    settings.STAFF_NOTIFY_EMAIL = "desk@example.kz"
    staff_member("boris", language)
    form_sent({"lang": OTHER[language]})  # the visitor writes in the other language
    notice = Email.objects.get(to=["desk@example.kz"])
    assert_in_language(notice.subject, notice.message, notice.html_message, language, "notice")
    staff_member("dana", OTHER[language])  # the staff read both: the site's language
    form_sent({"lang": language})
    notice = Email.objects.filter(to=["desk@example.kz"]).latest("id")
    assert_in_language(notice.subject, notice.message, notice.html_message, "kk", "notice")
