"""The rules the fixtures enforce: on CI a missing ../shared fails the run; locally it skips."""
from __future__ import annotations

import pytest

from conftest import on_ci, require_shared


@pytest.mark.parametrize("value, ci", [("true", True), ("1", True), ("TRUE", True), ("", False), ("false", False),
                                       ("0", False)])
def test_ci_is_read_from_the_environment(monkeypatch, value, ci):
    monkeypatch.setenv("CI", value)
    assert on_ci() is ci


def test_a_missing_shared_folder_fails_on_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must lay it out"):
        require_shared(tmp_path / "shared")


def test_a_missing_shared_folder_skips_locally(monkeypatch, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        require_shared(tmp_path / "shared")


def test_a_present_shared_folder_is_used(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "gold.json").write_text("{}")
    assert require_shared(tmp_path) == tmp_path
