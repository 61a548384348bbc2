from django.core.management.base import CommandError

from consent.common.clock import clock_wrong
from consent.core.jobs import JobCommand, Skipped, daily, run_once
from consent.rights.retention import enforce_retention


class Command(JobCommand):
    help = (
        "Destroy personal data past the term of every purpose or whose purpose is achieved; "
        "list what staff must decide. Once a day, however many hosts start it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only print what would be done.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            # Planned by a clock hours off, the list named people whose term had not ended (or
            # left out those whose had), as what the night's run would do: refused as it is.
            if wrong := clock_wrong():
                raise CommandError(f"retention not planned: {wrong}")
            plan = enforce_retention(dry_run=True)
        else:
            plan = run_once("retention", daily(), enforce_retention)
            if isinstance(plan, Skipped):
                self.stdout.write(f"retention not run: {plan}")
                return
        verb = "would" if dry_run else "did"
        self.stdout.write(f"{verb} record expiry of {len(plan['expire'])} consents")
        self.stdout.write(f"{verb} destroy subjects: {plan['destroy']}")
        self.stdout.write(f"{verb} erase answered submissions: {plan['answered']}")
        self.stdout.write(f"{verb} record the service purpose achieved for: {plan['achieved']}")
        self.stdout.write(f"{verb} erase submissions without consent: {plan['unconsented']}")
        self.stdout.write(f"{verb} destroy emails set aside: {plan['quarantine']}")
        self.stdout.write(f"{verb} close requests no one confirmed in time: {plan['expired']}")
        for subject_id, reason in plan["review"]:
            self.stdout.write(f"review subject #{subject_id}: {reason}")
