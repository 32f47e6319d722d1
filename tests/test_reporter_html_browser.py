"""--format html in a real browser (headless Chromium through selenium).

The page is loaded from file:// as an editor would open it: no script error,
every finding of the JSON output shown and clickable (the click shows its
message and its rule's explanation), links drawn between articles, text that
looks like markup shown as text, and a screenshot that is not blank. At scale:
2,000 articles in 250 stories, under 20 MB, ready in under 3 s.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from newslint import Document, Finding, Severity
from newslint.reporters import Report
from newslint.reporters.html import page, report_data
from tests.browser import blank, chromium_driver, open_page, script_errors
from tests.conftest import SEEDS
from tests.story_archive import write_archive

pytestmark = pytest.mark.slow

#: Selects every finding in turn, as a click on its passage (or its line in the
#: article's list) does, and reports the ones whose message did not show.
CLICK_EVERY_FINDING = """
const data = JSON.parse(document.getElementById('newslint-data').textContent);
const missing = [];
data.findings.forEach(function (f, i) {
  const target = window.newslintReport.reveal(i);
  if (!target || !target.isConnected) { missing.push([i, 'not shown']); return; }
  target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  const shown = document.getElementById('detail-body').textContent;
  if (shown.indexOf(f.m) < 0) missing.push([i, 'message not shown']);
  if (target.tagName === 'MARK' && f.s === null) missing.push([i, 'highlighted outside the prose']);
  if (f.s !== null && target.tagName !== 'MARK') missing.push([i, 'not highlighted']);
});
return missing;
"""


def page_findings(driver) -> list[tuple]:
    found = driver.execute_script(
        "return JSON.parse(document.getElementById('newslint-data').textContent).findings"
        ".map(f => [f.p, f.l, f.k, f.c, f.m])"
    )
    return [tuple(f) for f in found]


def json_findings(out: str) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in json.loads(out)["findings"]]


def click(driver, element) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    element.click()


@pytest.fixture(scope="module")
def chromium():
    yield from chromium_driver()


@pytest.fixture
def seeds_report(run_cli, tmp_path) -> tuple[Path, list[tuple]]:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    as_json = run_cli("seeds", "--no-cache", "--format", "json")
    run_cli("seeds", "--no-cache", "--format", "html", "--output", "report.html")
    return tmp_path / "report.html", json_findings(as_json.stdout)


def test_seeds_report_shows_every_finding_and_a_click_explains_it(chromium, seeds_report, tmp_path):
    from selenium.webdriver.common.by import By

    report, expected = seeds_report
    open_page(chromium, report)
    assert script_errors(chromium) == []
    assert page_findings(chromium) == expected and len(expected) == 16
    # Every finding is highlighted in its article, and a real click on it shows it.
    for i, (_path, _line, _col, code, message) in enumerate(expected):
        target = chromium.execute_script("return window.newslintReport.reveal(arguments[0])", i)
        assert target.tag_name == "mark", f"finding {i} ({code}) is not highlighted"
        click(chromium, target)
        detail = chromium.find_element(By.ID, "detail-body").text
        assert message.split("\n")[0][:40] in detail, f"finding {i}: the click did not show its message"
        assert "What it checks" in detail and "How to fix" in detail, "the rule's explanation is shown"
    # The three articles stand side by side.
    columns = chromium.find_elements(By.CSS_SELECTOR, "article.doc")
    assert len(columns) == 3
    tops = {round(c.rect["y"]) for c in columns}
    lefts = sorted(c.rect["x"] for c in columns)
    assert len(tops) == 1 and lefts[0] < lefts[1] < lefts[2]
    assert chromium.execute_script(CLICK_EVERY_FINDING) == []
    assert script_errors(chromium) == []


def test_links_are_drawn_between_the_two_spellings(chromium, seeds_report):
    report, expected = seeds_report
    open_page(chromium, report)
    nl302 = next(i for i, f in enumerate(expected) if f[3] == "NL302")
    chromium.execute_script("window.newslintReport.select(arguments[0])", nl302)
    time.sleep(0.2)  # links are drawn on the next animation frame
    drawn = chromium.execute_script("return document.querySelectorAll('svg.links g.on path').length")
    assert drawn == 2, "one link to each article spelling the name the other way"
    related = chromium.execute_script(
        "return Array.from(document.querySelectorAll('mark.current-rel')).map(m => m.textContent)"
    )
    assert related and all(text.startswith("Hamzeh") for text in related)


def test_filters_keyboard_and_a_screenshot_that_is_not_blank(chromium, seeds_report, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    report, expected = seeds_report
    open_page(chromium, report)
    body = chromium.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    first = chromium.execute_script("return window.newslintReport.selected()")
    body = chromium.switch_to.active_element
    body.send_keys("j")
    second = chromium.execute_script("return window.newslintReport.selected()")
    assert first and second and first != second, "j steps from one finding to the next"
    chromium.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert chromium.execute_script("return window.newslintReport.selected()") == []
    # Unticking a rule turns its highlights off and hides it from the article lists.
    box = chromium.find_element(By.CSS_SELECTOR, "#filter-rules input[data-code='NL501']")
    click(chromium, box)
    on = chromium.execute_script(
        "return Array.from(document.querySelectorAll('mark.hl:not(.off)')).map(m => m.dataset.codes)"
    )
    assert on and not any(codes == "NL501" for codes in on)
    listed = chromium.execute_script(
        "return Array.from(document.querySelectorAll('.flist li:not([hidden])')).map(li => li.dataset.code)"
    )
    assert "NL501" not in listed and len(listed) == len(expected) - 6
    chromium.execute_script("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    chromium.save_screenshot(str(shot))
    assert not blank(shot.read_bytes())
    assert script_errors(chromium) == []


def test_markup_in_articles_and_messages_is_shown_as_text(chromium, tmp_path, run_cli):
    hostile = "<script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>"
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(
        f"Critics say the plan will fail. {hostile}\n\nAn unnamed official said {hostile} it was late.\n",
        encoding="utf-8",
    )
    (story / "b.md").write_text(
        f'---\ntitle: "{hostile}"\noutlet: "</script><b>Outlet</b>"\n---\n'
        f"Critics say `{hostile}` is harmless.\n",
        encoding="utf-8",
    )
    run_cli("story", "--no-cache", "--format", "html", "--output", "page.html")
    # A message of a plugin's own making can hold markup too.
    doc = Document.from_text(f"An unnamed official spoke. {hostile}", "c.txt")
    loc = doc.locate(0, 19)
    bad = Finding(
        "c.txt",
        loc.line,
        loc.column,
        loc.end_line,
        loc.end_column,
        "XX101",
        "x",
        Severity.ERROR,
        f"</script>{hostile}",
    )
    (tmp_path / "message.html").write_text(page(report_data(Report([bad], {"c.txt": doc}))), encoding="utf-8")
    for name in ("page.html", "message.html"):
        open_page(chromium, tmp_path / name)
        for i in range(chromium.execute_script("return window.newslintReport.findings")):
            chromium.execute_script("window.newslintReport.select(arguments[0])", i)
        chromium.execute_script("window.newslintReport.reveal(0)")
        assert chromium.execute_script("return window.pwned === undefined"), name
        assert (
            chromium.execute_script(
                "return document.querySelectorAll('main img, aside img, main script').length"
            )
            == 0
        )
        text = chromium.execute_script("return document.body.innerText")
        assert "<script>window.pwned = 1</script>" in text, name
        assert script_errors(chromium) == [], name


def test_two_thousand_articles_under_20_mb_ready_in_3_seconds(chromium, tmp_path, run_cli_process):
    from selenium.webdriver.common.by import By

    archive = tmp_path / "archive"
    write_archive(archive, stories=250, per_story=8)
    # The first run fills the cache (in the archive folder), the second reads it.
    html = run_cli_process(".", "--jobs", "2", "--format", "html", "--output", "../report.html", cwd=archive)
    as_json = run_cli_process(".", "--jobs", "2", "--format", "json", cwd=archive)
    assert html.returncode == as_json.returncode == 1, html.stderr
    report = tmp_path / "report.html"
    size = report.stat().st_size
    assert size < 20e6, f"{size / 1e6:.1f} MB"
    expected = json_findings(as_json.stdout)
    assert len(expected) > 2000

    started = time.perf_counter()
    open_page(chromium, report)
    wall = time.perf_counter() - started
    ready_ms = int(chromium.execute_script("return document.documentElement.dataset.ready"))
    assert ready_ms < 3000 and wall < 3.0, f"ready after {ready_ms} ms of script, {wall:.2f} s in all"
    assert script_errors(chromium) == []
    assert page_findings(chromium) == expected
    # Lazily rendered: one story's articles are on the page, not 2,000.
    assert len(chromium.find_elements(By.CSS_SELECTOR, "article.doc")) == 8
    assert chromium.execute_script(CLICK_EVERY_FINDING) == []
    # Real clicks on the passages of a story far down the list.
    last_story = [i for i, f in enumerate(expected) if f[0].startswith("story-0249/")]
    for i in last_story:
        target = chromium.execute_script("return window.newslintReport.reveal(arguments[0])", i)
        click(chromium, target)
        assert i in chromium.execute_script("return window.newslintReport.selected()")
    shot = tmp_path / "large.png"
    chromium.save_screenshot(str(shot))
    assert not blank(shot.read_bytes())
    assert script_errors(chromium) == []
