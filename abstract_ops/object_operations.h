// ECMA-262 §7.3 Operations on Objects.
// https://tc39.es/ecma262/#sec-operations-on-objects
#pragma once

#include <span>

#include "runtime/completion.h"
#include "runtime/property_descriptor.h"
#include "runtime/property_key.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;
class Realm;

enum class IntegrityLevel : uint8_t { Sealed, Frozen };

// §7.3.2 Get ( O, P )
ThrowCompletionOr<Value> Get(Agent&, Object& O, PropertyKey P);
// §7.3.4 Set ( O, P, V, Throw )
ThrowCompletionOr<void> Set(Agent&, Object& O, PropertyKey P, Value V, bool Throw);
// §7.3.5 CreateDataProperty ( O, P, V )
ThrowCompletionOr<bool> CreateDataProperty(Agent&, Object& O, PropertyKey P, Value V);
// §7.3.7 CreateDataPropertyOrThrow ( O, P, V )
ThrowCompletionOr<void> CreateDataPropertyOrThrow(Agent&, Object& O, PropertyKey P, Value V);
// §7.3.8 CreateNonEnumerableDataPropertyOrThrow ( O, P, V )
void CreateNonEnumerableDataPropertyOrThrow(Agent&, Object& O, PropertyKey P, Value V);
// §7.3.9 DefinePropertyOrThrow ( O, P, desc )
ThrowCompletionOr<void> DefinePropertyOrThrow(Agent&, Object& O, PropertyKey P, const PropertyDescriptor& desc);
// §7.3.10 DeletePropertyOrThrow ( O, P )
ThrowCompletionOr<void> DeletePropertyOrThrow(Agent&, Object& O, PropertyKey P);
// §7.3.12 HasProperty ( O, P )
ThrowCompletionOr<bool> HasProperty(Agent&, Object& O, PropertyKey P);
// §7.3.13 HasOwnProperty ( O, P )
ThrowCompletionOr<bool> HasOwnProperty(Agent&, Object& O, PropertyKey P);
// §7.3.14 Call ( F, V [ , argumentsList ] )
ThrowCompletionOr<Value> Call(Agent&, Value F, Value V, std::span<const Value> argumentsList = {});
// §7.3.15 Construct ( F [ , argumentsList [ , newTarget ] ] ); newTarget null is "not present"
ThrowCompletionOr<Object*> Construct(Agent&, Object& F, std::span<const Value> argumentsList = {},
                                     Object* newTarget = nullptr);
// §7.3.16 SetIntegrityLevel ( O, level )
ThrowCompletionOr<bool> SetIntegrityLevel(Agent&, Object& O, IntegrityLevel level);
// §7.3.17 TestIntegrityLevel ( O, level )
ThrowCompletionOr<bool> TestIntegrityLevel(Agent&, Object& O, IntegrityLevel level);
// §7.3.17 CreateArrayFromList ( elements )
Object* CreateArrayFromList(Agent&, std::span<const Value> elements);
// §7.3.22 SpeciesConstructor ( O, defaultConstructor )
ThrowCompletionOr<Object*> SpeciesConstructor(Agent&, Object& O, Object& defaultConstructor);
// §7.3.24 GetFunctionRealm ( obj )
ThrowCompletionOr<Realm*> GetFunctionRealm(Agent&, Object& obj);

// §7.3.3 GetV ( V, P )
ThrowCompletionOr<Value> GetV(Agent&, Value V, PropertyKey P);
// §7.3.10 GetMethod ( V, P ): a function object or *undefined*
ThrowCompletionOr<Value> GetMethod(Agent&, Value V, PropertyKey P);
// §7.3.18 LengthOfArrayLike ( obj )
ThrowCompletionOr<double> LengthOfArrayLike(Agent&, Object& obj);
// §7.3.19 CreateListFromArrayLike ( obj [ , validElementTypes ] )
enum class ValidElementTypes : uint8_t { All, PropertyKey };
ThrowCompletionOr<List<Value>> CreateListFromArrayLike(Agent&, Value obj,
                                                       ValidElementTypes validElementTypes = ValidElementTypes::All);
// §7.3.20 Invoke ( V, P [ , argumentsList ] )
ThrowCompletionOr<Value> Invoke(Agent&, Value V, PropertyKey P, std::span<const Value> argumentsList = {});
// §7.3.21 OrdinaryHasInstance ( C, O )
ThrowCompletionOr<bool> OrdinaryHasInstance(Agent&, Value C, Value O);
// §7.3.23 EnumerableOwnProperties ( O, kind )
enum class EnumerableOwnPropertiesKind : uint8_t { Key, Value, KeyValue };
ThrowCompletionOr<List<Value>> EnumerableOwnProperties(Agent&, Object& O, EnumerableOwnPropertiesKind kind);

// §7.3.36 SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )
ThrowCompletionOr<void> SetterThatIgnoresPrototypeProperties(Agent&, Value thisValue, Object& home, PropertyKey p, Value v);

}  // namespace lockstep
