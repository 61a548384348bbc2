"""The third-party admins a superuser opens: nothing there acts on a GET, and nothing there shows
another staff member's second factor (compliance T6)."""

import re

import pytest
from django.contrib.auth.models import User
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from post_office.models import STATUS, Email

from tests.site.test_admin_kazakh import visible_text
from tests.staff import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    admin = User.objects.create_superuser("root", "root@example.kz", "pw-root-123456")
    return verified_login(client, admin)


def test_mail_is_sent_again_only_by_a_posted_form_and_through_the_outbox(superuser_client,
                                                                          mailoutbox):  # fmt: skip
    """post_office's "Resend" was a link that sent the email at once: a link planted in a page
    or a mail, followed by a superuser, sent mail, and past the sender's gate check."""
    email = Email.objects.create(from_email="noreply@emaluplus-vko.kz", to=["asel@example.kz"],
                                 subject="S", message="M",
                                 status=STATUS.sent)  # fmt: skip
    resend = f"/admin/post_office/email/{email.pk}/resend/"
    page = superuser_client.get(f"/admin/post_office/email/{email.pk}/change/").content.decode()
    assert f'<form method="post" action="{resend}">' in page

    assert superuser_client.get(resend).status_code == 302
    email.refresh_from_db()
    assert email.status == STATUS.sent and mailoutbox == []  # a GET did nothing

    assert superuser_client.post(resend).status_code == 302
    email.refresh_from_db()
    # Queued, not sent past the sender: it asks the gate for campaign mail, as for any mail.
    assert email.status == STATUS.queued and mailoutbox == []


def test_no_page_shows_another_staff_members_second_factor(superuser_client):
    dana = User.objects.create_user("dana", "dana@example.kz", "pw-dana-123456", is_staff=True)
    totp = TOTPDevice.objects.create(user=dana, name="phone", confirmed=True)
    static = StaticDevice.objects.create(user=dana, name="recovery")
    StaticToken.objects.create(device=static, token="rc0d3x9q")
    pages = [
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{totp.pk}/change/",
        "/admin/otp_static/staticdevice/",
        f"/admin/otp_static/staticdevice/{static.pk}/change/",
    ]
    for path in pages:
        response = superuser_client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert totp.key not in text and "rc0d3x9q" not in text, path
    for view in ("config", "qrcode"):
        assert (
            superuser_client.get(f"/admin/otp_totp/totpdevice/{totp.pk}/{view}/").status_code == 403
        )


@pytest.mark.parametrize("lang, title", [("ru", "Название шаблона"), ("kk", "Үлгі атауы")])
def test_the_mail_list_filters_by_a_template_s_name_not_a_person_s(superuser_client, lang,
                                                                    title):  # fmt: skip
    """The outgoing mail's list offers a filter by the template a mail was made from. Its title
    was post_office's "Name", which the catalogues give a person's name: a privacy officer read
    «Имя и фамилия» / «Аты-жөні» above a list of templates."""
    superuser_client.cookies["django_language"] = lang
    page = superuser_client.get("/admin/post_office/email/").content.decode()
    assert f'data-filter-title="{title}"' in page
    assert 'data-filter-title="Имя и\xa0фамилия"' not in page
    assert 'data-filter-title="Аты-жөні"' not in page


def test_a_link_between_two_rows_is_named_with_the_catalogues_dash(superuser_client):
    """What a group's deletion takes along: each of its permissions, a row of the table Django
    makes for the link, named «privacy_officer – Запросы | запрос | Просмотр: запрос» with an
    en dash and plain spaces, beside the table's own name «Связь: группа — право»."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="officers")
    group.permissions.add(Permission.objects.get(codename="view_ticket"))
    superuser_client.cookies["django_language"] = "ru"
    page = superuser_client.get(f"/admin/auth/group/{group.pk}/delete/").content.decode()
    assert "Связь: группа\xa0— право: officers\xa0— " in page
    assert " – " not in page


def test_what_a_sign_in_did_not_send_shows_as_the_dash(client, superuser_client):
    """A sign-in sent with no User-Agent or Accept header (a script, a bot, the test client) is
    stored by axes as «<unknown>»: the lists and pages of sign-ins, failed sign-ins and attempts
    showed that English word to staff reading the admin in Russian or Kazakh."""
    client.post("/admin/login/", {"username": "intruder", "password": "wrong-123456"})
    superuser_client.cookies["django_language"] = "ru"
    models = ["accesslog", "accessfailurelog", "accessattempt"]
    pages = [f"/admin/axes/{model}/" for model in models]
    for model in models:
        html = superuser_client.get(f"/admin/axes/{model}/").content.decode()
        rows = re.findall(rf'href="/admin/axes/{model}/(\d+)/change/', html)
        pages += [f"/admin/axes/{model}/{pk}/change/" for pk in rows]
    # the superuser's sign-in and the intruder's attempt, each with its page (axes keeps no
    # failure log here: AXES_ENABLE_ACCESS_FAILURE_LOG is off)
    assert len(pages) >= 5, pages
    for url in pages:
        response = superuser_client.get(url)
        shown = visible_text(response.content.decode())
        assert response.status_code == 200, url
        assert "unknown" not in shown.lower(), (url, shown)
        if url.endswith("/change/"):
            assert re.search(r"Браузер:? —", shown), (url, shown)
