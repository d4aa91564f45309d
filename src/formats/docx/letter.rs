//! A 자기소개서 (each question a heading with its limit, each answer as
//! written) or a cover letter in block style, signed.

use super::wml::{Paragraph, Run};
use super::{MUTED, Writer};
use crate::view::LetterView;

impl Writer {
    /// A 자기소개서 (questions) or a cover letter (paragraphs).
    pub(super) fn letter(&mut self, letter: &LetterView) {
        if letter.questions.is_empty() {
            // A business letter in block style, as the PDF sets it: the
            // date first, then the addressee, the subject, the greeting.
            if let Some(date) = &letter.date {
                self.add(Paragraph::new().spacing(Some(240), Some(240)).run(Run::text(date)));
            }
            if let Some(addressee) = &letter.addressee {
                self.text("Normal", addressee);
            }
            if let Some(title) = &letter.title {
                self.add(Paragraph::new().spacing(Some(240), Some(160)).run(Run::text(title).bold()));
            }
        } else {
            self.add(Paragraph::new().style("Heading1").keep_next(true).run(Run::text(&letter.kind)));
            for line in [&letter.title, &letter.addressee].into_iter().flatten() {
                self.text("Meta", line);
            }
        }
        for (n, question) in letter.questions.iter().enumerate() {
            let mut heading = Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .keep_lines()
                .run(Run::text(format!("{}. {}", n + 1, question.question)));
            if let Some(limit) = &question.limit {
                heading = heading.run(Run::text(format!("  ({limit})")).color(MUTED).not_bold());
            }
            self.add(heading);
            // Paragraphs at blank lines, spaced by their style rather than
            // by empty paragraphs; a single line break stays a break.
            let answer = question.answer.replace("\r\n", "\n");
            for paragraph in answer.split("\n\n").filter(|p| !p.trim().is_empty()) {
                self.spaced(paragraph);
            }
            if let Some(count) = question.count.as_ref().filter(|_| letter.counts) {
                self.add(Paragraph::new().style("Meta").align("right").run(Run::text(count)));
            }
        }
        if let Some(salutation) = &letter.salutation {
            self.spaced(salutation);
        }
        for paragraph in &letter.paragraphs {
            self.spaced(paragraph);
        }
        if let Some(closing) = &letter.closing {
            // Room for a handwritten signature under the closing.
            self.add(Paragraph::new().keep_next(true).spacing(Some(240), Some(720)).run(Run::text(closing)));
        }
        if let Some(signature) = &letter.signature {
            self.add(Paragraph::new().run(Run::text(signature).bold()));
        }
    }

    /// A paragraph of prose with the space of a blank line after it (a
    /// line of the body size, 12 pt), its line breaks kept.
    fn spaced(&mut self, text: &str) {
        self.add(Paragraph::new().spacing(None, Some(240)).lines(text));
    }
}
