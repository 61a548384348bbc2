"""A letter forwarded from an iPhone, an iPad or a Mac (Apple Mail): its plain text quotes the
whole forwarded message with «>», the head too, under «Начало переадресованного письма:» or
«Begin forwarded message:» (newer versions quote that line as well). The head's sender went
unread, nothing marked the letter as someone else's, and the forwarded «Fwd:» subject line was
read as the forwarder's own words: Әсел passing on her mother's «Отзыв согласия» had her own
consents withdrawn as the letter arrived (forwarded.py; compliance L7, L9)."""

from email.message import EmailMessage

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched

MOTHERS = ("> От кого: Гульнара Қасымова <gulnara@example.kz>\n"
           "> Дата: 30 ноября 2026 г. в 09:12:00 GMT+6\n"
           "> Кому: Әсел Қасымова <asel@example.kz>\n"
           "> Тема: Отзыв согласия\n>\n"
           "> Отзываю согласие на обработку моих персональных данных.\n")  # fmt: skip
FORWARDS = {
    "iPhone, ru": "\n\nОтправлено с iPhone\n\nНачало переадресованного письма:\n\n" + MOTHERS,
    "iPhone, its marker quoted too": ("Посмотрите, пожалуйста.\n\nОтправлено с iPhone\n\n"
                                      "> Начало переадресованного письма:\n>\n" + MOTHERS),
    "Mac, en": ("\n\nSent from my Mac\n\nBegin forwarded message:\n\n"
                "> From: Gulnara <gulnara@example.kz>\n> Subject: Отзыв согласия\n"
                "> Date: 30 November 2026 at 09:12:00 GMT+6\n> To: asel@example.kz\n>\n"
                "> Отзываю согласие на обработку моих персональных данных.\n"),
}  # fmt: skip


@pytest.mark.parametrize("body", FORWARDS.values(), ids=FORWARDS)
def test_someone_elses_letter_forwarded_from_an_iphone_is_not_the_forwarders(person, body):
    ticket = ingest(message("Fwd: Отзыв согласия", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.OTHER, True)
    assert ticket.limits == {"forwarded": True}
    assert untouched(person)
    [mail] = mails_to("asel@example.kz")
    assert "/requests/confirm/" not in mail.message


def test_a_persons_own_letter_forwarded_again_from_an_iphone_is_read(person):
    """Her own unsubscribe, which she forwards again under «Fwd: Без темы»: read as hers, the
    news stopped as it arrives."""
    body = ("\n\nОтправлено с iPhone\n\nНачало переадресованного письма:\n\n"
            "> От кого: Әсел Қасымова <asel@example.kz>\n> Дата: 30 ноября 2026 г. в 09:12\n"
            "> Кому: em.alu.plus@mail.kz\n> Тема: Без темы\n>\n"
            "> Отпишите меня от рассылки.\n")  # fmt: skip
    ticket = ingest(message("Fwd: Без темы", body=body))
    assert (ticket.type, ticket.status) == (Ticket.Type.UNSUBSCRIBE, Ticket.Status.DONE)
    assert not gate.may_process(person, MARKETING)


# The HTML an iPhone sends beside the plain text: the forwarded letter in «blockquote type=cite».
APPLE_HTML = (
    '<html><body dir="auto"><div dir="ltr">Отправлено с iPhone</div><div dir="ltr"><br>'
    'Начало переадресованного письма:<br><br></div><blockquote type="cite"><div dir="ltr">'
    "<b>От кого:</b> Гульнара Қасымова &lt;gulnara@example.kz&gt;<br><b>Дата:</b> 30 ноября "
    "2026 г. в 09:12:00 GMT+6<br><b>Кому:</b> Әсел &lt;asel@example.kz&gt;<br><b>Тема:</b> "
    '<b>Отзыв согласия</b><br><br></div></blockquote><blockquote type="cite"><div dir="ltr">'
    "Отзываю согласие на обработку моих персональных данных.</div></blockquote></body></html>"
)


@pytest.mark.parametrize("plain", [FORWARDS["iPhone, ru"], None], ids=["both parts", "HTML only"])
def test_an_iphones_forward_as_sent_is_not_the_forwarders(person, plain):
    letter = EmailMessage()
    letter["From"], letter["To"] = "Әсел <asel@example.kz>", "em.alu.plus@mail.kz"
    letter["Subject"], letter["Message-ID"] = "Fwd: Отзыв согласия", "<apple@example.kz>"
    if plain is None:
        letter.set_content(APPLE_HTML, subtype="html")
    else:
        letter.set_content(plain)
        letter.add_alternative(APPLE_HTML, subtype="html")
    ticket = ingest(letter.as_bytes())
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.OTHER, True)
    assert untouched(person)
