// WebAssembly JS API §3.4 Memories (index.bs "interface Memory"): the
// Memory constructor, buffer (an ArrayBuffer over the memory's own bytes,
// detached and replaced when the memory grows) and grow.
#include "abstract_ops/array_buffer_operations.h"
#include "runtime/array_buffer.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

void MemoryObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(BufferObject);
}

namespace {

// The detach key of every memory buffer.
Value detach_key(Agent& agent)
{
    return make_string_from_ascii(agent.heap, "WebAssembly.Memory");
}

// create a fixed length memory buffer from memaddr
ArrayBufferObject* CreateAFixedLengthMemoryBuffer(Agent& agent, wasm::MemInst* memaddr)
{
    SPEC_ALGORITHM("create-a-fixed-length-memory-buffer");
    STEP("1");  std::shared_ptr<DataBlock> block = DataBlock::view(memaddr->data, memaddr->size, false);
    STEP("2");
    auto* buffer = OrdinaryObjectCreate<ArrayBufferObject>(agent, agent.current_realm()->intrinsic(Intrinsic::ArrayBufferPrototype));
    STEP("3");  buffer->ArrayBufferData = block;
    STEP("4");  buffer->ArrayBufferByteLength = block->size();
    STEP("5");  buffer->ArrayBufferDetachKey = detach_key(agent);
    STEP("6");  return buffer;
}

// initialize a memory object memory from memaddr
void InitializeAMemoryObject(Agent& agent, MemoryObject& memory, wasm::MemInst* memaddr)
{
    SPEC_ALGORITHM("initialize-a-memory-object");
    Root<Object*> keep = &memory;
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(!map.contains(memaddr));
    STEP("3");  ArrayBufferObject* buffer = CreateAFixedLengthMemoryBuffer(agent, memaddr);
    STEP("4");  memory.Memory = memaddr;
    STEP("5");  memory.BufferObject = buffer;
    STEP("6");  map[memaddr] = &memory;
}

// refresh the memory buffer of memaddr
void RefreshTheMemoryBuffer(Agent& agent, wasm::MemInst* memaddr)
{
    SPEC_ALGORITHM("refresh-the-memory-buffer");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(map.contains(memaddr));
    STEP("3");  auto* memory = static_cast<MemoryObject*>(map[memaddr]);
    STEP("4");  ArrayBufferObject* buffer = memory->BufferObject;
    STEP("5");
    if (IsFixedLengthArrayBuffer(*buffer)) {
        STEP("5.a");  MUST(DetachArrayBuffer(agent, *buffer, detach_key(agent)));
        STEP("5.b");  buffer = CreateAFixedLengthMemoryBuffer(agent, memaddr);
        STEP("5.c");  memory->BufferObject = buffer;
    } else {
        STEP("6");
        STEP("6.a");  std::shared_ptr<DataBlock> block = DataBlock::view(memaddr->data, memaddr->size, false);
        STEP("6.b");  buffer->ArrayBufferData = block;
        STEP("6.c");  buffer->ArrayBufferByteLength = block->size();
    }
}

// grow the memory buffer associated with memaddr by delta
ThrowCompletionOr<uint64_t> GrowTheMemoryBuffer(Agent& agent, wasm::MemInst* memaddr, uint64_t delta)
{
    SPEC_ALGORITHM("grow-the-memory-buffer");
    STEP("1");
    STEP("2");  uint64_t ret = memaddr->pages();
    STEP("3");  bool grown = memaddr->grow(delta);
    STEP("4");  if (!grown) return throw_range_error(agent, "WebAssembly.Memory.grow: cannot grow the memory");
    STEP("5");
    STEP("6");  RefreshTheMemoryBuffer(agent, memaddr);
    STEP("7");  return ret;
}

// Memory ( descriptor )
ThrowCompletionOr<Value> Memory(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-memory-memory");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Memory constructor requires 'new'");
    Value descriptor = argument(args, 0);
    if (!descriptor.is_object()) return throw_type_error(agent, "WebAssembly.Memory: the descriptor must be an object");
    // The dictionary's members, in WebIDL's (lexicographic) order.
    Value initialValue = TRY(dictionary_member(agent, descriptor, "initial"));
    if (initialValue.is_undefined()) return throw_type_error(agent, "WebAssembly.Memory: 'initial' is required");
    STEP("1");  uint64_t initial = TRY(enforce_range(agent, initialValue, 4294967295.0));
    Value maximumValue = TRY(dictionary_member(agent, descriptor, "maximum"));
    STEP("2");
    std::optional<uint64_t> maximum;
    if (!maximumValue.is_undefined()) maximum = TRY(enforce_range(agent, maximumValue, 4294967295.0));
    STEP("3");
    if (maximum && *maximum < initial) return throw_range_error(agent, "WebAssembly.Memory: 'maximum' is below 'initial'");
    if (initial > 65536) return throw_range_error(agent, "WebAssembly.Memory: 'initial' exceeds 65536 pages");
    if (maximum && *maximum > 65536) return throw_range_error(agent, "WebAssembly.Memory: 'maximum' exceeds 65536 pages");
    STEP("4");
    wasm::MemType memtype;
    memtype.limits.min = initial;
    memtype.limits.has_max = maximum.has_value();
    memtype.limits.max = maximum.value_or(0);
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyMemoryPrototype));
    STEP("5");
    STEP("6");
    wasm::MemInst* memaddr = state(agent).store().alloc_mem();
    if (!memaddr->init(memtype)) return throw_range_error(agent, "WebAssembly.Memory: cannot allocate the memory");
    STEP("7");
    STEP("8");
    auto* memory = OrdinaryObjectCreate<MemoryObject>(agent, proto);
    InitializeAMemoryObject(agent, *memory, memaddr);
    return Value(memory);
}

