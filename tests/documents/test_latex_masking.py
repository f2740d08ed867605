"""LaTeX -> Document: what is prose, what is blanked, structure, and tolerance of bad input."""

from __future__ import annotations

import pytest

from lmdef.documents import parse_document

# (id, source): LLM must NOT reach the prose.
MASKED = [
    ("comment", "Text. % an LLM aside\nMore.\n"),
    ("inline-dollar-math", "Loss $L_{LLM}$ is low.\n"),
    ("display-dollar-math", "Loss $$L_{LLM}$$ is low.\n"),
    ("paren-math", "Loss \\(L_{LLM}\\) is low.\n"),
    ("bracket-math", "Loss \\[L_{LLM}\\] is low.\n"),
    ("equation-env", "\\begin{equation}\nf_{LLM}(x)\n\\end{equation}\n"),
    ("align-star-env", "\\begin{align*}\na &= LLM\n\\end{align*}\n"),
    ("cite", "As shown~\\cite{LLM2023}.\n"),
    ("citep-with-options", "As shown~\\citep[see][p.~3]{LLM2023,other}.\n"),
    ("citet", "\\citet{LLM2023} show it.\n"),
    ("ref", "See Section~\\ref{sec:LLM}.\n"),
    ("cref", "See \\Cref{sec:LLM}.\n"),
    ("label", "\\section{Intro}\\label{sec:LLM}\n"),
    ("url", "At \\url{https://example.org/LLM}.\n"),
    ("href-target", "At \\href{https://example.org/LLM}{the site}.\n"),
    ("includegraphics", "\\includegraphics[width=\\linewidth]{figs/LLM.pdf}\n"),
    ("input", "\\input{sections/LLM}\n"),
    ("verbatim", "\\begin{verbatim}\nLLM()\n\\end{verbatim}\n"),
    ("lstlisting", "\\begin{lstlisting}[language=Python]\nLLM()\n\\end{lstlisting}\n"),
    ("minted", "\\begin{minted}{python}\nLLM()\n\\end{minted}\n"),
    ("comment-env", "\\begin{comment}\nLLM draft\n\\end{comment}\n"),
    ("verb", "Type \\verb|LLM| here.\n"),
    ("command-name", "The \\LLM{} macro.\n"),
    ("newcommand-body", "\\newcommand{\\llm}{LLM}\nText.\n"),
    ("environment-name", "\\begin{LLM}\nText.\n\\end{LLM}\n"),
    ("environment-options", "\\begin{figure}[LLM]\nText.\n\\end{figure}\n"),
    ("tabular-spec", "\\begin{tabular}{LLM}\na & b\n\\end{tabular}\n"),
    (
        "preamble",
        # (The \\title is prose, GUIDE "titles are prose": see test_preamble_title_is_prose.)
        "\\documentclass{article}\n\\author{LLM notes}\n\\hypersetup{pdftitle={LLM notes}}\n\\begin{document}\nText.\n\\end{document}\n",
    ),
    ("after-end-document", "\\begin{document}\nText.\n\\end{document}\nLLM scratch\n"),
    ("glossary-entry", "\\newglossaryentry{llm}{name={LLM},description={a model}}\nText.\n"),
    (
        "bibitem-key",
        "\\begin{thebibliography}{9}\n\\bibitem{LLM} A. Author. Title.\n\\end{thebibliography}\n",
    ),
]

# (id, source, prose fragment that must survive at its own offset)
PROSE = [
    ("plain", "An LLM is here.\n", "An LLM is here."),
    ("section", "\\section{On LLM evaluation}\n", "On LLM evaluation"),
    ("starred-section", "\\subsection*{The LLM}\n", "The LLM"),
    ("textbf", "A \\textbf{LLM} here.\n", "LLM"),
    ("emph", "An \\emph{emergent} skill.\n", "emergent"),
    ("footnote", "Text\\footnote{An LLM note.}.\n", "An LLM note."),
    ("caption", "\\caption{LLM results.}\n", "LLM results."),
    ("item-label", "\\begin{itemize}\n\\item[LLM] a model\n\\end{itemize}\n", "LLM"),
    ("item-text", "\\begin{itemize}\n\\item an LLM\n\\end{itemize}\n", "an LLM"),
    ("href-text", "At \\href{https://example.org}{the LLM site}.\n", "the LLM site"),
    ("multicolumn-text", "\\multicolumn{2}{c}{LLM} & x\\\\\n", "LLM"),
    ("after-math", "$x$ and the LLM.\n", "and the LLM."),
    ("escaped-dollar", "Costs \\$5 per LLM call.\n", "5 per LLM call."),
    (
        "body-after-preamble",
        "\\documentclass{article}\n\\begin{document}\nAn LLM.\n\\end{document}\n",
        "An LLM.",
    ),
    (
        "bibitem-entry",
        "\\begin{thebibliography}{9}\n\\bibitem{k} Wei. Emergent abilities.\n\\end{thebibliography}\n",
        "Wei. Emergent abilities.",
    ),
    ("cjk", "本稿ではLLMの能力を\\emph{基盤モデル}と呼ぶ。\n", "LLMの能力"),
    ("crlf", "Line.\r\n% note\r\nAn LLM here.\r\n", "An LLM here."),
]


