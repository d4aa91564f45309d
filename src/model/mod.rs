//! The résumé model: what `resume.toml` holds, as typed data.
//!
//! The types mirror the file one to one and reject unknown keys, so a typo
//! is an error with a location rather than a silently missing line. Text
//! fields take one string or one per language (see [`Text`]); every such
//! text later gets a stable Fluent message id (see [`crate::view`]), so a
//! translation file can supply or override it.

pub mod characters;
mod checks;
mod form;
mod letters;
mod load;
mod period;
mod roles;
mod schema;
mod source;
mod text;
mod write;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use checks::{is_email, languages_of, safe_url};
pub use form::{Award, Day, LanguageTest, Military, MilitaryStatus, Standing};
pub use letters::{Answer, Letter, Question, answers};
pub use load::{Diagnosis, diagnose, load};
pub use period::{Period, PeriodError, YearMonth};
pub use roles::{Role, Roles};
pub use schema::schema;
pub use source::{Source, Step, closest, locate};
pub use text::{Bullet, Detail, Fact, FactValue, SHARED, Text, has_hangul, is_hangul};
pub use write::to_toml;

/// Top-level sections, in layout order: the names selectors use, which
/// no entry id may take. `summary` is the opening paragraph
/// with the career summary; `career` is the career summary alone.
pub const SECTIONS: &[&str] = &[
    "summary",
    "career",
    "projects",
    "skills",
    "education",
    "certifications",
    "open-source",
    "awards",
    "publications",
    "language-tests",
    "military",
];

/// The parts of a project that can be kept or dropped on their own.
pub const PROJECT_PARTS: &[&str] = &[
    "description",
    "stack",
    "languages",
    "os",
    "databases",
    "platform",
    "ci-cd",
    "monitoring",
    "architecture",
    "responsibilities",
    "achievements",
    "troubleshooting",
];

/// The stack facts of a project, in display order, as selectors, message
/// ids and catalogue labels (`fact-ci-cd`) name them; the part `stack`
/// stands for them together.
pub const STACK_FACTS: [&str; 7] =
    ["languages", "os", "databases", "platform", "ci-cd", "monitoring", "architecture"];

fn is_default_settings(settings: &Settings) -> bool {
    settings.source.is_none() && settings.skill_aliases.is_empty()
}

impl Resume {
    /// The language its plain strings are written in.
    pub fn source_language(&self) -> &str {
        self.settings.source.as_deref().unwrap_or(crate::i18n::DEFAULT_LANGUAGE)
    }
}

/// Settings of the résumé as a whole (`[resume]`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The language its plain strings are written in (`ko` unless said):
    /// in another language's documents such a string is prose still to be
    /// translated, which `i18n missing` lists and a build warns about.
    /// Names, technologies and links stay shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Names that are one skill, beyond those `resume` knows (`c/c++` is
    /// `c++`, `k8s` is `kubernetes`): `{ "oci" = "oracle cloud" }`. The
    /// skills summary counts them as one, under the name they map to.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub skill_aliases: BTreeMap<String, String>,
}

/// A whole résumé.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    /// Settings of the whole (`[resume] source = "en"`).
    #[serde(default, rename = "resume", skip_serializing_if = "is_default_settings")]
    pub settings: Settings,
    /// Who this is about; printed in the header.
    pub person: Person,
    /// A short paragraph under the header.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Employers, so that projects can refer to them and renames show.
    #[serde(default, rename = "company")]
    pub companies: Vec<Company>,
    /// The work, in any order; shown newest first.
    #[serde(default, rename = "project")]
    pub projects: Vec<Project>,
    /// Schools and degrees.
    #[serde(default)]
    pub education: Vec<Education>,
    /// Certificates and licences.
    #[serde(default, rename = "certification")]
    pub certifications: Vec<Certification>,
    /// Contributions to projects outside work.
    #[serde(default)]
    pub open_source: Vec<Contribution>,
    /// Anything else (talks, awards), as titled lists.
    #[serde(default, rename = "section")]
    pub sections: Vec<Section>,
    /// Language tests (어학): TOEIC, OPIc, JLPT…
    #[serde(default, rename = "language_test", skip_serializing_if = "Vec::is_empty")]
    pub language_tests: Vec<LanguageTest>,
    /// Military service (병역사항), printed only on the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub military: Option<Military>,
    /// Awards and activities (수상·활동).
    #[serde(default, rename = "award", skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    /// Papers, articles and books, with their authors and where they
    /// appeared.
    #[serde(default, rename = "publication", skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    /// Letters for applications: a 자기소개서's answers or a cover letter.
    #[serde(default, rename = "letter", skip_serializing_if = "Vec::is_empty")]
    pub letters: Vec<Letter>,
    /// Stored variants: `[profile.mlops]` is built by `--profile mlops`.
    #[serde(default, rename = "profile")]
    pub profiles: BTreeMap<String, Profile>,
    /// How `resume check` reads the words (`[check] words = ["kubectl"]`).
    #[serde(default, skip_serializing_if = "CheckSettings::is_default")]
    pub check: CheckSettings,
    /// How `resume tailor` reads a posting.
    #[serde(default, skip_serializing_if = "TailorSettings::is_default")]
    pub tailor: TailorSettings,
}

