"""Term analysis: every lexicon occurrence in a document, and what kind of use it is.

`analyse(document, lexicon, glossary)` is pure: Document in, TermAnalysis out. Each occurrence
gets one status (GUIDE §1-4), decided in this order:

  not-prose   inside a URL, a path or an identifier the parser left in the prose (plain text)
  name        an exclusion matched (TensorRT-LLM, robust standard errors, Pareto frontier)
  non-ml      the paragraph reads the word in a non-ML sense (emergence in ecology, LL.M.)
  mention     the term is the topic, or part of a cited title / reference entry
  defined     this occurrence is itself a definition site, or the document defines the term
              anywhere (inline, definition list, glossary section, footnote, front matter,
              config glossary): "a term defined once in the passage is defined for every use"
  operationalised  the same/adjacent sentence makes this use precise (operationalisation.py)
  undefined   everything else: what LMD101 reports

(An operationalised use counts before a document-level definition so that LMD102 can tell
uses that really come before their definition.)
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lmdef.analysis.definitions import is_definition_site, phrase_end, synonym_gap
from lmdef.analysis.occurrences import Matcher, matcher
from lmdef.analysis.operationalisation import is_operationalised
from lmdef.analysis.senses import (
    in_cited_title,
    in_url_or_path,
    inside,
    is_reference_line,
    is_topic_mention,
    paragraph,
    reference_spans,
)
from lmdef.analysis.sentences import Sentences
from lmdef.documents import Document
from lmdef.lexicon import Lexicon, Term
from lmdef.spans import Span

Status = Literal[
    "undefined", "defined", "operationalised", "mention", "non-ml", "name", "not-prose"
]
DefinitionSource = Literal[
    "inline", "definition-item", "glossary-section", "footnote", "front-matter", "config"
]
USE_STATUSES = frozenset({"undefined", "defined", "operationalised"})


@dataclass(frozen=True, slots=True)
class Occurrence:
    term: str
    span: Span
    text: str
    status: Status
    reason: str = ""
    at_definition: bool = False  # this occurrence is (inside) the definition itself

    @property
    def is_use(self) -> bool:
        return self.status in USE_STATUSES


@dataclass(frozen=True, slots=True)
class Definition:
    term: str
    source: DefinitionSource
    span: Span | None  # None for front matter and config: no place in the prose
    how: str = ""


@dataclass(frozen=True, slots=True)
class TermAnalysis:
    occurrences: tuple[Occurrence, ...]
    definitions: tuple[Definition, ...]
    lexicon: Lexicon

    def for_term(self, term: str) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.term == term)

    def undefined_uses(self, term: str) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.term == term and o.status == "undefined")

    def first_definition(self, term: str) -> Definition | None:
        located = [d for d in self.definitions if d.term == term and d.span is not None]
        if located:
            return min(located, key=lambda d: d.span.start if d.span else 0)
        return next((d for d in self.definitions if d.term == term), None)

    def terms_in_order(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for o in self.occurrences:
            seen.setdefault(o.term, None)
        return tuple(seen)

    def term(self, term_id: str) -> Term:
        return self.lexicon.term(term_id)


_GLOSSARY_HEADING = re.compile(
    r"(?i)\b(?:glossary|definitions?|terminology|terms|key\s+terms|notation)\b|用語|定義"
)
_ENTRY_LEAD = re.compile(r"[ \t]*(?:[-*+•]\s+)?(?:\\item\s*\[?\s*)?(?:\*\*|__)?[ \t]*")
_GLOSS_START = re.compile(
    r"(?i)(?:an?|any|the|models?|systems?|technolog(?:y|ies)|abilit(?:y|ies)|capabilit(?:y|ies)|"
    r"refers?|means?|denotes?|describes?|used\s+(?:for|to))\b"
    r"|[^\sA-Za-z]*[\u3040-\u30ff\u4e00-\u9fff]"
)
# "Robustness: The model handles noisy input well." is a statement about the model under a
# label, not a gloss of the word (which reads "the drop in accuracy under ...").
_STATEMENT_START = re.compile(
    r"(?i)(?:the|this|our|its)\s+(?:model|system|network|checkpoint|method|approach)s?\b"
    r"|(?:it|we|they|this|our)\b"
)
_ENTRY_AFTER = re.compile(r"^(?:\*\*|__|\])?\s*(?:[:：—–]|\s-\s|\s*\n:)\s*(?P<body>[^\n]{8,})")
_FOOTNOTE_GAP = re.compile(r"^[\"'”’」』)]?\s*(?:\w{0,12})?$")
_BARE_CITATION = re.compile(
    r"^\W*(?:see\s+)?(?:https?://\S+|[A-Z][\w-]+\s+et\s+al\.?,?\s*\(?\d{4}\)?)\W*$"
)


_OUTLINE_ITEM = re.compile(r"(?P<indent>[ \t]*)[-*+•]\s+(?P<term>[^\n]{1,60}?)[ \t]*:?[ \t]*(?=\n)")


def _indented_body(prose: str, start: int, indent: int) -> str:
    """The lines after `start` indented deeper than `indent` (the entry's nested list)."""
    lines = []
    for m in re.finditer(r"\n([ \t]*)([^\n]*)", prose[start : start + 2000]):
        if not m.group(2).strip() or len(m.group(1)) <= indent:
            break
        lines.append(m.group(2))
    return " ".join(lines)


# Plain text has no heading markup: a short line standing alone between blank lines (without
# a full stop) reads as one ("Definitions used in this brief").
_PLAIN_HEADING = re.compile(
    r"(?:\A|\n[ \t]*\n)[ \t]*(?P<h>[^\n]{2,80}?)[ \t]*(?=\n[ \t]*\n|\n?[ \t]*\Z)"
)


def _plain_glossary_sections(prose: str) -> list[Span]:
    """Sections of a plain-text document under a Glossary/Definitions heading line, up to the
    next heading line (one pass over the document, not per occurrence)."""
    heads = [
        m
        for m in _PLAIN_HEADING.finditer(prose)
        if not m.group("h").rstrip().endswith((".", "。", "!", "?"))
    ]
    sections = []
    for i, m in enumerate(heads):
        if _GLOSSARY_HEADING.search(m.group("h")):
            end = heads[i + 1].start("h") if i + 1 < len(heads) else len(prose)
            sections.append(Span(m.end("h"), end))
    return sections


def _word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}|[\u3040-\u30ff\u4e00-\u9fff]", text))


