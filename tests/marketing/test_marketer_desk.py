"""Dan, the marketer, writes and sends a campaign in the admin: whatever the admin lets him
save goes out, and the numbers he reads are what happened to the mails."""

import re

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.marketing.campaigns import queue_sending
from consent.marketing.models import Campaign
from consent.rights.erasure import subject_destroy
from tests.marketing.test_campaigns import confirmed, unsubscribe_path

CHANGELIST = "/admin/marketing/campaign/"
# Every character Python, and so the email package, reads as the end of a line.
LINE_BREAKS = [chr(c) for c in range(0x3000) if len(f"a{chr(c)}b".splitlines()) > 1]
WRITTEN = {"title": "November", "subject_line_kk": "Жаңалықтар", "body_kk": "Қараша",
           "subject_line_ru": "Новости", "body_ru": "Ноябрь"}  # fmt: skip


def act(client, action, campaign):
    """The messages the marketer reads after the action, on the list it returns to."""
    data = {"action": action, "_selected_action": [campaign.pk]}
    response = client.post(CHANGELIST, data, follow=True)
    assert response.redirect_chain == [(CHANGELIST, 302)]
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def digest_shown(client, campaign):
    """The digest the campaign's page carries beside its preview: what it showed."""
    page = client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    return re.search(r'<input type="hidden" name="digest" value="([^"]*)"', page)[1]


def send(client, campaign, digest=None):
    """The messages the marketer reads after pressing «send» on the campaign's page (with the
    digest it carries now, unless given), on that page again."""
    digest = digest_shown(client, campaign) if digest is None else digest
    response = client.post(f"{CHANGELIST}{campaign.pk}/send/", {"digest": digest}, follow=True)
    assert response.redirect_chain == [(f"{CHANGELIST}{campaign.pk}/change/", 302)]
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def one_line_fields():
    return [f.name for f in Campaign._meta.fields if f.get_internal_type() == "CharField"
            and f.editable and f.choices is None]  # fmt: skip


def test_every_field_has_a_line_break_case():
    assert {"title", "subject_line_kk", "subject_line_ru"} <= set(one_line_fields())
    assert {"\n", "\r", "\x0b", "\x85", "\u2028", "\u2029"} <= set(LINE_BREAKS)


@pytest.mark.parametrize("field", one_line_fields())
def test_what_the_admin_saves_can_be_sent_to_everyone(texts, marketer_client, field):
    """A line break in any one-line field, by a careless paste or a crafted post: the admin
    refuses it with a message, or the campaign it saves reaches every subscriber. A subject
    line with one was saved, the campaign was marked sent to everyone, and every mail failed at
    the mail server's door (a header cannot hold a line break) and was retried for a day."""
    confirmed("kk@example.kz")
    confirmed("ru@example.kz", "ru")
    for i, character in enumerate(LINE_BREAKS):
        value = f"Жаңалық{character}Bcc: stranger{i}@example.kz"
        response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: value})
        campaign = Campaign.objects.filter(**{field: value}).first()
        if campaign is None:
            assert response.status_code == 200 and "errornote" in response.content.decode()
            continue
        act(marketer_client, "send_test", campaign)
        send(marketer_client, campaign)
        queue_sending()
        sent, failed = send_queued()
        assert (sent, failed) == (4, 0), repr(character)
    assert not Email.objects.filter(to__icontains="stranger").exists()


def test_a_draft_saved_before_the_rule_is_refused_with_the_reason(texts, marketer_client):
    confirmed("kk@example.kz")
    draft = Campaign.objects.create(**{**WRITTEN, "subject_line_ru": "Новости\nBcc: x@y.kz"})
    for press in (lambda: act(marketer_client, "send_test", draft),
                  lambda: send(marketer_client, draft)):  # fmt: skip
        [(level, text)] = press()
        assert level == "error" and "Хат тақырыбы (орыс тілінде)" in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()


def test_a_second_send_says_when_and_to_how_many_it_went(texts, marketer_client):
    """A double click, or a second host: the campaign goes once, and the second answer tells
    the marketer so, with the number it went to, not "queued to 0 people"."""
    confirmed("kk@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    digest = digest_shown(marketer_client, campaign)  # the page, open in two tabs
    [(level, text)] = send(marketer_client, campaign, digest)
    assert level == "info" and "жіберу басталды (қазіргі алушылар саны: 1)" in text
    queue_sending()  # the sending job, on the outbox timer (tests/marketing/test_sending_job.py)
    [(level, text)] = send(marketer_client, campaign, digest)
    assert level == "warning" and "«November»" in text and "алушылар саны: 1)" in text
    assert Email.objects.count() == 1


def shown(client, campaign):
    """{label: number} of the campaign page's delivery field."""
    page = client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    return {label: int(n) for label, n in re.findall(r"<div>([^<]+): (\d+)</div>", page)}


def test_the_marketer_reads_what_became_of_each_mail(texts, marketer_client):
    """Queued to four: one unsubscribes before the sender reaches them (withheld), one has
    their data destroyed (gone with their mail), the other two are delivered. The page said
    "recipients: 4" and nothing more, whatever became of them."""
    stays, leaves, erased, also = (confirmed(f"{n}@example.kz") for n in "abcd")
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    queue_sending()
    Client().post(unsubscribe_path(leaves, campaign))
    subject_destroy(erased, request_ref="R-1")
    waiting = {"пошта серверіне тапсырылды": 0, "жіберуді күтуде": 3,
               "жеткізілмеді (қайталау әрекеттерінен кейін тоқтатылды)": 0,
               "жіберілмеді: енді рұқсат етілмеген": 0,
               "енді есепте жоқ: адамның деректері жойылды": 1,
               # Of those delivered, none came back (tests/marketing/test_returned_mail.py).
               "қайтып келді: мекенжай жоқ немесе хат қабылдамайды": 0,
               "қайтып келді: алушы спам деп белгіледі": 0}  # fmt: skip
    assert shown(marketer_client, campaign) == waiting
    send_queued()
    delivered = dict(zip(waiting, [2, 0, 0, 1, 1, 0, 0], strict=True))
    assert shown(marketer_client, campaign) == delivered
    assert sum(list(delivered.values())[:5]) == Campaign.objects.get().recipient_count == 4
    assert {a for e in Email.objects.filter(subject="Жаңалықтар") for a in e.to} == {
        stays.email, also.email}  # fmt: skip
    # In Russian each line is a label too: «ожидает отправки: 3» said it of one mail.
    marketer_client.cookies["django_language"] = "ru"
    assert list(shown(marketer_client, campaign))[:2] == [
        "передано почтовому серверу", "в\xa0очереди на отправку"]  # fmt: skip


@pytest.mark.parametrize("queued", [False, True], ids=["being queued", "all queued"])
def test_an_edit_saved_after_send_was_pressed_says_why_it_changed_nothing(
    texts, marketer_client, queued
):
    """Dan had the page open in a second tab when he pressed «send» in the first; his edit,
    saved from the second, got the bare «403 Forbidden» page: nothing said that the campaign
    had gone out as it was, or what to do with his new words."""
    confirmed("reader@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    if queued:
        queue_sending()

    page = f"{CHANGELIST}{campaign.pk}/change/"
    response = marketer_client.post(page, {**WRITTEN, "body_kk": "Өзгертілген"}, follow=True)

    assert response.redirect_chain == [(page, 303)]
    [said] = [str(m) for m in response.context["messages"]]
    assert "«November» таратуы өзгертілмеді" in said and "жаңа тарату жазыңыз" in said
    assert Campaign.objects.get().body_kk == "Қараша"
