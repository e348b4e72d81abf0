//! Tests of reading times of day.

use super::*;
use crate::extract::normalize::fold;

fn times(text: &str) -> Vec<(String, u32, u32, Option<u32>)> {
    let folded = fold(text).text;
    extract_times(&folded)
        .into_iter()
        .map(|t| (folded[t.span].to_string(), t.hour, t.minute, t.second))
        .collect()
}

fn t(s: &str, h: u32, m: u32, sec: Option<u32>) -> (String, u32, u32, Option<u32>) {
    (s.to_string(), h, m, sec)
}

#[test]
fn clock_times_with_seconds_and_meridians() {
    assert_eq!(
        times("at 1:23:59 the test"),
        vec![t("1:23:59", 1, 23, Some(59))]
    );
    assert_eq!(times("at 1:23 a.m. on"), vec![t("1:23 a.m.", 1, 23, None)]);
    assert_eq!(
        times("around 1:23 AM, reactor"),
        vec![t("1:23 am", 1, 23, None)]
    );
    assert_eq!(times("at 10:35 she left"), vec![t("10:35", 10, 35, None)]);
    assert_eq!(times("at 10h35 Orville"), vec![t("10h35", 10, 35, None)]);
    assert_eq!(times("18:09 UTC"), vec![t("18:09", 18, 9, None)]);
    assert_eq!(times("at 12:30 a.m."), vec![t("12:30 a.m.", 0, 30, None)]);
}

#[test]
fn hours_with_meridian_or_o_clock_and_part_of_day() {
    assert_eq!(
        times("between 2 PM and 5 PM"),
        vec![t("2 pm", 14, 0, None), t("5 pm", 17, 0, None)]
    );
    assert_eq!(times("By 9 PM on 26 April"), vec![t("9 pm", 21, 0, None)]);
    assert_eq!(times("out by 5 o'clock"), vec![t("5 o'clock", 5, 0, None)]);
    assert_eq!(
        times("at five o'clock"),
        vec![t("five o'clock", 5, 0, None)]
    );
    assert_eq!(
        times("He died at 3:15 in the morning."),
        vec![t("3:15", 3, 15, None)]
    );
    assert_eq!(
        times("It began at 3:15 in the afternoon."),
        vec![t("3:15", 15, 15, None)]
    );
    assert_eq!(times("at 9pm"), vec![t("9pm", 21, 0, None)]);
}

#[test]
fn an_hour_and_minutes_after_a_period() {
    assert_eq!(
        times("The reactor exploded at 10.35 that night."),
        vec![t("10.35", 10, 35, None)]
    );
    assert_eq!(times("by 22.15, the crew"), vec![t("22.15", 22, 15, None)]);
    assert_eq!(
        times("They took off at 10.35 in the morning."),
        vec![t("10.35", 10, 35, None)]
    );
    assert_eq!(times("at 5 in the afternoon"), vec![t("5", 17, 0, None)]);
    assert_eq!(
        times("It ended 10.05 pm."),
        vec![t("10.05 pm", 22, 5, None)]
    );
    assert_eq!(
        times("from 9.30 a.m. until 11.45."),
        vec![t("9.30 a.m.", 9, 30, None), t("11.45", 11, 45, None)]
    );
    assert_eq!(times("at 10.35"), vec![t("10.35", 10, 35, None)]);
}

#[test]
fn decimals_after_at_are_not_times() {
    assert!(times("It rose at 10.35 metres a second.").is_empty());
    assert!(times("shares sold at 10.50 dollars").is_empty());
    assert!(times("at 12.50 per cent").is_empty());
    assert!(times("the ratio was 10.35 in the end").is_empty());
    assert!(times("at 10.75 the line").is_empty());
    assert!(times("at 31.20 the line").is_empty());
    assert!(times("at 3.5 seconds").is_empty());
    assert!(times("at 10.12.1934").is_empty());
    assert!(times("By 12 people had died.").is_empty());
    assert!(times("She died at 67.").is_empty());
    assert!(times("died at 67 in the evening of her life").is_empty());
    assert!(times("section 1.10.35 pm").is_empty());
}

