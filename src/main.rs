//! The `decant` binary: parse arguments, run the command, map errors to
//! exit codes. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    let cli = decant::cli::Cli::parse();
    match decant::cli::run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(error) => {
            eprintln!("decant: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Blocks of at least this many bytes get a mapping of their own, returned
/// to the system when freed. glibc's default (128 KiB) rises by itself to
/// the size of each large block freed, up to 32 MiB: after the writer's
/// first 16 MiB row group, every buffer below that came from the heaps,
/// whose freed holes are kept, and a run's peak memory grew with its
/// length (133 MB at 30,000 pages, 90 MB with this bound; README, Memory).
/// 1 MiB keeps the many mid-sized blocks of a page (its bytes, its text)
/// on the heaps, where they are cheap.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD_BYTES: libc::c_int = 1024 * 1024;

/// Fixes glibc's mmap threshold at [`MMAP_THRESHOLD_BYTES`] (which also
/// stops its growth), as `MALLOC_MMAP_THRESHOLD_=1048576` would. Other
/// allocators return large blocks by themselves.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks_to_the_system() {
    // SAFETY: mallopt sets one of the allocator's tuning parameters; it is
    // called first thing in `main`, before any other thread exists. Its
    // result (0 when refused) leaves the defaults, which work too.
    let _ = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks_to_the_system() {}
