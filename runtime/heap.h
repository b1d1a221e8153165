// The garbage-collected heap (DESIGN.md §5): size-class blocks, mark-sweep,
// exact roots (Root/List, root providers such as the Agent) plus a
// conservative scan of native stacks: the running one and the resume chain
// below it, and registered ranges (bare fibers). A suspended fiber owned by
// a cell is scanned by that cell's visit_edges (runtime/fiber.h), so it is
// collected with it. Collection is automatic (see set_automatic_collection).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/cell.h"
#include "runtime/value.h"
#include "spec/step.h"

namespace lockstep {

class Heap;
class PropertyKey;
struct RootList;

// Marks what it is shown and, with an explicit worklist (no native recursion
// however deep the object graph), everything reachable from it.
class Visitor final {
public:
    explicit Visitor(Heap& heap) : heap_(heap) {}
    void visit(const Cell* cell);
    void visit(Value value);
    void visit(const PropertyKey& key);
    // Visits any pointer to a cell type (Object*, String*, …) or a range of them.
    template <class T>
    void visit_all(const T& items)
    {
        for (const auto& item : items) visit(item);
    }
    // Scans [low, high) word by word, as the native stacks are scanned: a
    // suspended fiber's stack (or the buffer holding a copy of it).
    void visit_conservatively(const void* low, const void* high);
    // Every root of a native stack's list (runtime/root.h), its nodes read
    // `offset` bytes from where they were linked.
    void visit_roots(const RootList&, ptrdiff_t offset = 0);

private:
    friend class Heap;
    Heap& heap_;
    std::vector<Cell*> worklist_;
};

// Something outside the heap that holds cells: the Agent (realms, execution
// context stack, job queue), a host, a runner.
class RootProvider {
public:
    virtual void visit_roots(Visitor&) = 0;

protected:
    ~RootProvider() = default;
};

// A native stack range the collector scans word by word, and the list of
// the roots in its frames: a bare fiber's stack while it is suspended
// ([saved_sp, base)), or the stack of a fiber's resumer while that fiber
// runs. The owner keeps the fields current; an unused range has saved_sp
// null.
struct StackRange {
    const void* saved_sp = nullptr;  // lowest live address, at or below every saved register
    const void* base = nullptr;      // one past the highest address
    const RootList* roots = nullptr;  // null: the thread's own list, always visited
    const Cell* keep_alive = nullptr;  // a cell marked while the range is in use
    const StackRange* next = nullptr;  // the resume chain (push_stack_range)
};

class Heap {
public:
    Heap();
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // The only way to make a cell.
    template <class T, class... Args>
    T* allocate(Args&&... args)
    {
        static_assert(std::is_base_of_v<Cell, T>);
        void* memory = allocate_raw(sizeof(T));
        T* cell = new (memory) T(std::forward<Args>(args)...);
        set_live(cell);
        return cell;
    }

    // A full mark-sweep collection now (even when automatic collection is off).
    void collect();

    // Automatic collection, on by default: a collection runs before an
    // allocation once the bytes allocated since the last one (cells, and
    // the stack pages fibers take, report_external_allocation) exceed
    // max(kMinimumCollectionThreshold, bytes of live cells after it ×
    // kGrowthFactor). Memory kept outside cells by live ones (saved stacks)
    // is not part of the live size: counting it would let the fresh stack
    // pages of new suspended contexts pile up longer before a collection
    // compacts them. Stress mode collects before every allocation.
    static constexpr size_t kMinimumCollectionThreshold = 8 << 20;
    static constexpr size_t kGrowthFactor = 1;
    void set_automatic_collection(bool on) { automatic_ = on; }
    bool automatic_collection() const { return automatic_; }
    void set_stress(bool on) { stress_ = on; }
    bool stress() const { return stress_; }

    // Roots besides Root/List and the stacks.
    void add_root_provider(RootProvider* provider) { providers_.push_back(provider); }
    void remove_root_provider(RootProvider* provider);

