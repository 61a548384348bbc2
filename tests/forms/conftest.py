import pytest

from tests.conftest import StoredFiles


@pytest.fixture
def media(settings, tmp_path):
    """The files at rest: rows in the database; and nothing on this host's disk, ever."""
    settings.MEDIA_ROOT = tmp_path
    yield StoredFiles()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
