//! The package around the document: styles, list numbering, settings,
//! the font table, the footer, the properties, the content types and the
//! relationships, each built as elements in the schema's order, and the
//! ZIP that holds them, with fixed dates so the same input gives the same
//! bytes.

use std::io::{Cursor, Write};

use super::xml::{Element, part};
use super::{ACCENT, FALLBACK, FONT, MUTED};
use crate::error::{Error, Result};
use crate::view::View;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORDML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The root of a WordprocessingML part, with the namespaces the parts use.
pub(super) fn wordml_root(name: &'static str) -> Element {
    Element::new(name).attr("xmlns:w", W).attr("xmlns:r", R)
}

/// The languages Word and LibreOffice check and break text by, from the
/// document's language: text in Latin letters is tagged with the
/// document's language when it is written in them, and English otherwise
/// (the technical terms of a Korean résumé); Hangul and Hanja are tagged
/// Korean. Word picks the tag by each character's script, so every run is
/// checked in its own language. Tagged Korean, Latin words would be broken
/// anywhere by LibreOffice ("Platfor|m").
pub(super) struct Languages {
    pub(super) latin: &'static str,
    pub(super) east_asian: &'static str,
}

pub(super) fn languages(lang: &str) -> Languages {
    let document = tag(lang);
    match lang {
        "ko" => Languages { latin: tag("en"), east_asian: document },
        _ => Languages { latin: document, east_asian: tag("ko") },
    }
}

/// The BCP 47 tag Word uses for one of the résumé's languages.
pub(super) fn tag(lang: &str) -> &'static str {
    match lang {
        "ko" => "ko-KR",
        _ => "en-US",
    }
}

/// The styles: defaults (font, size, languages, no extra space between
/// scripts), then the paragraph and character styles the writers name.
pub(super) fn styles(view: &View) -> Element {
    let size = (view.style.size.unwrap_or(9.5) * 2.0).round() as usize;
    let accent = view.style.accent.as_deref().map(|a| a.trim_start_matches('#').to_uppercase());
    let accent = accent.unwrap_or_else(|| ACCENT.to_string());
    let languages = languages(&view.lang);
    let fonts = Element::new("w:rFonts")
        .attr("w:ascii", FONT)
        .attr("w:hAnsi", FONT)
        .attr("w:eastAsia", FONT)
        .attr("w:cs", FONT);
    let defaults = Element::new("w:docDefaults")
        .child(
            Element::new("w:rPrDefault").child(
                Element::new("w:rPr")
                    .child(fonts)
                    .child(Element::val("w:sz", size))
                    .child(Element::val("w:szCs", size))
                    .child(Element::val("w:lang", languages.latin).attr("w:eastAsia", languages.east_asian)),
            ),
        )
        .child(
            Element::new("w:pPrDefault").child(
                Element::new("w:pPr")
                    // No extra space between Hangul and Latin letters or
                    // digits, which Word adds by default: `18년` stays as
                    // the PDF sets it.
                    .child(Element::val("w:autoSpaceDE", 0))
                    .child(Element::val("w:autoSpaceDN", 0))
                    .child(
                        Element::new("w:spacing")
                            .attr("w:after", 30)
                            .attr("w:line", 252)
                            .attr("w:lineRule", "auto"),
                    ),
            ),
        );
    let heading = |id: &'static str, name: &str, level: usize, before: usize, after: usize, size: usize| {
        paragraph_style(id, name)
            .child(
                Element::new("w:pPr")
                    .child(Element::new("w:keepNext"))
                    .child(Element::new("w:keepLines"))
                    .child(Element::new("w:spacing").attr("w:before", before).attr("w:after", after))
                    .child(Element::val("w:outlineLvl", level)),
            )
            .child(run_props(true, (level == 0).then_some(accent.as_str()), size))
    };
    wordml_root("w:styles")
        .child(defaults)
        .child(
            Element::new("w:style")
                .attr("w:type", "paragraph")
                .attr("w:default", 1)
                .attr("w:styleId", "Normal")
                .child(Element::val("w:name", "Normal"))
                .child(Element::new("w:qFormat"))
                // Said again on the default style, for editors that read
                // styles rather than the document's defaults.
                .child(
                    Element::new("w:pPr")
                        .child(Element::val("w:autoSpaceDE", 0))
                        .child(Element::val("w:autoSpaceDN", 0)),
                ),
        )
        .child(
            Element::new("w:style")
                .attr("w:type", "character")
                .attr("w:default", 1)
                .attr("w:styleId", "DefaultParagraphFont")
                .child(Element::val("w:name", "Default Paragraph Font"))
                .child(Element::val("w:uiPriority", 1))
                .child(Element::new("w:semiHidden"))
                .child(Element::new("w:unhideWhenUsed")),
        )
        .child(
            paragraph_style("Title", "Title")
                .child(Element::new("w:pPr").child(Element::new("w:spacing").attr("w:after", 60)))
                .child(run_props(true, None, size * 5 / 2)),
        )
        .child(paragraph_style("Subtitle", "Subtitle").child(run_props(false, Some(MUTED), size + 3)))
        .child(heading("Heading1", "heading 1", 0, 240, 60, size + 5))
        .child(heading("Heading2", "heading 2", 1, 140, 20, size + 2))
        .child(heading("Heading3", "heading 3", 2, 80, 20, size))
        .child(paragraph_style("Meta", "Meta").child(run_props(false, Some(MUTED), size.saturating_sub(1))))
        .child(
            Element::new("w:style")
                .attr("w:type", "character")
                .attr("w:styleId", "Hyperlink")
                .child(Element::val("w:name", "Hyperlink"))
                .child(Element::val("w:basedOn", "DefaultParagraphFont"))
                .child(
                    Element::new("w:rPr")
                        .child(Element::val("w:color", accent.clone()))
                        .child(Element::val("w:u", "single")),
                ),
        )
}

