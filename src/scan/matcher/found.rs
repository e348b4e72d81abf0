//! The term forms of a folded text, found once: the prefilter's second step
//! asks whether a document holds one that can make a finding, and the scan
//! then reads every one. Both read the same whole-word matches, so a document
//! the prefilter admits keeps them ([`TermMatches`]) and the scan does not
//! search its text again.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{Matcher, TermHit, is_word_char, rejected};
use crate::document::Document;

/// The whole-word term matches of one folded text, as one matcher finds them:
/// (start, end, automaton pattern), in the order the overlapping search gives.
#[derive(Debug, Clone)]
pub struct TermMatches {
    /// The [`Matcher::id`] of the matcher that found them: another matcher's
    /// scan searches the text itself.
    matcher: u64,
    found: Vec<(usize, usize, usize)>,
}

/// The ids of matchers, one each, so that a document's matches are read only
/// by the matcher that found them.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// A new matcher's id.
pub(super) fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

impl Matcher {
    /// The length in bytes of the longest term form (0: none): a match spans
    /// no more of a folded text.
    pub fn longest_term(&self) -> usize {
        self.terms.as_ref().map_or(0, |t| t.longest())
    }

    /// Every whole-word term match in the folded `text`.
    pub fn term_matches(&self, text: &str) -> TermMatches {
        let mut found = Vec::new();
        if let Some(terms) = &self.terms {
            // All matches, overlapping ones included, so that a shorter form
            // still counts where the longest one is not a whole word
            // ("menshevik factionadvocating").
            terms.each_overlapping(text, |m| {
                if self.whole_word(text, &m) {
                    found.push((m.start(), m.end(), m.pattern().as_usize()));
                }
            });
        }
        TermMatches {
            matcher: self.id,
            found,
        }
    }

    /// Whether `matches` hold a form that can make a finding: a form some claim
    /// rejects, or, where `denied` says a denial's cue may stand in the text,
    /// any form.
    pub(super) fn any_term_in(&self, matches: &TermMatches, denied: &dyn Fn() -> bool) -> bool {
        let rejects = |&(_, _, k): &(usize, usize, usize)| rejected(&self.term_patterns[k]);
        matches.found.iter().any(rejects) || (!matches.found.is_empty() && denied())
    }

    /// Whether a term match stands as whole words in `text`: no word char before
    /// it, and none after it but a plural ending where its form may take one.
    fn whole_word(&self, text: &str, m: &aho_corasick::Match) -> bool {
        let (s, e) = (m.start(), m.end());
        let before_ok = !text[..s].chars().next_back().is_some_and(is_word_char);
        let rest = &text[e..];
        let suffix = if !self.term_plural[m.pattern().as_usize()] {
            0
        } else if rest.starts_with("es") && !rest[2..].starts_with(is_word_char) {
            2
        } else if rest.starts_with('s') && !rest[1..].starts_with(is_word_char) {
            1
        } else {
            0
        };
        before_ok && !text[e + suffix..].starts_with(is_word_char)
    }

    /// Every term of every claim in the folded `text`, whole words only (a plural
    /// `s` or `es` may follow), sorted by position.
    pub fn find_terms(&self, text: &str) -> Vec<TermHit> {
        self.hits(&self.term_matches(text))
    }

    /// [`Matcher::find_terms`] of a document's folded text, from the matches
    /// kept when the prefilter admitted it where this matcher found them.
    pub fn document_terms(&self, doc: &Document) -> Vec<TermHit> {
        match doc.term_matches() {
            Some(kept) if kept.matcher == self.id => self.hits(kept),
            _ => self.find_terms(&doc.folded.text),
        }
    }

    /// The hits of `matches`: leftmost-longest among the whole-word matches of
    /// each claim, sorted by position. A longer accepted phrase wins over a
    /// shorter rejected one inside it, while the claims do not hide each
    /// other's forms ("in siberia" of one claim and "siberia" of another both
    /// count).
    fn hits(&self, matches: &TermMatches) -> Vec<TermHit> {
        let mut hits: Vec<TermHit> = matches
            .found
            .iter()
            .flat_map(|&(s, e, p)| {
                self.term_patterns[p].iter().map(move |t| TermHit {
                    claim: t.claim,
                    role: t.role,
                    range: s..e,
                })
            })
            .collect();
        hits.sort_by_key(|h| (h.claim, h.range.start, std::cmp::Reverse(h.range.end)));
        let mut out: Vec<TermHit> = Vec::with_capacity(hits.len());
        for h in hits {
            if out
                .last()
                .is_some_and(|l| l.claim == h.claim && h.range.start < l.range.end)
            {
                continue;
            }
            out.push(h);
        }
        out.sort_by_key(|h| (h.range.start, h.claim));
        out
    }
}

/// A matcher with the term matches of the text the prefilter asks about, found
/// already: its answer is the matcher's own, without a second search.
pub(crate) struct Found<'m> {
    pub(crate) matcher: &'m Matcher,
    pub(crate) matches: &'m TermMatches,
}

impl crate::scan::prefilter::Search for Found<'_> {
    fn has_term(&self, _folded: &str, denied: &dyn Fn() -> bool) -> bool {
        self.matcher.any_term_in(self.matches, denied)
    }

    fn has_trigger_literal(&self, folded: &str) -> bool {
        self.matcher.has_trigger_literal(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markup::Markup;

    fn matcher(reject: &str) -> Matcher {
        let toml = format!(
            "[[claim]]\nid = \"t\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"{reject}\"]\n"
        );
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), toml)]).unwrap();
        Matcher::new(&claims).unwrap()
    }

    /// The scan reads the matches the prefilter kept, and only where the same
    /// matcher found them: another matcher searches the text itself.
    #[test]
    fn kept_matches_serve_only_their_own_matcher() {
        let (pick, axe) = (matcher("ice pick"), matcher("axe"));
        let text = "He used an ice pick, not an ice axe.\n";
        let doc = Document::admitted("a.txt", text.to_string(), Markup::Text, Some(&pick))
            .expect("a rejected form admits the text");
        let kept = doc.term_matches().expect("kept");
        assert_eq!(kept.matcher, pick.id);
        assert_eq!(kept.found.len(), 2);
        let forms = |m: &Matcher| -> Vec<String> {
            let folded = &doc.folded.text;
            let hits = m.document_terms(&doc);
            assert_eq!(hits, m.find_terms(folded));
            hits.iter()
                .map(|h| folded[h.range.clone()].to_string())
                .collect()
        };
        assert_eq!(forms(&pick), ["ice pick", "ice axe"]);
        assert_eq!(forms(&axe), ["ice axe"]);
    }
}
