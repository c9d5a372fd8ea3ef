"""Browser fixtures: one Debian Chromium driven by Playwright for every test in tests/browser.

- `browser`: the Chromium, started by the first test that asks for it and closed after the last
  test of this package (tests/browser), so the suite launches it once. Without Chromium or the
  playwright package, the test is skipped loudly, or fails under REQUIRE_SERVICES=1 (CI).
- `new_page(**options)`: a factory of pages, each in a fresh browser context (its own cookies,
  storage and cache) made with Playwright's `Browser.new_context` options:
  `new_page(viewport=PHONE)`, `new_page(java_script_enabled=False)`... All are closed after the test.
- `page`: `new_page()` with the defaults (1280x800, JavaScript on).
- `axe`: `axe(page)` runs axe-core (node_modules/axe-core, from scripts/npm-assets) in the page as it
  stands and returns its violations of WCAG 2.2 AA, one readable line each; `[]` when there is none.
- `PHONE`: the viewport of a common phone (390x844 CSS pixels).

Serve the pages with pytest-django's `live_server` (one server for the session). Its tests run
on a transactional database: their data are committed, and the tables are emptied after each
test; every test here starts from the rows the migrations made (locales, the page tree's root,
the groups), restored by pytest-django's serialized rollback (`_rows_from_migrations`).

Why "this package" rather than the whole session: Playwright's sync API keeps an asyncio event
loop running in the test thread while a browser is open. Django refuses database queries in a
thread with a running loop (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set,
and asgiref's async_to_sync refuses to run at all. So the browser lives only while the tests
here run, with that variable set (they are synchronous code, which is what Django's check is
about), and the rest of the suite runs as before, without a loop and without the variable.
While the loop runs, Django also finds its database connections in context-local storage
(asgiref), so `browser` hands them what pytest-django serialized and closes them at the end.
"""

import os
from pathlib import Path

import pytest

from config import chromium as chromium_install
from tests.conftest import require_service, service_missing

PHONE = {"width": 390, "height": 844}
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA, as axe-core tags its rules (every level-A and AA rule of 2.0, 2.1 and 2.2).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


@pytest.fixture(autouse=True)
def _rows_from_migrations(django_db_serialized_rollback):
    """The rows the migrations made, back for each test after the previous one emptied the tables."""


@pytest.fixture(scope="package")
def browser(django_db_setup):
    require_service("chromium")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # What the serialized rollback restores, kept by the connections made before the loop ran.
    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    allowed = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        # With a loop running, Django keeps its connections in context-local storage: other
        # objects than before, which need the serialized rows too, and closing at the end.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=chromium_install.PATH, headless=True, args=list(chromium_install.FLAGS)
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        connections.close_all()
        playwright.stop()
        if allowed is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allowed


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def axe():
    if not AXE.exists():
        service_missing("axe-core", f"{AXE} is missing (run scripts/npm-assets)")
    source = AXE.read_text()

    def violations(page) -> list[str]:
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline
        # script) does not refuse it, and the page is checked with its policy in force.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(source)
        found = page.evaluate(AXE_RUN, AXE_TAGS)
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node['summary']}"
            for v in found
            for node in v["nodes"]
        ]

    return violations
