"""What is written of a person between the read a download is made from (no lock held:
disclosure.made_from_one_read) and the person's lock taken to record it. A form erased, by
retention or the desk, in that moment was in the file, and the file was handed out after the
erasure committed: destroyed data left the system. The file is made again under the lock when
anything was written of the person since its read (disclosure.made_still)."""

import json

import pytest

from consent.core.models import Source, Submission
from consent.rights import disclosure
from consent.rights.disclosure import subject_evidence, subject_export
from consent.rights.erasure import submission_erase
from consent.rights.selfservice import access_download

SECRET = "Менің шағымым: көршім туралы"


@pytest.fixture
def form(person):
    return Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk",
                                     data={"email": person.email, "message": SECRET})  # fmt: skip


def _then(write, monkeypatch):
    """`write()` once the download's file is made from its read and before its lock: as a
    transaction of the desk or of retention committing in that moment."""
    made = disclosure.made_from_one_read

    def read_then_written(*args):
        body = made(*args)
        write()
        return body

    monkeypatch.setattr(disclosure, "made_from_one_read", read_then_written)


def _erased(form):
    return lambda: submission_erase(form, reason="purpose_achieved", request_ref="retention")


def test_a_form_erased_while_the_desk_downloads_is_not_in_the_file(person, form, monkeypatch):
    """Olga downloads Asel's data as the night's retention erases Asel's answered inquiry: the
    file she gets holds no word of the erased form."""
    _then(_erased(form), monkeypatch)
    body = subject_export(person, fmt="json", actor=None).decode()
    assert not Submission.objects.filter(pk=form.pk).exists()
    assert SECRET not in body and SECRET not in json.dumps(json.loads(body), ensure_ascii=False)


def test_a_form_erased_while_the_person_downloads_is_not_in_her_file(person, form, monkeypatch):
    """Asel downloads her own data on her page as the same form is erased: so with hers."""
    _then(_erased(form), monkeypatch)
    _ticket, body = access_download(person, "kk", "json")
    assert SECRET not in json.dumps(json.loads(body), ensure_ascii=False)


def test_a_download_nothing_was_written_beside_is_made_once(person, form, monkeypatch):
    """Nothing written of Asel meanwhile: the file from the read is the one given, made once
    (its making writes nothing of her), and holds the form."""
    made = []
    monkeypatch.setitem(disclosure.EXPORT_FORMATS, "json",
                        lambda *a: made.append(1) or disclosure.export_json(*a))  # fmt: skip
    evidence = disclosure.EVIDENCE_FORMATS["csv"]
    monkeypatch.setitem(disclosure.EVIDENCE_FORMATS, "csv",
                        lambda *a: made.append(2) or evidence(*a))  # fmt: skip
    assert SECRET in json.dumps(json.loads(subject_export(person, fmt="json", actor=None)),
                                ensure_ascii=False)  # fmt: skip
    subject_evidence(person, fmt="csv", actor=None)
    assert made == [1, 2]