/// How `resume check` reads the words.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// Words that are right as written, beside the résumé's own names and
    /// technologies, which never count as misspellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Style rules the writer silences for the whole résumé (`# check:
    /// allow RULE` beside a text silences one text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
}

/// How `resume tailor` reads a posting.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TailorSettings {
    /// Technologies and names postings ask for that the shipped dictionary
    /// lacks, each with its other spellings: `{ "Temporal" = ["temporal.io"] }`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, Vec<String>>,
}

impl TailorSettings {
    fn is_default(&self) -> bool {
        self.terms.is_empty()
    }
}

impl CheckSettings {
    fn is_default(&self) -> bool {
        self.words.is_empty() && self.allow.is_empty()
    }
}

/// A stored variant of the résumé: what `--profile NAME` applies. Flags
/// given beside `--profile` override its fields.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// What the variant is for, shown by `resume profiles`.
    #[serde(default)]
    pub description: Option<String>,
    /// Selectors to keep, as for `--only`.
    #[serde(default)]
    pub only: Vec<String>,
    /// Selectors to drop, as for `--hide`.
    #[serde(default)]
    pub hide: Vec<String>,
    /// Words whose bullets come first in each project's lists, the first
    /// weighing most: what a posting asks, put where a reader looks first
    /// (`resume tailor` writes it). The words are never changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first: Vec<String>,
    /// Languages to build, as for `--lang`.
    #[serde(default)]
    pub lang: Vec<String>,
    /// A built-in layout name or a `.typ` path, as for `--layout`.
    #[serde(default)]
    pub layout: Option<String>,
    /// `a4` or `us-letter`, as for `--paper`.
    #[serde(default)]
    pub paper: Option<String>,
    /// File name pattern; `{profile}` and `{lang}` are replaced.
    #[serde(default)]
    pub output: Option<String>,
    /// The most pages the variant may have, as for `--max-pages`.
    #[serde(default)]
    pub max_pages: Option<usize>,
    /// The accent colour (`#1d4f91`), as for `--accent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// The body size in points (8 to 12), as for `--font-size`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_size: Option<f64>,
    /// Whether to show `person.photo`, as for `--photo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<bool>,
    /// The documents of an application, as for `--document`: `["iryeokseo",
    /// "resume", "letter:kakao"]` makes "the Kakao application" one command.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Whether to join the documents into one PDF, as for `--packet`: for
    /// a portal with one upload field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packet: Option<bool>,
    /// How a packet numbers its pages, as for `--packet-numbers`: each
    /// document on its own (`1 / 2`), or the packet throughout (`3 / 7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packet_numbers: Option<PacketNumbers>,
    /// Whether links in the body print their host and `/…` rather than
    /// the whole address (which stays the link's target), as for
    /// `--short-links`: for a dense page read on screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_links: Option<bool>,
}

/// How a packet numbers its pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PacketNumbers {
    /// Each document from 1, out of its own pages: a reader who takes
    /// one document out of the packet finds it whole.
    #[default]
    Each,
    /// The packet from 1 to its last page, as one bound application.
    Throughout,
}

/// The person the résumé presents.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The largest text on page one.
    pub name: Text,
    /// One line under the name.
    #[serde(default)]
    pub headline: Option<Text>,
    /// Shown in the contact row and as a mailto link; one per language
    /// where they differ (`{ ko = "…", en = "…" }`).
    #[serde(default)]
    pub email: Option<Text>,
    /// Shown in the contact row as written, and as a tel link; one per
    /// language where they differ (a local and an international form).
    #[serde(default)]
    pub phone: Option<Text>,
    /// Where the person lives or works (`서울`, `Seoul, South Korea`),
    /// shown first in the contact row.
    #[serde(default)]
    pub location: Option<Text>,
    /// Blog, GitHub and the like, shown without their scheme: an address,
    /// or an account with its network and user name kept for the formats
    /// that name them (JSON Resume's profiles).
    #[serde(default)]
    pub links: Vec<PersonLink>,
    /// A photo: an image beside resume.toml (`photo.jpg`), shown only by a
    /// build that asks for it (`photo = true` in a profile, or `--photo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// The name in Hanja (漢字), for the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_hanja: Option<String>,
    /// 생년월일, printed only on the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Day>,
    /// 주소, printed only on the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    /// 국적, for an applicant who is not Korean: printed on the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<Text>,
    /// 체류자격, the residence status (`E-7`, `F-2`), for an applicant who is
    /// not Korean: printed on the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa: Option<Text>,
}

