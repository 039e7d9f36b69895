//! The ordered parallel runner: a bounded in-order pipeline.
//!
//! ```text
//! sources ──(numbered, gated)──▶ rayon workers (par_bridge) ──▶ channel ──▶ reorder window ──▶ caller
//! ```
//!
//! Workers pull the next document from the source iterator themselves (one
//! at a time, under `par_bridge`'s lock), so reading a container and
//! extracting documents share the same `jobs` threads and no core idles
//! behind a chunk barrier. A gate keeps the reader at most `window`
//! documents ahead of the caller: memory is bounded by the window whatever
//! the corpus size, and a slow document only stalls the others once the
//! window is full. Results are numbered and handed out strictly in input
//! order, so the output does not depend on the number of threads.

use super::{Outcome, Source, Summary, process_counted};
use crate::error::{Error, ErrorKind, ErrorRecord};
use crate::pipeline::Extractor;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};

/// Settings of a batch run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// How many documents may be read ahead of the one the caller waits
    /// for (in flight, done but not yet handed out); 0 means 64 per thread.
    /// It bounds the memory of a run.
    pub window: usize,
}

impl RunOptions {
    /// Sets the number of worker threads (0: one per core).
    pub fn jobs(mut self, n: usize) -> Self {
        self.jobs = n;
        self
    }

    /// Sets the read-ahead window in documents (0: 64 per thread).
    pub fn window(mut self, n: usize) -> Self {
        self.window = n;
        self
    }

    pub(crate) fn window_for(&self, threads: usize) -> u64 {
        let n = if self.window == 0 { 64 * threads.max(1) } else { self.window };
        u64::try_from(n).unwrap_or(u64::MAX).max(1)
    }
}

/// Lets the reader take document `seq` only once the caller has taken
/// document `seq - window`.
#[derive(Debug)]
struct Gate {
    state: Mutex<GateState>,
    cv: Condvar,
    window: u64,
}

#[derive(Debug, Default)]
struct GateState {
    released: u64,
    cancelled: bool,
}

impl Gate {
    fn new(window: u64) -> Self {
        Gate { state: Mutex::new(GateState::default()), cv: Condvar::new(), window }
    }

    /// Waits until document `seq` may be read; false when the run is
    /// cancelled.
    fn wait_for(&self, seq: u64) -> bool {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !st.cancelled && seq >= st.released.saturating_add(self.window) {
            st = self.cv.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
        !st.cancelled
    }

    fn release(&self, next: u64) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.released = next;
        self.cv.notify_all();
    }

    fn cancel(&self) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.cancelled = true;
        self.cv.notify_all();
    }
}

/// The sources, numbered and held back by the gate. A panic in the source
/// iterator (a bug in a container reader) becomes an error record and ends
/// the input.
struct Gated<I> {
    sources: I,
    next: u64,
    gate: Arc<Gate>,
    done: bool,
}

impl<I: Iterator<Item = Source>> Iterator for Gated<I> {
    type Item = (u64, Source);

    fn next(&mut self) -> Option<(u64, Source)> {
        if self.done || !self.gate.wait_for(self.next) {
            return None;
        }
        let source = match catch_unwind(AssertUnwindSafe(|| self.sources.next())) {
            Ok(Some(source)) => source,
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(panic) => {
                self.done = true;
                let error = Error::new(
                    ErrorKind::Panic,
                    format!(
                        "the input reader panicked, the rest of the input was not read: {}",
                        message(&*panic)
                    ),
                );
                Source::Failed { id: "<input>".into(), error }
            }
        };
        let seq = self.next;
        self.next += 1;
        Some((seq, source))
    }
}

/// What a worker sends back.
struct Done<T> {
    seq: u64,
    value: T,
    error: bool,
    bytes: u64,
}

/// The text of a panic payload.
pub(crate) fn message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Extracts one document and turns the outcome into the caller's value; a
/// panic in `finish` gives `finish` of an error record instead.
fn work<T, F: Fn(Outcome) -> T>(extractor: &Extractor, seq: u64, source: Source, finish: &F) -> Done<T> {
    let id = source.id();
    let (outcome, bytes) = process_counted(extractor, source);
    let error = outcome.is_error();
    let value = match catch_unwind(AssertUnwindSafe(|| finish(outcome))) {
        Ok(value) => value,
        Err(panic) => {
            let err = Error::new(ErrorKind::Panic, format!("output panicked: {}", message(&*panic)));
            finish(Outcome::Error(ErrorRecord::new(id, &err)))
        }
    };
    Done { seq, value, error, bytes }
}

/// Results put back in input order, counted as they are handed out.
struct Reorder<T> {
    rx: mpsc::Receiver<Done<T>>,
    slots: VecDeque<Option<Done<T>>>,
    next: u64,
    gate: Arc<Gate>,
    summary: Summary,
}

impl<T> Reorder<T> {
    fn new(rx: mpsc::Receiver<Done<T>>, gate: Arc<Gate>) -> Self {
        Reorder { rx, slots: VecDeque::new(), next: 0, gate, summary: Summary::default() }
    }

