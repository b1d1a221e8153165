// ECMA-262 §21.4 Date Objects (the abstract operations of §21.4.1 are in
// abstract_ops/date_time.cpp), and Annex B.2.3 Additional Properties of the
// Date.prototype Object.
#include "builtins/date.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "abstract_ops/date_time.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// "the time value (UTC) identifying the current time"
double current_time_value()
{
    auto sinceEpoch = std::chrono::system_clock::now().time_since_epoch();
    return double(std::chrono::floor<std::chrono::milliseconds>(sinceEpoch).count());
}

// RequireInternalSlot ( dateObject, [[DateValue]] )
ThrowCompletionOr<DateObject*> require_date(Agent& agent, Value dateObject)
{
    return RequireInternalSlot<DateObject>(agent, dateObject, "this is not a Date object");
}

// The "i-th argument is present" of the optional parameters.
bool present(Arguments arguments, size_t i) { return i < arguments.size(); }

Value ascii_value(Agent& agent, const std::string& text) { return make_string_from_ascii(agent.heap, text); }

// §22.1.3.17.3 ToZeroPaddedDecimalString ( n, minLength )
std::string ToZeroPaddedDecimalString(double n, size_t minLength)
{
    SPEC_ALGORITHM("sec-tozeropaddeddecimalstring");
    STEP("1");
    std::string S = std::to_string(int64_t(n));
    STEP("2");
    return S.size() < minLength ? std::string(minLength - S.size(), '0') + S : S;
}

