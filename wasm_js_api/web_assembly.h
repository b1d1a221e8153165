// The WebAssembly JavaScript Interface (../shared/spec/wasm-js-api/index.bs):
// what the files of wasm_js_api/ share — the per-realm state the spec calls
// "the surrounding agent's associated store" and its caches, the interface
// objects' internal slots, and the conversions between JS and Wasm values.
// One file per interface: namespace.cpp (the WebAssembly namespace, validate,
// compile, instantiate), module.cpp, instance.cpp, memory.cpp, table.cpp,
// global.cpp, tag.cpp, exception.cpp, errors.cpp, functions.cpp (Exported
// Functions and host functions), values.cpp (ToJSValue, ToWebAssemblyValue).
#pragma once

#include <map>
#include <optional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/builtin_function.h"
#include "runtime/completion.h"
#include "runtime/intrinsics.h"
#include "runtime/object.h"
#include "runtime/root.h"
#include "runtime/value.h"
#include "wasm/exec/interpreter.h"
#include "wasm/exec/store.h"

namespace lockstep {

class Agent;
class Realm;
class ArrayBufferObject;
class Fiber;
struct ExecutionContext;

namespace wasm_js_api {

// JSPI's Execution Context Status map entries.
enum class ExecutionContextStatus : uint8_t { Active, Paused };

// The WebAssembly namespace object. It also holds the associated store of
// the agent (one per realm here: a store only owns instances, so functions,
// memories … of two realms' stores still link) and the caches §4 names: the
// Exported Function cache, the Memory/Table/Global/Tag/Exception object
// caches (one map keyed by address: addresses of different kinds differ),
// and the host value cache (host address → JS value).
class WebAssemblyNamespaceObject final : public Object {
public:
    using Object::Object;

    wasm::Store& store() { return *store_; }
    // The Wasm call stack the agent's invocations run on (made on first use).
    wasm::Thread& thread();

    std::unordered_map<const void*, Object*> object_cache;  // address → its JS object
    std::vector<Value> host_values;                         // host value cache, by host address
    std::vector<Value> host_callables;                      // the JS functions of host functions
    std::unordered_map<const wasm::FuncInst*, size_t> host_function_index;  // "the index of the host function"
    wasm::TagInst* js_tag = nullptr;                        // the JavaScript exception tag
    // JSPI: the Execution Context Status map, and the Wasm call stack of
    // each promising call, by the fiber it runs on.
    std::unordered_map<const ExecutionContext*, ExecutionContextStatus> execution_context_status;
    std::unordered_map<const Fiber*, wasm::Thread*> promising_threads;

