//! Letters: a 자기소개서 (the company's questions, each with its limit and
//! answer) or a cover letter (paragraphs), written once per language like
//! every other text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use crate::letters::Limit;

/// A letter for one application (`[[letter]]`), built as
/// `--document letter:ID`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// Kebab-case, unique: how commands name the letter (`kakao`).
    pub id: String,
    /// What the letter is for (`카카오 백엔드 개발자 지원`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Who it goes to (`카카오 채용 담당자님`, `Hiring Manager, Kakao`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Text>,
    /// Whether the PDF prints each answer's count beneath it, as portals
    /// show it (`842 / 1,000자`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub counts: bool,
    /// A 자기소개서's questions, in the company's order.
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// A cover letter's greeting (`Dear Ms. Park,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Text>,
    /// A cover letter's body, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Text>,
    /// A cover letter's sign-off (`Sincerely,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Text>,
}

/// One question of a 자기소개서 and its answer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as the company asks it.
    pub question: Text,
    /// Its limit as the portal states it (`"1,000자 이내"`,
    /// `{ bytes = 2000, encoding = "euc-kr" }`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
    /// The answer, counted exactly as written (line breaks kept).
    pub answer: Text,
}
