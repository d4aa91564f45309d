//! The `resume` binary: parse the command line, run the command, print
//! the error if there is one, and exit with its status. The commands live
//! in [`cli`], one file each; the work, in the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// Every allocation passes the memory ceiling's check (see
/// [`resume::limits::Guarded`]).
#[global_allocator]
static ALLOCATOR: resume::limits::Guarded = resume::limits::Guarded;

fn main() -> ExitCode {
    resume::heap::prepare();
    quiet_on_closed_pipe();
    let cli = cli::Cli::parse();
    resume::limits::set(cli.limits());
    resume::limits::set_on_exceeded(report_and_exit);
    match cli.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            resume::error::emit(&err);
            ExitCode::FAILURE
        }
    }
}

/// A build past its time or memory limit cannot be stopped: its error is
/// reported and the process ends, as a failed command does.
fn report_and_exit(error: &resume::Error) -> ! {
    resume::error::emit(error);
    std::process::exit(1)
}

/// `resume i18n missing | head` closes the pipe early: like other Unix
/// tools, the process then ends quietly by the signal (status 141 in a
/// shell) instead of panicking in `println!`. Rust ignores SIGPIPE by
/// default; this restores the usual behaviour.
fn quiet_on_closed_pipe() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: setting a signal's disposition to the default before any
    // thread starts has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
