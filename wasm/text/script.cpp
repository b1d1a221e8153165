// The .wast script format.
#include "wasm/text/script.h"

#include "wasm/text/numbers.h"
#include "wasm/text/parser.h"

#include <cstring>

namespace lockstep::wasm::text {

namespace {

class ScriptParser {
public:
    explicit ScriptParser(Cursor& c) : c_(c) {}

    void module(ModuleSource& m)
    {
        // After `(module`.
        if (c_.is_keyword("definition")) {
            c_.next();
            m.definition = true;
        }
        if (c_.is(TokKind::Id)) m.id = c_.next().text;
        if (c_.is_keyword("binary") || c_.is_keyword("quote")) {
            const bool binary = c_.peek().text == "binary";
            c_.next();
            std::string s;
            while (c_.is(TokKind::String)) s += c_.next().text;
            if (binary) {
                m.kind = ModuleSource::Binary;
                m.binary.assign(s.begin(), s.end());
            } else {
                m.kind = ModuleSource::Quote;
                m.quote = std::move(s);
            }
            c_.rparen();
            return;
        }
        m.kind = ModuleSource::Text;
        const size_t start = c_.pos();
        try {
            m.binary = parse_module_fields(c_);
            c_.rparen();
        } catch (const SyntaxError& e) {
            m.text_error = std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
            c_.set_pos(start);
            while (!c_.is(TokKind::RParen) && !c_.is(TokKind::Eof)) c_.skip_list_or_token();
            c_.rparen();
        }
    }

    WastValue value()
    {
        c_.lparen();
        if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a constant");
        const std::string op = c_.next().text;
        WastValue v;
        if (op == "i32.const") {
            v.type = ValKind::I32;
            v.value = Value::from_i32(static_cast<uint32_t>(int_(32)));
        } else if (op == "i64.const") {
            v.type = ValKind::I64;
            v.value = Value::from_i64(int_(64));
        } else if (op == "f32.const") {
            v.type = ValKind::F32;
            auto b = parse_f32(c_.peek().text);
            if (!b) c_.fail("malformed f32");
            c_.next();
            v.value = Value::from_f32_bits(*b);
        } else if (op == "f64.const") {
            v.type = ValKind::F64;
            auto b = parse_f64(c_.peek().text);
            if (!b) c_.fail("malformed f64");
            c_.next();
            v.value = Value::from_f64_bits(*b);
        } else if (op == "v128.const") {
            v.type = ValKind::V128;
            const auto bytes = v128_const(c_);
            std::memcpy(v.value.v128, bytes.data(), 16);
        } else if (op == "ref.null") {
            v.type = ValKind::Ref;
            c_.next();  // the heap type
            v.value = Value::from_ref(Ref::null());
        } else if (op == "ref.extern" || op == "ref.host") {
            v.type = ValKind::Ref;
            v.value = Value::from_ref(Ref::host(static_cast<uint32_t>(int_(32))));
        } else {
            c_.fail("unsupported constant " + op);
        }
        c_.rparen();
        return v;
    }

    uint64_t int_(unsigned bits)
    {
        auto v = c_.is(TokKind::Number) ? parse_int(c_.peek().text, bits) : std::nullopt;
        if (!v) c_.fail("malformed integer");
        c_.next();
        return *v;
    }

    // An expected `v128.const shape lanes…` (the cursor after `v128.const`):
    // float lanes may be NaN patterns, so this reads lanes itself.
    Expected v128_result()
    {
        Expected e;
        e.kind = Expected::Exact;
        e.type = ValKind::V128;
        if (!c_.is(TokKind::Keyword)) c_.fail("expected a v128 shape");
        const std::string shape = c_.next().text;
        auto put = [&](size_t offset, uint64_t bits, size_t size) {
            for (size_t i = 0; i < size; ++i) e.v128[offset + i] = static_cast<uint8_t>(bits >> (8 * i));
        };
        if (shape == "i8x16" || shape == "i16x8" || shape == "i32x4" || shape == "i64x2") {
            const unsigned bits = shape == "i8x16" ? 8 : shape == "i16x8" ? 16 : shape == "i32x4" ? 32 : 64;
            for (unsigned i = 0; i < 128 / bits; ++i) put(i * bits / 8, int_(bits), bits / 8);
        } else if (shape == "f32x4" || shape == "f64x2") {
            const bool f32 = shape == "f32x4";
            const unsigned n = f32 ? 4 : 2;
            for (unsigned i = 0; i < n; ++i) {
                const std::string t = c_.peek().text;
                if ((t == "nan:canonical" || t == "nan:arithmetic")) {
                    e.lanes = static_cast<uint8_t>(n);
                    e.lane_kinds[i] = t == "nan:canonical" ? Expected::NanCanonical : Expected::NanArithmetic;
                    c_.next();
                    continue;
                }
                if (f32) {
                    auto b = parse_f32(t);
                    if (!b) c_.fail("malformed f32 lane");
                    put(i * 4, *b, 4);
                } else {
                    auto b = parse_f64(t);
                    if (!b) c_.fail("malformed f64 lane");
                    put(i * 8, *b, 8);
                }
                c_.next();
            }
        } else {
            c_.fail("unknown v128 shape " + shape);
        }
        return e;
    }

