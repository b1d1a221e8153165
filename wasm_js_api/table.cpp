// WebAssembly JS API §3.5 Tables (index.bs "interface Table"): the Table
// constructor, grow, length, get and set.
#include "abstract_ops/type_conversion.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

namespace {

bool is_exnref(const wasm::ValType& t)
{
    return t.is_ref() && wasm::top_heap(t.heap) == wasm::AbsHeap::Exn;
}

// initialize a table object table from tableaddr
void InitializeATableObject(Agent& agent, TableObject& table, wasm::TableInst* tableaddr)
{
    SPEC_ALGORITHM("initialize-a-table-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(!map.contains(tableaddr));
    STEP("3");  table.Table = tableaddr;
    STEP("4");  map[tableaddr] = &table;
}

// The element value of Table's grow and set: DefaultValue when not passed
// (an optional `any` argument passed as undefined is the value undefined);
// a non-nullable reference type has no default value.
ThrowCompletionOr<wasm::Value> element_argument(Agent& agent, Arguments args, size_t i, const wasm::ValType& elementType)
{
    if (args.size() <= i) {
        if (elementType.is_ref() && !elementType.nullable) return throw_type_error(agent, "the table's element type has no default value");
        return DefaultValue(agent, elementType);
    }
    return ToWebAssemblyValue(agent, args[i], elementType);
}

// Table ( descriptor, value )
ThrowCompletionOr<Value> Table(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-table-table");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Table constructor requires 'new'");
    Value descriptor = argument(args, 0);
    if (!descriptor.is_object()) return throw_type_error(agent, "WebAssembly.Table: the descriptor must be an object");
    // The dictionary's members, in WebIDL's (lexicographic) order.
    Value elementValue = TRY(dictionary_member(agent, descriptor, "element"));
    if (elementValue.is_undefined()) return throw_type_error(agent, "WebAssembly.Table: 'element' is required");
    String* elementName = TRY(ToString(agent, elementValue));
    Value initialValue = TRY(dictionary_member(agent, descriptor, "initial"));
    if (initialValue.is_undefined()) return throw_type_error(agent, "WebAssembly.Table: 'initial' is required");
    uint64_t initial = TRY(enforce_range(agent, initialValue, 4294967295.0));
    Value maximumValue = TRY(dictionary_member(agent, descriptor, "maximum"));
    std::optional<uint64_t> maximum;
    if (!maximumValue.is_undefined()) maximum = TRY(enforce_range(agent, maximumValue, 4294967295.0));
    STEP("1");  std::optional<wasm::ValType> elementType = ToValueType(elementName->to_utf8());
    STEP("2");
    if (!elementType || !elementType->is_ref()) {
        STEP("2.a");  return throw_type_error(agent, "WebAssembly.Table: 'element' is not a reference type");
    }
    STEP("3-4");
    STEP("5");
    if (maximum && *maximum < initial) return throw_range_error(agent, "WebAssembly.Table: 'maximum' is below 'initial'");
    if (initial > wasm::kMaxTableSize) return throw_range_error(agent, "WebAssembly.Table: 'initial' is too large");
    STEP("6");
    wasm::Value ref;
    if (args.size() < 2) {
        STEP("6.a-6.b");  ref = DefaultValue(agent, *elementType);
    } else {
        STEP("7");
        STEP("7.a");  ref = TRY(ToWebAssemblyValue(agent, args[1], *elementType));
    }
    STEP("8");
    wasm::TableType type;
    type.limits.min = initial;
    type.limits.has_max = maximum.has_value();
    type.limits.max = maximum.value_or(0);
    type.elem = *elementType;
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyTablePrototype));
    STEP("9");
    STEP("10");
    wasm::TableInst* tableaddr = state(agent).store().alloc_table();
    tableaddr->type = type;
    tableaddr->elems.assign(initial, ref.ref);
    STEP("11");
    STEP("12");
    auto* table = OrdinaryObjectCreate<TableObject>(agent, proto);
    InitializeATableObject(agent, *table, tableaddr);
    return Value(table);
}

