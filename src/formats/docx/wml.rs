//! WordprocessingML as typed values: paragraphs, runs, links, fields,
//! tables and their properties. Each value writes its elements in the
//! order ECMA-376 gives (Word drops properties out of order without a
//! word), so a valid order is a matter of construction, not care.

use super::xml::Element;

/// A run's formatting, written in the schema's order.
#[derive(Debug, Clone, Default)]
pub(super) struct RunProps {
    style: Option<&'static str>,
    bold: Option<bool>,
    color: Option<String>,
    spacing: Option<i32>,
    size: Option<usize>,
}

impl RunProps {
    fn element(&self) -> Option<Element> {
        let props = Element::new("w:rPr")
            .maybe(self.style.map(|s| Element::val("w:rStyle", s)))
            .maybe(self.bold.map(|b| if b { Element::new("w:b") } else { Element::val("w:b", "0") }))
            .maybe(self.color.as_ref().map(|c| Element::val("w:color", c)))
            .maybe(self.spacing.map(|s| Element::val("w:spacing", s)))
            .maybe(self.size.map(|s| Element::val("w:sz", s)))
            .maybe(self.size.map(|s| Element::val("w:szCs", s)));
        (!props.is_empty()).then_some(props)
    }
}

#[derive(Debug, Clone)]
enum RunContent {
    Text(String),
    Break,
    Tab,
    Drawing(Element),
    /// A field's instruction between its begin and separate marks.
    Field(&'static str),
}

/// A run of text in one format.
#[derive(Debug, Clone, Default)]
pub(super) struct Run {
    props: RunProps,
    content: Vec<RunContent>,
}

impl Run {
    /// A run of `text`.
    pub(super) fn text(text: impl Into<String>) -> Self {
        Run { props: RunProps::default(), content: vec![RunContent::Text(text.into())] }
    }

    /// A run holding a line break.
    pub(super) fn line_break() -> Self {
        Run { props: RunProps::default(), content: vec![RunContent::Break] }
    }

    /// A run holding a tab, to the paragraph's next stop.
    pub(super) fn tab() -> Self {
        Run { props: RunProps::default(), content: vec![RunContent::Tab] }
    }

    /// A run holding a drawing (a picture).
    pub(super) fn drawing(drawing: Element) -> Self {
        Run { props: RunProps::default(), content: vec![RunContent::Drawing(drawing)] }
    }

    pub(super) fn bold(mut self) -> Self {
        self.props.bold = Some(true);
        self
    }

    /// Not bold, whatever the paragraph's style says.
    pub(super) fn not_bold(mut self) -> Self {
        self.props.bold = Some(false);
        self
    }

    pub(super) fn color(mut self, color: &str) -> Self {
        self.props.color = Some(color.to_string());
        self
    }

    /// The size in half-points.
    pub(super) fn size(mut self, half_points: usize) -> Self {
        self.props.size = Some(half_points);
        self
    }

    /// Letter spacing in twentieths of a point.
    pub(super) fn spacing(mut self, twips: i32) -> Self {
        self.props.spacing = Some(twips);
        self
    }

    pub(super) fn style(mut self, style: &'static str) -> Self {
        self.props.style = Some(style);
        self
    }

