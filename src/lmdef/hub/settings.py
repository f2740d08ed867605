"""Where and how lmdef reaches the Hub, read from the environment at call time.

huggingface_hub reads HF_ENDPOINT, HF_HOME and HF_HUB_OFFLINE once, when it is imported; lmdef
reads them when a run starts and passes them explicitly (endpoint=, cache_dir=, token=,
local_files_only=), so the values in effect are the ones the user set for this run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ENDPOINT = "https://huggingface.co"
# A model card larger than this is refused (hostile input; real cards are < 200 kB).
README_MAX_BYTES = 2_000_000
CONFIG_MAX_BYTES = 8_388_608  # id2label maps of 21k-class models pass 1 MB
# model_info JSON (siblings lists of very large repos run to a few MB).
API_MAX_BYTES = 16_000_000
# The only files lmdef ever asks the Hub for; the transport refuses any other /resolve/ URL,
# so no code path can download weights (issue #5: "Never download weights").
ALLOWED_FILES: Mapping[str, int] = {"README.md": README_MAX_BYTES, "config.json": CONFIG_MAX_BYTES}

_TRUE = {"1", "on", "yes", "true"}


def _is_true(value: str | None) -> bool:
    return (value or "").strip().lower() in _TRUE


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff for 429, 5xx and transport errors.

    `max_retries` counts retries after the first attempt. A 429's Retry-After or RateLimit
    reset is honoured but capped at `max_wait` seconds, so one slow header cannot stall a run.
    `sleep` is injectable so tests assert the waits without sleeping.
    """

    max_retries: int = 4
    base_wait: float = 0.5
    max_wait: float = 20.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)

    def backoff(self, attempt: int) -> float:
        """Wait before retry number `attempt` (1-based) when the server gave no hint."""
        return min(self.max_wait, self.base_wait * (2 ** (attempt - 1)))


@dataclass(frozen=True)
class HubSettings:
    endpoint: str
    token: str | None  # None: huggingface_hub's own lookup (stored login), never printed
    hf_home: Path
    cache_dir: Path  # the standard hub cache (HF_HUB_CACHE, else $HF_HOME/hub)
    offline: bool

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> HubSettings:
        env = os.environ if environ is None else environ
        xdg = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        hf_home = Path(env.get("HF_HOME") or os.path.join(xdg, "huggingface")).expanduser()
        cache_dir = Path(env.get("HF_HUB_CACHE") or hf_home / "hub").expanduser()
        return cls(
            endpoint=(env.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/"),
            token=env.get("HF_TOKEN") or None,
            hf_home=hf_home,
            cache_dir=cache_dir,
            offline=_is_true(env.get("HF_HUB_OFFLINE"))
            or _is_true(env.get("TRANSFORMERS_OFFLINE")),
        )

    def __repr__(self) -> str:  # never show the token, even in a traceback
        token = "set" if self.token else "unset"
        return (
            f"HubSettings(endpoint={self.endpoint!r}, token={token}, cache_dir={str(self.cache_dir)!r},"
            f" offline={self.offline})"
        )
