// Wasm 3.0 §6.4–6.6 Text format: types, instructions, modules (SpecTec
// 6.2-text.types, 6.3-text.instructions, 6.4-text.modules).
//
// Two passes over a module's fields: the first binds every identifier to its
// index (index spaces are ordered by appearance, imports first, as the text
// format requires), the second desugars each field and emits the binary
// sections. Type uses without a matching explicit type append an implicit
// type after all explicit ones (§6.6.3).
#include "wasm/text/numbers.h"
#include "wasm/text/parser.h"
#include "wasm/syntax/instructions.h"
#include "wasm/syntax/types.h"

#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

namespace lockstep::wasm::text {

void Cursor::skip_list()
{
    int depth = 0;
    do {
        if (is(TokKind::Eof)) return;
        if (is(TokKind::LParen)) ++depth;
        if (is(TokKind::RParen)) --depth;
        next();
    } while (depth > 0);
}

namespace {

// Folded instructions nest natively; this bounds the nesting.
constexpr int kMaxNesting = 2000;

class Bytes : public std::vector<uint8_t> {
public:
    void u8(uint8_t b) { push_back(b); }
    void u32(uint64_t v)
    {
        do {
            uint8_t b = v & 0x7F;
            v >>= 7;
            if (v) b |= 0x80;
            push_back(b);
        } while (v);
    }
    void s64(int64_t v)
    {
        for (;;) {
            const uint8_t b = v & 0x7F;
            v >>= 7;
            if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) {
                push_back(b);
                return;
            }
            push_back(b | 0x80);
        }
    }
    void fixed(uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i) push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
    void append(const std::vector<uint8_t>& b) { insert(end(), b.begin(), b.end()); }
    void name(const std::string& s)
    {
        u32(s.size());
        insert(end(), s.begin(), s.end());
    }
};

// One identifier namespace: $id → index, plus the running count.
struct Space {
    explicit Space(const char* kind) : what(kind) {}
    const char* what;  // for "duplicate …" messages
    std::unordered_map<std::string, uint32_t> ids;
    uint32_t count = 0;
};

struct TypeInfo {
    bool plain_func = false;  // `(type (func …))`: final, no supertypes, alone in its group
    bool is_func = false;
    FuncType func;
    std::unordered_map<std::string, uint32_t> field_ids;
};

struct Local {
    std::string id;
};

class ModuleParser {
public:
    explicit ModuleParser(Cursor& c) : c_(c) {}
    std::vector<uint8_t> run();

private:
    // ---- pass 1 ----
    void bind(Space& space, bool has_id_token);
    void declare_fields();
    // ---- types ----
    HeapType heap_type();
    bool at_val_type() const;
    ValType val_type();
    ValType ref_type();
    void write_val_type(Bytes& b, const ValType& t);
    void write_heap_type(Bytes& b, const HeapType& h);
    FieldType field_type();
    void write_field_type(Bytes& b, const FieldType& f);
    void type_def(Bytes& out, TypeInfo& info);
    uint32_t type_use(std::vector<std::string>* param_ids, FuncType* sig_out);
    uint32_t find_or_add_func_type(const FuncType& ft);
    void params_results(FuncType& ft, std::vector<std::string>* param_ids, bool allow_ids);
    // ---- indices ----
    uint32_t index(const Space& space, const char* what);
    std::optional<uint32_t> maybe_index(const Space& space, const char* what);
    uint32_t label();
    uint32_t local_index();
    uint8_t lane_index();
    uint64_t int_literal(unsigned bits);
    uint64_t float_literal(unsigned bits);
    // ---- instructions ----
    void block_type(Bytes& b);
    void instrs(Bytes& b);
    void instr(Bytes& b);
    void folded(Bytes& b);
    void plain(Bytes& b, Op op);
    void immediates(Bytes& b, Op op);
    void block_body(Bytes& b, Op op, bool folded_form);
    void legacy_try(Bytes& b, bool folded_form);
    void memarg(Bytes& b, Op op);
    void expr(Bytes& b);
    void emit_op(Bytes& b, Op op);
    // ---- fields ----
    void field();
    std::optional<std::pair<std::string, std::string>> inline_import();
    void inline_exports(ExternKind kind, uint32_t idx);
    Limits limits(AddrType at, const char* what);
    void func_field();
    void table_field();
    void memory_field();
    void global_field();
    void tag_field();
    void import_field();
    void export_field();
    void elem_field();
    void data_field();
    void elem_list(bool& exprs, ValType& type, std::vector<Bytes>& items);
    void import_desc(ExternKind kind, const std::string& module, const std::string& name, bool inline_form);
    uint32_t take_index(ExternKind k) { return next_index_[static_cast<int>(k)]++; }
    void definition(const char* kind)
    {
        if (!seen_definition_) last_definition_ = kind;
        seen_definition_ = true;
    }
    void write_import_header(const std::string& m, const std::string& n, ExternKind k);
    const char* last_definition_ = "definition";  // the kind of the first definition seen

