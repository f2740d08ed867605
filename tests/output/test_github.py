"""GitHub workflow commands: right place, right level, and no command injection from cards.

`runner_parse` re-implements how the Actions runner reads a line of step output
(actions/runner ActionCommand.TryParseV2 and its unescaping), so each hostile case is checked
the way GitHub would read it, not by comparing against our own escaper.
"""

from __future__ import annotations

import pytest
from output_factories import CARD, classification, find, lint_report, model

from lmdef.output import github
from lmdef.report import LintedFile

_DATA = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
_PROPS = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


def _unescape(text: str, table: list[tuple[str, str]]) -> str:
    for escaped, raw in table:
        text = text.replace(escaped, raw)
    return text


def runner_parse(line: str) -> tuple[str, dict[str, str], str] | None:
    s = line.lstrip()
    if not s.startswith("::"):
        return None
    end = s.find("::", 2)
    if end < 0:
        return None
    info = s[2:end]
    name, _, rest = info.partition(" ")
    props = {}
    for pair in rest.strip().split(","):
        key, sep, value = pair.partition("=")
        if pair and sep:
            props[key] = _unescape(value, _PROPS)
    return name, props, _unescape(s[end + 2 :], _DATA)


def commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    # splitlines() breaks on more characters than the runner does: a stricter check.
    return [c for c in map(runner_parse, output.splitlines()) if c is not None]


HOSTILE = [
    ("::error::pwned", "README.md", "::error::pwned", "README.md"),
    ("ok\n::error file=x.md::pwned", "README.md", "ok\n::error file=x.md::pwned", "README.md"),
    ("ok\r::warning::pwned\r\n", "README.md", "ok\r::warning::pwned\r\n", "README.md"),
    ("100% sure, %0A is not a newline", "a.md", "100% sure, %0A is not a newline", "a.md"),
    ("\x1b[31mred\x1b[0m\x00 text", "a.md", "[31mred[0m text", "a.md"),
    ("sep\u2028::error::x\x85::error::y", "a.md", "sep::error::x::error::y", "a.md"),
    ("bidi \u202etxt.exe", "a.md", "bidi txt.exe", "a.md"),
    ("msg", "docs/a,b:c.md", "msg", "docs/a,b:c.md"),
    ("msg", "./evil\n::error::x.md", "msg", "evil\n::error::x.md"),
    ("msg", "x::y=z,title=pwned.md", "msg", "x::y=z,title=pwned.md"),
]


@pytest.mark.parametrize(
    ("message", "path", "want_message", "want_path"),
    HOSTILE,
    ids=[
        "command-in-message",
        "newline-then-command",
        "carriage-returns",
        "percent-literals",
        "ansi-and-nul",
        "unicode-line-separators",
        "bidi-override",
        "comma-colon-in-path",
        "newline-in-path",
        "colons-equals-in-path",
    ],
)
def test_hostile_text_cannot_inject_commands(message, path, want_message, want_path):
    f = find(CARD, "emergent", message=message)
    out = github.render_lint(lint_report([LintedFile(path=path, findings=[f])]))
    assert len(out.splitlines()) == 2  # the annotation and the plain summary line
    ((name, props, data),) = commands(out)
    assert name == "warning"
    assert props["file"] == want_path
    assert props["title"] == "LMD101 undefined-term"
    assert set(props) == {"file", "line", "endLine", "col", "endColumn", "title"}
    assert data == f"{want_message}\n{f.help}"


def test_annotation_positions_use_utf16_columns():
    f = find(CARD, "emergent")
    ((_, props, _),) = commands(
        github.render_lint(lint_report([LintedFile(path="README.md", findings=[f])]))
    )
    assert (props["line"], props["endLine"]) == (str(f.start.line), str(f.end.line))
    assert (props["col"], props["endColumn"]) == ("13", "21")  # 🚀 counts two units


@pytest.mark.parametrize(
    ("severity", "command"),
    [("error", "error"), ("warning", "warning"), ("info", "notice")],
    ids=["error", "warning", "info-is-notice"],
)
def test_severity_picks_the_command(severity, command):
    f = find(CARD, "emergent").model_copy(update={"severity": severity})
    ((name, _, _),) = commands(
        github.render_lint(lint_report([LintedFile(path="a.md", findings=[f])]))
    )
    assert name == command


def test_unlintable_file_is_an_error_annotation(card_report):
    cmds = commands(github.render_lint(card_report))
    assert [c[0] for c in cmds] == ["warning", "warning", "error"]
    assert cmds[2][1]["file"] == "blob.md"
    assert "not UTF-8" in cmds[2][2]
    assert cmds[0][1]["file"] == "models/README.md"


def test_classification_gives_one_notice_per_model_plus_findings(claim_report):
    cmds = commands(github.render_classification(claim_report))
    assert [(c[0], c[1].get("title")) for c in cmds] == [
        ("notice", "lmdef classify acme/tiny-bert"),
        ("error", "LMD201 unsupported-llm-claim"),
        ("notice", "lmdef classify acme/big"),
        ("error", "lmdef classify acme/missing"),
    ]
    assert cmds[0][2].startswith("verdict: not-llm (text yes, data unknown, transfer no)")
    assert cmds[1][1]["file"] == "README.md"
    assert "pretraining tokens ≈ 3e+09" in cmds[2][2]


def test_hostile_model_id_stays_inside_its_notice():
    evil = model("x\n::error::pwned,title=y", verdict="llm")
    out = github.render_classification(classification([evil]))
    ((name, props, _),) = commands(out)
    assert (name, props["title"]) == ("notice", "lmdef classify x\n::error::pwned,title=y")
