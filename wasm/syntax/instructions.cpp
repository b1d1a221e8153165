// The instruction table's lookups (see instructions.h).
#include "wasm/syntax/instructions.h"

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace lockstep::wasm {

namespace {

const OpInfo kOpInfo[] = {
#define WASM_OP_INFO(name, mnemonic, prefix, code, imm, sig) {mnemonic, prefix, code, Imm::imm, sig},
    WASM_INSTRUCTIONS(WASM_OP_INFO)
#undef WASM_OP_INFO
};

struct Maps {
    Op single[256];
    bool single_known[256] = {};
    std::unordered_map<uint64_t, Op> prefixed;
    std::unordered_map<std::string_view, Op> mnemonics;
    Maps()
    {
        for (size_t i = 0; i < static_cast<size_t>(Op::Count); ++i) {
            const OpInfo& info = kOpInfo[i];
            const Op op = static_cast<Op>(i);
            if (info.prefix == 0) {
                single[info.code] = op;
                single_known[info.code] = true;
            } else {
                prefixed.emplace((uint64_t{info.prefix} << 32) | info.code, op);
            }
            mnemonics.emplace(info.mnemonic, op);  // keeps the first of a shared mnemonic
        }
    }
};

const Maps& maps()
{
    static const Maps m;
    return m;
}

}  // namespace

const OpInfo& op_info(Op op) { return kOpInfo[static_cast<size_t>(op)]; }

bool op_from_byte(uint8_t byte, Op& out)
{
    if (!maps().single_known[byte]) return false;
    out = maps().single[byte];
    return true;
}

bool op_from_prefixed(uint8_t prefix, uint32_t code, Op& out)
{
    auto it = maps().prefixed.find((uint64_t{prefix} << 32) | code);
    if (it == maps().prefixed.end()) return false;
    out = it->second;
    return true;
}

bool op_from_mnemonic(const char* begin, size_t length, Op& out)
{
    auto it = maps().mnemonics.find(std::string_view(begin, length));
    if (it == maps().mnemonics.end()) return false;
    out = it->second;
    return true;
}

}  // namespace lockstep::wasm
