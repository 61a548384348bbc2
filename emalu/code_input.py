"""The field a one-time code is typed in (compliance T7): a refused code is not shown back.

Django renders a text field's value into the page it answers with, so a refused sign-in or
enrolment showed the six digits (or the recovery code) typed, in the page and in the browser's
history and cache, beside a password field left empty for the same reason. A code is as much a
secret as the password while it is valid, and a recovery code is until it is used."""

from django import forms


class CodeInput(forms.TextInput):
    """A text box (digits on a phone's keyboard, the app's code offered) that is empty on
    every page that answers a post, as `PasswordInput` leaves a password."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)
