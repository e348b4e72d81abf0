//! Tests of cutting sentences into clauses and pairing values with triggers.

use super::*;

fn find(text: &str, w: &str) -> Range<usize> {
    let s = text.find(w).unwrap();
    s..s + w.len()
}

fn kinds(text: &str) -> Vec<(String, ClauseKind)> {
    let (_, c) = cut_plain(text, &[]);
    c.list
        .iter()
        .map(|c| (text[c.span.range()].to_string(), c.kind))
        .collect()
}

#[test]
fn each_value_pairs_with_the_trigger_of_its_own_clause() {
    let t = "he was removed from power in 1927 and later exiled to turkey in 1929.";
    let values = [find(t, "1927"), find(t, "1929")];
    let triggers = [find(t, "removed from power"), find(t, "exiled")];
    assert_eq!(pair(t, &values, &triggers), vec![vec![0], vec![1]]);
    // Without the first trigger, 1927 stays unpaired rather than take a farther one.
    assert_eq!(pair(t, &values, &triggers[1..]), vec![vec![], vec![0]]);
}

#[test]
fn an_adverbial_phrase_lends_its_date_to_the_next_clause() {
    let t = "in 1902, he escaped exile using a forged passport.";
    assert_eq!(
        pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
        vec![vec![0]]
    );
}

#[test]
fn an_opening_phrase_dates_the_clauses_coordinated_after_it() {
    let t = "on april 26th, officials announced the news and ordered buses to evacuate the town.";
    assert_eq!(
        pair(t, &[find(t, "april 26th")], &[find(t, "evacuate")]),
        vec![vec![0]]
    );
    // Not a clause with a date of its own.
    let t = "in 1902, he escaped and in 1905 he returned.";
    assert_eq!(
        pair(
            t,
            &[find(t, "1902"), find(t, "1905")],
            &[find(t, "returned")]
        ),
        vec![vec![], vec![0]]
    );
}

#[test]
fn an_adverbial_phrase_between_clauses_belongs_to_the_next() {
    let t = "he became foreign commissar and, in march 1918, war commissar.";
    assert_eq!(
        pair(t, &[find(t, "march 1918")], &[find(t, "foreign commissar")]),
        vec![Vec::<usize>::new()]
    );
    let t = "he escaped from exile, in 1902.";
    assert_eq!(
        pair(t, &[find(t, "1902")], &[find(t, "escaped")]),
        vec![vec![0]]
    );
}

#[test]
fn a_cleft_dates_the_clause_it_puts_in_focus() {
    for t in [
        "it was in 1935 that she died.",
        "it was not until 1935 that she died.",
        "it was only in march 1935 that she died.",
        "it is not before 1935 that she died.",
    ] {
        assert_eq!(
            pair(t, &[find(t, "1935")], &[find(t, "died")]),
            vec![vec![0]],
            "{t}"
        );
    }
    // No cleft: "it" acts, the head has a verb, the clause after tells of a noun.
    for t in [
        "it rained until 1935, and that year she died.",
        "it was said in 1935 that she died.",
        "it was reported on 3 may 1935 that she had died.",
        "she wrote a book in 1935 that told how he died.",
    ] {
        assert_eq!(
            pair(t, &[find(t, "1935")], &[find(t, "died")]),
            vec![Vec::<usize>::new()],
            "{t}"
        );
    }
}

#[test]
fn a_participle_phrase_keeps_its_date() {
    let t = "arrested in 1898, trotsky was exiled to siberia.";
    assert_eq!(
        pair(t, &[find(t, "1898")], &[find(t, "exiled to siberia")]),
        vec![Vec::<usize>::new()]
    );
}

#[test]
fn values_are_never_cut() {
    let t = "he was murdered in mexico on august 21, 1940.";
    let v = find(t, "august 21, 1940");
    let segs = segments(t, std::slice::from_ref(&v));
    assert_eq!(segs.len(), 1);
    assert_eq!(pair(t, &[v], &[find(t, "murdered")]), vec![vec![0]]);
}

