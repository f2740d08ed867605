"""Fixtures: a Hub imitation on 127.0.0.1 and a fresh HF_HOME per test (issue #5, "Done when")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from huggingface_hub import constants as hf_constants

from lmdef.hub import RetryPolicy

from .hubsim import HubSim


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[HubSim]:
    sim = HubSim().start()
    monkeypatch.setenv("HF_ENDPOINT", sim.endpoint)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    # huggingface_hub read that variable at import; its user-agent code would otherwise ask
    # the (real, unreachable) Hub for an agent registry.
    monkeypatch.setattr(hf_constants, "HF_HUB_DISABLE_TELEMETRY", True)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("HF_HUB_CACHE", "HF_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    yield sim
    sim.stop()


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def fast_retry(waits: list[float]) -> RetryPolicy:
    """Real retry counts, no real waiting: the waits are recorded in `waits` instead of slept."""
    return RetryPolicy(max_retries=3, base_wait=0.01, max_wait=5.0, sleep=waits.append)
