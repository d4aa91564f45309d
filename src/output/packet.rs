//! Several finished PDFs joined into one (`--packet`): an application's
//! documents as the one file a portal's single upload field takes.
//!
//! Each document is typeset on its own, as it would be alone, so its page
//! budget, its page numbers ("1 / 2") and its links stay its own. Joining
//! then works on the PDF objects: every part's objects are renumbered
//! past the previous part's, its pages go under one page tree, its
//! outline under one entry named for the document, and its tags under one
//! `Part` element of the joined structure tree, so the packet stays a
//! tagged PDF a screen reader can follow. Page labels name each
//! document's pages (`경력기술서 2`), so a viewer's page box agrees with
//! the numbers printed on the page.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use crate::error::{Error, Result};

/// One document of a packet.
pub struct Part<'a> {
    /// Its entry in the packet's outline (`자기소개서 (루멘랩스 지원)`).
    pub title: &'a str,
    /// What its page labels begin with (`자기소개서`).
    pub label: &'a str,
    /// Its language, where it may differ from the packet's (the 이력서
    /// form is always Korean).
    pub lang: &'a str,
    /// The document, as `typst-pdf` wrote it.
    pub pdf: &'a [u8],
}

/// What the joined file says about itself.
pub struct Meta<'a> {
    /// The title a viewer shows (`한가온 — 입사지원서`).
    pub title: &'a str,
    /// The person.
    pub author: &'a str,
    /// The packet's language.
    pub lang: &'a str,
    /// A name that stays the same across builds of this packet, for the
    /// first half of the file's ID.
    pub ident: &'a str,
}

/// What one part contributed, once its objects are in the packet.
struct Joined {
    pages: Vec<ObjectId>,
    /// The first page's height, so the outline entry shows its top.
    top: f32,
    /// The part's own outline: first and last entry and their count.
    outline: Option<(ObjectId, ObjectId, i64)>,
    /// The part's top structure elements.
    tags: Vec<ObjectId>,
}

/// The ids of the objects the packet adds around its parts.
struct Frame {
    pages: ObjectId,
    outline: ObjectId,
    root: ObjectId,
    document_tag: ObjectId,
    catalog: ObjectId,
    info: ObjectId,
    /// Each part's outline entry.
    entries: Vec<ObjectId>,
}

/// What the parts' structure trees bring to the packet's one tree.
#[derive(Default)]
struct Structure {
    parent_tree: Vec<Object>,
    next_key: i64,
    role_map: Dictionary,
}

/// Joins `parts`, in order, into one tagged PDF.
pub fn join(parts: &[Part], meta: &Meta) -> Result<Vec<u8>> {
    let mut packet = Document::with_version("1.7");
    let mut next_id = 1u32;
    let mut structure = Structure::default();
    let mut joined = Vec::new();
    for part in parts {
        let document = Document::load_mem(part.pdf).map_err(|err| {
            Error::new(format!("the PDF of the {} could not be read back to join it: {err}", part.label))
        })?;
        let base = next_id - 1;
        next_id += document.max_id;
        joined.push(take(
            &mut packet,
            document,
            base,
            &mut structure.next_key,
            &mut structure.parent_tree,
            &mut structure.role_map,
        )?);
    }
    let mut new_id = || {
        let id = (next_id, 0);
        next_id += 1;
        id
    };
    let frame = Frame {
        pages: new_id(),
        outline: new_id(),
        root: new_id(),
        document_tag: new_id(),
        catalog: new_id(),
        info: new_id(),
        entries: parts.iter().map(|_| new_id()).collect(),
    };
    let mut kids = Vec::new();
    let mut labels = Vec::new();
    for (n, (part, joined)) in parts.iter().zip(&joined).enumerate() {
        labels.push(Object::Integer(kids.len() as i64));
        labels.push(Object::Dictionary(dictionary(vec![
            ("S", Object::Name(b"D".to_vec())),
            ("P", text(&format!("{} ", part.label))),
        ])));
        for page in &joined.pages {
            if let Ok(Object::Dictionary(dict)) = packet.get_object_mut(*page) {
                dict.set("Parent", frame.pages);
            }
            kids.push(Object::Reference(*page));
        }
        outline_entry(&mut packet, &frame, n, part, joined);
        tag_part(&mut packet, &frame, part, joined, meta);
    }
    let tags: Vec<Object> = joined.iter().flat_map(|j| &j.tags).map(|id| Object::Reference(*id)).collect();
    insert_frame(&mut packet, &frame, kids, labels, tags, structure, meta);
    packet.max_id = next_id - 1;
    finish(packet, &frame, parts, meta)
}

