//! The view as an editable Word document: what recruiters and headhunters
//! ask for when they want to add their own header or cut a section.
//!
//! It holds the same content as the PDF, in Word's own terms, so it stays
//! editable: real headings (the navigation pane lists them), real bullet
//! lists with nesting, a table per project's stack facts, links that
//! click, the page size and margins of the PDF, and the fonts named
//! (Pretendard, with Malgun Gothic, which every Korean Windows has, as
//! the fallback Word uses when Pretendard is not installed). Letters are
//! written as letters: each question a heading with its limit, each
//! answer as written.
//!
//! Same input, same bytes: the package's dates are fixed, link ids are
//! numbered in document order, and parts are listed in a fixed order.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, HeightRule, Hyperlink, HyperlinkData, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin,
    Paragraph, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableRow, VAlignType, VMergeType, WidthType,
};

use crate::error::{Error, Result};
use crate::view::{Arrangement, BulletView, FormRow, FormView, LetterView, LinkView, Paper, Skill, View};

/// The family the PDF uses, named for Word.
const FONT: &str = "Pretendard";

/// Word's fallback where Pretendard is not installed.
const FALLBACK: &str = "Malgun Gothic";

const ACCENT: &str = "1D4F91";
const MUTED: &str = "5B6270";

/// The text width between the margins, in twentieths of a point (A4).
const WIDTH: usize = 9866;

/// The photo cell's width: 3 cm.
const PHOTO: usize = 1701;

/// The bullet list's numbering id (1 is docx-rs's own default list).
const BULLETS: usize = 2;

/// The résumé (or, when the view holds one, the letter or the 이력서 form)
/// as DOCX bytes.
pub fn export(view: &View) -> Result<Vec<u8>> {
    let mut writer = Writer::new(view);
    match (&view.form, &view.letter) {
        (Some(form), _) => writer.form(form, view),
        (None, Some(letter)) => {
            writer.header(view);
            writer.letter(letter);
        }
        (None, None) => {
            writer.header(view);
            writer.resume(view);
        }
    }
    writer.finish(view)
}

/// Builds the document, numbering its links in order.
struct Writer {
    docx: Docx,
    links: usize,
    paragraphs: std::cell::Cell<usize>,
}

