"""What a request sent from a form must say in words: a question, or what to correct.

A request of «other» with no words opened a request with nothing in it to answer (a letter like
it is set aside, never opened: rights.asked_nothing), each send another one; a correction with no
words told the desk nothing of what was wrong. The form says so at once, in the visitor's language,
and stores nothing.

The field is required for those types only, so the page must not call it optional: its label
says for which requests it is required (`required_when`, shown by _field.html in place of
«optional») and its help says what to write, and leave empty for the rest; the field points at
its help with aria-describedby (Django does so for any help text)."""

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

# What the field says, by the types of NEEDS_WORDS its form offers: (label mark, help).
SAYS = {
    frozenset({Ticket.Type.CORRECT, Ticket.Type.OTHER}): (
        _("required for a correction or a question"),
        _(
            "For a correction, say what is wrong and what is right; for a question, ask it. "
            "Other requests need no details."
        ),
    ),
    frozenset({Ticket.Type.CORRECT}): (
        _("required for a correction"),
        _("For a correction, say what is wrong and what is right. Other requests need no details."),
    ),
}


class DetailsNeeded:
    """A form with a request's `type` and its `message`: the types of NEEDS_WORDS need words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.say_when_details_needed()

    def say_when_details_needed(self):
        """The message's label and help, for the types the form offers now (call again after
        changing its choices)."""
        offered = {value for value, _label in self.fields["type"].choices}
        mark, help_text = SAYS[frozenset(t for t in NEEDS_WORDS if t in offered)]
        self.fields["message"].required_when = mark
        self.fields["message"].help_text = help_text

    def clean(self):
        cleaned = super().clean()
        needed = NEEDS_WORDS.get(cleaned.get("type"))
        if needed and not cleaned.get("message") and "message" not in self.errors:
            self.add_error("message", needed)
        return cleaned
