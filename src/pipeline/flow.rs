//! The ordered parallel flow under every run: a reader thread reads the
//! input items in order, worker threads (a rayon pool, one long-lived job
//! per thread) take them one page at a time from a shared queue, and the calling thread gets their results back in input
//! order through a reorder buffer. No stage waits for another to finish a
//! batch: the reader reads ahead while the workers extract, and the caller
//! writes while they go on.
//!
//! Memory is bounded by an in-flight budget (items and page bytes read but
//! not yet handed to the caller; a gzipped one-page file counts its
//! compressed bytes, as its gunzip is left to the worker, capped at
//! `--max-page-bytes`): the reader waits for room before it reads
//! further, so the queue, the workers' pages and the reorder buffer together
//! never hold more than the budget (plus the one page read over it) whatever
//! the corpus size. The items are grouped into chunks (`Config::chunk_pages`
//! and `chunk_bytes`, counted as the reader goes): the last item of a chunk
//! is marked, so the caller can report progress and stop cleanly there.
//!
//! A stop (the caller's error, or a worker thread that died) closes the
//! budget and drops the pages not yet started; every thread is joined before
//! [`run_ordered`] returns.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::RunError;
use crate::config::Config;
use crate::input::{FoundFiles, InputItem, ReadItem, read_file_for_workers};
use crate::sink::Position;

/// One result handed to the caller, in input order.
pub(crate) struct Finished<T> {
    /// The position just after the item's record.
    pub at: Position,
    /// The item is the last of its chunk: a point to report progress and
    /// to stop at.
    pub ends_chunk: bool,
    pub value: T,
}

/// Where the threads of a run spent their time: what shows whether the
/// structure keeps the cores busy, whatever the machine's load. Durations
/// are summed over the worker threads.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct FlowTimes {
    pub workers: usize,
    /// Wall-clock seconds of the run (from the first item read to the last
    /// result handed over).
    pub seconds: f64,
    /// Time the workers spent on pages (wall clock, preemption included).
    pub working: f64,
    /// Time the workers waited for a page to be read: the only time a
    /// worker is idle by the pipeline's making.
    pub waiting_for_pages: f64,
    /// CPU time of the worker threads (Linux; 0 where unknown).
    pub worker_cpu: f64,
    /// Time the worker threads were ready to run but waited for a core:
    /// the machine's load, not the pipeline's (Linux; 0 where unknown).
    pub worker_waiting_for_a_core: f64,
    /// CPU time of the reader thread (reading, gunzip).
    pub reader_cpu: f64,
    /// Time the reader waited for room in the in-flight budget (the
    /// workers or the writer are the slower side: as it should be).
    pub reader_waiting_for_room: f64,
    /// CPU time of the calling thread while the flow ran (the writer).
    pub writer_cpu: f64,
    /// Time the calling thread waited for the next result in order.
    pub writer_waiting: f64,
}

impl FlowTimes {
    /// The share of the workers' time spent idle for want of pages (0 when
    /// nothing was measured).
    pub fn idle_share(&self) -> f64 {
        let total = self.working + self.waiting_for_pages;
        if total > 0.0 {
            self.waiting_for_pages / total
        } else {
            0.0
        }
    }
}

