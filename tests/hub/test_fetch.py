"""lmdef.hub against the Hub imitation: the real huggingface_hub client, counted requests.

Each test gets a fresh imitation and HF_HOME (conftest). Lineage is read with the Hub-metadata
fallback (`hub_base_ids`) so these tests pin the Hub layer, not the classifier's reading.
"""

from __future__ import annotations

import pytest

from lmdef.classify.snapshot import ModelSnapshot
from lmdef.hub import HubFailure, HubModel, RetryPolicy, fetch_models
from lmdef.hub.lineage import hub_base_ids

from .hubsim import FakeRepo, HubSim, card


def repo(repo_id: str, *, base: str | list[str] | None = None, **knobs) -> FakeRepo:
    front = f"base_model: {base}" if isinstance(base, str) else "license: mit"
    card_data = {"base_model": base} if base else {"license": "mit"}
    files = knobs.pop("files", None) or {
        "README.md": card(front),
        "config.json": b'{"model_type": "x"}',
    }
    return FakeRepo(
        repo_id, files=files, card_data=card_data, pipeline_tag="text-generation", **knobs
    )


def no_config(snapshot: ModelSnapshot) -> bool:
    return False


def run(
    ids: list[str], *, retry: RetryPolicy | None = None, **kwargs
) -> dict[int, HubModel | HubFailure]:
    options = {"revision": None, "workers": 4, "timeout": 5.0, "progress": False}
    options.update(kwargs)
    results = dict(
        fetch_models(
            ids,
            retry=retry or RetryPolicy(max_retries=2, base_wait=0.0),
            base_ids=hub_base_ids,
            needs_config=no_config,
            **options,
        )
    )
    assert sorted(results) == list(range(len(ids))), "every input yields exactly one result"
    return results


def model(result: HubModel | HubFailure) -> HubModel:
    assert isinstance(result, HubModel), result
    return result


def failure(result: HubModel | HubFailure) -> str:
    assert isinstance(result, HubFailure), result
    assert "\n" not in result.error
    return result.error


def test_normal_repo_fills_the_snapshot_from_one_model_info_and_the_readme(hub: HubSim) -> None:
    hub.add(
        FakeRepo(
            "acme/talker",
            files={"README.md": card("license: mit"), "model.safetensors": b"weights"},
            pipeline_tag="text-generation",
            tags=["transformers", "en"],
            library_name="transformers",
            card_data={"license": "mit", "datasets": ["c4"]},
        )
    )
    snap = model(run(["acme/talker"])[0]).snapshot
    assert snap.model_id == "acme/talker" and snap.input == "acme/talker"
    assert snap.card_path == "acme/talker/README.md"
    assert snap.card_text is not None and snap.card_text.startswith("---\nlicense: mit")
    assert snap.filenames == ("README.md", "model.safetensors")
    assert snap.hub_pipeline_tag == "text-generation"
    assert snap.hub_tags == ("transformers", "en")
    assert snap.hub_library_name == "transformers"
    assert snap.hub_card_data == {"license": "mit", "datasets": ["c4"]}
    assert snap.sha == hub.repos["acme/talker"].sha
    # model_info, then README HEAD + GET at the commit sha; the weights are never asked for.
    assert hub.requests == [
        ("GET", "/api/models/acme/talker"),
        ("HEAD", f"/acme/talker/resolve/{snap.sha}/README.md"),
        ("GET", f"/acme/talker/resolve/{snap.sha}/README.md"),
    ]


def test_repo_without_readme_has_no_card_and_costs_one_request(hub: HubSim) -> None:
    hub.add(FakeRepo("acme/bare", files={"config.json": b"{}"}))
    snap = model(run(["acme/bare"])[0]).snapshot
    assert snap.card_text is None
    assert hub.count("acme/bare") == 1


def test_warm_rerun_makes_one_request_per_model(hub: HubSim) -> None:
    ids = [hub.add(repo(f"acme/m{i}")).id for i in range(6)]
    first = run(ids)
    hub.reset()
    second = run(ids)
    for i, repo_id in enumerate(ids):
        assert hub.count(repo_id) == 1, hub.requests
        assert model(second[i]).snapshot == model(first[i]).snapshot