#[test]
fn a_bare_value_after_a_label_or_in_parentheses_pairs_with_the_clause_before() {
    let t = "height of the tower: 324 m.";
    assert_eq!(
        pair(t, &[find(t, "324")], &[find(t, "height")]),
        vec![vec![0]]
    );
    let t = "number of climbers on the summit, 3.";
    assert_eq!(
        pair(t, &[find(t, "3")], &[find(t, "climbers")]),
        vec![vec![0]]
    );
    let t = "the zone has a radius of 30 km (19 miles).";
    assert_eq!(
        pair(t, &[find(t, "19")], &[find(t, "radius")]),
        vec![vec![0]]
    );
    // Not a clause of its own after a comma.
    let t = "the tower is tall, and 300 people climbed it.";
    assert_eq!(
        pair(t, &[find(t, "300")], &[find(t, "tall")]),
        vec![Vec::<usize>::new()]
    );
}

#[test]
fn a_predicate_set_apart_from_its_actor_pairs_with_the_actors_words() {
    for t in [
        "the opera, staged in vienna, lasted five hours.",
        "the opera, on 1 october 1920, lasted five hours.",
        "the opera, the first of the season, ran for five hours.",
    ] {
        assert_eq!(
            pair(t, &[find(t, "five")], &[find(t, "opera")]),
            vec![vec![0]],
            "{t}"
        );
    }
    // An actor with a value of its own keeps its words for it.
    let t = "the 1920 opera, staged in vienna, lasted five hours.";
    assert_eq!(
        pair(t, &[find(t, "1920"), find(t, "five")], &[find(t, "opera")]),
        vec![vec![0], Vec::<usize>::new()]
    );
    // A clause of its own after the comma is no predicate of the first.
    let t = "the opera, staged in vienna, and the ballet lasted five hours.";
    assert_eq!(
        pair(t, &[find(t, "five")], &[find(t, "opera")]),
        vec![Vec::<usize>::new()]
    );
}

#[test]
fn clauses_are_told_apart_by_their_opening_words() {
    use ClauseKind::*;
    assert_eq!(
        kinds("orville, born in 1871, and wilbur, born in 1867, were brothers"),
        vec![
            ("orville".into(), Phrase),
            ("born in 1871".into(), Participial),
            ("and wilbur".into(), Phrase),
            ("born in 1867".into(), Participial),
            ("were brothers".into(), Coordinate),
        ]
    );
    assert_eq!(
        kinds("it ran an engine that weighed 170 pounds"),
        vec![
            ("it ran an engine".into(), Main),
            ("that weighed 170 pounds".into(), Relative),
        ]
    );
    assert_eq!(
        kinds("orville was 32 and wilbur was 36 when the flight occurred"),
        vec![
            ("orville was 32".into(), Main),
            ("and wilbur was 36".into(), Coordinate),
            ("when the flight occurred".into(), Subordinate),
        ]
    );
    assert_eq!(
        kinds("both ohio (where they were born) and the coast claimed them"),
        vec![
            ("both ohio".into(), Phrase),
            ("where they were born".into(), Parenthesis),
            ("and the coast claimed them".into(), Coordinate),
        ]
    );
    assert_eq!(
        kinds("he piloted the plane, having won the toss"),
        vec![
            ("he piloted the plane".into(), Main),
            ("having won the toss".into(), Participial),
        ]
    );
    // "and" between two nouns joins them.
    assert_eq!(kinds("polonium and radium were found").len(), 1);
}

