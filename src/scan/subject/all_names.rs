//! The names of every subject the claims are about, found in one pass over a
//! document: where each subject's names stand, so that a sentence none of them
//! stands in is never searched for one.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::names::SubjectMatcher;

/// One automaton of every subject's names, each name with the subjects it is
/// a name of.
#[derive(Debug)]
pub struct AllNames {
    automaton: Option<AhoCorasick>,
    owners: Vec<Vec<usize>>,
    subjects: usize,
}

impl AllNames {
    /// The names of `subjects`, in their order.
    pub fn new(subjects: &[SubjectMatcher]) -> AllNames {
        let mut names: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (k, s) in subjects.iter().enumerate() {
            for name in s.name_forms() {
                match names.iter().position(|n| n == name) {
                    Some(i) => owners[i].push(k),
                    None => {
                        names.push(name);
                        owners.push(vec![k]);
                    }
                }
            }
        }
        let automaton = (!names.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(crate::scan::matcher::automaton_kind(&names)))
                .build(&names)
                .expect("subject names compile")
        });
        AllNames {
            automaton,
            owners,
            subjects: subjects.len(),
        }
    }

    /// For each subject, every place one of its names stands in the folded
    /// `text` (whole words or not, overlapping ones too), sorted by start.
    pub fn find(&self, text: &str) -> Vec<Vec<Range<usize>>> {
        let mut out: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.subjects];
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                for &k in &self.owners[m.pattern().as_usize()] {
                    out[k].push(m.range());
                }
            }
        }
        for places in &mut out {
            places.sort_unstable_by_key(|r| (r.start, r.end));
        }
        out
    }
}

/// Whether one of `places` (sorted by start) lies whole in `r`: a search of
/// the text of `r` alone for the names finds one exactly then.
pub fn holds_name(places: &[Range<usize>], r: &Range<usize>) -> bool {
    let first = places.partition_point(|p| p.start < r.start);
    places[first..]
        .iter()
        .take_while(|p| p.start < r.end)
        .any(|p| p.end <= r.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Subject, SubjectKind};

    fn subject(name: &str, aliases: &[&str]) -> SubjectMatcher {
        let subject = Subject {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: SubjectKind::Person,
            ..Subject::default()
        };
        SubjectMatcher::new(Some(&subject)).expect("a subject")
    }

    #[test]
    fn a_sentence_holds_a_name_where_a_search_of_it_alone_finds_one() {
        let subjects = [
            subject("Leon Trotsky", &[]),
            subject("Natalia Sedova", &["Sedova", "Trotsky"]),
        ];
        let all = AllNames::new(&subjects);
        let text = "leon trotsky met sedova. later trotsky left. nothing here. leon";
        let places = all.find(text);
        let sentences = [0..24, 25..44, 45..58, 59..63];
        for (k, s) in subjects.iter().enumerate() {
            for r in &sentences {
                assert_eq!(
                    holds_name(&places[k], r),
                    !s.mentions(&text[r.clone()]).is_empty(),
                    "subject {k} in {:?}",
                    &text[r.clone()]
                );
            }
        }
        // Trotsky is both subjects' name; "leon" alone is neither's.
        assert!(holds_name(&places[1], &(25..44)));
        assert!(!holds_name(&places[0], &(59..63)));
    }
}
