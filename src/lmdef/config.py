"""Lint configuration: `[tool.lmdef]` in pyproject.toml or `.lmdef.toml`, validated strictly.

Keys mirror the long CLI flags (issue #2 section 7). An unknown key or a wrong type is an error
naming its path (`pyproject.toml: [tool.lmdef] unknown key 'slect' (did you mean 'select'?)`).
Config is found once per run, upward from the working directory (or `--config`), never per file,
so pre-commit's batching of files never changes a result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FailOn = Literal["error", "warning", "info", "never"]
FAIL_ON_VALUES: tuple[str, ...] = ("error", "warning", "info", "never")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024  # issue #2 section 9: 5 MB
CONFIG_NAMES = (".lmdef.toml", "pyproject.toml")  # same folder: .lmdef.toml wins

KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "glossary",
    "extra-terms",
    "fail-on",
    "max-file-size",
)


class ConfigError(ValueError):
    """A config problem, as one line naming the file and key path (exit code 2)."""


@dataclass(frozen=True)
class Config:
    """What a lint run is configured with. Immutable; CLI flags are applied with `with_cli`."""

    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    glossary: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    extra_terms: tuple[Mapping[str, Any], ...] = ()
    fail_on: FailOn = "warning"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    root: str | None = None  # folder per-file-ignores globs are relative to
    source: str | None = None  # the file this came from
    prefix: str = ""  # starts messages about its keys: "pyproject.toml: [tool.lmdef] "

    def with_cli(
        self,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        fail_on: str | None = None,
    ) -> Config:
        """CLI flags win: --select replaces the configured selection (as in ruff), --ignore adds
        to the configured ignores, --fail-on replaces."""
        return dataclasses.replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore),
            fail_on=fail_on or self.fail_on,  # type: ignore[arg-type]
        )

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores switches off for `path`."""
        if not self.per_file_ignores:
            return ()
        rel = _relative(path, self.root)
        base = rel.rsplit("/", 1)[-1]
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            target = rel if "/" in pattern else base
            if _glob_regex(pattern).fullmatch(target):
                out.extend(selectors)
        return tuple(out)


def _relative(path: str, root: str | None) -> str:
    p = os.path.abspath(path)
    if root:
        with contextlib.suppress(ValueError):  # another drive on Windows: keep it absolute
            p = os.path.relpath(p, root)
    return p.replace(os.sep, "/")


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """`**` crosses folders, `*` and `?` do not; a trailing `/` means everything below."""
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    if pat.endswith("/"):
        pat += "**"
    out = []
    i = 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif pat[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pat[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pat[i]))
            i += 1
    return re.compile("".join(out))


# --- discovery and loading ---------------------------------------------------------------


def discover(start: str | os.PathLike[str]) -> Path | None:
    """The nearest `.lmdef.toml`, or `pyproject.toml` with a `[tool.lmdef]` table, at or above
    `start`."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        candidate = folder / ".lmdef.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_lmdef_table(candidate):
            return candidate
    return None


def _has_lmdef_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to complain about unless it is chosen with --config
    tool = data.get("tool")
    return isinstance(tool, dict) and "lmdef" in tool


def load_config(path: str | os.PathLike[str] | None = None, cwd: str | None = None) -> Config:
    """Load `path` (from --config) or the discovered file; defaults when there is none."""
    chosen = Path(path) if path is not None else discover(cwd or os.getcwd())
    if chosen is None:
        return Config()
    shown = _shown(chosen, cwd)
    try:
        raw = tomllib.loads(chosen.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{shown}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None
    tool = raw.get("tool")
    if chosen.name == "pyproject.toml":
        table = tool.get("lmdef") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{shown}: no [tool.lmdef] table")
        where = "[tool.lmdef] "
    elif set(raw) == {"tool"} and isinstance(tool, dict) and set(tool) == {"lmdef"}:
        # A [tool.lmdef] section copied from pyproject.toml works in .lmdef.toml too.
        table, where = tool["lmdef"], "[tool.lmdef] "
    else:
        table, where = raw, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}: {where.strip() or 'config'} must be a table")
    return parse_table(table, f"{shown}: {where}", root=str(chosen.resolve().parent), source=shown)


def _shown(path: Path, cwd: str | None) -> str:
    try:
        return os.path.relpath(path, cwd or os.getcwd())
    except ValueError:
        return str(path)


def _kind(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be an array of strings, got {_kind(value)}")
    return tuple(value)


def parse_table(table: Mapping[str, Any], prefix: str, root: str | None, source: str) -> Config:
    """Validate one `[tool.lmdef]` table. `prefix` starts every message ("file: [tool.lmdef] ")."""
    from lmdef.rules import UnknownRuleError, resolve_selectors  # rule codes are checked here

    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{prefix}unknown key {key!r}{hint}")

    def rules_at(value: Any, where: str) -> tuple[str, ...]:
        selectors = _string_list(value, f"{prefix}{where}")
        try:
            resolve_selectors(selectors)
        except UnknownRuleError as exc:
            raise ConfigError(f"{prefix}{where}: {exc}") from None
        return selectors

    kwargs: dict[str, Any] = {"root": root, "source": source, "prefix": prefix}
    if "select" in table:
        kwargs["select"] = rules_at(table["select"], "select")
    if "ignore" in table:
        kwargs["ignore"] = rules_at(table["ignore"], "ignore")
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{prefix}per-file-ignores must be a table, got {_kind(pfi)}")
        kwargs["per_file_ignores"] = tuple(
            (glob, rules_at(codes, f"per-file-ignores.{_key(glob)}")) for glob, codes in pfi.items()
        )
    if "glossary" in table:
        glossary = table["glossary"]
        if not isinstance(glossary, dict):
            raise ConfigError(f"{prefix}glossary must be a table, got {_kind(glossary)}")
        for term, text in glossary.items():
            if not isinstance(text, str) or not text.strip():
                raise ConfigError(
                    f"{prefix}glossary.{_key(term)} must be a non-empty string (the definition)"
                )
        kwargs["glossary"] = MappingProxyType(dict(glossary))
    if "extra-terms" in table:
        extra = table["extra-terms"]
        if not isinstance(extra, list) or not all(isinstance(e, dict) for e in extra):
            raise ConfigError(f"{prefix}extra-terms must be an array of tables ([[...]])")
        kwargs["extra_terms"] = tuple(MappingProxyType(e) for e in extra)
    if "fail-on" in table:
        fail_on = table["fail-on"]
        if fail_on not in FAIL_ON_VALUES:
            raise ConfigError(
                f"{prefix}fail-on must be one of {', '.join(FAIL_ON_VALUES)}, got {fail_on!r}"
            )
        kwargs["fail_on"] = fail_on
    if "max-file-size" in table:
        size = table["max-file-size"]
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ConfigError(f"{prefix}max-file-size must be a positive integer (bytes)")
        kwargs["max_file_size"] = size
    return Config(**kwargs)


def _key(key: str) -> str:
    """A TOML key as it would be written in a dotted path."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
