// ECMA-262 §16.1 Scripts: Script Records, ParseScript, ScriptEvaluation,
// GlobalDeclarationInstantiation. The entry point for running a script:
//
//   auto parsed = ParseScript(agent, source, realm, hostDefined, "file.js");
//   if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) …
//   Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
//   Completion result = ScriptEvaluation(agent, *script);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "algorithms/source_unit.h"
#include "runtime/completion.h"
#include "runtime/execution_context.h"
#include "runtime/host.h"
#include "runtime/realm.h"
#include "syntax/parser.h"

namespace lockstep {

class Agent;
class Realm;

// §16.1.4 Script Records (Table "Script Record Fields").
class ScriptRecord final : public ScriptOrModule {
public:
    lockstep::Realm* Realm = nullptr;
    std::shared_ptr<SourceUnit> ECMAScriptCode;  // the Script parse node and its source
    std::vector<lockstep::Realm::LoadedModuleRequest> LoadedModules;
    Value HostDefined = Value::undefined();

    bool is_module() const override { return false; }
    void visit_edges(Visitor&) override;
};

// §16.1.5 ParseScript ( sourceText, realm, hostDefined ): a Script Record, or
// the (first) SyntaxError. sourceText is UTF-8; fileName names it in errors.
std::variant<ScriptRecord*, syntax::SyntaxError> ParseScript(Agent&, std::string_view sourceText, Realm& realm,
                                                             Value hostDefined, std::string fileName = "<script>");

// ParseScript's step 3 for a Script already parsed (a host may parse a file
// once and run it in many realms): the Script Record { [[Realm]]: realm,
// [[ECMAScriptCode]]: script, [[LoadedModules]]: « », [[HostDefined]]: hostDefined }.
// The record shares `script`, which must hold a Script (not a Module) parse.
ScriptRecord* CreateScriptRecord(Agent&, std::shared_ptr<SourceUnit> script, Realm& realm, Value hostDefined);

// §16.1.6 ScriptEvaluation ( scriptRecord ): a normal or throw completion.
Completion ScriptEvaluation(Agent&, ScriptRecord& scriptRecord);

}  // namespace lockstep
