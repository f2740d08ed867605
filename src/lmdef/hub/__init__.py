"""The only code that talks to the Hugging Face Hub (issue #5).

Commands call `fetch_models` (classify) or `fetch_cards` (lint) with a list of IDs and receive
`(index, result)` pairs as they complete; each result is a HubModel / HubCard or a HubFailure
with a one-line error. Everything here goes through the real huggingface_hub client, honours
HF_TOKEN, HF_ENDPOINT, HF_HOME, HF_HUB_CACHE and HF_HUB_OFFLINE, and never downloads weights.
"""

from lmdef.hub.fetch import HubCard, HubFailure, HubModel, fetch_cards, fetch_models
from lmdef.hub.ids import HubIdError, hub_id_problem, validate_hub_id
from lmdef.hub.settings import HubSettings, RetryPolicy

__all__ = [
    "HubCard",
    "HubFailure",
    "HubIdError",
    "HubModel",
    "HubSettings",
    "RetryPolicy",
    "fetch_cards",
    "fetch_models",
    "hub_id_problem",
    "validate_hub_id",
]
