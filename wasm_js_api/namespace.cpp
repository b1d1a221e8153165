// WebAssembly JS API §3 The WebAssembly Namespace (index.bs): validate,
// compile, instantiate, and the namespace object with its interfaces; the
// per-realm state (the associated store and caches, web_assembly.h).
#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/promise_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/promise.h"
#include "runtime/array_buffer.h"
#include "runtime/data_view_object.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/typed_array_object.h"
#include "spec/step.h"
#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/valid/validator.h"
#include "wasm_js_api/webidl.h"

#include <cmath>

namespace lockstep::wasm_js_api {

wasm::Thread& WebAssemblyNamespaceObject::thread()
{
    if (!thread_) thread_ = std::make_unique<wasm::Thread>(*store_);
    return *thread_;
}

void WebAssemblyNamespaceObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    for (auto& [address, object] : object_cache) visitor.visit(object);
    visitor.visit_all(host_values);
    visitor.visit_all(host_callables);
}

WebAssemblyNamespaceObject& state(Agent& agent)
{
    return *static_cast<WebAssemblyNamespaceObject*>(agent.current_realm()->intrinsic(Intrinsic::WebAssembly));
}

ThrowCompletionOr<Value> dictionary_member(Agent& agent, Value dictionary, std::string_view name)
{
    if (dictionary.is_nullish()) return Value::undefined();
    if (!dictionary.is_object()) return throw_type_error(agent, "a descriptor must be an object");
    return Get(agent, *dictionary.as_object(), agent.key(name));
}

ThrowCompletionOr<uint64_t> enforce_range(Agent& agent, Value v, double max)
{
    double x = TRY(ToNumber(agent, v));
    if (std::isnan(x) || std::isinf(x)) return throw_type_error(agent, "not a finite number");
    x = std::trunc(x);
    if (x < 0 || x > max) return throw_type_error(agent, "value out of range");
    return static_cast<uint64_t>(x);
}

ThrowCompletionOr<void> check_optional_object(Agent& agent, Value v, std::string_view what)
{
    if (!v.is_undefined() && !v.is_object()) return throw_type_error(agent, std::string(what) + " must be an object");
    return {};
}

ThrowCompletionOr<std::vector<uint8_t>> get_buffer_source_bytes(Agent& agent, Value bytes)
{
    // WebIDL "get a copy of the bytes held by the buffer source".
    if (bytes.is_object()) {
        Object* o = bytes.as_object();
        ArrayBufferObject* buffer = nullptr;
        uint64_t offset = 0;
        std::optional<uint64_t> length;
        if (auto* ab = dynamic_cast<ArrayBufferObject*>(o)) {
            buffer = ab;
        } else if (auto* ta = dynamic_cast<TypedArrayObject*>(o)) {
            buffer = ta->ViewedArrayBuffer;
            offset = ta->ByteOffset;
            length = ta->ByteLength;
            if (!length && ta->ArrayLength) length = *ta->ArrayLength * element_size(TypedArrayElementType(*ta));
        } else if (auto* dv = dynamic_cast<DataViewObject*>(o)) {
            buffer = dv->ViewedArrayBuffer;
            offset = dv->ByteOffset;
            length = dv->ByteLength;
        }
        if (buffer) {
            if (!buffer->ArrayBufferData) return std::vector<uint8_t>{};
            const uint64_t size = ArrayBufferByteLength(agent, *buffer, Order::SeqCst);
            if (offset > size) return std::vector<uint8_t>{};
            const uint64_t n = length ? std::min(*length, size - offset) : size - offset;
            const uint8_t* p = buffer->ArrayBufferData->bytes() + offset;
            return std::vector<uint8_t>(p, p + n);
        }
    }
    return throw_type_error(agent, "argument is not an ArrayBuffer or an ArrayBuffer view");
}

std::shared_ptr<wasm::Module> CompileAWebAssemblyModule(std::span<const uint8_t> bytes, std::string& error)
{
    SPEC_ALGORITHM("compile-a-webassembly-module");
    auto module = std::make_shared<wasm::Module>();
    STEP("1");
    if (auto e = wasm::decode_module(bytes, *module)) {
        error = e->message;
        return nullptr;
    }
    STEP("2");
    if (auto e = wasm::validate_module(*module)) {
        error = *e;
        return nullptr;
    }
    STEP("3");
    return module;
}