// Tables "Names of days of the week" and "Names of months of the year" (§21.4.4.41.2).
constexpr const char* kDayNames[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// §21.4.4.41.1 TimeString ( tv )
std::string TimeString(double tv)
{
    SPEC_ALGORITHM("sec-timestring");
    STEP("1");
    std::string hour = ToZeroPaddedDecimalString(HourFromTime(tv), 2);
    STEP("2");
    std::string minute = ToZeroPaddedDecimalString(MinFromTime(tv), 2);
    STEP("3");
    std::string second = ToZeroPaddedDecimalString(SecFromTime(tv), 2);
    STEP("4");
    return hour + ":" + minute + ":" + second + " GMT";
}

// §21.4.4.41.2 DateString ( tv )
std::string DateString(double tv)
{
    SPEC_ALGORITHM("sec-datestring");
    STEP("1");
    std::string weekday = kDayNames[size_t(WeekDay(tv))];
    STEP("2");
    std::string month = kMonthNames[size_t(MonthFromTime(tv))];
    STEP("3");
    std::string day = ToZeroPaddedDecimalString(DateFromTime(tv), 2);
    STEP("4");
    double yv = YearFromTime(tv);
    STEP("5");
    std::string yearSign = yv >= 0 ? "" : "-";
    STEP("6");
    std::string paddedYear = ToZeroPaddedDecimalString(std::fabs(yv), 4);
    STEP("7");
    return weekday + " " + month + " " + day + " " + yearSign + paddedYear;
}

// §21.4.4.41.3 TimeZoneString ( tv )
std::string TimeZoneString(double tv)
{
    SPEC_ALGORITHM("sec-timezoneestring");
    STEP("1");
    std::u16string systemTimeZoneIdentifier = SystemTimeZoneIdentifier();
    EpochNanoseconds offsetNs;
    STEP("2");
    if (IsTimeZoneOffsetString(systemTimeZoneIdentifier)) {
        STEP("2.a");
        offsetNs = ParseTimeZoneOffsetString(systemTimeZoneIdentifier);
    } else {
        STEP("3");
        STEP("3.a");
        offsetNs = GetNamedTimeZoneOffsetNanoseconds(systemTimeZoneIdentifier, EpochNanoseconds(tv) * 1000000);
    }
    STEP("4");
    double offset = double(offsetNs / 1000000);
    std::string offsetSign;
    double absOffset;
    STEP("5");
    if (offset >= 0) {
        STEP("5.a");
        offsetSign = "+";
        STEP("5.b");
        absOffset = offset;
    } else {
        STEP("6");
        STEP("6.a");
        offsetSign = "-";
        STEP("6.b");
        absOffset = -offset;
    }
    STEP("7");
    std::string offsetMin = ToZeroPaddedDecimalString(MinFromTime(absOffset), 2);
    STEP("8");
    std::string offsetHour = ToZeroPaddedDecimalString(HourFromTime(absOffset), 2);
    STEP("9");
    std::string tzName = " (" + SystemTimeZoneName(tv) + ")";
    STEP("10");
    return offsetSign + offsetHour + offsetMin + tzName;
}

// ---- Date.parse -----------------------------------------------------------

// The implementation-specific formats Date.parse falls back to: those
// toString, toDateString and toUTCString produce —
//   "Tue Feb 01 2022 13:05:09 GMT+0100 (CET)", "Tue Feb 01 2022",
//   "Tue, 01 Feb 2022 12:05:09 GMT" —
// with a year of one or more digits and an optional "-". Without a "GMT"
// the time is local. Anything else is NaN.
class FallbackDateParser {
public:
    FallbackDateParser(Agent& agent, std::u16string_view s) : agent_(agent), s_(s) {}

    double parse()
    {
        int weekday = name_of(kDayNames, 7);
        if (weekday < 0) return NaN;
        accept(u',');
        double month, day;
        int monthFirst = name_of(kMonthNames, 12);
        if (monthFirst >= 0) {
            month = monthFirst;
            if (!number(day, 2)) return NaN;
        } else {
            if (!number(day, 2)) return NaN;
            int monthSecond = name_of(kMonthNames, 12);
            if (monthSecond < 0) return NaN;
            month = monthSecond;
        }
        skip_spaces();
        bool negativeYear = accept(u'-');
        double year;
        if (!number(year, 0)) return NaN;
        if (negativeYear) year = -year;
        double hour = 0, minute = 0, second = 0;
        if (number(hour, 2)) {
            if (!accept(u':') || !number(minute, 2)) return NaN;
            if (accept(u':') && !number(second, 2)) return NaN;
        }
        if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
        std::optional<double> offsetMs;
        skip_spaces();
        if (literal(u"GMT") || literal(u"UTC")) {
            offsetMs = 0;
            if (i_ < s_.size() && (s_[i_] == u'+' || s_[i_] == u'-')) {
                double sign = s_[i_++] == u'-' ? -1 : 1;
                double hhmm;
                if (!number(hhmm, 4, false)) return NaN;
                double hours = std::floor(hhmm / 100), minutes = hhmm - hours * 100;
                if (hours > 23 || minutes > 59) return NaN;
                offsetMs = sign * (hours * msPerHour + minutes * msPerMinute);
            }
        }
        skip_spaces();
        if (accept(u'(')) {  // a time zone name, ignored
            while (i_ < s_.size() && s_[i_] != u')') ++i_;
            if (!accept(u')')) return NaN;
        }
        skip_spaces();
        if (i_ != s_.size()) return NaN;
        double t = MakeDate(MakeDay(agent_, year, month, day), MakeTime(agent_, hour, minute, second, 0));
        t = offsetMs ? t - *offsetMs : UTC(agent_, t);
        return TimeClip(agent_, t);
    }

private:
    void skip_spaces()
    {
        while (i_ < s_.size() && s_[i_] == u' ') ++i_;
    }
    bool accept(char16_t c)
    {
        skip_spaces();
        if (i_ >= s_.size() || s_[i_] != c) return false;
        ++i_;
        return true;
    }
    bool literal(std::u16string_view word)
    {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    // Digits (exactly `count` of them unless count is 0), after spaces if skip.
    bool number(double& value, size_t count, bool skip = true)
    {
        if (skip) skip_spaces();
        size_t start = i_;
        value = 0;
        while (i_ < s_.size() && s_[i_] >= u'0' && s_[i_] <= u'9' && (count == 0 || i_ - start < count) &&
               i_ - start < 9)
            value = value * 10 + (s_[i_++] - u'0');
        if (i_ == start || (count != 0 && i_ - start != count)) {
            i_ = start;
            return false;
        }
        return true;
    }
    // The index of the three-letter name at the cursor, or -1.
    int name_of(const char* const* names, int count)
    {
        skip_spaces();
        for (int k = 0; k < count; ++k) {
            std::u16string name(names[k], names[k] + 3);
            if (literal(name)) return k;
        }
        return -1;
    }

    Agent& agent_;
    std::u16string_view s_;
    size_t i_ = 0;
};

// "parse v as a date, in exactly the same manner as for the parse method":
// the Date Time String Format first, then the formats toString and
// toUTCString produce.
double parse_date(Agent& agent, const String& string)
{
    if (std::optional<double> tv = ParseDateTimeStringFormat(agent, string.view())) return *tv;
    return FallbackDateParser(agent, string.view()).parse();
}

// ---- §21.4.2 The Date Constructor -----------------------------------------

// §21.4.2.1 Date ( ...values )
ThrowCompletionOr<Value> Date_constructor(Agent& agent, BuiltinFunction&, Value, Arguments values, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-date");
    STEP("1");
    if (!NewTarget) {
        STEP("1.a");
        double now = current_time_value();
        STEP("1.b");
        return ToDateString(agent, now);
    }
    STEP("2");
    size_t numberOfArgs = values.size();
    double dv;
    STEP("3");
    if (numberOfArgs == 0) {
        STEP("3.a");
        dv = current_time_value();
    } else if (numberOfArgs == 1) {
        STEP("4");
        STEP("4.a");
        Value value = values[0];
        double tv;
        STEP("4.b");
        if (auto* date = value.is_object() ? dynamic_cast<DateObject*>(value.as_object()) : nullptr) {
            STEP("4.b.i");
            tv = date->DateValue;
        } else {
            STEP("4.c");
            STEP("4.c.i");
            Value v = TRY(ToPrimitive(agent, value));
            STEP("4.c.ii");
            if (v.is_string()) {
                STEP("4.c.ii.1");
                STEP("4.c.ii.2");
                tv = parse_date(agent, *v.as_string());
            } else {
                STEP("4.c.iii");
                STEP("4.c.iii.1");
                tv = TRY(ToNumber(agent, v));
            }
        }
        STEP("4.d");
        dv = TimeClip(agent, tv);
    } else {
        STEP("5");
        STEP("5.a");
        SPEC_ASSERT(numberOfArgs >= 2);
        STEP("5.b");
        double y = TRY(ToNumber(agent, values[0]));
        STEP("5.c");
        double m = TRY(ToNumber(agent, values[1]));
        STEP("5.d");
        double dt = numberOfArgs > 2 ? TRY(ToNumber(agent, values[2])) : 1;
        STEP("5.e");
        double h = numberOfArgs > 3 ? TRY(ToNumber(agent, values[3])) : 0;
        STEP("5.f");
        double min = numberOfArgs > 4 ? TRY(ToNumber(agent, values[4])) : 0;
        STEP("5.g");
        double s = numberOfArgs > 5 ? TRY(ToNumber(agent, values[5])) : 0;
        STEP("5.h");
        double milli = numberOfArgs > 6 ? TRY(ToNumber(agent, values[6])) : 0;
        STEP("5.i");
        double yr = MakeFullYear(agent, y);
        STEP("5.j");
        double finalDate = MakeDate(MakeDay(agent, yr, m, dt), MakeTime(agent, h, min, s, milli));
        STEP("5.k");
        dv = TimeClip(agent, UTC(agent, finalDate));
    }
    STEP("6");
    DateObject* O = TRY(OrdinaryCreateFromConstructor<DateObject>(agent, *NewTarget, Intrinsic::DatePrototype, NaN));
    STEP("7");
    O->DateValue = dv;
    STEP("8");
    return O;
}

// ---- §21.4.3 Properties of the Date Constructor ---------------------------

// §21.4.3.1 Date.now ( )
ThrowCompletionOr<Value> Date_now(Agent&, BuiltinFunction&, Value, Arguments, Object*)
{
    return Value::number(current_time_value());
}

// §21.4.3.2 Date.parse ( string )
ThrowCompletionOr<Value> Date_parse(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    String* string = TRY(ToString(agent, argument(arguments, 0)));
    return Value::number(parse_date(agent, *string));
}

// §21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )
ThrowCompletionOr<Value> Date_UTC(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.utc");
    STEP("1");
    double y = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("2");
    double m = present(arguments, 1) ? TRY(ToNumber(agent, arguments[1])) : 0;
    STEP("3");
    double dt = present(arguments, 2) ? TRY(ToNumber(agent, arguments[2])) : 1;
    STEP("4");
    double h = present(arguments, 3) ? TRY(ToNumber(agent, arguments[3])) : 0;
    STEP("5");
    double min = present(arguments, 4) ? TRY(ToNumber(agent, arguments[4])) : 0;
    STEP("6");
    double s = present(arguments, 5) ? TRY(ToNumber(agent, arguments[5])) : 0;
    STEP("7");
    double milli = present(arguments, 6) ? TRY(ToNumber(agent, arguments[6])) : 0;
    STEP("8");
    double yr = MakeFullYear(agent, y);
    STEP("9");
    return Value::number(TimeClip(agent, MakeDate(MakeDay(agent, yr, m, dt), MakeTime(agent, h, min, s, milli))));
}

// ---- §21.4.4 Properties of the Date Prototype Object: the getters ---------

// §21.4.4.2 Date.prototype.getDate ( )
ThrowCompletionOr<Value> Date_prototype_getDate(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getdate");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(DateFromTime(LocalTime(t)));
}

// §21.4.4.3 Date.prototype.getDay ( )
ThrowCompletionOr<Value> Date_prototype_getDay(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getday");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(WeekDay(LocalTime(t)));
}

// §21.4.4.4 Date.prototype.getFullYear ( )
ThrowCompletionOr<Value> Date_prototype_getFullYear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getfullyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(YearFromTime(LocalTime(t)));
}

// §21.4.4.5 Date.prototype.getHours ( )
ThrowCompletionOr<Value> Date_prototype_getHours(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.gethours");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(HourFromTime(LocalTime(t)));
}

// §21.4.4.6 Date.prototype.getMilliseconds ( )
ThrowCompletionOr<Value> Date_prototype_getMilliseconds(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getmilliseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(msFromTime(LocalTime(t)));
}

// §21.4.4.7 Date.prototype.getMinutes ( )
ThrowCompletionOr<Value> Date_prototype_getMinutes(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getminutes");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(MinFromTime(LocalTime(t)));
}

// §21.4.4.8 Date.prototype.getMonth ( )
ThrowCompletionOr<Value> Date_prototype_getMonth(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getmonth");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(MonthFromTime(LocalTime(t)));
}

// §21.4.4.9 Date.prototype.getSeconds ( )
ThrowCompletionOr<Value> Date_prototype_getSeconds(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(SecFromTime(LocalTime(t)));
}

// §21.4.4.10 Date.prototype.getTime ( )
ThrowCompletionOr<Value> Date_prototype_getTime(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.gettime");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    return Value::number(date->DateValue);
}

// §21.4.4.11 Date.prototype.getTimezoneOffset ( )
ThrowCompletionOr<Value> Date_prototype_getTimezoneOffset(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                          Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.gettimezoneoffset");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number((t - LocalTime(t)) / msPerMinute);
}

// §21.4.4.12 Date.prototype.getUTCDate ( )
ThrowCompletionOr<Value> Date_prototype_getUTCDate(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcdate");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(DateFromTime(t));
}

// §21.4.4.13 Date.prototype.getUTCDay ( )
ThrowCompletionOr<Value> Date_prototype_getUTCDay(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcday");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(WeekDay(t));
}

// §21.4.4.14 Date.prototype.getUTCFullYear ( )
ThrowCompletionOr<Value> Date_prototype_getUTCFullYear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcfullyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(YearFromTime(t));
}

