// §21.4.2 - §21.4.4 and Annex B.2.3: the Date constructor, its properties
// and Date.prototype's methods — argument forms, evaluation order, strings.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "builtins/date.h"
#include "fixture.h"
#include "runtime/ordinary_object.h"

namespace lockstep::testing {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class DateBuiltinsTest : public DateTest {
protected:
    ScopedTimeZone utc{"UTC"};

    double time_value(Value date) { return static_cast<DateObject*>(date.as_object())->DateValue; }
    // An object whose valueOf appends `name` to `log` and returns `value`.
    Value logging_number(std::vector<std::string>& log, std::string name, double value)
    {
        Object* object = OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::ObjectPrototype));
        Value valueOf = function([&log, name, value](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                                     Object*) -> ThrowCompletionOr<Value> {
            log.push_back(name);
            return Value::number(value);
        });
        MUST(CreateDataPropertyOrThrow(agent, *object, agent.key("valueOf"), valueOf));
        return object;
    }
};

TEST_F(DateBuiltinsTest, ConstructorArgumentForms)
{
    EXPECT_EQ(time_value(construct({num(1e12)})), 1e12);
    EXPECT_EQ(time_value(construct({num(1.9)})), 1);  // TimeClip truncates
    EXPECT_TRUE(std::isnan(time_value(construct({num(8.64e15 + 1)}))));
    EXPECT_EQ(time_value(construct({str("1970-01-01T00:00:01Z")})), 1000);
    EXPECT_TRUE(std::isnan(time_value(construct({str("not a date")}))));
    EXPECT_EQ(time_value(construct({Value::boolean(true)})), 1);
    // A Date argument is read from its slot, not converted.
    Value original = construct({num(42)});
    EXPECT_EQ(time_value(construct({original})), 42);
    // Two or more arguments: local date fields, two-digit years in the 1900s.
    EXPECT_EQ(time_value(construct({num(99), num(11), num(31), num(23), num(59), num(59), num(999)})),
              946684799999);
    EXPECT_EQ(time_value(construct({num(2016), num(1)})), 1454284800000);  // date defaults to 1
    EXPECT_TRUE(std::isnan(time_value(construct({num(2016), num(kNaN)}))));
    // Called as a function: a string of the current time, arguments ignored.
    Value asFunction = MUST(Call(agent, &Date(), Value::undefined()));
    ASSERT_TRUE(asFunction.is_string());
    EXPECT_NE(text(asFunction), "Invalid Date");
}

TEST_F(DateBuiltinsTest, ConstructorConvertsEveryArgumentInOrder)
{
    std::vector<std::string> log;
    List<Value> args{logging_number(log, "year", 2000), logging_number(log, "month", 0),
                     logging_number(log, "date", 1),    logging_number(log, "hours", 0),
                     logging_number(log, "minutes", 0), logging_number(log, "seconds", 0),
                     logging_number(log, "ms", kNaN)};
    Object* date = MUST(Construct(agent, Date(), args.items()));
    EXPECT_EQ(log, (std::vector<std::string>{"year", "month", "date", "hours", "minutes", "seconds", "ms"}));
    EXPECT_TRUE(std::isnan(time_value(date)));
}

TEST_F(DateBuiltinsTest, DateUTCAndNow)
{
    EXPECT_EQ(call_static("UTC", {num(2016), num(12)}).as_number(), 1483228800000);
    EXPECT_EQ(call_static("UTC", {num(2016)}).as_number(), 1451606400000);  // month defaults to 0
    EXPECT_EQ(call_static("UTC", {num(99)}).as_number(), 915148800000);  // 1999
    EXPECT_TRUE(std::isnan(call_static("UTC", {}).as_number()));
    EXPECT_EQ(call_static("UTC", {num(275760), num(8), num(13)}).as_number(), 8.64e15);
    EXPECT_TRUE(std::isnan(call_static("UTC", {num(275760), num(8), num(13), num(0), num(0), num(0), num(1)}).as_number()));
    double now = call_static("now", {}).as_number();
    EXPECT_EQ(now, std::trunc(now));
    EXPECT_GT(now, 1.7e12);  // after 2023
}

