import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import IntegrityError, transaction
from django.urls import reverse

from consent.common.net import absolute_url
from consent.core.subjects import clean_email


class Command(BaseCommand):
    help = (
        "Create a staff member with the privacy officer's role and a one-time password, and "
        "print the enrolment link where they set up their authenticator app at first sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--email",
            required=True,
            help="Where the site writes to them: the officers' digest of requests due, and a "
            "notice of each new request.",
        )

    # In English, as the rest of its lines: under the site's language (Kazakh) the validators'
    # reasons came in Kazakh inside an English line («Дұрыс электрондық пошта мекенжайын
    # енгізіңіз.»), which an operator reading English could not act on.
    @no_translations
    @transaction.atomic
    def handle(self, *args, username, email, **options):
        users = get_user_model()
        # Refused here, not found out later: an address mistyped («dana@example», «nope») or
        # left out got the officers' digest and request notices nowhere, while each day's
        # requests ran to their legal due dates; a name the admin's own forms refuse could not
        # be edited there. The address by the rule a visitor's is held to (clean_email): one
        # no mail reaches, «aliya@localhost» or «aliya@example.com», is refused as well as one
        # that is no address, and the address kept is as that rule writes it.
        for what, value, validate in [
            ("name", username, users.username_validator),
            ("email address", email, clean_email),
        ]:
            try:
                validate(value)
            except ValidationError as error:
                raise CommandError(
                    f"{value!r} is not a staff member's {what}: {' '.join(error.messages)} "
                    "Nothing was created."
                ) from None
        if users.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        try:
            role = Group.objects.get(name="privacy_officer")
        except Group.DoesNotExist:
            raise CommandError("No privacy_officer role: run `manage.py release` first.") from None
        email = clean_email(email)
        password = secrets.token_urlsafe(15)
        try:
            with transaction.atomic():
                user = users.objects.create_user(username, email=email, password=password,
                                                 is_staff=True)  # fmt: skip
        except IntegrityError:  # made through another host since it was looked for
            raise CommandError(f"A user named {username!r} exists already.") from None
        user.groups.add(role)
        self.stdout.write(
            f"Privacy officer {username!r} created. Hand them, in person or by a channel other "
            f"than the link:\n"
            f"  password: {password}\n"
            f"  enrolment: {absolute_url(reverse('staff_enrol'))}\n"
            f"They sign in there with the password and scan the code into an authenticator app; "
            f"the password can then be changed in the admin."
        )
