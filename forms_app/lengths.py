"""How long what a visitor types may be: checked by the server, not the page, and said in words
a visitor reads when it is too long."""

from django.core.validators import MaxLengthValidator
from django.utils.translation import ngettext_lazy


class TooLong(MaxLengthValidator):
    """Django's check of a text's length, with the site's words: Django's own spoke of a value
    («Убедитесь, что это значение содержит не более 5000 символов (сейчас 5706)», «Бұл мәнде
    көп дегенде…») to someone who pasted a letter."""

    message = ngettext_lazy(
        "The text may have at most %(limit_value)d character, and this one has "
        "%(show_value)d. Please shorten it.",
        "The text may have at most %(limit_value)d characters, and this one has "
        "%(show_value)d. Please shorten it.",
        "limit_value",
    )


class LengthCheckedHere:
    """A field whose length the server checks, not the page: no `maxlength` in the markup. A
    browser cuts text pasted or typed past it without a word (a letter pasted into the message
    lost its end, unseen), and counts before the cleaning, in UTF-16 units (an emoji is two);
    the form checks the cleaned text and shows a longer one again, whole, with how long it may
    be (TooLong)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            TooLong(v.limit_value) if type(v) is MaxLengthValidator else v for v in self.validators
        ]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs
