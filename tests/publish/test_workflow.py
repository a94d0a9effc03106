"""The CI workflow: no credentials left behind by checkout, and no job with more rights than it uses."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github/workflows/site.yml"
# Only the deploy job writes (Pages), and only it asks GitHub for an OIDC token (deploy-pages does).
WRITERS = {"deploy": {"pages": "write", "id-token": "write"}}


def jobs() -> dict[str, Any]:
    """Return the workflow's jobs, as parsed from YAML."""
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def test_every_checkout_leaves_no_credentials_behind() -> None:
    checkouts = [(name, step) for name, job in jobs().items() for step in job.get("steps", ())
                 if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    for name, step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, name


def test_only_the_deploy_job_writes_or_asks_for_a_token() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in jobs().items():
        granted = job.get("permissions", {})
        asked = {scope: level for scope, level in granted.items() if level == "write"}
        assert asked == WRITERS.get(name, {}), name
    build = jobs()["build"]["permissions"]
    assert build == {"contents": "read", "pages": "read"}
    assert not any("checkout" in str(step.get("uses", "")) for step in jobs()["deploy"]["steps"])
