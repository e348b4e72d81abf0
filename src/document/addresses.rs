//! Addresses: URLs, e-mail addresses and file paths in the prose.
//!
//! An address is not prose: the year in ".../1998/11/hot-mama", the number in
//! "?offset=467500" or "article4266317/" and the words of a path state nothing.
//! The scanner skips whatever lies in one, and sentences never end inside one.
//!
//! Found here: `http://`, `https://` and `ftp://` URLs, `www.` hosts, bare
//! lowercase domains followed by a path ("example.org/a/b"), e-mail addresses,
//! Windows paths ("C:\x\y"), paths from the root or home ("/usr/lib/x", "~/a/b",
//! "./a/b") and relative paths that end in a file name ("a/b/c.txt"). Punctuation
//! that closes the sentence around an address is not part of it. A line holding
//! nothing but addresses after a short label ("Source: http://…") is an address as
//! a whole.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i:\b(?:https?|ftp)://[^\s<>]+)",
        r"|(?i:\bwww\d{0,3}\.[^\s<>]+)",
        r"|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}/[^\s<>]*",
        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        r"|\b[A-Za-z]:\\[^\s<>]+",
        r"|(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]+)+/?",
        r"|\b[\w.-]+(?:/[\w.-]+)+\.[a-z][a-z0-9]{0,4}\b",
    ))
    .expect("the address pattern compiles")
});

/// A line that is a short label and addresses only ("Source: http://…").
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,2}:\s*$").expect("the label pattern compiles")
});

/// The addresses of `text`: sorted, disjoint byte ranges on char boundaries.
pub fn find_addresses(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for word in candidate_words(text) {
        find_in_word(text, word, &mut out);
    }
    whole_lines(text, &mut out);
    out
}

/// The runs of non-space characters that may hold an address: every form above
/// has a slash, a backslash, an at sign or "www", and none holds a space. The
/// pattern's word boundaries at a run's ends fall on spaces or the text's ends, so
/// matching within the run finds what matching the whole text would.
fn candidate_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let hit = next_mark(bytes, at)?;
        let start = text[..hit]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[hit..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, _)| hit + i);
        at = end;
        Some(start..end)
    })
}

/// The first place at or after `at` of a slash, a backslash, an at sign or
/// "www" in any case. The three signs are found with memchr, and "www" by its
/// "w"s: most text has none of the signs, and "w" is a rare letter.
fn next_mark(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = bytes.get(at..)?;
    let sign = memchr::memchr3(b'/', b'\\', b'@', rest);
    let within = &rest[..sign.unwrap_or(rest.len())];
    let www = memchr::memchr2_iter(b'w', b'W', within).find(|&i| {
        within.get(i + 1).is_some_and(|c| c | 0x20 == b'w')
            && within.get(i + 2).is_some_and(|c| c | 0x20 == b'w')
    });
    www.or(sign).map(|i| at + i)
}

/// The addresses within one run of non-space characters, in order.
fn find_in_word(text: &str, word: Range<usize>, out: &mut Vec<Range<usize>>) {
    for m in ADDRESS.find_iter(&text[word.clone()]) {
        let m = word.start + m.start()..word.start + m.end();
        let found = &text[m.clone()];
        // A path from the root must not start inside a word ("and/or/…" is no path).
        if found.starts_with(['/', '~', '.'])
            && text[..m.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '/')
        {
            continue;
        }
        let end = m.start + trim_trailing(found);
        if end > m.start {
            out.push(m.start..end);
        }
    }
}

