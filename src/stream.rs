//! Work done in parallel, results handed on in the order of the work: the workers
//! take items one at a time from the source, in its order, and a small window
//! bounds how far they may run ahead of what has been handed on.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// How many items may be taken and not yet handed on: a few per worker.
pub fn default_window() -> usize {
    4 * rayon::current_num_threads()
}

/// Runs `work` on each item of `source` on up to `window` threads (no more than
/// rayon's, the calling one among them), and hands the results to `sink` in the
/// source's order, each as soon as every earlier one has been: the worker that
/// finishes the next result hands it on, with any later ones already done, so
/// no thread waits for results to arrive. At most `window` items are taken and
/// not yet handed on, so a slow item holds up no more than that. When `sink`
/// answers `false`, no more items are taken and the results still in flight are
/// dropped. A panic in `work` stops the run and is raised again once every
/// worker has stopped, so no worker waits for the result that never comes.
pub fn ordered_map<T, R, I, W, S>(source: I, window: usize, work: W, sink: S)
where
    T: Send,
    R: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> bool + Send,
{
    let window = window.max(1);
    let shared = Shared {
        source: Mutex::new(source.enumerate()),
        slots: Mutex::new(Slots {
            free: window,
            waiting: 0,
        }),
        freed: Condvar::new(),
        stop: AtomicBool::new(false),
        panic: Mutex::new(None),
        done: Mutex::new(Done {
            pending: BTreeMap::new(),
            next: 0,
            sink,
        }),
    };
    let workers = rayon::current_num_threads().clamp(1, window);
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(|| shared.worker(&work));
        }
        shared.worker(&work);
    });
    if let Some(payload) = lock(&shared.panic).take() {
        std::panic::resume_unwind(payload);
    }
}

struct Shared<I, R, S> {
    source: Mutex<I>,
    slots: Mutex<Slots>,
    freed: Condvar,
    stop: AtomicBool,
    /// What a panicking `work` raised.
    panic: Mutex<Option<Box<dyn std::any::Any + Send>>>,
    done: Mutex<Done<R, S>>,
}

/// How many more items may be taken now, and how many workers wait for one.
struct Slots {
    free: usize,
    waiting: usize,
}

/// The results done and not yet handed on, by index, and the next to hand on.
struct Done<R, S> {
    pending: BTreeMap<usize, R>,
    next: usize,
    sink: S,
}

impl<T, R, I, S> Shared<I, R, S>
where
    I: Iterator<Item = (usize, T)>,
    S: FnMut(R) -> bool,
{
    fn worker(&self, work: &(impl Fn(T) -> R + Sync)) {
        loop {
            if !self.take_slot() {
                return;
            }
            let Some((i, item)) = lock(&self.source).next() else {
                // The source is done and this slot is not needed.
                self.free_slots(1);
                return;
            };
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item))) {
                Ok(r) => self.hand_on(i, r),
                Err(payload) => {
                    *lock(&self.panic) = Some(payload);
                    self.stop.store(true, Ordering::Relaxed);
                    self.free_slots(1);
                    return;
                }
            }
        }
    }

    /// Waits for a free slot and takes it; `false` once the sink has stopped.
    fn take_slot(&self) -> bool {
        let mut slots = lock(&self.slots);
        while slots.free == 0 && !self.stop.load(Ordering::Relaxed) {
            slots.waiting += 1;
            slots = self.freed.wait(slots).unwrap_or_else(|e| e.into_inner());
            slots.waiting -= 1;
        }
        if self.stop.load(Ordering::Relaxed) {
            return false;
        }
        slots.free -= 1;
        true
    }

    /// Gives back `n` slots, waking the workers that wait for one.
    fn free_slots(&self, n: usize) {
        let mut slots = lock(&self.slots);
        slots.free += n;
        if slots.waiting > 0 {
            self.freed.notify_all();
        }
    }

    /// Puts result `i` with the others done, and hands on every one whose turn
    /// has come.
    fn hand_on(&self, i: usize, r: R) {
        let mut done = lock(&self.done);
        done.pending.insert(i, r);
        let mut handed = 0;
        loop {
            let next = done.next;
            let Some(r) = done.pending.remove(&next) else {
                break;
            };
            done.next += 1;
            handed += 1;
            if !self.stop.load(Ordering::Relaxed) && !(done.sink)(r) {
                self.stop.store(true, Ordering::Relaxed);
            }
        }
        drop(done);
        if handed > 0 {
            self.free_slots(handed);
        }
    }
}

/// A lock, even one a panicking thread held: the state it guards stays valid.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[test]
    fn a_panicking_item_stops_the_run_and_is_raised_again() {
        // Before, the other workers waited for its result forever.
        let run = std::panic::catch_unwind(|| {
            let mut out = Vec::new();
            ordered_map(
                0..1000u64,
                4,
                |n| {
                    assert!(n != 7, "item seven");
                    n
                },
                |r| {
                    out.push(r);
                    true
                },
            );
        });
        let payload = run.expect_err("the panic is raised again");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"item seven"));
    }

    #[test]
    fn results_come_in_the_order_of_the_source() {
        let mut out = Vec::new();
        ordered_map(
            0..200u64,
            8,
            |n| {
                // The early items are the slow ones.
                std::thread::sleep(Duration::from_micros((200 - n) * 20));
                n * 3
            },
            |r| {
                out.push(r);
                true
            },
        );
        assert_eq!(out, (0..200).map(|n| n * 3).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_window_is_taken_ahead_of_the_sink() {
        let taken = AtomicUsize::new(0);
        let source = (0..100).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let mut handed = 0;
        ordered_map(
            source,
            3,
            |n| n,
            |_| {
                handed += 1;
                let ahead = taken.load(Ordering::SeqCst) - handed;
                assert!(ahead <= 3, "{ahead} items taken ahead of the sink");
                true
            },
        );
        assert_eq!(handed, 100);
    }

    #[test]
    fn a_sink_that_stops_stops_the_source() {
        let taken = AtomicUsize::new(0);
        let source = (0..10_000).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let mut out = Vec::new();
        ordered_map(
            source,
            4,
            |n| n,
            |n| {
                out.push(n);
                n < 9
            },
        );
        assert_eq!(out, (0..10).collect::<Vec<_>>());
        assert!(taken.load(Ordering::SeqCst) <= 14);
    }

    #[test]
    fn an_empty_source_hands_on_nothing_and_a_zero_window_still_works() {
        let mut n = 0;
        ordered_map(
            std::iter::empty::<u8>(),
            0,
            |x| x,
            |_| {
                n += 1;
                true
            },
        );
        assert_eq!(n, 0);
        let mut out = Vec::new();
        ordered_map(
            0..5,
            0,
            |x| x + 1,
            |x| {
                out.push(x);
                true
            },
        );
        assert_eq!(out, vec![1, 2, 3, 4, 5]);
    }
}
