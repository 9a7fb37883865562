"""Issue 17: a panel judge, after submitting, reads the panel's differences of opinion on the
entries they scored — reached from their sheet list, their own answers marked — on a phone
and at a desk."""

from conftest import DESK, PHONE, log_in, look


def test_a_judge_reads_the_panels_differences_after_submitting(browser, server):
    for size in (PHONE, DESK):
        ctx = browser.new_context(viewport=size, base_url=server.base, is_mobile=size is PHONE)
        page = ctx.new_page()
        log_in(page, server, "demo-juri-1")
        page.goto("/judge/sheets")
        page.locator(f"a.dis-link[href='/judge/competitions/{server.announced_id}/disagreements']").click()
        page.wait_for_load_state("load")
        page.fill("#f-threshold", "25")
        page.click("main form.filters button[type=submit]")
        page.wait_for_load_state("load")
        assert page.locator("section.dis-item").count() > 0
        assert page.locator("tr.own").count() > 0, "their own answers are marked"
        look(page, "judge-disagreements")
        ctx.close()
