#include "runtime/stack_pool.h"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <new>

namespace lockstep {

namespace {

// Linux 6.13: guard regions as page-table markers, which (unlike an
// mprotect'ed page) do not split the mapping, so a chunk of stacks stays
// one mapping however many fibers there are (vm.max_map_count is 65530).
#ifndef MADV_GUARD_INSTALL
constexpr int MADV_GUARD_INSTALL = 102;
#endif

size_t page_size()
{
    static const size_t size = size_t(sysconf(_SC_PAGESIZE));
    return size;
}

size_t round_up_to_pages(size_t bytes)
{
    size_t page = page_size();
    return (bytes + page - 1) / page * page;
}

bool kernel_has_guard_markers()
{
    void* page = mmap(nullptr, page_size(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) return false;
    bool supported = madvise(page, page_size(), MADV_GUARD_INSTALL) == 0;
    munmap(page, page_size());
    return supported;
}

}  // namespace

StackPool::StackPool() : StackPool(Options{}) {}

StackPool::StackPool(const Options& options) : options_(options)
{
    options_.stack_size = round_up_to_pages(options_.stack_size);
    options_.guard_size = round_up_to_pages(options_.guard_size == 0 ? 1 : options_.guard_size);
    if (options_.headroom >= options_.stack_size) options_.headroom = options_.stack_size / 2;
    if (options_.stacks_per_chunk == 0) options_.stacks_per_chunk = 1;
    slot_size_ = options_.guard_size + options_.stack_size;
    guard_markers_ = kernel_has_guard_markers();
}

StackPool::~StackPool()
{
    for (const Chunk& chunk : chunks_) munmap(chunk.address, chunk.bytes);
}

namespace {

std::mutex g_shared_mutex;
std::atomic<StackPool*> g_shared{nullptr};
StackPool::Options g_shared_options;

}  // namespace

StackPool& StackPool::shared()
{
    if (StackPool* pool = g_shared.load(std::memory_order_acquire)) return *pool;
    std::lock_guard lock(g_shared_mutex);
    // Never destroyed: fibers owned by objects with static storage may still
    // return their stacks while the process exits.
    if (!g_shared.load(std::memory_order_relaxed))
        g_shared.store(new StackPool(g_shared_options), std::memory_order_release);
    return *g_shared.load(std::memory_order_relaxed);
}

bool StackPool::configure_shared(const Options& options)
{
    std::lock_guard lock(g_shared_mutex);
    if (g_shared.load(std::memory_order_relaxed)) return false;
    g_shared_options = options;
    return true;
}

void StackPool::reserve_chunk()
{
    size_t count = options_.stacks_per_chunk;
    size_t bytes = slot_size_ * count;
    // Reserved, not committed: MAP_NORESERVE keeps untouched pages out of
    // the commit charge; the kernel supplies each page on first touch.
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    chunks_.push_back(Chunk{memory, bytes});
    char* start = static_cast<char*>(memory);
    // Slot i is [guard | stack]; taken from the back, so hand out low slots first.
    for (size_t i = count; i-- > 0;) {
        char* slot = start + i * slot_size_;
        bool guarded = guard_markers_ && madvise(slot, options_.guard_size, MADV_GUARD_INSTALL) == 0;
        if (!guarded && mprotect(slot, options_.guard_size, PROT_NONE) != 0) throw std::bad_alloc();
        NativeStack stack;
        stack.guard_low = slot;
        stack.lowest = slot + options_.guard_size;
        stack.limit = stack.lowest + options_.headroom;
        stack.base = stack.lowest + options_.stack_size;
        cold_.push_back(stack);
    }
}

NativeStack StackPool::acquire()
{
    std::lock_guard lock(mutex_);
    NativeStack stack;
    if (!warm_.empty()) {
        stack = warm_.back();
        warm_.pop_back();
    } else {
        if (cold_.empty()) reserve_chunk();
        stack = cold_.back();
        cold_.pop_back();
    }
    ++in_use_;
    return stack;
}

void StackPool::release(const NativeStack& stack)
{
    std::lock_guard lock(mutex_);
    --in_use_;
    warm_.push_back(stack);
    if (warm_.size() <= options_.warm_stacks) return;
    // The least recently used warm stack gives its pages back; the range
    // stays reserved, and reads as zeros when touched again.
    NativeStack oldest = warm_.front();
    warm_.erase(warm_.begin());
    madvise(oldest.lowest, oldest.size(), MADV_DONTNEED);
    cold_.push_back(oldest);
}

StackPool::Statistics StackPool::statistics()
{
    std::lock_guard lock(mutex_);
    Statistics s;
    s.chunks = chunks_.size();
    s.stacks = chunks_.size() * options_.stacks_per_chunk;
    s.in_use = in_use_;
    s.warm = warm_.size();
    s.cold = cold_.size();
    s.guard_markers = guard_markers_;
    return s;
}

}  // namespace lockstep