#[test]
fn numbers_that_are_not_times() {
    assert!(times("12 seconds and 3 amps").is_empty());
    assert!(times("a 3:1 ratio").is_empty());
    assert!(times("at 25:10").is_empty());
    assert!(times("at 10:75").is_empty());
    assert!(times("at 14 pm").is_empty());
    assert!(times("I am 30 am I not").is_empty());
    assert!(times("1,350 buses").is_empty());
    assert!(times("in 1986").is_empty());
}

/// (text, hour, minute, precision, either half, window) of a time.
type Read = (String, u32, u32, TimePrecision, bool, (u32, u32));

fn read(text: &str) -> Vec<Read> {
    let folded = fold(text).text;
    extract_times(&folded)
        .into_iter()
        .map(|t| {
            let span = folded[t.span.clone()].to_string();
            (span, t.hour, t.minute, t.precision, t.either_half, t.window)
        })
        .collect()
}

use TimePrecision::{Hour, Minute, Second};

#[test]
fn precision_and_the_half_of_the_day() {
    let r = read("at 10:50 p.m. and at 10.50pm, 22:50, at 1 a.m.");
    assert_eq!(
        r,
        vec![
            ("10:50 p.m.".into(), 22, 50, Minute, false, (0, 0)),
            ("10.50pm".into(), 22, 50, Minute, false, (0, 0)),
            ("22:50".into(), 22, 50, Minute, false, (0, 0)),
            ("1 a.m.".into(), 1, 0, Hour, false, (0, 0)),
        ]
    );
    assert_eq!(
        read("It began at 10:50 and ended 01:23:40."),
        vec![
            ("10:50".into(), 10, 50, Minute, true, (0, 0)),
            ("01:23:40".into(), 1, 23, Second, false, (0, 0)),
        ]
    );
    assert_eq!(
        read("at 1:23:40 a.m."),
        vec![("1:23:40 a.m.".into(), 1, 23, Second, false, (0, 0))]
    );
    assert_eq!(
        read("at 3:15 a.m."),
        vec![("3:15 a.m.".into(), 3, 15, Minute, false, (0, 0))]
    );
}

#[test]
fn times_in_words() {
    assert_eq!(
        read("at noon, at midday and at midnight"),
        vec![
            ("noon".into(), 12, 0, Minute, false, (0, 0)),
            ("midday".into(), 12, 0, Minute, false, (0, 0)),
            ("midnight".into(), 0, 0, Minute, false, (0, 0)),
        ]
    );
    assert_eq!(
        read("at a quarter to midnight"),
        vec![(
            "a quarter to midnight".into(),
            23,
            45,
            Minute,
            false,
            (0, 0)
        )]
    );
    assert_eq!(
        read("at half past ten"),
        vec![("half past ten".into(), 10, 30, Minute, true, (0, 0))]
    );
    assert_eq!(
        read("at ten past eleven in the evening"),
        vec![("ten past eleven".into(), 23, 10, Minute, false, (0, 0))]
    );
    assert_eq!(
        read("at twenty five to 4"),
        vec![("twenty five to 4".into(), 3, 35, Minute, true, (0, 0))]
    );
    assert_eq!(
        read("ten minutes after midnight"),
        vec![(
            "ten minutes after midnight".into(),
            0,
            10,
            Minute,
            false,
            (0, 0)
        )]
    );
}

#[test]
fn words_that_are_no_time_in_words() {
    assert!(read("prices rose from five to ten").is_empty());
    assert!(read("between ten to twelve of them").is_empty());
    assert!(read("she went past ten houses").is_empty());
    assert!(read("one to two metres").is_empty());
}

