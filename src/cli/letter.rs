//! `resume letter count [ID]`: every answer's counts as portals count
//! them, and its limit with the room left, so what is pasted into a
//! portal's field is what was promised.

use clap::{Args, Subcommand};
use resume::letters::{Verdict, thousands};
use resume::{Error, Result, build};

use super::{SourceArgs, clean};

/// `resume letter …`.
#[derive(Debug, Clone, Subcommand)]
pub enum LetterCommand {
    /// Count each answer: characters with and without spaces, UTF-8 and
    /// EUC-KR bytes, and the room its limit leaves.
    Count(CountArgs),
}

/// Options for `letter count`.
#[derive(Debug, Clone, Args)]
pub struct CountArgs {
    /// The letter to count [default: every letter].
    #[arg(value_name = "ID")]
    pub id: Option<String>,

    /// The language of the answers to count.
    #[arg(short, long, value_name = "LANG", default_value = resume::i18n::DEFAULT_LANGUAGE)]
    pub lang: String,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Runs `letter …`.
pub fn run(command: &LetterCommand) -> Result<()> {
    let LetterCommand::Count(args) = command;
    let language = resume::i18n::Language::negotiate(&args.lang)?;
    let (source, _) = build::read(&args.source.request())?;
    let resume = resume::model::load(&source)?;
    if resume.letters.is_empty() {
        return Err(Error::new("the résumé has no letters").with_hint(
            "add one: `[[letter]]` with an `id`, then `[[letter.question]]` tables with `question`, `limit` and `answer`",
        ));
    }
    if let Some(id) = &args.id
        && !resume.letters.iter().any(|l| l.id == *id)
    {
        let ids: Vec<&str> = resume.letters.iter().map(|l| l.id.as_str()).collect();
        let mut hint = format!("the letters are: {}", ids.join(", "));
        if let Some(close) = resume::model::closest(id, &ids) {
            hint = format!("did you mean `{close}`? {hint}");
        }
        return Err(Error::new(format!("there is no letter `{id}`")).with_hint(hint));
    }
    let answers = resume::model::answers(&resume, args.id.as_deref(), language.code);
    if answers.is_empty() {
        return Err(Error::new(format!("no answer has a `{}` version", language.code))
            .with_hint("count another language with `--lang`"));
    }
    let mut over = 0;
    for answer in answers {
        println!("{} · {}. {}", answer.letter, answer.index + 1, clean(answer.question));
        let c = answer.counts;
        println!(
            "  with spaces {} · without spaces {} · UTF-8 {} bytes · EUC-KR {} bytes",
            thousands(c.with_spaces),
            thousands(c.without_spaces),
            thousands(c.utf8),
            thousands(c.euc_kr)
        );
        if let Some((limit, n, verdict)) = answer.limit {
            let standing = match verdict {
                Verdict::Over(by) => {
                    over += 1;
                    format!("OVER by {}", thousands(by))
                }
                Verdict::Under(by) => format!("{} short of the minimum", thousands(by)),
                Verdict::Short(room) | Verdict::Fits(Some(room)) => format!("{} left", thousands(room)),
                Verdict::Fits(None) => "fits".to_string(),
            };
            println!("  limit: {limit}: {} counted, {standing}", thousands(n));
        }
    }
    // Over a limit is a failure, for scripts and CI as for the portal.
    match over {
        0 => Ok(()),
        n => Err(Error::new(format!(
            "{n} answer{} over {} limit",
            if n == 1 { " is" } else { "s are" },
            if n == 1 { "its" } else { "their" }
        ))
        .with_hint("shorten them; `resume pdf` refuses to build a letter over its limit")),
    }
}