def _structural_definitions(
    document: Document, m: Matcher, raw: list[tuple[str, Span]]
) -> list[Definition]:
    text, prose = document.text, document.prose
    found: list[Definition] = []
    # Definition lists, \newglossaryentry, \newacronym, \begin{definition} (from the parser).
    for term_span, body_span in document.definition_items:
        if _word_count(body_span.slice(text)) < 3:
            continue
        inner = [t for t, sp in raw if term_span.start <= sp.start and sp.end <= term_span.end]
        # \newglossaryentry{llm}{name=LLM,...}: the key itself may be the only mention.
        key = term_span.slice(text).strip()
        whole = m.match_term(key) or (key.lower() if key.lower() in m.lexicon.ids else None)
        # A masked entry name that is a phrase around the term (\newglossaryentry{..}{name=
        # {emergent ability}, ...}) defines the term it contains; a name is short, so this
        # is bounded work per entry.
        named = (
            [r.term for r in m.find(key) if not m.is_excluded(r.term, key, r.span)]
            if not inner and not whole and len(key) <= 80
            else []
        )
        for term in dict.fromkeys([*inner, *([whole] if whole else []), *named]):
            found.append(Definition(term, "definition-item", term_span, "definition list entry"))
    # Entries of a Glossary / Definitions / Terminology section: "X: gloss" at a line start.
    headings = sorted(document.headings, key=lambda h: h.span.start)
    sections = []
    for i, h in enumerate(headings):
        if _GLOSSARY_HEADING.search(h.span.slice(text)):
            end = next((x.span.start for x in headings[i + 1 :] if x.level <= h.level), len(text))
            sections.append(Span(h.span.end, end))
    if not headings and document.kind == "text":
        sections += _plain_glossary_sections(prose)
    for term, span in raw:
        line_start = prose.rfind("\n", 0, span.start) + 1
        # Only list markers or emphasis may come before the term on its line.
        if not _ENTRY_LEAD.fullmatch(prose, line_start, span.start):
            continue
        end = phrase_end(prose, span, len(prose))
        entry = _ENTRY_AFTER.match(prose[end : end + 400])
        if entry is None or _word_count(entry.group("body")) < 4:
            continue
        in_section = inside(span, sections)
        # Outside a glossary, "Robustness: we tested on noisy inputs" is a label, not a gloss:
        # the body must read as a definition (a noun phrase or "refers to / means").
        body = entry.group("body")
        if not in_section and (not _GLOSS_START.match(body) or _STATEMENT_START.match(body)):
            continue
        source: DefinitionSource = "glossary-section" if in_section else "definition-item"
        found.append(Definition(term, source, span, "entry: term followed by its gloss"))
    # An outline entry: a list item that is only the term, with an indented list under it.
    # (List markers may be masked out of the prose, so the structure is read from the text.)
    for term, span in raw:
        line_start = text.rfind("\n", 0, span.start) + 1
        item = _OUTLINE_ITEM.match(text, line_start)
        if item is None or not (item.start("term") <= span.start and span.end <= item.end("term")):
            continue
        indent = len(item.group("indent"))
        body = _indented_body(text, item.end(), indent)
        if _word_count(body) >= 8:
            found.append(Definition(term, "definition-item", span, "outline entry"))
    # A footnote attached to the term that says what it means.
    for fn in document.footnotes:
        body = fn.body.slice(text).strip()
        if _word_count(body) < 5 or _BARE_CITATION.match(body):
            continue
        for term, span in raw:
            if span.end <= fn.anchor.start and _FOOTNOTE_GAP.match(
                prose[span.end : fn.anchor.start]
            ):
                found.append(Definition(term, "footnote", span, "footnote on the term"))
    return found


