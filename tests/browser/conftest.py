"""Browser journeys: a real Juara server on a fresh SQLite database loaded with `juara demo`,
driven by Playwright through Debian's Chromium (browsers cannot be downloaded here).

Every page a journey visits is checked by `look`: no sideways scrolling at 360 px, no serious or
critical axe-core violation, and a screenshot kept under `target/browser/` (git-ignored).
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("JUARA_BIN", ROOT / "target" / "debug" / "juara"))
SHOTS = ROOT / "target" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}
_axe = Axe()
# `JUARA_README_SHOTS=1 bash tests/browser/run.sh` refreshes the README's pictures: the first
# screen of these pages (name-width as `look` names them) replaces the file in docs/screenshots.
README_SHOTS = {
    "public-home-1280": "home.png",
    "public-winners-1280": "public-winners.png",
    "public-presentations-1280": "public-presentations.png",
    "journey-hub-judged-1280": "admin-competition.png",
    "journey-stage-adm-1280": "admin-judging-stage.png",
    "journey-results-1280": "admin-results.png",
    "judge-sheet-360": "judge-sheet-phone.png",
    "judge-sheets-360": "judge-sheets-phone.png",
    "village-nomination-360": "village-nomination-phone.png",
    "village-protocol-360": "village-protocol-phone.png",
    "offline-ready-360": "judge-offline-ready-phone.png",
    "offline-sheet-360": "judge-offline-sheet-phone.png",
    "offline-conflict-360": "judge-offline-conflict-phone.png",
    "offline-session-360": "judge-offline-session-phone.png",
}


class Server:
    """The running app and what `juara demo` printed: accounts and the demo's ids."""

    admin_password = "Kelapa-Muda-Browser-2026!"

    def __init__(self, base, accounts, announced_id, judging_id, open_id, db=None):
        self.base = base
        # The server's SQLite file, for tests that count what was stored.
        self.db = db
        self.accounts = accounts
        self.announced_id = announced_id
        self.judging_id = judging_id
        self.open_id = open_id


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    assert BIN.exists(), f"build the app first: {BIN} is missing (cargo build)"
    data = Path(tempfile.mkdtemp(prefix="juara-browser-"))
    port = _free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite://{data}/juara.db?mode=rwc",
        JUARA_DATA_DIR=str(data),
        JUARA_UPLOAD_DIR=str(data / "uploads"),
        JUARA_ADMIN_PASSWORD=Server.admin_password,
        ROCKET_PORT=str(port),
        ROCKET_LOG_LEVEL="critical",
    )
    env.pop("TEST_DATABASE_URL", None)
    demo = subprocess.run(
        [str(BIN), "demo"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    accounts = dict(re.findall(r"^\s+\w+\s+(demo-[\w-]+)\s+(\S+)$", demo, re.M))
    announced = re.search(r"public winners page: /results/([0-9a-f-]+)", demo).group(1)
    judging = re.search(r"/admin/competitions/([0-9a-f-]+)/judging", demo).group(1)
    open_id = re.search(r"open for nominations .*\(([0-9a-f-]+)\)", demo).group(1)
    log = open(data / "server.log", "w")
    proc = subprocess.Popen([str(BIN)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("the server did not start; see " + str(data / "server.log"))
    yield Server(base, accounts, announced, judging, open_id, db=data / "juara.db")
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=BROWSER_ARGS,
        )
        yield b
        b.close()


@pytest.fixture
def phone(browser, server):
    ctx = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def desk(browser, server):
    ctx = browser.new_context(viewport=DESK, base_url=server.base)
    yield ctx.new_page()
    ctx.close()


def look(page: Page, name: str):
    """Checks the page as a person sees it and keeps a screenshot."""
    page.wait_for_load_state("load")
    width = page.viewport_size["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    readme = README_SHOTS.get(f"{name}-{width}")
    if readme and os.environ.get("JUARA_README_SHOTS"):
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / readme))
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px ({page.url})"
    results = _axe.run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"{name} at {width}px ({page.url}) has accessibility violations:\n" + "\n".join(bad)


def log_in(page: Page, server: Server, username: str):
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", server.accounts[username])
    page.click("form button[type=submit]")
    page.wait_for_load_state("load")
    assert "/login" not in page.url, f"{username} could not log in"


def page_height(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollHeight")


def upload_and_wait(page: Page, item):
    """Sends an item's upload form (through the page's progress script) and waits for the
    server's answer to replace the page's body."""
    page.evaluate("document.body.dataset.before = 'upload'")
    item.locator("form.upload-form button[type=submit]").click()
    page.wait_for_selector("body:not([data-before])")
    assert "Berkas diunggah." in page.inner_text("main")


def give_required_evidence(page: Page, pdf: Path, video: str):
    """Gives every required checklist item of a nomination its evidence, item by item: the
    file for upload items, the video link for link items."""
    for _ in range(20):
        item = page.locator("li.item:has(.badge:text('Wajib')):has(.badge:text('Belum ada'))").first
        if not item.count():
            return
        item.locator("details.add-evidence > summary").click()
        if item.locator("form.upload-form").count():
            item.locator("input[type=file]").set_input_files(str(pdf))
            upload_and_wait(page, item)
        else:
            item.locator("input[name=url]").fill(video)
            item.locator("input[name=label]").fill("Video profil desa")
            item.locator("form.link-form button[type=submit]").click()
            page.wait_for_load_state("load")
    raise AssertionError("required items are still missing after 20 tries")
