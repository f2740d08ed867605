"""LaTeX -> Document: a tolerant single-pass scanner that blanks what is not prose.

Why not pylatexenc's latexwalker (issue #2 suggests it): on the eval LaTeX passages it parses
~0.27 MB/s, about proselint's whole lint speed (~0.3 MB/s), and issue #2 asks lmdef to lint
LaTeX at least as fast as proselint; it also builds a full node tree we do not need. This
scanner jumps from one special token (`\\cmd`, `%`, `$`, `\\begin`/`\\end`) to the next with one
regex and knows, per command, which arguments are prose: ~10-16 MB/s on the same passages
(`python bench/bench_lint_speed.py`), and linear on hostile input (braces are paired once).
Anything it cannot make sense of degrades to a conservative regex mask (comments, math,
commands), never to an exception.

What is blanked (issue #2 section 3): the preamble, comments, math, command names, the
arguments of reference-like commands (\\cite, \\ref, \\label, \\url, \\href's target, ...),
verbatim-like environments, environment names and options. What stays prose: the text
arguments of \\section, \\textbf, \\emph, \\footnote, \\caption, \\item labels, ...
"""

from __future__ import annotations

import re

from lmdef.documents import Directive, Document, Footnote, Heading
from lmdef.documents._mask import blank_ranges, blank_urls, next_blocks, paragraphs
from lmdef.spans import Span

_TOKEN = re.compile(
    r"(?P<comment>%[^\n]*)"
    r"|\\(?P<env>begin|end)[ \t]*\{(?P<name>[^{}\n]*)\}"
    r"|\\(?P<cmd>[a-zA-Z@]+\*?|.)"
    r"|(?P<dollar>\$\$?)",
    re.DOTALL,
)
# Escaped characters that print themselves.
_ESCAPED_CHARS = frozenset("%&#_$")
_BRACES = re.compile(r"\\.|%[^\n]*|[{}]", re.DOTALL)
# Inside an [option]: escaped braces/brackets (skipped), braces, "]" and paragraph breaks.
_BRACKETS = re.compile(r"\\[{}\]]|[{}\]]|\n[ \t]*\r?\n")
_WS = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?")  # at most one line break between a command and its args
_DOCUMENT = re.compile(r"\\begin[ \t]*\{document\}")
_END_DOCUMENT = re.compile(r"\\end[ \t]*\{document\}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n")
# The paper's title in the preamble (not inside a comment: comments are blanked by the scan,
# but this search reads the source, so require the command at a line start or after a brace).
_TITLE = re.compile(r"(?m)^[ \t]*\\title\b")
_KEYVAL = re.compile(r"\s*([A-Za-z]+)\s*=\s*")


def _words(names: str) -> list[str]:
    return names.split()


# Commands whose first N mandatory arguments (and any [options] among them) are not prose.
_OPAQUE: dict[str, int] = {
    **dict.fromkeys(
        _words(
            "cite citep citet citealp citealt citeauthor citeyear citeyearpar citenum "
            "parencite textcite autocite footcite smartcite supercite nocite fullcite "
            "Cite Citep Citet Parencite Textcite Autocite "
            "ref eqref autoref cref Cref pageref nameref vref Vref cpageref labelcref "
            "label url href includegraphics input include includeonly bibliography "
            "bibliographystyle addbibresource usepackage RequirePackage documentclass "
            "pagestyle thispagestyle pagenumbering vspace hspace color textcolor colorbox "
            "hypersetup graphicspath stepcounter refstepcounter newcounter newlength "
            "gls Gls GLS glspl Glspl acrshort acrlong acrfull ac acp acs acl acf Ac Acp "
            "glsentrytext glsdesc scalebox lstset captionsetup geometry theoremstyle "
            "bibitem"
        ),
        1,
    ),
    **dict.fromkeys(
        _words(
            "newcommand renewcommand providecommand DeclareRobustCommand setlength "
            "addtolength settowidth setcounter addtocounter resizebox rule fontsize "
            "multicolumn multirow numberwithin counterwithin newtheorem DeclareMathOperator"
        ),
        2,  # multicolumn/multirow: {n}{spec}{TEXT} -- the third is prose
    ),
    **dict.fromkeys(_words("newenvironment renewenvironment definecolor"), 3),
}
# Longest [option] we follow (\\item labels, cite notes); keeps unbalanced input linear.
_MAX_OPTION = 500

