//! `resume serve`: the preview page, rebuilt on save.

use clap::Args;
use resume::Result;
use resume::serve::{DEFAULT_PORT, ServeOptions};

use super::PdfArgs;

/// Options for `serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The build options, as for `pdf` (`--lang ko,en` shows both side by side).
    #[command(flatten)]
    pub pdf: PdfArgs,

    /// The port on 127.0.0.1; when it is busy, the next free one is taken
    /// (0 takes any).
    #[arg(long, value_name = "PORT", default_value_t = DEFAULT_PORT)]
    pub port: u16,

    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,

    /// Stop after this many builds (for scripts and tests).
    #[arg(long, value_name = "N", hide = true)]
    pub max_builds: Option<usize>,
}

/// Serves until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<()> {
    let options = ServeOptions { port: args.port, open: args.open, max_builds: args.max_builds };
    resume::serve::serve(&args.pdf.request(), &options)
}
