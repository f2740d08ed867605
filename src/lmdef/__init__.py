"""lmdef: hold claims about "LLMs" to a written definition (Rogers & Luccioni, ICML 2024)."""

__version__ = "0.1.0"
