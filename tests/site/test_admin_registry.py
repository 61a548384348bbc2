"""The admin's registry is private to Django (`_registry` of its AdminSite): the one-address
rule read it to find the model of an admin route (emalu/one_address.py::admin_keys), the
site's «view on site» and autocomplete checks and every test walking the admin did too, each
bound to a name Django may change in any release. They ask Django's public `is_registered`
and `get_model_admin` (the tests through tests/staff.py::registered_admins)."""

from tests.site.references import ROOT
from tests.site.test_architecture import python_files

PRIVATE = "._" + "registry"  # written so that this file does not name it


def test_no_module_reads_the_admins_private_registry():
    reading = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in python_files()
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if PRIVATE in line
    ]
    assert reading == []
