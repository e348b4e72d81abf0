use super::*;

#[test]
fn a_tree_holds_what_lies_under_a_named_directory_or_beside_a_named_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    fs::create_dir_all(root.join("docs/sub")).unwrap();
    fs::write(root.join("docs/a.md"), "a").unwrap();
    let by_dir = Trees::new(&[root.join("docs")]);
    assert!(by_dir.contains(&root.join("docs/sub/b.md")));
    assert!(
        !by_dir.contains(&root.join("docsx/b.md")),
        "a prefix of a name is not a parent"
    );
    assert!(!by_dir.contains(&root.join("c.md")));
    let by_file = Trees::new(&[root.join("docs/a.md")]);
    assert!(by_file.contains(&root.join("docs/other.md")));
    assert!(!by_file.contains(&root.join("other.md")));
    assert_eq!(Trees::new(&[PathBuf::from("-")]), Trees::default());
    assert_eq!(Trees::new(&[root.join("missing/x.md")]), Trees::default());
}

#[test]
fn each_refusal_says_why_and_that_nothing_was_written() {
    let cases = [
        (
            WriteError::Outside {
                target: PathBuf::from("/srv/notes.md"),
            },
            "leads through a symbolic link to /srv/notes.md, outside the checked paths; not fixed",
        ),
        (WriteError::NotRegular, "not a regular file; not fixed"),
        (
            WriteError::HardLinks { links: 2 },
            "has 2 hard links, which a fixed copy would part; not fixed",
        ),
        (WriteError::Changed, "changed since it was read; not fixed"),
        (
            WriteError::Io {
                step: Step::Rename,
                source: io::Error::from(io::ErrorKind::PermissionDenied),
            },
            "cannot rename the fixed text over it: permission denied; left as it was",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn a_file_that_grew_or_shrank_or_changed_its_bytes_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "an ice pick\n").unwrap();
    assert!(read_checked(&p, "an ice pick\n").is_ok());
    for other in ["an ice pick", "an ice pick\n\n", "an ICE pick\n"] {
        assert!(
            matches!(read_checked(&p, other), Err(WriteError::Changed)),
            "{other:?}"
        );
    }
    assert!(matches!(
        read_checked(dir.path(), ""),
        Err(WriteError::NotRegular)
    ));
}

#[test]
fn a_utf16_file_is_written_back_in_its_own_byte_order() {
    use crate::document::decode::decode;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    for order in [Utf16::Le, Utf16::Be] {
        let checked = "\u{feff}Ramón had an ice pick.\r\n";
        fs::write(&p, encode_utf16(checked, order)).unwrap();
        assert_eq!(decode(fs::read(&p).unwrap()).unwrap(), checked);
        // The decoded text is what the file holds; its UTF-8 bytes are not.
        assert!(read_checked(&p, checked).is_ok(), "{order}");
        assert!(matches!(
            read_checked(&p, "\u{feff}Ramón had an ice axe.\r\n"),
            Err(WriteError::Changed)
        ));
        let fixed = "\u{feff}Ramón had an ice axe.\r\n";
        write_atomically(&p, checked, fixed).unwrap();
        assert_eq!(fs::read(&p).unwrap(), encode_utf16(fixed, order), "{order}");
    }
    // A UTF-8 file that starts with a mark stays UTF-8.
    fs::write(&p, "\u{feff}an ice pick\n").unwrap();
    write_atomically(&p, "\u{feff}an ice pick\n", "\u{feff}an ice axe\n").unwrap();
    assert_eq!(fs::read(&p).unwrap(), "\u{feff}an ice axe\n".as_bytes());
    // Files of no byte or of one.
    for tiny in ["", "a"] {
        fs::write(&p, tiny).unwrap();
        assert!(read_checked(&p, tiny).is_ok());
        assert!(matches!(read_checked(&p, "ab"), Err(WriteError::Changed)));
    }
}
