// Wasm 3.0 §5 Binary format (SpecTec 5.1–5.4-binary.*).
//
// A recursive-descent reader over the byte span. A malformation aborts the
// whole decode, so it unwinds with a private exception caught once in
// decode_module (this is grammar, not a spec algorithm with completions).
// Nesting is tracked with counters, never native recursion on input.
//
// Messages follow the test suite's (the reference interpreter's). That
// decoder reads a section's contents from the whole stream and checks the
// size afterwards, so for a few truncated or overlong encodings it reports
// another of the malformations present; those cases are listed in
// conformance/wast/expectations.txt.
#include "wasm/binary/decoder.h"

#include "wasm/syntax/names.h"

#include <cstring>

namespace lockstep::wasm {

namespace {

struct Malformed {
    const char* message;
    size_t offset;
};

// Locals are materialized per call frame, so an absurd count is rejected
// up front (the spec's own bound is 2^32-1).
constexpr uint64_t kMaxLocals = 50000;

// A cursor over the module's bytes, limited to the region being decoded (a
// section or a function body). Running off the end is "unexpected end"; an
// instruction sequence cut short is "unexpected end of section or function".
class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes), limit_(bytes.size()) {}

    size_t offset() const { return pos_; }
    size_t pos() const { return pos_; }
    void seek(size_t p) { pos_ = p; }
    bool at_end() const { return pos_ >= limit_; }
    size_t remaining() const { return limit_ - pos_; }
    [[noreturn]] void fail(const char* message) const { throw Malformed{message, offset()}; }
    [[noreturn]] void fail_end() const { fail("unexpected end"); }
    // The region of `size` bytes starting here (which `length()` checked).
    Reader region(uint32_t size) const
    {
        Reader r = *this;
        r.limit_ = std::min(limit_, pos_ + size);
        return r;
    }

    uint8_t byte()
    {
        if (at_end()) fail_end();
        return bytes_[pos_++];
    }
    uint8_t peek()
    {
        if (at_end()) fail_end();
        return bytes_[pos_];
    }
    uint64_t leb(unsigned bits, bool is_signed)
    {
        const auto rest = bytes_.subspan(pos_, limit_ - pos_);
        LebResult r = is_signed ? read_leb_signed(rest, bits) : read_leb_unsigned(rest, bits);
        pos_ += r.length;
        if (r.error) {
            if (std::string_view(r.error) == "unexpected end") fail_end();
            fail(r.error);
        }
        return r.value;
    }
    uint32_t u32() { return static_cast<uint32_t>(leb(32, false)); }
    uint64_t u64() { return leb(64, false); }
    int64_t s33() { return static_cast<int64_t>(leb(33, true)); }
    std::span<const uint8_t> take(uint64_t n)
    {
        if (n > remaining()) {
            pos_ = limit_;
            fail_end();
        }
        auto s = bytes_.subspan(pos_, n);
        pos_ += n;
        return s;
    }
    uint64_t fixed(unsigned n)
    {
        auto s = take(n);
        uint64_t v = 0;
        for (unsigned i = 0; i < n; ++i) v |= static_cast<uint64_t>(s[i]) << (8 * i);
        return v;
    }
    // The length of a name, byte string, section or body: at most the bytes left.
    uint32_t length()
    {
        const uint32_t n = u32();
        if (n > remaining()) fail("length out of bounds");
        return n;
    }
    // §5.2.4 Names: a vector of bytes that is valid UTF-8.
    std::string name()
    {
        const uint32_t n = length();
        auto s = take(n);
        if (!valid_utf8(std::string_view(reinterpret_cast<const char*>(s.data()), s.size())))
            fail("malformed UTF-8 encoding");
        return std::string(s.begin(), s.end());
    }
    // A vector's element count. Every element takes at least one byte, so a
    // count beyond the bytes left fails now rather than element by element.
    uint32_t vec_length()
    {
        const uint32_t n = u32();
        if (n > remaining()) fail("unexpected end of section or function");
        return n;
    }

private:
    std::span<const uint8_t> bytes_;
    size_t limit_;
    size_t pos_ = 0;
};

class Decoder {
public:
    explicit Decoder(Module& m) : m_(m) {}