/// A part's outline entry: its title, opening on its first page, holding
/// the part's own headings (closed).
fn outline_entry(packet: &mut Document, frame: &Frame, n: usize, part: &Part, joined: &Joined) {
    let mut entry = dictionary(vec![
        ("Title", text(part.title)),
        ("Parent", Object::Reference(frame.outline)),
        (
            "Dest",
            Object::Array(vec![
                Object::Reference(joined.pages[0]),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(joined.top),
                Object::Integer(0),
            ]),
        ),
    ]);
    if n > 0 {
        entry.set("Prev", frame.entries[n - 1]);
    }
    if n + 1 < frame.entries.len() {
        entry.set("Next", frame.entries[n + 1]);
    }
    if let Some((first, last, count)) = joined.outline {
        entry.set("First", first);
        entry.set("Last", last);
        // Closed: the packet's outline lists its documents, each
        // opening on its own headings.
        entry.set("Count", -count.abs());
        reparent_outline(packet, first, frame.entries[n]);
    }
    packet.objects.insert(frame.entries[n], Object::Dictionary(entry));
}

/// A part's top structure elements become one `Part` of the packet's
/// `Document`, in its own language where it differs.
fn tag_part(packet: &mut Document, frame: &Frame, part: &Part, joined: &Joined, meta: &Meta) {
    for tag in &joined.tags {
        if let Ok(Object::Dictionary(dict)) = packet.get_object_mut(*tag) {
            dict.set("S", Object::Name(b"Part".to_vec()));
            dict.set("P", frame.document_tag);
            dict.set("T", text(part.title));
            if part.lang != meta.lang {
                dict.set("Lang", Object::string_literal(part.lang));
            }
        }
    }
}

/// The objects around the parts: the page tree, the outline, the
/// structure tree, the catalog and the document information.
fn insert_frame(
    packet: &mut Document,
    frame: &Frame,
    kids: Vec<Object>,
    labels: Vec<Object>,
    tags: Vec<Object>,
    structure: Structure,
    meta: &Meta,
) {
    let page_count = kids.len() as i64;
    packet.objects.insert(
        frame.pages,
        Object::Dictionary(dictionary(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Count", Object::Integer(page_count)),
            ("Kids", Object::Array(kids)),
        ])),
    );
    let mut outline = dictionary(vec![
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("Count", Object::Integer(frame.entries.len() as i64)),
    ]);
    if let (Some(first), Some(last)) = (frame.entries.first(), frame.entries.last()) {
        outline.set("First", *first);
        outline.set("Last", *last);
    }
    packet.objects.insert(frame.outline, Object::Dictionary(outline));
    packet.objects.insert(
        frame.document_tag,
        Object::Dictionary(dictionary(vec![
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(b"Document".to_vec())),
            ("P", Object::Reference(frame.root)),
            ("T", text(meta.title)),
            ("K", Object::Array(tags)),
        ])),
    );
    packet.objects.insert(
        frame.root,
        Object::Dictionary(dictionary(vec![
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("RoleMap", Object::Dictionary(structure.role_map)),
            ("K", Object::Array(vec![Object::Reference(frame.document_tag)])),
            (
                "ParentTree",
                Object::Dictionary(dictionary(vec![("Nums", Object::Array(structure.parent_tree))])),
            ),
            ("ParentTreeNextKey", Object::Integer(structure.next_key)),
        ])),
    );
    packet.objects.insert(
        frame.catalog,
        Object::Dictionary(dictionary(vec![
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(frame.pages)),
            ("Outlines", Object::Reference(frame.outline)),
            ("PageMode", Object::Name(b"UseOutlines".to_vec())),
            ("PageLabels", Object::Dictionary(dictionary(vec![("Nums", Object::Array(labels))]))),
            ("Lang", Object::string_literal(meta.lang)),
            ("StructTreeRoot", Object::Reference(frame.root)),
            ("MarkInfo", Object::Dictionary(dictionary(vec![("Marked", Object::Boolean(true))]))),
            (
                "ViewerPreferences",
                Object::Dictionary(dictionary(vec![
                    ("DisplayDocTitle", Object::Boolean(true)),
                    ("Direction", Object::Name(b"L2R".to_vec())),
                ])),
            ),
        ])),
    );
    packet.objects.insert(
        frame.info,
        Object::Dictionary(dictionary(vec![
            ("Title", text(meta.title)),
            ("Author", text(meta.author)),
            ("Creator", Object::string_literal(format!("resume {}", env!("CARGO_PKG_VERSION")))),
        ])),
    );
}

