//! A big plain-text file checked in parts: cut at paragraph breaks
//! ([`crate::document::chunks`]), each part made a document of its own and checked
//! in parallel, a few at a time, and the findings put back in the file's order
//! with the file's offsets. The file's text is held once; what a document builds
//! from its text (the folded text and its maps, the sentences) exists only for
//! the parts being checked.

use std::ops::Range;

use crate::check::{CheckOptions, Finding};
use crate::claims::{ClaimKind, ClaimSet};
use crate::document::Document;
use crate::document::chunks::{Prefix, paragraph_parts, prefix_through};
use crate::document::markup::Markup;
use crate::document::sentences::{Sentence, UnitKind, quiz_answer_form};
use crate::scan::Matcher;
use crate::stream::ordered_map;

/// Plain-text files of at least this many bytes are checked in parts.
pub const PARTS_FROM: usize = 4 << 20;

/// About how many bytes one part holds.
pub const PART_SIZE: usize = 64 << 10;

/// Whether a file of `markup` and `len` bytes is checked in parts against
/// `claims`. Markdown and HTML are not: their markup (a code fence, an open
/// element) may run across a blank line. Nor are files checked against claims
/// that read the document as a whole ([`safe_in_parts`]).
pub fn in_parts(markup: Markup, len: usize, claims: &ClaimSet, matcher: &Matcher) -> bool {
    len >= PARTS_FROM && by_paragraph(markup, claims, matcher)
}

/// Whether a file of `markup` is checked a paragraph at a time against `claims`
/// ([`lint_part`]), whatever its size: plain text, with claims that are
/// [`safe_in_parts`].
pub fn by_paragraph(markup: Markup, claims: &ClaimSet, matcher: &Matcher) -> bool {
    markup == Markup::Text && safe_in_parts(claims, matcher)
}

/// Whether every claim of the set reads no more of a document than the
/// paragraphs around its words: term claims about no subject. A subject's claims
/// read the whole document (the words it capitalises anywhere tell names from
/// nouns, and a value stated of the subject by name anywhere softens one stated
/// of "he"), which a part alone cannot tell.
pub fn safe_in_parts(claims: &ClaimSet, matcher: &Matcher) -> bool {
    matcher.subjects().is_empty()
        && claims
            .claims
            .iter()
            .all(|c| !c.enabled || c.kind == ClaimKind::Term)
}

/// Every finding of the plain text `text` (the file `path`), checked in parts of
/// about `size` bytes, in the order and with the spans that checking it whole
/// gives. At most one part per thread and one more are held at a time.
pub fn lint_in_parts(
    path: &str,
    text: &str,
    size: usize,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    ordered_map(
        paragraph_parts(text, size),
        rayon::current_num_threads() + 1,
        |part| lint_part(path, text, part, claims, matcher, options),
        |found| {
            findings.extend(found);
            true
        },
    );
    findings
}

/// The findings of one part, with the file's offsets: each of its paragraphs
/// (cut wherever a part may end) that the prefilter admits is made a document and
/// checked; the others, most of a text where the claims' words are rare, are
/// never folded or cut into sentences. The prefilter's first step searches the
/// part once ([`crate::scan::prefilter::Marks`]) and judges each paragraph by the marks in it; a part
/// with none is not cut into paragraphs.
pub fn lint_part(
    path: &str,
    text: &str,
    part: Range<usize>,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let marks = matcher.prefilter().marks(&text[part.clone()]);
    if marks.is_empty() {
        return findings;
    }
    // Only term claims about no subject are read from the start of a part.
    let safe = safe_in_parts(claims, matcher);
    for paragraph in paragraph_parts(&text[part.clone()], 1) {
        if !marks.admits(paragraph.clone()) {
            continue;
        }
        let at = part.start + paragraph.start;
        let prose = &text[at..part.start + paragraph.end];
        let reach = match safe {
            true => marks.reach(paragraph.clone()).map(|r| r - paragraph.start),
            false => None,
        };
        let mut found = lint_paragraph(path, prose, reach, claims, matcher, options);
        let shift = |r: &mut Range<usize>| *r = r.start + at..r.end + at;
        for f in &mut found {
            shift(&mut f.span);
            shift(&mut f.sentence);
        }
        findings.append(&mut found);
    }
    findings
}

