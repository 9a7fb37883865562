//! Score saves by N concurrent judges, for `tests/load/run.sh`: every judge (one line of
//! `juara demo-judges` output: token, sheet, answers) saves its own sheet through
//! `PUT /api/v1/judge/sheets/<id>` in a loop for the given time, each save carrying the
//! version the previous one returned. Prints requests/s, p50/p99, errors and the number of
//! saves the server acknowledged (the harness compares it with the versions in the database).
//!
//!     juara-load-saves <base url> <judges.jsonl> <seconds>

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Judge {
    token: String,
    sheet: String,
    answers: Vec<Answer>,
}

#[derive(Deserialize)]
struct Answer {
    criterion_id: String,
    low: String,
    high: String,
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: u64,
    saved: u64,
}

/// One judge's loop until `deadline`.
async fn judge(client: reqwest::Client, base: String, j: Judge, deadline: Instant) -> Tally {
    let url = format!("{base}/api/v1/judge/sheets/{}", j.sheet);
    let mut tally = Tally::default();
    let mut version = 0_i64;
    while Instant::now() < deadline {
        let high = tally.saved % 2 == 1;
        let answers: Vec<_> = j
            .answers
            .iter()
            .map(|a| {
                let value = if high { &a.high } else { &a.low };
                json!({ "criterion_id": a.criterion_id, "value": value })
            })
            .collect();
        let body = json!({ "version": version, "answers": answers });
        let started = Instant::now();
        let sent = client
            .put(&url)
            .bearer_auth(&j.token)
            .json(&body)
            .send()
            .await;
        let answer = match sent {
            Ok(r) if r.status().is_success() => r.json::<serde_json::Value>().await.ok(),
            Ok(r) => {
                eprintln!("save answered {}", r.status());
                None
            }
            Err(e) => {
                eprintln!("save failed: {e}");
                None
            }
        };
        tally.latencies.push(started.elapsed());
        match answer.and_then(|a| a.get("version").and_then(serde_json::Value::as_i64)) {
            Some(v) => {
                version = v;
                tally.saved += 1;
            }
            None => tally.errors += 1,
        }
    }
    tally
}

fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    sorted[(last * p) / 100].as_secs_f64() * 1000.0
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, file, seconds] = args.as_slice() else {
        return Err("usage: juara-load-saves <base url> <judges.jsonl> <seconds>".into());
    };
    let seconds: u64 = seconds.parse().map_err(|_| "seconds must be a number")?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let judges: Vec<Judge> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{file}: {e}"))?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(judges.len())
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())?;
    let n = judges.len();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = judges
        .into_iter()
        .map(|j| tokio::spawn(judge(client.clone(), base.clone(), j, deadline)))
        .collect();
    let mut all = Tally::default();
    for t in tasks {
        let one = t.await.map_err(|e| e.to_string())?;
        all.latencies.extend(one.latencies);
        all.errors += one.errors;
        all.saved += one.saved;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.latencies.sort();
    let requests = all.latencies.len();
    // One machine-readable line for the harness: judges requests rps p50 p99 errors saved.
    println!(
        "{n} {requests} {:.1} {:.2} {:.2} {} {}",
        f64::from(u32::try_from(requests).unwrap_or(u32::MAX)) / elapsed,
        percentile(&all.latencies, 50),
        percentile(&all.latencies, 99),
        all.errors,
        all.saved
    );
    Ok(())
}
