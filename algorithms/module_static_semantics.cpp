// ECMA-262 §16.2 static semantics of modules.
#include "algorithms/module_static_semantics.h"

#include <algorithm>

#include "algorithms/static_semantics.h"
#include "syntax/ast_children.h"

namespace lockstep {

using namespace syntax;

namespace {

using Form = ExportDeclaration::Form;

// The ModuleRequest Record of an ImportDeclaration or an ExportDeclaration
// with a FromClause (§16.2.1.4 algorithms 5-10).
ModuleRequestRecord ModuleRequestOf(const StringLiteral& specifier, std::span<const ImportAttribute> withClause)
{
    return ModuleRequestRecord{std::u16string(specifier.value), WithClauseToAttributes(withClause)};
}

std::optional<ModuleRequestRecord> ModuleRequestOf(const Node& item)
{
    if (item.kind == NodeKind::ImportDeclaration) {
        auto* d = item.as<ImportDeclaration>();
        return ModuleRequestOf(*d->module_specifier, d->attributes);
    }
    if (item.kind == NodeKind::ExportDeclaration) {
        auto* d = item.as<ExportDeclaration>();
        if (d->module_specifier) return ModuleRequestOf(*d->module_specifier, d->attributes);
    }
    return std::nullopt;
}

}  // namespace

std::u16string_view ModuleExportNameValue(const Node& name)
{
    return name.kind == NodeKind::StringLiteral ? name.as<StringLiteral>()->value : name.as<Identifier>()->name;
}

std::vector<ImportAttributeRecord> WithClauseToAttributes(std::span<const ImportAttribute> withClause)
{
    SPEC_ALGORITHM("sec-withclausetoattributes#2");
    STEP("1");
    std::vector<ImportAttributeRecord> attributes;
    for (const ImportAttribute& entry : withClause) {
        // WithEntries : AttributeKey : StringLiteral — its PropName and SV
        std::u16string_view key = ModuleExportNameValue(*entry.key);
        attributes.push_back(ImportAttributeRecord{std::u16string(key), std::u16string(entry.value->value)});
    }
    STEP("2");
    std::stable_sort(attributes.begin(), attributes.end(),
                     [](const ImportAttributeRecord& a, const ImportAttributeRecord& b) { return a.Key < b.Key; });
    STEP("3");
    return attributes;
}

std::vector<ModuleRequestRecord> ModuleRequests(const Program& module)
{
    SPEC_ALGORITHM("sec-static-semantics-modulerequests#3");
    STEP("1");
    std::vector<ModuleRequestRecord> requests;
    for (const Node* item : module.body) {
        STEP("2");
        std::optional<ModuleRequestRecord> mr = ModuleRequestOf(*item);
        if (!mr) continue;
        STEP("3");
        STEP("3.a");
        bool contained = std::any_of(requests.begin(), requests.end(),
                                     [&](const ModuleRequestRecord& mr2) { return ModuleRequestsEqual(*mr, mr2); });
        if (!contained) {
            STEP("3.a.i");
            requests.push_back(std::move(*mr));
        }
    }
    STEP("4");
    return requests;
}

std::vector<ImportEntryRecord> ImportEntries(const Program& module)
{
    // §16.2.2.2 ImportEntries and §16.2.2.3 ImportEntriesForModule.
    std::vector<ImportEntryRecord> entries;
    for (const Node* item : module.body) {
        if (item->kind != NodeKind::ImportDeclaration) continue;
        auto* d = item->as<ImportDeclaration>();
        ModuleRequestRecord module_request = ModuleRequestOf(*d->module_specifier, d->attributes);
        // ImportedDefaultBinding: « { [[ModuleRequest]], [[ImportName]]: "default", [[LocalName]] } »
        if (d->default_binding) entries.push_back({module_request, u"default", d->default_binding->name});
        // NameSpaceImport: [[ImportName]]: ~namespace-object~
        if (d->namespace_binding) entries.push_back({module_request, std::nullopt, d->namespace_binding->name});
        // ImportSpecifier: [[ImportName]] the StringValue of the ModuleExportName (or of the ImportedBinding)
        for (const ModuleSpecifier* s : d->named)
            entries.push_back({module_request, ModuleExportNameValue(*s->imported), s->local->as<Identifier>()->name});
    }
    return entries;
}

std::vector<std::u16string_view> ImportedLocalNames(const std::vector<ImportEntryRecord>& importEntries)
{
    SPEC_ALGORITHM("sec-importedlocalnames");
    STEP("1");
    std::vector<std::u16string_view> localNames;
    STEP("2");
    for (const ImportEntryRecord& i : importEntries) {
        STEP("2.a");
        localNames.push_back(i.LocalName);
    }
    STEP("3");
    return localNames;
}

std::vector<ExportEntryRecord> ExportEntries(const Program& module)
{
    // §16.2.3.4 ExportEntries and §16.2.3.5 ExportEntriesForModule.
    using ImportName = ExportEntryImportName;
    std::vector<ExportEntryRecord> entries;
    std::vector<Name> names;
    for (const Node* item : module.body) {
        if (item->kind != NodeKind::ExportDeclaration) continue;
        auto* d = item->as<ExportDeclaration>();
        std::optional<ModuleRequestRecord> module_request = ModuleRequestOf(*d);
        switch (d->form) {
        case Form::ExportAllFrom:  // export * from m: ~all-but-default~
            entries.push_back({std::nullopt, module_request, {ImportName::Kind::AllButDefault, {}}, std::nullopt});
            break;
        case Form::ExportNamespaceFrom:  // export * as ns from m: ~all~
            entries.push_back({ModuleExportNameValue(*d->namespace_name), module_request,
                               {ImportName::Kind::All, {}}, std::nullopt});
            break;
        case Form::ExportNamedFrom:
        case Form::ExportNamed:
            for (const ModuleSpecifier* s : d->specifiers) {
                // ExportSpecifier : ModuleExportName [ as ModuleExportName ]
                std::u16string_view sourceName = ModuleExportNameValue(*s->local);
                std::u16string_view exportName = ModuleExportNameValue(*s->exported);
                if (!module_request)
                    entries.push_back({exportName, std::nullopt, {}, sourceName});
                else
                    entries.push_back({exportName, module_request, {ImportName::Kind::String, sourceName}, std::nullopt});
            }
            break;
        case Form::ExportVariable:
        case Form::ExportDeclaration:
            names.clear();
            BoundNames(d->declaration, names);
            for (Name name : names) entries.push_back({name, std::nullopt, {}, name});
            break;
        case Form::ExportDefaultHoistable:
        case Form::ExportDefaultClass:
            names.clear();
            BoundNames(d->declaration, names);  // the name, or "*default*"
            entries.push_back({u"default", std::nullopt, {}, names.front()});
            break;
        case Form::ExportDefaultExpression:
            entries.push_back({u"default", std::nullopt, {}, u"*default*"});
            break;
        }
    }
    return entries;
}

void ModuleVarScopedDeclarations(NodeList items, std::vector<const Node*>& out)
{
    for (const Node* item : items) {
        if (item->kind == NodeKind::ImportDeclaration) continue;
        if (item->kind == NodeKind::ExportDeclaration) {
            auto* d = item->as<ExportDeclaration>();
            if (d->form == Form::ExportVariable) VarScopedDeclarations(d->declaration, out);
            continue;
        }
        VarScopedDeclarations(item, out);
    }
}

void ModuleLexicallyScopedDeclarations(NodeList items, std::vector<const Node*>& out)
{
    for (Node* const& item : items) {
        if (item->kind == NodeKind::ImportDeclaration) continue;
        if (item->kind != NodeKind::ExportDeclaration) {
            LexicallyScopedDeclarations(NodeList(&item, 1), out);
            continue;
        }
        auto* d = item->as<ExportDeclaration>();
        switch (d->form) {
        case Form::ExportDeclaration:
        case Form::ExportDefaultHoistable:
        case Form::ExportDefaultClass:
            out.push_back(d->declaration);
            break;
        case Form::ExportDefaultExpression:
            out.push_back(d);
            break;
        default:
            break;
        }
    }
}

void ModuleBoundNames(const Node* declaration, std::vector<Name>& names)
{
    if (declaration->kind == NodeKind::ExportDeclaration) {
        names.push_back(u"*default*");  // export default AssignmentExpression ;
        return;
    }
    BoundNames(declaration, names);
}

namespace {

bool ContainsAwait(Node* n)
{
    if (n->kind == NodeKind::AwaitExpression) return true;
    if (n->kind == NodeKind::ForOfStatement && n->as<ForInOfStatement>()->is_await) return true;
    // Functions (arrow functions included) do not pass `await` out (§8.5.1);
    // classes only through their heritage and computed keys, which the
    // children of the class give.
    if (IsFunctionNodeKind(n->kind)) return false;
    bool found = false;
    ForEachChild(n, [&](Node* child) { found = found || ContainsAwait(child); });
    return found;
}

}  // namespace

bool ModuleContainsAwait(const Program& module)
{
    for (Node* item : module.body)
        if (ContainsAwait(item)) return true;
    return false;
}

}  // namespace lockstep
