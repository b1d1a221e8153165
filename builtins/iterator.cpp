// ECMA-262 §27.1 Iteration: the %Iterator% constructor (§27.1.3), the
// %Iterator.prototype% object and its helpers (§27.1.4), Iterator Helper
// objects (§27.1.2) and %WrapForValidIteratorPrototype%.
//
// An iterator helper is the generator CreateIteratorFromClosure makes from
// an Abstract Closure that Yields. Until generators run on their own stacks
// (runtime/fiber.h), the generator is kept as an explicit state: the
// closure's captures and locals live in the helper object, and the closure
// is a function resumed with the completion its Yield returns (normal for
// next(), a return completion for return()), which runs to its next Yield.
#include <cmath>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

void visit_iterator_record(Visitor& visitor, const IteratorRecord& record)
{
    visitor.visit(record.Iterator);
    visitor.visit(record.NextMethod);
}

// §27.1.2 Iterator Helper Objects: a generator with [[UnderlyingIterator]]
// and the brand "Iterator Helper".
class IteratorHelperObject final : public Object {
public:
    enum class State : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };
    // Runs the closure from where it is suspended. `resumption` is what the
    // pending Yield returns (normal, or a return completion). The result is
    // the value of the next Yield, or nullopt when the closure returns.
    using Closure = ThrowCompletionOr<std::optional<Value>> (*)(Agent&, IteratorHelperObject&, Completion resumption);

    IteratorHelperObject(Object* prototype, IteratorRecord underlying, Value function, double limit, Closure closure)
        : Object(prototype), UnderlyingIterator(underlying), function(function), limit(limit), closure(closure)
    {
    }

    IteratorRecord UnderlyingIterator;  // [[UnderlyingIterator]], also the closure's `iterated`
    State GeneratorState = State::SuspendedStart;  // [[GeneratorState]]
    bool resumedFromYield = false;  // the closure continues after its Yield (not from its start)
    // The closure's captures and locals.
    Value function;               // mapper or predicate
    double limit;                 // integerLimit (take, drop)
    double counter = 0;           // counter, or remaining
    IteratorRecord inner;         // flatMap: innerIterator
    Closure closure;

    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visit_iterator_record(visitor, UnderlyingIterator);
        visit_iterator_record(visitor, inner);
        visitor.visit(function);
    }
};

// A %WrapForValidIteratorPrototype% object: [[Iterated]].
class WrapForValidIteratorObject final : public Object {
public:
    WrapForValidIteratorObject(Object* prototype, IteratorRecord iterated) : Object(prototype), Iterated(iterated) {}
    IteratorRecord Iterated;  // [[Iterated]]
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visit_iterator_record(visitor, Iterated);
    }
};

// "Let error be ThrowCompletion(a newly created TypeError object). Return ? IteratorClose(iterated, error)."
ThrowCompletionOr<Value> close_with_error(Agent& agent, IteratorRecord& iterated, ErrorType type, const char* message)
{
    ThrowCompletionOr<Value> error = throw_error(agent, type, message);
    return IteratorClose(agent, iterated, error);
}

// IfAbruptCloseIterator ( value, iteratorRecord ) for a Yield's completion in
// a helper closure: a return completion (from return()) closes the iterator
// and returns; the closure then completes.
ThrowCompletionOr<std::optional<Value>> close_on_return(Agent& agent, IteratorRecord& iterated, Completion completion)
{
    Completion closed = IteratorClose<Completion>(agent, iterated, completion);
    if (closed.is_throw_completion()) return ThrowCompletion(closed.value);
    return std::optional<Value>();
}

// CreateIteratorFromClosure ( closure, "Iterator Helper", %IteratorHelperPrototype%, « [[UnderlyingIterator]] » )
// with step 8 of the helpers (Set result.[[UnderlyingIterator]] to iterated).
Value create_iterator_helper(Agent& agent, IteratorRecord iterated, Value function, double limit,
                             IteratorHelperObject::Closure closure)
{
    return OrdinaryObjectCreate<IteratorHelperObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::IteratorHelperPrototype), iterated, function, limit, closure);
}