def test_offline_rerun_answers_from_the_cache_with_zero_requests(
    hub: HubSim, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub.add(repo("acme/base"))
    hub.add(repo("acme/tuned", base="acme/base"))
    online = run(["acme/tuned"])
    hub.reset()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    offline = run(["acme/tuned", "acme/never-seen"])
    assert hub.requests == []
    assert model(offline[0]).snapshot == model(online[0]).snapshot
    assert set(model(offline[0]).bases) == {"acme/base"}
    error = failure(offline[1])
    assert (
        error.startswith("acme/never-seen:") and "not cached" in error and "HF_HUB_OFFLINE" in error
    )


def test_finetune_chain_is_followed_and_each_base_fetched_once(hub: HubSim) -> None:
    hub.add(repo("acme/root"))
    hub.add(repo("acme/mid", base="acme/root"))
    ids = [hub.add(repo(f"acme/ft{i}", base="acme/mid")).id for i in range(5)]
    results = run(ids, workers=5)
    for i in range(5):
        got = model(results[i])
        assert list(got.bases) == ["acme/mid", "acme/root"]
        assert got.bases["acme/root"].card_text is not None
        assert got.snapshot.warnings == ()
    # shared by five models, fetched once each: model_info + README HEAD + GET
    assert hub.count_info("acme/mid") == 1 and hub.count("acme/mid") == 3
    assert hub.count_info("acme/root") == 1 and hub.count("acme/root") == 3


def test_base_named_only_by_a_hub_tag_is_followed(hub: HubSim) -> None:
    hub.add(repo("acme/root"))
    hub.add(
        FakeRepo(
            "acme/adapter",
            files={"README.md": b"# adapter\n"},
            tags=["base_model:adapter:acme/root"],
        )
    )
    assert list(model(run(["acme/adapter"])[0]).bases) == ["acme/root"]


def test_base_model_cycle_stops_with_a_warning(hub: HubSim) -> None:
    hub.add(repo("acme/a", base="acme/b"))
    hub.add(repo("acme/b", base="acme/a"))
    results = run(["acme/a", "acme/b"], workers=2)
    got = model(results[0])
    assert list(got.bases) == ["acme/b"]
    assert "base_model cycle: acme/a -> acme/b -> acme/a" in got.snapshot.warnings
    assert hub.count_info("acme/a") <= 2 and hub.count_info("acme/b") <= 2


def test_depth_limit_stops_the_walk(hub: HubSim) -> None:
    hub.add(repo("acme/l0"))
    for i in range(1, 5):
        hub.add(repo(f"acme/l{i}", base=f"acme/l{i - 1}"))
    got = model(run(["acme/l4"], max_depth=2)[0])
    assert list(got.bases) == ["acme/l3", "acme/l2"]
    assert any("deeper than 2" in w for w in got.snapshot.warnings)
    assert hub.count("acme/l0") == 0


def test_unfetchable_base_becomes_a_warning_not_an_error(hub: HubSim) -> None:
    hub.add(repo("acme/orphan", base="acme/deleted-base"))
    got = model(run(["acme/orphan"])[0])
    assert got.bases == {}
    assert any(
        w.startswith("base model not fetched: acme/deleted-base: repository not found")
        for w in got.snapshot.warnings
    )


@pytest.mark.parametrize(
    ("knobs", "expected"),
    [
        pytest.param({"gated": True}, "gated repository", id="gated"),
        pytest.param({"private": True}, "not found or private (HTTP 401)", id="private"),
        pytest.param({"malformed_json": True}, "malformed JSON", id="malformed-json"),
        pytest.param(
            {"info_override": {"siblings": 5}}, "unexpected model_info response", id="bad-siblings"
        ),
        pytest.param(
            {"info_override": {"tags": 5}}, "unexpected model_info response", id="bad-tags"
        ),
    ],
)
def test_repo_problem_fails_that_model_and_the_run_goes_on(
    hub: HubSim, knobs: dict, expected: str
) -> None:
    hub.add(repo("acme/ok"))
    hub.add(repo("acme/bad", **knobs))
    results = run(["acme/bad", "acme/ok"])
    error = failure(results[0])
    assert error.startswith("acme/bad: ") and expected in error
    assert model(results[1]).snapshot.model_id == "acme/ok"


def test_missing_repo_and_missing_revision(hub: HubSim) -> None:
    hub.add(repo("acme/ok"))
    assert "repository not found" in failure(run(["acme/nope"])[0])
    assert failure(run(["acme/ok"], revision="v9")[0]) == "acme/ok: revision 'v9' not found"


def test_revision_is_resolved_to_its_commit(hub: HubSim) -> None:
    target = hub.add(repo("acme/ok"))
    target.revisions["v1"] = target.sha
    snap = model(run(["acme/ok"], revision="v1")[0]).snapshot
    assert snap.sha == target.sha
    assert hub.requests[0] == ("GET", "/api/models/acme/ok/revision/v1")


@pytest.mark.parametrize(
    ("status", "retry_after", "ratelimit", "expected_wait"),
    [
        pytest.param(429, "1", None, 1.0, id="429-retry-after"),
        pytest.param(429, None, 2, 2.0, id="429-ratelimit-header"),
        pytest.param(429, "600", None, 5.0, id="429-retry-after-capped"),
        pytest.param(503, None, None, 0.01, id="503-backoff"),
    ],
)
def test_transient_error_then_ok_is_retried(
    hub: HubSim,
    fast_retry: RetryPolicy,
    waits: list[float],
    status: int,
    retry_after: str | None,
    ratelimit: int | None,
    expected_wait: float,
) -> None:
    hub.add(
        repo("acme/flaky", fail_first=[status], retry_after=retry_after, ratelimit_reset=ratelimit)
    )
    snap = model(run(["acme/flaky"], retry=fast_retry)[0]).snapshot
    assert snap.card_text is not None
    assert hub.count_info("acme/flaky") == 2
    assert waits == [expected_wait]


def test_always_500_gives_up_after_bounded_retries(
    hub: HubSim, fast_retry: RetryPolicy, waits: list[float]
) -> None:
    hub.add(repo("acme/down", always_status=500))
    hub.add(repo("acme/ok"))
    results = run(["acme/down", "acme/ok"], retry=fast_retry)
    assert failure(results[0]) == "acme/down: HTTP 500 from the Hub after 4 attempts"
    assert hub.count_info("acme/down") == 4  # first try + max_retries=3
    assert waits == [0.01, 0.02, 0.04]  # exponential backoff
    assert isinstance(results[1], HubModel)


def test_slow_response_past_the_timeout_fails_that_model(hub: HubSim) -> None:
    hub.add(repo("acme/slow", info_delay=1.0))
    hub.add(repo("acme/ok"))
    results = run(
        ["acme/slow", "acme/ok"], timeout=0.2, retry=RetryPolicy(max_retries=1, base_wait=0.0)
    )
    assert failure(results[0]) == "acme/slow: timed out (no answer within 0.2s) after 2 attempts"
    assert isinstance(results[1], HubModel)


def test_307_redirect_on_resolve_is_followed(hub: HubSim) -> None:
    hub.add(repo("acme/new-name"))
    hub.add(FakeRepo("acme/old-name", moved_to="acme/new-name"))
    snap = model(run(["acme/old-name"])[0]).snapshot
    assert snap.model_id == "acme/new-name"  # the Hub's canonical ID
    assert snap.input == "acme/old-name"
    assert snap.card_text is not None and "license: mit" in snap.card_text
    methods = [(m, p.split("/resolve/")[0]) for m, p in hub.requests if "/resolve/" in p]
    assert methods == [
        ("HEAD", "/acme/old-name"),
        ("HEAD", "/acme/new-name"),
        ("GET", "/acme/new-name"),
    ]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_oversized_readme_is_refused(hub: HubSim, chunked: bool) -> None:
    big = b"---\nlicense: mit\n---\n" + b"x" * 2_100_000
    hub.add(FakeRepo("acme/huge", files={"README.md": big}, chunked_readme=chunked))
    error = failure(run(["acme/huge"])[0])
    assert error.startswith("acme/huge: README.md is ") and "-byte limit" in error


def test_invalid_ids_fail_before_any_request(hub: HubSim) -> None:
    results = run(["../etc/passwd", "/abs/path", "a/b/c", "org--x/y", "ok name", "x" * 97])
    for result in results.values():
        assert failure(result).startswith("invalid Hub model ID")
    assert hub.requests == []


def test_config_json_only_when_the_classifier_needs_it(hub: HubSim) -> None:
    hub.add(repo("acme/needs"))
    hub.add(repo("acme/enough"))

    def needs_config(snapshot: ModelSnapshot) -> bool:
        return snapshot.model_id == "acme/needs"

    results = dict(
        fetch_models(
            ["acme/needs", "acme/enough"],
            revision=None,
            workers=2,
            timeout=5.0,
            progress=False,
            needs_config=needs_config,
            base_ids=hub_base_ids,
        )
    )
    assert model(results[0]).snapshot.config == {"model_type": "x"}
    assert model(results[1]).snapshot.config is None
    assert hub.count("acme/needs") == 5 and hub.count("acme/enough") == 3


def test_token_is_sent_but_never_reported(hub: HubSim, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_secretsecret")
    hub.add(repo("acme/private", private=True))
    error = failure(run(["acme/private"])[0])
    assert "hf_secret" not in error
    sent = {k.lower(): v for k, v in hub.headers[0].items()}
    assert sent.get("authorization") == "Bearer hf_secretsecret"


def test_results_arrive_as_completed_with_their_input_index(hub: HubSim) -> None:
    hub.add(repo("acme/slowish", info_delay=0.3))
    hub.add(repo("acme/quick"))
    order = [
        index
        for index, _ in fetch_models(
            ["acme/slowish", "acme/quick"],
            revision=None,
            workers=2,
            timeout=5.0,
            progress=False,
            needs_config=no_config,
        )
    ]
    assert order == [1, 0]


def test_in_flight_work_is_bounded_by_the_window(hub: HubSim) -> None:
    ids = [hub.add(repo(f"acme/w{i}")).id for i in range(30)]
    stream = fetch_models(
        ids,
        revision=None,
        workers=2,
        timeout=5.0,
        progress=False,
        follow_bases=False,
        needs_config=no_config,
    )
    next(stream)
    stream.close()  # the consumer stops early: queued IDs are cancelled, not fetched
    fetched = {r for r in ids if hub.count_info(r)}
    assert len(fetched) <= 8 + 2


def test_a_failing_classifier_hook_is_a_warning_not_a_failure(hub: HubSim) -> None:
    hub.add(repo("acme/ok"))

    def broken(snapshot: ModelSnapshot) -> bool:
        raise RuntimeError("classifier data missing")

    ((_, result),) = fetch_models(
        ["acme/ok"],
        revision=None,
        workers=1,
        timeout=5.0,
        progress=False,
        needs_config=broken,
        base_ids=hub_base_ids,
    )
    got = model(result)
    assert got.snapshot.config is None
    assert "config.json: not fetched, needs_config failed (RuntimeError)" in got.snapshot.warnings


def test_a_new_commit_on_the_hub_refreshes_the_cached_card(hub: HubSim) -> None:
    target = hub.add(repo("acme/evolving"))
    run(["acme/evolving"])
    target.files["README.md"] = card("license: apache-2.0", "Second version of the card.\n")
    hub.reset()
    snap = model(run(["acme/evolving"])[0]).snapshot
    assert snap.card_text is not None and "Second version" in snap.card_text
    assert hub.count("acme/evolving") == 3  # model_info names a new sha: HEAD + GET again


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    hub: HubSim, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = [hub.add(repo(f"acme/p{i}")).id for i in range(3)]
    run(ids, progress=True)
    assert capsys.readouterr().err == ""
