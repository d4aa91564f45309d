//! The 이력서 form as Word tables: the personal table with its 3 × 4 cm
//! photo cell, a ruled table per part, the declaration, date and name.

use docx_rs::{
    AlignmentType, HeightRule, LineSpacing, Paragraph, Run, Shading, Table, TableCell, TableRow, VAlignType,
    VMergeType, WidthType,
};

use super::{MUTED, PHOTO, Writer};
use crate::view::{FormRow, FormView, View};

impl Writer {
    /// The 이력서: the personal table with its 3 × 4 cm photo cell, then a
    /// ruled table per part in the conventional order, then the
    /// declaration, the date and the applicant's name, as the PDF has them.
    pub(super) fn form(&mut self, form: &FormView, view: &View) {
        let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
        let title = self.para().align(AlignmentType::Center).line_spacing(LineSpacing::new().after(240));
        self.add(
            title.add_run(Run::new().size(44).bold().character_spacing(120).add_text(label("form-title"))),
        );
        self.personal(form, &label);
        self.tables(form);
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

    /// 인적사항: the photo cell beside the name in three scripts, then a
    /// row per detail (a foreign national's nationality and residence
    /// status only when given).
    fn personal(&mut self, form: &FormView, label: &dyn Fn(&str) -> String) {
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
        let rest = (self.width - PHOTO - 1300) / 3;
        self.table(Table::new(rows).set_grid(vec![
            PHOTO,
            1300,
            rest,
            rest,
            self.width - PHOTO - 1300 - 2 * rest,
        ]));
    }

    /// The tables after 인적사항, as the view decided them.
    fn tables(&mut self, form: &FormView) {
        // The tables and their columns as the view decided them; the
        // widths are Word's, by table (the columns that hold the longest
        // texts widest).
        for table in &form.tables {
            self.form_heading(&table.title);
            let weights: &[usize] = match table.id.as_str() {
                "form-education" => &[22, 26, 22, 14, 16],
                "form-career" => &[23, 22, 15, 16, 24],
                "form-certifications" => &[18, 46, 36],
                "form-languages" => &[24, 24, 22, 30],
                "form-military" if table.heads.len() == 5 => &[16, 18, 18, 26, 22],
                "form-military" => &[25, 75],
                "form-awards" => &[18, 46, 36],
                _ => &[],
            };
            let columns = table.heads.len();
            let total: usize = weights.iter().sum::<usize>().max(1);
            let widths: Vec<usize> = match weights.len() == columns {
                true => weights.iter().map(|w| self.width * w / total).collect(),
                false => vec![self.width / columns.max(1); columns],
            };
            let mut rows = vec![TableRow::new(table.heads.iter().map(|h| self.head(h)).collect())];
            // An empty table keeps one empty row, to be filled in by hand.
            let empty = [FormRow { cells: vec![String::new(); columns] }];
            for row in if table.rows.is_empty() { &empty[..] } else { &table.rows } {
                rows.push(TableRow::new(
                    (0..columns)
                        .map(|n| self.centred(&Some(row.cells.get(n).cloned().unwrap_or_default())))
                        .collect(),
                ));
            }
            self.table(Table::new(rows).set_grid(widths));
        }
    }

    /// A cell of the form's tables: centred, as the form's values are.
    pub(super) fn centred(&self, text: &Option<String>) -> TableCell {
        TableCell::new().vertical_align(VAlignType::Center).add_paragraph(
            self.para()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(text.clone().unwrap_or_default())),
        )
    }

    /// A centred line of the declaration, `before` twips below the last.
    pub(super) fn centre(&self, text: String, before: u32) -> Paragraph {
        self.para()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(before).after(0))
            .add_run(Run::new().add_text(text))
    }

    /// A part's title above its table.
    pub(super) fn form_heading(&mut self, text: &str) {
        let heading = self
            .para()
            .style("Heading3")
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(200).after(60));
        self.add(heading.add_run(Run::new().add_text(text)));
    }

    /// A label cell of the form: grey, bold, centred.
    pub(super) fn head(&self, text: &str) -> TableCell {
        TableCell::new()
            .shading(Shading::new().fill("ECECEC"))
            .vertical_align(VAlignType::Center)
            .add_paragraph(self.para().align(AlignmentType::Center).add_run(Run::new().bold().add_text(text)))
    }
}