    Cursor& c_;
    Space types_{"type"}, funcs_{"func"}, tables_{"table"}, mems_{"memory"}, globals_{"global"}, tags_{"tag"},
        elems_{"elem"}, datas_{"data"};
    std::vector<TypeInfo> type_infos_;
    uint32_t explicit_types_ = 0;
    std::vector<Bytes> implicit_types_;
    Bytes type_sec_, import_sec_, func_sec_, table_sec_, mem_sec_, tag_sec_, global_sec_, export_sec_,
        start_sec_, elem_sec_, code_sec_, data_sec_;
    uint32_t n_types_entries_ = 0, n_imports_ = 0, n_funcs_ = 0, n_tables_ = 0, n_mems_ = 0, n_tags_ = 0,
             n_globals_ = 0, n_exports_ = 0, n_elems_ = 0, n_datas_ = 0;
    bool has_start_ = false;
    bool seen_definition_ = false;  // imports after a definition are malformed
    uint32_t next_index_[5] = {};   // per ExternKind: the next index in its space
    std::vector<std::string> labels_;  // innermost last
    std::vector<Local> locals_;
    std::unordered_map<std::string, uint32_t> local_ids_;
    int nesting_ = 0;
    size_t fields_start_ = 0;
};

// ---------------------------------------------------------------------------
// Pass 1: identifiers → indices

void ModuleParser::bind(Space& space, bool has_id)
{
    if (has_id) {
        const std::string& id = c_.peek().text;
        if (!space.ids.emplace(id, space.count).second) c_.fail(std::string("duplicate ") + space.what + " $" + id);
    }
    ++space.count;
}

void ModuleParser::declare_fields()
{
    while (c_.is(TokKind::LParen)) {
        const size_t start = c_.pos();
        c_.next();
        if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a module field");
        const std::string kw = c_.next().text;
        const bool has_id = c_.is(TokKind::Id);
        auto bind_type = [&](bool id) {
            bind(types_, id);
            TypeInfo info;
            if (id) c_.next();
            // Record struct field identifiers for struct.get/set.
            const size_t p = c_.pos();
            if (c_.is_list("sub")) {
                c_.next();
                c_.next();
                if (c_.is_keyword("final")) c_.next();
                while (c_.is(TokKind::Id) || c_.is(TokKind::Number)) c_.next();
            }
            if (c_.is_list("struct")) {
                c_.next();
                c_.next();
                uint32_t field = 0;
                while (c_.is_list("field")) {
                    c_.next();
                    c_.next();
                    if (c_.is(TokKind::Id)) {
                        if (!info.field_ids.emplace(c_.peek().text, field).second) c_.fail("duplicate field identifier");
                        ++field;
                        c_.next();
                        while (!c_.is(TokKind::RParen)) c_.skip_list();
                    } else {
                        while (!c_.is(TokKind::RParen)) {
                            if (c_.is(TokKind::Eof)) c_.fail("unexpected end");
                            c_.skip_list();
                            ++field;
                        }
                    }
                    c_.rparen();
                }
            }
            c_.set_pos(p);
            type_infos_.push_back(std::move(info));
        };
        if (kw == "type") {
            bind_type(has_id);
        } else if (kw == "rec") {
            while (c_.is_list("type")) {
                c_.next();
                c_.next();
                const size_t p = c_.pos();
                bind_type(c_.is(TokKind::Id));
                c_.set_pos(p);
                while (!c_.is(TokKind::RParen)) {
                    if (c_.is(TokKind::Eof)) c_.fail("unexpected end");
                    c_.skip_list();
                }
                c_.rparen();
            }
        } else if (kw == "func") {
            bind(funcs_, has_id);
        } else if (kw == "table") {
            bind(tables_, has_id);
            // `(table … reftype (elem …))` also defines an element segment, which has no id.
            size_t p = c_.pos();
            if (has_id) c_.next();
            while (c_.is_list("export")) c_.skip_list();
            if (!c_.is_list("import")) {
                while (!c_.is(TokKind::RParen) && !c_.is(TokKind::Eof)) {
                    if (c_.is_list("elem")) ++elems_.count;
                    c_.skip_list();
                }
            }
            c_.set_pos(p);
        } else if (kw == "memory") {
            bind(mems_, has_id);
            size_t p = c_.pos();
            if (has_id) c_.next();
            while (c_.is_list("export")) c_.skip_list();
            if (!c_.is_list("import")) {
                while (!c_.is(TokKind::RParen) && !c_.is(TokKind::Eof)) {
                    if (c_.is_list("data")) ++datas_.count;
                    c_.skip_list();
                }
            }
            c_.set_pos(p);
        } else if (kw == "global") {
            bind(globals_, has_id);
        } else if (kw == "tag") {
            bind(tags_, has_id);
        } else if (kw == "elem") {
            bind(elems_, has_id);
        } else if (kw == "data") {
            bind(datas_, has_id);
        } else if (kw == "import") {
            c_.string();
            c_.string();
            if (!c_.is(TokKind::LParen)) c_.fail("unexpected token");
            c_.next();
            if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token");
            const std::string k = c_.next().text;
            const bool id = c_.is(TokKind::Id);
            if (k == "func") bind(funcs_, id);
            else if (k == "table") bind(tables_, id);
            else if (k == "memory") bind(mems_, id);
            else if (k == "global") bind(globals_, id);
            else if (k == "tag") bind(tags_, id);
            else c_.fail("unexpected token, expected an import description");
        } else if (kw != "export" && kw != "start") {
            c_.fail("unexpected token " + kw);
        }
        c_.set_pos(start);
        c_.skip_list();
    }
    if (!c_.is(TokKind::RParen) && !c_.is(TokKind::Eof)) c_.fail("unexpected token, expected a module field");
}

// ---------------------------------------------------------------------------
// Types (§6.4)

HeapType ModuleParser::heap_type()
{
    static const std::map<std::string, AbsHeap> kAbs = {
        {"func", AbsHeap::Func}, {"extern", AbsHeap::Extern}, {"any", AbsHeap::Any}, {"eq", AbsHeap::Eq},
        {"i31", AbsHeap::I31}, {"struct", AbsHeap::Struct}, {"array", AbsHeap::Array}, {"exn", AbsHeap::Exn},
        {"none", AbsHeap::None}, {"nofunc", AbsHeap::NoFunc}, {"noextern", AbsHeap::NoExtern},
        {"noexn", AbsHeap::NoExn},
    };
    if (c_.is(TokKind::Keyword)) {
        auto it = kAbs.find(c_.peek().text);
        if (it == kAbs.end()) c_.fail("unexpected token, expected a heap type");
        c_.next();
        return HeapType::abs(it->second);
    }
    return HeapType::idx(index(types_, "type"));
}

bool ModuleParser::at_val_type() const
{
    static const char* kWords[] = {"i32", "i64", "f32", "f64", "v128", "funcref", "externref", "anyref", "eqref",
                                   "i31ref", "structref", "arrayref", "exnref", "nullref", "nullfuncref",
                                   "nullexternref", "nullexnref"};
    if (c_.is(TokKind::Keyword)) {
        for (const char* w : kWords)
            if (c_.peek().text == w) return true;
        return false;
    }
    return c_.is_list("ref");
}

ValType ModuleParser::ref_type()
{
    static const std::map<std::string, AbsHeap> kShort = {
        {"funcref", AbsHeap::Func}, {"externref", AbsHeap::Extern}, {"anyref", AbsHeap::Any},
        {"eqref", AbsHeap::Eq}, {"i31ref", AbsHeap::I31}, {"structref", AbsHeap::Struct},
        {"arrayref", AbsHeap::Array}, {"exnref", AbsHeap::Exn}, {"nullref", AbsHeap::None},
        {"nullfuncref", AbsHeap::NoFunc}, {"nullexternref", AbsHeap::NoExtern}, {"nullexnref", AbsHeap::NoExn},
    };
    if (c_.is(TokKind::Keyword)) {
        auto it = kShort.find(c_.peek().text);
        if (it == kShort.end()) c_.fail("unknown operator " + c_.peek().text);  // not a type keyword
        c_.next();
        return ValType::ref(true, HeapType::abs(it->second));
    }
    c_.lparen();
    c_.expect_keyword("ref");
    bool null = false;
    if (c_.is_keyword("null")) {
        c_.next();
        null = true;
    }
    const HeapType h = heap_type();
    c_.rparen();
    return ValType::ref(null, h);
}

ValType ModuleParser::val_type()
{
    if (c_.is(TokKind::Keyword)) {
        const std::string& w = c_.peek().text;
        if (w == "i32") { c_.next(); return kI32; }
        if (w == "i64") { c_.next(); return kI64; }
        if (w == "f32") { c_.next(); return kF32; }
        if (w == "f64") { c_.next(); return kF64; }
        if (w == "v128") { c_.next(); return kV128; }
    }
    return ref_type();
}

void ModuleParser::write_heap_type(Bytes& b, const HeapType& h)
{
    if (h.is_index()) {
        b.s64(h.code);
        return;
    }
    static const uint8_t kCode[] = {0, 0x70, 0x6F, 0x6E, 0x6D, 0x6C, 0x6B, 0x6A, 0x69, 0x71, 0x73, 0x72, 0x74};
    b.u8(kCode[-h.code]);
}

void ModuleParser::write_val_type(Bytes& b, const ValType& t)
{
    switch (t.kind) {
    case ValKind::I32: b.u8(0x7F); break;
    case ValKind::I64: b.u8(0x7E); break;
    case ValKind::F32: b.u8(0x7D); break;
    case ValKind::F64: b.u8(0x7C); break;
    case ValKind::V128: b.u8(0x7B); break;
    default:
        b.u8(t.nullable ? 0x63 : 0x64);
        write_heap_type(b, t.heap);
    }
}

FieldType ModuleParser::field_type()
{
    FieldType f;
    const bool mut = c_.is_list("mut");
    if (mut) {
        c_.next();
        c_.next();
        f.mut = true;
    }
    if (c_.is_keyword("i8")) {
        c_.next();
        f.packed = Packed::I8;
        f.type = kI32;
    } else if (c_.is_keyword("i16")) {
        c_.next();
        f.packed = Packed::I16;
        f.type = kI32;
    } else {
        f.type = val_type();
    }
    if (mut) c_.rparen();
    return f;
}

void ModuleParser::write_field_type(Bytes& b, const FieldType& f)
{
    if (f.packed == Packed::I8) b.u8(0x78);
    else if (f.packed == Packed::I16) b.u8(0x77);
    else write_val_type(b, f.type);
    b.u8(f.mut ? 1 : 0);
}

void ModuleParser::params_results(FuncType& ft, std::vector<std::string>* param_ids, bool allow_ids)
{
    while (c_.is_list("param")) {
        c_.next();
        c_.next();
        if (c_.is(TokKind::Id)) {
            if (!allow_ids) c_.fail("unexpected token, identifier not allowed");
            const std::string id = c_.next().text;
            ft.params.push_back(val_type());
            if (param_ids) param_ids->push_back(id);
        } else {
            while (!c_.is(TokKind::RParen)) {
                ft.params.push_back(val_type());
                if (param_ids) param_ids->push_back("");
            }
        }
        c_.rparen();
    }
    while (c_.is_list("result")) {
        c_.next();
        c_.next();
        while (!c_.is(TokKind::RParen)) ft.results.push_back(val_type());
        c_.rparen();
    }
    if (c_.is_list("param")) c_.fail("unexpected token, parameters must precede results");
}

// `(type $id? subtype)`: the cursor is after `type $id?`.
void ModuleParser::type_def(Bytes& out, TypeInfo& info)
{
    bool final = true, has_sub = false;
    std::vector<uint32_t> supers;
    if (c_.is_list("sub")) {
        c_.next();
        c_.next();
        has_sub = true;
        final = false;
        if (c_.is_keyword("final")) {
            c_.next();
            final = true;
        }
        while (c_.is(TokKind::Id) || c_.is(TokKind::Number)) supers.push_back(index(types_, "type"));
    }
    if (has_sub) {
        out.u8(final ? 0x4F : 0x50);
        out.u32(supers.size());
        for (uint32_t s : supers) out.u32(s);
    }
    c_.lparen();
    if (c_.is_keyword("func")) {
        c_.next();
        params_results(info.func, nullptr, true);
        info.is_func = true;
        info.plain_func = final && supers.empty();
        out.u8(0x60);
        out.u32(info.func.params.size());
        for (auto& t : info.func.params) write_val_type(out, t);
        out.u32(info.func.results.size());
        for (auto& t : info.func.results) write_val_type(out, t);
    } else if (c_.is_keyword("struct")) {
        c_.next();
        std::vector<FieldType> fields;
        while (c_.is_list("field")) {
            c_.next();
            c_.next();
            if (c_.is(TokKind::Id)) {
                c_.next();
                fields.push_back(field_type());
            } else {
                while (!c_.is(TokKind::RParen)) fields.push_back(field_type());
            }
            c_.rparen();
        }
        out.u8(0x5F);
        out.u32(fields.size());
        for (auto& f : fields) write_field_type(out, f);
    } else if (c_.is_keyword("array")) {
        c_.next();
        out.u8(0x5E);
        write_field_type(out, field_type());
    } else {
        c_.fail("unexpected token, expected a composite type");
    }
    c_.rparen();
    if (has_sub) c_.rparen();
}

uint32_t ModuleParser::find_or_add_func_type(const FuncType& ft)
{
    for (uint32_t i = 0; i < type_infos_.size(); ++i) {
        const TypeInfo& t = type_infos_[i];
        if (t.plain_func && t.func.params == ft.params && t.func.results == ft.results) return i;
    }
    TypeInfo info;
    info.is_func = info.plain_func = true;
    info.func = ft;
    Bytes b;
    b.u8(0x60);
    b.u32(ft.params.size());
    for (auto& t : ft.params) write_val_type(b, t);
    b.u32(ft.results.size());
    for (auto& t : ft.results) write_val_type(b, t);
    implicit_types_.push_back(std::move(b));
    type_infos_.push_back(std::move(info));
    return static_cast<uint32_t>(type_infos_.size() - 1);
}

// §6.6.3 Type uses: `(type x)? (param …)* (result …)*`.
uint32_t ModuleParser::type_use(std::vector<std::string>* param_ids, FuncType* sig_out)
{
    std::optional<uint32_t> explicit_index;
    if (c_.is_list("type")) {
        c_.next();
        c_.next();
        explicit_index = index(types_, "type");
        c_.rparen();
    }
    FuncType ft;
    std::vector<std::string> ids;
    params_results(ft, &ids, true);
    if (explicit_index) {
        if (*explicit_index >= type_infos_.size()) c_.fail("unknown type");
        const TypeInfo& t = type_infos_[*explicit_index];
        if (!ft.params.empty() || !ft.results.empty()) {
            if (!t.is_func || t.func.params != ft.params || t.func.results != ft.results)
                c_.fail("inline function type");  // (the reference parser reports "unexpected token" for some)
        } else if (t.is_func) {
            ft = t.func;
            ids.assign(ft.params.size(), "");
        }
        if (param_ids) *param_ids = ids;
        if (sig_out) *sig_out = ft;
        return *explicit_index;
    }
    if (param_ids) *param_ids = ids;
    if (sig_out) *sig_out = ft;
    return find_or_add_func_type(ft);
}

// ---------------------------------------------------------------------------
// Indices

std::optional<uint32_t> ModuleParser::maybe_index(const Space& space, const char* what)
{
    if (c_.is(TokKind::Number)) {
        auto v = parse_uint(c_.peek().text, 32);
        if (!v) c_.fail("malformed index");
        c_.next();
        return static_cast<uint32_t>(*v);
    }
    if (c_.is(TokKind::Id)) {
        auto it = space.ids.find(c_.peek().text);
        if (it == space.ids.end()) c_.fail(std::string("unknown ") + what + " $" + c_.peek().text);
        c_.next();
        return it->second;
    }
    return std::nullopt;
}

uint32_t ModuleParser::index(const Space& space, const char* what)
{
    auto i = maybe_index(space, what);
    if (!i) c_.fail(std::string("unexpected token, expected a ") + what + " index");
    return *i;
}

uint32_t ModuleParser::label()
{
    if (c_.is(TokKind::Id)) {
        const std::string& id = c_.peek().text;
        for (size_t d = 0; d < labels_.size(); ++d) {
            if (labels_[labels_.size() - 1 - d] == id) {
                c_.next();
                return static_cast<uint32_t>(d);
            }
        }
        c_.fail("unknown label $" + id);
    }
    if (c_.is(TokKind::Number) && !is_int_syntax(c_.peek().text)) c_.fail("unknown operator " + c_.peek().text);
    auto v = c_.is(TokKind::Number) ? parse_uint(c_.peek().text, 32) : std::nullopt;
    if (!v) c_.fail("unexpected token, expected a label");
    c_.next();
    return static_cast<uint32_t>(*v);
}

uint32_t ModuleParser::local_index()
{
    if (c_.is(TokKind::Id)) {
        auto it = local_ids_.find(c_.peek().text);
        if (it == local_ids_.end()) c_.fail("unknown local $" + c_.peek().text);
        c_.next();
        return it->second;
    }
    auto v = c_.is(TokKind::Number) ? parse_uint(c_.peek().text, 32) : std::nullopt;
    if (!v) c_.fail("unexpected token, expected a local index");
    c_.next();
    return static_cast<uint32_t>(*v);
}

uint8_t ModuleParser::lane_index()
{
    // A lane index is a natural number: a sign makes it another token; any
    // other number (too large, fractional) is out of the i8 range.
    if (!c_.is(TokKind::Number) || c_.peek().text[0] == '+' || c_.peek().text[0] == '-')
        c_.fail("unexpected token, expected a lane index");
    auto v = parse_uint(c_.peek().text, 8);
    if (!v) c_.fail(is_int_syntax(c_.peek().text) ? "i8 constant out of range" : "unexpected token, expected a lane index");
    c_.next();
    return static_cast<uint8_t>(*v);
}

// The literal of an iN.const: a malformed token is an "unknown operator"
// (as the lexer of the reference interpreter sees it), a well-formed one
// out of range is "constant out of range".
uint64_t ModuleParser::int_literal(unsigned bits)
{
    if (!c_.is(TokKind::Number)) c_.fail("unexpected token, expected an integer");
    const std::string& t = c_.peek().text;
    auto v = parse_int(t, bits);
    if (!v) c_.fail(is_int_syntax(t) ? "constant out of range" : "unknown operator");
    c_.next();
    return *v;
}

uint64_t ModuleParser::float_literal(unsigned bits)
{
    if (!c_.is(TokKind::Number) && !c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a float");
    const std::string& t = c_.peek().text;
    auto v = bits == 32 ? std::optional<uint64_t>(parse_f32(t)) : parse_f64(t);
    if (!v) {
        if (is_float_syntax(t)) c_.fail("constant out of range");
        // `nan:1` is a malformed number; `nan:canonical` (a result pattern) another token.
        const bool numeric = c_.is(TokKind::Number) || (t.size() > 4 && t.rfind("nan:", 0) == 0 && std::isdigit(static_cast<unsigned char>(t[4])));
        c_.fail(numeric ? "unknown operator" : "unexpected token");
    }
    c_.next();
    return *v;
}

// ---------------------------------------------------------------------------
// Instructions (§6.5)

void ModuleParser::emit_op(Bytes& b, Op op)
{
    const OpInfo& info = op_info(op);
    if (info.prefix) {
        b.u8(info.prefix);
        b.u32(info.code);
    } else {
        b.u8(static_cast<uint8_t>(info.code));
    }
}

// A block type: empty, one result type, or a type use.
void ModuleParser::block_type(Bytes& b)
{
    if (!c_.is_list("type") && !c_.is_list("param")) {
        // Results only: zero or one stays inline; more need a type.
        const size_t p = c_.pos();
        FuncType ft;
        params_results(ft, nullptr, false);
        if (ft.results.empty()) {
            b.u8(0x40);
            return;
        }
        if (ft.results.size() == 1) {
            write_val_type(b, ft.results[0]);
            return;
        }
        c_.set_pos(p);
    }
    std::vector<std::string> ids;
    const uint32_t t = type_use(&ids, nullptr);
    for (auto& id : ids)
        if (!id.empty()) c_.fail("unexpected token, block parameters cannot be named");
    b.s64(t);
}

void ModuleParser::memarg(Bytes& b, Op op)
{
    const std::string& sig = op_info(op).sig;
    const uint32_t natural = static_cast<uint32_t>(sig.back() - '0');
    // With a lane operand, a lone number is the lane, not the memory.
    const bool memory_given =
        op_info(op).imm != Imm::MemArgLane || c_.is(TokKind::Id) ||
        (c_.is(TokKind::Number) && (c_.peek(1).kind == TokKind::Number ||
                                    (c_.peek(1).kind == TokKind::Keyword &&
                                     (c_.peek(1).text.rfind("offset=", 0) == 0 || c_.peek(1).text.rfind("align=", 0) == 0))));
    const uint32_t mem = memory_given ? maybe_index(mems_, "memory").value_or(0) : 0;
    uint64_t offset = 0;
    uint32_t align = natural;
    if (c_.is(TokKind::Keyword) && c_.peek().text.rfind("offset=", 0) == 0) {
        const std::string_view digits = std::string_view(c_.peek().text).substr(7);
        auto v = parse_uint(digits, 64);
        if (!v) c_.fail(is_int_syntax(digits) && digits[0] != '-' && digits[0] != '+' ? "offset out of range" : "unknown operator");
        offset = *v;
        c_.next();
    }
    if (c_.is(TokKind::Keyword) && c_.peek().text.rfind("align=", 0) == 0) {
        const std::string_view digits = std::string_view(c_.peek().text).substr(6);
        auto v = parse_uint(digits, 64);
        if (!v && !(is_int_syntax(digits) && digits[0] != '-' && digits[0] != '+')) c_.fail("unknown operator");
        if (!v || *v == 0 || (*v & (*v - 1))) c_.fail("alignment must be a power of two");
        align = 0;
        while ((uint64_t{1} << align) < *v) ++align;
        c_.next();
    }
    if (mem != 0) {
        b.u32(align | 0x40);
        b.u32(mem);
    } else {
        b.u32(align);
    }
    b.u32(offset);
}

void ModuleParser::immediates(Bytes& b, Op op)
{
    switch (op_info(op).imm) {
    case Imm::None: break;
    case Imm::Label: b.u32(label()); break;
    case Imm::BrTable: {
        std::vector<uint32_t> ls;
        while (c_.is(TokKind::Id) || c_.is(TokKind::Number)) ls.push_back(label());
        if (ls.empty()) c_.fail("unexpected token, expected a label");
        b.u32(ls.size() - 1);
        for (uint32_t l : ls) b.u32(l);
        break;
    }
    case Imm::Func: b.u32(index(funcs_, "function")); break;
    case Imm::CallIndirect: {
        const uint32_t table = maybe_index(tables_, "table").value_or(0);
        std::vector<std::string> ids;
        const uint32_t t = type_use(&ids, nullptr);
        for (auto& id : ids)
            if (!id.empty()) c_.fail("unexpected token, call_indirect parameters cannot be named");
        b.u32(t);
        b.u32(table);
        break;
    }
    case Imm::Type: b.u32(index(types_, "type")); break;
    case Imm::TypeField: {
        const uint32_t t = index(types_, "type");
        b.u32(t);
        if (c_.is(TokKind::Id)) {
            if (t >= type_infos_.size()) c_.fail("unknown type");
            auto it = type_infos_[t].field_ids.find(c_.peek().text);
            if (it == type_infos_[t].field_ids.end()) c_.fail("unknown field $" + c_.peek().text);
            c_.next();
            b.u32(it->second);
        } else {
            auto v = c_.is(TokKind::Number) ? parse_uint(c_.peek().text, 32) : std::nullopt;
            if (!v) c_.fail("unexpected token, expected a field index");
            c_.next();
            b.u32(*v);
        }
        break;
    }
    case Imm::TypeType:
        b.u32(index(types_, "type"));
        b.u32(index(types_, "type"));
        break;
    case Imm::TypeData:
        b.u32(index(types_, "type"));
        b.u32(index(datas_, "data segment"));
        break;
    case Imm::TypeElem:
        b.u32(index(types_, "type"));
        b.u32(index(elems_, "elem segment"));
        break;
    case Imm::TypeN: {
        b.u32(index(types_, "type"));
        auto v = c_.is(TokKind::Number) ? parse_uint(c_.peek().text, 32) : std::nullopt;
        if (!v) c_.fail("unexpected token, expected a count");
        c_.next();
        b.u32(*v);
        break;
    }
    case Imm::Local: b.u32(local_index()); break;
    case Imm::Global: b.u32(index(globals_, "global")); break;
    case Imm::Table: b.u32(maybe_index(tables_, "table").value_or(0)); break;
    case Imm::Mem: b.u32(maybe_index(mems_, "memory").value_or(0)); break;
    case Imm::Elem: b.u32(index(elems_, "elem segment")); break;
    case Imm::Data: b.u32(index(datas_, "data segment")); break;
    case Imm::Tag: b.u32(index(tags_, "tag")); break;
    case Imm::TableTable:
    case Imm::MemMem: {
        const Space& s = op_info(op).imm == Imm::TableTable ? tables_ : mems_;
        auto x = maybe_index(s, "index");
        uint32_t y = 0;
        if (x) y = index(s, "index");
        b.u32(x.value_or(0));
        b.u32(y);
        break;
    }
    case Imm::TableElem:
    case Imm::MemData: {
        // `table.init x? y` / `memory.init x? y`: with one index it is the segment.
        const bool table = op_info(op).imm == Imm::TableElem;
        const auto is_index = [&](size_t ahead) {
            return c_.peek(ahead).kind == TokKind::Id || c_.peek(ahead).kind == TokKind::Number;
        };
        uint32_t first = 0;
        if (is_index(0) && is_index(1)) first = index(table ? tables_ : mems_, table ? "table" : "memory");
        const uint32_t segment = table ? index(elems_, "elem segment") : index(datas_, "data segment");
        b.u32(segment);
        b.u32(first);
        break;
    }
    case Imm::MemArg: memarg(b, op); break;
    case Imm::I32: b.s64(static_cast<int32_t>(int_literal(32))); break;
    case Imm::I64: b.s64(static_cast<int64_t>(int_literal(64))); break;
    case Imm::F32: b.fixed(float_literal(32), 4); break;
    case Imm::F64: b.fixed(float_literal(64), 8); break;
    case Imm::SelectT: break;  // handled in plain()
    case Imm::HeapType: write_heap_type(b, heap_type()); break;
    case Imm::RefType: break;  // handled in plain()
    case Imm::BrOnCast: break; // handled in plain()
    case Imm::Block: case Imm::TryTable: break;
    case Imm::V128: {
        const auto v = v128_const(c_);
        b.insert(b.end(), v.begin(), v.end());
        break;
    }
    case Imm::Lane: b.u8(lane_index()); break;
    case Imm::MemArgLane: memarg(b, op); b.u8(lane_index()); break;
    case Imm::Shuffle: {
        // Sixteen lane numbers; any number that is not a u8 is out of range.
        int n = 0;
        auto lane_token = [&]() {
            const std::string& t = c_.peek().text;
            return c_.is(TokKind::Number) ||
                   (c_.is(TokKind::Keyword) && (t == "inf" || t == "nan" || t.rfind("nan:", 0) == 0));
        };
        for (; n < 16 && lane_token(); ++n) {
            auto v = parse_uint(c_.peek().text, 8);
            if (!v) c_.fail("i8 constant out of range");
            c_.next();
            b.u8(static_cast<uint8_t>(*v));
        }
        if (n != 16 || lane_token()) c_.fail("invalid lane length");
        break;
    }
    }
}

// A plain instruction's opcode and immediates (block instructions excluded).
void ModuleParser::plain(Bytes& b, Op op)
{
    if (op == Op::Select) {
        std::vector<ValType> ts;
        bool typed = false;
        while (c_.is_list("result")) {
            typed = true;
            c_.next();
            c_.next();
            while (!c_.is(TokKind::RParen)) ts.push_back(val_type());
            c_.rparen();
        }
        if (typed) {
            emit_op(b, Op::SelectT);
            b.u32(ts.size());
            for (auto& t : ts) write_val_type(b, t);
        } else {
            emit_op(b, Op::Select);
        }
        return;
    }
    if (op == Op::RefTest || op == Op::RefCast) {
        const ValType t = ref_type();
        emit_op(b, t.nullable ? (op == Op::RefTest ? Op::RefTestNull : Op::RefCastNull) : op);
        write_heap_type(b, t.heap);
        return;
    }
    if (op == Op::BrOnCast || op == Op::BrOnCastFail) {
        const uint32_t l = label();
        const ValType t1 = ref_type();
        const ValType t2 = ref_type();
        emit_op(b, op);
        b.u8((t1.nullable ? 1 : 0) | (t2.nullable ? 2 : 0));
        b.u32(l);
        write_heap_type(b, t1.heap);
        write_heap_type(b, t2.heap);
        return;
    }
    Bytes imm;
    immediates(imm, op);
    emit_op(b, op);
    b.append(imm);
}

// The label, block type (and catches) of a block instruction, then its body.
void ModuleParser::block_body(Bytes& b, Op op, bool folded_form)
{
    std::string id;
    if (c_.is(TokKind::Id)) id = c_.next().text;
    emit_op(b, op);
    block_type(b);
    if (op == Op::TryTable) {
        Bytes cs;
        uint32_t n = 0;
        // Catch labels are resolved outside the try_table's own label.
        for (;; ++n) {
            if (c_.is_list("catch") || c_.is_list("catch_ref")) {
                const bool ref = c_.peek(1).text == "catch_ref";
                c_.next();
                c_.next();
                cs.u8(ref ? 1 : 0);
                cs.u32(index(tags_, "tag"));
                cs.u32(label());
                c_.rparen();
            } else if (c_.is_list("catch_all") || c_.is_list("catch_all_ref")) {
                const bool ref = c_.peek(1).text == "catch_all_ref";
                c_.next();
                c_.next();
                cs.u8(ref ? 3 : 2);
                cs.u32(label());
                c_.rparen();
            } else {
                break;
            }
        }
        b.u32(n);
        b.append(cs);
    }
    labels_.push_back(id);
    auto end_label = [&]() {
        if (c_.is(TokKind::Id)) {
            if (c_.peek().text != id) c_.fail("mismatching label");
            c_.next();
        }
    };
    if (op == Op::If && folded_form) {
        // `(if label bt cond* (then instr*) (else instr*)?)`: conditions were emitted before.
        c_.lparen();
        c_.expect_keyword("then");
        instrs(b);
        c_.rparen();
        if (c_.is_list("else")) {
            c_.next();
            c_.next();
            emit_op(b, Op::Else);
            instrs(b);
            c_.rparen();
        }
        emit_op(b, Op::End);
    } else if (folded_form) {
        instrs(b);
        emit_op(b, Op::End);
    } else {
        instrs(b);
        if (op == Op::If && c_.is_keyword("else")) {
            c_.next();
            end_label();
            emit_op(b, Op::Else);
            instrs(b);
        }
        c_.expect_keyword("end");
        end_label();
        emit_op(b, Op::End);
    }
    labels_.pop_back();
}

// The legacy `try bt instr* (catch x instr*)* (catch_all instr*)? end`, or
// `try bt instr* delegate l`; folded: `(try bt (do …) (catch x …)* (catch_all …)?)`.
void ModuleParser::legacy_try(Bytes& b, bool folded_form)
{
    std::string id;
    if (c_.is(TokKind::Id)) id = c_.next().text;
    emit_op(b, Op::Try);
    block_type(b);
    labels_.push_back(id);
    auto clause = [&](const char* kw) {
        return folded_form ? c_.is_list(kw) : c_.is_keyword(kw);
    };
    auto open = [&]() {
        if (folded_form) c_.next();
        c_.next();
    };
    if (folded_form) {
        c_.lparen();
        c_.expect_keyword("do");
        instrs(b);
        c_.rparen();
    } else {
        instrs(b);
    }
    if (clause("delegate")) {
        open();
        labels_.pop_back();  // the delegate's label is outside the try
        emit_op(b, Op::Delegate);
        b.u32(label());
        if (folded_form) c_.rparen();
        return;
    }
    while (clause("catch")) {
        open();
        emit_op(b, Op::Catch);
        b.u32(index(tags_, "tag"));
        instrs(b);
        if (folded_form) c_.rparen();
    }
    if (clause("catch_all")) {
        open();
        emit_op(b, Op::CatchAll);
        instrs(b);
        if (folded_form) c_.rparen();
    }
    if (!folded_form) {
        c_.expect_keyword("end");
        if (c_.is(TokKind::Id)) {
            if (c_.peek().text != id) c_.fail("mismatching label");
            c_.next();
        }
    }
    emit_op(b, Op::End);
    labels_.pop_back();
}

void ModuleParser::instrs(Bytes& b)
{
    // Every nested body comes through here: bound the native recursion.
    if (++nesting_ > kMaxNesting) c_.fail("nesting too deep");
    struct Leave {
        int& n;
        ~Leave() { --n; }
    } leave{nesting_};
    for (;;) {
        if (c_.is(TokKind::LParen)) {
            folded(b);
        } else if (c_.is(TokKind::Keyword) && !c_.is_keyword("end") && !c_.is_keyword("else") &&
                   !c_.is_keyword("catch") && !c_.is_keyword("catch_all") && !c_.is_keyword("delegate")) {
            instr(b);
        } else {
            return;
        }
    }
}

Op lookup_op(Cursor& c)
{
    // Keywords of the text format that are not instructions are misplaced
    // tokens; any other word is an unknown operator.
    static const char* kKeywords[] = {"type", "param", "result", "local", "then", "do", "mut", "func", "ref",
                                      "null", "export", "import", "item", "offset", "declare", "field"};
    Op op;
    const std::string& w = c.peek().text;
    if (op_from_mnemonic(w.data(), w.size(), op)) return op;
    for (const char* k : kKeywords)
        if (w == k) c.fail("unexpected token " + w);
    c.fail("unknown operator " + w);
}

void ModuleParser::instr(Bytes& b)
{
    const Op op = lookup_op(c_);
    c_.next();
    if (op == Op::Try) {
        legacy_try(b, false);
    } else if (op == Op::Block || op == Op::Loop || op == Op::If || op == Op::TryTable) {
        block_body(b, op, false);
    } else {
        plain(b, op);
    }
}

void ModuleParser::folded(Bytes& b)
{
    if (++nesting_ > kMaxNesting) c_.fail("nesting too deep");
    c_.lparen();
    if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected an instruction");
    const Op op = lookup_op(c_);
    if (op == Op::Catch || op == Op::CatchAll || op == Op::Delegate || op == Op::Else || op == Op::End)
        c_.fail("unexpected token " + c_.peek().text);
    c_.next();
    if (op == Op::If) {
        // The condition operands precede `(then …)`; the label and block type come first.
        const size_t p = c_.pos();
        if (c_.is(TokKind::Id)) c_.next();
        Bytes scratch;
        block_type(scratch);
        while (c_.is(TokKind::LParen) && !c_.is_list("then")) folded(b);
        const size_t body = c_.pos();
        // Re-read label and block type, then parse `(then …)` from `body`.
        c_.set_pos(p);
        std::string id;
        if (c_.is(TokKind::Id)) id = c_.next().text;
        emit_op(b, Op::If);
        block_type(b);
        c_.set_pos(body);
        labels_.push_back(id);
        c_.lparen();
        c_.expect_keyword("then");
        instrs(b);
        c_.rparen();
        if (c_.is_list("else")) {
            c_.next();
            c_.next();
            emit_op(b, Op::Else);
            instrs(b);
            c_.rparen();
        }
        emit_op(b, Op::End);
        labels_.pop_back();
    } else if (op == Op::Try) {
        legacy_try(b, true);
    } else if (op == Op::Block || op == Op::Loop || op == Op::TryTable) {
        block_body(b, op, true);
    } else {
        Bytes self;
        plain(self, op);
        while (c_.is(TokKind::LParen)) folded(b);
        b.append(self);
    }
    c_.rparen();
    --nesting_;
}

void ModuleParser::expr(Bytes& b)
{
    instrs(b);
    emit_op(b, Op::End);
}

// ---------------------------------------------------------------------------
// Module fields (§6.6)

std::optional<std::pair<std::string, std::string>> ModuleParser::inline_import()
{
    if (!c_.is_list("import")) return std::nullopt;
    c_.next();
    c_.next();
    std::string m = c_.string();
    std::string n = c_.string();
    c_.rparen();
    return std::make_pair(m, n);
}

void ModuleParser::inline_exports(ExternKind kind, uint32_t idx)
{
    while (c_.is_list("export")) {
        c_.next();
        c_.next();
        export_sec_.name(c_.string());
        export_sec_.u8(static_cast<uint8_t>(kind));
        export_sec_.u32(idx);
        ++n_exports_;
        c_.rparen();
    }
}

// Limits of a memory or table. An i32 bound beyond 32 bits cannot be encoded,
// so it is reported here with validation's message (Limits_ok).
Limits ModuleParser::limits(AddrType at, const char* what)
{
    Limits l;
    l.at = at;
    auto bound = [&]() {
        auto v = c_.is(TokKind::Number) ? parse_uint(c_.peek().text, 64) : std::nullopt;
        if (!v) c_.fail(c_.is(TokKind::Number) ? "constant out of range" : "unexpected token, expected limits");
        if (at == AddrType::I32 && *v > 0xFFFFFFFFull) c_.fail(std::string(what) + " size must be at most 2^32-1");
        c_.next();
        return *v;
    };
    l.min = bound();
    if (c_.is(TokKind::Number)) {
        l.has_max = true;
        l.max = bound();
    }
    return l;
}

void write_limits(Bytes& b, const Limits& l, bool shared)
{
    b.u8((l.has_max ? 1 : 0) | (shared ? 2 : 0) | (l.at == AddrType::I64 ? 4 : 0));
    b.u32(l.min);
    if (l.has_max) b.u32(l.max);
}

AddrType addr_type(Cursor& c)
{
    if (c.is_keyword("i64")) {
        c.next();
        return AddrType::I64;
    }
    if (c.is_keyword("i32")) c.next();
    return AddrType::I32;
}


void ModuleParser::write_import_header(const std::string& m, const std::string& n, ExternKind k)
{
    if (seen_definition_) c_.fail(std::string("import after ") + last_definition_);
    import_sec_.name(m);
    import_sec_.name(n);
    import_sec_.u8(static_cast<uint8_t>(k));
    ++n_imports_;
}

// The description of an imported entity, the cursor after its `$id?` (and,
// for the inline form, after its exports and `(import …)`).
void ModuleParser::import_desc(ExternKind kind, const std::string& m, const std::string& n, bool)
{
    write_import_header(m, n, kind);
    switch (kind) {
    case ExternKind::Func: {
        std::vector<std::string> ids;
        import_sec_.u32(type_use(&ids, nullptr));
        break;
    }
    case ExternKind::Tag:
        import_sec_.u8(0);
        import_sec_.u32(type_use(nullptr, nullptr));
        break;
    case ExternKind::Table: {
        const AddrType at = addr_type(c_);
        const Limits l = limits(at, "table");
        const ValType t = ref_type();
        write_val_type(import_sec_, t);
        write_limits(import_sec_, l, false);
        break;
    }
    case ExternKind::Mem: {
        const AddrType at = addr_type(c_);
        const Limits l = limits(at, "memory");
        bool shared = false;
        if (c_.is_keyword("shared")) {
            c_.next();
            shared = true;
        }
        write_limits(import_sec_, l, shared);
        break;
    }
    case ExternKind::Global: {
        bool mut = false;
        if (c_.is_list("mut")) {
            c_.next();
            c_.next();
            mut = true;
        }
        write_val_type(import_sec_, val_type());
        if (mut) c_.rparen();
        import_sec_.u8(mut ? 1 : 0);
        break;
    }
    }
}

void ModuleParser::import_field()
{
    const std::string m = c_.string();
    const std::string n = c_.string();
    c_.lparen();
    if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token");
    const std::string k = c_.next().text;
    ExternKind kind = k == "func" ? ExternKind::Func : k == "table" ? ExternKind::Table
                    : k == "memory" ? ExternKind::Mem : k == "global" ? ExternKind::Global : ExternKind::Tag;
    if (c_.is(TokKind::Id)) c_.next();
    take_index(kind);
    import_desc(kind, m, n, false);
    c_.rparen();
}

void ModuleParser::func_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    const uint32_t idx = take_index(ExternKind::Func);
    inline_exports(ExternKind::Func, idx);
    if (auto imp = inline_import()) {
        import_desc(ExternKind::Func, imp->first, imp->second, true);
        return;
    }
    definition("function");
    std::vector<std::string> ids;
    FuncType sig;
    const uint32_t t = type_use(&ids, &sig);
    func_sec_.u32(t);
    ++n_funcs_;
    local_ids_.clear();
    for (uint32_t i = 0; i < ids.size(); ++i) {
        if (!ids[i].empty() && !local_ids_.emplace(ids[i], i).second) c_.fail("duplicate local $" + ids[i]);
    }
    uint32_t n_locals = static_cast<uint32_t>(ids.size());
    std::vector<ValType> locals;
    while (c_.is_list("local")) {
        c_.next();
        c_.next();
        if (c_.is(TokKind::Id)) {
            const std::string id = c_.next().text;
            if (!local_ids_.emplace(id, n_locals).second) c_.fail("duplicate local $" + id);
            locals.push_back(val_type());
            ++n_locals;
        } else {
            while (!c_.is(TokKind::RParen)) {
                locals.push_back(val_type());
                ++n_locals;
            }
        }
        c_.rparen();
    }
    Bytes body;
    // Locals in runs of equal types.
    std::vector<std::pair<uint32_t, ValType>> runs;
    for (const ValType& l : locals) {
        if (!runs.empty() && runs.back().second == l) ++runs.back().first;
        else runs.push_back({1, l});
    }
    body.u32(runs.size());
    for (auto& [n, ty] : runs) {
        body.u32(n);
        write_val_type(body, ty);
    }
    labels_.clear();
    expr(body);
    code_sec_.u32(body.size());
    code_sec_.append(body);
}

void ModuleParser::table_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    const uint32_t idx = take_index(ExternKind::Table);
    inline_exports(ExternKind::Table, idx);
    if (auto imp = inline_import()) {
        import_desc(ExternKind::Table, imp->first, imp->second, true);
        return;
    }
    definition("table");
    const AddrType at = addr_type(c_);
    ++n_tables_;
    if (!c_.is(TokKind::Number)) {
        // `reftype (elem …)`: a table sized to its inline element segment.
        const ValType t = ref_type();
        c_.lparen();
        c_.expect_keyword("elem");
        std::vector<Bytes> items;
        bool exprs = false;
        ValType et = t;
        if (c_.is(TokKind::LParen)) {
            exprs = true;
            while (c_.is(TokKind::LParen)) {
                Bytes item;
                if (c_.is_list("item")) {
                    c_.next();
                    c_.next();
                    expr(item);
                    c_.rparen();
                } else {
                    folded(item);
                    emit_op(item, Op::End);
                }
                items.push_back(std::move(item));
            }
        } else {
            // Function indices abbreviate `(ref.func x)` items of the table's type.
            exprs = true;
            while (c_.is(TokKind::Id) || c_.is(TokKind::Number)) {
                Bytes item;
                emit_op(item, Op::RefFunc);
                item.u32(index(funcs_, "function"));
                emit_op(item, Op::End);
                items.push_back(std::move(item));
            }
        }
        c_.rparen();
        write_val_type(table_sec_, t);
        Limits l;
        l.at = at;
        l.min = l.max = items.size();
        l.has_max = true;
        write_limits(table_sec_, l, false);
        // The active segment at offset 0.
        elem_sec_.u32(exprs ? 6 : 2);
        elem_sec_.u32(idx);
        emit_op(elem_sec_, at == AddrType::I64 ? Op::I64Const : Op::I32Const);
        elem_sec_.u8(0);
        emit_op(elem_sec_, Op::End);
        if (exprs) write_val_type(elem_sec_, et);
        else elem_sec_.u8(0);
        elem_sec_.u32(items.size());
        for (auto& it : items) elem_sec_.append(it);
        ++n_elems_;
        (void)et;
        return;
    }
    const Limits l = limits(at, "table");
    const ValType t = ref_type();
    if (!c_.is(TokKind::RParen)) {
        table_sec_.u8(0x40);
        table_sec_.u8(0x00);
        write_val_type(table_sec_, t);
        write_limits(table_sec_, l, false);
        expr(table_sec_);
    } else {
        write_val_type(table_sec_, t);
        write_limits(table_sec_, l, false);
    }
}

