"""YAML front matter of Markdown files (Hugging Face model cards), parsed defensively.

A card starts with a YAML block between a first `---` line and the next `---` line (the
Hub's own regex, huggingface_hub.repocard, also tolerates leading whitespace; we also tolerate
a BOM and CRLF line ends). Front matter is hostile input (issue #2 section 9): we only ever use
a *safe* loader (libyaml's CSafeLoader when available), cap its size, and compose the node
graph first so that alias bombs ("billion laughs", also via `<<` merge keys, which copy) and
absurd nesting are refused before any Python object is built. Errors are one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from lmdef.spans import Span

try:  # libyaml: ~10x faster and its composer is not recursive in Python
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_ALIASES = 100  # real cards use none or a handful; a bomb needs many
MAX_EXPANDED_NODES = 100_000  # nodes after expanding every alias (cards have ~10^2-10^3)
MAX_DEPTH = 64

# Opening delimiter: optional BOM / blank lines, then a `---` line. Closing: the next `---` line.
_OPEN = re.compile(r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n")
_CLOSE = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The result of splitting a Markdown text into front matter and body.

    `span` covers the whole block including both `---` lines (None when there is no front
    matter); `body_start` is the offset of the first character after it (0 without one).
    `data` is the parsed mapping ({} for an empty block), None when absent or invalid;
    `error` is a one-line reason when the block exists but cannot be used.
    """

    data: Mapping[str, Any] | None
    span: Span | None
    body_start: int
    error: str | None = None
    # True when the block is hostile (too large, alias bomb, recursive, too deep): the input is
    # refused. False for a merely malformed block (a syntax error, not a mapping), which real
    # cards have and the Hub still renders: readers ignore the metadata and keep the prose.
    hostile: bool = False


class FrontMatterError(ValueError):
    """The YAML is malformed or hostile (`hostile`); the message is one line."""

    def __init__(self, message: str, *, hostile: bool = False) -> None:
        super().__init__(message)
        self.hostile = hostile


def split_front_matter(text: str) -> FrontMatter:
    """Find and parse the leading `--- ... ---` YAML block of `text` (offsets are code points)."""
    opening = _OPEN.match(text)
    if opening is None:
        return FrontMatter(data=None, span=None, body_start=0)
    yaml_start = opening.end()
    closing = _CLOSE.search(text, yaml_start)
    if closing is None:
        # An unclosed `---` is a thematic break in Markdown, not front matter (as on the Hub).
        return FrontMatter(data=None, span=None, body_start=0)
    span = Span(0, closing.end())
    yaml_text = text[yaml_start : closing.start()]
    # 1-based file line of the first YAML line, to point errors at the file, not the block.
    first_line = text.count("\n", 0, yaml_start) + 1
    try:
        data = load_yaml_mapping(yaml_text, first_line=first_line)
    except FrontMatterError as exc:
        return FrontMatter(
            data=None, span=span, body_start=span.end, error=str(exc), hostile=exc.hostile
        )
    return FrontMatter(data=data, span=span, body_start=span.end)


def load_yaml_mapping(yaml_text: str, *, first_line: int = 1) -> dict[Any, Any]:
    """Safely parse `yaml_text` that must be a mapping (or empty -> {}).

    Raises FrontMatterError with a one-line reason; `first_line` shifts reported line numbers.
    Shared with card readers elsewhere (classify, hub) so every YAML entry point has the limits.
    """
    data = safe_load_limited(yaml_text, first_line=first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {_yaml_type(data)}, not a mapping")
    return data


def safe_load_limited(yaml_text: str, *, first_line: int = 1) -> Any:
    """Safe-load one YAML document with size, alias and depth limits (never yaml.load)."""
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            f"front matter too large ({len(yaml_text) // 1024} KiB > "
            f"{MAX_FRONT_MATTER_CHARS // 1024} KiB)",
            hostile=True,
        )
    loader = _BaseLoader(yaml_text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise FrontMatterError(_describe(exc, first_line)) from None
        except yaml.YAMLError as exc:
            raise FrontMatterError(f"malformed YAML front matter: {_one_line(exc)}") from None
        except RecursionError:
            raise FrontMatterError(
                f"front matter nested too deeply (> {MAX_DEPTH})", hostile=True
            ) from None
        if node is None:
            return None
        if _may_be_hostile(yaml_text):
            _check_graph(node)
        try:
            return loader.construct_document(node)
        except RecursionError:
            raise FrontMatterError(
                f"front matter nested too deeply (> {MAX_DEPTH})", hostile=True
            ) from None
        except yaml.MarkedYAMLError as exc:
            raise FrontMatterError(_describe(exc, first_line)) from None
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. an invalid timestamp or an unhashable merge key
            raise FrontMatterError(f"malformed YAML front matter: {_one_line(exc)}") from None
    finally:
        loader.dispose()


def _may_be_hostile(yaml_text: str) -> bool:
    """Cheap pre-check so ordinary cards skip the graph walk (a third of the parse time).

    Without an anchor (`&`) there are no aliases, so no bomb and no cycle; nesting needs at
    least one bracket or two columns of indent per level.
    """
    if "&" in yaml_text:
        return True
    if yaml_text.count("[") + yaml_text.count("{") > MAX_DEPTH:
        return True
    return MAX_DEPTH * " " in yaml_text or MAX_DEPTH * "- " in yaml_text


def _check_graph(root: yaml.Node) -> None:
    """Refuse alias bombs, cycles and deep nesting by walking the composed node graph.

    Aliases compose to shared node objects, so a node reached twice is an alias use. The
    expanded size (every alias counted at full size) is what a consumer that walks or copies the
    data (merge keys copy) would pay, so that is what we cap.
    """
    expanded: dict[int, int] = {}  # id(node) -> expanded node count, once finished
    on_path: set[int] = set()
    aliases = 0
    # Iterative post-order walk: (node, depth, children_pushed)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[key] > MAX_EXPANDED_NODES:
                raise FrontMatterError(
                    f"front matter expands to more than {MAX_EXPANDED_NODES} nodes "
                    "(YAML alias bomb?)",
                    hostile=True,
                )
            continue
        if key in expanded:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise FrontMatterError(
                    f"front matter uses more than {MAX_ALIASES} YAML aliases (alias bomb?)",
                    hostile=True,
                )
            continue
        if key in on_path:
            raise FrontMatterError("front matter contains a recursive YAML alias", hostile=True)
        if depth > MAX_DEPTH:
            raise FrontMatterError(f"front matter nested too deeply (> {MAX_DEPTH})", hostile=True)
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _describe(exc: yaml.MarkedYAMLError, first_line: int) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f" at line {first_line + mark.line}" if mark is not None else ""
    problem = exc.problem or exc.context or "syntax error"
    return f"malformed YAML front matter{where}: {_one_line(problem)}"


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:200]


def _yaml_type(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__
