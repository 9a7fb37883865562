//! The `juara` command: serve the app (default), create a user, load the demo, verify a
//! published results file, or move uploaded files between storage backends.

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "juara", about = "Juara — Lomba Desa dan Kelurahan")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve,
    /// Create an account; prints a generated password when none is given.
    CreateUser(juara::cli::CreateUser),
    /// Create an API token for an account; prints it once.
    CreateToken(juara::cli::CreateToken),
    /// Load a fully scored and announced sample competition into an empty database.
    Demo,
    /// Check a published results file: its hash, then the ranking and prizes recomputed.
    Verify {
        /// The file downloaded beside the results hash.
        file: std::path::PathBuf,
    },
    /// For the load harness: extra judges with a sheet and an API token each on the demo's
    /// competition in judging; prints one JSON line per judge.
    #[command(hide = true)]
    DemoJudges {
        /// The competition in judging (printed by `juara demo`).
        #[arg(long)]
        competition: uuid::Uuid,
        #[arg(long, default_value_t = 256)]
        judges: usize,
    },
    /// For BENCHMARKS.md: adds a provincial-sized competition in review and times computing
    /// its results against the database's own weighted GROUP BY over the same scores.
    #[command(hide = true)]
    ProbeResults {
        #[arg(long, default_value_t = 500)]
        entries: usize,
        #[arg(long, default_value_t = 5)]
        judges: usize,
        #[arg(long, default_value_t = 30)]
        leaves: usize,
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Uploaded files: `storage migrate --from local --to s3` copies them between backends.
    #[command(subcommand)]
    Storage(StorageCommand),
}

#[derive(Subcommand)]
enum StorageCommand {
    /// Copy every stored upload from one backend to another (the source is left as it was).
    Migrate {
        /// `local` (upload_dir), `s3` (the configured bucket) or `s3://bucket[/prefix]`.
        #[arg(long)]
        from: String,
        /// Same choices as --from.
        #[arg(long)]
        to: String,
    },
}

#[rocket::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve().await,
        Command::CreateUser(args) => juara::cli::create_user(args).await,
        Command::CreateToken(args) => juara::cli::create_token(args).await,
        Command::Demo => juara::cli::demo().await,
        Command::Verify { file } => juara::cli::verify(&file),
        Command::DemoJudges {
            competition,
            judges,
        } => juara::cli::demo_judges(competition, judges).await,
        Command::ProbeResults {
            entries,
            judges,
            leaves,
            runs,
        } => juara::cli::probe_results(entries, judges, leaves, runs).await,
        Command::Storage(StorageCommand::Migrate { from, to }) => migrate(&from, &to).await,
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("juara: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn migrate(from: &str, to: &str) -> Result<(), String> {
    let config =
        juara::AppConfig::from_figment(&juara::AppConfig::figment()).map_err(|e| e.to_string())?;
    juara::cli::storage_migrate(&config, from, to).await
}

async fn serve() -> Result<(), String> {
    let rocket = juara::ignite().await.map_err(|e| e.to_string())?;
    rocket.launch().await.map(|_| ()).map_err(|e| e.to_string())
}