# Glossary definitions and their number of mandatory arguments.
_GLOSSARY = {
    "newglossaryentry": 2,
    "longnewglossaryentry": 2,
    "newacronym": 3,
    "newabbreviation": 3,
    "DeclareAcronym": 2,
}
_SECTIONS = {
    "part": 1,
    "chapter": 1,
    "section": 1,
    "subsection": 2,
    "subsubsection": 3,
    "paragraph": 4,
    "subparagraph": 5,
}
_MATH_ENVS = frozenset(
    _words(
        "equation equation* align align* alignat alignat* flalign flalign* gather gather* "
        "multline multline* eqnarray eqnarray* math displaymath split dmath dmath*"
    )
)
_OPAQUE_ENVS = frozenset(
    _words(
        "verbatim verbatim* Verbatim Verbatim* BVerbatim lstlisting minted comment alltt "
        "filecontents filecontents* tikzpicture pgfpicture algorithmic algorithm2e code "
        "lstlisting*"
    )
)
_DEFINITION_ENVS = frozenset(_words("definition definition* defn dfn defi"))
# Environments whose {args} after \begin{env} are not prose (column specs, widths).
_ENV_ARGS = {
    "tabular": 1,
    "tabular*": 2,
    "tabularx": 2,
    "tabulary": 2,
    "array": 1,
    "longtable": 1,
    "minipage": 1,
    "wrapfigure": 2,
    "multicols": 1,
    "thebibliography": 1,
    "minted": 1,
}