    // §5.3.3 Heap types: an abstract type's byte, or a type index as s33.
    HeapType heap_type(Reader& r)
    {
        const uint8_t b = r.peek();
        if (auto a = abs_heap(b)) {
            r.byte();
            return HeapType::abs(*a);
        }
        const int64_t v = r.s33();
        if (v < 0) r.fail("malformed heap type");
        return HeapType::idx(static_cast<uint32_t>(v));
    }
    static std::optional<AbsHeap> abs_heap(uint8_t b)
    {
        switch (b) {
        case 0x70: return AbsHeap::Func;
        case 0x6F: return AbsHeap::Extern;
        case 0x6E: return AbsHeap::Any;
        case 0x6D: return AbsHeap::Eq;
        case 0x6C: return AbsHeap::I31;
        case 0x6B: return AbsHeap::Struct;
        case 0x6A: return AbsHeap::Array;
        case 0x69: return AbsHeap::Exn;
        case 0x71: return AbsHeap::None;
        case 0x73: return AbsHeap::NoFunc;
        case 0x72: return AbsHeap::NoExtern;
        case 0x74: return AbsHeap::NoExn;
        default: return std::nullopt;
        }
    }
    ValType ref_type(Reader& r)
    {
        const uint8_t b = r.byte();
        if (b == 0x64 || b == 0x63) return ValType::ref(b == 0x63, heap_type(r));
        if (auto a = abs_heap(b)) return ValType::ref(true, HeapType::abs(*a));
        r.fail("malformed reference type");
    }
    ValType val_type(Reader& r)
    {
        switch (r.peek()) {
        case 0x7F: r.byte(); return kI32;
        case 0x7E: r.byte(); return kI64;
        case 0x7D: r.byte(); return kF32;
        case 0x7C: r.byte(); return kF64;
        case 0x7B: r.byte(); return kV128;
        default: {
            const uint8_t b = r.peek();
            if (b == 0x64 || b == 0x63 || abs_heap(b)) return ref_type(r);
            r.byte();
            r.fail("malformed value type");
        }
        }
    }
    FieldType field_type(Reader& r)
    {
        FieldType f;
        const uint8_t b = r.peek();
        if (b == 0x78 || b == 0x77) {
            r.byte();
            f.packed = b == 0x78 ? Packed::I8 : Packed::I16;
            f.type = kI32;
        } else {
            f.type = val_type(r);
        }
        const uint8_t mut = r.byte();
        if (mut > 1) r.fail("malformed mutability");
        f.mut = mut == 1;
        return f;
    }
    CompType comp_type(Reader& r)
    {
        CompType c;
        const uint8_t b = r.byte();
        if (b == 0x60) {
            c.kind = CompKind::Func;
            for (uint32_t n = r.vec_length(); n--;) c.func.params.push_back(val_type(r));
            for (uint32_t n = r.vec_length(); n--;) c.func.results.push_back(val_type(r));
        } else if (b == 0x5F) {
            c.kind = CompKind::Struct;
            for (uint32_t n = r.vec_length(); n--;) c.fields.push_back(field_type(r));
        } else if (b == 0x5E) {
            c.kind = CompKind::Array;
            c.fields.push_back(field_type(r));
        } else {
            r.fail("malformed composite type");
        }
        return c;
    }
    SubType sub_type(Reader& r)
    {
        SubType s;
        const uint8_t b = r.peek();
        if (b == 0x50 || b == 0x4F) {
            r.byte();
            s.final = b == 0x4F;
            for (uint32_t n = r.vec_length(); n--;) s.supers.push_back(r.u32());
        }
        s.comp = comp_type(r);
        return s;
    }
    void type_section(Reader& r)
    {
        for (uint32_t n = r.vec_length(); n--;) {
            RecType rec;
            if (r.peek() == 0x4E) {
                r.byte();
                for (uint32_t k = r.vec_length(); k--;) rec.subs.push_back(sub_type(r));
            } else {
                rec.subs.push_back(sub_type(r));
            }
            for (auto& s : rec.subs) {
                m_.types.push_back(s);
                m_.type_rec.push_back(static_cast<uint32_t>(m_.rec_types.size()));
            }
            m_.rec_types.push_back(std::move(rec));
        }
    }
    // Limits (and, for memories, the shared flag).
    Limits limits(Reader& r, bool is_memory, bool* shared = nullptr)
    {
        Limits l;
        const uint8_t flags = r.byte();
        if (shared) *shared = flags & 2;
        const uint32_t allowed = is_memory ? 0x7 : 0x5;
        if (flags & ~allowed) r.fail("malformed limits flags");
        l.at = (flags & 4) ? AddrType::I64 : AddrType::I32;
        l.has_max = flags & 1;
        const unsigned bits = l.at == AddrType::I64 ? 64 : 32;
        l.min = r.leb(bits, false);
        if (l.has_max) l.max = r.leb(bits, false);
        return l;
    }
    TableType table_type(Reader& r)
    {
        TableType t;
        t.elem = ref_type(r);
        t.limits = limits(r, false);
        return t;
    }
    MemType mem_type(Reader& r)
    {
        MemType t;
        t.limits = limits(r, true, &t.shared);
        return t;
    }
    GlobalType global_type(Reader& r)
    {
        GlobalType g;
        g.type = val_type(r);
        const uint8_t mut = r.byte();
        if (mut > 1) r.fail("malformed mutability");
        g.mut = mut == 1;
        return g;
    }
    void import_section(Reader& r)
    {
        for (uint32_t n = r.vec_length(); n--;) {
            Import im;
            im.module = r.name();
            im.name = r.name();
            const uint8_t kind = r.byte();
            switch (kind) {
            case 0x00:
                im.kind = ExternKind::Func;
                im.type_index = r.u32();
                m_.func_types.push_back(im.type_index);
                ++m_.num_imported_funcs;
                break;
            case 0x01:
                im.kind = ExternKind::Table;
                im.table = table_type(r);
                m_.table_types.push_back(im.table);
                ++m_.num_imported_tables;
                break;
            case 0x02:
                im.kind = ExternKind::Mem;
                im.mem = mem_type(r);
                m_.mem_types.push_back(im.mem);
                ++m_.num_imported_mems;
                break;
            case 0x03:
                im.kind = ExternKind::Global;
                im.global = global_type(r);
                m_.global_types.push_back(im.global);
                ++m_.num_imported_globals;
                break;
            case 0x04:
                im.kind = ExternKind::Tag;
                if (r.byte() != 0x00) r.fail("malformed tag attribute");
                im.type_index = r.u32();
                m_.tag_types.push_back(im.type_index);
                ++m_.num_imported_tags;
                break;
            default: r.fail("malformed import kind");
            }
            m_.imports.push_back(std::move(im));
        }
    }
    void expr(Reader& r, Expr& code, CodePools& pools);
    void instr_immediates(Reader& r, Op op, Instr& in, CodePools& pools);
    ConstExpr const_expr(Reader& r)
    {
        ConstExpr e;
        expr(r, e.code, e.pools);
        return e;
    }