// GeneratorValidate ( generator, "Iterator Helper" ) and the resumption of
// GeneratorResume / GeneratorResumeAbrupt (§27.5.3) for an iterator helper.
ThrowCompletionOr<Value> resume_helper(Agent& agent, Value generator, Completion resumption)
{
    IteratorHelperObject* helper =
        TRY(RequireInternalSlot<IteratorHelperObject>(agent, generator, "not an Iterator Helper"));
    if (helper->GeneratorState == IteratorHelperObject::State::Executing)
        return throw_type_error(agent, "the iterator helper is already running");
    if (helper->GeneratorState == IteratorHelperObject::State::SuspendedStart && resumption.is_abrupt())
        helper->GeneratorState = IteratorHelperObject::State::Completed;
    if (helper->GeneratorState == IteratorHelperObject::State::Completed) {
        if (resumption.is_return_completion())
            return Value(CreateIteratorResultObject(agent, resumption.value, true));
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    helper->resumedFromYield = helper->GeneratorState == IteratorHelperObject::State::SuspendedYield;
    helper->GeneratorState = IteratorHelperObject::State::Executing;
    ThrowCompletionOr<std::optional<Value>> result = helper->closure(agent, *helper, resumption);
    if (result.is_abrupt() || !result.value()) {
        helper->GeneratorState = IteratorHelperObject::State::Completed;
        if (result.is_abrupt()) return result.release_error();
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    helper->GeneratorState = IteratorHelperObject::State::SuspendedYield;
    return Value(CreateIteratorResultObject(agent, *result.value(), false));
}

// §27.1.2.1.1 %IteratorHelperPrototype%.next ( )
ThrowCompletionOr<Value> IteratorHelperPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%iteratorhelperprototype%.next");
    STEP("1");
    return TRY(resume_helper(agent, thisValue, NormalCompletion(Value::undefined())));
}

// §27.1.2.1.2 %IteratorHelperPrototype%.return ( )
ThrowCompletionOr<Value> IteratorHelperPrototype_return(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-%iteratorhelperprototype%.return");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    IteratorHelperObject* helper = TRY(RequireInternalSlot<IteratorHelperObject>(agent, O, "not an Iterator Helper"));
    STEP("3");
    STEP("4");
    if (helper->GeneratorState == IteratorHelperObject::State::SuspendedStart) {
        STEP("4.a");
        helper->GeneratorState = IteratorHelperObject::State::Completed;
        STEP("4.b");
        STEP("4.c");
        TRY(IteratorClose(agent, helper->UnderlyingIterator, ThrowCompletionOr<Value>(Value::undefined())));
        STEP("4.d");
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    STEP("5");
    Completion C = ReturnCompletion(Value::undefined());
    STEP("6");
    return TRY(resume_helper(agent, O, C));
}

// §27.1.3.1.1 Iterator ( )
ThrowCompletionOr<Value> Iterator(Agent& agent, BuiltinFunction& F, Value, Arguments, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-iterator");
    STEP("1");
    if (!NewTarget || NewTarget == &F) return throw_type_error(agent, "Iterator is an abstract class");
    STEP("2");
    return Value(TRY(OrdinaryCreateFromConstructor(agent, *NewTarget, Intrinsic::IteratorPrototype)));
}

// §27.1.3.2.1 Iterator.from ( O )
ThrowCompletionOr<Value> Iterator_from(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.from");
    STEP("1");
    IteratorRecord iteratorRecord =
        TRY(GetIteratorFlattenable(agent, argument(args, 0), PrimitiveHandling::IterateStringPrimitives));
    STEP("2");
    bool hasInstance =
        TRY(OrdinaryHasInstance(agent, agent.current_realm()->intrinsic(Intrinsic::Iterator), iteratorRecord.Iterator));
    STEP("3");
    if (hasInstance) {
        STEP("3.a");
        return Value(iteratorRecord.Iterator);
    }
    STEP("4");
    STEP("5");
    auto* wrapper = OrdinaryObjectCreate<WrapForValidIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::WrapForValidIteratorPrototype), iteratorRecord);
    STEP("6");
    return Value(wrapper);
}

