// The WebAssembly JS API (wasm_js_api/): JS calling Wasm, Wasm calling JS,
// exceptions through Wasm frames, memories, i64 <-> BigInt, traps.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/scripts.h"
#include "builtins/builtin_helpers.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/array_buffer.h"
#include "runtime/host.h"
#include "runtime/realm.h"
#include "wasm/text/parser.h"

namespace lockstep::testing {
namespace {

// The module every test instantiates as `instance` (imports: m.f, m.g).
constexpr const char* kModule = R"WAT(
(module
  (import "m" "f" (func $f (param i32) (result i32)))
  (import "m" "g" (func $g))
  (memory (export "mem") 1 4)
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "callf") (param i32) (result i32) (call $f (local.get 0)))
  (func (export "inc64") (param i64) (result i64) (i64.add (local.get 0) (i64.const 1)))
  (func (export "trap") unreachable)
  (func $deep (export "deep") (param i32) (result i32) (call $deep (local.get 0)))
  (func (export "catchall") (result i32)
    (block $h (try_table (catch_all $h) (call $g)) (return (i32.const 0)))
    (i32.const -1))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
)
)WAT";

class WasmJsApiTest : public ::testing::Test {
protected:
    WasmJsApiTest()
    {
        MUST(InitializeHostDefinedRealm(agent));
        std::vector<uint8_t> binary;
        wasm::text::TextError error;
        EXPECT_TRUE(wasm::text::parse_module_text(kModule, binary, error)) << error.message;
        Realm& realm = *agent.current_realm();
        ArrayBufferObject* buffer =
            MUST(AllocateArrayBuffer(agent, *realm.intrinsic(Intrinsic::ArrayBuffer), binary.size()));
        std::copy(binary.begin(), binary.end(), buffer->ArrayBufferData->bytes());
        define_value_property(agent, *realm.GlobalObject, agent.key("bytes"), buffer, true, false, true);
    }

    // Evaluates `source` (after a prelude that instantiates the module with
    // JS imports `f` and `g` the source may set), runs the jobs, and returns
    // ToString of the result, or "throws Name: message".
    std::string eval(const std::string& source)
    {
        const std::string prelude =
            "var f = x => x * 2, g = () => {};"
            "var instance = new WebAssembly.Instance(new WebAssembly.Module(bytes),"
            "  {m: {f: x => f(x), g: () => g()}});"
            "var e = instance.exports;\n";
        Realm& realm = *agent.current_realm();
        auto parsed = ParseScript(agent, prelude + source, realm, Value::undefined(), "test.js");
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return "SyntaxError: " + error->message;
        Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
        Completion result = ScriptEvaluation(agent, *script.get());
        if (result.is_throw_completion()) {
            Root<Value> thrown = result.value;
            Value name = MUST(Get(agent, *MUST(Get(agent, *thrown.get().as_object(), agent.names.constructor)).as_object(),
                                  agent.names.name));
            Value message = MUST(Get(agent, *thrown.get().as_object(), agent.names.message));
            return "throws " + MUST(ToString(agent, name))->to_utf8() + ": " + MUST(ToString(agent, message))->to_utf8();
        }
        Root<Value> value = result.value;
        EXPECT_FALSE(agent.run_jobs().is_abrupt());
        return MUST(ToString(agent, value.get()))->to_utf8();
    }

    DefaultHost host;
    Agent agent{host};
};

TEST_F(WasmJsApiTest, JsCallsAnExportedFunction)
{
    EXPECT_EQ(eval("e.add(2, 3)"), "5");
    EXPECT_EQ(eval("e.add(0x7fffffff, 1)"), "-2147483648");  // i32 results are signed
    EXPECT_EQ(eval("e.add('40', {valueOf() { return 2; }})"), "42");  // ToInt32 on the arguments
    EXPECT_EQ(eval("[e.add.name, e.add.length, e.add === instance.exports.add]"), "2,2,true");  // cached per address
}

TEST_F(WasmJsApiTest, WasmCallsAJsImport)
{
    EXPECT_EQ(eval("e.callf(21)"), "42");
    EXPECT_EQ(eval("f = x => 'not a number'; e.callf(1)"), "0");  // ToInt32 of the JS result
    // Wasm -> JS -> Wasm: the host function calls back into the same thread.
    EXPECT_EQ(eval("f = x => x > 0 ? e.callf(x - 1) + 1 : 100; e.callf(5)"), "105");
}

TEST_F(WasmJsApiTest, JsExceptionPropagatesThroughWasmFrames)
{
    // The very object the import threw reaches the JS caller.
    EXPECT_EQ(eval("var err = new Error('boom'); f = x => { throw err; };"
                   "try { e.callf(1); 'no throw' } catch (x) { x === err }"),
              "true");
    EXPECT_EQ(eval("f = x => { throw 7; }; try { e.callf(1) } catch (x) { typeof x + x }"), "number7");
    // Inside Wasm it is a Wasm exception with the JS tag: catch_all catches it.
    EXPECT_EQ(eval("g = () => { throw new TypeError('x'); }; e.catchall()"), "-1");
    EXPECT_EQ(eval("e.catchall()"), "0");
    // A WebAssembly.Exception thrown by JS keeps its identity too.
    EXPECT_EQ(eval("var tag = new WebAssembly.Tag({parameters: ['i32']});"
                   "var exn = new WebAssembly.Exception(tag, [42]); f = () => { throw exn; };"
                   "try { e.callf(0) } catch (x) { [x === exn, x.is(tag), x.getArg(0)] }"),
              "true,true,42");
}

