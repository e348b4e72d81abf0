//! Dates bound to a name or a noun: "the 1972 film", "the revolution of 1917",
//! "Nina Nevelson (1902 – 9 June 1928)".

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::extract::date::DateMention;
use crate::lexicon;
use crate::scan::analysis::Analysis;
use crate::scan::subject::SubjectMatcher;
use crate::span::Span;

/// A date in parentheses right after another person's name ("Nina Nevelson (1902 –
/// 9 June 1928)", "Volkov (born 1926)") is that person's: the name's local range.
pub(super) fn paren_name(
    a: &Analysis<'_>,
    d: &DateMention,
    subject: Option<&SubjectMatcher>,
) -> Option<Range<usize>> {
    let doc = a.doc;
    let text = a.text;
    // Resuming after an inserted card: the name ended the sentence the card cut.
    if let Some(k) = doc.sentences[a.index].continues
        && text[..d.span.start].trim() == "("
    {
        let cut = doc.text[doc.sentences[k].range.clone()].trim_end();
        let last = cut.rsplit(char::is_whitespace).next().unwrap_or("");
        let is_subject =
            subject.is_some_and(|sm| sm.is_subject(&crate::extract::normalize::fold_pattern(last)));
        return (last.starts_with(char::is_uppercase) && !is_subject).then_some(0..0);
    }
    let before = PAREN_LEAD.find(&text[..d.span.start])?;
    // The pattern starts at the name's last letter.
    let name_end = before.start() + before.as_str().chars().next().map_or(0, char::len_utf8);
    let name_start = text[..name_end].rfind(' ').map_or(0, |i| i + 1);
    let orig = a.prose(Span::new(name_start, name_end));
    let word = doc.text[orig.range()].trim_matches(|c: char| !c.is_alphanumeric());
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    if subject.is_some_and(|sm| sm.is_subject(&text[name_start..name_end])) {
        return None;
    }
    Some(name_start..name_end)
}

static PAREN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[a-z"'] ?\((?:born |b\. |died |d\. |nee |c\. )?$"#).expect("valid regex")
});

static ATTRIBUTIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\b(?:the|a|an|his|her|its|their|this|that)) $").expect("valid regex")
});
static NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?P<noun>[a-z]+(?: [a-z]+)?)").expect("valid regex"));
static NOUN_OF_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<noun>[a-z]+) of (?:the )?$").expect("valid regex"));

/// The noun a bare year names when it is used as part of a name ("the 1972 film",
/// "the revolution of 1917"), as a range in `text`.
pub(super) fn bound_noun(text: &str, d: &DateMention) -> Option<Range<usize>> {
    use crate::extract::calendar::Precision;
    use crate::extract::date::Shape;
    // A list ("the upheavals of 1830 and 1848") is bound like each of its dates.
    if !matches!(d.shape, Shape::Point | Shape::List) || d.precision() == Precision::Day {
        return None;
    }
    let before = &text[..d.span.start];
    if d.precision() == Precision::Year
        && ATTRIBUTIVE_YEAR.is_match(before)
        && let Some(c) = NOUN_AFTER.captures(&text[d.span.end..])
    {
        let noun = c.name("noun").expect("group");
        let first = noun.as_str().split(' ').next().unwrap_or("");
        if !lexicon::is(lexicon::NOT_YEAR_NOUNS, first)
            && !first.starts_with(|c: char| c.is_ascii_digit())
        {
            let at = d.span.end + noun.start();
            return Some(at..at + noun.len());
        }
    }
    if let Some(c) = NOUN_OF_BEFORE.captures(before) {
        let noun = c.name("noun").expect("group");
        if !lexicon::is(lexicon::TIME_NOUNS, noun.as_str()) {
            return Some(noun.range());
        }
    }
    None
}
