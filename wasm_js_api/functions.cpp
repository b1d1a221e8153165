// WebAssembly JS API §4 "Exported Functions" and "Host functions" (index.bs):
// JS calling Wasm (an Exported Function's [[Call]]), Wasm calling JS (a host
// function wrapping a JS callable), and the exceptions crossing between them
// (a JS exception travels through Wasm frames as a Wasm exception with the
// JavaScript exception tag).
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/string.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/web_assembly.h"

namespace lockstep::wasm_js_api {

using wasm::ValKind;
using wasm::ValType;

// call an Exported Function funcaddr with arguments argValues
ThrowCompletionOr<Value> CallAnExportedFunction(Agent&, wasm::FuncInst* funcaddr, std::span<const Value> argValues);

namespace {

bool is_v128_or_exnref(const ValType& t)
{
    return t.kind == ValKind::V128 ||
           (t.is_ref() && wasm::top_heap(t.heap) == wasm::AbsHeap::Exn);
}

// An Exported Function's steps, holding its [[FunctionAddress]] (the
// built-in function's behaviour is this object, so the slot is found there).
struct ExportedFunctionSteps {
    wasm::FuncInst* FunctionAddress;
    ThrowCompletionOr<Value> operator()(Agent& agent, BuiltinFunction&, Value, std::span<const Value> arguments,
                                        Object*) const
    {
        return CallAnExportedFunction(agent, FunctionAddress, arguments);
    }
};

}  // namespace

wasm::FuncInst* exported_function_address(Value v)
{
    if (!v.is_object()) return nullptr;
    auto* f = dynamic_cast<BuiltinFunction*>(v.as_object());
    if (!f) return nullptr;
    const auto* steps = f->behaviour.target<ExportedFunctionSteps>();
    return steps ? steps->FunctionAddress : nullptr;
}

uint32_t canonical_func_type(const std::vector<ValType>& params, const std::vector<ValType>& results)
{
    wasm::SubType sub;
    sub.comp.kind = wasm::CompKind::Func;
    sub.comp.func.params = params;
    sub.comp.func.results = results;
    return wasm::TypeRegistry::get().add_module_types({wasm::RecType{{sub}}})[0];
}

// name of the WebAssembly function funcaddr
static std::string NameOfTheWebAssemblyFunction(Agent& agent, wasm::FuncInst* funcaddr)
{
    SPEC_ALGORITHM("name-of-the-webassembly-function");
    STEP("1-2");
    size_t index = 0;
    STEP("3");
    if (!funcaddr->code) {
        STEP("3.a-3.b");
        index = state(agent).host_function_index[funcaddr];
    } else {
        STEP("4");
        STEP("4.a");  wasm::ModuleInst* moduleinst = funcaddr->module;
        STEP("4.b-4.c");
        for (size_t i = 0; i < moduleinst->funcs.size(); ++i)
            if (moduleinst->funcs[i] == funcaddr) {
                index = i;
                break;
            }
    }
    STEP("5");
    return std::to_string(index);
}

// coerce JavaScript arguments
ThrowCompletionOr<std::vector<wasm::Value>> CoerceJavaScriptArguments(Agent& agent, const wasm::FuncType& functype,
                                                                      std::span<const Value> argValues)
{
    SPEC_ALGORITHM("coerce-javascript-arguments");
    STEP("1");
    STEP("2");
    for (const ValType& t : functype.params)
        if (is_v128_or_exnref(t)) return throw_type_error(agent, "a parameter type has no JS value (v128 or exnref)");
    for (const ValType& t : functype.results)
        if (is_v128_or_exnref(t)) return throw_type_error(agent, "a result type has no JS value (v128 or exnref)");
    STEP("3");  std::vector<wasm::Value> args;
    STEP("4");  size_t i = 0;
    STEP("5");
    for (const ValType& t : functype.params) {
        STEP("5.a-5.b");  Value arg = i < argValues.size() ? argValues[i] : Value::undefined();
        STEP("5.c");  args.push_back(TRY(ToWebAssemblyValue(agent, arg, t)));
        STEP("5.d");  ++i;
    }
    STEP("6");
    return args;
}

ThrowCompletion throw_outcome(Agent& agent, const wasm::Outcome& ret)
{
    if (ret.kind == wasm::Outcome::Trap) {
        // The WebAssembly error mapping: exhausting the call stack is a RangeError.
        if (ret.message == "call stack exhausted") return throw_range_error(agent, "Maximum call stack size exceeded");
        return throw_wasm_error(agent, WasmErrorType::RuntimeError, ret.message);
    }
    return ThrowCompletion(exception_to_js(agent, ret.exn));
}

Value exception_to_js(Agent& agent, wasm::ExnInst* exnaddr)
{
    // As CallAnExportedFunction's step 7 does (for the other places a Wasm
    // exception reaches JS: a start function, a trap's caller).
    wasm::TagInst* tagaddr = exnaddr->tag;
    const std::vector<wasm::Value>& payload = exnaddr->fields;
    wasm::TagInst* jsTagAddr = GetTheJavaScriptExceptionTag(agent);
    // (The payload is ToWebAssemblyValue(v, externref): a host address, or an
    // externalized i31 for a small integer, which ToJSValue turns back.)
    if (tagaddr == jsTagAddr) return MUST(ToJSValue(agent, payload[0], tagaddr->type->params[0]));
    return CreateAnExceptionObject(agent, exnaddr);
}

ThrowCompletionOr<Value> CallAnExportedFunction(Agent& agent, wasm::FuncInst* funcaddr, std::span<const Value> argValues)
{
    SPEC_ALGORITHM("call-an-exported-function");
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");  // the associated store: running_wasm_thread(agent) invokes in it
    STEP("2");  const wasm::FuncType& functype = *funcaddr->type;
    STEP("3");  std::vector<wasm::Value> args = TRY(CoerceJavaScriptArguments(agent, functype, argValues));
    STEP("4");  wasm::Outcome ret = running_wasm_thread(agent).invoke(funcaddr, args);
    STEP("5");
    STEP("6");
    if (ret.kind == wasm::Outcome::Trap) return throw_outcome(agent, ret);
    STEP("7");
    if (ret.kind == wasm::Outcome::Exception) {
        wasm::ExnInst* exnaddr = ret.exn;
        STEP("7.a");  wasm::TagInst* tagaddr = exnaddr->tag;
        STEP("7.b");  const std::vector<wasm::Value>& payload = exnaddr->fields;
        STEP("7.c");  wasm::TagInst* jsTagAddr = GetTheJavaScriptExceptionTag(agent);
        STEP("7.d");
        if (tagaddr == jsTagAddr) {
            // (payload[0] is ToWebAssemblyValue(v, externref): a host address,
            // or an externalized i31 for a small integer; ToJSValue reads both.)
            STEP("7.d.i");  return ThrowCompletion(MUST(ToJSValue(agent, payload[0], tagaddr->type->params[0])));
        }
        STEP("7.e");
        STEP("7.e.i");  Object* exception = CreateAnExceptionObject(agent, exnaddr);
        STEP("7.e.ii");  return ThrowCompletion(exception);
    }
    STEP("8");  size_t outArity = ret.values.size();
    STEP("9");  if (outArity == 0) return Value::undefined();
    STEP("10");  if (outArity == 1) return ToJSValue(agent, ret.values[0], functype.results[0]);
    STEP("11");
    STEP("11.a");  List<Value> values;
    STEP("11.b");
    for (size_t i = 0; i < outArity; ++i) {
        STEP("11.b.i");  values.append(TRY(ToJSValue(agent, ret.values[i], functype.results[i])));
    }
    STEP("11.c");
    return Value(CreateArrayFromList(agent, values.items()));
}

Object* ANewExportedFunction(Agent& agent, wasm::FuncInst* funcaddr)
{
    SPEC_ALGORITHM("a-new-exported-function");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(funcaddr); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    ExportedFunctionSteps steps{funcaddr};
    STEP("4");  Realm* realm = agent.current_realm();
    STEP("5-7");  const wasm::FuncType& functype = *funcaddr->type;
    STEP("8");  size_t arity = functype.params.size();
    STEP("9");  std::string name = NameOfTheWebAssemblyFunction(agent, funcaddr);
    STEP("10");
    BuiltinFunction* function = CreateBuiltinFunction(agent, steps, double(arity),
                                                      PropertyKey::from_ascii(agent.heap, name), {.realm = realm});
    STEP("11");  // steps.FunctionAddress
    STEP("12");  map[funcaddr] = function;
    STEP("13");  return function;
}

wasm::TagInst* GetTheJavaScriptExceptionTag(Agent& agent)
{
    SPEC_ALGORITHM("get-the-javascript-exception-tag");
    WebAssemblyNamespaceObject& ns = state(agent);
    STEP("1");
    if (ns.js_tag) {
        STEP("1.a");  return ns.js_tag;
    }
    STEP("2");
    STEP("3");
    wasm::TagInst* tagAddress = ns.store().alloc_tag();
    tagAddress->type_id = canonical_func_type({ValType::ref(true, wasm::HeapType::abs(wasm::AbsHeap::Extern))}, {});
    tagAddress->type = &wasm::TypeRegistry::get().type(tagAddress->type_id).comp.func;
    STEP("4");
    STEP("5");  ns.js_tag = tagAddress;
    STEP("6");  return tagAddress;
}

wasm::ExnInst* js_exception_to_wasm(Agent& agent, Value v)
{
    SPEC_ALGORITHM("throw-a-javascript-exception");
    STEP("1");
    if (auto* exception = v.is_object() ? dynamic_cast<ExceptionObject*>(v.as_object()) : nullptr) {
        STEP("1.a");  return exception->Payload;
    }
    STEP("2");
    STEP("2.a");  wasm::TagInst* type = GetTheJavaScriptExceptionTag(agent);
    STEP("2.b");
    wasm::Value payload = MUST(ToWebAssemblyValue(agent, v, ValType::ref(true, wasm::HeapType::abs(wasm::AbsHeap::Extern))));
    STEP("2.c");
    wasm::ExnInst* address = state(agent).store().alloc_exn();
    address->tag = type;
    address->fields = {payload};
    STEP("2.d");
    STEP("3");  // the caller throws it into Wasm (HostResult::exception)
    return address;
}

// coerce WebAssembly arguments
ThrowCompletionOr<List<Value>> CoerceWebAssemblyArguments(Agent& agent, const std::vector<ValType>& parameterTypes,
                                                                 const std::vector<wasm::Value>& arguments)
{
    SPEC_ALGORITHM("coerce-webassembly-arguments");
    STEP("1");
    for (const ValType& t : parameterTypes)
        if (t.kind == ValKind::V128) return throw_type_error(agent, "a v128 parameter has no JS value");
    STEP("2");  List<Value> jsArguments;
    STEP("3");
    for (size_t i = 0; i < arguments.size(); ++i) {
        STEP("3.a");  jsArguments.append(MUST(ToJSValue(agent, arguments[i], parameterTypes[i])));
    }
    STEP("4");
    return jsArguments;
}

// coerce a JavaScript return
ThrowCompletionOr<std::vector<wasm::Value>> CoerceAJavaScriptReturn(Agent& agent, const std::vector<ValType>& results,
                                                                           Value ret)
{
    SPEC_ALGORITHM("coerce-a-javascript-return");
    STEP("1");  size_t resultsSize = results.size();
    STEP("2");  if (resultsSize == 0) return std::vector<wasm::Value>{};
    STEP("3");  if (resultsSize == 1) return std::vector<wasm::Value>{TRY(ToWebAssemblyValue(agent, ret, results[0]))};
    STEP("4");
    STEP("4.a");  Value method = TRY(GetMethod(agent, ret, PropertyKey(agent.well_known_symbol(WellKnownSymbol::iterator))));
    STEP("4.b");  if (method.is_undefined()) return throw_type_error(agent, "the multi-value result is not iterable");
    STEP("4.c");
    IteratorRecord iteratorRecord = TRY(GetIteratorFromMethod(agent, ret, method));
    List<Value> values = TRY(IteratorToList(agent, iteratorRecord));
    STEP("4.d");  std::vector<wasm::Value> wasmValues;
    STEP("4.e");
    if (values.size() != resultsSize) return throw_type_error(agent, "the multi-value result has the wrong number of values");
    STEP("4.f");
    for (size_t i = 0; i < resultsSize; ++i) {
        STEP("4.f.i");  wasmValues.push_back(TRY(ToWebAssemblyValue(agent, values[i], results[i])));
    }
    STEP("4.g");
    return wasmValues;
}

wasm::FuncInst* CreateAHostFunction(Agent& agent, Value func, uint32_t type_id)
{
    SPEC_ALGORITHM("create-a-host-function");
    STEP("1");  SPEC_ASSERT(IsCallable(func));
    STEP("2");
    const HostFunctionContext context = host_function_context(agent, func, type_id);
    const wasm::FuncType* functype = context.functype;
    STEP("3");
    auto hostfunc = [context, functype](const std::vector<wasm::Value>& arguments) -> wasm::HostResult {
        Agent& agent = *context.agent;
        STEP("3.a-3.d");  Value func = context.func();
        STEP("3.e");
        wasm::HostResult out;
        auto result = [&]() -> ThrowCompletionOr<std::vector<wasm::Value>> {
            if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
            STEP("3.f");  List<Value> jsArguments = TRY(CoerceWebAssemblyArguments(agent, functype->params, arguments));
            STEP("3.g");  Value ret = TRY(Call(agent, func, Value::undefined(), jsArguments.items()));
            STEP("3.h-3.k");
            STEP("3.l");
            STEP("3.l.i");  return CoerceAJavaScriptReturn(agent, functype->results, ret);
        }();
        STEP("3.m");
        if (result.is_abrupt()) {
            STEP("3.m.i");
            out.exception = js_exception_to_wasm(agent, result.thrown_value());
            return out;
        }
        out.results = result.release_value();
        return out;
    };
    STEP("4");  wasm::FuncInst* funcaddr = alloc_host_function(context, type_id, hostfunc);
    STEP("5");
    STEP("6");  return funcaddr;
}

HostFunctionContext host_function_context(Agent& agent, Value func, uint32_t type_id)
{
    WebAssemblyNamespaceObject& ns = state(agent);
    ns.host_callables.push_back(func);
    return HostFunctionContext{&agent, &ns, ns.host_callables.size() - 1,
                               &wasm::TypeRegistry::get().type(type_id).comp.func};
}

wasm::FuncInst* alloc_host_function(const HostFunctionContext& context, uint32_t type_id, wasm::HostFunc hostfunc)
{
    wasm::FuncInst* funcaddr = context.ns->store().alloc_func();
    funcaddr->type_id = type_id;
    funcaddr->type = context.functype;
    funcaddr->host = std::move(hostfunc);
    context.ns->host_function_index[funcaddr] = context.ns->host_function_index.size();
    return funcaddr;
}

}  // namespace lockstep::wasm_js_api
