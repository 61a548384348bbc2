"""Intake phrases a data migration adds (compliance L7), added only where the table holds none
in any spelling: a phrase is the same as another when its words are (spelling.normalise, as the
admin compares them, models/intake.py). An officer's row of the phrase, «не обрабатывайте
данные» taken out of use or narrowed to the news, stays as the officer left it: a second row of
it went on withdrawing every consent and left the admin refusing to save either. Not a migration
(its name begins with «_»)."""

from consent.rights.spelling import normalise


def seed(apps, phrases):
    """Add each of `phrases` ((type, phrase, language, note)) the table holds no row of."""
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    held = {normalise(text) for text in IntakePhrase.objects.values_list("phrase", flat=True)}
    for kind, phrase, language, note in phrases:
        if normalise(phrase) not in held:
            IntakePhrase.objects.create(phrase=phrase, type=kind, language=language, note=note)
            held.add(normalise(phrase))


def unseed(apps, phrases):
    """Take out the rows `seed` added as it added them: a row an officer has changed stays."""
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in phrases:
        rows = IntakePhrase.objects.filter(phrase=phrase, type=kind, language=language, note=note)
        rows.filter(purpose="", active=True, canonical=False).delete()


def unduplicate(apps, phrases):
    """Take out a row of `phrases` added beside an officer's earlier row of the same phrase (by
    a seed that compared the text exactly): the officer's row is the one kept."""
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    every = list(IntakePhrase.objects.order_by("pk").values_list("pk", "phrase"))
    for kind, phrase, language, note in phrases:
        same = [pk for pk, text in every if normalise(text) == normalise(phrase)]
        seeded = IntakePhrase.objects.filter(
            phrase=phrase, type=kind, language=language, note=note, pk__in=same[1:]
        )
        seeded.delete()
