//! Plain text, for portal fields and applicant-tracking checks: what the
//! document says in reading order, with `-` for bullets and nothing a
//! layout adds.
//!
//! A letter prints each question, its limit and its answer; the answer is
//! printed exactly as written (line breaks kept, nothing trimmed), so what
//! is pasted counts as `resume letter count` says.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::view::{Arrangement, BulletView, LetterView, Skill, View};

/// The résumé's view as plain text, in the order the layouts print it.
pub fn export(view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", view.person.name);
    if let Some(headline) = &view.person.headline {
        let _ = writeln!(out, "{headline}");
    }
    let mut contacts: Vec<&str> = view.person.location.iter().map(String::as_str).collect();
    contacts.extend(view.person.contacts.iter().map(|c| c.text.as_str()));
    if !contacts.is_empty() {
        let _ = writeln!(out, "{}", contacts.join(" | "));
    }
    let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
    // In the order the document decided.
    for id in &view.order {
        match id.as_str() {
            "summary" => summary(&mut out, view, &label),
            "career" => career(&mut out, view, &label),
            "projects" => projects(&mut out, view, &label),
            "experience" => employments(&mut out, view, &label),
            other => section(&mut out, view, &label, other),
        }
    }
    out
}

/// The paragraph under the header; by employer, under its own heading.
fn summary(out: &mut String, view: &View, label: &dyn Fn(&str) -> String) {
    if let Some(summary) = &view.summary {
        if view.arrangement == Arrangement::ByEmployer {
            let _ = write!(out, "\n{}", label("section-profile"));
        }
        let _ = writeln!(out, "\n{summary}");
    }
}

/// The career summary: the total, each employment, each title of several
/// with its period.
fn career(out: &mut String, view: &View, label: &dyn Fn(&str) -> String) {
    if let Some(career) = &view.career {
        let _ = writeln!(out, "\n{}\n{}", label("section-summary"), career.total);
        for line in &career.lines {
            let mut head = vec![line.company.clone()];
            if let [only] = line.roles.as_slice() {
                head.push(only.with_department());
            }
            head.extend(line.location.clone());
            let _ = writeln!(out, "- {}: {} ({})", head.join(", "), line.period, line.duration);
            if line.roles.len() > 1 {
                for role in &line.roles {
                    let period = role.period.as_deref().map(|p| format!(": {p}")).unwrap_or_default();
                    let _ = writeln!(out, "  - {}{period}", role.with_department());
                }
            }
        }
    }
}

/// Each employment with its titles, then a line per project: its name,
/// dates and link, its highlights as the view chose them, its stack.
fn employments(out: &mut String, view: &View, label: &dyn Fn(&str) -> String) {
    if !view.employments.is_empty() {
        let _ = writeln!(out, "\n{}", label("section-experience"));
    }
    for employment in &view.employments {
        let location = employment.location.as_deref().map(|l| format!(", {l}")).unwrap_or_default();
        let _ = writeln!(out, "\n{}{location}: {}", employment.company, employment.period);
        for role in &employment.roles {
            let period = role.period.as_deref().map(|p| format!(": {p}")).unwrap_or_default();
            let _ = writeln!(out, "{}{period}", role.with_department());
        }
        for id in &employment.projects {
            let Some(project) = view.projects.iter().find(|p| &p.id == id) else { continue };
            let link = project.highlight_link.as_ref().map(|l| format!(" {}", l.url)).unwrap_or_default();
            let _ = writeln!(out, "- {} ({}){link}", project.name, project.period);
            if project.highlights.is_empty()
                && let Some(description) = &project.description
            {
                let _ = writeln!(out, "  {description}");
            }
            write_bullets(out, &project.highlights, 1);
            if !project.tech.is_empty() {
                let _ = writeln!(out, "  {}: {}", label("part-tech"), project.tech.join(", "));
            }
        }
    }
}