// RequireInternalSlot ( O, [[Iterated]] )
ThrowCompletionOr<WrapForValidIteratorObject*> require_wrapper(Agent& agent, Value O)
{
    return RequireInternalSlot<WrapForValidIteratorObject>(agent, O, "not a wrapped iterator");
}

// §27.1.3.2.1.1.1 %WrapForValidIteratorPrototype%.next ( )
ThrowCompletionOr<Value> WrapForValidIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                            Object*)
{
    SPEC_ALGORITHM("sec-%wrapforvaliditeratorprototype%.next");
    STEP("1");
    STEP("2");
    WrapForValidIteratorObject* O = TRY(require_wrapper(agent, thisValue));
    STEP("3");
    IteratorRecord& iteratorRecord = O->Iterated;
    STEP("4");
    return TRY(Call(agent, iteratorRecord.NextMethod, iteratorRecord.Iterator));
}

// §27.1.3.2.1.1.2 %WrapForValidIteratorPrototype%.return ( )
ThrowCompletionOr<Value> WrapForValidIteratorPrototype_return(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                              Object*)
{
    SPEC_ALGORITHM("sec-%wrapforvaliditeratorprototype%.return");
    STEP("1");
    STEP("2");
    WrapForValidIteratorObject* O = TRY(require_wrapper(agent, thisValue));
    STEP("3");
    Object* iterator = O->Iterated.Iterator;
    STEP("4");
    SPEC_ASSERT(iterator);
    STEP("5");
    Value returnMethod = TRY(GetMethod(agent, iterator, agent.key("return")));
    STEP("6");
    if (returnMethod.is_undefined()) {
        STEP("6.a");
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    STEP("7");
    return TRY(Call(agent, returnMethod, iterator));
}

// §27.1.4.1.1 get Iterator.prototype.constructor
ThrowCompletionOr<Value> get_IteratorPrototype_constructor(Agent&, BuiltinFunction& F, Value, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-iterator.prototype.constructor");
    STEP("1");
    return Value(F.Realm->intrinsic(Intrinsic::Iterator));
}

// §27.1.4.1.2 set Iterator.prototype.constructor
ThrowCompletionOr<Value> set_IteratorPrototype_constructor(Agent& agent, BuiltinFunction& F, Value thisValue,
                                                           Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set-iterator.prototype.constructor");
    STEP("1");
    TRY(SetterThatIgnoresPrototypeProperties(agent, thisValue, *F.Realm->intrinsic(Intrinsic::IteratorPrototype),
                                             agent.names.constructor, argument(args, 0)));
    STEP("2");
    return Value::undefined();
}

// The start shared by every helper (steps 1-3): O must be an Object;
// iterated is { [[Iterator]]: O, [[NextMethod]]: undefined, [[Done]]: false }.
ThrowCompletionOr<Object*> this_iterator(Agent& agent, Value thisValue)
{
    if (!thisValue.is_object()) return throw_type_error(agent, "Iterator.prototype method called on a non-object");
    return thisValue.as_object();
}

// Steps 4-8 of drop and take: the limit, validated with the iterator closed on failure.
ThrowCompletionOr<double> integer_limit(Agent& agent, IteratorRecord& iterated, Value limit)
{
    ThrowCompletionOr<double> numLimit = ToNumber(agent, limit);
    if (numLimit.is_abrupt()) return IteratorClose(agent, iterated, numLimit);
    if (std::isnan(numLimit.value())) {
        TRY(close_with_error(agent, iterated, ErrorType::RangeError, "the limit is NaN"));
    }
    double integerLimit = MUST(ToIntegerOrInfinity(agent, Value::number(numLimit.value())));
    if (integerLimit < 0) {
        TRY(close_with_error(agent, iterated, ErrorType::RangeError, "the limit is negative"));
    }
    return integerLimit;
}

// §27.1.4.2 Iterator.prototype.drop ( limit )
ThrowCompletionOr<Value> IteratorPrototype_drop(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.drop");
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4-8");
    double integerLimit = TRY(integer_limit(agent, iterated, argument(args, 0)));
    STEP("9");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("10");
    IteratorHelperObject::Closure closure = [](Agent& agent, IteratorHelperObject& helper,
                                               Completion resumption) -> ThrowCompletionOr<std::optional<Value>> {
        IteratorRecord& iterated = helper.UnderlyingIterator;
        double& remaining = helper.counter;
        bool resumed = helper.resumedFromYield;
        if (!resumed) {
            STEP("10.a");
            remaining = helper.limit;
            STEP("10.b");
            while (remaining > 0) {
                STEP("10.b.i");
                if (remaining != INFINITY) {
                    STEP("10.b.i.1");
                    --remaining;
                }
                STEP("10.b.ii");
                Object* next = TRY(IteratorStep(agent, iterated));
                STEP("10.b.iii");
                if (!next) return std::optional<Value>();
            }
        }
        STEP("10.c");
        for (;;) {
            if (!resumed) {
                STEP("10.c.i");
                std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
                STEP("10.c.ii");
                if (!value) return std::optional<Value>();
                STEP("10.c.iii");  // Yield: suspend here, resume below
                return value;
            }
            resumed = false;
            STEP("10.c.iv");
            if (resumption.is_abrupt()) return close_on_return(agent, iterated, resumption);
        }
    };
    STEP("11");
    STEP("12");
    STEP("13");
    return create_iterator_helper(agent, iterated, Value::undefined(), integerLimit, closure);
}

// §27.1.4.3 Iterator.prototype.every ( predicate )
ThrowCompletionOr<Value> IteratorPrototype_every(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.every");
    Value predicate = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(predicate)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the predicate is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    double counter = 0;
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("7.b");
        if (!value) return Value::boolean(true);
        STEP("7.c");
        Value callArgs[] = {*value, Value::number(counter)};
        ThrowCompletionOr<Value> result = Call(agent, predicate, Value::undefined(), callArgs);
        STEP("7.d");
        if (result.is_abrupt()) return IteratorClose(agent, iterated, result);
        STEP("7.e");
        if (!ToBoolean(result.value()))
            return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(Value::boolean(false)));
        STEP("7.f");
        ++counter;
    }
}

