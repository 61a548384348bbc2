"""A parent's requests for a child are hers by the rule of whose mail is whose (mailed.py): the
address she wrote them from was hers when she wrote them. An access answer read them by the
address on record now (the queryset method it had), so once a mother corrected her address and
someone else took her old one, that stranger's answer listed her request for her child, the
child's name with it, and her own answer no longer did."""

import pytest

from consent.core.models import Guardian
from consent.rights.export import export_data
from consent.rights.intake import ingest
from consent.rights.models import Correction
from consent.rights.selfservice import ticket_open_verified

from .conftest import message

OLD, NEW = "gulnar.old@example.kz", "gulnar@example.kz"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_request_for_her_child_stays_hers_when_her_old_address_changes_hands(
    texts, make_subject, lang
):
    mother = make_subject(full_name="Гүлнар Мамаева", email=OLD, phone="+77015550001")
    child = make_subject(full_name="Айсұлу Аминова", email="aisulu@example.kz", phone=None,
                         birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name="Гүлнар Мамаева", contact=OLD)
    asked = ticket_open_verified(child, "correct", "Туған күні 18 мамыр", lang, guardian=row)
    # She corrects her address; a stranger takes the old one afterwards.
    Correction.objects.create(subject=mother, field="email", old_value=OLD, new_value=NEW,
                              document="letter")  # fmt: skip
    mother.email = NEW
    mother.save(update_fields=["email"])
    Guardian.objects.filter(pk=row.pk).update(contact=NEW)
    stranger = make_subject(full_name="Бөтен Адам", email=OLD, phone="+77015550002")

    theirs = export_data(stranger, lang)
    assert asked.reference not in {r["reference"] for r in theirs["requests"]}
    assert "Айсұлу" not in str(theirs)
    hers = {r["reference"]: r for r in export_data(mother, lang)["requests"]}
    assert hers[asked.reference]["child"] == "Айсұлу Аминова"


def test_a_parents_request_for_her_child_does_not_make_her_mail_the_childs(texts, make_subject):
    """A request a parent asked for her child on her page is filed under the child, written
    from the parent's address: the rule of whose mail is whose counted it as the child taking
    that address, so the mother's mail from then on was the child's, listed in the child's
    answer (which a parent downloads, or the child at 18) and out of her own, and so were her
    letters the intake set aside."""
    from consent.core.mail import queue_mail

    mother = make_subject(full_name="Гүлнар Мамаева", email=NEW, phone="+77015550001")
    child = make_subject(full_name="Айсұлу Аминова", email="aisulu@example.kz", phone=None,
                         birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name="Гүлнар Мамаева", contact=NEW)
    ticket_open_verified(child, "correct", "Туған күні 18 мамыр", "kk", guardian=row)
    queue_mail(NEW, "ack", {"name": "Гүлнар", "ack_line": "x", "policy_number": 1},
               language="kk", subject_line="Гүлнарға хат")  # fmt: skip
    ingest(message("Рахмет", sender=NEW, body="Рахмет!", message_id="<thanks@x>"))  # set aside

    given = {who: export_data(person, "kk") for who, person in (("child", child),
                                                                ("mother", mother))}  # fmt: skip
    mailed = {who: [m["email_subject"] for m in data["emails"]] for who, data in given.items()}
    assert "Гүлнарға хат" not in mailed["child"]
    assert "Гүлнарға хат" in mailed["mother"]
    assert (len(given["child"]["set_aside"]), len(given["mother"]["set_aside"])) == (0, 1)


def test_her_requests_for_her_children_are_read_in_a_few_queries(texts, make_subject):
    """Each request she asked for a child names the child (guardians.child_named, of its guardian
    row's record): read for each row, one more request cost two more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mother = make_subject(full_name="Гүлнар Мамаева", email=NEW, phone="+77015550001")

    made = []

    def queries(children):
        for n in range(len(made), len(made) + children):
            made.append(n)
            child = make_subject(full_name=f"Бала {n}", email=f"bala{n}@example.kz", phone=None,
                                 birth_date="2012-05-17")  # fmt: skip
            row = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=NEW)
            ticket_open_verified(child, "correct", "Туған күні", "kk", guardian=row)
        with CaptureQueriesContext(connection) as read:
            export_data(mother, "kk")
        return len(read)

    one = queries(1)
    assert queries(3) == one  # four requests read as one is
