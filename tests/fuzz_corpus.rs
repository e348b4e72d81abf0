//! Replays the committed fuzz corpus and every crash reproducer through the fuzz
//! targets' checks, on stable: what the fuzzers found stays fixed.

use std::path::Path;

#[path = "../fuzz/src/lib.rs"]
#[allow(unreachable_pub)]
mod fuzz;

/// The inputs under `fuzz/<dir>/<target>/`, sorted.
fn inputs(dir: &str, target: &str) -> Vec<std::path::PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let mut files: Vec<_> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Runs every input of `target`'s corpus and artifacts through its check.
fn replay(target: &str) {
    let (_, check) = fuzz::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a target");
    let corpus = inputs("corpus", target);
    assert!(
        corpus.len() >= 20,
        "{target}: {} inputs in its corpus",
        corpus.len()
    );
    for path in corpus.iter().chain(&inputs("artifacts", target)) {
        let data = std::fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target}: {} fails", path.display());
    }
}

macro_rules! replays {
    ($($target:ident),*) => {
        $(
            #[test]
            fn $target() {
                replay(stringify!($target));
            }
        )*
        #[test]
        fn every_target_is_replayed() {
            let tested = [$(stringify!($target)),*];
            for (name, _) in fuzz::TARGETS {
                assert!(tested.contains(name), "{name} is not replayed");
            }
        }
    };
}

replays!(claims, config, markup, check, generated, fix);
