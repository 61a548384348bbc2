"""Public forms collect personal data only with consent (compliance L1, L2, L6, L17)."""

from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from post_office.models import Email

from consent.core import gate
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Source, Subject, Submission
from consent.core.purposes import DATA_FIELDS, MARKETING, PURPOSES, SERVICE
from emalu.models import Service
from forms_app.forms import ApplicationForm, ContactForm, NewsletterForm
from forms_app.models import UsedFormToken
from tests.conftest import aged_token
from tests.texts import SHOWN

FORM_URLS = {"contact": "contact/", "apply": "apply/", "newsletter": "newsletter/"}


@pytest.fixture
def offered(db):
    """A published service, so that the application form asks which one."""
    return Service.objects.create(slug="consult", is_published=True, title_kk="Кеңес",
                                  title_ru="Консультация")  # fmt: skip


def counts():
    return (
        Subject.objects.count(),
        Submission.objects.count(),
        LedgerEntry.objects.count(),
        Email.objects.count(),
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORM_URLS)
def test_form_pages_render_with_unticked_consents(client, texts, lang, kind):
    response = client.get(f"/{lang}/{FORM_URLS[kind]}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="checkbox"' in html and "checked" not in html
    assert "no-store" in response["Cache-Control"]
    assert "123456789012" in html  # the consent text with the BIN is right there
    assert f'href="/{lang}/privacy/1/"' in html


@pytest.mark.parametrize(
    "form_class,purposes",
    [(ContactForm, [SERVICE]), (ApplicationForm, [SERVICE]), (NewsletterForm, [MARKETING])],
)
def test_every_field_is_in_the_approved_data_list(offered, form_class, purposes):
    """Legal item 17: a form asks for nothing outside its purposes' approved data lists."""
    approved = {f for p in purposes for f in PURPOSES[p].fields}
    form = form_class()
    control = {"token", "website"} | {n for n in form.fields if n.startswith("consent_")}
    for name in form.fields:
        if name in control:
            continue
        assert name in form.data_fields, f"{name} is not declared as an item of personal data"
        assert form.data_fields[name] in DATA_FIELDS
        assert form.data_fields[name] in approved, f"{name} is outside {purposes}"


@pytest.mark.parametrize("form_class", [ContactForm, ApplicationForm, NewsletterForm])
def test_no_form_asks_for_identity_documents(offered, form_class):
    labels = " ".join(str(f.label).lower() for f in form_class().fields.values())
    for word in ("passport", "identity card", "удостоверени", "паспорт", "куәлік"):
        assert word not in labels


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_without_the_required_consent_nothing_is_stored(client, texts, contact_data, lang):
    before = counts()
    response = client.post(f"/{lang}/contact/", contact_data(consent_service=None))
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert counts() == before


def test_only_the_required_box_records_no_optional_consent(client, texts, contact_data):
    response = client.post("/kk/contact/", contact_data())
    assert response.status_code == 302 and response["Location"] == "/kk/contact/thanks/"
    s = Subject.objects.get()
    assert gate.may_process(s, SERVICE)
    assert not gate.may_process(s, MARKETING)
    assert list(LedgerEntry.objects.values_list("purpose", "kind")) == [(SERVICE, "grant")]
    submission = Submission.objects.get()
    assert submission.data["consents"] == {
        "service": True,
        "marketing": False,
        "cross_border": False,
    }
    assert s.phone == "+77011234567" and s.email == "asel@example.kz"


def test_the_ledger_row_is_full_evidence(client, texts, contact_data):
    client.post("/ru/contact/", contact_data(), headers={"user-agent": "Browser/1.0"})
    entry = LedgerEntry.objects.get()
    assert (entry.language, entry.source, entry.ip, entry.user_agent) == (
        "ru",
        "contact_form",
        "127.0.0.1",
        "Browser/1.0",
    )
    assert entry.text == texts[SERVICE] and len(entry.text_sha256) == 64
    assert entry.expires_at > timezone.now() + timedelta(days=365)


def test_one_transaction_stores_submission_ledger_audit_and_mail(client, texts, contact_data):
    client.post("/kk/contact/", contact_data())
    assert counts() == (1, 1, 1, 2)  # acknowledgement + staff notice
    assert AuditEvent.objects.filter(action="submission").count() == 1
    ack = Email.objects.get(to__icontains="asel@example.kz")
    assert "Әсел Қасымова" not in ack.message  # the address is not verified: no typed text
    staff = Email.objects.exclude(pk=ack.pk).get()
    assert "Әсел" not in staff.subject and "asel@" not in staff.subject


@pytest.mark.parametrize("lang,word", [("kk", "Сәлеметсіз"), ("ru", "Здравствуйте")])
def test_acknowledgement_is_in_the_visitors_language(client, texts, contact_data, lang, word):
    client.post(f"/{lang}/contact/", contact_data())
    ack = Email.objects.get(to__icontains="asel@example.kz")
    assert word in ack.message


def test_a_refresh_or_double_click_never_stores_twice(client, texts, contact_data):
    data = contact_data()
    first = client.post("/kk/contact/", data)
    second = client.post("/kk/contact/", data)
    assert first.status_code == second.status_code == 302
    assert Submission.objects.count() == 1 and UsedFormToken.objects.count() == 1


def test_marketing_box_sends_only_a_confirmation(client, texts, contact_data):
    client.post("/kk/contact/", contact_data(consent_marketing="on"))
    s = Subject.objects.get()
    assert not gate.may_process(s, MARKETING)  # not before the address is confirmed
    assert Email.objects.filter(to__icontains="asel@example.kz").count() == 2  # ack + confirm


def test_a_known_persons_data_is_not_overwritten(client, texts, contact_data, make_subject):
    s = make_subject(full_name="Original Name", email="asel@example.kz", phone=None)
    client.post("/kk/contact/", contact_data(full_name="Someone Else"))
    s.refresh_from_db()
    assert s.full_name == "Original Name"
    assert s.phone is None  # nor an empty field filled in (test_known_address.py)
    assert Submission.objects.get().data["full_name"] == "Someone Else"


@pytest.mark.parametrize(
    "lang,message", [("kk", "Қазақстандық телефон"), ("ru", "казахстанский номер")]
)
@pytest.mark.parametrize("phone", ["+7 916 123 45 67", "garbage", "123"])
def test_russian_and_garbage_phones_are_refused(client, texts, contact_data, lang, message, phone):
    response = client.post(f"/{lang}/contact/", contact_data(phone=phone))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Submission.objects.count() == 0


def test_errors_are_linked_from_the_summary_and_described(client, texts, contact_data):
    html = client.post("/ru/contact/", contact_data(email="nope")).content.decode()
    assert '<a href="#id_email">' in html
    assert 'aria-describedby="id_email_error"' in html and 'aria-invalid="true"' in html
    assert 'id="id_email_error"' in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_minor_without_guardian_is_refused_with_an_explanation(
    client, texts, application_data, lang, time_machine
):
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    response = client.post(f"/{lang}/apply/", application_data(birth_date="2009-06-02"))
    assert response.status_code == 200
    assert ("18" in response.content.decode()) and Submission.objects.count() == 0


def test_minor_with_guardian_is_recorded_as_guardian_consent(
    client, texts, application_data, time_machine
):
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)  # 17 years and 364 days old
    data = application_data(
        birth_date="2009-06-02",
        guardian_name="Қасым Әлиев",
        guardian_contact="+77017654321",
        consent_guardian="on",
    )
    assert client.post("/kk/apply/", data).status_code == 302
    s = Subject.objects.get()
    guardian = Guardian.objects.get(subject=s)
    assert LedgerEntry.objects.get(purpose=SERVICE).guardian == guardian
    assert gate.may_process(s, SERVICE)


