"""The public's journey: from the home page to the winners, the verification file and the
presentation schedule, by clicking only, on a phone and on a desk."""

import pytest

from conftest import look


@pytest.mark.parametrize("device", ["phone", "desk"])
def test_public_finds_the_winners_by_clicking(request, server, device):
    page = request.getfixturevalue(device)
    page.goto("/")
    look(page, "public-home")
    page.locator("nav").get_by_role("link", name="Hasil lomba").click()
    look(page, "public-results")
    page.get_by_role("link", name="Lomba Desa Tingkat Provinsi 2026 (demo)").click()
    assert server.announced_id in page.url
    look(page, "public-winners")
    # The ranking is shown, first place first, with money in rupiah.
    body = page.inner_text("main")
    assert "Juara I" in body or "1" in body
    assert "Rp" in body
    # The verification file is one click away and is JSON with the published hash.
    link = page.get_by_role("link", name="Unduh berkas verifikasi (JSON)")
    verify = page.request.get(link.get_attribute("href"))
    assert verify.ok and "hash" in verify.text()
    page.goto("/")
    page.locator("nav").get_by_role("link", name="Jadwal").click()
    look(page, "public-presentations")