impl Writer {
    fn new(view: &View) -> Self {
        let (width, height) = match view.paper {
            Paper::A4 => (11906, 16838),
            Paper::UsLetter => (12240, 15840),
        };
        let margin = 1020; // 18 mm, as the PDF's
        let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
        let size = (view.style.size.unwrap_or(9.5) * 2.0).round() as usize;
        let accent = view.style.accent.as_deref().map(|a| a.trim_start_matches('#').to_uppercase());
        let accent = accent.unwrap_or_else(|| ACCENT.to_string());
        let paragraph = |id: &str, name: &str| Style::new(id, StyleType::Paragraph).name(name).q_format(true);
        let mut levels = AbstractNumbering::new(BULLETS);
        for (level, mark) in ["•", "◦", "▪"].into_iter().enumerate() {
            let left = 360 * (level as i32 + 1);
            levels = levels.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new(mark),
                    LevelJc::new("left"),
                )
                .indent(Some(left), Some(SpecialIndentType::Hanging(240)), None, None),
            );
        }
        let docx = Docx::new()
            .page_size(width, height)
            .page_margin(
                PageMargin::new().top(907).bottom(1020).left(margin).right(margin).header(567).footer(567),
            )
            .default_fonts(fonts)
            .default_size(size)
            .default_line_spacing(LineSpacing::new().after(40).line(264))
            .add_style(
                paragraph("Title", "Title").size(size * 3).bold().line_spacing(LineSpacing::new().after(60)),
            )
            .add_style(paragraph("Subtitle", "Subtitle").size(size + 3).color(MUTED))
            .add_style(
                paragraph("Heading1", "heading 1")
                    .size(size + 5)
                    .bold()
                    .color(accent.clone())
                    .outline_lvl(0)
                    .line_spacing(LineSpacing::new().before(280).after(80)),
            )
            .add_style(
                paragraph("Heading2", "heading 2")
                    .size(size + 2)
                    .bold()
                    .outline_lvl(1)
                    .line_spacing(LineSpacing::new().before(200).after(40)),
            )
            .add_style(
                paragraph("Heading3", "heading 3")
                    .size(size)
                    .bold()
                    .outline_lvl(2)
                    .line_spacing(LineSpacing::new().before(100).after(20)),
            )
            .add_style(paragraph("Meta", "Meta").size(size.saturating_sub(1)).color(MUTED))
            .add_style(
                Style::new("Hyperlink", StyleType::Character)
                    .name("Hyperlink")
                    .color(accent)
                    .underline("single"),
            )
            .add_abstract_numbering(levels)
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        Writer { docx, links: 0, paragraphs: std::cell::Cell::new(0) }
    }

    /// A new paragraph, its id numbered in document order (docx-rs counts
    /// per thread, so ids would depend on which thread built what).
    fn para(&self) -> Paragraph {
        self.paragraphs.set(self.paragraphs.get() + 1);
        Paragraph::new().id(format!("{:08X}", self.paragraphs.get()))
    }

    fn add(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// A paragraph of `text`, its line breaks kept (an address on several
    /// lines).
    fn text(&mut self, style: &str, text: &str) {
        let mut paragraph = self.para().style(style);
        for (n, line) in text.split('\n').enumerate() {
            let mut run = Run::new();
            if n > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            paragraph = paragraph.add_run(run.add_text(line.trim_end_matches('\r')));
        }
        self.add(paragraph);
    }

    /// A link as Word keeps one: its id numbered in document order.
    fn link(&mut self, link: &LinkView) -> Hyperlink {
        self.links += 1;
        let mut hyperlink = Hyperlink::new(&link.url, HyperlinkType::External)
            .add_run(Run::new().style("Hyperlink").add_text(&link.text));
        if let HyperlinkData::External { rid, .. } = &mut hyperlink.link {
            *rid = format!("rIdLink{}", self.links);
        }
        hyperlink
    }

    /// The name, headline and contacts, as at the top of the PDF.
    fn header(&mut self, view: &View) {
        self.text("Title", &view.person.name);
        if let Some(headline) = &view.person.headline {
            self.text("Subtitle", headline);
        }
        let mut contacts = self.para().style("Meta");
        let mut first = true;
        if let Some(location) = &view.person.location {
            contacts = contacts.add_run(Run::new().add_text(location));
            first = false;
        }
        for contact in &view.person.contacts {
            if !first {
                contacts = contacts.add_run(Run::new().add_text(" · "));
            }
            first = false;
            let link = self.link(contact);
            contacts = contacts.add_hyperlink(link);
        }
        if !first {
            self.add(contacts);
        }
    }

    fn resume(&mut self, view: &View) {
        let arrangement = view.arrangement;
        let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
        if let Some(summary) = &view.summary {
            if arrangement == Arrangement::ByEmployer {
                self.text("Heading1", &label("section-profile"));
            }
            self.text("Normal", summary);
        }
        if let Some(career) = &view.career {
            self.text("Heading1", &label("section-summary"));
            {
                let paragraph = self.para().add_run(Run::new().bold().add_text(&career.total));
                self.add(paragraph)
            };
            for line in &career.lines {
                let mut head = vec![line.company.clone()];
                if let [only] = line.roles.as_slice() {
                    head.push(only.with_department());
                }
                head.extend(line.location.clone());
                self.bullet(0, &format!("{}: {} ({})", head.join(" · "), line.period, line.duration), None);
                if line.roles.len() > 1 {
                    for role in &line.roles {
                        let period = role.period.as_deref().map(|p| format!(": {p}")).unwrap_or_default();
                        self.bullet(1, &format!("{}{period}", role.with_department()), None);
                    }
                }
            }
        }
        match arrangement {
            Arrangement::ByProject => self.projects(view, &label),
            Arrangement::ByEmployer => self.employments(view, &label),
        }
        if !view.skills.is_empty() {
            self.text("Heading1", &label("section-skills"));
            for group in &view.skills {
                let items: Vec<String> = group.items.iter().map(Skill::with_duration).collect();
                self.add(
                    self.para()
                        .add_run(Run::new().color(MUTED).add_text(format!("{}  ", group.label)))
                        .add_run(Run::new().add_text(items.join(", "))),
                );
            }
        }
        if !view.education.is_empty() {
            self.text("Heading1", &label("section-education"));
            for education in &view.education {
                let mut lead = education.school.clone();
                if let Some(degree) = &education.degree {
                    lead.push_str(&format!(" · {degree}"));
                }
                self.text("Heading3", &lead);
                let gpa = education.gpa.as_deref().map(|g| format!("{} {g}", label("field-gpa")));
                let meta: Vec<&str> =
                    [education.period.as_deref(), gpa.as_deref()].into_iter().flatten().collect();
                if !meta.is_empty() {
                    self.text("Meta", &meta.join(" · "));
                }
                self.bullets(&education.details, 0);
            }
        }
        if !view.certifications.is_empty() {
            self.text("Heading1", &label("section-certifications"));
            for certification in &view.certifications {
                let parts: Vec<&str> = [
                    Some(certification.name.as_str()),
                    certification.issuer.as_deref(),
                    certification.date.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                self.bullet(0, &parts.join(" · "), certification.link.as_ref());
            }
        }
        if !view.language_tests.is_empty() {
            self.text("Heading1", &label("section-language-tests"));
            for test in &view.language_tests {
                let score = format!("{} {}", test.test, test.score);
                let parts: Vec<&str> = [Some(score.as_str()), test.issuer.as_deref(), test.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                self.bullet(0, &parts.join(" · "), None);
            }
        }
        if !view.awards.is_empty() {
            self.text("Heading1", &label("section-awards"));
            for award in &view.awards {
                let parts: Vec<&str> =
                    [Some(award.name.as_str()), award.issuer.as_deref(), award.date.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                self.bullet(0, &parts.join(" · "), None);
                if let Some(summary) = &award.summary {
                    self.bullet(1, summary, None);
                }
            }
        }
        if !view.open_source.is_empty() {
            self.text("Heading1", &label("section-open-source"));
            for contribution in &view.open_source {
                let description =
                    contribution.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
                let period = contribution.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                self.bullet(
                    0,
                    &format!("{}{period}{description}", contribution.name),
                    contribution.link.as_ref(),
                );
            }
        }
        for section in &view.sections {
            self.text("Heading1", &section.title);
            self.bullets(&section.items, 0);
        }
    }

    /// The 경력기술서: each project, its facts as a table, its bullets.
    fn projects(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
        if view.projects.is_empty() {
            return;
        }
        self.text("Heading1", &label("section-projects"));
        for project in &view.projects {
            {
                let paragraph =
                    self.para().style("Heading2").keep_next(true).add_run(Run::new().add_text(&project.name));
                self.add(paragraph)
            };
            self.add(
                self.para().style("Meta").keep_next(true).add_run(
                    Run::new()
                        .add_text(format!("{} · {} ({})", project.company, project.period, project.duration)),
                ),
            );
            if let Some(description) = &project.description {
                self.text("Normal", description);
            }
            if !project.facts.is_empty() {
                let rows = project
                    .facts
                    .iter()
                    .map(|fact| {
                        let mut values: Vec<String> = fact.value.iter().cloned().collect();
                        values.extend(fact.details.iter().map(|d| match &d.label {
                            Some(label) => format!("{label}: {}", d.value),
                            None => d.value.clone(),
                        }));
                        TableRow::new(vec![
                            TableCell::new().width(1600, WidthType::Dxa).add_paragraph(
                                self.para().add_run(Run::new().color(MUTED).add_text(&fact.label)),
                            ),
                            TableCell::new()
                                .width(WIDTH - 1600, WidthType::Dxa)
                                .add_paragraph(self.para().add_run(Run::new().add_text(values.join(" · ")))),
                        ])
                    })
                    .collect();
                self.table(Table::new(rows).set_grid(vec![1600, WIDTH - 1600]).clear_all_border());
            }
            for (part, bullets) in [
                ("part-responsibilities", &project.responsibilities),
                ("part-achievements", &project.achievements),
            ] {
                if !bullets.is_empty() {
                    self.text("Heading3", &label(part));
                    self.bullets(bullets, 0);
                }
            }
            if !project.troubleshooting.is_empty() {
                self.text("Heading3", &label("part-troubleshooting"));
                for trouble in &project.troubleshooting {
                    self.bullet(0, &trouble.problem, None);
                    if let Some(resolution) = &trouble.resolution {
                        self.bullet(1, resolution, None);
                    }
                    if let Some(link) = &trouble.link {
                        self.bullet(1, "", Some(link));
                    }
                }
            }
        }
    }

    /// The résumé by employer: each employment, its titles, then a bullet
    /// per project.
    fn employments(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
        if view.employments.is_empty() {
            return;
        }
        self.text("Heading1", &label("section-experience"));
        for employment in &view.employments {
            {
                let paragraph = self
                    .para()
                    .style("Heading2")
                    .keep_next(true)
                    .add_run(Run::new().add_text(&employment.company));
                self.add(paragraph)
            };
            let mut meta = vec![employment.period.clone()];
            if let Some(location) = &employment.location {
                meta.insert(0, location.clone());
            }
            {
                let paragraph =
                    self.para().style("Meta").keep_next(true).add_run(Run::new().add_text(meta.join(" · ")));
                self.add(paragraph)
            };
            for role in &employment.roles {
                let period = role.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                let title = role.with_department();
                {
                    let paragraph = self
                        .para()
                        .keep_next(true)
                        .add_run(Run::new().bold().add_text(format!("{title}{period}")));
                    self.add(paragraph)
                };
            }
            for id in &employment.projects {
                let Some(project) = view.projects.iter().find(|p| &p.id == id) else { continue };
                // As the PDF sets it: the name, its dates and link, and its
                // first highlight, the next ones beneath; the view chose them.
                let highlights = &project.highlights;
                let mut lead = self
                    .para()
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                    .keep_next(highlights.len() > 1)
                    .add_run(Run::new().bold().add_text(&project.name))
                    .add_run(Run::new().color(MUTED).add_text(format!("  {}", project.period)));
                if let Some(link) = &project.highlight_link {
                    lead = lead.add_run(Run::new().add_text(" "));
                    let link = self.link(link);
                    lead = lead.add_hyperlink(link);
                }
                match (highlights.first(), &project.description) {
                    (Some(first), _) => {
                        lead = lead.add_run(
                            Run::new().add_text(format!(" — {}", first.text.as_deref().unwrap_or_default())),
                        )
                    }
                    (None, Some(description)) => {
                        lead = lead.add_run(Run::new().add_text(format!(" — {description}")))
                    }
                    (None, None) => {}
                }
                if let Some(link) = highlights.first().and_then(|h| h.link.as_ref()) {
                    lead = lead.add_run(Run::new().add_text(" "));
                    let link = self.link(link);
                    lead = lead.add_hyperlink(link);
                }
                self.add(lead);
                for highlight in highlights.iter().skip(1) {
                    self.bullet(1, highlight.text.as_deref().unwrap_or_default(), highlight.link.as_ref());
                }
                if !project.tech.is_empty() {
                    self.add(self.para().style("Meta").indent(Some(360), None, None, None).add_run(
                        Run::new().add_text(format!("{}: {}", label("part-tech"), project.tech.join(", "))),
                    ));
                }
            }
        }
    }

    fn bullets(&mut self, bullets: &[BulletView], depth: usize) {
        for bullet in bullets {
            self.bullet(depth, bullet.text.as_deref().unwrap_or_default(), bullet.link.as_ref());
            self.bullets(&bullet.items, (depth + 1).min(2));
        }
    }

    /// One list item, at `depth`, with its link after the text.
    fn bullet(&mut self, depth: usize, text: &str, link: Option<&LinkView>) {
        let mut paragraph = self.para().numbering(NumberingId::new(BULLETS), IndentLevel::new(depth.min(2)));
        if !text.is_empty() {
            paragraph = paragraph.add_run(Run::new().add_text(text));
        }
        if let Some(link) = link {
            if !text.is_empty() {
                paragraph = paragraph.add_run(Run::new().add_text(" "));
            }
            let link = self.link(link);
            paragraph = paragraph.add_hyperlink(link);
        }
        self.add(paragraph);
    }

    /// A 자기소개서 (questions) or a cover letter (paragraphs).
    fn letter(&mut self, letter: &LetterView) {
        if letter.questions.is_empty() {
            // A business letter in block style, as the PDF sets it: the
            // date first, then the addressee, the subject, the greeting.
            let date = self.para().line_spacing(LineSpacing::new().before(240).after(240));
            self.add(date.add_run(Run::new().add_text(&letter.date)));
            if let Some(addressee) = &letter.addressee {
                self.text("Normal", addressee);
            }
            if let Some(title) = &letter.title {
                let subject = self.para().line_spacing(LineSpacing::new().before(240).after(160));
                self.add(subject.add_run(Run::new().bold().add_text(title)));
            }
        } else {
            let paragraph = self.para().style("Heading1").add_run(Run::new().add_text(&letter.kind));
            self.add(paragraph);
            for line in [&letter.title, &letter.addressee].into_iter().flatten() {
                self.text("Meta", line);
            }
        }
        for (n, question) in letter.questions.iter().enumerate() {
            let mut heading = self
                .para()
                .style("Heading2")
                .keep_next(true)
                .add_run(Run::new().add_text(format!("{}. {}", n + 1, question.question)));
            if let Some(limit) = &question.limit {
                heading = heading
                    .add_run(Run::new().color(MUTED).bold().disable_bold().add_text(format!("  ({limit})")));
            }
            self.add(heading);
            for paragraph in question.answer.split('\n') {
                self.text("Normal", paragraph.trim_end_matches('\r'));
            }
            if let Some(count) = question.count.as_ref().filter(|_| letter.counts) {
                {
                    let paragraph = self
                        .para()
                        .style("Meta")
                        .align(AlignmentType::Right)
                        .add_run(Run::new().add_text(count));
                    self.add(paragraph)
                };
            }
        }
        if let Some(salutation) = &letter.salutation {
            self.text("Normal", salutation);
        }
        for paragraph in &letter.paragraphs {
            {
                let paragraph = self
                    .para()
                    .line_spacing(LineSpacing::new().after(160))
                    .add_run(Run::new().add_text(paragraph));
                self.add(paragraph)
            };
        }
        if let Some(closing) = &letter.closing {
            let sign_off =
                self.para().keep_next(true).line_spacing(LineSpacing::new().before(240).after(480));
            self.add(sign_off.add_run(Run::new().add_text(closing)));
            let signature = self.para().add_run(Run::new().bold().add_text(&letter.signature));
            self.add(signature);
        }
    }

    /// The 이력서: the personal table with its 3 × 4 cm photo cell, then a
    /// ruled table per part in the conventional order, then the
    /// declaration, the date and the applicant's name, as the PDF has them.
    fn form(&mut self, form: &FormView, view: &View) {
        let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
        let title = self.para().align(AlignmentType::Center).line_spacing(LineSpacing::new().after(240));
        self.add(
            title.add_run(Run::new().size(44).bold().character_spacing(120).add_text(label("form-title"))),
        );
        self.form_heading(&label("form-personal"));
        let photo = |merge| {
            let cell = TableCell::new()
                .width(PHOTO, WidthType::Dxa)
                .vertical_merge(merge)
                .vertical_align(VAlignType::Center);
            match merge {
                VMergeType::Restart => cell.add_paragraph(
                    self.para()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().color(MUTED).add_text(label("form-photo"))),
                ),
                _ => cell.add_paragraph(self.para()),
            }
        };
        let value = |text: &Option<String>, span: usize| {
            let cell = TableCell::new().vertical_align(VAlignType::Center);
            let cell = if span > 1 { cell.grid_span(span) } else { cell };
            cell.add_paragraph(self.para().add_run(Run::new().add_text(text.clone().unwrap_or_default())))
        };
        let mut rows = vec![
            TableRow::new(vec![
                photo(VMergeType::Restart),
                self.head(&label("form-name")).vertical_merge(VMergeType::Restart),
                self.head(&label("form-name-hangul")),
                self.head(&label("form-name-hanja")),
                self.head(&label("form-name-latin")),
            ]),
            TableRow::new(vec![
                photo(VMergeType::Continue),
                TableCell::new().vertical_merge(VMergeType::Continue).add_paragraph(self.para()),
                self.centred(&Some(form.name.clone())),
                self.centred(&form.name_hanja),
                self.centred(&form.name_latin),
            ]),
        ];
        let rows_of = [
            ("form-birth-date", &form.birth_date),
            ("form-phone", &form.phone),
            ("form-email", &form.email),
            ("form-address", &form.address),
            ("form-nationality", &form.nationality),
            ("form-visa", &form.visa),
        ];
        for (id, text) in rows_of {
            // A foreign national's rows only when given.
            if text.is_none() && matches!(id, "form-nationality" | "form-visa") {
                continue;
            }
            rows.push(TableRow::new(vec![
                photo(VMergeType::Continue),
                self.head(&label(id)),
                value(text, 3),
            ]));
        }
        // Six rows of at least 4 cm together: the photo's height.
        let rows =
            rows.into_iter().map(|row| row.row_height(378.0).height_rule(HeightRule::AtLeast)).collect();
        let rest = (WIDTH - PHOTO - 1300) / 3;
        self.table(Table::new(rows).set_grid(vec![PHOTO, 1300, rest, rest, WIDTH - PHOTO - 1300 - 2 * rest]));

        let military: Vec<FormRow> = form.military.iter().cloned().collect();
        let parts: [(&str, &[&str], &[FormRow]); 6] = [
            (
                "form-education",
                &["form-period", "form-school", "form-major", "form-standing", "form-gpa"],
                &form.education,
            ),
            (
                "form-career",
                &["form-period", "form-company", "form-department", "form-position", "form-duties"],
                &form.career,
            ),
            (
                "form-certifications",
                &["form-obtained", "form-certificate", "form-issuer"],
                &form.certifications,
            ),
            (
                "form-languages",
                &["form-test", "form-score", "form-test-date", "form-issuer"],
                &form.languages,
            ),
            (
                "form-military",
                &["form-branch", "form-rank", "form-service", "form-specialty", "form-exemption"],
                &military,
            ),
            ("form-awards", &["form-award-date", "form-award", "form-issuer"], &form.awards),
        ];
        for (title, heads, body) in parts {
            if (title == "form-awards" && body.is_empty())
                || (title == "form-military" && !form.military_table)
            {
                continue;
            }
            self.form_heading(&label(title));
            let width = WIDTH / heads.len();
            let mut rows = vec![TableRow::new(heads.iter().map(|id| self.head(&label(id))).collect())];
            // An empty table keeps one empty row, to be filled in by hand.
            let empty = [FormRow { cells: vec![String::new(); heads.len()] }];
            for row in if body.is_empty() { &empty[..] } else { body } {
                rows.push(TableRow::new(
                    (0..heads.len())
                        .map(|n| self.centred(&Some(row.cells.get(n).cloned().unwrap_or_default())))
                        .collect(),
                ));
            }
            self.table(Table::new(rows).set_grid(vec![width; heads.len()]));
        }
        let declaration = self.centre(label("form-declaration"), 600);
        self.add(declaration);
        let date = self.centre(form.date.clone(), 360);
        self.add(date);
        let applicant = self
            .para()
            .align(AlignmentType::Right)
            .line_spacing(LineSpacing::new().before(360))
            .add_run(Run::new().add_text(format!("{}    ", label("form-applicant"))))
            .add_run(Run::new().bold().add_text(&form.name))
            .add_run(Run::new().add_text(format!("    {}", label("form-seal"))));
        self.add(applicant);
    }

    /// A cell of the form's tables: centred, as the form's values are.
    fn centred(&self, text: &Option<String>) -> TableCell {
        TableCell::new().vertical_align(VAlignType::Center).add_paragraph(
            self.para()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(text.clone().unwrap_or_default())),
        )
    }

    /// A centred line of the declaration, `before` twips below the last.
    fn centre(&self, text: String, before: u32) -> Paragraph {
        self.para()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(before).after(0))
            .add_run(Run::new().add_text(text))
    }

    /// A part's title above its table.
    fn form_heading(&mut self, text: &str) {
        let heading = self
            .para()
            .style("Heading3")
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(200).after(60));
        self.add(heading.add_run(Run::new().add_text(text)));
    }

    /// A label cell of the form: grey, bold, centred.
    fn head(&self, text: &str) -> TableCell {
        TableCell::new()
            .shading(Shading::new().fill("ECECEC"))
            .vertical_align(VAlignType::Center)
            .add_paragraph(self.para().align(AlignmentType::Center).add_run(Run::new().bold().add_text(text)))
    }

    fn table(&mut self, table: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table.width(WIDTH, WidthType::Dxa));
    }

    fn finish(self, view: &View) -> Result<Vec<u8>> {
        let mut xml = self.docx.build();
        xml.font_table = font_table().into_bytes();
        xml.doc_props.core = core_properties(view).into_bytes();
        xml.document_rels = sorted_relationships(&xml.document_rels);
        xml.styles = with_language(&xml.styles);
        let mut bytes = Cursor::new(Vec::new());
        xml.pack(&mut bytes)
            .map_err(|err| Error::new(format!("the Word document could not be written: {err}")))?;
        Ok(bytes.into_inner())
    }
}

