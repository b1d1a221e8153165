// ECMA-262 §16.2 Modules (runtime semantics), §13.3.10 import(), §13.3.12 import.meta.
#include "algorithms/modules.h"

#include <algorithm>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text_module_records.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/static_semantics.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

Completion EvaluateModule(Evaluator& e, const Program& module)
{
    if (module.body.empty()) {
        // Module : [empty]
        SPEC_ALGORITHM("sec-module-semantics-runtime-semantics-evaluation#1");
        STEP("1");
        return NormalCompletion(Value::undefined());
    }
    SPEC_ALGORITHM("sec-module-semantics-runtime-semantics-evaluation#2");
    STEP("1");
    // ModuleItemList : ModuleItemList ModuleItem is UpdateEmpty over the
    // items, as for a StatementList.
    Completion result = EvaluateStatementList(e, module.body);
    STEP("2");
    if (result.is_normal() && result.value.is_empty()) {
        STEP("2.a");
        return NormalCompletion(Value::undefined());
    }
    STEP("3");
    return result;
}

Completion EvaluateImportDeclaration(Evaluator&, const ImportDeclaration&)
{
    SPEC_ALGORITHM("sec-module-semantics-runtime-semantics-evaluation#4");
    STEP("1");
    return Completion();
}

Completion EvaluateExportDeclaration(Evaluator& e, const ExportDeclaration& d)
{
    using Form = ExportDeclaration::Form;
    Agent& agent = e.agent;
    switch (d.form) {
    case Form::ExportAllFrom:
    case Form::ExportNamespaceFrom:
    case Form::ExportNamedFrom:
    case Form::ExportNamed: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#1");
        STEP("1");
        return Completion();
    }
    case Form::ExportVariable: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#2");
        STEP("1");
        return Evaluation(e, *d.declaration);
    }
    case Form::ExportDeclaration: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#3");
        STEP("1");
        return Evaluation(e, *d.declaration);
    }
    case Form::ExportDefaultHoistable: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#4");
        STEP("1");
        return Evaluation(e, *d.declaration);
    }
    case Form::ExportDefaultClass: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#5");
        const ClassNode& classDeclaration = *d.declaration->as<ClassNode>();
        STEP("1");
        if (classDeclaration.name) {
            // BindingClassDeclarationEvaluation of `class BindingIdentifier
            // ClassTail` also binds the name (step 3 then does nothing).
            Completion result = EvaluateClassDeclaration(e, classDeclaration);
            if (result.is_abrupt()) return result;
        }
        Object* value = nullptr;
        if (!classDeclaration.name) {
            // §15.7.15 BindingClassDeclarationEvaluation of `class ClassTail`:
            // ClassDefinitionEvaluation with undefined and "default".
            value = TRY(ClassDefinitionEvaluation(e, classDeclaration, nullptr,
                                                  PropertyName(PropertyKey::from_ascii(agent.heap, "default"))));
        }
        STEP("2");  // className: the name, or "*default*"
        STEP("3");
        if (!classDeclaration.name) {
            STEP("3.a");
            EnvironmentRecord* env = agent.running_execution_context().LexicalEnvironment;
            STEP("3.b");  // InitializeBoundName("*default*", value, env): env is an Environment Record
            TRY(env->InitializeBinding(agent, u"*default*", value));
        }
        STEP("4");
        return Completion();
    }
    case Form::ExportDefaultExpression: {
        SPEC_ALGORITHM("sec-exports-runtime-semantics-evaluation#6");
        const Node& assignmentExpression = *d.declaration;
        Value value;
        STEP("1");
        if (IsAnonymousFunctionDefinition(&assignmentExpression)) {
            STEP("1.a");
            value = TRY(NamedEvaluation(e, assignmentExpression,
                                        PropertyName(PropertyKey::from_ascii(agent.heap, "default"))));
        } else {
            STEP("2");
            STEP("2.a-2.b");
            value = TRY(EvaluateExpression(e, assignmentExpression));
        }
        Root<Value> rootedValue(value);
        STEP("3");
        EnvironmentRecord* env = agent.running_execution_context().LexicalEnvironment;
        STEP("4");  // InitializeBoundName("*default*", value, env)
        TRY(env->InitializeBinding(agent, u"*default*", value));
        STEP("5");
        return Completion();
    }
    }
    return Completion();
}

