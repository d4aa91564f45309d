//! Korean spacing and spelling rules that matter in a résumé, curated for
//! precision: each fires only where its pattern cannot be right, and never
//! inside code-like text (paths, addresses, identifiers, `a.b`, `--flag`).
//! A morphological analyser would find more; measured against what it
//! costs (a dictionary of tens of megabytes in the binary, and its
//! start-up), a rule set with a test for every rule and every exception
//! does what a résumé needs.
//!
//! - A particle written apart from the word it belongs to: `etcd 의`,
//!   `100% 와`, `서버 를` (한글 맞춤법 제41항).
//! - A 하다/되다 verb split from its noun: `실행 되는`, `동작 하지`.
//! - A bound noun glued to what it follows: `조회등`, `할수`, `하는것`,
//!   `배포할때` (제42항).
//! - Words misspelt the way résumés misspell them: `되가`, `위한사항`…

use std::ops::Range;

/// What a rule found in a text: where, why, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The rule's name, for the user and for tests.
    pub rule: &'static str,
    /// Why it is wrong, in a few words.
    pub why: String,
    /// What to write instead of the range.
    pub replacement: String,
}

/// Particles that may follow a Latin word or a closing bracket, longest
/// first.
const PARTICLES_AFTER_LATIN: &[&str] = &[
    "에서는",
    "에서도",
    "에서",
    "에게",
    "으로는",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "이랑",
    "로서",
    "로써",
    "로는",
    "로",
    "의",
    "을",
    "를",
    "가",
    "은",
    "는",
    "에",
    "와",
    "과",
    "도",
    "만",
    "랑",
];

/// Particles that may follow a number (`도` and `만` there are units:
/// `30 도`, `100 만`).
const PARTICLES_AFTER_NUMBER: &[&str] =
    &["에서", "으로", "까지", "부터", "보다", "로", "의", "을", "를", "가", "은", "는", "에", "와", "과"];

/// Particles written apart after a Hangul word that can only be particles
/// there.
const PARTICLES_AFTER_HANGUL: &[&str] = &["에서", "에게", "으로", "의", "을", "를", "은", "는", "와", "과"];

/// Nouns that take 하다 or 되다 in a résumé's sentences (`개발하다`,
/// `적용되다`).
const VERB_NOUNS: &[&str] = &[
    "개발",
    "구현",
    "설계",
    "운영",
    "관리",
    "처리",
    "적용",
    "배포",
    "수행",
    "담당",
    "개선",
    "구축",
    "지원",
    "사용",
    "변경",
    "해결",
    "분석",
    "연동",
    "생성",
    "수정",
    "추가",
    "제거",
    "저장",
    "조회",
    "요청",
    "응답",
    "설정",
    "실행",
    "동작",
    "작업",
    "진행",
    "참여",
    "도입",
    "전환",
    "통합",
    "분리",
    "최적화",
    "자동화",
    "확장",
    "검증",
    "검토",
    "협업",
    "공유",
    "정리",
    "작성",
    "기록",
    "측정",
    "설치",
    "운용",
    "대응",
    "복구",
    "백업",
    "인증",
    "암호화",
    "압축",
    "제공",
    "구성",
    "테스트",
    "모니터링",
    "마이그레이션",
    "리팩토링",
    "업데이트",
    "업그레이드",
    "빌드",
    "배치",
    "캐싱",
    "로깅",
    "파싱",
    "튜닝",
    "디버깅",
    "수집",
    "전송",
    "호출",
    "발생",
    "유지",
    "연결",
    "접속",
    "로딩",
    "저하",
    "증가",
    "감소",
    "단축",
    "향상",
    "완료",
    "시작",
    "종료",
    "실패",
    "성공",
    "반영",
    "정의",
];

/// How a 하다/되다 verb's word starts (`하는`, `되었다`), or is whole
/// (`한`, `될`).
const VERB_STARTS: &[&str] = &[
    "하는", "하고", "하여", "하였", "해서", "해야", "했", "한다", "합니", "하며", "하지", "하기", "하면",
    "하던", "하게", "되는", "되고", "되어", "되었", "돼", "됐", "된다", "됩니", "되며", "되지", "되기",
    "되면", "되던", "되게",
];
const VERB_WHOLE: &[&str] = &["한", "할", "함", "된", "될", "됨", "하다", "되다"];

/// Words where `등` belongs to the word (`평등`, `초등`).
const WORDS_WITH_DEUNG: &[&str] = &[
    "평등",
    "동등",
    "균등",
    "대등",
    "초등",
    "중등",
    "고등",
    "열등",
    "우등",
    "차등",
    "가로등",
    "신호등",
    "형광등",
    "전등",
    "조명등",
    "상등",
    "하등",
    "일등",
    "이등",
    "삼등",
];