def test_a_minors_news_box_ticked_with_their_guardian_subscribes_them(
    client, texts, application_data, time_machine
):
    """The guardian's consent on the application form covers the boxes ticked on it: the news
    box too. Its confirmation recorded a grant without the guardian, which the gate never let
    stand: the minor was told they were subscribed and was sent nothing."""
    time_machine.move_to("2027-06-01 12:00+05:00", tick=False)
    data = application_data(birth_date="2009-06-02", guardian_name="Қасым Әлиев",
                            guardian_contact="+77017654321", consent_guardian="on",
                            consent_marketing="on")  # fmt: skip
    assert client.post("/kk/apply/", data).status_code == 302
    confirm = next(m for m in Email.objects.all() if "/newsletter/confirm/" in m.message)
    link = next(w for w in confirm.message.split() if "/newsletter/confirm/" in w)
    assert client.post(urlsplit(link).path, SHOWN).status_code == 200
    person, guardian = Subject.objects.get(), Guardian.objects.get()
    assert gate.may_process(person, MARKETING)
    assert LedgerEntry.objects.get(purpose=MARKETING).guardian == guardian


@pytest.mark.parametrize("moment,minor", [
    ("2030-02-28 23:59+05:00", True),  # 18:59 UTC: the last minute of 28 February in Almaty
    ("2030-03-01 00:00+05:00", False),  # still 28 February in UTC
])  # fmt: skip
def test_born_on_29_february_comes_of_age_on_1_march_on_the_form_the_gate_and_in_statistics(
    client, texts, application_data, make_subject, time_machine, moment, minor
):
    """In a year without 29 February the form, the gate and the statistics must agree on the
    day: the statistics' age (dateutil's relativedelta years) made the person 18 on 28 February,
    counted among adults while the form and the gate asked for their guardian's consent."""
    from consent.core.ledger import consent_grant
    from consent.rights.statistics import consent_statistics

    time_machine.move_to(moment, tick=False)
    response = client.post("/kk/apply/", application_data(birth_date="2012-02-29"))
    assert (response.status_code, Submission.objects.count()) == ((200, 0) if minor else (302, 1))
    person = make_subject(email="leap@example.kz")  # her date of birth recorded after the grant
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    person.birth_date = date(2012, 2, 29)
    person.save()
    assert gate.may_process(person, SERVICE) is not minor  # no guardian gave it
    assert (person in gate.permitted_subjects(SERVICE)) is not minor
    # The statistics count a consent as it was given (counted.count_event): with her date of
    # birth on record, and her parent's consent while she is a minor.
    born = make_subject(email="leap2@example.kz", birth_date=date(2012, 2, 29))
    parent = Guardian.objects.create(subject=born, full_name="Гүлнар Серікова",
                                     contact="+77010000000") if minor else None  # fmt: skip
    consent_grant(born, texts[SERVICE], language="kk", source=Source.CONTACT_FORM,
                  guardian=parent)  # fmt: skip
    bands = {band for (_month, _p, _l, band), _n in consent_statistics()
             if band != "unknown"}  # fmt: skip
    assert bands == ({"<18"} if minor else {"18-29"})