def _pair_braces(text: str) -> dict[int, int]:
    """Every balanced {group} of the text in one pass (escaped braces and comments skipped).

    One pass instead of a search per argument: `\\section{` repeated 100k times took minutes
    with per-argument scanning.
    """
    closers: dict[int, int] = {}
    stack: list[int] = []
    for match in _BRACES.finditer(text):
        tok = match.group()
        if tok == "{":
            stack.append(match.start())
        elif tok == "}" and stack:
            closers[stack.pop()] = match.end()
    return closers


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.blanks: list[tuple[int, int]] = []
        # Inline formulas whose numbers stay visible in prose (see `_keep_numbers`).
        self.inline_math: list[tuple[int, int]] = []
        self.headings: list[Heading] = []
        self.footnotes: list[Footnote] = []
        self.comments: list[tuple[Span, str]] = []
        self.definitions: list[tuple[Span, Span]] = []
        self.references: list[Span] = []
        self.env_stack: list[tuple[str, int, int]] = []  # (name, \\begin start, body start)
        self.item: tuple[Span, int] | None = None  # description item: (label, body start)
        self.bibitem: int | None = None  # start of the open \bibitem entry
        self._closers: dict[int, int] | None = None  # "{" offset -> offset after its "}"

    # -- argument helpers -------------------------------------------------------------
    def group_end(self, pos: int, open_char: str) -> int | None:
        """Offset just after the group opened at `pos` ('{' or '['), None if unbalanced."""
        if open_char == "{":
            if self._closers is None:
                self._closers = _pair_braces(self.text)
            return self._closers.get(pos)
        depth = 0  # braces inside [..] protect brackets: [a={b]}]
        for match in _BRACKETS.finditer(self.text, pos + 1, pos + _MAX_OPTION):
            tok = match.group()
            if tok == "{":
                depth += 1
            elif tok == "}":
                depth -= 1
            elif tok == "]" and depth <= 0:
                return match.end()
            elif tok[0] == "\n":
                return None  # an option never spans a paragraph
        return None

    def next_arg(self, pos: int, *, optional: bool) -> tuple[int, int] | None:
        """(start, end) of the next {arg} (or [opt] when `optional`) after `pos`, if any."""
        text = self.text
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return None
        char = text[pos]
        if char == "{" or (optional and char == "["):
            end = self.group_end(pos, char)
            if end is not None:
                return pos, end
        return None

    def skip_options(self, pos: int) -> int:
        """Blank any [options] at `pos`, returning the offset after them."""
        while True:
            opt = self.next_arg(pos, optional=True)
            if opt is None or self.text[opt[0]] != "[":
                return pos
            self.blanks.append((pos, opt[1]))
            pos = opt[1]

    def blank_args(self, pos: int, count: int) -> int:
        """Blank `count` mandatory args and the options between them; return the end."""
        for _ in range(count):
            pos = self.skip_options(pos)
            arg = self.next_arg(pos, optional=False)
            if arg is None or _PARAGRAPH_BREAK.search(self.text, arg[0], arg[1]):
                break  # a key or a path never spans a paragraph: unbalanced input
            self.blanks.append((pos, arg[1]))
            pos = arg[1]
        return pos

    # -- the scan ---------------------------------------------------------------------
    def scan(self, start: int, end: int) -> None:
        text = self.text
        blanks = self.blanks
        pos = start
        search = _TOKEN.search
        while pos < end:
            match = search(text, pos, end)
            if match is None:
                break
            kind = match.lastgroup
            tok_start, pos = match.start(), match.end()
            if kind == "comment":
                blanks.append((tok_start, pos))
                self.comments.append((Span(tok_start, pos), match.group()[1:].strip()))
            elif kind == "name":  # \begin{..} or \end{..}
                pos = self.environment(match, end)
            elif kind == "cmd":
                pos = self.command(match.group("cmd"), tok_start, pos, end)
            else:  # $ or $$
                pos = self.dollar_math(match.group(), tok_start, pos, end)
        self.close_item(end)
        self.close_bibitem(end)

    def environment(self, match: re.Match[str], end: int) -> int:
        text = self.text
        name = match.group("name").strip()
        tok_start, pos = match.start(), match.end()
        self.blanks.append((tok_start, pos))
        if match.group("env") == "begin":
            if name in _MATH_ENVS or name in _OPAQUE_ENVS:
                close = re.compile(r"\\end[ \t]*\{" + re.escape(name) + r"\}").search(text, pos)
                stop = close.end() if close else end
                self.blanks.append((tok_start, stop))
                return stop
            if name not in _DEFINITION_ENVS:  # a definition's [title] is prose
                pos = self.skip_options(pos)
            if name in _ENV_ARGS:
                pos = self.blank_args(pos, _ENV_ARGS[name])
            self.env_stack.append((name, tok_start, pos))
            return pos
        # \end{name}: close the innermost matching environment (tolerating mismatches)
        # Only the innermost few environments can be meant (a stray \\end must not cost a
        # walk of a 100k-deep stack of unclosed \\begin's).
        for index in range(len(self.env_stack) - 1, max(-1, len(self.env_stack) - 33), -1):
            open_name, begin_start, body_start = self.env_stack[index]
            if open_name == name:
                del self.env_stack[index:]
                if name in _DEFINITION_ENVS:
                    body = self.trimmed(body_start, tok_start)
                    if body is not None:
                        self.definitions.append((Span(begin_start, pos), body))
                elif name == "description":
                    self.close_item(tok_start)
                elif name == "thebibliography":
                    self.close_bibitem(tok_start)
                break
        return pos

    def command(self, name: str, tok_start: int, pos: int, end: int) -> int:
        text = self.text
        blanks = self.blanks
        if name in _ESCAPED_CHARS:
            # "61.9\%" prints "61.9%": the score (or "R\&D") is prose; only the backslash is
            # markup (issue #2, operationalised uses need the score's percent sign).
            blanks.append((tok_start, tok_start + 1))
            return pos
        blanks.append((tok_start, pos))
        if name in ("(", "["):
            closer = "\\)" if name == "(" else "\\]"
            stop = text.find(closer, pos, end)
            stop = end if stop < 0 else stop + 2
            blanks.append((tok_start, stop))
            return stop
        base = name.rstrip("*")
        count = _OPAQUE.get(base)
        if count is not None:
            if base == "bibitem":
                self.close_bibitem(tok_start)
                stop = self.blank_args(pos, 1)
                self.bibitem = stop
                return stop
            if base in ("newcommand", "renewcommand", "providecommand", "DeclareRobustCommand"):
                return self.blank_definition(pos, end)
            return self.blank_args(pos, count)
        if base in _SECTIONS:
            pos = self.skip_options(pos)
            arg = self.next_arg(pos, optional=False)
            if arg is not None:
                inner = self.trimmed(arg[0] + 1, arg[1] - 1)
                if inner is not None:
                    self.headings.append(Heading(inner, _SECTIONS[base]))
                blanks.append((arg[0], arg[0] + 1))
                blanks.append((arg[1] - 1, arg[1]))
                return arg[0] + 1  # scan inside: \section{On \emph{LLMs}}
            return pos
        if base == "footnote":
            anchor = Span(tok_start, pos)
            pos = self.skip_options(pos)
            arg = self.next_arg(pos, optional=False)
            if arg is not None:
                body = self.trimmed(arg[0] + 1, arg[1] - 1)
                if body is not None:
                    self.footnotes.append(Footnote(anchor, body))
                return arg[0] + 1
            return pos
        if base == "item":
            in_description = bool(self.env_stack) and self.env_stack[-1][0] == "description"
            if in_description:
                self.close_item(tok_start)
            opt = self.next_arg(pos, optional=True)
            if opt is not None and text[opt[0]] == "[":
                blanks.append((opt[0], opt[0] + 1))
                blanks.append((opt[1] - 1, opt[1]))
                label = self.trimmed(opt[0] + 1, opt[1] - 1)
                if in_description and label is not None:
                    self.item = (label, opt[1])
                return opt[0] + 1  # the label is prose: scan inside it
            return pos
        if base in _GLOSSARY:
            return self.glossary_entry(base, pos)
        if base in ("verb", "lstinline") and pos < end:
            if base == "lstinline":
                pos = self.skip_options(pos)
            delim = text[pos] if pos < len(text) else ""
            if delim == "{":
                stop = self.group_end(pos, "{") or pos + 1
            else:
                found = text.find(delim, pos + 1, end) if delim else -1
                stop = pos + 1 if found < 0 else found + 1
            blanks.append((tok_start, stop))
            return stop
        if base in ("def", "gdef", "edef", "xdef"):
            macro = re.compile(r"\s*\\[a-zA-Z@]+[^{]*").match(text, pos)
            if macro is not None:
                return self.blank_args(macro.end(), 1)
        return pos

    def blank_definition(self, pos: int, end: int) -> int:
        """\\newcommand{\\x}[n][default]{body} or \\newcommand\\x{body}: all of it."""
        text = self.text
        ws = _WS.match(text, pos).end()  # type: ignore[union-attr]
        macro = re.compile(r"\\[a-zA-Z@]+").match(text, ws)
        if macro is not None:
            self.blanks.append((pos, macro.end()))
            return self.blank_args(macro.end(), 1)
        return self.blank_args(pos, 2)

    def preamble_title(self, end: int) -> Span | None:
        """The text inside the preamble's \\title{...} (its [short] option skipped)."""
        m = _TITLE.search(self.text, 0, end)
        if m is None:
            return None
        pos = self.skip_options(m.end())
        arg = self.next_arg(pos, optional=False)
        if arg is None or arg[1] > end or _PARAGRAPH_BREAK.search(self.text, arg[0], arg[1]):
            return None
        return self.trimmed(arg[0] + 1, arg[1] - 1)

    def glossary_entry(self, name: str, pos: int) -> int:
        """Record \\newglossaryentry{key}{name=..,description=..} / \\newacronym{key}{short}{long}."""
        start = pos
        pos = self.skip_options(pos)
        args: list[tuple[int, int]] = []
        for _ in range(_GLOSSARY[name]):
            pos = self.skip_options(pos)
            arg = self.next_arg(pos, optional=False)
            if arg is None:
                break
            args.append(arg)
            pos = arg[1]
        self.blanks.append((start, pos))
        if name in ("newacronym", "newabbreviation") and len(args) == 3:
            term = self.trimmed(args[1][0] + 1, args[1][1] - 1)
            body = self.trimmed(args[2][0] + 1, args[2][1] - 1)
            if term is not None and body is not None:
                self.definitions.append((term, body))
        elif len(args) == 2:
            fields = self.keyvals(args[1][0] + 1, args[1][1] - 1)
            term = fields.get("name") or fields.get("short")  # \\DeclareAcronym: short/long
            body = fields.get("description") or fields.get("long")
            if name == "longnewglossaryentry":  # {key}{name=..}{description text}
                arg = self.next_arg(pos, optional=False)
                if arg is not None:
                    self.blanks.append((pos, arg[1]))
                    body = self.trimmed(arg[0] + 1, arg[1] - 1)
                    pos = arg[1]
            if term is not None and body is not None:
                self.definitions.append((term, body))
        return pos

    def keyvals(self, start: int, end: int) -> dict[str, Span]:
        """Spans of the values of a `key=value, key={value}` list (brace-aware)."""
        text = self.text
        fields: dict[str, Span] = {}
        pos = start
        while pos < end:
            key = _KEYVAL.match(text, pos, end)
            if key is None:
                break
            pos = key.end()
            if pos < end and text[pos] == "{":
                stop = self.group_end(pos, "{") or end
                value = self.trimmed(pos + 1, stop - 1)
                pos = stop
            else:
                comma = text.find(",", pos, end)
                stop = end if comma < 0 else comma
                value = self.trimmed(pos, stop)
                pos = stop
            if value is not None:
                fields[key.group(1).lower()] = value
            comma = text.find(",", pos, end)
            if comma < 0:
                break
            pos = comma + 1
        return fields

    def dollar_math(self, delim: str, tok_start: int, pos: int, end: int) -> int:
        text = self.text
        search_from = pos
        while True:
            close = text.find(delim, search_from, end)
            if close < 0:
                break
            if text[close - 1] == "\\":  # an escaped \$ inside the formula
                search_from = close + 1
                continue
            if delim == "$" and _PARAGRAPH_BREAK.search(text, pos, close):
                break  # math never spans a paragraph: a stray $, not a formula
            self.blanks.append((tok_start, close + len(delim)))
            self.inline_math.append((tok_start, close + len(delim)))
            return close + len(delim)
        self.blanks.append((tok_start, pos))
        return pos

    def close_item(self, end: int) -> None:
        if self.item is not None:
            label, body_start = self.item
            body = self.trimmed(body_start, end)
            if body is not None:
                self.definitions.append((label, body))
            self.item = None

    def close_bibitem(self, end: int) -> None:
        if self.bibitem is not None:
            entry = self.trimmed(self.bibitem, end)
            if entry is not None:
                self.references.append(entry)
            self.bibitem = None

    def trimmed(self, start: int, end: int) -> Span | None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end) if end > start else None


