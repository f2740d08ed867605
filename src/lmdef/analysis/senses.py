"""Uses versus mentions and non-ML senses (GUIDE §2 and the "Not:" lists of each term).

A mention is the term as the topic ("the term 'emergent'", "no agreed definition of LLMs") or
part of a cited work's title or a reference-list entry. A non-ML sense is decided from the
lexicon's `non_ml_context` cues in the paragraph around the occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lmdef.documents import Document
from lmdef.spans import Span

_REF_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|works cited|literature cited|citations?|"
    r"参考文献|引用文献|文献)\s*:?\s*$",
    re.IGNORECASE,
)
# The term as the topic: "the term 'X'", "the word X", "definition of X", "claims of X".
_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|a|its)\s+(?:term|word|phrase|label|expression|buzzword|notion|concept|"
    r"name|acronym|adjective)s?\s+(?:of\s+)?|\b(?:definitions?|meanings?)\s+of\s+(?:the\s+"
    r"(?:term|word|phrase)\s+)?|\bclaims?\s+of\s+|\bwhat\s+counts\s+as\s+)"
    r"(?:an?\s+|the\s+)?[\"'“‘「『]?$",
    re.IGNORECASE,
)
_JA_TOPIC_AFTER = re.compile(r"^[」』]?(?:という(?:言葉|用語|語|単語|概念))")
_OPEN_QUOTES = "\"'“‘「『"
_CLOSE_FOR = {'"': '"', "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』"}
_REF_LINE = re.compile(r"(?m)^[^\S\n]*(?:References|REFERENCES|Bibliography|参考文献)[^\S\n]*$")
_BIBTEX = re.compile(r"@[A-Za-z]+\s*\{\s*[^\s,{}]*\s*,")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "via",
        "as",
        "is",
        "are",
        "vs",
        "versus",
        "into",
        "over",
        "under",
    ]
)
_LINK_TEXT = re.compile(r"\[([^\[\]\n]{3,300})\]\((?:https?:|www\.|\.{0,2}/)")


def reference_spans(document: Document) -> list[Span]:
    """Reference lists: parser-reported entries, sections under a References heading, BibTeX."""
    spans = list(document.references)
    text, prose = document.text, document.prose
    headings = sorted(document.headings, key=lambda h: h.span.start)
    for i, h in enumerate(headings):
        if _REF_HEADING.match(h.span.slice(text)):
            end = len(text)
            for later in headings[i + 1 :]:
                if later.level <= h.level:
                    end = later.span.start
                    break
            spans.append(Span(h.span.end, end))
    if not headings:
        # Plain text: a line that says only "References" starts the reference list.
        for m in _REF_LINE.finditer(prose):
            spans.append(Span(m.end(), len(prose)))
            break
    spans.extend(bibtex_spans(prose))
    return spans


def is_reference_line(prose: str, span: Span) -> bool:
    """The occurrence sits in a line that reads as a reference-list entry."""
    start = prose.rfind("\n", 0, span.start) + 1
    end = prose.find("\n", span.end)
    return _looks_like_reference(prose[start : len(prose) if end < 0 else end])


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d[a-z]?(?!\d)")
_NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]:?|\d{1,3}\.)\s")
_AUTHOR_INITIALS = re.compile(r"[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s?){1,3}")
_AUTHOR_FULL = re.compile(r"[A-Z][a-zà-ÿ'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-zà-ÿ'’-]+,")
_VENUE = re.compile(
    r"\bet\s*al\.|\barXiv\b|\bProceedings\b|\bIn\s+Proc|\bJournal\b|\bConference\b|\bpp\.\s*\d|"
    r"\b(?:NeurIPS|ICML|ICLR|ACL|EMNLP|NAACL|MLSys|AAAI|CVPR|TACL)\b"
)


def _looks_like_reference(line: str) -> bool:
    """A reference-list entry: authors, a year or venue, a title (GUIDE §2, cited titles)."""
    numbered = bool(_NUMBERED.match(line))
    year = bool(_YEAR.search(line))
    if not (numbered or year):
        return False
    venue = bool(_VENUE.search(line))
    authors = len(_AUTHOR_INITIALS.findall(line)) + len(_AUTHOR_FULL.findall(line))
    if numbered:
        return authors >= 2 or (venue and (year or authors >= 1))
    return authors >= 2 and year and (venue or bool(re.search(r"\((?:19|20)\d\d[a-z]?\)", line)))


def bibtex_spans(prose: str) -> list[Span]:
    """BibTeX entries pasted into prose (`@article{key, title = {...}, abstract = {...}}`)."""
    spans = []
    for m in _BIBTEX.finditer(prose):
        depth, i, limit = 0, m.start(), min(len(prose), m.start() + 20_000)
        while i < limit:
            c = prose[i]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        spans.append(Span(m.start(), i + 1))
    return spans


def _is_title_case(words: Sequence[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) < 3 or not content:
        return False
    caps = sum(1 for w in content if w[0].isupper() or any(c.isdigit() for c in w))
    return caps / len(content) >= 0.8


def in_cited_title(document: Document, span: Span) -> bool:
    """The occurrence is inside a quoted or linked Title Case string on its line: a cited work's
    title (a mention, GUIDE §2). Only the occurrence's own line is looked at."""
    text, prose = document.text, document.prose
    start = prose.rfind("\n", 0, span.start) + 1
    end = prose.find("\n", span.end)
    end = len(prose) if end < 0 else end
    for m in _QUOTED.finditer(prose, start, end):
        group = m.lastindex or 1
        inside_quotes = m.start(group) <= span.start and span.end <= m.end(group)
        if inside_quotes and _is_title_case(_TITLE_WORD.findall(m.group(group))):
            return True
    quote = prose.find("'", start, span.start)
    while quote != -1:
        if quote == start or prose[quote - 1] in " \t([":
            m = _SINGLE_QUOTED_BODY.match(prose, quote + 1, end)
            if m is not None and span.end <= m.end(1):
                if _is_title_case(_TITLE_WORD.findall(m.group(1))):
                    return True
                break
        quote = prose.find("'", quote + 1, span.start)
    if _unquoted_title_before_citation(prose, span, start, end):
        return True
    for m in _JA_TITLE.finditer(prose, start, end):
        if m.start(1) <= span.start and span.end <= m.end(1):
            return True
    for m in _LINK_TEXT.finditer(text, start, end):
        if m.start(1) <= span.start and span.end <= m.end(1):
            inner = m.group(1)
            words = _TITLE_WORD.findall(inner)
            if _is_title_case(words) and (":" in inner or len(words) >= 5):
                return True
    return False