// §21.4.4.15 Date.prototype.getUTCHours ( )
ThrowCompletionOr<Value> Date_prototype_getUTCHours(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutchours");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(HourFromTime(t));
}

// §21.4.4.16 Date.prototype.getUTCMilliseconds ( )
ThrowCompletionOr<Value> Date_prototype_getUTCMilliseconds(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                           Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcmilliseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(msFromTime(t));
}

// §21.4.4.17 Date.prototype.getUTCMinutes ( )
ThrowCompletionOr<Value> Date_prototype_getUTCMinutes(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcminutes");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(MinFromTime(t));
}

// §21.4.4.18 Date.prototype.getUTCMonth ( )
ThrowCompletionOr<Value> Date_prototype_getUTCMonth(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcmonth");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(MonthFromTime(t));
}

// §21.4.4.19 Date.prototype.getUTCSeconds ( )
ThrowCompletionOr<Value> Date_prototype_getUTCSeconds(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getutcseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(SecFromTime(t));
}

// ---- the setters: each reads its arguments before it looks at the time value ----

// §21.4.4.20 Date.prototype.setDate ( date )
ThrowCompletionOr<Value> Date_prototype_setDate(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setdate");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double dt = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("6");
    t = LocalTime(t);
    STEP("7");
    double newDate = MakeDate(MakeDay(agent, YearFromTime(t), MonthFromTime(t), dt), TimeWithinDay(t));
    STEP("8");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("9");
    date->DateValue = u;
    STEP("10");
    return Value::number(u);
}

