"""A blocked person's form cannot be marked answered (Art. 1(3), 25(2)(8)): marking it would
record the service purpose achieved and start its way to erasure while all processing is
stopped."""

import pytest

from consent.core.ledger import subject_block
from consent.core.models import AuditEvent, Source

from .test_achieved import mark_answered, officer_in, send


@pytest.mark.parametrize("lang,why", [
    ("kk", "Бұл адамның деректерін өңдеу бұғатталған"),
    ("ru", "Обработка данных этого человека заблокирована"),
])  # fmt: skip
def test_a_blocked_persons_form_is_not_marked_answered_until_the_block_is_lifted(
    client, texts, privacy_officer, contact_data, lang, why
):
    """A block stops all processing (Art. 1(3), 25(2)(8)); the desk still offered «Mark
    answered» on a blocked person's form, and recorded it (the service purpose achieved, its
    way to erasure begun), as if nothing were blocked."""
    from consent.core.ledger import subject_unblock

    submission = send(client, "kk", contact_data())
    subject_block(submission.subject, reason="complaint", source=Source.ADMIN)
    desk = officer_in(lang, privacy_officer)
    desk.cookies["django_language"] = lang
    url = f"/admin/consent/submission/{submission.pk}/change/"
    page = desk.get(url).content.decode()
    assert 'value="mark_answered"' not in page and why in page
    told = mark_answered(desk, submission)
    (message,) = [str(m) for m in told.context["messages"]]
    refused = {"kk": "Жауап берілді деп белгіленбеді: 1.", "ru": "Не отмечено как отвеченное: 1."}
    assert message.startswith(refused[lang]) and why in message
    submission.refresh_from_db()
    assert submission.answered_at is None
    assert not AuditEvent.objects.filter(action="submission_answer").exists()

    subject_unblock(submission.subject, reason="not confirmed", source=Source.ADMIN)
    assert 'value="mark_answered"' in desk.get(url).content.decode()
    mark_answered(desk, submission)
    submission.refresh_from_db()
    assert submission.answered_at is not None