/// Syllables that end a verb before `수` (`할 수`, `있을 수`), where
/// `실수` or `일수` would be words of their own.
const BEFORE_SU: &[char] = &['할', '될', '볼', '쓸', '갈', '올', '낼', '둘', '을', '킬', '릴', '칠', '줄'];

/// Misspellings résumés make, with what to write.
const MISSPELLINGS: &[(&str, &str)] = &[
    ("되가", "되어 가"),
    ("위한사항", "위반 사항"),
    ("되요", "돼요"),
    ("됬", "됐"),
    ("되서", "돼서"),
    ("몇일", "며칠"),
    ("금새", "금세"),
    ("역활", "역할"),
    ("희안", "희한"),
    ("할께", "할게"),
    ("오랫만", "오랜만"),
    ("일일히", "일일이"),
    ("깨끗히", "깨끗이"),
    ("틈틈히", "틈틈이"),
    ("번번히", "번번이"),
    ("곰곰히", "곰곰이"),
    ("어의없", "어이없"),
    ("왠만", "웬만"),
    ("웬지", "왠지"),
    ("궂이", "굳이"),
    ("않되", "안 되"),
];

/// A number with its counter (`5분`, `3대`, `1,000건`): a word whose
/// particle is written joined like any other.
fn counted(word: &str) -> bool {
    let unit = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    unit.len() < word.len() && word.starts_with(|c: char| c.is_ascii_digit()) && {
        let count = unit.chars().count();
        (1..=2).contains(&count) && unit.chars().all(is_hangul)
    }
}

use crate::model::is_hangul;

/// The final consonant of a syllable: 4 is ㄴ, 8 is ㄹ; 0 is none.
fn final_consonant(c: char) -> u32 {
    if is_hangul(c) { (c as u32 - 0xAC00) % 28 } else { 0 }
}

/// Whether a word looks like code: a path, an address, an identifier with
/// dots or underscores, a flag, markup.
fn is_code_like(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    // `a.b`, `k8s/node`: a dot or slash between ASCII letters or digits;
    // between Hangul words a slash is prose (`업로드/조회`).
    let joins_ascii = chars
        .windows(3)
        .any(|w| matches!(w[1], '.' | '/') && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric());
    joins_ascii
        || word.contains(['\\', '_', '=', '<', '>', '`', '{', '}', '[', ']', '$', '#', '@', '*'])
        || word.contains("://")
        || word.contains("--")
        || word.starts_with(['-', '/', '~', '.'])
}

/// Whether `rest` starts a word boundary: the end, a space, punctuation.
fn at_boundary(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| {
        c.is_whitespace() || matches!(c, ',' | '.' | ')' | '!' | '?' | ';' | ':' | '"' | '\'')
    })
}

/// Every finding of every rule in `text`, in order.
pub fn findings(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if !text.chars().any(is_hangul) {
        return out;
    }
    particles(text, &mut out);
    verbs(text, &mut out);
    bound_nouns(text, &mut out);
    misspellings(text, &mut out);
    out.sort_by_key(|f| f.range.start);
    out.dedup_by(|a, b| a.range.start < b.range.end && b.range.start < a.range.end);
    out
}

/// The words of a text with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

fn particles(text: &str, out: &mut Vec<Finding>) {
    let words = words(text);
    for pair in words.windows(2) {
        let ((before_range, before), (after_range, after)) = (&pair[0], &pair[1]);
        // Only a single space between: a line break or a list is layout.
        if text[before_range.end..after_range.start] != *" " || is_code_like(before) {
            continue;
        }
        let Some(last) = before.chars().last() else { continue };
        let list = if last.is_ascii_digit() {
            PARTICLES_AFTER_NUMBER
        } else if last.is_ascii_alphabetic() || matches!(last, '%' | ')' | '+') {
            PARTICLES_AFTER_LATIN
        } else if is_hangul(last)
            && (before.chars().count() >= 2 && before.chars().all(is_hangul) || counted(before))
        {
            PARTICLES_AFTER_HANGUL
        } else {
            continue;
        };
        let Some(particle) = list.iter().find(|p| after.starts_with(**p) && at_boundary(&after[p.len()..]))
        else {
            continue;
        };
        out.push(Finding {
            range: before_range.start..after_range.start + particle.len(),
            rule: "korean-particle",
            why: "a particle is written joined to the word it follows".into(),
            replacement: format!("{before}{particle}"),
        });
    }
}

fn verbs(text: &str, out: &mut Vec<Finding>) {
    let words = words(text);
    for pair in words.windows(2) {
        let ((before_range, before), (after_range, after)) = (&pair[0], &pair[1]);
        if text[before_range.end..after_range.start] != *" " || !VERB_NOUNS.contains(before) {
            continue;
        }
        let bare = after.trim_end_matches(|c: char| !is_hangul(c));
        let is_verb = VERB_STARTS.iter().any(|s| after.starts_with(s)) || VERB_WHOLE.contains(&bare);
        if !is_verb {
            continue;
        }
        out.push(Finding {
            range: before_range.start..after_range.end,
            rule: "korean-verb",
            why: "a 하다/되다 verb is written as one word with its noun".into(),
            replacement: format!("{before}{after}"),
        });
    }
}

