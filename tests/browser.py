"""A real Chromium for the HTML report's tests, driven by selenium.

Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium
chromium-driver``; .ci/run installs them when they are missing). Where either,
or selenium, is absent the tests that use :func:`chromium_driver` skip and say which.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: Headless, and nothing that reaches the network or the profile of a user.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1600,1000",
)

#: Collects the page's uncaught errors from its very first script on.
ERROR_TRAP = """
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
window.addEventListener('unhandledrejection', function (e) { window.__errors.push(String(e.reason)); });
"""


def _programs() -> tuple[str, str] | str:
    """(chromium, chromedriver), or why the tests cannot run."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        return "Chromium and its driver are not installed (apt-get install chromium chromium-driver)"
    return browser, driver


def chromium_driver() -> Iterator[Any]:
    """A headless Chromium (selenium WebDriver) with a fresh profile, for a fixture to yield; skips without one."""
    found = _programs()
    if isinstance(found, str):
        pytest.skip(f"browser tests skipped: {found}")
    browser, driver_path = found
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newslint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERROR_TRAP})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path) -> None:
    """Load a report from file:// and wait until its script says it is ready."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what an earlier page left
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready || window.__errors.length")
    )


def script_errors(driver: Any) -> list[str]:
    """Uncaught errors of the page and severe console messages since it was loaded."""
    errors = [str(e) for e in driver.execute_script("return window.__errors || []")]
    errors += [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    return errors


def blank(png: bytes) -> bool:
    """Whether a screenshot is one flat colour (nothing was drawn)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 16)
    # Text, highlights and borders give hundreds of colours; an empty page one or two.
    return colours is not None and len(colours) < 8
