//! `resume tailor POSTING`: what a posting asks and where the résumé
//! answers it, as a report for the terminal or JSON for a script.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use resume::{Result, build};

use super::SourceArgs;

/// Options for `tailor`.
#[derive(Debug, Clone, Args)]
pub struct TailorArgs {
    /// The posting, as text copied from the web page (Korean or English),
    /// or `-` to read it from standard input.
    #[arg(value_name = "POSTING", required_unless_present = "pdf")]
    pub posting: Option<PathBuf>,

    /// Read a PDF back as an applicant-tracking system reads its text
    /// layer (any PDF: ours or another tool's), and report what it would
    /// miss of the résumé: the name, contacts, employers with their dates,
    /// titles, and with a posting the requirements covered.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,

    /// The profile whose selection the PDF holds, for `--pdf`.
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// How to print the report.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,

    /// The page budget of the suggested profile [default: 2 for a Korean
    /// posting, 1 for an English one].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub max_pages: Option<u32>,

    /// The language of the suggested profile [default: the posting's].
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Write the suggested profile into resume.toml as `[profile.NAME]`,
    /// in place and atomically (an existing one of that name is replaced,
    /// every other line stays); without it, the profile is printed to paste.
    #[arg(long, value_name = "NAME")]
    pub write: Option<String>,
}

/// The report's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For a person: the score, its formula, and each requirement.
    Text,
    /// For a script: the same, as JSON.
    Json,
}

/// Reads the posting and the résumé, and prints the report on stdout.
pub fn run(args: &TailorArgs) -> Result<()> {
    let (source, today) = build::read(&args.source.request())?;
    let resume = resume::model::load(&source)?;
    let report = match &args.posting {
        Some(path) => Some(posting_report(args, path, &source, &resume, today)?),
        None => None,
    };
    let reading = match &args.pdf {
        Some(pdf) => Some(read_pdf(args, pdf, report.as_ref())?),
        None => None,
    };
    match args.format {
        ReportFormat::Text => {
            if let Some(report) = &report {
                print!("{}", report.to_text());
            }
            if let Some(reading) = &reading {
                if report.is_some() {
                    println!();
                }
                print!("{}", reading.to_text());
            }
        }
        ReportFormat::Json => {
            let json = serde_json::json!({ "posting": report, "pdf": reading });
            let json = serde_json::to_string_pretty(&json)
                .map_err(|err| resume::Error::new(format!("cannot write the report as JSON: {err}")))?;
            println!("{json}");
        }
    }
    Ok(())
}

/// The posting's report, with the suggested profile (written with `--write`).
fn posting_report(
    args: &TailorArgs,
    path: &std::path::Path,
    source: &resume::model::Source,
    resume: &resume::model::Resume,
    today: resume::model::YearMonth,
) -> Result<resume::tailor::Report> {
    let posting = read_posting(path)?;
    let mut report = resume::tailor::tailor(resume, &posting, today);
    if report.requirements.is_empty() {
        return Err(resume::Error::new(format!(
            "`{}` asks nothing `tailor` can read: no technology, years, degree or language",
            path.display()
        ))
        .with_hint("give the posting as plain text, its sections included (자격요건, 우대사항; Requirements, Nice to have); add its terms with `[tailor] terms` in resume.toml"));
    }
    let language = match &args.lang {
        Some(lang) => resume::i18n::Language::negotiate(lang)?.code.to_string(),
        None => (if report.korean { "ko" } else { "en" }).to_string(),
    };
    let name = args.write.clone().unwrap_or_else(|| "tailored".to_string());
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(resume::Error::new(format!("`{name}` cannot name a profile"))
            .with_hint("name it in lowercase letters, digits and hyphens: `--write backend-lumen`"));
    }
    let budget = resume::tailor::Budget {
        name,
        max_pages: args.max_pages.map_or(if language == "ko" { 2 } else { 1 }, |n| n as usize),
        lang: language,
        posting: path
            .file_name()
            .map_or_else(|| "the posting".to_string(), |n| n.to_string_lossy().into_owned()),
    };
    report.suggestion = resume::tailor::suggest(source, resume, &report.requirements, &budget, today)?;
    if let Some(name) = &args.write {
        write_profile(source, name, report.suggestion.as_ref())?;
    }
    Ok(report)
}

