"""What a person typed into the staff sign-in (the admin's door is one click from the site) is
held about them: the username as typed, when, from which IP address and browser. Their
destruction deletes it (sign_ins.py), but their access answer never named it, and said it held
nothing else. It does now, each record with the day its term ends; a staff member's own
account's records too, which are about them (kept for the lockout and their term)."""

from django.test import Client

from consent.rights.export import export_data
from consent.rights.readable import export_pdf

from .test_evidence import pdf_text

ASEL = "zqasel@example.kz"


def typed_into_the_staff_sign_in(username, ip="203.0.113.77"):
    Client().post("/admin/login/", {"username": username, "password": "what-was-it"},
                  REMOTE_ADDR=ip, HTTP_USER_AGENT="Firefox (Әсел)")  # fmt: skip


def test_the_access_answer_lists_what_the_person_typed_into_the_staff_sign_in(make_subject):
    asel = make_subject(full_name="Әсел", email=ASEL, phone="+77017775544")
    other = make_subject(full_name="Дана", email="zqdana@example.kz")
    typed_into_the_staff_sign_in(" ZQAsel@Example.kz ")
    typed_into_the_staff_sign_in("8 701 777 55 44", ip="203.0.113.78")
    typed_into_the_staff_sign_in("zqdana@example.kz", ip="198.51.100.9")

    rows = export_data(asel, "kk")["sign_ins"]
    assert {r["ip"] for r in rows} == {"203.0.113.77", "203.0.113.78"}
    assert all(r["user_agent"] == "Firefox (Әсел)" and r["kept_until"] for r in rows)
    assert {r["ip"] for r in export_data(other, "kk")["sign_ins"]} == {"198.51.100.9"}

    headings = {"kk": "Қызметкерлердің кіру бетіне", "ru": "на странице входа для сотрудников"}
    for lang, heading in headings.items():
        text = pdf_text(export_pdf(asel, lang))
        assert heading in text and "203.0.113.78" in text


def test_a_staff_members_own_sign_in_records_are_in_their_answer(make_subject, officer):
    officer.username = ASEL
    officer.save()
    asel = make_subject(full_name="Әсел", email=ASEL)
    typed_into_the_staff_sign_in(ASEL)
    assert [r["typed"] for r in export_data(asel, "ru")["sign_ins"]] == [ASEL]


def test_a_parents_letter_lists_what_she_typed_into_the_staff_sign_in(make_subject):
    """Гүлнар, with no record of her own, gave her address for her daughter: her erasure
    deletes what she typed into the staff sign-in, and the letter answering her access request
    now names it, where it said it held nothing else about her."""
    from consent.core.models import Guardian
    from consent.rights.held_as_guardian import guardian_statement

    child = make_subject(full_name="Айсұлу", email="zqaisulu@example.kz", birth_date="2012-05-17")
    Guardian.objects.create(subject=child, full_name="Гүлнар", contact="zqgulnar@example.kz")
    typed_into_the_staff_sign_in("zqgulnar@example.kz", ip="203.0.113.90")
    for lang, words in (("kk", "IP-мекенжайынан"), ("ru", "с\xa0IP-адреса")):
        statement = guardian_statement("zqgulnar@example.kz", lang)
        assert "203.0.113.90" in statement and words in statement


