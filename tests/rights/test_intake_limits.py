"""Letters written in another's name, or from one mailbox under many spellings, mail that
address a bounded number of times (compliance L7): every letter is still a request for staff."""

from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

TAGGED = ["asel.k+1@gmail.com", "Asel.K+news@gmail.com", "a.s.e.l.k@gmail.com",
          "aselk+x@googlemail.com", "ASELK@GMAIL.COM", "a-selk+2@gmail.com"]  # fmt: skip


def test_tagged_spellings_of_one_mailbox_share_its_limit_by_mail(db, texts):
    """Someone writes to the requests address in another's name, rotating the «+tag» (and the
    dots Gmail ignores) of one Gmail address: each letter made the site answer a «new» address,
    and the one inbox got as many answers as letters were sent. Every spelling now counts
    against the one mailbox's limit (ten an hour); another mailbox is answered as usual."""
    for i in range(24):
        sender = TAGGED[i % len(TAGGED)].replace("+", f"+{i}", 1)  # a new tag each time
        ingest(message("Жеке деректерді жаңарту", sender=sender, message_id=f"<tag{i}@x>"))
    assert Ticket.objects.count() == 24  # every letter is still a request for staff
    answered = Email.objects.filter(to__iregex=r"(gmail|googlemail)\.com")
    assert answered.count() == 10
    ingest(message("Жеке деректерді жаңарту", sender="dana@gmail.com", message_id="<dana@x>"))
    assert Email.objects.filter(to=["dana@gmail.com"]).count() == 1


def test_the_limit_folds_only_its_key_not_the_address(db, texts, make_subject):
    """The tag and the dots are folded for the limit alone: a letter from a tagged address is
    still answered at that address, and finds nobody under the untagged one."""
    make_subject(email="aselk@gmail.com")
    ticket = ingest(message("Жеке деректерді жаңарту", sender="asel.k+news@gmail.com"))
    assert ticket.subject is None and ticket.email == "asel.k+news@gmail.com"
    assert Email.objects.get().to == ["asel.k+news@gmail.com"]


def test_letters_in_someone_s_name_mail_them_a_bounded_number_of_times(person):
    """Someone mails «Отписаться от рассылки» thirty times with Asel's address in the From:
    the site answered each with «you will receive no more news» at her address on record, the
    one answer to a letter that no per-address limit counted. Marketing stops at the first
    letter, every letter is a request for staff, and she gets at most ten answers an hour."""
    for i in range(30):
        ingest(message("Отписаться от рассылки", message_id=f"<flood{i}@x>"))
    assert not gate.may_process(person, MARKETING)
    assert Ticket.objects.filter(type="unsubscribe", status="done").count() == 30
    assert len(mails_to("asel@example.kz")) == 10
