"""find_family / find_corpus / corpus_ids_in / volume_parts on the shipped registries.

One table per lookup (issue #3 §3): Hub ids of bases, their quantized, instruct and adapter
copies resolve to the base family; look-alike names must not match.
"""

from __future__ import annotations

import pytest

from lmdef.classify.registry import load_registry

REGISTRY = load_registry()

FAMILY_CASES = [
    # (model id or name, expected family id or None)
    ("meta-llama/Llama-2-7b-hf", "llama-2", "llama2-base"),
    ("TheBloke/Llama-2-13B-chat-GGUF", "llama-2", "llama2-gguf-copy"),
    ("someone/llama2-7b-qlora-adapter", "llama-2", "llama2-no-hyphen-adapter"),
    ("huggyllama/llama-65b", "llama-1-large", "llama1-size-decides-volume"),
    ("huggyllama/llama-7b", "llama-1", "llama1-small"),
    ("meta-llama/Meta-Llama-3-8B-Instruct", "llama-3", "llama3-instruct"),
    ("meta-llama/Llama-3.1-70B", "llama-3.1", "llama3.1-dotted-version"),
    ("unsloth/Llama-3.2-1B-Instruct-bnb-4bit", "llama-3.2", "llama3.2-bnb-quant"),
    ("meta-llama/Llama-3.2-90B-Vision", "llama-3.2-vision", "llama3.2-vision-wildcard"),
    ("TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "mistral", "mistral-gguf"),
    ("mistralai/Mixtral-8x7B-v0.1", "mixtral", "mixtral"),
    ("Salesforce/blip-image-captioning-large", "blip", "blip-captioner"),
    ("DeepPavlov/rubert-base-cased-conversational", "rubert", "rubert-base"),
    ("cointegrated/rubert-tiny2", None, "rubert-prefix-is-not-rubert"),
    ("Salesforce/blip-itm-base-coco", None, "blip-retrieval-head-is-not-the-captioner"),
    ("codellama/CodeLlama-7b-Python-hf", "code-llama", "codellama-over-llama"),
    ("elyza/ELYZA-japanese-Llama-2-7b-fast-instruct", "elyza-llama-2", "derived-beats-its-base"),
    ("tokyotech-llm/Swallow-13b-instruct-hf", "swallow", "swallow"),
    ("tokyotech-llm/Llama-3.1-Swallow-8B-Instruct-v0.3", "llama-3.1-swallow", "swallow-3.1"),
    ("rinna/japanese-gpt-neox-3.6b", "rinna-gpt-neox", "rinna-neox"),
    ("rinna/japanese-gpt2-medium", "rinna-gpt2", "japanese-gpt2-is-not-openai-gpt2"),
    ("cyberagent/open-calm-7b", "open-calm", "open-calm"),
    ("llm-jp/llm-jp-3-1.8b-instruct", "llm-jp-3", "llm-jp-3"),
    ("cl-tohoku/bert-base-japanese-whole-word-masking", "tohoku-bert", "tohoku-v1"),
    ("tohoku-nlp/bert-base-japanese-v3", "tohoku-bert-v3", "tohoku-v3"),
    ("google-bert/bert-base-uncased", "bert", "bert-canonical"),
    ("textattack/bert-base-uncased-imdb", "bert", "bert-classifier-fine-tune"),
    ("bert-large-cased-whole-word-masking", "bert", "bert-no-namespace"),
    ("google-bert/bert-base-multilingual-cased", "mbert", "mbert-longer-alias"),
    ("distilbert-base-uncased", "distilbert", "distilbert-is-not-bert"),
    ("distilbert/distilbert-base-uncased-finetuned-sst-2-english", "distilbert", "sst2-head"),
    ("FacebookAI/roberta-large", "roberta", "roberta"),
    ("FacebookAI/xlm-roberta-base", "xlm-roberta", "xlm-r-not-roberta"),
    ("nyu-mll/roberta-base-100M-1", "miniberta-100m", "small-data-roberta"),
    ("albert/albert-base-v2", "albert", "albert-owner-and-name"),
    ("microsoft/deberta-v3-base", "deberta-v3", "deberta-v3"),
    ("google/electra-large-discriminator", "electra-large", "electra-large"),
    ("google-t5/t5-small", "t5", "t5"),
    ("google/flan-t5-xl", "flan-t5", "flan-t5-over-t5"),
    ("google/mt5-base", "mt5", "mt5-not-t5"),
    ("openai-community/gpt2-xl", "gpt2", "gpt2-xl"),
    ("microsoft/DialoGPT-small", "dialogpt", "dialogpt"),
    ("EleutherAI/gpt-j-6b", "gpt-j", "gpt-j"),
    ("EleutherAI/pythia-1.4b-deduped", "pythia-deduped", "pythia-deduped-wildcard"),
    ("EleutherAI/pythia-1.4b", "pythia", "pythia"),
    ("facebook/opt-1.3b", "opt", "opt-dotted-size"),
    ("bigscience/bloomz-560m", "bloomz", "bloomz-not-bloom"),
    ("tiiuae/falcon-40b-instruct", "falcon-40b", "falcon-size"),
    ("Qwen/Qwen2.5-7B-Instruct-AWQ", "qwen2.5", "qwen2.5-awq"),
    ("Qwen/Qwen2-7B", "qwen2", "qwen2-not-qwen2.5"),
    ("Qwen/Qwen3-8B", "qwen3", "qwen3"),
    ("google/gemma-2-9b-it", "gemma-2-9b", "gemma2-size"),
    ("google/gemma-3-27b-pt", "gemma-3-27b", "gemma3-size"),
    ("google/gemma-7b", "gemma-7b", "gemma1-7b"),
    ("microsoft/Phi-3-mini-4k-instruct", "phi-3-mini", "phi3-mini"),
    ("microsoft/phi-1_5", "phi-1.5", "phi-underscore-version"),
    ("TinyLlama/TinyLlama-1.1B-Chat-v1.0", "tinyllama", "tinyllama-not-llama"),
    ("HuggingFaceTB/SmolLM2-360M-Instruct", "smollm2-360m", "smollm2-size"),
    ("openai/whisper-small", "whisper", "whisper"),
    ("openai/whisper-large-v3-turbo", "whisper-large-v3-turbo", "whisper-turbo"),
    ("facebook/wav2vec2-large-xlsr-53", "wav2vec2-xlsr", "xlsr"),
    ("sentence-transformers/all-MiniLM-L6-v2", "all-minilm", "sbert-minilm"),
    ("sentence-transformers/all-mpnet-base-v2", "all-mpnet", "sbert-mpnet"),
    ("Llama 2 7B", "llama-2", "plain-name-with-spaces"),
    ("mistral", "mistral", "bare-name"),
    # look-alikes that must NOT match (or must not match the look-alike family)
    ("robert-smith/model", None, "owner-robert-is-not-roberta"),
    ("someone/albertina-100m-portuguese", None, "albertina-is-not-albert"),
    ("someone/robertinha-small", None, "robertinha-is-not-roberta"),
    ("someone/codeberta-small", None, "codeberta-is-not-roberta"),
    ("bert/some-model", None, "owner-bert-is-not-bert"),
    ("someone/bert-xsmall-dummy", None, "no-bare-bert-alias"),
    ("someone/bert-base-dutch-cased", None, "other-language-bert-from-scratch"),
    ("dbmdz/bert-base-italian-xxl-cased", "dbmdz-italian-bert-xxl", "own-entry-beats-skip"),
    ("dbmdz/bert-base-german-cased", "dbmdz-german-bert", "owner-qualified-alias-wins"),
    ("deepset/bert-base-german-cased-oldvocab", "deepset-german-bert", "same-name-other-owner"),
    ("someone/electra-small-japanese-generator", None, "japanese-electra-not-english"),
    ("laion/CLIP-ViT-H-14-laion2B-s32B-b79K", "openclip", "openclip-beats-openai-clip"),
    ("google/siglip-so400m-patch14-384", "siglip", "siglip"),
    ("someone/AraT5-base-question-gen", "arat5", "arat5-fine-tune"),
    ("someone/bert-base-multilingual-cased-ner", "mbert", "mbert-hub-name"),
    ("Multilingual BERT", "mbert", "mbert-display-name"),
    ("someone/magnet-small-30secs", "magnet", "audio-generator-with-t5-component"),
    ("someone/phoenix-7b", None, "no-family"),
    ("hf-internal-testing/tiny-random-gpt2", None, "random-weights-test-repo"),
    ("someone/gpt2-from-scratch-shakespeare", None, "trained-from-scratch"),
    ("someone/bert-base-uncased-randomly-initialized", None, "random-init"),
    ("someone/optimus-prime", None, "opt-prefix-only"),
    ("ibm-granite/granite-geospatial-biomass", None, "granite-non-language"),
    ("", None, "empty"),
]


@pytest.mark.parametrize(
    ("name", "expected"), [c[:2] for c in FAMILY_CASES], ids=[c[2] for c in FAMILY_CASES]
)
def test_find_family(name: str, expected: str | None):
    found = REGISTRY.find_family(name)
    assert (found.id if found else None) == expected


CORPUS_CASES = [
    ("allenai/c4", "c4", "hf-id-c4"),
    ("wikipedia", "wikipedia", "generic-wikipedia"),
    ("wikimedia/wikipedia", "wikipedia", "hf-id-wikipedia"),
    ("bookcorpus", "bookcorpus", "bookcorpus"),
    ("oscar", "oscar", "oscar"),
    ("cc100", "cc100", "cc100"),
    ("CC-100", "cc100", "cc-100-spelling"),
    ("HuggingFaceFW/fineweb", "fineweb", "fineweb-hf-id"),
    ("HuggingFaceFW/fineweb-edu", "fineweb-edu", "fineweb-edu-not-fineweb"),
    ("The_Pile", "the-pile", "underscore-spelling"),
    ("EleutherAI/pile", "the-pile", "pile-hf-id"),
    ("English Wikipedia", "wikipedia-en", "english-wikipedia"),
    ("日本語版Wikipedia", "wikipedia-ja", "japanese-name"),
    ("legacy-datasets/wikipedia", "wikipedia", "unknown-owner-falls-back-to-name"),
    ("somebody/my-private-data", None, "unknown-dataset"),
    # single-speaker / small TTS corpora: a TTS trained on them alone fails criterion 2
    ("ljspeech", "ljspeech", "ljspeech-front-matter-id"),
    ("keithito/lj_speech", "ljspeech", "ljspeech-hf-id"),
    ("VCTK", "vctk", "vctk"),
    ("stories", None, "common-word-is-not-a-name"),
]


@pytest.mark.parametrize(
    ("name", "expected"), [c[:2] for c in CORPUS_CASES], ids=[c[2] for c in CORPUS_CASES]
)
def test_find_corpus(name: str, expected: str | None):
    found = REGISTRY.find_corpus(name)
    assert (found.id if found else None) == expected


PROSE_CASES = [
    (
        "We pretrain on the Pile and FineWeb-Edu, then on English Wikipedia.",
        [
            ("the-pile", "Pile"),
            ("fineweb-edu", "FineWeb-Edu"),
            ("wikipedia-en", "English Wikipedia"),
        ],
        "longest-name-first",
    ),
    ("Trained on mC4 and C4.", [("mc4", "mC4"), ("c4", "C4")], "mc4-is-not-c4"),
    ("A pile of roots grew in the stack of stories.", [], "ordinary-words-are-not-corpora"),
    (
        "Data: ROOTS and The Stack v2.",
        [("bigscience-roots", "ROOTS"), ("the-stack-v2", "The Stack v2")],
        "exact-case",
    ),
    (
        "学習には日本語Wikipediaと CC-100 を用いた。",
        [("wikipedia-ja", "日本語Wikipedia"), ("cc100", "CC-100")],
        "japanese-prose",
    ),
    ("RedPajama-Data-1T sample", [("redpajama-v1", "RedPajama-Data-1T")], "hyphenated-name"),
    ("the c4ai model and MC4X", [], "whole-words-only"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in PROSE_CASES], ids=[c[2] for c in PROSE_CASES]
)
def test_corpus_ids_in_prose(text: str, expected: list[tuple[str, str]]):
    found = REGISTRY.corpus_ids_in(text)
    assert [(c.id, text[s:e]) for c, s, e in found] == expected


def _parts(family_id: str) -> list[tuple[str, float, str]]:
    family = REGISTRY.family(family_id)
    assert family is not None
    return [(p.family_id, p.quantity.value, p.quantity.unit) for p in REGISTRY.volume_parts(family)]


def test_volume_of_a_continued_pretraining_adds_the_base():
    # ELYZA continues Llama 2: its own additional tokens, then Llama 2's pretraining
    assert _parts("elyza-llama-2") == [
        ("elyza-llama-2", 18e9, "tokens"),
        ("llama-2", 2e12, "tokens"),
    ]


def test_blip_captioner_counts_its_bert_initialised_text_transformer():
    # LABELING.md §2 "Components count": BLIP's text side starts from BERT-base
    family = REGISTRY.family("blip")
    assert family is not None and family.output == "text"
    assert "bert" in family.components


def test_mbart_50_inherits_at_least_the_english_slice_of_cc25():
    # a family with no total of its own takes its corpus' figure, kept as a lower bound
    parts = REGISTRY.volume_parts(REGISTRY.family("mbart-50"))
    assert [(p.family_id, p.quantity.unit, p.quantity.at_least) for p in parts] == [
        ("mbart", "bytes", True)
    ]
    assert parts[0].quantity.value > 1e11


def test_volume_of_a_fine_tune_is_its_base():
    assert _parts("flan-t5") == [("t5", 156e9, "tokens")]


def test_volume_of_a_distilled_student_is_its_corpus_counted_once():
    # DistilBERT was distilled on BERT's corpus: the corpus, not BERT's copy of it again
    assert _parts("distilbert") == [
        ("distilbert", 800e6, "words"),
        ("distilbert", 2500e6, "words"),
    ]


def test_volume_unknown_is_empty():
    assert _parts("mistral") == []
    assert _parts("zephyr") == []


def test_tokens_seen_travels_with_the_part():
    (part,) = REGISTRY.volume_parts(REGISTRY.family("mt5"))
    assert part.tokens_seen is not None and part.tokens_seen.value < part.quantity.value


def test_load_registry_is_parsed_once():
    assert load_registry() is REGISTRY


@pytest.mark.parametrize(
    ("corpus", "languages", "expected"),
    [
        ("cc100", ["ja"], "cc100-ja"),
        ("cc100", ["da"], "cc100-da"),
        ("oscar", ["gl"], "oscar-gl"),
        ("wikipedia", ["ko"], "wikipedia-ko"),
        ("cc100", ["ja", "en"], None),
        ("cc100", ["multilingual"], None),
        ("cc100", [], None),
        ("oscar", ["xx"], None),
    ],
    ids=[
        "japanese-cc100",
        "danish-cc100",
        "galician-oscar",
        "korean-wikipedia",
        "two-languages-no-slice",
        "multilingual-no-slice",
        "no-language-no-slice",
        "slice-not-held",
    ],
)
def test_language_part_of_a_multilingual_corpus(
    corpus: str, languages: list[str], expected: str | None
):
    whole = REGISTRY.corpus(corpus)
    assert whole is not None
    found = REGISTRY.language_part(whole, languages)
    assert (found.id if found else None) == expected


def test_every_language_part_names_a_multilingual_whole():
    for corpus in REGISTRY.corpora:
        if corpus.part_of is not None:
            whole = REGISTRY.corpus(corpus.part_of)
            assert whole is not None and "multi" in whole.languages, corpus.id
            assert len(corpus.languages) == 1, corpus.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We fine-tuned bert-base-uncased on reviews.", True),
        ("Initialised from Llama-2 weights", True),
        ("trained on our own data for three epochs", False),
        ("robertinha-style naming is not RoBERTa", True),
        ("", False),
    ],
    ids=["hub-name", "capitalised-name", "no-family-token", "whole-token-elsewhere", "empty"],
)
def test_may_name_family_is_a_cheap_pre_test(text: str, expected: bool):
    assert REGISTRY.may_name_family(text) is expected


@pytest.mark.parametrize(
    ("student", "teacher"),
    [("distilbert", "bert"), ("distilroberta", "roberta")],
    ids=["distilbert", "distilroberta"],
)
def test_classifier_volume_of_a_student_counts_the_shared_corpus_once(student, teacher):
    from lmdef.classify.volume import family_tokens

    got = family_tokens(REGISTRY.family(student), REGISTRY)
    want = family_tokens(REGISTRY.family(teacher), REGISTRY)
    assert got is not None and want is not None
    assert got[0] == pytest.approx(want[0])  # not the teacher's volume plus the corpus again
