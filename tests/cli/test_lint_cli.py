"""`lmdef lint` through click's CliRunner: exit codes, formats, rule selection, stdin, config
errors, bad inputs beside good ones (issue #2 sections 6-9)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLEAN = "# Card\n\nThe weather model predicts rain from radar images.\n"
VAGUE = "# Card\n\nOur LLM is the best.\n"
# A stale suppression: LMD901 flags it whatever else the rules find.
STALE = "# Card\n\n<!-- lmdef: ignore[undefined-term] -->\nThe weather is nice.\n"


def write(path: Path, text: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path.name if path.parent == Path.cwd() else path)


def test_clean_file_exits_0(lmdef) -> None:
    write(Path("clean.md"), CLEAN)
    run = lmdef("lint", "clean.md")
    assert run.code == 0, run.out
    assert run.out == "No findings in 1 file.\n"


def test_undefined_term_exits_1_with_position_and_help(lmdef) -> None:
    write(Path("card.md"), VAGUE)
    run = lmdef("lint", "card.md")
    assert run.code == 1
    first, help_line = run.out.splitlines()[:2]
    assert first.startswith("card.md:3:5: LMD101 [llm] ")
    assert help_line.startswith("    help: ")


def test_stale_suppression_exits_1(lmdef) -> None:
    write(Path("card.md"), STALE)
    run = lmdef("lint", "card.md")
    assert run.code == 1
    assert run.out.startswith("card.md:3:1: LMD901 ")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param((), 1, id="default-fail-on-warning"),
        pytest.param(("--fail-on", "warning"), 1, id="warning"),
        pytest.param(("--fail-on", "info"), 1, id="info"),
        pytest.param(("--fail-on", "error"), 0, id="error-ignores-warnings"),
        pytest.param(("--fail-on", "never"), 0, id="never"),
        pytest.param(("--ignore", "LMD901"), 0, id="ignore-code"),
        pytest.param(("--ignore", "unused-suppression"), 0, id="ignore-name"),
        pytest.param(("--select", "LMD101"), 0, id="select-other-rule"),
        pytest.param(("--select", "LMD1,LMD9"), 1, id="select-prefixes"),
        # LMD901 alone judges no directive: the rule they name did not run.
        pytest.param(("--select", "LMD9"), 0, id="lmd901-judges-only-rules-that-ran"),
    ],
)
def test_fail_on_select_ignore(lmdef, args: tuple[str, ...], code: int) -> None:
    write(Path("card.md"), STALE)
    assert lmdef("lint", *args, "card.md").code == code


def test_opt_in_rule_needs_select(lmdef) -> None:
    write(Path("card.md"), "# Card\n\nOur LLM is good.\n\nAn LLM is a model of text.\n")
    default = lmdef("lint", "--format", "json", "card.md").json
    assert "LMD102" not in default["summary"]["by_rule"]


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_unknown_rule_is_a_usage_error(lmdef, flag: str) -> None:
    write(Path("card.md"), CLEAN)
    run = lmdef("lint", flag, "LMD999", "card.md")
    assert run.code == 2
    assert f"{flag}: unknown rule 'LMD999'" in run.err
    assert "LMD901 (unused-suppression)" in run.err


def test_no_inputs_is_a_usage_error(lmdef) -> None:
    run = lmdef("lint")
    assert run.code == 2
    assert "no inputs" in run.err


def test_json_report_matches_contract(lmdef) -> None:
    write(Path("card.md"), STALE)
    write(Path("clean.md"), CLEAN)
    data = lmdef("lint", "--format", "json", "card.md", "clean.md").json
    assert data["schema_version"] == "1"
    assert [f["path"] for f in data["files"]] == ["card.md", "clean.md"]
    finding = data["files"][0]["findings"][0]
    assert finding["rule"] == "LMD901"
    assert finding["rule_name"] == "unused-suppression"
    assert finding["severity"] == "warning"
    assert finding["start"] == {"line": 3, "column": 1}
    assert data["summary"]["files"] == 2
    assert data["summary"]["files_with_findings"] == 1
    assert data["summary"]["by_rule"] == {"LMD901": 1}


def test_output_file(lmdef) -> None:
    write(Path("card.md"), STALE)
    run = lmdef("lint", "--format", "json", "-o", "report.json", "card.md")
    assert run.code == 1
    assert run.out == ""
    assert '"LMD901"' in Path("report.json").read_text(encoding="utf-8")


def test_stdin_uses_the_filename_for_markup_and_paths(lmdef) -> None:
    run = lmdef("lint", "--stdin-filename", "docs/card.md", "-", input=STALE)
    assert run.code == 1
    # The HTML comment was read as a Markdown directive, and findings carry the given name.
    assert run.out.startswith("docs/card.md:3:1: LMD901 ")


def test_missing_file_is_reported_and_the_others_still_linted(lmdef) -> None:
    write(Path("card.md"), STALE)
    run = lmdef("lint", "--format", "json", "missing.md", "card.md")
    assert run.code == 2
    files = run.json["files"]
    assert files[0]["path"] == "missing.md" and "error" in files[0]
    assert files[1]["path"] == "card.md" and files[1]["findings"]


BAD_INPUTS = [
    pytest.param("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="binary"),
    pytest.param("latin1.md", "Caf\u00e9 LLM".encode("latin-1"), id="non-utf8"),
    pytest.param(
        "bomb.md",
        (
            b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n\nText.\n"
        ),
        id="yaml-alias-bomb",
    ),
]


@pytest.mark.parametrize(("name", "content"), BAD_INPUTS)
def test_bad_input_gets_an_error_and_the_others_are_linted(lmdef, name: str, content) -> None:
    write(Path(name), content)
    write(Path("card.md"), STALE)
    run = lmdef("lint", "--format", "json", name, "card.md")
    assert run.code == 2
    bad, good = run.json["files"]
    assert bad["path"] == name
    assert bad["error"] and "\n" not in bad["error"]
    assert good["path"] == "card.md" and good["findings"][0]["rule"] == "LMD901"


def test_malformed_front_matter_is_a_finding_and_the_prose_is_still_linted(lmdef) -> None:
    """Broken (not hostile) YAML: LMD902 at the block, LMD101 in the body, exit 1, not 2."""
    write(Path("card.md"), "---\nlicense: mit\ntags: [a\n---\n# Card\nOur LLM is great.\n")
    run = lmdef("lint", "--format", "json", "card.md")
    assert run.code == 1, run.out
    (entry,) = run.json["files"]
    rules = [(f["rule"], f["start"]["line"]) for f in entry["findings"]]
    assert rules == [("LMD902", 1), ("LMD101", 6)]
    assert "malformed YAML front matter at line" in entry["findings"][0]["message"]


def test_file_over_the_size_limit(lmdef) -> None:
    Path(".lmdef.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    write(Path("big.md"), "word " * 100)
    write(Path("card.md"), STALE)
    run = lmdef("lint", "--format", "json", "big.md", "card.md")
    assert run.code == 2
    assert "error" in run.json["files"][0]
    assert run.json["files"][1]["findings"]


def test_folder_without_lintable_files_is_an_input_error(lmdef) -> None:
    Path("empty").mkdir()
    run = lmdef("lint", "--format", "json", "empty")
    assert run.code == 2
    assert run.json["files"][0]["error"]


def test_text_report_lists_input_errors(lmdef) -> None:
    run = lmdef("lint", "missing.md")
    assert run.code == 2
    assert run.out.startswith("missing.md: error: ")
    assert "1 input could not be linted" in run.out


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param(
            'slect = ["LMD101"]\n', "unknown key 'slect' (did you mean 'select'?)", id="key"
        ),
        pytest.param('fail-on = "loud"\n', "fail-on must be one of", id="value"),
        pytest.param('[glossary]\nllmm = "x"\n', "glossary: unknown term 'llmm'", id="glossary"),
        pytest.param('[[extra-terms]]\nid = "agi"\n', "extra-terms[0]", id="extra-terms"),
    ],
)
def test_config_errors_exit_2_naming_the_key(lmdef, config: str, message: str) -> None:
    Path(".lmdef.toml").write_text(config, encoding="utf-8")
    write(Path("card.md"), CLEAN)
    run = lmdef("lint", "card.md")
    assert run.code == 2
    assert run.err.startswith("lmdef: error: .lmdef.toml: ")
    assert message in run.err
    assert run.out == ""


def test_explicit_config_file(lmdef) -> None:
    Path("lint.toml").write_text('ignore = ["LMD901"]\n', encoding="utf-8")
    write(Path("card.md"), STALE)
    assert lmdef("lint", "--config", "lint.toml", "card.md").code == 0


def test_config_glossary_defines_a_term_for_every_batch(lmdef) -> None:
    # pre-commit passes files in batches: the project glossary applies to each one alike.
    Path(".lmdef.toml").write_text(
        '[glossary]\nllm = "A model of text pretrained on more than 1B tokens."\n',
        encoding="utf-8",
    )
    write(Path("a.md"), VAGUE)
    write(Path("b.md"), "# B\n\nThe LLM answers questions.\n")
    together = lmdef("lint", "--format", "json", "a.md", "b.md").json["files"]
    alone = [lmdef("lint", "--format", "json", p).json["files"][0] for p in ("a.md", "b.md")]
    assert together == alone
    assert all(not f["findings"] for f in together)


def test_terminal_output_escapes_hostile_text(lmdef) -> None:
    # A directive's text is quoted in LMD901's message; an ANSI sequence in it must not reach
    # the terminal, nor one in a file name.
    name = "evil\x1b[2J.md"
    write(Path(name), "<!-- lmdef: ignroe \x1b[31mred\u202e -->\nText.\n")
    run = lmdef("lint", name)
    assert run.code == 1
    assert "\x1b" not in run.out and "\u202e" not in run.out
    assert "\\x1b[31mred\\u202e" in run.out
    assert run.out.startswith("evil\\x1b[2J.md:1:1: LMD901 ")


def test_lint_does_not_import_the_hub_client(tmp_path: Path) -> None:
    # Cold start (issue #2): the lint path must stay free of huggingface_hub.
    (tmp_path / "card.md").write_text(CLEAN, encoding="utf-8")
    code = (
        "import sys\n"
        "from lmdef.cli import cli\n"
        "try:\n"
        "    cli(['lint', 'card.md'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('huggingface_hub' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("False")


def test_a_classify_rule_in_select_is_accepted_by_lint(lmdef) -> None:
    # One shared config serves both commands: LMD201 is a known rule, it just never runs here.
    Path(".lmdef.toml").write_text('select = ["LMD201", "LMD101"]\n', encoding="utf-8")
    write(Path("card.md"), VAGUE)
    run = lmdef("lint", "--format", "json", "card.md")
    assert run.code == 1
    assert run.json["summary"]["by_rule"] == {"LMD101": 1}


def test_an_internal_error_on_one_file_is_reported_and_the_others_are_linted(
    lmdef, monkeypatch
) -> None:
    import lmdef.commands.lint as command

    real = command.lint_source

    def explode_on_bad(text, path, config, lexicon):
        if path == "bad.md":
            raise RuntimeError("boom\nsecond line")
        return real(text, path, config, lexicon)

    monkeypatch.setattr(command, "lint_source", explode_on_bad)
    write(Path("bad.md"), VAGUE)
    write(Path("card.md"), VAGUE)
    run = lmdef("lint", "--format", "json", "bad.md", "card.md")
    assert run.code == 2
    bad, good = run.json["files"]
    assert bad["error"] == "internal error while linting: RuntimeError: boom second line"
    assert good["findings"][0]["rule"] == "LMD101"
