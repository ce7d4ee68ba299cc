"""A real app in a real headless Chromium, on a copy of the bundled workspace.

One server per test module where state does not matter (`server`); a fresh workspace and
its own server where it does (`fresh_server`, used by the journeys). No fixed sleeps: the
page counts Streamlit's script runs (`data-test-script-state` on the app root) and the
tests wait for the run an action started to finish (`settled`, `wait_idle`).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_bundled

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = REPO / "tests" / "e2e" / "screenshots"
VIEWPORT = {"width": 1366, "height": 768}  # a common laptop screen: every grid must fit it

# Counts finished script runs and remembers when the run state last changed, so that a test
# can wait for "the run my click started has finished and nothing followed it".
RUN_WATCH = """
(() => {
  window.__runs = 0; window.__state = 'initial'; window.__changed = performance.now();
  const watch = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) { requestAnimationFrame(watch); return; }
    // A quick run can start and end within one batch of mutations: read each change from the
    // records (their old values, then the attribute now), not only the state at callback time.
    const seen = (values) => {
      for (let i = 0; i + 1 < values.length; i++) {
        if (values[i] === 'running' && values[i + 1] === 'notRunning') window.__runs += 1;
      }
      const state = values[values.length - 1];
      if (values.some((v, i) => i > 0 && v !== values[i - 1])) window.__changed = performance.now();
      window.__state = state;
    };
    seen([window.__state, app.getAttribute('data-test-script-state')]);
    new MutationObserver((records) => seen([...records.map((r) => r.oldValue), app.getAttribute('data-test-script-state')]))
      .observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  };
  watch();
})();
"""
QUIET_MS = 250  # how long the app must stay idle after a run before the page counts as settled


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(base: Path):
    """The app on a fresh copy of the bundled workspace under `base`, stopped on exit."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium)")
    root = base / "workspace"
    copy_bundled(root)
    exports = base / "exports"
    port = _free_port()
    env = {
        **os.environ,
        "CURRICULUM_WORKSPACE": str(root),
        "CURRICULUM_EXPORTS": str(exports),
        "STREAMLIT_SERVER_PORT": str(port),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # no "source file changed" banner (it never goes idle) when a source is edited mid-run
        "--server.fileWatcherType",
        "none",
    ]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process)
        yield {"url": url, "root": root, "exports": exports}
    finally:
        process.terminate()
        process.wait(10)


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling a port that is not open yet, not waiting on the page
    pytest.fail("the app did not start within 60 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One app per test module, on its own workspace copy: for tests whose state does not matter."""
    with running_app(tmp_path_factory.mktemp("e2e")) as app:
        yield app


@pytest.fixture
def fresh_server(tmp_path):
    """An app of this test's own, on a fresh workspace copy: for journeys that change content."""
    with running_app(tmp_path) as app:
        yield app


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(RUN_WATCH)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def open_page(page, server, path: str = "") -> None:
    page.goto(f"{server['url']}/{path}")
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    wait_idle(page)


def runs(page) -> int:
    """How many script runs this page has seen finish."""
    return page.evaluate("window.__runs")


def wait_idle(page, after: int = 0, timeout: float = 30_000) -> None:
    """Wait until at least `after` runs have finished, none is running, and the app has stayed
    idle for QUIET_MS (a callback's st.rerun starts the next run at once). A page opened in a
    browser context without the RUN_WATCH init script gets the watcher now."""
    if page.evaluate("window.__runs === undefined"):
        page.evaluate(RUN_WATCH)
    page.wait_for_function(
        """([after, quiet]) => window.__runs >= after && window.__state === 'notRunning'
             && document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state') === 'notRunning'
             && performance.now() - window.__changed >= quiet""",
        arg=[after, QUIET_MS],
        timeout=timeout,
        polling=50,
    )


@contextlib.contextmanager
def settled(page, timeout: float = 30_000):
    """Do an action that starts a script run, then wait for that run (and any it causes) to end."""
    before = runs(page)
    yield
    wait_idle(page, before + 1, timeout)


def choose(page, label: str, option: str, within=None) -> None:
    """Pick `option` (a name, perhaps shown with its id after it) in the selectbox labelled `label`
    (on the page, or `within` a part of it)."""
    shown = re.compile(rf"^{re.escape(option)}( \([\w-]+\))?$")
    box = (within or page).get_by_label(label, exact=True)
    wait_idle(page)  # what the box shows is what the last run chose
    if shown.match(box.input_value()):
        return  # already chosen: no run to wait for
    box.click()
    box.fill(option)  # long lists draw only the options in view: filter first
    with settled(page):
        page.get_by_role("option", name=shown).click()


def pytest_collection_modifyitems(config, items):
    """A browser test that fails is run once more (pytest-rerunfailures), and the report says so:
    under load a real browser sometimes misses a step that a second try passes. A test that fails
    twice still fails. Tests outside tests/e2e are never rerun."""
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.flaky(reruns=1))
