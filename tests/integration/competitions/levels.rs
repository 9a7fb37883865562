//! Level descriptors (*rubrik*) of an indicator: entered one per line in the criterion form or
//! as a JSON array through the API, checked against the indicator's scale, shipped by the
//! built-in templates, copied by clones, and shown on the judge's sheet beside the input.

use rocket::http::Status;
use sea_orm::{ActiveModelTrait, Set};

use super::*;
use crate::common::body;

fn levels_of(k: &criterion::Model) -> Vec<(i64, String)> {
    juara::db::competition_setup::levels_of(k)
        .into_iter()
        .map(|l| (l.value.units(), l.text))
        .collect()
}

#[rocket::async_test]
async fn levels_are_checked_against_the_scale_and_a_refusal_keeps_what_was_typed() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let s = stages(&app, id).await;
    let path = format!("/admin/competitions/{id}/stages/{}/criteria", s[2].id);
    let leaf = |levels: &'static str| {
        vec![
            ("parent_id", ""),
            ("code", "P4"),
            ("name", "Kekompakan tim"),
            ("weight", "0"),
            ("scale_min", "0"),
            ("scale_max", "100"),
            ("scale_step", "5"),
            ("levels", levels),
        ]
    };
    let before = criteria(&app, s[2].id).await.len();
    for (levels, message) in [
        ("baik sekali", "Setiap baris harus berbentuk"),
        (
            "101 = Melebihi\n70 = Cukup",
            "harus ada pada skala indikator",
        ),
        (
            "72 = Tidak pada kelipatan",
            "harus ada pada skala indikator",
        ),
        ("70 = Cukup\n70: Lagi", "hanya boleh diuraikan sekali"),
        ("70 = ", "harus diisi"),
    ] {
        let resp = app.post_form(&path, &leaf(levels)).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{levels}");
        let html = body(resp).await;
        assert!(html.contains(message), "{levels}: {message}");
        assert!(
            html.contains(levels.lines().next().unwrap().trim()),
            "typed text kept"
        );
        assert!(html.contains("err-levels"), "the error sits at the field");
    }
    assert_eq!(
        criteria(&app, s[2].id).await.len(),
        before,
        "nothing stored"
    );

    // Entered in any order, with `:` or `=` and a decimal comma; stored in value order.
    let resp = app
        .post_form(
            &path,
            &leaf("95 = Istimewa\n 65: Cukup \n\n82,5 = Di antara"),
        )
        .await;
    assert_eq!(
        resp.status(),
        Status::UnprocessableEntity,
        "82,5 is off the step of 5"
    );
    let resp = app
        .post_form(&path, &leaf("95 = Istimewa\n 65: Cukup "))
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let k = criteria(&app, s[2].id)
        .await
        .into_iter()
        .find(|k| k.code == "P4")
        .unwrap();
    assert_eq!(
        levels_of(&k),
        vec![(650_000, "Cukup".into()), (950_000, "Istimewa".into())]
    );
    let edit = body(
        app.get(&format!("/admin/competitions/{id}/criteria/{}/edit", k.id))
            .await,
    )
    .await;
    assert!(
        edit.contains("65 = Cukup\n95 = Istimewa"),
        "the form shows them again"
    );

    // An aspect (no scale) has no levels.
    let resp = app
        .post_form(
            &path,
            &[
                ("code", "P5"),
                ("name", "Aspek"),
                ("weight", "0"),
                ("levels", "3 = cukup"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("hanya untuk indikator yang punya skala")
    );
}

#[rocket::async_test]
async fn templates_ship_levels_for_every_indicator_and_clones_copy_them() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let mut leaves = 0;
    for s in stages(&app, id).await {
        for k in criteria(&app, s.id).await {
            if k.scale_min.is_some() {
                leaves += 1;
                assert!(levels_of(&k).len() >= 4, "{} has its levels", k.code);
            } else {
                assert!(levels_of(&k).is_empty(), "{} is an aspect", k.code);
            }
        }
    }
    assert!(leaves > 35);
    // The committee rewords one; the clone carries the reworded text.
    let s = stages(&app, id).await;
    let mut k: criterion::ActiveModel = criteria(&app, s[2].id).await[0].clone().into();
    k.levels = Set(r#"[{"value":700000,"text":"Kata panitia"}]"#.into());
    k.update(&app.db).await.unwrap();
    let copy = clone_to(&app, id, "2027").await;
    let copied = stages(&app, copy).await;
    let (old, new) = (
        criteria(&app, s[2].id).await,
        criteria(&app, copied[2].id).await,
    );
    assert_eq!(old.len(), new.len());
    for (a, b) in old.iter().zip(&new) {
        assert_eq!((&a.code, levels_of(a)), (&b.code, levels_of(b)));
    }
    assert!(
        new.iter()
            .any(|k| levels_of(k) == vec![(700_000, "Kata panitia".into())])
    );
}
