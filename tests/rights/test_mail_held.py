"""One rule for the mail that is a person's (consent/rights/mailed.py): the person's page, the
access export and destruction read the same mail, to every address of theirs while it was
theirs, never the mail of someone who took an old address later."""

from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from post_office import mail
from post_office.models import Email

from consent.core.models import Subject
from consent.rights.erasure import subject_destroy
from consent.rights.export import export_data

from .conftest import address_corrected

OLD, NEW = "asel@example.kz", "asel.new@example.kz"


def sent(to, subject_line):
    return mail.send([to], "noreply@example.kz", subject=subject_line, message="…").pk


def lines(subject):
    return {m["email_subject"] for m in export_data(subject, "kk")["emails"]} & LINES


def on_page(subject):
    shown = str(site.get_model_admin(Subject).emails_sent(subject))
    return {line for line in LINES if line in shown}


LINES = {"to the old address", "to the new address", "to the next holder", "after she moved"}
HERS = {"to the old address", "to the new address", "after she moved"}


@pytest.fixture
def asel(texts, make_subject, time_machine):
    time_machine.move_to("2026-12-14 10:00+05:00", tick=False)
    return make_subject(full_name="Әсел Қасымова", email=OLD)


@pytest.fixture
def moved(asel, make_subject, time_machine):
    """Asel's mail at her old address, her address corrected, mail at the new one; then Bota,
    a newcomer, takes the old address and is written to there."""
    ids = {"old": sent(OLD, "to the old address")}
    time_machine.shift(timedelta(hours=1))
    address_corrected(asel, NEW)
    time_machine.shift(timedelta(hours=1))
    ids["new"] = sent(NEW, "to the new address")
    time_machine.shift(timedelta(days=1))
    ids["moved"] = sent(OLD, "after she moved")  # still hers: no one else has taken it
    time_machine.shift(timedelta(hours=1))
    bota = make_subject(full_name="Бота Сәрсенова", email=OLD)
    time_machine.shift(timedelta(hours=1))
    ids["bota"] = sent(OLD, "to the next holder")
    return asel, bota, ids


def test_the_export_and_the_page_hold_the_mail_to_her_earlier_address(moved):
    asel, bota, _ids = moved
    assert lines(asel) == on_page(asel) == HERS
    assert lines(bota) == on_page(bota) == {"to the next holder"}


def test_destruction_leaves_none_of_her_mail_and_all_of_the_next_holders(moved):
    asel, bota, ids = moved
    subject_destroy(asel, request_ref="R-1")
    left = set(Email.objects.values_list("pk", flat=True))
    assert not {ids["old"], ids["new"], ids["moved"]} & left
    assert not Email.objects.filter(to__icontains=NEW).exists()
    # Nothing of hers is left at the old address, the confirmation of her correction included.
    assert list(Email.objects.values_list("pk", flat=True)) == [ids["bota"]]
    assert lines(bota) == {"to the next holder"}


def test_her_earlier_address_held_by_no_one_is_still_hers(asel, time_machine):
    old = sent(OLD, "to the old address")
    time_machine.shift(timedelta(hours=1))
    address_corrected(asel, NEW)
    assert lines(asel) == on_page(asel) == {"to the old address"}
    subject_destroy(asel, request_ref="R-1")
    assert not Email.objects.filter(pk=old).exists()
