//! After judging: the computed ranking (a tie decided by the chain), the plenary minutes,
//! the announcement, an appeal answered by a correction (preview, then confirm), a transfer
//! on the prize ledger and the winners advancing to the provincial competition.

use rocket::http::Status;
use serde_json::{Value, json};

use super::{Entry, Run, items};
use crate::api::{JATI, NEIGHBOUR, OWN, field_error, json};
use crate::common::builders::Part;
use crate::nominations::{EXE, PDF, PNG};

/// The ranking as (village, rank, final score) and each line's prize label.
fn ranking(results: &Value) -> Vec<(String, u64, String, Option<String>)> {
    items(results, "lines")
        .iter()
        .map(|l| {
            (
                l["village"]["code"].as_str().unwrap().to_owned(),
                l["rank"].as_u64().unwrap(),
                l["final_score"].as_str().unwrap().to_owned(),
                l["prize"]["label"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn line<'a>(results: &'a Value, village: &str) -> &'a Value {
    items(results, "lines")
        .iter()
        .find(|l| l["village"]["code"] == village)
        .unwrap()
}

fn row(v: &str, rank: u64, score: &str, prize: &str) -> (String, u64, String, Option<String>) {
    (v.to_owned(), rank, score.to_owned(), Some(prize.to_owned()))
}

pub async fn results(run: &Run, entries: &[Entry]) {
    let path = format!("/api/v1/results/{}", run.competition);
    let (status, r) = json(run.admin.get(&path).await).await;
    assert_eq!(status, Status::Ok, "{r}");
    assert_eq!(
        (r["preview"].as_bool(), &r["version"]),
        (Some(true), &Value::Null)
    );
    // NEIGHBOUR and JATI tie on 76; the chain's first rule (aspect B: 85 against 70) decides.
    assert_eq!(
        ranking(&r),
        [
            row(OWN, 1, "90", "Juara I"),
            row(JATI, 2, "76", "Juara II"),
            row(NEIGHBOUR, 3, "76", "Juara III")
        ]
    );
    // The rule is named on the line it put below the other.
    let below = line(&r, NEIGHBOUR);
    assert_eq!(
        below["decided_by"],
        json!({"kind": "criterion_score", "stage": "LAP", "code": "B"})
    );
    let jati = line(&r, JATI);
    assert_eq!(jati["decided_by"], Value::Null, "above OWN on score alone");
    assert_eq!(
        (jati["shared_rank"].as_bool(), &jati["stage_scores"]),
        (Some(false), &json!(["76"]))
    );
    assert_eq!(line(&r, OWN)["prize"]["cash"], 100_000_000);
    // Nothing is public yet: the village is told there is no result.
    assert_eq!(entries[0].api.get(&path).await.status(), Status::NotFound);
}

pub async fn announce(run: &Run, entries: &[Entry]) {
    let announce = format!("/api/v1/results/{}/announce", run.competition);
    assert_eq!(
        run.admin.post(&announce, &json!({})).await.status(),
        Status::Conflict,
        "minutes first"
    );
    let minutes = json!({"held_on": "2026-11-20", "held_time": "09:30", "place": "Aula DPMPD Jawa Tengah",
        "members": "Ketua, Sekretaris, Anggota", "decision": "Menetapkan hasil penilaian lomba desa"});
    let (status, m) = json(
        run.admin
            .post(&run.path("/results/minutes"), &minutes)
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{m}");
    assert_eq!(
        (m["held_on"].as_str(), m["held_time"].as_str()),
        (Some("2026-11-20"), Some("09:30"))
    );

    let (status, done) = json(
        run.admin
            .post(&announce, &json!({"publish_comments": false}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{done}");
    assert_eq!(done["version"], 1);
    let hash = done["content_hash"].as_str().unwrap();
    assert_eq!(hash.len(), 64, "a SHA-256 in hex: {hash}");
    let (_, c) = json(run.admin.get(&run.path("")).await).await;
    assert_eq!(c["status"], "announced");
    // The results name the published rules they were computed under: version 1, as opened.
    let (status, rules) = json(
        entries[1]
            .api
            .get(&format!("/api/v1/competitions/{}/rules", run.competition))
            .await,
    )
    .await;
    assert_eq!(
        (status, rules["in_force"].as_i64()),
        (Status::Ok, Some(1)),
        "{rules}"
    );
    let id = uuid::Uuid::parse_str(&run.competition).unwrap();
    let snapshot = juara::db::results::snapshots::current(&run.app.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(snapshot.rules_version, Some(1));

    // Public now: the village reads the same version, and its own protocol.
    let (status, r) = json(
        entries[1]
            .api
            .get(&format!("/api/v1/results/{}", run.competition))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{r}");
    assert_eq!(
        (
            r["preview"].as_bool(),
            r["version"].as_i64(),
            r["content_hash"].as_str()
        ),
        (Some(false), Some(1), Some(hash))
    );
    let (status, p) = json(
        entries[1]
            .api
            .get(&format!("/api/v1/results/{}/protocol", run.competition))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{p}");
    assert_eq!(
        (
            p["line"]["rank"].as_u64(),
            p["line"]["final_score"].as_str()
        ),
        (Some(3), Some("76"))
    );
    assert_eq!(p["can_appeal"], true);
}

pub async fn appeal_and_correction(run: &Run, entries: &[Entry]) {
    let neighbour = &entries[1];
    assert_eq!(neighbour.code, NEIGHBOUR);
    let appeals = format!("/api/v1/results/{}/appeals", run.competition);
    // The appeal comes with its evidence as multipart; a disguised program is refused first.
    let text = "Nilai B.1 dari salah satu juri tercatat 70, seharusnya 80.";
    let with = |file: &'static [u8]| {
        [
            Part::Text("body", text),
            Part::File("attachment", "bukti-nilai.pdf", file),
        ]
    };
    let (status, err) = json(neighbour.api.post_multipart(&appeals, &with(EXE)).await).await;
    field_error(status, &err, "attachment");
    let (status, appeal) = json(neighbour.api.post_multipart(&appeals, &with(PDF)).await).await;
    assert_eq!(status, Status::Created, "{appeal}");
    assert_eq!(
        (appeal["body"].as_str(), appeal["attachment"].as_str()),
        (Some(text), Some("bukti-nilai.pdf"))
    );
    assert_eq!(appeal["status"], "open");
    let (_, listed) = json(run.admin.get(&appeals).await).await;
    assert_eq!(listed["total"], 1);

    // The committee finds one judge's B.1 score of NEIGHBOUR and corrects it to 80.
    let scores = run.path(&format!("/results/scores/{}", neighbour.nomination));
    let (status, list) = json(run.admin.get(&scores).await).await;
    assert_eq!(status, Status::Ok, "{list}");
    let b1: Vec<&Value> = items(&list, "items")
        .iter()
        .filter(|s| s["criterion"].as_str().unwrap().starts_with("B.1"))
        .collect();
    assert_eq!(
        (b1.len(), b1[0]["value"].as_str()),
        (2, Some("70")),
        "{list}"
    );
    let corrections = run.path("/results/corrections");
    let mut body = json!({"nomination_id": neighbour.nomination, "reason": "Sanggahan diterima: salah catat",
        "appeal_id": appeal["id"], "values": {b1[0]["id"].as_str().unwrap(): "80"}});
    let (status, preview) = json(run.admin.post(&corrections, &body).await).await;
    assert_eq!(status, Status::Ok, "{preview}");
    assert!(
        !items(&preview, "rows").is_empty(),
        "the preview shows what moves: {preview}"
    );
    body["confirm"] = preview["confirm"].clone();
    let (status, done) = json(run.admin.post(&corrections, &body).await).await;
    assert_eq!(status, Status::Created, "{done}");
    assert_eq!(done["version"], 2);

    // B.1 of NEIGHBOUR is now (70 + 80) / 2 = 75: 30 + 18 + 30 = 78, ahead of JATI.
    let (_, r) = json(
        neighbour
            .api
            .get(&format!("/api/v1/results/{}", run.competition))
            .await,
    )
    .await;
    assert_eq!(r["version"], 2);
    assert_eq!(
        ranking(&r),
        [
            row(OWN, 1, "90", "Juara I"),
            row(NEIGHBOUR, 2, "78", "Juara II"),
            row(JATI, 3, "76", "Juara III")
        ]
    );
    let (_, listed) = json(run.admin.get(&appeals).await).await;
    assert_ne!(
        items(&listed, "items")[0]["status"],
        "open",
        "answered by the correction: {listed}"
    );
    let (_, versions) = json(
        run.admin
            .get(&format!("/api/v1/results/{}/snapshots", run.competition))
            .await,
    )
    .await;
    assert_eq!(versions["total"], 2);
}

pub async fn ledger(run: &Run, entries: &[Entry]) {
    let (status, ledger) = json(run.admin.get(&run.path("/results/ledger")).await).await;
    assert_eq!(status, Status::Ok, "{ledger}");
    assert_eq!(
        (
            ledger["version"].as_i64(),
            ledger["total_due"].as_i64(),
            ledger["total_paid"].as_i64()
        ),
        (Some(2), Some(225_000_000), Some(0))
    );
    let first = items(&ledger, "entries")
        .iter()
        .find(|e| e["rank"] == 1)
        .unwrap();
    assert_eq!(
        (
            first["nomination_id"].as_str(),
            first["cash"]["due"].as_i64()
        ),
        (Some(entries[0].nomination.as_str()), Some(100_000_000))
    );
    // The transfer with its proof as multipart (money also typed as "Rp…").
    let (winner, today) = (
        entries[0].nomination.as_str(),
        crate::results::advancement::today(),
    );
    let with = |proof: &'static [u8]| {
        [
            ("nomination_id", winner),
            ("kind", "cash"),
            ("amount", "Rp100.000.000"),
            ("account", "Bank Jateng 1234567890"),
            ("reference", "SP2D-0042"),
            ("paid_on", today.as_str()),
        ]
        .map(|(k, v)| Part::Text(k, v))
        .into_iter()
        .chain([Part::File("proof", "bukti-transfer.png", proof)])
        .collect::<Vec<_>>()
    };
    let pay = run.path("/results/disbursements");
    let (status, err) = json(run.admin.post_multipart(&pay, &with(EXE)).await).await;
    field_error(status, &err, "proof");
    let (status, paid) = json(run.admin.post_multipart(&pay, &with(PNG)).await).await;
    assert_eq!(status, Status::Created, "{paid}");
    assert_eq!(
        (paid["amount"].as_i64(), paid["has_proof"].as_bool()),
        (Some(100_000_000), Some(true))
    );
    let (_, after) = json(run.admin.get(&run.path("/results/ledger")).await).await;
    assert_eq!(after["total_paid"], 100_000_000);
    let payments = items(&after, "payments");
    assert_eq!(
        (payments.len(), payments[0]["has_proof"].as_bool()),
        (1, Some(true)),
        "one transfer, with its proof"
    );
}

pub async fn advance(run: &Run, entries: &[Entry]) {
    let body = super::setup::body("Lomba Desa Provinsi Jawa Tengah", "provinsi", "33");
    let (status, above) = json(run.admin.post("/api/v1/competitions", &body).await).await;
    assert_eq!(status, Status::Created, "{above}");
    let target = above["id"].as_str().unwrap();
    let advance = run.path("/results/advance");
    let body = json!({"target": target, "top": 2});
    assert_eq!(
        run.admin.post(&advance, &body).await.status(),
        Status::Conflict,
        "appeal windows still open"
    );

    // Time passes (the one thing a script cannot do): every appeal window closes.
    let id = uuid::Uuid::parse_str(&run.competition).unwrap();
    crate::results::advancement::announced_days_ago(&run.app, id, 8).await;
    let (status, moved) = json(run.admin.post(&advance, &body).await).await;
    assert_eq!(status, Status::Created, "{moved}");
    assert_eq!(items(&moved, "created").len(), 2, "{moved}");
    let (_, listed) = json(
        run.admin
            .get(&format!("/api/v1/competitions/{target}/nominations"))
            .await,
    )
    .await;
    let mut villages: Vec<(&str, &str)> = items(&listed, "items")
        .iter()
        .map(|n| {
            (
                n["village_code"].as_str().unwrap(),
                n["origin"].as_str().unwrap(),
            )
        })
        .collect();
    villages.sort_unstable();
    assert_eq!(villages, [(OWN, "advanced"), (entries[1].code, "advanced")]);
}
