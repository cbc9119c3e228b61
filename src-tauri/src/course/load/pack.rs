//! Loading a whole course pack: every file parsed, rendered and cross-checked,
//! every problem collected, and the result a `Course` the app can trust.

use std::collections::BTreeMap;

use crate::course::digest::sha256_hex;

use comrak::Arena;

use super::citations::Citation;
use super::config::{parse_config, CourseConfig, CONFIG_FILE};
use super::files::PackFiles;
use super::files::{GUIDES_FOLDER, LESSONS_FOLDER};
use super::help::{
    assign_groups, help_page, split_sections, HelpKind, HelpPage, HelpSection, SourceSection,
    HELP_FILE,
};
use super::lesson::{guide_from, lesson_from, Lesson, LessonId};
use super::links::LinkPolicy;
use super::links::GUIDE_LINK_PREFIX;
use super::logo::logo_data_url;
use super::problem::{ContentError, Problem};
use super::references::{parse_references, Reference, REFERENCES_FILE};
use super::render::{parse_page, render_with, MovementSection, ParsedPage, Writing, Written};
use super::spoken::SpokenPart;
use crate::course::words::{pack_catalog::pack_words, Catalog};

pub const DISCLAIMER_FILE: &str = "disclaimer.md";
pub const INTRO_FILE: &str = "intro.md";
pub const FINISHED_FILE: &str = "finished.md";
pub const MAX_LESSONS: usize = 50;
pub const MAX_GUIDES: usize = 20;

/// A page of course text that is not a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub html: String,
    /// What "Listen" reads of it, part by part (empty where it has none).
    pub spoken: Vec<SpokenPart>,
}

