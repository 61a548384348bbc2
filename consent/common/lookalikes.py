"""Latin letters that look like Cyrillic ones, in both cases: a keyboard's layout switched in the
middle of a word leaves them in it («Cейітова» with a Latin «C», «отпиши» with a Latin «i» for
«і»). Read inside a word of Cyrillic letters as the Cyrillic letter each looks like, the one
table of the intake's words (rights/spelling.py) and the desk's search of names (core/names.py)."""

LOOKALIKES = str.maketrans({
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к", "i": "і",
    "A": "А", "B": "В", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "C": "С",
    "T": "Т", "X": "Х", "Y": "У", "I": "І",
    # The Latin schwa and barred o that fonts and keyboards without Kazakh letters write for
    # «ә» and «ө» («Сəлеметсіз бе», «мəліметтерімді», «нɵмірімді»), the most common of all.
    "ə": "ә", "Ə": "Ә", "ɵ": "ө", "Ɵ": "Ө",
})  # fmt: skip
# The letters of LOOKALIKES, to find a word that holds one.
LOOKALIKE_LETTERS = "a-zA-ZəƏɵƟ"
