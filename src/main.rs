//! The `juara` command: serve the app (default), create a user, load the demo, or verify a
//! published results file.

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
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("juara: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<(), String> {
    let rocket = juara::ignite().await.map_err(|e| e.to_string())?;
    rocket.launch().await.map(|_| ()).map_err(|e| e.to_string())
}
