"""A link from one of our mails, pasted with what stood after it in a letter or a message (a
closing bracket or quote, the sentence's full stop, a space), or an address typed with its
language in capitals: each was «page not found», or for a link's key «the link does not work»,
and the person's own page did not open. Sent (301) to the page meant, in its language
(emalu/pasted.py)."""

import json
import re

import pytest
from django.test import Client

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from tests.conftest import aged_token
from tests.rights.conftest import mails_to
from tests.site.test_logs import console

# What a mail program, a chat or a person copies after a link: «(…/)», «<…/>», ««…/»», «…/.»
AFTER = [")", ">", "]", "'", '"', "»", ".", ",", "%20", ").", "%3E"]
# The same in the typography of Russian and Kazakh text, a chat's and a phone's: „…“ closes with
# «“», ‚…‘ with «‘»; an ellipsis, a dash, a chat's *bold* or `code`, a full-width stop.
AFTER_TYPESET = ["“", "‘", "…", "—", "–", "*", "`", "~", "。", "、", "»…", "“.", "?!"]
OPEN_PAGE = {"kk": "Деректеріңіздің бетін ашу", "ru": "Открыть страницу ваших данных"}


@pytest.fixture
def person(texts, make_subject):
    subject = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(subject, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    return subject


def own_page_link(lang):
    """The path of the link to the person's own page, as mailed to them."""
    Client().post(f"/{lang}/my-data/", {"token": aged_token(), "email": "asel@example.kz"})
    mail = mails_to("asel@example.kz")[-1]
    return re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mail.message)[1]


def opened(path):
    response = Client().get(path, follow=True)
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    return response.status_code, title[1] if title else ""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mailed_link_pasted_with_what_stood_after_it_opens_the_page(person, settings, lang):
    settings.FORM_RATE_LIMIT = "1000/60"
    link = own_page_link(lang)
    variants = [link + after for after in AFTER] + [link[:-1] + after for after in AFTER]
    for pasted in variants:
        status, title = opened(pasted)
        assert status == 200 and OPEN_PAGE[lang] in title, (pasted[-12:], status, title)
    # broken over two lines where it was copied from
    middle = len(link) - 20
    for space in ("%20", "%0A", "%0D%0A%20"):
        status, title = opened(link[:middle] + space + link[middle:])
        assert status == 200 and OPEN_PAGE[lang] in title, (space, status, title)
    # its language typed in capitals
    status, title = opened(link.replace(f"/{lang}/", f"/{lang.upper()}/", 1))
    assert status == 200 and OPEN_PAGE[lang] in title, (status, title)


@pytest.mark.parametrize("typed,meant", [
    ("/RU/contact/", "/ru/contact/"), ("/Kk/requests/new/", "/kk/requests/new/"),
    ("/ru/privacy/)", "/ru/privacy/"), ("/kk/contact/.", "/kk/contact/"),
    ("/ru/contact/?x=1", None), ("/admin/login/)", None), ("/en/contact/)", None),
    # a key's own last marks (a newsletter link's «=» padding), a NUL, a right-to-left mark
    ("/ru/newsletter/confirm/gAAAAB-x_y==/", None), ("/kk/newsletter/confirm/gAAAAB=/", None),
    ("/ru/my-data/open/abc%00/", None), ("/ru/my-data/open/abc%E2%80%AE/", None),
])  # fmt: skip
def test_a_page_typed_or_pasted_so_is_sent_to_its_address(client, texts, typed, meant):
    response = client.get(typed)
    if meant is None:  # not a page's address pasted: left as it is
        assert response.status_code != 301, response["Location"]
        return
    assert response.status_code == 301 and response["Location"] == meant


def test_a_post_is_left_as_it_came(client, texts):
    assert client.post("/RU/contact/", {}).status_code != 301


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mailed_link_pasted_in_typeset_text_opens_the_page(person, settings, lang):
    settings.FORM_RATE_LIMIT = "1000/60"
    link = own_page_link(lang)
    for pasted in [link + a for a in AFTER_TYPESET] + [link[:-1] + a for a in AFTER_TYPESET]:
        status, title = opened(pasted)
        assert status == 200 and OPEN_PAGE[lang] in title, (pasted[-12:], status, title)
    assert Client().get("/ru/contact/“").headers["Location"] == "/ru/contact/"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_broken_where_it_was_wrapped_keeps_its_secret_out_of_the_log(person, lang):
    """The link broken by a line break in its route («…/my-data/op en/<key>/») or in its key
    opens the page now; the log's line of that request held the key whole, or its second part:
    the pattern the logs redact by (compliance T18) reads no space in a route or a key."""
    link = own_page_link(lang)
    key = link.rstrip("/").rsplit("/", 1)[1]
    broken = [link.replace("/open/", "/op%20en/"), link.replace("/my-data/", "/my-%0Adata/"),
              link.replace(key, f"{key[:9]}%20{key[9:]}")]  # fmt: skip
    for path in broken:
        with console() as lines:
            assert opened(path) == (200, opened(link)[1])
        logged = json.dumps([line for line in lines if line["logger"] == "emalu.request"])
        assert key[9:] not in logged and key[:9] not in logged, (path, logged)
        assert "[token]" in logged