impl From<Written> for Page {
    fn from(written: Written) -> Page {
        Page {
            html: written.html,
            spoken: written.spoken,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclaimer {
    pub page: Page,
    /// A hash of the disclaimer's text: consent is to this exact text, and a
    /// changed text asks the learner again.
    pub version: String,
}

#[derive(Debug, Clone)]
pub struct Course {
    pub config: CourseConfig,
    pub disclaimer: Disclaimer,
    pub intro: Page,
    pub finished: Page,
    /// "Get help now": when to get help, group by group.
    pub help: HelpPage,
    /// In course order.
    pub lessons: Vec<Lesson>,
    /// The short everyday pages outside the timed lessons, in their order.
    pub guides: Vec<Lesson>,
    pub references: Vec<Reference>,
    /// Every link the course text contains: all that `open_link` may open.
    pub links: LinkPolicy,
    /// Every citation, by file, for checks and the clinic's checker.
    pub citations: BTreeMap<String, Vec<Citation>>,
    /// The clinic's logo as a `data:` URL, if the pack has one.
    pub logo: Option<String>,
    /// The learner's words in the course's language (English where the
    /// pack's catalog has none).
    pub words: Catalog,
}

impl Course {
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id.as_str() == id)
    }

    pub fn guide(&self, id: &str) -> Option<&Lesson> {
        self.guides.iter().find(|g| g.id.as_str() == id)
    }

    /// A movement by its id, with the page it is on.
    pub fn movement(&self, id: &str) -> Option<(&Lesson, &MovementSection)> {
        self.lessons
            .iter()
            .chain(&self.guides)
            .find_map(|page| Some((page, page.movements.iter().find(|m| m.id == id)?)))
    }

    pub fn lesson_index(&self, id: &LessonId) -> Option<usize> {
        self.lessons.iter().position(|l| &l.id == id)
    }

    /// References no text cites.
    pub fn uncited_references(&self) -> Vec<&Reference> {
        self.references
            .iter()
            .filter(|r| !self.citations.values().flatten().any(|c| c.cite == r.cite))
            .collect()
    }
}

pub fn disclaimer_version(text: &str) -> String {
    // Line endings differ between platforms and editors; the words do not.
    let normalised = text.replace("\r\n", "\n");
    sha256_hex(normalised.trim().as_bytes(), 8)
}

/// Loads and checks a pack; on failure, every problem found. In four steps:
/// the settings read; every page parsed and checked; the pages checked
/// against each other and the references; then, for a sound pack only,
/// every page written.
pub fn load_course(files: &PackFiles) -> Result<Course, ContentError> {
    let mut problems = Vec::new();
    let settings = read_settings(files, &mut problems);
    // Every page's tree lives here until it is written.
    let arena = Arena::new();
    let parsed = parse_pages(&arena, files, &mut problems);

    let mut links = LinkPolicy::default();
    for page in parsed.pages() {
        page.links.iter().for_each(|u| links.allow(u));
    }
    for reference in &settings.references {
        if let Some(url) = reference.link() {
            links.allow(&url);
        }
    }
    let citations: BTreeMap<String, Vec<Citation>> = parsed
        .named_pages()
        .map(|(name, page)| (name.to_owned(), page.citations.clone()))
        .collect();
    let mut lessons = pages_from(&parsed.lessons, lesson_from, &mut problems);
    check_lessons(&mut lessons, &mut problems);
    let mut guides = pages_from(&parsed.guides, guide_from, &mut problems);
    check_guides(&mut guides, &lessons, &mut problems);
    check_guide_links(&parsed, &guides, &mut problems);
    check_movement_ids(&parsed, &mut problems);
    cross_check_citations(&citations, &settings.references, &mut problems);
    let help = files
        .get(HELP_FILE)
        .and_then(|text| help_sections(text, settings.config.as_ref(), &mut problems));

    // The next step is not added to `links`: it opens only through
    // `open_next_step`, which checks that the course is complete.
    let Settings {
        config,
        words,
        logo,
        references,
    } = settings;
    // Each page is written once, so it is taken out of `parsed`.
    let ParsedPages {
        disclaimer,
        intro,
        finished,
        lessons: lesson_pages,
        guides: guide_pages,
        ..
    } = parsed;
    let (Some(config), Some(words), Some(disclaimer), Some(intro), Some(finished), Some(help)) =
        (config, words, disclaimer, intro, finished, help)
    else {
        return Err(ContentError::capped(problems));
    };
    if !problems.is_empty() {
        return Err(ContentError::capped(problems));
    }

    let cites: Vec<&str> = references.iter().map(|r| r.cite.as_str()).collect();
    let writing = Writing {
        cites: &cites,
        ..Writing::plain(&words)
    };
    let said = |prefix| Writing {
        say: Some(prefix),
        ..writing
    };
    let disclaimer = Disclaimer {
        version: disclaimer_version(files.get(DISCLAIMER_FILE).unwrap_or_default()),
        page: Page::from(disclaimer.write(&arena, &said("say-disclaimer"))),
    };
    // The intro is shown under the home screen's "Who this course is for" heading.
    let intro = Page::from(intro.write(
        &arena,
        &Writing {
            nesting: 1,
            ..writing
        },
    ));
    let finished = Page::from(finished.write(&arena, &said("say-finished")));
    let help = write_help(help, &writing, &mut problems);
    write_pages(
        &arena,
        &mut lessons,
        lesson_pages,
        &said("say-lesson"),
        "printed",
    );
    write_pages(
        &arena,
        &mut guides,
        guide_pages,
        &said("say-guide"),
        "printed-guide",
    );
    if !problems.is_empty() {
        return Err(ContentError::capped(problems));
    }
    Ok(Course {
        config,
        disclaimer,
        intro,
        finished,
        help,
        lessons,
        guides,
        references,
        links,
        citations,
        logo,
        words,
    })
}

/// What the pack's settings files hold (each None or empty when broken).
struct Settings {
    config: Option<CourseConfig>,
    words: Option<Catalog>,
    logo: Option<String>,
    references: Vec<Reference>,
}

fn read_settings(files: &PackFiles, problems: &mut Vec<Problem>) -> Settings {
    let config = match files.get(CONFIG_FILE) {
        Some(text) => parse_config(text).map_err(|p| problems.extend(p)).ok(),
        None => {
            problems.push(Problem::in_file(CONFIG_FILE, "is missing"));
            None
        }
    };
    let words = config
        .as_ref()
        .map(|c| pack_words(files, &c.language, problems));
    let logo = config
        .as_ref()
        .and_then(|c| c.logo.as_deref())
        .and_then(|name| {
            logo_data_url(files, name)
                .map_err(|p| problems.push(p))
                .ok()
        });
    let references = match files.get(REFERENCES_FILE) {
        Some(text) => parse_references(text)
            .map_err(|p| problems.extend(p))
            .unwrap_or_default(),
        None => {
            problems.push(Problem::in_file(REFERENCES_FILE, "is missing"));
            Vec::new()
        }
    };
    Settings {
        config,
        words,
        logo,
        references,
    }
}

/// Every page of the pack, parsed and checked; None where a file is missing.
struct ParsedPages<'a> {
    disclaimer: Option<ParsedPage<'a>>,
    intro: Option<ParsedPage<'a>>,
    finished: Option<ParsedPage<'a>>,
    /// "Get help now", checked whole (it is written part by part).
    help: Option<ParsedPage<'a>>,
    /// Each lesson file and its page, in file order.
    lessons: Vec<(String, ParsedPage<'a>)>,
    /// Each guide file and its page, in file order.
    guides: Vec<(String, ParsedPage<'a>)>,
}

impl<'a> ParsedPages<'a> {
    fn named_pages(&self) -> impl Iterator<Item = (&str, &ParsedPage<'a>)> {
        let pages = [
            (DISCLAIMER_FILE, self.disclaimer.as_ref()),
            (INTRO_FILE, self.intro.as_ref()),
            (FINISHED_FILE, self.finished.as_ref()),
            (HELP_FILE, self.help.as_ref()),
        ];
        pages
            .into_iter()
            .filter_map(|(name, page)| Some((name, page?)))
            .chain(
                self.lessons
                    .iter()
                    .chain(&self.guides)
                    .map(|(name, page)| (name.as_str(), page)),
            )
    }

    fn pages(&self) -> impl Iterator<Item = &ParsedPage<'a>> {
        self.named_pages().map(|(_, page)| page)
    }
}

fn parse_pages<'a>(
    arena: &'a Arena<'a>,
    files: &PackFiles,
    problems: &mut Vec<Problem>,
) -> ParsedPages<'a> {
    let page = |name: &str, problems: &mut Vec<Problem>| {
        let Some(text) = files.get(name) else {
            problems.push(Problem::in_file(name, "is missing"));
            return None;
        };
        let page = parse_page(arena, name, text, problems);
        if let Some((line, _)) = page.questions {
            problems.push(Problem::at_line(
                name,
                line,
                "questions: self-check questions go at the end of a lesson, not here",
            ));
        }
        Some(page)
    };
    let disclaimer = page(DISCLAIMER_FILE, problems);
    let intro = page(INTRO_FILE, problems);
    let finished = page(FINISHED_FILE, problems);
    let help = page(HELP_FILE, problems);
    let mut parse_all = |paths: Vec<&str>| -> Vec<(String, ParsedPage<'a>)> {
        paths
            .into_iter()
            .map(|path| {
                let text = files.get(path).unwrap_or_default();
                (path.to_owned(), parse_page(arena, path, text, problems))
            })
            .collect()
    };
    let lessons = parse_all(files.lesson_paths().collect());
    let guides = parse_all(files.guide_paths().collect());
    ParsedPages {
        disclaimer,
        intro,
        finished,
        help,
        lessons,
        guides,
    }
}