/// What [`Clauses::related`] answers, read by a scan of every clause.
fn related_by_scan(c: &Clauses, k: usize) -> Vec<usize> {
    let mut out = vec![k];
    let mut at = k;
    if (c.list[k].adverbial
        || matches!(
            c.list[k].kind,
            ClauseKind::Parenthesis | ClauseKind::Relative
        ))
        && let Some(h) = c.list[k].host
    {
        out.push(h);
        at = h;
    }
    while c.list[at].shares_actor
        && let Some(h) = c.list[at].host
        && h < at
    {
        out.push(h);
        at = h;
    }
    for (j, x) in c.list.iter().enumerate() {
        let attached =
            x.adverbial || matches!(x.kind, ClauseKind::Participial | ClauseKind::Parenthesis);
        if attached && x.host.is_some_and(|h| out.contains(&h)) && !out.contains(&j) {
            out.push(j);
        }
    }
    out
}

#[test]
fn related_clauses_come_in_the_order_a_scan_finds_them() {
    for text in [
        "in 1902, he escaped exile, having won the toss, and became chairman in 1917",
        "orville, born in 1871, and wilbur, born in 1867, were brothers",
        "the ferry sank in the storm, with 40 lives lost (a record), in may",
        "crane, who was born in leeds, died in 1880, aged 60, in london",
        "on 26 april, at night, the reactor exploded and burned, releasing dust",
    ] {
        let (_, c) = cut_plain(text, &[]);
        for k in 0..c.list.len() {
            assert_eq!(c.related(k), related_by_scan(&c, k), "{text} at {k}");
        }
    }
}

#[test]
fn a_clause_of_many_values_pairs_each_with_its_nearest_triggers() {
    // One clause of 200 years and 200 triggers: each year is offered only
    // the triggers around it, and takes the nearest as if offered all.
    let mut t = String::from("he");
    for i in 0..200 {
        let word = ["died", "was born", "left"][i % 3];
        t.push_str(&format!(" {word} {}", 1700 + i));
    }
    let spans = |re: &str| -> Vec<LocalSpan> {
        regex::Regex::new(re)
            .unwrap()
            .find_iter(&t)
            .map(|m| Span::from(m.range()))
            .collect()
    };
    let values = spans(r"\d{4}");
    let triggers = spans(r"died|was born|left");
    let (tokens, clauses) = cut_plain(&t, &[]);
    assert_eq!(clauses.list.len(), 1, "one clause");
    let paired = clauses.pair(&t, &tokens, &values, &triggers);
    for (v, got) in values.iter().zip(&paired) {
        let best = triggers.iter().map(|x| v.distance(*x)).min().unwrap();
        let nearest: Vec<usize> = (0..triggers.len())
            .filter(|&k| v.distance(triggers[k]) == best)
            .collect();
        assert_eq!(got, &nearest, "{v:?}");
    }
}

#[test]
fn a_long_coordination_reads_its_context_a_bounded_way_back() {
    let t = ["he went to oslo"]
        .into_iter()
        .chain(std::iter::repeat_n("and went to bergen", 40))
        .collect::<Vec<_>>()
        .join(" ");
    let (_, c) = cut_plain(&t, &[]);
    assert_eq!(c.list.len(), 41);
    assert_eq!(c.related(3), [3, 2, 1, 0]);
    let last = c.list.len() - 1;
    let want: Vec<usize> = (last - COORDINATED_REACH..=last).rev().collect();
    assert_eq!(c.related(last), want);
}

#[test]
fn pairing_one_value_among_the_triggers_it_may_take_is_pairing_with_those_alone() {
    let t = "in 1902 he escaped and fled, and in 1905 he returned and was arrested, aged 26.";
    let values: Vec<LocalSpan> = ["1902", "1905", "26"]
        .iter()
        .map(|w| Span::from(find(t, w)))
        .collect();
    let triggers: Vec<LocalSpan> = ["escaped", "fled", "returned", "arrested"]
        .iter()
        .map(|w| Span::from(find(t, w)))
        .collect();
    let (tokens, clauses) = cut_plain(t, &[]);
    let pairing = Pairing::new(&clauses, t, &tokens, &values, &triggers);
    let shared = Pairing::new(&clauses, t, &tokens, &[], &triggers);
    for v in &values {
        let alone = clauses.pair(t, &tokens, &[*v], &triggers);
        assert_eq!(shared.pair_alone(*v), alone[0], "{v:?} alone");
    }
    for mask in 0u32..16 {
        let keep = |i: usize| mask & (1 << i) != 0;
        let kept: Vec<usize> = (0..triggers.len()).filter(|&i| keep(i)).collect();
        let sub: Vec<LocalSpan> = kept.iter().map(|&i| triggers[i]).collect();
        let alone = clauses.pair(t, &tokens, &values, &sub);
        for (vi, v) in values.iter().enumerate() {
            let want: Vec<usize> = alone[vi].iter().map(|&k| kept[k]).collect();
            assert_eq!(pairing.pair_value(vi, *v, &keep), want, "{mask} {vi}");
        }
    }
}

