"""A privacy officer pressing a download on a blocked person's page (their data, the consent
evidence, a photo) is sent back to the page, told in their language what was not downloaded and
what lets it be: a download is no request to decide, so not «unblock or destroy first, or
refuse», which the desk panel says of a request."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consent.core.ledger import subject_block
from consent.core.models import AuditEvent, Source, Submission
from tests.forms.photos import jpeg
from tests.site.language import joined

# What each download's refusal names, and the way the block is lifted, in each language.
NAMED = {
    "kk": {"export": "деректері", "evidence": "келісімнің дәлелдемелері", "photo": "фотосурет"},
    "ru": {"export": "данные", "evidence": "доказательства согласия", "photo": "фото не скачано"},
}
LIFTED = {"kk": "бұғаттан шығару туралы өтінішіне", "ru": "запрос о\xa0разблокировании"}
MISFIT = {"kk": ["бас тарт", "жойыңыз"], "ru": ["откаж", "уничтожьте"]}


@pytest.fixture
def blocked_applicant(client, texts, application_data, media):
    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    submission = Submission.objects.get()
    subject_block(submission.subject, reason="complaint under check", source=Source.ADMIN)
    return submission


def downloads(submission):
    base = f"/admin/consent/subject/{submission.subject_id}/"
    return {
        "export": [base + "export.json", base + "export.pdf"],
        "evidence": [base + "evidence.csv", base + "evidence.pdf"],
        "photo": [f"/admin/consent/submission/{submission.pk}/photo/"],
    }


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_each_refused_download_says_what_was_not_downloaded_and_what_lets_it_be(
    privacy_officer_client, blocked_applicant, language
):
    desk = privacy_officer_client
    desk.cookies["django_language"] = language
    page = f"/admin/consent/subject/{blocked_applicant.subject_id}/change/"
    for what, urls in downloads(blocked_applicant).items():
        for url in urls:
            response = desk.get(url, follow=True)
            assert response.redirect_chain[-1][0] == page, url
            [said] = [str(m) for m in response.context["messages"]]
            assert NAMED[language][what] in said, (url, said)
            assert LIFTED[language] in said, (url, said)
            assert not any(word in said for word in MISFIT[language]), (url, said)
    exports = AuditEvent.objects.filter(action__in=["subject_export", "evidence_export"])
    assert not exports.exists()


# What each page shows in place of a download link while the person is blocked: the reason and
# what lifts it, in the officer's language.
IN_PLACE = {
    "kk": "Қолжетімсіз: бұл адамның деректерін өңдеу бұғатталған. Бұғаттан шығарылғанда, яғни "
    "оның бұғаттан шығару туралы өтінішіне жауап берілгенде, жүктеп алуға болады.",
    "ru": joined(
        "Недоступно: обработка данных этого человека заблокирована. Скачать можно будет, когда "
        "блокирование будет снято, то есть когда будет дан ответ на его запрос о разблокировании."
    ),
}


def pages(submission, ticket):
    """Each desk page that offers a download of the person's data, with the downloads it offers."""
    links = downloads(submission)
    return {
        f"/admin/consent/subject/{submission.subject_id}/change/": links["evidence"],
        f"/admin/consent/submission/{submission.pk}/change/": links["photo"],
        f"/admin/rights/ticket/{ticket.pk}/change/": links["export"],
    }


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_blocked_persons_pages_say_why_in_place_of_each_download(
    privacy_officer_client, client, texts, application_data, media, language
):
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_create

    upload = SimpleUploadedFile("p.jpg", jpeg(), content_type="image/jpeg")
    client.post("/kk/apply/", {**application_data(), "photo": upload})
    submission = Submission.objects.select_related("subject").get()
    subject = submission.subject
    ticket = ticket_create(kind=Ticket.Type.ACCESS, subject=subject, email=subject.email,
                           language="kk", channel=Ticket.Channel.EMAIL, notify=False)  # fmt: skip
    desk = privacy_officer_client
    desk.cookies["django_language"] = language
    for page, urls in pages(submission, ticket).items():  # not blocked: each link offered
        html = desk.get(page).content.decode()
        assert all(f'href="{url}"' in html for url in urls), page
        assert IN_PLACE[language] not in html, page
    subject_block(subject, reason="complaint under check", source=Source.ADMIN)
    for page, urls in pages(submission, ticket).items():
        html = desk.get(page).content.decode()
        assert not any(url in html for url in urls), page
        assert IN_PLACE[language] in html, page