// Memory.prototype.grow ( delta )
ThrowCompletionOr<Value> Memory_grow(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-Memory-grow");
    MemoryObject* memory = TRY(this_object<MemoryObject>(agent, thisValue, "Memory"));
    uint64_t delta = TRY(enforce_range(agent, argument(args, 0), 4294967295.0));
    STEP("1");  wasm::MemInst* memaddr = memory->Memory;
    STEP("2");  return Value::number(double(TRY(GrowTheMemoryBuffer(agent, memaddr, delta))));
}

// Memory.prototype.buffer
ThrowCompletionOr<Value> Memory_buffer(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    MemoryObject* memory = TRY(this_object<MemoryObject>(agent, thisValue, "Memory"));
    return Value(memory->BufferObject);
}

}  // namespace

void MemoryGrow(Agent& agent, wasm::MemInst* memaddr)
{
    // Called after memory.grow succeeded, i.e. the top of the stack is not -1.
    SPEC_ALGORITHM("memory.grow");
    STEP("1");
    STEP("1.a-1.c");  // the interpreter passes the memory it grew
    STEP("1.d");
    // A memory no Memory object was made for has no buffer to refresh.
    if (state(agent).object_cache.contains(memaddr)) RefreshTheMemoryBuffer(agent, memaddr);
}

Object* CreateAMemoryObject(Agent& agent, wasm::MemInst* memaddr)
{
    SPEC_ALGORITHM("create-a-memory-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(memaddr); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    auto* memory = OrdinaryObjectCreate<MemoryObject>(agent, agent.current_realm()->intrinsic(Intrinsic::WebAssemblyMemoryPrototype));
    STEP("4");  InitializeAMemoryObject(agent, *memory, memaddr);
    STEP("5");  return memory;
}

void CreateMemoryInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Memory", 1, Memory, Intrinsic::WebAssemblyMemoryPrototype);
    Object& proto = *realm.intrinsic(Intrinsic::WebAssemblyMemoryPrototype);
    define_operation(agent, realm, proto, "grow", Memory_grow, 1);
    define_attribute(agent, realm, proto, "buffer", Memory_buffer);
}

}  // namespace lockstep::wasm_js_api
