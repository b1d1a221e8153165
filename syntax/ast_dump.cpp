#include "syntax/ast_dump.h"

#include "syntax/ast_children.h"
#include "syntax/unicode.h"

#include <cstdio>

namespace lockstep::syntax {

namespace {

std::string Quote(std::u16string_view s)
{
    std::string out = "\"";
    for (char c : unicode::Utf16ToUtf8(s)) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out + "\"";
}

// What a node shows besides its kind and its children.
std::string Details(const Node* n)
{
    char buf[64];
    switch (n->kind) {
    case NodeKind::IdentifierReference: case NodeKind::BindingIdentifier: case NodeKind::IdentifierName:
    case NodeKind::LabelIdentifier:
        return " " + unicode::Utf16ToUtf8(n->as<Identifier>()->name);
    case NodeKind::PrivateIdentifier: return " #" + unicode::Utf16ToUtf8(n->as<Identifier>()->name);
    case NodeKind::BooleanLiteral: return n->as<BooleanLiteral>()->value ? " true" : " false";
    case NodeKind::NumericLiteral:
        std::snprintf(buf, sizeof buf, " %.17g", n->as<NumericLiteral>()->value);
        return buf;
    case NodeKind::BigIntLiteral: return " " + std::string(n->as<BigIntLiteral>()->digits) + "n";
    case NodeKind::StringLiteral: return " " + Quote(n->as<StringLiteral>()->value);
    case NodeKind::RegularExpressionLiteral: {
        auto* r = n->as<RegularExpressionLiteral>();
        return " /" + unicode::Utf16ToUtf8(r->body) + "/" + unicode::Utf16ToUtf8(r->flags);
    }
    case NodeKind::TemplateLiteral: {
        std::string out;
        for (const TemplateElement& q : n->as<TemplateLiteral>()->quasis)
            out += " " + (q.has_cooked ? Quote(q.cooked) : std::string("undefined"));
        return out;
    }
    case NodeKind::UpdateExpression: {
        auto* u = n->as<UpdateExpression>();
        return std::string(u->prefix ? " prefix " : " postfix ") + (u->op == UpdateOp::Increment ? "++" : "--");
    }
    case NodeKind::UnaryExpression: {
        static const char* const kOps[] = {"delete", "void", "typeof", "+", "-", "~", "!"};
        return std::string(" ") + kOps[static_cast<int>(n->as<UnaryExpression>()->op)];
    }
    case NodeKind::BinaryExpression:
    case NodeKind::LogicalExpression: return std::string(" ") + BinaryOpText(n->as<BinaryExpression>()->op);
    case NodeKind::AssignmentExpression:
        return std::string(" ") + AssignmentOpText(n->as<AssignmentExpression>()->op);
    case NodeKind::YieldExpression: return n->as<YieldExpression>()->delegate ? " *" : "";
    case NodeKind::MemberExpression: case NodeKind::SuperProperty:
        return n->as<MemberExpression>()->computed ? " computed" : "";
    case NodeKind::VariableStatement: case NodeKind::LexicalDeclaration: {
        static const char* const kKinds[] = {" var", " let", " const"};
        return kKinds[static_cast<int>(n->as<VariableDeclarationList>()->declaration_kind)];
    }
    case NodeKind::ForOfStatement: return n->as<ForInOfStatement>()->is_await ? " await" : "";
    case NodeKind::ClassElement: {
        auto* e = n->as<ClassElement>();
        std::string out = e->is_static ? " static" : "";
        return out + (e->element_kind == ClassElement::Kind::Field ? " field" : "");
    }
    case NodeKind::OptionalChain: {
        static const char* const kLinks[] = {" arguments", " computed", " identifier", " private"};
        return kLinks[static_cast<int>(n->as<OptionalChain>()->link)];
    }
    default: break;
    }
    if (n->kind >= NodeKind::FunctionDeclaration && n->kind <= NodeKind::ClassStaticBlock) {
        auto* f = n->as<FunctionNode>();
        std::string out;
        if (f->strict) out += " strict";
        if (!f->simple_parameter_list) out += " non-simple-parameters";
        if (f->is_class_constructor) out += f->is_derived_constructor ? " derived-constructor" : " constructor";
        return out;
    }
    return "";
}

void Dump(Node* n, int depth, std::string& out)
{
    out.append(size_t(depth) * 2, ' ');
    out += NodeKindName(n->kind);
    out += Details(n);
    char buf[48];
    std::snprintf(buf, sizeof buf, " @%u:%u\n", n->range.line, n->range.column);
    out += buf;
    ForEachChild(n, [&](Node* c) { Dump(c, depth + 1, out); });
}

}  // namespace

std::string DumpAst(const Program& program)
{
    std::string out = program.goal == Goal::Module ? "Module" : (program.strict ? "Script strict" : "Script");
    out += "\n";
    for (Node* n : program.body) Dump(n, 1, out);
    return out;
}

}  // namespace lockstep::syntax
