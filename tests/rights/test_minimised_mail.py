"""Minimisation destroys what it erases as destruction does (Law 94-V Art. 18; compliance L13,
L14): once a person's address is erased while they stay, the mail written to it (post_office's
Email rows, their delivery logs and attachments) goes too, at every address of theirs by the one
rule of whose mail it is (`mailed.mail_to`). It deleted only the access answers' files, and the
mail to the erased address, sent or waiting, stayed in the outbox with the address and the
letters' words."""

from post_office.models import Attachment, Email, Log

from consent.core.ledger import consent_grant
from consent.core.mail import queue_mail
from consent.core.models import Source, StoredFile, Subject, Tombstone
from consent.core.purposes import SERVICE
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_correct
from consent.rights.erasure import subject_minimise
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .traces import tables_holding


def verified_request(person, kind):
    ticket = ticket_open(kind=kind, email=person.email, language="kk", channel="email")
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def ack(address):
    queue_mail(address, "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
               language="kk", subject_line="ack")  # fmt: skip
    return Email.objects.latest("id")


def test_erasing_the_address_takes_the_mail_written_to_it(
    texts, make_subject, officer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    ann = make_subject(full_name="Анна Zqminim", email="zqminim-old@example.kz")
    consent_grant(ann, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    ticket_correct(verified_request(ann, "correct"), changes={"email": "zqminim@example.kz"},
                   document="letter", actor=officer)  # answered at the old address  # fmt: skip
    ann.refresh_from_db()
    ticket_answer_access(verified_request(ann, "access"), actor=officer)
    sent = ack(ann.email)
    sent.status = 0  # post_office's «sent»
    sent.save()
    Log.objects.create(email=sent, status=0, message="250 OK")
    other = make_subject(email="bob@example.kz")
    theirs = ack(other.email)
    files = list(Attachment.objects.values_list("file", flat=True))
    assert len(files) == 2 and Email.objects.filter(to__icontains="zqminim").count() >= 5

    with django_capture_on_commit_callbacks(execute=True):
        erased = subject_minimise(ann, keep=["full_name"], request_ref="R-77", actor=officer)

    assert "email" in erased
    ann.refresh_from_db()
    assert ann.email is None and ann.full_name == "Анна Zqminim"  # she stays
    assert not Email.objects.filter(to__icontains="zqminim").exists()  # old address's too
    assert not Log.objects.filter(email_id=sent.pk).exists()
    assert not Attachment.objects.exists()
    assert not StoredFile.objects.filter(name__in=files).exists()
    assert Email.objects.filter(pk=theirs.pk).exists()  # another person's mail stays
    # Nor in her requests answered, nor anywhere else; only the access request whose answer
    # never went out, open again, keeps the address it is to be answered at.
    assert tables_holding("zqminim@") == ["consent_request"]
    (holding,) = Ticket.objects.filter(email__icontains="zqminim")
    assert holding.type == "access" and holding.is_open
    assert Subject.objects.filter(pk=ann.pk).exists()
    tombstone = Tombstone.objects.get(kind=Tombstone.Kind.MINIMISED)
    assert (tombstone.subject_ref, tombstone.request_ref) == (ann.pk, "R-77")
    assert "email" in tombstone.erased and "full_name" not in tombstone.erased


def test_erasing_other_items_keeps_the_mail_to_the_address_kept(texts, make_subject, officer):
    ann = make_subject(email="ann@example.kz", phone="+77015550000")
    consent_grant(ann, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    kept = ack(ann.email)
    assert subject_minimise(ann, keep=["full_name", "email"], request_ref="R-78") == ["phone"]
    assert Email.objects.filter(pk=kept.pk).exists()
