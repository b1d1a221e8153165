#include <gtest/gtest.h>

#include "fixture.h"
#include "runtime/root.h"
#include "runtime/symbol.h"

namespace lockstep::testing {
namespace {

// Makes cells in a frame that is gone (and its registers overwritten) by
// the time the caller collects, so only what the test keeps is reachable.
[[gnu::noinline]] void make_garbage(Heap& heap, int count)
{
    for (int i = 0; i < count; ++i) make_string_from_ascii(heap, "garbage");
}

[[gnu::noinline]] void clobber_stack()
{
    volatile char buffer[16384];
    for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = 0;
}

// Addresses are hidden from the conservative scan by storing them flipped;
// volatile, so the compiler cannot keep the unflipped address in a register
// across a collection.
struct Hidden {
    explicit Hidden(const Cell* cell) : bits(~reinterpret_cast<uintptr_t>(cell)) {}
    Hidden(const Hidden& other) : bits(other.bits) {}
    Hidden& operator=(const Hidden& other)
    {
        bits = other.bits;
        return *this;
    }
    const Cell* get() const { return reinterpret_cast<const Cell*>(~bits); }
    volatile uintptr_t bits;
};

// Asks in a frame of its own, so that the unflipped address never sits in
// a register of the test body when the test collects.
[[gnu::noinline]] bool is_live(Heap& heap, const Hidden& hidden)
{
    return heap.is_live(hidden.get());
}

[[gnu::noinline]] Hidden make_hidden_string(Heap& heap)
{
    return Hidden(make_string_from_ascii(heap, "hidden"));
}

class HeapTest : public RuntimeTest {};

TEST_F(HeapTest, CollectionFreesUnreachableCells)
{
    size_t before = agent.heap.statistics().live_cells;
    make_garbage(agent.heap, 1000);
    EXPECT_GE(agent.heap.statistics().live_cells, before + 1000);
    clobber_stack();
    agent.heap.collect();
    // A few may survive as stale words on the stack; the bulk must go.
    EXPECT_LT(agent.heap.statistics().live_cells, before + 50);
}

TEST_F(HeapTest, UnreferencedCellIsFreedAndRootedCellSurvives)
{
    Hidden unreachable = make_hidden_string(agent.heap);
    Hidden rooted_address = make_hidden_string(agent.heap);
    Root<Value> root(static_cast<String*>(const_cast<Cell*>(rooted_address.get())));
    clobber_stack();
    agent.heap.collect();
    EXPECT_FALSE(is_live(agent.heap, unreachable));
    EXPECT_TRUE(is_live(agent.heap, rooted_address));
    EXPECT_EQ(root.get().as_string()->to_utf8(), "hidden");
}

TEST_F(HeapTest, StackReferencedCellsSurvive)
{
    String* on_stack = make_string_from_ascii(agent.heap, "kept by the stack");
    Value boxed = make_string_from_ascii(agent.heap, "kept as a NaN-boxed value");
    make_garbage(agent.heap, 100);
    agent.heap.collect();
    EXPECT_TRUE(agent.heap.is_live(on_stack));
    EXPECT_TRUE(agent.heap.is_live(boxed.as_string()));
    EXPECT_EQ(on_stack->to_utf8(), "kept by the stack");
    EXPECT_EQ(boxed.as_string()->to_utf8(), "kept as a NaN-boxed value");
}

struct Edges {
    Hidden value_string, key_symbol, proto;
};

// Hangs a String value, a Symbol key and a prototype off `holder`.
[[gnu::noinline]] Edges attach_edges(Agent& agent, Object& holder)
{
    String* s = make_string_from_ascii(agent.heap, "value");
    Symbol* sym = agent.heap.allocate<Symbol>(make_string_from_ascii(agent.heap, "description"));
    Object* p = OrdinaryObjectCreate(agent, nullptr);
    MUST(CreateDataPropertyOrThrow(agent, holder, agent.key("v"), s));
    MUST(CreateDataPropertyOrThrow(agent, holder, sym, Value::number(1)));
    MUST(holder.SetPrototypeOf(agent, p));
    return Edges{Hidden(s), Hidden(sym), Hidden(p)};
}

TEST_F(HeapTest, EdgeReachableCellsSurviveThroughObjectsPrototypesAndSymbols)
{
    Root<Object*> holder(new_object());
    Edges edges = attach_edges(agent, *holder.get());
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, edges.value_string));
    EXPECT_TRUE(is_live(agent.heap, edges.key_symbol));
    EXPECT_TRUE(is_live(agent.heap, edges.proto));
    // Dropping the edges makes them unreachable.
    MUST(DeletePropertyOrThrow(agent, *holder.get(), key("v")));
    MUST(holder->SetPrototypeOf(agent, nullptr));
    clobber_stack();
    agent.heap.collect();
    EXPECT_FALSE(is_live(agent.heap, edges.value_string));
    EXPECT_FALSE(is_live(agent.heap, edges.proto));
    EXPECT_TRUE(is_live(agent.heap, edges.key_symbol));
}

TEST_F(HeapTest, RealmAndIntrinsicsSurviveThroughTheAgent)
{
    Hidden realm_cell(&realm());
    Hidden object_prototype(realm().intrinsic(Intrinsic::ObjectPrototype));
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, realm_cell));
    EXPECT_TRUE(is_live(agent.heap, object_prototype));
}

[[gnu::noinline]] Hidden intern_hidden(Heap& heap)
{
    return Hidden(heap.intern(u"only-here"));
}

