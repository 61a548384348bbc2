"""Whether what the operator published still gives the SHA-256 published with it (compliance L4).

A consent text's bodies, a policy version's texts and an operator's document are frozen at
publication with their SHA-256 (texts.text_publish, texts.policy_publish,
documents.document_publish), and triggers refuse any change to a published row. Someone holding
the database owner's rights can still bypass them: the words kept would then no longer be the
words published, and a consent given to them since would be hashed over the altered words. Each
reader of the words asks here first: the consent evidence and the access answer (a grant is
proven only by a text that is as published), and the database check that tells the operator
(checks.check_published_digests).

Policy version 1, published by migration 0002 before digests were kept, got the digest of the
words it was published with from migration 0059 (the seed files, not the row as it then was). A
row still without one has no digest to be checked against, and is not said to be altered."""

import re

from .documents import content_digest
from .models import ConsentText, OperatorDocument, PolicyVersion
from .texts import render_consent, sha256

LANGUAGES = ("kk", "ru")


def _intact(row, digest: str, published: str) -> bool:
    """Whether a published `row`'s words, whose SHA-256 is `digest`, give the one `published`
    with them. A draft, or a row published before digests were kept, has none to be checked
    against: it is what it is."""
    return not (row.is_published and published) or digest == published


def text_intact(text: ConsentText, language: str) -> bool:
    """Whether the consent text's body in `language` gives the SHA-256 published with it."""
    return _intact(text, sha256(text.body(language)), getattr(text, f"sha256_{language}"))


def policy_intact(policy: PolicyVersion, language: str) -> bool:
    """Whether the policy version's text in `language` gives the SHA-256 published with it."""
    words = getattr(policy, f"text_{language}")
    return _intact(policy, sha256(words), getattr(policy, f"sha256_{language}"))


def document_intact(document: OperatorDocument) -> bool:
    """Whether an operator's document's content gives the SHA-256 published with it (as
    documents.content_digest takes it)."""
    return _intact(document, content_digest(document.content), document.sha256)


def altered() -> list[tuple[ConsentText | PolicyVersion | OperatorDocument, str]]:
    """Each published text whose words do not give their published SHA-256, with the language
    of the words at fault ("" for a document, whose digest covers both)."""
    found: list = []
    for text in ConsentText.objects.exclude(published_at=None).order_by("purpose", "version"):
        found += [(text, lang) for lang in LANGUAGES if not text_intact(text, lang)]
    for policy in PolicyVersion.objects.exclude(published_at=None).order_by("number"):
        found += [(policy, lang) for lang in LANGUAGES if not policy_intact(policy, lang)]
    for document in OperatorDocument.objects.exclude(published_at=None).order_by("kind", "version"):
        if not document_intact(document):
            found.append((document, ""))
    return found


def digests_broken() -> list[str]:
    """altered(), named in English for the operator's log (what a system check says)."""
    named = []
    for obj, lang in altered():
        if isinstance(obj, ConsentText):
            named.append(f"consent text '{obj.purpose}' version {obj.version} ({lang})")
        elif isinstance(obj, PolicyVersion):
            named.append(f"privacy policy version {obj.number} ({lang})")
        else:
            named.append(f"operator's document '{obj.kind}' version {obj.version}")
    return named


def words_shown(text: ConsentText, language: str, full_name: str, fields=None) -> str:
    """ "<text id>:<digest>", the SHA-256 of the words a page shows beside a consent's box or
    switch (render_consent: the text's body in `language`, with `full_name` and the data of
    `fields`), which the page posts back with it (shown_value): the words the ledger records
    must be these, whatever was published, changed, cached or switched in between (compliance
    L1)."""
    return f"{text.pk}:{sha256(render_consent(text, language, full_name, fields))}"


# The hidden field a page that takes a consent posts back with its box or button: for each
# purpose, words_shown: the text's id and the digest of its words as shown, «service:12:<digest>,…».
TEXTS_SHOWN = "texts_shown"
_SHOWN_ITEM = re.compile(r"([a-z_]{1,40}):([0-9]{1,18}:[0-9a-f]{64})")


def shown_value(shown: dict[str, str]) -> str:
    """The field's value for {purpose: "<text id>:<digest>"}, the words a page shows."""
    return ",".join(f"{purpose}:{words}" for purpose, words in shown.items())


def shown_read(value: object) -> dict[str, str] | None:
    """{purpose: "<text id>:<digest>"} of a posted field; None when there is none, or it is not
    of shown_value's shape (a page of this site's always sends one). A consent is recorded to
    the words the person saw, and a post that does not say which they were proves none: it is
    asked again beside the words, never held to the texts in force (compliance L1)."""
    if not isinstance(value, str) or not value or len(value) > 2000:
        return None
    items = [_SHOWN_ITEM.fullmatch(item) for item in value.split(",")]
    if not all(items) or len({m[1] for m in items}) != len(items):
        return None
    return {m[1]: m[2] for m in items}


def words_unconfirmed(value: object, now: dict[str, str]) -> list[str]:
    """The purposes of `now` ({purpose: "<text id>:<digest>"} of the words that would be
    recorded) whose words the posted `value` does not name: all of them when it names none."""
    posted = shown_read(value) or {}
    return [purpose for purpose, words in now.items() if posted.get(purpose) != words]