/// Each project with its company, dates, description, stack facts and
/// every bullet.
fn projects(out: &mut String, view: &View, label: &dyn Fn(&str) -> String) {
    if !view.projects.is_empty() {
        let _ = writeln!(out, "\n{}", label("section-projects"));
    }
    for project in &view.projects {
        let _ = writeln!(
            out,
            "\n{}\n{} | {} ({})",
            project.name, project.company, project.period, project.duration
        );
        if let Some(description) = &project.description {
            let _ = writeln!(out, "{description}");
        }
        for fact in &project.facts {
            let _ = writeln!(out, "{}: {}", fact.label, fact.parts().join("; "));
        }
        for (part, bullets) in [
            ("part-responsibilities", &project.responsibilities),
            ("part-achievements", &project.achievements),
        ] {
            if !bullets.is_empty() {
                let _ = writeln!(out, "{}", label(part));
                write_bullets(out, bullets, 0);
            }
        }
        if !project.troubleshooting.is_empty() {
            let _ = writeln!(out, "{}", label("part-troubleshooting"));
            for trouble in &project.troubleshooting {
                let _ = writeln!(out, "- {}", trouble.problem);
                if let Some(resolution) = &trouble.resolution {
                    let _ = writeln!(out, "  {resolution}");
                }
                if let Some(link) = &trouble.link {
                    let _ = writeln!(out, "  {}", link.url);
                }
            }
        }
    }
}

/// One section after the work, by its id in [`View::order`]: skills,
/// education, certifications, language tests, awards, open source, or a
/// free section (`section:<id>`).
fn section(out: &mut String, view: &View, label: &dyn Fn(&str) -> String, id: &str) {
    match id {
        "skills" => {
            let _ = writeln!(out, "\n{}", label("section-skills"));
            for group in &view.skills {
                let items: Vec<String> = group.items.iter().map(Skill::with_duration).collect();
                let _ = writeln!(out, "{}: {}", group.label, items.join(", "));
            }
        }
        "education" => {
            let _ = writeln!(out, "\n{}", label("section-education"));
            for e in &view.education {
                let degree = e.degree.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
                let period = e.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                let gpa =
                    e.gpa.as_deref().map(|g| format!(", {} {g}", label("field-gpa"))).unwrap_or_default();
                let _ = writeln!(out, "- {}{degree}{gpa}{period}", e.school);
                write_bullets(out, &e.details, 1);
            }
        }
        "certifications" => {
            let _ = writeln!(out, "\n{}", label("section-certifications"));
            for c in &view.certifications {
                let issuer = c.issuer.as_deref().map(|i| format!(", {i}")).unwrap_or_default();
                let date = c.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
                let link = c.link.as_ref().map(|l| format!(" {}", l.url)).unwrap_or_default();
                let _ = writeln!(out, "- {}{issuer}{date}{link}", c.name);
            }
        }
        "language-tests" => {
            let _ = writeln!(out, "\n{}", label("section-language-tests"));
            for t in &view.language_tests {
                let issuer = t.issuer.as_deref().map(|i| format!(", {i}")).unwrap_or_default();
                let date = t.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = writeln!(out, "- {} {}{issuer}{date}", t.test, t.score);
            }
        }
        "awards" => {
            let _ = writeln!(out, "\n{}", label("section-awards"));
            for a in &view.awards {
                let issuer = a.issuer.as_deref().map(|i| format!(", {i}")).unwrap_or_default();
                let date = a.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = writeln!(out, "- {}{issuer}{date}", a.name);
                if let Some(summary) = &a.summary {
                    let _ = writeln!(out, "  {summary}");
                }
            }
        }
        "open-source" => {
            let _ = writeln!(out, "\n{}", label("section-open-source"));
            for c in &view.open_source {
                let description = c.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
                let link = c.link.as_ref().map(|l| format!(" {}", l.url)).unwrap_or_default();
                let period = c.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                let _ = writeln!(out, "- {}{period}{description}{link}", c.name);
            }
        }
        free => {
            let id = free.strip_prefix("section:").unwrap_or(free);
            if let Some(section) = view.sections.iter().find(|s| s.id == id) {
                let _ = writeln!(out, "\n{}", section.title);
                write_bullets(out, &section.items, 0);
            }
        }
    }
}

