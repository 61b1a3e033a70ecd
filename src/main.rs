//! The `caatsa-screen` binary: argument parsing and dispatch only (see [`cli`]).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