// §27.1.4.4 Iterator.prototype.filter ( predicate )
ThrowCompletionOr<Value> IteratorPrototype_filter(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.filter");
    Value predicate = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(predicate)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the predicate is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    IteratorHelperObject::Closure closure = [](Agent& agent, IteratorHelperObject& helper,
                                               Completion resumption) -> ThrowCompletionOr<std::optional<Value>> {
        IteratorRecord& iterated = helper.UnderlyingIterator;
        double& counter = helper.counter;
        bool resumed = helper.resumedFromYield;
        if (!resumed) {
            STEP("6.a");
            counter = 0;
        }
        STEP("6.b");
        for (;;) {
            if (!resumed) {
                STEP("6.b.i");
                std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
                STEP("6.b.ii");
                if (!value) return std::optional<Value>();
                STEP("6.b.iii");
                Value callArgs[] = {*value, Value::number(counter)};
                ThrowCompletionOr<Value> selected = Call(agent, helper.function, Value::undefined(), callArgs);
                STEP("6.b.iv");
                if (selected.is_abrupt()) return IteratorClose(agent, iterated, selected).release_error();
                STEP("6.b.v");
                if (ToBoolean(selected.value())) {
                    STEP("6.b.v.1");  // Yield: suspend here, resume below
                    return value;
                }
            } else {
                resumed = false;
                STEP("6.b.v.2");
                if (resumption.is_abrupt()) return close_on_return(agent, iterated, resumption);
            }
            STEP("6.b.vi");
            ++counter;
        }
    };
    STEP("7");
    STEP("8");
    STEP("9");
    return create_iterator_helper(agent, iterated, predicate, 0, closure);
}

