"""Markers for the front-door tests."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: builds a real virtualenv (pre-commit); still part of the default run"
    )
