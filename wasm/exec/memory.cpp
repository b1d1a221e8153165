// Linear memory storage (§4.2.8 Memory instances): mmap'd reservation,
// committed on touch, so `memory.grow` never copies.
#include "wasm/exec/store.h"

#include <sys/mman.h>

namespace lockstep::wasm {

namespace {
constexpr uint64_t kPage = 65536;
// The implementation limit on a memory's size: 4 GiB (65536 pages) for
// every address type; growth beyond it fails as the spec allows.
constexpr uint64_t kMaxPages = 65536;
}  // namespace

MemInst::~MemInst()
{
    if (data) munmap(data, reserved);
}

bool MemInst::init(const MemType& t)
{
    type = t;
    if (t.limits.min > kMaxPages) return false;
    uint64_t cap = t.limits.has_max ? std::min<uint64_t>(t.limits.max, kMaxPages) : kMaxPages;
    if (cap < t.limits.min) cap = t.limits.min;
    reserved = std::max<uint64_t>(cap * kPage, kPage);
    void* p = mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        data = nullptr;
        reserved = 0;
        return false;
    }
    data = static_cast<uint8_t*>(p);
    size = t.limits.min * kPage;
    return true;
}

bool MemInst::grow(uint64_t delta)
{
    const uint64_t old_pages = pages();
    if (delta > kMaxPages - old_pages) return false;
    const uint64_t new_pages = old_pages + delta;
    if (type.limits.has_max && new_pages > type.limits.max) return false;
    if (new_pages * kPage > reserved) return false;
    size = new_pages * kPage;
    type.limits.min = new_pages;
    return true;
}

}  // namespace lockstep::wasm
