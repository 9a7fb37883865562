"""A village operator on a phone: from the dashboard to a new nomination, a refused field fixed
with the help of the summary at the top, typing kept across an upload, evidence given item by
item (a file too large is stopped before sending), and the nomination sent after a
confirmation."""

from pathlib import Path

from conftest import (
    SHOTS,
    give_required_evidence,
    log_in,
    look,
    page_height,
    upload_and_wait,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Measured at 360 px with every section folded (13,200 px before the page was reworked).
MAX_HEIGHT = 6000


def test_village_nominates_on_a_phone(phone, server, tmp_path):
    page = phone
    small = tmp_path / "profil.pdf"
    small.write_bytes(PDF)
    large = tmp_path / "besar.pdf"
    large.write_bytes(b"%PDF-1.4\n" + b" " * (13 * 1024 * 1024))

    log_in(page, server, "demo-desa")
    look(page, "village-dashboard")
    page.locator("main").get_by_role("button", name="Buat usulan").first.click()
    page.wait_for_load_state("load")
    assert "/village/nominations/" in page.url
    look(page, "village-nomination")
    height = page_height(page)
    (SHOTS / "village-nomination-height.txt").write_text(str(height))
    assert height < MAX_HEIGHT, f"the nomination page is {height} px tall at 360 px"

    # A refused field: the summary at the top names it and links to it; the value stays.
    page.fill("#f-head_name", "Sutrisno")
    page.fill("#f-population", "12,300")
    page.click("form[data-keep-draft] button[type=submit]")
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    assert summary.is_visible(), "no error summary at the top"
    assert "Jumlah penduduk" in summary.inner_text()
    assert page.input_value("#f-population") == "12,300"
    look(page, "village-nomination-refused")

    # Typed but unsaved, then an upload: the typing comes back, with a notice.
    page.fill("#f-contact_name", "Siti Aminah")
    first = page.locator("details.add-evidence").first
    first.locator("summary").click()
    # Too large: stopped before sending, with the reason next to the field.
    first.locator("input[type=file]").set_input_files(str(large))
    first.locator("form.upload-form button[type=submit]").click()
    error = first.locator(".field-error.client")
    assert "terlalu besar" in error.inner_text()
    first.locator("input[type=file]").set_input_files(str(small))
    upload_and_wait(page, first)
    assert page.locator(".draft-restored").is_visible(), "unsaved typing was not restored"
    assert page.input_value("#f-contact_name") == "Siti Aminah"

    # Fix the field and save: the draft is stored.
    page.fill("#f-population", "12300")
    page.fill("#f-households", "3100")
    page.select_option("#f-development_status", index=1)
    page.click("form[data-keep-draft] button[type=submit]")
    page.wait_for_load_state("load")
    assert not page.locator("#error-summary").count(), page.inner_text("main")[:500]

    # Every required item of the checklist gets its evidence, item by item.
    give_required_evidence(page, small, "https://video.desa.id/profil")
    assert "Masih ada dokumen wajib" not in page.inner_text("main")
    look(page, "village-nomination-complete")

    # Sending it asks first; declining sends nothing.
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.click("main button:has-text('Kirim usulan')")
    assert dialogs, "sending the nomination did not ask for confirmation"
    assert page.locator("main button:has-text('Kirim usulan')").is_visible()
    page.once("dialog", lambda d: d.accept())
    page.click("main button:has-text('Kirim usulan')")
    page.wait_for_load_state("load")
    text = page.inner_text("main")
    assert "Dikirim" in text or "dikirim" in text, text[:800]
    look(page, "village-nomination-sent")
    assert Path(SHOTS / "village-nomination-sent-360.png").exists()