#[test]
fn a_context_matches_in_the_clauses_asked_about_only() {
    let text = "he was exiled in 1929, and in 1940 he was killed with an axe";
    let (_, c) = cut_plain(text, &[]);
    let regex = |p: &str| {
        crate::claims::pattern::ClaimRegex::new(
            crate::claims::pattern::check_folded(p).expect("a valid pattern"),
        )
    };
    let ctx = [regex("kill")];
    let killed = c.at(text.find("killed").unwrap());
    let exiled = c.at(text.find("exiled").unwrap());
    assert!(c.context_in(text, &ctx, &[killed]));
    assert!(!c.context_in(text, &ctx, &[exiled]));
    // Asked again, and with other patterns, the answers hold.
    let other = [regex("exil")];
    assert!(c.context_in(text, &other, &[exiled]));
    assert!(!c.context_in(text, &other, &[killed]));
    assert!(c.context_in(text, &ctx, &[exiled, killed]));
}

#[test]
fn a_past_form_after_interrupting_pieces_is_the_predicate() {
    for text in [
        "crane, who was born in leeds, died in 1880",
        "crane, born in leeds, died in 1880",
        "the mill, built in leeds, burned in 1880",
        "the mill, on 2 june 1880, burned down",
    ] {
        let (_, c) = cut_plain(text, &[]);
        let last = c.list.last().unwrap();
        assert_eq!(last.predicate_of, Some(0), "{text}: {:?}", c.list);
    }
    // A phrase of time before the actor names no actor.
    let (_, c) = cut_plain("the next year, the mill, built in leeds, burned down", &[]);
    assert_eq!(c.list.last().unwrap().predicate_of, Some(1), "{:?}", c.list);
    // A participle followed by the verb of the clause is no predicate.
    let (_, c) = cut_plain("orville, born in 1871, and wilbur were brothers", &[]);
    assert_eq!(c.list[1].predicate_of, None);
    assert_eq!(c.list[1].kind, ClauseKind::Participial);
}

#[test]
fn an_absolute_phrase_after_a_comma_tells_of_the_clause_before() {
    use ClauseKind::*;
    for text in [
        "the ferry sank in the storm, with 40 lives lost",
        "the mill burned down, without a worker hurt",
        "the pier collapsed, with all hands gone",
    ] {
        let (_, c) = cut_plain(text, &[]);
        assert_eq!(c.list.len(), 2, "{text}");
        assert_eq!(
            (c.list[1].kind, c.list[1].host),
            (Phrase, Some(0)),
            "{text}"
        );
    }
    let (_, c) = cut_plain("with 40 lives lost, the ferry sank", &[]);
    assert_eq!((c.list[0].kind, c.list[0].host), (Phrase, Some(1)));
    // With an auxiliary or a pronoun of its own, it is a clause.
    for text in [
        "the ferry sank, with which the line closed",
        "the ferry sank, with the crew who had been paid",
        "she left the city, with he and his brother following",
    ] {
        let kinds = kinds(text);
        assert_ne!(kinds.last().map(|k| k.1), Some(Phrase), "{text}: {kinds:?}");
    }
}

