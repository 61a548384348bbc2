"""A postscript under the writer's sign-off is theirs again (compliance L7): «Когда начнётся
курс?\\n\\nС уважением,\\nАсель\\n\\nP.S. И отпишите меня от рассылки» read only the question, the
lines from «С уважением» on taken for the signature (reading.read_own), and opened «other» for
fifteen working days while the news went on. Not under a legal notice, whose lines are no one's;
and only to its paragraph's end: below a blank line the signature goes on, a name, a company and
its notice («Запрещаю обработку персональных данных из этого письма») no words of the writer's."""

import re

# «P.S.», «PS:», «P. S.», «П.С.», «ПС», «PPS», a line's first word, however typed.
POSTSCRIPT = re.compile(r"\s*(?:p\.?\s?)+s\b\.?|\s*(?:п\.?\s?)+с\b\.?", re.IGNORECASE)


def resumes(line: str) -> bool:
    """Whether `line` opens a postscript: what the writer wrote again below their sign-off."""
    return bool(POSTSCRIPT.match(line))


# A reading's state in a postscript (reading.read_own): falsy, its lines the writer's, as the
# state before a signature (False) is; a signature's is True, a legal notice's "notice".
IN_POSTSCRIPT = ""


def signed(state: bool | str, line: str) -> bool | str:
    """The state of read_own at `line`, from `state` at the line before: a postscript opens
    under a signature (not under a notice), and a blank line ends it, the signature resumed."""
    if state is True and resumes(line):
        return IN_POSTSCRIPT
    if state == IN_POSTSCRIPT and not line.strip():
        return True
    return state