/// A link of the person: an address (`"https://github.com/kim"`), or an
/// account on a network (`{ url = "…", network = "SoundCloud", username =
/// "kim" }`), whose network and user name an import keeps and an export
/// gives back; both print as the address.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "a link: an address, or `{ url = \"https://…\", network = \"GitHub\", username = \"kim\" }`"
)]
pub enum PersonLink {
    /// The address alone.
    Address(String),
    /// An account on a network.
    Account(Account),
}

/// An account on a network, as a link of the person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The address of the account's page.
    pub url: String,
    /// The network's name as its users write it (`SoundCloud`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The user name on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl PersonLink {
    /// The address, which is what prints and what a click opens.
    pub fn url(&self) -> &str {
        match self {
            PersonLink::Address(url) => url,
            PersonLink::Account(account) => &account.url,
        }
    }
}

/// A link is its address, whatever else it keeps.
impl PartialEq<&str> for PersonLink {
    fn eq(&self, other: &&str) -> bool {
        self.url() == *other
    }
}

/// An employer. Projects name it by `id`; a rename shows where a project
/// spans it (`kakao → kakaoenterprise (2019.12 ~)`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// Kebab-case key projects use in their `company` field.
    pub id: String,
    /// The current (or last) name.
    pub name: Text,
    /// The name it had before a rename or spin-off, and when that happened.
    #[serde(default)]
    pub formerly: Option<FormerName>,
    /// The role held: one title, or successive `[[company.role]]` tables
    /// with their periods, shown under the employer.
    #[serde(default)]
    pub role: Option<Roles>,
    /// Where the work was (`판교`, `Seongnam, South Korea`), shown in the
    /// career summary.
    #[serde(default)]
    pub location: Option<Text>,
    /// The employment's dates as the employer's certificate of employment
    /// (경력증명서) states them: the truth for every document, which no
    /// project moves. Without it, the employment runs from the first to
    /// the last month of its projects and titles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// An earlier name of a [`Company`].
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// The name before the change.
    pub name: Text,
    /// The first month under the current name.
    pub until: YearMonth,
}

/// A project: the heart of a Korean 경력기술서.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Kebab-case, unique; the stem of every message id of this project
    /// and a selector for `--only`.
    pub id: String,
    /// Shown in bold at the start of the entry.
    pub name: Text,
    /// A company `id`, or a plain company name: the employer the work was
    /// done for, counted in the career summary. Empty for a project of the
    /// person's own (a side project, a club's, a client's as a freelancer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// Whom the project was for when that was not an employer (a client,
    /// a non-profit, a course): printed where an employer would be, never
    /// counted as employment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    /// When the person worked on it. A project of one's own may be
    /// undated: it is printed without dates, after the dated ones, and
    /// counts toward no duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Where the project can be seen (its site, its repository), printed
    /// after its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// One line on what the project is.
    #[serde(default)]
    pub description: Option<Text>,
    /// Programming languages.
    #[serde(default)]
    pub languages: Option<Fact>,
    /// Operating systems.
    #[serde(default)]
    pub os: Option<Fact>,
    /// Databases and caches.
    #[serde(default)]
    pub databases: Option<Fact>,
    /// Platforms and infrastructure.
    #[serde(default)]
    pub platform: Option<Fact>,
    /// Build and deployment.
    #[serde(default)]
    pub ci_cd: Option<Fact>,
    /// Logs, metrics, alarms.
    #[serde(default)]
    pub monitoring: Option<Fact>,
    /// How the service is put together.
    #[serde(default)]
    pub architecture: Option<Fact>,
    /// What the person did, nested as needed.
    #[serde(default)]
    pub responsibilities: Vec<Bullet>,
    /// What came of it, with links.
    #[serde(default)]
    pub achievements: Vec<Bullet>,
    /// Problems solved: problem, resolution, write-up.
    #[serde(default)]
    pub troubleshooting: Vec<Trouble>,
    /// Labels for `--only tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Any other labelled facts, shown after the stack (an importer keeps
    /// keys it does not know here rather than dropping them).
    #[serde(default)]
    pub other: Vec<Detail>,
}

