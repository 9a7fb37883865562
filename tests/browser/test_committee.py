"""The committee's hub: every page of a competition is reached by clicking from the dashboard,
and irreversible steps ask first."""

from conftest import log_in, look


def test_committee_reaches_incoming_nominations_by_clicking(desk, server):
    page = desk
    log_in(page, server, "demo-panitia")
    look(page, "admin-dashboard")
    page.locator("main").get_by_role("link", name="Lomba", exact=True).first.click()
    look(page, "admin-competitions")
    page.get_by_role("link", name="Lomba Desa Tingkat Kabupaten 2026 (demo)").click()
    look(page, "admin-competition")
    # The blocker of issue 12: the nominations list must be linked from the hub.
    link = page.locator(f"main a[href='/admin/competitions/{server.judging_id}/nominations']")
    assert link.count() > 0, "the competition page does not link to its nominations"
    link.first.click()
    page.wait_for_load_state("load")
    look(page, "admin-nominations")
    assert page.locator("main table tbody tr").count() > 0


def test_irreversible_competition_steps_ask_first(desk, server):
    page = desk
    log_in(page, server, "demo-panitia")
    page.goto(f"/admin/competitions/{server.announced_id}")
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.click("main button:has-text('Arsipkan')")
    assert dialogs, "archiving a competition did not ask for confirmation"
    assert page.url.endswith(server.announced_id), "declining the confirmation still submitted"


def _click_status(page, competition_id, label):
    """Clicks a lifecycle button on the competition page, accepting its confirmation."""
    page.goto(f"/admin/competitions/{competition_id}")
    page.once("dialog", lambda d: d.accept())
    page.click(f"main form[action$='/status'] button:has-text('{label}')")
    page.wait_for_load_state("load")


def test_announcing_an_incomplete_result_lists_the_problems_and_asks(desk, server):
    """Issue 12: the demo's kabupaten competition is barely scored. Under review, its results
    page names what is missing before the announce button, and announcing without the written
    go-ahead is refused with the errors on top and next to the fields."""
    page = desk
    log_in(page, server, "demo-panitia")
    _click_status(page, server.judging_id, "Tinjau hasil")
    try:
        page.goto(f"/admin/competitions/{server.judging_id}")
        page.click("#results-link")
        page.wait_for_load_state("load")
        look(page, "admin-results-preflight")
        problems = page.locator("#preflight li.problem")
        assert problems.count() > 0, "the incomplete result lists no problem"
        assert "tahap" in page.locator("#preflight").inner_text().lower(), "no stage is named"
        assert page.locator("#preflight-note").is_visible(), "no warning at the top"
        assert page.locator("input[name=confirm_incomplete]").count() == 1
        assert page.locator("textarea[name=reason]").count() == 1
        # The minutes first, then the announcement without the go-ahead.
        page.fill("input[name=held_on]", "2026-11-20")
        page.fill("input[name=place]", "Aula DPMD")
        page.fill("[name=members]", "Ketua\nSekretaris")
        page.fill("input[name=decision]", "Menetapkan hasil")
        page.click("#minutes button[type=submit]")
        page.wait_for_load_state("load")
        page.once("dialog", lambda d: d.accept())
        page.click("#announce button[type=submit]")
        page.wait_for_load_state("load")
        look(page, "admin-results-refused")
        summary = page.locator("main .flash-error").first
        assert "belum lengkap" in summary.inner_text(), "no error summary at the top"
        assert page.locator("#err-confirm_incomplete").is_visible()
        assert page.locator("#err-reason").is_visible()
        assert page.locator("#announce").count() == 1, "the result was announced anyway"
    finally:
        # Back to judging for the other journeys (the judge scores this competition).
        _click_status(page, server.judging_id, "Mulai penilaian")


def test_starting_judging_while_nominations_are_open_warns_and_asks(desk, server):
    """Issue 12: "Mulai penilaian" closed registration three weeks early. On a competition
    still taking nominations the page warns with the closing date, and the step is refused
    unless the committee ticks that it means it (not ticked here: the village journey still
    nominates into this competition)."""
    page = desk
    log_in(page, server, "demo-panitia")
    page.goto(f"/admin/competitions/{server.open_id}")
    look(page, "admin-competition-open")
    warning = page.locator("#early-start-warning")
    assert warning.is_visible(), "no warning that nominations are still open"
    assert "WIB" in warning.inner_text() or "WITA" in warning.inner_text() or "WIT" in warning.inner_text()
    page.once("dialog", lambda d: d.accept())
    page.click("#early-start button[type=submit]")
    page.wait_for_load_state("load")
    look(page, "admin-competition-early-refused")
    assert page.locator("#err-confirm_early_start").is_visible(), "no error next to the box"
    assert page.locator("#early-start").count() == 1, "judging started anyway"
