//! Work done in parallel, results handed on in the order of the work: the workers
//! take items one at a time from the source, in its order, and a small window
//! bounds how far they may run ahead of what has been handed on.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, mpsc};

/// How many items may be taken and not yet handed on: a few per worker.
pub fn default_window() -> usize {
    4 * rayon::current_num_threads()
}

/// Runs `work` on each item of `source` on up to `window` threads (no more than
/// rayon's), and hands the results to `sink` in the source's order, each as soon as
/// every earlier one has been. At most `window` items are taken and not yet handed
/// on, so a slow item holds up no more than that. When `sink` answers `false`, no
/// more items are taken and the results still in flight are dropped.
pub fn ordered_map<T, R, I, W, S>(source: I, window: usize, work: W, mut sink: S)
where
    T: Send,
    R: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> bool,
{
    let window = window.max(1);
    let shared = Shared {
        source: Mutex::new(source.enumerate()),
        free: Mutex::new(window),
        freed: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let workers = rayon::current_num_threads().clamp(1, window);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (shared, work) = (&shared, &work);
            scope.spawn(move || shared.worker(work, &tx));
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                if !shared.stop.load(Ordering::Relaxed) && !sink(r) {
                    shared.stop.store(true, Ordering::Relaxed);
                }
                *lock(&shared.free) += 1;
                shared.freed.notify_all();
            }
        }
    });
}

struct Shared<I> {
    source: Mutex<I>,
    /// How many more items may be taken now.
    free: Mutex<usize>,
    freed: Condvar,
    stop: AtomicBool,
}

impl<T, I: Iterator<Item = (usize, T)>> Shared<I> {
    fn worker<R>(&self, work: &(impl Fn(T) -> R + Sync), tx: &mpsc::Sender<(usize, R)>) {
        loop {
            {
                let mut free = lock(&self.free);
                while *free == 0 && !self.stop.load(Ordering::Relaxed) {
                    free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
                }
                if self.stop.load(Ordering::Relaxed) {
                    return;
                }
                *free -= 1;
            }
            let Some((i, item)) = lock(&self.source).next() else {
                // Wake the others: the source is done and this slot is not needed.
                *lock(&self.free) += 1;
                self.freed.notify_all();
                return;
            };
            if tx.send((i, work(item))).is_err() {
                return;
            }
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