#[test]
fn a_clause_that_leaves_out_its_verb_has_its_own_actor() {
    let pairs = |t: &str, value: &str, trigger: &str| {
        pair(t, &[find(t, value)], &[find(t, trigger)]) == vec![vec![0]]
    };
    // The verb of the first clause is understood in the second, with the
    // second's own actor: its value is not the concert's.
    for t in [
        "the concert lasted two hours, and the reception five hours.",
        "the concert lasted two hours, but her reception five hours.",
        "the concert lasted two hours, the reception five hours.",
        "the concert lasted two hours; the city's reception five hours.",
        "the choir had 3,400 members, and the vienna choir 5,200.",
    ] {
        let value = if t.contains("5,200") {
            "5,200"
        } else {
            "five hours"
        };
        let trigger = if t.contains("choir") {
            "members"
        } else {
            "concert"
        };
        assert!(!pairs(t, value, trigger), "{t}: {:?}", kinds(t));
    }
    // A time, a preposition or a longer apposition is no actor of its own.
    for (t, value, trigger) in [
        (
            "the choir had 3,400 members, and the next year 5,200.",
            "5,200",
            "members",
        ),
        (
            "the concert lasted two hours, and in linz five hours.",
            "five hours",
            "concert",
        ),
        (
            "the choir grew, and a group of 200 members left.",
            "200",
            "members",
        ),
    ] {
        assert!(pairs(t, value, trigger), "{t}: {:?}", kinds(t));
    }
}

#[test]
fn a_count_with_a_verb_after_a_conjunction_opens_a_clause() {
    let t = "31 people died and 200 were injured.";
    assert_eq!(
        pair(t, &[find(t, "31"), find(t, "200")], &[find(t, "died")]),
        vec![vec![0], vec![]],
        "{:?}",
        kinds(t)
    );
    // A count that is no actor stays in its clause.
    let t = "the storm killed 31 and 200 cattle.";
    assert_eq!(
        pair(t, &[find(t, "31"), find(t, "200")], &[find(t, "killed")]),
        vec![vec![0], vec![0]]
    );
}

#[test]
fn a_verb_that_goes_on_with_the_actor_tells_of_the_actors_words() {
    let pairs =
        |t: &str, value: &str, trigger: &str| pair(t, &[find(t, value)], &[find(t, trigger)]);
    let t = "construction began in 1883 and took eight years.";
    assert_eq!(pairs(t, "eight years", "construction"), vec![vec![0]]);
    let t = "the siege began in may, lasted through the summer and ended after 140 days.";
    assert_eq!(pairs(t, "140 days", "siege"), vec![vec![0]]);
    // The trigger is the verb, not the actor; or the actor holds a value.
    let t = "marten founded the choir in 1905 and led it for thirty years.";
    assert_eq!(
        pairs(t, "thirty years", "founded"),
        vec![Vec::<usize>::new()]
    );
    let t = "the 1920 concert began at eight and lasted five hours.";
    assert_eq!(
        pair(
            t,
            &[find(t, "1920"), find(t, "five hours")],
            &[find(t, "concert")]
        )[1],
        Vec::<usize>::new()
    );
    // Another actor.
    let t = "construction began in 1883 and the workers struck for eight weeks.";
    assert_eq!(
        pairs(t, "eight weeks", "construction"),
        vec![Vec::<usize>::new()]
    );
}

#[test]
fn a_phrase_of_place_or_comparison_does_not_name_the_predicates_actor() {
    // The actor is the noun phrase before it, not the name the phrase holds.
    for t in [
        "the ferry, near the skarv bridge, spans 430 metres.",
        "a newer bridge, unlike the skarv bridge, spans 430 metres.",
        "the choir, like marten's, had 5,200 members.",
        "the choir, beside the hall, had 5,200 members.",
    ] {
        let (_, c) = cut_plain(t, &[]);
        let last = c.list.last().unwrap();
        assert_eq!(last.predicate_of, Some(0), "{t}");
        assert!(c.list[1].adverbial, "{t}");
    }
}