def test_eighteen_today_needs_no_guardian(client, texts, application_data, time_machine):
    time_machine.move_to("2027-06-01 00:10+05:00", tick=False)  # 31 May in UTC, 1 June in Almaty
    assert client.post("/kk/apply/", application_data(birth_date="2009-06-01")).status_code == 302
    assert not Guardian.objects.exists()


@pytest.mark.parametrize("birth_date", ["2999-01-01", "2001-02-30", "31.02.2001", "not a date"])
def test_future_and_impossible_dates_are_refused(client, texts, application_data, birth_date):
    response = client.post("/ru/apply/", application_data(birth_date=birth_date))
    assert response.status_code == 200 and Submission.objects.count() == 0


def test_kazakh_date_format_is_accepted(client, texts, application_data):
    assert client.post("/kk/apply/", application_data(birth_date="17.05.1990")).status_code == 302
    assert str(Subject.objects.get().birth_date) == "1990-05-17"


def test_newsletter_stores_nothing_before_confirmation(client, texts):
    data = {
        "token": aged_token(),
        **SHOWN,
        "email": "news@example.kz",
        "full_name": "Дана",
        "consent_marketing": "on",
    }
    assert client.post("/kk/newsletter/", data).status_code == 302
    assert Subject.objects.count() == 0 and LedgerEntry.objects.count() == 0
    confirm = Email.objects.get()
    assert confirm.to == ["news@example.kz"]
    link = next(w for w in confirm.message.split() if "/newsletter/confirm/" in w)
    path = urlsplit(link).path

    page = client.get(path)  # a link scanner's GET changes nothing
    assert page.status_code == 200 and LedgerEntry.objects.count() == 0
    done = client.post(path, SHOWN)
    assert done.status_code == 200
    s = Subject.objects.get()
    assert gate.may_process(s, MARKETING)
    entry = LedgerEntry.objects.get()
    assert (entry.source, entry.language, entry.text) == ("form_confirmed", "kk", texts[MARKETING])
    client.post(path, SHOWN)  # a second click records nothing new
    assert LedgerEntry.objects.count() == 1
    assert Email.objects.count() == 1  # nothing but the one confirmation was sent


