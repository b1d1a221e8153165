#include "syntax/ast.h"

namespace lockstep::syntax {

const char* NodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::IdentifierReference: return "IdentifierReference";
    case NodeKind::BindingIdentifier: return "BindingIdentifier";
    case NodeKind::IdentifierName: return "IdentifierName";
    case NodeKind::LabelIdentifier: return "LabelIdentifier";
    case NodeKind::PrivateIdentifier: return "PrivateIdentifier";
    case NodeKind::ThisExpression: return "ThisExpression";
    case NodeKind::NullLiteral: return "NullLiteral";
    case NodeKind::BooleanLiteral: return "BooleanLiteral";
    case NodeKind::NumericLiteral: return "NumericLiteral";
    case NodeKind::BigIntLiteral: return "BigIntLiteral";
    case NodeKind::StringLiteral: return "StringLiteral";
    case NodeKind::RegularExpressionLiteral: return "RegularExpressionLiteral";
    case NodeKind::TemplateLiteral: return "TemplateLiteral";
    case NodeKind::ArrayLiteral: return "ArrayLiteral";
    case NodeKind::ObjectLiteral: return "ObjectLiteral";
    case NodeKind::PropertyDefinition: return "PropertyDefinition";
    case NodeKind::ComputedPropertyName: return "ComputedPropertyName";
    case NodeKind::SpreadElement: return "SpreadElement";
    case NodeKind::ParenthesizedExpression: return "ParenthesizedExpression";
    case NodeKind::MemberExpression: return "MemberExpression";
    case NodeKind::SuperProperty: return "SuperProperty";
    case NodeKind::NewTarget: return "NewTarget";
    case NodeKind::ImportMeta: return "ImportMeta";
    case NodeKind::NewExpression: return "NewExpression";
    case NodeKind::CallExpression: return "CallExpression";
    case NodeKind::SuperCall: return "SuperCall";
    case NodeKind::ImportCall: return "ImportCall";
    case NodeKind::TaggedTemplate: return "TaggedTemplate";
    case NodeKind::OptionalExpression: return "OptionalExpression";
    case NodeKind::OptionalChain: return "OptionalChain";
    case NodeKind::UpdateExpression: return "UpdateExpression";
    case NodeKind::UnaryExpression: return "UnaryExpression";
    case NodeKind::AwaitExpression: return "AwaitExpression";
    case NodeKind::BinaryExpression: return "BinaryExpression";
    case NodeKind::LogicalExpression: return "LogicalExpression";
    case NodeKind::ConditionalExpression: return "ConditionalExpression";
    case NodeKind::AssignmentExpression: return "AssignmentExpression";
    case NodeKind::YieldExpression: return "YieldExpression";
    case NodeKind::CommaExpression: return "CommaExpression";
    case NodeKind::ObjectBindingPattern: return "ObjectBindingPattern";
    case NodeKind::ArrayBindingPattern: return "ArrayBindingPattern";
    case NodeKind::BindingProperty: return "BindingProperty";
    case NodeKind::BindingElement: return "BindingElement";
    case NodeKind::ObjectAssignmentPattern: return "ObjectAssignmentPattern";
    case NodeKind::ArrayAssignmentPattern: return "ArrayAssignmentPattern";
    case NodeKind::AssignmentProperty: return "AssignmentProperty";
    case NodeKind::AssignmentElement: return "AssignmentElement";
    case NodeKind::BlockStatement: return "BlockStatement";
    case NodeKind::VariableStatement: return "VariableStatement";
    case NodeKind::LexicalDeclaration: return "LexicalDeclaration";
    case NodeKind::VariableDeclaration: return "VariableDeclaration";
    case NodeKind::EmptyStatement: return "EmptyStatement";
    case NodeKind::ExpressionStatement: return "ExpressionStatement";
    case NodeKind::IfStatement: return "IfStatement";
    case NodeKind::DoWhileStatement: return "DoWhileStatement";
    case NodeKind::WhileStatement: return "WhileStatement";
    case NodeKind::ForStatement: return "ForStatement";
    case NodeKind::ForInStatement: return "ForInStatement";
    case NodeKind::ForOfStatement: return "ForOfStatement";
    case NodeKind::ContinueStatement: return "ContinueStatement";
    case NodeKind::BreakStatement: return "BreakStatement";
    case NodeKind::ReturnStatement: return "ReturnStatement";
    case NodeKind::WithStatement: return "WithStatement";
    case NodeKind::SwitchStatement: return "SwitchStatement";
    case NodeKind::CaseClause: return "CaseClause";
    case NodeKind::DefaultClause: return "DefaultClause";
    case NodeKind::LabelledStatement: return "LabelledStatement";
    case NodeKind::ThrowStatement: return "ThrowStatement";
    case NodeKind::TryStatement: return "TryStatement";
    case NodeKind::DebuggerStatement: return "DebuggerStatement";
    case NodeKind::FunctionDeclaration: return "FunctionDeclaration";
    case NodeKind::FunctionExpression: return "FunctionExpression";
    case NodeKind::GeneratorDeclaration: return "GeneratorDeclaration";
    case NodeKind::GeneratorExpression: return "GeneratorExpression";
    case NodeKind::AsyncFunctionDeclaration: return "AsyncFunctionDeclaration";
    case NodeKind::AsyncFunctionExpression: return "AsyncFunctionExpression";
    case NodeKind::AsyncGeneratorDeclaration: return "AsyncGeneratorDeclaration";
    case NodeKind::AsyncGeneratorExpression: return "AsyncGeneratorExpression";
    case NodeKind::ArrowFunction: return "ArrowFunction";
    case NodeKind::AsyncArrowFunction: return "AsyncArrowFunction";
    case NodeKind::MethodDefinition: return "MethodDefinition";
    case NodeKind::GeneratorMethod: return "GeneratorMethod";
    case NodeKind::AsyncMethod: return "AsyncMethod";
    case NodeKind::AsyncGeneratorMethod: return "AsyncGeneratorMethod";
    case NodeKind::Getter: return "Getter";
    case NodeKind::Setter: return "Setter";
    case NodeKind::ClassStaticBlock: return "ClassStaticBlock";
    case NodeKind::ClassDeclaration: return "ClassDeclaration";
    case NodeKind::ClassExpression: return "ClassExpression";
    case NodeKind::ClassElement: return "ClassElement";
    case NodeKind::ImportDeclaration: return "ImportDeclaration";
    case NodeKind::ImportSpecifier: return "ImportSpecifier";
    case NodeKind::ExportDeclaration: return "ExportDeclaration";
    case NodeKind::ExportSpecifier: return "ExportSpecifier";
    }
    return "?";
}

const char* BinaryOpText(BinaryOp op)
{
    static const char* const kText[] = {"**", "*", "/", "%", "+", "-", "<<", ">>", ">>>", "<", ">", "<=", ">=",
                                        "instanceof", "in", "==", "!=", "===", "!==", "&", "^", "|", "&&", "||", "??"};
    return kText[static_cast<int>(op)];
}

const char* AssignmentOpText(AssignmentOp op)
{
    static const char* const kText[] = {"=", "**=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", ">>>=", "&=", "^=", "|=",
                                        "&&=", "||=", "?\?="};
    return kText[static_cast<int>(op)];
}

Name NameTable::intern(std::u16string_view s)
{
    auto it = names_.find(s);
    if (it == names_.end()) it = names_.emplace(s).first;
    return *it;
}

}  // namespace lockstep::syntax