/// Each page with front matter (a lesson or a guide) built by `build`.
fn pages_from(
    parsed: &[(String, ParsedPage<'_>)],
    build: fn(&str, &ParsedPage<'_>) -> Result<Lesson, Vec<Problem>>,
    problems: &mut Vec<Problem>,
) -> Vec<Lesson> {
    let mut built = Vec::new();
    for (path, page) in parsed {
        match build(path, page) {
            Ok(page) => built.push(page),
            Err(p) => problems.extend(p),
        }
    }
    built
}

/// A movement's id names it in the learner's record, so no two movements
/// of a course may share one.
fn check_movement_ids(parsed: &ParsedPages<'_>, problems: &mut Vec<Problem>) {
    let mut seen: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for (name, page) in parsed.named_pages() {
        for (line, id) in page.movement_ids() {
            if let Some((first, first_line)) = seen.get(id) {
                problems.push(Problem::at_line(
                    name,
                    line,
                    format!("figure: the movement id {id:?} is already used ({first}, line {first_line}); give each movement its own"),
                ));
            } else {
                seen.insert(id, (name, line));
            }
        }
    }
}

/// Each lesson or guide written from its page (`pages`, by file): shown,
/// read aloud under `said`'s prefix, and printed with its ids under
/// `print_prefix`-{id}.
fn write_pages<'a>(
    arena: &'a Arena<'a>,
    into: &mut [Lesson],
    pages: Vec<(String, ParsedPage<'a>)>,
    said: &Writing<'_>,
    print_prefix: &str,
) {
    let mut pages: BTreeMap<String, ParsedPage<'_>> = pages.into_iter().collect();
    for lesson in into {
        let Some(page) = pages.remove(&lesson.file) else {
            continue;
        };
        lesson.minutes_words = said.words.plural("minutes", lesson.minutes.into(), &[]);
        let print = format!("{print_prefix}-{}", lesson.id);
        let written = page.write(
            arena,
            &Writing {
                print: Some(&print),
                ..*said
            },
        );
        lesson.html = written.html;
        lesson.print_html = written.print_html;
        lesson.spoken = written.spoken;
        lesson.movement_sheet = written.movement_sheet;
        lesson.movements = written.movements;
        lesson.opening = written.opening;
    }
}

/// Every citation must be on the references list, cited exactly as its `cite`.
fn cross_check_citations(
    citations: &BTreeMap<String, Vec<Citation>>,
    references: &[Reference],
    problems: &mut Vec<Problem>,
) {
    for (file, found) in citations {
        for citation in found {
            if !references.iter().any(|r| r.cite == citation.cite) {
                problems.push(Problem::at_line(
                    file.clone(),
                    citation.line,
                    format!(
                        "the citation \"{}\" matches no entry in {REFERENCES_FILE} (cite it exactly as its `cite`, e.g. \"Hall et al., 2021\")",
                        citation.cite
                    ),
                ));
            }
        }
    }
}

/// `get-help.md` split into its groups, each matched to its numbers in
/// `course.toml`. Split first, so the page's own problems are told even
/// while course.toml is broken.
fn help_sections(
    text: &str,
    config: Option<&CourseConfig>,
    problems: &mut Vec<Problem>,
) -> Option<(String, Vec<(SourceSection, HelpKind)>)> {
    let (intro, sections) = split_sections(text, problems);
    let kinds = assign_groups(&sections, &config?.help, problems)?;
    Some((intro, sections.into_iter().zip(kinds).collect()))
}

/// "Get help now", written part by part. Each part is written on its own,
/// after as many blank lines as come before it in the file, so whatever
/// shows up only in a part is told on the page's own line (the whole page
/// was checked when it was parsed).
fn write_help(
    (intro, sections): (String, Vec<(SourceSection, HelpKind)>),
    writing: &Writing<'_>,
    problems: &mut Vec<Problem>,
) -> HelpPage {
    let mut draw = |markdown: &str, first_line: usize, say: &str| {
        let mut found = Vec::new();
        let padded = format!("{}{markdown}", "\n".repeat(first_line.saturating_sub(1)));
        let said = Writing {
            say: Some(say),
            ..*writing
        };
        let rendered = render_with(HELP_FILE, &padded, &said, &mut found);
        for problem in found {
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        Page {
            html: rendered.html,
            spoken: rendered.spoken,
        }
    };
    let intro = draw(&intro, 1, "say-help-intro");
    let parts = sections
        .into_iter()
        .map(|(section, kind)| HelpSection {
            kind,
            body: draw(
                &section.body,
                section.body_line,
                &format!("say-help-{}", kind.name()),
            ),
            heading: section.heading,
            line: section.line,
        })
        .collect();
    help_page(intro, parts)
}

fn check_lessons(lessons: &mut [Lesson], problems: &mut Vec<Problem>) {
    if lessons.is_empty() {
        problems.push(Problem::in_file(
            LESSONS_FOLDER,
            "has no lessons: add at least one .md file",
        ));
    }
    if lessons.len() > MAX_LESSONS {
        problems.push(Problem::in_file(
            LESSONS_FOLDER,
            format!("has more than {MAX_LESSONS} lessons"),
        ));
    }
    check_order(lessons, problems);
    for lesson in lessons.iter() {
        if let Some((_, line)) = lesson.plan_step {
            problems.push(Problem::at_line(
                lesson.file.clone(),
                line,
                "`plan_step` is for a guide (in guides/): My plan links to guides, not lessons",
            ));
        }
    }
}

/// Guides are optional (a clinic may drop them all); each id is its own,
/// apart from every lesson's too, since the learner's record keeps both.
fn check_guides(guides: &mut [Lesson], lessons: &[Lesson], problems: &mut Vec<Problem>) {
    if guides.len() > MAX_GUIDES {
        problems.push(Problem::in_file(
            GUIDES_FOLDER,
            format!("has more than {MAX_GUIDES} guides"),
        ));
    }
    check_order(guides, problems);
    for guide in guides.iter() {
        if let Some(lesson) = lessons.iter().find(|l| l.id == guide.id) {
            problems.push(Problem::in_file(
                guide.file.clone(),
                format!(
                    "has the same id {:?} as the lesson {}",
                    guide.id.as_str(),
                    lesson.file
                ),
            ));
        }
    }
}

/// Every `#guide/…` link on every page names a guide of the pack.
fn check_guide_links(parsed: &ParsedPages<'_>, guides: &[Lesson], problems: &mut Vec<Problem>) {
    for (file, page) in parsed.named_pages() {
        for (line, id) in &page.guide_links {
            if !guides.iter().any(|g| g.id.as_str() == id) {
                let known: Vec<String> = guides
                    .iter()
                    .map(|g| format!("#{GUIDE_LINK_PREFIX}{}", g.id))
                    .collect();
                problems.push(Problem::at_line(
                    file,
                    *line,
                    format!(
                        "the link #{GUIDE_LINK_PREFIX}{id} names no guide of this pack{}",
                        if known.is_empty() {
                            " (it has none)".to_owned()
                        } else {
                            format!("; its guides are {}", known.join(", "))
                        }
                    ),
                ));
            }
        }
    }
}

/// Sorted by `order`; no two with the same id or order.
fn check_order(lessons: &mut [Lesson], problems: &mut Vec<Problem>) {
    lessons.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.file.cmp(&b.file)));
    for (i, lesson) in lessons.iter().enumerate() {
        for earlier in &lessons[..i] {
            if earlier.id == lesson.id {
                problems.push(Problem::in_file(
                    lesson.file.clone(),
                    format!(
                        "has the same id {:?} as {}",
                        lesson.id.as_str(),
                        earlier.file
                    ),
                ));
            }
            if earlier.order == lesson.order {
                problems.push(Problem::in_file(
                    lesson.file.clone(),
                    format!("has the same order {} as {}", lesson.order, earlier.file),
                ));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::course::load::help::{HelpKind, Reach};

    pub const CONFIG: &str = "title = \"Test Course\"\nprovider = \"Test Clinic\"\n\n[next_step]\nurl = \"https://clinic.example/next\"\nlabel = \"Next step\"\n\n[help]\nregion = \"Australia\"\nchecked = \"2026-12\"\n\n[help.emergency]\nheading = \"Emergency\"\n[[help.emergency.contact]]\nlabel = \"Ambulance\"\nnumber = \"000\"\n\n[help.urgent]\nheading = \"Soon\"\n[[help.urgent.contact]]\nlabel = \"1800MEDICARE\"\nnumber = \"1800 633 422\"\n\n[help.crisis]\nheading = \"Feeling low\"\n[[help.crisis.contact]]\nlabel = \"Lifeline\"\nnumber = \"13 11 14\"\n[[help.crisis.contact]]\nlabel = \"Lifeline by text\"\nnumber = \"0477 13 11 14\"\nby = \"text\"\n";
    /// `[help]` as packs wrote it before headings, dates and several ways
    /// to reach help: still loaded, matched to the page by order.
    pub const OLD_SHAPE_HELP: &str = "[help]\nregion = \"Australia\"\nemergency = { label = \"Ambulance\", number = \"000\" }\nurgent = { label = \"healthdirect\", number = \"1800 022 222\" }\ncrisis = { label = \"Lifeline\", number = \"13 11 14\" }\n";
    pub const HELP: &str = "If something is new or different from your usual pain, read on.\n\n## Emergency\n\n- chest pain\n\n## Soon\n\n- a fever\n\n## Feeling low\n\nTalk to someone today.\n";
    pub const REFS: &str = "[[reference]]\ncite = \"Engel, 1977\"\nauthors = \"Engel, G. L.\"\nyear = 1977\ntitle = \"A new model\"\nsource = \"Science, 196(4286), 129–136\"\ndoi = \"10.1126/science.847460\"\n";

    pub fn lesson_text(id: &str, order: u32, body: &str) -> String {
        format!("+++\nid = \"{id}\"\ntitle = \"Lesson {order}\"\nminutes = {order}\norder = {order}\n+++\n\n## Part\n\n{body}\n")
    }

    /// A small valid pack: three lessons, one reference.
    pub fn good_pack() -> Vec<(String, String)> {
        vec![
            ("course.toml".into(), CONFIG.into()),
            (
                "disclaimer.md".into(),
                "## Please read\n\nInformation only.\n".into(),
            ),
            (
                "intro.md".into(),
                "For people with back pain (Engel, 1977).\n".into(),
            ),
            ("finished.md".into(), "Well done.\n".into()),
            ("get-help.md".into(), HELP.into()),
            ("references.toml".into(), REFS.into()),
            (
                "lessons/01.md".into(),
                lesson_text("one", 1, "First [link](https://a.example/x)."),
            ),
            ("lessons/02.md".into(), lesson_text("two", 2, "Second.")),
            ("lessons/03.md".into(), lesson_text("three", 3, "Third.")),
        ]
    }

    /// A web page on the references list, cited in the intro.
    pub const WEB_REF: &str = "\n[[reference]]\ncite = \"healthdirect, n.d.\"\nauthors = \"healthdirect Australia\"\ntitle = \"Back pain self-care\"\nurl = \"https://www.healthdirect.gov.au/back-pain-self-care\"\naccessed = \"2026-12\"\n";

    /// The good pack with `extra` references, the intro citing them all.
    pub fn good_pack_with(extra: &str) -> Vec<(String, String)> {
        let refs = format!("{REFS}{extra}");
        let cites: Vec<String> = crate::course::load::references::parse_references(&refs)
            .unwrap()
            .into_iter()
            .map(|r| r.cite)
            .collect();
        let intro = format!("For people with back pain ({}).\n", cites.join("; "));
        replace(
            replace(good_pack(), "references.toml", &refs),
            "intro.md",
            &intro,
        )
    }

    /// A guide file with the fields a guide needs, and `body`.
    pub fn guide_text(id: &str, order: u32, body: &str) -> String {
        format!("+++\nid = \"{id}\"\ntitle = \"Guide {order}\"\nminutes = 1\norder = {order}\nsummary = \"About {id}.\"\nkey_points = [\"One point.\"]\n+++\n\n## Part\n\n{body}\n")
    }

    fn load(pairs: Vec<(String, String)>) -> Result<Course, ContentError> {
        load_course(&PackFiles::from_pairs(pairs))
    }

    pub fn replace(
        mut pairs: Vec<(String, String)>,
        file: &str,
        text: &str,
    ) -> Vec<(String, String)> {
        pairs.retain(|(p, _)| p != file);
        pairs.push((file.into(), text.into()));
        pairs
    }

    fn movement_block(id: &str) -> String {
        format!("```figure\nkind = \"movement\"\nid = \"{id}\"\ntitle = \"Move {id}\"\ncaption = \"Lie down.\"\ndescription = \"A person lying down.\"\nstop = \"Stop if it hurts.\"\n[[pose]]\nlabel = \"Start\"\ntorso = 180\nhead = 180\nnear_arm = [0, 0]\nnear_leg = [50, -80, 0]\n```\n")
    }

    #[test]
    fn each_movement_keeps_its_section_for_move_with_me_with_ids_of_its_own() {
        let chart = "```figure\nkind = \"bar\"\ntitle = \"A chart\"\ncaption = \"c.\"\ndescription = \"d.\"\nsource = \"Engel, 1977\"\ncategory_label = \"What\"\ncategories = [\"One\"]\nvalue_label = \"How much\"\nmax = 10\n[[series]]\nlabel = \"All\"\nvalues = [5]\n```\n";
        let body = format!(
            "Check with your GP first.\n\n## Moves\n\n### One\n\n- **Start:** lie on your back.\n\n{}\nA cushion can help.\n\n### Two\n\n{chart}\n{}",
            movement_block("one-move"),
            movement_block("two-move")
        );
        let pairs = replace(good_pack(), "guides/a.md", &guide_text("moves", 1, &body));
        let course = load(pairs).unwrap();
        let (page, one) = course.movement("one-move").unwrap();
        assert_eq!(page.id.as_str(), "moves");
        assert_eq!(
            (one.title.as_str(), one.amount.as_str()),
            (
                "Move one-move",
                "Your physiotherapist can tell you how long to hold, and how many to do."
            )
        );
        assert!(
            one.html.contains("lie on your back") && one.html.contains("A cushion can help"),
            "{}",
            one.html
        );
        assert!(
            one.html.contains(
                "<figure class=\"figure figure-movement\" data-say id=\"move-one-move-2\""
            ),
            "{}",
            one.html
        );
        assert!(
            !one.html.contains("Two") && !one.html.contains("<h"),
            "only its own section: {}",
            one.html
        );
        assert!(
            one.picture.starts_with("<svg") && one.picture.contains("<title>Move one-move</title>")
        );
        let said: Vec<(&str, &str)> = one
            .spoken
            .iter()
            .map(|p| (p.target.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(said[0], ("move-one-move-1", "Start: lie on your back."));
        assert!(
            said[1].1.starts_with("Figure 1: Move one-move. Lie down."),
            "{said:?}"
        );
        assert_eq!(said[2], ("move-one-move-3", "A cushion can help."));
        // A chart before a movement in its section keeps its own place and
        // number.
        let (_, two) = course.movement("two-move").unwrap();
        assert!(
            two.spoken[0].text.starts_with("Figure 2: A chart."),
            "{:?}",
            two.spoken
        );
        assert!(
            two.spoken[1].text.starts_with("Figure 3: Move two-move."),
            "{:?}",
            two.spoken
        );
        assert!(course.movement("three").is_none());
        // The page's first section, for the first step.
        let opening = page.opening.as_ref().unwrap();
        assert!(
            opening.html.contains("Check with your GP first") && !opening.html.contains("Moves"),
            "{}",
            opening.html
        );
        assert_eq!(opening.spoken[0].text, "Part");
    }

    #[test]
    fn two_movements_in_one_section_or_sharing_an_id_are_refused_by_file_and_line() {
        let body = format!("{}\n{}", movement_block("a-move"), movement_block("b-move"));
        let pairs = replace(good_pack(), "guides/a.md", &guide_text("moves", 1, &body));
        let problems = load(pairs).unwrap_err().problems;
        let shared: Vec<_> = problems
            .iter()
            .filter(|p| {
                p.message
                    .contains("each movement needs a heading of its own")
            })
            .collect();
        assert_eq!(shared.len(), 2, "{problems:?}");
        assert_eq!(
            (shared[0].file.as_str(), shared[0].line),
            ("guides/a.md", Some(12))
        );

        // Nor may a movement be in the page's first section, shown first.
        let problems = load(replace(
            good_pack(),
            "guides/a.md",
            &guide_text("moves", 1, &movement_block("early")),
        ))
        .unwrap_err()
        .problems;
        assert!(
            problems.iter().any(|p| p.line == Some(12)
                && p.message
                    .contains("a movement cannot be in the page's first section")),
            "{problems:?}"
        );

        let later = |id: &str| format!("Check first.\n\n## Moves\n\n{}", movement_block(id));
        let pairs = replace(
            good_pack(),
            "guides/a.md",
            &guide_text("moves", 1, &later("same")),
        );
        let pairs = replace(pairs, "guides/b.md", &guide_text("more", 2, &later("same")));
        let problems = load(pairs).unwrap_err().problems;
        assert!(
            problems.iter().any(|p| p.file == "guides/b.md"
                && p.line == Some(16)
                && p.message
                    .contains("the movement id \"same\" is already used (guides/a.md, line 16)")),
            "{problems:?}"
        );
    }

    #[test]
    fn citations_are_shown_as_numbered_markers_linked_to_their_reference() {
        let course = load(good_pack()).unwrap();
        assert!(
            course.intro.html.contains(
                "back pain<sup class=\"cite\"><a class=\"cite-link\" href=\"#ref-1\" tabindex=\"-1\" aria-label=\"Source 1: Engel, 1977\""
            ),
            "{}",
            course.intro.html
        );
        assert!(!course.intro.html.contains("(Engel, 1977)"));
    }

    fn with_config(help: &str) -> Vec<(String, String)> {
        let head = &CONFIG[..CONFIG.find("[help]").unwrap()];
        replace(good_pack(), "course.toml", &format!("{head}{help}"))
    }

    #[test]
    fn a_pack_in_the_first_shape_of_help_numbers_still_loads_matched_by_order() {
        let course = load(with_config(OLD_SHAPE_HELP)).unwrap();
        let shown: Vec<(HelpKind, &str, &str)> = course
            .help
            .groups
            .iter()
            .map(|g| {
                (
                    g.kind,
                    g.heading.as_str(),
                    course.config.help.contacts(g.kind)[0].number.as_str(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (HelpKind::Emergency, "Emergency", "000"),
                (HelpKind::Urgent, "Soon", "1800 022 222"),
                (HelpKind::Crisis, "Feeling low", "13 11 14")
            ]
        );
        assert_eq!(course.config.help.checked, None);
    }

    #[test]
    fn each_group_is_shown_under_the_heading_it_names_emergency_first_whatever_the_file_order() {
        let page = "Act now.\n\n## Feeling low\n\nTalk.\n\n## Emergency\n\n- chest pain\n\n## Soon\n\n- a fever\n";
        let course = load(replace(good_pack(), "get-help.md", page)).unwrap();
        let kinds: Vec<(HelpKind, &str)> = course
            .help
            .groups
            .iter()
            .map(|g| (g.kind, g.heading.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (HelpKind::Emergency, "Emergency"),
                (HelpKind::Urgent, "Soon"),
                (HelpKind::Crisis, "Feeling low")
            ]
        );
        assert!(
            course.help.groups[0].body.html.contains("chest pain"),
            "{}",
            course.help.groups[0].body.html
        );
        assert!(!course.help.groups[0].body.html.contains("fever"));
        assert_eq!(course.help.file_order[0], HelpKind::Crisis);
        let crisis = course.config.help.contacts(HelpKind::Crisis);
        assert_eq!(crisis.len(), 2);
        assert_eq!(crisis[1].by, Reach::Text);
    }

    #[test]
    fn a_heading_named_in_the_config_but_not_on_the_page_is_refused_on_both_lines() {
        let page = HELP.replace("## Soon", "## Within a day or two");
        let err = load(replace(good_pack(), "get-help.md", &page)).unwrap_err();
        let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        let config_line = CONFIG.lines().position(|l| l == "[help.urgent]").unwrap() + 1;
        assert!(
            shown[0].starts_with(&format!("course.toml:{config_line}: `help.urgent.heading` is \"Soon\", but get-help.md has no `##` heading spelled exactly so")),
            "{shown:?}"
        );
        let page_line = page
            .lines()
            .position(|l| l == "## Within a day or two")
            .unwrap()
            + 1;
        assert!(
            shown[1].starts_with(&format!("get-help.md:{page_line}: the heading \"Within a day or two\" is named by no `[help.*]` entry")),
            "{shown:?}"
        );
    }

    #[test]
    fn a_group_with_no_way_to_reach_help_or_a_malformed_number_is_refused_on_its_line() {
        let no_way = CONFIG.replace(
            "[[help.urgent.contact]]\nlabel = \"1800MEDICARE\"\nnumber = \"1800 633 422\"\n",
            "",
        );
        let err = load(replace(good_pack(), "course.toml", &no_way)).unwrap_err();
        let line = no_way.lines().position(|l| l == "[help.urgent]").unwrap() + 1;
        assert_eq!(err.problems[0].line, Some(line), "{}", err.problems[0]);
        assert!(err.problems[0]
            .message
            .contains("gives no way to reach help"));

        let bad = CONFIG.replace("\"0477 13 11 14\"", "\"text 0477\"");
        let err = load(replace(good_pack(), "course.toml", &bad)).unwrap_err();
        let line = bad.lines().position(|l| l.contains("text 0477")).unwrap() + 1;
        assert_eq!(err.problems[0].line, Some(line), "{}", err.problems[0]);
        assert!(
            err.problems[0]
                .message
                .contains("help.crisis.contact[2].number"),
            "{}",
            err.problems[0]
        );
    }

    #[test]
    fn get_help_problems_are_told_with_page_lines_even_while_course_toml_is_broken() {
        let page = "Act now.\n\n## Emergency\n\n- chest pain[^1]\n\n[^1]: A note.\n\n## Soon\n\nSee [above](#section-emergency).\n\n## Feeling low\n\nTalk.\n";
        let pairs = replace(good_pack(), "get-help.md", page);
        let err = load(replace(pairs, "course.toml", "title = \"T\"\n")).unwrap_err();
        let shown: Vec<String> = err
            .problems
            .iter()
            .filter(|p| p.file == "get-help.md")
            .map(ToString::to_string)
            .collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("get-help.md:5: may not have footnotes"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("get-help.md:7: may not have footnotes"),
            "{shown:?}"
        );

        // With the config whole, a link to a heading the screen does not
        // draw as one is told on its own line.
        let page = page.replace("[^1]", "").replace("\n[: A note.\n", "");
        let err = load(replace(good_pack(), "get-help.md", &page)).unwrap_err();
        let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert!(
            shown
                .iter()
                .any(|p| p
                    .starts_with("get-help.md:11: the link #section-emergency goes to no screen")),
            "{shown:?}"
        );
    }

    #[test]
    fn two_groups_naming_one_heading_are_refused() {
        let twice = CONFIG.replace("heading = \"Soon\"", "heading = \"Emergency\"");
        let err = load(replace(good_pack(), "course.toml", &twice)).unwrap_err();
        let line = twice.lines().position(|l| l == "[help.urgent]").unwrap() + 1;
        assert_eq!(
            err.problems[0].to_string(),
            format!("course.toml:{line}: `help.emergency.heading` and `help.urgent.heading` both name \"Emergency\": each group goes under a heading of its own")
        );
    }

    #[test]
    fn the_help_page_and_numbers_are_part_of_every_pack() {
        let course = load(good_pack()).unwrap();
        assert_eq!(course.help.groups.len(), 3);
        assert_eq!(course.help.groups[1].heading, "Soon");
        assert_eq!(
            course.config.help.contacts(HelpKind::Urgent)[0].number,
            "1800 633 422"
        );

        let mut pairs = good_pack();
        pairs.retain(|(p, _)| p != "get-help.md");
        let err = load(pairs).unwrap_err();
        assert_eq!(err.problems[0].to_string(), "get-help.md: is missing");
    }

    #[test]
    fn a_good_pack_loads_with_lessons_in_order_and_all_its_links_allowed() {
        let mut pairs = good_pack();
        pairs.reverse();
        let course = load(pairs).unwrap();
        let ids: Vec<_> = course.lessons.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, vec!["one", "two", "three"]);
        assert!(course.links.check("https://a.example/x").is_ok());
        assert!(
            course.links.check("https://clinic.example/next").is_err(),
            "the next step opens only through its own rule"
        );
        assert!(course
            .links
            .check("https://doi.org/10.1126/science.847460")
            .is_ok());
        assert!(course.uncited_references().is_empty());
    }

    #[test]
    fn a_web_page_reference_opens_at_its_address() {
        let course = load(good_pack_with(WEB_REF)).unwrap();
        assert!(course
            .links
            .check("https://www.healthdirect.gov.au/back-pain-self-care")
            .is_ok());
    }

    fn with_guides(guides: &[(&str, String)]) -> Vec<(String, String)> {
        let mut pairs = good_pack();
        pairs.extend(
            guides
                .iter()
                .map(|(f, t)| (format!("guides/{f}"), t.clone())),
        );
        pairs
    }

    #[test]
    fn guides_load_in_their_order_written_read_aloud_and_printed_apart_from_lessons() {
        let course = load(with_guides(&[
            ("b.md", guide_text("sleep", 2, "Get up at the same time.")),
            (
                "a.md",
                guide_text(
                    "today",
                    1,
                    "See [Sleep](#guide/sleep) and [Get help now](#get-help).",
                ),
            ),
        ]))
        .unwrap();
        let ids: Vec<_> = course.guides.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["today", "sleep"]);
        assert_eq!(course.lessons.len(), 3);
        let today = course.guide("today").unwrap();
        assert_eq!(today.minutes_words, "1 minute");
        assert!(
            today.html.contains("href=\"#guide/sleep\""),
            "{}",
            today.html
        );
        assert!(
            today.spoken[1].target.starts_with("say-guide-"),
            "{:?}",
            today.spoken
        );
        assert!(
            today
                .print_html
                .contains("id=\"printed-guide-today-section-part\""),
            "{}",
            today.print_html
        );
        // A pack with no guides is fine: a clinic may drop them all.
        assert!(load(good_pack()).unwrap().guides.is_empty());
    }

    #[test]
    fn a_link_to_a_missing_guide_is_refused_on_its_line_naming_the_guides_there_are() {
        let err = load(with_guides(&[(
            "a.md",
            guide_text("today", 1, "See [Sleep](#guide/slep)."),
        )]))
        .unwrap_err();
        let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["guides/a.md:12: the link #guide/slep names no guide of this pack; its guides are #guide/today"]
        );
        // From a lesson too.
        let pairs = replace(
            good_pack(),
            "lessons/02.md",
            &lesson_text("two", 2, "See [Sleep](#guide/sleep)."),
        );
        let shown = load(pairs).unwrap_err().to_string();
        assert!(
            shown.contains(
                "lessons/02.md:10: the link #guide/sleep names no guide of this pack (it has none)"
            ),
            "{shown}"
        );
    }

    #[test]
    fn a_plan_step_is_named_only_by_a_guide_and_only_one_that_exists() {
        let named = |step: &str| {
            guide_text("today", 1, "x").replace(
                "order = 1\n",
                &format!("order = 1\nplan_step = \"{step}\"\n"),
            )
        };
        let course = load(with_guides(&[("a.md", named("flare_up"))])).unwrap();
        assert_eq!(
            course.guides[0].plan_step.map(|(s, _)| s.name()),
            Some("flare_up")
        );
        let shown = load(with_guides(&[("a.md", named("flare-up"))]))
            .unwrap_err()
            .to_string();
        assert!(shown.contains("guides/a.md:6: `plan_step` \"flare-up\" is no step of My plan; use one of activities, movement, flare_up, questions"), "{shown}");
        let lesson = lesson_text("two", 2, "x")
            .replace("order = 2\n", "order = 2\nplan_step = \"movement\"\n");
        let shown = load(replace(good_pack(), "lessons/02.md", &lesson))
            .unwrap_err()
            .to_string();
        assert!(
            shown.contains("lessons/02.md:6: `plan_step` is for a guide"),
            "{shown}"
        );
    }

    #[test]
    fn a_guide_may_not_share_an_id_with_a_lesson_or_another_guide() {
        let err = load(with_guides(&[
            ("a.md", guide_text("one", 1, "x")),
            ("b.md", guide_text("sleep", 1, "y")),
        ]))
        .unwrap_err();
        let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert!(
            shown.contains(
                &"guides/a.md: has the same id \"one\" as the lesson lessons/01.md".to_owned()
            ),
            "{shown:?}"
        );
        assert!(
            shown.contains(&"guides/b.md: has the same order 1 as guides/a.md".to_owned()),
            "{shown:?}"
        );
    }

    #[test]
    fn a_missing_file_is_named() {
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| p != "finished.md");
        let err = load(pairs).unwrap_err();
        assert_eq!(err.to_string(), "finished.md: is missing");
    }

    #[test]
    fn duplicate_ids_name_both_files() {
        let pairs = replace(good_pack(), "lessons/02.md", &lesson_text("one", 2, "x"));
        let err = load(pairs).unwrap_err();
        assert_eq!(
            err.to_string(),
            "lessons/02.md: has the same id \"one\" as lessons/01.md"
        );
    }

    #[test]
    fn an_unknown_citation_is_reported_with_file_and_line() {
        let pairs = replace(
            good_pack(),
            "finished.md",
            "Done.\n\nAs shown (Nobody et al., 2020).\n",
        );
        let err = load(pairs).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("finished.md:3: the citation \"Nobody et al., 2020\""),
            "{err}"
        );
    }

    #[test]
    fn every_problem_in_a_broken_pack_is_reported_at_once() {
        let mut pairs = replace(good_pack(), "lessons/01.md", "no front matter\n");
        pairs = replace(pairs, "intro.md", "<b>raw</b>\n");
        pairs.retain(|(p, _)| p != "references.toml");
        let err = load(pairs).unwrap_err();
        let files: Vec<_> = err.problems.iter().map(|p| p.file.as_str()).collect();
        assert!(files.contains(&"lessons/01.md"));
        assert!(files.contains(&"intro.md"));
        assert!(files.contains(&"references.toml"));
    }

    #[test]
    fn a_pack_without_lessons_says_so() {
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| !p.starts_with("lessons/"));
        assert!(load(pairs)
            .unwrap_err()
            .to_string()
            .contains("has no lessons"));
    }

    #[test]
    fn an_uncited_reference_is_listed() {
        let pairs = replace(good_pack(), "intro.md", "No citations here.\n");
        let course = load(pairs).unwrap();
        assert_eq!(course.uncited_references().len(), 1);
    }

    #[test]
    fn disclaimer_version_changes_with_the_words_but_not_the_line_endings() {
        let a = disclaimer_version("Read this.\nThen that.\n");
        assert_eq!(a, disclaimer_version("Read this.\r\nThen that.\r\n"));
        assert_ne!(a, disclaimer_version("Read this.\nThen the other.\n"));
        assert_eq!(a.len(), 16);
    }
}

/// Inputs of the kind the fuzzer (`fuzz/`) throws at the loader, kept as
/// ordinary tests: each must load or fail with problems, never panic or hang.
#[cfg(test)]
mod fuzz_regressions {
    use super::tests::good_pack;
    use super::*;

    fn load_with(file: &str, text: &str) -> Result<Course, ContentError> {
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| p != file);
        pairs.push((file.into(), text.into()));
        load_course(&PackFiles::from_pairs(pairs))
    }

    #[test]
    fn deeply_nested_markup_loads_or_fails_cleanly() {
        let nested = format!("{}x{}", "> ".repeat(5_000), "");
        let _ = load_with("intro.md", &nested);
        let brackets = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
        let _ = load_with("intro.md", &brackets);
        let parens = format!("{}Engel, 1977{}", "(".repeat(20_000), ")".repeat(20_000));
        let _ = load_with("intro.md", &parens);
    }

    #[test]
    fn front_matter_that_never_closes_is_a_problem() {
        let err = load_with("lessons/01.md", "+++\nid = \"one\"\ntitle = \"x\"\n").unwrap_err();
        assert!(
            err.problems.iter().any(|p| p.file == "lessons/01.md"),
            "{err}"
        );
    }

    #[test]
    fn toml_with_wrong_shapes_everywhere_is_a_problem() {
        for text in [
            "title = [1, 2]",
            "[next_step]\nurl = 5",
            "= = =",
            "\u{feff}title = \"x\"",
            "\0\0\0",
        ] {
            assert!(load_with("course.toml", text).is_err(), "{text:?}");
        }
        for text in [
            "reference = 5",
            "[[reference]]\nyear = 99999",
            "[[reference]]\ncite = 1",
        ] {
            assert!(load_with("references.toml", text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn a_huge_table_and_long_lines_render() {
        let row = format!("| {} |\n", vec!["cell"; 200].join(" | "));
        let table = format!("| a |\n|---|\n{}", row.repeat(200));
        let course = load_with("finished.md", &table).unwrap();
        assert!(course.finished.html.contains("<table>"));
    }

    #[test]
    fn odd_unicode_survives() {
        let text =
            "Ŧhé \u{202e}reversed\u{202c} text, zero\u{200b}width, 🙂, and combining a\u{301}.\n";
        let course = load_with("intro.md", text).unwrap();
        assert!(course.intro.html.contains("🙂"));
    }

    #[test]
    fn link_reference_definitions_cannot_smuggle_a_scheme() {
        let text = "[a][x]\n\n[x]: javascript:alert(1)\n\n[b]: <data:text/html,hi>\n\n[b][]\n";
        let err = load_with("intro.md", text).unwrap_err();
        assert!(err.problems.iter().all(|p| p.file == "intro.md"));
    }
}
