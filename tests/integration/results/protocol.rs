//! What the result pages show after the announcement: the village's protocol puts its rank,
//! final score and both prize amounts first and draws its aspects as an SVG chart; the public
//! winners page and the committee page draw the final scores of the top entries; every score
//! reads in Indonesian notation (`86,00`).

use juara::auth::Role;

use super::{announce, browser_as, contest, village};
use crate::common::{TestApp, body};

/// Bars drawn by the SVG charts of a page (legend keys are not bars).
fn bars(page: &str) -> usize {
    page.matches(r#"<rect class="bar""#).count()
}

#[rocket::async_test]
async fn the_protocol_shows_both_prize_amounts_an_aspect_chart_and_comma_scores() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let v2001 = browser_as(&app, Role::Village, "op2001", None, Some(&village(0))).await;
    let page = body(
        v2001
            .get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    // Juara I: Rp100.000.000 uang pembinaan and Rp50.000.000 bantuan keuangan.
    assert!(page.contains(r#"id="my-prize"><strong>Juara I<"#), "{page}");
    assert!(page.contains(r#"id="my-cash">Rp100.000.000<"#), "{page}");
    assert!(
        page.contains(r#"id="my-assistance">Rp50.000.000<"#),
        "{page}"
    );
    assert!(page.contains("Bantuan keuangan"));
    // 0.4 × 80 + 0.6 × 90, with a decimal comma; stage and criterion scores alike.
    assert!(page.contains(r#"id="my-score">86,00<"#), "{page}");
    assert!(page.contains("Tahap LAP (LAP): <span class=\"num\">90,00</span>"));
    assert!(!page.contains("86.00") && !page.contains("80.00"), "{page}");
    // One chart per stage (ADM, LAP), each with the village, Juara I and the average for
    // aspects A and B: 2 × 2 × 3 bars, the numbers also as text.
    assert_eq!(page.matches(r#"<svg class="chart""#).count(), 2);
    assert_eq!(bars(&page), 12, "{page}");
    assert!(page.contains(r#"role="img""#));
    assert!(
        page.contains(r#"<desc id="aspects-0-desc">A Aspek A: Desa kami 80,00, Juara I 80,00"#)
    );
    // Stages fold, the first open; each judge's values fold under each criterion.
    assert!(page.contains(r#"<details class="card stage" id="stage-1" open>"#));
    assert!(page.contains(r#"<details class="card stage" id="stage-2">"#));
    assert!(page.contains("Nilai tiap juri"));
    // The old CSS bars are gone.
    assert!(!page.contains("background:#1f7a5a"));
}

#[rocket::async_test]
async fn the_winners_and_committee_pages_chart_the_final_scores_of_the_top_entries() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    // Before the announcement the committee's preview already draws the ranking.
    let preview = body(
        app.get(&format!("/admin/competitions/{}/results", c.id))
            .await,
    )
    .await;
    // Six entries reach the last stage; the other six stop at the documents shortlist.
    assert!(preview.contains(r#"id="final-chart-desc""#), "{preview}");
    assert_eq!(bars(&preview), 6, "{preview}");
    announce(&app, &c).await;
    let anon = app.new_browser().await;
    let public = body(anon.get(format!("/results/{}", c.id)).dispatch().await).await;
    assert_eq!(bars(&public), 6, "{public}");
    assert!(public.contains(r#"aria-label="Nilai akhir peserta teratas""#));
    // Ranked best first, with the final score as text beside each bar.
    let first = public.find(">1. ").expect("first place in the chart");
    let fifth = public.find(">5. ").expect("fifth place in the chart");
    assert!(first < fifth);
    assert!(public.contains(">86,00</text>"), "{public}");
    assert!(
        public.contains(r#"<td class="final num">86,00</td>"#),
        "{public}"
    );
    assert!(!public.contains(">86.00<"));
    // Both prize amounts of Juara I are named in the table.
    assert!(public.contains("Uang pembinaan Rp100.000.000"), "{public}");
    assert!(public.contains("Bantuan keuangan Rp50.000.000"), "{public}");
}
