"""The committee's whole journey, by clicking only: a competition set up from the built-in
template, opened, nominated into by a village on a phone, reviewed, judged by a panel with a
conflict of interest, reviewed, minuted and announced — and then read by the public.

The competition is new (a kecamatan competition in the demo village's own kecamatan), so this
journey leaves the demo's own competitions as the other journeys expect them.
"""

from datetime import datetime, timedelta, timezone

from conftest import PHONE, give_required_evidence, log_in, look

NAME = "Lomba Desa Kecamatan Donorojo 2026"
VILLAGE = "Widoro"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STAGES = ["ADM", "LAPANGAN", "PAPARAN"]
WIB = timezone(timedelta(hours=7))


def _local(dt):
    return dt.strftime("%Y-%m-%dT%H:%M")


def _confirm_and_click(page, selector):
    """Clicks a button of an irreversible step, asserting that it asks first."""
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    page.click(selector)
    page.wait_for_load_state("load")
    assert asked, f"{selector} did not ask for confirmation"


def _flash(page):
    return " ".join(page.locator("main .flash").all_inner_texts())


def _hub(page, competition_id):
    page.goto("/admin")
    page.locator("main").get_by_role("link", name="Lomba", exact=True).first.click()
    page.get_by_role("link", name=NAME).click()
    page.wait_for_load_state("load")
    assert page.url.endswith(competition_id)


def _set_up(page):
    """From the dashboard to a draft competition built from the template, with its stages
    asking three judges per entry (the demo has four judges, one of them conflicted)."""
    page.locator("main").get_by_role("link", name="Buat lomba").click()
    look(page, "journey-new-competition")
    # Checkboxes sit beside their labels, not stretched into large centred boxes.
    for name in ("require_definitive_head", "appeals_enabled"):
        box = page.locator(f"input[name={name}]").bounding_box()
        assert box["width"] <= 30, f"the {name} checkbox is {box['width']} px wide"
    page.select_option("select[name=template]", "desa")
    page.fill("input[name=name]", NAME)
    page.fill("input[name=year]", "2026")
    page.select_option("select[name=level]", "kecamatan")
    page.fill("input[name=region_code]", "35.01.01")
    now = datetime.now(WIB)
    page.fill("input[name=nomination_opens_at]", _local(now - timedelta(hours=1)))
    page.fill("input[name=nomination_closes_at]", _local(now + timedelta(days=14)))
    page.fill("input[name=judging_closes_at]", _local(now + timedelta(days=30)))
    page.fill("input[name=announcement_at]", _local(now + timedelta(days=31)))
    page.click("main form button[type=submit]:has-text('Simpan')")
    page.wait_for_load_state("load")
    assert "dibuat" in _flash(page), _flash(page)
    competition_id = page.url.rstrip("/").rsplit("/", 1)[1]
    look(page, "journey-draft")
    assert "Templat Lomba Desa" in page.inner_text("main"), "the audit trail shows a raw template key"
    for code in STAGES:
        page.locator(f"#stage-{code}").get_by_role("link", name="Ubah").click()
        page.fill("input[name=judges_per_entry]", "3")
        page.click("main form button[type=submit]")
        page.wait_for_load_state("load")
        assert "disimpan" in _flash(page), f"saving stage {code} failed: {_flash(page)}"
        page.click(f"main a[href='/admin/competitions/{competition_id}']")
        page.wait_for_load_state("load")
        assert "3 juri per peserta" in page.inner_text(f"#stage-{code}")
    return competition_id


def _nominate(browser, server, tmp_path):
    """The village operator, on a phone, enters the new competition and sends the nomination."""
    ctx = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True)
    page = ctx.new_page()
    pdf = tmp_path / "dokumen.pdf"
    pdf.write_bytes(PDF)
    log_in(page, server, "demo-desa")
    card = page.locator("main li.item", has_text=NAME)
    assert card.count() == 1, "the open competition is not offered to the village"
    card.get_by_role("button", name="Buat usulan").click()
    page.wait_for_load_state("load")
    page.fill("#f-head_name", "Sutrisno")
    page.select_option("#f-development_status", index=3)
    page.fill("#f-population", "4210")
    page.fill("#f-households", "1180")
    page.fill("#f-contact_name", "Siti Aminah")
    page.fill("#f-contact_phone", "081234567890")
    page.fill("#f-description", "Desa pesisir dengan wisata goa dan kerajinan batu akik.")
    page.click("form[data-keep-draft] button[type=submit]")
    page.wait_for_load_state("load")
    assert not page.locator("#error-summary").count(), page.inner_text("main")[:500]
    give_required_evidence(page, pdf, "https://video.desa.id/widoro")
    _confirm_and_click(page, "main button:has-text('Kirim usulan')")
    assert "terkirim" in page.inner_text("main").lower()
    ctx.close()