// §21.4.4.21 Date.prototype.setFullYear ( year [ , month [ , date ] ] )
ThrowCompletionOr<Value> Date_prototype_setFullYear(Agent& agent, BuiltinFunction&, Value thisValue,
                                                    Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setfullyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double y = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    t = std::isnan(t) ? 0 : LocalTime(t);
    STEP("6");
    double m = !present(arguments, 1) ? MonthFromTime(t) : TRY(ToNumber(agent, arguments[1]));
    STEP("7");
    double dt = !present(arguments, 2) ? DateFromTime(t) : TRY(ToNumber(agent, arguments[2]));
    STEP("8");
    double newDate = MakeDate(MakeDay(agent, y, m, dt), TimeWithinDay(t));
    STEP("9");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("10");
    date->DateValue = u;
    STEP("11");
    return Value::number(u);
}

// §21.4.4.22 Date.prototype.setHours ( hour [ , min [ , sec [ , ms ] ] ] )
ThrowCompletionOr<Value> Date_prototype_setHours(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.sethours");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double h = TRY(ToNumber(agent, argument(arguments, 0)));
    double m = 0, s = 0, milli = 0;
    STEP("5");
    if (present(arguments, 1)) m = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (present(arguments, 2)) s = TRY(ToNumber(agent, arguments[2]));
    STEP("7");
    if (present(arguments, 3)) milli = TRY(ToNumber(agent, arguments[3]));
    STEP("8");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("9");
    t = LocalTime(t);
    STEP("10");
    if (!present(arguments, 1)) m = MinFromTime(t);
    STEP("11");
    if (!present(arguments, 2)) s = SecFromTime(t);
    STEP("12");
    if (!present(arguments, 3)) milli = msFromTime(t);
    STEP("13");
    double newDate = MakeDate(Day(t), MakeTime(agent, h, m, s, milli));
    STEP("14");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("15");
    date->DateValue = u;
    STEP("16");
    return Value::number(u);
}

// §21.4.4.23 Date.prototype.setMilliseconds ( ms )
ThrowCompletionOr<Value> Date_prototype_setMilliseconds(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setmilliseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double ms = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("6");
    t = LocalTime(t);
    STEP("7");
    double time = MakeTime(agent, HourFromTime(t), MinFromTime(t), SecFromTime(t), ms);
    STEP("8");
    double u = TimeClip(agent, UTC(agent, MakeDate(Day(t), time)));
    STEP("9");
    date->DateValue = u;
    STEP("10");
    return Value::number(u);
}