ModuleObject* ConstructAWebAssemblyModuleObject(Agent& agent, std::shared_ptr<wasm::Module> module,
                                                std::vector<uint8_t> bytes, Object* proto)
{
    SPEC_ALGORITHM("construct-a-webassembly-module-object");
    STEP("1");
    if (!proto) proto = agent.current_realm()->intrinsic(Intrinsic::WebAssemblyModulePrototype);
    auto* moduleObject = OrdinaryObjectCreate<ModuleObject>(agent, proto);
    STEP("2");  moduleObject->Module = std::move(module);
    STEP("3");  moduleObject->Bytes = std::move(bytes);
    STEP("4");  return moduleObject;
}

namespace {

// "Queue a task": a timeout job of 0 ms runs once every promise job has.
void queue_a_task(Agent& agent, Job job)
{
    agent.host.HostEnqueueTimeoutJob(agent, std::move(job), agent.current_realm(), 0);
}

// Resolve / reject a promise capability (the WebIDL "resolve p with x").
void settle(Agent& agent, const PromiseCapabilityRecord& promise, bool fulfil, Value x)
{
    Value args[] = {x};
    MUST(Call(agent, fulfil ? promise.Resolve : promise.Reject, Value::undefined(), args));
}

// Reacts to a promise with C++ steps (WebIDL "upon fulfillment/rejection").
void upon_settlement(Agent& agent, Object* promise, std::function<void(Agent&, Value)> onFulfilled,
                     std::function<void(Agent&, Value)> onRejected)
{
    auto wrap = [&](std::function<void(Agent&, Value)> steps) {
        return CreateBuiltinFunction(
            agent,
            [steps](Agent& agent, BuiltinFunction&, Value, Arguments args, Object*) -> ThrowCompletionOr<Value> {
                steps(agent, argument(args, 0));
                return Value::undefined();
            },
            1, agent.key(""), {.realm = agent.current_realm()});
    };
    Root<Object*> fulfilled = wrap(std::move(onFulfilled));
    Root<Object*> rejected = wrap(std::move(onRejected));
    PerformPromiseThen(agent, *static_cast<PromiseObject*>(promise), Value(fulfilled.get()), Value(rejected.get()));
}

PromiseCapabilityRecord new_promise(Agent& agent)
{
    return MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
}

// asynchronously compile a WebAssembly module from bytes
Object* AsynchronouslyCompileAWebAssemblyModule(Agent& agent, std::vector<uint8_t> bytes)
{
    SPEC_ALGORITHM("asynchronously-compile-a-webassembly-module");
    STEP("1");  PromiseCapabilityRecord promise = new_promise(agent);
    STEP("2");
    STEP("2.a");
    std::string error;
    std::shared_ptr<wasm::Module> module = CompileAWebAssemblyModule(bytes, error);
    STEP("2.b");
    Root<Object*> p = promise.Promise, resolve = promise.Resolve, reject = promise.Reject;
    queue_a_task(agent, [&agent, p, resolve, reject, module, error, bytes = std::move(bytes)]() mutable
                 -> ThrowCompletionOr<void> {
        PromiseCapabilityRecord promise{p.get(), resolve.get(), reject.get()};
        STEP("2.b.i");
        if (!module) {
            settle(agent, promise, false, throw_wasm_error(agent, WasmErrorType::CompileError, error).value);
            return {};
        }
        STEP("2.b.ii");
        STEP("2.b.ii.1");  Object* moduleObject = ConstructAWebAssemblyModuleObject(agent, module, std::move(bytes));
        STEP("2.b.ii.2");  settle(agent, promise, true, moduleObject);
        return {};
    });
    STEP("3");
    return promise.Promise;
}

// asynchronously instantiate the WebAssembly module moduleObject importing importObject
Object* AsynchronouslyInstantiateAWebAssemblyModule(Agent& agent, ModuleObject& moduleObject, Value importObject)
{
    SPEC_ALGORITHM("asynchronously-instantiate-a-webassembly-module");
    STEP("1");  PromiseCapabilityRecord promise = new_promise(agent);
    STEP("2");  std::shared_ptr<wasm::Module> module = moduleObject.Module;
    STEP("3");
    auto read = ReadTheImports(agent, *module, importObject);
    if (read.is_abrupt()) {
        settle(agent, promise, false, read.thrown_value());
        return promise.Promise;
    }
    std::vector<wasm::ExternVal> imports = read.release_value();
    Root<Object*> p = promise.Promise, resolve = promise.Resolve, reject = promise.Reject;
    STEP("4");
    STEP("4.a");
    auto instantiate = [&agent, p, resolve, reject, module, imports]() -> ThrowCompletionOr<void> {
        PromiseCapabilityRecord promise{p.get(), resolve.get(), reject.get()};
        STEP("4.a.i");
        auto instance = InstantiateTheCoreOfAWebAssemblyModule(agent, module, imports);
        if (instance.is_abrupt()) {
            settle(agent, promise, false, instance.thrown_value());
            return {};
        }
        STEP("4.a.ii-4.a.iii");
        auto instanceObject = InitializeAnInstanceObject(agent, instance.value());
        if (instanceObject.is_abrupt()) {
            settle(agent, promise, false, instanceObject.thrown_value());
            return {};
        }
        STEP("4.a.iv");
        settle(agent, promise, true, instanceObject.value());
        return {};
    };
    queue_a_task(agent, instantiate);
    STEP("5");
    return promise.Promise;
}

// instantiate a promise of a module promiseOfModule with imports importObject
Object* InstantiateAPromiseOfAModule(Agent& agent, Object* promiseOfModule, Value importObject)
{
    SPEC_ALGORITHM("instantiate-a-promise-of-a-module");
    STEP("1");  PromiseCapabilityRecord promise = new_promise(agent);
    Root<Object*> p = promise.Promise, resolve = promise.Resolve, reject = promise.Reject;
    Root<Value> imports = importObject;
    STEP("2");
    auto onModule = [p, resolve, reject, imports](Agent& agent, Value module) {
        STEP("2.a");
        Root<Object*> innerPromise = AsynchronouslyInstantiateAWebAssemblyModule(
            agent, *static_cast<ModuleObject*>(module.as_object()), imports.get());
        Root<Value> moduleRoot = module;
        STEP("2.b");
        upon_settlement(
            agent, innerPromise.get(),
            [p, resolve, reject, moduleRoot](Agent& agent, Value instance) {
                PromiseCapabilityRecord promise{p.get(), resolve.get(), reject.get()};
                STEP("2.b.i");
                Root<Object*> result = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
                MUST(CreateDataPropertyOrThrow(agent, *result.get(), agent.key("module"), moduleRoot.get()));
                MUST(CreateDataPropertyOrThrow(agent, *result.get(), agent.key("instance"), instance));
                STEP("2.b.ii");
                settle(agent, promise, true, result.get());
            },
            [p, resolve, reject](Agent& agent, Value reason) {
                STEP("2.c");
                STEP("2.c.i");
                settle(agent, PromiseCapabilityRecord{p.get(), resolve.get(), reject.get()}, false, reason);
            });
    };
    STEP("3");
    auto onRejected = [p, resolve, reject](Agent& agent, Value reason) {
        STEP("3.a");
        settle(agent, PromiseCapabilityRecord{p.get(), resolve.get(), reject.get()}, false, reason);
    };
    upon_settlement(agent, promiseOfModule, onModule, onRejected);
    STEP("4");
    return promise.Promise;
}

// WebAssembly.validate ( bytes )
ThrowCompletionOr<Value> WebAssembly_validate(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-webassembly-validate");
    STEP("1");  std::vector<uint8_t> stableBytes = TRY(get_buffer_source_bytes(agent, argument(args, 0)));
    STEP("2");
    std::string error;
    std::shared_ptr<wasm::Module> module = CompileAWebAssemblyModule(stableBytes, error);
    STEP("3");  if (!module) return Value::boolean(false);
    STEP("4");  return Value::boolean(true);
}

// WebAssembly.compile ( bytes )
ThrowCompletionOr<Value> WebAssembly_compile(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-webassembly-compile");
    // A WebIDL argument conversion failure rejects the returned promise.
    STEP("1");
    auto stableBytes = get_buffer_source_bytes(agent, argument(args, 0));
    if (stableBytes.is_abrupt()) {
        PromiseCapabilityRecord promise = new_promise(agent);
        settle(agent, promise, false, stableBytes.thrown_value());
        return Value(promise.Promise);
    }
    STEP("2");
    return Value(AsynchronouslyCompileAWebAssemblyModule(agent, stableBytes.release_value()));
}

// WebAssembly.instantiate ( bytes | moduleObject, importObject )
ThrowCompletionOr<Value> WebAssembly_instantiate(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    Value first = argument(args, 0);
    Value importObject = argument(args, 1);
    auto rejected = [&](Value reason) {
        PromiseCapabilityRecord promise = new_promise(agent);
        settle(agent, promise, false, reason);
        return Value(promise.Promise);
    };
    if (auto* moduleObject = first.is_object() ? dynamic_cast<ModuleObject*>(first.as_object()) : nullptr) {
        SPEC_ALGORITHM("dom-webassembly-instantiate#2");
        if (auto c = check_optional_object(agent, importObject, "importObject"); c.is_abrupt()) return rejected(c.thrown_value());
        STEP("1");
        return Value(AsynchronouslyInstantiateAWebAssemblyModule(agent, *moduleObject, importObject));
    }
    SPEC_ALGORITHM("dom-webassembly-instantiate#1");
    STEP("1");
    auto stableBytes = get_buffer_source_bytes(agent, first);
    if (stableBytes.is_abrupt()) return rejected(stableBytes.thrown_value());
    if (auto c = check_optional_object(agent, importObject, "importObject"); c.is_abrupt()) return rejected(c.thrown_value());
    STEP("2");  Root<Object*> promiseOfModule = AsynchronouslyCompileAWebAssemblyModule(agent, stableBytes.release_value());
    STEP("3");  return Value(InstantiateAPromiseOfAModule(agent, promiseOfModule.get(), importObject));
}

}  // namespace