void ModuleParser::memory_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    const uint32_t idx = take_index(ExternKind::Mem);
    inline_exports(ExternKind::Mem, idx);
    if (auto imp = inline_import()) {
        import_desc(ExternKind::Mem, imp->first, imp->second, true);
        return;
    }
    definition("memory");
    const AddrType at = addr_type(c_);
    ++n_mems_;
    if (c_.is_list("data")) {
        c_.next();
        c_.next();
        std::string bytes;
        while (c_.is(TokKind::String)) bytes += c_.next().text;
        c_.rparen();
        Limits l;
        l.at = at;
        l.min = l.max = (bytes.size() + 65535) / 65536;
        l.has_max = true;
        write_limits(mem_sec_, l, false);
        data_sec_.u32(2);
        data_sec_.u32(idx);
        emit_op(data_sec_, at == AddrType::I64 ? Op::I64Const : Op::I32Const);
        data_sec_.u8(0);
        emit_op(data_sec_, Op::End);
        data_sec_.name(bytes);
        ++n_datas_;
        return;
    }
    const Limits l = limits(at, "memory");
    bool shared = false;
    if (c_.is_keyword("shared")) {
        c_.next();
        shared = true;
    }
    write_limits(mem_sec_, l, shared);
}

void ModuleParser::global_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    const uint32_t idx = take_index(ExternKind::Global);
    inline_exports(ExternKind::Global, idx);
    if (auto imp = inline_import()) {
        import_desc(ExternKind::Global, imp->first, imp->second, true);
        return;
    }
    definition("global");
    bool mut = false;
    if (c_.is_list("mut")) {
        c_.next();
        c_.next();
        mut = true;
    }
    write_val_type(global_sec_, val_type());
    if (mut) c_.rparen();
    global_sec_.u8(mut ? 1 : 0);
    labels_.clear();
    expr(global_sec_);
    ++n_globals_;
}

