//! `file:` URIs to paths and back. Only local files are checked: any other
//! scheme (an unsaved buffer, a remote file) has no path, and its document is
//! checked with the workspace's settings alone.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The local path a `file:` URI names (percent-decoded), or `None` for another
/// scheme or a remote host.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        // A Windows URI's path starts `/C:/…`.
        let s = String::from_utf8(bytes).ok()?;
        Some(PathBuf::from(s.strip_prefix('/').unwrap_or(&s)))
    }
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

/// Percent-decodes `s`; a `%` not followed by two hex digits is an error.
fn decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).unwrap()
    }

    #[test]
    fn a_file_uri_is_decoded_to_its_path() {
        assert_eq!(
            to_path(&uri("file:///home/ana/notes%20on%20Troc%C3%A9.md")),
            Some(PathBuf::from("/home/ana/notes on Trocé.md"))
        );
        assert_eq!(
            to_path(&uri("file://localhost/tmp/a.md")),
            Some(PathBuf::from("/tmp/a.md"))
        );
    }

    #[test]
    fn other_schemes_and_hosts_have_no_path() {
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://server/share/a.md")), None);
        // The URI parser refuses a bad escape; the decoder does too.
        assert_eq!(decode("/bad%zz"), None);
        assert_eq!(decode("/bad%2"), None);
        // A sign is not a hex digit, though `from_str_radix` takes one.
        assert_eq!(decode("/bad%+1"), None);
        assert_eq!(decode("/%41%c3%a9"), Some("/Aé".as_bytes().to_vec()));
    }

    #[test]
    #[cfg(unix)]
    fn a_path_round_trips() {
        let p = Path::new("/tmp/a dir/Café #1.md");
        let u = from_path(p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/a%20dir/Caf%C3%A9%20%231.md");
        assert_eq!(to_path(&u).as_deref(), Some(p));
    }
}