/// A paragraph style on Normal, followed by Normal.
fn paragraph_style(id: &'static str, name: &str) -> Element {
    Element::new("w:style")
        .attr("w:type", "paragraph")
        .attr("w:styleId", id)
        .child(Element::val("w:name", name))
        .child(Element::val("w:basedOn", "Normal"))
        .child(Element::val("w:next", "Normal"))
        .child(Element::new("w:qFormat"))
}

fn run_props(bold: bool, color: Option<&str>, size: usize) -> Element {
    Element::new("w:rPr")
        .maybe(bold.then(|| Element::new("w:b")))
        .maybe(color.map(|c| Element::val("w:color", c)))
        .child(Element::val("w:sz", size))
        .child(Element::val("w:szCs", size))
}

/// The bullet list: •, ◦ and ▪ by level, each level indented further.
pub(super) fn numbering(id: usize) -> Element {
    let levels = ["•", "◦", "▪"].into_iter().enumerate().map(|(level, mark)| {
        Element::new("w:lvl")
            .attr("w:ilvl", level)
            .child(Element::val("w:start", 1))
            .child(Element::val("w:numFmt", "bullet"))
            .child(Element::val("w:lvlText", mark))
            .child(Element::val("w:lvlJc", "left"))
            .child(
                Element::new("w:pPr")
                    .child(Element::new("w:ind").attr("w:left", 360 * (level + 1)).attr("w:hanging", 240)),
            )
    });
    wordml_root("w:numbering")
        .child(
            Element::new("w:abstractNum")
                .attr("w:abstractNumId", id)
                .child(Element::val("w:multiLevelType", "hybridMultilevel"))
                .children(levels),
        )
        .child(Element::new("w:num").attr("w:numId", id).child(Element::val("w:abstractNumId", id)))
}

/// The settings: the view, tab stops, the languages Word's themes use,
/// and Word's current layout rules rather than an old version's.
pub(super) fn settings(view: &View) -> Element {
    let languages = languages(&view.lang);
    wordml_root("w:settings")
        .child(Element::new("w:zoom").attr("w:percent", 100))
        .child(Element::val("w:defaultTabStop", 720))
        .child(Element::val("w:characterSpacingControl", "doNotCompress"))
        .child(
            Element::new("w:compat").child(
                Element::new("w:compatSetting")
                    .attr("w:name", "compatibilityMode")
                    .attr("w:uri", "http://schemas.microsoft.com/office/word")
                    .attr("w:val", 15),
            ),
        )
        .child(Element::val("w:themeFontLang", languages.latin).attr("w:eastAsia", languages.east_asian))
}

/// The fonts the document names: Pretendard, with Malgun Gothic as what
/// Word shows where Pretendard is not installed.
pub(super) fn font_table() -> Element {
    let font = |name: &str, alternative: &str| {
        Element::new("w:font")
            .attr("w:name", name)
            .child(Element::val("w:altName", alternative))
            .child(Element::val("w:charset", "81"))
            .child(Element::val("w:family", "swiss"))
            .child(Element::val("w:pitch", "variable"))
    };
    wordml_root("w:fonts").child(font(FONT, FALLBACK)).child(font(FALLBACK, "맑은 고딕"))
}

/// The title, author, language and keywords, with fixed dates: the
/// package's own, so the same input gives the same bytes.
pub(super) fn core_properties(view: &View) -> Element {
    let title = match &view.letter {
        Some(letter) => format!("{} — {}", view.person.name, letter.kind),
        None => view.document.title.clone(),
    };
    let date = |name: &'static str| {
        Element::new(name).attr("xsi:type", "dcterms:W3CDTF").text("1980-01-01T00:00:00Z")
    };
    Element::new("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .child(Element::new("dc:title").text(title))
        .child(Element::new("dc:creator").text(view.document.author.clone()))
        .child(Element::new("cp:keywords").text(view.document.keywords.join(", ")))
        .child(Element::new("dc:language").text(tag(&view.lang)))
        .child(Element::new("cp:lastModifiedBy").text(format!("resume {}", env!("CARGO_PKG_VERSION"))))
        .child(Element::new("cp:revision").text("1"))
        .child(date("dcterms:created"))
        .child(date("dcterms:modified"))
}

