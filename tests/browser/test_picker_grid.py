"""The region picker (type a name, pick it, save, see the name) and the committee's judges ×
entries grid (one row per judge, one column per entry, each cell a sheet's state), at 360 and
1280 px."""

import re

from conftest import log_in, look


def pick_region(page, field, typed, option_text):
    """Types into a region field, waits for the list and picks the option naming `option_text`."""
    box = page.locator(f"#f-{field}")
    box.click()
    box.press_sequentially(typed, delay=40)
    option = page.locator(f"#f-{field}-list [role=option]", has_text=option_text).first
    option.wait_for(state="visible", timeout=5000)
    assert box.get_attribute("aria-expanded") == "true"
    return option


def test_competition_region_is_picked_by_name_and_shown_by_name(phone, server):
    page = phone
    log_in(page, server, "demo-panitia")
    page.goto("/admin/competitions/new")
    page.fill("#f-name", "Lomba Kelurahan Kota Surabaya")
    page.fill("#f-year", "2027")
    page.select_option("#f-level", "kabupaten")
    option = pick_region(page, "region_code", "surabaya", "Kota Surabaya")
    # The suggestion names its path, so namesakes can be told apart.
    assert "Jawa Timur" in option.inner_text()
    look(page, "picker-open")
    option.click()
    assert page.input_value("#f-region_code") == "35.78 — Kota Surabaya"
    assert page.locator("#f-region_code").get_attribute("aria-expanded") == "false"
    page.click("form[action='/admin/competitions'] button[type=submit]")
    page.wait_for_load_state("load")
    assert re.search(r"/admin/competitions/[0-9a-f-]+$", page.url), page.locator("main").inner_text()[:800]
    lead = page.locator("p.lead").inner_text()
    assert "Kota Surabaya" in lead and "35.78" not in lead
    look(page, "picker-saved")
    # Shown again in the form as code and name.
    page.goto(page.url + "/edit")
    assert page.input_value("#f-region_code") == "35.78 — Kota Surabaya"


def test_keyboard_picks_and_unknown_text_is_refused_next_to_the_field(desk, server):
    page = desk
    log_in(page, server, "demo-panitia")
    page.goto("/admin/users/new")
    page.select_option("#f-role", "judge")
    pick_region(page, "region_code", "genteng", "Genteng")
    # Two kecamatan share the name: the list tells them apart by their path.
    texts = page.locator("#f-region_code-list [role=option]").all_inner_texts()
    assert any("Kota Surabaya" in t for t in texts) and any("Banyuwangi" in t for t in texts)
    page.keyboard.press("ArrowDown")
    active = page.locator("#f-region_code").get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    assert page.input_value("#f-region_code").startswith("35.10.09 — Genteng")
    look(page, "picker-user-form")
    # Without picking: a name that names nothing is refused, in the summary and at the field.
    page.fill("#f-username", "juri.atlantis")
    page.fill("#f-display_name", "Juri Atlantis")
    page.fill("#f-region_code", "Atlantis")
    page.keyboard.press("Escape")
    page.click("form[action='/admin/users'] button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".error-summary").is_visible()
    assert "Wilayah tidak ditemukan" in page.locator("#err-region_code").inner_text()
    look(page, "picker-user-refused")
    # A unique name typed in full is accepted without the list.
    page.fill("#f-region_code", "Genteng")
    page.keyboard.press("Escape")
    page.click("form[action='/admin/users'] button[type=submit]")
    page.wait_for_load_state("load")
    assert "beberapa wilayah" in page.locator("#err-region_code").inner_text()
    page.fill("#f-region_code", "Kota Malang")
    page.keyboard.press("Escape")
    page.click("form[action='/admin/users'] button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".error-summary").count() == 0, page.content()[:2000]


def grid_cells(page):
    return page.locator("table.jgrid tbody td.jg")


def test_judging_grid_shows_each_judges_sheet_state(browser, server):
    for viewport in ({"width": 360, "height": 740}, {"width": 1280, "height": 900}):
        ctx = browser.new_context(viewport=viewport, base_url=server.base)
        page = ctx.new_page()
        log_in(page, server, "demo-panitia")
        page.goto(f"/admin/competitions/{server.judging_id}/judging")
        grid = page.locator("table.jgrid").first
        grid.wait_for()
        judges = grid.locator("tbody th[scope=row]").all_inner_texts()
        entries = grid.locator("thead th.jg-entry").all_inner_texts()
        assert judges and entries
        cells = grid.locator("tbody td.jg")
        assert cells.count() == len(judges) * len(entries)
        states = set(cells.evaluate_all("cs => cs.map(c => c.dataset.state)"))
        assert states <= {"none", "assigned", "draft", "submitted", "reopened", "excluded"}
        assert states - {"none"}, "no sheet shown at all"
        # Every cell says its state in words, not only in colour.
        for text in cells.all_inner_texts()[:20]:
            assert re.search(r"[A-Za-z]", text), text
        # The grid scrolls inside its own box, never the page.
        box = page.locator(".grid-scroll").first
        assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"
        look(page, "judging-grid")
        stage_link = page.locator("section:has(table.jgrid) h2 a").first
        stage_link.click()
        page.wait_for_load_state("load")
        assert page.locator("table.jgrid").count() == 1
        # The demo's first judge has a sheet half scored: the cell says how far.
        draft = page.locator("table.jgrid td[data-state=draft]").first
        assert re.search(r"Draf\s*\d+/\d+ indikator", draft.inner_text()), draft.inner_text()
        look(page, "judging-grid-stage")
        ctx.close()


def test_agreement_figures_are_explained_in_words(phone, server):
    page = phone
    log_in(page, server, "demo-panitia")
    page.goto(f"/admin/competitions/{server.announced_id}/results")
    help_box = page.locator("#statistics-help")
    help_box.locator("summary").click()
    text = help_box.inner_text()
    assert "Kendall W" in text and "ICC(2,k)" in text and "0,75" in text
    look(page, "results-statistics-help")


def test_public_results_filter_by_region_name(phone, server):
    page = phone
    page.goto("/results")
    option = pick_region(page, "region", "jawa tim", "Jawa Timur")
    option.click()
    page.click("form.search button[type=submit]")
    page.wait_for_load_state("load")
    items = page.locator("ul.cards li.item")
    assert items.count() >= 1
    assert "Jawa Timur" in items.first.inner_text()
    look(page, "public-results-by-region")