// §21.4.4.24 Date.prototype.setMinutes ( min [ , sec [ , ms ] ] )
ThrowCompletionOr<Value> Date_prototype_setMinutes(Agent& agent, BuiltinFunction&, Value thisValue,
                                                   Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setminutes");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double m = TRY(ToNumber(agent, argument(arguments, 0)));
    double s = 0, milli = 0;
    STEP("5");
    if (present(arguments, 1)) s = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (present(arguments, 2)) milli = TRY(ToNumber(agent, arguments[2]));
    STEP("7");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("8");
    t = LocalTime(t);
    STEP("9");
    if (!present(arguments, 1)) s = SecFromTime(t);
    STEP("10");
    if (!present(arguments, 2)) milli = msFromTime(t);
    STEP("11");
    double newDate = MakeDate(Day(t), MakeTime(agent, HourFromTime(t), m, s, milli));
    STEP("12");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("13");
    date->DateValue = u;
    STEP("14");
    return Value::number(u);
}

// §21.4.4.25 Date.prototype.setMonth ( month [ , date ] )
ThrowCompletionOr<Value> Date_prototype_setMonth(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setmonth");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double m = TRY(ToNumber(agent, argument(arguments, 0)));
    double dt = 0;
    STEP("5");
    if (present(arguments, 1)) dt = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("7");
    t = LocalTime(t);
    STEP("8");
    if (!present(arguments, 1)) dt = DateFromTime(t);
    STEP("9");
    double newDate = MakeDate(MakeDay(agent, YearFromTime(t), m, dt), TimeWithinDay(t));
    STEP("10");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("11");
    date->DateValue = u;
    STEP("12");
    return Value::number(u);
}

// §21.4.4.26 Date.prototype.setSeconds ( sec [ , ms ] )
ThrowCompletionOr<Value> Date_prototype_setSeconds(Agent& agent, BuiltinFunction&, Value thisValue,
                                                   Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double s = TRY(ToNumber(agent, argument(arguments, 0)));
    double milli = 0;
    STEP("5");
    if (present(arguments, 1)) milli = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("7");
    t = LocalTime(t);
    STEP("8");
    if (!present(arguments, 1)) milli = msFromTime(t);
    STEP("9");
    double newDate = MakeDate(Day(t), MakeTime(agent, HourFromTime(t), MinFromTime(t), s, milli));
    STEP("10");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("11");
    date->DateValue = u;
    STEP("12");
    return Value::number(u);
}

// §21.4.4.27 Date.prototype.setTime ( time )
ThrowCompletionOr<Value> Date_prototype_setTime(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.settime");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("4");
    double v = TimeClip(agent, t);
    STEP("5");
    date->DateValue = v;
    STEP("6");
    return Value::number(v);
}

// §21.4.4.28 Date.prototype.setUTCDate ( date )
ThrowCompletionOr<Value> Date_prototype_setUTCDate(Agent& agent, BuiltinFunction&, Value thisValue,
                                                   Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcdate");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double dt = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("6");
    double newDate = MakeDate(MakeDay(agent, YearFromTime(t), MonthFromTime(t), dt), TimeWithinDay(t));
    STEP("7");
    double v = TimeClip(agent, newDate);
    STEP("8");
    date->DateValue = v;
    STEP("9");
    return Value::number(v);
}

// §21.4.4.29 Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] )
ThrowCompletionOr<Value> Date_prototype_setUTCFullYear(Agent& agent, BuiltinFunction&, Value thisValue,
                                                       Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcfullyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) t = 0;
    STEP("5");
    double y = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("6");
    double m = !present(arguments, 1) ? MonthFromTime(t) : TRY(ToNumber(agent, arguments[1]));
    STEP("7");
    double dt = !present(arguments, 2) ? DateFromTime(t) : TRY(ToNumber(agent, arguments[2]));
    STEP("8");
    double newDate = MakeDate(MakeDay(agent, y, m, dt), TimeWithinDay(t));
    STEP("9");
    double v = TimeClip(agent, newDate);
    STEP("10");
    date->DateValue = v;
    STEP("11");
    return Value::number(v);
}

// §21.4.4.30 Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] )
ThrowCompletionOr<Value> Date_prototype_setUTCHours(Agent& agent, BuiltinFunction&, Value thisValue,
                                                    Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutchours");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double h = TRY(ToNumber(agent, argument(arguments, 0)));
    double m = 0, s = 0, milli = 0;
    STEP("5");
    if (present(arguments, 1)) m = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (present(arguments, 2)) s = TRY(ToNumber(agent, arguments[2]));
    STEP("7");
    if (present(arguments, 3)) milli = TRY(ToNumber(agent, arguments[3]));
    STEP("8");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("9");
    if (!present(arguments, 1)) m = MinFromTime(t);
    STEP("10");
    if (!present(arguments, 2)) s = SecFromTime(t);
    STEP("11");
    if (!present(arguments, 3)) milli = msFromTime(t);
    STEP("12");
    double newDate = MakeDate(Day(t), MakeTime(agent, h, m, s, milli));
    STEP("13");
    double v = TimeClip(agent, newDate);
    STEP("14");
    date->DateValue = v;
    STEP("15");
    return Value::number(v);
}

