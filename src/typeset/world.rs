//! The Typst world: what a layout can see while it compiles.
//!
//! A layout sees three things and nothing else: the embedded layouts
//! (`/layouts/<name>.typ`) and their library (`/layouts/lib/resume.typ`,
//! which a custom layout may import too), the localized view as a virtual JSON file
//! (`/resume.json`), and, for a résumé on disk, the files of its own folder
//! (a photo, a custom layout). There is no package manager and no network.
//! User text only ever reaches Typst inside the JSON, never as source, so
//! `#`, `$`, `*` or `<` in a résumé print as written.
//!
//! A custom layout is untrusted code. Every file it opens is resolved,
//! symlinks included, and must lie inside its root folder; only regular
//! files under a size cap are served (see [`crate::input`]); and the
//! `plugin` function, which runs WebAssembly that nothing can interrupt,
//! is replaced by one that refuses unless `--allow-plugins` is given.
//!
//! The world lives across compilations: replacing the JSON and compiling
//! again reuses Typst's memoized work, which is what makes a one-field edit
//! cheap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use typst::diag::{FileError, FileResult};
use typst::diag::{SourceDiagnostic, eco_format};
use typst::foundations::{Binding, Bytes, Datetime, Duration, Func, NativeFuncData, NativeFuncPtr, Scope};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::error::{Error, Result};
use crate::input::{self, Refusal};
use crate::model::YearMonth;
use crate::view::Arrangement;

/// A layout built into the binary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinLayout {
    /// What `--layout` and a profile's `layout` call it.
    pub name: &'static str,
    /// One line on what it is for, as `resume layouts` lists it.
    pub summary: &'static str,
    /// Its Typst source.
    pub source: &'static str,
    /// Whether it prints a document other than the résumé (a letter, the
    /// 이력서 form), from `--document`.
    pub letters: bool,
    /// How it arranges a résumé, which every other writer of the same
    /// document follows.
    pub arrangement: Arrangement,
}

/// The layouts built into the binary, by name.
pub const LAYOUTS: &[BuiltinLayout] = &[
    BuiltinLayout {
        name: "classic",
        summary: "경력기술서: projects newest first, each with its stack table, duties, results and troubleshooting",
        source: include_str!("../../layouts/classic.typ"),
        letters: false,
        arrangement: Arrangement::ByProject,
    },
    BuiltinLayout {
        name: "compact",
        summary: "classic, denser: stack facts on one line, duties beside their labels; the example in 2 pages",
        source: include_str!("../../layouts/compact.typ"),
        letters: false,
        arrangement: Arrangement::ByProject,
    },
    BuiltinLayout {
        name: "international",
        summary: "résumé by employer for recruiters abroad: titles, dates, a few bullets per project, skills in a line",
        source: include_str!("../../layouts/international.typ"),
        letters: false,
        arrangement: Arrangement::ByEmployer,
    },
    BuiltinLayout {
        name: "iryeokseo",
        summary: "이력서: the standard Korean table form with the photo cell, from `--document iryeokseo`",
        source: include_str!("../../layouts/iryeokseo.typ"),
        letters: true,
        arrangement: Arrangement::ByProject,
    },
    BuiltinLayout {
        name: "letter",
        summary: "자기소개서 (questions with limits and counts) or cover letter, from `--document letter:ID`",
        source: include_str!("../../layouts/letter.typ"),
        letters: true,
        arrangement: Arrangement::ByProject,
    },
];

/// The built-in layout of that name.
pub fn builtin_layout(name: &str) -> Option<&'static BuiltinLayout> {
    LAYOUTS.iter().find(|l| l.name == name)
}

/// Whether `name` may name a layout of the user's: kebab-case, so it is
/// also a safe file name.
pub fn is_layout_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

/// The layout library, by the path every layout imports it from (built-in
/// ones and a user's own alike): `#import "/layouts/lib/resume.typ": words`.
pub const LIBRARY: &[(&str, &str)] = &[
    ("/layouts/lib/resume.typ", include_str!("../../layouts/lib/resume.typ")),
    ("/layouts/lib/by-project.typ", include_str!("../../layouts/lib/by-project.typ")),
    ("/layouts/lib/body.typ", include_str!("../../layouts/lib/body.typ")),
];

/// Where the view is served.
const VIEW_PATH: &str = "/resume.json";

/// Which layout to compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One of [`LAYOUTS`].
    Builtin(&'static str),
    /// A `.typ` file of the user's.
    File(PathBuf),
}

impl Layout {
    /// How the layout arranges a résumé: a built-in one says; a user's
    /// own is taken to be project by project, like the layout it most
    /// often starts from.
    pub fn arrangement(&self) -> Arrangement {
        match self {
            Layout::Builtin(name) => builtin_layout(name).map_or(Arrangement::ByProject, |l| l.arrangement),
            Layout::File(_) => Arrangement::ByProject,
        }
    }

