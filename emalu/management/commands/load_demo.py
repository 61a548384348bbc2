from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consent.core.form_texts import wording_changed
from consent.core.models import ConsentText, Subject
from consent.core.purposes import PURPOSES
from consent.core.texts import current_policy, text_publish
from consent.rights.models import Ticket
from emalu.models import Company, Page, Service

# The demo states as fact only what the privacy policy itself says: the company's name, the
# site and the email address. Everything else is a placeholder that says it is one ("Демо: …"),
# on pages marked as demo, so that `make run` shows the shape of the site and invents nothing.
DEMO = {
    Page.Slug.HOME: (
        "«ЕМ АЛУ плюс» ЖШС",
        "ТОО «ЕМ АЛУ плюс»",
        "Шығыс Қазақстан облысы. Сайт: https://emaluplus-vko.kz/",
        "Восточно-Казахстанская область. Сайт: https://emaluplus-vko.kz/",
    ),
    Page.Slug.ABOUT: (
        "Біз туралы",
        "О компании",
        "Демо: мұнда компания өзі туралы жазады — тарихы, командасы, жұмыс тәсілі.",
        "Демо: здесь компания рассказывает о себе — история, команда, как она работает.",
    ),
    Page.Slug.SERVICES: (
        "Қызметтер",
        "Услуги",
        "Демо: қызметтер тізімінің алдындағы кіріспе мәтін.",
        "Демо: вводный текст перед списком услуг.",
    ),
    Page.Slug.CONTACTS: (
        "Байланыс",
        "Контакты",
        "Демо: бізге қалай жетуге болатыны туралы қосымша мәтін.",
        "Демо: дополнительный текст о том, как нас найти.",
    ),
}
COMPANY = {
    "summary_kk": "Демо: мұнда компанияның не істейтіні бір-екі сөйлеммен жазылады.",
    "summary_ru": "Демо: здесь в одном-двух предложениях написано, чем занимается компания.",
    "address_kk": "Демо: кеңсенің мекенжайы",
    "address_ru": "Демо: адрес офиса",
    # A well-formed number with zeros only, shown under the demo notice: not the company's.
    "phones": "+77000000000",
    "hours_kk": "Демо: жұмыс уақыты",
    "hours_ru": "Демо: часы работы",
    "is_demo": True,
}
SERVICES = [
    (f"demo-{n}", n, f"Демо: {n}-қызмет", f"Демо: услуга {n}",
     f"Демо: {n}-қызметтің қысқаша сипаттамасы.", f"Демо: краткое описание услуги {n}.",
     f"Демо: {n}-қызмет туралы толық мәтін — не кіреді, қалай өтеді, не керек.",
     f"Демо: полный текст об услуге {n} — что входит, как проходит, что нужно.")
    for n in (1, 2, 3)
]  # fmt: skip


def real_content() -> list[str]:
    """What in the database is the live site's, not the demo's: pages, services or company
    details staff wrote (not marked as demo), and any person's record or request."""
    found = {
        "pages written by staff": Page.objects.filter(is_demo=False),
        "services written by staff": Service.objects.filter(is_demo=False),
        "company details written by staff": Company.objects.filter(is_demo=False),
        "people's records": Subject.objects.all(),
        "requests": Ticket.objects.all(),
    }
    return [what for what, rows in found.items() if rows.exists()]


class Command(BaseCommand):
    help = (
        "Load the demo pages and publish consent texts for `make run` (idempotent). Only with "
        "DEBUG on, or on a database that holds no real content yet."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # Run on the production database, it published the demo's services and placeholder
        # pages on the live site and new consent text versions over the officer's.
        if not settings.DEBUG and (found := real_content()):
            raise CommandError(
                f"load_demo refused: this database holds real content ({', '.join(found)}) and "
                "DEBUG is off; the demo is for `make run` (DEBUG=1) or an empty database."
            )
        for slug, (title_kk, title_ru, body_kk, body_ru) in DEMO.items():
            Page.objects.get_or_create(
                slug=slug,
                defaults={
                    "title_kk": title_kk,
                    "title_ru": title_ru,
                    "body_kk": body_kk,
                    "body_ru": body_ru,
                    "is_demo": True,
                },
            )
        Company.objects.get_or_create(pk=1, defaults=COMPANY)
        for slug, order, title_kk, title_ru, summary_kk, summary_ru, body_kk, body_ru in SERVICES:
            Service.objects.get_or_create(
                slug=slug,
                defaults={"order": order, "title_kk": title_kk, "title_ru": title_ru,
                          "summary_kk": summary_kk, "summary_ru": summary_ru,
                          "body_kk": body_kk, "body_ru": body_ru,
                          "is_published": True, "is_demo": True},
            )  # fmt: skip
        policy = current_policy()
        for code, purpose in PURPOSES.items():
            if purpose.processors_setting and not purpose.processors():
                continue  # nobody abroad: there is no cross-border consent to ask for
            latest = ConsentText.objects.filter(purpose=code).order_by("-version").first()
            # A text published before each form's text named the data that form collects (its
            # list frozen whole, `data_names` empty), or before its wording changed, is followed
            # by one that does: consent already given stays with the version it was given to.
            if latest is None or (
                latest.is_published and (not latest.data_names or wording_changed(latest))
            ):
                text_publish(ConsentText.objects.create(
                    purpose=code, version=latest.version + 1 if latest else 1, policy=policy,
                    other_kk=latest.other_kk if latest else "",
                    other_ru=latest.other_ru if latest else "",
                ))  # fmt: skip
        self.stdout.write("Demo content loaded.")
