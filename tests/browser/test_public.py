"""The public's journey: from the home page to the winners, the verification file and the
presentation schedule, by clicking only, on a phone and on a desk."""

import re

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
    # The ranking is shown, first place first, with money in rupiah and scores as `92,13`.
    body = page.inner_text("main")
    assert "Juara I" in body
    assert "Rp" in body
    assert re.search(r"\b\d{2},\d{2}\b", body), "scores are not written with a decimal comma"
    # The final scores of the top entries as an SVG chart, and a table no wider than its card.
    assert page.locator("#final-scores svg[role=img] rect.bar").count() > 0
    overhang = page.evaluate(
        """() => {
            const table = document.getElementById('ranking').getBoundingClientRect();
            const card = document.getElementById('results').getBoundingClientRect();
            return Math.round(table.right - card.right);
        }"""
    )
    assert overhang <= 0, f"the ranking sticks out of its card by {overhang}px"
    # The verification file is one click away and is JSON with the published hash.
    link = page.get_by_role("link", name="Unduh berkas verifikasi (JSON)")
    verify = page.request.get(link.get_attribute("href"))
    assert verify.ok and "hash" in verify.text()
    page.goto("/")
    page.locator("nav").get_by_role("link", name="Jadwal").click()
    look(page, "public-presentations")
