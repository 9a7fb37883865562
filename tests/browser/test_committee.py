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