#[test]
fn military_hours() {
    assert_eq!(
        read("at 2250 hours the crew"),
        vec![("2250 hours".into(), 22, 50, Minute, false, (0, 0))]
    );
    assert_eq!(
        read("The order came at 1830 hours."),
        vec![("1830 hours".into(), 18, 30, Minute, false, (0, 0))]
    );
    assert_eq!(
        read("by 1830h"),
        vec![("1830h".into(), 18, 30, Minute, false, (0, 0))]
    );
    assert_eq!(
        read("0130 hrs"),
        vec![("0130 hrs".into(), 1, 30, Minute, false, (0, 0))]
    );
    assert!(read("he logged 1830 hours of flying").is_empty());
    assert!(read("after more than 1830 hours aloft").is_empty());
    assert!(read("1830 votes").is_empty());
    assert!(read("2250 hours later").is_empty());
    assert!(read("in 1830").is_empty());
}

#[test]
fn vague_words_give_a_window() {
    assert_eq!(
        read("around midnight"),
        vec![("midnight".into(), 0, 0, Minute, false, (1800, 1800))]
    );
    assert_eq!(
        read("shortly after 1 a.m."),
        vec![("1 a.m.".into(), 1, 0, Hour, false, (0, 1800))]
    );
    assert_eq!(
        read("just before 10:30"),
        vec![("10:30".into(), 10, 30, Minute, true, (1800, 0))]
    );
    assert_eq!(
        read("at about 1:23"),
        vec![("1:23".into(), 1, 23, Minute, true, (600, 600))]
    );
    assert_eq!(read("the boutabout 1:23"), Vec::<Read>::new());
}

#[test]
fn references_ratios_and_scores_are_no_times() {
    assert!(read("John 3:16 says").is_empty());
    assert!(read("a 1:3 ratio").is_empty());
    assert!(read("the score was 2:1").is_empty());
    assert!(read("a 12:1 ratio").is_empty());
    assert!(read("Genesis 10:35 tells").is_empty());
    assert_eq!(read("at 3:16 the bell").len(), 1);
}

/// (time, zone words, zone) of each time.
fn zoned(text: &str) -> Vec<(String, Option<(String, Zone)>)> {
    let folded = fold(text).text;
    extract_times(&folded)
        .into_iter()
        .map(|t| {
            let zone = t.zone.map(|z| (folded[z.span.clone()].to_string(), z.zone));
            (folded[t.span].to_string(), zone)
        })
        .collect()
}

#[test]
fn zones_after_times() {
    let z = |t: &str, w: &str, o: &[i32]| {
        (
            t.to_string(),
            Some((w.to_string(), Zone::Offsets(o.to_vec()))),
        )
    };
    assert_eq!(zoned("at 09:00 GMT"), vec![z("09:00", "gmt", &[0])]);
    assert_eq!(zoned("at 10:35 UTC,"), vec![z("10:35", "utc", &[0])]);
    assert_eq!(zoned("at 0123Z"), Vec::new());
    assert_eq!(zoned("at 01:23Z"), vec![z("01:23", "z", &[0])]);
    assert_eq!(zoned("at 01:23 +04:00"), vec![z("01:23", "+04:00", &[240])]);
    assert_eq!(zoned("at 01:23+04:00"), vec![z("01:23", "+04:00", &[240])]);
    assert_eq!(zoned("at 9 p.m. EST"), vec![z("9 p.m.", "est", &[-300])]);
    assert_eq!(
        zoned("at 1:23 a.m. Moscow time"),
        vec![z("1:23 a.m.", "moscow time", &[180, 240])]
    );
    assert_eq!(
        zoned("at 17:30 local time"),
        vec![(
            "17:30".to_string(),
            Some(("local time".to_string(), Zone::Local))
        )]
    );
    assert_eq!(
        zoned("at 8:00 ship's time"),
        vec![(
            "8:00".to_string(),
            Some(("ship's time".to_string(), Zone::Named("ship's time".into())))
        )]
    );
}

