// The file module loader the CLI and the test262 host share
// (runtime/module_loader.h): specifiers resolve relative to the importing
// file, one record per (realm, path, attributes), JSON modules, and errors
// that name the file.
#include <filesystem>
#include <fstream>

#include "runtime/module_loader.h"
#include "tests/modules/fixture.h"

namespace lockstep::testing {
namespace {

class FileLoaderTest : public ::testing::Test {
protected:
    FileLoaderTest()
    {
        MUST(InitializeHostDefinedRealm(agent));
        dir = std::filesystem::temp_directory_path() /
              ("lockstep_modules_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir / "sub");
    }
    ~FileLoaderTest() override { std::filesystem::remove_all(dir); }

    void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }

    // Runs `name` as the entry module; the evaluation promise, or the error
    // of loading or linking.
    std::pair<PromiseObject*, std::string> run(const std::string& name)
    {
        std::ifstream in(dir / name);
        std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string file = (dir / name).string();
        auto parsed = ParseModule(agent, source, *agent.current_realm(), Value::undefined(), file);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return {nullptr, error->message};
        Root<ModuleRecord*> module(std::get<SourceTextModuleRecord*>(parsed));
        host.loader.register_module(*agent.current_realm(), file, *module.get());
        auto* load = as_promise(module->LoadRequestedModules(agent));
        MUST(agent.run_jobs());
        if (load->PromiseState == PromiseState::Rejected) return {nullptr, message(load->PromiseResult)};
        if (auto link = module->Link(agent); link.is_abrupt()) return {nullptr, message(link.thrown_value())};
        auto* promise = as_promise(module->Evaluate(agent));
        MUST(agent.run_jobs());
        return {promise, promise->PromiseState == PromiseState::Rejected ? message(promise->PromiseResult) : ""};
    }

    std::string message(Value error)
    {
        return MUST(ToString(agent, MUST(Get(agent, *error.as_object(), agent.key("message")))))->to_utf8();
    }
    Value global(const char* name) { return MUST(Get(agent, *agent.current_realm()->GlobalObject, agent.key(name))); }

    FileModuleHost host;
    Agent agent{host};
    std::filesystem::path dir;
};

TEST_F(FileLoaderTest, RelativeSpecifiersJsonAndSelfImport)
{
    write("main.mjs", "import { twice } from './sub/lib.mjs'; import data from './data.json' with { type: 'json' };"
                      "import * as self from './main.mjs'; export const marker = 1;"
                      "globalThis.result = twice(data.n) + ':' + (self.marker === 1);");
    write("sub/lib.mjs", "import { one } from '../one.mjs'; export function twice(x) { return 2 * x * one; }");
    write("one.mjs", "export const one = 1;");
    write("data.json", "{ \"n\": 21 }");
    auto [promise, error] = run("main.mjs");
    ASSERT_TRUE(promise) << error;
    EXPECT_EQ(promise->PromiseState, PromiseState::Fulfilled) << error;
    EXPECT_EQ(MUST(ToString(agent, global("result")))->to_utf8(), "42:true");
}

TEST_F(FileLoaderTest, MissingFileNamesThePath)
{
    write("main.mjs", "import './nowhere.mjs';");
    auto [promise, error] = run("main.mjs");
    EXPECT_FALSE(promise);
    EXPECT_NE(error.find("nowhere.mjs"), std::string::npos) << error;
}

TEST_F(FileLoaderTest, SyntaxErrorInAnImportedFileNamesTheFile)
{
    write("main.mjs", "import './broken.mjs';");
    write("broken.mjs", "export const = 1;");
    auto [promise, error] = run("main.mjs");
    EXPECT_FALSE(promise);
    EXPECT_NE(error.find("broken.mjs:1:"), std::string::npos) << error;
}

TEST_F(FileLoaderTest, SameRequestGivesTheSameRecord)
{
    write("main.mjs", "import * as a from './lib.mjs'; import * as b from './sub/../lib.mjs';"
                      "globalThis.same = a === b;");
    write("lib.mjs", "export let x = 1;");
    auto [promise, error] = run("main.mjs");
    ASSERT_TRUE(promise) << error;
    EXPECT_TRUE(global("same").as_bool());
}

}  // namespace
}  // namespace lockstep::testing
