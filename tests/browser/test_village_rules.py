"""Issue 17, published rules: the committee changes a rule of the open competition — refused
next to the reason field without one, kept with one —; the village that entered is told on
its dashboard and follows the notice to the public rules page, which shows the rules in
force and what changed, before and after, on a phone and at a desk.

Named to run after test_village.py, whose operator must still find "Buat usulan" for the open
competition: this journey enters it only when run alone."""

from conftest import DESK, PHONE, log_in, look

REASON = "Nama hadiah disesuaikan dengan SK Bupati"


def test_a_rule_change_needs_a_reason_and_reaches_the_village(browser, server):
    village_ctx = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True)
    village = village_ctx.new_page()
    log_in(village, server, "demo-desa")
    village.goto("/village")
    # The village enters the open competition (unless an earlier journey already did).
    create = village.locator(
        f"main form:has(input[name=competition_id][value='{server.open_id}']) button[type=submit]"
    )
    if create.count():
        create.click()
        village.wait_for_load_state("load")
        village.goto("/village")
    assert village.locator(f"main a[href='/competitions/{server.open_id}/rules']").count() > 0

    committee_ctx = browser.new_context(viewport=DESK, base_url=server.base)
    desk = committee_ctx.new_page()
    log_in(desk, server, "demo-panitia")
    desk.goto(f"/admin/competitions/{server.open_id}")
    assert desk.locator("#rules-published a").count() == 1, "the committee sees the rules are public"
    look(desk, "rules-competition")
    desk.locator("main a[href$='/prizes']").first.click()
    desk.wait_for_load_state("load")
    look(desk, "rules-prizes")
    desk.locator("main td.row-actions a", has_text="Ubah").last.click()
    desk.wait_for_load_state("load")
    label = desk.input_value("#f-label")
    desk.fill("#f-label", label + " (Piala Bupati)")
    desk.click("main form:has(#f-label) button[type=submit]")
    desk.wait_for_load_state("load")
    # Refused without a reason: the error sits at the reason field, the new label is kept.
    assert desk.locator("#err-reason").is_visible()
    assert "tuliskan alasan" in desk.inner_text(".flash-error, .form-errors, main")
    assert desk.input_value("#f-label") == label + " (Piala Bupati)"
    look(desk, "rules-reason-refused")
    desk.fill("#f-reason", REASON)
    desk.click("main form:has(#f-label) button[type=submit]")
    desk.wait_for_load_state("load")
    assert "(Piala Bupati)" in desk.inner_text("main")

    village.goto("/village")
    notice = village.locator("#rules-notices")
    assert notice.is_visible() and REASON in notice.inner_text()
    look(village, "rules-village-notice")
    notice.locator("a").first.click()
    village.wait_for_load_state("load")
    text = village.inner_text("main")
    assert REASON in text and "(Piala Bupati)" in text and label in text
    # A stage's criteria open on a tap: the table as cards on a phone.
    village.locator("details.rules-criteria summary").nth(1).click()
    assert village.locator("details.rules-criteria[open] table tbody tr").count() > 0
    look(village, "rules-public")
    # Anyone, at a desk and without logging in, reads the same page.
    public_ctx = browser.new_context(viewport=DESK, base_url=server.base)
    public = public_ctx.new_page()
    public.goto(f"/competitions/{server.open_id}/rules")
    assert public.locator(".rules-version").count() >= 2
    look(public, "rules-public")
    # The committee's page on a phone: the reason fields of the stage rows fit.
    committee_phone = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True)
    small = committee_phone.new_page()
    log_in(small, server, "demo-panitia")
    small.goto(f"/admin/competitions/{server.open_id}")
    look(small, "rules-competition")
    small.goto(f"/admin/competitions/{server.open_id}/prizes")
    look(small, "rules-prizes")
    committee_phone.close()
    for ctx in (village_ctx, committee_ctx, public_ctx):
        ctx.close()