/// Reads a PDF back and looks for what the résumé's document (in the
/// PDF's language, with the profile's selection) says a machine must find.
fn read_pdf(
    args: &TailorArgs,
    path: &std::path::Path,
    report: Option<&resume::tailor::Report>,
) -> Result<resume::tailor::PdfReading> {
    let cap = 64 << 20;
    let bytes =
        resume::input::read_capped(path, cap).map_err(|refusal| refusal.to_error("read", path, cap))?;
    let reading = resume::tailor::readback::read(&bytes)
        .map_err(|err| resume::Error::new(format!("{}: {}", path.display(), err.message)))?;
    // The PDF's language: asked, else the one whose document it holds
    // best (a Korean résumé may have more Latin letters than Hangul).
    let languages: Vec<String> = match &args.lang {
        Some(lang) => vec![lang.clone()],
        None => {
            // Ties go to the language most of its letters are written in.
            let text: String = reading.lines.iter().map(|l| l.text.as_str()).collect();
            let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
            let hangul = text.chars().filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c)).count();
            let mostly = if hangul * 4 >= letters { ["ko", "en"] } else { ["en", "ko"] };
            mostly.iter().map(|l| l.to_string()).collect()
        }
    };
    let mut best: Option<(Vec<resume::tailor::readback::Expected>, Vec<resume::tailor::readback::Miss>)> =
        None;
    for lang in languages {
        let request = build::Request {
            source: args.source.request(),
            lang: Some(vec![lang]),
            profile: args.profile.clone(),
            ..build::Request::default()
        };
        let view = build::export_view(&request)?;
        let mut expected = resume::tailor::readback::expected(&view);
        expected.extend(resume::tailor::readback::labels(&view));
        if let Some(report) = report {
            expected.extend(resume::tailor::readback::requirements(&report.requirements));
        }
        let misses = resume::tailor::readback::misses(&reading, &expected);
        // The language whose texts the PDF holds most of, found at all.
        let found = |expected: &[resume::tailor::readback::Expected],
                     misses: &[resume::tailor::readback::Miss]| {
            expected.len() - misses.iter().filter(|m| m.why == "not found").count()
        };
        if best.as_ref().is_none_or(|(e, m)| found(&expected, &misses) > found(e, m)) {
            best = Some((expected, misses));
        }
    }
    let (expected, misses) = best.expect("a language was tried");
    Ok(resume::tailor::PdfReading {
        file: path.display().to_string(),
        pages: reading.pages,
        looked_for: expected,
        misses,
    })
}

/// The posting's text: a file the user named, or standard input, capped
/// like every text read, and decoded with a located error.
fn read_posting(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        return resume::input::read_stdin_text(
            "the posting",
            "a posting is a page of text: paste the posting alone",
        );
    }
    resume::input::read_text(path)?
        .ok_or_else(|| resume::Error::new(format!("cannot read `{}`: no such file", path.display())))
}

/// Writes the suggested profile into the résumé's file, atomically; the
/// built-in example has no file to write into.
fn write_profile(
    source: &resume::model::Source,
    name: &str,
    suggestion: Option<&resume::tailor::Suggestion>,
) -> Result<()> {
    let Some(suggestion) = suggestion else {
        return Err(resume::Error::new(
            "no project covers what the posting asks: there is no profile to write",
        ));
    };
    if source.dir.is_none() {
        return Err(resume::Error::new("the built-in example cannot be written to").with_hint(
            "write it out with `resume init --example DIR`, then run `resume tailor --write NAME` there",
        ));
    }
    let (text, replaced) = resume::tailor::with_profile(&source.text, name, &suggestion.toml);
    // What is written must read back as a résumé with that profile.
    let written = resume::model::Source { text: text.clone(), ..source.clone() };
    let read = resume::model::load(&written)?;
    if !read.profiles.contains_key(name) {
        return Err(resume::Error::new(format!(
            "the profile `{name}` did not read back; nothing was written"
        )));
    }
    resume::output::write::write_atomic(&source.path, text.as_bytes())?;
    let how = if replaced { "replaced" } else { "added" };
    eprintln!(
        "note: {}: {how} [profile.{name}]; build it with `resume pdf --profile {name}`",
        source.path.display()
    );
    Ok(())
}