@pytest.mark.parametrize("source", [c[1] for c in MASKED], ids=[c[0] for c in MASKED])
def test_non_prose_construct_is_blanked(source: str) -> None:
    doc = parse_document(source, "paper.tex")
    assert "LLM" not in doc.prose
    assert len(doc.prose) == len(source)


@pytest.mark.parametrize(("source", "fragment"), [c[1:] for c in PROSE], ids=[c[0] for c in PROSE])
def test_prose_construct_is_kept_at_its_offset(source: str, fragment: str) -> None:
    doc = parse_document(source, "paper.tex")
    start = source.index(fragment)
    assert doc.prose[start : start + len(fragment)] == fragment


def test_sectioning_commands_are_headings() -> None:
    text = "\\section{Introduction}\nA.\n\\subsection*[short]{Glossary of terms}\nB.\n"
    doc = parse_document(text, "paper.tex")
    assert [(h.span.slice(text), h.level) for h in doc.headings] == [
        ("Introduction", 1),
        ("Glossary of terms", 2),
    ]


def test_footnote_anchor_is_the_command_and_body_its_argument() -> None:
    text = "Large models\\footnote{We call a model \\emph{large} above 1B parameters.} work.\n"
    doc = parse_document(text, "paper.tex")
    assert [(f.anchor.slice(text), f.body.slice(text)) for f in doc.footnotes] == [
        ("\\footnote", "We call a model \\emph{large} above 1B parameters.")
    ]


def test_glossary_acronym_definition_env_and_description_are_definition_items() -> None:
    text = (
        "\\documentclass{article}\n"
        "\\newacronym{llm}{LLM}{large language model}\n"
        "\\newglossaryentry{fm}{name={foundation model}, description={a model trained on broad data}}\n"
        "\\begin{document}\n"
        "\\begin{definition}[Emergence]\nAn ability is emergent if absent at small scale.\n\\end{definition}\n"
        "\\begin{description}\n\\item[SOTA] the best published score.\n\\end{description}\n"
        "\\end{document}\n"
    )
    doc = parse_document(text, "paper.tex")
    pairs = [(t.slice(text), b.slice(text)) for t, b in doc.definition_items]
    assert pairs[0] == ("LLM", "large language model")
    assert pairs[1] == ("foundation model", "a model trained on broad data")
    assert pairs[2][0].startswith("\\begin{definition}") and pairs[2][0].endswith(
        "\\end{definition}"
    )
    assert pairs[2][1] == "[Emergence]\nAn ability is emergent if absent at small scale."
    assert pairs[3] == ("SOTA", "the best published score.")


def test_bibliography_entries_are_references() -> None:
    text = (
        "\\begin{thebibliography}{9}\n\\bibitem{wei} J. Wei. Emergent abilities.\n"
        "\\bibitem[B]{bom} R. Bommasani. Foundation models.\n\\end{thebibliography}\n"
    )
    doc = parse_document(text, "paper.tex")
    assert [r.slice(text) for r in doc.references] == [
        "J. Wei. Emergent abilities.",
        "R. Bommasani. Foundation models.",
    ]


def test_percent_lmdef_comment_is_a_directive_for_the_next_paragraph() -> None:
    text = "Intro.\n\n% lmdef: ignore[LMD101] reviewed\nAn LLM here.\nStill here.\n\nNext.\n"
    doc = parse_document(text, "paper.tex")
    assert [(d.text, d.next_block.slice(text)) for d in doc.directives] == [
        ("lmdef: ignore[LMD101] reviewed", "An LLM here.\nStill here.")
    ]