    void visit_edges(Visitor&) override;

private:
    std::unique_ptr<wasm::Store> store_ = std::make_unique<wasm::Store>();
    std::unique_ptr<wasm::Thread> thread_;
};

// The current realm's namespace object (its %WebAssembly% intrinsic).
WebAssemblyNamespaceObject& state(Agent&);

// A Module object: [[Module]] (a validated module) and [[Bytes]].
class ModuleObject final : public Object {
public:
    using Object::Object;
    std::shared_ptr<wasm::Module> Module;
    std::vector<uint8_t> Bytes;
};

// An Instance object: [[Instance]] (a module instance) and [[Exports]].
class InstanceObject final : public Object {
public:
    using Object::Object;
    wasm::ModuleInst* Instance = nullptr;
    Object* Exports = nullptr;
    void visit_edges(Visitor&) override;
};

// A Memory object: [[Memory]] (a memory address) and [[BufferObject]].
class MemoryObject final : public Object {
public:
    using Object::Object;
    wasm::MemInst* Memory = nullptr;
    ArrayBufferObject* BufferObject = nullptr;
    void visit_edges(Visitor&) override;
};

// A Table object: [[Table]] (a table address).
class TableObject final : public Object {
public:
    using Object::Object;
    wasm::TableInst* Table = nullptr;
};

// A Global object: [[Global]] (a global address).
class GlobalObject final : public Object {
public:
    using Object::Object;
    wasm::GlobalInst* Global = nullptr;
};

// A Tag object: [[Address]] (a tag address).
class TagObject final : public Object {
public:
    using Object::Object;
    wasm::TagInst* Address = nullptr;
};

// An Exception object: [[Type]] (a tag address) and [[Payload]] (an exception address).
class ExceptionObject final : public Object {
public:
    using Object::Object;
    wasm::TagInst* Type = nullptr;
    wasm::ExnInst* Payload = nullptr;
    Value stack = Value::undefined();  // the "stack" option's trace, if asked for
    void visit_edges(Visitor&) override;
};

// A Suspending object (JSPI): [[WrappedFunction]].
class SuspendingObject final : public Object {
public:
    using Object::Object;
    Value WrappedFunction = Value::undefined();
    void visit_edges(Visitor&) override;
};

// The NativeError-like interfaces of §5 Error Objects (and JSPI's SuspendError).
enum class WasmErrorType : uint8_t { CompileError, LinkError, RuntimeError, SuspendError };
ThrowCompletion throw_wasm_error(Agent&, WasmErrorType, std::string_view message);

// §4 ToJSValue ( w ) and ToWebAssemblyValue ( v, type ).
ThrowCompletionOr<Value> ToJSValue(Agent&, const wasm::Value& w, const wasm::ValType& type);
ThrowCompletionOr<wasm::Value> ToWebAssemblyValue(Agent&, Value v, const wasm::ValType& type);
// ToValueType ( s ) for the descriptors' strings; nullopt: not a value type name.
std::optional<wasm::ValType> ToValueType(std::string_view s);
// DefaultValue ( valuetype )
wasm::Value DefaultValue(Agent&, const wasm::ValType& valuetype);
// retrieving a host value from hostaddr
Value RetrievingAHostValue(Agent&, uint32_t hostaddr);

// §4 Exported Functions: the function object for funcaddr (cached per address).
Object* ANewExportedFunction(Agent&, wasm::FuncInst* funcaddr);
// The func address an Exported Function wraps, or null if `v` is none.
wasm::FuncInst* exported_function_address(Value v);
// create a host function from the JS function func and the function type.
wasm::FuncInst* CreateAHostFunction(Agent&, Value func, uint32_t type_id);
// What a host function's code holds: the agent, and the JS function it
// calls (kept in the namespace's host_callables, which the collector visits).
struct HostFunctionContext {
    Agent* agent;
    WebAssemblyNamespaceObject* ns;
    size_t callable;
    const wasm::FuncType* functype;
    Value func() const { return ns->host_callables[callable]; }
};
HostFunctionContext host_function_context(Agent&, Value func, uint32_t type_id);
// func_alloc(store, functype, hostfunc) for a host function (its index is its allocation order).
wasm::FuncInst* alloc_host_function(const HostFunctionContext&, uint32_t type_id, wasm::HostFunc hostfunc);
// create a suspending function from func and the function type (JSPI).
wasm::FuncInst* CreateASuspendingFunction(Agent&, Value func, uint32_t type_id);
// The Wasm call stack invocations use now: the running promising call's, or the agent's.
wasm::Thread& running_wasm_thread(Agent&);
// coerce JavaScript arguments / coerce WebAssembly arguments / coerce a JavaScript return
ThrowCompletionOr<std::vector<wasm::Value>> CoerceJavaScriptArguments(Agent&, const wasm::FuncType& functype,
                                                                      std::span<const Value> argValues);
ThrowCompletionOr<List<Value>> CoerceWebAssemblyArguments(Agent&, const std::vector<wasm::ValType>& parameterTypes,
                                                          const std::vector<wasm::Value>& arguments);
ThrowCompletionOr<std::vector<wasm::Value>> CoerceAJavaScriptReturn(Agent&, const std::vector<wasm::ValType>& results,
                                                                    Value ret);
// The JS error a Wasm outcome other than normal completion throws.
ThrowCompletion throw_outcome(Agent&, const wasm::Outcome&);
// The Exception (or, for the JS tag, the JS value) a Wasm exception becomes.
Value exception_to_js(Agent&, wasm::ExnInst*);
// The Wasm exception a thrown JS value becomes (ThrowAJavaScriptException).
wasm::ExnInst* js_exception_to_wasm(Agent&, Value thrown);
// The JS tag (GetTheJavaScriptExceptionTag).
wasm::TagInst* GetTheJavaScriptExceptionTag(Agent&);
// A canonical function type id for params → results.
uint32_t canonical_func_type(const std::vector<wasm::ValType>& params, const std::vector<wasm::ValType>& results);

// The hook of a memory.grow instruction (MemoryGrow): refreshes the Memory's buffer.
void MemoryGrow(Agent&, wasm::MemInst* memaddr);

// The JS objects for extern values (cached per address).
Object* CreateAMemoryObject(Agent&, wasm::MemInst*);
Object* CreateATableObject(Agent&, wasm::TableInst*);
Object* CreateAGlobalObject(Agent&, wasm::GlobalInst*);
Object* CreateATagObject(Agent&, wasm::TagInst*);
Object* CreateAnExceptionObject(Agent&, wasm::ExnInst*);

// compile a WebAssembly module from bytes: the module, or the CompileError's message.
std::shared_ptr<wasm::Module> CompileAWebAssemblyModule(std::span<const uint8_t> bytes, std::string& error);
// The bytes of a BufferSource (an ArrayBuffer or a view), copied; TypeError otherwise.
ThrowCompletionOr<std::vector<uint8_t>> get_buffer_source_bytes(Agent&, Value bytes);
// construct a WebAssembly module object
ModuleObject* ConstructAWebAssemblyModuleObject(Agent&, std::shared_ptr<wasm::Module>, std::vector<uint8_t> bytes,
                                                Object* proto = nullptr);
// read the imports of module with imports importObject
ThrowCompletionOr<std::vector<wasm::ExternVal>> ReadTheImports(Agent&, const wasm::Module& module, Value importObject);
// instantiate the core of a WebAssembly module module with imports
ThrowCompletionOr<wasm::ModuleInst*> InstantiateTheCoreOfAWebAssemblyModule(Agent&, std::shared_ptr<wasm::Module> module,
                                                                            const std::vector<wasm::ExternVal>& imports);
// read the imports, then instantiate the core (the Instance constructor's steps 1-3)
ThrowCompletionOr<wasm::ModuleInst*> InstantiateModule(Agent&, ModuleObject& module, Value importObject);
ThrowCompletionOr<Object*> InitializeAnInstanceObject(Agent&, wasm::ModuleInst*, Object* proto = nullptr);

// Creates every interface object and installs the namespace as %WebAssembly%.
void CreateWebAssemblyIntrinsics(Agent&, Realm&);

// Per-interface creation (each file), called by CreateWebAssemblyIntrinsics.
void CreateModuleInterface(Agent&, Realm&, Object& ns);
void CreateInstanceInterface(Agent&, Realm&, Object& ns);
void CreateMemoryInterface(Agent&, Realm&, Object& ns);
void CreateTableInterface(Agent&, Realm&, Object& ns);
void CreateGlobalInterface(Agent&, Realm&, Object& ns);
void CreateTagInterface(Agent&, Realm&, Object& ns);
void CreateExceptionInterface(Agent&, Realm&, Object& ns);
void CreateErrorInterfaces(Agent&, Realm&, Object& ns);
void CreateJSPIInterfaces(Agent&, Realm&, Object& ns);

// WebIDL: the prototype for `new` (NewTarget's "prototype", else the
// interface's prototype in NewTarget's realm).
ThrowCompletionOr<Object*> prototype_for(Agent&, Object* NewTarget, Intrinsic fallback);
// WebIDL interface object: a constructor function with a prototype object.
Object* define_interface(Agent&, Realm&, Object& ns, std::string_view name, double length,
                         BuiltinBehaviour behaviour, Intrinsic prototype);

}  // namespace wasm_js_api
}  // namespace lockstep
