//! The ledger's guarantees at the database level: the unique indexes refuse a repeated
//! reference and a second reversal whatever the code path, triggers refuse any change or
//! removal of a recorded row, and the migration that adds them
//! keeps every transfer recorded twice before it (later repeats get a suffix).

use sea_orm::{ConnectionTrait, Database, EntityTrait};
use uuid::Uuid;

use crate::common::TestApp;

#[rocket::async_test]
async fn the_database_refuses_a_repeated_reference_and_a_second_reversal() {
    use juara::db::results::disbursements::{self, NewDisbursement};
    let app = TestApp::new().await;
    let c = super::ledger::announced(&app).await;
    let new = || NewDisbursement {
        nomination_id: c.noms[0],
        kind: "cash".into(),
        amount: 1,
        recipient_account: "x".into(),
        reference: "DUP".into(),
        paid_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        proof: None,
    };
    let by = Uuid::new_v4();
    let d = disbursements::insert(&app.db, c.id, new(), by)
        .await
        .expect("first");
    assert!(
        disbursements::insert(&app.db, c.id, new(), by)
            .await
            .is_err()
    );
    disbursements::insert_reversal(&app.db, &d, "a".into(), by)
        .await
        .expect("first reversal");
    assert!(
        disbursements::insert_reversal(&app.db, &d, "b".into(), by)
            .await
            .is_err()
    );
    // Append-only: no row of the ledger is ever changed or removed, whatever the path.
    for sql in [
        "UPDATE disbursement SET amount = 2",
        "DELETE FROM disbursement",
        "UPDATE disbursement_reversal SET reason = 'c'",
        "DELETE FROM disbursement_reversal",
    ] {
        let refused = app.db.execute_unprepared(sql).await;
        assert!(
            refused.is_err_and(|e| e.to_string().contains("append-only")),
            "{sql}"
        );
    }
    let kept = entity::disbursement::Entity::find()
        .all(&app.db)
        .await
        .expect("rows");
    assert_eq!((kept.len(), kept[0].amount), (1, 1));
}

#[rocket::async_test]
async fn the_migration_keeps_references_repeated_before_it() {
    use migration::{Migrator, MigratorTrait};
    // Always on a private SQLite file: the migration's statements come from the same query
    // builder on both databases, and an old schema is easiest to stage here.
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("m.db").display());
    let db = Database::connect(&url).await.expect("connect");
    Migrator::up(&db, Some(7)).await.expect("up to results");
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .expect("pragma");
    let (c, n) = (Uuid::new_v4(), Uuid::new_v4());
    for (i, reference) in ["TRX-001", "TRX-001", "TRX-002", "TRX-001"]
        .iter()
        .enumerate()
    {
        let stmt = sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "INSERT INTO disbursement (id, competition_id, nomination_id, kind, amount, \
             recipient_account, reference, paid_on, recorded_at) \
             VALUES (?, ?, ?, 'cash', 1, 'x', ?, '2026-11-30', ?)",
            [
                Uuid::new_v4().into(),
                c.into(),
                n.into(),
                (*reference).into(),
                format!("2026-11-30T10:0{i}:00+07:00").into(),
            ],
        );
        db.execute_raw(stmt).await.expect("old row");
    }
    Migrator::up(&db, None).await.expect("ledger migration");
    let mut refs: Vec<String> = entity::disbursement::Entity::find()
        .all(&db)
        .await
        .expect("rows")
        .into_iter()
        .map(|d| d.reference)
        .collect();
    refs.sort();
    assert_eq!(
        refs,
        [
            "TRX-001",
            "TRX-001 (duplikat 2)",
            "TRX-001 (duplikat 3)",
            "TRX-002"
        ]
    );
}