def test_ordinary_comments_are_not_directives() -> None:
    doc = parse_document("Text. % TODO fix\n", "paper.tex")
    assert doc.directives == ()


@pytest.mark.parametrize(
    "source",
    [
        "\\section{Unclosed LLM\n\nText.\n",
        "Stray $ dollar and an LLM.\n\nMore.\n",
        "\\begin{equation}\nno end\n",
        "\\end{itemize} stray end.\n",
        "Trailing backslash \\",
        "\\begin{",
        "\\cite{unclosed\n\nText.\n",
        "\\item[unclosed label\n\nText.\n",
        "{" * 5000 + "LLM" + "}" * 4000,
        "\\footnote{" * 300 + "text",
    ],
    ids=[
        "unclosed-section",
        "stray-dollar",
        "unclosed-env",
        "stray-end",
        "trailing-backslash",
        "truncated-begin",
        "unclosed-cite",
        "unclosed-option",
        "deep-braces",
        "nested-unclosed-footnotes",
    ],
)
def test_malformed_latex_never_raises_and_keeps_length(source: str) -> None:
    doc = parse_document(source, "paper.tex")
    assert len(doc.prose) == len(source)
    assert all(p == c or p == " " for p, c in zip(doc.prose, source, strict=True))


def test_stray_dollar_does_not_swallow_the_next_paragraph() -> None:
    text = "It costs $5.\n\nAn LLM here.\n"
    doc = parse_document(text, "paper.tex")
    assert "An LLM here." in doc.prose


def test_inline_math_keeps_its_numbers_and_nothing_else():
    text = "Models above $10^{26}$ FLOP and $\\mathrm{LLM}_{7}$ here.\n"
    prose = parse_document(text, "p.tex").prose
    assert len(prose) == len(text)
    assert "10" in prose and "26" in prose and "7" in prose
    assert "LLM" not in prose and "mathrm" not in prose and "$" not in prose
    assert prose.index("26") == text.index("26")  # offsets unchanged


ESCAPED = [
    ("percent", "Top-1 reaches 71.4\\% on the held-out split.\n", "71.4\\%", "71.4 %"),
    ("ampersand", "Our R\\&D group trained it.\n", "R\\&D", "R &D"),
    ("hash", "Ranked \\#1 on the board.\n", "\\#1", " #1"),
    ("underscore", "The file run\\_eval is ours.\n", "run\\_eval", "run _eval"),
]


@pytest.mark.parametrize(
    ("source", "written", "printed"), [c[1:] for c in ESCAPED], ids=[c[0] for c in ESCAPED]
)
def test_escaped_character_is_prose_and_only_its_backslash_is_blanked(
    source: str, written: str, printed: str
) -> None:
    # "61.9\%" prints a percent sign: a score that operationalises "state-of-the-art" (GUIDE §4).
    doc = parse_document(source, "paper.tex")
    start = source.index(written)
    assert doc.prose[start : start + len(written)] == printed
    assert len(doc.prose) == len(source)


PREAMBLE_TITLES = [
    (
        "plain",
        "\\documentclass{article}\n\\title{Emergent Skills in Small Models}\n\\begin{document}\nBody.\n\\end{document}\n",
        "Emergent Skills in Small Models",
    ),
    (
        "short-option-and-markup",
        "\\documentclass{article}\n\\title[Short]{On \\emph{Robust} Parsers}\n\\author{A. Author}\n\\begin{document}\n\\maketitle\nBody.\n\\end{document}\n",
        "Robust",
    ),
]


@pytest.mark.parametrize(
    ("source", "fragment"),
    [c[1:] for c in PREAMBLE_TITLES],
    ids=[c[0] for c in PREAMBLE_TITLES],
)
def test_preamble_title_is_prose_and_a_heading(source: str, fragment: str) -> None:
    # GUIDE: titles are prose like headings; the rest of the preamble stays masked.
    doc = parse_document(source, "paper.tex")
    start = source.index(fragment)
    assert doc.prose[start : start + len(fragment)] == fragment
    assert "documentclass" not in doc.prose and "Author" not in doc.prose
    assert any(fragment in h.span.slice(source) for h in doc.headings)


def test_commented_out_title_stays_masked() -> None:
    source = "% \\title{Emergent Skills}\n\\begin{document}\nBody.\n\\end{document}\n"
    assert "Emergent" not in parse_document(source, "paper.tex").prose
