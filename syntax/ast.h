// The parse tree (ECMA-262 §13–§16). Node kinds are named after the grammar
// productions they stand for, so the syntax-directed operations of the spec
// (Evaluation, BoundNames, …) can switch on them production by production.
//
// Every node carries its source range (UTF-8 byte offsets [start, end) and
// the line/column of its start), so the source text matched by a production
// (Function.prototype.toString) is Program::source.substr(start, end - start).
// Nodes live in the Program's arena; lists are spans into that arena.
// Identifier names, string values and template strings are UTF-16; equal
// identifier names share storage (interned per Program).
#pragma once

#include "syntax/arena.h"
#include "syntax/parser.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

namespace lockstep::syntax {

using Name = std::u16string_view;

struct SourceRange {
    uint32_t start = 0;   // byte offset of the first code unit
    uint32_t end = 0;     // byte offset just past the last one
    uint32_t line = 1;    // of start, 1-based
    uint32_t column = 1;  // of start, 1-based, in code points
};

enum class NodeKind : uint8_t {
    // §13.1 identifiers, §13.2 primary expressions
    IdentifierReference,
    BindingIdentifier,
    IdentifierName,          // a LiteralPropertyName / IdentifierName after `.`
    LabelIdentifier,
    PrivateIdentifier,
    ThisExpression,
    NullLiteral,
    BooleanLiteral,
    NumericLiteral,
    BigIntLiteral,
    StringLiteral,
    RegularExpressionLiteral,
    TemplateLiteral,
    ArrayLiteral,
    ObjectLiteral,
    PropertyDefinition,
    ComputedPropertyName,
    SpreadElement,
    ParenthesizedExpression,
    // §13.3 left-hand-side expressions
    MemberExpression,
    SuperProperty,
    NewTarget,
    ImportMeta,
    NewExpression,
    CallExpression,
    SuperCall,
    ImportCall,
    TaggedTemplate,
    OptionalExpression,
    OptionalChain,
    // §13.4–§13.16 operators
    UpdateExpression,
    UnaryExpression,
    AwaitExpression,
    BinaryExpression,
    LogicalExpression,
    ConditionalExpression,
    AssignmentExpression,
    YieldExpression,
    CommaExpression,
    // §13.15.5, §14.3.3 destructuring patterns
    ObjectBindingPattern,
    ArrayBindingPattern,
    BindingProperty,
    BindingElement,
    ObjectAssignmentPattern,
    ArrayAssignmentPattern,
    AssignmentProperty,
    AssignmentElement,
    // §14 statements and declarations
    BlockStatement,
    VariableStatement,
    LexicalDeclaration,
    VariableDeclaration,
    EmptyStatement,
    ExpressionStatement,
    IfStatement,
    DoWhileStatement,
    WhileStatement,
    ForStatement,
    ForInStatement,
    ForOfStatement,
    ContinueStatement,
    BreakStatement,
    ReturnStatement,
    WithStatement,
    SwitchStatement,
    CaseClause,
    DefaultClause,
    LabelledStatement,
    ThrowStatement,
    TryStatement,
    DebuggerStatement,
    // §15 functions and classes (all FunctionNode)
    FunctionDeclaration,
    FunctionExpression,
    GeneratorDeclaration,
    GeneratorExpression,
    AsyncFunctionDeclaration,
    AsyncFunctionExpression,
    AsyncGeneratorDeclaration,
    AsyncGeneratorExpression,
    ArrowFunction,
    AsyncArrowFunction,
    MethodDefinition,        // ClassElementName ( UniqueFormalParameters ) { FunctionBody }
    GeneratorMethod,
    AsyncMethod,
    AsyncGeneratorMethod,
    Getter,                  // get ClassElementName ( ) { FunctionBody }
    Setter,                  // set ClassElementName ( PropertySetParameterList ) { FunctionBody }
    ClassStaticBlock,        // static { ClassStaticBlockBody }
    // §15.7 classes (ClassNode / ClassElement)
    ClassDeclaration,
    ClassExpression,
    ClassElement,
    // §16.2 modules
    ImportDeclaration,
    ImportSpecifier,
    ExportDeclaration,
    ExportSpecifier,
};

const char* NodeKindName(NodeKind kind);

struct Node {
    NodeKind kind;
    SourceRange range;
    explicit Node(NodeKind k) : kind(k) {}

