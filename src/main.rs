//! The `caatsa-screen` binary: argument parsing and dispatch only (see [`cli`]).

mod cli;

/// mimalloc instead of the system allocator: screening allocates many small, short-lived strings
/// on every worker thread, where glibc's allocator spent a third of the time consolidating.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
