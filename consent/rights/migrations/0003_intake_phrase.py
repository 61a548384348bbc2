"""The intake's phrase table (compliance L7), seeded with the privacy policy's own phrases
(canonical, one per request type and language) and the ways people write the same requests."""

import consent.core.purposes
from django.db import migrations, models

C, U, W = "correct", "unsubscribe", "withdraw"
POLICY = "the privacy policy's own phrase"
# (phrase, type, language, canonical, note); each word also matches its other endings. A
# withdrawal that names one purpose has its purpose as a sixth item.
BUILT_IN = [
    ("Жеке деректерді жаңарту", C, "kk", True, POLICY),
    ("Деректерді жаңарту", C, "kk", False, ""),
    ("Деректерді түзету", C, "kk", False, ""),
    ("Деректерді өзгерту", C, "kk", False, ""),
    ("Деректерді нақтылау", C, "kk", False, ""),
    ("Мәліметтерді жаңарту", C, "kk", False, ""),
    ("Телефон нөмірін өзгерту", C, "kk", False, ""),
    ("Нөмірді ауыстыру", C, "kk", False, "also «нөмірім ауысты»"),
    ("Тегімді өзгерту", C, "kk", False, "also «тегім өзгерді»"),
    ("Мәліметтерді түзету", C, "kk", False, ""),
    ("Обновление персональных данных", C, "ru", True, POLICY),
    ("Обновление данных", C, "ru", False, "also «обновить мои данные»"),
    ("Актуализация", C, "ru", False, "also «актуализируйте мой номер»"),
    ("Изменение данных", C, "ru", False, ""),
    ("Исправление данных", C, "ru", False, ""),
    ("Уточнение данных", C, "ru", False, ""),
    ("Корректировка данных", C, "ru", False, ""),
    ("Смена номера телефона", C, "ru", False, ""),
    ("Изменение номера телефона", C, "ru", False, ""),
    ("Поменять номер телефона", C, "ru", False, ""),
    ("Новый номер телефона", C, "ru", False, "«у меня новый номер телефона»"),
    ("Ошибка в данных", C, "ru", False, ""),
    ("Исправление фамилии", C, "ru", False, "also «исправить ошибку в фамилии»"),
    ("Смена фамилии", C, "ru", False, "also «сменить фамилию»"),
    ("Изменение фамилии", C, "ru", False, ""),
    ("Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы хабарламалардан бас тарту",
     U, "kk", True, POLICY),
    ("Хабарламалардан бас тарту", U, "kk", False, "also «хабарламаларды алудан бас тартамын»"),
    ("Хабарландырулардан бас тарту", U, "kk", False, ""),
    ("Жазылымнан бас тарту", U, "kk", False, ""),
    ("Жазылымнан шығу", U, "kk", False, ""),
    ("Жазылымды тоқтату", U, "kk", False, ""),
    ("Таратылымнан бас тарту", U, "kk", False, ""),
    ("Таратылымнан шығу", U, "kk", False, ""),
    ("Таратылымнан шығару", U, "kk", False, "«мені таратылымнан шығарыңыз»"),
    ("Хаттардан бас тарту", U, "kk", False, ""),
    ("Жарнамадан бас тарту", U, "kk", False, "also «жарнамалық хаттардан бас тартамын»"),
    ("Хабарлама жібермеу", U, "kk", False,
     "«хабарлама жібермеуіңізді сұраймын»; not after «неге» (a question)"),
    ("Жарнама жібермеу", U, "kk", False, "also «жарнама жібермеңіз»"),
    ("Хат жібермеу", U, "kk", False, "also «маған хат жібермеңіздер»"),
    ("Хабарлама алғым келмейді", U, "kk", False, "also «хабарландыру алғым келмейді»"),
    ("Жарнама алғым келмейді", U, "kk", False, ""),
    ("Жарнамаға келісімді қайтару", U, "kk", False,
     "before «Келісімді қайтару»: withdrawing the marketing consent is an unsubscribe"),
    ("Unsubscribe", U, "kk", False, "English, as some mail programs write it; the answer's "
     "language comes from the rest of the message"),
    ("Отказ от уведомлений о новых продуктах и услугах и специальных предложениях",
     U, "ru", True, POLICY),
    ("Отказ от уведомлений", U, "ru", False, ""),
    ("Отказ от рассылки", U, "ru", False, "also «отказаться от получения рекламных рассылок»"),
    ("Отказ от информационных сообщений", U, "ru", False, "the policy's own wording in section 4"),
    ("Отказ от писем", U, "ru", False, "also «отказываюсь от получения писем»"),
    ("Отказ от рекламы", U, "ru", False, ""),
    ("Не хочу получать письма", U, "ru", False, "also «не хочу больше получать ваши письма»"),
    ("Не хочу получать рассылку", U, "ru", False, ""),
    ("Не хочу получать рекламу", U, "ru", False, ""),
    ("Прекратить присылать рекламу", U, "ru", False, "not after «почему» (a complaint)"),
    ("Прекратить рассылку", U, "ru", False, ""),
    ("Отписаться", U, "ru", False, "also «отписать»"),
    ("Отпишите", U, "ru", False, "«отпишите» does not share its stem with «отписаться»"),
    ("Отписка", U, "ru", False, "also «отписываюсь»"),
    ("Отмена подписки", U, "ru", False, "also «отменить подписку»"),
    ("Исключить из рассылки", U, "ru", False, ""),
    ("Удалить из рассылки", U, "ru", False, "also «удалите меня из списка рассылки»"),
    ("Убрать из рассылки", U, "ru", False, ""),
    ("Уберите из рассылки", U, "ru", False, "«уберите» does not share its stem with «убрать»"),
    ("Убрать из списка получателей", U, "ru", False, ""),
    ("Уберите из списка получателей", U, "ru", False, ""),
    ("Исключить из списка получателей", U, "ru", False, ""),
    ("Удалить из списка получателей", U, "ru", False, ""),
    ("Отзыв согласия на рассылку", U, "ru", False,
     "before «Отзыв согласия»: withdrawing the marketing consent is an unsubscribe"),
    ("Отзыв согласия на рекламу", U, "ru", False, "also «на получение рекламы»"),
    ("Отзыв согласия на уведомления", U, "ru", False, ""),
    ("Жеке деректерді өңдеуге келісімді қайтарып алу", W, "kk", True, POLICY),
    ("Келісімді қайтару", W, "kk", False, "also «келісімімді қайтарып аламын»"),
    ("Келісімді кері шақыру", W, "kk", False, "the law's wording"),
    ("Келісімнен бас тарту", W, "kk", False, ""),
    ("Келісімді кері алу", W, "kk", False, "also «келісімімді кері аламын»"),
    ("Деректерді өңдеуді тоқтату", W, "kk", False, ""),
    ("Трансшекаралық беруге келісімді қайтару", W, "kk", False,
     "the cross-border consent only", "cross_border"),
    ("Отзыв согласия на обработку персональных данных", W, "ru", True, POLICY),
    ("Отзыв согласия", W, "ru", False, "also «отзываю согласие»"),
    ("Отозвать согласие", W, "ru", False, ""),
    ("Отказ от согласия", W, "ru", False, ""),
    ("Прекратить обработку данных", W, "ru", False, "also «прекращение обработки»"),
    ("Отказ от обработки данных", W, "ru", False, ""),
    ("Отзыв согласия на трансграничную передачу", W, "ru", False,
     "the cross-border consent only", "cross_border"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for phrase, kind, language, canonical, note, *purpose in BUILT_IN:
        IntakePhrase.objects.get_or_create(
            phrase=phrase,
            defaults={"type": kind, "language": language, "canonical": canonical, "note": note,
                      "purpose": purpose[0] if purpose else ""},
        )


class Migration(migrations.Migration):

    dependencies = [
        ('rights', '0002_quarantined_message'),
    ]

    operations = [
        migrations.CreateModel(
            name='IntakePhrase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phrase', models.CharField(help_text='Words as people write them; other endings of each word also match.', max_length=200, verbose_name='phrase')),
                ('type', models.CharField(choices=[('access', 'access to my data'), ('correct', 'correct or update my data'), ('block', 'block processing'), ('unblock', 'unblock processing'), ('destroy', 'destroy my data'), ('withdraw', 'withdraw consent'), ('unsubscribe', 'stop news and offers'), ('publication_removal', 'remove my data from public sources'), ('transfer_notice', 'tell me about transfers to third parties'), ('automated_objection', 'object to automated decisions about me'), ('other', 'other question')], max_length=20, verbose_name='request type')),
                ('language', models.CharField(choices=[('kk', 'Қазақша'), ('ru', 'Русский')], max_length=2, verbose_name='language')),
                ('purpose', models.CharField(blank=True, choices=consent.core.purposes.purpose_choices, help_text='For a withdrawal that names one purpose; empty means every purpose.', max_length=30, verbose_name='purpose')),
                ('active', models.BooleanField(default=True, verbose_name='in use')),
                ('canonical', models.BooleanField(default=False, help_text='The phrase the privacy policy tells people to write; changed only with the policy.', verbose_name="the privacy policy's own phrase")),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
            ],
            options={
                'verbose_name': 'email request phrase',
                'verbose_name_plural': 'email request phrases',
                'ordering': ['type', 'language', '-canonical', 'phrase'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('canonical', True)), fields=('type', 'language'), name='one_canonical_phrase_per_type_and_language')],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
