from django.core.management.base import BaseCommand
from django.db import transaction

from consent.core.models import ConsentText
from consent.core.purposes import PURPOSES
from consent.core.texts import current_policy, text_publish
from emalu.models import Page

# Demo pages state only what the privacy policy itself says: the site and the email address.
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
        "Бұл бетті компания қызметкерлері әкімшілік бөлімде толтырады.",
        "Эту страницу заполняют сотрудники компании в административном разделе.",
    ),
    Page.Slug.SERVICES: (
        "Қызметтер",
        "Услуги",
        "Қызметтер тізімін компания қызметкерлері әкімшілік бөлімде толтырады.",
        "Список услуг заполняют сотрудники компании в административном разделе.",
    ),
    Page.Slug.CONTACTS: (
        "Байланыс",
        "Контакты",
        "Электрондық пошта: [em.alu.plus@mail.kz](mailto:em.alu.plus@mail.kz)",
        "Электронная почта: [em.alu.plus@mail.kz](mailto:em.alu.plus@mail.kz)",
    ),
}


class Command(BaseCommand):
    help = "Load the demo pages and publish consent texts for `make run` (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
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
        policy = current_policy()
        for code, purpose in PURPOSES.items():
            if purpose.processors_setting and not purpose.processors():
                continue  # nobody abroad: there is no cross-border consent to ask for
            if not ConsentText.objects.filter(purpose=code).exists():
                text_publish(ConsentText.objects.create(purpose=code, version=1, policy=policy))
        self.stdout.write("Demo content loaded.")