void ModuleParser::tag_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    const uint32_t idx = take_index(ExternKind::Tag);
    inline_exports(ExternKind::Tag, idx);
    if (auto imp = inline_import()) {
        import_desc(ExternKind::Tag, imp->first, imp->second, true);
        return;
    }
    definition("tag");
    tag_sec_.u8(0);
    tag_sec_.u32(type_use(nullptr, nullptr));
    ++n_tags_;
}

void ModuleParser::export_field()
{
    const std::string n = c_.string();
    c_.lparen();
    if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token");
    const std::string k = c_.next().text;
    ExternKind kind;
    uint32_t idx;
    if (k == "func") { kind = ExternKind::Func; idx = index(funcs_, "function"); }
    else if (k == "table") { kind = ExternKind::Table; idx = index(tables_, "table"); }
    else if (k == "memory") { kind = ExternKind::Mem; idx = index(mems_, "memory"); }
    else if (k == "global") { kind = ExternKind::Global; idx = index(globals_, "global"); }
    else if (k == "tag") { kind = ExternKind::Tag; idx = index(tags_, "tag"); }
    else c_.fail("unexpected token, expected an export description");
    c_.rparen();
    export_sec_.name(n);
    export_sec_.u8(static_cast<uint8_t>(kind));
    export_sec_.u32(idx);
    ++n_exports_;
}

