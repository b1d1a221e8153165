#include "runtime/module_loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "abstract_ops/source_text_module_records.h"
#include "abstract_ops/synthetic_module_records.h"
#include "algorithms/scripts.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

bool SameAttributes(const std::vector<ImportAttributeRecord>& a, const std::vector<ImportAttributeRecord>& b)
{
    return ModuleRequestsEqual(u"", a, u"", b);
}

// The value of the "type" attribute, or "" when there is none.
std::u16string TypeAttribute(const std::vector<ImportAttributeRecord>& attributes)
{
    for (const ImportAttributeRecord& attribute : attributes)
        if (attribute.Key == u"type") return attribute.Value;
    return u"";
}

}  // namespace

std::vector<std::u16string> FileModuleLoader::SupportedImportAttributes()
{
    return {u"type"};
}

std::string FileModuleLoader::referrer_file(ModuleReferrer referrer) const
{
    if (std::holds_alternative<Realm*>(referrer)) return "";
    ScriptOrModule* scriptOrModule = std::get<ScriptOrModule*>(referrer);
    if (!scriptOrModule->is_module()) return static_cast<ScriptRecord*>(scriptOrModule)->ECMAScriptCode->file_name;
    if (auto* module = dynamic_cast<SourceTextModuleRecord*>(scriptOrModule)) return module->ECMAScriptCode->file_name;
    return "";
}

std::string FileModuleLoader::resolve(const std::string& referrerFile, const std::u16string& specifier) const
{
    std::filesystem::path target(utf16_to_utf8(specifier));
    if (target.is_relative()) target = std::filesystem::path(referrerFile).parent_path() / target;
    return normalise(target.string());
}

std::string FileModuleLoader::normalise(const std::string& path) const
{
    return std::filesystem::path(path).lexically_normal().string();
}

std::string FileModuleLoader::file_system_path(const std::string& path) const
{
    std::filesystem::path target(path);
    if (target.is_relative()) target = std::filesystem::path(base_directory) / target;
    return target.lexically_normal().string();
}

ModuleRecord* FileModuleLoader::find(Realm* realm, const std::string& path,
                                     const std::vector<ImportAttributeRecord>& attributes)
{
    for (size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i].realm == realm && keys_[i].path == path && SameAttributes(keys_[i].attributes, attributes))
            return modules_[i];
    return nullptr;
}

void FileModuleLoader::register_module(Realm& realm, const std::string& path, ModuleRecord& module)
{
    keys_.push_back(Key{&realm, normalise(path), {}});
    modules_.append(&module);
}

ThrowCompletionOr<ModuleRecord*> FileModuleLoader::load(Agent& agent, Realm& realm, const std::string& path,
                                                        const ModuleRequestRecord& moduleRequest)
{
    // Loading recurses through the graph (InnerModuleLoading → this host →
    // FinishLoadingImportedModule → …): an implementation limit on its depth.
    if (agent.heap.native_stack_exhausted())
        return throw_range_error(agent, "the module graph is nested too deeply to load " + path);
    std::u16string type = TypeAttribute(moduleRequest.Attributes);
    if (!type.empty() && type != u"json")
        return throw_type_error(agent, "unsupported module type '" + utf16_to_utf8(type) + "' for " + path);
    std::ifstream in(file_system_path(path), std::ios::binary);
    if (!in || std::filesystem::is_directory(file_system_path(path)))
        return throw_type_error(agent, "cannot load module '" + utf16_to_utf8(moduleRequest.Specifier) + "': " +
                                           path + " cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string source = buffer.str();

    ModuleRecord* module = nullptr;
    if (type == u"json") {
        Root<String*> text(make_string(agent.heap, utf8_to_utf16(source)));
        module = TRY(ParseJSONModule(agent, *text.get()));
    } else {
        auto parsed = ParseModule(agent, source, realm, Value::undefined(), path);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed))
            return throw_error(agent, ErrorType::SyntaxError,
                               path + ":" + std::to_string(error->position.line) + ":" +
                                   std::to_string(error->position.column) + ": " + error->message);
        module = std::get<SourceTextModuleRecord*>(parsed);
    }
    module->Realm = &realm;
    keys_.push_back(Key{&realm, path, moduleRequest.Attributes});
    modules_.append(module);
    return module;
}

void FileModuleLoader::HostLoadImportedModule(Agent& agent, ModuleReferrer referrer,
                                              const ModuleRequestRecord& moduleRequest, Value,
                                              ModuleLoadPayload payload)
{
    Realm* realm = nullptr;
    if (Realm** referrerRealm = std::get_if<Realm*>(&referrer)) {
        realm = *referrerRealm;
    } else {
        ScriptOrModule* scriptOrModule = std::get<ScriptOrModule*>(referrer);
        realm = scriptOrModule->is_module() ? static_cast<ModuleRecord*>(scriptOrModule)->Realm
                                            : static_cast<ScriptRecord*>(scriptOrModule)->Realm;
    }
    std::string path = resolve(referrer_file(referrer), moduleRequest.Specifier);
    ModuleRecord* cached = find(realm, path, moduleRequest.Attributes);
    ThrowCompletionOr<ModuleRecord*> result =
        cached ? ThrowCompletionOr<ModuleRecord*>(cached) : load(agent, *realm, path, moduleRequest);
    Root<Value> thrown(result.is_abrupt() ? result.thrown_value() : Value::undefined());
    FinishLoadingImportedModule(agent, referrer, moduleRequest, payload, result);
}

}  // namespace lockstep
