import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from consent.common.net import absolute_url


class Command(BaseCommand):
    help = (
        "Create a staff member with the privacy officer's role and a one-time password, and "
        "print the enrolment link where they set up their authenticator app at first sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="Where the site writes to them.")

    @transaction.atomic
    def handle(self, *args, username, email, **options):
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        try:
            role = Group.objects.get(name="privacy_officer")
        except Group.DoesNotExist:
            raise CommandError("No privacy_officer role: run `manage.py release` first.") from None
        password = secrets.token_urlsafe(15)
        user = users.objects.create_user(username, email=email, password=password, is_staff=True)
        user.groups.add(role)
        self.stdout.write(
            f"Privacy officer {username!r} created. Hand them, in person or by a channel other "
            f"than the link:\n"
            f"  password: {password}\n"
            f"  enrolment: {absolute_url(reverse('staff_enrol'))}\n"
            f"They sign in there with the password and scan the code into an authenticator app; "
            f"the password can then be changed in the admin."
        )