    fn elements(&self) -> Vec<Element> {
        match &self.content[..] {
            // A field is three runs: begin with the instruction, the
            // result Word replaces, end.
            [RunContent::Field(instruction)] => {
                let run = |child: Element| Element::new("w:r").maybe(self.props.element()).child(child);
                vec![
                    run(Element::new("w:fldChar").attr("w:fldCharType", "begin")),
                    run(Element::new("w:instrText")
                        .attr("xml:space", "preserve")
                        .text(format!(" {instruction} "))),
                    run(Element::new("w:fldChar").attr("w:fldCharType", "separate")),
                    run(Element::new("w:t").text("1")),
                    run(Element::new("w:fldChar").attr("w:fldCharType", "end")),
                ]
            }
            content => {
                vec![Element::new("w:r").maybe(self.props.element()).children(content.iter().map(|item| {
                    match item {
                        RunContent::Text(text) => {
                            let t = Element::new("w:t");
                            // Word trims a text's outer spaces unless told.
                            let t = if text.starts_with(' ') || text.ends_with(' ') {
                                t.attr("xml:space", "preserve")
                            } else {
                                t
                            };
                            t.text(text.clone())
                        }
                        RunContent::Break => Element::new("w:br"),
                        RunContent::Tab => Element::new("w:tab"),
                        RunContent::Drawing(drawing) => drawing.clone(),
                        RunContent::Field(_) => unreachable!("a field is a run of its own"),
                    }
                }))]
            }
        }
    }
}

/// What a paragraph holds: runs, links and fields.
#[derive(Debug, Clone)]
enum Inline {
    Run(Run),
    Link { id: String, runs: Vec<Run> },
}

/// How a paragraph is set, written in the schema's order.
#[derive(Debug, Clone, Default)]
struct ParagraphProps {
    style: Option<&'static str>,
    keep_next: bool,
    keep_lines: bool,
    numbering: Option<(usize, usize)>,
    tabs: Vec<usize>,
    spacing: Option<(Option<usize>, Option<usize>)>,
    single: bool,
    indent: Option<usize>,
    align: Option<&'static str>,
}

impl ParagraphProps {
    fn element(&self) -> Option<Element> {
        let props = Element::new("w:pPr")
            .maybe(self.style.map(|s| Element::val("w:pStyle", s)))
            .maybe(self.keep_next.then(|| Element::new("w:keepNext")))
            .maybe(self.keep_lines.then(|| Element::new("w:keepLines")))
            .maybe(self.numbering.map(|(id, level)| {
                Element::new("w:numPr")
                    .child(Element::val("w:ilvl", level))
                    .child(Element::val("w:numId", id))
            }))
            .maybe((!self.tabs.is_empty()).then(|| {
                Element::new("w:tabs")
                    .children(self.tabs.iter().map(|pos| Element::val("w:tab", "right").attr("w:pos", pos)))
            }))
            .maybe((self.spacing.is_some() || self.single).then(|| {
                let (before, after) = self.spacing.unwrap_or_default();
                let spacing = Element::new("w:spacing");
                let spacing = match before {
                    Some(before) => spacing.attr("w:before", before),
                    None => spacing,
                };
                let spacing = match after {
                    Some(after) => spacing.attr("w:after", after),
                    None => spacing,
                };
                match self.single {
                    true => spacing.attr("w:line", 240).attr("w:lineRule", "auto"),
                    false => spacing,
                }
            }))
            .maybe(self.indent.map(|left| Element::new("w:ind").attr("w:left", left)))
            .maybe(self.align.map(|a| Element::val("w:jc", a)));
        (!props.is_empty()).then_some(props)
    }
}

/// A paragraph.
#[derive(Debug, Clone, Default)]
pub(super) struct Paragraph {
    props: ParagraphProps,
    content: Vec<Inline>,
}

impl Paragraph {
    pub(super) fn new() -> Self {
        Paragraph::default()
    }

    pub(super) fn style(mut self, style: &'static str) -> Self {
        self.props.style = Some(style);
        self
    }

    /// On the same page as the next paragraph.
    pub(super) fn keep_next(mut self, keep: bool) -> Self {
        self.props.keep_next = keep;
        self
    }

    /// Never split across pages.
    pub(super) fn keep_lines(mut self) -> Self {
        self.props.keep_lines = true;
        self
    }

    /// An item of the list `id` at `level`.
    pub(super) fn numbered(mut self, id: usize, level: usize) -> Self {
        self.props.numbering = Some((id, level));
        self
    }

    /// A right-aligned tab stop at `position` twips.
    pub(super) fn right_tab(mut self, position: usize) -> Self {
        self.props.tabs.push(position);
        self
    }

    /// Space before and after, in twips; `None` keeps the style's.
    pub(super) fn spacing(mut self, before: Option<usize>, after: Option<usize>) -> Self {
        self.props.spacing = Some((before, after));
        self
    }

    /// Lines as high as their content, no more: a picture's line.
    pub(super) fn single_spaced(mut self) -> Self {
        self.props.single = true;
        self
    }

    /// The left indent, in twips.
    pub(super) fn indent(mut self, left: usize) -> Self {
        self.props.indent = Some(left);
        self
    }

    pub(super) fn align(mut self, align: &'static str) -> Self {
        self.props.align = Some(align);
        self
    }

    pub(super) fn run(mut self, run: Run) -> Self {
        self.content.push(Inline::Run(run));
        self
    }

    /// A link to the relationship `id`, shown as `runs`.
    pub(super) fn link(mut self, id: String, runs: Vec<Run>) -> Self {
        self.content.push(Inline::Link { id, runs });
        self
    }

    /// A field (`PAGE`, `NUMPAGES`) in the paragraph's format.
    pub(super) fn field(mut self, instruction: &'static str) -> Self {
        self.content.push(Inline::Run(Run {
            props: RunProps::default(),
            content: vec![RunContent::Field(instruction)],
        }));
        self
    }

    /// `text` as runs, a line break for each of its own.
    pub(super) fn lines(mut self, text: &str) -> Self {
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                self = self.run(Run::line_break());
            }
            self = self.run(Run::text(line.trim_end_matches('\r')));
        }
        self
    }

    pub(super) fn element(&self) -> Element {
        let mut paragraph = Element::new("w:p").maybe(self.props.element());
        for inline in &self.content {
            paragraph = match inline {
                Inline::Run(run) => paragraph.children(run.elements()),
                Inline::Link { id, runs } => paragraph.child(
                    Element::new("w:hyperlink")
                        .attr("r:id", id)
                        .children(runs.iter().flat_map(Run::elements)),
                ),
            };
        }
        paragraph
    }
}

/// Which rows a cell spans downward.
#[derive(Debug, Clone, Copy)]
pub(super) enum Merge {
    Start,
    Continue,
}