// §21.4.4.31 Date.prototype.setUTCMilliseconds ( ms )
ThrowCompletionOr<Value> Date_prototype_setUTCMilliseconds(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcmilliseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double ms = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("6");
    double time = MakeTime(agent, HourFromTime(t), MinFromTime(t), SecFromTime(t), ms);
    STEP("7");
    double v = TimeClip(agent, MakeDate(Day(t), time));
    STEP("8");
    date->DateValue = v;
    STEP("9");
    return Value::number(v);
}

// §21.4.4.32 Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] )
ThrowCompletionOr<Value> Date_prototype_setUTCMinutes(Agent& agent, BuiltinFunction&, Value thisValue,
                                                      Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcminutes");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double m = TRY(ToNumber(agent, argument(arguments, 0)));
    double s = 0, milli = 0;
    STEP("5");
    if (present(arguments, 1)) s = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (present(arguments, 2)) milli = TRY(ToNumber(agent, arguments[2]));
    STEP("7");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("8");
    if (!present(arguments, 1)) s = SecFromTime(t);
    STEP("9");
    if (!present(arguments, 2)) milli = msFromTime(t);
    STEP("10");
    double newDate = MakeDate(Day(t), MakeTime(agent, HourFromTime(t), m, s, milli));
    STEP("11");
    double v = TimeClip(agent, newDate);
    STEP("12");
    date->DateValue = v;
    STEP("13");
    return Value::number(v);
}

// §21.4.4.33 Date.prototype.setUTCMonth ( month [ , date ] )
ThrowCompletionOr<Value> Date_prototype_setUTCMonth(Agent& agent, BuiltinFunction&, Value thisValue,
                                                    Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcmonth");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double m = TRY(ToNumber(agent, argument(arguments, 0)));
    double dt = 0;
    STEP("5");
    if (present(arguments, 1)) dt = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("7");
    if (!present(arguments, 1)) dt = DateFromTime(t);
    STEP("8");
    double newDate = MakeDate(MakeDay(agent, YearFromTime(t), m, dt), TimeWithinDay(t));
    STEP("9");
    double v = TimeClip(agent, newDate);
    STEP("10");
    date->DateValue = v;
    STEP("11");
    return Value::number(v);
}

// §21.4.4.34 Date.prototype.setUTCSeconds ( sec [ , ms ] )
ThrowCompletionOr<Value> Date_prototype_setUTCSeconds(Agent& agent, BuiltinFunction&, Value thisValue,
                                                      Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setutcseconds");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double s = TRY(ToNumber(agent, argument(arguments, 0)));
    double milli = 0;
    STEP("5");
    if (present(arguments, 1)) milli = TRY(ToNumber(agent, arguments[1]));
    STEP("6");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("7");
    if (!present(arguments, 1)) milli = msFromTime(t);
    STEP("8");
    double newDate = MakeDate(Day(t), MakeTime(agent, HourFromTime(t), MinFromTime(t), s, milli));
    STEP("9");
    double v = TimeClip(agent, newDate);
    STEP("10");
    date->DateValue = v;
    STEP("11");
    return Value::number(v);
}

// ---- the string forms -----------------------------------------------------

// §21.4.4.35 Date.prototype.toDateString ( )
ThrowCompletionOr<Value> Date_prototype_toDateString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.todatestring");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double tv = date->DateValue;
    STEP("4");
    if (std::isnan(tv)) return ascii_value(agent, "Invalid Date");
    STEP("5");
    double t = LocalTime(tv);
    STEP("6");
    return ascii_value(agent, DateString(t));
}

// §21.4.4.36 Date.prototype.toISOString ( )
ThrowCompletionOr<Value> Date_prototype_toISOString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.toisostring");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double tv = date->DateValue;
    STEP("4");
    if (std::isnan(tv)) return throw_range_error(agent, "Invalid time value");
    STEP("5");
    SPEC_ASSERT(std::trunc(tv) == tv);
    STEP("6");  // every year of the time value range has an expanded-year form
    STEP("7");
    return ascii_value(agent, DateTimeStringFormat(tv));
}

// §21.4.4.37 Date.prototype.toJSON ( key )
ThrowCompletionOr<Value> Date_prototype_toJSON(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.tojson");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    Value tv = TRY(ToPrimitive(agent, O, PreferredType::Number));
    STEP("3");
    if (tv.is_number() && !std::isfinite(tv.as_number())) return Value::null();
    STEP("4");
    return TRY(Invoke(agent, O, agent.key("toISOString")));
}

// §21.4.4.38 - §21.4.4.40 toLocaleDateString, toLocaleString,
// toLocaleTimeString: without ECMA-402 their strings are host-defined;
// lockstep gives those of toDateString, toString and toTimeString.

// §21.4.4.38 Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> Date_prototype_toLocaleDateString(Agent& agent, BuiltinFunction& F, Value thisValue,
                                                           Arguments arguments, Object* NewTarget)
{
    return Date_prototype_toDateString(agent, F, thisValue, arguments, NewTarget);
}