    void name_section(Reader& r);
    void elem_section(Reader& r);
    void code_section(Reader& r);
    void data_section(Reader& r);
    void decode(std::span<const uint8_t> bytes);

private:
    Module& m_;
    uint32_t declared_funcs_ = 0;
    bool saw_code_ = false;
    bool saw_data_ = false;
};

BlockType block_type(Decoder& d, Reader& r)
{
    BlockType bt;
    const uint8_t b = r.peek();
    if (b == 0x40) {
        r.byte();
        bt.kind = BlockType::Empty;
    } else if (b >= 0x63 || Decoder::abs_heap(b)) {
        // A value type's encodings all lie in the negative s33 range.
        bt.kind = BlockType::Value;
        bt.type = d.val_type(r);
    } else {
        const int64_t v = r.s33();
        if (v < 0) r.fail("malformed block type");
        bt.kind = BlockType::Index;
        bt.index = static_cast<uint32_t>(v);
    }
    return bt;
}

void Decoder::instr_immediates(Reader& r, Op op, Instr& in, CodePools& pools)
{
    const auto pool_index = [](const auto& v) { return static_cast<uint32_t>(v.size()); };
    switch (op_info(op).imm) {
    case Imm::None: break;
    case Imm::Block:
        in.a = pool_index(pools.block_types);
        pools.block_types.push_back(block_type(*this, r));
        break;
    case Imm::Label: case Imm::Func: case Imm::Type: case Imm::Local: case Imm::Global:
    case Imm::Table: case Imm::Elem: case Imm::Mem: case Imm::Data: case Imm::Tag:
        in.a = r.u32();
        break;
    case Imm::BrTable: {
        std::vector<uint32_t> labels;
        for (uint32_t n = r.vec_length(); n--;) labels.push_back(r.u32());
        labels.push_back(r.u32());
        in.a = pool_index(pools.br_tables);
        pools.br_tables.push_back(std::move(labels));
        break;
    }
    case Imm::CallIndirect: case Imm::TypeField: case Imm::TypeType: case Imm::TypeData:
    case Imm::TypeElem: case Imm::TypeN: case Imm::TableTable: case Imm::MemMem:
        in.a = r.u32();
        in.b = r.u32();
        break;
    case Imm::TableElem:  // binary: elemidx tableidx
    case Imm::MemData:    // binary: dataidx memidx
        in.b = r.u32();
        in.a = r.u32();
        break;
    case Imm::MemArg: {
        uint32_t flags = r.u32();
        if (flags & 0x40) {
            flags &= ~0x40u;
            in.b = r.u32();
        }
        if (flags >= 64) r.fail("malformed memop flags");
        in.a = flags;
        in.c = r.u64();
        break;
    }
    case Imm::I32: in.c = static_cast<uint32_t>(r.leb(32, true)); break;
    case Imm::I64: in.c = r.leb(64, true); break;
    case Imm::F32: in.c = r.fixed(4); break;
    case Imm::F64: in.c = r.fixed(8); break;
    case Imm::V128: {
        std::array<uint8_t, 16> v{};
        auto s = r.take(16);
        std::memcpy(v.data(), s.data(), 16);
        in.a = pool_index(pools.v128s);
        pools.v128s.push_back(v);
        break;
    }
    case Imm::SelectT: {
        std::vector<ValType> ts;
        for (uint32_t n = r.vec_length(); n--;) ts.push_back(val_type(r));
        in.a = pool_index(pools.select_types);
        pools.select_types.push_back(std::move(ts));
        break;
    }
    case Imm::HeapType:
        in.a = pool_index(pools.ref_types);
        pools.ref_types.push_back(ValType::ref(true, heap_type(r)));
        break;
    case Imm::RefType:
        in.a = pool_index(pools.ref_types);
        pools.ref_types.push_back(ValType::ref(op == Op::RefTestNull || op == Op::RefCastNull, heap_type(r)));
        break;
    case Imm::BrOnCast: {
        const uint8_t flags = r.byte();
        if (flags > 3) r.fail("malformed br_on_cast flags");
        in.a = r.u32();
        in.b = pool_index(pools.ref_types);
        const HeapType h1 = heap_type(r);
        const HeapType h2 = heap_type(r);
        pools.ref_types.push_back(ValType::ref(flags & 1, h1));
        pools.ref_types.push_back(ValType::ref(flags & 2, h2));
        break;
    }
    case Imm::TryTable: {
        in.a = pool_index(pools.block_types);
        pools.block_types.push_back(block_type(*this, r));
        std::vector<Catch> cs;
        for (uint32_t n = r.vec_length(); n--;) {
            Catch c;
            const uint8_t k = r.byte();
            if (k > 3) r.fail("malformed catch clause");
            c.kind = static_cast<Catch::Kind>(k);
            if (k < 2) c.tag = r.u32();
            c.label = r.u32();
            cs.push_back(c);
        }
        in.b = pool_index(pools.catches);
        pools.catches.push_back(std::move(cs));
        break;
    }
    case Imm::Lane: in.a = r.byte(); break;
    case Imm::MemArgLane: {
        uint32_t flags = r.u32();
        if (flags & 0x40) {
            flags &= ~0x40u;
            in.b = r.u32();
        }
        if (flags >= 64) r.fail("malformed memop flags");
        in.a = flags;
        in.c = r.u64();
        in.d = r.byte();
        break;
    }
    case Imm::Shuffle: {
        std::array<uint8_t, 16> v{};
        auto s = r.take(16);
        std::memcpy(v.data(), s.data(), 16);
        in.a = pool_index(pools.v128s);
        pools.v128s.push_back(v);
        break;
    }
    }
}

