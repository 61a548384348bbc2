"""List the people whose records hold a form sent from another email address.

Until the phone number stopped linking submissions, a stranger who typed someone's number had
their form filed under that person. Those records cannot be split automatically (the ledger is
append-only and a typed address proves nothing), so this lists them, by number only, for a
privacy officer to review: the person can be asked, and wrong data corrected or destroyed
through the desk.
"""

from django.core.management.base import BaseCommand

from consent.core.models import Submission
from consent.core.subjects import address_lookup_key


def merged_subjects():
    """{subject id: [submission ids sent from another address]}."""
    found = {}
    rows = Submission.objects.select_related("subject").only("id", "data", "subject__email")
    for submission in rows.iterator():
        sent_from = address_lookup_key(submission.data.get("email"))
        held = address_lookup_key(submission.subject.email)
        if sent_from and held and sent_from != held:
            found.setdefault(submission.subject_id, []).append(submission.pk)
    return found


class Command(BaseCommand):
    help = "List people whose record holds forms sent from another address (ids only)."

    def handle(self, *args, **options):
        found = merged_subjects()
        for subject_id, submissions in sorted(found.items()):
            self.stdout.write(f"subject {subject_id}: submissions {submissions}")
        self.stdout.write(f"{len(found)} to review")