def _review(page, competition_id):
    """The hub counts the nomination as sent; the committee opens it from there and accepts."""
    _hub(page, competition_id)
    look(page, "journey-hub-open")
    sent = page.locator("#hub-nominations a", has_text="Terkirim")
    assert sent.locator(".count").inner_text().strip() == "1", page.inner_text("#hub-nominations")
    sent.click()
    page.wait_for_load_state("load")
    look(page, "journey-nominations")
    page.locator("main table tbody a", has_text=VILLAGE).click()
    page.wait_for_load_state("load")
    # Accepting without choosing is refused with the error on top.
    page.click("main form[action$='/review'] button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator("#error-summary, main .flash-error").first.is_visible()
    page.check("input[name=decision][value=accept]")
    page.click("main form[action$='/review'] button[type=submit]")
    page.wait_for_load_state("load")
    assert "lolos administrasi" in _flash(page).lower(), _flash(page)
    look(page, "journey-nomination-accepted")


def _add_to_panel(page, judges):
    for judge in judges:
        page.select_option("#f-judge", label=judge)
        page.click("main form[action$='/panel'] button[type=submit]")
        page.wait_for_load_state("load")
        assert "diperbarui" in _flash(page), _flash(page)


def _assign(page, competition_id):
    """Judging starts early (the committee confirms it means it); each stage gets its panel and
    its automatic assignment, which never gives the conflicted judge the village."""
    _hub(page, competition_id)
    page.check("#f-confirm_early_start")
    _confirm_and_click(page, "#early-start button[type=submit]")
    assert "Penilaian" in page.inner_text("#status")
    for code in STAGES:
        page.click("#judging-link")
        page.locator("main a", has_text=code).first.click()
        page.wait_for_load_state("load")
        if code == "ADM":
            # Too small a panel: the message says so in numbers, not as a conflict.
            _add_to_panel(page, ["Juri 1 (demo)", "Juri 2 (demo)"])
            page.click("main form[action$='/assign/auto'] button[type=submit]")
            page.wait_for_load_state("load")
            message = _flash(page)
            assert "2 juri" in message and "3 juri per peserta" in message, message
            assert "konflik" not in message.lower(), message
            _add_to_panel(page, ["Juri 3 (demo)", "Juri 4 (demo)"])
        else:
            _add_to_panel(page, ["Juri 1 (demo)", "Juri 2 (demo)", "Juri 3 (demo)", "Juri 4 (demo)"])
        page.click("main form[action$='/assign/auto'] button[type=submit]")
        page.wait_for_load_state("load")
        look(page, f"journey-stage-{code.lower()}")
        sheets = page.locator("main").inner_text()
        for n in (1, 2, 3):
            assert f"Juri {n} (demo) — Belum dinilai" in sheets, sheets[-1500:]
        # Juri 4 lives in Kabupaten Pacitan: a conflict of interest with the village.
        assert "Juri 4 (demo) — Belum dinilai" not in sheets
        if code == "ADM":
            # Taking a sheet away asks first; declining keeps it.
            remove = page.locator("main form[action$='/unassign'] button").first
            asked = []
            page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
            remove.click()
            assert asked, "removing a judge's sheet did not ask for confirmation"
            assert page.locator("main form[action$='/unassign']").count() == 3
        page.click(f"main a[href='/admin/competitions/{competition_id}']")


def _score(browser, server):
    """Each judge, on a phone, scores the village in every stage and submits."""
    for judge in ("demo-juri-1", "demo-juri-2", "demo-juri-3"):
        ctx = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True)
        page = ctx.new_page()
        log_in(page, server, judge)
        for _ in STAGES:
            page.locator("main").get_by_role("link", name="Lembar penilaian saya").click()
            page.wait_for_load_state("load")
            row = page.locator("main tr", has_text=VILLAGE).filter(has_text="Belum dinilai").first
            row.locator("a[href^='/judge/sheets/']").first.click()
            page.wait_for_load_state("load")
            inputs = page.locator("main input[type=number]:not([disabled])")
            ranges = inputs.evaluate_all("es => es.map(e => [e.min, e.max])")
            for i, (low, high) in enumerate(ranges):
                # Near the top of each scale, a little different per judge.
                value = float(high) - (float(high) - float(low)) * (int(judge[-1]) - 1) / 10
                inputs.nth(i).fill(str(round(value)))
            page.click("main button:has-text('Simpan')")
            page.wait_for_selector("#sync-state.sync-server")
            _confirm_and_click(page, "main button:has-text('Kirim penilaian')")
            assert "terkirim" in _flash(page).lower(), _flash(page)
            page.goto("/judge")
        ctx.close()


