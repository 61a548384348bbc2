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


def words_digest(text: ConsentText, language: str, full_name: str, fields=None) -> str:
    """The SHA-256 of the words a page shows beside a consent's box or switch (render_consent:
    the text's body in `language`, with `full_name` and the data of `fields`), which the page
    posts back with it: the words the ledger records must be these, whatever was published,
    changed, cached or switched in between (compliance L1)."""
    return sha256(render_consent(text, language, full_name, fields))