// `elemlist`: `reftype (item expr | instr)*`, or `func? funcidx*`.
void ModuleParser::elem_list(bool& exprs, ValType& type, std::vector<Bytes>& items)
{
    if (c_.is_keyword("func")) c_.next();
    if (at_val_type()) {
        exprs = true;
        type = ref_type();
        while (c_.is(TokKind::LParen)) {
            Bytes item;
            labels_.clear();
            if (c_.is_list("item")) {
                c_.next();
                c_.next();
                expr(item);
                c_.rparen();
            } else {
                folded(item);
                emit_op(item, Op::End);
            }
            items.push_back(std::move(item));
        }
        return;
    }
    exprs = false;
    type = ValType::ref(false, HeapType::abs(AbsHeap::Func));
    while (c_.is(TokKind::Id) || c_.is(TokKind::Number)) {
        Bytes item;
        item.u32(index(funcs_, "function"));
        items.push_back(std::move(item));
    }
}

void ModuleParser::elem_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    ++n_elems_;
    enum { Passive, Declarative, Active } mode = Passive;
    std::optional<uint32_t> table;
    Bytes offset;
    if (c_.is_keyword("declare")) {
        c_.next();
        mode = Declarative;
    } else {
        if (c_.is_list("table")) {
            c_.next();
            c_.next();
            table = index(tables_, "table");
            c_.rparen();
            mode = Active;
        }
        labels_.clear();
        if (c_.is_list("offset")) {
            c_.next();
            c_.next();
            expr(offset);
            c_.rparen();
            mode = Active;
        } else if (c_.is(TokKind::LParen) && !c_.is_list("item") && !c_.is_list("ref")) {
            folded(offset);
            emit_op(offset, Op::End);
            mode = Active;
        } else if (mode == Active) {
            c_.fail("unexpected token, expected an offset");
        }
    }
    // A bare funcidx list after the offset (the MVP form) needs no `func`.
    bool exprs = false;
    ValType type;
    std::vector<Bytes> items;
    elem_list(exprs, type, items);
    const bool funcref = type.is_ref() && type.nullable && type.heap == HeapType::abs(AbsHeap::Func);
    uint32_t flags;
    if (mode == Active) {
        if (!table && !exprs) flags = 0;
        else if (!table && exprs && funcref) flags = 4;
        else flags = exprs ? 6 : 2;
    } else {
        flags = (mode == Passive ? 1 : 3) | (exprs ? 4 : 0);
    }
    elem_sec_.u32(flags);
    if (mode == Active) {
        if (flags & 2) elem_sec_.u32(table.value_or(0));
        elem_sec_.append(offset);
    }
    if (flags & 3) {
        if (exprs) write_val_type(elem_sec_, type);
        else elem_sec_.u8(0);
    }
    elem_sec_.u32(items.size());
    for (auto& it : items) elem_sec_.append(it);
}

