//! The presentation order once drawn: the committee page, the village's own page and the
//! public schedule all name the villages and show the same order; a bad seed is refused next
//! to its field and draws nothing.

use juara::auth::Role;
use rocket::http::Status;

use super::{Fixture, login};
use crate::common::body;

#[rocket::async_test]
async fn the_drawn_order_reaches_the_village_and_the_public() {
    let f = Fixture::new().await;
    // Nothing drawn yet: the public schedule says so.
    let html = body(f.app.get("/presentations").await).await;
    assert!(html.contains("Belum ada lomba yang mengundi"));
    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    let resp = f
        .app
        .post_form(&format!("{base}/draw"), &[("seed", "tujuh")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"id="err-seed">Nomor undian harus bilangan bulat"#));
    assert!(html.contains(r#"value="tujuh""#), "typed value kept");
    let none = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    assert!(none.is_empty(), "a refused draw draws nothing");

    f.app
        .post_form(&format!("{base}/draw"), &[("seed", "42")])
        .await;
    f.app
        .post_form(
            &format!("{base}/schedule"),
            &[("start", "2026-12-01T08:00"), ("minutes", "30")],
        )
        .await;
    let slots = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    let first_village = &f
        .entries
        .iter()
        .find(|e| e.id == slots[0].nomination_id)
        .unwrap()
        .village_code;
    let admin_page = body(f.app.get(&base).await).await;
    assert!(admin_page.contains("Bakalankrapyak"), "villages named");
    assert!(admin_page.contains("1 Desember 2026 pukul 08.00 WIB"));

    // The public schedule: every village, in order, with the seed.
    let public = body(
        f.app
            .new_browser()
            .await
            .get("/presentations")
            .dispatch()
            .await,
    )
    .await;
    assert!(public.contains("Lomba Desa Kudus 2026"));
    assert!(public.contains("<code>42</code>"), "seed published");
    let positions: Vec<usize> = ["Bakalankrapyak", "Prambatan Kidul", "Janggalan"]
        .iter()
        .map(|name| public.find(name).expect("village listed"))
        .collect();
    let order_of = |code: &str| {
        slots.iter().position(|s| {
            f.entries
                .iter()
                .any(|e| e.id == s.nomination_id && e.village_code == code)
        })
    };
    // The page lists villages in drawn order.
    let expected = {
        let mut by_slot: Vec<(usize, usize)> = ["33.19.01.2001", "33.19.01.2002", "33.19.02.2002"]
            .iter()
            .zip(&positions)
            .map(|(code, pos)| (order_of(code).unwrap(), *pos))
            .collect();
        by_slot.sort();
        by_slot.windows(2).all(|w| w[0].1 < w[1].1)
    };
    assert!(expected, "public list follows the drawn order");
    assert!(!first_village.is_empty());

    // The village operator sees its own place and time on its nomination page.
    f.app
        .create_user(Role::Village, "op_bakalan", None, Some("33.19.01.2001"))
        .await;
    let village = f.app.new_browser().await;
    login(&village, "op_bakalan").await;
    let own = f
        .entries
        .iter()
        .find(|e| e.village_code == "33.19.01.2001")
        .unwrap();
    let place = slots.iter().find(|s| s.nomination_id == own.id).unwrap();
    let html = body(
        village
            .get(format!("/village/nominations/{}", own.id))
            .dispatch()
            .await,
    )
    .await;
    let minutes = 30 * (place.position - 1);
    let time = format!("{:02}.{:02} WIB", 8 + minutes / 60, minutes % 60);
    assert!(
        html.contains(&format!(
            "Urutan Anda: ke-{} pada tahap Verifikasi lapangan",
            place.position
        )),
        "own place shown"
    );
    assert!(html.contains(&time), "own start time shown in WIB: {time}");
    assert!(
        html.contains(r#"class="mine""#),
        "own row marked in the full order"
    );
}

#[rocket::async_test]
async fn announced_and_undrawn_competitions_stay_off_the_public_schedule() {
    use sea_orm::{ActiveModelTrait, Set};
    let f = Fixture::new().await;
    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    f.app
        .post_form(&format!("{base}/draw"), &[("seed", "1")])
        .await;
    let mut c: entity::competition::ActiveModel = f.competition.clone().into();
    c.status = Set(entity::CompetitionStatus::Announced);
    c.update(&f.app.db).await.unwrap();
    let html = body(f.app.get("/presentations").await).await;
    assert!(!html.contains("Lomba Desa Kudus 2026"));
}