namespace {

// Rejects capability's promise with a new TypeError.
Value RejectWithTypeError(Agent& agent, const PromiseCapabilityRecord& capability, std::string_view message)
{
    Value error = throw_type_error(agent, message).value;
    MUST(Call(agent, capability.Reject, Value::undefined(), std::span<const Value>(&error, 1)));
    return capability.Promise;
}

}  // namespace

ThrowCompletionOr<Value> EvaluateImportCall(Evaluator& e, const ImportCall& importCall)
{
    Agent& agent = e.agent;
    {
        SPEC_ALGORITHM("sec-import-call-runtime-semantics-evaluation#1");
        STEP("1");  // ImportCall : import ( AssignmentExpression ,? )
    }
    SPEC_ALGORITHM("sec-evaluate-import-call");
    STEP("1");
    ScriptOrModule* activeScriptOrModule = GetActiveScriptOrModule(agent);
    ModuleReferrer referrer = activeScriptOrModule;
    STEP("2");
    if (!activeScriptOrModule) referrer = agent.current_realm();
    STEP("3-4");
    Root<Value> specifier(TRY(EvaluateExpression(e, *importCall.specifier)));
    STEP("5");
    Root<Value> options(Value::undefined());
    if (importCall.options) {
        STEP("5.a-5.b");
        options = TRY(EvaluateExpression(e, *importCall.options));
    } else {
        STEP("6");
        STEP("6.a");
    }
    STEP("7");
    Root<PromiseCapabilityRecord> promiseCapability(
        MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise))));
    const PromiseCapabilityRecord& capability = promiseCapability.get();
    STEP("8");
    ThrowCompletionOr<String*> specifierString = ToString(agent, specifier);
    STEP("9");
    String* specifierText = IfAbruptRejectPromise(specifierString, capability);
    std::u16string specifierUnits(specifierText->view());
    STEP("10");
    std::vector<ImportAttributeRecord> attributes;
    STEP("11");
    if (!options.get().is_undefined()) {
        STEP("11.a");
        if (!options.get().is_object()) {
            STEP("11.a.i");
            STEP("11.a.ii");
            return RejectWithTypeError(agent, capability, "the options of import() must be an object");
        }
        STEP("11.b");
        ThrowCompletionOr<Value> attributesObjCompletion = Get(agent, *options.get().as_object(), agent.key("with"));
        STEP("11.c");
        Root<Value> attributesObj(IfAbruptRejectPromise(attributesObjCompletion, capability));
        STEP("11.d");
        if (!attributesObj.get().is_undefined()) {
            STEP("11.d.i");
            if (!attributesObj.get().is_object()) {
                STEP("11.d.i.1");
                STEP("11.d.i.2");
                return RejectWithTypeError(agent, capability, "the 'with' option of import() must be an object");
            }
            STEP("11.d.ii");
            ThrowCompletionOr<lockstep::List<Value>> entriesCompletion = EnumerableOwnProperties(
                agent, *attributesObj.get().as_object(), EnumerableOwnPropertiesKind::KeyValue);
            STEP("11.d.iii");
            lockstep::List<Value> entries = IfAbruptRejectPromise(entriesCompletion, capability);
            STEP("11.d.iv");
            for (Value entry : entries) {
                STEP("11.d.iv.1");
                Value key = MUST(Get(agent, *entry.as_object(), PropertyKey::from_array_index(0)));
                STEP("11.d.iv.2");
                Value value = MUST(Get(agent, *entry.as_object(), PropertyKey::from_array_index(1)));
                STEP("11.d.iv.3");
                if (key.is_string()) {
                    STEP("11.d.iv.3.a");
                    if (!value.is_string()) {
                        STEP("11.d.iv.3.a.i");
                        STEP("11.d.iv.3.a.ii");
                        return RejectWithTypeError(agent, capability, "import attribute values must be strings");
                    }
                    STEP("11.d.iv.3.b");
                    attributes.push_back(ImportAttributeRecord{std::u16string(key.as_string()->view()),
                                                               std::u16string(value.as_string()->view())});
                }
            }
        }
        STEP("11.e");
        if (!AllImportAttributesSupported(agent, attributes)) {
            STEP("11.e.i");
            STEP("11.e.ii");
            return RejectWithTypeError(agent, capability, "unsupported import attribute");
        }
        STEP("11.f");
        std::stable_sort(attributes.begin(), attributes.end(),
                         [](const ImportAttributeRecord& a, const ImportAttributeRecord& b) { return a.Key < b.Key; });
    }
    STEP("12");
    ModuleRequestRecord moduleRequest{std::move(specifierUnits), std::move(attributes)};
    STEP("13");
    PromiseCapabilityRecord payload = capability;
    agent.host.HostLoadImportedModule(agent, referrer, moduleRequest, Value::empty(), ModuleLoadPayload(&payload));
    STEP("14");
    return capability.Promise;
}

