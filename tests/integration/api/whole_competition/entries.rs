//! Nominations: three village operators (accounts and tokens made through the API) find the
//! open competition, fill their profile, upload the required file and submit; the committee
//! lists what was submitted and accepts it.

use rocket::http::{ContentType, Status};
use serde_json::json;

use super::{Entry, Run, VALUES, items};
use crate::api::json;
use crate::nominations::PDF;

pub async fn nominate(run: &Run) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (i, (code, _)) in VALUES.iter().enumerate() {
        let account = json!({"username": format!("operator-{}", i + 1),
            "display_name": format!("Operator desa {code}"), "role": "village", "village_code": code});
        let (user, api) = run.admin.new_account(&run.app, &account).await;
        assert_eq!(
            (user["role"].as_str(), user["village_code"].as_str()),
            (Some("village"), Some(*code))
        );
        let (_, me) = json(api.get("/api/v1/me").await).await;
        assert_eq!(
            me["username"], user["username"],
            "the token is the operator's own"
        );

        // The competition is listed for the village while nominations are open.
        let (_, open) = json(api.get("/api/v1/competitions").await).await;
        assert!(
            items(&open, "items")
                .iter()
                .any(|c| c["id"] == run.competition.as_str()),
            "{open}"
        );
        let (_, checklist) = json(api.get(&run.path("/documents")).await).await;
        assert_eq!(items(&checklist, "items")[0]["code"], "PROFIL");

        let body = json!({"competition_id": run.competition});
        let (status, n) = json(api.post("/api/v1/nominations", &body).await).await;
        assert_eq!(status, Status::Created, "{n}");
        assert_eq!(
            (n["status"].as_str(), n["village_code"].as_str()),
            (Some("draft"), Some(*code))
        );
        let id = n["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/nominations/{id}");

        let profile = json!({"head_name": format!("Kepala Desa {}", i + 1),
            "development_status": "maju", "population": 4210 + i, "households": "1.280",
            "contact_name": "Siti Aminah", "contact_phone": "0812-2900-1234",
            "contact_email": "desa@kuduskab.go.id", "achievements": "Juara kebersihan 2024",
            "description": "Desa di Kabupaten Kudus.", "version": 0});
        let (status, saved) = json(api.put(&format!("{path}/profile"), &profile).await).await;
        assert_eq!(status, Status::Ok, "{saved}");
        assert_eq!(
            saved["profile"]["households"], 1280,
            "Indonesian thousands read as a number"
        );

        // The refused submit names what is missing; the file goes up as raw bytes.
        let (status, err) = json(api.post_empty(&format!("{path}/submit")).await).await;
        assert_eq!(
            status,
            Status::UnprocessableEntity,
            "the profile file is missing: {err}"
        );
        let upload = format!(
            "{path}/files?target=req:{}&name=profil-desa.pdf",
            run.requirement
        );
        let (status, file) = json(api.post_bytes(&upload, PDF, ContentType::PDF).await).await;
        assert_eq!(status, Status::Created, "{file}");
        assert_eq!(file["content_type"], "application/pdf");
        assert_eq!(file["size_bytes"], PDF.len());
        assert_eq!(file["requirement_id"], run.requirement.as_str());
        let download = api.get(file["download"].as_str().unwrap()).await;
        assert_eq!(download.status(), Status::Ok);
        assert_eq!(
            download.into_bytes().await.unwrap(),
            PDF,
            "served back byte for byte"
        );

        let (status, sent) = json(api.post_empty(&format!("{path}/submit")).await).await;
        assert_eq!(status, Status::Ok, "{sent}");
        assert_eq!(
            (sent["status"].as_str(), sent["editable"].as_bool()),
            (Some("submitted"), Some(false))
        );
        entries.push(Entry {
            code,
            api,
            nomination: id,
        });
    }
    entries
}

pub async fn review(run: &Run, entries: &[Entry]) {
    let admin = &run.admin;
    let (status, list) = json(
        admin
            .get(&run.path("/nominations?status=submitted&per_page=2"))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        (list["total"].as_u64(), items(&list, "items").len()),
        (Some(3), 2),
        "paged: {list}"
    );
    for e in entries {
        let path = format!("/api/v1/nominations/{}/review", e.nomination);
        let (status, n) = json(admin.post(&path, &json!({"decision": "accept"})).await).await;
        assert_eq!(status, Status::Ok, "{n}");
        assert_eq!(n["status"], "accepted");
        // The village sees the decision on its own list.
        let (_, mine) = json(e.api.get("/api/v1/nominations").await).await;
        assert_eq!(items(&mine, "items")[0]["nomination"]["status"], "accepted");
    }
    let (_, accepted) = json(admin.get(&run.path("/nominations?status=accepted")).await).await;
    assert_eq!(accepted["total"], 3);
}
