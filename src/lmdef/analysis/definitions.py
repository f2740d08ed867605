"""Where a document defines a term (issue #2 §5, GUIDE §3).

An occurrence is a *definition site* when the words around it, in its sentence, define it:
"we define X as", "by X we mean", "X refers to", "X (i.e., ...)", "X, i.e., ...", "we call ... X",
"we use the term X for", "X — <gloss> —", a copular definition ("An X is a model that ..."),
a citation that carries the content ("following Wei et al., we call an ability emergent if"),
and the Japanese forms 「Xとは…」「Xを…と定義する」「…をXと呼ぶ」「X（…gloss…）」.
Structural definitions (definition lists, glossary sections, footnotes on the term, LaTeX
glossary entries, front matter, config glossary) are found in `analysis/__init__.py`.
A bare citation is not a definition, and neither is a circular gloss ("LLMs, characterised by
their vast number of parameters"): neither pattern below accepts them.
"""

from __future__ import annotations

import re

from lmdef.spans import Span

# The document that scopes a definition: "in this report, ...", "throughout this study, ...".
_SCOPE = (
    r"(?:in|throughout)\s+(?:this|the\s+present|the\s+following)\s+(?:paper|work|report|card|"
    r"document|study|article|essay|note|survey|thesis|chapter|section|book|policy|guide|post|"
    r"review|proposal|analysis|repository|project|page|model\s+card|white\s+paper)"
)

