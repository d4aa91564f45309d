//! The words themselves: spelling, spacing and consistency, checked as
//! warnings (style is a choice, so never an error), each at the line and
//! column of the character it is about, with what to write instead.

mod allow;
mod consistency;
mod dictionary;
mod english;
mod fix;
mod fluent;
mod korean;
mod remembered;
mod texts;

pub use allow::RULES;
pub use dictionary::WORDS_FILE;
pub use fix::{ChangedLine, fix, fix_translations};

use crate::error::{Error, Location};
use crate::model::{Source, YearMonth};

pub use korean::Finding;
pub use texts::{TextAt, texts};

/// Fields read for English spelling and grammar: sentences, not names.
const ENGLISH_PROSE: &[&str] = &[
    "summary",
    "headline",
    "description",
    "responsibilities",
    "achievements",
    "problem",
    "resolution",
    "answer",
    "paragraphs",
    "opening",
    "closing",
    "salutation",
    "duties",
    "text",
    "details",
];

/// The résumé's own words, which are never misspellings: the person's
/// name, companies, projects, technologies, tags, section titles, the
/// hosts of its links, and `[check] words`.
fn own_words(resume: &crate::model::Resume) -> Vec<String> {
    let mut words: Vec<String> = resume.check.words.clone();
    words.extend(resume.person.name.values().into_iter().map(str::to_string));
    words.extend(resume.person.links.iter().map(|l| l.url().to_string()));
    for company in &resume.companies {
        words.extend(company.name.values().into_iter().map(str::to_string));
        words.push(company.id.clone());
        if let Some(former) = &company.formerly {
            words.extend(former.name.values().into_iter().map(str::to_string));
        }
    }
    for project in &resume.projects {
        words.extend(project.name.values().into_iter().map(str::to_string));
        words.extend(project.tags.iter().cloned());
        for (_, fact) in project.facts() {
            let Some(fact) = fact else { continue };
            if let Some(crate::model::FactValue::Names(names)) = &fact.value {
                words.extend(names.iter().cloned());
            }
        }
        for key in crate::localize::SKILL_FACTS {
            words.extend(crate::localize::technologies(project, key).into_iter().map(str::to_string));
        }
    }
    words.extend(resume.settings.skill_aliases.iter().flat_map(|(a, b)| [a.clone(), b.clone()]));
    // Who gave an award, published a paper or ran a school is a name.
    let names = |text: &Option<crate::model::Text>| {
        text.iter().flat_map(|t| t.values().into_iter().map(str::to_string)).collect::<Vec<_>>()
    };
    for award in &resume.awards {
        words.extend(names(&award.issuer));
    }
    for test in &resume.language_tests {
        words.push(test.test.clone());
        words.extend(names(&test.issuer));
    }
    for publication in &resume.publications {
        words.extend(names(&publication.journal));
        words.extend(publication.authors.iter().cloned());
    }
    for school in &resume.education {
        words.extend(school.school.values().into_iter().map(str::to_string));
    }
    words
}

/// The Latin words written inside the résumé's Korean texts and in its
/// stack facts: the terms its author uses (`elastalert`, `brotli`,
/// `kibana`), which the English texts name too.
fn terms(source: &Source) -> Vec<String> {
    let mut words = Vec::new();
    for text in texts(&source.text) {
        let korean = crate::model::has_hangul(&text.value);
        let fact =
            crate::model::STACK_FACTS.iter().any(|f| text.keys.iter().any(|k| k.replace('_', "-") == *f))
                || text.keys.iter().any(|k| k == "details" || k == "value" || k == "label");
        if korean || fact {
            words.extend(
                text.value
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
                    .map(str::to_string),
            );
        }
    }
    words
}

/// Fields whose texts are not prose: ids, addresses, dates, labels.
const NOT_PROSE: &[&str] = &[
    "id",
    "company",
    "link",
    "url",
    "links",
    "photo",
    "email",
    "phone",
    "period",
    "date",
    "until",
    "tags",
    "doi",
    "source",
    "layout",
    "paper",
    "output",
    "only",
    "hide",
    "lang",
    "documents",
    "accent",
    "birth_date",
    "standing",
    "gpa",
    "test",
    "score",
    "skill_aliases",
    "network",
    "username",
];