void ModuleParser::data_field()
{
    if (c_.is(TokKind::Id)) c_.next();
    ++n_datas_;
    std::optional<uint32_t> mem;
    Bytes offset;
    bool active = false;
    if (c_.is_list("memory")) {
        c_.next();
        c_.next();
        mem = index(mems_, "memory");
        c_.rparen();
        active = true;
    }
    labels_.clear();
    if (c_.is_list("offset")) {
        c_.next();
        c_.next();
        expr(offset);
        c_.rparen();
        active = true;
    } else if (c_.is(TokKind::LParen)) {
        folded(offset);
        emit_op(offset, Op::End);
        active = true;
    } else if (active) {
        c_.fail("unexpected token, expected an offset");
    }
    std::string bytes;
    while (c_.is(TokKind::String)) bytes += c_.next().text;
    if (!active) {
        data_sec_.u32(1);
    } else if (mem && *mem != 0) {
        data_sec_.u32(2);
        data_sec_.u32(*mem);
        data_sec_.append(offset);
    } else {
        data_sec_.u32(0);
        data_sec_.append(offset);
    }
    data_sec_.name(bytes);
}

void ModuleParser::field()
{
    c_.lparen();
    if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a module field");
    const std::string kw = c_.next().text;
    if (kw == "type" || kw == "rec") {
        // Emitted in the types pass.
        c_.set_pos(c_.pos() - 2);
        c_.skip_list();
        return;
    }
    if (kw == "func") func_field();
    else if (kw == "table") table_field();
    else if (kw == "memory") memory_field();
    else if (kw == "global") global_field();
    else if (kw == "tag") tag_field();
    else if (kw == "import") import_field();
    else if (kw == "export") export_field();
    else if (kw == "elem") elem_field();
    else if (kw == "data") data_field();
    else if (kw == "start") {
        if (has_start_) c_.fail("multiple start sections");
        has_start_ = true;
        start_sec_.u32(index(funcs_, "function"));
    } else {
        c_.fail("unexpected token " + kw);
    }
    c_.rparen();
}

