"""Each choice column of the admin's lists is sorted by what it reads (consent/common/
label_order.py), in kk and ru. Every list sorted by each of its columns, both ways, is a judge of
the admin walk (tests/site/test_admin_kazakh.py::test_every_list_sorts_by_every_column), on its
rows and its pages rather than on a walk of its own."""

import re

import pytest

from consent.common.label_order import LabelOrderedAdmin
from tests.site.admin_walk import sort_links
from tests.staff import registered_admins


def test_every_admin_sorts_its_choices_as_they_read():
    for model, model_admin in registered_admins().items():
        assert isinstance(model_admin, LabelOrderedAdmin), model


# The kinds of record the audit log names, in each alphabet's order: by the stored model label
# it was the ledger entry, the person, the request, in both.
KINDS = {
    "kk": ["Дербес деректер субъектісі", "Келісімдер журналының жазбасы", "Өтініш"],
    "ru": ["Запись журнала согласий", "Запрос", "Субъект персональных данных"],
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_audit_log_sorted_by_record_follows_the_names_read(
    privacy_officer_client, texts, make_subject, lang
):
    """A column that shows a code by a name of the staff member's language (the audit log's
    record, stored as the model's label) is sorted by that name too (its admin's
    labelled_by)."""
    from consent.core.ledger import consent_grant
    from consent.core.models import AuditEvent, Source
    from consent.core.purposes import SERVICE
    from consent.rights.tickets import ticket_open

    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    ticket_open(kind="access", email=person.email, language="kk", channel="web")
    AuditEvent.objects.create(action="subject_view", object_type="consent.subject",
                              object_id=str(person.pk), subject_ref=person.pk)  # fmt: skip
    browser = privacy_officer_client
    browser.cookies["django_language"] = lang
    base = "/admin/consent/auditevent/"
    link = sort_links(browser.get(base).content.decode())["object_kind"]
    page = browser.get(base + link).content.decode()
    cells = [re.sub("<[^>]+>", "", cell)  # the number in a span of its own, kept on one line
             for cell in re.findall(r'<td class="field-object_kind">(.*?)</td>', page)]  # fmt: skip
    kinds = [cell.split(" №")[0].strip() for cell in cells if cell.strip()]
    seen = [k for i, k in enumerate(kinds) if k in KINDS[lang] and k not in kinds[:i]]
    assert seen == KINDS[lang], kinds