/// The trailer (the file's ID: the same packet keeps its first half, its
/// contents make the second), what only the parts' catalogs used pruned,
/// and the bytes.
fn finish(mut packet: Document, frame: &Frame, parts: &[Part], meta: &Meta) -> Result<Vec<u8>> {
    let same = typst::utils::hash128(meta.ident).to_be_bytes().to_vec();
    let contents: Vec<&[u8]> = parts.iter().map(|p| p.pdf).collect();
    let this = typst::utils::hash128(&contents).to_be_bytes().to_vec();
    packet.trailer = dictionary(vec![
        ("Root", Object::Reference(frame.catalog)),
        ("Info", Object::Reference(frame.info)),
        (
            "ID",
            Object::Array(vec![
                Object::String(same, StringFormat::Hexadecimal),
                Object::String(this, StringFormat::Hexadecimal),
            ]),
        ),
    ]);
    // What only the parts' catalogs used (their metadata streams) goes.
    packet.prune_objects();
    let mut bytes = Vec::new();
    packet
        .save_to(&mut bytes)
        .map_err(|err| Error::new(format!("the joined PDF could not be written: {err}")))?;
    Ok(bytes)
}

/// Moves one part's objects into the packet, numbered past `base`, and
/// returns where its pages, outline and tags went. Its catalog, page
/// tree, outline root and structure root stay behind: the packet makes
/// its own. Its structure keys are moved past `next_key`, so that every
/// page and link still finds its tags in the joined parent tree. (One
/// function over 80 lines on purpose: the renumbering of ids and of
/// structure keys must see the same objects in one pass, and split apart
/// they would each walk the part again.)
fn take(
    packet: &mut Document,
    document: Document,
    base: u32,
    next_key: &mut i64,
    parent_tree: &mut Vec<Object>,
    role_map: &mut Dictionary,
) -> Result<Joined> {
    let broken = || Error::new("a PDF to join has no catalog or pages");
    let catalog = document.catalog().map_err(|_| broken())?.clone();
    let page_ids: Vec<ObjectId> = document.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(broken());
    }
    let reference = |key: &[u8]| catalog.get(key).and_then(Object::as_reference).ok();
    let mut left_behind: Vec<ObjectId> = document
        .objects
        .iter()
        .filter(|(_, object)| object.type_name().is_ok_and(|name| name == b"Pages"))
        .map(|(id, _)| *id)
        .collect();
    left_behind.extend(reference(b"Outlines"));
    left_behind.extend(reference(b"StructTreeRoot"));
    left_behind.extend(reference(b"Metadata"));
    left_behind.extend(document.trailer.get(b"Root").and_then(Object::as_reference).ok());
    left_behind.extend(document.trailer.get(b"Info").and_then(Object::as_reference).ok());

    let shifted = |id: ObjectId| (id.0 + base, id.1);
    let outline = reference(b"Outlines").and_then(|id| document.get_dictionary(id).ok()).and_then(|root| {
        let first = root.get(b"First").and_then(Object::as_reference).ok()?;
        let last = root.get(b"Last").and_then(Object::as_reference).ok()?;
        let count = root.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
        Some((shifted(first), shifted(last), count))
    });
    let mut tags = Vec::new();
    let mut keys_used = 0i64;
    if let Some(root) = reference(b"StructTreeRoot").and_then(|id| document.get_dictionary(id).ok()) {
        match root.get(b"K") {
            Ok(Object::Reference(id)) => tags.push(shifted(*id)),
            Ok(Object::Array(kids)) => {
                tags.extend(kids.iter().filter_map(|k| k.as_reference().ok()).map(shifted))
            }
            _ => {}
        }
        if let Ok(Object::Dictionary(map)) = root.get_deref(b"RoleMap", &document) {
            role_map.extend(map);
        }
        if let Ok(tree) = root.get_deref(b"ParentTree", &document).and_then(Object::as_dict) {
            for (key, mut value) in numbers(tree, &document) {
                shift(&mut value, base);
                parent_tree.push(Object::Integer(key + *next_key));
                parent_tree.push(value);
                keys_used = keys_used.max(key + 1);
            }
        }
        keys_used = keys_used.max(root.get(b"ParentTreeNextKey").and_then(Object::as_i64).unwrap_or(0));
    }
    let top = document
        .get_dictionary(page_ids[0])
        .ok()
        .and_then(|page| inherited(&document, page, b"MediaBox"))
        .and_then(|media| media.as_array().ok()?.get(3)?.as_float().ok())
        .unwrap_or(842.0);
    let inherits: Vec<(ObjectId, Inherited)> = page_ids
        .iter()
        .map(|id| {
            let page = document.get_dictionary(*id).ok();
            let found = [b"Resources".as_slice(), b"MediaBox", b"CropBox", b"Rotate"]
                .into_iter()
                .filter(|key| page.is_some_and(|p| !p.has(key)))
                .filter_map(|key| Some((key, inherited(&document, page?, key)?.clone())))
                .collect();
            (*id, found)
        })
        .collect();
    for (id, mut object) in document.objects {
        if left_behind.contains(&id) {
            continue;
        }
        shift(&mut object, base);
        let dict = match &mut object {
            Object::Dictionary(dict) => Some(dict),
            Object::Stream(stream) => Some(&mut stream.dict),
            _ => None,
        };
        if let Some(dict) = dict {
            for key in [b"StructParents".as_slice(), b"StructParent"] {
                if let Ok(Object::Integer(n)) = dict.get_mut(key) {
                    *n += *next_key;
                }
            }
            if let Some((_, found)) = inherits.iter().find(|(page, _)| *page == id) {
                for (key, value) in found {
                    let mut value = value.clone();
                    shift(&mut value, base);
                    dict.set(key.to_vec(), value);
                }
            }
        }
        packet.objects.insert(shifted(id), object);
    }
    *next_key += keys_used;
    Ok(Joined { pages: page_ids.into_iter().map(shifted).collect(), top, outline, tags })
}

