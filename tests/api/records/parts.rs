//! Records larger than one stored part (1 MiB packed) are written in parts and read back whole,
//! on both backends; a record written before parts existed (blobs in `screenings`) still reads.

use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::screening::Screener;
use caatsa_screen::store::keep;
use caatsa_screen::store::packing::compress;

use super::backend::Backend;
use super::store_at;
use crate::on_both;

/// `n` bytes that do not compress (xorshift), so the packed copy spans several parts and spills
/// to a spool file.
fn incompressible(n: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn a_screening() -> caatsa_screen::screening::Screening {
    let screener = Screener::new(Arc::new(KnowledgeBase::builtin().expect("builtin")));
    let manifest = caatsa_screen::manifest::read(
        crate::api::support::DEMO_MANIFEST.as_bytes(),
        caatsa_screen::manifest::InputFormat::Csv,
    )
    .expect("the demo reads");
    screener.screen(&manifest.lines, manifest.errors, manifest.warnings)
}

async fn large_records_are_stored_in_parts_and_read_back_whole(backend: Backend) {
    let store = store_at(&backend.fresh_url().await).await;
    let screening = a_screening();
    let manifest = incompressible(5 << 20);
    let json = serde_json::to_vec(&screening).unwrap();
    let row = keep::record(&screening, "t1", None, "csv", &manifest, &json).expect("packed");
    assert!(row.manifest.len() > 4 << 20, "several parts");
    store.insert_screening(row).await.expect("stored");
    let stored = store
        .screening("t1", &screening.screening_id)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(stored.manifest().expect("whole"), manifest);
    assert_eq!(stored.result().expect("whole"), screening);
    assert_eq!(stored.row.input_bytes, manifest.len() as u64);
    assert!(store
        .screening("t2", &screening.screening_id)
        .await
        .expect("read")
        .is_none());
    let pruned = store.prune(i64::MAX).await.expect("pruned");
    assert_eq!(pruned.screenings, 1);
}
on_both!(large_records_are_stored_in_parts_and_read_back_whole);

#[tokio::test]
async fn a_record_stored_before_parts_existed_still_reads_back() {
    let url = Backend::Sqlite.fresh_url().await;
    let store = store_at(&url).await;
    let screening = a_screening();
    let json = serde_json::to_vec(&screening).unwrap();
    let manifest = b"Supplier,Country\nACME,CN\n";
    let row = keep::record(&screening, "t1", None, "csv", manifest, &json).expect("packed");
    store.insert_screening(row).await.expect("stored");
    drop(store);
    // Rewrite the row as the earlier program wrote it: size-prefixed blocks in the row itself.
    let path = url.trim_start_matches("sqlite://");
    let conn = rusqlite::Connection::open(path).expect("the database opens");
    conn.execute(
        "UPDATE screenings SET manifest_gz = ?1, result_gz = ?2",
        rusqlite::params![compress(manifest), compress(&json)],
    )
    .unwrap();
    conn.execute("DELETE FROM screening_parts", []).unwrap();
    drop(conn);
    let stored = store_at(&url)
        .await
        .screening("t1", &screening.screening_id)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(stored.manifest().unwrap(), manifest);
    assert_eq!(stored.result().unwrap(), screening);
}
