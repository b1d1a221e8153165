// Module features other than graph evaluation: export default forms,
// namespace objects (§10.4.6), import() (§13.3.10) from scripts, JSON
// modules (§16.2.1.8), import.meta (§13.3.12), `this` at the top level.
#include "tests/modules/fixture.h"

namespace lockstep::testing {
namespace {

TEST_F(ModuleTest, ExportDefaultForms)
{
    add(u"f", "export default function () { return 'f'; }");
    add(u"c", "export default class { static k = 'c'; }");
    add(u"e", "export default (1, 2) + 1;");
    add(u"arrow", "export default () => 1;");
    add(u"main", "import f from 'f'; import C from 'c'; import e from 'e'; import arrow from 'arrow';"
                 "log(f.name); log(f()); log(C.name); log(C.k); log(e); log(arrow.name); log(typeof this);");
    PromiseObject* promise = run(u"main");
    ASSERT_TRUE(promise);
    EXPECT_EQ(promise->PromiseState, PromiseState::Fulfilled) << describe(promise->PromiseResult);
    EXPECT_EQ(host.log, "default,f,default,c,3,default,undefined");
}

// Function declarations are instantiated by InitializeEnvironment (step
// 24.a.iii), so a module that imports from a cycle can call them before
// the exporting module's body runs.
TEST_F(ModuleTest, HoistedFunctionsAcrossACycle)
{
    add(u"a", "import { hello } from 'b'; export function name() { return 'a'; } log(hello());");
    add(u"b", "import { name } from 'a'; export function hello() { return 'hi'; } log(name());");
    PromiseObject* promise = run(u"a");
    ASSERT_TRUE(promise);
    EXPECT_EQ(promise->PromiseState, PromiseState::Fulfilled) << describe(promise->PromiseResult);
    EXPECT_EQ(host.log, "a,hi");
}

TEST_F(ModuleTest, NamespaceObjectInvariants)
{
    add(u"lib", "export let b = 2; export const a = 1; export { a as 'z z' }; export default 0;");
    add(u"main", R"(
        import * as ns from 'lib';
        log(Object.keys(ns).join('|'));
        log(ns[Symbol.toStringTag]);
        log(Object.getPrototypeOf(ns));
        log(Object.isExtensible(ns));
        log(Reflect.set(ns, 'a', 5));
        log(Reflect.deleteProperty(ns, 'a'));
        log(Reflect.deleteProperty(ns, 'nope'));
        log(Reflect.defineProperty(ns, 'a', { value: 1 }));
        log(Reflect.defineProperty(ns, 'a', { value: 2 }));
        const d = Object.getOwnPropertyDescriptor(ns, 'b');
        log([d.value, d.writable, d.enumerable, d.configurable].join('|'));
        log(Reflect.setPrototypeOf(ns, {}));
        log('a' in ns);
    )");
    PromiseObject* promise = run(u"main");
    ASSERT_TRUE(promise);
    EXPECT_EQ(promise->PromiseState, PromiseState::Fulfilled) << describe(promise->PromiseResult);
    EXPECT_EQ(host.log, "a|b|default|z z,Module,null,false,false,false,true,true,false,2|true|true|false,false,true");
}

// A namespace property read before the exporting module initialized the
// binding is a ReferenceError (its binding is in the TDZ).
TEST_F(ModuleTest, NamespaceReadInTheTemporalDeadZone)
{
    add(u"a", "import * as b from 'b'; export const x = 1;");
    add(u"b", "import * as a from 'a'; try { a.x; } catch (e) { log(e.constructor.name); } export const y = 2;");
    PromiseObject* promise = run(u"a");
    ASSERT_TRUE(promise);
    EXPECT_EQ(host.log, "ReferenceError");
}

TEST_F(ModuleTest, DynamicImportFromAScript)
{
    add(u"lib", "export const value = 42; log('lib');");
    Completion result = script("import('lib').then(ns => log(ns.value + ':' + ns[Symbol.toStringTag]));"
                               "import('lib').then(ns => log('again'));"
                               "import('missing').catch(e => log(e.constructor.name));");
    EXPECT_TRUE(result.is_normal());
    EXPECT_EQ(host.log, "lib,TypeError,42:Module,again");
    EXPECT_EQ(host.modules.size(), 1u);
}

TEST_F(ModuleTest, DynamicImportOptionsAreValidated)
{
    add(u"lib", "");
    EXPECT_TRUE(script("import('lib', 1).catch(e => log(e.constructor.name));"
           "import('lib', { with: 1 }).catch(e => log(e.constructor.name));"
           "import('lib', { with: { type: 1 } }).catch(e => log(e.constructor.name));"
           "import('lib', { with: { colour: 'red' } }).catch(e => log(e.constructor.name));"
           "import({ toString() { throw new RangeError(); } }).catch(e => log(e.constructor.name));")
                    .is_normal());
    EXPECT_EQ(host.log, "TypeError,TypeError,TypeError,TypeError,RangeError");
}

// A module with top-level await imported dynamically: the import() promise
// settles once the module's evaluation promise does.
TEST_F(ModuleTest, DynamicImportOfAnAsyncModule)
{
    add(u"slow", "log('start'); await null; log('end'); export const done = true;");
    EXPECT_TRUE(script("import('slow').then(ns => log('ns:' + ns.done));").is_normal());
    EXPECT_EQ(host.log, "start,end,ns:true");
}

TEST_F(ModuleTest, JsonModule)
{
    add(u"data.json", R"({ "name": "lockstep", "list": [1, 2] })");
    add(u"main", "import data from 'data.json' with { type: 'json' }; log(data.name + data.list.length);");
    PromiseObject* promise = run(u"main");
    ASSERT_TRUE(promise);
    EXPECT_EQ(promise->PromiseState, PromiseState::Fulfilled) << describe(promise->PromiseResult);
    EXPECT_EQ(host.log, "lockstep2");
}

TEST_F(ModuleTest, InvalidJsonModuleRejectsLoading)
{
    add(u"bad.json", "{ nope }");
    add(u"main", "import data from 'bad.json' with { type: 'json' };");
    std::string error;
    EXPECT_EQ(run(u"main", &error), nullptr);
    EXPECT_EQ(error.rfind("SyntaxError", 0), 0u) << error;
}

TEST_F(ModuleTest, ImportMetaIsOneObjectPerModule)
{
    add(u"main", "log(Object.getPrototypeOf(import.meta)); log(import.meta === import.meta);");
    PromiseObject* promise = run(u"main");
    ASSERT_TRUE(promise);
    EXPECT_EQ(host.log, "null,true");
}

}  // namespace
}  // namespace lockstep::testing