    Expected result()
    {
        c_.lparen();
        if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a result");
        const std::string op = c_.next().text;
        Expected e;
        auto float_result = [&](ValKind k) {
            e.type = k;
            const std::string t = c_.peek().text;
            if (t == "nan:canonical") e.kind = Expected::NanCanonical;
            else if (t == "nan:arithmetic") e.kind = Expected::NanArithmetic;
            else {
                auto b = k == ValKind::F32 ? std::optional<uint64_t>(parse_f32(t)) : parse_f64(t);
                if (!b) c_.fail("malformed float");
                e.bits = *b;
            }
            c_.next();
        };
        if (op == "i32.const") {
            e.type = ValKind::I32;
            e.bits = static_cast<uint32_t>(int_(32));
        } else if (op == "i64.const") {
            e.type = ValKind::I64;
            e.bits = int_(64);
        } else if (op == "f32.const") {
            float_result(ValKind::F32);
        } else if (op == "f64.const") {
            float_result(ValKind::F64);
        } else if (op == "v128.const") {
            e = v128_result();
        } else if (op == "ref.null") {
            e.kind = Expected::RefNull;
            e.type = ValKind::Ref;
            if (c_.is(TokKind::Keyword) || c_.is(TokKind::Id) || c_.is(TokKind::Number)) c_.next();
        } else if (op == "ref.extern" || op == "ref.host") {
            e.kind = Expected::RefHost;
            e.type = ValKind::Ref;
            if (c_.is(TokKind::Number)) {
                e.has_host = true;
                e.host = static_cast<uint32_t>(int_(32));
            }
        } else if (op == "either") {
            e.kind = Expected::Either;
            while (c_.is(TokKind::LParen)) {
                e.alternatives.push_back(result());
                if (e.alternatives.back().kind == Expected::Either) c_.fail("nested either");
            }
        } else if (op.rfind("ref.", 0) == 0) {
            static const std::pair<const char*, AbsHeap> kKinds[] = {
                {"ref.func", AbsHeap::Func}, {"ref.any", AbsHeap::Any}, {"ref.eq", AbsHeap::Eq},
                {"ref.i31", AbsHeap::I31}, {"ref.struct", AbsHeap::Struct}, {"ref.array", AbsHeap::Array},
                {"ref.exn", AbsHeap::Exn},
            };
            bool found = false;
            for (auto& [name, h] : kKinds) {
                if (op == name) {
                    e.kind = Expected::RefKind;
                    e.type = ValKind::Ref;
                    e.heap = h;
                    found = true;
                }
            }
            if (!found) c_.fail("unsupported result " + op);
        } else {
            c_.fail("unsupported result " + op);
        }
        c_.rparen();
        return e;
    }

    void action(Action& a)
    {
        c_.lparen();
        if (c_.is_keyword("invoke")) {
            a.kind = Action::Invoke;
        } else if (c_.is_keyword("get")) {
            a.kind = Action::Get;
        } else {
            c_.fail("unexpected token, expected an action");
        }
        c_.next();
        if (c_.is(TokKind::Id)) a.module = c_.next().text;
        a.name = c_.string();
        while (c_.is(TokKind::LParen)) a.args.push_back(value());
        c_.rparen();
    }

