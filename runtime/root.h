// Values held outside cells (C++ locals that must survive across calls that
// may allocate, containers, host state) are roots: Root<T> for one, List<T>
// for the spec's Lists (§6.2.2). DESIGN.md §5.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "runtime/value.h"

namespace lockstep {

class Visitor;
class Cell;
class PropertyKey;

class RootBase;

// One native stack's roots: an intrusive, doubly linked list of the Root and
// List objects in its frames. A heap belongs to one agent, and an agent runs
// on one thread (its fibers included). Each fiber stack has a list of its
// own (runtime/fiber.h); the thread has one for the roots in its own stack's
// frames and for every root outside any fiber stack (in a container, a
// std::function, a host's state). The collector visits the thread's list,
// the lists of the fibers on the running chain, and — through its owner —
// the list of a suspended fiber, which therefore keeps cells alive only as
// long as the fiber itself is reachable.
struct RootList {
    RootBase* head = nullptr;
    // Calls f(root) for every root of the list. `offset` is added to every
    // node address: the list of a fiber whose stack was copied to a buffer
    // is read in that buffer (runtime/fiber.h).
    template <class F>
    void for_each(F&& f, ptrdiff_t offset = 0) const;
};

class RootBase {
public:
    virtual void visit(Visitor&) const = 0;

    // Calls f(root) for every root of the thread's own list (not those of
    // fiber stacks).
    template <class F>
    static void for_each(F&& f)
    {
        thread_roots_.for_each(std::forward<F>(f));
    }

    // The stack switcher's side: the list new roots whose storage lies in
    // [low, high) join — the running fiber's stack — (null: the thread's
    // own stack runs, every root joins the thread's list).
    static void set_running_stack_roots(RootList* list, const void* low, const void* high)
    {
        stack_roots_ = list;
        stack_low_ = static_cast<const char*>(low);
        stack_high_ = static_cast<const char*>(high);
    }
    static RootList* running_stack_roots() { return stack_roots_; }
    static const RootList& thread_roots() { return thread_roots_; }

protected:
    RootBase() { link(); }
    RootBase(const RootBase&) { link(); }
    RootBase& operator=(const RootBase&) { return *this; }
    ~RootBase() { unlink(); }

private:
    friend struct RootList;
    void link()
    {
        auto* self = reinterpret_cast<const char*>(this);
        list_ = stack_roots_ && stack_low_ <= self && self < stack_high_ ? stack_roots_ : &thread_roots_;
        next_ = list_->head;
        if (next_) next_->prev_ = this;
        list_->head = this;
    }
    void unlink()
    {
        if (prev_) prev_->next_ = next_; else list_->head = next_;
        if (next_) next_->prev_ = prev_;
    }

    static inline thread_local RootList thread_roots_;
    static inline thread_local RootList* stack_roots_ = nullptr;
    static inline thread_local const char* stack_low_ = nullptr;
    static inline thread_local const char* stack_high_ = nullptr;
    RootList* list_;
    RootBase* prev_ = nullptr;
    RootBase* next_ = nullptr;
};

template <class F>
void RootList::for_each(F&& f, ptrdiff_t offset) const
{
    auto moved = [offset](RootBase* r) {
        return r ? reinterpret_cast<RootBase*>(reinterpret_cast<char*>(r) + offset) : nullptr;
    };
    for (RootBase* r = moved(head); r; r = moved(r->next_)) f(*r);
}

// What a root can hold: a Value, a PropertyKey, or a pointer to a cell type.
void visit_root_item(Visitor&, Value);
void visit_root_item(Visitor&, const PropertyKey&);
void visit_root_item(Visitor&, const Cell*);

template <class T>
class Root final : public RootBase {
public:
    Root() : value_() {}
    Root(T value) : value_(value) {}
    Root(const Root& other) : RootBase(other), value_(other.value_) {}
    Root& operator=(const Root& other) { value_ = other.value_; return *this; }
    Root& operator=(T value) { value_ = value; return *this; }

    T get() const { return value_; }
    operator T() const { return value_; }
    T operator->() const { return value_; }
    void visit(Visitor& v) const override { visit_root_item(v, value_); }

private:
    T value_;
};

// A List (§6.2.2) of Values, PropertyKeys or cells, kept alive while the
// List lives. A thin wrapper over std::vector: indexes, iterates and appends.
template <class T>
class List final : public RootBase {
public:
    List() = default;
    List(std::initializer_list<T> items) : items_(items) {}
    explicit List(std::vector<T> items) : items_(std::move(items)) {}
    List(const List& other) : RootBase(other), items_(other.items_) {}
    List(List&& other) noexcept : RootBase(other), items_(std::move(other.items_)) {}
    List& operator=(const List& other) { items_ = other.items_; return *this; }
    List& operator=(List&& other) noexcept { items_ = std::move(other.items_); return *this; }

    void append(T item) { items_.push_back(item); }
    size_t size() const { return items_.size(); }
    bool is_empty() const { return items_.empty(); }
    T& operator[](size_t i) { return items_[i]; }
    const T& operator[](size_t i) const { return items_[i]; }
    auto begin() { return items_.begin(); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    const std::vector<T>& items() const { return items_; }
    std::vector<T>& items() { return items_; }

    void visit(Visitor& v) const override
    {
        for (const T& item : items_) visit_root_item(v, item);
    }

private:
    std::vector<T> items_;
};

}  // namespace lockstep
