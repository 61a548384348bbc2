"""A postscript under the writer's sign-off is theirs again (compliance L7): «Когда начнётся
курс?\\n\\nС уважением,\\nАсель\\n\\nP.S. И отпишите меня от рассылки» read only the question, the
lines from «С уважением» on taken for the signature (reading.read_own), and opened «other» for
fifteen working days while the news went on. Not under a legal notice, whose lines are no one's."""

import re

# «P.S.», «PS:», «P. S.», «П.С.», «ПС», «PPS», a line's first word, however typed.
POSTSCRIPT = re.compile(r"\s*(?:p\.?\s?)+s\b\.?|\s*(?:п\.?\s?)+с\b\.?", re.IGNORECASE)


def resumes(line: str) -> bool:
    """Whether `line` opens a postscript: what the writer wrote again below their sign-off."""
    return bool(POSTSCRIPT.match(line))