/// Every style finding of the résumé file, as warnings: the words, then
/// what the résumé says against itself.
pub fn check_style(source: &Source, today: YearMonth) -> Vec<Error> {
    let mut warnings = Vec::new();
    let resume = crate::model::diagnose(source).resume;
    let settings = Settings::read(source, resume.as_ref());
    warnings.extend(settings.problems.iter().cloned());
    let career = resume.as_ref().map(|r| consistency::career(r, today));
    // Harper's dictionary loads once, on the first English text not
    // remembered from an earlier run.
    let mut harper = remembered::RememberedEnglish::new(english_words(source, resume.as_ref(), &settings));
    for text in texts(&source.text) {
        if NOT_PROSE.contains(&text.field()) || text.keys.first().is_some_and(|k| k == "profile") {
            continue;
        }
        if let Some(career) = &career
            && consistency::CLAIMING.contains(&text.field())
        {
            warnings.extend(consistency::years(&text, source, career));
        }
        // An English sentence where the Korean document prints it.
        let korean_document = text.language() == Some("ko")
            || (text.language().is_none() && resume.as_ref().is_some_and(|r| r.source_language() == "ko"));
        if korean_document
            && ENGLISH_PROSE.contains(&text.field())
            && consistency::is_english_sentence(&text.value)
        {
            warnings.push(
                Error::new(
                    "this text is English, and the Korean document prints it as it is (english-in-korean)",
                )
                .at(Location::from_span(&source.path, &source.text, text.span.clone()))
                .with_hint("give it a Korean version beside the English: `{ ko = \"…\", en = \"…\" }`"),
            );
        }
        let english = text.language() == Some("en")
            || (text.language().is_none()
                && resume.as_ref().is_some_and(|r| r.source_language() == "en")
                && !crate::model::has_hangul(&text.value));
        if english && ENGLISH_PROSE.contains(&text.field()) {
            for finding in harper.findings(&text.value) {
                warnings.push(located(source, &text, &finding));
            }
        }
        for finding in certain(&text.value, &settings.casing) {
            let span = text.source_span(&source.text, finding.range.clone());
            let written = &text.value[finding.range.clone()];
            warnings.push(
                Error::new(format!("`{written}`: {} ({})", finding.why, finding.rule))
                    .at(Location::from_span(&source.path, &source.text, span))
                    .with_hint(format!("write `{}`", finding.replacement)),
            );
        }
    }
    // The English translation files beside it, with the same words known.
    let files = translation_files(source);
    for file in files.iter().filter(|f| f.language == "en") {
        for (range, value) in fluent::values(&file.text) {
            for finding in harper.findings(value) {
                let span = range.start + finding.range.start..range.start + finding.range.end;
                let mut warning = Error::new(format!(
                    "`{}`: {} ({})",
                    &value[finding.range.clone()],
                    finding.why.trim_end_matches('.'),
                    finding.rule
                ))
                .at(Location::from_span(&file.path, &file.text, span));
                if !finding.replacement.is_empty() {
                    warning = warning.with_hint(format!("write `{}`", finding.replacement));
                }
                warnings.push(warning);
            }
        }
    }
    harper.save();
    // The translation files beside it: Korean rules, and the word list's
    // casings in both languages.
    for file in &files {
        for (range, value) in fluent::values(&file.text) {
            for finding in certain_in(value, file.language, &settings.casing) {
                let span = range.start + finding.range.start..range.start + finding.range.end;
                warnings.push(
                    Error::new(format!(
                        "`{}`: {} ({})",
                        &value[finding.range.clone()],
                        finding.why,
                        finding.rule
                    ))
                    .at(Location::from_span(&file.path, &file.text, span))
                    .with_hint(format!("write `{}`", finding.replacement)),
                );
            }
        }
    }
    if let Some(resume) = &resume {
        warnings.extend(consistency::spellings(resume, source));
        warnings.extend(consistency::contact(resume, source));
    }
    let lines = allow::TextLines::of(source);
    warnings.retain(|w| !settings.silenced(w, source, &lines, &files));
    warnings.extend(allow::unknown_rules(source, &settings.allow));
    warnings
}

/// What the writer set for the style checks: the word list (`[check]
/// words` and `words.txt`), the casings it sets, the rules allowed.
struct Settings {
    words: Vec<String>,
    casing: dictionary::Casing,
    allow: Vec<String>,
    /// Why `words.txt` could not be read, if it could not.
    problems: Vec<Error>,
}