// §27.1.4.5 Iterator.prototype.find ( predicate )
ThrowCompletionOr<Value> IteratorPrototype_find(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.find");
    Value predicate = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(predicate)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the predicate is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    double counter = 0;
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("7.b");
        if (!value) return Value::undefined();
        STEP("7.c");
        Value callArgs[] = {*value, Value::number(counter)};
        ThrowCompletionOr<Value> result = Call(agent, predicate, Value::undefined(), callArgs);
        STEP("7.d");
        if (result.is_abrupt()) return IteratorClose(agent, iterated, result);
        STEP("7.e");
        if (ToBoolean(result.value())) return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(*value));
        STEP("7.f");
        ++counter;
    }
}

// §27.1.4.6 Iterator.prototype.flatMap ( mapper )
ThrowCompletionOr<Value> IteratorPrototype_flatMap(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.flatmap");
    Value mapper = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(mapper)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the mapper is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    IteratorHelperObject::Closure closure = [](Agent& agent, IteratorHelperObject& helper,
                                               Completion resumption) -> ThrowCompletionOr<std::optional<Value>> {
        IteratorRecord& iterated = helper.UnderlyingIterator;
        double& counter = helper.counter;
        // innerAlive is "helper.inner.Iterator is set": true only in the inner loop.
        bool resumed = helper.resumedFromYield;
        if (!resumed) {
            STEP("6.a");
            counter = 0;
        }
        STEP("6.b");
        for (;;) {
            if (!resumed) {
                STEP("6.b.i");
                std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
                STEP("6.b.ii");
                if (!value) return std::optional<Value>();
                STEP("6.b.iii");
                Value callArgs[] = {*value, Value::number(counter)};
                ThrowCompletionOr<Value> mapped = Call(agent, helper.function, Value::undefined(), callArgs);
                STEP("6.b.iv");
                if (mapped.is_abrupt()) return IteratorClose(agent, iterated, mapped).release_error();
                STEP("6.b.v");
                ThrowCompletionOr<IteratorRecord> innerIterator =
                    GetIteratorFlattenable(agent, mapped.value(), PrimitiveHandling::RejectPrimitives);
                STEP("6.b.vi");
                if (innerIterator.is_abrupt())
                    return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(innerIterator.release_error()))
                        .release_error();
                STEP("6.b.vii");
                helper.inner = innerIterator.value();
            }
            STEP("6.b.viii");
            while (helper.inner.Iterator) {
                if (!resumed) {
                    STEP("6.b.viii.1");
                    ThrowCompletionOr<std::optional<Value>> innerValue = IteratorStepValue(agent, helper.inner);
                    STEP("6.b.viii.2");
                    if (innerValue.is_abrupt())
                        return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(innerValue.release_error()))
                            .release_error();
                    STEP("6.b.viii.3");
                    if (!innerValue.value()) {
                        STEP("6.b.viii.3.a");
                        helper.inner = IteratorRecord{};
                        continue;
                    }
                    STEP("6.b.viii.4");
                    STEP("6.b.viii.4.a");  // Yield: suspend here, resume below
                    return innerValue.value();
                }
                resumed = false;
                STEP("6.b.viii.4.b");
                if (resumption.is_abrupt()) {
                    STEP("6.b.viii.4.b.i");
                    Completion backupCompletion = IteratorClose<Completion>(agent, helper.inner, resumption);
                    STEP("6.b.viii.4.b.ii");
                    if (backupCompletion.is_throw_completion())
                        return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(ThrowCompletion(backupCompletion.value)))
                            .release_error();
                    STEP("6.b.viii.4.b.iii");
                    return close_on_return(agent, iterated, resumption);
                }
            }
            STEP("6.b.ix");
            ++counter;
        }
    };
    STEP("7");
    STEP("8");
    STEP("9");
    return create_iterator_helper(agent, iterated, mapper, 0, closure);
}

