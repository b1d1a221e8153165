// A bump allocator for the parse tree: nodes live as long as their Program
// and are never deleted one by one (their destructors never run, so nodes
// hold only trivially destructible members: pointers, spans, numbers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lockstep::syntax {

class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* allocate(size_t size, size_t align)
    {
        size_t p = (used_ + align - 1) & ~(align - 1);
        if (p + size > capacity_) [[unlikely]] {
            grow(size + align);
            p = (used_ + align - 1) & ~(align - 1);
        }
        used_ = p + size;
        return current_ + p;
    }

    template <typename T, typename... Args>
    T* make(Args&&... args)
    {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
    }

    // Copies a range into the arena; the result lives as long as the arena.
    template <typename T>
    std::span<T> copy(const T* data, size_t n)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (n == 0) return {};
        T* out = static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
        std::memcpy(out, data, sizeof(T) * n);
        return {out, n};
    }

    std::u16string_view copy(std::u16string_view s)
    {
        auto sp = copy(s.data(), s.size());
        return {sp.data(), sp.size()};
    }
    std::string_view copy(std::string_view s)
    {
        auto sp = copy(s.data(), s.size());
        return {sp.data(), sp.size()};
    }

    size_t bytes_allocated() const { return total_; }

private:
    void grow(size_t at_least)
    {
        size_t size = chunk_size_;
        if (size < at_least) size = at_least;
        chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
        current_ = chunks_.back().get();
        capacity_ = size;
        used_ = 0;
        total_ += size;
        if (chunk_size_ < (size_t(1) << 22)) chunk_size_ *= 2;
    }

    std::vector<std::unique_ptr<std::byte[]>> chunks_;
    std::byte* current_ = nullptr;
    size_t capacity_ = 0;
    size_t used_ = 0;
    size_t total_ = 0;
    size_t chunk_size_ = 16 * 1024;
};

}  // namespace lockstep::syntax