// §5.4.1 Expressions: instructions up to the `end` that closes depth 0.
void Decoder::expr(Reader& r, Expr& code, CodePools& pools)
{
    uint32_t depth = 0;
    for (;;) {
        if (r.at_end()) r.fail("unexpected end of section or function");
        const uint8_t b = r.byte();
        Op op;
        if (b == 0xFB || b == 0xFC || b == 0xFD) {
            const uint32_t sub = r.u32();
            if (!op_from_prefixed(b, sub, op)) r.fail("illegal opcode");
        } else if (!op_from_byte(b, op)) {
            r.fail("illegal opcode");
        }
        Instr in;
        in.op = op;
        instr_immediates(r, op, in, pools);
        code.push_back(in);
        if (op == Op::Block || op == Op::Loop || op == Op::If || op == Op::TryTable || op == Op::Try) ++depth;
        if (op == Op::End || op == Op::Delegate) {
            if (depth == 0) return;
            --depth;
        }
    }
}

// The name section's contents never make a module malformed: a malformed
// name section is ignored (Appendix, Custom sections).
void Decoder::name_section(Reader& r)
{
    std::optional<std::string> module_name;
    std::map<uint32_t, std::string> funcs;
    std::map<uint32_t, std::map<uint32_t, std::string>> locals;
    try {
        while (!r.at_end()) {
            const uint8_t sub = r.byte();
            const uint32_t size = r.length();
            Reader s = r.region(size);
            r.take(size);
            if (sub == 0) {
                module_name = s.name();
            } else if (sub == 1) {
                for (uint32_t n = s.vec_length(); n--;) {
                    const uint32_t idx = s.u32();
                    funcs[idx] = s.name();
                }
            } else if (sub == 2) {
                for (uint32_t n = s.vec_length(); n--;) {
                    const uint32_t f = s.u32();
                    for (uint32_t k = s.vec_length(); k--;) {
                        const uint32_t idx = s.u32();
                        locals[f][idx] = s.name();
                    }
                }
            }
        }
    } catch (const Malformed&) {
        return;
    }
    m_.name = std::move(module_name);
    m_.func_names = std::move(funcs);
    m_.local_names = std::move(locals);
}