impl Settings {
    fn read(source: &Source, resume: Option<&crate::model::Resume>) -> Self {
        let mut words = resume.map(|r| r.check.words.clone()).unwrap_or_default();
        let mut problems = Vec::new();
        match dictionary::words_file(source) {
            Ok(listed) => words.extend(listed),
            Err(problem) => problems.push(problem),
        }
        let casing = dictionary::Casing::new(&words);
        let allow = resume.map(|r| r.check.allow.clone()).unwrap_or_default();
        Settings { words, casing, allow, problems }
    }

    /// Whether the writer silenced this warning: its rule allowed for the
    /// whole résumé, or beside the text it is about.
    fn silenced(
        &self,
        warning: &Error,
        source: &Source,
        lines: &allow::TextLines,
        files: &[Translation],
    ) -> bool {
        let rule = allow::rule_of(warning);
        if rule.is_empty() {
            return false;
        }
        if self.allow.iter().any(|a| a == rule) {
            return true;
        }
        let Some(location) = warning.location.as_deref() else { return false };
        if location.file == source.path.display().to_string() {
            let first = lines.start_of(location.line);
            return allow::allowed_at(&source.text, location.line, first, rule);
        }
        files.iter().find(|f| f.path.display().to_string() == location.file).is_some_and(|file| {
            let first = allow::message_start_line(&file.text, location.line);
            allow::allowed_at(&file.text, location.line, first, rule)
        })
    }

    /// Whether a finding at byte `at` of `file` (whose text starts at byte
    /// `text_start`) is silenced: `--fix` never writes what is allowed.
    fn allows(&self, file: &str, text_start: usize, at: usize, rule: &str, fluent: bool) -> bool {
        let line_of = |offset: usize| file[..offset.min(file.len())].matches('\n').count() + 1;
        let line = line_of(at);
        let first = if fluent { allow::message_start_line(file, line) } else { line_of(text_start) };
        self.allow.iter().any(|a| a == rule) || allow::allowed_at(file, line, first, rule)
    }
}

/// The words Harper is to know: the résumé's own and the writer's list.
fn english_words(source: &Source, resume: Option<&crate::model::Resume>, settings: &Settings) -> Vec<String> {
    let mut words = resume.map(own_words).unwrap_or_default();
    words.extend(settings.words.iter().cloned());
    words.extend(terms(source));
    words
}

/// The findings whose replacement is certain, which `--fix` writes: the
/// Korean rules and the word list's casings.
fn certain(text: &str, casing: &dictionary::Casing) -> Vec<Finding> {
    let mut found = korean::findings(text);
    for finding in casing.findings(text) {
        if !found.iter().any(|f| f.range.start < finding.range.end && finding.range.start < f.range.end) {
            found.push(finding);
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// [`certain`] in a translation file: the Korean rules only in Korean.
fn certain_in(text: &str, language: &str, casing: &dictionary::Casing) -> Vec<Finding> {
    if language == "ko" { certain(text, casing) } else { casing.findings(text) }
}

/// A translation file beside the résumé, with its language.
struct Translation {
    path: std::path::PathBuf,
    text: String,
    language: &'static str,
}

/// The résumé's translation files, Korean and English.
fn translation_files(source: &Source) -> Vec<Translation> {
    let mut files = Vec::new();
    for language in ["ko", "en"] {
        for file in translations(source, language) {
            files.push(Translation { path: file.path, text: file.text, language });
        }
    }
    files
}

/// A finding in a text of the résumé file, at its characters.
fn located(source: &Source, text: &TextAt, finding: &Finding) -> Error {
    let span = text.source_span(&source.text, finding.range.clone());
    let written = &text.value[finding.range.clone()];
    let mut warning =
        Error::new(format!("`{written}`: {} ({})", finding.why.trim_end_matches('.'), finding.rule))
            .at(Location::from_span(&source.path, &source.text, span));
    if !finding.replacement.is_empty() {
        warning = warning.with_hint(format!("write `{}`", finding.replacement));
    }
    warning
}

/// The résumé's translation files of one language.
fn translations(source: &Source, code: &str) -> Vec<crate::i18n::UserCatalogue> {
    let Some(dir) = &source.dir else { return Vec::new() };
    let Ok(language) = crate::i18n::Language::negotiate(code) else { return Vec::new() };
    crate::i18n::UserCatalogue::find(dir, language).unwrap_or_default()
}