    // The stack the running code is on: its base (highest address). The
    // heap starts with the calling thread's own stack; the stack switcher
    // sets the fiber's base while a fiber runs, and registers the suspended
    // stacks (the thread's own included) as StackRanges.
    // `limit` is the lowest address code may use before it must report
    // stack exhaustion (a RangeError) instead of overflowing.
    void set_running_stack(const void* base, const void* limit)
    {
        running_stack_base_ = base;
        running_stack_limit_ = limit;
    }
    const void* running_stack_base() const { return running_stack_base_; }
    const void* running_stack_limit() const { return running_stack_limit_; }
    // True when the native stack is nearly used up: recursive algorithms
    // check this and throw a RangeError rather than crash.
    bool native_stack_exhausted() const
    {
        return static_cast<const void*>(__builtin_frame_address(0)) < running_stack_limit_;
    }
    void add_stack_range(const StackRange* range) { stack_ranges_.insert(range); }
    void remove_stack_range(const StackRange* range) { stack_ranges_.erase(range); }
    // The resume chain, innermost last pushed: the stack of each resumer
    // while the fiber it resumed runs (a stack push and pop, no hashing).
    void push_stack_range(StackRange* range)
    {
        range->next = resume_chain_;
        resume_chain_ = range;
    }
    void pop_stack_range(const StackRange* range)
    {
        SPEC_ASSERT(resume_chain_ == range);
        resume_chain_ = range->next;
    }

    // A cell whose owner must act between marking and sweeping (a
    // SuspendableContext: its fiber is unwound while every cell is still
    // intact, or its suspended stack compacted). After each marking,
    // `after_marking(cell, reachable)` runs for every watched cell; an
    // unreachable one stops being watched first.
    using AfterMarking = void (*)(Cell*, bool reachable);
    void watch(Cell* cell, AfterMarking after_marking) { watched_[cell] = after_marking; }
    void unwatch(Cell* cell) { watched_.erase(cell); }
    bool collecting() const { return collecting_; }

    // The cell whose storage contains `address`, if it is a live cell of this
    // heap (interior pointers count): the conservative scan's question.
    Cell* cell_containing(const void* address) const;
    bool is_live(const Cell* cell) const { return cell_containing(cell) == cell; }

    // The interned String with these code units (one cell per distinct
    // sequence; weak: an interned String nothing else refers to is collected).
    String* intern(std::u16string_view units);
    String* intern_ascii(std::string_view ascii);

    // Memory outside cells that a cell keeps (a fiber's committed stack, a
    // saved-stack buffer): newly taken, it counts toward the next automatic
    // collection; still held at a collection (told by a watched cell's
    // after_marking), toward the live size that sets the next threshold.
    void report_external_allocation(size_t bytes) { allocated_since_collection_ += bytes; }
    void report_external_live(size_t bytes) { external_live_bytes_ += bytes; }

    struct Statistics {
        size_t live_cells = 0;
        size_t collections = 0;
        size_t blocks = 0;
        size_t live_bytes = 0;  // in cells, after the last collection
        size_t external_live_bytes = 0;  // outside cells, kept by live cells, after the last collection
        size_t threshold = 0;  // bytes to allocate before the next automatic collection
    };
    Statistics statistics() const;

private:
    friend class Visitor;
    struct Block;
    struct SizeClass;

    void* allocate_raw(size_t size);
    void* allocate_large(size_t size);
    Block* new_block(size_t cell_size, size_t bytes);
    void set_live(const Cell* cell);
    void maybe_collect();
    bool mark(Cell* cell);  // true if it was not marked before
    void scan_range(Visitor&, const void* low, const void* high);
    void scan_native_stack(Visitor&);
    void scan_from_callee_frame(Visitor&);
    void scan_stack_range(Visitor&, const StackRange&);
    void after_marking();
    void sweep();

    static size_t size_class_index(size_t size);

    std::vector<SizeClass> size_classes_;
    struct BlockLeaf {
        uint32_t upper;
        Block** blocks;
    };
    std::vector<BlockLeaf> block_leaves_;  // chunk address -> block (block_slot)
    Block*& block_slot(uintptr_t address);
    Block* block_at(uintptr_t address) const;
    std::vector<Block*> all_blocks_;
    uintptr_t lowest_address_ = UINTPTR_MAX;
    uintptr_t highest_address_ = 0;

    std::vector<RootProvider*> providers_;
    const void* running_stack_base_ = nullptr;
    const void* running_stack_limit_ = nullptr;
    std::unordered_set<const StackRange*> stack_ranges_;
    const StackRange* resume_chain_ = nullptr;
    std::unordered_map<Cell*, AfterMarking> watched_;

    struct UnitsHash {
        size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>()(s); }
    };
    std::unordered_map<std::u16string_view, String*, UnitsHash> interned_;

    bool automatic_ = true;
    bool stress_ = false;
    bool collecting_ = false;
    size_t allocated_since_collection_ = 0;
    size_t collection_threshold_ = kMinimumCollectionThreshold;
    size_t live_bytes_ = 0;  // after the last collection
    size_t external_live_bytes_ = 0;
    size_t live_cells_ = 0;
    size_t collections_ = 0;
};

}  // namespace lockstep
