"""Issue 16, field judging that never loses work: a judge prepares the sheets, goes offline,
scores three entries with photos, reloads, closes and reopens the browser, comes back online
and submits — every value stored exactly once; two devices edit one sheet and the judge
chooses between both values; a session that expires mid-sheet asks to log in again and then
sends what was kept; logging out with unsent work warns.

The phone is a persistent Chromium profile, so IndexedDB, the service worker and its cache
survive closing the browser as on a real phone. The committee first assigns the demo's
field-visit stage (LAPANGAN) of the kabupaten competition, so the sheets take photos.
"""

import sqlite3
import time
import uuid

import pytest

from conftest import BROWSER_ARGS, CHROMIUM, DESK, PHONE, log_in, look

PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
SAVED = "Tersimpan di server"
KEPT = "Tersimpan di perangkat, belum terkirim"


@pytest.fixture(scope="module")
def field_stage(browser, server):
    """The committee puts judges 1-3 on the kabupaten competition's field-visit stage: three
    entries for judge 2, one each for judges 1 and 3."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.base)
    page = ctx.new_page()
    log_in(page, server, "demo-panitia")
    page.goto(f"/admin/competitions/{server.judging_id}/judging")
    page.locator("main a", has_text="LAPANGAN").first.click()
    page.wait_for_load_state("load")
    for judge in ("Juri 1 (demo)", "Juri 2 (demo)", "Juri 3 (demo)"):
        page.select_option("#f-judge", label=judge)
        page.click("main form[action$='/panel'] button[type=submit]")
        page.wait_for_load_state("load")
    # The template asks more judges per entry than this panel has: assigned one by one.
    wanted = [("Juri 2 (demo)", 0), ("Juri 2 (demo)", 1), ("Juri 2 (demo)", 2), ("Juri 3 (demo)", 0), ("Juri 1 (demo)", 0)]
    for judge, entry in wanted:
        page.select_option("#f-nom", index=entry)
        page.select_option("#f-judge2", label=judge)
        page.click("main form[action$='/assign'] button[type=submit]")
        page.wait_for_load_state("load")
    assert page.inner_text("main").count("Juri 2 (demo) — Belum dinilai") == 3, page.inner_text("main")[-1500:]
    ctx.close()
    return True


def _profile(browser, server, folder):
    """A phone whose storage (IndexedDB, service worker, caches, cookies) lives in `folder`."""
    return browser.browser_type.launch_persistent_context(
        str(folder),
        executable_path=CHROMIUM,
        args=BROWSER_ARGS,
        viewport=PHONE,
        is_mobile=True,
        base_url=server.base,
    )


def _field_sheets(page, n):
    page.goto("/judge/sheets?stage=LAPANGAN")
    links = page.locator("main tr:not(:has-text('Terkirim')) a[href^='/judge/sheets/']")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= n, f"only {len(hrefs)} field sheets to score"
    return hrefs[:n]


def _state(page, text):
    page.wait_for_function(
        "t => (document.getElementById('sync-state') || {}).textContent.includes(t)", arg=text
    )


def _score(page, seed):
    """Scores every indicator (the lowest value plus `seed` steps, within the scale), writes a
    comment on the first one and returns what was typed per criterion id."""
    typed = {}
    inputs = page.locator("main input[type=number]:not([disabled])")
    scales = inputs.evaluate_all("es => es.map(e => [e.id.slice(2), e.min, e.max, e.step])")
    for i, (cid, low, high, step) in enumerate(scales):
        value = min(float(low) + float(step) * (seed + i % 3), float(high))
        text = f"{value:g}"
        inputs.nth(i).fill(text)
        typed[cid] = value
    first = scales[0][0]
    page.fill(f"#c-{first}", f"Catatan luring {seed}")
    return typed


def _stored(server, sheet):
    """(criterion id, value in points, comment) rows of a sheet, straight from the database."""
    con = sqlite3.connect(str(server.db))
    try:
        rows = con.execute(
            "SELECT criterion_id, value, comment FROM score WHERE sheet_id = ?",
            (uuid.UUID(sheet).bytes,),
        ).fetchall()
        photos = con.execute(
            "SELECT count(*) FROM sheet_photo WHERE sheet_id = ?", (uuid.UUID(sheet).bytes,)
        ).fetchone()[0]
    finally:
        con.close()
    return [(str(uuid.UUID(bytes=c)), v, m) for c, v, m in rows], photos


def test_prepared_sheets_are_scored_offline_and_sent_once(browser, server, field_stage, tmp_path):
    ctx = _profile(browser, server, tmp_path / "phone")
    page = ctx.new_page()
    log_in(page, server, "demo-juri-2")
    sheets = _field_sheets(page, 3)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.click("#offline-prepare")
    page.wait_for_function("() => document.getElementById('offline-progress').textContent.includes('siap dibuka')")
    look(page, "offline-ready")

    ctx.set_offline(True)
    # A page that was never prepared says so (the network really is off for the worker too).
    page.goto("/judge/conflicts")
    assert "belum disiapkan" in page.inner_text("body")
    typed = {}
    for n, href in enumerate(sheets):
        page.goto(href)
        assert page.locator("form.jdg-sheet").count() == 1, "the prepared sheet did not open offline"
        typed[href] = _score(page, n)
        _state(page, KEPT)
        page.set_input_files("#f-photo", files=[{"name": f"balai-{n}.png", "mimeType": "image/png", "buffer": PNG + bytes([n])}])
        page.click("form.photo-form button[type=submit]")
        page.wait_for_selector("#photo-queue li")
        assert "menunggu dikirim" in page.inner_text("#photo-queue")
        if n == 0:
            look(page, "offline-sheet")
    # A reload offline shows what was typed.
    page.reload()
    _state(page, KEPT)
    last = typed[sheets[-1]]
    for cid, value in last.items():
        assert float(page.input_value(f"#s-{cid}")) == value

    # The phone is switched off and on again, still without a signal.
    ctx.close()
    ctx = _profile(browser, server, tmp_path / "phone")
    ctx.set_offline(True)
    page = ctx.new_page()
    page.goto("/judge/sheets")
    page.wait_for_function("() => document.getElementById('offline-unsent').textContent.includes('3 lembar')")
    look(page, "offline-unsent")
    page.goto(sheets[0])
    _state(page, KEPT)
    for cid, value in typed[sheets[0]].items():
        assert float(page.input_value(f"#s-{cid}")) == value
    page.wait_for_selector("#photo-queue li")
    assert page.locator("#photo-queue li").count() == 1

    # Back online: each sheet is sent, its photo uploaded, and it can be submitted.
    ctx.set_offline(False)
    for href in sheets:
        page.goto(href)
        _state(page, SAVED)
        page.wait_for_selector("#photo-queue li", state="detached")
        assert page.locator("#photo-list a").count() == 1
        page.once("dialog", lambda d: d.accept())
        page.click("main button:has-text('Kirim penilaian')")
        page.wait_for_selector("main .flash-success")
        assert "terkirim" in page.inner_text("main .flash").lower()
    page.goto("/judge/sheets")
    page.wait_for_function("() => document.getElementById('offline-unsent').textContent.includes('Semua isian')")
    ctx.close()

    for href in sheets:
        sheet = href.rsplit("/", 1)[1]
        rows, photos = _stored(server, sheet)
        ids = [r[0] for r in rows]
        assert len(ids) == len(set(ids)), f"a value was stored twice on {sheet}"
        assert sorted(ids) == sorted(typed[href]), "a typed value is missing"
        for cid, value, _ in rows:
            assert value == round(typed[href][cid] * 10000), (cid, value)
        assert photos == 1, f"{photos} photos on {sheet}"
    comments = [m for _, _, m in _stored(server, sheets[1].rsplit("/", 1)[1])[0] if m]
    assert comments == ["Catatan luring 1"]


def test_two_devices_on_one_sheet_choose_instead_of_overwriting(browser, server, field_stage):
    phones = [
        browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True),
        browser.new_context(viewport=DESK, base_url=server.base),
    ]
    a, b = (ctx.new_page() for ctx in phones)
    for page in (a, b):
        log_in(page, server, "demo-juri-3")
    href = _field_sheets(a, 1)[0]
    for page in (a, b):
        page.goto(href)
        _state(page, SAVED)
    first = a.locator("main input[type=number]").first
    cid = first.get_attribute("id")[2:]
    low, high = float(first.get_attribute("min")), float(first.get_attribute("max"))
    # Device A loses its signal and scores low; device B, online, scores high.
    phones[0].set_offline(True)
    a.fill(f"#s-{cid}", f"{low:g}")
    _state(a, KEPT)
    b.fill(f"#s-{cid}", f"{high:g}")
    # B already read "saved" before typing: wait for its value on the server, not the line.
    _wait_stored(server, href, cid, round(high * 10000))
    _state(b, SAVED)
    # A comes back: nothing is overwritten, both values are shown and the judge chooses.
    phones[0].set_offline(False)
    a.wait_for_selector("#sync-conflict:not([hidden])")
    row = a.locator("#sync-conflict .conflict-row").first
    text = row.inner_text()
    assert f"{low:g}".replace(".", ",") in text and f"{high:g}".replace(".", ",") in text, text
    assert _stored_value(server, href, cid) == round(high * 10000), "B's value was overwritten"
    look(a, "offline-conflict")
    row.locator("input[value=local]").check()
    a.click("#conflict-apply")
    _state(a, SAVED)
    assert _stored_value(server, href, cid) == round(low * 10000)
    # The other device saved a moment ago: this one is told.
    assert a.locator("#device-warning").is_visible()
    assert "perangkat lain" in a.inner_text("#device-warning")
    look(b, "offline-sheet")
    # The paper fallback: the same sheet to print, with a QR code back to it.
    b.click("main a:has-text('Cetak lembar')")
    b.wait_for_load_state("load")
    assert b.locator(".print-qr svg").count() == 1
    assert href in b.inner_text(".print-url")
    look(b, "offline-print")
    for ctx in phones:
        ctx.close()


def _wait_stored(server, href, cid, value, seconds=20):
    deadline = time.monotonic() + seconds
    while _stored_value(server, href, cid) != value:
        assert time.monotonic() < deadline, f"{value} never reached the server"
        time.sleep(0.1)


def _stored_value(server, href, cid):
    rows, _ = _stored(server, href.rsplit("/", 1)[1])
    values = [v for c, v, _ in rows if c == cid]
    assert len(values) <= 1
    return values[0] if values else None


def test_an_expired_session_asks_to_log_in_and_then_sends_what_was_kept(phone, server, field_stage):
    page = phone
    log_in(page, server, "demo-juri-1")
    href = _field_sheets(page, 1)[0]
    page.goto(href)
    _state(page, SAVED)
    first = page.locator("main input[type=number]").first
    cid = first.get_attribute("id")[2:]
    high = float(first.get_attribute("max"))
    # The session ends (expiry, or logged out everywhere) while the judge types.
    page.context.clear_cookies(name="juara_session")
    page.fill(f"#s-{cid}", f"{high:g}")
    _state(page, "Sesi Anda berakhir")
    look(page, "offline-session")
    assert _stored_value(server, href, cid) != round(high * 10000)
    page.click("#sync-state a:has-text('Masuk lagi')")
    page.wait_for_load_state("load")
    page.fill("input[name=username]", "demo-juri-1")
    page.fill("input[name=password]", server.accounts["demo-juri-1"])
    page.click("form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.url.endswith(href), page.url
    # The kept value comes back from IndexedDB a moment after the page loads: wait for it.
    page.wait_for_function(
        "([id, v]) => parseFloat((document.getElementById(id) || {}).value) === v",
        arg=[f"s-{cid}", high],
    )
    _state(page, SAVED)
    assert _stored_value(server, href, cid) == round(high * 10000)

    # Logging out with unsent work asks first; declining keeps the judge in.
    page.context.set_offline(True)
    page.fill(f"#s-{cid}", f"{float(first.get_attribute('min')):g}")
    _state(page, KEPT)
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.click("form[action='/logout'] button")
    page.wait_for_timeout(300)
    assert asked and "belum terkirim" in asked[0], asked
    assert page.url.endswith(href)
    page.context.set_offline(False)
    _state(page, SAVED)
    page.goto(href + "/print")
    assert page.locator(".print-table tbody tr").count() > 0
    look(page, "offline-print")
