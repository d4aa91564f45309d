//! A job posting as pasted from a web page: its lines, each under the
//! section it stands in. Korean postings name their sections 주요업무,
//! 자격요건 and 우대사항; English ones Responsibilities, Requirements and
//! Nice to have. What a section asks weighs by what it is: a requirement
//! above a duty above a preference; benefits and the hiring process ask
//! nothing.

use serde::Serialize;

/// What a section of a posting is, and so how much its asks weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// 자격요건, Requirements: asked of every applicant.
    Required,
    /// 주요업무, Responsibilities: the work itself.
    Duties,
    /// 우대사항, Nice to have.
    Preferred,
    /// Before any section, or under one that is none of these: the title
    /// and the introduction.
    Other,
}

impl Section {
    /// The weight of an ask in this section, in the score.
    pub fn weight(self) -> u32 {
        match self {
            Section::Required => 3,
            Section::Duties => 2,
            Section::Preferred | Section::Other => 1,
        }
    }

    /// The section's name in a report.
    pub fn label(self, korean: bool) -> &'static str {
        match (self, korean) {
            (Section::Required, true) => "자격요건",
            (Section::Duties, true) => "주요업무",
            (Section::Preferred, true) => "우대사항",
            (Section::Other, true) => "그 밖",
            (Section::Required, false) => "required",
            (Section::Duties, false) => "duties",
            (Section::Preferred, false) => "preferred",
            (Section::Other, false) => "elsewhere",
        }
    }
}

/// A line of the posting that may ask something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based, in the posting as given.
    pub number: usize,
    /// The words, without list marks.
    pub text: String,
    pub section: Section,
}

/// A posting read into lines.
#[derive(Debug, Clone)]
pub struct Posting {
    /// Whether it is written in Korean (most of its letters Hangul).
    pub korean: bool,
    pub lines: Vec<Line>,
}

/// Headings of each kind, lowercased; a heading line holds one and little else.
const HEADINGS: &[(&[&str], Option<Section>)] = &[
    (
        &[
            "자격요건",
            "자격 요건",
            "필수요건",
            "필수 요건",
            "지원자격",
            "지원 자격",
            "필요역량",
            "필요 역량",
            "이런 분을 찾습니다",
            "이런 분을 찾고 있어요",
            "requirements",
            "qualifications",
            "minimum qualifications",
            "basic qualifications",
            "what we're looking for",
            "what we are looking for",
            "who you are",
            "you have",
            "must have",
            "must-have",
        ],
        Some(Section::Required),
    ),
    (
        &[
            "우대사항",
            "우대 사항",
            "우대요건",
            "우대 요건",
            "이런 분이면 더 좋아요",
            "이런 분이면 더 좋습니다",
            "preferred",
            "preferred qualifications",
            "nice to have",
            "nice-to-have",
            "bonus points",
            "pluses",
            "it's a plus",
        ],
        Some(Section::Preferred),
    ),
    (
        &[
            "주요업무",
            "주요 업무",
            "담당업무",
            "담당 업무",
            "업무 내용",
            "하는 일",
            "합류하면 함께 할 업무",
            "responsibilities",
            "what you'll do",
            "what you will do",
            "the role",
            "your role",
            "duties",
        ],
        Some(Section::Duties),
    ),
    (
        &[
            "혜택",
            "복지",
            "혜택 및 복지",
            "채용절차",
            "채용 절차",
            "전형절차",
            "전형 절차",
            "근무조건",
            "근무 조건",
            "근무지",
            "회사 소개",
            "기타사항",
            "참고사항",
            "benefits",
            "perks",
            "what we offer",
            "hiring process",
            "interview process",
            "about us",
            "about the company",
            "location",
            "compensation",
            "equal opportunity",
        ],
        None,
    ),
];

/// The section a line opens, if it is a heading; `Some(None)` for a
/// section that asks nothing.
fn heading(line: &str) -> Option<Option<Section>> {
    let bare: String =
        line.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && !is_hangul(c)).to_lowercase();
    if bare.is_empty() || bare.chars().count() > 30 {
        return None;
    }
    HEADINGS.iter().find(|(names, _)| names.contains(&bare.as_str())).map(|(_, section)| *section)
}

use crate::model::is_hangul;

/// Reads a posting: each non-empty line under its section, list marks
/// taken off; the lines of sections that ask nothing are left out.
pub fn read(text: &str) -> Posting {
    let mut section = Some(Section::Other);
    let mut lines = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        if let Some(opened) = heading(raw) {
            section = opened;
            continue;
        }
        let words = raw
            .trim()
            .trim_start_matches([
                '-', '*', '•', '·', '◦', '▪', '■', '□', '●', '○', '‣', '–', '—', '>', '✔', '✓',
            ])
            .trim();
        let Some(section) = section else { continue };
        if words.is_empty() {
            continue;
        }
        lines.push(Line { number: index + 1, text: words.to_string(), section });
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let hangul = letters.iter().filter(|c| is_hangul(**c)).count();
    Posting { korean: hangul * 3 >= letters.len().max(1), lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_in_both_languages() {
        let posting = read(
            "백엔드 엔지니어\n\n[주요업무]\n• 결제 API 개발\n\n■ 자격요건\n- Go 3년 이상\n\n우대사항:\n- Kafka 운영 경험\n\n혜택 및 복지\n- 점심 제공\n",
        );
        assert!(posting.korean);
        let got: Vec<(&str, Section)> = posting.lines.iter().map(|l| (l.text.as_str(), l.section)).collect();
        assert_eq!(
            got,
            [
                ("백엔드 엔지니어", Section::Other),
                ("결제 API 개발", Section::Duties),
                ("Go 3년 이상", Section::Required),
                ("Kafka 운영 경험", Section::Preferred),
            ]
        );
        let english =
            read("## What you'll do\n* Build search\n### Nice to have\n* Rust\nBenefits\n* Equity\n");
        assert!(!english.korean);
        assert_eq!(english.lines.len(), 2);
        assert_eq!(english.lines[1].section, Section::Preferred);
    }
}
