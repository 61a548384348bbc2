"""The email routes the privacy policy gives people, with their exact subject phrases: the one
table that the policy, every marketing mail's footer and the request intake read (issue 20).

Each policy version has its phrases; a version that lists none keeps the phrases of the one
before it. A phrase once published stays recognised by the intake for ever: people keep
writing what the version they read told them to write.
"""

CORRECT, UNSUBSCRIBE, WITHDRAW = "correct", "unsubscribe", "withdraw"
ROUTES = (CORRECT, UNSUBSCRIBE, WITHDRAW)

# {first policy version they appear in: {(route, language): phrase}}
PHRASES = {
    1: {
        (CORRECT, "kk"): "Жеке деректерді жаңарту",
        (CORRECT, "ru"): "Обновление персональных данных",
        (UNSUBSCRIBE, "kk"): (
            "Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы хабарламалардан бас тарту"
        ),
        (UNSUBSCRIBE, "ru"): (
            "Отказ от уведомлений о новых продуктах и услугах и специальных предложениях"
        ),
        (WITHDRAW, "kk"): "Жеке деректерді өңдеуге келісімді қайтарып алу",
        (WITHDRAW, "ru"): "Отзыв согласия на обработку персональных данных",
    },
    # Version 2 writes the law's terms: «дербес деректер» (not «жеке деректер») and «келісімді
    # кері қайтарып алу», as Art. 8 of Law 94-V says in Kazakh.
    2: {
        (CORRECT, "kk"): "Дербес деректерді жаңарту",
        (CORRECT, "ru"): "Обновление персональных данных",
        (UNSUBSCRIBE, "kk"): "Жаңалықтар мен арнайы ұсыныстардан бас тарту",
        (UNSUBSCRIBE, "ru"): "Отказ от новостей и специальных предложений",
        (WITHDRAW, "kk"): "Дербес деректерді өңдеуге келісімді кері қайтарып алу",
        (WITHDRAW, "ru"): "Отзыв согласия на обработку персональных данных",
    },
}


def phrase(route: str, language: str, version: int | None) -> str:
    """The phrase policy `version` gives for `route` in `language` ("" for no such route).
    With no version (no policy published yet) the earliest table is used."""
    known = [n for n in PHRASES if version is None or n <= version] or [min(PHRASES)]
    return PHRASES[max(known)].get((route, language), "")


def every_phrase() -> list[tuple[str, str, str]]:
    """(phrase, route, language) of every version, each once: what the intake recognises."""
    seen = {}
    for table in PHRASES.values():
        for (route, language), text in table.items():
            seen.setdefault(text, (text, route, language))
    return list(seen.values())
