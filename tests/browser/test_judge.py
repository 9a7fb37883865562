"""A judge on a phone: from the dashboard to a sheet, scores typed, saved, and submitted only
after a confirmation."""

import re

from conftest import log_in, look


def test_judge_scores_a_sheet_on_a_phone(phone, server):
    page = phone
    log_in(page, server, "demo-juri-1")
    look(page, "judge-dashboard")
    page.locator("main").get_by_role("link", name="Lembar penilaian saya").click()
    look(page, "judge-sheets")
    # The sheets still to score come first.
    sheet_links = page.locator("main tr:not(:has-text('Terkirim')) a[href^='/judge/sheets/']")
    assert sheet_links.count() > 0, "the judge sees no sheet to score"
    sheet_links.first.click()
    page.wait_for_load_state("load")
    look(page, "judge-sheet")
    inputs = page.locator("main input[type=number]:not([disabled])")
    assert inputs.count() > 0, "the sheet has no field to score"
    for i in range(inputs.count()):
        inputs.nth(i).fill("3")
    # While typing, the engine's figures follow without saving: the count of answered
    # indicators, the weighted subtotal and each aspect's own subtotal, written `60,00`.
    count = inputs.count()
    page.wait_for_function(
        "n => document.getElementById('answered').textContent.includes(n + ' dari ' + n)", arg=count
    )
    assert re.fullmatch(r"\d+,\d\d", page.inner_text("#subtotal")), page.inner_text("#subtotal")
    assert page.locator("[data-aspect]").count() > 0
    assert re.fullmatch(r"\d+,\d\d", page.locator("[data-aspect]").first.inner_text())
    # A value off the scale is marked at its field with the reason, before saving.
    inputs.first.fill("999")
    page.wait_for_selector("main .field-error.live")
    assert inputs.first.get_attribute("aria-invalid") == "true"
    assert page.inner_text("#subtotal") == "—"
    look(page, "judge-sheet-live-error")
    inputs.first.fill("3")
    page.wait_for_selector("main .field-error.live", state="detached")
    # Saving sends the sheet at once (it autosaves anyway) and says where it is.
    page.click("main button:has-text('Simpan')")
    page.wait_for_selector("#sync-state.sync-server")
    assert "tersimpan di server" in page.inner_text("main").lower()
    look(page, "judge-sheet-saved")
    # Submitting locks the sheet: it must ask first, and nothing happens when declined.
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.click("main button:has-text('Kirim penilaian')")
    assert dialogs, "submitting a sheet did not ask for confirmation"