fn write_bullets(out: &mut String, bullets: &[BulletView], depth: usize) {
    for bullet in bullets {
        let text = bullet.text.as_deref().unwrap_or_default();
        let link = bullet.link.as_ref().map(|l| l.url.as_str()).unwrap_or_default();
        let space = if text.is_empty() || link.is_empty() { "" } else { " " };
        let _ = writeln!(out, "{}- {text}{space}{link}", "  ".repeat(depth));
        write_bullets(out, &bullet.items, depth + 1);
    }
}

/// A letter as its document has it (in the build's language, limits as
/// the portal wrote them): its title and addressee, then each question
/// with its limit and its answer exactly as written; or a cover letter's
/// date, addressee, salutation, paragraphs, closing and signature.
pub fn letter(letter: &LetterView) -> String {
    let mut out = String::new();
    if letter.questions.is_empty() {
        let _ = writeln!(out, "{}", letter.date);
    }
    for line in [&letter.title, &letter.addressee].into_iter().flatten() {
        let _ = writeln!(out, "{line}");
    }
    for (n, question) in letter.questions.iter().enumerate() {
        let _ = writeln!(out, "\n{}. {}", n + 1, question.question);
        if let Some(limit) = &question.limit {
            let _ = writeln!(out, "({limit})");
        }
        // The answer as counted: a blank line before it, and after it only
        // the line break that ends the output.
        let _ = write!(out, "\n{}", question.answer);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some(salutation) = &letter.salutation {
        let _ = writeln!(out, "\n{salutation}");
    }
    for paragraph in &letter.paragraphs {
        let _ = writeln!(out, "\n{paragraph}");
    }
    if let Some(closing) = &letter.closing {
        let _ = writeln!(out, "\n{closing}\n{}", letter.signature);
    }
    out
}

/// The narrowest `--width` that still reads: a Korean line of 20 columns
/// holds about eight syllables.
pub const MIN_WIDTH: usize = 20;

/// Wraps every line of `text` to `width` terminal columns (a Hangul
/// syllable takes two), breaking only at spaces, so Korean breaks between
/// words (어절) and a URL is never cut. A wrapped bullet's lines hang under
/// its text, not its marker. A word wider than the line stays whole.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let (line, end) = match line.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (line, ""),
        };
        if line.width() <= width {
            out.push_str(line);
            out.push_str(end);
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let marker = if line[indent..].starts_with("- ") { 2 } else { 0 };
        let hang = " ".repeat(indent + marker);
        let mut current = line[..indent + marker].to_string();
        let mut empty = true;
        for word in line[indent + marker..].split(' ').filter(|w| !w.is_empty()) {
            if !empty && current.width() + 1 + word.width() > width {
                out.push_str(&current);
                out.push('\n');
                current = hang.clone();
                empty = true;
            }
            if !empty {
                current.push(' ');
            }
            current.push_str(word);
            empty = false;
        }
        out.push_str(&current);
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_by_display_width_with_a_hanging_indent() {
        let text = "- 배포 파이프라인을 설계하고 클러스터 무중단 이전을 이끌었습니다 https://example.com/a/very/long/path/that/stays/whole\nshort\n";
        let wrapped = wrap(text, 30);
        for line in wrapped.lines() {
            assert!(line.width() <= 30 || !line.trim().contains(' '), "{line:?}");
        }
        assert!(
            wrapped.lines().skip(1).take(2).all(|l| l.starts_with("  ") && !l.starts_with("  -")),
            "{wrapped}"
        );
        // Nothing lost, nothing split inside a word.
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(text));
        assert!(wrapped.ends_with("\nshort\n"));
        assert_eq!(wrapped.lines().next(), Some("- 배포 파이프라인을 설계하고"));
    }

    #[test]
    fn lines_that_fit_are_left_as_they_are() {
        let text = "a  b\n\n  - c\n";
        assert_eq!(wrap(text, 20), text);
    }
}