ThrowCompletionOr<Object*> prototype_for(Agent& agent, Object* NewTarget, Intrinsic fallback)
{
    return GetPrototypeFromConstructor(agent, *NewTarget, fallback);
}

Object* define_interface(Agent& agent, Realm& realm, Object& ns, std::string_view name, double length,
                         BuiltinBehaviour behaviour, Intrinsic prototype)
{
    PropertyKey key = agent.key(name);
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, std::move(behaviour), length, key,
                                                         {.realm = &realm, .isConstructor = true});
    Object* proto = realm.Intrinsics[size_t(prototype)];
    if (!proto) {
        proto = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
        realm.set_intrinsic(prototype, proto);
    }
    link_constructor_and_prototype(agent, *constructor, *proto);
    define_to_string_tag(agent, *proto, "WebAssembly." + std::string(name));
    define_value_property(agent, ns, key, constructor, true, false, true);
    return constructor;
}

void CreateWebAssemblyIntrinsics(Agent& agent, Realm& realm)
{
    SPEC_ALGORITHM("create-the-webassembly-namespace-object");
    STEP("1");
    auto* ns = OrdinaryObjectCreate<WebAssemblyNamespaceObject>(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::WebAssembly, ns);
    ns->store().memory_grown = [&agent](wasm::MemInst* memaddr) { MemoryGrow(agent, memaddr); };
    define_to_string_tag(agent, *ns, "WebAssembly");
    define_operation(agent, realm, *ns, "validate", WebAssembly_validate, 1);
    define_operation(agent, realm, *ns, "compile", WebAssembly_compile, 1);
    define_operation(agent, realm, *ns, "instantiate", WebAssembly_instantiate, 1);
    CreateModuleInterface(agent, realm, *ns);
    CreateInstanceInterface(agent, realm, *ns);
    CreateMemoryInterface(agent, realm, *ns);
    CreateTableInterface(agent, realm, *ns);
    CreateGlobalInterface(agent, realm, *ns);
    CreateTagInterface(agent, realm, *ns);
    CreateExceptionInterface(agent, realm, *ns);
    STEP("2");
    STEP("2.a-2.b");
    CreateErrorInterfaces(agent, realm, *ns);
    CreateJSPIInterfaces(agent, realm, *ns);
}

}  // namespace lockstep::wasm_js_api
