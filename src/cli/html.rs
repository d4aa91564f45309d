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

    /// Show the photo (`[person] photo`), with the person's name as its
    /// text: a public page shows none unless asked.
    #[arg(long)]
    pub photo: bool,

    /// Where the site will be published (`https://me.example/`): makes
    /// its canonical, Open Graph and language links absolute, as search
    /// engines want them.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The folder to write (`index.html` with every language, a page per
    /// language, `style.css`, `fonts/`, each language's PDF to download),
    /// or with `--single-file` the file [default: site/, or resume.html].
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
            photo: args.photo.then_some(true),
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
    let url = args.url.as_deref().map(site_url).transpose()?;
    let photo = if args.photo { Some(photo(&args.source.request(), &views[0])?) } else { None };
    let photo_src = photo.as_ref().map(|(name, bytes, mime)| match args.single_file {
        true => {
            use base64::Engine as _;
            format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
        }
        false => name.clone(),
    });
    // A page per language beside the page of all of them, for links that
    // name one language.
    let pages_per_language = !args.single_file && views.len() > 1;
    let base = url.clone().unwrap_or_default();
    let mut alternates: Vec<(String, String)> = Vec::new();
    if pages_per_language {
        alternates.extend(views.iter().map(|v| (v.lang.clone(), format!("{base}{}.html", v.lang))));
        alternates
            .push(("x-default".to_string(), if base.is_empty() { "./".to_string() } else { base.clone() }));
    }
    let options = resume::formats::html::PageOptions {
        single_file: args.single_file,
        downloads: &downloads,
        alternates: &alternates,
        canonical: url.as_deref(),
        photo: photo_src.as_deref(),
    };
    let page = resume::formats::html::page(&views, options);
    let files: Vec<(PathBuf, Vec<u8>)> = if args.single_file {
        let file = args.output.clone().unwrap_or_else(|| PathBuf::from("resume.html"));
        vec![(file, page.html.into_bytes())]
    } else {
        let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("site"));
        std::fs::create_dir_all(dir.join("fonts"))
            .map_err(|err| resume::Error::io("create the folder", &dir, &err))?;
        // The cut fonts, and the whole ones only for what they lack.
        let mut css = page.css;
        let beyond = resume::formats::html::fonts::beyond_cut(&page.html);
        if let Some((rules, _)) = &beyond {
            css.push_str(rules);
        }
        let mut files =
            vec![(dir.join("index.html"), page.html.into_bytes()), (dir.join("style.css"), css.into_bytes())];
        if pages_per_language {
            for view in &views {
                let canonical = url.as_ref().map(|u| format!("{u}{}.html", view.lang));
                let options =
                    resume::formats::html::PageOptions { canonical: canonical.as_deref(), ..options };
                let one = resume::formats::html::page(std::slice::from_ref(view), options);
                files.push((dir.join(format!("{}.html", view.lang)), one.html.into_bytes()));
            }
        }
        for font in &resume::formats::html::fonts::WEB_FONTS {
            files.push((dir.join("fonts").join(font.cut.0), font.cut.1.to_vec()));
        }
        for (name, bytes) in beyond.map(|(_, files)| files).unwrap_or_default() {
            files.push((dir.join("fonts").join(name), bytes.to_vec()));
        }
        for (name, bytes) in pdfs {
            files.push((dir.join(name), bytes));
        }
        if let Some((name, bytes, _)) = photo {
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

/// The site's address as the pages write it: http(s) only, ending in `/`.
fn site_url(url: &str) -> Result<String> {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !web || url.contains(|c: char| c.is_whitespace() || c.is_control()) || url.len() > 2000 {
        return Err(resume::Error::new(format!("`--url {url}` is not a web address"))
            .with_hint("give where the site will be, such as `--url https://me.example/`"));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// The photo the view shows: its file name in the site, its bytes (read
/// from inside the résumé's folder, within the photo's size cap) and its
/// type. Without `[person] photo`, there is nothing to show.
fn photo(
    source: &build::SourceRequest,
    view: &resume::view::View,
) -> Result<(String, Vec<u8>, &'static str)> {
    let (source, _) = build::read(source)?;
    let (Some(shown), Some(dir)) = (&view.style.photo, &source.dir) else {
        return Err(resume::Error::new("`--photo` asks for a photo, but the résumé has none")
            .with_hint("name one beside resume.toml: `photo = \"photo.jpg\"` under [person]"));
    };
    let path = dir.join(shown.trim_start_matches('/'));
    let real = resume::input::contained(dir, &path).map_err(|_| {
        resume::Error::new(format!("the photo `{shown}` is outside the résumé's folder"))
            .with_hint("keep the photo beside resume.toml")
    })?;
    let bytes = resume::input::read_capped(&real, resume::photo::MAX_BYTES)
        .map_err(|refusal| refusal.to_error("read the photo", &real, resume::photo::MAX_BYTES))?;
    let extension = real.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mime = match extension.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        _ => {
            return Err(resume::Error::new(format!("the photo `{shown}` is no image a page shows"))
                .with_hint("use a JPEG, PNG or SVG"));
        }
    };
    Ok((format!("photo.{extension}"), bytes, mime))
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
