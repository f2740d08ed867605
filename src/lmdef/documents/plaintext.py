"""Plain text (anything that is not Markdown or LaTeX, and stdin by default).

Everything is prose except bare URLs and e-mail addresses. A line that contains `lmdef:`
(`lmdef: ignore`, `# lmdef: ignore[LMD101]`, `// lmdef: disable LMD101`) is a directive
(issue #2 section 7) and is not prose itself; it applies to the next paragraph.
"""

from __future__ import annotations

import re

from lmdef.documents import Directive, Document
from lmdef.documents._mask import blank_ranges, blank_urls, next_blocks, paragraphs
from lmdef.spans import Span

# The directive is the text from `lmdef:` to the end of the line; the span is the whole line.
_DIRECTIVE_LINE = re.compile(r"^[^\n]*?(lmdef:[^\r\n]*)[^\n]*", re.MULTILINE)


def parse_plaintext(text: str, path: str) -> Document:
    found: list[tuple[Span, str]] = []
    if "lmdef:" in text:
        found = [
            (Span(m.start(), m.end()), m.group(1).strip().removesuffix("-->").strip())
            for m in _DIRECTIVE_LINE.finditer(text)
        ]
    prose = blank_urls(blank_ranges(text, [(span.start, span.end) for span, _ in found]))
    targets = next_blocks(text, prose, [span.end for span, _ in found])
    directives = tuple(
        Directive(span=span, text=body, next_block=target)
        for (span, body), target in zip(found, targets, strict=True)
    )
    return Document(
        path=path,
        kind="text",
        text=text,
        prose=prose,
        directives=directives,
        blocks=tuple(paragraphs(text, prose)),
    )
