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
use crate::document::chunks::paragraph_parts;
use crate::document::markup::Markup;
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
    for paragraph in paragraph_parts(&text[part.clone()], 1) {
        if !marks.admits(paragraph.clone()) {
            continue;
        }
        let at = part.start + paragraph.start;
        let prose = &text[at..part.start + paragraph.end];
        let Some(doc) = Document::admitted_text(path, prose.to_string(), matcher) else {
            continue;
        };
        let mut found = super::lint_document_with(&doc, claims, matcher, options);
        let shift = |r: &mut Range<usize>| *r = r.start + at..r.end + at;
        for f in &mut found {
            shift(&mut f.span);
            shift(&mut f.sentence);
        }
        findings.append(&mut found);
    }
    findings
}
