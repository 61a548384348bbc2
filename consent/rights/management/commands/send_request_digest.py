from django.core.management.base import CommandError

from consent.common.dates import local_today
from consent.core.jobs import JobCommand, Skipped, daily, run_once
from consent.rights.digest import NoOfficer, digest


class Command(JobCommand):
    help = (
        "Mail privacy officers the requests overdue, due today and due next, the breaches "
        "the regulator is still to hear of and the people retention left for them to decide "
        "(working days only); once a day, however many hosts start it."
    )

    def handle(self, *args, **options):
        try:
            sent = run_once("digest", daily(), lambda: digest(local_today()), whole=True)
        except NoOfficer as none:  # nothing recorded: the next start sends it, once one is made
            raise CommandError(
                f"digest not sent: it has {none.due} request(s) falling due, or other items, to "
                "tell of and no privacy officer can get it (an active staff member of the "
                "privacy officers' group, or a superuser, with an email address). Make one, "
                "README, Deploying, step 5: `manage.py create_privacy_officer <name> --email "
                "<address>`; the timer's next start sends it."
            ) from None
        if isinstance(sent, Skipped):
            self.stdout.write(f"digest not run: {sent}")
            return
        self.stdout.write(f"digest emails queued: {sent}")
