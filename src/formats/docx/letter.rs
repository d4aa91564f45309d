//! A 자기소개서 (each question a heading with its limit, each answer as
//! written) or a cover letter in block style, signed.

use docx_rs::{AlignmentType, LineSpacing, Run};

use super::{MUTED, Writer};
use crate::view::LetterView;

impl Writer {
    /// A 자기소개서 (questions) or a cover letter (paragraphs).
    pub(super) fn letter(&mut self, letter: &LetterView) {
        if letter.questions.is_empty() {
            // A business letter in block style, as the PDF sets it: the
            // date first, then the addressee, the subject, the greeting.
            if let Some(date) = &letter.date {
                let line = self.para().line_spacing(LineSpacing::new().before(240).after(240));
                self.add(line.add_run(Run::new().add_text(date)));
            }
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
            // Paragraphs at blank lines, spaced by their style rather than
            // by empty paragraphs; a single line break stays a break.
            let answer = question.answer.replace("\r\n", "\n");
            for paragraph in answer.split("\n\n").filter(|p| !p.trim().is_empty()) {
                self.spaced(paragraph);
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
            self.spaced(paragraph);
        }
        if let Some(closing) = &letter.closing {
            let sign_off =
                self.para().keep_next(true).line_spacing(LineSpacing::new().before(240).after(480));
            self.add(sign_off.add_run(Run::new().add_text(closing)));
        }
        if let Some(signature) = &letter.signature {
            let line = self.para().add_run(Run::new().bold().add_text(signature));
            self.add(line);
        }
    }

    /// A paragraph of prose with the space of a blank line after it, its
    /// line breaks kept.
    fn spaced(&mut self, text: &str) {
        let paragraph = super::with_lines(self.para().line_spacing(LineSpacing::new().after(160)), text);
        self.add(paragraph);
    }
}
