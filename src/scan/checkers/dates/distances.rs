//! Distances from an event in a sentence: the dates they set apart and the
//! events they date by subtraction.

use std::ops::Range;

use crate::extract::date::DateMention;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::checkers::{Scan, local};
use crate::scan::matcher::TriggerHit;
use crate::span::Span;

/// The distances of one analysed sentence.
pub(in crate::scan::checkers) struct Distances<'s> {
    a: &'s Analysis<'s>,
    /// For each distance, the words of its event, with a date right after them
    /// ("the disaster on 26 April 1986": the event's own date).
    events: Vec<Option<Range<usize>>>,
}

impl<'s> Distances<'s> {
    pub(in crate::scan::checkers) fn new(a: &'s Analysis<'s>) -> Distances<'s> {
        let events = a
            .distances()
            .iter()
            .map(|x| {
                let e = x.event.clone()?;
                let own = a.dates.iter().find(|d| {
                    d.span.start >= e.end
                        && matches!(
                            a.text[e.end..d.span.start].trim(),
                            "on" | "in" | "of" | "," | "" | "of the"
                        )
                });
                Some(e.start..own.map_or(e.end, |d| d.span.end))
            })
            .collect();
        Distances { a, events }
    }

    /// The distance whose event's words hold `s`.
    pub(super) fn event_of(&self, s: &Range<usize>) -> Option<usize> {
        self.events.iter().position(|e| {
            e.as_ref()
                .is_some_and(|e| e.start <= s.start && s.end <= e.end)
        })
    }

    /// Whether `s` lies in the words that state a distance from a named event
    /// ("100 years since"); a relative date with no event named ("hours later")
    /// counts from the date before it, as relative dates do.
    pub(in crate::scan::checkers) fn in_measure(&self, s: &Range<usize>) -> bool {
        self.a
            .distances()
            .iter()
            .any(|x| x.event.is_some() && x.measure.start < s.end && s.start < x.measure.end)
    }

    /// Dates the event that trigger `t` names inside a distance's words: by a date
    /// among those words, else by subtracting the distance from the date the
    /// distance is counted to.
    pub(super) fn date_event(&self, scan: &mut Scan<'_>, a: &Analysis<'_>, t: &TriggerHit) {
        let k = self
            .event_of(&t.range)
            .expect("a trigger in an event's words");
        let event = self.events[k].clone().expect("an event");
        if let Some(own) = a
            .dates
            .iter()
            .find(|d| event.start <= d.span.start && d.span.end <= event.end)
        {
            scan.assert_with(
                a,
                t.claim,
                Span::from(own.span.clone()),
                local(t),
                Observed::Date(own.clone()),
            );
            return;
        }
        self.shifted(scan, a, t, k);
    }

    /// The date of the event a distance counts from: the date of the sentence the
    /// distance is counted to (outside the distance), moved back by the distance.
    fn shifted(&self, scan: &mut Scan<'_>, a: &Analysis<'_>, t: &TriggerHit, k: usize) {
        let distance = &a.distances()[k];
        let outside = |d: &&DateMention| {
            let within = distance.span.start <= d.span.start && d.span.end <= distance.span.end;
            !(self.in_measure(&d.span) || within)
        };
        let Some(at) = a.dates.iter().filter(outside).min_by_key(|d| {
            Span::<crate::span::Local>::from(d.span.clone())
                .distance(Span::from(distance.span.clone()))
        }) else {
            return;
        };
        if let Some(event) = crate::extract::anniversary::event_date(distance, at) {
            let mut event = event;
            event.span = at.span.clone();
            scan.assert_with(
                a,
                t.claim,
                Span::from(at.span.clone()),
                local(t),
                Observed::Date(event),
            );
        }
    }
}
