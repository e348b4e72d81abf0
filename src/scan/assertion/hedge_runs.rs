//! The reach of cues read segment by segment answers as the reading of every
//! segment of the sentence at once did.

use super::super::Frame;
use super::runs;
use crate::extract::normalize::fold;
use crate::lexicon;

/// The reach of the cues in every segment, read back to front over the whole
/// sentence (the reading [`runs`] answers for one segment at a time).
fn every_segment(f: &Frame) -> (Vec<usize>, Vec<usize>) {
    let opens_with = super::opens_with;
    let n = f.segs.len();
    let mut clause = vec![0; n];
    let mut sentence = vec![f.text.len(); n];
    for i in (0..n).rev() {
        let next = f.segs.get(i + 1).map(|s| &f.text[s.range.clone()]);
        let contrast = next.is_some_and(|t| opens_with(t, lexicon::CONTRAST_OPENERS));
        let subordinate = opens_with(&f.text[f.segs[i].range.clone()], lexicon::SUBORDINATORS);
        clause[i] = if next.is_some_and(|t| !super::is_clause(t)) && !contrast && !subordinate {
            clause[i + 1]
        } else {
            f.segs[i].range.end
        };
        sentence[i] = if contrast {
            f.segs[i + 1].range.start
        } else {
            sentence.get(i + 1).copied().unwrap_or(f.text.len())
        };
    }
    (clause, sentence)
}

const PIECES: &[&str] = &[
    "he",
    "was",
    "born",
    "in 1871",
    ",",
    ";",
    "and",
    "but",
    "however",
    "which",
    "when",
    "probably",
    "historians say",
    "in warsaw",
    "that",
    "she",
    "died",
    "(",
    ")",
    "exiled",
];

fn check(text: &str) {
    let f = Frame::new(text, 0..0, None);
    let (clause, sentence) = every_segment(&f);
    let r = runs(&f);
    for s in 0..f.segs.len() {
        assert_eq!(r.clause(s), clause[s], "{text:?} segment {s}");
        assert_eq!(r.sentence(s), sentence[s], "{text:?} segment {s}");
    }
}

#[test]
fn sentences_of_our_own() {
    for s in [
        "she was born in warsaw, in 1867, and died in 1934.",
        "the flyer, which some accounts say weighed 605 pounds, flew in 1903.",
        "he was exiled, probably in 1929, but in fact he left in 1928, historians say.",
        "when she died, in 1934, her daughter, a chemist, was in paris; however, he was not.",
    ] {
        check(&fold(s).text);
    }
}

proptest::proptest! {
    #[test]
    fn generated_sentences(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let s: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        check(&s);
    }
}
