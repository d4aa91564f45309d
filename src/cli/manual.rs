//! `resume completions` and `resume man`: both from the same clap
//! definitions as the commands themselves.

use clap::{Args, CommandFactory};
use resume::Result;

use super::Cli;

/// Options for `completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> Result<()> {
    clap_complete::generate(args.shell, &mut Cli::command(), "resume", &mut std::io::stdout());
    Ok(())
}

/// Prints the manual page (roff).
pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|err| resume::Error::new(format!("cannot render the manual: {err}")))?;
    use std::io::Write;
    // A closed pipe (`resume man | head`) is not an error.
    let _ = std::io::stdout().write_all(&page);
    Ok(())
}
