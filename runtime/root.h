// Values held outside cells (C++ locals that must survive across calls that
// may allocate, containers, host state) are roots: Root<T> for one, List<T>
// for the spec's Lists (§6.2.2). DESIGN.md §5.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <utility>
#include <vector>

#include "runtime/value.h"

namespace lockstep {

class Visitor;
class Cell;
class PropertyKey;

// An intrusive, doubly linked list of the live roots of this thread. A heap
// belongs to one agent, and an agent runs on one thread (its fibers included),
// so the collector marks the roots of the thread it runs on. Roots living in
// a suspended fiber's frames stay linked, and so stay roots, as they should.
class RootBase {
public:
    virtual void visit(Visitor&) const = 0;

    // Calls f(root) for every live root of the current thread.
    template <class F>
    static void for_each(F&& f)
    {
        for (RootBase* r = head_; r; r = r->next_) f(*r);
    }

protected:
    RootBase() { link(); }
    RootBase(const RootBase&) { link(); }
    RootBase& operator=(const RootBase&) { return *this; }
    ~RootBase() { unlink(); }

private:
    void link()
    {
        next_ = head_;
        if (head_) head_->prev_ = this;
        head_ = this;
    }
    void unlink()
    {
        if (prev_) prev_->next_ = next_; else head_ = next_;
        if (next_) next_->prev_ = prev_;
    }

    static inline thread_local RootBase* head_ = nullptr;
    RootBase* prev_ = nullptr;
    RootBase* next_ = nullptr;
};

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