fn bound_nouns(text: &str, out: &mut Vec<Finding>) {
    for (range, word) in words(text) {
        if is_code_like(word) {
            continue;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for (n, &(at, c)) in chars.iter().enumerate().skip(1) {
            let previous = chars[n - 1].1;
            let rest = &word[at + c.len_utf8()..];
            let glued = match c {
                // `조회등을`, `조회등`: 등 after a word, then a particle or the end.
                '등' if is_hangul(previous)
                    && (at_boundary(rest)
                        || ["을", "이", "의", "에", "과", "은", "도", "으로"]
                            .iter()
                            .any(|p| rest.starts_with(p)))
                    && !WORDS_WITH_DEUNG.iter().any(|w| word[..at + c.len_utf8()].ends_with(w)) =>
                {
                    true
                }
                // `할수`, `있을수없는`, `할수 있다`.
                '수' if BEFORE_SU.contains(&previous)
                    && (["있", "없", "가", "도", "를", "는", "조차", "밖에"]
                        .iter()
                        .any(|p| rest.starts_with(p))
                        || (rest.is_empty() && text[range.end..].trim_start().starts_with(['있', '없']))) =>
                {
                    true
                }
                // `하는것`, `할것을`.
                '것' if matches!(final_consonant(previous), 4 | 8)
                    && (at_boundary(rest)
                        || ["이", "을", "은", "도", "으로", "에", "만", "과"]
                            .iter()
                            .any(|p| rest.starts_with(p))) =>
                {
                    true
                }
                // `배포할때`.
                '때' if final_consonant(previous) == 8
                    && (at_boundary(rest)
                        || ["에", "는", "도", "마다", "부터", "까지", "만", "의"]
                            .iter()
                            .any(|p| rest.starts_with(p))) =>
                {
                    true
                }
                _ => false,
            };
            if glued {
                // The word up to the bound noun, so the hint reads whole
                // (`조회 등`), after the last one this word already fixed.
                let from = out
                    .iter()
                    .filter(|f| f.range.end > range.start && f.range.end <= range.start + at)
                    .map(|f| f.range.end - range.start)
                    .max()
                    .unwrap_or(0);
                let end = range.start + at + c.len_utf8();
                // `수` stands apart on both sides: `할 수 있다`.
                let after = if c == '수' && rest.starts_with(['있', '없']) { " " } else { "" };
                let _ = previous;
                out.push(Finding {
                    range: range.start + from..end,
                    rule: "korean-bound-noun",
                    why: "a bound noun (등, 수, 것, 때) is written apart from what it follows".into(),
                    replacement: format!("{} {c}{after}", &word[from..at]),
                });
            }
        }
    }
}

fn misspellings(text: &str, out: &mut Vec<Finding>) {
    for (wrong, right) in MISSPELLINGS {
        for (at, _) in text.match_indices(wrong) {
            // `되가져오다` is a word of its own.
            if *wrong == "되가" && text[at + wrong.len()..].starts_with('져') {
                continue;
            }
            let word_start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word_end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
            if is_code_like(&text[word_start..word_end]) {
                continue;
            }
            out.push(Finding {
                range: at..at + wrong.len(),
                rule: "korean-spelling",
                why: "a common misspelling".into(),
                replacement: right.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {

    /// The fixture of wrong and right sentences: every rule finds its case
    /// and nothing else, so precision and recall on it are both 1.
    #[test]
    fn precision_and_recall_on_the_fixture() {
        let fixture = include_str!("../../../tests/fixtures/style/korean.txt");
        let (mut found_right, mut found_wrong, mut missed) = (0, Vec::new(), Vec::new());
        let mut cases = (0, 0);
        for line in fixture.lines() {
            if let Some(case) = line.strip_prefix("- ") {
                cases.0 += 1;
                let (text, expected) = case.split_once(" => ").expect("`text => found | rule`");
                let (written, rule) = expected.split_once(" | ").expect("`found | rule`");
                for finding in findings(text) {
                    if &text[finding.range.clone()] == written && finding.rule == rule {
                        found_right += 1;
                    } else {
                        found_wrong.push(format!("{text}: {}", &text[finding.range]));
                    }
                }
                if !findings(text).iter().any(|f| &text[f.range.clone()] == written && f.rule == rule) {
                    missed.push(text.to_string());
                }
            } else if let Some(text) = line.strip_prefix("+ ") {
                cases.1 += 1;
                found_wrong
                    .extend(findings(text).iter().map(|f| format!("{text}: {}", &text[f.range.clone()])));
            }
        }
        assert!(cases.0 >= 25 && cases.1 >= 60, "{cases:?}");
        assert!(found_wrong.is_empty(), "false findings: {found_wrong:#?}");
        assert!(missed.is_empty(), "missed: {missed:#?}");
        assert_eq!(found_right, cases.0);
    }

    use super::*;

    /// The text with every finding replaced, and the rules that fired.
    fn fixed(text: &str) -> (String, Vec<&'static str>) {
        let mut out = text.to_string();
        let found = findings(text);
        for finding in found.iter().rev() {
            out.replace_range(finding.range.clone(), &finding.replacement);
        }
        (out, found.iter().map(|f| f.rule).collect())
    }

    #[test]
    fn a_particle_joins_its_word() {
        assert_eq!(fixed("etcd 의 노드가 장애").0, "etcd의 노드가 장애");
        assert_eq!(fixed("가용성 100% 와 함께").0, "가용성 100%와 함께");
        assert_eq!(fixed("snapshot 을 로딩 하는 방법").0, "snapshot을 로딩하는 방법");
        assert_eq!(fixed("helmfile 로 배포").0, "helmfile로 배포");
        assert_eq!(fixed("사용자 서버 를 개발").0, "사용자 서버를 개발");
        assert_eq!(fixed("api(v2) 에서 처리").0, "api(v2)에서 처리");
    }

    #[test]
    fn particles_that_are_words_there_are_left_alone() {
        for text in [
            "etcd 의존성을 정리", // 의존성 is a word
            "30 도 이상",         // a unit
            "100 만 건",          // a unit
            "서버 이 외에도",     // 이 is a determiner after Hangul
            "kakao 이용자",       // a word
            "node.js 를 사용",    // code-like
            "/etc/hosts 를 수정", // a path
            "--force 로 실행",    // a flag
            "사용자\n의 데이터",  // a line break is layout
        ] {
            assert!(
                findings(text).iter().all(|f| f.rule != "korean-particle"),
                "{text}: {:?}",
                findings(text)
            );
        }
    }

    #[test]
    fn a_verb_joins_its_noun() {
        assert_eq!(fixed("스크립트가 실행 되는 시점").0, "스크립트가 실행되는 시점");
        assert_eq!(fixed("정상 동작 하지 않음").0, "정상 동작하지 않음");
        assert_eq!(fixed("서버를 개발 했다").0, "서버를 개발했다");
        assert_eq!(fixed("배포 자동화 함").0, "배포 자동화함");
    }

    #[test]
    fn adverbs_and_negation_keep_their_space() {
        for text in
            ["잘 하는 일", "안 되는 경우", "많이 하는 실수", "못 한 작업", "함께 하는 동료", "개발 하나"]
        {
            assert!(findings(text).iter().all(|f| f.rule != "korean-verb"), "{text}: {:?}", findings(text));
        }
    }

    #[test]
    fn a_bound_noun_stands_apart() {
        assert_eq!(fixed("데이터 업로드/조회등을 위한").0, "데이터 업로드/조회 등을 위한");
        assert_eq!(fixed("데이터 조회등을 위한").0, "데이터 조회 등을 위한");
        assert_eq!(fixed("할당, 거부등").0, "할당, 거부 등");
        assert_eq!(fixed("확인할수 있다").0, "확인할 수 있다");
        assert_eq!(fixed("찾을수없는 값").0, "찾을 수 없는 값");
        assert_eq!(fixed("로딩하는것이 문제").0, "로딩하는 것이 문제");
        assert_eq!(fixed("배포할때 사용").0, "배포할 때 사용");
    }

    #[test]
    fn words_that_hold_those_syllables_are_left_alone() {
        for text in [
            "남녀 평등을",
            "초등학교",
            "등록 절차",
            "실수가 잦다",
            "근무 일수가",
            "할수록 좋다",
            "그것이",
            "한때는",
            "이것은",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", findings(text));
        }
    }

    #[test]
    fn misspellings_are_corrected() {
        assert_eq!(fixed("상태가 유지되가는 것").0, "상태가 유지되어 가는 것");
        assert_eq!(fixed("rfc 명세 위한사항으로").0, "rfc 명세 위반 사항으로");
        assert_eq!(fixed("며칠 걸렸다").1, Vec::<&str>::new());
        assert_eq!(fixed("몇일 걸렸다").0, "며칠 걸렸다");
        assert!(findings("파일을 되가져오다").is_empty());
    }

    #[test]
    fn english_text_and_code_are_never_touched() {
        for text in [
            "Kept the service up",
            "--flag 로",
            "https://x.example/조회등",
            "a_b 의",
            "k8s/node 의",
            "cfg.yaml 을",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", findings(text));
        }
    }
}