    // `(module …)` as the operand of an assertion.
    void module_operand(Command& cmd)
    {
        c_.lparen();
        c_.expect_keyword("module");
        module(cmd.module);
    }

    void command(Command& cmd)
    {
        cmd.line = c_.peek().line;
        c_.lparen();
        if (!c_.is(TokKind::Keyword)) c_.fail("unexpected token, expected a command");
        const std::string kw = c_.next().text;
        if (kw == "module") {
            if (c_.is_keyword("instance")) {
                c_.next();
                cmd.kind = Command::ModuleInstance;
                if (c_.is(TokKind::Id)) cmd.instance_id = c_.next().text;
                if (c_.is(TokKind::Id)) cmd.definition_id = c_.next().text;
                c_.rparen();
                return;
            }
            cmd.kind = Command::Module;
            module(cmd.module);
            return;
        }
        if (kw == "register") {
            cmd.kind = Command::Register;
            cmd.register_name = c_.string();
            if (c_.is(TokKind::Id)) cmd.register_module = c_.next().text;
        } else if (kw == "invoke" || kw == "get") {
            cmd.kind = Command::DoAction;
            c_.set_pos(c_.pos() - 2);
            action(cmd.action);
            return;
        } else if (kw == "assert_return") {
            cmd.kind = Command::AssertReturn;
            action(cmd.action);
            while (c_.is(TokKind::LParen)) cmd.expected.push_back(result());
        } else if (kw == "assert_trap" || kw == "assert_exhaustion" || kw == "assert_exception") {
            if (c_.is_list("module")) {
                cmd.kind = Command::AssertTrapModule;
                module_operand(cmd);
            } else {
                cmd.kind = kw == "assert_trap" ? Command::AssertTrap
                         : kw == "assert_exhaustion" ? Command::AssertExhaustion : Command::AssertException;
                action(cmd.action);
            }
            if (c_.is(TokKind::String)) cmd.message = c_.next().text;
        } else if (kw == "assert_invalid" || kw == "assert_malformed" || kw == "assert_unlinkable" ||
                   kw == "assert_uninstantiable") {
            cmd.kind = kw == "assert_invalid" ? Command::AssertInvalid
                     : kw == "assert_malformed" ? Command::AssertMalformed
                     : kw == "assert_unlinkable" ? Command::AssertUnlinkable : Command::AssertUninstantiable;
            module_operand(cmd);
            cmd.message = c_.string();
        } else {
            c_.fail("unsupported command " + kw);
        }
        c_.rparen();
    }

private:
    Cursor& c_;
};

}  // namespace

void Cursor::skip_list_or_token()
{
    if (is(TokKind::LParen)) skip_list();
    else next();
}

bool parse_script(const std::string& source, std::vector<Command>& out, std::string& error)
{
    std::vector<Token> toks;
    TextError lex_error;
    if (!tokenize(source, toks, lex_error)) {
        error = std::to_string(lex_error.line) + ":" + std::to_string(lex_error.column) + ": " + lex_error.message;
        return false;
    }
    Cursor c(toks);
    ScriptParser p(c);
    // A file of bare module fields is an inline module (§ "Scripts").
    if (c.is(TokKind::LParen) && c.peek(1).kind == TokKind::Keyword) {
        static const char* kFields[] = {"type", "rec", "func", "table", "memory", "global", "tag",
                                        "import", "export", "elem", "data", "start"};
        bool field = false;
        for (const char* f : kFields) field |= c.peek(1).text == f;
        if (field) {
            Command cmd;
            cmd.kind = Command::Module;
            cmd.line = c.peek().line;
            try {
                cmd.module.binary = parse_module_fields(c);
            } catch (const SyntaxError& e) {
                cmd.module.text_error = e.message;
            }
            out.push_back(std::move(cmd));
            return true;
        }
    }
    while (!c.is(TokKind::Eof)) {
        const size_t start = c.pos();
        Command cmd;
        try {
            p.command(cmd);
        } catch (const SyntaxError& e) {
            cmd = Command{};
            cmd.kind = Command::Unsupported;
            cmd.line = e.line;
            cmd.message = e.message;
            c.set_pos(start);
            if (!c.is(TokKind::LParen)) {
                error = std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
                return false;
            }
            c.skip_list();
        }
        out.push_back(std::move(cmd));
    }
    return true;
}

}  // namespace lockstep::wasm::text