    fn next(&mut self) -> Option<T> {
        loop {
            if let Some(done) = self.slots.front_mut().and_then(Option::take) {
                self.slots.pop_front();
                self.next += 1;
                self.gate.release(self.next);
                self.summary.documents += 1;
                self.summary.errors += u64::from(done.error);
                self.summary.bytes += done.bytes;
                return Some(done.value);
            }
            let done = self.rx.recv().ok()?;
            // seq >= next always: each number is sent once, and only
            // numbers below `next` were handed out.
            let at = usize::try_from(done.seq.saturating_sub(self.next)).unwrap_or(usize::MAX);
            if at >= self.slots.len() {
                self.slots.resize_with(at.saturating_add(1), || None);
            }
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = Some(done);
            }
        }
    }
}

/// Runs every source through `extractor` on `pool` and calls `each` with
/// the values in input order, on the calling thread. Stops early (and
/// returns the error) when `each` fails.
pub(crate) fn for_each_ordered<I, T, F, E>(
    extractor: &Extractor,
    sources: I,
    pool: &rayon::ThreadPool,
    options: &RunOptions,
    finish: F,
    mut each: impl FnMut(T, &Summary) -> Result<(), E>,
) -> Result<Summary, E>
where
    I: Iterator<Item = Source> + Send,
    T: Send,
    F: Fn(Outcome) -> T + Sync,
{
    let gate = Arc::new(Gate::new(options.window_for(pool.current_num_threads())));
    let (tx, rx) = mpsc::channel();
    let gated = Gated { sources, next: 0, gate: Arc::clone(&gate), done: false };
    let finish = &finish;
    pool.in_place_scope(|scope| {
        scope.spawn(move |_| {
            gated.par_bridge().for_each_with(tx, |tx, (seq, source)| {
                // a closed channel means the caller stopped: nothing to do
                let _ = tx.send(work(extractor, seq, source, finish));
            });
        });
        let mut reorder = Reorder::new(rx, Arc::clone(&gate));
        while let Some(value) = reorder.next() {
            if let Err(e) = each(value, &reorder.summary) {
                gate.cancel();
                return Err(e);
            }
        }
        Ok(reorder.summary)
    })
}

/// The outcomes of a batch, in input order, as an iterator that owns its
/// worker threads: feed it an iterator of [`Source`]s (or a [`Feeder`]) and
/// drain it, without the command line.
///
/// Dropping it early stops the workers after the documents in flight.
///
/// ```
/// use std::sync::Arc;
/// use vnarticle::batch::{self, RunOptions, Source};
/// use vnarticle::{Extractor, Format, Input};
///
/// let pages = (0..10).map(|i| {
///     Source::Ready(Input::new(format!("p{i}"), Format::Text, format!("Tin số {i}\nNgày 15/5/2016, hội nghị khai mạc.")))
/// });
/// let mut outcomes = batch::stream(Arc::new(Extractor::new()), pages, &RunOptions::default().jobs(2), |o| o)?;
/// let ids: Vec<String> = outcomes.by_ref().map(|o| o.id().to_owned()).collect();
/// assert_eq!(ids, (0..10).map(|i| format!("p{i}")).collect::<Vec<_>>());
/// assert_eq!(outcomes.summary().documents, 10);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Batch<T> {
    reorder: Reorder<T>,
    gate: Arc<Gate>,
    // keeps the pool alive while values are drained
    _pool: Arc<rayon::ThreadPool>,
}

impl<T> Batch<T> {
    /// Counts of the values handed out so far.
    pub fn summary(&self) -> Summary {
        self.reorder.summary
    }
}

impl<T> Iterator for Batch<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.reorder.next()
    }
}

impl<T> Drop for Batch<T> {
    fn drop(&mut self) {
        self.gate.cancel();
    }
}

impl<T> std::fmt::Debug for Batch<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch").field("summary", &self.reorder.summary).finish_non_exhaustive()
    }
}

/// Starts a batch on its own pool of `options.jobs` threads: every source is
/// extracted, `finish` turns each [`Outcome`] into the value handed out (on
/// the worker, e.g. serializing it), and the returned [`Batch`] yields the
/// values in input order. Fails only when the threads cannot be started.
pub fn stream<I, T, F>(
    extractor: Arc<Extractor>,
    sources: I,
    options: &RunOptions,
    finish: F,
) -> std::io::Result<Batch<T>>
where
    I: Iterator<Item = Source> + Send + 'static,
    T: Send + 'static,
    F: Fn(Outcome) -> T + Send + Sync + 'static,
{
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(options.jobs)
            .thread_name(|i| format!("vnarticle-{i}"))
            .build()
            .map_err(std::io::Error::other)?,
    );
    let gate = Arc::new(Gate::new(options.window_for(pool.current_num_threads())));
    let (tx, rx) = mpsc::channel();
    let gated = Gated { sources, next: 0, gate: Arc::clone(&gate), done: false };
    pool.spawn(move || {
        gated.par_bridge().for_each_with(tx, |tx, (seq, source)| {
            let _ = tx.send(work(&extractor, seq, source, &finish));
        });
    });
    Ok(Batch { reorder: Reorder::new(rx, Arc::clone(&gate)), gate, _pool: pool })
}