# Words that may follow the matched term inside the defined phrase ("emergent abilities",
# "frontier AI models", "LLMs (large language models)", "基盤モデル（Foundation Model）").
_PHRASE_TAIL = re.compile(
    r"(?:[\"'”’」』]|\s*\([^()\n]{1,40}\)|\s*（[^（）\n]{1,40}）|[\s-]+(?:abilit(?:y|ies)|"
    r"capabilit(?:y|ies)|propert(?:y|ies)|behaviou?rs?|models?|systems?|AI|skills?|"
    r"phenomen(?:on|a)|points?|technolog(?:y|ies)|LLMs?|of\s+(?:LLMs|large\s+language\s+models|"
    r"language\s+models|models|AI))(?![A-Za-z])"
    # Japanese suffixes that make the term a longer noun: 頑健性, 創発的能力, 創発現象.
    r"|(?:的(?:な)?|性)(?:能力|現象|特性|挙動|振る舞い)?|(?:能力|現象|特性|挙動|振る舞い))*"
)
# The term is the complement of a preposition ("of LLMs", "compared to regular LLMs"): what
# follows defines the head noun, not the term.
_COMPLEMENT = re.compile(
    r"\b(?:of|in|for|with|by|on|from|to|about|among|across|than)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_GLOSS_WORDS = re.compile(r"[A-Za-z]{2,}|[\u3040-\u30ff\u4e00-\u9fff]{2,}")

# After the term: the sentence goes on to say what it means.
_APPOSITIVE = re.compile(
    r"^\s*[,:]?\s*[(（]?\s*(?:i\.\s?e\.|ie\.|that\s+is(?:\s+to\s+say)?|namely|meaning|"
    r"defined\s+as|by\s+which\s+(?:we|I)\s+mean|"
    r"which\s+(?:we|I)\s+(?:take|understand|define|use)\s+(?:to\s+(?:be|mean)|as))[,:]?\s+(?P<gloss>.+)",
    re.IGNORECASE | re.DOTALL,
)
# An optional aside between the term and its verb: "Emergence, in the sense of X (2022), denotes".
_ASIDE = r"(?:\s*,[^,;]{1,80},)?"
_IS_DEFINED = re.compile(
    rf"^{_ASIDE}\s*(?:is|are)\s+(?:here\s+|hereafter\s+|henceforth\s+|commonly\s+|usually\s+|"
    r"formally\s+|often\s+)?(?:defined\s+(?:here\s+)?(?:as|to\s+be|by|in\s+terms\s+of)|"
    # "is defined in the Bletchley Declaration as ...": a source, then the definition.
    r"defined\s+in\s+[^.;:]{3,80}?\s+as|"
    r"understood\s+(?:here\s+)?(?:as|to\s+mean)|taken\s+(?:here\s+)?to\s+(?:mean|be)|"
    r"used\s+(?:here\s+)?to\s+(?:mean|refer|denote))\b",
    re.IGNORECASE,
)
_REFERS = re.compile(
    rf"^{_ASIDE}\s*(?:(?:here|{_SCOPE}),?\s+)?(?:refers?\s+to|means|mean\b|"
    r"denotes?|designates?)\b"
    r"(?!\s+(?:for|to|a\s+lot|much|little|nothing|anything|everything|business)\b)"
    # "refers to many things in the literature" says it is vague, not what it means.
    r"(?!\s+(?:many|several|various|different|multiple|a\s+(?:number|range|variety)\s+of)\s+"
    r"(?:different\s+)?(?:things|concepts|ideas|phenomena|meanings|senses)\b)\s+(?P<gloss>.+)",
    re.IGNORECASE | re.DOTALL,
)
# "LLM stands for a decoder-only Transformer pretrained on ...": more than the expansion of
# the acronym ("stands for large language model" is not a definition).
_STANDS_FOR = re.compile(r"^\s*,?\s*stands\s+for\s+(?P<gloss>[^.;]+)", re.IGNORECASE)
_DASH_GLOSS = re.compile(r"^\s*(?:—|–|--|―|-\s)\s*(?P<gloss>[^—–―]{12,}?)\s*(?:—|–|--|―|$)")
_COPULAR = re.compile(
    # "X is one that/which ...", "X is any Transformer model with ...": only a definition
    # speaks of "one that" or "any" member of a class.
    r"^\s*is\s+(?:one|anything|something)\s*,?\s+(?:that|which|whose|where|in\s+which)\b"
    r"|^\s*(?:is|are)\s+(?:any|every)\s+(?:[\w-]+\s+){0,5}?(?:models?|systems?|technolog(?:y|ies)|"
    r"networks?|programs?|algorithms?|abilit(?:y|ies)|capabilit(?:y|ies)|behaviou?rs?|results?|"
    r"methods?|AI)\b"
    r"|^\s*(?:is|are)\s+(?:an?\s+|any\s+|the\s+)?(?:[\w-]+\s+){0,5}?(?:models?|systems?|"
    r"technolog(?:y|ies)|phenomen(?:on|a)|abilit(?:y|ies)|capabilit(?:y|ies)|networks?|"
    r"programs?|algorithms?|propert(?:y|ies)|skills?|behaviou?rs?|class(?:es)?|type|kind|"
    r"category|tendency|situation|setting)\s*,?\s+(?:that|which|where|whose|in\s+which|trained|"
    r"built|pretrained|pre-trained|designed|able|capable)\b"
    r"|^\s*(?:has|have)\s+(?:\w+\s+)?(?:defining|key|essential|core)\s+(?:features|characteristics|"
    r"properties|criteria)"
    # "are characterised by three features: ..." lists criteria; "characterised by their vast
    # number of parameters" (a circular gloss, GUIDE §4) does not match.
    r"|^\s*(?:is|are)\s+(?:characteri[sz]ed|identified|distinguished|recogni[sz]ed)\s+by\s+"
    r"(?:\w+\s+){0,2}(?:features|properties|characteristics|criteria|conditions)\b",
    re.IGNORECASE,
)
# "emergent abilities, performing well on tasks they were never trained on": a participial
# gloss; "including/such as/using ..." introduce examples or circumstances, not a meaning.
_PARTICIPLE_GLOSS = re.compile(
    r"^,\s+(?!(?:including|according|using|following|leading|making|becoming|being|having|ranging|"
    r"spanning|raising|showing|allowing|enabling|causing|resulting|prompting|depending|yielding|"
    r"giving|achieving|outperforming|reaching|requiring|suggesting|indicating|highlighting|"
    r"demonstrating|providing|offering|posing|creating|bringing|driving|reducing|improving|"
    r"increasing|limiting|reflecting|underscoring|ensuring|excluding|especially|particularly|"
    r"notably|mostly|mainly)\b)(?P<gloss>[a-z]+ing\b[^.;:]{25,})"
)
_DELIMITS = re.compile(
    r"\b(?:never|not|nobody|no\s+one|neither|nor|without|beyond|absent|only|unlike|unless|"
    r"except|rather\s+than)\b",
    re.I,
)
_SERVE_AS = re.compile(r"(?:serve|act|function)s?\s+as\s+$", re.IGNORECASE)
_SERVE_AS_AFTER = re.compile(r"^\s*(?:that|which)\s+(?:can|are|is)\b", re.IGNORECASE)
# An aside may come first: "A model is state-of-the-art, in our usage, when ...".
# ... or a short complement: "a model is robust to a perturbation when ...".
_CONDITION = re.compile(
    r"^\s*(?:(?:to|against|under|on|for|across)\s+(?:\w+\s+){1,4}?)?(?:,[^,;.]{1,40},\s*)?"
    r"(?:if|when|whenever|iff|only\s+if|provided|once)\b",
    re.IGNORECASE,
)

# Before the term: "we call / define / refer to ... as", "by X we mean", "the term X for".
# The named thing is the first noun phrase after the verb: no colon, quote pair or clause
# between them, and the term is not the complement of a preposition ("we call X of LLMs").
_WE_NAME = re.compile(
    r"\b(?:we|I|they|the\s+authors|the\s+researchers)\s+(?:will\s+|shall\s+|here\s+|henceforth\s+|hereafter\s+)?(?:call(?!\s+(?:on|for|upon|into|out|back|attention)\b)|term|dub|label|"
    r"denote|use\s+the\s+(?:term|phrase|word|label|name|expression))\b[^.;:!?。\"“”]{0,60}"
    r"(?<!\bof\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bwith\s)(?<!\bby\s)(?<!\bon\s)(?<!\bfrom\s)[\"“‘']?$"
    r"|\b(?:we|I)\s+(?:will\s+|shall\s+|here\s+|henceforth\s+|hereafter\s+)?refer\s+to\b[^.;!?。]{0,80}\bas\s+[\"'“‘]?$",
    re.IGNORECASE,
)
# "call" straight before a determiner and the term invokes it ("we call the LLM via its API");
# a name is given to something described first ("we call such models LLMs").
_CALL_INVOKES = re.compile(
    r"\bcall\s+(?:the|an?|our|each|every|their|its|your)\s+[\"“‘']?$", re.IGNORECASE
)
# "As defined by Wei et al. (2022), emergent abilities are ...", "Emergent abilities, as Wei et
# al. (2022) define them, are ...": a citation that carries the content (GUIDE §3).
_AS_DEFINED_BEFORE = re.compile(
    r"\bas\s+(?:defined|characteri[sz]ed|introduced)\s+(?:by|in)\s+(?:et\s+al\.|[^.;!?]){3,80},\s*"
    r"(?:(?:an?|the|any)\s+)?$",
    re.IGNORECASE,
)
_AS_DEFINED_ASIDE = re.compile(
    r"^\s*,\s*as\s+(?:et\s+al\.|[^,;.]){3,60}?\s+(?:define|defines|defined|characteri[sz]es?|"
    r"characteri[sz]ed)\s+(?:it|them)?\s*,\s*(?:is|are)\s+(?P<gloss>[^.;]+)",
    re.IGNORECASE,
)
_COPULA_GLOSS = re.compile(r"^\s+(?:is|are)\s+(?P<gloss>[^.;]+)")
_WE_DEFINE = re.compile(
    r"\b(?:we|I)\s+(?:will\s+|shall\s+|here\s+|first\s+|then\s+|formally\s+)?(?:define|formali[sz]e)\s+"
    r"(?:an?\s+|the\s+|such\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
# "Executive Order 14110 defines a dual-use foundation model as ...", "X denotes T as".
# "We measure robustness as the drop in ...", "we operationalise emergence as ...": an
# operational definition; "as" and a gloss must follow ("we measure robustness on 3 sets" is
# a use).
_WE_MEASURE = re.compile(
    r"\b(?:we|I)\s+(?:will\s+|here\s+|first\s+)?(?:measure|quantify|operationali[sz]e|score)\s+"
    r"(?:an?\s+|the\s+|model\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
_MEASURED_AS = re.compile(
    r"^[\"'”’]?\s*(?:is|are)\s+(?:here\s+)?(?:measured|quantified|operationali[sz]ed|scored)\s+"
    r"(?:here\s+)?(?:as|by)\s+(?P<gloss>[^.;]+)"
    r"|^[\"'”’]?\s+as\s+(?!well\s+as\b)(?P<gloss2>[^.;]+)",
    re.IGNORECASE,
)
# 「ここでいう頑健性は、…」「本稿における創発とは…」: the scope marks what follows as the meaning.
_JA_SCOPE_BEFORE = re.compile(
    r"(?:ここでいう|ここで言う|ここでの|本稿でいう|本稿における|本稿での|本研究における|本研究でいう|"
    r"本論文における|本書における)[「『]?$"
)
_JA_SCOPE_AFTER = re.compile(r"^[」』]?\s*(?:は|とは)[、，]?[^。！？\n]{8,}")
_DEFINES_AS = re.compile(
    r"\b(?:defines?|defined|defining|denotes?|characteri[sz]es?)\s+(?:an?\s+|the\s+|such\s+)?"
    r"(?:[\w-]+\s+){0,2}?[\"'“‘]?$",
    re.IGNORECASE,
)
_DEFINE_AFTER = re.compile(r"^[\"'”’]?\s*(?:as|to\s+be|by)\b", re.IGNORECASE)
# A generic indefinite subject with a long present-tense predicate: "A foundation model is /
# takes / consists of ..." (the way a definition opens, GUIDE §3 explicit definitions).
# After a colon the subject may be lower case: "the definition of Smith (2021): a X is ...".
_GENERIC_SUBJECT = re.compile(
    r"(?:(?:^|[.!?:]\s+|\n)\W{0,3}(?:An?|Any)|:\s+(?:an?|any))\s+(?:[\w-]+\s+)?$"
)
# After "is" the predicate must name a class ("is a model trained on ..."): "An LLM is then
# prompted with ...", "An LLM is used to ...", "An LLM is one of the tools ..." describe a step
# of a method or a use, not what the term means.
_GENERIC_PREDICATE = re.compile(
    r"^\s+(?:is\s+(?=(?:an?|any|some|something|anything|one\s+(?!of\b))\b)|takes|consists|"
    r"combines|learns|denotes|describes|involves|uses)\b(?P<gloss>[^.;]+)"
)
# "We follow the definition in Chen (2022): a foundation model is pretrained on ...": the
# colon announces a definition, so any predicate glosses the term.
_DEFINITION_COLON = re.compile(
    r"\b(?:definition|defines?|defined)\b(?:et\s+al\.|[^.;!?:]){0,80}:\s+(?:(?:an?|any|the)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_DEFINITION_COLON_AFTER = re.compile(r"^\s+(?:is|are)\s+(?P<gloss>[^.;]+)")
_WE_TREAT = re.compile(
    r"\b(?:we|I)\s+(?:will\s+|here\s+)?(?:treat|consider|regard|count|deem|classify|call|label|say)\s+"
    r"[^.;!?。]{0,50}?[\"'“‘]?$",
    re.IGNORECASE,
)
# "An ability is emergent if ...", "A model is said to be robust when ...": a conditional
# definition of a predicate.
_GENERIC_IS = re.compile(
    r"(?:^|[.!?:;]\s+|\n|,\s+)\W{0,3}(?:an?|any)\s+(?:[\w-]+\s+){1,2}(?:is|are)\s+"
    r"(?:(?:said\s+to\s+be|called|considered|deemed|regarded\s+as|only|truly)\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
# "pretrained language models with over 1B parameters (hereafter, LLMs)".
_HEREAFTER = re.compile(
    r"[(（]\s*(?:hereafter|henceforth|hereinafter|below)[,:]?\s+(?:(?:called|referred\s+to\s+as|"
    r"simply|just)\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
_PASSIVE_NAME = re.compile(
    r"(?<!so-)(?<!so\s)\b(?:called|termed|dubbed|known\s+as|referred\s+to\s+as|defined\s+as)\s+"
    r"(?:an?\s+|the\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
_BY_MEAN_BEFORE = re.compile(r"\bby\s+(?:an?\s+|the\s+)?[\"'“‘]?$", re.IGNORECASE)
_BY_MEAN_AFTER = re.compile(
    r"^[\"'”’]?(?:\s+[\w-]+){0,3}?,?\s+(?:we|I|this\s+(?:paper|card|report))\s+(?:\w+\s+)?"
    r"(?:mean|refer|denote|understand|designate)",
    re.IGNORECASE,
)
_TERM_WORD_BEFORE = re.compile(
    r"\b(?:term|phrase|word|label|expression|notion|name)\s+[\"'“‘]?$", re.IGNORECASE
)
# "we avoid the term X for ...", "we do not use the word X for ...": a refusal, not a meaning.
_REFUSE_TERM = re.compile(
    r"\b(?:avoid(?:s|ed|ing)?|reject(?:s|ed|ing)?|eschew(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
    r"(?:do|does|did|will|would|should)\s+not\s+use|don'?t\s+use|never\s+use|refrain\s+from\s+using)"
    r"\s+(?:using\s+)?(?:the\s+)?(?:\w+\s+)?(?:term|phrase|word|label|expression|name)\s+[\"'“‘]?$",
    re.IGNORECASE,
)
_USE_BEFORE = re.compile(r"\b(?:we|I)\s+(?:will\s+)?use\s+[\"'“‘]?$", re.IGNORECASE)
# 'The paper uses "frontier AI" for highly capable models ...': with the term in quotes, "use X
# for" names a thing whoever the user is (unquoted, "we use LLMs for annotation" is a use).
_USE_QUOTED_BEFORE = re.compile(
    r"\b(?:we|I|they|authors|researchers|(?:the|this|that|our|their)\s+(?:paper|article|report|"
    r"card|note|survey|document|regulation|act|guidance|framework|study|work|book|chapter))\s+"
    r"(?:will\s+|here\s+|also\s+)?uses?\s+[\"“‘']$",
    re.IGNORECASE,
)
_USE_QUOTED_AFTER = re.compile(
    r"^[\"”’']?\s*,?\s*(?:for(?!\s+(?:brevity|simplicity|convenience|short|now|the\s+sake|lack|want|"
    r"ease|clarity|readability|consistency)\b)|to\s+(?:mean|refer\s+to|denote|designate|describe|name|cover)|"
    r"as\s+(?:a\s+)?(?:shorthand|name|label)\s+for)\s+(?P<gloss>[^.;]+)",
    re.IGNORECASE,
)
# LaTeX markup left in the prose: the braces of \emph{X} and ``X'' quotes. Same-length
# replacements, so the patterns read "the term {X} denotes" as "the term X denotes".
_LATEX_MARKUP = str.maketrans({"{": " ", "}": " "})


def _plain_quotes(text: str) -> str:
    return text.translate(_LATEX_MARKUP).replace("``", ' "').replace("''", '" ')


_TERM_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:\([^)]*\)\s*)?,?\s*(?:to\s+(?:mean|refer|denote|describe|designate|"
    # "the word X for it" points back at a thing already named; no gloss follows.
    r"cover|name)|for\b(?!\s+(?:it|them|this|that|these|those|him|her|us|me|you)\b)|as\s+(?:a\s+)?(?:shorthand|name|label)\s+for|refers?\s+to|means|"
    r"denotes?|is\s+used\s+(?:here\s+)?(?:to|for)|describes?)",
    re.IGNORECASE,
)
# "We use LLMs for annotation" is a use: without "the term", only "to mean/refer/denote" names.
_USE_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:\([^)]*\)\s*)?,?\s*(?:to\s+(?:mean|refer\s+to|denote|designate)|"
    r"as\s+(?:a\s+)?(?:shorthand|name|label)\s+for)\b",
    re.IGNORECASE,
)
_CRITERIA_BEFORE = re.compile(
    r"\b(?:definition|criteria|criterion|defining\s+features|features|characteristics|"
    r"hallmarks)\s+(?:of|for)\s+(?:an?\s+|the\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
_CRITERIA_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:(?:from|by|in|of|given\s+by)\s+[^:;]{0,60}?(?::|\bas\b)|"
    r"is|are|reads?|requires?|includes?|:|as\b|—)",
    re.IGNORECASE,
)

# Japanese.
_JA_TOWA = re.compile(r"^[」』]?\s*(?:[（(][^）)]{0,40}[）)])?\s*とは(?!何|限ら|言え|いえ)")
# The named thing is right before と呼ぶ/と定義: no particle (を/は/が/に/の) in between.
_JA_TEIGI = re.compile(
    r"^[」』]?\s*(?:[（(][^）)\n]{0,40}[）)])?[^\s。、をはがにの]{0,6}?(?:である|だ)?"
    r"と(?:定義|呼ぶ|呼び|呼ん|呼ばれ|称する|称し|称され|名付け)"
)
# 「創発的能力と呼ばれる現象」: "the so-called X" modifies a noun; it names nothing.
_JA_SO_CALLED = re.compile(
    r"[」』]?[^\s。、をはがにの]{0,6}?と(?:呼ばれ|称され|言われ|いわれ)(?:る|ている|てきた)"
    r"(?=\n?[\u3040-\u30ff\u4e00-\u9fff])"
)
# 「Xを…と定義する」, also with a short suffix on the term (「創発的能力を…と定義」).
_JA_WO_TEIGI = re.compile(
    r"^[」』]?[^\s。、をはがにの「」]{0,4}を[^。！？\n]{4,}?と(?:定義|呼ぶ|呼び|呼ん|称|みな|する)"
)
_JA_SUNAWACHI = re.compile(r"^[^。！？\n]{0,12}?(?:つまり|すなわち|即ち|言い換えれば)")
_JA_PAREN_GLOSS = re.compile(r"^[」』]?\s*[（(](?P<gloss>[^（）()\n]{10,})[）)]")
# 「Xは…を特徴とする」「Xは…のことである」「…としてXが定義されてきた」
_JA_PREDICATE = re.compile(
    r"^[」』]?\s*(?:[（(][^）)\n]{0,40}[）)])?\s*(?:は|とは)[^。！？\n]{6,}?"
    r"(?:を特徴とする|と定義され|を指す|を意味する|のこと(?:である|です|を指す|をいう)|をいう)"
    r"|^[^\s。、をはがにの]{0,3}(?:[（(][^）)\n]{0,20}[）)])?\s*(?:が|は|を)定義"
)
# 「Xは…です。要するに、これらは…」: the gloss opens the next sentence.
_JA_NEXT_GLOSS = re.compile(
    r"^\s*(?:要するに|つまり|すなわち|言い換えれば)[、，]?\s*(?:これら|これ|それら|それ)は"
)
# 「…ことをXという。」
_JA_TO_IU = re.compile(r"^[」』]?\s*と(?:いう|言う|いいます|言います)(?:。|$)")
_JA_NAMING_CLAUSE = re.compile(r"[^。！？\n]{12,}[るたい]「$")


# "We use ``foundation model'' interchangeably with GPAI": between two tracked terms, words
# that make them synonyms. One then means what the other is defined as (GUIDE §3), which the
# analysis applies once it knows which terms the document defines.
_SYNONYM_GAP = re.compile(
    r"[\s\"'”’“‘`,]*(?:(?:is|are)\s+(?:used\s+)?(?:here\s+)?)?(?:interchangeabl[ye]|synonym(?:ous(?:ly)?)?)"
    r"\s+(?:with|for|of|to)\s+(?:the\s+(?:term|acronym|abbreviation)\s+)?[\s\"'”’“‘`]*",
    re.IGNORECASE,
)
_SYNONYM_BEFORE = re.compile(
    r"\b(?:we|I|this\s+\w+)\s+(?:will\s+|also\s+)?use\s+[\s\"'“‘`]*$", re.I
)


def synonym_gap(prose: str, first: Span, second: Span) -> bool:
    """Whether `first` and `second` (two tracked terms, in order) are declared synonyms:
    "X (is used) interchangeably with Y", "we use X synonymously with Y"."""
    gap = prose[phrase_end(prose, first, second.start) : second.start]
    if len(gap) > 60 or not _SYNONYM_GAP.fullmatch(gap):
        return False
    return gap.lstrip(" \"'”’`").lower().startswith(("is", "are")) or bool(
        _SYNONYM_BEFORE.search(prose[max(0, first.start - 60) : first.start])
    )


def _gloss_ok(gloss: str, min_words: int = 3) -> bool:
    return len(_GLOSS_WORDS.findall(gloss[:200])) >= min_words


def surface_is_plural(prose: str, span: Span) -> bool:
    word = span.slice(prose)
    return word.endswith("s") and not word.endswith(("'s", "’s"))


def phrase_end(prose: str, span: Span, limit: int) -> int:
    m = _PHRASE_TAIL.match(prose, span.end, limit)
    return m.end() if m else span.end


def is_definition_site(prose: str, span: Span, sentence: Span) -> str | None:
    """The pattern that makes this occurrence a definition of its term, or None."""
    end = phrase_end(prose, span, sentence.end)
    # Bounded windows: every pattern below looks at most this far, and a long "sentence" (a
    # table, a list without full stops) must not make the checks quadratic.
    after = _plain_quotes(prose[end : min(sentence.end, end + 400)])
    before = _plain_quotes(prose[max(sentence.start, span.start - 240) : span.start])
    near_before = before[-160:]

    head = not _COMPLEMENT.search(before[-40:])
    m = _APPOSITIVE.match(after) or _APPOSITIVE.match(prose[span.end : sentence.end])
    if m and _gloss_ok(m.group("gloss")):
        return "apposition (i.e., that is, meaning)"
    if head and _IS_DEFINED.match(after):
        return "is defined as"
    m = _REFERS.match(after) if head else None
    if m and _gloss_ok(m.group("gloss")):
        return "refers to / means"
    m = _STANDS_FOR.match(after) if head else None
    if m and _gloss_ok(m.group("gloss"), 6):
        return "stands for"
    m = _DASH_GLOSS.match(after)
    if m and _gloss_ok(m.group("gloss"), 4):
        return "dash apposition"
    if head and _COPULAR.match(after) and _sentence_opens_with_term(before):
        return "copular definition"
    m = _WE_NAME.search(near_before)
    if m and _CALL_INVOKES.search(m.group(0)) and not _CONDITION.match(after):
        m = None  # "we call the LLM twice": invoking the model, not naming a thing
    if (
        m
        and (
            m.group(0)[:2].lower() in ("we", "i ")
            # Someone else's name for a thing counts only with the thing described before it:
            # "a phenomenon unique to large models that they call emergent" (citation with content).
            or _gloss_ok(near_before[: m.start()], 4)
        )
    ):
        return "we call X"
    if _WE_DEFINE.search(near_before):
        return "we define X"
    m = _MEASURED_AS.match(after)
    if (
        m
        and (m.group("gloss") or _WE_MEASURE.search(near_before))
        and _gloss_ok(m.group("gloss") or m.group("gloss2"), 4)
    ):
        return "we measure X as / X is measured as"
    if _DEFINES_AS.search(near_before) and _DEFINE_AFTER.match(after):
        return "defines X as"
    m = _GENERIC_PREDICATE.match(after)
    if (
        m
        and not surface_is_plural(prose, span)
        and _GENERIC_SUBJECT.search(before[-60:] if before else "\n")
        and _gloss_ok(m.group("gloss"), 8)
    ):
        return "A X is/takes ... (generic definition)"
    m = _AS_DEFINED_ASIDE.match(after)
    if m and _gloss_ok(m.group("gloss"), 5):
        return "X, as <source> defines it, is ..."
    m = _COPULA_GLOSS.match(after)
    if m and _gloss_ok(m.group("gloss"), 5) and _AS_DEFINED_BEFORE.search(near_before):
        return "as defined by <source>, X is ..."
    m = _DEFINITION_COLON_AFTER.match(after)
    if m and _gloss_ok(m.group("gloss"), 6) and _DEFINITION_COLON.search(near_before):
        return "the definition in <source>: X is ..."
    if _GENERIC_IS.search(near_before[-80:]) and _CONDITION.match(after):
        return "a X is T if (conditional definition)"
    if _WE_TREAT.search(near_before) and _CONDITION.match(after):
        return "we treat/call ... X if"
    if _HEREAFTER.search(near_before) and _gloss_ok(near_before, 4):
        return "(hereafter X)"
    if _PASSIVE_NAME.search(near_before) and _gloss_ok(near_before, 5):
        return "is called"
    if _BY_MEAN_BEFORE.search(near_before) and _BY_MEAN_AFTER.match(after):
        return "by X we mean"
    if (
        _TERM_WORD_BEFORE.search(near_before)
        and _TERM_AFTER.match(after)
        and not _REFUSE_TERM.search(near_before)
    ):
        return "the term X for"
    if _USE_BEFORE.search(near_before) and _USE_AFTER.match(after):
        return "we use X to mean"
    m = _USE_QUOTED_AFTER.match(after)
    if m and _gloss_ok(m.group("gloss"), 3) and _USE_QUOTED_BEFORE.search(near_before):
        return 'uses "X" for'
    if (
        _CRITERIA_BEFORE.search(near_before)
        and _CRITERIA_AFTER.match(after)
        and _gloss_ok(after, 5)
    ):
        return "criteria of X (citation with content)"
    m = _PARTICIPLE_GLOSS.match(after) if head else None
    # A participial phrase glosses the term only when it draws a line ("tasks they were never
    # trained on", "beyond what they were trained to do"); "generating fluent text" describes.
    if m and _gloss_ok(m.group("gloss"), 6) and _DELIMITS.search(m.group("gloss")):
        return "participial gloss"
    if _SERVE_AS.search(near_before) and _SERVE_AS_AFTER.match(after):
        return "serve as X that"
    if _CONDITION.match(after) and re.search(
        r"\b(?:is|are)\s+(?:called|termed|considered|deemed|said\s+to\s+be|regarded\s+as)\s+$",
        near_before,
    ):
        return "is called X if"
    # Japanese forms.
    if _JA_SCOPE_BEFORE.search(before[-12:]) and _JA_SCOPE_AFTER.match(after):
        return "ここでいうXは…"
    if _JA_TOWA.match(after) and _gloss_ok(after, 2):
        return "Xとは"
    if _JA_WO_TEIGI.match(after):
        return "Xを…と定義する"
    # (The prose, not `after`: the segmenter may cut a sentence wrapped between two lines.)
    if _JA_TEIGI.match(after) and not _JA_SO_CALLED.match(prose, end, end + 40):
        return "…をXと呼ぶ/定義する"
    if _JA_SUNAWACHI.match(after):
        return "X、つまり…"
    m = _JA_PAREN_GLOSS.match(prose[span.end : sentence.end]) or _JA_PAREN_GLOSS.match(after)
    if m and re.search(r"[\u3040-\u309f]{3,}", m.group("gloss")):
        return "X（gloss）"
    if before.endswith("「") and _JA_NAMING_CLAUSE.search(before[-80:]):
        return "…する「X」"
    if _JA_TO_IU.match(after) and "を" in before[-40:]:
        return "…をXという"
    if _JA_PREDICATE.match(after):
        return "Xは…を特徴とする/のことである"
    if re.match(r"^[」』]?\s*(?:[（(][^）)\n]{0,40}[）)])?\s*は", after) and _JA_NEXT_GLOSS.match(
        prose[sentence.end : sentence.end + 40]
    ):
        return "Xは…。要するに、これらは…"
    return None


_OPENING = re.compile(
    r"(?:^|[.!?。]\s*)(?:\W{0,3})(?:(?:an?|the|any|here,?|formally,?|"
    + _SCOPE
    + r",?|following\s+[^,]{3,60},|according\s+to\s+[^,]{3,60},)\s+){0,2}[\"'“‘]?$",
    re.IGNORECASE,
)


def _sentence_opens_with_term(before: str) -> bool:
    return bool(_OPENING.search(before[-90:])) or not before.strip()
