// §26 Managing Memory: WeakRef and FinalizationRegistry as scripts see them.
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

using WeakRefsTest = ScriptTest;

TEST_F(WeakRefsTest, DerefAnswersTheTargetAndKeepsItForTheJob)
{
    EXPECT_EQ(eval("var o = {}; var w = new WeakRef(o); w.deref() === o"), "true");
    EXPECT_EQ(eval("var s = Symbol('local'); new WeakRef(s).deref() === s"), "true");
    EXPECT_EQ(eval("try { new WeakRef(Symbol.for('registered')) } catch (e) { e.name }"), "TypeError");
    EXPECT_EQ(eval("try { WeakRef({}) } catch (e) { e.name }"), "TypeError");
    EXPECT_EQ(eval("Object.prototype.toString.call(new WeakRef({}))"), "[object WeakRef]");
}

TEST_F(WeakRefsTest, RegisterAndUnregisterFollowTheCells)
{
    EXPECT_EQ(eval("var r = new FinalizationRegistry(() => {}); var t = {}, token = {};"
                   "r.register(t, 'a', token); r.register({}, 'b', token); r.register({}, 'c');"
                   "[r.unregister(token), r.unregister(token), r.unregister({})].join()"),
              "true,false,false");
    EXPECT_EQ(eval("var r = new FinalizationRegistry(() => {}); var t = {};"
                   "try { r.register(t, t) } catch (e) { e.name }"),
              "TypeError");
    EXPECT_EQ(eval("var r = new FinalizationRegistry(() => {});"
                   "try { r.register({}, 1, 'not weak') } catch (e) { e.name }"),
              "TypeError");
    EXPECT_EQ(eval("try { new FinalizationRegistry(42) } catch (e) { e.name }"), "TypeError");
}

}  // namespace lockstep::testing