/// The application that wrote the package.
fn app_properties() -> Element {
    Element::new("Properties")
        .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        .child(Element::new("Application").text("resume"))
}

/// A picture in the package: its bytes and its file extension.
pub(super) struct Media {
    pub(super) bytes: Vec<u8>,
    pub(super) extension: &'static str,
}

/// The relationship id of the picture.
pub(super) const PICTURE: &str = "rIdPicture";

/// The parts of the package, ready to write.
pub(super) struct Parts {
    pub(super) document: Element,
    pub(super) footer: Element,
    pub(super) styles: Element,
    pub(super) numbering: Element,
    pub(super) settings: Element,
    pub(super) core: Element,
    /// Every link's target, `rIdLink1` first.
    pub(super) links: Vec<String>,
    pub(super) picture: Option<Media>,
}

/// The package's ZIP bytes, and how many characters Word cannot hold
/// were replaced.
pub(super) fn pack(parts: Parts) -> Result<(Vec<u8>, usize)> {
    let relationship = |id: &str, kind: &str, target: &str| {
        Element::new("Relationship")
            .attr("Id", id)
            .attr("Type", format!("{RELATIONSHIP}/{kind}"))
            .attr("Target", target)
    };
    let mut document_rels = Element::new("Relationships")
        .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")
        .child(relationship("rIdStyles", "styles", "styles.xml"))
        .child(relationship("rIdNumbering", "numbering", "numbering.xml"))
        .child(relationship("rIdSettings", "settings", "settings.xml"))
        .child(relationship("rIdFonts", "fontTable", "fontTable.xml"))
        .child(relationship("rIdFooter", "footer", "footer1.xml"));
    for (n, target) in parts.links.iter().enumerate() {
        document_rels = document_rels.child(
            relationship(&format!("rIdLink{}", n + 1), "hyperlink", target).attr("TargetMode", "External"),
        );
    }
    if let Some(picture) = &parts.picture {
        document_rels = document_rels.child(relationship(
            PICTURE,
            "image",
            &format!("media/picture.{}", picture.extension),
        ));
    }
    let package_rels = Element::new("Relationships")
        .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")
        .child(relationship("rIdDocument", "officeDocument", "word/document.xml"))
        .child(
            Element::new("Relationship")
                .attr("Id", "rIdCore")
                .attr(
                    "Type",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                )
                .attr("Target", "docProps/core.xml"),
        )
        .child(relationship("rIdApp", "extended-properties", "docProps/app.xml"));
    let mut xml_parts: Vec<(String, Element)> = vec![
        ("[Content_Types].xml".into(), content_types(parts.picture.as_ref())),
        ("_rels/.rels".into(), package_rels),
        ("docProps/core.xml".into(), parts.core),
        ("docProps/app.xml".into(), app_properties()),
        ("word/document.xml".into(), parts.document),
        ("word/_rels/document.xml.rels".into(), document_rels),
        ("word/styles.xml".into(), parts.styles),
        ("word/numbering.xml".into(), parts.numbering),
        ("word/settings.xml".into(), parts.settings),
        ("word/fontTable.xml".into(), font_table()),
        ("word/footer1.xml".into(), parts.footer),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let failed =
        |err: &dyn std::fmt::Display| Error::new(format!("the Word document could not be written: {err}"));
    let mut replaced = 0;
    for (name, root) in xml_parts.drain(..) {
        let (bytes, count) = part(&root);
        replaced += count;
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(&bytes).map_err(|e| failed(&e))?;
    }
    if let Some(picture) = parts.picture {
        zip.start_file(format!("word/media/picture.{}", picture.extension), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(&picture.bytes).map_err(|e| failed(&e))?;
    }
    let bytes = zip.finish().map_err(|e| failed(&e))?.into_inner();
    Ok((bytes, replaced))
}

fn content_types(picture: Option<&Media>) -> Element {
    let default = |extension: &str, kind: &str| {
        Element::new("Default").attr("Extension", extension).attr("ContentType", kind)
    };
    let part =
        |name: &str, kind: String| Element::new("Override").attr("PartName", name).attr("ContentType", kind);
    Element::new("Types")
        .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
        .child(default("rels", "application/vnd.openxmlformats-package.relationships+xml"))
        .child(default("xml", "application/xml"))
        .maybe(
            picture
                .map(|p| default(p.extension, if p.extension == "png" { "image/png" } else { "image/jpeg" })),
        )
        .child(part("/word/document.xml", format!("{WORDML}.document.main+xml")))
        .child(part("/word/styles.xml", format!("{WORDML}.styles+xml")))
        .child(part("/word/numbering.xml", format!("{WORDML}.numbering+xml")))
        .child(part("/word/settings.xml", format!("{WORDML}.settings+xml")))
        .child(part("/word/fontTable.xml", format!("{WORDML}.fontTable+xml")))
        .child(part("/word/footer1.xml", format!("{WORDML}.footer+xml")))
        .child(part(
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ))
        .child(part(
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ))
}