namespace {

// The slots of ContinueDynamicImport's closures: what they capture.
enum DynamicImportSlot : size_t { CapabilityPromise, CapabilityResolve, CapabilityReject, CapturedModuleSlot, OnRejected };

PromiseCapabilityRecord CapturedCapability(const BuiltinFunction& F)
{
    return PromiseCapabilityRecord{F.slots[CapabilityPromise].as_object(), F.slots[CapabilityResolve].as_object(),
                                   F.slots[CapabilityReject].as_object()};
}

BuiltinFunction* CreateDynamicImportClosure(Agent& agent, BuiltinBehaviour behaviour, double length,
                                            const PromiseCapabilityRecord& capability)
{
    BuiltinFunction* F =
        CreateBuiltinFunction(agent, std::move(behaviour), length, agent.key(""), {.additionalInternalSlots = 5});
    F->slots[CapabilityPromise] = capability.Promise;
    F->slots[CapabilityResolve] = capability.Resolve;
    F->slots[CapabilityReject] = capability.Reject;
    return F;
}

}  // namespace

void ContinueDynamicImport(Agent& agent, const PromiseCapabilityRecord& promiseCapability,
                           ThrowCompletionOr<ModuleRecord*> moduleCompletion)
{
    SPEC_ALGORITHM("sec-ContinueDynamicImport");
    Root<PromiseCapabilityRecord> rootedCapability(promiseCapability);
    STEP("1");
    if (moduleCompletion.is_abrupt()) {
        STEP("1.a");
        Value reason = moduleCompletion.thrown_value();
        MUST(Call(agent, promiseCapability.Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
        STEP("1.b");
        return;
    }
    STEP("2");
    Root<ModuleRecord*> module(moduleCompletion.value());
    STEP("3");
    Root<Object*> loadPromise(module->LoadRequestedModules(agent));
    STEP("4");
    auto rejectedClosure = [](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> arguments,
                              Object*) -> ThrowCompletionOr<Value> {
        Value reason = arguments.empty() ? Value::undefined() : arguments[0];
        STEP("4.a");
        MUST(Call(agent, CapturedCapability(F).Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
        STEP("4.b");
        return Value::undefined();
    };
    STEP("5");
    Root<Object*> onRejected(CreateDynamicImportClosure(agent, rejectedClosure, 1, promiseCapability));
    STEP("6");
    auto linkAndEvaluateClosure = [](Agent& agent, BuiltinFunction& F, Value, std::span<const Value>,
                                     Object*) -> ThrowCompletionOr<Value> {
        PromiseCapabilityRecord promiseCapability = CapturedCapability(F);
        ModuleRecord& module = CapturedModule(F.slots[CapturedModuleSlot]);
        STEP("6.a");
        ThrowCompletionOr<void> link = module.Link(agent);
        STEP("6.b");
        if (link.is_abrupt()) {
            STEP("6.b.i");
            Value reason = link.thrown_value();
            MUST(Call(agent, promiseCapability.Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
            STEP("6.b.ii");
            return Value::undefined();
        }
        STEP("6.c");
        Root<Object*> evaluatePromise(module.Evaluate(agent));
        STEP("6.d");
        auto fulfilledClosure = [](Agent& agent, BuiltinFunction& F, Value, std::span<const Value>,
                                   Object*) -> ThrowCompletionOr<Value> {
            STEP("6.d.i");
            Value namespaceObject = GetModuleNamespace(agent, CapturedModule(F.slots[CapturedModuleSlot]));
            STEP("6.d.ii");
            MUST(Call(agent, CapturedCapability(F).Resolve, Value::undefined(),
                      std::span<const Value>(&namespaceObject, 1)));
            STEP("6.d.iii");
            return Value::undefined();
        };
        STEP("6.e");
        Root<Object*> onFulfilled(CreateDynamicImportClosure(agent, fulfilledClosure, 0, promiseCapability));
        static_cast<BuiltinFunction*>(onFulfilled.get())->slots[CapturedModuleSlot] = F.slots[CapturedModuleSlot];
        STEP("6.f");
        PerformPromiseThen(agent, *as_promise(evaluatePromise.get()), onFulfilled.get(), F.slots[OnRejected]);
        STEP("6.g");
        return Value::undefined();
    };
    STEP("7");
    Root<Object*> linkAndEvaluate(CreateDynamicImportClosure(agent, linkAndEvaluateClosure, 0, promiseCapability));
    auto* linkAndEvaluateFunction = static_cast<BuiltinFunction*>(linkAndEvaluate.get());
    linkAndEvaluateFunction->slots[OnRejected] = onRejected.get();
    linkAndEvaluateFunction->slots[CapturedModuleSlot] = CaptureModule(agent, *module.get());
    STEP("8");
    PerformPromiseThen(agent, *as_promise(loadPromise.get()), linkAndEvaluate.get(), onRejected.get());
    STEP("9");
}

ThrowCompletionOr<Value> EvaluateImportMeta(Evaluator& e)
{
    SPEC_ALGORITHM("sec-meta-properties-runtime-semantics-evaluation#2");
    Agent& agent = e.agent;
    STEP("1");
    ScriptOrModule* active = GetActiveScriptOrModule(agent);
    STEP("2");
    SPEC_ASSERT(active && active->is_module());
    auto* module = dynamic_cast<SourceTextModuleRecord*>(active);
    SPEC_ASSERT(module);
    STEP("3");
    Object* importMeta = module->ImportMeta;
    STEP("4");
    if (!importMeta) {
        STEP("4.a");
        Root<Object*> newImportMeta(OrdinaryObjectCreate(agent, nullptr));
        STEP("4.b");
        std::vector<ImportMetaProperty> importMetaValues = agent.host.HostGetImportMetaProperties(agent, *module);
        STEP("4.c");
        for (const ImportMetaProperty& p : importMetaValues) {
            STEP("4.c.i");
            PropertyKey key = MUST(ToPropertyKey(agent, p.key));
            MUST(CreateDataPropertyOrThrow(agent, *newImportMeta.get(), key, p.value));
        }
        STEP("4.d");
        agent.host.HostFinalizeImportMeta(agent, newImportMeta.get(), *module);
        STEP("4.e");
        module->ImportMeta = newImportMeta.get();
        STEP("4.f");
        return Value(newImportMeta.get());
    }
    STEP("5");
    STEP("5.a");
    STEP("5.b");
    return Value(importMeta);
}

}  // namespace lockstep