#[test]
fn a_zone_puts_a_bare_time_on_the_24_hour_clock() {
    let folded = fold("at 10:50 UTC").text;
    assert!(!extract_times(&folded)[0].either_half);
    let folded = fold("at half past ten GMT").text;
    assert!(extract_times(&folded)[0].either_half);
}

#[test]
fn the_time_of_an_iso_date_time() {
    let folded = fold("at 1986-04-26T01:23:40+04:00 the").text;
    let t = &extract_times(&folded)[0];
    assert_eq!(&folded[t.span.clone()], "01:23:40");
    assert_eq!((t.hour, t.minute, t.second), (1, 23, Some(40)));
    assert_eq!(
        t.zone.as_ref().map(|z| z.zone.clone()),
        Some(Zone::Offsets(vec![240]))
    );
    let folded = fold("1903-12-17T10:35Z").text;
    let t = &extract_times(&folded)[0];
    assert_eq!(
        (&folded[t.span.clone()], t.hour, t.minute),
        ("10:35", 10, 35)
    );
    assert_eq!(
        t.zone.as_ref().map(|z| z.zone.clone()),
        Some(Zone::Offsets(vec![0]))
    );
}

#[test]
fn a_meridian_glued_to_the_minutes() {
    assert_eq!(
        read("at 11:45PM in"),
        vec![("11:45pm".into(), 23, 45, Minute, false, (0, 0))]
    );
    assert_eq!(
        read("at 1:23am"),
        vec![("1:23am".into(), 1, 23, Minute, false, (0, 0))]
    );
}

mod written {
    use super::*;
    use proptest::prelude::*;

    /// A time written in one of several forms, with what it must read as:
    /// (text, hour on the 24-hour clock, minute, second, zone offsets).
    fn written() -> impl Strategy<Value = (String, u32, u32, Option<u32>, Option<Vec<i32>>)> {
        let zones = prop_oneof![
            Just((String::new(), None)),
            Just((" UTC".to_string(), Some(vec![0]))),
            Just((" GMT".to_string(), Some(vec![0]))),
            Just(("Z".to_string(), Some(vec![0]))),
            Just(("+04:00".to_string(), Some(vec![240]))),
            Just((" UTC+4".to_string(), Some(vec![240]))),
            Just((" EST".to_string(), Some(vec![-300]))),
            Just((" Moscow time".to_string(), Some(vec![180, 240]))),
        ];
        (0u32..24, 0u32..60, 0u32..60, 0usize..5, zones).prop_map(|(h, m, s, form, (zw, zo))| {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            let mer = if h < 12 { "a.m." } else { "PM" };
            // After a meridian a zone stands apart ("9 PM GMT", "9 PM +04:00").
            let apart = match zw.as_str() {
                "Z" => " GMT".to_string(),
                w if w.starts_with('+') => format!(" {w}"),
                w => w.to_string(),
            };
            match form {
                0 => (format!("{h:02}:{m:02}{zw}"), h, m, None, zo),
                1 => (format!("{h:02}:{m:02}:{s:02}{zw}"), h, m, Some(s), zo),
                2 => (format!("{h12}:{m:02} {mer}{apart}"), h, m, None, zo),
                3 => (
                    format!("{h12}:{m:02}:{s:02}{}", mer.to_lowercase()),
                    h,
                    m,
                    Some(s),
                    None,
                ),
                _ => (format!("{h:02}{m:02} hours"), h, m, None, None),
            }
        })
    }

    proptest! {
        #[test]
        fn a_written_time_reads_back((text, h, m, s, zone) in written()) {
            let sentence = format!("The ship sank at {text}, the log says.");
            let folded = fold(&sentence).text;
            let found = extract_times(&folded);
            prop_assert_eq!(found.len(), 1, "{}", sentence);
            let t = &found[0];
            prop_assert_eq!((t.hour, t.minute, t.second), (h, m, s), "{}", sentence);
            prop_assert_eq!(t.zone.as_ref().map(|z| z.zone.clone()), zone.map(Zone::Offsets), "{}", sentence);
            prop_assert!(sentence[t.full_span()].starts_with(|c: char| c.is_ascii_digit()));
        }
    }
}

