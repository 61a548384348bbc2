"""An officer reaching a person's page, a download of theirs or the form that opens a request
for them after their data was destroyed (a tab opened before, a digest's link, an audit row's)
is told when and under which request, and shown the record of the destruction: Django said
«Perhaps it was deleted?», the downloads and the form «404 Not Found»."""

import pytest

from consent.common.dates import reader_time
from consent.core.models import Subject, Tombstone
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act

TOLD = {
    "kk": "деректері №\xa0R-{ref} өтініш бойынша жойылды (уақыты: {time})",
    "ru": "уничтожены по\xa0запросу №\xa0R-{ref} ({time})",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destroyed_persons_pages_say_when_and_under_which_request(desk, person, lang):
    number = person.pk
    destroy = ticket_verify(ticket_open(kind="destroy", email=person.email, language=lang,
                                        channel="email"))  # fmt: skip
    act(desk, Ticket.objects.get(pk=destroy.pk))
    assert not Subject.objects.filter(pk=number).exists()
    tombstone = Tombstone.objects.get(subject_ref=number, kind="subject")
    desk.cookies["django_language"] = lang
    told = TOLD[lang].format(time=reader_time(tombstone.at), ref=destroy.pk)
    for method, url in [
        ("get", f"/admin/consent/subject/{number}/change/"),
        ("get", f"/admin/consent/subject/{number}/export.json"),
        ("get", f"/admin/consent/subject/{number}/evidence.pdf"),
        ("get", f"/admin/consent/subject/{number}/open-request/"),
        ("post", f"/admin/consent/subject/{number}/open-request/"),
    ]:
        page = getattr(desk, method)(url, follow=True)
        assert page.redirect_chain[-1][0] == f"/admin/consent/tombstone/{tombstone.pk}/change/"
        text = " ".join(str(m) for m in page.context["messages"])
        assert told in text, (url, text)
    assert Ticket.objects.count() == 1  # the form posted opened nothing

    # A number no one ever had: as before.
    assert desk.get(f"/admin/consent/subject/{number + 1000}/export.json").status_code == 404
