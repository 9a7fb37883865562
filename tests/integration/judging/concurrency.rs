//! Fifty judges saving at the same time lose nothing; concurrent saves of one sheet at the
//! same version let exactly one through.

use chrono::Utc;
use juara::app::judging::sheets as rules;
use juara::db::judging::sheets::{self, Answer, SheetInput};
use juara::domain::Points;

use super::Fixture;

#[rocket::async_test]
async fn fifty_judges_saving_concurrently_lose_nothing() {
    let f = Fixture::new().await;
    let mut jobs = Vec::new();
    for i in 0..50 {
        let judge = f.judge(&format!("juri_{i:02}"), Some("64.72")).await;
        let sheet = f.assign(i % f.entries.len(), judge.id).await;
        let ctx = sheets::find_for_judge(&f.app.db, judge.id, sheet.id)
            .await
            .unwrap()
            .unwrap();
        let value = Points::from_whole(i64::try_from(i % 5).unwrap() + 1);
        let input = SheetInput {
            version: 0,
            answers: vec![Answer {
                criterion_id: f.leaves[0].id,
                value: Some(value),
                not_applicable: false,
                comment: format!("juri {i}"),
            }],
            ..SheetInput::default()
        };
        jobs.push((ctx, input, value));
    }
    let handles: Vec<_> = jobs
        .iter()
        .cloned()
        .map(|(ctx, input, _)| {
            let db = f.app.db.clone();
            rocket::tokio::spawn(async move {
                rules::save(&db, &ctx, &input, false, Utc::now().fixed_offset()).await
            })
        })
        .collect();
    for h in handles {
        let saved = h.await.unwrap().unwrap();
        assert!(saved.is_ok(), "{saved:?}");
    }
    for (ctx, _, value) in &jobs {
        let s = f.sheet(ctx.sheet.id).await;
        assert_eq!((s.status.as_str(), s.version), ("draft", 1));
        let scores = f.scores(ctx.sheet.id).await;
        assert_eq!(scores.len(), 1);
        assert_eq!(scores[0].value, Some(value.units()));
    }
}

#[rocket::async_test]
async fn concurrent_saves_of_one_sheet_let_exactly_one_through() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_tab", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let ctx = sheets::find_for_judge(&f.app.db, judge.id, sheet.id)
        .await
        .unwrap()
        .unwrap();
    let handles: Vec<_> = (1..=5)
        .map(|v| {
            let db = f.app.db.clone();
            let ctx = ctx.clone();
            let input = SheetInput {
                version: 0,
                answers: vec![Answer {
                    criterion_id: f.leaves[0].id,
                    value: Some(Points::from_whole(v)),
                    ..Answer::default()
                }],
                ..SheetInput::default()
            };
            rocket::tokio::spawn(async move {
                rules::save(&db, &ctx, &input, false, Utc::now().fixed_offset()).await
            })
        })
        .collect();
    let mut ok = 0;
    for h in handles {
        match h.await.unwrap().unwrap() {
            Ok(_) => ok += 1,
            Err(rules::SaveRefusal::Stale { .. }) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(f.sheet(sheet.id).await.version, 1);
    assert_eq!(f.scores(sheet.id).await.len(), 1);
}
