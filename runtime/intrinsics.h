// ECMA-262 §6.1.7.4 Table "Well-Known Intrinsic Objects" (every row, in the
// spec's order), followed by the %C.prototype% intrinsics the algorithms name
// (intrinsicDefaultProto arguments and the like) and the %C.prototype.m% ones.
// https://tc39.es/ecma262/#sec-well-known-intrinsic-objects
#pragma once

#include <cstdint>

namespace lockstep {

// X(enumerator, "%Name%", "global name or empty")
#define LOCKSTEP_WELL_KNOWN_INTRINSICS(X) \
    X(AggregateError, "%AggregateError%", "AggregateError") \
    X(Array, "%Array%", "Array") \
    X(ArrayBuffer, "%ArrayBuffer%", "ArrayBuffer") \
    X(ArrayIteratorPrototype, "%ArrayIteratorPrototype%", "") \
    X(AsyncFromSyncIteratorPrototype, "%AsyncFromSyncIteratorPrototype%", "") \
    X(AsyncFunction, "%AsyncFunction%", "") \
    X(AsyncGeneratorFunction, "%AsyncGeneratorFunction%", "") \
    X(AsyncGeneratorPrototype, "%AsyncGeneratorPrototype%", "") \
    X(AsyncIteratorPrototype, "%AsyncIteratorPrototype%", "") \
    X(Atomics, "%Atomics%", "Atomics") \
    X(BigInt, "%BigInt%", "BigInt") \
    X(BigInt64Array, "%BigInt64Array%", "BigInt64Array") \
    X(BigUint64Array, "%BigUint64Array%", "BigUint64Array") \
    X(Boolean, "%Boolean%", "Boolean") \
    X(DataView, "%DataView%", "DataView") \
    X(Date, "%Date%", "Date") \
    X(decodeURI, "%decodeURI%", "decodeURI") \
    X(decodeURIComponent, "%decodeURIComponent%", "decodeURIComponent") \
    X(encodeURI, "%encodeURI%", "encodeURI") \
    X(encodeURIComponent, "%encodeURIComponent%", "encodeURIComponent") \
    X(Error, "%Error%", "Error") \
    X(eval, "%eval%", "eval") \
    X(EvalError, "%EvalError%", "EvalError") \
    X(FinalizationRegistry, "%FinalizationRegistry%", "FinalizationRegistry") \
    X(Float16Array, "%Float16Array%", "Float16Array") \
    X(Float32Array, "%Float32Array%", "Float32Array") \
    X(Float64Array, "%Float64Array%", "Float64Array") \
    X(ForInIteratorPrototype, "%ForInIteratorPrototype%", "") \
    X(Function, "%Function%", "Function") \
    X(GeneratorFunction, "%GeneratorFunction%", "") \
    X(GeneratorPrototype, "%GeneratorPrototype%", "") \
    X(Int8Array, "%Int8Array%", "Int8Array") \
    X(Int16Array, "%Int16Array%", "Int16Array") \
    X(Int32Array, "%Int32Array%", "Int32Array") \
    X(isFinite, "%isFinite%", "isFinite") \
    X(isNaN, "%isNaN%", "isNaN") \
    X(Iterator, "%Iterator%", "Iterator") \
    X(IteratorHelperPrototype, "%IteratorHelperPrototype%", "") \
    X(JSON, "%JSON%", "JSON") \
    X(Map, "%Map%", "Map") \
    X(MapIteratorPrototype, "%MapIteratorPrototype%", "") \
    X(Math, "%Math%", "Math") \
    X(Number, "%Number%", "Number") \
    X(Object, "%Object%", "Object") \
    X(parseFloat, "%parseFloat%", "parseFloat") \
    X(parseInt, "%parseInt%", "parseInt") \
    X(Promise, "%Promise%", "Promise") \
    X(Proxy, "%Proxy%", "Proxy") \
    X(RangeError, "%RangeError%", "RangeError") \
    X(ReferenceError, "%ReferenceError%", "ReferenceError") \
    X(Reflect, "%Reflect%", "Reflect") \
    X(RegExp, "%RegExp%", "RegExp") \
    X(RegExpStringIteratorPrototype, "%RegExpStringIteratorPrototype%", "") \
    X(Set, "%Set%", "Set") \
    X(SetIteratorPrototype, "%SetIteratorPrototype%", "") \
    X(SharedArrayBuffer, "%SharedArrayBuffer%", "SharedArrayBuffer") \
    X(String, "%String%", "String") \
    X(StringIteratorPrototype, "%StringIteratorPrototype%", "") \
    X(Symbol, "%Symbol%", "Symbol") \
    X(SyntaxError, "%SyntaxError%", "SyntaxError") \
    X(ThrowTypeError, "%ThrowTypeError%", "") \
    X(TypedArray, "%TypedArray%", "") \
    X(TypeError, "%TypeError%", "TypeError") \
    X(Uint8Array, "%Uint8Array%", "Uint8Array") \
    X(Uint8ClampedArray, "%Uint8ClampedArray%", "Uint8ClampedArray") \
    X(Uint16Array, "%Uint16Array%", "Uint16Array") \
    X(Uint32Array, "%Uint32Array%", "Uint32Array") \
    X(URIError, "%URIError%", "URIError") \
    X(WeakMap, "%WeakMap%", "WeakMap") \
    X(WeakRef, "%WeakRef%", "WeakRef") \
    X(WeakSet, "%WeakSet%", "WeakSet") \
    X(WrapForValidIteratorPrototype, "%WrapForValidIteratorPrototype%", "") \
    /* Annex B.2.1 adds these rows to the table: */ \
    X(escape, "%escape%", "escape") \
    X(unescape, "%unescape%", "unescape") \

#define LOCKSTEP_PROTOTYPE_INTRINSICS(X) \
    X(AggregateErrorPrototype, "%AggregateError.prototype%", "") \
    X(ArrayPrototype, "%Array.prototype%", "") \
    X(ArrayBufferPrototype, "%ArrayBuffer.prototype%", "") \
    X(AsyncFunctionPrototype, "%AsyncFunction.prototype%", "") \
    X(AsyncGeneratorFunctionPrototype, "%AsyncGeneratorFunction.prototype%", "") \
    X(BigIntPrototype, "%BigInt.prototype%", "") \
    X(BigInt64ArrayPrototype, "%BigInt64Array.prototype%", "") \
    X(BigUint64ArrayPrototype, "%BigUint64Array.prototype%", "") \
    X(BooleanPrototype, "%Boolean.prototype%", "") \
    X(DataViewPrototype, "%DataView.prototype%", "") \
    X(DatePrototype, "%Date.prototype%", "") \
    X(ErrorPrototype, "%Error.prototype%", "") \
    X(EvalErrorPrototype, "%EvalError.prototype%", "") \
    X(FinalizationRegistryPrototype, "%FinalizationRegistry.prototype%", "") \
    X(Float16ArrayPrototype, "%Float16Array.prototype%", "") \
    X(Float32ArrayPrototype, "%Float32Array.prototype%", "") \
    X(Float64ArrayPrototype, "%Float64Array.prototype%", "") \
    X(FunctionPrototype, "%Function.prototype%", "") \
    X(GeneratorFunctionPrototype, "%GeneratorFunction.prototype%", "") \
    X(Int8ArrayPrototype, "%Int8Array.prototype%", "") \
    X(Int16ArrayPrototype, "%Int16Array.prototype%", "") \
    X(Int32ArrayPrototype, "%Int32Array.prototype%", "") \
    X(IteratorPrototype, "%Iterator.prototype%", "") \
    X(MapPrototype, "%Map.prototype%", "") \
    X(NumberPrototype, "%Number.prototype%", "") \
    X(ObjectPrototype, "%Object.prototype%", "") \
    X(PromisePrototype, "%Promise.prototype%", "") \
    X(RangeErrorPrototype, "%RangeError.prototype%", "") \
    X(ReferenceErrorPrototype, "%ReferenceError.prototype%", "") \
    X(RegExpPrototype, "%RegExp.prototype%", "") \
    X(SetPrototype, "%Set.prototype%", "") \
    X(SharedArrayBufferPrototype, "%SharedArrayBuffer.prototype%", "") \
    X(StringPrototype, "%String.prototype%", "") \
    X(SymbolPrototype, "%Symbol.prototype%", "") \
    X(SyntaxErrorPrototype, "%SyntaxError.prototype%", "") \
    X(TypedArrayPrototype, "%TypedArray.prototype%", "") \
    X(TypeErrorPrototype, "%TypeError.prototype%", "") \
    X(Uint8ArrayPrototype, "%Uint8Array.prototype%", "") \
    X(Uint8ClampedArrayPrototype, "%Uint8ClampedArray.prototype%", "") \
    X(Uint16ArrayPrototype, "%Uint16Array.prototype%", "") \
    X(Uint32ArrayPrototype, "%Uint32Array.prototype%", "") \
    X(URIErrorPrototype, "%URIError.prototype%", "") \
    X(WeakMapPrototype, "%WeakMap.prototype%", "") \
    X(WeakRefPrototype, "%WeakRef.prototype%", "") \
    X(WeakSetPrototype, "%WeakSet.prototype%", "") \
    /* %name.a.b% intrinsics (§6.1.7.4): the original values of properties the */ \
    /* algorithms name, which user code may replace on the objects themselves. */ \
    X(ArrayPrototypeToString, "%Array.prototype.toString%", "") \
    X(ArrayPrototypeValues, "%Array.prototype.values%", "") \

// The WebAssembly JS API's namespace and interface objects (wasm_js_api/):
// the namespace is a global, the interfaces are its properties.
#define LOCKSTEP_WASM_JS_API_INTRINSICS(X) \
    X(WebAssembly, "%WebAssembly%", "WebAssembly") \
    X(WebAssemblyModulePrototype, "%WebAssembly.Module.prototype%", "") \
    X(WebAssemblyInstancePrototype, "%WebAssembly.Instance.prototype%", "") \
    X(WebAssemblyMemoryPrototype, "%WebAssembly.Memory.prototype%", "") \
    X(WebAssemblyTablePrototype, "%WebAssembly.Table.prototype%", "") \
    X(WebAssemblyGlobalPrototype, "%WebAssembly.Global.prototype%", "") \
    X(WebAssemblyTagPrototype, "%WebAssembly.Tag.prototype%", "") \
    X(WebAssemblyExceptionPrototype, "%WebAssembly.Exception.prototype%", "") \
    X(WebAssemblyCompileErrorPrototype, "%WebAssembly.CompileError.prototype%", "") \
    X(WebAssemblyLinkErrorPrototype, "%WebAssembly.LinkError.prototype%", "") \
    X(WebAssemblyRuntimeErrorPrototype, "%WebAssembly.RuntimeError.prototype%", "") \
    X(WebAssemblySuspendingPrototype, "%WebAssembly.Suspending.prototype%", "") \
    X(WebAssemblySuspendErrorPrototype, "%WebAssembly.SuspendError.prototype%", "") \
    X(WebAssemblyJSTag, "%WebAssembly.JSTag%", "") \

enum class Intrinsic : uint16_t {
#define X(name, spec_name, global_name) name,
    LOCKSTEP_WELL_KNOWN_INTRINSICS(X) LOCKSTEP_PROTOTYPE_INTRINSICS(X) LOCKSTEP_WASM_JS_API_INTRINSICS(X)
#undef X
    Count
};

inline constexpr unsigned kIntrinsicCount = static_cast<unsigned>(Intrinsic::Count);

// "%Array.prototype%" for Intrinsic::ArrayPrototype.
const char* spec_name_of(Intrinsic);
// The global object property that holds it ("Array"), or "" when none does.
const char* global_name_of(Intrinsic);

}  // namespace lockstep