def _announce(page, competition_id):
    """Every sheet is in: the hub says so, the stages close, the committee reviews, records
    the minutes and announces — each irreversible step asking first."""
    _hub(page, competition_id)
    for line in page.locator("#hub-judging p").all_inner_texts():
        assert "3 dari 3 lembar terkirim" in line, line
    look(page, "journey-hub-judged")
    for code in STAGES:
        page.click("#judging-link")
        page.locator("main a", has_text=code).first.click()
        page.wait_for_load_state("load")
        _confirm_and_click(page, "main form[action$='/close'] button[type=submit]")
        assert "ditutup" in _flash(page), _flash(page)
        page.click(f"main a[href='/admin/competitions/{competition_id}']")
    _confirm_and_click(page, "main form[action$='/status'] button:has-text('Tinjau hasil')")
    page.click("#results-link")
    page.wait_for_load_state("load")
    look(page, "journey-results")
    assert page.locator("#preflight li.problem").count() == 0, page.inner_text("#preflight")
    assert VILLAGE in page.inner_text("main") and "Juara I" in page.inner_text("main")
    page.fill("input[name=held_on]", datetime.now(WIB).strftime("%Y-%m-%d"))
    page.fill("input[name=place]", "Aula Kantor Kecamatan Donorojo")
    page.fill("[name=members]", "Camat Donorojo\nKetua Tim Penilai")
    page.fill("[name=decision]", "Menetapkan Desa Widoro sebagai Juara I.")
    page.click("#minutes button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator("main .flash-error").count() == 0, _flash(page)
    _confirm_and_click(page, "#announce button[type=submit]")
    assert "diumumkan" in _flash(page).lower(), _flash(page)
    look(page, "journey-announced")
    _hub(page, competition_id)
    assert "Diumumkan" in page.inner_text("#status")


def test_committee_runs_a_competition_from_template_to_announcement(browser, server, tmp_path):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.base)
    page = ctx.new_page()
    log_in(page, server, "demo-panitia")
    # The committee's own account (password) is one click away, named as such.
    page.locator("nav").get_by_role("link", name="Akun saya", exact=False).click()
    page.wait_for_load_state("load")
    assert page.locator("input[type=password]").count() >= 2, "no password form behind 'Akun saya'"
    page.goto("/admin")
    competition_id = _set_up(page)
    _confirm_and_click(page, "main form[action$='/status'] button:has-text('Buka pendaftaran')")
    assert "Dibuka" in page.inner_text("#status")

    _nominate(browser, server, tmp_path)
    _review(page, competition_id)
    _assign(page, competition_id)
    _score(browser, server)
    _announce(page, competition_id)

    # The public finds the result from the home page.
    public = browser.new_context(viewport=PHONE, base_url=server.base, is_mobile=True).new_page()
    public.goto("/")
    public.locator("nav").get_by_role("link", name="Hasil lomba").click()
    public.get_by_role("link", name=NAME).click()
    public.wait_for_load_state("load")
    look(public, "journey-public-winners")
    body = public.inner_text("main")
    assert VILLAGE in body and "Juara I" in body and "Rp15.000.000" in body
    ctx.close()


def test_times_are_typed_and_read_in_the_competitions_zone(desk, server):
    """Issue 12: a Kalimantan Timur committee types 23:59 and reads 23.59 WITA (UTC+8), not an
    hour late as WIB; the form names the zone it is typed in."""
    page = desk
    page.goto("/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", server.admin_password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("load")
    page.locator("main").get_by_role("link", name="Buat lomba").click()
    page.fill("input[name=name]", "Lomba Desa Provinsi Kalimantan Timur")
    page.fill("input[name=year]", "2027")
    page.select_option("select[name=level]", "provinsi")
    page.fill("input[name=region_code]", "64")
    page.fill("input[name=nomination_opens_at]", "2027-02-01T08:00")
    page.fill("input[name=nomination_closes_at]", "2027-03-31T23:59")
    page.click("main form button[type=submit]:has-text('Simpan')")
    page.wait_for_load_state("load")
    assert "dibuat" in _flash(page), _flash(page)
    look(page, "zone-competition")
    schedule = page.inner_text("main")
    assert "31 Maret 2027 pukul 23.59 WITA" in schedule, schedule[:1500]
    assert "WIB" not in schedule.split("Jadwal", 1)[1].split("Syarat", 1)[0]
    page.get_by_role("link", name="Ubah lomba").click()
    page.wait_for_load_state("load")
    assert "WITA" in page.inner_text("#zone-hint")
    assert page.input_value("input[name=nomination_closes_at]") == "2027-03-31T23:59"