/// The attributes a page takes from the page tree above it, which the
/// packet's own page tree no longer gives it.
type Inherited<'a> = Vec<(&'a [u8], Object)>;

/// A page attribute, from the page or the page tree above it.
fn inherited<'a>(document: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(value) = node.get_deref(key, document) {
            return Some(value);
        }
        node = document.get_dictionary(node.get(b"Parent").and_then(Object::as_reference).ok()?).ok()?;
    }
    None
}

/// Every key and value of a number tree (its `Nums`, and its `Kids`'
/// in order), as the parent tree of structure keys is one.
fn numbers(tree: &Dictionary, document: &Document) -> Vec<(i64, Object)> {
    let mut found = Vec::new();
    let mut pending = vec![(tree.clone(), 0)];
    while let Some((node, depth)) = pending.pop() {
        if let Ok(nums) = node.get_deref(b"Nums", document).and_then(Object::as_array) {
            for pair in nums.chunks(2) {
                if let [Object::Integer(key), value] = pair {
                    found.push((*key, value.clone()));
                }
            }
        }
        if depth < 32
            && let Ok(kids) = node.get_deref(b"Kids", document).and_then(Object::as_array)
        {
            for kid in kids.iter().rev() {
                if let Some(kid) = kid.as_reference().ok().and_then(|id| document.get_dictionary(id).ok()) {
                    pending.push((kid.clone(), depth + 1));
                }
            }
        }
    }
    found.sort_by_key(|(key, _)| *key);
    found
}

/// Points a part's top outline entries at the packet's entry for it.
fn reparent_outline(packet: &mut Document, first: ObjectId, parent: ObjectId) {
    let mut next = Some(first);
    let mut seen = 0;
    while let Some(id) = next
        && seen < 10_000
    {
        seen += 1;
        let Ok(Object::Dictionary(entry)) = packet.get_object_mut(id) else { break };
        entry.set("Parent", parent);
        next = entry.get(b"Next").and_then(Object::as_reference).ok();
    }
}

/// Renumbers every reference in `object` by `base`.
fn shift(object: &mut Object, base: u32) {
    match object {
        Object::Reference(id) => id.0 += base,
        Object::Array(items) => items.iter_mut().for_each(|item| shift(item, base)),
        Object::Dictionary(dict) => dict.iter_mut().for_each(|(_, value)| shift(value, base)),
        Object::Stream(stream) => stream.dict.iter_mut().for_each(|(_, value)| shift(value, base)),
        _ => {}
    }
}

/// A PDF text string: UTF-16 with its byte order mark, so Hangul survives.
fn text(value: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(value.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn dictionary(entries: Vec<(&str, Object)>) -> Dictionary {
    let mut dict = Dictionary::new();
    for (key, value) in entries {
        dict.set(key, value);
    }
    dict
}
