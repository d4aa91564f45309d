//! `resume layouts` lists the built-in layouts; `resume layout new NAME`
//! starts one of the user's own from a built-in one, and builds it at once
//! so the user sees that it works before changing anything.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use resume::Result;
use resume::build::Request;
use resume::typeset::world::LAYOUTS;

use super::SourceArgs;

/// `resume layout …`.
#[derive(Debug, Clone, Subcommand)]
pub enum LayoutCommand {
    /// Copy a built-in layout into `layouts/NAME.typ` beside resume.toml,
    /// as a starting point, and build it once.
    New(NewArgs),
}

/// Options for `layout new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The new layout's name: lowercase letters, digits and hyphens.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The built-in layout to start from.
    #[arg(long, value_name = "LAYOUT", default_value = "classic")]
    pub from: String,

    /// Which résumé to build it with; its folder gets the layout.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Lists the built-in layouts, one line each.
pub fn list() -> Result<()> {
    let width = LAYOUTS.iter().map(|l| l.name.len()).max().unwrap_or(0);
    for layout in LAYOUTS {
        println!("{:width$}  {}", layout.name, layout.summary);
    }
    Ok(())
}

/// Runs `layout …`.
pub fn run(command: &LayoutCommand) -> Result<()> {
    let LayoutCommand::New(args) = command;
    let folder = match &args.source.input {
        Some(input) => input.parent().map(PathBuf::from).unwrap_or_default(),
        None => PathBuf::from("."),
    };
    let folder = if folder.as_os_str().is_empty() { PathBuf::from(".") } else { folder };
    let path = resume::init::new_layout(&folder, &args.name, &args.from)?;
    eprintln!("wrote {}", path.display());
    // Built at once, written nowhere: the user learns now whether it
    // compiles with their résumé.
    let request = Request {
        source: args.source.request(),
        layout: Some(path.display().to_string()),
        ..Request::default()
    };
    let jobs = resume::build::unwritten(&request)?;
    let mut built = Vec::new();
    for ((_, language, _), result) in resume::build::render_all(&jobs) {
        let (pages, warnings) = result?;
        for warning in &warnings {
            resume::error::emit(warning);
        }
        built.push(format!("{}: {pages} {}", language.code, if pages == 1 { "page" } else { "pages" }));
    }
    eprintln!("it builds ({}); next: resume pdf --layout {}", built.join(", "), args.name);
    Ok(())
}
