// ECMA-262 static semantics that evaluation needs (§8.2 Scope Analysis,
// §8.4 Function Name Inference, §8.6 Miscellaneous, §B.3.2): BoundNames,
// VarScopedDeclarations, … over the parse
// tree of syntax/ast.h. The early-error pass (syntax/early_errors.cpp) has
// its own private walk for now; these are the shared definitions it can move to.
#pragma once

#include <vector>

#include "syntax/ast.h"

namespace lockstep {


// Node kinds by production group.
bool IsFunctionNodeKind(syntax::NodeKind);   // every FunctionNode kind
bool IsHoistableDeclaration(syntax::NodeKind);  // FunctionDeclaration, Generator…, Async…
bool IsMethodKind(syntax::NodeKind);  // MethodDefinition, GeneratorMethod, AsyncMethod, AsyncGeneratorMethod, Getter, Setter

// §8.2.1 BoundNames of a declaration, binding pattern, BindingIdentifier,
// parameter list element or VariableDeclarationList; appended to `names`.
void BoundNames(const syntax::Node* node, std::vector<syntax::Name>& names);

// §8.2.4 LexicallyScopedDeclarations of a StatementList (a Block's, a
// CaseBlock's clauses'): let/const declarations, classes and function
// declarations (labelled ones included).
void LexicallyScopedDeclarations(syntax::NodeList statements, std::vector<const syntax::Node*>& out);
// §8.2.7 TopLevelLexicallyScopedDeclarations of a function body or script:
// let/const declarations and classes (functions are var-scoped there).
void TopLevelLexicallyScopedDeclarations(syntax::NodeList statements, std::vector<const syntax::Node*>& out);
// §8.2.6 VarScopedDeclarations of one statement (its nested blocks' function
// declarations excluded): VariableDeclarations and var ForBindings.
void VarScopedDeclarations(const syntax::Node* statement, std::vector<const syntax::Node*>& out);
// §8.2.9 TopLevelVarScopedDeclarations of a function body or script:
// VarScopedDeclarations plus the top-level (possibly labelled) function declarations.
void TopLevelVarScopedDeclarations(syntax::NodeList statements, std::vector<const syntax::Node*>& out);

// The names the declarations above bind: §8.2.3 LexicallyDeclaredNames,
// §8.2.5 VarDeclaredNames, §8.2.8 TopLevelLexicallyDeclaredNames, §8.2.10
// TopLevelVarDeclaredNames are BoundNames of each declaration in turn.
std::vector<syntax::Name> BoundNamesOfAll(const std::vector<const syntax::Node*>& declarations);

// §8.2.2 DeclarationPart of a top-level labelled item: the FunctionDeclaration
// under any labels (statement itself otherwise).
const syntax::Node* UnwrapLabels(const syntax::Node* statement);

// §8.2.? IsConstantDeclaration
bool IsConstantDeclaration(const syntax::Node* declaration);

// §8.4.3 IsAnonymousFunctionDefinition ( expr )
bool IsAnonymousFunctionDefinition(const syntax::Node* expr);
// §8.4.1 IsFunctionDefinition
bool IsFunctionDefinition(const syntax::Node* expr);
// §8.6.? IsIdentifierRef (after stripping nothing: a ParenthesizedExpression is not one)
bool IsIdentifierRef(const syntax::Node* expr);

// §8.5.? Contains for the names that decide whether a function needs an
// arguments object: true if the code (not nested non-arrow functions) refers
// to `arguments` or may do so through a direct eval.
bool ReferencesArgumentsOrEval(const syntax::FunctionNode& function);

// "arguments" / "eval" … compared with an identifier's name.
bool NameIs(syntax::Name name, const char* ascii);

}  // namespace lockstep

namespace lockstep {

// §B.3.2.1 step 29.a / §B.3.2.2 step 12.b.ii: the FunctionDeclarations
// directly contained in the StatementList of a Block, CaseClause or
// DefaultClause of `body` (or, §B.3.3, an if statement's clause), outside
// nested functions, whose replacement by `var F` would produce no early error
// given the names the code declares lexically at its top level.
std::vector<const syntax::FunctionNode*> WebCompatFunctionDeclarations(syntax::NodeList body,
                                                                       const std::vector<syntax::Name>& topLevelLexicalNames);

}  // namespace lockstep