// §27.1.4.7 Iterator.prototype.forEach ( procedure )
ThrowCompletionOr<Value> IteratorPrototype_forEach(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.foreach");
    Value procedure = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(procedure)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the procedure is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    double counter = 0;
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("7.b");
        if (!value) return Value::undefined();
        STEP("7.c");
        Value callArgs[] = {*value, Value::number(counter)};
        ThrowCompletionOr<Value> result = Call(agent, procedure, Value::undefined(), callArgs);
        STEP("7.d");
        if (result.is_abrupt()) return IteratorClose(agent, iterated, result);
        STEP("7.e");
        ++counter;
    }
}

// §27.1.4.8 Iterator.prototype.map ( mapper )
ThrowCompletionOr<Value> IteratorPrototype_map(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.map");
    Value mapper = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(mapper)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the mapper is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    IteratorHelperObject::Closure closure = [](Agent& agent, IteratorHelperObject& helper,
                                               Completion resumption) -> ThrowCompletionOr<std::optional<Value>> {
        IteratorRecord& iterated = helper.UnderlyingIterator;
        double& counter = helper.counter;
        bool resumed = helper.resumedFromYield;
        if (!resumed) {
            STEP("6.a");
            counter = 0;
        }
        STEP("6.b");
        for (;;) {
            if (!resumed) {
                STEP("6.b.i");
                std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
                STEP("6.b.ii");
                if (!value) return std::optional<Value>();
                STEP("6.b.iii");
                Value callArgs[] = {*value, Value::number(counter)};
                ThrowCompletionOr<Value> mapped = Call(agent, helper.function, Value::undefined(), callArgs);
                STEP("6.b.iv");
                if (mapped.is_abrupt()) return IteratorClose(agent, iterated, mapped).release_error();
                STEP("6.b.v");  // Yield: suspend here, resume below
                return std::optional<Value>(mapped.value());
            }
            resumed = false;
            STEP("6.b.vi");
            if (resumption.is_abrupt()) return close_on_return(agent, iterated, resumption);
            STEP("6.b.vii");
            ++counter;
        }
    };
    STEP("7");
    STEP("8");
    STEP("9");
    return create_iterator_helper(agent, iterated, mapper, 0, closure);
}

// §27.1.4.9 Iterator.prototype.reduce ( reducer [ , initialValue ] )
ThrowCompletionOr<Value> IteratorPrototype_reduce(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.reduce");
    Value reducer = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(reducer)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the reducer is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    Value accumulator;
    double counter;
    STEP("6");
    if (args.size() < 2) {
        STEP("6.a");
        std::optional<Value> first = TRY(IteratorStepValue(agent, iterated));
        STEP("6.b");
        if (!first) return throw_type_error(agent, "reduce of an empty iterator with no initial value");
        accumulator = *first;
        STEP("6.c");
        counter = 1;
    } else {
        STEP("7");
        STEP("7.a");
        accumulator = args[1];
        STEP("7.b");
        counter = 0;
    }
    STEP("8");
    for (;;) {
        STEP("8.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("8.b");
        if (!value) return accumulator;
        STEP("8.c");
        Value callArgs[] = {accumulator, *value, Value::number(counter)};
        ThrowCompletionOr<Value> result = Call(agent, reducer, Value::undefined(), callArgs);
        STEP("8.d");
        if (result.is_abrupt()) return IteratorClose(agent, iterated, result);
        STEP("8.e");
        accumulator = result.value();
        STEP("8.f");
        ++counter;
    }
}

// §27.1.4.10 Iterator.prototype.some ( predicate )
ThrowCompletionOr<Value> IteratorPrototype_some(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.some");
    Value predicate = argument(args, 0);
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4");
    if (!IsCallable(predicate)) {
        STEP("4.a");
        STEP("4.b");
        return close_with_error(agent, iterated, ErrorType::TypeError, "the predicate is not callable");
    }
    STEP("5");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("6");
    double counter = 0;
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("7.b");
        if (!value) return Value::boolean(false);
        STEP("7.c");
        Value callArgs[] = {*value, Value::number(counter)};
        ThrowCompletionOr<Value> result = Call(agent, predicate, Value::undefined(), callArgs);
        STEP("7.d");
        if (result.is_abrupt()) return IteratorClose(agent, iterated, result);
        STEP("7.e");
        if (ToBoolean(result.value()))
            return IteratorClose(agent, iterated, ThrowCompletionOr<Value>(Value::boolean(true)));
        STEP("7.f");
        ++counter;
    }
}

