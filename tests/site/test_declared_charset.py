"""A request whose Content-Type declares a charset other than UTF-8, sent to the site as
gunicorn serves it: read as UTF-8, like every form of the site's pages (emalu.wsgi.read_as_utf8).
No browser declares one on a form; whatever a client declares, the answer is the page or the
form's own message in the visitor's language, never a 500, and never text stored garbled."""

import urllib.parse
import uuid

import pytest

from tests.live import FAST, form_session, gunicorn, live_database, query, request

pytestmark = [pytest.mark.live, pytest.mark.django_db]

FORM = "application/x-www-form-urlencoded"
UNREADABLE = {"kk": "оқу мүмкін болмады", "ru": "не удалось прочитать"}
# Codecs Python knows that are no text encoding, which Django took for the query string.
NOT_TEXT = ["base64", "uu", "rot13", "zlib", "hex"]
DECLARED = ["koi8-r", "windows-1251", "utf-16", "latin-1", *NOT_TEXT, "no-such-charset"]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("charset"), **FAST) as (port, _),
    ):
        yield port, url


def application(port, lang, charset, full_name):
    """The application form, multipart as a browser sends it, its name field `full_name` (bytes)
    and the Content-Type declaring `charset`: (status, page, the address it was sent from)."""
    cookies, csrf, token = session = form_session(port, f"/{lang}/apply/")
    email = f"{uuid.uuid4().hex[:10]}@example.kz"
    fields = {
        "csrfmiddlewaretoken": csrf, "token": token, "texts_shown": session.shown, "email": email,
        "phone": "8 701 123 45 67", "birth_date": "1990-05-17", "birth_place": "Өскемен",
        "service": "demo-1", "consent_service": "on",
    }  # fmt: skip
    parts = [(name, value.encode()) for name, value in fields.items()]
    parts.append(("full_name", full_name))
    boundary = uuid.uuid4().hex
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value + b"\r\n"
        for name, value in parts
    ) + f"--{boundary}--\r\n".encode()  # fmt: skip
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}; charset={charset}",
        "Cookie": cookies,
    }
    status, _, page = request(port, "POST", f"/{lang}/apply/", body, headers)
    return status, page.decode(), email


def stored_names(url, email):
    sql = f"SELECT data->>'full_name' FROM consent_submission WHERE data->>'email' = '{email}'"
    return [row[0] for row in query(url, sql)]


@pytest.mark.parametrize("charset", DECLARED)
def test_any_page_with_a_query_string_answers_whatever_charset_is_declared(server, charset):
    """Django decoded the query string by the declared charset as it made the request, before
    any of the site's code: «base64» was gunicorn's bare 500, on every page."""
    port, _ = server
    headers = {"Content-Type": f"text/plain; charset={charset}"}
    status, _, page = request(port, "GET", "/kk/?q=%D3%99&page=2", headers=headers)
    assert status == 200 and "«ЕМ АЛУ плюс»" in page.decode()


@pytest.mark.parametrize("parameter", ["charset*=bogus''utf-8", "x*=base64''abc"])
def test_a_parameter_in_a_charset_no_one_knows_is_not_a_500(server, parameter):
    """RFC 2231 lets a parameter name its own charset: one Python does not know made Django
    refuse the request while making it, before any page could answer (gunicorn's bare 500).
    The media type alone is read: a page answers, and a form post is read as UTF-8."""
    port, url = server
    headers = {"Content-Type": f"text/plain; {parameter}"}
    assert request(port, "GET", "/kk/?q=%D3%99", headers=headers)[0] == 200
    cookies, csrf, token = session = form_session(port, "/kk/contact/")
    email = f"{uuid.uuid4().hex[:10]}@example.kz"
    fields = {
        "csrfmiddlewaretoken": csrf, "token": token, "texts_shown": session.shown,
        "full_name": "Әсел Қасымова",
        "email": email, "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on",
    }  # fmt: skip
    headers = {"Content-Type": f"{FORM}; {parameter}", "Cookie": cookies}
    assert request(port, "POST", "/kk/contact/", urllib.parse.urlencode(fields), headers)[0] == 302
    assert stored_names(url, email) == ["Әсел Қасымова"]


@pytest.mark.parametrize("charset", DECLARED)
def test_a_form_in_utf8_is_stored_as_written_whatever_charset_it_declares(server, charset):
    """Django read the fields by the declared charset: KOI8-R stored «Әсел» as «с≤я│п╣п╩»."""
    port, url = server
    status, _, email = application(port, "kk", charset, "Әсел Қасымова".encode())
    assert status == 302
    assert stored_names(url, email) == ["Әсел Қасымова"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_in_another_encoding_gets_the_fields_message_and_nothing_is_stored(server, lang):
    port, url = server
    status, page, email = application(port, lang, "koi8-r", "Асель".encode("koi8-r"))
    assert status == 200
    assert 'id="id_full_name_error"' in page and UNREADABLE[lang] in page
    assert stored_names(url, email) == []


@pytest.mark.parametrize("charset", ["UTF8", "utf-8", "koi8-r", "base64"])
def test_an_urlencoded_form_is_read_as_utf8_whatever_charset_it_declares(server, charset):
    """Django refused every declared charset but «utf-8» (a 400 for «UTF8»), and «base64» was a
    500 before the refusal."""
    port, url = server
    cookies, csrf, token = session = form_session(port, "/ru/contact/")
    email = f"{uuid.uuid4().hex[:10]}@example.kz"
    fields = {
        "csrfmiddlewaretoken": csrf, "token": token, "texts_shown": session.shown,
        "full_name": "Әсел Қасымова",
        "email": email, "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on",
    }  # fmt: skip
    headers = {"Content-Type": f"{FORM}; charset={charset}", "Cookie": cookies}
    body = urllib.parse.urlencode(fields)
    assert request(port, "POST", "/ru/contact/", body, headers)[0] == 302
    assert stored_names(url, email) == ["Әсел Қасымова"]


def test_a_multipart_boundary_keeps_its_quotes_when_the_charset_goes():
    """The Content-Type is written again without its charset: a boundary that needs quotes
    (RFC 2046 allows spaces and «=») still parts the fields."""
    from emalu.wsgi import read_as_utf8

    environ = {"CONTENT_TYPE": 'multipart/form-data; charset=koi8-r; boundary="a b=c"'}
    assert read_as_utf8(environ)["CONTENT_TYPE"] == 'multipart/form-data; boundary="a b=c"'
