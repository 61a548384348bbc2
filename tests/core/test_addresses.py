"""Addresses compared by `__address` (consent/core/addresses.py): the case of ASCII letters
aside and nothing else, and by the outbox's index, as every campaign mail is in the outbox."""

from django.db import connection
from post_office.models import Email

from consent.core.models import Subject


def test_ascii_case_alone_is_set_aside(make_subject):
    asel = make_subject(email="asel@mail.kz")
    assert list(Subject.objects.filter(email__address="ASEL@Mail.KZ")) == [asel]
    assert not Subject.objects.filter(email__address="asel@maıl.kz").exists()  # dotless ı
    assert not Subject.objects.filter(email__address="aſel@mail.kz").exists()  # long s


def test_the_outbox_is_read_by_its_index(db):
    """The subject page's «emails sent» and a destruction find a person's mail in the outbox,
    which holds every campaign mail: by its index on UPPER("to") (core 0011), not by reading
    it whole."""
    Email.objects.create(
        to=["asel@mail.kz"], from_email="site@example.kz", subject="x", message="x"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan as on a large outbox
    plan = Email.objects.filter(to__address="ASEL@mail.kz").explain()
    assert "consent_outbox_to_upper" in plan
    assert Email.objects.filter(to__address="ASEL@mail.kz").count() == 1
    assert not Email.objects.filter(to__address="asel@maıl.kz").exists()
