//! `resume watch`: `pdf`, again on every save.

use clap::Args;
use resume::Result;

use super::PdfArgs;

/// Options for `watch`.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// The build options, as for `pdf`.
    #[command(flatten)]
    pub pdf: PdfArgs,

    /// Stop after this many builds (for scripts and tests).
    #[arg(long, value_name = "N", hide = true)]
    pub max_builds: Option<usize>,
}

/// Watches until interrupted (or `--max-builds` builds).
pub fn run(args: &WatchArgs) -> Result<()> {
    resume::watch::watch(&args.pdf.request(), args.max_builds)
}
