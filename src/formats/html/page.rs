//! The page around the articles: its head (title, description, Open
//! Graph and Twitter cards, JSON-LD, a Content-Security-Policy that lets
//! nothing in from elsewhere), the language switch, and the stylesheet.

use base64::Engine as _;
use sha2::Digest as _;

use super::{article, escape, jsonld};
use crate::view::View;

/// The stylesheet, served beside the page (or inlined in one file).
pub const STYLE: &str = include_str!("style.css");

/// Shows the language the address asks for (`#en`), hiding the other;
/// without it, every language shows, one after the other.
const SWITCH: &str = "(function(){var a=document.querySelectorAll('article.resume');function s(){var h=location.hash.slice(1).split('-')[0];var t=null;a.forEach(function(x){if(x.lang===h)t=x;});if(!t)t=a[0];a.forEach(function(x){x.hidden=x!==t;});document.documentElement.lang=t.lang;}window.addEventListener('hashchange',s);s();})();";

/// How the page is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions<'a> {
    /// One file: the stylesheet inline, fonts from the reader's system.
    pub single_file: bool,
    /// The PDF beside the page for each language, by file name, to link
    /// from that language's header.
    pub downloads: &'a [(String, String)],
    /// The pages of the site by language (`x-default` for the page of
    /// every language), for `hreflang` links that search engines follow
    /// and, on a one-language page, the way to the others. None in one
    /// file: a fragment is no page of its own.
    pub alternates: &'a [(String, String)],
    /// This page's own address, when the site's is known (`--url`).
    pub canonical: Option<&'a str>,
    /// The photo, when asked for: where the page finds it (a file beside
    /// it, or a `data:` address in one file).
    pub photo: Option<&'a str>,
}

/// A page and the stylesheet it links to (empty when inline).
#[derive(Debug, Clone)]
pub struct Page {
    pub html: String,
    pub css: String,
}

/// `sha256-…` of a text, as a Content-Security-Policy source.
fn hash_source(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The page holding one article per view, the first language first.
pub fn page(views: &[View], options: PageOptions) -> Page {
    let first = &views[0];
    let title = first.document.title.clone();
    let description = first.person.headline.clone().or_else(|| first.summary.clone()).unwrap_or_default();
    let description: String = description.chars().take(200).collect();
    let style_source = if options.single_file { hash_source(STYLE) } else { "'self'".to_string() };
    let mut csp = format!(
        "default-src 'none'; style-src {style_source}; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
    );
    if views.len() > 1 {
        csp.push_str(&format!("; script-src {}", hash_source(SWITCH)));
    }
    let locale = |lang: &str| if lang == "ko" { "ko_KR" } else { "en_US" };
    let mut head = String::new();
    head.push_str("<meta charset=\"utf-8\">\n");
    head.push_str(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", escape(&csp)));
    head.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    head.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    head.push_str(&format!("<title>{}</title>\n", escape(&title)));
    head.push_str(&format!("<meta name=\"description\" content=\"{}\">\n", escape(&description)));
    head.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", escape(&first.person.name)));
    head.push_str("<meta property=\"og:type\" content=\"profile\">\n");
    head.push_str(&format!("<meta property=\"og:title\" content=\"{}\">\n", escape(&title)));
    head.push_str(&format!("<meta property=\"og:description\" content=\"{}\">\n", escape(&description)));
    head.push_str(&format!("<meta property=\"og:locale\" content=\"{}\">\n", locale(&first.lang)));
    for other in &views[1..] {
        head.push_str(&format!(
            "<meta property=\"og:locale:alternate\" content=\"{}\">\n",
            locale(&other.lang)
        ));
    }
    head.push_str("<meta name=\"twitter:card\" content=\"summary\">\n");
    head.push_str(&format!("<meta name=\"twitter:title\" content=\"{}\">\n", escape(&title)));
    head.push_str(&format!("<meta name=\"twitter:description\" content=\"{}\">\n", escape(&description)));
    if let Some(url) = options.canonical {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", escape(url)));
        head.push_str(&format!("<meta property=\"og:url\" content=\"{}\">\n", escape(url)));
    }
    for (lang, href) in options.alternates {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            escape(lang),
            escape(href)
        ));
    }
    if options.single_file {
        head.push_str(&format!("<style>{STYLE}</style>\n"));
    } else {
        head.push_str("<link rel=\"stylesheet\" href=\"style.css\">\n");
    }
    head.push_str(&format!("<script type=\"application/ld+json\">{}</script>\n", jsonld::person(first)));

    let mut body = String::new();
    if views.len() > 1 {
        body.push_str("<nav class=\"languages\" aria-label=\"Language\">");
        let links: Vec<String> = views
            .iter()
            .map(|v| {
                let lang = escape(&v.lang);
                let name = if v.lang == "ko" { "한국어" } else { "English" };
                format!("<a href=\"#{lang}\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a>")
            })
            .collect();
        body.push_str(&links.join(" "));
        body.push_str("</nav>\n");
    } else if options.alternates.len() > 1 {
        // A page of one language links to the pages of the others.
        body.push_str("<nav class=\"languages\" aria-label=\"Language\">");
        let links: Vec<String> = options
            .alternates
            .iter()
            .filter(|(lang, _)| lang != "x-default")
            .map(|(lang, href)| {
                let name = if lang == "ko" { "한국어" } else { "English" };
                let current = if *lang == first.lang { " aria-current=\"page\"" } else { "" };
                format!(
                    "<a href=\"{}\" hreflang=\"{lang}\" lang=\"{lang}\"{current}>{name}</a>",
                    escape(href),
                    lang = escape(lang)
                )
            })
            .collect();
        body.push_str(&links.join(" "));
        body.push_str("</nav>\n");
    }
    body.push_str("<main>\n");
    for view in views {
        let download =
            options.downloads.iter().find(|(lang, _)| *lang == view.lang).map(|(_, file)| file.as_str());
        body.push_str(&article(view, download, options.photo));
    }
    body.push_str("</main>\n");
    if views.len() > 1 {
        body.push_str(&format!("<script>{SWITCH}</script>\n"));
    }
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n{head}</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&first.lang)
    );
    Page { html, css: if options.single_file { String::new() } else { STYLE.to_string() } }
}
