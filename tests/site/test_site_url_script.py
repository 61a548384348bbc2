"""SITE_URL with a host name in Cyrillic: the operator is told to write it as the DNS holds it."""

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.live import ROOT, site_env


@pytest.mark.parametrize("site_url", ["https://емалу.kz", "https://ЕМАЛУ-плюс.kz:8443/"])
def test_a_site_url_in_cyrillic_is_told_to_be_written_as_the_dns_holds_it(monkeypatch, site_url):
    """It was refused as «not the site's address: https:// and its host name», which it is: the
    operator was not told what to write instead."""
    for key, setting in site_env("postgres://emalu_app@127.0.0.1:5432/emalu").items():
        monkeypatch.setenv(key, setting)
    monkeypatch.setenv("SITE_URL", site_url)
    with pytest.raises(ImproperlyConfigured) as raised:
        runpy.run_path(str(ROOT / "emalu" / "settings.py"))
    assert "xn--" in str(raised.value) and site_url not in str(raised.value)
    monkeypatch.setenv(
        "SITE_URL", "https://xn--80ajtc1b.kz"
    )  # https://емалу.kz, as the DNS holds it
    assert (
        runpy.run_path(str(ROOT / "emalu" / "settings.py"))["SITE_URL"] == "https://xn--80ajtc1b.kz"
    )