TEST_F(DateBuiltinsTest, GettersInUTCAndLocalTime)
{
    ScopedTimeZone tz("Asia/Kolkata");
    Value d = construct({num(951825600000)});  // 2000-02-29T12:00Z, 17:30 in Kolkata
    EXPECT_EQ(number(d, "getUTCFullYear"), 2000);
    EXPECT_EQ(number(d, "getUTCMonth"), 1);
    EXPECT_EQ(number(d, "getUTCDate"), 29);
    EXPECT_EQ(number(d, "getUTCDay"), 2);
    EXPECT_EQ(number(d, "getUTCHours"), 12);
    EXPECT_EQ(number(d, "getUTCMinutes"), 0);
    EXPECT_EQ(number(d, "getHours"), 17);
    EXPECT_EQ(number(d, "getMinutes"), 30);
    EXPECT_EQ(number(d, "getTimezoneOffset"), -330);
    EXPECT_EQ(number(d, "getYear"), 100);  // Annex B: years since 1900
    Value invalid = construct({num(kNaN)});
    for (const char* getter : {"getDate", "getDay", "getFullYear", "getHours", "getMilliseconds", "getMinutes",
                               "getMonth", "getSeconds", "getTime", "getTimezoneOffset", "getUTCDate",
                               "getUTCDay", "getUTCFullYear", "getUTCHours", "getUTCMilliseconds",
                               "getUTCMinutes", "getUTCMonth", "getUTCSeconds", "getYear", "valueOf"})
        EXPECT_TRUE(std::isnan(number(invalid, getter))) << getter;
    // Not generic: a non-Date receiver is a TypeError.
    Object* plain = OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::DatePrototype));
    EXPECT_EQ(thrown_name(try_invoke(plain, "getTime")), "TypeError");
    EXPECT_EQ(thrown_name(try_invoke(realm().intrinsic(Intrinsic::DatePrototype), "valueOf")), "TypeError");
    EXPECT_EQ(thrown_name(try_invoke(num(0), "getDate")), "TypeError");
}

TEST_F(DateBuiltinsTest, SettersConvertArgumentsBeforeCheckingForNaN)
{
    // setHours on an invalid Date still calls valueOf on every argument
    // present, in order, and then returns NaN without changing anything.
    std::vector<std::string> log;
    Value invalid = construct({num(kNaN)});
    EXPECT_TRUE(std::isnan(number(invalid, "setHours",
                                  {logging_number(log, "h", 1), logging_number(log, "m", 2),
                                   logging_number(log, "s", 3), logging_number(log, "ms", 4)})));
    EXPECT_EQ(log, (std::vector<std::string>{"h", "m", "s", "ms"}));
    EXPECT_TRUE(std::isnan(time_value(invalid)));
    // The time value is read before the conversions: a valueOf that changes
    // it does not change what the setter starts from.
    Value d = construct({num(0)});
    Value setTimeOnValueOf = function([&](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                          Object*) -> ThrowCompletionOr<Value> {
        invoke(d, "setTime", {num(kNaN)});
        return Value::number(5);
    });
    Object* minutes = OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::ObjectPrototype));
    MUST(CreateDataPropertyOrThrow(agent, *minutes, agent.key("valueOf"), setTimeOnValueOf));
    EXPECT_EQ(number(d, "setUTCMinutes", {minutes}), 5 * 60000);
    // setFullYear / setUTCFullYear / setYear start from +0 when the date is NaN.
    Value fromNaN = construct({num(kNaN)});
    EXPECT_EQ(number(fromNaN, "setFullYear", {num(2000)}), 946684800000);
    EXPECT_EQ(number(construct({num(kNaN)}), "setUTCFullYear", {num(2000), num(1)}), 949363200000);
    EXPECT_EQ(number(construct({num(kNaN)}), "setYear", {num(99)}), 915148800000);
    EXPECT_TRUE(std::isnan(number(construct({num(kNaN)}), "setDate", {num(1)})));
    EXPECT_TRUE(std::isnan(number(construct({num(kNaN)}), "setMonth", {num(1)})));
}

