//! The 이력서 form as Word tables: the personal table with its 3 × 4 cm
//! photo cell, a ruled table per part, the declaration, date and name.

use super::wml::{Cell, Merge, Paragraph, Row, Run, Table};
use super::{MUTED, PHOTO, Writer, picture};
use crate::view::{FormRow, FormView, View};

/// The label column of the personal table.
const LABEL: usize = 1300;

/// A row of the personal table: six of them make the photo's 4 cm.
const PERSONAL_ROW: usize = 378;

/// The cells' margins left and right together, in twips.
const CELL_MARGINS: usize = 160;

impl Writer {
    /// The 이력서: the personal table with its 3 × 4 cm photo cell, then a
    /// ruled table per part in the conventional order, then the
    /// declaration, the date and the applicant's name, as the PDF has them.
    pub(super) fn form(&mut self, form: &FormView, view: &View, photo: Option<&[u8]>) {
        let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
        self.add(
            Paragraph::new()
                .style("Title")
                .align("center")
                .spacing(None, Some(240))
                .run(Run::text(label("form-title")).size(44).bold().spacing(120)),
        );
        let photo = photo.filter(|_| view.style.photo.is_some()).and_then(|bytes| {
            let found = picture::media(bytes);
            if found.is_none() {
                self.notes.push(
                    "the photo is not shown in the Word file: Word shows JPEG, PNG, GIF and WebP photos, not SVG"
                        .to_string(),
                );
            }
            found
        });
        let photo = photo.map(|(media, pixels)| {
            self.picture = Some(media);
            pixels
        });
        self.personal(form, &label, photo);
        self.tables(form);
        self.add(centre(label("form-declaration"), 600));
        self.add(centre(form.date.clone(), 360));
        self.add(
            Paragraph::new()
                .align("right")
                .spacing(Some(360), None)
                .run(Run::text(format!("{}    ", label("form-applicant"))))
                .run(Run::text(&form.name).bold())
                .run(Run::text(format!("    {}", label("form-seal")))),
        );
    }

    /// 인적사항: the photo cell beside the name in three scripts, then a
    /// row per detail (a foreign national's nationality and residence
    /// status only when given).
    fn personal(&mut self, form: &FormView, label: &dyn Fn(&str) -> String, photo: Option<(u32, u32)>) {
        self.form_heading(&label("form-personal"));
        let rows_of = [
            ("form-birth-date", &form.birth_date),
            ("form-phone", &form.phone),
            ("form-email", &form.email),
            ("form-address", &form.address),
            ("form-nationality", &form.nationality),
            ("form-visa", &form.visa),
        ];
        // A foreign national's rows only when given.
        let details: Vec<_> = rows_of
            .into_iter()
            .filter(|(id, text)| text.is_some() || !matches!(*id, "form-nationality" | "form-visa"))
            .collect();
        let height = PERSONAL_ROW * (2 + details.len());
        let first = match photo {
            // Inside the cell's borders, half a point clear of them.
            Some(pixels) => Paragraph::new().align("center").spacing(Some(0), Some(0)).single_spaced().run(
                Run::drawing(picture::inline(pixels, PHOTO - 20, height.min(PHOTO * 4 / 3) - 20, &form.name)),
            ),
            None => Paragraph::new().align("center").run(Run::text(label("form-photo")).color(MUTED)),
        };
        let photo_cell = |merge| {
            let paragraph = match merge {
                Merge::Start => first.clone(),
                Merge::Continue => Paragraph::new(),
            };
            Cell::new(paragraph).width(PHOTO).merge(merge).flush().centred()
        };
        let rest = (self.width - PHOTO - LABEL) / 3;
        let mut rows = vec![
            Row::new(vec![
                photo_cell(Merge::Start),
                head(&label("form-name")).merge(Merge::Start),
                head(&label("form-name-hangul")),
                head(&label("form-name-hanja")),
                head(&label("form-name-latin")),
            ]),
            Row::new(vec![
                photo_cell(Merge::Continue),
                Cell::new(Paragraph::new()).merge(Merge::Continue),
                centred(&Some(form.name.clone())),
                centred(&form.name_hanja),
                centred(&form.name_latin),
            ]),
        ];
        for (id, text) in details {
            let value = Paragraph::new().run(Run::text(text.clone().unwrap_or_default()));
            rows.push(Row::new(vec![
                photo_cell(Merge::Continue),
                head(&label(id)),
                Cell::new(value).span(3).centred(),
            ]));
        }
        // The rows together at least the photo's height.
        let rows = rows.into_iter().map(|row| row.height(PERSONAL_ROW)).collect();
        let last = self.width - PHOTO - LABEL - 2 * rest;
        self.table(Table { grid: vec![PHOTO, LABEL, rest, rest, last], rows, ruled: true });
    }

