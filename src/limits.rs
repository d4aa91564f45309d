//! Bounds on every build: a deadline and a memory ceiling.
//!
//! A custom layout is a program, and Typst cannot interrupt one: `#while
//! true {}` never returns, and a layout that builds a 4 GB string takes the
//! machine's memory with it. A watchdog thread therefore looks at every
//! build in flight every few milliseconds; when one runs past its deadline,
//! or the process grows past the ceiling, it hands the error naming the
//! build to the handler the program set ([`set_on_exceeded`]): the binary
//! reports it and exits (outputs are written atomically, so nothing
//! half-written is left); `watch` restarts itself and keeps watching.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::Error;

/// How long one build may run unless `--timeout` says otherwise: the
/// largest résumé builds in well under a second, so this only ends loops.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How much memory the process may use unless `--max-memory` says
/// otherwise: a build needs about 40 MB, so this only ends runaways.
const DEFAULT_MAX_MEMORY: u64 = 2 << 30;

/// The limits in force for this process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest one build may run.
    pub timeout: Duration,
    /// The most resident memory the process may use, in bytes.
    pub max_memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self { timeout: DEFAULT_TIMEOUT, max_memory: DEFAULT_MAX_MEMORY }
    }
}

static LIMITS: OnceLock<Limits> = OnceLock::new();

/// Sets the limits for the rest of the process; the first call wins, so a
/// command sets them once, before any build.
pub fn set(limits: Limits) {
    if LIMITS.set(limits).is_ok() {
        let largest = usize::try_from(limits.max_memory).unwrap_or(usize::MAX);
        LARGEST_ALLOCATION.store(largest, Ordering::Relaxed);
    }
}

/// The largest single allocation [`Guarded`] lets through.
static LARGEST_ALLOCATION: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_MEMORY as usize);

/// The system allocator, refusing any single allocation larger than the
/// memory ceiling. `"x" * 100000000000` in a layout asks for 100 GB at
/// once: the watchdog never sees it coming, and a failed allocation aborts
/// the process with a backtrace. Refused here, it becomes the same clear
/// error as any other runaway (and `watch` keeps watching). The binary
/// installs it as its global allocator; the check is one comparison.
pub struct Guarded;

// SAFETY: every call is passed to `System` unchanged, or diverges.
unsafe impl GlobalAlloc for Guarded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        refuse_if_too_large(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        refuse_if_too_large(layout.size());
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        refuse_if_too_large(new_size);
        // SAFETY: as for `alloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[inline(always)]
fn refuse_if_too_large(size: usize) {
    let largest = LARGEST_ALLOCATION.load(Ordering::Relaxed);
    if size > largest {
        too_large(size, largest);
    }
}

#[cold]
#[inline(never)]
fn too_large(size: usize, largest: usize) -> ! {
    // What is in flight, without waiting on a lock the allocating
    // thread might hold; the message and the handler allocate only a
    // little, which passes the check.
    let what = RUNNING
        .try_lock()
        .ok()
        .map(|running| running.iter().map(|r| r.what.clone()).collect::<Vec<_>>().join(", "))
        .filter(|what| !what.is_empty())
        .unwrap_or_else(|| "a build".to_string());
    let error = Error::new(format!(
        "{what} asked for {} MiB at once, more than the {} MiB of memory allowed, and was stopped",
        size >> 20,
        largest >> 20
    ))
    .with_hint(
        "a layout that builds huge values, or pages rendered at a very high `--ppi`, run out of memory; fix the layout or lower `--ppi`, or allow more with `--max-memory MIB`",
    );
    on_exceeded()(&error)
}

fn current() -> Limits {
    *LIMITS.get_or_init(Limits::default)
}

/// What to do when a limit is exceeded. The runaway build's thread cannot
/// be stopped, so the handler never returns: the program decides how to
/// end (the binary reports the error and exits; `watch` starts afresh).
pub type OnExceeded = fn(&Error) -> !;

static ON_EXCEEDED: std::sync::RwLock<Option<OnExceeded>> = std::sync::RwLock::new(None);

/// Sets what happens when a limit is exceeded; a later call replaces an
/// earlier one (the binary sets its default, `watch` then its restart).
pub fn set_on_exceeded(handler: OnExceeded) {
    if let Ok(mut slot) = ON_EXCEEDED.write() {
        *slot = Some(handler);
    }
}

/// The handler the program set, for the allocating thread, which must
/// never wait on a lock; without one, the process aborts, which no caller
/// of the library should rely on.
fn on_exceeded() -> OnExceeded {
    ON_EXCEEDED.try_read().ok().and_then(|slot| *slot).unwrap_or(abort)
}

fn abort(_: &Error) -> ! {
    std::process::abort()
}

/// A build in flight.
struct Running {
    ticket: u64,
    started: Instant,
    what: String,
}

static RUNNING: Mutex<Vec<Running>> = Mutex::new(Vec::new());
static NEXT_TICKET: AtomicU64 = AtomicU64::new(0);

/// Proof that a build is being watched; the build is forgotten when this
/// is dropped.
pub struct Watched {
    ticket: u64,
}

impl Drop for Watched {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            running.retain(|r| r.ticket != self.ticket);
        }
    }
}