/// A table cell.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    width: Option<usize>,
    span: usize,
    merge: Option<Merge>,
    fill: Option<&'static str>,
    flush: bool,
    centred: bool,
    paragraphs: Vec<Paragraph>,
}

impl Cell {
    /// A cell holding `paragraph`.
    pub(super) fn new(paragraph: Paragraph) -> Self {
        Cell {
            width: None,
            span: 1,
            merge: None,
            fill: None,
            flush: false,
            centred: false,
            paragraphs: vec![paragraph],
        }
    }

    pub(super) fn width(mut self, twips: usize) -> Self {
        self.width = Some(twips);
        self
    }

    /// Spanning `columns` of the grid.
    pub(super) fn span(mut self, columns: usize) -> Self {
        self.span = columns;
        self
    }

    pub(super) fn merge(mut self, merge: Merge) -> Self {
        self.merge = Some(merge);
        self
    }

    /// Shaded with the colour `fill`.
    pub(super) fn fill(mut self, fill: &'static str) -> Self {
        self.fill = Some(fill);
        self
    }

    /// No margins inside: a picture fills the cell.
    pub(super) fn flush(mut self) -> Self {
        self.flush = true;
        self
    }

    /// Its content centred vertically.
    pub(super) fn centred(mut self) -> Self {
        self.centred = true;
        self
    }

    fn element(&self) -> Element {
        let props = Element::new("w:tcPr")
            .maybe(self.width.map(|w| Element::new("w:tcW").attr("w:w", w).attr("w:type", "dxa")))
            .maybe((self.span > 1).then(|| Element::val("w:gridSpan", self.span)))
            .maybe(self.merge.map(|merge| match merge {
                Merge::Start => Element::val("w:vMerge", "restart"),
                Merge::Continue => Element::new("w:vMerge"),
            }))
            .maybe(
                self.fill
                    .map(|fill| Element::val("w:shd", "clear").attr("w:color", "auto").attr("w:fill", fill)),
            )
            .maybe(self.flush.then(|| {
                Element::new("w:tcMar").children(
                    ["w:top", "w:left", "w:bottom", "w:right"]
                        .map(|side| Element::new(side).attr("w:w", 0).attr("w:type", "dxa")),
                )
            }))
            .maybe(self.centred.then(|| Element::val("w:vAlign", "center")));
        Element::new("w:tc")
            .maybe((!props.is_empty()).then_some(props))
            .children(self.paragraphs.iter().map(Paragraph::element))
    }
}

/// A table row.
#[derive(Debug, Clone)]
pub(super) struct Row {
    cells: Vec<Cell>,
    /// The least height, in twips.
    height: Option<usize>,
}

impl Row {
    pub(super) fn new(cells: Vec<Cell>) -> Self {
        Row { cells, height: None }
    }

    /// At least `twips` high.
    pub(super) fn height(mut self, twips: usize) -> Self {
        self.height = Some(twips);
        self
    }

    fn element(&self) -> Element {
        // A row is never split across pages.
        let props = Element::new("w:trPr")
            .child(Element::new("w:cantSplit"))
            .maybe(self.height.map(|h| Element::val("w:trHeight", h).attr("w:hRule", "atLeast")));
        Element::new("w:tr").child(props).children(self.cells.iter().map(Cell::element))
    }
}

/// A table: its columns' widths and its rows, ruled or not.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) grid: Vec<usize>,
    pub(super) rows: Vec<Row>,
    pub(super) ruled: bool,
}

impl Table {
    pub(super) fn element(&self) -> Element {
        let width: usize = self.grid.iter().sum();
        let border = |name: &'static str| match self.ruled {
            true => Element::val(name, "single").attr("w:sz", 4).attr("w:space", 0).attr("w:color", "808080"),
            false => Element::val(name, "nil"),
        };
        let borders = Element::new("w:tblBorders")
            .children(["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(border));
        let props = Element::new("w:tblPr")
            .child(Element::new("w:tblW").attr("w:w", width).attr("w:type", "dxa"))
            .child(borders)
            .child(Element::new("w:tblLayout").attr("w:type", "fixed"))
            .child(
                Element::new("w:tblCellMar")
                    .child(Element::new("w:left").attr("w:w", 80).attr("w:type", "dxa"))
                    .child(Element::new("w:right").attr("w:w", 80).attr("w:type", "dxa")),
            );
        Element::new("w:tbl")
            .child(props)
            .child(
                Element::new("w:tblGrid")
                    .children(self.grid.iter().map(|w| Element::new("w:gridCol").attr("w:w", w))),
            )
            .children(self.rows.iter().map(Row::element))
    }
}

/// What the body holds, in order.
#[derive(Debug, Clone)]
pub(super) enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

impl Block {
    pub(super) fn element(&self) -> Element {
        match self {
            Block::Paragraph(paragraph) => paragraph.element(),
            Block::Table(table) => table.element(),
        }
    }
}
