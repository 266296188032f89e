"""Retention comes from the environment, with flags winning."""

from __future__ import annotations

from server.settings import Settings


def test_retention_days_from_the_environment_and_overrides(monkeypatch):
    """SAMENSPEL_RETENTION_DAYS sets the retention (fractions allowed); a flag overrides it; 30 by default."""
    monkeypatch.delenv("SAMENSPEL_RETENTION_DAYS", raising=False)
    assert Settings.from_env().retention_days == 30.0
    monkeypatch.setenv("SAMENSPEL_RETENTION_DAYS", "7.5")
    assert Settings.from_env().retention_days == 7.5
    assert Settings.from_env(retention_days=90.0).retention_days == 90.0
