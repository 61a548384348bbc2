"""Outgoing mail: rendered in the person's language and queued in the outbox (post_office).

Call inside the transaction of the event that causes the mail: the message is stored with it or
not at all, and `manage.py send_queued_mail` delivers it with retries.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from post_office import mail


def queue_mail(to, template, context, *, language, subject, headers=None):
    """Queue `templates/email/<template>.txt` (and `.html`) to `to`; `subject` is lazy gettext."""
    with translation.override(language):
        op = settings.OPERATOR
        context = {
            **context,
            "language": language,
            "operator_email": op["email"],
            "operator_name": op["name_ru" if language == "ru" else "name_kk"],
        }
        return mail.send(
            [to],
            settings.DEFAULT_FROM_EMAIL,
            subject=str(subject),
            message=render_to_string(f"email/{template}.txt", context),
            html_message=render_to_string(f"email/{template}.html", context),
            headers=headers,
            language="",
        )
