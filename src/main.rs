//! The `juara` command: serve the app (default), create a user, or (re)load the registry.

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
    /// Load a fully scored and announced sample competition into an empty database.
    Demo,
}

#[rocket::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve().await,
        Command::CreateUser(args) => juara::cli::create_user(args).await,
        Command::Demo => juara::cli::demo().await,
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
