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


def test_closing_my_page_changes_the_session_key(client, person, settings):
    """The old key is gone: a press still being answered cannot save the page open again under
    it (test_selfservice_typed.py: test_a_press_answered_after_leave_does_not_reopen_the_page)."""
    open_page(client)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/kk/my-data/leave/")
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != key
