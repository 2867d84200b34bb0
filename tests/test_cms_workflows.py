"""The GitHub Actions workflows (issue 17): tests on every push and pull
request, the content checker's annotations and a downloadable build on pull
requests, publishing only after the tests pass on main or on the hourly
embargo run, which builds and deploys without re-running the suite. Every
checkout drops its credentials (issue 14); actionlint is clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))


def load(name: str) -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps_text(job: dict) -> list[str]:
    return [step.get("run", "") + step.get("uses", "") for step in job["steps"]]


def index_of(runs: list[str], needle: str) -> int:
    found = [i for i, run in enumerate(runs) if needle in run]
    assert found, f"no step with {needle!r} in {runs}"
    return found[0]


def test_there_are_the_two_workflows():
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "tests.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow: Path):
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run([str(actionlint), str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_checkout_drops_its_credentials(workflow: Path):
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    checkouts = [
        step
        for job in data["jobs"].values()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_tests_run_on_every_push_and_pull_request():
    workflow = load("tests.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["**"]
    assert "pull_request" in triggers
    jobs = workflow["jobs"]
    assert any("bash scripts/test-all" in run for run in steps_text(jobs["test"]))
    runs = steps_text(jobs["check-and-build"])
    order = [
        index_of(runs, "invoke check --strict --format github"),
        index_of(runs, "invoke build --strict"),
        index_of(runs, "actions/upload-artifact@"),
    ]
    assert order == sorted(order)
    upload = jobs["check-and-build"]["steps"][order[-1]]
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "output"
    # The check starts warm from the publish job's caches, restored read only:
    # same paths and key prefix (a cache entry matches only with the same paths).
    restore = index_of(runs, "actions/cache/restore@")
    assert restore < order[0]
    restored = jobs["check-and-build"]["steps"][restore]["with"]
    saved = next(
        step["with"]
        for step in load("publish.yml")["jobs"]["build"]["steps"]
        if str(step.get("uses", "")).startswith("actions/cache@")
    )
    assert restored["path"] == saved["path"]
    assert restored["restore-keys"] == saved["restore-keys"]
    assert not any(
        str(step.get("uses", "")).startswith("actions/cache@")
        for step in jobs["check-and-build"]["steps"]
    )


def test_publishing_waits_for_the_tests_and_the_hourly_run_only_builds():
    workflow = load("publish.yml")
    triggers = workflow[True]
    assert triggers["workflow_run"] == {
        "workflows": ["Uji"],
        "types": ["completed"],
        "branches": ["main"],
    }
    assert load("tests.yml")["name"] == "Uji"
    assert triggers["schedule"][0]["cron"].split()[1] == "*"  # hourly, for embargoed articles
    assert "workflow_dispatch" in triggers
    assert "push" not in triggers  # a push publishes through the tests
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "workflow_run.conclusion == 'success'" in build["if"]
    assert deploy["needs"] == "build"
    runs = steps_text(build)
    assert not any("test-all" in run or "apt-get" in run or "pytest" in run for run in runs)
    order = [
        index_of(runs, "npm ci --omit=dev"),
        index_of(runs, "invoke check --strict --format github"),
        index_of(runs, "invoke preview --strict"),
        index_of(runs, "invoke pages-size"),  # GitHub Pages refuses a site over 1 GB
        index_of(runs, "upload-pages-artifact"),
    ]
    assert order == sorted(order)
    uses = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"
    assert uses["actions/setup-node"]["with"]["cache"] == "npm"
    assert set(uses["actions/cache"]["with"]["path"].split()) == {"cache", "output"}
    checkout = uses["actions/checkout"]["with"]
    assert checkout["ref"] == "${{ github.event.workflow_run.head_sha || github.sha }}"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
