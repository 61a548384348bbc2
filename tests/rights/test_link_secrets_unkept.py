"""An emailed link pasted in what a person writes to us is kept without its secret, wherever it
is kept: a request written after their page closed, kept a day for their next page in the same
browser (selfservice.kept_new), and a message sent with the contact form (kept with the
person's record). Only a request sent was kept so (tickets.ticket_create); the day's draft kept
the link that, in the same browser, still opened the person's page (and on a shared computer,
for anyone who sat down at it), and a confirmation link pasted into the contact form still
confirmed the request for a week (consent/common/link_secrets.py::redact)."""

import re

import pytest
from django.contrib.sessions.models import Session

from consent.core.models import Submission
from consent.rights.models import KeptRequest, Ticket

from .test_selfservice import link_path, open_page
from .test_selfservice_once import request_form_data
from .test_selfservice_typed import request_form


def link_mailed(client, lang):
    """The whole link of the person's page, as the last mail gave it, and its secret."""
    open_page(client, lang)
    path = link_path()
    return f"https://emaluplus-vko.kz{path}", re.search(r"/my-data/open/([^/]+)/", path)[1]


def kept_anywhere(secret):
    sessions = "".join(s.get_decoded().__repr__() for s in Session.objects.all())
    drafts = "".join(KeptRequest.objects.values_list("message", flat=True))
    return secret in sessions or secret in drafts


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_kept_for_the_next_page_keeps_no_link_secret(client, person, lang, time_machine):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    link, secret = link_mailed(client, lang)
    written = f"Сілтеме {link} бір рет қана ашылды.\nТегім қате жазылған."
    data = {**request_form_data(client, lang), "message": written}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)

    client.post(f"/{lang}/my-data/request/", data)

    assert "/my-data/open/[token]/ бір рет" in KeptRequest.objects.get().message
    assert not kept_anywhere(secret) and not Ticket.objects.exists()
    open_page(client, lang)  # the next page, a new link, the same browser
    _kind, message = request_form(client.get(f"/{lang}/my-data/").content.decode())
    assert "/my-data/open/[token]/" in message and "Тегім қате жазылған." in message
    assert secret not in message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_pasted_in_the_contact_form_is_kept_without_its_secret(
    client, person, contact_data, lang
):
    link, secret = link_mailed(client, lang)
    client.post("/kk/my-data/leave/")
    message = f"Менің сілтемем: {link} — ол жұмыс істемейді."
    assert client.post(f"/{lang}/contact/", contact_data(message=message)).status_code == 302
    kept = Submission.objects.get().data["message"]
    assert kept.startswith("Менің сілтемем: https://emaluplus-vko.kz/")
    assert kept.endswith("/my-data/open/[token]/ — ол жұмыс істемейді.")
    assert secret not in str(Submission.objects.values_list("data", flat=True)[0])