def parse_latex(text: str, path: str) -> Document:
    """Parse LaTeX source; never raises on malformed input (falls back to a regex mask)."""
    begin = _DOCUMENT.search(text)
    body_start = begin.end() if begin else 0
    finish = _END_DOCUMENT.search(text, body_start) if begin else None
    body_end = finish.start() if finish else len(text)
    scanner = _Scanner(text)
    try:
        if body_start:
            # The preamble is not prose, but glossary entries there still define terms, and
            # the paper's \title is prose like any heading (GUIDE: "headings and titles are
            # treated like any other prose"), as it already is in a fragment without a preamble.
            scanner.scan(0, begin.start())  # type: ignore[union-attr]
            title = scanner.preamble_title(begin.start())  # type: ignore[union-attr]
            if title is None:
                scanner.blanks.append((0, body_start))
            else:
                scanner.blanks.append((0, title.start))
                scanner.blanks.append((title.end, body_start))
                scanner.headings.append(Heading(title, 0))
            scanner.env_stack.clear()
        scanner.scan(body_start, body_end)
        if body_end < len(text):
            scanner.blanks.append((body_end, len(text)))
        prose = _keep_numbers(
            text, blank_urls(blank_ranges(text, scanner.blanks)), scanner.inline_math
        )
    except (RecursionError, IndexError, ValueError, TypeError, AttributeError):
        return _fallback(text, path)
    found = [(span, comment) for span, comment in scanner.comments if "lmdef" in comment]
    targets = next_blocks(text, prose, [span.end for span, _ in found])
    directives = tuple(
        Directive(span=span, text=comment, next_block=target)
        for (span, comment), target in zip(found, targets, strict=True)
    )
    return Document(
        path=path,
        kind="latex",
        text=text,
        prose=prose,
        headings=tuple(scanner.headings),
        footnotes=tuple(scanner.footnotes),
        directives=directives,
        blocks=tuple(paragraphs(text, prose, body_start, body_end)),
        definition_items=tuple(scanner.definitions),
        references=tuple(scanner.references),
    )