/// Watches a build described as `what` (the layout, profile and language,
/// for the message) until the returned guard is dropped.
pub fn watch(what: String) -> Watched {
    start_watchdog();
    let ticket = NEXT_TICKET.fetch_add(1, Ordering::Relaxed);
    RUNNING.lock().expect("running builds").push(Running { ticket, started: Instant::now(), what });
    Watched { ticket }
}

/// How often the watchdog looks.
const TICK: Duration = Duration::from_millis(20);

fn start_watchdog() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let _ = std::thread::Builder::new().name("watchdog".into()).spawn(|| {
            loop {
                std::thread::sleep(TICK);
                if let Some(error) = exceeded(current()) {
                    let handler = ON_EXCEEDED.read().ok().and_then(|slot| *slot).unwrap_or(abort);
                    handler(&error);
                }
            }
        });
    });
}

/// The error for a limit the running builds exceed, if any.
fn exceeded(limits: Limits) -> Option<Error> {
    let running = RUNNING.lock().ok()?;
    if let Some(late) = running.iter().find(|r| r.started.elapsed() > limits.timeout) {
        return Some(
            Error::new(format!(
                "{} ran for more than {} s and was stopped",
                late.what,
                limits.timeout.as_secs_f64()
            ))
            .with_hint(
                "a layout that loops forever never finishes; fix the loop, or allow longer with `--timeout SECONDS`",
            ),
        );
    }
    if running.is_empty() {
        return None;
    }
    let used = resident_memory()?;
    (used > limits.max_memory).then(|| {
        let what: Vec<&str> = running.iter().map(|r| r.what.as_str()).collect();
        Error::new(format!(
            "{} used more than {} MiB of memory and was stopped",
            what.join(", "),
            limits.max_memory >> 20
        ))
        .with_hint("a layout that builds huge values, or pages rendered at a very high `--ppi`, run out of memory; fix the layout or lower `--ppi`, or allow more with `--max-memory MIB`")
    })
}

/// The process's resident memory in bytes, where the platform tells it.
fn resident_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test, so that no other test's build is in flight meanwhile.
    #[test]
    fn late_and_large_builds_are_named() {
        let guard = watch("the layout `spin.typ` (en)".into());
        std::thread::sleep(Duration::from_millis(5));
        let limits = Limits { timeout: Duration::from_millis(1), max_memory: u64::MAX };
        let error = exceeded(limits).expect("over the deadline");
        assert!(error.message.contains("spin.typ"), "{}", error.message);
        assert!(exceeded(Limits { timeout: Duration::from_secs(3600), max_memory: u64::MAX }).is_none());
        if resident_memory().is_some() {
            let limits = Limits { timeout: Duration::from_secs(3600), max_memory: 1 };
            assert!(exceeded(limits).expect("over the ceiling").message.contains("memory"));
        } else {
            eprintln!("skipped the memory check: this platform does not report resident memory");
        }
        drop(guard);
        assert!(exceeded(Limits { timeout: Duration::ZERO, max_memory: 1 }).is_none(), "nothing in flight");
    }
}