# Double quotes, curly single quotes, or straight single quotes that open after a space or
# bracket and close before one (so apostrophes inside "model's" do not pair up).
# A Title Case run of words and the citation right after it: "Robust Speech Recognition via
# Large-Scale Weak Supervision (Radford et al., 2022) introduced ..." names a cited work.
_TITLE_RUN_WORD = re.compile(
    r"[A-Z0-9][\w'’-]*|(?:" + "|".join(sorted(_SMALL_WORDS)) + r")(?![\w-])"
)
_CITATION_AFTER = re.compile(
    r"\s*[(\[]\s*(?:[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+)?"
    r"(?:19|20)\d\d[a-z]?\s*[)\],;]"
)


def _unquoted_title_before_citation(prose: str, span: Span, start: int, end: int) -> bool:
    """The occurrence is in a run of >= 4 Title Case words that a citation follows."""
    # Cheap exits first: a title's words are capitalised, and a citation has a year.
    if not prose[span.start].isupper() or not _YEAR.search(prose, span.end, end):
        return False
    pos, words = span.start, 0
    while True:  # back over the words of the run (bounded by the line)
        m = re.search(r"(?:^|(?<=\s))([\w'’-]+)\s+$", prose[max(start, pos - 40) : pos])
        if m is None or not _TITLE_RUN_WORD.fullmatch(m.group(1)) or words > 30:
            break
        pos -= len(prose[max(start, pos - 40) : pos]) - m.start(1)
        words += 1
    first = pos
    pos = span.end
    while words <= 30:
        m = _NEXT_WORD.match(prose, pos, end)
        if m is None or not _TITLE_RUN_WORD.fullmatch(m.group(1)):
            break
        pos = m.end()
        words += 1
    run = _TITLE_WORD.findall(prose[first:pos])
    if len(run) < 4 or not _is_title_case(run):
        return False
    return bool(_CITATION_AFTER.match(prose, pos, end))


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")

