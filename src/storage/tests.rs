use super::*;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn count(folder: &Path) -> usize {
    std::fs::read_dir(folder).map_or(0, Iterator::count)
}

#[tokio::test]
async fn a_pending_file_vanishes_unless_kept() {
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::Local(dir.path().to_path_buf());
    let comp = Uuid::new_v4();
    let folder = dir.path().join(comp.to_string());

    drop(storage.put_new(comp, FileKind::Pdf, PDF).await.unwrap());
    assert_eq!(count(&folder), 0, "a dropped pending file is removed");

    let pending = storage.put_new(comp, FileKind::Pdf, PDF).await.unwrap();
    assert_eq!(
        count(&folder),
        1,
        "written whole under its final name, no temporary left"
    );
    pending.discard().await;
    assert_eq!(count(&folder), 0, "a discarded file is removed");

    let pending = storage.put_new(comp, FileKind::Pdf, PDF).await.unwrap();
    let name = pending.stored_name().to_owned();
    pending.keep();
    assert_eq!(storage.read(&name).await.unwrap().as_deref(), Some(PDF));
    assert_eq!(storage.list().await.unwrap(), vec![name.clone()]);
    storage.remove(&name).await.unwrap();
    assert_eq!(count(&folder), 0);
    storage.remove(&name).await.unwrap();
    assert_eq!(
        storage.read(&name).await.unwrap(),
        None,
        "gone is None, not an error"
    );
}

#[tokio::test]
async fn names_we_never_generate_are_neither_read_nor_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.pdf"), PDF).unwrap();
    let storage = Storage::Local(dir.path().join("uploads"));
    for bad in ["../secret.pdf", "x/y.pdf", "/etc/passwd"] {
        assert_eq!(storage.read(bad).await.unwrap(), None, "{bad}");
        assert!(storage.put(bad, PDF.to_vec()).await.is_err(), "{bad}");
        storage.remove(bad).await.unwrap();
    }
    assert!(dir.path().join("secret.pdf").exists());
}

#[tokio::test]
async fn migrate_copies_what_the_target_lacks_and_keeps_the_source() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let from = Storage::Local(a.path().to_path_buf());
    let to = Storage::Local(b.path().to_path_buf());
    let comp = Uuid::new_v4();
    let one = from.put_new(comp, FileKind::Pdf, PDF).await.unwrap();
    let two = from.put_new(comp, FileKind::Pdf, b"%PDF-2").await.unwrap();
    let names = [one.stored_name().to_owned(), two.stored_name().to_owned()];
    one.keep();
    two.keep();
    to.put(&names[1], b"%PDF-other".to_vec()).await.unwrap();
    let done = migrate(&from, &to).await.unwrap();
    assert_eq!(
        done,
        Migrated {
            copied: 2,
            present: 0
        }
    );
    assert_eq!(
        to.read(&names[1]).await.unwrap().as_deref(),
        Some(&b"%PDF-2"[..])
    );
    assert_eq!(
        from.list().await.unwrap().len(),
        2,
        "the source is left as it was"
    );
    let again = migrate(&from, &to).await.unwrap();
    assert_eq!(
        again,
        Migrated {
            copied: 0,
            present: 2
        }
    );
}

#[test]
fn the_setting_names_a_directory_or_a_bucket() {
    let dir = Path::new("/tmp/x");
    let none = S3Settings::default();
    assert!(matches!(
        Storage::open("", dir, &none),
        Ok(Storage::Local(_))
    ));
    assert!(matches!(
        Storage::open("local", dir, &none),
        Ok(Storage::Local(_))
    ));
    assert!(matches!(
        Storage::open("ftp://x", dir, &none),
        Err(StorageError::Spec(_))
    ));
    assert!(matches!(
        Storage::open("s3://", dir, &none),
        Err(StorageError::Spec(_))
    ));
    let s3 = S3Settings {
        endpoint: Some("http://127.0.0.1:1".into()),
        region: Some("us-east-1".into()),
        access_key: Some("k".into()),
        secret_key: Some("s".into()),
    };
    let opened = Storage::open("s3://juara/prod/", dir, &s3).unwrap();
    assert_eq!(opened.describe(), "bucket s3://juara/prod");
}
