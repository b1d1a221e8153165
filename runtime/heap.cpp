#include "runtime/heap.h"

#include <pthread.h>

#include <algorithm>
#include <bit>
#include <cstdlib>

#include "runtime/bigint.h"
#include "runtime/object.h"
#include "runtime/property_key.h"
#include "runtime/root.h"
#include "runtime/string.h"
#include "runtime/symbol.h"
#include "spec/step.h"

namespace lockstep {

namespace {

// Blocks are aligned to their size, so a cell's block is its address with
// the low bits cleared; a large cell gets a block (of several chunks) alone.
constexpr size_t kBlockSize = 64 * 1024;
constexpr uintptr_t kBlockMask = ~uintptr_t(kBlockSize - 1);
constexpr size_t kCellAlignment = 16;
constexpr size_t kMaxCellsPerBlock = kBlockSize / kCellAlignment;
constexpr size_t kBitmapWords = kMaxCellsPerBlock / 64;
constexpr size_t kSizeClassSizes[] = {16,  32,  48,  64,  80,  96,   112,  128,  160,  192,  224, 256,
                                      320, 384, 448, 512, 640, 768, 1024, 1536, 2048, 3072, 4096};
constexpr size_t kLargestSmallCell = 4096;

struct FreeSlot {
    FreeSlot* next;
};

// Room left below the limit for the frames that run after a check passed
// (a builtin's C++ frames, the throw of the RangeError itself).
constexpr size_t kStackHeadroom = 256 * 1024;

struct ThreadStack {
    const char* base;
    const char* limit;
};

ThreadStack thread_stack()
{
    pthread_attr_t attr;
    void* low = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &low, &size);
        pthread_attr_destroy(&attr);
    }
    // The main thread's stack grows on demand up to RLIMIT_STACK; glibc
    // reports that size, so the limit is below what the kernel will grant.
    const char* base = static_cast<char*>(low) + size;
    return ThreadStack{base, static_cast<char*>(low) + std::min(size / 2, kStackHeadroom)};
}

}  // namespace

struct Heap::Block {
    size_t cell_size;
    size_t cell_count;
    size_t bytes;  // the whole allocation, header included
    bool large;
    uint64_t live[kBitmapWords];
    uint64_t marked[kBitmapWords];

    static constexpr size_t header_size() { return (sizeof(Block) + kCellAlignment - 1) & ~(kCellAlignment - 1); }
    char* cells() { return reinterpret_cast<char*>(this) + header_size(); }
    Cell* cell_at(size_t i) { return reinterpret_cast<Cell*>(cells() + i * cell_size); }
    size_t index_of(const void* p) { return (static_cast<const char*>(p) - cells()) / cell_size; }
    bool test(const uint64_t* bits, size_t i) const { return bits[i / 64] >> (i % 64) & 1; }
    static Block* of(const void* cell) { return reinterpret_cast<Block*>(reinterpret_cast<uintptr_t>(cell) & kBlockMask); }
};

struct Heap::SizeClass {
    size_t cell_size;
    FreeSlot* free_list = nullptr;
};

Heap::Heap()
{
    static_assert(Block::header_size() < kBlockSize / 8);
    ThreadStack stack = thread_stack();
    running_stack_base_ = stack.base;
    running_stack_limit_ = stack.limit;
    for (size_t size : kSizeClassSizes) size_classes_.push_back(SizeClass{size});
}

Heap::~Heap()
{
    for (Block* block : all_blocks_) {
        for (size_t i = 0; i < block->cell_count; ++i)
            if (block->test(block->live, i)) block->cell_at(i)->~Cell();
        block->~Block();
        std::free(block);
    }
    for (BlockLeaf& leaf : block_leaves_) std::free(leaf.blocks);
}

size_t Heap::size_class_index(size_t size)
{
    return std::lower_bound(std::begin(kSizeClassSizes), std::end(kSizeClassSizes), size) - std::begin(kSizeClassSizes);
}

Heap::Block* Heap::new_block(size_t cell_size, size_t bytes)
{
    void* memory = std::aligned_alloc(kBlockSize, bytes);
    if (!memory) throw std::bad_alloc();
    Block* block = new (memory) Block{};
    block->cell_size = cell_size;
    block->bytes = bytes;
    block->large = cell_size > kLargestSmallCell;
    block->cell_count = block->large ? 1 : (kBlockSize - Block::header_size()) / cell_size;
    auto start = reinterpret_cast<uintptr_t>(memory);
    for (uintptr_t chunk = start; chunk < start + bytes; chunk += kBlockSize) block_slot(chunk) = block;
    all_blocks_.push_back(block);
    lowest_address_ = std::min(lowest_address_, start);
    highest_address_ = std::max(highest_address_, start + bytes);
    return block;
}

void Heap::maybe_collect()
{
    if (collecting_) return;
    if (stress_ || (automatic_ && allocated_since_collection_ > collection_threshold_)) collect();
}

