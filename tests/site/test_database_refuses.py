"""The database answering but refusing what the site writes: its disk (or the photos' tablespace)
full, as an operator met it. Every application with a photo answered 503, «come back in a few
minutes», while /healthz's «SELECT 1» was green, no ADMINS mail went out and the journal said
only «Service Unavailable: /ru/apply/» with no reason. The visitor still gets the 503 page in
their language and nothing is stored; the journal now says why in one ERROR line, ADMINS are
mailed (once per fault, without the visitor's data), and the next post after the disk is freed
is taken, with no restart.

The refusal is PostgreSQL's own (SQLSTATE 53100, disk_full), raised by a trigger on the table
the photos are stored in: the driver and Django receive what a full disk sends them."""

import json

import pytest

from tests.forms.photos import LIVE, png, post_photo
from tests.live import free_port, gunicorn, live_database, query, request, smtp_relay
from tests.site.test_statement_timeout import execute

pytestmark = [pytest.mark.live, pytest.mark.django_db]

FULL = """
CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  RAISE EXCEPTION 'could not extend file "base/16384/17232": No space left on device'
    USING ERRCODE = 'disk_full', HINT = 'Check free disk space.';
END $$;
CREATE TRIGGER disk_full BEFORE INSERT ON consent_storedfile
  FOR EACH ROW EXECUTE FUNCTION disk_full()"""
FREED = "DROP TRIGGER disk_full ON consent_storedfile; DROP FUNCTION disk_full()"
COME_BACK = {
    "kk": "Сайт қазір сұрауларды қабылдай алмайды.",
    "ru": "Сайт сейчас не может принимать запросы.",
}


def test_a_photo_refused_by_a_full_database_disk_is_named_and_mailed(
    django_db_setup, django_db_blocker, tmp_path
):
    relay_port = free_port()
    site = {**LIVE, "ADMINS": "ops@example.kz", "EMAIL_URL": f"smtp://127.0.0.1:{relay_port}"}
    with (
        smtp_relay(port=relay_port) as (inbox, _),
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, **site) as (port, server),
    ):
        execute(url, FULL)
        for lang in ("kk", "ru"):
            status, page = post_photo(port, png((40, 30)), lang)
            assert status == 503 and COME_BACK[lang] in page, (status, page[:300])
            assert f'<html lang="{lang}">' in page
        assert query(url, "SELECT count(*) FROM consent_submission") == [(0,)]
        assert request(port, "GET", "/healthz")[0] == 200  # why the journal must say it
        execute(url, FREED)
        assert post_photo(port, png((40, 30)), "ru")[0] == 302  # taken, no restart
        lines = [json.loads(line) for line in server.stop().splitlines() if line[:1] == "{"]
    said = [(line["level"], line["message"]) for line in lines if line["level"] != "INFO"]
    refused = "the database server's disk is full (SQLSTATE 53100): /{}/apply/"
    assert said == [("ERROR", refused.format("kk")), ("ERROR", refused.format("ru"))], said
    # ADMINS hear of it once (the same fault again within ten minutes is in the journal only),
    # with the request id that leads to those lines and nothing the visitor typed.
    [mail] = inbox.messages
    first = next(line for line in lines if line["level"] == "ERROR")
    text = mail["Subject"] + "".join(
        part.get_payload(decode=True).decode() for part in mail.walk() if not part.is_multipart()
    )
    assert "disk is full" in mail["Subject"] and first["request_id"] in text
    assert "Қасымова" not in text and "@example.kz" not in text.replace("ops@example.kz", "")