std::vector<uint8_t> ModuleParser::run()
{
    fields_start_ = c_.pos();
    declare_fields();
    explicit_types_ = types_.count;
    // Types first, so type uses anywhere can find explicit types.
    c_.set_pos(fields_start_);
    uint32_t type_index = 0;
    while (c_.is(TokKind::LParen)) {
        if (c_.is_list("type")) {
            c_.next();
            c_.next();
            if (c_.is(TokKind::Id)) c_.next();
            type_def(type_sec_, type_infos_[type_index]);
            ++type_index;
            ++n_types_entries_;
            c_.rparen();
        } else if (c_.is_list("rec")) {
            c_.next();
            c_.next();
            Bytes group;
            uint32_t n = 0;
            const uint32_t first = type_index;
            while (c_.is_list("type")) {
                c_.next();
                c_.next();
                if (c_.is(TokKind::Id)) c_.next();
                type_def(group, type_infos_[type_index]);
                ++type_index;
                ++n;
                c_.rparen();
            }
            c_.rparen();
            // Only a lone type outside `rec` serves implicit type uses.
            for (uint32_t i = first; i < type_index; ++i) type_infos_[i].plain_func = false;
            type_sec_.u8(0x4E);
            type_sec_.u32(n);
            type_sec_.append(group);
            ++n_types_entries_;
        } else {
            c_.skip_list();
        }
    }
    c_.set_pos(fields_start_);
    while (c_.is(TokKind::LParen)) field();

    Bytes out;
    for (uint8_t b : {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00}) out.u8(b);
    auto section = [&](uint8_t id, uint32_t count, const Bytes& body, bool always = false) {
        if (count == 0 && !always) return;
        Bytes s;
        s.u32(count);
        s.append(body);
        out.u8(id);
        out.u32(s.size());
        out.append(s);
    };
    Bytes types = type_sec_;
    for (auto& t : implicit_types_) types.append(t);
    section(1, n_types_entries_ + static_cast<uint32_t>(implicit_types_.size()), types);
    section(2, n_imports_, import_sec_);
    section(3, n_funcs_, func_sec_);
    section(4, n_tables_, table_sec_);
    section(5, n_mems_, mem_sec_);
    section(13, n_tags_, tag_sec_);
    section(6, n_globals_, global_sec_);
    section(7, n_exports_, export_sec_);
    if (has_start_) {
        out.u8(8);
        out.u32(start_sec_.size());
        out.append(start_sec_);
    }
    section(9, n_elems_, elem_sec_);
    // The data count section is always emitted, so that data indices in code
    // are checked by validation (the text format has no such section).
    {
        Bytes dc;
        dc.u32(n_datas_);
        out.u8(12);
        out.u32(dc.size());
        out.append(dc);
    }
    section(10, n_funcs_, code_sec_);
    section(11, n_datas_, data_sec_);
    return std::vector<uint8_t>(out.begin(), out.end());
}

}  // namespace

