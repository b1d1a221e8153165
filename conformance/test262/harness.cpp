#include "conformance/test262/harness.h"

#include <fstream>
#include <sstream>

#include "conformance/test262/parse_phase.h"
#include "syntax/ast.h"   // ParseResult owns a Program
#include "syntax/parser.h"

namespace lockstep::conformance::test262 {

namespace {

HarnessFile ReadAndParse(const std::string& dir, const std::string& name)
{
    // Include names come from the tests' front matter: stay inside DIR/harness.
    if (name.empty() || name[0] == '/' || name.find("..") != std::string::npos)
        return {nullptr, "harness file name " + name + " does not name a file of the harness folder"};
    std::string file = dir + "/" + name;
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return {nullptr, "cannot read " + file};
    std::string source = text.str();
    if (!IsValidUtf8(source)) return {nullptr, file + " is not valid UTF-8"};
    syntax::ParseOptions options;
    options.goal = syntax::Goal::Script;
    syntax::ParseResult parsed = syntax::ParseProgram(source, options);
    if (parsed.error)
        return {nullptr, "harness/" + name + ": " + DescribeSyntaxError(*parsed.error, Scenario::NonStrict)};
    auto unit = std::make_shared<SourceUnit>();
    unit->program = std::move(parsed.program);
    unit->file_name = "harness/" + name;
    return {std::move(unit), ""};
}

}  // namespace

const HarnessFile& Harness::Load(const std::string& name)
{
    auto found = files_.find(name);
    if (found == files_.end()) found = files_.emplace(name, ReadAndParse(dir_, name)).first;
    return found->second;
}

const HarnessFile* Harness::Find(const std::string& name) const
{
    auto found = files_.find(name);
    return found == files_.end() ? nullptr : &found->second;
}

std::vector<std::string> Harness::FilesFor(const FrontMatter& front_matter)
{
    if (front_matter.flags.raw) return {};
    std::vector<std::string> files{"assert.js", "sta.js"};
    if (front_matter.flags.async) files.push_back("doneprintHandle.js");
    files.insert(files.end(), front_matter.includes.begin(), front_matter.includes.end());
    return files;
}

}  // namespace lockstep::conformance::test262
