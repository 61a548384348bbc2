"""Every address answers the methods a browser, a mail client and the health checks send (GET,
HEAD, POST) and refuses any other with 405 and the Allow header. The function views answered
OPTIONS, TRACE, PUT, DELETE and PATCH as a GET: the whole page, status 200 (PUT with a token, or
to the unsubscribe link that takes none, too), and gunicorn passes them all on."""

import pytest

from consent.marketing.campaigns import unsubscribe_token

OTHER = ["OPTIONS", "TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"]


@pytest.mark.parametrize("method", OTHER)
@pytest.mark.parametrize("path", ["/kk/", "/ru/about/", "/kk/contact/", "/ru/my-data/",
                                  "/healthz", "/robots.txt", "/admin/login/"])  # fmt: skip
def test_a_method_no_page_answers_is_refused(client, texts, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response.content == b""


@pytest.mark.parametrize("method", OTHER)
def test_the_unsubscribe_link_takes_no_other_method(client, texts, make_subject, method):
    token = unsubscribe_token(make_subject().pk, 1)
    assert client.generic(method, f"/kk/unsubscribe/{token}/").status_code == 405


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_the_usual_methods_are_answered(client, texts, method):
    assert client.generic(method, "/kk/").status_code == 200