TEST_F(HeapTest, InternedStringsAreWeak)
{
    Hidden interned = intern_hidden(agent.heap);
    clobber_stack();
    agent.heap.collect();
    EXPECT_FALSE(is_live(agent.heap, interned));
    // Interning again makes a new cell with the same contents.
    EXPECT_EQ(agent.heap.intern(u"only-here")->to_utf8(), "only-here");
    EXPECT_EQ(agent.heap.intern(u"only-here"), agent.heap.intern(u"only-here"));
}

[[gnu::noinline]] Hidden append_hidden(Heap& heap, List<Value>& list)
{
    String* s = make_string_from_ascii(heap, "in a list");
    list.append(s);
    return Hidden(s);
}

TEST_F(HeapTest, ListsAreRoots)
{
    List<Value> list;
    Hidden first = append_hidden(agent.heap, list);
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, first));
}

// Stores a NaN-boxed String into word 2 of a (saved fiber) stack copy.
[[gnu::noinline]] Hidden store_on_saved_stack(Heap& heap, uint64_t* saved_stack)
{
    String* s = make_string_from_ascii(heap, "on a suspended stack");
    saved_stack[2] = Value(s).bits();
    return Hidden(s);
}

TEST_F(HeapTest, RegisteredStackRangesAreScanned)
{
    auto* saved_stack = new uint64_t[4]{};
    Hidden cell = store_on_saved_stack(agent.heap, saved_stack);
    StackRange range{saved_stack, saved_stack + 4};
    agent.heap.add_stack_range(&range);
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, cell));
    agent.heap.remove_stack_range(&range);
    clobber_stack();
    agent.heap.collect();
    EXPECT_FALSE(is_live(agent.heap, cell));
    delete[] saved_stack;
}

TEST_F(HeapTest, LargeCellsAndManyBlocks)
{
    Root<Object*> holder(new_object());
    for (int i = 0; i < 5000; ++i)
        MUST(CreateDataPropertyOrThrow(agent, *holder.get(), PropertyKey::from_array_index(i),
                                       make_string(agent.heap, std::u16string(i % 7 + 1, u'x'))));
    make_garbage(agent.heap, 20000);
    clobber_stack();
    agent.heap.collect();
    EXPECT_EQ(MUST(Get(agent, *holder.get(), PropertyKey::from_array_index(4999))).as_string()->length(), 4999u % 7 + 1);
    size_t live = agent.heap.statistics().live_cells;
    EXPECT_LT(live, 5000u + 500u);
}

TEST_F(HeapTest, StressModeCollectsAtEveryAllocationAndKeepsEverythingInUse)
{
    agent.heap.set_stress(true);
    size_t before = agent.heap.statistics().collections;
    Object* o = new_object();
    for (int i = 0; i < 200; ++i)
        MUST(CreateDataPropertyOrThrow(agent, *o, key(("p" + std::to_string(i)).c_str()), str("value")));
    agent.heap.set_stress(false);
    EXPECT_GT(agent.heap.statistics().collections, before + 200);
    auto keys = MUST(o->OwnPropertyKeys(agent));
    ASSERT_EQ(keys.size(), 200u);
    EXPECT_EQ(MUST(Get(agent, *o, key("p199"))).as_string()->to_utf8(), "value");
}

TEST_F(HeapTest, ConservativeLookupFindsInteriorPointersOnlyOfLiveCells)
{
    String* s = make_string_from_ascii(agent.heap, "x");
    EXPECT_EQ(agent.heap.cell_containing(s), s);
    EXPECT_EQ(agent.heap.cell_containing(reinterpret_cast<char*>(s) + 8), s);
    int not_a_cell = 0;
    EXPECT_EQ(agent.heap.cell_containing(&not_a_cell), nullptr);
    EXPECT_EQ(agent.heap.cell_containing(nullptr), nullptr);
}

TEST_F(HeapTest, AutomaticCollectionIsOnByDefaultAndRunsAtTheThreshold)
{
    ASSERT_TRUE(agent.heap.automatic_collection());
    Heap::Statistics start = agent.heap.statistics();
    EXPECT_GE(start.threshold, Heap::kMinimumCollectionThreshold);
    // Strings of ~64 bytes: well over the 8 MiB minimum in all, none kept.
    make_garbage(agent.heap, 400000);
    Heap::Statistics after = agent.heap.statistics();
    EXPECT_GT(after.collections, start.collections);
    // Garbage never piles up beyond a threshold's worth.
    EXPECT_LT(after.blocks * 64 * 1024, 4 * Heap::kMinimumCollectionThreshold);
}

TEST_F(HeapTest, TheThresholdGrowsWithTheLiveSize)
{
    List<Value> kept;
    for (int i = 0; i < 200000; ++i) kept.append(Value(make_string_from_ascii(agent.heap, "kept, with some length")));
    agent.heap.collect();
    Heap::Statistics s = agent.heap.statistics();
    EXPECT_GE(s.live_bytes, 200000u * 32);
    EXPECT_EQ(s.threshold, std::max(Heap::kMinimumCollectionThreshold, s.live_bytes * Heap::kGrowthFactor));
}

TEST_F(HeapTest, BlocksAreFoundFromAnyAddressInThem)
{
    // Cells in many blocks (and a large one): each is found from an interior
    // address, and an address past a freed block is no cell.
    std::vector<String*> strings;
    List<Value> kept;
    for (int i = 0; i < 5000; ++i) {
        String* string = make_string_from_ascii(agent.heap, std::string(i % 200, 'x'));
        kept.append(Value(string));
        strings.push_back(string);
    }
    for (String* string : strings) EXPECT_EQ(agent.heap.cell_containing(reinterpret_cast<char*>(string) + 4), string);
}

}  // namespace
}  // namespace lockstep::testing
