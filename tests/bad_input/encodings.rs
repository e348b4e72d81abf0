//! Bad input in a file's encoding: a UTF-8 byte-order mark, UTF-16 with and
//! without a valid code unit, invalid UTF-8 and NUL bytes, each checked beside
//! the good file.

use super::*;

#[test]
fn a_utf8_byte_order_mark_is_kept_and_is_no_column() {
    let dir = corpus();
    let p = dir.path();
    fs::write(p.join("docs/bom.txt"), "\u{feff}He died in 1941.\n").unwrap();
    let want = format!("{GOOD}{}", died("docs/bom.txt", 1, 12));
    assert_eq!(check(p, &["docs"]), expect(&want, "", 1));
    // The span is in bytes of the file, the mark's three included.
    let out = bare(p)
        .args(["--claims", "claims", "docs/bom.txt", "--format", "json"])
        .output()
        .expect("ran");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &v["diagnostics"][0];
    assert_eq!((&d["line"], &d["column"]), (&1.into(), &12.into()));
    assert_eq!(d["span"]["start"], 14);
}

/// `text` in UTF-16 of the byte order, with its byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    "\u{feff}"
        .encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(|u| match big_endian {
            true => u.to_be_bytes(),
            false => u.to_le_bytes(),
        })
        .collect()
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_decoded_and_checked() {
    let dir = corpus();
    let p = dir.path();
    // As a Windows editor saves them: a mark, CRLF line ends.
    let text = "Intro, with Zoë.\r\nTrotsky was killed with an ice pick.\r\nHe died in 1941.\r\n";
    fs::write(p.join("docs/le.txt"), utf16(text, false)).unwrap();
    fs::write(p.join("docs/be.txt"), utf16(text, true)).unwrap();
    let want = [
        GOOD.to_string(),
        weapon("docs/be.txt", 2, 28),
        died("docs/be.txt", 3, 12),
        weapon("docs/le.txt", 2, 28),
        died("docs/le.txt", 3, 12),
    ]
    .concat();
    assert_eq!(check(p, &["docs"]), expect(&want, "", 1));
    // A surrogate without its pair: refused, naming the encoding.
    let mut bad = utf16("Trotsky", false);
    bad.extend_from_slice(&[0x00, 0xDC]);
    bad.extend_from_slice(&utf16(" was killed with an ice pick.", false)[2..]);
    fs::write(p.join("docs/le.txt"), bad).unwrap();
    fs::remove_file(p.join("docs/be.txt")).unwrap();
    assert_eq!(
        check(p, &["docs"]),
        expect(
            GOOD,
            "factlint: docs/le.txt: not valid UTF-16LE (first bad code unit at offset 16), skipped\n",
            2
        )
    );
}

#[test]
fn invalid_utf8_is_refused_with_the_offset_of_its_first_bad_byte() {
    let dir = corpus();
    let p = dir.path();
    // Latin-1 is not guessed at.
    fs::write(p.join("docs/latin1.txt"), b"Caf\xe9: an ice pick.\n").unwrap();
    assert_eq!(
        check(p, &["docs"]),
        expect(
            GOOD,
            "factlint: docs/latin1.txt: not valid UTF-8 (first bad byte at offset 3), skipped\n",
            2
        )
    );
}

#[test]
fn nul_bytes_make_a_file_binary_near_its_start_only() {
    let dir = corpus();
    let p = dir.path();
    fs::write(p.join("docs/nul.txt"), b"an ice pick\0\0\x01").unwrap();
    // Walked: skipped quietly, as binary files are.
    assert_eq!(check(p, &["docs"]), expect(GOOD, "", 1));
    // Named: reported.
    assert_eq!(
        check(p, &["docs/nul.txt", "docs/a.txt"]),
        expect(GOOD, "factlint: docs/nul.txt: binary file, skipped\n", 2)
    );
    // A NUL past the first 8 KiB is a character of a text file.
    let mut late = "Filler line.\n".repeat(700).into_bytes();
    late.extend_from_slice(b"A \0 and an ice pick.\n");
    fs::write(p.join("docs/nul.txt"), late).unwrap();
    let want = format!("{GOOD}{}", weapon("docs/nul.txt", 701, 12));
    assert_eq!(check(p, &["docs"]), expect(&want, "", 1));
}