def _declared_definitions(
    document: Document, m: Matcher, glossary: Mapping[str, str] | None
) -> list[Definition]:
    found: list[Definition] = []
    fm = document.front_matter or {}
    block = fm.get("lmdef") if isinstance(fm, Mapping) else None
    defs = block.get("definitions") if isinstance(block, Mapping) else None
    sources: list[tuple[DefinitionSource, Mapping[str, object]]] = []
    if isinstance(defs, Mapping):
        sources.append(("front-matter", defs))
    if glossary:
        sources.append(("config", glossary))
    ids = set(m.lexicon.ids)
    for source, mapping in sources:
        for key, value in mapping.items():
            if not isinstance(key, str) or not str(value or "").strip():
                continue
            term = key if key in ids else m.match_term(key)
            if term:
                found.append(Definition(term, source, None, f"{source} definition"))
    return found


_NON_SPACE = re.compile(r"\S")


def _heading_at(spans: list[Span], starts: list[int], span: Span) -> Span | None:
    """The heading holding `span`, if any (a bisect: headings are sorted and disjoint)."""
    i = bisect.bisect_right(starts, span.start) - 1
    return spans[i] if i >= 0 and span.end <= spans[i].end else None


def _own_window(
    prose: str,
    spans: tuple[Span, ...],
    sentence: Span,
    term: str,
    raw_starts: list[int],
    raw: list[tuple[str, Span]],
) -> str:
    """The use's sentence and its neighbours, less a neighbour that holds another tracked term.

    Evidence in such a neighbour belongs to that term's claim ("robust to label noise: accuracy
    drops 2.1 points on CIFAR-10. We are state of the art." -- the score measures robustness,
    not the SOTA claim; GUIDE §4 asks for evidence about the use itself).
    """
    if not spans:
        return ""
    kept = []
    for s in spans:
        if s != sentence:
            lo = bisect.bisect_left(raw_starts, s.start)
            hi = bisect.bisect_left(raw_starts, s.end)
            if any(raw[i][0] != term for i in range(lo, hi)):
                continue
        kept.append(s)
    if len(kept) == len(spans):
        return prose[spans[0].start : spans[-1].end]
    return "\n".join(prose[s.start : s.end] for s in kept)