// Table.prototype.grow ( delta, value )
ThrowCompletionOr<Value> Table_grow(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-Table-grow");
    TableObject* table = TRY(this_object<TableObject>(agent, thisValue, "Table"));
    uint64_t delta = TRY(enforce_range(agent, argument(args, 0), 4294967295.0));
    STEP("1");  wasm::TableInst* tableaddr = table->Table;
    STEP("2");
    STEP("3");  uint64_t initialSize = tableaddr->elems.size();
    STEP("4");  const wasm::ValType elementType = tableaddr->type.elem;
    STEP("5");
    STEP("5.a-5.b");
    STEP("6");
    STEP("6.a");  wasm::Value ref = TRY(element_argument(agent, args, 1, elementType));
    STEP("7");  // table_grow: within the maximum and the implementation's limit
    const uint64_t max = tableaddr->type.limits.has_max ? tableaddr->type.limits.max : UINT32_MAX;
    const bool ok = delta <= max - initialSize && initialSize + delta <= wasm::kMaxTableSize;
    STEP("8");  if (!ok) return throw_range_error(agent, "WebAssembly.Table.grow: cannot grow the table");
    STEP("9");
    tableaddr->elems.resize(initialSize + delta, ref.ref);
    tableaddr->type.limits.min = initialSize + delta;
    STEP("10");  return Value::number(double(initialSize));
}

// Table.prototype.length
ThrowCompletionOr<Value> Table_length(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("dom-table-length");
    TableObject* table = TRY(this_object<TableObject>(agent, thisValue, "Table"));
    STEP("1");  wasm::TableInst* tableaddr = table->Table;
    STEP("2");
    STEP("3");  return Value::number(double(tableaddr->elems.size()));
}

// Table.prototype.get ( index )
ThrowCompletionOr<Value> Table_get(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-table-get");
    TableObject* table = TRY(this_object<TableObject>(agent, thisValue, "Table"));
    uint64_t index = TRY(enforce_range(agent, argument(args, 0), 4294967295.0));
    STEP("1");  wasm::TableInst* tableaddr = table->Table;
    STEP("2");
    STEP("3");  const wasm::ValType elementType = tableaddr->type.elem;
    STEP("4");
    if (is_exnref(elementType)) {
        STEP("4.a");  return throw_type_error(agent, "WebAssembly.Table.get: an exnref table");
    }
    STEP("5");
    STEP("6");
    if (index >= tableaddr->elems.size()) return throw_range_error(agent, "WebAssembly.Table.get: index out of bounds");
    STEP("7");  return ToJSValue(agent, wasm::Value::from_ref(tableaddr->elems[index]), elementType);
}

// Table.prototype.set ( index, value )
ThrowCompletionOr<Value> Table_set(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-table-set");
    TableObject* table = TRY(this_object<TableObject>(agent, thisValue, "Table"));
    uint64_t index = TRY(enforce_range(agent, argument(args, 0), 4294967295.0));
    STEP("1");  wasm::TableInst* tableaddr = table->Table;
    STEP("2");
    STEP("3");  const wasm::ValType elementType = tableaddr->type.elem;
    STEP("4");
    if (is_exnref(elementType)) {
        STEP("4.a");  return throw_type_error(agent, "WebAssembly.Table.set: an exnref table");
    }
    STEP("5");
    STEP("5.a-5.b");
    STEP("6");
    STEP("6.a");  wasm::Value ref = TRY(element_argument(agent, args, 1, elementType));
    STEP("7");
    STEP("8");
    STEP("9");
    if (index >= tableaddr->elems.size()) return throw_range_error(agent, "WebAssembly.Table.set: index out of bounds");
    tableaddr->elems[index] = ref.ref;
    STEP("10");
    return Value::undefined();
}

}  // namespace

Object* CreateATableObject(Agent& agent, wasm::TableInst* tableaddr)
{
    SPEC_ALGORITHM("create-a-table-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(tableaddr); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    auto* table = OrdinaryObjectCreate<TableObject>(agent, agent.current_realm()->intrinsic(Intrinsic::WebAssemblyTablePrototype));
    STEP("4");  InitializeATableObject(agent, *table, tableaddr);
    STEP("5");  return table;
}

void CreateTableInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Table", 1, Table, Intrinsic::WebAssemblyTablePrototype);
    Object& proto = *realm.intrinsic(Intrinsic::WebAssemblyTablePrototype);
    define_operation(agent, realm, proto, "grow", Table_grow, 1);
    define_operation(agent, realm, proto, "get", Table_get, 1);
    define_operation(agent, realm, proto, "set", Table_set, 1);
    define_attribute(agent, realm, proto, "length", Table_length);
}

}  // namespace lockstep::wasm_js_api
