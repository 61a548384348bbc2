"""Characters that draw only onto the one before them, typed where they draw nothing: a
variation selector, which picks one of a character's drawings, after a character that has one
only (a Kazakh, Russian or Latin letter, a space); a combining mark, an accent drawn over the
letter before it, where there is no letter (at the start, after a space, a tab or a line break).
«Ә︀сел» was stored as a name that reads «Әсел» and is another string, and «Әсел ́́» with accents
over a blank. The one rule common.text.clean_form_text drops them by."""

import re
import unicodedata

# VS1–VS16, VS17–VS256, and Mongolian's free variation selectors.
SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\u180b-\u180d\u180f]")
# What has drawings to pick from besides the symbols (an emoji, ❤️, ©️: every S* category): a
# digit, «#» or «*» (a keycap, 1️⃣), a CJK ideograph (a family name's variant), a Myanmar,
# Mongolian or Phags-pa letter (Unicode's standardized variants).
VARIED = re.compile(
    "[0-9#*\u1000-\u109f\u1800-\u18af\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ua840-\ua877"
    "\U00020000-\U0003134f]"
)


def draws_nothing(ch: str, base: str) -> bool:
    """Whether `ch`, typed after `base` (the last character kept that is no mark, "" at the
    start), draws nothing: a variation selector after a character with one drawing only, or a
    combining mark over no letter."""
    if SELECTORS.match(ch):
        return not base or not (VARIED.match(base) or unicodedata.category(base)[0] == "S")
    return unicodedata.category(ch)[0] == "M" and (not base or base.isspace())
