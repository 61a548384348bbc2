"""What a person's own page and a parent's children's page tell their script of what was typed
(static/js/typed-kept.js; the browser's side is tests/forms/test_typed_kept.py): which form to
keep, which buttons answer with a file and keep nothing, and which page answers a post, so that
what was kept of it is forgotten. A button's post is answered by a redirect to the page, which
alone could not tell it from the page opened again after a send the network lost."""

import re

import pytest

from consent.core.purposes import MARKETING
from consent.rights.models import Ticket

from .test_guardian_withdrawal import child, open_children_page  # noqa: F401 (the fixture)
from .test_selfservice import open_page

SCRIPT = re.compile(r'<script src="[^"]*/js/typed-kept\.js"( data-answered)? defer></script>')


def answered(page):
    """Whether the page tells its script that it answers a post; None without the script."""
    found = SCRIPT.findall(page)
    return None if len(found) != 1 else found[0] == " data-answered"


def kept_form(page, form_id):
    return re.search(rf'<form [^>]*id="{form_id}"[^>]* data-kept="[^"]+"', page) is not None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_ones_own_page_answers_a_press_of_its_buttons(client, person, lang):
    open_page(client, lang)
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert kept_form(page, "public-form") and answered(page) is False
    downloads = re.findall(r'<button [^>]*name="format"[^>]*>', page)
    assert len(downloads) == 2 and all("data-downloads" in b for b in downloads)

    response = client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})
    assert response.status_code == 302
    assert answered(client.get(response.url).content.decode()) is True
    assert answered(client.get(f"/{lang}/my-data/").content.decode()) is False  # once

    page = client.get(f"/{lang}/my-data/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    data = {"token": token, "type": Ticket.Type.BLOCK, "message": "Блоктаңыз"}
    response = client.post(f"/{lang}/my-data/request/", data)
    assert Ticket.objects.filter(subject=person, type=Ticket.Type.BLOCK).exists()
    assert answered(client.get(response.url).content.decode()) is True


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_childrens_page_answers_a_press_of_its_buttons(client, child, lang):  # noqa: F811
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert kept_form(page, "children-page") and answered(page) is False
    downloads = re.findall(r'<button [^>]*name="format"[^>]*>', page)
    assert len(downloads) == 2 and all("data-downloads" in b for b in downloads)

    row = child.guardians.get().pk
    url = f"/{lang}/my-data/children/withdraw/?child={row}"
    response = client.post(url, {"withdraw": MARKETING})
    assert response.status_code == 302
    assert answered(client.get(response.url).content.decode()) is True
    assert answered(client.get(f"/{lang}/my-data/children/").content.decode()) is False
