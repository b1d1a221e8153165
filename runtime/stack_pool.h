// Native stacks for fibers (DESIGN.md §4): reserved lazily, guarded, pooled.
//
// A stack is virtual memory the kernel commits page by page as the fiber
// touches it, with a guard region below it that faults on access. Stacks
// are carved out of chunks of several at once and never returned to the
// system: a finished fiber gives its stack back to the pool, which keeps a
// few recently used ones warm (their pages stay, so a generator created in
// a loop reuses a hot stack without a system call) and discards the pages
// of the rest (madvise MADV_DONTNEED), so pooled stacks keep no memory.
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

namespace lockstep {

// One fiber's native stack. Stacks grow down: code runs between `lowest`
// and `base`; `limit` is where the stack-exhaustion check reports a
// RangeError, leaving `limit - lowest` bytes of headroom for the frames that
// run after a check passed; the guard lies in [guard_low, lowest).
struct NativeStack {
    char* guard_low = nullptr;
    char* lowest = nullptr;
    char* limit = nullptr;
    char* base = nullptr;  // one past the highest address

    size_t size() const { return size_t(base - lowest); }
    bool in_guard(const void* address) const { return guard_low <= address && address < lowest; }
    explicit operator bool() const { return base != nullptr; }
};

class StackPool {
public:
    struct Options {
        size_t stack_size = 1 << 20;     // usable bytes of each stack (rounded up to pages)
        size_t headroom = 128 << 10;     // bytes below the check's limit
        size_t guard_size = 64 << 10;    // the guard below each stack (rounded up to pages)
        size_t stacks_per_chunk = 16;    // stacks reserved by one mmap
        size_t warm_stacks = 4;          // returned stacks that keep their pages
    };

    StackPool();
    explicit StackPool(const Options&);
    // Unmaps every chunk: every stack must have been released.
    ~StackPool();
    StackPool(const StackPool&) = delete;
    StackPool& operator=(const StackPool&) = delete;

    // The process-wide pool fibers use unless told otherwise. Thread-safe.
    static StackPool& shared();
    // The shared pool's options (e.g. from a command-line flag); false, and
    // no effect, once the shared pool exists.
    static bool configure_shared(const Options&);

    // A stack whose pages are either untouched or left by a previous fiber
    // (never another fiber's live data). Throws std::bad_alloc when the
    // address space is exhausted.
    NativeStack acquire();
    void release(const NativeStack&);

    const Options& options() const { return options_; }

    struct Statistics {
        size_t chunks = 0;
        size_t stacks = 0;         // reserved in all chunks
        size_t in_use = 0;
        size_t warm = 0;           // free, pages kept
        size_t cold = 0;           // free, pages discarded (or never touched)
        bool guard_markers = false;  // guards are MADV_GUARD_INSTALL markers, not mprotect'ed mappings
    };
    Statistics statistics();

private:
    void reserve_chunk();  // with mutex_ held

    Options options_;
    size_t slot_size_ = 0;  // guard + stack
    std::mutex mutex_;
    std::vector<NativeStack> warm_;  // most recently released last
    std::vector<NativeStack> cold_;
    struct Chunk {
        void* address;
        size_t bytes;
    };
    std::vector<Chunk> chunks_;
    size_t in_use_ = 0;
    bool guard_markers_ = false;
};

}  // namespace lockstep
