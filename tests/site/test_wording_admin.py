"""What the admin says with a name filled in, in the staff member's language: a model's name in
the middle of Django's sentences («Удалить выбранное (письма)»), a row's name («Просмотр: …»),
a help text, a value a form sent (docs/glossary.md, "Wording with a name, a number or a date")."""

import re

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation
from post_office.models import STATUS, Email

from tests.staff import verified_login


def staff(user, language):
    return verified_login(Client(headers={"accept-language": language}), user)


def shown(response):
    """The page's text as a reader sees it (tags out, spaces joined; a no-break space kept)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_model_is_named_in_lower_case(language):
    """Django writes a model's name into its sentences as it is («Выберите для изменения: …»,
    «Всего (…): 4», «Удалить выбранное (…)») and capitalises it itself where a heading starts
    with it. django-post-office names its models «Email», «Log», «Attachment»: translated as
    written, «Письмо», «Хат», they stood capitalised in the middle of those sentences, beside
    every other model's «страница», «бет»."""
    capitalised = []
    with translation.override(language):
        for model in apps.get_models(include_auto_created=True):
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
                if str(name)[:1].isupper():
                    capitalised.append((model._meta.label, str(name)))
    assert capitalised == []


@pytest.mark.django_db
@pytest.mark.parametrize("language,says", [("kk", "Таңдалғандарды жою (хаттар)"),
                                           ("ru", "Удалить выбранное (письма)")])  # fmt: skip
def test_the_outbox_names_its_mail_as_every_list_names_its_rows(officer, language, says):
    Email.objects.create(from_email="noreply@emaluplus-vko.kz", to=["asel@example.kz"],
                         subject="S", message="M", status=STATUS.sent)  # fmt: skip
    page = shown(staff(officer, language).get("/admin/post_office/email/"))
    assert says in page
    assert not re.search(r"\((Хаттар|Письма)\)|: (Хат|Письмо)\b", page), page
