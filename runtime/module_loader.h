// Module loading for hosts that keep modules in files (the CLI, the test262
// runner): HostLoadImportedModule (§16.2.1.10) resolves a specifier against
// the file of the script or module that imports it (relative file names,
// and a realm's imports, are relative to `base_directory`), reads the file, parses it as a Source Text Module
// Record — or, with `with { type: "json" }`, as a JSON module
// (ParseJSONModule) — and calls FinishLoadingImportedModule at once.
//
// One Module Record per (realm, resolved path, attributes): loading the same
// request again gives the same record, as HostLoadImportedModule requires.
// A file that cannot be read completes the load with a TypeError, a file
// that does not parse with a SyntaxError, both naming the file.
#pragma once

#include <string>
#include <vector>

#include "abstract_ops/module_records.h"
#include "runtime/root.h"

namespace lockstep {

class FileModuleLoader {
public:
    // What relative file names are relative to (and where a realm — an
    // import() with no active script or module — imports from).
    std::string base_directory = ".";

    // §16.2.1.10 HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload )
    void HostLoadImportedModule(Agent&, ModuleReferrer referrer, const ModuleRequestRecord& moduleRequest,
                                Value hostDefined, ModuleLoadPayload payload);
    // §16.2.1.11 the attribute keys this loader understands: « "type" ».
    static std::vector<std::u16string> SupportedImportAttributes();

    // Makes `module` (parsed by the host itself, e.g. the entry module) the
    // record for `path` in `realm`, so that imports of that file get it.
    void register_module(Realm& realm, const std::string& path, ModuleRecord& module);

    // The file name a referrer's relative specifiers are resolved against.
    std::string referrer_file(ModuleReferrer referrer) const;
    // The normalised path of `specifier` imported from `referrerFile` ("" for a realm).
    std::string resolve(const std::string& referrerFile, const std::u16string& specifier) const;
    // `path` without . and .. parts (file names stay relative to base_directory).
    std::string normalise(const std::string& path) const;
    // Where the file of that name is.
    std::string file_system_path(const std::string& path) const;

private:
    struct Key {
        Realm* realm;
        std::string path;
        std::vector<ImportAttributeRecord> attributes;
    };
    ModuleRecord* find(Realm* realm, const std::string& path, const std::vector<ImportAttributeRecord>& attributes);
    ThrowCompletionOr<ModuleRecord*> load(Agent&, Realm& realm, const std::string& path,
                                          const ModuleRequestRecord& moduleRequest);

    std::vector<Key> keys_;
    List<ModuleRecord*> modules_;  // modules_[i] is the record for keys_[i]
};

// A DefaultHost whose modules are files (the CLI's and the test262 runner's
// hosts derive from it).
class FileModuleHost : public DefaultHost {
public:
    void HostLoadImportedModule(Agent& agent, ModuleReferrer referrer, const ModuleRequestRecord& moduleRequest,
                                Value hostDefined, ModuleLoadPayload payload) override
    {
        loader.HostLoadImportedModule(agent, referrer, moduleRequest, hostDefined, payload);
    }
    std::vector<std::u16string> HostGetSupportedImportAttributes(Agent&) override
    {
        return FileModuleLoader::SupportedImportAttributes();
    }

    FileModuleLoader loader;
};

}  // namespace lockstep