TEST_F(WasmJsApiTest, MemoryGrowDetachesTheOldBuffer)
{
    EXPECT_EQ(eval("var b = e.mem.buffer; var old = e.mem.grow(1);"
                   "[old, b.byteLength, e.mem.buffer.byteLength, b === e.mem.buffer]"),
              "1,0,131072,false");
    // The buffer is the memory's own bytes.
    EXPECT_EQ(eval("e.store(8, 0x01020304); new Uint8Array(e.mem.buffer)[8]"), "4");
    EXPECT_EQ(eval("try { e.mem.grow(4); 'grew' } catch (x) { x.constructor.name }"), "RangeError");
    // memory.grow in Wasm refreshes the buffer too (the spec's MemoryGrow hook).
    EXPECT_EQ(eval("var b2 = e.mem.buffer; [e.grow(1), b2.byteLength, e.mem.buffer.byteLength, e.grow(100)]"),
              "1,0,131072,-1");
    EXPECT_EQ(eval("var m = new WebAssembly.Memory({initial: 1, maximum: 2}); var mb = m.buffer; m.grow(1);"
                   "[mb.byteLength, m.buffer.byteLength]"),
              "0,131072");
}

TEST_F(WasmJsApiTest, I64IsBigInt)
{
    EXPECT_EQ(eval("typeof e.inc64(41n) + ' ' + e.inc64(41n)"), "bigint 42");
    EXPECT_EQ(eval("e.inc64(0xffffffffffffffffn)"), "0");  // ToBigInt64 wraps
    EXPECT_EQ(eval("e.inc64(42)"), "throws TypeError: cannot convert a Number to a BigInt");
    EXPECT_EQ(eval("var gl = new WebAssembly.Global({value: 'i64', mutable: true}, 5n); gl.value = 6n; gl.value"), "6");
}

TEST_F(WasmJsApiTest, TrapsAndStackExhaustion)
{
    EXPECT_EQ(eval("try { e.trap() } catch (x) { [x instanceof WebAssembly.RuntimeError, x.message] }"),
              "true,unreachable");
    EXPECT_EQ(eval("try { e.deep(0) } catch (x) { x.constructor.name }"), "RangeError");
}

TEST_F(WasmJsApiTest, ValidateCompileInstantiate)
{
    EXPECT_EQ(eval("[WebAssembly.validate(bytes), WebAssembly.validate(new Uint8Array([0, 97, 115]))]"), "true,false");
    EXPECT_EQ(eval("try { new WebAssembly.Module(new Uint8Array(4)) } catch (x) { x instanceof WebAssembly.CompileError }"),
              "true");
    EXPECT_EQ(eval("var out = []; WebAssembly.instantiate(bytes, {m: {f: x => x + 1, g() {}}})"
                   ".then(r => out.push(r.instance.exports.callf(1), r.module instanceof WebAssembly.Module)); out"),
              "2,true");  // (run_jobs ran the promise reactions before ToString)
    EXPECT_EQ(eval("try { new WebAssembly.Instance(new WebAssembly.Module(bytes), {m: {f: 1}}) } catch (x) { x.constructor.name }"),
              "LinkError");
    EXPECT_EQ(eval("JSON.stringify(WebAssembly.Module.imports(new WebAssembly.Module(bytes))[0])"),
              "{\"module\":\"m\",\"name\":\"f\",\"kind\":\"function\"}");
}

TEST_F(WasmJsApiTest, JspiSuspendsTheWasmFrames)
{
    // callf's Wasm frame is suspended while the import's promise is pending;
    // meanwhile other code runs (log order), then the frame resumes.
    EXPECT_EQ(eval("var log = [];"
                   "var s = new WebAssembly.Instance(new WebAssembly.Module(bytes), {m: {"
                   "  f: new WebAssembly.Suspending(async x => { log.push('import'); await 0; return x + 1; }), g() {}}});"
                   "var p = WebAssembly.promising(s.exports.callf)(41);"
                   "log.push('after call', p instanceof Promise);"
                   "p.then(v => log.push('result ' + v)); log"),
              "import,after call,true,result 42");
    // Not inside a promising call: a SuspendError thrown into Wasm, out to JS.
    EXPECT_EQ(eval("var s2 = new WebAssembly.Instance(new WebAssembly.Module(bytes), {m: {"
                   "  f: new WebAssembly.Suspending(async x => x), g() {}}});"
                   "try { s2.exports.callf(1) } catch (x) { x instanceof WebAssembly.SuspendError }"),
              "true");
    EXPECT_EQ(eval("try { WebAssembly.promising(() => 1) } catch (x) { x.constructor.name }"), "TypeError");
}

}  // namespace
}  // namespace lockstep::testing
