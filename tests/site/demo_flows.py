"""The demo's flows on its own database, SQLite (run by test_demo_on_sqlite.py in a process of
its own, as `make run` runs: emalu.settings, DEBUG on, DATABASE_URL a SQLite file).

A visitor subscribes to the news and confirms, another asks by the form for their data and
confirms, a privacy officer (no superuser) answers a person's request for their data on the desk
and opens it again, the marketer sends a campaign, the mail timer queues and sends it, and the
daily jobs run. Prints one line per step; any error ends the process with a traceback."""

import re
from io import StringIO
from urllib.parse import urlsplit

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402
from post_office.models import Email  # noqa: E402

from consent.core.models import Subject  # noqa: E402
from consent.marketing.campaigns import campaign_start  # noqa: E402
from consent.marketing.models import Campaign  # noqa: E402
from consent.marketing.optin import optin_start  # noqa: E402
from consent.rights.models import Ticket  # noqa: E402
from consent.rights.tickets import ticket_open, ticket_verify  # noqa: E402
from tests.staff import staff_member, verified_login  # noqa: E402


def command(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    print(args[0], "->", out.getvalue().strip().replace("\n", " | "))


def link(address, pattern):
    mail = Email.objects.filter(to=[address]).latest("id")
    return re.search(pattern, mail.message)[0]


call_command("migrate", verbosity=0)
command("load_demo")
setup_test_environment()  # the test client's host allowed
client = Client()
with translation.override("ru"):
    optin_start("reader@example.kz", "Айгерим", "ru")
confirm = link("reader@example.kz", r"http\S+/newsletter/confirm/\S+/")
page = client.get(urlsplit(confirm).path).content.decode()  # its button posts the words shown
shown = {"texts_shown": re.search(r'name="texts_shown" value="([^"]*)"', page)[1]}
print("subscribed", client.post(urlsplit(confirm).path, shown).status_code)
with translation.override("kk"):
    ticket = ticket_open(kind=Ticket.Type.ACCESS, email="asker@example.kz", language="kk",
                         channel=Ticket.Channel.WEB)  # fmt: skip
print("request", ticket.reference, ticket.status)
# The desk: an access request answered, and its page read again (it asks whether the answer
# went by mail: a JSON «contains» lookup, which SQLite does not have, made the page a 500).
asel = Subject.objects.create(full_name="Әсел Қасымова", email="asel.demo@example.kz")
asked = ticket_verify(ticket_open(kind=Ticket.Type.ACCESS, email=asel.email, language="kk",
                                  channel=Ticket.Channel.EMAIL))  # fmt: skip
desk = verified_login(Client(), staff_member("olga", "privacy_officer"))
answered = desk.post(f"/admin/rights/ticket/{asked.pk}/act/", {"desk_action": "do"}, follow=True)
asked.refresh_from_db()
print("access answered", answered.status_code, asked.status)
print("its page", desk.get(f"/admin/rights/ticket/{asked.pk}/change/").status_code)
subscriber = Subject.objects.get(email="reader@example.kz")
campaign = Campaign.objects.create(
    title="Demo", subject_line_kk="Жаңалықтар", body_kk="Қараша айының жаңалықтары.",
    subject_line_ru="Новости", body_ru="Новости ноября.",
)  # fmt: skip
print("campaign started for", campaign_start(campaign))
command("send_campaigns")
command("send_queued_mail")
command("enforce_retention")
command("send_request_digest")
command("report_phone_merges")
campaign.refresh_from_db()
print("campaign", campaign.status, campaign.recipient_count, subscriber.language)
