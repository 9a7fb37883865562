"""Issue 17, trainee judges: the committee puts a judge on a stage's panel as a trainee
(*juri magang*) from the stage page, reached by clicking from the competition, and sees them
marked there as not counted — on a phone and at a desk."""

from conftest import DESK, PHONE, log_in, look


def test_the_committee_adds_a_trainee_and_sees_them_marked(browser, server):
    for size in (DESK, PHONE):
        ctx = browser.new_context(viewport=size, base_url=server.base)
        page = ctx.new_page()
        log_in(page, server, "demo-panitia")
        page.goto(f"/admin/competitions/{server.judging_id}")
        page.locator("#judging-link").click()
        page.wait_for_load_state("load")
        page.locator("main a", has_text="PAPARAN").first.click()
        page.wait_for_load_state("load")
        if size is DESK:
            page.select_option("#f-judge", label="Juri 4 (demo)")
            page.check("#f-trainee")
            page.click("main form[action$='/panel'] button[type=submit]")
            page.wait_for_load_state("load")
        item = page.locator("main li", has_text="Juri 4 (demo)").first
        assert "magang, tidak dihitung" in item.inner_text()
        look(page, "trainee-panel")
        ctx.close()