// `v128.const shape lane*` (the cursor after `v128.const`): the 16 bytes, little-endian lanes.
std::array<uint8_t, 16> v128_const(Cursor& c)
{
    std::array<uint8_t, 16> out{};
    if (!c.is(TokKind::Keyword)) c.fail("unexpected token, expected a v128 shape");
    const std::string shape = c.next().text;
    auto put = [&](size_t offset, uint64_t bits, size_t size) {
        for (size_t i = 0; i < size; ++i) out[offset + i] = static_cast<uint8_t>(bits >> (8 * i));
    };
    unsigned bits;
    if (shape == "i8x16") bits = 8;
    else if (shape == "i16x8") bits = 16;
    else if (shape == "i32x4" || shape == "f32x4") bits = 32;
    else if (shape == "i64x2" || shape == "f64x2") bits = 64;
    else c.fail("unexpected token, unknown v128 shape " + shape);
    const bool is_float = shape[0] == 'f';
    size_t given = 0;
    while (c.peek(given).kind == TokKind::Number || (is_float && c.peek(given).kind == TokKind::Keyword)) ++given;
    if (given != 128 / bits) c.fail("wrong number of lane literals");
    for (unsigned i = 0; i < 128 / bits; ++i) {
        if (!c.is(TokKind::Number) && !(is_float && c.is(TokKind::Keyword))) c.fail("wrong number of lane literals");
        const std::string& t = c.peek().text;
        std::optional<uint64_t> v;
        if (is_float) v = bits == 32 ? std::optional<uint64_t>(parse_f32(t)) : parse_f64(t);
        else v = parse_int(t, bits);
        if (!v) {
            const bool shape = is_float ? is_float_syntax(t) : is_int_syntax(t);
            if (!shape) c.fail("unknown operator");
            c.fail("constant out of range");
        }
        c.next();
        put(i * bits / 8, *v, bits / 8);
    }
    if (c.is(TokKind::Number)) c.fail("wrong number of lane literals");
    return out;
}

std::vector<uint8_t> parse_module_fields(Cursor& c)
{
    return ModuleParser(c).run();
}

bool parse_module_text(const std::string& source, std::vector<uint8_t>& binary, TextError& error)
{
    std::vector<Token> toks;
    if (!tokenize(source, toks, error)) return false;
    try {
        Cursor c(toks);
        const bool wrapped = c.is_list("module");
        if (wrapped) {
            c.next();
            c.next();
            if (c.is(TokKind::Id)) c.next();
        }
        binary = parse_module_fields(c);
        if (wrapped) c.rparen();
        if (!c.is(TokKind::Eof)) c.fail("unexpected token after module");
    } catch (const SyntaxError& e) {
        error = TextError{e.message, e.line, e.column};
        return false;
    }
    return true;
}

}  // namespace lockstep::wasm::text