    /// Reads `--layout`: a built-in name, or a path to a `.typ` file.
    pub fn parse(text: &str) -> Result<Self> {
        if let Some(layout) = builtin_layout(text) {
            return Ok(Layout::Builtin(layout.name));
        }
        if text.ends_with(".typ") {
            return Ok(Layout::File(PathBuf::from(text)));
        }
        let names: Vec<&str> = LAYOUTS.iter().map(|l| l.name).collect();
        Err(Error::new(format!("there is no layout named `{text}`")).with_hint(format!(
            "the built-in layouts are: {}; or give the path of a .typ file",
            names.join(", ")
        )))
    }
}

/// Typst's standard library, with `plugin` refused unless allowed: a
/// WebAssembly function runs to completion with no way to stop it, so a
/// layout from a stranger could hang the tool forever.
fn library(allow_plugins: bool) -> Library {
    let mut library = Library::default();
    // A layout that sets no font gets the embedded ones, not Typst's
    // default (which is not embedded): its Hangul shows, and a character
    // none of them has is found and reported, never dropped in silence.
    let families = super::fonts::FAMILIES.iter().map(|family| typst::text::FontFamily::new(family)).collect();
    library.styles.set(typst::text::TextElem::font, typst::text::FontList(families));
    if !allow_plugins {
        let refused = Binding::detached(Func::from(&REFUSED_PLUGIN));
        library.global.scope_mut().bind("plugin".into(), refused);
        library.std = Binding::detached(library.global.clone());
    }
    library
}

/// What a layout calls instead of `plugin` when plugins are off.
static REFUSED_PLUGIN: NativeFuncData = NativeFuncData {
    function: NativeFuncPtr(&|_, _, args| {
        Err(vec![
            SourceDiagnostic::error(args.span, "WebAssembly plugins are off")
                .with_hint("a plugin runs code that cannot be interrupted; give `--allow-plugins` only for a layout you trust"),
        ]
        .into())
    }),
    name: "plugin",
    title: "Plugin",
    docs: "",
    def_site: None,
    keywords: &[],
    contextual: false,
    scope: std::sync::LazyLock::new(&|| Scope::new()),
    params: std::sync::LazyLock::new(&|| Vec::new()),
    returns: std::sync::LazyLock::new(&|| typst::foundations::CastInfo::Any),
};

/// A compilation environment for one résumé.
pub struct ResumeWorld {
    library: LazyHash<Library>,
    /// Fonts beyond the embedded ones (`--font-path`).
    extra_fonts: Vec<Font>,
    /// The font book and fonts, set up on first use: the embedded fonts
    /// are parsed in the background meanwhile, while the layout is being
    /// evaluated (see [`crate::typeset::fonts::load_in_background`]).
    fonts: OnceLock<(LazyHash<FontBook>, Vec<Font>)>,
    main: FileId,
    /// The folder user files are read from, if any.
    root: Option<PathBuf>,
    view: Bytes,
    today: YearMonth,
    /// Sources read from disk, kept so repeated compiles see the same ones.
    sources: Mutex<HashMap<FileId, Source>>,
    /// Every user file served since the last [`Self::forget_files`], so
    /// that an output is never written over a file the build read.
    read: Mutex<Vec<PathBuf>>,
    /// Typst's warnings of the last compile, to be shown, not discarded.
    warnings: Mutex<Vec<typst::diag::SourceDiagnostic>>,
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("valid virtual path")).intern()
}

impl ResumeWorld {
    /// Sets up the world. `root` is the résumé's folder; a custom layout
    /// must live inside it.
    pub fn new(
        layout: &Layout,
        root: Option<&Path>,
        extra_fonts: Vec<Font>,
        today: YearMonth,
        allow_plugins: bool,
    ) -> Result<Self> {
        crate::typeset::fonts::load_in_background();
        let (main, root) = match layout {
            Layout::Builtin(name) => (file_id(&format!("/layouts/{name}.typ")), root.map(Path::to_path_buf)),
            Layout::File(path) => {
                let path =
                    std::fs::canonicalize(path).map_err(|err| Error::io("read the layout", path, &err))?;
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("layout.typ");
                (file_id(&format!("/{name}")), Some(dir))
            }
        };
        Ok(Self {
            library: LazyHash::new(library(allow_plugins)),
            extra_fonts,
            fonts: OnceLock::new(),
            main,
            root,
            view: Bytes::new(Vec::new()),
            today,
            sources: Mutex::new(HashMap::new()),
            read: Mutex::new(Vec::new()),
            warnings: Mutex::new(Vec::new()),
        })
    }

