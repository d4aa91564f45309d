//! The résumé as Word has it: the header, the career summary, the
//! projects with their stack tables (or the employments, by employer), and
//! every other section, as the view gives them.

use docx_rs::{IndentLevel, NumberingId, Run, Table, TableCell, TableRow, WidthType};

use super::{BULLETS, MUTED, WIDTH, Writer};
use crate::view::{Arrangement, Skill, View};

impl Writer {
    /// The name, headline and contacts, as at the top of the PDF.
    pub(super) fn header(&mut self, view: &View) {
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

    /// The résumé's sections in the order the document decided.
    pub(super) fn resume(&mut self, view: &View) {
        let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
        for id in &view.order {
            match id.as_str() {
                "summary" => {
                    if let Some(summary) = &view.summary {
                        if view.arrangement == Arrangement::ByEmployer {
                            self.text("Heading1", &label("section-profile"));
                        }
                        self.text("Normal", summary);
                    }
                }
                "career" => self.career(view, &label),
                "projects" => self.projects(view, &label),
                "experience" => self.employments(view, &label),
                "skills" => self.skills(view, &label),
                "education" => self.education(view, &label),
                free if free.starts_with("section:") => {
                    let id = &free["section:".len()..];
                    if let Some(section) = view.sections.iter().find(|s| s.id == id) {
                        self.text("Heading1", &section.title);
                        self.bullets(&section.items, 0);
                    }
                }
                record => self.records(view, &label, record),
            }
        }
    }

    /// The career summary: the total, each employment, and each title with
    /// its period where there were several.
    fn career(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
        let Some(career) = &view.career else { return };
        self.text("Heading1", &label("section-summary"));
        let total = self.para().add_run(Run::new().bold().add_text(&career.total));
        self.add(total);
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

    fn skills(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
        if view.skills.is_empty() {
            return;
        }
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

    fn education(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
        if view.education.is_empty() {
            return;
        }
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

    /// Certifications, language tests, awards or open source (`id`): one
    /// line each, its parts joined by ` · `.
    fn records(&mut self, view: &View, label: &dyn Fn(&str) -> String, id: &str) {
        let line = |parts: &[Option<&str>]| parts.iter().flatten().copied().collect::<Vec<_>>().join(" · ");
        if id == "certifications" && !view.certifications.is_empty() {
            self.text("Heading1", &label("section-certifications"));
            for c in &view.certifications {
                self.bullet(
                    0,
                    &line(&[Some(&c.name), c.issuer.as_deref(), c.date.as_deref()]),
                    c.link.as_ref(),
                );
            }
        }
        if id == "language-tests" && !view.language_tests.is_empty() {
            self.text("Heading1", &label("section-language-tests"));
            for t in &view.language_tests {
                let score = format!("{} {}", t.test, t.score);
                self.bullet(0, &line(&[Some(&score), t.issuer.as_deref(), t.date.as_deref()]), None);
            }
        }
        if id == "awards" && !view.awards.is_empty() {
            self.text("Heading1", &label("section-awards"));
            for a in &view.awards {
                self.bullet(0, &line(&[Some(&a.name), a.issuer.as_deref(), a.date.as_deref()]), None);
                if let Some(summary) = &a.summary {
                    self.bullet(1, summary, None);
                }
            }
        }
        if id == "open-source" && !view.open_source.is_empty() {
            self.text("Heading1", &label("section-open-source"));
            for c in &view.open_source {
                let description = c.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
                let period = c.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                self.bullet(0, &format!("{}{period}{description}", c.name), c.link.as_ref());
            }
        }
    }

    /// The 경력기술서: each project, its facts as a table, its bullets.
    pub(super) fn projects(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
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
                        let values = fact.parts();
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
    pub(super) fn employments(&mut self, view: &View, label: &dyn Fn(&str) -> String) {
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
}