_QUOTED = re.compile(r"[\"“]([^\"“”\n]{8,200})[\"”]|‘([^‘’\n]{8,200})’")
# Straight single quotes: the opening one follows a space or bracket (or starts the line) and
# the closing one precedes one, so apostrophes ("model's") do not pair up. Candidates are
# found with str.find: a leading look-behind would slow every search of the line.
_SINGLE_QUOTED_BODY = re.compile(r"([^'\n]{8,200}?)'(?=[\s),.;:\]]|$)")
# 『…』 marks a book or paper title in Japanese.
_JA_TITLE = re.compile(r"『([^『』\n]{2,200})』")


def is_topic_mention(prose: str, span: Span, sentence: Span) -> bool:
    """The term is what the sentence talks about, not something it uses."""
    before = prose[max(sentence.start, span.start - 60) : span.start]
    after = prose[span.end : min(sentence.end, span.end + 30)]
    # "a definition of LLM robustness": the topic is robustness; LLM is a modifier, a use.
    noun = _NOUN_TERM.search(span.slice(prose))  # adjectives ("emergent") always modify
    if _TOPIC_BEFORE.search(before) and not (noun and _MODIFIES_NEXT.match(after)):
        return True
    return bool(_JA_TOPIC_AFTER.match(after))


_NOUN_TERM = re.compile(r"(?:LLMs?|[Mm]odels?|AI|[Tt]echnolog(?:y|ies)|SOTA|モデル)$")
_MODIFIES_NEXT = re.compile(
    r"\s+(?!(?:is|are|was|were|be|and|or|in|as|has|have|had|that|which|to|for|of|with|on|by|"
    r"remains?|varies|vary|differs?|itself|here|today|now)\b)[A-Za-z]"
)


_TOKEN_EDGE = re.compile(r"[\s<>()\[\]\"'“”「」、。]")
_URLISH = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.|[\w.-]+@[\w-]+\.)"
    r"|\.(?:com|org|net|io|ai|jp|html?|pdf|md|py|json|ya?ml|txt|tex|bib)(?:/|$)|/[\w.-]+/"
)


def in_url_or_path(prose: str, span: Span) -> bool:
    """The occurrence is part of a URL, e-mail, file path or repo id (not prose, GUIDE §1).

    Markup parsers mask these; plain text keeps them, so look at the whitespace-delimited token.
    """
    lo = span.start
    while lo > 0 and span.start - lo < 200 and not _TOKEN_EDGE.match(prose[lo - 1]):
        lo -= 1
    hi = span.end
    while hi < len(prose) and hi - span.end < 200 and not _TOKEN_EDGE.match(prose[hi]):
        hi += 1
    token = prose[lo:hi].rstrip(".,;:!?")
    if token == span.slice(prose) or not any(c in token for c in "/@."):
        return False
    return bool(_URLISH.search(token))


_PARAGRAPH_LIMIT = 8000


def paragraph(prose: str, offset: int) -> Span:
    """The blank-line delimited paragraph around `offset` (masked lines count as blank)."""
    start = prose.rfind("\n", 0, offset) + 1
    while start > 0 and offset - start < _PARAGRAPH_LIMIT:
        prev = prose.rfind("\n", 0, start - 1) + 1
        if not prose[prev : start - 1].strip():
            break
        start = prev
    end = prose.find("\n", offset)
    while end != -1 and end - offset < _PARAGRAPH_LIMIT:
        nxt = prose.find("\n", end + 1)
        if not prose[end + 1 : len(prose) if nxt < 0 else nxt].strip():
            break
        end = nxt
    return Span(start, len(prose) if end < 0 else end)


def inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)
