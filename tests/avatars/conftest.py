import pytest


@pytest.fixture
def app_config(app_config, tmp_path):
    return {**app_config, "AVATAR_FOLDER": str(tmp_path / "avatars")}


@pytest.fixture
def folder(app, tmp_path):
    return tmp_path / "avatars"
