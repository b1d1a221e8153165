// ECMA-262 §9.3.2 CreateIntrinsics, step 2: the built-ins of clauses 19-28.
// (builtins/builtin_helpers.h has the §18 property conventions.)
#pragma once

namespace lockstep {

class Agent;
class Realm;

// Creates every built-in intrinsic of realmRec besides %Object.prototype%,
// %Function.prototype% and %ThrowTypeError% (runtime/realm.cpp makes those
// first), one Create…Intrinsics per file, in dependency order.
void CreateBuiltinIntrinsics(Agent&, Realm& realmRec);

// Installs CreateBuiltinIntrinsics as runtime/'s g_create_builtin_intrinsics.
// Any program that includes this header gets the built-ins in every realm
// it creates (the variable below pulls this library's object in at link time).
bool InstallBuiltins();
inline const bool g_builtins_installed = InstallBuiltins();

}  // namespace lockstep
