"""Every field a staff member types text into has a bound (consent.common.text): a pasted 5 MB
text was stored whole and rendered on every page and letter that shows it. Beyond the bound the
form says so in the officer's language and nothing is stored."""

import pytest
from django import forms
from django.contrib.auth.models import User
from django.test import RequestFactory

from consent.common.text import NOTE_MAX_CHARS, REASON_MAX_CHARS
from consent.rights.admin.quarantine import OpenRequestForm
from consent.rights.desk import ActionForm
from consent.rights.models import Breach, Ticket
from tests.staff import registered_admins

from .conftest import act, confirm, web_request

PASTED = "a" * 5 * 1024 * 1024  # 5 MB, as a paste of a log or a document would post it
TOO_LONG = {
    "kk": "Бұл мәнде көп дегенде",
    "ru": "Убедитесь, что это значение содержит не более",
}


def unbounded(form_class):
    return [name for name, field in form_class.base_fields.items()
            if isinstance(field, forms.CharField) and field.max_length is None
            and not isinstance(field.widget, forms.PasswordInput)]  # fmt: skip


@pytest.mark.django_db
def test_every_text_field_of_every_admin_form_has_a_bound():
    request = RequestFactory().get("/")
    request.user = User.objects.create_superuser("root", "root@example.kz", "pw-root-123456")
    found = {}
    for model, model_admin in registered_admins().items():
        if not (model_admin.has_add_permission(request)
                or model_admin.has_change_permission(request)):  # fmt: skip
            continue
        if model._meta.app_label in ("post_office", "axes", "otp_totp", "otp_static"):
            continue  # the vendors' own forms: staff correct no text there
        form = model_admin.get_form(request, None)
        found[model._meta.label] = unbounded(form)
        for inline in model_admin.get_inline_instances(request, None):
            found[inline.model._meta.label] = unbounded(inline.get_formset(request, None).form)
    assert "rights.Breach" in found and "consent.PolicyVersion" in found  # the walk saw them
    assert {label: names for label, names in found.items() if names} == {}
    # The desk's own forms, outside any model admin.
    assert unbounded(ActionForm) == [] and unbounded(OpenRequestForm) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_refusal_beyond_the_bound_is_refused_and_nothing_is_done(client, desk, person, lang):
    web_request(client, "kk", "destroy")
    ticket = confirm(client)
    desk.cookies["django_language"] = lang
    page = act(desk, ticket, "refuse", reason="Себебі: " + "ж" * NOTE_MAX_CHARS)
    assert TOO_LONG[lang] in page.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.outcome) == (Ticket.Status.OPEN, "")
    # A refusal at the bound goes through.
    page = act(desk, ticket, "refuse", reason="ж" * NOTE_MAX_CHARS)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.REFUSED


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reopening_reason_too_long_reopens_nothing(client, desk, person, lang):
    web_request(client, "kk", "access")
    ticket = confirm(client)
    act(desk, ticket)
    ticket.refresh_from_db()
    desk.cookies["django_language"] = lang
    page = desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/",
                     {"reason": "ш" * (REASON_MAX_CHARS + 1)}, follow=True)  # fmt: skip
    assert TOO_LONG[lang] in page.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    assert f'maxlength="{REASON_MAX_CHARS}"' in page.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_breach_described_in_5_mb_is_not_recorded(desk, lang):
    desk.cookies["django_language"] = lang
    page = desk.post("/admin/rights/breach/add/", {
        "detected_at_0": "02.12.2026", "detected_at_1": "10:00", "description": PASTED,
        "data_affected": "", "people_affected": "0", "measures": "",
    })  # fmt: skip
    assert page.status_code == 200
    assert TOO_LONG[lang] in page.content.decode()
    assert not Breach.objects.exists()
