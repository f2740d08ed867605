"""The classifier's vocabulary as data: output-kind maps and prose signals (issue #3 §3).

`data/architectures.yaml` maps pipeline tags, tags, config architectures and library names to
what a model outputs; `data/signals.yaml` lists prose patterns that are evidence for a
criterion. Both are validated by these pydantic models (schemas in `schemas/`), loaded once per
process (`load_maps`, `load_signals` are cached: the files are packaged and immutable).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

Output = Literal["text", "labels", "vectors", "images", "audio", "actions", "other"]
DataKind = Literal["text", "speech", "captions", "none"]
SignalKind = Literal["output", "nonlang", "transfer", "lineage"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OutputKind(_Strict):
    output: Output
    data: DataKind


class ArchitectureMaps(_Strict):
    """What a model outputs, by pipeline tag, tag, config architecture suffix or library."""

    pipeline_tags: dict[str, OutputKind]
    tags: dict[str, OutputKind]
    architectures: dict[str, OutputKind] = Field(
        description="Suffix of a config.json `architectures` entry."
    )
    libraries: dict[str, OutputKind]
    peft_task_types: dict[str, OutputKind] = Field(
        default_factory=dict,
        description="`task_type` of an adapter_config.json (PEFT): the head the adapter trains.",
    )
    text_to_text_model_types: list[str] = Field(
        description="Families that write every answer, even a label, as text."
    )
    name_tasks: dict[str, Output] = Field(
        description="Whole-token fragments of a model name that name its end task."
    )

    def for_architecture(self, name: str) -> OutputKind | None:
        for suffix in sorted(self.architectures, key=len, reverse=True):
            if name.endswith(suffix):
                return self.architectures[suffix]
        return None


class Signal(_Strict):
    id: str
    kind: SignalKind
    value: str
    weight: float = Field(default=1.0, gt=0)
    data: DataKind | None = None
    pattern: str
    triggers: list[str] = Field(
        default_factory=list,
        description="Lowercase substrings; the pattern is tried only on lines holding one.",
    )
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value

    @field_validator("triggers")
    @classmethod
    def _lowercase(cls, value: list[str]) -> list[str]:
        for trigger in value:
            if trigger != trigger.lower() or not trigger:
                raise ValueError(f"trigger {trigger!r} must be non-empty lowercase")
        return value


class Signals(_Strict):
    signals: list[Signal]

    @field_validator("signals")
    @classmethod
    def _unique_ids(cls, value: list[Signal]) -> list[Signal]:
        seen: set[str] = set()
        for signal in value:
            if signal.id in seen:
                raise ValueError(f"duplicate signal id {signal.id!r}")
            seen.add(signal.id)
        return value


def _read(name: str) -> object:
    text = resources.files("lmdef.classify").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def load_maps() -> ArchitectureMaps:
    return ArchitectureMaps.model_validate(_read("architectures.yaml"))


@lru_cache(maxsize=1)
def load_signals() -> Signals:
    return Signals.model_validate(_read("signals.yaml"))
