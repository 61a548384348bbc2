"""Outgoing mail's settings, built from what emalu/settings.py reads from the environment (the
variables stay read there, where the deploy tests look for them): the relay (MAILERS) and the
post_office outbox that delivers through it (POST_OFFICE)."""

from datetime import timedelta


def mailers(mail):
    """MAILERS from django-environ's email_url() of EMAIL_URL."""
    smtp = mail["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    default = {
        # Django's own, keeping the relay's reply to each message (its queue id) for the outbox.
        "BACKEND": "consent.core.smtp.EmailBackend" if smtp else mail["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": mail["EMAIL_HOST"],
            "port": mail["EMAIL_PORT"],
            "username": mail["EMAIL_HOST_USER"],
            "password": mail["EMAIL_HOST_PASSWORD"],
            "use_tls": mail.get("EMAIL_USE_TLS", False),
            "use_ssl": mail.get("EMAIL_USE_SSL", False),
            "timeout": 20,
        }
        if smtp
        else {},
    }
    # The report of a server error (emalu/logs.py) goes the same way. A relay that is down does
    # not turn the visitor's error page into a dropped connection: OncePerFault catches the
    # failure and says in the journal that ADMINS were not mailed (no fail_silently: the
    # failure was lost, the journal said nothing of it).
    admins = {**default, "OPTIONS": {**default["OPTIONS"]}}
    # It is sent within the request: a relay that answers slowly holds the error page for at
    # most 5 s, not the 20 the outbox waits (emalu.logs.OncePerFault mails each fault once in
    # 10 minutes).
    if "timeout" in admins["OPTIONS"]:
        admins["OPTIONS"]["timeout"] = 5
    return {"default": default, "admins": admins}


def post_office(*, retry_seconds):
    """Outgoing mail goes through the post_office outbox (a database table), in the same
    transaction as the event that causes it; `manage.py send_queued_mail` delivers it with
    retries (and, for `make run`, the end of each page: MAIL_SENT_AFTER_EACH_PAGE). Never
    post_office's priority "now", which sent a mail as it was queued, past the sender's holds
    (consent.core.withheld): `make run` printed a blocked person's acknowledgement."""
    return {
        "DEFAULT_PRIORITY": "medium",
        # A dead mail server is retried every 10 minutes for a day; after that a message stays in
        # the outbox as failed (never deleted) until staff requeue it.
        "MAX_RETRIES": 144,
        "RETRY_INTERVAL": timedelta(seconds=retry_seconds),
        "LOG_LEVEL": 1,  # failures only
        "MESSAGE_ID_ENABLED": True,
        "MESSAGE_ID_FQDN": "emaluplus-vko.kz",
        "FILE_STORAGE": "private",
    }
