//! A letter as the view gives it: a 자기소개서's questions, limits,
//! answers and counts, or a cover letter's paragraphs and signature.

use serde::Serialize;

/// A letter, ready to print: a 자기소개서's questions and answers, or a
/// cover letter's paragraphs.
#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    /// Its id.
    pub id: String,
    /// `자기소개서`, `Cover letter`: for the footer and the PDF's title.
    pub kind: String,
    /// What it is for (`카카오 백엔드 개발자 지원`).
    pub title: Option<String>,
    /// Who it goes to.
    pub addressee: Option<String>,
    /// Today, as a cover letter dates itself (`2026년 12월 5일`,
    /// `December 5, 2026`; the month alone when `--today` pins a month);
    /// none for a 자기소개서, which portals date.
    pub date: Option<String>,
    /// Whether to print each answer's count beneath it, as portals show.
    pub counts: bool,
    /// The questions and answers.
    pub questions: Vec<QuestionView>,
    /// A cover letter's greeting.
    pub salutation: Option<String>,
    /// A cover letter's paragraphs.
    pub paragraphs: Vec<String>,
    /// A cover letter's sign-off.
    pub closing: Option<String>,
    /// Who signs it under the sign-off: the person's name, looked up as
    /// every document looks it up (a `.ftl` message first); none without
    /// a sign-off.
    pub signature: Option<String>,
}

/// A question with its answer.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    /// The question.
    pub question: String,
    /// Its limit as a portal states it as written (`1,000자 이내 (공백 포함)`), or worded from a table limit.
    pub limit: Option<String>,
    /// The answer, line breaks kept.
    pub answer: String,
    /// The answer's count in its limit's unit (`842 / 1,000자`).
    pub count: Option<String>,
    /// Whether the answer is over its limit: a build fails on it, unless
    /// `--allow-over-limit` asks for a draft, which prints the count in red.
    pub over: bool,
}
