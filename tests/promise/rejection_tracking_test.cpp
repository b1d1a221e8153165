// HostPromiseRejectionTracker (§27.2.1.9): "reject" when a promise is
// rejected with no handler (RejectPromise step 7), "handle" when a handler
// is first added to a rejected one (PerformPromiseThen step 11.c).
#include "tests/promise/fixture.h"

namespace lockstep::testing {
namespace {

class RejectionTrackingTest : public PromiseTest {
protected:
    // The tracker calls so far as "reject:<name>" / "handle:<name>", cleared.
    std::string take_rejections(std::initializer_list<std::pair<Value, const char*>> names)
    {
        std::string out;
        for (const auto& [promise, operation] : host.rejections) {
            std::string name = "?";
            for (const auto& [candidate, candidateName] : names)
                if (candidate.is_identical(promise)) name = candidateName;
            out += (out.empty() ? "" : ",") +
                   std::string(operation == PromiseRejectionOperation::Reject ? "reject:" : "handle:") + name;
        }
        host.rejections.clear();
        return out;
    }
};

TEST_F(RejectionTrackingTest, UnhandledRejectionReportedThenHandled)
{
    Value p = rejected(num(1));
    EXPECT_EQ(take_rejections({{p, "p"}}), "reject:p");
    Value q = invoke(p, "catch", {logger("caught")});
    EXPECT_EQ(take_rejections({{p, "p"}}), "handle:p");
    // A second handler on the now handled promise is not reported again.
    invoke(p, "catch", {logger("again")});
    EXPECT_EQ(take_rejections({{p, "p"}}), "");
    run();
    EXPECT_EQ(take_log(), "caught:1,again:1");
    EXPECT_EQ(state(q), PromiseState::Fulfilled);
    EXPECT_EQ(take_rejections({{p, "p"}, {q, "q"}}), "");
}

TEST_F(RejectionTrackingTest, RejectingAPromiseWithAHandlerIsNotReported)
{
    Deferred d = deferred();
    then(d.promise, logger("f"), logger("r"));
    call(d.reject, num(2));
    EXPECT_EQ(take_rejections({{d.promise, "d"}}), "");
    run();
    EXPECT_EQ(take_log(), "r:2");
}

// then(f) without onRejected marks p handled, but the derived promise q is
// rejected (in the reaction job) with nobody listening: q is reported.
TEST_F(RejectionTrackingTest, DerivedPromiseWithoutHandlerIsReported)
{
    Deferred d = deferred();
    Value q = then(d.promise, logger("f"));
    call(d.reject, num(3));
    EXPECT_EQ(take_rejections({{d.promise, "p"}, {q, "q"}}), "");
    run();
    EXPECT_EQ(take_rejections({{d.promise, "p"}, {q, "q"}}), "reject:q");
    invoke(q, "catch", {logger("late")});
    EXPECT_EQ(take_rejections({{d.promise, "p"}, {q, "q"}}), "handle:q");
    run();
    EXPECT_EQ(take_log(), "late:3");
}

TEST_F(RejectionTrackingTest, ExecutorThrowIsAnUnhandledRejection)
{
    Value executor = function([](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                 Object*) -> ThrowCompletionOr<Value> { return ThrowCompletion(Value::number(6)); });
    Value p = MUST(Construct(agent, *Promise(), std::vector<Value>{executor}));
    EXPECT_EQ(text(result(p)), "6");
    EXPECT_EQ(state(p), PromiseState::Rejected);
    EXPECT_EQ(take_rejections({{p, "p"}}), "reject:p");
}

// Promise.all subscribes to each element with `then`: a rejected element is
// handled synchronously; the result promise is rejected later, unhandled.
TEST_F(RejectionTrackingTest, PromiseAllHandlesItsElements)
{
    Value element = rejected(num(4));
    Object* list = CreateArrayFromList(agent, std::vector<Value>{element});
    Value all = invoke(Promise(), "all", {list});
    EXPECT_EQ(take_rejections({{element, "element"}, {all, "all"}}), "reject:element,handle:element");
    run();
    EXPECT_EQ(take_rejections({{element, "element"}, {all, "all"}}), "reject:all");
    EXPECT_EQ(text(result(all)), "4");
}

// A rejection through a thenable job: the tracker runs when the job rejects.
TEST_F(RejectionTrackingTest, RejectionThroughAThenableIsReportedWhenTheJobRuns)
{
    Value inner = rejected(num(5));
    host.rejections.clear();
    Deferred outer = deferred();
    call(outer.resolve, inner);  // inner is handled only once the thenable job calls inner.then
    EXPECT_EQ(take_rejections({{inner, "inner"}, {outer.promise, "outer"}}), "");
    run();
    EXPECT_EQ(take_rejections({{inner, "inner"}, {outer.promise, "outer"}}), "handle:inner,reject:outer");
}

}  // namespace
}  // namespace lockstep::testing
