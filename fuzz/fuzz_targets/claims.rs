#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint_fuzz::claims(data));