    template <typename T>
    T* as() { return static_cast<T*>(this); }
    template <typename T>
    const T* as() const { return static_cast<const T*>(this); }
};

template <typename T>
using List = std::span<T* const>;
using NodeList = List<Node>;

// ---- §13.1, §13.2 ----------------------------------------------------------

// IdentifierReference, BindingIdentifier, IdentifierName, PrivateIdentifier
// (name without the '#'; `#x in o` puts a PrivateIdentifier on the left).
struct Identifier : Node {
    using Node::Node;
    Name name;
    bool escaped = false;   // the source spelled it with \u escapes
};

struct BooleanLiteral : Node {
    using Node::Node;
    bool value = false;
};

struct NumericLiteral : Node {
    using Node::Node;
    double value = 0;
    bool legacy_octal = false;        // LegacyOctalIntegerLiteral (010)
    bool non_octal_decimal = false;   // NonOctalDecimalIntegerLiteral (08, 09.5)
};

// The MV of a BigIntLiteral as written, without separators and without the
// trailing `n`: "123", "0x1f", "0o7", "0b101".
struct BigIntLiteral : Node {
    using Node::Node;
    std::string_view digits;
};

struct StringLiteral : Node {
    using Node::Node;
    std::u16string_view value;                 // the SV
    bool has_legacy_octal_escape = false;      // \1..\7, \0 followed by a digit, \8, \9
};

struct RegularExpressionLiteral : Node {
    using Node::Node;
    std::u16string_view body;
    std::u16string_view flags;
};

// One TemplateCharacters run: TV (cooked; absent when an escape is invalid,
// which only a tagged template allows) and TRV (raw).
struct TemplateElement {
    std::u16string_view cooked;
    std::u16string_view raw;
    bool has_cooked = true;
};

// `head${e0}middle${e1}tail`: quasis.size() == expressions.size() + 1.
struct TemplateLiteral : Node {
    using Node::Node;
    std::span<const TemplateElement> quasis;
    NodeList expressions;
};

// Elisions are nullptr entries.
struct ArrayLiteral : Node {
    using Node::Node;
    NodeList elements;   // AssignmentExpression | SpreadElement | nullptr
    bool trailing_comma = false;
};

// PropertyDefinition:
//   IdentifierReference            shorthand, key is an IdentifierName, value the IdentifierReference
//   CoverInitializedName           shorthand with cover_initializer (only valid as a pattern)
//   PropertyName : AssignmentExpression
//   MethodDefinition               value is a FunctionNode (MethodDefinition, Getter, …)
// `...AssignmentExpression` appears in ObjectLiteral::properties as a SpreadElement.
struct PropertyDefinition : Node {
    using Node::Node;
    Node* key = nullptr;        // IdentifierName | StringLiteral | NumericLiteral | BigIntLiteral | ComputedPropertyName
    Node* value = nullptr;
    Node* cover_initializer = nullptr;
    bool shorthand = false;
};

struct ObjectLiteral : Node {
    using Node::Node;
    NodeList properties;   // PropertyDefinition | SpreadElement
    bool trailing_comma = false;
};

// ComputedPropertyName, SpreadElement, ParenthesizedExpression, AwaitExpression.
struct UnaryNode : Node {
    using Node::Node;
    Node* operand = nullptr;
};

// ---- §13.3 -----------------------------------------------------------------

// MemberExpression [ Expression ] / . IdentifierName / . PrivateIdentifier,
// and SuperProperty (object == nullptr).
struct MemberExpression : Node {
    using Node::Node;
    Node* object = nullptr;
    Node* property = nullptr;   // Expression (computed) | IdentifierName | PrivateIdentifier
    bool computed = false;
};

// NewExpression (`new C` has no Arguments), CallExpression, SuperCall.
struct CallExpression : Node {
    using Node::Node;
    Node* callee = nullptr;      // nullptr for SuperCall
    NodeList arguments;          // AssignmentExpression | SpreadElement
    bool has_arguments = true;   // false for `new C`
    bool tail_position = false;  // IsInTailPosition (§15.10.1; syntax/tail_position.h)
};

// import( AssignmentExpression [, AssignmentExpression] )
struct ImportCall : Node {
    using Node::Node;
    Node* specifier = nullptr;
    Node* options = nullptr;
};

struct TaggedTemplate : Node {
    using Node::Node;
    Node* tag = nullptr;
    TemplateLiteral* quasi = nullptr;
    bool tail_position = false;  // IsInTailPosition (§15.10.1; syntax/tail_position.h)
};

// OptionalChain is left-recursive in the grammar; each node is one link:
// previous == nullptr means the link right after `?.`.
struct OptionalChain : Node {
    using Node::Node;
    enum class Link : uint8_t { Arguments, Computed, Identifier, PrivateIdentifier };
    OptionalChain* previous = nullptr;
    Link link = Link::Identifier;
    Node* property = nullptr;   // for Computed / Identifier / PrivateIdentifier
    NodeList arguments;         // for Arguments
    bool tail_position = false; // an Arguments link for which IsInTailPosition holds (§15.10.1)
};

// OptionalExpression : MemberExpression OptionalChain | CallExpression OptionalChain
//                    | OptionalExpression OptionalChain
struct OptionalExpression : Node {
    using Node::Node;
    Node* object = nullptr;
    OptionalChain* chain = nullptr;
};

// ---- §13.4–§13.16 ------------------------------------------------------------

enum class UpdateOp : uint8_t { Increment, Decrement };
struct UpdateExpression : Node {
    using Node::Node;
    UpdateOp op = UpdateOp::Increment;
    bool prefix = false;
    Node* operand = nullptr;
};

enum class UnaryOp : uint8_t { Delete, Void, Typeof, Plus, Minus, BitwiseNot, LogicalNot };
struct UnaryExpression : Node {
    using Node::Node;
    UnaryOp op = UnaryOp::Void;
    Node* operand = nullptr;
};

enum class BinaryOp : uint8_t {
    Exponentiate, Multiply, Divide, Remainder, Add, Subtract,
    LeftShift, SignedRightShift, UnsignedRightShift,
    LessThan, GreaterThan, LessThanOrEqual, GreaterThanOrEqual, Instanceof, In,
    Equal, NotEqual, StrictEqual, StrictNotEqual,
    BitwiseAnd, BitwiseXor, BitwiseOr,
    // LogicalExpression
    LogicalAnd, LogicalOr, Coalesce,
};
const char* BinaryOpText(BinaryOp op);

// BinaryExpression (left may be a PrivateIdentifier for `#x in o`) and
// LogicalExpression (&&, ||, ??).
struct BinaryExpression : Node {
    using Node::Node;
    BinaryOp op = BinaryOp::Add;
    Node* left = nullptr;
    Node* right = nullptr;
};

struct ConditionalExpression : Node {
    using Node::Node;
    Node* test = nullptr;
    Node* consequent = nullptr;
    Node* alternate = nullptr;
};

enum class AssignmentOp : uint8_t {
    Assign, Exponentiate, Multiply, Divide, Remainder, Add, Subtract,
    LeftShift, SignedRightShift, UnsignedRightShift, BitwiseAnd, BitwiseXor, BitwiseOr,
    LogicalAnd, LogicalOr, Coalesce,
};
const char* AssignmentOpText(AssignmentOp op);

// target is a simple target (IdentifierReference, MemberExpression, …) or,
// for `=`, an ObjectAssignmentPattern / ArrayAssignmentPattern.
struct AssignmentExpression : Node {
    using Node::Node;
    AssignmentOp op = AssignmentOp::Assign;
    Node* target = nullptr;
    Node* value = nullptr;
};

struct YieldExpression : Node {
    using Node::Node;
    Node* argument = nullptr;   // may be nullptr
    bool delegate = false;      // yield*
};

struct CommaExpression : Node {
    using Node::Node;
    NodeList expressions;
};

// ---- patterns ------------------------------------------------------------------

// BindingElement / AssignmentElement (also each FormalParameter):
// target is a BindingIdentifier or a binding pattern (BindingElement), or a
// DestructuringAssignmentTarget (AssignmentElement).
struct PatternElement : Node {
    using Node::Node;
    Node* target = nullptr;
    Node* initializer = nullptr;
};

// BindingProperty / AssignmentProperty: `key: element` or, shorthand,
// SingleNameBinding / IdentifierReference Initializer? (key is the IdentifierName).
struct PatternProperty : Node {
    using Node::Node;
    Node* key = nullptr;
    PatternElement* value = nullptr;
    bool shorthand = false;
};

// ObjectBindingPattern / ObjectAssignmentPattern.
struct ObjectPattern : Node {
    using Node::Node;
    List<PatternProperty> properties;
    Node* rest = nullptr;   // BindingIdentifier / DestructuringAssignmentTarget
};

// ArrayBindingPattern / ArrayAssignmentPattern; elisions are nullptr.
struct ArrayPattern : Node {
    using Node::Node;
    List<PatternElement> elements;
    Node* rest = nullptr;   // BindingIdentifier | pattern / DestructuringAssignmentTarget
};

// ---- §14 statements ------------------------------------------------------------

struct BlockStatement : Node {
    using Node::Node;
    NodeList body;
};

// VariableDeclaration / LexicalBinding (also a ForBinding: initializer null).
struct VariableDeclaration : Node {
    using Node::Node;
    Node* target = nullptr;   // BindingIdentifier | binding pattern
    Node* initializer = nullptr;
};

enum class DeclarationKind : uint8_t { Var, Let, Const };
// VariableStatement (Var) / LexicalDeclaration (Let, Const); also the
// declaration part of a for / for-in / for-of head.
struct VariableDeclarationList : Node {
    using Node::Node;
    DeclarationKind declaration_kind = DeclarationKind::Var;
    List<VariableDeclaration> declarations;
};

struct ExpressionStatement : Node {
    using Node::Node;
    Node* expression = nullptr;
    bool directive = false;   // part of a directive prologue
};

struct IfStatement : Node {
    using Node::Node;
    Node* test = nullptr;
    Node* consequent = nullptr;
    Node* alternate = nullptr;
};

// DoWhileStatement, WhileStatement.
struct WhileStatement : Node {
    using Node::Node;
    Node* test = nullptr;
    Node* body = nullptr;
};

struct ForStatement : Node {
    using Node::Node;
    Node* init = nullptr;     // VariableDeclarationList | Expression | nullptr
    Node* test = nullptr;
    Node* update = nullptr;
    Node* body = nullptr;
};

// ForInStatement / ForOfStatement (for await: is_await).
struct ForInOfStatement : Node {
    using Node::Node;
    Node* left = nullptr;     // VariableDeclarationList (one declaration) | LeftHandSideExpression | pattern
    Node* right = nullptr;
    Node* body = nullptr;
    bool is_await = false;
};

// ContinueStatement, BreakStatement.
struct JumpStatement : Node {
    using Node::Node;
    Identifier* label = nullptr;   // LabelIdentifier or nullptr
};

// ReturnStatement, ThrowStatement.
struct ArgumentStatement : Node {
    using Node::Node;
    Node* argument = nullptr;
};

struct WithStatement : Node {
    using Node::Node;
    Node* object = nullptr;
    Node* body = nullptr;
};

// CaseClause (test set) / DefaultClause.
struct SwitchClause : Node {
    using Node::Node;
    Node* test = nullptr;
    NodeList body;
};

struct SwitchStatement : Node {
    using Node::Node;
    Node* discriminant = nullptr;
    List<SwitchClause> clauses;   // in source order, at most one DefaultClause
};

struct LabelledStatement : Node {
    using Node::Node;
    Identifier* label = nullptr;
    Node* body = nullptr;
};

struct TryStatement : Node {
    using Node::Node;
    BlockStatement* block = nullptr;
    bool has_catch = false;
    Node* catch_parameter = nullptr;      // BindingIdentifier | pattern | nullptr (`catch {`)
    BlockStatement* catch_body = nullptr;
    BlockStatement* finalizer = nullptr;
};

// ---- §15 functions -----------------------------------------------------------

struct FunctionNode : Node {
    using Node::Node;
    Identifier* name = nullptr;          // BindingIdentifier, if any
    List<PatternElement> parameters;     // FormalParameterList (each a BindingElement)
    Node* rest_parameter = nullptr;      // FunctionRestParameter's target
    NodeList body;                       // FunctionBody / ClassStaticBlockStatementList
    Node* concise_body = nullptr;        // ArrowFunction with ExpressionBody
    SourceRange parameters_range;        // FormalParameters, parentheses excluded
    bool is_generator = false;
    bool is_async = false;
    bool is_arrow = false;
    bool strict = false;                  // the function's code is strict mode code
    bool contains_use_strict = false;     // FunctionBodyContainsUseStrict
    bool simple_parameter_list = true;    // IsSimpleParameterList
    bool parameters_contain_expression = false;  // ContainsExpression of the parameters
    bool is_class_constructor = false;
    bool is_derived_constructor = false;  // constructor of a class with `extends`
    bool is_static = false;               // static class method
};

// ---- §15.7 classes --------------------------------------------------------------

struct ClassElement : Node {
    using Node::Node;
    enum class Kind : uint8_t { Method, Field, StaticBlock };
    Kind element_kind = Kind::Method;
    bool is_static = false;
    Node* key = nullptr;                 // ClassElementName (IdentifierName, literal, ComputedPropertyName, PrivateIdentifier)
    FunctionNode* function = nullptr;    // Method (MethodDefinition, Getter, …), StaticBlock (ClassStaticBlock)
    Node* initializer = nullptr;         // Field
};

// ClassDeclaration / ClassExpression. Class code is always strict.
struct ClassNode : Node {
    using Node::Node;
    Identifier* name = nullptr;
    Node* heritage = nullptr;            // ClassHeritage's LeftHandSideExpression
    List<ClassElement> elements;         // ClassElementList in source order, constructor included
    FunctionNode* constructor = nullptr; // ConstructorMethod, if written
};

// ---- §16.2 modules ---------------------------------------------------------------

// ImportSpecifier / ExportSpecifier. Names are ModuleExportName (IdentifierName
// or StringLiteral value); for imports local is the BindingIdentifier.
struct ModuleSpecifier : Node {
    using Node::Node;
    Node* imported = nullptr;   // IdentifierName | StringLiteral (ImportSpecifier: ImportedBinding alone → imported == local name)
    Node* local = nullptr;      // BindingIdentifier (import) / IdentifierReference-or-string (export, as written)
    Node* exported = nullptr;   // ExportSpecifier: the exported name
};

struct ImportAttribute {
    Node* key;     // IdentifierName | StringLiteral
    StringLiteral* value;
};

struct ImportDeclaration : Node {
    using Node::Node;
    Identifier* default_binding = nullptr;      // ImportedDefaultBinding
    Identifier* namespace_binding = nullptr;    // NameSpaceImport
    List<ModuleSpecifier> named;                // NamedImports
    bool has_named = false;
    StringLiteral* module_specifier = nullptr;  // FromClause / ModuleSpecifier
    std::span<const ImportAttribute> attributes;
};

struct ExportDeclaration : Node {
    using Node::Node;
    enum class Form : uint8_t {
        ExportAllFrom,        // export * from "m"
        ExportNamespaceFrom,  // export * as ns from "m"
        ExportNamedFrom,      // export { a as b } from "m"
        ExportNamed,          // export { a as b }
        ExportVariable,       // export var …
        ExportDeclaration,    // export function/class/let/const …
        ExportDefaultHoistable,   // export default function …
        ExportDefaultClass,       // export default class …
        ExportDefaultExpression,  // export default AssignmentExpression ;
    };
    Form form = Form::ExportNamed;
    Node* namespace_name = nullptr;             // ExportNamespaceFrom: ModuleExportName
    List<ModuleSpecifier> specifiers;
    StringLiteral* module_specifier = nullptr;
    std::span<const ImportAttribute> attributes;
    Node* declaration = nullptr;                // statement / declaration / expression
};

// ---- the program -------------------------------------------------------------------

// Interned identifier names: equal names have equal data pointers.
class NameTable {
public:
    Name intern(std::u16string_view s);

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::u16string_view s) const noexcept { return std::hash<std::u16string_view>{}(s); }
    };
    std::unordered_set<std::u16string, Hash, std::equal_to<>> names_;
};

// The result of ParseScript / ParseModule: the Script or Module node.
struct Program {
    Goal goal = Goal::Script;
    bool strict = false;         // ScriptIsStrict (always true for modules)
    std::string source;          // the UTF-8 source text the ranges index
    NodeList body;               // StatementList / ModuleItemList
    Arena arena;
    NameTable names;

    std::string_view source_text(const Node& n) const
    {
        return std::string_view(source).substr(n.range.start, n.range.end - n.range.start);
    }
};

}  // namespace lockstep::syntax