def test_newsletter_requires_its_consent(client, texts):
    data = {"token": aged_token(), "email": "news@example.kz"}
    assert client.post("/ru/newsletter/", data).status_code == 200
    assert Email.objects.count() == 0


def test_forged_or_expired_confirmation_link_is_refused(client, texts, time_machine):
    from consent.marketing.optin import make_token

    assert client.post("/kk/newsletter/confirm/forged/").status_code == 400
    token = make_token({"e": "x@example.kz", "n": "", "l": "kk", "t": texts[MARKETING].pk})
    time_machine.move_to(timezone.now() + timedelta(days=8))
    response = client.post(f"/ru/newsletter/confirm/{token}/", SHOWN)
    assert response.status_code == 400 and Subject.objects.count() == 0


def test_mail_is_queued_not_sent_in_the_request(client, texts, contact_data):
    client.post("/kk/contact/", contact_data())
    assert len(mail.outbox) == 0
    assert Email.objects.count() == 2


def test_without_a_published_consent_text_the_form_collects_nothing(client, contact_data, db):
    assert client.get("/kk/contact/").status_code == 503
    assert client.post("/kk/contact/", contact_data()).status_code == 503
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("kind", FORM_URLS)
def test_form_pages_need_at_most_two_queries(client, texts, kind, django_assert_max_num_queries):
    # the consent texts, the policy version; and for an application, the published services
    with django_assert_max_num_queries(3 if kind == "apply" else 2):
        assert client.get(f"/kk/{FORM_URLS[kind]}").status_code == 200


@pytest.mark.parametrize(
    ("form", "lang", "subject_line", "page"),
    [
        ("contact", "kk", "Хабарламаңыз қабылданды", "<h1>Хабарламаңыз қабылданды</h1>"),
        ("contact", "ru", "Мы получили ваше сообщение", "<h1>Сообщение получено</h1>"),
        ("apply", "kk", "Өтініміңіз қабылданды", "<h1>Өтініміңіз қабылданды</h1>"),
        ("apply", "ru", "Мы получили вашу заявку", "<h1>Заявка получена</h1>"),
    ],
)
def test_the_acknowledgement_names_what_was_sent(client, texts, contact_data, application_data,
                                                  form, lang, subject_line, page):  # fmt: skip
    """An application was acknowledged as "your message" on the thanks page and in the mail's
    subject line, though the mail's own text said "application"."""
    data = application_data() if form == "apply" else contact_data()
    response = client.post(f"/{lang}/{form}/", data, follow=True)
    assert page in response.content.decode()
    ack = Email.objects.get(to__icontains="asel@example.kz")
    assert ack.subject.endswith(subject_line)
