//! `resume html`: the résumé as a web page, every language in one page
//! with a switch, in a folder to publish (or one file).

use std::path::{Path, PathBuf};

use clap::Args;
use resume::{Result, build};

use super::SourceArgs;

/// Options for `html`.
#[derive(Debug, Clone, Args)]
pub struct HtmlArgs {
    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// The languages, in the page's order [default: ko,en].
    #[arg(short, long, value_name = "LANG,…", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// A profile's selection (its `only`, `hide` and `first`).
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Keep these only (selectors, as for `pdf`).
    #[arg(long, value_name = "SELECTOR,…", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Leave these out (selectors, as for `pdf`).
    #[arg(long, value_name = "SELECTOR,…", value_delimiter = ',')]
    pub hide: Vec<String>,

    /// Write one file (the stylesheet inline, fonts from the reader's
    /// system) instead of a folder.
    #[arg(long)]
    pub single_file: bool,

    /// The folder to write (`index.html`, `style.css`, `fonts/`, each
    /// language's PDF to download), or with
    /// `--single-file` the file [default: site/, or resume.html].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Builds the views, composes the page and writes it, all files or none.
pub fn run(args: &HtmlArgs) -> Result<()> {
    let languages =
        if args.lang.is_empty() { vec!["ko".to_string(), "en".to_string()] } else { args.lang.clone() };
    let mut views = Vec::new();
    let mut requests = Vec::new();
    for lang in &languages {
        let request = build::Request {
            source: args.source.request(),
            lang: Some(vec![lang.clone()]),
            profile: args.profile.clone(),
            only: args.only.clone(),
            hide: args.hide.clone(),
            ..build::Request::default()
        };
        views.push(build::export_view(&request)?);
        requests.push(request);
    }
    // Each language's PDF, to download from the folder beside the page.
    let mut pdfs: Vec<(String, Vec<u8>)> = Vec::new();
    if !args.single_file {
        for request in &requests {
            for job in build::unwritten(request)? {
                for (language, _) in &job.targets {
                    let rendered = build::render_language(&job, *language)?;
                    let pdf = rendered
                        .encoded
                        .into_iter()
                        .find(|(format, _)| *format == resume::output::Format::Pdf)
                        .and_then(|(_, mut files)| files.pop())
                        .unwrap_or_default();
                    pdfs.push((format!("resume-{}.pdf", language.code), pdf));
                }
            }
        }
    }
    let downloads: Vec<(String, String)> = pdfs
        .iter()
        .map(|(file, _)| {
            (file.trim_start_matches("resume-").trim_end_matches(".pdf").to_string(), file.clone())
        })
        .collect();
    let options = resume::formats::html::PageOptions { single_file: args.single_file, downloads: &downloads };
    let page = resume::formats::html::page(&views, options);
    let files: Vec<(PathBuf, Vec<u8>)> = if args.single_file {
        let file = args.output.clone().unwrap_or_else(|| PathBuf::from("resume.html"));
        vec![(file, page.html.into_bytes())]
    } else {
        let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("site"));
        std::fs::create_dir_all(dir.join("fonts"))
            .map_err(|err| resume::Error::io("create the folder", &dir, &err))?;
        let mut files = vec![
            (dir.join("index.html"), page.html.into_bytes()),
            (dir.join("style.css"), page.css.into_bytes()),
        ];
        for (name, bytes) in resume::typeset::fonts::WEB_FONTS {
            files.push((dir.join("fonts").join(name), bytes.to_vec()));
        }
        for (name, bytes) in pdfs {
            files.push((dir.join(name), bytes));
        }
        files
    };
    // A link planted where the page goes would carry the write elsewhere.
    for (path, _) in &files {
        refuse_link(path)?;
    }
    resume::output::write::write_all_atomic(&files)?;
    let shown = files.first().map(|(p, _)| p.display().to_string()).unwrap_or_default();
    eprintln!("wrote {shown} ({} language(s): {})", views.len(), languages.join(", "));
    Ok(())
}

/// Refuses to write through a symlink: the page's files are ours to
/// write, never a file elsewhere that a link leads to.
fn refuse_link(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(resume::Error::new(format!("refusing to write `{}`: it is a symbolic link", path.display()))
                .with_hint("remove the link, or choose another folder with `-o`"))
        }
        _ => Ok(()),
    }
}