impl Project {
    /// A project with only what every project has; the rest empty, to be
    /// filled in by whoever builds it (the importers).
    pub fn new(id: String, name: Text, company: String, period: Option<Period>) -> Self {
        Project {
            id,
            name,
            company,
            organisation: None,
            period,
            link: None,
            description: None,
            languages: None,
            os: None,
            databases: None,
            platform: None,
            ci_cd: None,
            monitoring: None,
            architecture: None,
            responsibilities: Vec::new(),
            achievements: Vec::new(),
            troubleshooting: Vec::new(),
            tags: Vec::new(),
            other: Vec::new(),
        }
    }

    /// The stack facts in display order, with their key (also their
    /// selector and message-id part).
    pub fn facts(&self) -> [(&'static str, Option<&Fact>); 7] {
        let values = [
            self.languages.as_ref(),
            self.os.as_ref(),
            self.databases.as_ref(),
            self.platform.as_ref(),
            self.ci_cd.as_ref(),
            self.monitoring.as_ref(),
            self.architecture.as_ref(),
        ];
        std::array::from_fn(|n| (STACK_FACTS[n], values[n]))
    }
}

/// One troubleshooting story.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Trouble {
    /// A name of its own for its message ids, kept through edits of its
    /// text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What went wrong, as seen at the time.
    pub problem: Text,
    /// The cause and the fix.
    #[serde(default)]
    pub resolution: Option<Text>,
    /// A write-up.
    #[serde(default)]
    pub link: Option<String>,
    /// Labels for `--only tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A school or degree.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// Kebab-case, unique.
    pub id: String,
    /// The school.
    pub school: Text,
    /// Degree and field.
    #[serde(default)]
    pub degree: Option<Text>,
    /// 전공, for the 이력서 form's column of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major: Option<Text>,
    /// 졸업, 수료, 중퇴 or 재학 (`graduated`, `completed`, `withdrew`,
    /// `enrolled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    /// 학점 with its scale, as written (`3.8 / 4.5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpa: Option<String>,
    /// When.
    #[serde(default)]
    pub period: Option<Period>,
    /// Anything worth a bullet.
    #[serde(default)]
    pub details: Vec<Bullet>,
    /// Labels for `--only tag:…` and `--hide tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A certificate or licence.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// Kebab-case, unique.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Who issued it.
    #[serde(default)]
    pub issuer: Option<Text>,
    /// When it was obtained.
    #[serde(default)]
    pub date: Option<YearMonth>,
    /// Where it can be verified.
    #[serde(default)]
    pub link: Option<String>,
    /// Labels for `--only tag:…` and `--hide tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A contribution to a project outside work.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// Kebab-case, unique.
    pub id: String,
    /// The project contributed to.
    pub name: Text,
    /// What was contributed.
    #[serde(default)]
    pub description: Option<Text>,
    /// When.
    #[serde(default)]
    pub period: Option<Period>,
    /// The change or a write-up.
    #[serde(default)]
    pub link: Option<String>,
    /// Labels for `--only tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A paper, an article, a book: what a researcher's résumé lists, with
/// the authors in their order and where it appeared.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Its title.
    pub title: Text,
    /// The authors as the publication lists them; the person's own name
    /// among them is set in bold by the layouts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The journal, conference or publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Text>,
    /// When it appeared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<YearMonth>,
    /// Its DOI (`10.1145/3442188.3445922`), printed as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Where it can be read, when that is not its DOI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A line on it, printed under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

/// A free-form titled section (talks, publications, languages spoken,
/// interests): entries with fields of their own, then bullets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Kebab-case, unique; also a section selector.
    pub id: String,
    /// The heading.
    pub title: Text,
    /// Entries, each with its name, detail, month, link, summary and
    /// keywords kept apart, so that every format puts each in its own
    /// place (JSON Resume's publisher, fluency, keywords).
    #[serde(default, rename = "entry", skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<SectionEntry>,
    /// The bullets.
    #[serde(default)]
    pub items: Vec<Bullet>,
    /// Labels for `--only tag:…` and `--hide tag:…`.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// An entry of a free section: a publication, a language spoken, an
/// interest.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    /// What it is: a title, a language, an interest.
    pub name: Text,
    /// The one fact beside it: a publisher, a fluency, a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    /// When, as a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<YearMonth>,
    /// When, as a period (a volunteer role, a course), printed where the
    /// month would be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// A page that shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A line on it, printed under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// Words printed as written, after its name (`Jazz`, `Piano`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Bullets under it: what was done in a volunteer role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Bullet>,
}