TEST_F(DateBuiltinsTest, SettersRecomputeTheTimeValue)
{
    Value d = construct({num(0)});
    EXPECT_EQ(number(d, "setMilliseconds", {num(999)}), 999);
    EXPECT_EQ(number(d, "setSeconds", {num(61)}), 61999);  // overflows into the next minute
    EXPECT_EQ(number(d, "setMinutes", {num(0), num(0), num(0)}), 0);
    EXPECT_EQ(number(d, "setHours", {num(-1)}), -3600000);
    EXPECT_EQ(number(d, "setDate", {num(1)}), -3600000 - 30 * 86400000.0);  // 1 December 1969, 23:00
    EXPECT_EQ(number(d, "setTime", {num(1e12)}), 1e12);
    EXPECT_EQ(number(d, "setUTCMonth", {num(12)}), number(construct({num(2002), num(0), num(9), num(1), num(46),
                                                                          num(40)}), "getTime"));
    EXPECT_TRUE(std::isnan(number(d, "setUTCFullYear", {num(275761)})));
    EXPECT_TRUE(std::isnan(time_value(d)));
    EXPECT_EQ(number(d, "setTime", {str("86400000")}), 86400000);
    EXPECT_EQ(number(d, "setUTCDate", {num(0)}), -86400000);  // the day before the 1st
    EXPECT_EQ(number(d, "setUTCDate", {num(1)}), -31 * 86400000.0);  // 1 December 1969
    EXPECT_EQ(number(d, "setUTCMonth", {num(0), num(1)}), -365 * 86400000.0);
    EXPECT_EQ(number(d, "setUTCFullYear", {num(1970)}), 0);
    EXPECT_EQ(number(d, "setUTCHours", {num(1), num(2), num(3), num(4)}), 3723004);
    EXPECT_EQ(number(d, "setUTCSeconds", {num(0)}), 3720004);
    EXPECT_EQ(number(d, "setUTCMilliseconds", {num(0)}), 3720000);
}

TEST_F(DateBuiltinsTest, StringForms)
{
    Value d = construct({num(951825600123)});  // 2000-02-29T12:00:00.123Z
    EXPECT_EQ(string(d, "toString"), "Tue Feb 29 2000 12:00:00 GMT+0000 (UTC)");
    EXPECT_EQ(string(d, "toDateString"), "Tue Feb 29 2000");
    EXPECT_EQ(string(d, "toTimeString"), "12:00:00 GMT+0000 (UTC)");
    EXPECT_EQ(string(d, "toUTCString"), "Tue, 29 Feb 2000 12:00:00 GMT");
    EXPECT_EQ(string(d, "toGMTString"), "Tue, 29 Feb 2000 12:00:00 GMT");
    EXPECT_EQ(string(d, "toISOString"), "2000-02-29T12:00:00.123Z");
    EXPECT_EQ(string(d, "toLocaleString"), string(d, "toString"));
    EXPECT_EQ(string(d, "toLocaleDateString"), string(d, "toDateString"));
    EXPECT_EQ(string(d, "toLocaleTimeString"), string(d, "toTimeString"));
    Value early = construct({num(-62198755200000)});  // -000001-01-01T00:00Z
    EXPECT_EQ(string(early, "toString"), "Fri Jan 01 -0001 00:00:00 GMT+0000 (UTC)");
    EXPECT_EQ(string(early, "toUTCString"), "Fri, 01 Jan -0001 00:00:00 GMT");
    EXPECT_EQ(string(early, "toISOString"), "-000001-01-01T00:00:00.000Z");
    EXPECT_EQ(string(construct({num(8.64e15)}), "toString"), "Sat Sep 13 275760 00:00:00 GMT+0000 (UTC)");
    {
        ScopedTimeZone tz("Asia/Kolkata");
        EXPECT_EQ(string(d, "toString"), "Tue Feb 29 2000 17:30:00 GMT+0530 (IST)");
    }
    Value invalid = construct({num(kNaN)});
    for (const char* method : {"toString", "toDateString", "toTimeString", "toUTCString", "toLocaleString"})
        EXPECT_EQ(string(invalid, method), "Invalid Date") << method;
    EXPECT_EQ(thrown_name(try_invoke(invalid, "toISOString")), "RangeError");
    // Date.prototype.toGMTString is the same function object as toUTCString.
    Object& prototype = *realm().intrinsic(Intrinsic::DatePrototype);
    EXPECT_TRUE(MUST(Get(agent, prototype, agent.key("toGMTString")))
                    .is_identical(MUST(Get(agent, prototype, agent.key("toUTCString")))));
}

