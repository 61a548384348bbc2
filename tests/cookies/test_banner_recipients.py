"""Compliance L19, L2 (Art. 8(4)(5), 16): before a visitor accepts the analytics, the banner
names who receives what they collect and in which country, for each service the site loads."""

import pytest

NAMED = {
    "kk": {
        "ga": "Google Analytics: деректерді Google LLC (АҚШ) алады.",
        "ym": "Яндекс Метрика: деректерді «Яндекс» ЖШҚ (Ресей) алады.",
    },
    "ru": {
        "ga": "Google Analytics: данные получает Google LLC (США).",
        "ym": "Яндекс Метрика: данные получает ООО «Яндекс» (Россия).",
    },
}


def banner(client, path):
    html = client.get(path).content.decode()
    return " ".join(html.split('class="cookie-banner"', 1)[1].split("</section>", 1)[0].split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("loaded", [("ga", "ym"), ("ga",), ("ym",)])
def test_the_banner_names_each_recipient_abroad_and_its_country(client, settings, db, lang, loaded):
    """The banner said «Google Analytics and Yandex Metrica, services outside Kazakhstan»: not
    who gets the data nor where, and it named Yandex on a site that loads Google alone."""
    settings.GA_MEASUREMENT_ID = "G-TEST123" if "ga" in loaded else ""
    settings.YANDEX_METRICA_ID = "98765" if "ym" in loaded else ""
    for path in (f"/{lang}/", f"/{lang}/cookies/"):  # the banner, and the page that reopens it
        text = banner(client, path)
        for service, sentence in NAMED[lang].items():
            assert (sentence in text) == (service in loaded), (path, sentence)
        assert ("Яндекс" in text) == ("ym" in loaded)
        assert ("Google" in text) == ("ga" in loaded)
