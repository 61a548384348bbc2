"""What a request sent from a form must say in words: a question, or what to correct.

A request of «other» with no words opened a request with nothing in it to answer (a letter like
it is set aside, never opened: rights.asked_nothing), each send another one; a correction with no
words told the desk nothing of what was wrong. The form says so at once, in the visitor's language,
and stores nothing."""

from django.utils.translation import gettext_lazy as _

from consent.rights.models import Ticket

NEEDS_WORDS = {
    Ticket.Type.OTHER: _(
        "Write your question: a request without one has nothing for us to answer."
    ),
    Ticket.Type.CORRECT: _(
        "Say what is wrong and what is right: without it we cannot correct your data."
    ),
}


class DetailsNeeded:
    """A form with a request's `type` and its `message`: the types of NEEDS_WORDS need words."""

    def clean(self):
        cleaned = super().clean()
        needed = NEEDS_WORDS.get(cleaned.get("type"))
        if needed and not cleaned.get("message") and "message" not in self.errors:
            self.add_error("message", needed)
        return cleaned
