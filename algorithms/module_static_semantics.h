// ECMA-262 §16.2 static semantics of modules: ModuleRequests (§16.2.1.4),
// ImportedLocalNames (§16.2.1.2), ImportEntries (§16.2.2.2),
// WithClauseToAttributes (§16.2.2.4), ExportEntries (§16.2.3.4), and the
// scope analysis of a Module (§8.2: its VarScopedDeclarations and
// LexicallyScopedDeclarations, `Contains await`).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "abstract_ops/source_text_module_records.h"
#include "syntax/ast.h"

namespace lockstep {

// §16.2.1.4 ModuleRequests of a Module, without duplicates, in source order.
std::vector<ModuleRequestRecord> ModuleRequests(const syntax::Program& module);
// §16.2.2.2 ImportEntries of a Module.
std::vector<ImportEntryRecord> ImportEntries(const syntax::Program& module);
// §16.2.1.2 ImportedLocalNames ( importEntries )
std::vector<std::u16string_view> ImportedLocalNames(const std::vector<ImportEntryRecord>& importEntries);
// §16.2.3.4 ExportEntries of a Module.
std::vector<ExportEntryRecord> ExportEntries(const syntax::Program& module);
// §16.2.2.4 WithClauseToAttributes of a WithClause (sorted by [[Key]]).
std::vector<ImportAttributeRecord> WithClauseToAttributes(std::span<const syntax::ImportAttribute> withClause);
// The StringValue of a ModuleExportName (an IdentifierName or a StringLiteral).
std::u16string_view ModuleExportNameValue(const syntax::Node& name);

// §8.2.6 VarScopedDeclarations of a ModuleItemList.
void ModuleVarScopedDeclarations(syntax::NodeList items, std::vector<const syntax::Node*>& out);
// §8.2.4 LexicallyScopedDeclarations of a ModuleItemList: an
// `export default AssignmentExpression ;` is its ExportDeclaration node,
// whose BoundNames are « "*default*" » (ModuleBoundNames).
void ModuleLexicallyScopedDeclarations(syntax::NodeList items, std::vector<const syntax::Node*>& out);
// §8.2.1 BoundNames, also of an `export default` declaration.
void ModuleBoundNames(const syntax::Node* declaration, std::vector<syntax::Name>& names);
// §8.5.1 Contains: `Module Contains await` (ParseModule step 11).
bool ModuleContainsAwait(const syntax::Program& module);

}  // namespace lockstep