/// The fonts the document names: Pretendard, with Malgun Gothic as what
/// Word shows where Pretendard is not installed.
fn font_table() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:font w:name=\"{FONT}\"><w:altName w:val=\"{FALLBACK}\"/><w:charset w:val=\"81\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"{FALLBACK}\"><w:altName w:val=\"맑은 고딕\"/><w:charset w:val=\"81\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         </w:fonts>"
    )
}

/// The title, author, language and keywords, with fixed dates: the
/// package's own, so the same input gives the same bytes.
fn core_properties(view: &View) -> String {
    let title = match &view.letter {
        Some(letter) => format!("{} — {}", view.person.name, letter.kind),
        None => view.document.title.clone(),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language>\
         <cp:lastModifiedBy>resume {}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:modified>\
         </cp:coreProperties>",
        escape(&title),
        escape(&view.document.author),
        escape(&view.document.keywords.join(", ")),
        if view.lang == "ko" { "ko-KR" } else { "en-US" },
        env!("CARGO_PKG_VERSION"),
    )
}

/// The document's relationships in a fixed order (docx-rs lists links in
/// a hash map's order, which changes from run to run).
fn sorted_relationships(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let Some(start) = text.find("<Relationship ") else { return xml.to_vec() };
    let end = text.rfind("/>").map_or(text.len(), |e| e + 2);
    let mut items: Vec<String> = text[start..end]
        .split("<Relationship ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("<Relationship {}", s.trim()))
        .collect();
    items.sort_by_key(|item| {
        let id = item.split("Id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default().to_string();
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        (id.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(), digits.parse::<u64>().unwrap_or(0))
    });
    format!("{}{}{}", &text[..start], items.concat(), &text[end..]).into_bytes()
}

/// The styles with the document's language, so Word checks the spelling
/// of Korean as Korean and of English as English, and with Word's spacing
/// between scripts off.
fn with_language(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    // Hangul is set in the East Asian slot and checked as Korean; Latin
    // words are in the Latin slot, and tagged Korean there they would be
    // broken anywhere by LibreOffice ("Platfor|m"). The document's own
    // language is in its core properties.
    let tag = "<w:lang w:val=\"en-US\" w:eastAsia=\"ko-KR\" w:bidi=\"ar-SA\" />";
    let mut text = text.into_owned();
    if let Some(at) = text.find("<w:rPrDefault><w:rPr>") {
        text.insert_str(at + "<w:rPrDefault><w:rPr>".len(), tag);
    }
    // No extra space between Hangul and Latin letters or digits, which
    // Word adds by default: `18년` stays as the PDF sets it.
    if let Some(at) = text.find("<w:pPrDefault><w:pPr><w:rPr /><w:spacing") {
        let at = at + "<w:pPrDefault><w:pPr><w:rPr />".len();
        text.insert_str(at, "<w:autoSpaceDE w:val=\"0\" /><w:autoSpaceDN w:val=\"0\" />");
    }
    text.into_bytes()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