TEST_F(DateBuiltinsTest, ToJSONIsGeneric)
{
    EXPECT_EQ(text(invoke(construct({num(0)}), "toJSON")), "1970-01-01T00:00:00.000Z");
    EXPECT_TRUE(invoke(construct({num(kNaN)}), "toJSON").is_null());
    // Any object with a toISOString method, whose primitive value is finite.
    Object* object = OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::ObjectPrototype));
    MUST(CreateDataPropertyOrThrow(agent, *object, agent.key("valueOf"),
                                   function([](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                                -> ThrowCompletionOr<Value> { return Value::number(1); })));
    MUST(CreateDataPropertyOrThrow(agent, *object, agent.key("toISOString"),
                                   function([this](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                                -> ThrowCompletionOr<Value> { return str("custom"); })));
    EXPECT_EQ(text(invoke(object, "toJSON")), "custom");
    EXPECT_EQ(thrown_name(try_invoke(Value::undefined(), "toJSON")), "TypeError");
}

TEST_F(DateBuiltinsTest, ToPrimitiveTreatsDefaultAsString)
{
    Value d = construct({num(0)});
    Object& prototype = *realm().intrinsic(Intrinsic::DatePrototype);
    Value toPrimitive = MUST(Get(agent, prototype, agent.well_known_symbol(WellKnownSymbol::toPrimitive)));
    auto call = [&](Value receiver, Value hint) {
        Value args[] = {hint};
        return Call(agent, toPrimitive, receiver, args);
    };
    EXPECT_EQ(text(MUST(call(d, str("default")))), "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)");
    EXPECT_EQ(text(MUST(call(d, str("string")))), "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)");
    EXPECT_EQ(MUST(call(d, str("number"))).as_number(), 0);
    EXPECT_EQ(thrown_name(call(d, str("Number"))), "TypeError");
    EXPECT_EQ(thrown_name(call(d, Value::undefined())), "TypeError");
    EXPECT_EQ(thrown_name(call(num(0), str("number"))), "TypeError");
    // ToPrimitive with no hint (as `+` uses it) gets the string.
    EXPECT_TRUE(MUST(ToPrimitive(agent, d)).is_string());
    EXPECT_EQ(MUST(ToNumber(agent, d)), 0);
    auto desc = MUST(prototype.GetOwnProperty(agent, agent.well_known_symbol(WellKnownSymbol::toPrimitive)));
    ASSERT_TRUE(desc.has_value());
    EXPECT_FALSE(*desc->writable);
    EXPECT_TRUE(*desc->configurable);
    EXPECT_EQ(text(MUST(Get(agent, *toPrimitive.as_object(), agent.names.name))), "[Symbol.toPrimitive]");
}

TEST_F(DateBuiltinsTest, PropertyLengthsAndPrototype)
{
    auto length = [&](Object& object, const char* name) {
        Value f = MUST(Get(agent, object, agent.key(name)));
        return MUST(Get(agent, *f.as_object(), agent.names.length)).as_number();
    };
    Object& prototype = *realm().intrinsic(Intrinsic::DatePrototype);
    EXPECT_EQ(MUST(Get(agent, Date(), agent.names.length)).as_number(), 7);
    EXPECT_EQ(length(Date(), "UTC"), 7);
    EXPECT_EQ(length(Date(), "parse"), 1);
    EXPECT_EQ(length(Date(), "now"), 0);
    EXPECT_EQ(length(prototype, "setHours"), 4);
    EXPECT_EQ(length(prototype, "setUTCFullYear"), 3);
    EXPECT_EQ(length(prototype, "setMonth"), 2);
    EXPECT_EQ(length(prototype, "toJSON"), 1);
    EXPECT_EQ(length(prototype, "setYear"), 1);
    // The prototype is an ordinary object, not a Date.
    EXPECT_EQ(dynamic_cast<DateObject*>(&prototype), nullptr);
    EXPECT_EQ(prototype.Prototype, realm().intrinsic(Intrinsic::ObjectPrototype));
    EXPECT_TRUE(MUST(Get(agent, prototype, agent.names.constructor)).is_identical(&Date()));
}

}  // namespace
}  // namespace lockstep::testing
