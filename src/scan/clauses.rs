//! Clauses: which trigger a date or number in a sentence belongs to.
//!
//! A sentence is cut into segments at commas, semicolons and the conjunctions that
//! start a new clause ("and later", "but", "while", "which"…), never inside a value.
//! A value pairs with the nearest trigger of its own segment. A value in a segment
//! with no trigger pairs with the next (or previous) segment only when its segment
//! is an adverbial phrase ("In 1902, he escaped"); a segment with a verb of its own
//! ("Arrested in 1898, he was exiled") keeps its value to itself. Never a farther one.

use crate::lexicon;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A piece of a sentence between clause boundaries (folded offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    /// Begins with a preposition or time word: it modifies a neighbouring clause.
    pub adverbial: bool,
    /// Separated from the next segment by a comma only (not a conjunction).
    pub comma_after: bool,
}

static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<comma>, |: )|(?P<semi>; )|(?P<conj> (?:but|while|whereas|although|though|because|which|who|whom|whose|where|yet) )|(?P<and> (?:and|or) (?:(?:later|then|finally|eventually|subsequently|afterwards|soon|also|the following|the next|a year later|months later)\b|(?:was|were|had|has|is|he|she|they|it|his|her|their)\b|[a-z]+ed\b))",
    )
    .expect("valid regex")
});

fn is_adverbial(text: &str) -> bool {
    // A phrase, not a clause: no subject pronoun, auxiliary or past-tense verb
    // ("In 1929 he was exiled" is a clause of its own).
    if text.split(' ').skip(1).any(|w| {
        matches!(
            w,
            "he" | "she"
                | "they"
                | "it"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "did"
        ) || (w.len() > 4 && w.ends_with("ed"))
    }) {
        return false;
    }
    let first = text.trim_start().split([' ', '-']).next().unwrap_or("");
    lexicon::PHRASE_OPENERS.contains(&first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || crate::extract::calendar::MONTH_NAMES
            .iter()
            .any(|m| m.eq_ignore_ascii_case(first.trim_end_matches(['.', ','])))
}

/// Cuts the folded sentence `text` into segments; `protected` ranges (the values)
/// are never cut.
pub fn segments(text: &str, protected: &[Range<usize>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    for c in BOUNDARY.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        if protected
            .iter()
            .any(|p| p.start < m.end() && m.start() < p.end)
        {
            continue;
        }
        let comma = c.name("comma").is_some();
        let seg_text = &text[start..m.start()];
        out.push(Segment {
            range: start..m.start(),
            adverbial: is_adverbial(seg_text),
            comma_after: comma,
        });
        // A conjunction starts the next segment; punctuation belongs to neither.
        start = if c.name("and").is_some() || c.name("conj").is_some() {
            m.start() + 1
        } else {
            m.end()
        };
    }
    out.push(Segment {
        range: start..text.len(),
        adverbial: is_adverbial(&text[start..]),
        comma_after: false,
    });
    out
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// For each value, the indices of the triggers it pairs with (all those at the
/// nearest distance within the chosen segment; empty when none qualifies).
pub fn pair(text: &str, values: &[Range<usize>], triggers: &[Range<usize>]) -> Vec<Vec<usize>> {
    let segs = segments(text, values);
    let seg_of = |pos: usize| {
        segs.iter()
            .position(|s| pos >= s.range.start && pos < s.range.end.max(s.range.start + 1))
            .unwrap_or(segs.len() - 1)
    };
    let trigger_seg: Vec<usize> = triggers.iter().map(|t| seg_of(t.start)).collect();
    values
        .iter()
        .map(|v| {
            let own = seg_of(v.start);
            let mut candidates: Vec<usize> = Vec::new();
            let in_seg = |s: usize| -> Vec<usize> {
                (0..triggers.len())
                    .filter(|&t| trigger_seg[t] == s)
                    .collect()
            };
            let here = in_seg(own);
            if !here.is_empty() {
                candidates = here;
            } else if segs[own].adverbial {
                // It modifies the clause after it ("In 1902, he escaped"); only
                // one that closes the sentence modifies the clause before it
                // ("he escaped, in 1902").
                let next = own + 1;
                let has_next = next < segs.len()
                    && !text[segs[next].range.clone()]
                        .trim()
                        .trim_matches(['.', '!', '?', ')'])
                        .is_empty();
                if segs[own].comma_after && has_next {
                    candidates = in_seg(next);
                } else if !has_next && own > 0 && segs[own - 1].comma_after {
                    candidates = in_seg(own - 1);
                }
            }
            let Some(best) = candidates.iter().map(|&t| distance(v, &triggers[t])).min() else {
                return Vec::new();
            };
            candidates
                .into_iter()
                .filter(|&t| distance(v, &triggers[t]) == best)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, w: &str) -> Range<usize> {
        let s = text.find(w).unwrap();
        s..s + w.len()
    }

    #[test]
    fn each_value_pairs_with_the_trigger_of_its_own_clause() {
        let t = "he was removed from power in 1927 and later exiled to turkey in 1929.";
        let values = [find(t, "1927"), find(t, "1929")];
        let triggers = [find(t, "removed from power"), find(t, "exiled")];
        assert_eq!(pair(t, &values, &triggers), vec![vec![0], vec![1]]);
        // Without the first trigger, 1927 stays unpaired rather than take a farther one.
        assert_eq!(pair(t, &values, &triggers[1..]), vec![vec![], vec![0]]);
    }

    #[test]
    fn an_adverbial_phrase_lends_its_date_to_the_next_clause() {
        let t = "in 1902, he escaped exile using a forged passport.";
        assert_eq!(
            pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
            vec![vec![0]]
        );
    }

    #[test]
    fn an_adverbial_phrase_between_clauses_belongs_to_the_next() {
        let t = "he became foreign commissar and, in march 1918, war commissar.";
        assert_eq!(
            pair(t, &[find(t, "march 1918")], &[find(t, "foreign commissar")]),
            vec![Vec::<usize>::new()]
        );
        let t = "he escaped from exile, in 1902.";
        assert_eq!(
            pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
            vec![vec![0]]
        );
    }

    #[test]
    fn a_participle_phrase_keeps_its_date() {
        let t = "arrested in 1898, trotsky was exiled to siberia.";
        assert_eq!(
            pair(t, &[find(t, "1898")], &[find(t, "exiled to siberia")]),
            vec![Vec::<usize>::new()]
        );
    }

    #[test]
    fn values_are_never_cut() {
        let t = "he was murdered in mexico on august 21, 1940.";
        let v = find(t, "august 21, 1940");
        let segs = segments(t, std::slice::from_ref(&v));
        assert_eq!(segs.len(), 1);
        assert_eq!(pair(t, &[v], &[find(t, "murdered")]), vec![vec![0]]);
    }
}