void* Heap::allocate_raw(size_t size)
{
    maybe_collect();
    size = std::max(size, sizeof(FreeSlot));
    if (size > kLargestSmallCell) return allocate_large(size);
    SizeClass& size_class = size_classes_[size_class_index(size)];
    if (!size_class.free_list) {
        Block* block = new_block(size_class.cell_size, kBlockSize);
        for (size_t i = block->cell_count; i-- > 0;) {
            auto* slot = reinterpret_cast<FreeSlot*>(block->cell_at(i));
            slot->next = size_class.free_list;
            size_class.free_list = slot;
        }
    }
    FreeSlot* slot = size_class.free_list;
    size_class.free_list = slot->next;
    allocated_since_collection_ += size_class.cell_size;
    return slot;
}

void* Heap::allocate_large(size_t size)
{
    size_t bytes = (Block::header_size() + size + kBlockSize - 1) & kBlockMask;
    Block* block = new_block((size + kCellAlignment - 1) & ~(kCellAlignment - 1), bytes);
    allocated_since_collection_ += size;
    return block->cells();
}

void Heap::set_live(const Cell* cell)
{
    Block* block = Block::of(cell);
    size_t i = block->index_of(cell);
    block->live[i / 64] |= uint64_t(1) << (i % 64);
    ++live_cells_;
}

bool Heap::mark(Cell* cell)
{
    Block* block = Block::of(cell);
    size_t i = block->index_of(cell);
    uint64_t bit = uint64_t(1) << (i % 64);
    if (block->marked[i / 64] & bit) return false;
    block->marked[i / 64] |= bit;
    return true;
}

Cell* Heap::cell_containing(const void* address) const
{
    auto a = reinterpret_cast<uintptr_t>(address);
    if (a < lowest_address_ || a >= highest_address_) return nullptr;
    Block* block = block_at(a);
    if (!block) return nullptr;
    auto cells = reinterpret_cast<uintptr_t>(block->cells());
    if (a < cells) return nullptr;
    size_t i = (a - cells) / block->cell_size;
    if (i >= block->cell_count || !block->test(block->live, i)) return nullptr;
    return block->cell_at(i);
}

// The block table: the chunk index (address / kBlockSize, 32 bits of a
// 48-bit address) split in two 16-bit halves, a leaf of 65536 entries per
// distinct upper half (a few: the malloc arenas).
Heap::Block*& Heap::block_slot(uintptr_t address)
{
    uintptr_t chunk = address / kBlockSize;
    uint32_t upper = uint32_t(chunk >> 16);
    for (BlockLeaf& leaf : block_leaves_)
        if (leaf.upper == upper) return leaf.blocks[chunk & 0xffff];
    // calloc: a large zeroed allocation is untouched pages until used.
    auto** blocks = static_cast<Block**>(std::calloc(size_t(1) << 16, sizeof(Block*)));
    if (!blocks) throw std::bad_alloc();
    block_leaves_.push_back(BlockLeaf{upper, blocks});
    return blocks[chunk & 0xffff];
}

Heap::Block* Heap::block_at(uintptr_t address) const
{
    uintptr_t chunk = address / kBlockSize;
    uint32_t upper = uint32_t(chunk >> 16);
    for (const BlockLeaf& leaf : block_leaves_)
        if (leaf.upper == upper) return leaf.blocks[chunk & 0xffff];
    return nullptr;
}

void Heap::remove_root_provider(RootProvider* provider)
{
    std::erase(providers_, provider);
}

String* Heap::intern(std::u16string_view units)
{
    if (auto found = interned_.find(units); found != interned_.end()) return found->second;
    String* string = allocate<String>(std::u16string(units));
    string->interned_ = true;
    interned_.emplace(string->view(), string);
    return string;
}

String* Heap::intern_ascii(std::string_view ascii)
{
    return intern(std::u16string(ascii.begin(), ascii.end()));
}

void Heap::scan_range(Visitor& visitor, const void* low, const void* high)
{
    auto begin = (reinterpret_cast<uintptr_t>(low) + 7) & ~uintptr_t(7);
    auto end = reinterpret_cast<uintptr_t>(high);
    for (uintptr_t p = begin; p + sizeof(uint64_t) <= end; p += sizeof(uint64_t)) {
        uint64_t word = *reinterpret_cast<const uint64_t*>(p);
        // A raw pointer, or a NaN-boxed Value whose payload is one.
        if (Cell* cell = cell_containing(reinterpret_cast<const void*>(word & Value::kPayloadMask)))
            visitor.visit(cell);
    }
}

void Heap::scan_stack_range(Visitor& visitor, const StackRange& range)
{
    if (!range.saved_sp) return;
    scan_range(visitor, range.saved_sp, range.base);
    if (range.roots) visitor.visit_roots(*range.roots);
    visitor.visit(range.keep_alive);
}

// The running stack and its roots, the resume chain below it, and the
// registered ranges (bare fibers). A suspended fiber with an owner is not
// here: its owner's visit_edges scans it.
[[gnu::noinline]] void Heap::scan_native_stack(Visitor& visitor)
{
    __builtin_unwind_init();  // pointers held only in registers now sit in this frame
    scan_from_callee_frame(visitor);
    if (const RootList* running = RootBase::running_stack_roots()) visitor.visit_roots(*running);
    for (const StackRange* range = resume_chain_; range; range = range->next) scan_stack_range(visitor, *range);
    for (const StackRange* range : stack_ranges_) scan_stack_range(visitor, *range);
}