/// The sending end of a batch fed document by document (see [`feed`]).
#[derive(Debug, Clone)]
pub struct Feeder {
    tx: mpsc::SyncSender<Source>,
}

impl Feeder {
    /// Hands a document to the batch. Blocks while the window is full (the
    /// documents read ahead are not drained yet). Gives the document back
    /// when the batch was dropped.
    pub fn send(&self, source: Source) -> Result<(), Source> {
        self.tx.send(source).map_err(|e| e.0)
    }
}

/// A batch fed from another thread: documents sent to the [`Feeder`] come
/// out of the [`Batch`] in the order they were sent. The input ends when
/// every clone of the feeder is dropped. Feed and drain from two threads:
/// a single thread that only feeds blocks once the window is full.
///
/// ```
/// use std::sync::Arc;
/// use vnarticle::batch::{self, Outcome, RunOptions, Source};
/// use vnarticle::{Extractor, Format, Input};
///
/// let (feeder, outcomes) = batch::feed(Arc::new(Extractor::new()), &RunOptions::default(), |o| o)?;
/// let producer = std::thread::spawn(move || {
///     for i in 0..5 {
///         let page = Input::new(format!("d{i}"), Format::Text, "Tiêu đề\nNgày 20/8, hội nghị khai mạc.");
///         feeder.send(Source::Ready(page)).ok();
///     }
/// });
/// let got: Vec<Outcome> = outcomes.collect();
/// producer.join().unwrap();
/// assert_eq!(got.len(), 5);
/// assert_eq!(got[4].id(), "d4");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn feed<T, F>(
    extractor: Arc<Extractor>,
    options: &RunOptions,
    finish: F,
) -> std::io::Result<(Feeder, Batch<T>)>
where
    T: Send + 'static,
    F: Fn(Outcome) -> T + Send + Sync + 'static,
{
    let (tx, rx) = mpsc::sync_channel(options.jobs.max(1));
    let batch = stream(extractor, rx.into_iter(), options, finish)?;
    Ok((Feeder { tx }, batch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Format, Input};
    use std::sync::atomic::{AtomicU64, Ordering};

    fn page(i: u64) -> Source {
        Source::Ready(Input::new(
            format!("p{i}"),
            Format::Text,
            format!("Tin {i}\nNgày {}/5/2016, họp.", i % 28 + 1),
        ))
    }

    #[test]
    fn order_is_kept_and_the_reader_stays_within_the_window() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let read = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&read);
        let sources = (0..500).map(move |i| {
            counter.fetch_add(1, Ordering::SeqCst);
            page(i)
        });
        let ex = Extractor::new();
        let mut ahead = 0;
        let mut ids = Vec::new();
        let opts = RunOptions::default().window(8);
        let summary = for_each_ordered(
            &ex,
            sources,
            &pool,
            &opts,
            |o| o.id().to_owned(),
            |id, s| {
                ahead = ahead.max(read.load(Ordering::SeqCst) - s.documents);
                ids.push(id);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(summary.documents, 500);
        assert_eq!(ids, (0..500).map(|i| format!("p{i}")).collect::<Vec<_>>());
        assert!(ahead <= 8 + 1, "read {ahead} documents ahead of the writer");
    }

    #[test]
    fn a_failing_consumer_stops_the_run() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let ex = Extractor::new();
        let mut n = 0;
        let r = for_each_ordered(
            &ex,
            (0..).map(page),
            &pool,
            &RunOptions::default(),
            |o| o,
            |_, _| {
                n += 1;
                if n == 10 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(r.unwrap_err(), "stop");
    }

    #[test]
    fn a_panicking_reader_gives_an_error_record_and_ends_the_input() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let ex = Extractor::new();
        let sources = (0..10).map(|i| if i == 3 { panic!("reader bug") } else { page(i) });
        let mut out = Vec::new();
        let summary = for_each_ordered(
            &ex,
            sources,
            &pool,
            &RunOptions::default(),
            |o| o,
            |o, _| {
                out.push(o);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(summary.documents, 4);
        assert_eq!(summary.errors, 1);
        assert!(out[3].to_json().contains("reader bug"), "{}", out[3].to_json());
    }

    #[test]
    fn a_panicking_finish_gives_an_error_value() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let ex = Extractor::new();
        let finish = |o: Outcome| {
            if o.id() == "p2" && !o.is_error() {
                panic!("serializer bug");
            }
            o.to_json()
        };
        let mut lines = Vec::new();
        for_each_ordered(&ex, (0..5).map(page), &pool, &RunOptions::default(), finish, |l, _| {
            lines.push(l);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(lines.len(), 5);
        assert!(lines[2].contains("serializer bug"));
    }

    #[test]
    fn dropping_a_stream_early_stops_it() {
        let ex = Arc::new(Extractor::new());
        let mut b = stream(ex, (0..).map(page), &RunOptions::default().jobs(2).window(4), |o| o).unwrap();
        assert_eq!(b.next().map(|o| o.id().to_owned()).as_deref(), Some("p0"));
        drop(b);
    }
}