/// The in-flight budget: items and page bytes read but not yet handed to
/// the caller. The reader takes room before reading on; the caller gives it
/// back as it takes results.
struct Budget {
    state: Mutex<BudgetState>,
    room: Condvar,
    max_items: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct BudgetState {
    items: usize,
    bytes: usize,
    /// The run is stopping: the reader reads no further.
    closed: bool,
}

impl Budget {
    fn new(max_items: usize, max_bytes: usize) -> Self {
        Budget {
            state: Mutex::new(BudgetState::default()),
            room: Condvar::new(),
            max_items: max_items.max(1),
            max_bytes: max_bytes.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, BudgetState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until the budget has room (it always has for the first item
    /// in flight, however large), then takes one item of `bytes`. False
    /// when the run is stopping.
    fn take(&self, bytes: usize) -> bool {
        let mut state = self.lock();
        while !state.closed
            && state.items > 0
            && (state.items >= self.max_items || state.bytes >= self.max_bytes)
        {
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.closed {
            return false;
        }
        state.items += 1;
        state.bytes = state.bytes.saturating_add(bytes);
        true
    }

    fn give_back(&self, bytes: usize) {
        let mut state = self.lock();
        state.items = state.items.saturating_sub(1);
        state.bytes = state.bytes.saturating_sub(bytes);
        self.room.notify_one();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.room.notify_all();
    }
}

/// An item on its way to a worker.
struct Job {
    seq: u64,
    at: Position,
    ends_chunk: bool,
    bytes: usize,
    item: ReadItem,
}

/// A worker's result on its way back to the caller.
struct Done<T> {
    seq: u64,
    at: Position,
    ends_chunk: bool,
    bytes: usize,
    value: T,
}

/// What the threads share.
struct Shared {
    budget: Budget,
    /// Set when the run stops early: workers drop the pages not started.
    cancelled: AtomicBool,
}

impl Shared {
    fn stop(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        self.budget.close();
    }
}

/// Stops the run if the thread holding it unwinds (a worker or the reader
/// that panicked outside the per-page containment, or the caller's
/// `consume`), so no thread waits for it forever.
struct StopOnPanic<'a>(&'a Shared);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// A worker thread's own account.
#[derive(Default)]
struct WorkerTimes {
    working: Duration,
    waiting: Duration,
    cpu: Option<ThreadCpu>,
}

/// Reads the items of `found` from `start` on, runs `work` on each of them
/// on `threads` worker threads (0: one per core), and hands the results to
/// `consume` in input order on the calling thread. An error of `consume`
/// stops the run and is returned once every thread has ended. The records of
/// the input `start` is inside that were already written are read again and
/// passed over.
pub(crate) fn run_ordered<T: Send, E: From<RunError>>(
    found: impl AsRef<FoundFiles> + Sync,
    start: Position,
    config: &Config,
    work: impl Fn(ReadItem) -> T + Sync,
    mut consume: impl FnMut(Finished<T>) -> Result<(), E>,
) -> Result<FlowTimes, E> {
    let started = Instant::now();
    let writer_cpu_before = ThreadCpu::now();
    let workers = worker_count(config.threads);
    let shared = Shared {
        budget: Budget::new(config.chunk_pages, config.chunk_bytes),
        cancelled: AtomicBool::new(false),
    };
    let (jobs, queue) = channel::<Job>();
    let queue = Mutex::new(queue);
    let (results, finished) = channel::<Done<T>>();
    // The workers are a rayon pool's threads, one long-lived job each that
    // pulls pages from the queue; the calling thread stays outside the pool
    // and writes. A worker that unwinds is caught here and fails the run.
    let pool = super::build_pool(workers)?;
    std::thread::scope(|scope| {
        let reader = std::thread::Builder::new()
            .name("decant-reader".into())
            .spawn_scoped(scope, || {
                read_items(found.as_ref(), start, config, &shared, jobs)
            })
            .map_err(|_| RunError::Reader)?;
        let (worker_ends, ended) = channel::<std::thread::Result<WorkerTimes>>();
        let (handed, worker_times) = pool.in_place_scope(|workers_scope| {
            for _ in 0..workers {
                let results = results.clone();
                let worker_ends = worker_ends.clone();
                let (queue, shared, work) = (&queue, &shared, &work);
                workers_scope.spawn(move |_| {
                    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        work_on(queue, shared, work, results)
                    }));
                    let _ = worker_ends.send(ran);
                });
            }
            drop(results);
            drop(worker_ends);
            let stop_on_panic = StopOnPanic(&shared);
            let handed = hand_over_in_order(&finished, &shared, &mut consume);
            if handed.is_err() {
                shared.stop();
            }
            drop(finished);
            drop(stop_on_panic);
            let worker_times: Vec<_> = ended.iter().collect();
            (handed, worker_times)
        });
        let reader = reader.join();
        let (consumed, writer_waiting) = handed?;
        let (sent, reader_cpu, reader_waiting) = reader.map_err(|_| RunError::Reader)?;
        let mut times = FlowTimes {
            workers,
            reader_cpu: reader_cpu.map_or(0.0, |c| c.on_cpu),
            reader_waiting_for_room: reader_waiting.as_secs_f64(),
            writer_waiting: writer_waiting.as_secs_f64(),
            ..FlowTimes::default()
        };
        if worker_times.len() != workers {
            return Err(RunError::Worker.into());
        }
        for worker in worker_times {
            let worker = worker.map_err(|_| RunError::Worker)?;
            times.working += worker.working.as_secs_f64();
            times.waiting_for_pages += worker.waiting.as_secs_f64();
            if let Some(cpu) = worker.cpu {
                times.worker_cpu += cpu.on_cpu;
                times.worker_waiting_for_a_core += cpu.runnable;
            }
        }
        if consumed != sent {
            return Err(RunError::Worker.into());
        }
        if let (Some(before), Some(after)) = (writer_cpu_before, ThreadCpu::now()) {
            times.writer_cpu = after.on_cpu - before.on_cpu;
        }
        times.seconds = started.elapsed().as_secs_f64();
        Ok(times)
    })
}

/// One worker per `threads`, or per core when it is 0.
pub(crate) fn worker_count(threads: usize) -> usize {
    if threads > 0 {
        threads
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// The reader thread: sends the items in order, each after taking room in
/// the budget, and marks the last item of each chunk. Returns how many
/// items it sent, its CPU time and how long it waited for room.
fn read_items(
    found: &FoundFiles,
    start: Position,
    config: &Config,
    shared: &Shared,
    jobs: Sender<Job>,
) -> (u64, Option<ThreadCpu>, Duration) {
    let _stop = StopOnPanic(shared);
    let mut seq = 0u64;
    let mut waited = Duration::ZERO;
    let mut chunk = ChunkCounter::default();
    let entries = (start.inputs_done..found.len()).filter_map(|i| Some((i, found.get(i)?)));
    'inputs: for (input, entry) in entries {
        let items: Box<dyn Iterator<Item = ReadItem> + Send> = match entry {
            Ok(file) => read_file_for_workers(&file, config),
            Err(reject) => Box::new(std::iter::once(ReadItem::Ready(InputItem::Reject(reject)))),
        };
        let written = if input == start.inputs_done {
            start.records_done
        } else {
            0
        };
        let records = (0u64..)
            .zip(items)
            .skip_while(|(record, _)| *record < written);
        for (record, item) in records {
            let bytes = item.held_bytes();
            let asked = Instant::now();
            if !shared.budget.take(bytes) {
                break 'inputs;
            }
            waited += asked.elapsed();
            let job = Job {
                seq,
                at: Position::after(input, record),
                ends_chunk: chunk.add(bytes, config),
                bytes,
                item,
            };
            if jobs.send(job).is_err() {
                break 'inputs;
            }
            seq += 1;
        }
    }
    (seq, ThreadCpu::now(), waited)
}

/// Counts the items and page bytes of the chunk being filled.
#[derive(Default)]
struct ChunkCounter {
    items: usize,
    bytes: usize,
}

impl ChunkCounter {
    /// Adds an item; true when it fills the chunk (which starts afresh).
    fn add(&mut self, bytes: usize, config: &Config) -> bool {
        self.items += 1;
        self.bytes = self.bytes.saturating_add(bytes);
        let full = self.items >= config.chunk_pages || self.bytes >= config.chunk_bytes;
        if full {
            *self = ChunkCounter::default();
        }
        full
    }
}

/// A worker thread: takes items from the queue until it is closed, runs
/// `work` on each and sends the result back. Once the run is cancelled the
/// items left in the queue are dropped unread.
fn work_on<T>(
    queue: &Mutex<Receiver<Job>>,
    shared: &Shared,
    work: &(impl Fn(ReadItem) -> T + Sync),
    results: Sender<Done<T>>,
) -> WorkerTimes {
    let _stop = StopOnPanic(shared);
    let mut times = WorkerTimes::default();
    loop {
        let asked = Instant::now();
        let job = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let got = Instant::now();
        times.waiting += got.duration_since(asked);
        let Ok(job) = job else { break };
        if shared.cancelled.load(Ordering::Relaxed) {
            continue;
        }
        let value = work(job.item);
        times.working += got.elapsed();
        let done = Done {
            seq: job.seq,
            at: job.at,
            ends_chunk: job.ends_chunk,
            bytes: job.bytes,
            value,
        };
        if results.send(done).is_err() {
            break;
        }
    }
    times.cpu = ThreadCpu::now();
    times
}

/// The calling thread's side: receives the workers' results, holds those
/// that came early in a reorder buffer, and hands them to `consume` in
/// sequence, giving their room back to the budget. Returns how many were
/// handed over and how long it waited for results.
fn hand_over_in_order<T, E>(
    finished: &Receiver<Done<T>>,
    shared: &Shared,
    consume: &mut impl FnMut(Finished<T>) -> Result<(), E>,
) -> Result<(u64, Duration), E> {
    let mut early: BTreeMap<u64, Done<T>> = BTreeMap::new();
    let mut next = 0u64;
    let mut waited = Duration::ZERO;
    loop {
        let asked = Instant::now();
        let Ok(done) = finished.recv() else { break };
        waited += asked.elapsed();
        early.insert(done.seq, done);
        while let Some(done) = early.remove(&next) {
            next += 1;
            let bytes = done.bytes;
            let consumed = consume(Finished {
                at: done.at,
                ends_chunk: done.ends_chunk,
                value: done.value,
            });
            shared.budget.give_back(bytes);
            consumed?;
        }
    }
    Ok((next, waited))
}

/// A thread's scheduler account (`/proc/thread-self/schedstat`): seconds
/// on a CPU and seconds ready to run but waiting for one.
#[derive(Clone, Copy, Debug)]
struct ThreadCpu {
    on_cpu: f64,
    runnable: f64,
}

impl ThreadCpu {
    /// The calling thread's account so far; None where the kernel does not
    /// keep one.
    fn now() -> Option<ThreadCpu> {
        let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let mut fields = text.split_ascii_whitespace();
        let on_cpu: u64 = fields.next()?.parse().ok()?;
        let runnable: u64 = fields.next()?.parse().ok()?;
        Some(ThreadCpu {
            on_cpu: on_cpu as f64 / 1e9,
            runnable: runnable as f64 / 1e9,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;
    use crate::error::RejectReason;
    use crate::record::Reject;

    /// `n` inputs that each read as one item (an unreadable-input reject
    /// whose id is its index): a stream that needs no files.
    fn items(n: usize) -> FoundFiles {
        (0..n)
            .map(|i| {
                Err(Reject {
                    id: i.to_string(),
                    source: i.to_string(),
                    url: None,
                    reason: RejectReason::IoError,
                    detail: String::new(),
                })
            })
            .collect()
    }

    fn index_of(item: &ReadItem) -> usize {
        match item {
            ReadItem::Ready(InputItem::Reject(reject)) => reject.id.parse().unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
    }

    fn config(threads: usize, chunk_pages: usize) -> Config {
        Config {
            threads,
            chunk_pages,
            ..Config::default()
        }
    }

    #[test]
    fn results_come_back_in_input_order_when_later_items_finish_first() {
        let mut seen = Vec::new();
        let run = run_ordered(
            items(60),
            Position::default(),
            &config(3, 16),
            |item| {
                let i = index_of(&item);
                // Every third item is slow: the others overtake it.
                if i.is_multiple_of(3) {
                    std::thread::sleep(Duration::from_millis(3));
                }
                i
            },
            |done: Finished<usize>| -> Result<(), RunError> {
                seen.push((done.value, done.at));
                Ok(())
            },
        );
        assert!(run.is_ok());
        let expected: Vec<_> = (0..60).map(|i| (i, Position::after(i, 0))).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn no_more_items_than_the_budget_are_in_flight() {
        let started = AtomicUsize::new(0);
        let mut handed = 0usize;
        let mut most_in_flight = 0usize;
        let run = run_ordered(
            items(200),
            Position::default(),
            &config(2, 4),
            |item| {
                started.fetch_add(1, Ordering::SeqCst);
                index_of(&item)
            },
            |_: Finished<usize>| -> Result<(), RunError> {
                let in_flight = started.load(Ordering::SeqCst) - handed;
                most_in_flight = most_in_flight.max(in_flight);
                handed += 1;
                Ok(())
            },
        );
        assert!(run.is_ok());
        assert_eq!(handed, 200);
        assert!(most_in_flight <= 4, "{most_in_flight} items in flight");
    }

    #[test]
    fn the_last_item_of_each_chunk_is_marked() {
        let mut marked = Vec::new();
        let run = run_ordered(
            items(10),
            Position::default(),
            &config(2, 4),
            index_of_item,
            |done: Finished<usize>| -> Result<(), RunError> {
                if done.ends_chunk {
                    marked.push(done.value);
                }
                Ok(())
            },
        );
        assert!(run.is_ok());
        assert_eq!(marked, [3, 7]);
    }

    fn index_of_item(item: ReadItem) -> usize {
        index_of(&item)
    }

    #[test]
    fn a_resumed_run_starts_at_its_position() {
        let mut seen = Vec::new();
        let start = Position {
            inputs_done: 7,
            records_done: 0,
        };
        let run = run_ordered(
            items(10),
            start,
            &config(2, 4),
            index_of_item,
            |done: Finished<usize>| -> Result<(), RunError> {
                seen.push(done.value);
                Ok(())
            },
        );
        assert!(run.is_ok());
        assert_eq!(seen, [7, 8, 9]);
    }

    #[test]
    fn an_error_of_the_consumer_stops_the_run_and_every_thread_ends() {
        let worked = AtomicUsize::new(0);
        let run = run_ordered(
            items(10_000),
            Position::default(),
            &config(2, 8),
            |item| {
                worked.fetch_add(1, Ordering::SeqCst);
                index_of(&item)
            },
            |done: Finished<usize>| -> Result<(), RunError> {
                if done.value == 20 {
                    return Err(RunError::Reader);
                }
                Ok(())
            },
        );
        assert!(matches!(run, Err(RunError::Reader)));
        // At most the budget was read past the failing item.
        assert!(worked.load(Ordering::SeqCst) <= 21 + 8);
    }

    #[test]
    fn a_worker_that_dies_fails_the_run_instead_of_hanging_it() {
        let run = run_ordered(
            items(1_000),
            Position::default(),
            &config(2, 8),
            |item| {
                let i = index_of(&item);
                assert!(i != 30, "worker dies on item 30");
                i
            },
            |_: Finished<usize>| -> Result<(), RunError> { Ok(()) },
        );
        assert!(matches!(run, Err(RunError::Worker)));
    }

    #[test]
    fn the_threads_account_for_their_time() {
        let run = run_ordered(
            items(20),
            Position::default(),
            &config(2, 4),
            |item| {
                std::thread::sleep(Duration::from_millis(1));
                index_of(&item)
            },
            |_: Finished<usize>| -> Result<(), RunError> { Ok(()) },
        );
        let Ok(times) = run else {
            panic!("the run failed");
        };
        assert_eq!(times.workers, 2);
        assert!(times.working >= 0.02, "{times:?}");
        assert!((0.0..=1.0).contains(&times.idle_share()));
    }
}