_NUMBER_IN_MATH = re.compile(r"\d+(?:[.,]\d+)*")


def _keep_numbers(text: str, prose: str, formulas: list[tuple[int, int]]) -> str:
    """Put the numbers of inline formulas back into `prose`.

    Papers write thresholds and scores as math ("more than $10^{26}$ FLOP", "$90.1$ F1"); a
    use of "frontier model" or "state of the art" is operationalised by them (GUIDE §4). Digits
    are never part of a term, so this cannot create an occurrence; same length, same offsets.
    """
    if not formulas:
        return prose
    chars = list(prose)
    for start, end in formulas:
        for match in _NUMBER_IN_MATH.finditer(text, start, end):
            chars[match.start() : match.end()] = match.group()
    return "".join(chars)


_FALLBACK = re.compile(r"%[^\n]*|\$\$.*?\$\$|\$[^$\n]*\$|\\[a-zA-Z@]+\*?|\\.", re.DOTALL)


def _fallback(text: str, path: str) -> Document:
    """Conservative mask for input the scanner could not handle: comments, math, commands."""
    ranges = [match.span() for match in _FALLBACK.finditer(text)]
    prose = blank_urls(blank_ranges(text, ranges))
    found = [m for m in re.finditer(r"%[^\n]*", text) if "lmdef" in m.group()]
    targets = next_blocks(text, prose, [m.end() for m in found])
    directives = tuple(
        Directive(Span(*m.span()), m.group()[1:].strip(), target)
        for m, target in zip(found, targets, strict=True)
    )
    return Document(
        path=path,
        kind="latex",
        text=text,
        prose=prose,
        directives=directives,
        blocks=tuple(paragraphs(text, prose)),
    )
