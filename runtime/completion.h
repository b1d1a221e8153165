// ECMA-262 §6.2.4 The Completion Record Specification Type, and §5.2.3.4
// ReturnIfAbrupt shorthands: `?` is TRY, `!` is MUST (DESIGN.md §3).
// https://tc39.es/ecma262/#sec-completion-record-specification-type
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>
#include <variant>

#include "runtime/value.h"
#include "spec/step.h"

namespace lockstep {

class String;

enum class CompletionType : uint8_t { Normal, Break, Continue, Return, Throw };

// ThrowCompletion ( value ): a throw completion. It converts to a Completion
// and to every ThrowCompletionOr<T>, so `return ThrowCompletion(error);`
// reads as the spec does wherever it appears.
struct ThrowCompletion {
    explicit ThrowCompletion(Value thrown) : value(thrown) {}
    Value value;
};

// What an algorithm returns when its only abrupt completion is a throw
// ("either a normal completion containing T or a throw completion").
template <class T>
class [[nodiscard]] ThrowCompletionOr {
public:
    template <class U>
        requires std::is_convertible_v<U&&, T>
    ThrowCompletionOr(U&& value) : state_(std::in_place_index<0>, std::forward<U>(value)) {}
    ThrowCompletionOr(ThrowCompletion thrown) : state_(std::in_place_index<1>, thrown) {}

    bool is_abrupt() const { return state_.index() == 1; }
    bool is_throw_completion() const { return is_abrupt(); }

    T& value() { return std::get<0>(state_); }
    const T& value() const { return std::get<0>(state_); }
    T release_value() { return std::move(std::get<0>(state_)); }
    Value thrown_value() const { return std::get<1>(state_).value; }
    ThrowCompletion release_error() const { return std::get<1>(state_); }

private:
    std::variant<T, ThrowCompletion> state_;
};

// ~unused~ results: normal (nothing) or a throw.
template <>
class [[nodiscard]] ThrowCompletionOr<void> {
public:
    ThrowCompletionOr() = default;
    ThrowCompletionOr(ThrowCompletion thrown) : thrown_(thrown.value), abrupt_(true) {}

    bool is_abrupt() const { return abrupt_; }
    bool is_throw_completion() const { return abrupt_; }
    void release_value() const {}
    Value thrown_value() const { return thrown_; }
    ThrowCompletion release_error() const { return ThrowCompletion(thrown_); }

private:
    Value thrown_;
    bool abrupt_ = false;
};

// A Completion Record: { [[Type]], [[Value]], [[Target]] }. The fields are
// lower-case because `Value` is the language-value type. [[Value]] may be
// ~empty~ (Value::empty()); [[Target]] ~empty~ is a null String*.
struct [[nodiscard]] Completion {
    CompletionType type = CompletionType::Normal;
    Value value = Value::empty();
    String* target = nullptr;

    Completion() = default;
    Completion(CompletionType t, Value v, String* label) : type(t), value(v), target(label) {}
    Completion(ThrowCompletion thrown) : type(CompletionType::Throw), value(thrown.value) {}
    Completion(const ThrowCompletionOr<Value>& result)
        : type(result.is_abrupt() ? CompletionType::Throw : CompletionType::Normal),
          value(result.is_abrupt() ? result.thrown_value() : result.value())
    {
    }

    bool is_abrupt() const { return type != CompletionType::Normal; }
    bool is_normal() const { return type == CompletionType::Normal; }
    bool is_throw_completion() const { return type == CompletionType::Throw; }
    bool is_return_completion() const { return type == CompletionType::Return; }
    Value release_value() const { return value; }
    // For TRY in a function returning a Completion: the abrupt completion as is.
    Completion release_error() const { return *this; }
};

// NormalCompletion ( value )
inline Completion NormalCompletion(Value value)
{
    return Completion(CompletionType::Normal, value, nullptr);
}

// ReturnCompletion ( value )
inline Completion ReturnCompletion(Value value)
{
    return Completion(CompletionType::Return, value, nullptr);
}

// UpdateEmpty ( completionRecord, value )
inline Completion UpdateEmpty(Completion completionRecord, Value value)
{
    SPEC_ALGORITHM("sec-updateempty");
    STEP("1");
    SPEC_ASSERT(!(completionRecord.type == CompletionType::Return || completionRecord.type == CompletionType::Throw) ||
                !completionRecord.value.is_empty());
    STEP("2");
    if (!completionRecord.value.is_empty()) return completionRecord;
    STEP("3");
    return Completion(completionRecord.type, value, completionRecord.target);
}

}  // namespace lockstep

// `? expr`: the value of a normal completion, or return the abrupt one from
// the enclosing function (whose return type must accept it: a throw converts
// to any ThrowCompletionOr<T> or Completion; a break/continue/return only to
// Completion). A GCC statement expression.
#define TRY(expression)                                                  \
    ({                                                                   \
        auto&& lockstep_try_result_ = (expression);                      \
        if (lockstep_try_result_.is_abrupt()) [[unlikely]]               \
            return lockstep_try_result_.release_error();                 \
        lockstep_try_result_.release_value();                            \
    })

// `! expr`: the value of a completion the spec asserts is normal.
#define MUST(expression)                                                 \
    ({                                                                   \
        auto&& lockstep_must_result_ = (expression);                     \
        SPEC_ASSERT(!lockstep_must_result_.is_abrupt());                 \
        lockstep_must_result_.release_value();                           \
    })
