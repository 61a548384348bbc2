"""Records an earlier version merged by phone are listed, by number only, for an officer."""

from io import StringIO

from django.core.management import call_command

from consent.core.models import Source, Submission


def test_records_merged_before_are_listed_for_review(make_subject):
    asel = make_subject(email="asel@example.kz")
    stranger = Submission.objects.create(
        subject=asel, source=Source.CONTACT_FORM, language="kk",
        data={"email": "bolat@example.kz", "full_name": "Болат"},
    )  # fmt: skip
    Submission.objects.create(subject=asel, source=Source.CONTACT_FORM, language="kk",
                              data={"email": "ASEL@example.KZ"})  # fmt: skip
    make_subject(email="other@example.kz")
    out = StringIO()
    call_command("report_phone_merges", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines == [f"subject {asel.pk}: submissions [{stranger.pk}]", "1 to review"]
    assert "bolat" not in out.getvalue().lower()
