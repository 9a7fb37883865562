"""A village operator reads its score protocol: on a phone it neither scrolls sideways nor runs
on for metres, leads with the rank, the final score and both prize amounts, and keeps every
judge's value one tap away."""

import pytest

from conftest import log_in, look, page_height

# The demo village's protocol with the stages folded (the first one open), at 360 px. It was
# 21,347 px before the stages and the judges' values could fold.
PHONE_HEIGHT_LIMIT = 6000


@pytest.mark.parametrize("device", ["phone", "desk"])
def test_village_reads_its_protocol(request, server, device):
    page = request.getfixturevalue(device)
    log_in(page, server, "demo-desa")
    page.goto(f"/results/{server.announced_id}")
    page.get_by_role("link", name="Lihat rincian nilai desa Anda").click()
    page.wait_for_load_state("load")
    look(page, "village-protocol")
    if device == "phone":
        height = page_height(page)
        assert height < PHONE_HEIGHT_LIMIT, f"the protocol is {height}px tall at 360 px"
    # The summary first: rank, final score with a decimal comma, and both prize amounts.
    assert page.locator("#my-rank").inner_text().strip().isdigit()
    assert "," in page.locator("#my-score").inner_text()
    assert page.locator("#my-cash").inner_text().startswith("Rp")
    assert page.locator("#my-assistance").inner_text().startswith("Rp")
    # Stages fold, the first one open with its aspect chart drawn as SVG.
    stages = page.locator("details.stage")
    assert stages.count() > 1
    assert stages.first.get_attribute("open") is not None
    assert stages.nth(1).get_attribute("open") is None
    assert stages.first.locator("svg[role=img] rect.bar").count() > 0
    # Each judge's values are one tap away and do not push the page sideways.
    judges = stages.first.locator("details.judges").first
    judges.locator("summary").click()
    assert "Juri " in judges.inner_text()
    stages.nth(1).locator("summary").first.click()
    look(page, "village-protocol-open")
