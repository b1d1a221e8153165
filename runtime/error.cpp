#include "runtime/error.h"

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

ThrowCompletion throw_error(Agent& agent, ErrorType type, std::string_view message)
{
    static constexpr Intrinsic prototypes[] = {
        Intrinsic::ErrorPrototype,         Intrinsic::EvalErrorPrototype,   Intrinsic::RangeErrorPrototype,
        Intrinsic::ReferenceErrorPrototype, Intrinsic::SyntaxErrorPrototype, Intrinsic::TypeErrorPrototype,
        Intrinsic::URIErrorPrototype,
    };
    Object* proto = nullptr;
    if (!agent.execution_context_stack.empty()) {
        Realm& realm = *agent.current_realm();
        proto = realm.Intrinsics[size_t(prototypes[size_t(type)])];
        if (!proto) proto = realm.Intrinsics[size_t(Intrinsic::ObjectPrototype)];
    }
    Object* error = OrdinaryObjectCreate<ErrorObject>(agent, proto);
    CreateNonEnumerableDataPropertyOrThrow(agent, *error, agent.names.message,
                                           make_string_from_utf8(agent.heap, message));
    return ThrowCompletion(error);
}

}  // namespace lockstep
