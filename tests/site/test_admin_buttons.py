"""Every button the project adds to an admin page looks like Django's own: the admin's styles
dress `input[type=submit]` and `.button`, not a bare `<button>`, which rendered as the browser's
grey default beside the admin's blue ones («Open the request», «Mark answered», «Resend»)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
BUTTON = re.compile(r"<button\b[^>]*>", re.S)


def admin_templates():
    for folder in ("consent", "emalu", "forms_app", "templates"):
        yield from (ROOT / folder).rglob("templates/admin/**/*.html")
        if folder == "templates":
            yield from (ROOT / folder / "admin").rglob("*.html")


def test_every_admin_button_has_the_admin_button_class():
    bare = sorted(
        f"{path.relative_to(ROOT)}: {tag}"
        for path in set(admin_templates())
        for tag in BUTTON.findall(path.read_text())
        if not re.search(r'class="[^"]*\bbutton\b', tag)
    )
    assert not bare, "\n".join(bare)


def test_the_walk_finds_the_admin_templates():
    found = {str(path.relative_to(ROOT)) for path in admin_templates()}
    assert "consent/rights/templates/admin/consent/subject/open_request.html" in found
    assert "templates/admin/post_office/email/change_form.html" in found
