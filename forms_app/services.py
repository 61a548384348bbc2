"""The services an application may name. The project owns them (`emalu.models.Service`) and,
being the layer above, registers here how to list the published ones when it starts."""

from collections.abc import Callable

# () -> [(slug, title in the active language)] of the published services, in their order.
_published: Callable[[], list[tuple[str, str]]] = list


def register(published: Callable[[], list[tuple[str, str]]]) -> None:
    global _published
    _published = published


def choices() -> list[tuple[str, str]]:
    return _published()
