// ECMA-262 §20.2.1.1.1 CreateDynamicFunction.
#include "algorithms/dynamic_function.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"
#include "syntax/parser.h"

namespace lockstep {

using namespace syntax;

namespace {

// ParseText(text, exprSym) for a function expression of `kind`: `text`
// parsed as the parenthesized expression of a Script must be exactly one
// function expression of that kind spanning all of it. (This is how the
// parser can be asked for the goal symbols FormalParameters, FunctionBody
// and FunctionExpression of steps 17-24.)
std::unique_ptr<Program> ParseFunctionExpression(std::string_view text, NodeKind kind)
{
    std::string wrapped = "(" + std::string(text) + ")";
    ParseOptions options;
    options.surrogates = syntax::unicode::Surrogates::Allowed;
    ParseResult result = ParseProgram(wrapped, options);
    if (result.error) return nullptr;
    Program& program = *result.program;
    if (program.body.size() != 1 || program.body[0]->kind != NodeKind::ExpressionStatement) return nullptr;
    const Node* expression = program.body[0]->as<ExpressionStatement>()->expression;
    if (expression->kind != NodeKind::ParenthesizedExpression) return nullptr;
    const Node* function = expression->as<UnaryNode>()->operand;
    if (function->kind != kind || function->range.start != 1 || function->range.end != wrapped.size() - 1)
        return nullptr;
    return std::move(result.program);
}

}  // namespace

ThrowCompletionOr<Object*> CreateDynamicFunction(Agent& agent, Object& constructor, Object* newTarget,
                                                 DynamicFunctionKind kind, std::span<const Value> parameterArgs,
                                                 Value bodyArg)
{
    SPEC_ALGORITHM("sec-createdynamicfunction");
    STEP("1");
    if (!newTarget) newTarget = &constructor;
    std::string prefix;
    NodeKind exprSym;
    Intrinsic fallbackProto;
    STEP("2");
    if (kind == DynamicFunctionKind::Normal) {
        STEP("2.a");
        prefix = "function";
        STEP("2.b");
        STEP("2.c");
        STEP("2.d");
        exprSym = NodeKind::FunctionExpression;
        STEP("2.e");
        fallbackProto = Intrinsic::FunctionPrototype;
    } else if (kind == DynamicFunctionKind::Generator) {
        STEP("3");
        STEP("3.a");
        prefix = "function*";
        STEP("3.b");
        STEP("3.c");
        STEP("3.d");
        exprSym = NodeKind::GeneratorExpression;
        STEP("3.e");
        fallbackProto = Intrinsic::GeneratorFunctionPrototype;
    } else if (kind == DynamicFunctionKind::Async) {
        STEP("4");
        STEP("4.a");
        prefix = "async function";
        STEP("4.b");
        STEP("4.c");
        STEP("4.d");
        exprSym = NodeKind::AsyncFunctionExpression;
        STEP("4.e");
        fallbackProto = Intrinsic::AsyncFunctionPrototype;
    } else {
        STEP("5");
        STEP("5.a");
        STEP("5.b");
        prefix = "async function*";
        STEP("5.c");
        STEP("5.d");
        STEP("5.e");
        exprSym = NodeKind::AsyncGeneratorExpression;
        STEP("5.f");
        fallbackProto = Intrinsic::AsyncGeneratorFunctionPrototype;
    }
    STEP("6");
    size_t argCount = parameterArgs.size();
    STEP("7");
    lockstep::List<Value> parameterStrings;
    STEP("8");
    for (Value arg : parameterArgs) {
        STEP("8.a");
        parameterStrings.append(TRY(ToString(agent, arg)));
    }
    STEP("9");
    String* bodyString = TRY(ToString(agent, bodyArg));
    STEP("10");
    Realm& currentRealm = *agent.current_realm();
    STEP("11");
    std::vector<String*> strings;
    for (Value s : parameterStrings) strings.push_back(s.as_string());
    TRY(agent.host.HostEnsureCanCompileStrings(agent, currentRealm, strings, bodyString, false));
    STEP("12");
    std::string P;
    STEP("13");
    if (argCount > 0) {
        STEP("13.a");
        P = strings[0]->to_source_text();
        STEP("13.b");
        STEP("13.c");
        for (size_t k = 1; k < argCount; ++k) {
            STEP("13.c.i");
            STEP("13.c.ii");
            P += "," + strings[k]->to_source_text();
            STEP("13.c.iii");
        }
    }
    STEP("14");
    std::string bodyParseString = "\n" + bodyString->to_source_text() + "\n";
    STEP("15");
    std::string sourceString = prefix + " anonymous(" + P + "\n) {" + bodyParseString + "}";
    STEP("16");
    STEP("17");
    STEP("18");
    if (!ParseFunctionExpression(prefix + " (" + P + "\n) {}", exprSym))
        return throw_error(agent, ErrorType::SyntaxError, "invalid function parameters");
    STEP("19");
    STEP("20");
    if (!ParseFunctionExpression(prefix + " () {" + bodyParseString + "}", exprSym))
        return throw_error(agent, ErrorType::SyntaxError, "invalid function body");
    STEP("21");
    STEP("22");
    STEP("23");
    std::unique_ptr<Program> expr = ParseFunctionExpression(sourceString, exprSym);
    STEP("24");
    if (!expr) return throw_error(agent, ErrorType::SyntaxError, "invalid function source text");
    STEP("25");
    Object* proto = TRY(GetPrototypeFromConstructor(agent, *newTarget, fallbackProto));
    STEP("26");
    EnvironmentRecord* env = currentRealm.GlobalEnv;
    STEP("27");
    PrivateEnvironmentRecord* privateEnv = nullptr;
    STEP("28");
    auto unit = std::make_shared<SourceUnit>();
    unit->file_name = "<Function>";
    unit->program = std::move(expr);
    const Node* statement = unit->program->body[0]->as<ExpressionStatement>()->expression;
    const auto* function = statement->as<UnaryNode>()->operand->as<FunctionNode>();
    ECMAScriptFunctionObject* F =
        OrdinaryFunctionCreate(agent, *proto, unit->program->source_text(*function), function, nullptr,
                               ThisModeArgument::NonLexicalThis, env, privateEnv, unit);
    Root<Object*> rootedF(F);
    STEP("29");
    SetFunctionName(agent, *F, agent.key("anonymous"));
    // Steps 30 and 31: a generator's "prototype" object.
    auto definePrototype = [&](Intrinsic which) {
        Object* prototype = OrdinaryObjectCreate(agent, currentRealm.intrinsic(which));
        MUST(DefinePropertyOrThrow(agent, *F, agent.names.prototype,
                                   PropertyDescriptor{.value = Value(prototype), .writable = true,
                                                      .enumerable = false, .configurable = false}));
    };
    STEP("30");
    if (kind == DynamicFunctionKind::Generator) {
        STEP("30.a");
        STEP("30.b");
        definePrototype(Intrinsic::GeneratorPrototype);
    } else if (kind == DynamicFunctionKind::AsyncGenerator) {
        STEP("31");
        STEP("31.a");
        STEP("31.b");
        definePrototype(Intrinsic::AsyncGeneratorPrototype);
    } else if (kind == DynamicFunctionKind::Normal) {
        STEP("32");
        STEP("32.a");
        MakeConstructor(agent, *F);
    }
    STEP("33");
    STEP("34");
    return static_cast<Object*>(F);
}

}  // namespace lockstep
