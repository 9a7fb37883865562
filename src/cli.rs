//! Command-line tasks beside serving: creating an account from a shell (e.g. a provincial
//! admin on a new installation).

use crate::app::accounts::{self, AccountInput};
use crate::auth::password;
use crate::config::AppConfig;

/// `juara create-user --username … --role admin|judge|village [--region …] [--village …]`
#[derive(clap::Args)]
pub struct CreateUser {
    #[arg(long)]
    pub username: String,
    /// Full name shown in the app.
    #[arg(long)]
    pub name: String,
    /// admin, judge or village.
    #[arg(long)]
    pub role: String,
    /// Admin scope or judge home region (a region code such as 64 or 64.02).
    #[arg(long, default_value = "")]
    pub region: String,
    /// Village code for a village operator (e.g. 64.02.01.2001).
    #[arg(long, default_value = "")]
    pub village: String,
    /// Password; generated and printed when omitted. Prefer JUARA_NEW_PASSWORD to keep it
    /// out of the shell history.
    #[arg(
        long,
        env = "JUARA_NEW_PASSWORD",
        default_value = "",
        hide_env_values = true
    )]
    pub password: String,
}

/// Runs the command against the configured database (migrating and loading it as needed).
pub async fn create_user(args: CreateUser) -> Result<(), String> {
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment).map_err(|e| e.to_string())?;
    let db = crate::startup::prepare(&config)
        .await
        .map_err(|e| e.to_string())?;
    let input = AccountInput {
        username: args.username,
        display_name: args.name,
        role: args.role,
        region_code: args.region,
        village_code: args.village,
        password: args.password,
    };
    let passwords = password::SCHEME;
    let (user, generated) = match accounts::create(&db, &input, None, passwords)
        .await
        .map_err(|e| e.to_string())?
    {
        Ok(c) => c,
        Err(errors) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|(field, key)| format!("{field}: {}", crate::i18n::t("en", key)))
                .collect();
            return Err(lines.join("; "));
        }
    };
    println!("created {} ({})", user.username, user.role);
    if let Some(p) = generated {
        println!("password: {p}");
    }
    Ok(())
}

/// `juara demo`: loads the sample competition into an empty database and prints the accounts.
pub async fn demo() -> Result<(), String> {
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment).map_err(|e| e.to_string())?;
    let db = crate::startup::prepare(&config)
        .await
        .map_err(|e| e.to_string())?;
    let report = crate::demo::load(&db).await.map_err(|e| e.to_string())?;
    println!(
        "demo loaded: {} ({})",
        report.competition_name, report.competition_id
    );
    println!("results hash: {}", report.content_hash);
    for (username, password, role) in &report.accounts {
        println!("  {role:<8} {username:<14} {password}");
    }
    println!("public winners page: /results/{}", report.competition_id);
    println!(
        "still in judging (log in as demo-juri-1): /admin/competitions/{}/judging",
        report.judging_competition_id
    );
    println!(
        "open for nominations (log in as demo-desa): /village ({})",
        report.open_competition_id
    );
    Ok(())
}

/// `juara demo-judges --competition <id> --judges <n>` (hidden; for `tests/load/`).
pub async fn demo_judges(competition: uuid::Uuid, n: usize) -> Result<(), String> {
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment).map_err(|e| e.to_string())?;
    let db = crate::startup::prepare(&config)
        .await
        .map_err(|e| e.to_string())?;
    let judges = crate::demo::load_judges::load(&db, competition, n)
        .await
        .map_err(|e| e.to_string())?;
    for j in &judges {
        println!("{}", serde_json::to_string(j).map_err(|e| e.to_string())?);
    }
    Ok(())
}

/// `juara probe-results` (hidden; for BENCHMARKS.md): seeds a field and prints the timings.
pub async fn probe_results(
    entries: usize,
    judges: usize,
    leaves: usize,
    runs: usize,
) -> Result<(), String> {
    if entries == 0 || judges == 0 || leaves == 0 || runs == 0 {
        return Err("--entries, --judges, --leaves and --runs must be at least 1".to_owned());
    }
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment).map_err(|e| e.to_string())?;
    let db = crate::startup::prepare(&config)
        .await
        .map_err(|e| e.to_string())?;
    let p = crate::demo::probe_results::run(&db, entries, judges, leaves, runs)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "{} entries x {} judges x {} indicators ({} scores), median of {runs}:",
        p.entries,
        p.judges,
        p.leaves,
        p.entries * p.judges * p.leaves
    );
    println!(
        "  results::compute (load + engine + prizes): {:?}",
        p.compute
    );
    println!(
        "  weighted GROUP BY in the database:        {:?}",
        p.group_by
    );
    println!("  ratio: {:.2}x", p.ratio());
    Ok(())
}