def analyse(
    document: Document, lexicon: Lexicon, glossary: Mapping[str, str] | None = None
) -> TermAnalysis:
    """Find every lexicon term in `document` and decide what each occurrence is (pure)."""
    m = matcher(lexicon)
    prose = document.prose
    raw = [(r.term, r.span) for r in m.find(prose)]
    if not raw:
        return TermAnalysis((), tuple(_declared_definitions(document, m, glossary)), lexicon)

    sentences = Sentences(prose, document.blocks)
    by_start = sorted(raw, key=lambda r: r[1].start)
    raw_starts = [sp.start for _, sp in by_start]
    refs = reference_spans(document)
    non_ml: dict[tuple[str, int], bool] = {}  # (term, paragraph start) -> non-ML sense there
    kinds = {t.id: t.operationalised_by for t in lexicon.terms}

    definitions = _declared_definitions(document, m, glossary)
    definitions += _structural_definitions(document, m, raw)
    structural_sites = {(d.term, d.span.start) for d in definitions if d.span is not None}
    heading_spans = sorted((h.span for h in document.headings), key=lambda h: h.start)
    heading_starts = [h.start for h in heading_spans]

    # Where each term is defined from: declared definitions cover the whole document.
    defined_from: dict[str, int] = {}
    for d in definitions:
        at = 0 if d.span is None else d.span.start
        defined_from[d.term] = min(at, defined_from.get(d.term, at))

    # First pass: what each occurrence is on its own.
    staged: list[tuple[str, Span, Status, str, bool]] = []
    for term, span in raw:
        if in_url_or_path(prose, span):
            staged.append((term, span, "not-prose", "inside a URL, path or identifier", False))
            continue
        if m.is_excluded(term, prose, span):
            staged.append((term, span, "name", "a name or technical term", False))
            continue
        para = paragraph(prose, span.start)
        if "\n" not in prose[para.start : para.end].strip() and para.end - para.start < 160:
            # A title or heading takes its sense from the paragraph it heads.
            nxt = len(prose) - len(prose[para.end :].lstrip())
            if nxt < len(prose):
                para = Span(para.start, paragraph(prose, nxt).end)
        key = (term, para.start)
        if key not in non_ml:
            non_ml[key] = m.non_ml_context(term, prose[para.start : para.end])
        if non_ml[key]:
            staged.append((term, span, "non-ml", "non-ML sense in this paragraph", False))
            continue
        structural = (term, span.start) in structural_sites
        if not structural and defined_from.get(term, span.end) < span.start:
            # Already defined above: the remaining checks cannot change what the rules see
            # (LMD101 counts undefined uses, LMD102 looks before the first definition).
            staged.append((term, span, "defined", "defined earlier in the document", False))
            continue
        sentence = sentences.at(span.start)
        how = is_definition_site(prose, span, sentence)
        if how or structural:
            if how:
                definitions.append(Definition(term, "inline", sentence, how))
                defined_from[term] = min(sentence.start, defined_from.get(term, sentence.start))
            staged.append((term, span, "defined", how or "structural definition", True))
            continue
        if (
            inside(span, refs)
            or is_reference_line(prose, span)
            or in_cited_title(document, span)
            or is_topic_mention(prose, span, sentence)
        ):
            staged.append((term, span, "mention", "mention (topic, title or reference)", False))
            continue
        window_spans = sentences.window(span.start)
        window = _own_window(prose, window_spans, sentence, term, raw_starts, by_start)
        heading = _heading_at(heading_spans, heading_starts, span)
        if heading is not None:
            # A heading's adjacent sentence is the first one of the section it heads
            # ("## Robustness" then "Noise at 5 dB raised WER from 8.1% to 9.0%.").
            first = _NON_SPACE.search(prose, heading.end, heading.end + 2000)
            if first is not None:
                following = sentences.at(first.start())
                window = f"{window}\n{prose[following.start : following.end]}"
        if is_operationalised(
            kinds.get(term, "none"),
            window,
            span.slice(prose),
            prose[max(sentence.start, span.start - 200) : span.start],
            prose[span.end : min(sentence.end, span.end + 40)],
        ):
            staged.append((term, span, "operationalised", "operationalised in place", False))
            continue
        staged.append((term, span, "undefined", "", False))

    defined_terms = {d.term for d in definitions}
    for (a, first), (b, second) in itertools.pairwise(by_start):
        if a == b or second.start - first.end > 80 or not synonym_gap(prose, first, second):
            continue
        for known, other in ((a, b), (b, a)):
            if known in defined_terms and other not in defined_terms:
                definitions.append(
                    Definition(other, "inline", sentences.at(first.start), f"synonym of {known}")
                )
                defined_terms.add(other)
    occurrences = tuple(
        Occurrence(
            term=term,
            span=span,
            text=span.slice(document.text),
            status="defined" if status == "undefined" and term in defined_terms else status,
            reason=reason or ("defined elsewhere in the document" if term in defined_terms else ""),
            at_definition=at_def,
        )
        for term, span, status, reason, at_def in staged
    )
    return TermAnalysis(occurrences, tuple(definitions), lexicon)


__all__ = ["Definition", "Occurrence", "TermAnalysis", "analyse"]
