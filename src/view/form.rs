//! The 이력서 form as the view gives it: the only document that carries
//! the private details.

use serde::Serialize;

/// The 이력서 form: the person's details (private ones included) and one
/// row per entry of each table, dates as `2016.07 ~ 2022.03`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FormView {
    /// 성명 in Hangul.
    pub name: String,
    /// 성명 in Hanja.
    pub name_hanja: Option<String>,
    /// 성명 in the Latin alphabet.
    pub name_latin: Option<String>,
    /// 생년월일 (`1990.03.14`).
    pub birth_date: Option<String>,
    /// 휴대폰.
    pub phone: Option<String>,
    /// 이메일.
    pub email: Option<String>,
    /// 주소.
    pub address: Option<String>,
    /// 국적, when the applicant gives it (a foreign national).
    pub nationality: Option<String>,
    /// 체류자격 (`E-7`), when the applicant gives it.
    pub visa: Option<String>,
    /// The tables after 인적사항, in the order they print, each with its
    /// columns and rows: 학력사항, 경력사항 (newest first), 자격증·면허, 어학,
    /// 병역사항 (not when the duty does not apply, `status =
    /// "not-applicable"`, or the selection hides `military`) and 수상·활동
    /// (when there are awards). Decided once here, so the PDF and the Word
    /// form have the same tables with the same columns; a layout chooses
    /// only their widths.
    pub tables: Vec<FormTable>,
    /// The day it is signed (`2026년 12월 1일`).
    pub date: String,
}

/// One table of the form.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FormTable {
    /// Its id (`form-career`), by which a layout picks its widths.
    pub id: String,
    /// Its title (`경력사항`).
    pub title: String,
    /// Its column heads, in order.
    pub heads: Vec<String>,
    /// Its rows; with none, the table prints one empty row to fill in by
    /// hand.
    pub rows: Vec<FormRow>,
}

/// A row of one of the form's tables: its cells in the table's column
/// order (empty where the résumé says nothing).
#[derive(Debug, Clone, Default, Serialize)]
pub struct FormRow {
    /// The cells.
    pub cells: Vec<String>,
}
