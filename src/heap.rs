//! The heap, set up for one short build.
//!
//! A build allocates some 20 MB and exits within a tenth of a second, so
//! the cost that matters is not the allocator's bookkeeping but the
//! kernel's: glibc gives each thread its own arena, grown a page at a
//! time (about 900 `mprotect` calls per build), and every fresh 4 KiB
//! page costs a page fault when first touched (about 3,200 per build).
//! On the machines measured, those faults took a tenth of the run time.
//!
//! [`prepare`] therefore makes every thread share the main heap, grows it
//! in one step, keeps what is freed, and asks the kernel to back it with
//! 2 MiB pages where transparent huge pages are enabled on request (the
//! usual `madvise` setting): about 1,200 faults instead of 3,600, and a
//! peak of 36 MB instead of 39. This is what glibc's own `glibc.malloc.hugetlb=1`
//! tunable does, which can only be set from outside the process.
//! Elsewhere it does nothing.

/// Tunes the heap for a build; call it first thing in `main`, before any
/// thread starts.
pub fn prepare() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::prepare();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    /// How far the heap grows at once, and how large an allocation must
    /// be to get its own mapping instead.
    const STEP: usize = 32 << 20;
    /// The transparent huge page size on x86-64 and most ARM kernels.
    const HUGE_PAGE: usize = 2 << 20;

    pub fn prepare() {
        // SAFETY: `mallopt`, `sbrk(0)`, `malloc`/`free` of our own block and
        // `madvise` on memory the heap already maps are sound at any time;
        // no Rust object lives in the range being advised differently.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 1);
            libc::mallopt(libc::M_MMAP_THRESHOLD, STEP as i32);
            libc::mallopt(libc::M_TOP_PAD, STEP as i32);
            libc::mallopt(libc::M_TRIM_THRESHOLD, (8 * STEP) as i32);
            let start = libc::sbrk(0) as usize;
            // A block larger than the heap's free top makes it grow once,
            // by the block and the pad. (`black_box`: the compiler would
            // otherwise drop an allocation that is freed unused.)
            let block = std::hint::black_box(libc::malloc(HUGE_PAGE));
            let end = libc::sbrk(0) as usize;
            libc::free(block);
            let aligned = start.next_multiple_of(HUGE_PAGE);
            if end > aligned + HUGE_PAGE {
                libc::madvise(aligned as *mut libc::c_void, end - aligned, libc::MADV_HUGEPAGE);
            }
        }
    }
}