// §27.1.4.11 Iterator.prototype.take ( limit )
ThrowCompletionOr<Value> IteratorPrototype_take(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.take");
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated{O, Value::undefined(), false};
    STEP("4-8");
    double integerLimit = TRY(integer_limit(agent, iterated, argument(args, 0)));
    STEP("9");
    iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("10");
    IteratorHelperObject::Closure closure = [](Agent& agent, IteratorHelperObject& helper,
                                               Completion resumption) -> ThrowCompletionOr<std::optional<Value>> {
        IteratorRecord& iterated = helper.UnderlyingIterator;
        double& remaining = helper.counter;
        bool resumed = helper.resumedFromYield;
        if (!resumed) {
            STEP("10.a");
            remaining = helper.limit;
        }
        STEP("10.b");
        for (;;) {
            if (!resumed) {
                STEP("10.b.i");
                if (remaining == 0) {
                    STEP("10.b.i.1");
                    return close_on_return(agent, iterated, ReturnCompletion(Value::undefined()));
                }
                STEP("10.b.ii");
                if (remaining != INFINITY) {
                    STEP("10.b.ii.1");
                    --remaining;
                }
                STEP("10.b.iii");
                std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
                STEP("10.b.iv");
                if (!value) return std::optional<Value>();
                STEP("10.b.v");  // Yield: suspend here, resume below
                return value;
            }
            resumed = false;
            STEP("10.b.vi");
            if (resumption.is_abrupt()) return close_on_return(agent, iterated, resumption);
        }
    };
    STEP("11");
    STEP("12");
    STEP("13");
    return create_iterator_helper(agent, iterated, Value::undefined(), integerLimit, closure);
}

// §27.1.4.12 Iterator.prototype.toArray ( )
ThrowCompletionOr<Value> IteratorPrototype_toArray(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype.toarray");
    STEP("1");
    STEP("2");
    Object* O = TRY(this_iterator(agent, thisValue));
    STEP("3");
    IteratorRecord iterated = TRY(GetIteratorDirect(agent, *O));
    STEP("4");
    List<Value> items;
    STEP("5");
    for (;;) {
        STEP("5.a");
        std::optional<Value> value = TRY(IteratorStepValue(agent, iterated));
        STEP("5.b");
        if (!value) return Value(CreateArrayFromList(agent, items.items()));
        STEP("5.c");
        items.append(*value);
    }
}

// §27.1.4.13 Iterator.prototype [ %Symbol.iterator% ] ( )
ThrowCompletionOr<Value> IteratorPrototype_iterator(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype-%symbol.iterator%");
    STEP("1");
    return thisValue;
}

// §27.1.4.14.1 get Iterator.prototype [ %Symbol.toStringTag% ]
ThrowCompletionOr<Value> get_IteratorPrototype_toStringTag(Agent& agent, BuiltinFunction&, Value, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-iterator.prototype-%symbol.tostringtag%");
    STEP("1");
    return Value(agent.heap.intern_ascii("Iterator"));
}

// §27.1.4.14.2 set Iterator.prototype [ %Symbol.toStringTag% ]
ThrowCompletionOr<Value> set_IteratorPrototype_toStringTag(Agent& agent, BuiltinFunction& F, Value thisValue,
                                                           Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set-iterator.prototype-%symbol.tostringtag%");
    STEP("1");
    TRY(SetterThatIgnoresPrototypeProperties(agent, thisValue, *F.Realm->intrinsic(Intrinsic::IteratorPrototype),
                                             agent.well_known_symbol(WellKnownSymbol::toStringTag), argument(args, 0)));
    STEP("2");
    return Value::undefined();
}

