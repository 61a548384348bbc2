"""What the admin shows of a stored text reads as text: no markup of our own shown as characters
(`<p>line</p>` on the page), and none of what staff typed run as markup."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from consent.core.models import PolicyVersion
from tests.site.test_admin_permissions import admin_urls, site  # noqa: F401  (a fixture)
from tests.staff import verified_login

TYPED = "<b>typed</b>"
# Markup a page shows as characters: tags of the kind Django's and our helpers write.
SHOWN_TAGS = re.compile(r"&lt;/?(p|br|div|ul|li|a|b|pre|span)\b")
# Where a page rightly holds what staff typed, escaped: the fields they type into.
EDITABLE = re.compile(r"<textarea[^>]*>.*?</textarea>|<input[^>]*>", re.S)


@pytest.fixture
def draft(db, site):  # noqa: F811
    return PolicyVersion.objects.create(
        number=99, effective_date="2099-01-01", title_kk=TYPED, title_ru=TYPED,
        text_kk=f"бір\n\n{TYPED}", text_ru=f"один\n\n{TYPED}",
    )  # fmt: skip


def test_every_admin_page_shows_its_texts_as_text(draft, site):  # noqa: F811
    """Every page of every model admin, as a superuser (who sees them all): the previews of a
    policy version and a consent text showed `<p>…</p>` around every paragraph; what a content
    editor typed (here `<b>`) is shown escaped, never run."""
    user = get_user_model().objects.create_superuser("root2", "root2@example.kz", "pw-1234567890")
    browser = verified_login(Client(), user)
    pages = [url for _model, url in admin_urls(site)]
    pages.append(f"/admin/consent/policyversion/{draft.pk}/change/")
    wrong = []
    for url in pages:
        response = browser.get(url)
        if (
            response.status_code != 200
            or response.streaming
            or "html" not in response["Content-Type"]
        ):
            continue
        page = EDITABLE.sub("", response.content.decode())
        if TYPED in page:
            wrong.append(f"{url}: what staff typed is run as markup")
        for tag in sorted(set(SHOWN_TAGS.findall(page)) - {"b"}):
            wrong.append(f"{url}: <{tag}> shown as text")
    assert wrong == [], "\n".join(wrong)
