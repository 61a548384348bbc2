"""Two staff members saving one admin page at once (consent/common/seen.py), in the parts the
change form's own mark did not hold: an inline's rows, written back as the page had shown them
over a colleague's change, and a staff account's page, refused as «changed meanwhile» because
its owner had signed in (their last sign-in) since the administrator opened it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from post_office.models import Attachment, Email

from tests.staff import form_as_shown, inlines_as_shown, signed_in, verified_login

TOLD = {"kk": "ашқаннан кейін", "ru": "После того как вы открыли"}  # «after you opened it»


def staff(username, lang):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.kz", "pw-x-1")
    client = verified_login(Client(), user)
    client.cookies["django_language"] = lang
    return client


def attachment(name):
    return Attachment.objects.create(name=name, file=ContentFile(b"%PDF-1.4", name=name))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_inline_row_a_colleague_changed_is_not_written_back(db, lang):
    boris, aigul = staff("boris", "kk"), staff("aigul", lang)
    mail = Email.objects.create(to=["asel@example.kz"], from_email="info@example.kz",
                                subject="Жауап", message="Мәтін")  # fmt: skip
    first, second = attachment("answer-1.pdf"), attachment("answer-2.pdf")
    mail.attachments.add(first)
    url = f"/admin/post_office/email/{mail.pk}/change/"
    shown_to_boris, shown_to_aigul = boris.get(url), aigul.get(url)
    through = Attachment.emails.through
    row = through.objects.get(email=mail)
    name = next(k for k in inlines_as_shown(shown_to_boris) if k.endswith("-attachment"))

    saved = boris.post(url, {**form_as_shown(shown_to_boris), **inlines_as_shown(shown_to_boris),
                             name: second.pk, "_save": 1})  # fmt: skip
    assert saved.status_code == 302
    assert through.objects.get(pk=row.pk).attachment_id == second.pk

    refused = aigul.post(url, {**form_as_shown(shown_to_aigul), **inlines_as_shown(shown_to_aigul),
                               "subject": "Жауап (түзетілген)", "_save": 1})  # fmt: skip
    assert refused.status_code == 200
    page = refused.content.decode()
    assert TOLD[lang] in page and "boris" in page
    assert through.objects.get(pk=row.pk).attachment_id == second.pk  # Boris's row is kept
    assert Email.objects.get(pk=mail.pk).subject == "Жауап"


def _signs_in(dana):
    signed_in(Client(), dana, "pw-dana-123456")


def _changes_her_password(dana):
    dana.set_password("pw-dana-changed-654321")
    dana.save()


@pytest.mark.parametrize("meanwhile", [_signs_in, _changes_her_password])
def test_a_staff_members_own_doings_do_not_stale_the_administrators_page(
    officer_client, privacy_officer, meanwhile
):
    """Dana signs in, or changes her password, while an administrator has her page open: their
    save of her name is neither refused nor writes her last sign-in or password back."""
    url = f"/admin/auth/user/{privacy_officer.pk}/change/"
    shown = officer_client.get(url)
    meanwhile(get_user_model().objects.get(pk=privacy_officer.pk))
    before = get_user_model().objects.get(pk=privacy_officer.pk)

    saved = officer_client.post(url, {**form_as_shown(shown), "first_name": "Дана", "_save": 1})

    assert saved.status_code == 302, saved.context["adminform"].form.errors
    dana = get_user_model().objects.get(pk=privacy_officer.pk)
    assert dana.first_name == "Дана"
    assert (dana.last_login, dana.password) == (before.last_login, before.password)
