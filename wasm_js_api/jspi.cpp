// JS Promise Integration (index.bs "JavaScript Promise Integration"):
// WebAssembly.Suspending, WebAssembly.promising, running a Promising
// function and suspending functions.
//
// A promising call runs its Wasm function through AsyncFunctionStart, so
// the Wasm frames run on that context's own fiber (DESIGN.md §4); it gets
// its own Wasm call stack (a wasm::Thread) for the same reason. A
// suspending import calls Await, which suspends that fiber — its native
// frames and its Wasm stack with it — until the promise settles.
#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

void SuspendingObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(WrappedFunction);
}

wasm::Thread& running_wasm_thread(Agent& agent)
{
    WebAssemblyNamespaceObject& ns = state(agent);
    auto it = ns.promising_threads.find(agent.running_fiber);
    return it == ns.promising_threads.end() ? ns.thread() : *it->second;
}

namespace {

// The size of a promising call's own Wasm stack (values, frames): smaller
// than the agent's, as one exists per suspended call.
constexpr size_t kPromisingStackValues = size_t{1} << 16;
constexpr size_t kPromisingStackFrames = 10000;

// evaluate a Promising function
ThrowCompletionOr<void> EvaluateAPromisingFunction(Agent& agent, const PromiseCapabilityRecord& promise,
                                                   wasm::FuncInst* funcaddr, std::span<const Value> arguments)
{
    SPEC_ALGORITHM("evaluate-a-promising-function");
    STEP("1");  WebAssemblyNamespaceObject& store = state(agent);
    STEP("2");  const wasm::FuncType& functype = *funcaddr->type;
    STEP("3");  std::vector<wasm::Value> args = TRY(CoerceJavaScriptArguments(agent, functype, arguments));
    STEP("4");  auto& map = store.execution_context_status;
    STEP("5");  const ExecutionContext* ec = &agent.running_execution_context();
    STEP("6");  SPEC_ASSERT(!map.contains(ec));
    STEP("7");  map[ec] = ExecutionContextStatus::Active;
    STEP("8");
    auto thread = std::make_unique<wasm::Thread>(store.store(), kPromisingStackValues, kPromisingStackFrames);
    Fiber* fiber = agent.running_fiber;
    store.promising_threads[fiber] = thread.get();
    wasm::Outcome result = thread->invoke(funcaddr, args);
    store.promising_threads.erase(fiber);
    STEP("9");
    STEP("10");
    if (map[ec] != ExecutionContextStatus::Active) {
        map.erase(ec);
        return throw_wasm_error(agent, WasmErrorType::SuspendError, "the promising call's context is not active");
    }
    map.erase(ec);
    STEP("11");
    STEP("12");
    if (result.kind == wasm::Outcome::Trap) return throw_outcome(agent, result);
    STEP("13");
    if (result.kind == wasm::Outcome::Exception) {
        STEP("13.a");
        Value reason = exception_to_js(agent, result.exn);
        MUST(Call(agent, promise.Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
        return {};
    }
    STEP("14");
    STEP("14.a");
    STEP("14.b");  size_t outArity = result.values.size();
    STEP("14.c");  if (outArity == 0) return {};
    Root<Value> jsReturnValue;
    STEP("14.d");
    if (outArity == 1) {
        jsReturnValue = TRY(ToJSValue(agent, result.values[0], functype.results[0]));
    } else {
        STEP("14.e");
        STEP("14.e.i");  List<Value> values;
        STEP("14.e.ii");
        for (size_t i = 0; i < outArity; ++i) {
            STEP("14.e.iii");  values.append(TRY(ToJSValue(agent, result.values[i], functype.results[i])));
        }
        STEP("14.e.iv");  jsReturnValue = Value(CreateArrayFromList(agent, values.items()));
    }
    STEP("14.f");
    Value resolution = jsReturnValue.get();
    MUST(Call(agent, promise.Resolve, Value::undefined(), std::span<const Value>(&resolution, 1)));
    STEP("15");
    return {};
}

// run a Promising function wasmFunc with arguments
ThrowCompletionOr<Value> RunAPromisingFunction(Agent& agent, wasm::FuncInst* funcaddr_of_wasmFunc, std::span<const Value> arguments)
{
    SPEC_ALGORITHM("run-a-promising-function");
    STEP("1");
    PromiseCapabilityRecord promise = MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    Root<Object*> p = promise.Promise, resolve = promise.Resolve, reject = promise.Reject;
    STEP("2");  wasm::FuncInst* funcaddr = funcaddr_of_wasmFunc;
    STEP("3");
    List<Value> args(std::vector<Value>(arguments.begin(), arguments.end()));
    auto runner = [&agent, p, resolve, reject, funcaddr, args]() -> Completion {
        STEP("3.a");
        PromiseCapabilityRecord promise{p.get(), resolve.get(), reject.get()};
        auto status = EvaluateAPromisingFunction(agent, promise, funcaddr, args.items());
        if (status.is_abrupt()) return ThrowCompletion(status.thrown_value());
        return NormalCompletion(Value::empty());
    };
    STEP("4");  AsyncFunctionStart(agent, promise, runner);
    STEP("5");  return Value(promise.Promise);
}

// WebAssembly.promising ( wasmFunc )
ThrowCompletionOr<Value> WebAssembly_promising(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-webassembly-promising");
    Value wasmFunc = argument(args, 0);
    STEP("1");  if (!IsCallable(wasmFunc)) return throw_type_error(agent, "WebAssembly.promising: not callable");
    STEP("2");
    wasm::FuncInst* funcaddr = exported_function_address(wasmFunc);
    if (!funcaddr) return throw_type_error(agent, "WebAssembly.promising: not an exported WebAssembly function");
    STEP("3");
    auto builder = [funcaddr](Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*) -> ThrowCompletionOr<Value> {
        return RunAPromisingFunction(agent, funcaddr, arguments);
    };
    STEP("4");
    return Value(CreateBuiltinFunction(agent, builder, 1, agent.key(""), {.realm = agent.current_realm()}));
}

// new Suspending ( jsFun )
ThrowCompletionOr<Value> Suspending(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-suspending-suspending");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Suspending constructor requires 'new'");
    Value jsFun = argument(args, 0);
    STEP("1");  if (!IsCallable(jsFun)) return throw_type_error(agent, "WebAssembly.Suspending: not callable");
    STEP("2");  Object* suspendingProto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblySuspendingPrototype));
    STEP("3");  auto* susp = OrdinaryObjectCreate<SuspendingObject>(agent, suspendingProto);
    STEP("4");  susp->WrappedFunction = jsFun;
    STEP("5");  return Value(susp);
}

}  // namespace

