// Host-defined timers on a virtual clock (runtime/host_timers.h).
#include "runtime/host_timers.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/realm.h"
#include "runtime/root.h"

namespace lockstep {

ThrowCompletionOr<void> HostTimers::define(Agent& agent, Realm& realm, Object& global)
{
    auto define = [&](const char* name, double length, BuiltinBehaviour behaviour) {
        Value function = CreateBuiltinFunction(agent, std::move(behaviour), length, agent.key(name), {.realm = &realm});
        return DefinePropertyOrThrow(agent, global, agent.key(name),
                                     PropertyDescriptor{.value = function, .writable = true, .enumerable = false,
                                                        .configurable = true});
    };
    // setTimeout(handler, timeout, ...arguments): a timeout job due at now + timeout.
    TRY(define("setTimeout", 1,
               [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                   -> ThrowCompletionOr<Value> {
                   Root<Value> handler = args.empty() ? Value::undefined() : args[0];
                   double delay = TRY(ToNumber(agent, args.size() > 1 ? args[1] : Value::undefined()));
                   if (!(delay > 0)) delay = 0;
                   List<Value> extra;
                   for (size_t i = 2; i < args.size(); ++i) extra.append(args[i]);
                   const double id = ++last_timer_;
                   const double due = now_ + delay;
                   agent.host.HostEnqueueTimeoutJob(
                       agent,
                       [this, &agent, handler, extra, id, due]() -> ThrowCompletionOr<void> {
                           if (cancelled_.erase(id)) return {};
                           if (due > now_) now_ = due;
                           if (!IsCallable(handler.get())) return {};
                           TRY(Call(agent, handler.get(), Value::undefined(), extra.items()));
                           return {};
                       },
                       agent.current_realm(), due);
                   return Value::number(id);
               }));
    // clearTimeout(id): the timeout, if still pending, does not run.
    TRY(define("clearTimeout", 1,
               [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                   -> ThrowCompletionOr<Value> {
                   double id = TRY(ToNumber(agent, args.empty() ? Value::undefined() : args[0]));
                   if (id > 0 && id <= last_timer_) cancelled_.insert(id);
                   return Value::undefined();
               }));
    return {};
}

}  // namespace lockstep