    /// The book and fonts, waiting for the embedded fonts if they are still
    /// being parsed.
    fn loaded_fonts(&self) -> &(LazyHash<FontBook>, Vec<Font>) {
        self.fonts.get_or_init(|| {
            let mut fonts: Vec<Font> = crate::typeset::fonts::embedded().to_vec();
            fonts.extend(self.extra_fonts.iter().cloned());
            (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
        })
    }

    /// Serves a new view; the next compile sees it.
    pub fn set_view(&mut self, json: String) {
        self.view = Bytes::from_string(json);
    }

    /// Drops the files read from disk, so the next compile reads them
    /// afresh (a custom layout edited between two builds).
    pub fn forget_files(&mut self) {
        self.sources.get_mut().expect("source cache").retain(|id, _| Self::builtin(*id).is_some());
        self.read.get_mut().expect("read list").clear();
    }

    /// Keeps the warnings of a compile, replacing those of the one before.
    pub fn keep_warnings(&self, warnings: Vec<typst::diag::SourceDiagnostic>) {
        *self.warnings.lock().expect("warnings") = warnings;
    }

    /// Typst's warnings of the last compile.
    pub fn warnings(&self) -> Vec<typst::diag::SourceDiagnostic> {
        self.warnings.lock().expect("warnings").clone()
    }

    /// The user files served since the last [`Self::forget_files`].
    pub fn files_read(&self) -> Vec<PathBuf> {
        self.read.lock().expect("read list").clone()
    }

    /// How messages name a file of this world.
    fn display_name(&self, id: FileId) -> String {
        let vpath = id.vpath().get_with_slash();
        match (&self.root, Self::builtin(id)) {
            (_, Some(_)) => format!("<built-in>{vpath}"),
            (Some(root), None) => root.join(id.vpath().get_without_slash()).display().to_string(),
            (None, None) => vpath.to_string(),
        }
    }

    fn builtin(id: FileId) -> Option<&'static str> {
        let path = id.vpath().get_with_slash();
        if let Some((_, text)) = LIBRARY.iter().find(|(p, _)| *p == path) {
            return Some(text);
        }
        let name = path.strip_prefix("/layouts/")?.strip_suffix(".typ")?;
        builtin_layout(name).map(|l| l.source)
    }

    /// Serves a file of the root folder: resolved inside it, regular, and
    /// no larger than the cap.
    fn read_user_file(&self, id: FileId, cap: u64) -> FileResult<Vec<u8>> {
        let root =
            self.root.as_ref().ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))?;
        let path = id.vpath().realize(root).map_err(FileError::Realize)?;
        let real = input::contained(root, &path).map_err(|outside| {
            FileError::Other(Some(eco_format!(
                "`{}` leads outside the folder `{}` (to `{}`); a layout may read only the files of its own folder",
                path.display(),
                root.display(),
                outside.display()
            )))
        })?;
        let bytes = input::read_capped(&real, cap).map_err(|refusal| match refusal {
            Refusal::Missing => FileError::NotFound(path.clone()),
            Refusal::NotRegular => FileError::Other(Some(eco_format!(
                "`{}` is not a regular file (a device, a pipe or a folder)",
                path.display()
            ))),
            Refusal::TooLarge(size) => FileError::Other(Some(eco_format!(
                "`{}` has {} MiB, more than the {} MiB a layout may read",
                path.display(),
                size >> 20,
                cap >> 20
            ))),
            Refusal::Io(err) => FileError::from_io(err, &path),
        })?;
        self.read.lock().expect("read list").push(real);
        Ok(bytes)
    }
}

impl World for ResumeWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.loaded_fonts().0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(text) = Self::builtin(id) {
            let mut sources = self.sources.lock().expect("source cache");
            return Ok(sources.entry(id).or_insert_with(|| Source::new(id, text.to_string())).clone());
        }
        let mut sources = self.sources.lock().expect("source cache");
        if let Some(source) = sources.get(&id) {
            return Ok(source.clone());
        }
        let bytes = self.read_user_file(id, input::MAX_TEXT)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text);
        sources.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.vpath().get_with_slash() == VIEW_PATH {
            return Ok(self.view.clone());
        }
        if let Some(text) = Self::builtin(id) {
            return Ok(Bytes::new(text.as_bytes()));
        }
        self.read_user_file(id, input::MAX_ASSET).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.loaded_fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(i32::from(self.today.year), self.today.month, 1)
    }
}

impl typst_kit::diagnostics::DiagnosticWorld for ResumeWorld {
    fn name(&self, id: FileId) -> String {
        self.display_name(id)
    }
}