/// The findings of one admitted paragraph part `prose`, where the first step
/// found nothing past byte `reach` (`None`: not known). The part is read to
/// the end of the block after the one holding `reach` and no further
/// ([`prefix_through`]): what a unit before that block is made of, and what is
/// found in it, lean on no text after it. A unit's kind, its quotations and
/// what governs it come from it, the text before it and the unit after it.
///
/// Read in full instead where the rest might still count: where the part
/// holds a suppression directive (it reads the sentence after it); where a
/// term's form could run from before that block to past its end (the longest
/// match of a claim hides the shorter ones inside it); where a question before
/// the block might be a quiz board's answer and the rest holds a question (a
/// board is two such pairs anywhere in the document); where the scan of the
/// start reads the document as a whole (the words it capitalises anywhere).
fn lint_paragraph(
    path: &str,
    prose: &str,
    reach: Option<usize>,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Vec<Finding> {
    let prefix = reach
        .filter(|_| !crate::suppress::mentions_directive(prose))
        .and_then(|reach| prefix_through(prose, reach, matcher.longest_term()));
    if let Some(p) = prefix {
        let Some(doc) = Document::admitted_text(path, prose[..p.end].to_string(), matcher) else {
            return Vec::new();
        };
        let spanned = doc.folded.folded_range(p.keep..p.end).len() <= matcher.longest_term();
        if !spanned
            && !quiz_may_turn(prose, p, &doc.sentences)
            && let Some(mut found) = super::lint_start_with(&doc, claims, matcher, options)
        {
            found.retain(|f| f.sentence.start < p.keep);
            return found;
        }
    }
    match Document::admitted_text(path, prose.to_string(), matcher) {
        Some(doc) => super::lint_document_with(&doc, claims, matcher, options),
        None => Vec::new(),
    }
}

/// Whether a question among the `units` of `prose[..p.end]` before `p.keep`
/// might be the answer of a quiz board that only the rest of `prose` makes
/// one (a question there): one in a quiz answer's form ("What is 31?").
fn quiz_may_turn(prose: &str, p: Prefix, units: &[Sentence]) -> bool {
    prose[p.end..].contains('?')
        && units
            .iter()
            .take_while(|s| s.range.start < p.keep)
            .any(|s| s.kind == UnitKind::Question && quiz_answer_form(&prose[s.range.clone()]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sentences::split_sentences;
    use proptest::prelude::*;

    /// Term claims about no subject: rejected forms (one inside a longer one
    /// that may run across a blank line), one with a context, and an acronym.
    const CLAIMS: &str = concat!(
        "[[claim]]\nid = \"tool\"\nkind = \"term\"\nvalue = \"ice axe\"\n",
        "reject = [\"ice pick\", \"ice pick in it\"]\n\n",
        "[[claim]]\nid = \"soviet\"\nkind = \"term\"\nvalue = \"St Petersburg Soviet\"\n",
        "reject = [\"Petrograd Soviet\"]\ncontext = [\"elect\"]\n\n",
        "[[claim]]\nid = \"league\"\nkind = \"term\"\nvalue = \"ICL\"\nreject = [\"ILC\"]\n",
    );

    /// Lines of the shapes a page's units take: prose, a sentence cut by a
    /// card (its title, its summary, the sentence resumed), a question and its
    /// answer or choices, a label and its value, a list item, table rows, an
    /// address, a quotation, a denial, dates with weekdays, a replica (whose
    /// sentence reads the document's capitalised words), a directive, a quiz
    /// board's clues and answers, a line of a no-break space, a form cut by a
    /// blank line.
    const LINES: &[&str] = &[
        "Pick one.",
        "A) an ice pick",
        "B) a hammer?",
        "and more",
        "\u{a0}",
        "He was killed with a tool.",
        "What is an ice pick?",
        "The city lies on a river.",
        "What is the Volga?",
        "Trotsky held an ice pick",
        "in",
        "it, he said.",
        "Trotsky was attacked with an ice pick in 1940.",
        "He was attacked in his home in",
        "Coyoacan Museum",
        "The museum keeps his study as it was...",
        ", with an ice pick, by an agent.",
        "\u{a0}and the Petrograd Soviet elected him.",
        "Was it an ice pick?",
        "It was an ice axe, not an ice pick.",
        "A) An ice pick",
        "B) A hammer",
        "Weapon:",
        "Ice pick",
        "Weapon: ice pick",
        "\u{2022} the ice pick was never found",
        "| Weapon | ice pick |",
        "| --- | --- |",
        "See http://example.org/ice-pick for more.",
        "\"It was an ice pick,\" the guard said.",
        "It was not an ice axe.",
        "On Monday, March 3, 1917, the ILC met.",
        "Two days later the ILC met again on Friday.",
        "A replica of the ice pick is shown.",
        "The Replica Hall keeps it.",
        "THE ICE PICK",
        "he said that the ILC was",
        "Leon Trotsky",
        "# factlint: ignore[tool] a reason",
        "",
        "",
        "",
    ];

    fn text_of(picks: &[usize]) -> String {
        let lines: Vec<&str> = picks.iter().map(|&k| LINES[k % LINES.len()]).collect();
        lines.join("\n") + "\n"
    }

    /// The units of `text` that start before `keep`, as the sentence
    /// splitter gives them but for their ranges' ends (the last unit of a
    /// text ends with it).
    fn units_before(text: &str, keep: usize) -> Vec<String> {
        split_sentences(text)
            .into_iter()
            .take_while(|s| s.range.start < keep)
            .map(|s| {
                format!(
                    "{} {} {:?} {} {:?} {:?} {:?}",
                    s.range.start,
                    s.paragraph,
                    s.continues,
                    s.card,
                    s.kind,
                    s.lent_from,
                    s.row_head
                )
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A paragraph part read from its start to the first line of the block
        /// after a place gives the units before that block, and the findings in
        /// them, that the whole part gives.
        #[test]
        fn the_start_of_a_part_gives_what_the_whole_part_gives_before_its_end(
            picks in proptest::collection::vec(0usize..64, 1..24),
        ) {
            let text = text_of(&picks);
            let claims = crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())])
                .expect("the claims load");
            let matcher = Matcher::new(&claims).expect("the claims compile");
            let options = CheckOptions::default();
            let marks = matcher.prefilter().marks(&text);
            for part in paragraph_parts(&text, 1) {
                let prose = &text[part.clone()];
                for reach in 0..prose.len() {
                    let Some(p) = prefix_through(prose, reach, 0) else {
                        continue;
                    };
                    if quiz_may_turn(prose, p, &split_sentences(&prose[..p.end])) {
                        continue;
                    }
                    prop_assert_eq!(
                        units_before(&prose[..p.end], p.keep),
                        units_before(prose, p.keep),
                        "{:?} at {}",
                        prose,
                        reach
                    );
                }
                if !marks.admits(part.clone()) {
                    continue;
                }
                let reach = marks.reach(part.clone()).map(|r| r - part.start);
                let whole = lint_paragraph("t.txt", prose, None, &claims, &matcher, &options);
                let start = lint_paragraph("t.txt", prose, reach, &claims, &matcher, &options);
                prop_assert_eq!(start, whole, "{:?}", prose);
            }
        }
    }

    #[test]
    fn a_part_is_read_to_the_end_of_the_block_after_its_last_mark() {
        let text = "One ice pick.\nTwo.\n\n\nThree\nthree.\n \u{a0}\nFour.\n\nFive.\n";
        let three = text.find("Three").unwrap();
        let four = text.find("Four").unwrap();
        let after = |s: &str| text.find(s).unwrap() + s.len();
        assert_eq!(
            prefix_through(text, 3, 0),
            Some(Prefix {
                keep: three,
                end: after("three.\n")
            })
        );
        assert_eq!(
            prefix_through(text, three, 0),
            Some(Prefix {
                keep: four,
                end: after("Four.\n")
            })
        );
        // Run on over blocks until more than `least` bytes from "Three".
        assert_eq!(
            prefix_through(text, 3, 14),
            Some(Prefix {
                keep: three,
                end: after("Four.\n")
            })
        );
        assert_eq!(prefix_through(text, 3, 30), None);
        // The block after the last one has nothing after it: read whole.
        assert_eq!(prefix_through(text, four, 0), None);
        assert_eq!(prefix_through("One.\n\nTwo.", 0, 0), None);
    }

    /// The findings of `text`, one paragraph part, read from its start as far
    /// as its marks reach (which must leave some of it unread), and read whole.
    fn from_the_start_and_whole(text: &str) -> (Vec<Finding>, Vec<Finding>) {
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())])
            .expect("the claims load");
        let matcher = Matcher::new(&claims).expect("the claims compile");
        let options = CheckOptions::default();
        assert_eq!(paragraph_parts(text, 1).count(), 1);
        let reach = matcher.prefilter().marks(text).reach(0..text.len());
        assert!(prefix_through(text, reach.expect("marks"), matcher.longest_term()).is_some());
        let start = lint_paragraph("t.txt", text, reach, &claims, &matcher, &options);
        let whole = lint_paragraph("t.txt", text, None, &claims, &matcher, &options);
        (start, whole)
    }

    #[test]
    fn a_form_that_may_run_past_the_block_after_the_marks_has_the_part_read_whole() {
        // "ice pick in it" runs across two blank lines and hides the "ice
        // pick" inside it; its anchor, "pick", is before them. The block
        // between is longer than the form, but not once folded.
        let (start, whole) = from_the_start_and_whole(
            "He held an ice pick\n\nin                    \n\nit, and more\n\nEnd.\n",
        );
        assert_eq!(start, whole);
        assert!(whole.is_empty());
    }

    #[test]
    fn a_choice_is_read_with_the_unit_after_it_past_a_line_of_no_break_space() {
        // "A) an ice pick" is a choice, asserting nothing, because the unit
        // after it is one; the line between holds a no-break space only.
        let (start, whole) = from_the_start_and_whole(
            "Pick one.\nA) an ice pick\n\n\u{a0}\nB) a hammer, or a tool\n\nEnd.\n",
        );
        assert_eq!(start, whole);
        assert!(whole.is_empty());
    }

    #[test]
    fn a_quiz_board_made_by_the_rest_of_a_part_has_the_part_read_whole() {
        // The second clue and answer, past the block after the first, make a
        // board: "What is an ice pick?" answers its clue.
        let (start, whole) = from_the_start_and_whole(
            "He was killed with a tool.\nWhat is an ice pick?\n\nand so on, for ever?\n\n\
             The city lies on a river.\nWhat is the Neva?\n",
        );
        assert_eq!(start, whole);
        assert_eq!(whole.len(), 1);
    }

    #[test]
    fn a_part_is_read_as_far_as_its_marks_and_its_cued_denied_forms() {
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())])
            .expect("the claims load");
        let matcher = Matcher::new(&claims).expect("the claims compile");
        let text = "An ice pick.\n\nAn ice axe.\n\nNot an ice axe.\n\nThe end.\n";
        let marks = matcher.prefilter().marks(text);
        // The ice axe denied in the third block may make a finding; the one
        // stated in the second may not.
        assert_eq!(
            marks.reach(0..text.len()),
            Some(text.find("\n\nThe end").unwrap() + 1)
        );
        let text = "An ice pick.\n\nAn ice axe.\n\nThe end.\n";
        let marks = matcher.prefilter().marks(text);
        assert_eq!(marks.reach(0..text.len()), Some("An ice pick".len()));
    }

    #[test]
    fn a_start_whose_scan_reads_the_whole_document_is_read_whole() {
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())])
            .expect("the claims load");
        let matcher = Matcher::new(&claims).expect("the claims compile");
        let scan = |text: &str| {
            let doc =
                Document::admitted_text("t.txt", text.to_string(), &matcher).expect("admitted");
            crate::scan::scan_start_for_findings(&doc, &claims, &matcher).map(|a| a.len())
        };
        assert_eq!(scan("He had an ice pick.\n\nThe end.\n"), Some(1));
        // Whether "replica" heads the sentence's actor turns on the words the
        // document capitalises anywhere.
        assert_eq!(
            scan("A replica of the ice pick is shown.\n\nThe end.\n"),
            None
        );
    }
}
