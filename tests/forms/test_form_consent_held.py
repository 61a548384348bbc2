"""A form sent under someone's address never gives back a consent they withdrew, nor writes the
ledger of a person whose processing is blocked (consent.core.held; compliance L4, L9, L14):
whoever typed the address has not shown it is theirs. The owner confirms by the link mailed to
the address, or nothing is granted and retention erases the submission."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from post_office.models import Email

from consent.core import gate
from consent.core.delivery import send_queued
from consent.core.held import answer_refusal
from consent.core.ledger import consent_grant, consent_withdraw, subject_block, subject_unblock
from consent.core.models import AuditEvent, Held, LedgerEntry, Source, Subject, Submission
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.core.submissions import submission_record
from consent.rights.export import export_data
from consent.rights.retention import enforce_retention
from tests.forms.held import link_in, withdrew_service
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_of_the_module, db):  # published once for the module (tests/forms/conftest.py)
    return texts_of_the_module


WITHDRAWN = {
    "kk": "мақсатқа берген келісімін кері қайтарып алған: "
    "«Хабарламалар мен өтінімдерге жауап беру». ",
    "ru": "отозвал согласие для цели: «Ответы на обращения и заявки». ",
}


@pytest.fixture
def asel(texts, make_subject):
    return withdrew_service(texts, make_subject)


def kinds(subject, purpose):
    return list(
        LedgerEntry.objects.filter(subject=subject, purpose=purpose)
        .order_by("id")
        .values_list("kind", flat=True)
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_stranger_typing_her_address_does_not_give_back_what_she_withdrew(
    client, asel, contact_data, lang
):
    stranger = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert stranger.post(f"/{lang}/contact/", contact_data()).status_code == 302
    # The gate stays shut and her ledger ends with her withdrawal, as she left it.
    assert not gate.may_process(asel, SERVICE)
    assert kinds(asel, SERVICE) == ["grant", "withdraw"]
    submission = Submission.objects.get(subject=asel)
    assert submission.consent_held == Held.WITHDRAWN
    # The acknowledgement goes to her address, in the language she chose (not the form's),
    # with the link.
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    assert WITHDRAWN["kk"] in mail.message
    path = link_in(mail)
    assert path.startswith("/kk/")
    # A link scanner's GET records nothing; her press of the button does.
    assert client.get(path).status_code == 200
    assert kinds(asel, SERVICE) == ["grant", "withdraw"]
    response = client.post(path, SHOWN, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 200
    assert gate.may_process(asel, SERVICE)
    grant = LedgerEntry.objects.filter(subject=asel, purpose=SERVICE).latest("id")
    assert (grant.kind, grant.source, grant.ip) == ("grant", Source.FORM_CONFIRMED, "198.51.100.7")
    assert (grant.language, grant.text.version) == ("kk", 1)
    submission.refresh_from_db()
    assert submission.consent_held == Held.CONFIRMED
    # Pressed again: nothing more.
    assert client.post(path, SHOWN).status_code == 200
    assert kinds(asel, SERVICE) == ["grant", "withdraw", "grant"]


def test_a_blocked_persons_ledger_takes_nothing_from_a_form(client, asel, texts, contact_data):
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    subject_block(asel, reason="спор о точности", source=Source.ADMIN)
    before = LedgerEntry.objects.filter(subject=asel).count()
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    assert LedgerEntry.objects.filter(subject=asel).count() == before
    assert Submission.objects.get(subject=asel).consent_held == Held.BLOCKED
    Email.objects.update(scheduled_time=None)
    send_queued()  # her acknowledgement is queued as anyone's, and held back by the sender
    assert not [m for m in mail.outbox if "asel@example.kz" in m.to]


def test_a_withdrawal_of_one_purpose_holds_only_that_one(asel, texts, rf):
    consent_withdraw(asel, CROSS_BORDER, source=Source.SELF_SERVICE)
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    submission = submission_record(
        source=Source.CONTACT_FORM, language="ru", request=rf.post("/"),
        data={"email": "asel@example.kz", "full_name": "Болат", "message": "?"},
        consents={SERVICE: True, CROSS_BORDER: True},
    )  # fmt: skip
    assert kinds(asel, SERVICE) == ["grant", "withdraw", "grant", "grant"]
    assert kinds(asel, CROSS_BORDER) == ["withdraw"]
    assert list(submission.held["texts"]) == [CROSS_BORDER]


def test_a_link_older_than_her_next_withdrawal_records_nothing(client, asel, contact_data):
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    consent_withdraw(asel, SERVICE, source=Source.SELF_SERVICE)
    assert client.post(path, SHOWN).status_code == 400
    assert not gate.may_process(asel, SERVICE)


def test_a_link_after_seven_days_or_to_an_address_since_corrected_records_nothing(
    client, asel, contact_data, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    time_machine.shift(timedelta(days=7, seconds=1))
    assert client.post(path, SHOWN).status_code == 400
    time_machine.shift(-timedelta(days=1))
    Subject.objects.filter(pk=asel.pk).update(email="asel.new@example.kz")
    assert client.post(path, SHOWN).status_code == 400
    assert not gate.may_process(asel, SERVICE)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_used_to_confirm_never_says_expired(
    client, asel, texts, contact_data, time_machine, lang
):
    """Pressed again weeks later (from the mail, a bookmark), the link she confirmed with says
    it is confirmed: «older than seven days» told her the consent she gave was not recorded."""
    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post(f"/{lang}/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    time_machine.shift(timedelta(days=6))
    assert client.post(path, SHOWN).status_code == 200
    with translation.override("kk"):  # her language, whatever the form's
        done = translation.gettext("Consent confirmed")
    for days in (2, 30):
        time_machine.shift(timedelta(days=days))
        for page in (client.get(path), client.post(path, SHOWN)):
            assert page.status_code == 200
            assert done in page.content.decode()
    assert kinds(asel, SERVICE) == ["grant", "withdraw", "grant"]


def test_unconfirmed_the_submission_goes_as_data_without_consent(
    client, asel, texts, contact_data, time_machine
):
    # She still takes the news, so retention keeps her; the form held back has no consent.
    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get(subject=asel)
    time_machine.shift(timedelta(days=6))
    assert enforce_retention()["unconsented"] == []
    time_machine.shift(timedelta(days=1, seconds=1))
    assert enforce_retention()["unconsented"] == [submission.pk]
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert Subject.objects.filter(pk=asel.pk).exists()


@pytest.mark.parametrize("again", ["own page", "another form's link"])
def test_unconfirmed_but_covered_by_her_service_consent_since_the_form_is_kept(
    client, asel, texts, contact_data, time_machine, again
):
    """She gave the service consent again after the form (on her own page, or by the link of
    a second form): the first form, its link never followed, is answered under that consent,
    and retention keeps it, as any other form of hers."""
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    first = Submission.objects.get(subject=asel)
    time_machine.shift(timedelta(days=1))
    if again == "own page":
        consent_grant(asel, texts[SERVICE], language="kk", source=Source.SELF_SERVICE)
    else:
        assert client.post("/kk/contact/", contact_data()).status_code == 302
        second = Email.objects.filter(to=["asel@example.kz"]).latest("id")
        assert client.post(link_in(second), SHOWN).status_code == 200
    assert gate.may_process(asel, SERVICE)
    time_machine.shift(timedelta(days=30))
    plan = enforce_retention()
    assert first.pk not in plan["unconsented"]
    first.refresh_from_db()
    assert first.data["message"] == contact_data()["message"]
    # Once her consent ends, the form has none again, and goes.
    consent_withdraw(asel, SERVICE, source=Source.SELF_SERVICE)
    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    assert first.pk in enforce_retention()["unconsented"]
    assert not Submission.objects.filter(pk=first.pk).exists()


def test_a_form_held_while_blocked_is_kept_under_the_consent_the_block_paused(
    client, asel, texts, contact_data
):
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    subject_block(asel, reason="спор о точности", source=Source.ADMIN)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get(subject=asel)
    assert submission.consent_held == Held.BLOCKED
    subject_unblock(asel, reason="точность подтверждена", source=Source.ADMIN)
    assert submission.pk not in enforce_retention()["unconsented"]
    assert Submission.objects.filter(pk=submission.pk).exists()


def test_unconfirmed_with_nothing_else_standing_she_is_destroyed_as_before(
    client, asel, contact_data
):
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    assert enforce_retention()["destroy"] == [asel.pk]
    assert not Subject.objects.filter(pk=asel.pk).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_and_the_access_answer_say_what_happened(
    client, privacy_officer_client, asel, contact_data, lang
):
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get(subject=asel)
    with translation.override(lang):
        said = str(Held.WITHDRAWN.label)
    privacy_officer_client.cookies["django_language"] = lang
    page = privacy_officer_client.get(f"/admin/consent/subject/{asel.pk}/change/")
    assert said in page.content.decode()
    page = privacy_officer_client.get(f"/admin/consent/submission/{submission.pk}/change/")
    assert said in page.content.decode()
    (row,) = export_data(asel, lang)["sources_and_methods"]
    assert row["consent"] == said
    client.post(link_in(Email.objects.get(to=["asel@example.kz"])), SHOWN)
    with translation.override(lang):
        confirmed = str(Source.FORM_CONFIRMED.label)
        assert export_data(asel, lang)["consent_history"][-1]["source"] == confirmed


def test_two_forms_held_at_once_are_confirmed_by_either_link(client, asel, contact_data):
    """She sent two forms before reading her mail: the first link gives the consent again, and
    the second says so instead of «the link does not work»."""
    for message in ("Бірінші сұрақ.", "Екінші сұрақ."):
        assert client.post("/kk/contact/", contact_data(message=message)).status_code == 302
    first, second = (
        link_in(m) for m in Email.objects.filter(to=["asel@example.kz"]).order_by("id")
    )
    assert client.post(first, SHOWN).status_code == 200
    assert client.post(second, SHOWN).status_code == 200
    assert kinds(asel, SERVICE) == ["grant", "withdraw", "grant"]
    assert set(Submission.objects.values_list("consent_held", flat=True)) == {Held.CONFIRMED}


def test_a_cross_border_consent_held_leaves_the_service_consent_said(asel, texts, rf):
    consent_withdraw(asel, CROSS_BORDER, source=Source.SELF_SERVICE)
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    submission_record(
        source=Source.CONTACT_FORM, language="kk", request=rf.post("/"),
        data={"email": "asel@example.kz", "full_name": "Әсел", "message": "?"},
        consents={SERVICE: True, CROSS_BORDER: True},
    )  # fmt: skip
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    assert "келісімін кері қайтарып алған: «Шетелдік сервистер арқылы өңдеу». " in mail.message
    assert "/consent/confirm/" in mail.message
    assert "дербес деректеріңізді өңдеуге келісім бердіңіз" in mail.message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_held_form_is_not_marked_answered_until_the_consent_stands(
    client, privacy_officer_client, asel, texts, contact_data, lang
):
    """«Mark answered» was offered, and recorded, on a form whose service consent waited for
    the owner's confirmation: answering it processed her data without her consent."""
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get(subject=asel)
    desk = privacy_officer_client
    desk.cookies["django_language"] = lang
    url = f"/admin/consent/submission/{submission.pk}/change/"
    with translation.override(lang):
        why = str(answer_refusal(submission))
        refusal = translation.gettext("Not marked answered: %(n)d. %(why)s") % {"n": 1, "why": why}
    assert why.startswith({"kk": "Мекенжай иесі", "ru": "Владелец адреса"}[lang])
    page = desk.get(url).content.decode()
    assert 'value="mark_answered"' not in page and why in page.replace("&#x27;", "'")
    pressed = {"action": "mark_answered", "_selected_action": [submission.pk]}
    told = desk.post("/admin/consent/submission/", pressed, follow=True)
    assert [str(m) for m in told.context["messages"]] == [refusal]
    submission.refresh_from_db()
    assert submission.answered_at is None
    assert not AuditEvent.objects.filter(action="submission_answer").exists()
    # Given again since (her own page): the form is answered under that consent.
    consent_grant(asel, texts[SERVICE], language="kk", source=Source.SELF_SERVICE)
    assert 'value="mark_answered"' in desk.get(url).content.decode()
    desk.post("/admin/consent/submission/", pressed)
    submission.refresh_from_db()
    assert submission.answered_at is not None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_owner_pressing_the_link_is_told_her_processing_is_blocked(
    client, texts, make_subject, contact_data, lang
):
    """Blocked after the form, she pressed the link and read «the link does not work»."""
    owner = withdrew_service(texts, make_subject, language=lang)
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    path = link_in(Email.objects.get(to=["asel@example.kz"]))
    assert path.startswith(f"/{lang}/")
    subject_block(owner, reason="спор о точности", source=Source.ADMIN)
    said = {"kk": "Деректеріңізді өңдеу бұғатталған", "ru": "Обработка ваших данных заблокирована"}
    for response in (client.get(path), client.post(path, SHOWN)):
        page = response.content.decode()
        assert response.status_code == 200 and said[lang] in page
        main = page.split("<main", 1)[1].split("</main>", 1)[0]
        assert 'method="post"' not in main  # nothing to press
    assert kinds(owner, SERVICE) == ["grant", "withdraw"]
    assert Submission.objects.get(subject=owner).consent_held == Held.WITHDRAWN