void Decoder::elem_section(Reader& r)
{
    for (uint32_t n = r.vec_length(); n--;) {
        Elem e;
        const uint32_t flags = r.u32();
        if (flags > 7) r.fail("malformed elements segment kind");
        const bool explicit_table = flags & 2;
        const bool passive_or_declarative = flags & 1;
        const bool uses_exprs = flags & 4;
        if (!passive_or_declarative) {
            e.mode = SegMode::Active;
            e.table = explicit_table ? r.u32() : 0;
            e.offset = const_expr(r);
        } else {
            e.mode = explicit_table ? SegMode::Declarative : SegMode::Passive;
        }
        const bool has_kind = passive_or_declarative || explicit_table;
        if (uses_exprs) {
            e.type = has_kind ? ref_type(r) : ValType::ref(true, HeapType::abs(AbsHeap::Func));
            for (uint32_t k = r.vec_length(); k--;) e.items.push_back(const_expr(r));
        } else {
            if (has_kind && r.byte() != 0x00) r.fail("malformed element kind");
            e.type = ValType::ref(false, HeapType::abs(AbsHeap::Func));
            for (uint32_t k = r.vec_length(); k--;) {
                ConstExpr item;
                Instr f;
                f.op = Op::RefFunc;
                f.a = r.u32();
                item.code.push_back(f);
                item.code.push_back(Instr{Op::End, 0, 0, 0});
                e.items.push_back(std::move(item));
            }
        }
        m_.elems.push_back(std::move(e));
    }
}

void Decoder::code_section(Reader& r)
{
    saw_code_ = true;
    const uint32_t n = r.vec_length();
    if (n != declared_funcs_) r.fail("function and code section have inconsistent lengths");
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t size = r.length();
        const size_t start = r.pos();
        Reader f = r.region(size);
        Func fn;
        fn.type_index = m_.func_types[m_.num_imported_funcs + i];
        fn.body_offset = static_cast<uint32_t>(r.offset());
        uint64_t total = 0;
        for (uint32_t groups = f.u32(); groups--;) {
            const uint32_t count = f.u32();
            total += count;
            if (total > kMaxLocals) f.fail("too many locals");
            const ValType t = val_type(f);
            fn.locals.insert(fn.locals.end(), count, t);
        }
        expr(f, fn.body, fn.pools);
        if (f.pos() != start + size) f.fail("section size mismatch");
        r.seek(start + size);
        if (!m_.data_count) {
            for (const Instr& in : fn.body)
                if (in.op == Op::MemoryInit || in.op == Op::DataDrop) f.fail("data count section required");
        }
        m_.funcs.push_back(std::move(fn));
    }
}

void Decoder::data_section(Reader& r)
{
    saw_data_ = true;
    const uint32_t n = r.vec_length();
    if (m_.data_count && *m_.data_count != n) r.fail("data count and data section have inconsistent lengths");
    for (uint32_t i = 0; i < n; ++i) {
        Data d;
        const uint32_t flags = r.u32();
        if (flags > 2) r.fail("malformed data segment kind");
        if (flags == 1) {
            d.mode = SegMode::Passive;
        } else {
            d.mode = SegMode::Active;
            d.memory = flags == 2 ? r.u32() : 0;
            d.offset = const_expr(r);
        }
        const uint32_t len = r.length();
        auto bytes = r.take(len);
        d.bytes.assign(bytes.begin(), bytes.end());
        m_.datas.push_back(std::move(d));
    }
}