wasm::FuncInst* CreateASuspendingFunction(Agent& agent, Value func, uint32_t type_id)
{
    SPEC_ALGORITHM("create-a-suspending-function");
    STEP("1");  SPEC_ASSERT(IsCallable(func));
    STEP("2");
    const HostFunctionContext context = host_function_context(agent, func, type_id);
    const wasm::FuncType* functype = context.functype;
    STEP("3");
    auto hostfunc = [context, functype](const std::vector<wasm::Value>& arguments) -> wasm::HostResult {
        Agent& agent = *context.agent;
        WebAssemblyNamespaceObject* ns_ptr = context.ns;
        wasm::HostResult out;
        // "Throw with type, payload and opaqueData": the JS exception goes into Wasm.
        auto throw_into_wasm = [&](Value v) {
            out.exception = js_exception_to_wasm(agent, v);
            return out;
        };
        STEP("3.a-3.b");  Value func = context.func();
        STEP("3.c");  const ExecutionContext* async_context = &agent.running_execution_context();
        STEP("3.d");  auto& map = ns_ptr->execution_context_status;
        STEP("3.e");
        auto entry = map.find(async_context);
        if (entry == map.end() || entry->second != ExecutionContextStatus::Active) {
            STEP("3.e.i");
            return throw_into_wasm(throw_wasm_error(agent, WasmErrorType::SuspendError,
                                                    "a suspending import was called outside a promising call").value);
        }
        STEP("3.f-3.g");
        STEP("3.h");
        STEP("3.i");
        auto jsArguments = CoerceWebAssemblyArguments(agent, functype->params, arguments);
        if (jsArguments.is_abrupt()) return throw_into_wasm(jsArguments.thrown_value());
        STEP("3.j");
        ThrowCompletionOr<Value> ret = Call(agent, func, Value::undefined(), jsArguments.value().items());
        STEP("3.k-3.l");
        STEP("3.m");
        STEP("3.n");
        if (ret.is_abrupt()) {
            STEP("3.n.i-3.n.ii");  return throw_into_wasm(ret.thrown_value());
        }
        STEP("3.o");
        STEP("3.o.i");
        Root<Value> retValue = ret.value();
        ThrowCompletionOr<Object*> prRet =
            PromiseResolve(agent, *agent.current_realm()->intrinsic(Intrinsic::Promise), retValue.get());
        STEP("3.o.ii");
        STEP("3.o.iii");
        if (prRet.is_abrupt()) {
            STEP("3.o.iii.1-3.o.iii.2");  return throw_into_wasm(prRet.thrown_value());
        }
        STEP("3.o.iv");
        STEP("3.o.iv.1");  Root<Object*> promise = prRet.value();
        STEP("3.o.iv.2");  map[async_context] = ExecutionContextStatus::Paused;
        STEP("3.o.iv.3-3.o.iv.4");  ThrowCompletionOr<Value> awaitResult = Await(agent, promise.get());
        STEP("3.o.iv.5");
        auto again = map.find(async_context);
        if (again == map.end() || again->second != ExecutionContextStatus::Paused) {
            STEP("3.o.iv.5.a");
            return throw_into_wasm(throw_wasm_error(agent, WasmErrorType::SuspendError, "the promising call is not paused").value);
        }
        STEP("3.o.iv.6");  again->second = ExecutionContextStatus::Active;
        STEP("3.o.iv.7");
        if (awaitResult.is_abrupt()) {
            STEP("3.o.iv.7.a-3.o.iv.7.b");  return throw_into_wasm(awaitResult.thrown_value());
        }
        STEP("3.o.iv.8");
        auto results = CoerceAJavaScriptReturn(agent, functype->results, awaitResult.value());
        if (results.is_abrupt()) return throw_into_wasm(results.thrown_value());
        out.results = results.release_value();
        return out;
    };
    STEP("4");
    STEP("5");  wasm::FuncInst* funcaddr = alloc_host_function(context, type_id, hostfunc);
    STEP("6");
    STEP("7");  return funcaddr;
}

void CreateJSPIInterfaces(Agent& agent, Realm& realm, Object& ns)
{
    define_operation(agent, realm, ns, "promising", WebAssembly_promising, 1);
    define_interface(agent, realm, ns, "Suspending", 1, Suspending, Intrinsic::WebAssemblySuspendingPrototype);
}

}  // namespace lockstep::wasm_js_api
