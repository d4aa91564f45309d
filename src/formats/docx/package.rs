//! The package's parts that docx-rs writes otherwise than Word expects:
//! the font table with its fallback, the core properties with fixed dates,
//! relationships in a fixed order, the languages of the styles.

use crate::view::View;

use super::{FALLBACK, FONT};

/// The fonts the document names: Pretendard, with Malgun Gothic as what
/// Word shows where Pretendard is not installed.
pub(super) fn font_table() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:font w:name=\"{FONT}\"><w:altName w:val=\"{FALLBACK}\"/><w:charset w:val=\"81\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"{FALLBACK}\"><w:altName w:val=\"맑은 고딕\"/><w:charset w:val=\"81\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         </w:fonts>"
    )
}

/// The title, author, language and keywords, with fixed dates: the
/// package's own, so the same input gives the same bytes.
pub(super) fn core_properties(view: &View) -> String {
    let title = match &view.letter {
        Some(letter) => format!("{} — {}", view.person.name, letter.kind),
        None => view.document.title.clone(),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language>\
         <cp:lastModifiedBy>resume {}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:modified>\
         </cp:coreProperties>",
        escape(&title),
        escape(&view.document.author),
        escape(&view.document.keywords.join(", ")),
        if view.lang == "ko" { "ko-KR" } else { "en-US" },
        env!("CARGO_PKG_VERSION"),
    )
}

/// The document's relationships in a fixed order (docx-rs lists links in
/// a hash map's order, which changes from run to run).
pub(super) fn sorted_relationships(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let Some(start) = text.find("<Relationship ") else { return xml.to_vec() };
    let end = text.rfind("/>").map_or(text.len(), |e| e + 2);
    let mut items: Vec<String> = text[start..end]
        .split("<Relationship ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("<Relationship {}", s.trim()))
        .collect();
    items.sort_by_key(|item| {
        let id = item.split("Id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default().to_string();
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        (id.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(), digits.parse::<u64>().unwrap_or(0))
    });
    format!("{}{}{}", &text[..start], items.concat(), &text[end..]).into_bytes()
}

/// The styles with the document's language, so Word checks the spelling
/// of Korean as Korean and of English as English, and with Word's spacing
/// between scripts off.
pub(super) fn with_language(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    // Hangul is set in the East Asian slot and checked as Korean; Latin
    // words are in the Latin slot, and tagged Korean there they would be
    // broken anywhere by LibreOffice ("Platfor|m"). The document's own
    // language is in its core properties.
    let tag = "<w:lang w:val=\"en-US\" w:eastAsia=\"ko-KR\" w:bidi=\"ar-SA\" />";
    let mut text = text.into_owned();
    if let Some(at) = text.find("<w:rPrDefault><w:rPr>") {
        text.insert_str(at + "<w:rPrDefault><w:rPr>".len(), tag);
    }
    // No extra space between Hangul and Latin letters or digits, which
    // Word adds by default: `18년` stays as the PDF sets it.
    if let Some(at) = text.find("<w:pPrDefault><w:pPr><w:rPr /><w:spacing") {
        let at = at + "<w:pPrDefault><w:pPr><w:rPr />".len();
        text.insert_str(at, "<w:autoSpaceDE w:val=\"0\" /><w:autoSpaceDN w:val=\"0\" />");
    }
    text.into_bytes()
}

/// The one way text reaches the package: a part's XML with every
/// character XML 1.0 forbids replaced by U+FFFD, and how many were. The
/// résumé and its translations are refused with such a character at its
/// line (see [`crate::model::characters`]), so this only guards against a
/// path that check does not cover; a Word file is never left that Word
/// cannot open.
pub(super) fn xml_safe(xml: Vec<u8>) -> (Vec<u8>, usize) {
    let text = String::from_utf8_lossy(&xml);
    let replaced = text.chars().filter(|c| crate::model::characters::is_forbidden(*c)).count();
    if replaced == 0 && matches!(text, std::borrow::Cow::Borrowed(_)) {
        return (xml, 0);
    }
    let safe: String = text
        .chars()
        .map(|c| if crate::model::characters::is_forbidden(c) { '\u{fffd}' } else { c })
        .collect();
    (safe.into_bytes(), replaced)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
