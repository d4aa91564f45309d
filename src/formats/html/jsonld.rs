//! schema.org structured data for search engines: a `Person` with where
//! they work, where they studied, what they know and their other pages.
//! Only what the page itself shows: no birth date, address or photo.

use crate::view::View;

/// The JSON-LD of the page's first language, safe inside `<script>`: a
/// `<` in any text is written `\u003c`, so no text can end the element.
pub fn person(view: &View) -> String {
    let mut person = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": view.person.name,
    });
    if let Some(headline) = &view.person.headline {
        person["jobTitle"] = headline.clone().into();
    }
    for contact in &view.person.contacts {
        if let Some(email) = contact.url.strip_prefix("mailto:") {
            person["email"] = email.into();
        } else if let Some(phone) = contact.url.strip_prefix("tel:") {
            person["telephone"] = phone.into();
        }
    }
    let same_as: Vec<&str> =
        view.person.contacts.iter().map(|c| c.url.as_str()).filter(|u| u.starts_with("https://")).collect();
    if !same_as.is_empty() {
        person["sameAs"] = same_as.into();
    }
    // The employer of the ongoing employment, else none.
    if let Some(current) = view.employments.iter().find(|e| e.dates.end.is_none()) {
        let name = crate::view::employer_now(&current.company);
        person["worksFor"] = serde_json::json!({ "@type": "Organization", "name": name });
    }
    let schools: Vec<serde_json::Value> = view
        .education
        .iter()
        .map(|s| serde_json::json!({ "@type": "EducationalOrganization", "name": s.school }))
        .collect();
    if !schools.is_empty() {
        person["alumniOf"] = schools.into();
    }
    let skills: Vec<&str> =
        view.skills.iter().flat_map(|g| g.items.iter().map(|s| s.name.as_str())).collect();
    if !skills.is_empty() {
        person["knowsAbout"] = skills.into();
    }
    serde_json::to_string(&person).expect("JSON of strings").replace('<', "\\u003c")
}