void Decoder::decode(std::span<const uint8_t> bytes)
{
    Reader r(bytes);
    static const uint8_t kMagic[4] = {0x00, 0x61, 0x73, 0x6D};
    for (uint8_t want : kMagic) {
        if (r.at_end()) throw Malformed{"unexpected end", r.offset()};
        if (r.byte() != want) throw Malformed{"magic header not detected", r.offset()};
    }
    for (uint8_t want : {0x01, 0x00, 0x00, 0x00}) {
        if (r.at_end()) throw Malformed{"unexpected end", r.offset()};
        if (r.byte() != want) throw Malformed{"unknown binary version", r.offset()};
    }
    // Non-custom sections in their required order (SpecTec 5.4 `module`).
    static const uint8_t kOrder[] = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};
    size_t next_rank = 0;
    while (!r.at_end()) {
        const size_t id_offset = r.offset();
        const uint8_t id = r.byte();
        const uint32_t size = r.length();
        const size_t start = r.pos();
        Reader s = r.region(size);
        if (id == 0) {
            // A custom section's name must be valid UTF-8; only "name" is interpreted.
            if (s.name() == "name") name_section(s);
            r.seek(start + size);
            continue;
        }
        size_t rank = 0;
        while (rank < sizeof kOrder && kOrder[rank] != id) ++rank;
        if (rank == sizeof kOrder) throw Malformed{"malformed section id", id_offset};
        if (rank < next_rank) throw Malformed{"unexpected content after last section", id_offset};
        next_rank = rank + 1;
        switch (id) {
        case 1: type_section(s); break;
        case 2: import_section(s); break;
        case 3:
            for (uint32_t n = s.vec_length(); n--;) {
                m_.func_types.push_back(s.u32());
                ++declared_funcs_;
            }
            break;
        case 4:
            for (uint32_t n = s.vec_length(); n--;) {
                Table t;
                if (s.peek() == 0x40) {
                    s.byte();
                    if (s.byte() != 0x00) s.fail("malformed table");
                    t.type = table_type(s);
                    t.init = const_expr(s);
                } else {
                    t.type = table_type(s);
                }
                m_.table_types.push_back(t.type);
                m_.tables.push_back(std::move(t));
            }
            break;
        case 5:
            for (uint32_t n = s.vec_length(); n--;) m_.mem_types.push_back(mem_type(s));
            break;
        case 13:
            for (uint32_t n = s.vec_length(); n--;) {
                if (s.byte() != 0x00) s.fail("malformed tag attribute");
                m_.tag_types.push_back(s.u32());
            }
            break;
        case 6:
            for (uint32_t n = s.vec_length(); n--;) {
                Global g;
                g.type = global_type(s);
                g.init = const_expr(s);
                m_.global_types.push_back(g.type);
                m_.globals.push_back(std::move(g));
            }
            break;
        case 7:
            for (uint32_t n = s.vec_length(); n--;) {
                Export e;
                e.name = s.name();
                const uint8_t kind = s.byte();
                if (kind > 4) s.fail("malformed export kind");
                e.kind = static_cast<ExternKind>(kind);
                e.index = s.u32();
                m_.exports.push_back(std::move(e));
            }
            break;
        case 8: m_.start = s.u32(); break;
        case 9: elem_section(s); break;
        case 12: m_.data_count = s.u32(); break;
        case 10: code_section(s); break;
        case 11: data_section(s); break;
        }
        if (s.pos() != start + size) throw Malformed{"section size mismatch", s.offset()};
        r.seek(start + size);
    }
    if (!saw_code_ && declared_funcs_ != 0)
        throw Malformed{"function and code section have inconsistent lengths", r.offset()};
    if (m_.data_count && !saw_data_ && *m_.data_count != 0)
        throw Malformed{"data count and data section have inconsistent lengths", r.offset()};
}

}  // namespace

std::optional<DecodeError> decode_module(std::span<const uint8_t> bytes, Module& out)
{
    out = Module{};
    try {
        Decoder(out).decode(bytes);
    } catch (const Malformed& e) {
        return DecodeError{e.message, e.offset};
    }
    return std::nullopt;
}

}  // namespace lockstep::wasm