def test_what_was_typed_with_an_old_address_after_someone_else_took_it_is_theirs_not_hers(
    make_subject,
):
    """Әсел corrected her address and Бөтен took her old one: what was typed into the staff
    sign-in with it from then on (an IP address, a browser) is about Бөтен, by the rule of whose
    mail is whose (mailed.held_spans). Her access answer gave it to her, and her destruction
    deleted it from his; what was typed while it was hers stays hers."""
    from consent.rights.erasure import subject_destroy
    from consent.rights.models import Correction

    asel = make_subject(full_name="Әсел", email=ASEL)
    typed_into_the_staff_sign_in(ASEL, ip="203.0.113.1")
    Correction.objects.create(subject=asel, field="email", old_value=ASEL,
                              new_value="zqasel.new@example.kz", document="letter")  # fmt: skip
    asel.email = "zqasel.new@example.kz"
    asel.save(update_fields=["email"])
    stranger = make_subject(full_name="Бөтен Адам", email=ASEL)
    typed_into_the_staff_sign_in(ASEL, ip="198.51.100.2")

    assert [r["ip"] for r in export_data(asel, "kk")["sign_ins"]] == ["203.0.113.1"]
    assert [r["ip"] for r in export_data(stranger, "kk")["sign_ins"]] == ["198.51.100.2"]
    subject_destroy(asel, request_ref="R-1", actor=None)
    assert [r["ip"] for r in export_data(stranger, "ru")["sign_ins"]] == ["198.51.100.2"]


ASEL_PHONE, NEW_PHONE = "+77017775544", "+77019990011"


def _phone_corrected(person, new):
    from consent.rights.models import Correction

    Correction.objects.create(subject=person, field="phone", old_value=person.phone,
                              new_value=new, document="letter")  # fmt: skip
    person.phone = new
    person.save(update_fields=["phone"])


def test_what_was_typed_with_an_old_number_after_someone_else_was_given_it_is_his(make_subject):
    """Әсел changed her number and the operator gave her old one to Бөтен, who has a record
    too. What was typed into the staff sign-in with it from then on is about Бөтен: her access
    answer gave her his IP address and browser, and her destruction deleted them from his (a
    number had no span of who held it, as an address has). What was typed while it was hers
    stays hers, and goes with her."""
    from axes.models import AccessAttempt

    from consent.rights.erasure import subject_destroy

    asel = make_subject(full_name="Әсел", email=ASEL, phone=ASEL_PHONE)
    typed_into_the_staff_sign_in("8 701 777 55 44", ip="203.0.113.1")
    _phone_corrected(asel, NEW_PHONE)
    stranger = make_subject(full_name="Бөтен Адам", email="zqboten@example.kz", phone=ASEL_PHONE)
    typed_into_the_staff_sign_in("+7 (701) 777-55-44", ip="198.51.100.2")

    assert [r["ip"] for r in export_data(asel, "kk")["sign_ins"]] == ["203.0.113.1"]
    assert [r["ip"] for r in export_data(stranger, "ru")["sign_ins"]] == ["198.51.100.2"]
    subject_destroy(asel, request_ref="R-1", actor=None)
    assert [r["ip"] for r in export_data(stranger, "kk")["sign_ins"]] == ["198.51.100.2"]
    assert not AccessAttempt.objects.filter(ip_address="203.0.113.1").exists()


def test_what_was_typed_with_a_number_two_people_share_is_in_neither_answer(make_subject):
    """Әсел and Марат share their home number. What was typed with it into the staff sign-in
    may be either's: each answer gave one of them the other's IP address and browser. It is in
    neither now, and goes with the destruction of either (nothing that may be hers stays);
    what she typed with her own number stays in hers."""
    from axes.models import AccessAttempt

    from consent.rights.erasure import subject_destroy

    asel = make_subject(full_name="Әсел", email=ASEL, phone=ASEL_PHONE)
    marat = make_subject(full_name="Марат", email="zqmarat@example.kz", phone=ASEL_PHONE)
    typed_into_the_staff_sign_in("87017775544", ip="203.0.113.3")
    _phone_corrected(asel, NEW_PHONE)
    typed_into_the_staff_sign_in("8 701 999 00 11", ip="203.0.113.4")

    assert [r["ip"] for r in export_data(asel, "kk")["sign_ins"]] == ["203.0.113.4"]
    assert export_data(marat, "ru")["sign_ins"] == []
    subject_destroy(asel, request_ref="R-2", actor=None)
    assert not AccessAttempt.objects.filter(ip_address__in=["203.0.113.3", "203.0.113.4"]).exists()