/// `juara verify <file>`: checks a published results file offline (no database): its hash,
/// then the whole ranking and prize allocation recomputed with the engine.
pub fn verify(path: &std::path::Path) -> Result<(), String> {
    use crate::results::verify;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: verify::ResultFile = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a Juara results file: {e}", path.display()))?;
    let b = &file.bundle;
    println!(
        "{} ({}), version {}",
        b.competition_name, b.competition_id, b.version
    );
    if !b.reason.is_empty() {
        println!("correction reason: {}", b.reason);
    }
    println!("hash: {}", file.content_hash);
    let verdict = verify::check(&file);
    println!(
        "hash {} / hash {}",
        if verdict.hash_matches {
            "cocok"
        } else {
            "TIDAK COCOK"
        },
        if verdict.hash_matches {
            "matches"
        } else {
            "DOES NOT MATCH"
        },
    );
    for d in &verdict.differences {
        println!("  - {d}");
    }
    if verdict.ok() {
        println!(
            "peringkat dan hadiah dihitung ulang: cocok / ranking and prizes recomputed: match ({} lines)",
            b.outputs.lines.len()
        );
        Ok(())
    } else {
        Err("the file does not verify / berkas tidak lolos pemeriksaan".to_owned())
    }
}

/// `juara create-token --username … --name …`: an API token for an existing account, printed
/// once (only its hash is kept) — for an integrator's first script, before any page is used.
#[derive(clap::Args)]
pub struct CreateToken {
    #[arg(long)]
    pub username: String,
    /// What the token is for (shown on the account's token page).
    #[arg(long, default_value = "cli")]
    pub name: String,
}

/// Makes the token; refuses an unknown or deactivated account.
pub async fn create_token(args: CreateToken) -> Result<(), String> {
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment).map_err(|e| e.to_string())?;
    let db = crate::startup::prepare(&config)
        .await
        .map_err(|e| e.to_string())?;
    let username = args.username.trim().to_lowercase();
    let user = crate::db::users::find_by_username(&db, &username)
        .await
        .map_err(|e| e.to_string())?
        .filter(|u| u.active)
        .ok_or_else(|| format!("no active account named {username}"))?;
    let name = args.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err("--name: 1 to 100 characters".to_owned());
    }
    let (token, prefix, hash) = crate::auth::api::generate();
    crate::db::api_tokens::insert(&db, user.id.into(), name, &prefix, &hash)
        .await
        .map_err(|e| e.to_string())?;
    println!("{token}");
    Ok(())
}

/// `juara storage migrate --from local --to s3`: copies every stored upload from one backend to
/// the other (`local` is `upload_dir`; `s3` is the configured `storage` bucket; a full
/// `s3://bucket[/prefix]` names another). The source is left as it was.
pub async fn storage_migrate(config: &AppConfig, from: &str, to: &str) -> Result<(), String> {
    let (from, to) = (storage_named(config, from)?, storage_named(config, to)?);
    println!("copying {} -> {}", from.describe(), to.describe());
    let done = crate::storage::migrate(&from, &to)
        .await
        .map_err(|e| format!("migration stopped: {e}"))?;
    println!(
        "{} copied, {} already there; the source is unchanged",
        done.copied, done.present
    );
    Ok(())
}

fn storage_named(config: &AppConfig, name: &str) -> Result<crate::storage::Storage, String> {
    let mut named = config.clone();
    named.storage = match name {
        "local" => "local".to_owned(),
        "s3" if config.storage.starts_with("s3://") => config.storage.clone(),
        "s3" => {
            return Err(
                "`s3` means the configured storage, but JUARA_STORAGE is not s3://…".into(),
            );
        }
        spec => spec.to_owned(),
    };
    named.open_storage().map_err(|e| e.to_string())
}
