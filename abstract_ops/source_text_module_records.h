// ECMA-262 §16.2.1.7 Source Text Module Records: ImportEntry and ExportEntry
// Records, ParseModule, and the concrete methods (GetExportedNames,
// ResolveExport, InitializeEnvironment, ExecuteModule — a module with
// top-level await runs its body through AsyncBlockStart on a
// SuspendableContext).
// https://tc39.es/ecma262/#sec-source-text-module-records
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "abstract_ops/module_records.h"
#include "algorithms/source_unit.h"
#include "syntax/parser.h"

namespace lockstep {

// Table "ImportEntry Record Fields". Names are views into the module's parse tree.
struct ImportEntryRecord {
    ModuleRequestRecord ModuleRequest;
    std::optional<std::u16string_view> ImportName;  // nullopt is ~namespace-object~
    std::u16string_view LocalName;
};

// Table "ExportEntry Record Fields".
struct ExportEntryImportName {
    enum class Kind : uint8_t { Null, All, AllButDefault, String };
    Kind kind = Kind::Null;
    std::u16string_view string;  // for Kind::String
    bool is_null() const { return kind == Kind::Null; }
    bool is_all() const { return kind == Kind::All; }
    bool is_all_but_default() const { return kind == Kind::AllButDefault; }
    bool is_string() const { return kind == Kind::String; }
};
struct ExportEntryRecord {
    std::optional<std::u16string_view> ExportName;     // nullopt is *null*
    std::optional<ModuleRequestRecord> ModuleRequest;  // nullopt is *null*
    ExportEntryImportName ImportName;
    std::optional<std::u16string_view> LocalName;      // nullopt is *null*
};

// Table "Additional Fields of Source Text Module Records".
class SourceTextModuleRecord final : public CyclicModuleRecord {
public:
    std::shared_ptr<SourceUnit> ECMAScriptCode;  // the Module parse node and its source
    std::optional<ExecutionContext> Context;     // nullopt is ~empty~
    Object* ImportMeta = nullptr;                // null is ~empty~
    std::vector<ImportEntryRecord> ImportEntries;
    std::vector<ExportEntryRecord> LocalExportEntries;
    std::vector<ExportEntryRecord> IndirectExportEntries;
    std::vector<ExportEntryRecord> StarExportEntries;

    std::string trace_name() const override;

    // §16.2.1.7.2.1 GetExportedNames ( [ exportStarSet ] )
    std::vector<std::u16string_view> GetExportedNames(Agent&, std::vector<ModuleRecord*>* exportStarSet = nullptr) override;
    // §16.2.1.7.2.2 ResolveExport ( exportName [ , resolveSet ] )
    ResolveExportResult ResolveExport(Agent&, std::u16string_view exportName, ResolveSet* resolveSet = nullptr) override;
    // §16.2.1.7.3.1 InitializeEnvironment ( )
    ThrowCompletionOr<void> InitializeEnvironment(Agent&) override;
    // §16.2.1.7.3.2 ExecuteModule ( [ capability ] )
    ThrowCompletionOr<void> ExecuteModule(Agent&, std::optional<PromiseCapabilityRecord> capability = std::nullopt) override;

    void visit_edges(Visitor&) override;
};

// §16.2.1.7.1 ParseModule ( sourceText, realm, hostDefined ): a Source Text
// Module Record or the (first) SyntaxError. sourceText is UTF-8; fileName
// names it in errors and is where its imports are resolved from.
std::variant<SourceTextModuleRecord*, syntax::SyntaxError> ParseModule(Agent&, std::string_view sourceText,
                                                                      Realm& realm, Value hostDefined,
                                                                      std::string fileName = "<module>");

}  // namespace lockstep