#[test]
fn every_iso_time_holds_a_colon() {
    words::ISO.check_words();
    assert!(times("in 1986-04-26 the reactor").is_empty());
}

#[test]
fn a_time_after_a_letter_of_another_script_is_read() {
    // The word before a bare time may end in a character of several bytes.
    assert_eq!(
        times("They met in 東京 10:35."),
        vec![t("10:35", 10, 35, None)]
    );
    assert_eq!(
        times("The bell rang \u{fffd}10:35."),
        vec![t("10:35", 10, 35, None)]
    );
}

#[test]
fn every_time_in_words_says_past_to_or_a_named_hour() {
    words::WORD_TIME.check_words();
    assert!(times("they went past the dunes at dawn").is_empty());
    assert_eq!(times("at ten to five"), vec![t("ten to five", 4, 50, None)]);
}

/// Whether every match of `pattern`, with each digit written `§`, holds a
/// digit or one of the spelled words. (One or two digits are written `§§?`,
/// which the check reads as the strings they are.)
fn needs_a_digit_or_a_spelled_word(pattern: &str) -> bool {
    let pattern = pattern
        .replace(r"\d{1,2}", "§§?")
        .replace("[0-9]{1,2}", "§§?")
        .replace(r"\d", "§")
        .replace("[0-9]", "§");
    let mut words = words::spelled_words();
    words.push("§".to_string());
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    crate::claims::required::every_match_holds_one_of(&pattern, &words)
}

#[test]
fn a_time_without_a_digit_holds_a_spelled_word() {
    assert!(needs_a_digit_or_a_spelled_word(TIME.as_str()));
    assert!(needs_a_digit_or_a_spelled_word(
        words::WORD_TIME.regex().as_str()
    ));
    assert!(needs_a_digit_or_a_spelled_word(DOTTED.as_str()));
    // The check can fail: a pattern with a word not in the list.
    assert!(!needs_a_digit_or_a_spelled_word(r"\bdawn\b"));
    for (text, want) in [
        ("at five o'clock", vec![t("five o'clock", 5, 0, None)]),
        ("by ten pm", vec![t("ten pm", 22, 0, None)]),
        ("by elevenpm", vec![t("elevenpm", 23, 0, None)]),
        ("at half past nine", vec![t("half past nine", 9, 30, None)]),
        ("around midnight", vec![t("midnight", 0, 0, None)]),
        ("at noon", vec![t("noon", 12, 0, None)]),
        ("someone came at one", vec![]),
    ] {
        assert_eq!(times(text), want, "{text}");
    }
}

use proptest::prelude::*;

proptest! {
    /// A text without a digit or a spelled word is matched by no form: the
    /// searches it skips would have found nothing.
    #[test]
    fn the_skipped_texts_hold_no_time(
        parts in prop::collection::vec(prop::sample::select(vec![
            "one", "ten", "twelve", "five", " ", "am", "pm", "a.m.", "p.m.", "o'clock",
            "oclock", "o clock", "past", "to", "quarter", "half", "minutes", "noon",
            "midnight", "midday", "at", ".", ",", "x", "\u{663}", "3", "10:35",
        ]), 0..8)
    ) {
        let text = parts.concat();
        let digits = text.chars().any(char::is_numeric);
        if !digits && !words::SPELLED.is_match(&text) {
            prop_assert!(TIME.find(&text).is_none(), "{}", text);
            prop_assert!(words::WORD_TIME.regex().find(&text).is_none(), "{}", text);
            prop_assert!(DOTTED.find(&text).is_none(), "{}", text);
        }
    }
}