// Runs one frame below scan_native_stack, so the registers it spilled lie
// between this frame and the running stack's base.
[[gnu::noinline]] void Heap::scan_from_callee_frame(Visitor& visitor)
{
    scan_range(visitor, __builtin_frame_address(0), running_stack_base_);
}

void Heap::collect()
{
    if (collecting_) return;
    collecting_ = true;
    for (Block* block : all_blocks_) std::fill(std::begin(block->marked), std::end(block->marked), 0);

    Visitor visitor(*this);
    RootBase::for_each([&](const RootBase& root) { root.visit(visitor); });
    for (RootProvider* provider : providers_) provider->visit_roots(visitor);
    scan_native_stack(visitor);
    while (!visitor.worklist_.empty()) {
        Cell* cell = visitor.worklist_.back();
        visitor.worklist_.pop_back();
        cell->visit_edges(visitor);
    }

    external_live_bytes_ = 0;
    after_marking();

    // The intern table is weak.
    std::erase_if(interned_, [&](const auto& entry) {
        Block* block = Block::of(entry.second);
        return !block->test(block->marked, block->index_of(entry.second));
    });
    sweep();
    ++collections_;
    allocated_since_collection_ = 0;
    collection_threshold_ = std::max(kMinimumCollectionThreshold, live_bytes_ * kGrowthFactor);
    collecting_ = false;
}

void Heap::after_marking()
{
    std::vector<std::pair<Cell*, AfterMarking>> unreachable;
    for (auto [cell, action] : watched_) {
        Block* block = Block::of(cell);
        if (block->test(block->marked, block->index_of(cell))) action(cell, true);
        else unreachable.emplace_back(cell, action);
    }
    for (auto [cell, action] : unreachable) {
        watched_.erase(cell);
        action(cell, false);
    }
}

void Heap::sweep()
{
    for (SizeClass& size_class : size_classes_) size_class.free_list = nullptr;
    std::vector<Block*> kept;
    live_bytes_ = 0;
    for (Block* block : all_blocks_) {
        size_t live_in_block = 0;
        for (size_t w = 0; w < kBitmapWords; ++w) {
            uint64_t dead = block->live[w] & ~block->marked[w];
            while (dead) {
                size_t i = w * 64 + std::countr_zero(dead);
                dead &= dead - 1;
                block->cell_at(i)->~Cell();
                --live_cells_;
            }
            block->live[w] &= block->marked[w];
            live_in_block += std::popcount(block->live[w]);
        }
        if (live_in_block == 0) {
            auto start = reinterpret_cast<uintptr_t>(block);
            for (uintptr_t chunk = start; chunk < start + block->bytes; chunk += kBlockSize) block_slot(chunk) = nullptr;
            block->~Block();
            std::free(block);
            continue;
        }
        kept.push_back(block);
        live_bytes_ += live_in_block * block->cell_size;
        if (block->large) continue;
        SizeClass& size_class = size_classes_[size_class_index(block->cell_size)];
        for (size_t i = block->cell_count; i-- > 0;) {
            if (block->test(block->live, i)) continue;
            auto* slot = reinterpret_cast<FreeSlot*>(block->cell_at(i));
            slot->next = size_class.free_list;
            size_class.free_list = slot;
        }
    }
    all_blocks_ = std::move(kept);
}

Heap::Statistics Heap::statistics() const
{
    return Statistics{live_cells_, collections_, all_blocks_.size(), live_bytes_, external_live_bytes_,
                      collection_threshold_};
}

void Visitor::visit(const Cell* cell)
{
    if (cell && heap_.mark(const_cast<Cell*>(cell))) worklist_.push_back(const_cast<Cell*>(cell));
}

void Visitor::visit_conservatively(const void* low, const void* high)
{
    heap_.scan_range(*this, low, high);
}

void Visitor::visit_roots(const RootList& roots, ptrdiff_t offset)
{
    roots.for_each([&](const RootBase& root) { root.visit(*this); }, offset);
}

void Visitor::visit(Value value)
{
    switch (value.is_cell() ? value.type() : Type::Undefined) {
    case Type::String: visit(value.as_string()); break;
    case Type::Symbol: visit(value.as_symbol()); break;
    case Type::BigInt: visit(value.as_bigint()); break;
    case Type::Object: visit(value.as_object()); break;
    default: break;
    }
}

void Visitor::visit(const PropertyKey& key)
{
    if (key.is_symbol()) visit(key.as_symbol());
    else if (!key.is_array_index()) visit(key.as_string());
}

void visit_root_item(Visitor& v, Value value) { v.visit(value); }
void visit_root_item(Visitor& v, const PropertyKey& key) { v.visit(key); }
void visit_root_item(Visitor& v, const Cell* cell) { v.visit(cell); }

}  // namespace lockstep