    /// The tables after 인적사항, as the view decided them, each column
    /// as wide as its content asks.
    fn tables(&mut self, form: &FormView) {
        for table in &form.tables {
            self.form_heading(&table.title);
            let columns = table.heads.len();
            // An empty table keeps one empty row, to be filled in by hand.
            let empty = [FormRow { cells: vec![String::new(); columns] }];
            let body = if table.rows.is_empty() { &empty[..] } else { &table.rows[..] };
            let widths = column_widths(&table.heads, body, self.width);
            let mut rows = vec![Row::new(table.heads.iter().map(|h| head(h)).collect())];
            for row in body {
                rows.push(Row::new(
                    (0..columns)
                        .map(|n| centred(&Some(row.cells.get(n).cloned().unwrap_or_default())))
                        .collect(),
                ));
            }
            self.table(Table { grid: widths, rows, ruled: true });
        }
    }

    /// A part's title above its table.
    fn form_heading(&mut self, text: &str) {
        self.add(
            Paragraph::new()
                .style("Heading1")
                .keep_next(true)
                .keep_lines()
                .spacing(Some(200), Some(60))
                .run(Run::text(text)),
        );
    }
}

/// A cell of the form's tables: centred, as the form's values are.
fn centred(text: &Option<String>) -> Cell {
    Cell::new(Paragraph::new().align("center").run(Run::text(text.clone().unwrap_or_default()))).centred()
}

/// A centred line of the declaration, `before` twips below the last.
fn centre(text: String, before: usize) -> Paragraph {
    Paragraph::new().align("center").spacing(Some(before), Some(0)).run(Run::text(text))
}

/// A label cell of the form: grey, bold, centred.
fn head(text: &str) -> Cell {
    Cell::new(Paragraph::new().align("center").run(Run::text(text).bold())).fill("ECECEC").centred()
}

/// How wide a text sets, in twips, at the form's size: Hangul and Hanja
/// a full em, everything else about half.
fn text_width(text: &str) -> usize {
    let units: usize = text
        .split('\n')
        .map(|line| line.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum::<usize>())
        .max()
        .unwrap_or(0);
    units * 100 + CELL_MARGINS
}

/// Whether `c` is set a full em wide: Hangul, Hanja, CJK punctuation and
/// full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3000}'..='\u{303f}' | '\u{3130}'..='\u{318f}'
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// Columns sized to their content within `total`: each column gets what
/// its longest cell asks, up to an even share; the room left goes to the
/// columns that want more, in proportion to what they lack; a table
/// narrower than the page spreads the spare room by the same weights.
pub(super) fn column_widths(heads: &[String], rows: &[FormRow], total: usize) -> Vec<usize> {
    let columns = heads.len().max(1);
    let wanted: Vec<usize> = (0..heads.len())
        .map(|n| {
            let cells = rows.iter().filter_map(|row| row.cells.get(n)).map(|c| text_width(c));
            cells.chain([text_width(&heads[n])]).max().unwrap_or(0)
        })
        .collect();
    let sum: usize = wanted.iter().sum();
    let mut widths: Vec<usize> = if sum <= total {
        wanted.iter().map(|w| w * total / sum.max(1)).collect()
    } else {
        let share = total / columns;
        let mut widths: Vec<usize> = wanted.iter().map(|w| (*w).min(share)).collect();
        let spare = total - widths.iter().sum::<usize>();
        let lacking: Vec<usize> = wanted.iter().zip(&widths).map(|(w, g)| w - g).collect();
        let lack: usize = lacking.iter().sum::<usize>().max(1);
        for (width, lacks) in widths.iter_mut().zip(&lacking) {
            *width += spare * lacks / lack;
        }
        widths
    };
    // Rounding's remainder to the last column, so the table is exactly
    // the text's width.
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> FormRow {
        FormRow { cells: cells.iter().map(|c| c.to_string()).collect() }
    }

    #[test]
    fn the_column_with_the_longest_text_is_widest_and_the_table_fills_the_width() {
        let heads: Vec<String> = ["기간", "회사명", "부서", "직위", "담당업무"].map(String::from).to_vec();
        let rows = [row(&[
            "2021.01 ~ 현재",
            "루멘랩스",
            "플랫폼팀",
            "팀장",
            "쿠버네티스 기반 사내 플랫폼 설계와 운영 전반",
        ])];
        let widths = column_widths(&heads, &rows, 9866);
        assert_eq!(widths.iter().sum::<usize>(), 9866);
        let widest = widths.iter().enumerate().max_by_key(|(_, w)| **w).unwrap().0;
        assert_eq!(widest, 4, "{widths:?}");
        assert!(widths[3] < widths[1], "직위 is narrower than 회사명: {widths:?}");
    }

    #[test]
    fn short_tables_spread_their_room_by_content() {
        let heads: Vec<String> = ["구분", "사유"].map(String::from).to_vec();
        let widths = column_widths(&heads, &[row(&["면제", "질병"])], 9866);
        assert_eq!(widths.iter().sum::<usize>(), 9866);
    }
}
