"""«Close my page» ends the self-service access and nothing else: it flushed the whole session,
so a staff member who had opened their own page in the browser they work the desk in was
signed out of the desk too."""

import pytest
from django.conf import settings

from consent.rights import selfservice

from .test_selfservice import open_page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_closing_my_page_keeps_a_staff_sign_in_of_the_same_browser(officer_client, person, lang):
    desk = f"/{settings.ADMIN_URL}"
    open_page(officer_client, lang)
    assert "asel@example.kz" in officer_client.get(f"/{lang}/my-data/").content.decode()

    officer_client.post(f"/{lang}/my-data/leave/")

    assert "asel@example.kz" not in officer_client.get(f"/{lang}/my-data/").content.decode()
    assert selfservice.SESSION_KEY not in officer_client.session
    assert officer_client.get(desk).status_code == 200  # still signed in, not sent to sign in


@pytest.mark.parametrize("lang,closed,ask", [
    ("kk", "Бетіңіз жабылды.", "Деректеріңізге сілтеме сұрау"),
    ("ru", "Ваша страница закрыта.", "Запросить ссылку на ваши данные"),
])  # fmt: skip
def test_closing_my_page_says_it_is_closed(client, person, lang, closed, ask):
    """On a shared phone the person presses «Close my page» and must know it worked before they
    hand it back: it led to the home page, which said nothing of it. The page that asks for a
    link says the page is closed and how to open it again, in the page's language."""
    open_page(client, lang)
    page = client.post(f"/{lang}/my-data/leave/", follow=True)
    assert page.redirect_chain[-1][0] == f"/{lang}/my-data/"
    html = page.content.decode()
    assert closed in html and f"<h1>{ask}</h1>" in html
    assert "asel@example.kz" not in html
    assert closed not in client.get(f"/{lang}/my-data/").content.decode()  # said once


def test_closing_my_page_changes_the_session_key(client, person, settings):
    """The old key is gone: a press still being answered cannot save the page open again under
    it (test_selfservice_typed.py: test_a_press_answered_after_leave_does_not_reopen_the_page)."""
    open_page(client)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/kk/my-data/leave/")
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != key


@pytest.mark.parametrize("kind", ["person", "parent"])
def test_a_link_pressed_again_after_closing_the_page_opens_nothing(client, person, kind):
    """A shared computer: the person closes their page and walks away; the next at the browser
    goes Back to the link's page and presses its button, within the link's hour. The spent
    link's browser mark (links_spent.py), kept so that a double tap opens the page in both
    presses, let that press open the person's page, or their children's, again."""
    from dateutil.relativedelta import relativedelta

    from consent.common.dates import local_today
    from consent.core.models import Guardian

    if kind == "parent":
        person.birth_date = local_today() - relativedelta(years=12)
        person.save()
        row = Guardian.objects.create(subject=person, full_name="Ана", contact="ana@example.kz")
        path, page = (
            f"/kk/my-data/open/{selfservice.ward_link_token(row)}/",
            "/kk/my-data/children/",
        )
    else:
        path, page = f"/kk/my-data/open/{selfservice.link_token(person)}/", "/kk/my-data/"
    client.get(path)  # the button, and the browser's CSRF cookie
    assert client.post(path).get("Location", "").endswith(page)
    assert "Әсел" in client.get(page).content.decode()
    client.post("/kk/my-data/leave/")

    again = client.post(path)

    assert not again.get("Location", "").endswith(page)
    shown = client.get(page, follow=True).content.decode()
    assert "Әсел" not in shown


def test_a_link_pressed_again_in_its_browser_opens_the_page_across_a_key_rotation(
    client, person, settings
):
    """SECRET_KEY rotated (its old value a fallback, README) between a double tap's presses:
    the link still opens by its fallback, and so must its browser's second press."""
    path = f"/kk/my-data/open/{selfservice.link_token(person)}/"
    client.get(path)
    client.post(path)
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # the first press's answer dropped
    settings.SECRET_KEY_FALLBACKS, settings.SECRET_KEY = [settings.SECRET_KEY], "rotated" * 8

    assert client.post(path).get("Location", "").endswith("/kk/my-data/")
    assert "Әсел" in client.get("/kk/my-data/").content.decode()


def test_another_browser_holding_a_csrf_cookie_of_its_own_is_refused(client, person, settings):
    """The mark opens the page to the browser that spent the link alone: another one, holding
    a CSRF cookie of its own as any visitor does, is told it was used."""
    from django.test import Client

    path = f"/kk/my-data/open/{selfservice.link_token(person)}/"
    client.get(path)
    client.post(path)
    other = Client()
    other.get("/kk/my-data/")  # a page with a form: a CSRF cookie of its own
    assert other.cookies[settings.CSRF_COOKIE_NAME].value

    assert not other.post(path).get("Location", "").endswith("/kk/my-data/")
    assert "Әсел" not in other.get("/kk/my-data/", follow=True).content.decode()