/// The length of an address once the punctuation closing the sentence around it
/// is dropped; a closing bracket stays when the address opened it.
fn trim_trailing(s: &str) -> usize {
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        let drop = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '’' | '”' | '»' => true,
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                s[..end].matches(open).count() < s[..end].matches(c).count()
            }
            _ => false,
        };
        if !drop {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// Widens each address that fills its line with a short label before it ("Source:
/// http://…") to the whole line, and merges what then overlaps.
fn whole_lines(text: &str, out: &mut Vec<Range<usize>>) {
    // Only the lines that hold an address are read: where none does, none.
    if out.is_empty() {
        return;
    }
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    let mut k = 0;
    let mut line_start = 0;
    for raw in crate::document::lines::lines_inclusive(text) {
        let line_end = line_start + raw.len();
        let first = k;
        // An address holds no space, so it lies on one line.
        while k < out.len() && out[k].start < line_end {
            k += 1;
        }
        let on_line = &out[first..k];
        if let (Some(a), Some(z)) = (on_line.first(), on_line.last()) {
            let gaps_blank = on_line
                .windows(2)
                .all(|w| text[w[0].end..w[1].start].trim().is_empty());
            let before = text[line_start..a.start].trim();
            let after = text[z.end..line_end].trim();
            if gaps_blank && after.is_empty() && !before.is_empty() && LABEL.is_match(before) {
                let lead = raw.len() - raw.trim_start().len();
                merged.push(line_start + lead..z.end);
            } else {
                merged.extend(on_line.iter().cloned());
            }
        }
        line_start = line_end;
    }
    *out = merged;
}

/// Whether `r` overlaps one of the sorted, disjoint `addresses`.
pub fn overlaps(addresses: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = addresses.partition_point(|a| a.end <= r.start);
    addresses
        .get(k)
        .is_some_and(|a| a.start < r.end.max(r.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn found(text: &str) -> Vec<&str> {
        find_addresses(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_with_dates_and_numbers_inside_are_one_address() {
        assert_eq!(
            found("Read http://news.example.org/science/1998/11/hot-mama?mobile=1 today."),
            vec!["http://news.example.org/science/1998/11/hot-mama?mobile=1"]
        );
        assert_eq!(
            found("See https://books.example.at/book_20554//A%20History.phtml?offset=467500"),
            vec!["https://books.example.at/book_20554//A%20History.phtml?offset=467500"]
        );
        assert_eq!(
            found("(from www.example.com/news/world/article4266317/)"),
            vec!["www.example.com/news/world/article4266317/"]
        );
    }

    #[test]
    fn closing_punctuation_is_not_part_of_the_address() {
        assert_eq!(
            found("It is at http://x.org/a.html?b=1. Next"),
            vec!["http://x.org/a.html?b=1"]
        );
        assert_eq!(
            found("See \"www.example.com\", then go."),
            vec!["www.example.com"]
        );
        assert_eq!(
            found("The page (en.example.org/wiki/Zone_(area)) says so."),
            vec!["en.example.org/wiki/Zone_(area)"]
        );
    }

    #[test]
    fn bare_domains_need_a_path() {
        assert_eq!(
            found("Visit example.org/flights/1903 and example.org too."),
            vec!["example.org/flights/1903"]
        );
        // Capitalised words glued by a period are no host.
        assert_eq!(
            found("He reached St.Petersburg/Leningrad in 1917."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn emails_and_paths() {
        assert_eq!(
            found("Write to orville.wright@example.com or read docs/flights/log1903.txt."),
            vec!["orville.wright@example.com", "docs/flights/log1903.txt"]
        );
        assert_eq!(
            found(r"Saved in C:\Users\curie\radium.doc and /var/log/lab today"),
            vec![r"C:\Users\curie\radium.doc", "/var/log/lab"]
        );
    }

    #[test]
    fn slashes_between_numbers_and_words_are_not_paths() {
        assert_eq!(
            found(
                "The article is from 2011/2012, and/or 1895/ 1896, 24/7, relocation / resettlement."
            ),
            Vec::<&str>::new()
        );
        assert_eq!(found("22/7/2019 and 9/11 and km/h"), Vec::<&str>::new());
    }

    #[test]
    fn a_source_line_is_an_address_as_a_whole() {
        let text = "Source: http://example.org/1911/faq.html\n\nShe died in 1934.";
        assert_eq!(
            found(text),
            vec!["Source: http://example.org/1911/faq.html"]
        );
        // Words after the address keep the line prose.
        let text = "Source: http://example.org/faq.html says 1934";
        assert_eq!(found(text), vec!["http://example.org/faq.html"]);
        // A long lead-in is prose.
        let text = "The whole story of her life is told at: http://example.org/a";
        assert_eq!(found(text), vec!["http://example.org/a"]);
    }

    #[test]
    fn overlap_is_found_by_binary_search() {
        let a = vec![5..10, 20..30];
        assert!(overlaps(&a, &(7..8)));
        assert!(overlaps(&a, &(0..6)));
        assert!(overlaps(&a, &(25..25)));
        assert!(!overlaps(&a, &(10..20)));
        assert!(!overlaps(&a, &(30..40)));
        assert!(!overlaps(&[], &(0..1)));
    }

    /// The pattern run over the whole text, as the candidate words stand in for.
    fn whole_text_matches(text: &str) -> Vec<Range<usize>> {
        ADDRESS.find_iter(text).map(|m| m.range()).collect()
    }

    fn word_matches(text: &str) -> Vec<Range<usize>> {
        candidate_words(text)
            .flat_map(|w| {
                ADDRESS
                    .find_iter(&text[w.clone()])
                    .map(move |m| w.start + m.start()..w.start + m.end())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn candidate_words_find_what_the_whole_text_holds() {
        for text in [
            "Mail ann@example.org, see WwW.example.com or C:\\x\\y and ./a/b\u{a0}/c/d",
            "no address here at all, 24 / 7 and wow",
            "\u{3000}~/notes/a.txt\u{2003}é/è/ü.md www",
        ] {
            assert_eq!(word_matches(text), whole_text_matches(text), "{text}");
        }
    }

    proptest! {
        #[test]
        fn candidate_words_agree_with_the_whole_text(
            s in "[a-zA-Z0-9 ./:@\\\\~_?=&()\n\"é\u{a0}\u{2009}wW-]{0,80}"
        ) {
            prop_assert_eq!(word_matches(&s), whole_text_matches(&s));
        }

        #[test]
        fn addresses_are_in_bounds_on_char_boundaries_sorted_and_disjoint(
            s in "[a-zA-Z0-9 ./:@\\\\~_?=&()\n\"é-]{0,80}|(Source: )?(https?://|www\\.)[a-z./0-9é?=]{0,30}[.,)]? ?[a-z]{0,5}"
        ) {
            let found = find_addresses(&s);
            let mut at = 0;
            for r in &found {
                prop_assert!(r.start >= at && r.start < r.end && r.end <= s.len());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                at = r.end;
            }
        }
    }
}