// An accessor { [[Get]], [[Set]], [[Enumerable]]: false, [[Configurable]]: true }.
void define_accessor(Agent& agent, Realm& realm, Object& object, PropertyKey key, BuiltinBehaviour getter,
                     BuiltinBehaviour setter)
{
    BuiltinFunction* get = CreateBuiltinFunction(agent, std::move(getter), 0, key,
                                                 {.realm = &realm, .prefix = make_string_from_ascii(agent.heap, "get")});
    BuiltinFunction* set = CreateBuiltinFunction(agent, std::move(setter), 1, key,
                                                 {.realm = &realm, .prefix = make_string_from_ascii(agent.heap, "set")});
    MUST(DefinePropertyOrThrow(agent, object, key,
                               PropertyDescriptor{.get = Value(get), .set = Value(set), .enumerable = false,
                                                  .configurable = true}));
}

}  // namespace

void CreateIteratorIntrinsics(Agent& agent, Realm& realm)
{
    // §27.1.4 %Iterator.prototype%: an ordinary object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::IteratorPrototype, prototype);
    // §27.1.3 %Iterator%: an abstract class; Iterator.prototype is non-writable etc.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Iterator, 0, agent.key("Iterator"),
                                                         {.realm = &realm, .isConstructor = true});
    define_value_property(agent, *constructor, agent.names.prototype, prototype, false, false, false);
    define_builtin_function(agent, realm, *constructor, "from", Iterator_from, 1);
    realm.set_intrinsic(Intrinsic::Iterator, constructor);

    // §27.1.4.1 Iterator.prototype.constructor and §27.1.4.14 @@toStringTag are accessors.
    define_accessor(agent, realm, *prototype, agent.names.constructor, get_IteratorPrototype_constructor,
                    set_IteratorPrototype_constructor);
    define_builtin_function(agent, realm, *prototype, "drop", IteratorPrototype_drop, 1);
    define_builtin_function(agent, realm, *prototype, "every", IteratorPrototype_every, 1);
    define_builtin_function(agent, realm, *prototype, "filter", IteratorPrototype_filter, 1);
    define_builtin_function(agent, realm, *prototype, "find", IteratorPrototype_find, 1);
    define_builtin_function(agent, realm, *prototype, "flatMap", IteratorPrototype_flatMap, 1);
    define_builtin_function(agent, realm, *prototype, "forEach", IteratorPrototype_forEach, 1);
    define_builtin_function(agent, realm, *prototype, "map", IteratorPrototype_map, 1);
    define_builtin_function(agent, realm, *prototype, "reduce", IteratorPrototype_reduce, 1);
    define_builtin_function(agent, realm, *prototype, "some", IteratorPrototype_some, 1);
    define_builtin_function(agent, realm, *prototype, "take", IteratorPrototype_take, 1);
    define_builtin_function(agent, realm, *prototype, "toArray", IteratorPrototype_toArray, 0);
    define_builtin_function(agent, realm, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator),
                            IteratorPrototype_iterator, 0);
    define_accessor(agent, realm, *prototype, agent.well_known_symbol(WellKnownSymbol::toStringTag),
                    get_IteratorPrototype_toStringTag, set_IteratorPrototype_toStringTag);

    // §27.1.2.1 %IteratorHelperPrototype%.
    Object* helperPrototype = OrdinaryObjectCreate(agent, prototype);
    define_builtin_function(agent, realm, *helperPrototype, "next", IteratorHelperPrototype_next, 0);
    define_builtin_function(agent, realm, *helperPrototype, "return", IteratorHelperPrototype_return, 0);
    define_to_string_tag(agent, *helperPrototype, "Iterator Helper");
    realm.set_intrinsic(Intrinsic::IteratorHelperPrototype, helperPrototype);

    // §27.1.3.2.1.1 %WrapForValidIteratorPrototype%.
    Object* wrapPrototype = OrdinaryObjectCreate(agent, prototype);
    define_builtin_function(agent, realm, *wrapPrototype, "next", WrapForValidIteratorPrototype_next, 0);
    define_builtin_function(agent, realm, *wrapPrototype, "return", WrapForValidIteratorPrototype_return, 0);
    realm.set_intrinsic(Intrinsic::WrapForValidIteratorPrototype, wrapPrototype);
}

}  // namespace lockstep