// §21.4.4.41 Date.prototype.toString ( )
ThrowCompletionOr<Value> Date_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.tostring");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double tv = date->DateValue;
    STEP("4");
    return ToDateString(agent, tv);
}

// §21.4.4.39 Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> Date_prototype_toLocaleString(Agent& agent, BuiltinFunction& F, Value thisValue,
                                                       Arguments arguments, Object* NewTarget)
{
    return Date_prototype_toString(agent, F, thisValue, arguments, NewTarget);
}

// §21.4.4.42 Date.prototype.toTimeString ( )
ThrowCompletionOr<Value> Date_prototype_toTimeString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.totimestring");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double tv = date->DateValue;
    STEP("4");
    if (std::isnan(tv)) return ascii_value(agent, "Invalid Date");
    STEP("5");
    double t = LocalTime(tv);
    STEP("6");
    return ascii_value(agent, TimeString(t) + TimeZoneString(tv));
}

// §21.4.4.40 Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> Date_prototype_toLocaleTimeString(Agent& agent, BuiltinFunction& F, Value thisValue,
                                                           Arguments arguments, Object* NewTarget)
{
    return Date_prototype_toTimeString(agent, F, thisValue, arguments, NewTarget);
}

// §21.4.4.43 Date.prototype.toUTCString ( )
ThrowCompletionOr<Value> Date_prototype_toUTCString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.toutcstring");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double tv = date->DateValue;
    STEP("4");
    if (std::isnan(tv)) return ascii_value(agent, "Invalid Date");
    STEP("5");
    std::string weekday = kDayNames[size_t(WeekDay(tv))];
    STEP("6");
    std::string month = kMonthNames[size_t(MonthFromTime(tv))];
    STEP("7");
    std::string day = ToZeroPaddedDecimalString(DateFromTime(tv), 2);
    STEP("8");
    double yv = YearFromTime(tv);
    STEP("9");
    std::string yearSign = yv >= 0 ? "" : "-";
    STEP("10");
    std::string paddedYear = ToZeroPaddedDecimalString(std::fabs(yv), 4);
    STEP("11");
    return ascii_value(agent, weekday + ", " + day + " " + month + " " + yearSign + paddedYear + " " + TimeString(tv));
}

// §21.4.4.44 Date.prototype.valueOf ( )
ThrowCompletionOr<Value> Date_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.valueof");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    return Value::number(date->DateValue);
}

// §21.4.4.45 Date.prototype [ %Symbol.toPrimitive% ] ( hint )
ThrowCompletionOr<Value> Date_prototype_toPrimitive(Agent& agent, BuiltinFunction&, Value thisValue,
                                                    Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype-%symbol.toprimitive%");
    Value hint = argument(arguments, 0);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    if (!O.is_object()) return throw_type_error(agent, "Date.prototype[Symbol.toPrimitive] called on a non-object");
    PreferredType tryFirst;
    auto hint_is = [&](std::u16string_view text) { return hint.is_string() && hint.as_string()->view() == text; };
    STEP("3");
    if (hint_is(u"string") || hint_is(u"default")) {
        STEP("3.a");
        tryFirst = PreferredType::String;
    } else if (hint_is(u"number")) {
        STEP("4");
        STEP("4.a");
        tryFirst = PreferredType::Number;
    } else {
        STEP("5");
        STEP("5.a");
        return throw_type_error(agent, "Invalid hint: expected \"string\", \"number\" or \"default\"");
    }
    STEP("6");
    return TRY(OrdinaryToPrimitive(agent, *O.as_object(), tryFirst));
}

// ---- Annex B.2.3 Additional Properties of the Date.prototype Object -------

// §B.2.3.1 Date.prototype.getYear ( )
ThrowCompletionOr<Value> Date_prototype_getYear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.getyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    if (std::isnan(t)) return Value::number(NaN);
    STEP("5");
    return Value::number(YearFromTime(LocalTime(t)) - 1900);
}

// §B.2.3.2 Date.prototype.setYear ( year )
ThrowCompletionOr<Value> Date_prototype_setYear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                Object*)
{
    SPEC_ALGORITHM("sec-date.prototype.setyear");
    STEP("1");
    Value dateObject = thisValue;
    STEP("2");
    DateObject* date = TRY(require_date(agent, dateObject));
    STEP("3");
    double t = date->DateValue;
    STEP("4");
    double y = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("5");
    t = std::isnan(t) ? 0 : LocalTime(t);
    STEP("6");
    double yyyy = MakeFullYear(agent, y);
    STEP("7");
    double d = MakeDay(agent, yyyy, MonthFromTime(t), DateFromTime(t));
    STEP("8");
    double newDate = MakeDate(d, TimeWithinDay(t));
    STEP("9");
    double u = TimeClip(agent, UTC(agent, newDate));
    STEP("10");
    date->DateValue = u;
    STEP("11");
    return Value::number(u);
}

}  // namespace

