// ECMA-262 §9.3.2 CreateIntrinsics, step 2.
#include "builtins/intrinsics.h"

#include "runtime/realm.h"
#include "wasm_js_api/web_assembly.h"

namespace lockstep {

// One per file of builtins/, each creating its intrinsics and their properties.
void CreateObjectIntrinsics(Agent&, Realm&);          // builtins/object.cpp (§20.1)
void CreateFunctionIntrinsics(Agent&, Realm&);        // builtins/function.cpp (§20.2)
void CreateErrorIntrinsics(Agent&, Realm&);           // builtins/error.cpp (§20.5)
void CreateSymbolIntrinsics(Agent&, Realm&);          // builtins/symbol.cpp (§20.4)
void CreateBooleanIntrinsics(Agent&, Realm&);         // builtins/boolean.cpp (§20.3)
void CreateGlobalFunctionIntrinsics(Agent&, Realm&);  // builtins/global_functions.cpp (§19.2)
void CreateAdditionalGlobalFunctionIntrinsics(Agent&, Realm&);  // builtins/additional_global_functions.cpp (§B.2.1)
void CreateNumberIntrinsics(Agent&, Realm&);          // builtins/number.cpp (§21.1)
void CreateBigIntIntrinsics(Agent&, Realm&);          // builtins/bigint.cpp (§21.2)
void CreateMathIntrinsics(Agent&, Realm&);            // builtins/math.cpp (§21.3)
void CreateDateIntrinsics(Agent&, Realm&);            // builtins/date.cpp (§21.4, §B.2.3)
void CreateIteratorIntrinsics(Agent&, Realm&);        // builtins/iterator.cpp (§27.1)
void CreateArrayIntrinsics(Agent&, Realm&);           // builtins/array.cpp (§23.1)
void CreateStringIntrinsics(Agent&, Realm&);          // builtins/string.cpp (§22.1, §B.2.2)
void CreateRegExpIntrinsics(Agent&, Realm&);          // builtins/regexp/regexp_constructor.cpp (§22.2, §B.2.4)
void CreateMapIntrinsics(Agent&, Realm&);             // builtins/map.cpp (§24.1)
void CreateSetIntrinsics(Agent&, Realm&);             // builtins/set.cpp (§24.2)
void CreateWeakMapIntrinsics(Agent&, Realm&);         // builtins/weak_map.cpp (§24.3)
void CreateWeakSetIntrinsics(Agent&, Realm&);         // builtins/weak_set.cpp (§24.4)
void CreateWeakRefIntrinsics(Agent&, Realm&);         // builtins/weak_ref.cpp (§26.1)
void CreateFinalizationRegistryIntrinsics(Agent&, Realm&);  // builtins/finalization_registry.cpp (§26.2)
void CreateJSONIntrinsics(Agent&, Realm&);            // builtins/json.cpp (§25.5)
void CreateReflectIntrinsics(Agent&, Realm&);         // builtins/reflect.cpp (§28.1)
void CreateProxyIntrinsics(Agent&, Realm&);           // builtins/proxy.cpp (§28.2)
void CreatePromiseIntrinsics(Agent&, Realm&);         // builtins/promise.cpp (§27.2)
void CreateGeneratorIntrinsics(Agent&, Realm&);       // builtins/generator.cpp (§27.3, §27.5)
void CreateAsyncGeneratorIntrinsics(Agent&, Realm&);  // builtins/async_generator.cpp (§27.1.3, §27.4, §27.6)
void CreateAsyncFromSyncIteratorIntrinsics(Agent&, Realm&);  // abstract_ops/async_from_sync_iterator.cpp (§27.1.6)
void CreateAsyncFunctionIntrinsics(Agent&, Realm&);   // builtins/async_function.cpp (§27.7)
void CreateArrayBufferIntrinsics(Agent&, Realm&);     // builtins/array_buffer.cpp (§25.1)
void CreateSharedArrayBufferIntrinsics(Agent&, Realm&);  // builtins/shared_array_buffer.cpp (§25.2)
void CreateDataViewIntrinsics(Agent&, Realm&);        // builtins/data_view.cpp (§25.3)
void CreateTypedArrayIntrinsics(Agent&, Realm&);      // builtins/typed_array.cpp (§23.2)
void CreateAtomicsIntrinsics(Agent&, Realm&);         // builtins/atomics.cpp (§25.4)

void CreateBuiltinIntrinsics(Agent& agent, Realm& realmRec)
{
    // %Object.prototype% and %Function.prototype% exist already; their
    // properties come first, then the errors every later step may throw.
    CreateObjectIntrinsics(agent, realmRec);
    CreateFunctionIntrinsics(agent, realmRec);
    CreateErrorIntrinsics(agent, realmRec);
    CreateSymbolIntrinsics(agent, realmRec);
    CreateBooleanIntrinsics(agent, realmRec);
    CreateGlobalFunctionIntrinsics(agent, realmRec);  // before Number: Number.parseFloat is %parseFloat%
    CreateAdditionalGlobalFunctionIntrinsics(agent, realmRec);
    CreateNumberIntrinsics(agent, realmRec);
    CreateBigIntIntrinsics(agent, realmRec);
    CreateMathIntrinsics(agent, realmRec);
    CreateDateIntrinsics(agent, realmRec);
    CreateIteratorIntrinsics(agent, realmRec);  // before every built-in iterator prototype
    CreateArrayIntrinsics(agent, realmRec);
    CreateStringIntrinsics(agent, realmRec);
    CreateRegExpIntrinsics(agent, realmRec);  // after Iterator: %RegExpStringIteratorPrototype%
    CreateMapIntrinsics(agent, realmRec);
    CreateSetIntrinsics(agent, realmRec);
    CreateWeakMapIntrinsics(agent, realmRec);
    CreateWeakSetIntrinsics(agent, realmRec);
    CreateWeakRefIntrinsics(agent, realmRec);
    CreateFinalizationRegistryIntrinsics(agent, realmRec);
    CreateJSONIntrinsics(agent, realmRec);
    CreateReflectIntrinsics(agent, realmRec);
    CreateProxyIntrinsics(agent, realmRec);
    CreatePromiseIntrinsics(agent, realmRec);
    CreateGeneratorIntrinsics(agent, realmRec);
    CreateAsyncGeneratorIntrinsics(agent, realmRec);  // before Async-from-Sync: %AsyncIteratorPrototype%
    CreateAsyncFromSyncIteratorIntrinsics(agent, realmRec);
    CreateAsyncFunctionIntrinsics(agent, realmRec);
    CreateArrayBufferIntrinsics(agent, realmRec);
    CreateSharedArrayBufferIntrinsics(agent, realmRec);
    CreateDataViewIntrinsics(agent, realmRec);
    CreateTypedArrayIntrinsics(agent, realmRec);  // after Array: %TypedArray%.prototype.toString is Array's
    CreateAtomicsIntrinsics(agent, realmRec);
    // The WebAssembly JS API's namespace (a host-provided global, like any
    // embedding's: wasm_js_api/namespace.cpp).
    wasm_js_api::CreateWebAssemblyIntrinsics(agent, realmRec);
}

bool InstallBuiltins()
{
    g_create_builtin_intrinsics = &CreateBuiltinIntrinsics;
    return true;
}

}  // namespace lockstep
