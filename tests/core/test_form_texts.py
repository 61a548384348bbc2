"""A public form's consent text that does not name the data that form collects (a text
published before the forms named their own lists holds its purpose's whole list): production
showed it on the contact form, the date and place of birth, photo and guardian included, until
someone published a new version, and nothing told the officers or the content editors. The
admin index says so, naming the form and linking to where the new version is published, and
a system check warns wherever a command reads the database (`migrate` at a release)."""

import pytest
from django.utils import timezone, translation

from consent.core.checks import check_form_texts
from consent.core.models import ConsentText, Source
from consent.core.purposes import DATA_FIELDS, PURPOSES, SERVICE
from consent.core.texts import render_consent, sha256, text_publish

pytestmark = pytest.mark.django_db
WARNING = 'id="texts-unnamed"'
LINK = f'href="/admin/consent/consenttext/?purpose__exact={SERVICE}"'
# The text names more (or other) data than the form collects, not none of it: the warning said
# «does not name the data this form collects» of a text that named all of it and more.
DIFFERS = {"kk": "деректерден өзгеше деректер аталған", "ru": "названы не те данные"}


@pytest.fixture
def whole_list(texts, policy):
    """Version 2 of the service text, published before the forms named their own lists."""
    whole = {lang: render_consent(texts[SERVICE], lang) for lang in ("kk", "ru")}
    return ConsentText.objects.create(
        purpose=SERVICE, version=2, policy=policy, published_at=timezone.now(),
        facts=texts[SERVICE].facts, body_kk=whole["kk"], body_ru=whole["ru"],
        sha256_kk=sha256(whole["kk"]), sha256_ru=sha256(whole["ru"]),
    )  # fmt: skip


def said(lang, value):
    with translation.override(lang):
        return str(value)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("role", ["privacy_officer_client", "content_editor_client"])
def test_the_index_names_the_form_whose_text_lists_more_than_it_collects(
    whole_list, request, role, lang
):
    client = request.getfixturevalue(role)
    client.cookies["django_language"] = lang
    html = client.get("/admin/").content.decode()
    assert WARNING in html and LINK in html and DIFFERS[lang] in html
    assert said(lang, Source.CONTACT_FORM.label) in html
    assert said(lang, PURPOSES[SERVICE].name) in html
    # What the text names beyond the contact form's own list, and what the form collects.
    assert said(lang, DATA_FIELDS["birth_place"]) in html and said(lang, DATA_FIELDS["phone"])
    # Once a new version is published, the warning is gone.
    text_publish(ConsentText.objects.create(purpose=SERVICE, version=3, policy=whole_list.policy))
    assert WARNING not in client.get("/admin/").content.decode()


def test_texts_that_name_each_forms_data_raise_no_warning(texts, privacy_officer_client):
    assert WARNING not in privacy_officer_client.get("/admin/").content.decode()
    assert check_form_texts(None, databases=["default"]) == []


def test_staff_who_do_not_read_consent_texts_are_not_told(whole_list, marketer_client):
    assert WARNING not in marketer_client.get("/admin/").content.decode()


def test_the_check_warns_where_a_command_reads_the_database(whole_list):
    """`migrate` runs the checks with its database (at every release); the release's `check
    --deploy --fail-level WARNING`, before `migrate`, without one, and is not stopped."""
    from django.core.checks import run_checks

    warnings = [w for w in run_checks(databases=["default"]) if w.id == "consent.W003"]
    assert any("contact form" in w.msg and "'birth_place'" in w.msg for w in warnings)
    deploy = run_checks(include_deployment_checks=True)
    assert not [w for w in deploy if w.id == "consent.W003"]