// §21.4.4.41.4 ToDateString ( tv )
String* ToDateString(Agent& agent, double tv)
{
    SPEC_ALGORITHM("sec-todatestring");
    STEP("1");
    if (std::isnan(tv)) return make_string_from_ascii(agent.heap, "Invalid Date");
    STEP("2");
    double t = LocalTime(tv);
    STEP("3");
    return make_string_from_ascii(agent.heap, DateString(t) + " " + TimeString(t) + TimeZoneString(tv));
}

void CreateDateIntrinsics(Agent& agent, Realm& realm)
{
    // §21.4.2 The Date Constructor; §21.4.3: its "length" is 7.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Date_constructor, 7, agent.key("Date"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Date, constructor);
    // §21.4.4: an ordinary object, not a Date instance.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::DatePrototype, prototype);
    link_constructor_and_prototype(agent, *constructor, *prototype);

    // §21.4.3 Properties of the Date Constructor
    define_builtin_function(agent, realm, *constructor, "now", Date_now, 0);
    define_builtin_function(agent, realm, *constructor, "parse", Date_parse, 1);
    define_builtin_function(agent, realm, *constructor, "UTC", Date_UTC, 7);

    // §21.4.4 Properties of the Date Prototype Object, in the spec's order.
    const struct {
        const char* name;
        ThrowCompletionOr<Value> (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    } methods[] = {
        {"getDate", Date_prototype_getDate, 0},
        {"getDay", Date_prototype_getDay, 0},
        {"getFullYear", Date_prototype_getFullYear, 0},
        {"getHours", Date_prototype_getHours, 0},
        {"getMilliseconds", Date_prototype_getMilliseconds, 0},
        {"getMinutes", Date_prototype_getMinutes, 0},
        {"getMonth", Date_prototype_getMonth, 0},
        {"getSeconds", Date_prototype_getSeconds, 0},
        {"getTime", Date_prototype_getTime, 0},
        {"getTimezoneOffset", Date_prototype_getTimezoneOffset, 0},
        {"getUTCDate", Date_prototype_getUTCDate, 0},
        {"getUTCDay", Date_prototype_getUTCDay, 0},
        {"getUTCFullYear", Date_prototype_getUTCFullYear, 0},
        {"getUTCHours", Date_prototype_getUTCHours, 0},
        {"getUTCMilliseconds", Date_prototype_getUTCMilliseconds, 0},
        {"getUTCMinutes", Date_prototype_getUTCMinutes, 0},
        {"getUTCMonth", Date_prototype_getUTCMonth, 0},
        {"getUTCSeconds", Date_prototype_getUTCSeconds, 0},
        {"setDate", Date_prototype_setDate, 1},
        {"setFullYear", Date_prototype_setFullYear, 3},
        {"setHours", Date_prototype_setHours, 4},
        {"setMilliseconds", Date_prototype_setMilliseconds, 1},
        {"setMinutes", Date_prototype_setMinutes, 3},
        {"setMonth", Date_prototype_setMonth, 2},
        {"setSeconds", Date_prototype_setSeconds, 2},
        {"setTime", Date_prototype_setTime, 1},
        {"setUTCDate", Date_prototype_setUTCDate, 1},
        {"setUTCFullYear", Date_prototype_setUTCFullYear, 3},
        {"setUTCHours", Date_prototype_setUTCHours, 4},
        {"setUTCMilliseconds", Date_prototype_setUTCMilliseconds, 1},
        {"setUTCMinutes", Date_prototype_setUTCMinutes, 3},
        {"setUTCMonth", Date_prototype_setUTCMonth, 2},
        {"setUTCSeconds", Date_prototype_setUTCSeconds, 2},
        {"toDateString", Date_prototype_toDateString, 0},
        {"toISOString", Date_prototype_toISOString, 0},
        {"toJSON", Date_prototype_toJSON, 1},
        {"toLocaleDateString", Date_prototype_toLocaleDateString, 0},
        {"toLocaleString", Date_prototype_toLocaleString, 0},
        {"toLocaleTimeString", Date_prototype_toLocaleTimeString, 0},
        {"toString", Date_prototype_toString, 0},
        {"toTimeString", Date_prototype_toTimeString, 0},
        {"toUTCString", Date_prototype_toUTCString, 0},
        {"valueOf", Date_prototype_valueOf, 0},
        // Annex B.2.3
        {"getYear", Date_prototype_getYear, 0},
        {"setYear", Date_prototype_setYear, 1},
    };
    for (const auto& method : methods)
        define_builtin_function(agent, realm, *prototype, method.name, method.behaviour, method.length);
    // §B.2.3.3: the initial value of "toGMTString" is %Date.prototype.toUTCString%.
    Value toUTCString = MUST(Get(agent, *prototype, agent.key("toUTCString")));
    define_value_property(agent, *prototype, agent.key("toGMTString"), toUTCString, true, false, true);
    // §21.4.4.45: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    PropertyKey toPrimitive = agent.well_known_symbol(WellKnownSymbol::toPrimitive);
    define_value_property(agent, *prototype, toPrimitive,
                          CreateBuiltinFunction(agent, Date_prototype_toPrimitive, 1, toPrimitive, {.realm = &realm}),
                          false, false, true);
}

}  // namespace lockstep
