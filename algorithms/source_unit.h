// A parsed Script (or eval / Function body) kept alive as long as code from
// it can run: the Script Record and every function object created from it
// share it. It also holds what evaluation derives once from the parse tree
// (the static semantics FunctionDeclarationInstantiation uses per call).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/ast.h"

namespace lockstep {

// §10.2.11 FunctionDeclarationInstantiation steps 5-19 and 27-28 depend only
// on the code: computed once per function node.
struct FunctionFacts {
    std::vector<syntax::Name> parameterNames;
    bool hasDuplicates = false;
    bool simpleParameterList = true;
    bool hasParameterExpressions = false;
    std::vector<syntax::Name> varNames;
    std::vector<const syntax::Node*> functionsToInitialize;  // FunctionNodes, last declaration of each name first
    bool argumentsObjectNeeded = false;
    bool referencesArgumentsOrEval = false;  // the code names `arguments` or may call eval directly
    std::vector<syntax::Name> lexicalNames;
    std::vector<const syntax::Node*> lexDeclarations;
    std::vector<syntax::Name> functionNames;
    // §B.3.2.1 step 29: the web-compat var-hoisted block function names (non-strict code only).
    std::vector<syntax::Name> webCompatNames;
};

// The declaration instantiation (§B.3.2.1, §B.3.2.2, §B.3.2.3) that made a
// block-level function declaration web-compatible.
enum class WebCompatDeclaration { Function, Global, Eval };

struct SourceUnit {
    std::unique_ptr<syntax::Program> program;
    std::string file_name;   // for error positions ("file.js:3:7")
    std::unordered_map<const syntax::Node*, std::unique_ptr<FunctionFacts>> function_facts;
    // §B.3.2: block-level FunctionDeclarations whose Evaluation also copies
    // the function to the var binding of the same name, with the algorithm
    // that said so (its steps for that Evaluation differ slightly).
    std::unordered_map<const syntax::Node*, WebCompatDeclaration> web_compat_functions;
};

}  // namespace lockstep
