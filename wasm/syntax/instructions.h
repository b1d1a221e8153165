// Wasm 3.0 §2.4 Instructions (SpecTec 1.3-syntax.instructions) and their
// binary opcodes (5.3-binary.instructions), as one table that the decoder, the
// text parser, the validator and the interpreter all read.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lockstep::wasm {

// The kind of immediates an instruction carries (binary and text order).
enum class Imm : uint8_t {
    None, Block, Label, BrTable, Func, CallIndirect, Type, TypeField, TypeType,
    TypeData, TypeElem, TypeN, Local, Global, Table, TableTable, TableElem, Elem,
    Mem, MemMem, MemData, Data, MemArg, I32, I64, F32, F64, V128, SelectT,
    HeapType, RefType, BrOnCast, Tag, TryTable, Lane, MemArgLane, Shuffle,
};

// X(Enum, "mnemonic", prefix, code, Imm, signature)
// signature: operand types ":" result types, i/I/f/F/v = i32/i64/f32/f64/v128,
// a = the address type of the memory operand; "" = typed by the validator.
#define WASM_CONTROL_INSTRUCTIONS(X)                                          \
    X(Unreachable, "unreachable", 0, 0x00, None, "")                          \
    X(Nop, "nop", 0, 0x01, None, ":")                                         \
    X(Block, "block", 0, 0x02, Block, "")                                     \
    X(Loop, "loop", 0, 0x03, Block, "")                                       \
    X(If, "if", 0, 0x04, Block, "")                                           \
    X(Else, "else", 0, 0x05, None, "")                                        \
    X(Try, "try", 0, 0x06, Block, "")                                         \
    X(Catch, "catch", 0, 0x07, Tag, "")                                       \
    X(Throw, "throw", 0, 0x08, Tag, "")                                       \
    X(Rethrow, "rethrow", 0, 0x09, Label, "")                                 \
    X(ThrowRef, "throw_ref", 0, 0x0A, None, "")                               \
    X(End, "end", 0, 0x0B, None, "")                                          \
    X(Br, "br", 0, 0x0C, Label, "")                                           \
    X(BrIf, "br_if", 0, 0x0D, Label, "")                                      \
    X(BrTable, "br_table", 0, 0x0E, BrTable, "")                              \
    X(Return, "return", 0, 0x0F, None, "")                                    \
    X(Call, "call", 0, 0x10, Func, "")                                        \
    X(CallIndirect, "call_indirect", 0, 0x11, CallIndirect, "")               \
    X(ReturnCall, "return_call", 0, 0x12, Func, "")                           \
    X(ReturnCallIndirect, "return_call_indirect", 0, 0x13, CallIndirect, "")  \
    X(CallRef, "call_ref", 0, 0x14, Type, "")                                 \
    X(ReturnCallRef, "return_call_ref", 0, 0x15, Type, "")                    \
    X(Delegate, "delegate", 0, 0x18, Label, "")                               \
    X(CatchAll, "catch_all", 0, 0x19, None, "")                               \
    X(Drop, "drop", 0, 0x1A, None, "")                                        \
    X(Select, "select", 0, 0x1B, None, "")                                    \
    X(SelectT, "select", 0, 0x1C, SelectT, "")                                \
    X(TryTable, "try_table", 0, 0x1F, TryTable, "")                           \
    X(LocalGet, "local.get", 0, 0x20, Local, "")                              \
    X(LocalSet, "local.set", 0, 0x21, Local, "")                              \
    X(LocalTee, "local.tee", 0, 0x22, Local, "")                              \
    X(GlobalGet, "global.get", 0, 0x23, Global, "")                           \
    X(GlobalSet, "global.set", 0, 0x24, Global, "")                           \
    X(TableGet, "table.get", 0, 0x25, Table, "")                              \
    X(TableSet, "table.set", 0, 0x26, Table, "")

// Loads and stores: the last column is the natural alignment (log2) after ':'.
#define WASM_MEMORY_INSTRUCTIONS(X)                                           \
    X(I32Load, "i32.load", 0, 0x28, MemArg, "a:i2")                           \
    X(I64Load, "i64.load", 0, 0x29, MemArg, "a:I3")                           \
    X(F32Load, "f32.load", 0, 0x2A, MemArg, "a:f2")                           \
    X(F64Load, "f64.load", 0, 0x2B, MemArg, "a:F3")                           \
    X(I32Load8S, "i32.load8_s", 0, 0x2C, MemArg, "a:i0")                      \
    X(I32Load8U, "i32.load8_u", 0, 0x2D, MemArg, "a:i0")                      \
    X(I32Load16S, "i32.load16_s", 0, 0x2E, MemArg, "a:i1")                    \
    X(I32Load16U, "i32.load16_u", 0, 0x2F, MemArg, "a:i1")                    \
    X(I64Load8S, "i64.load8_s", 0, 0x30, MemArg, "a:I0")                      \
    X(I64Load8U, "i64.load8_u", 0, 0x31, MemArg, "a:I0")                      \
    X(I64Load16S, "i64.load16_s", 0, 0x32, MemArg, "a:I1")                    \
    X(I64Load16U, "i64.load16_u", 0, 0x33, MemArg, "a:I1")                    \
    X(I64Load32S, "i64.load32_s", 0, 0x34, MemArg, "a:I2")                    \
    X(I64Load32U, "i64.load32_u", 0, 0x35, MemArg, "a:I2")                    \
    X(I32Store, "i32.store", 0, 0x36, MemArg, "ai:2")                         \
    X(I64Store, "i64.store", 0, 0x37, MemArg, "aI:3")                         \
    X(F32Store, "f32.store", 0, 0x38, MemArg, "af:2")                         \
    X(F64Store, "f64.store", 0, 0x39, MemArg, "aF:3")                         \
    X(I32Store8, "i32.store8", 0, 0x3A, MemArg, "ai:0")                       \
    X(I32Store16, "i32.store16", 0, 0x3B, MemArg, "ai:1")                     \
    X(I64Store8, "i64.store8", 0, 0x3C, MemArg, "aI:0")                       \
    X(I64Store16, "i64.store16", 0, 0x3D, MemArg, "aI:1")                     \
    X(I64Store32, "i64.store32", 0, 0x3E, MemArg, "aI:2")                     \
    X(MemorySize, "memory.size", 0, 0x3F, Mem, ":a")                          \
    X(MemoryGrow, "memory.grow", 0, 0x40, Mem, "a:a")

#define WASM_NUMERIC_INSTRUCTIONS(X)                                          \
    X(I32Const, "i32.const", 0, 0x41, I32, ":i")                              \
    X(I64Const, "i64.const", 0, 0x42, I64, ":I")                              \
    X(F32Const, "f32.const", 0, 0x43, F32, ":f")                              \
    X(F64Const, "f64.const", 0, 0x44, F64, ":F")                              \
    X(I32Eqz, "i32.eqz", 0, 0x45, None, "i:i")                                \
    X(I32Eq, "i32.eq", 0, 0x46, None, "ii:i")                                 \
    X(I32Ne, "i32.ne", 0, 0x47, None, "ii:i")                                 \
    X(I32LtS, "i32.lt_s", 0, 0x48, None, "ii:i")                              \
    X(I32LtU, "i32.lt_u", 0, 0x49, None, "ii:i")                              \
    X(I32GtS, "i32.gt_s", 0, 0x4A, None, "ii:i")                              \
    X(I32GtU, "i32.gt_u", 0, 0x4B, None, "ii:i")                              \
    X(I32LeS, "i32.le_s", 0, 0x4C, None, "ii:i")                              \
    X(I32LeU, "i32.le_u", 0, 0x4D, None, "ii:i")                              \
    X(I32GeS, "i32.ge_s", 0, 0x4E, None, "ii:i")                              \
    X(I32GeU, "i32.ge_u", 0, 0x4F, None, "ii:i")                              \
    X(I64Eqz, "i64.eqz", 0, 0x50, None, "I:i")                                \
    X(I64Eq, "i64.eq", 0, 0x51, None, "II:i")                                 \
    X(I64Ne, "i64.ne", 0, 0x52, None, "II:i")                                 \
    X(I64LtS, "i64.lt_s", 0, 0x53, None, "II:i")                              \
    X(I64LtU, "i64.lt_u", 0, 0x54, None, "II:i")                              \
    X(I64GtS, "i64.gt_s", 0, 0x55, None, "II:i")                              \
    X(I64GtU, "i64.gt_u", 0, 0x56, None, "II:i")                              \
    X(I64LeS, "i64.le_s", 0, 0x57, None, "II:i")                              \
    X(I64LeU, "i64.le_u", 0, 0x58, None, "II:i")                              \
    X(I64GeS, "i64.ge_s", 0, 0x59, None, "II:i")                              \
    X(I64GeU, "i64.ge_u", 0, 0x5A, None, "II:i")                              \
    X(F32Eq, "f32.eq", 0, 0x5B, None, "ff:i")                                 \
    X(F32Ne, "f32.ne", 0, 0x5C, None, "ff:i")                                 \
    X(F32Lt, "f32.lt", 0, 0x5D, None, "ff:i")                                 \
    X(F32Gt, "f32.gt", 0, 0x5E, None, "ff:i")                                 \
    X(F32Le, "f32.le", 0, 0x5F, None, "ff:i")                                 \
    X(F32Ge, "f32.ge", 0, 0x60, None, "ff:i")                                 \
    X(F64Eq, "f64.eq", 0, 0x61, None, "FF:i")                                 \
    X(F64Ne, "f64.ne", 0, 0x62, None, "FF:i")                                 \
    X(F64Lt, "f64.lt", 0, 0x63, None, "FF:i")                                 \
    X(F64Gt, "f64.gt", 0, 0x64, None, "FF:i")                                 \
    X(F64Le, "f64.le", 0, 0x65, None, "FF:i")                                 \
    X(F64Ge, "f64.ge", 0, 0x66, None, "FF:i")                                 \
    X(I32Clz, "i32.clz", 0, 0x67, None, "i:i")                                \
    X(I32Ctz, "i32.ctz", 0, 0x68, None, "i:i")                                \
    X(I32Popcnt, "i32.popcnt", 0, 0x69, None, "i:i")                          \
    X(I32Add, "i32.add", 0, 0x6A, None, "ii:i")                               \
    X(I32Sub, "i32.sub", 0, 0x6B, None, "ii:i")                               \
    X(I32Mul, "i32.mul", 0, 0x6C, None, "ii:i")                               \
    X(I32DivS, "i32.div_s", 0, 0x6D, None, "ii:i")                            \
    X(I32DivU, "i32.div_u", 0, 0x6E, None, "ii:i")                            \
    X(I32RemS, "i32.rem_s", 0, 0x6F, None, "ii:i")                            \
    X(I32RemU, "i32.rem_u", 0, 0x70, None, "ii:i")                            \
    X(I32And, "i32.and", 0, 0x71, None, "ii:i")                               \
    X(I32Or, "i32.or", 0, 0x72, None, "ii:i")                                 \
    X(I32Xor, "i32.xor", 0, 0x73, None, "ii:i")                               \
    X(I32Shl, "i32.shl", 0, 0x74, None, "ii:i")                               \
    X(I32ShrS, "i32.shr_s", 0, 0x75, None, "ii:i")                            \
    X(I32ShrU, "i32.shr_u", 0, 0x76, None, "ii:i")                            \
    X(I32Rotl, "i32.rotl", 0, 0x77, None, "ii:i")                             \
    X(I32Rotr, "i32.rotr", 0, 0x78, None, "ii:i")                             \
    X(I64Clz, "i64.clz", 0, 0x79, None, "I:I")                                \
    X(I64Ctz, "i64.ctz", 0, 0x7A, None, "I:I")                                \
    X(I64Popcnt, "i64.popcnt", 0, 0x7B, None, "I:I")                          \
    X(I64Add, "i64.add", 0, 0x7C, None, "II:I")                               \
    X(I64Sub, "i64.sub", 0, 0x7D, None, "II:I")                               \
    X(I64Mul, "i64.mul", 0, 0x7E, None, "II:I")                               \
    X(I64DivS, "i64.div_s", 0, 0x7F, None, "II:I")                            \
    X(I64DivU, "i64.div_u", 0, 0x80, None, "II:I")                            \
    X(I64RemS, "i64.rem_s", 0, 0x81, None, "II:I")                            \
    X(I64RemU, "i64.rem_u", 0, 0x82, None, "II:I")                            \
    X(I64And, "i64.and", 0, 0x83, None, "II:I")                               \
    X(I64Or, "i64.or", 0, 0x84, None, "II:I")                                 \
    X(I64Xor, "i64.xor", 0, 0x85, None, "II:I")                               \
    X(I64Shl, "i64.shl", 0, 0x86, None, "II:I")                               \
    X(I64ShrS, "i64.shr_s", 0, 0x87, None, "II:I")                            \
    X(I64ShrU, "i64.shr_u", 0, 0x88, None, "II:I")                            \
    X(I64Rotl, "i64.rotl", 0, 0x89, None, "II:I")                             \
    X(I64Rotr, "i64.rotr", 0, 0x8A, None, "II:I")                             \
    X(F32Abs, "f32.abs", 0, 0x8B, None, "f:f")                                \
    X(F32Neg, "f32.neg", 0, 0x8C, None, "f:f")                                \
    X(F32Ceil, "f32.ceil", 0, 0x8D, None, "f:f")                              \
    X(F32Floor, "f32.floor", 0, 0x8E, None, "f:f")                            \
    X(F32Trunc, "f32.trunc", 0, 0x8F, None, "f:f")                            \
    X(F32Nearest, "f32.nearest", 0, 0x90, None, "f:f")                        \
    X(F32Sqrt, "f32.sqrt", 0, 0x91, None, "f:f")                              \
    X(F32Add, "f32.add", 0, 0x92, None, "ff:f")                               \
    X(F32Sub, "f32.sub", 0, 0x93, None, "ff:f")                               \
    X(F32Mul, "f32.mul", 0, 0x94, None, "ff:f")                               \
    X(F32Div, "f32.div", 0, 0x95, None, "ff:f")                               \
    X(F32Min, "f32.min", 0, 0x96, None, "ff:f")                               \
    X(F32Max, "f32.max", 0, 0x97, None, "ff:f")                               \
    X(F32Copysign, "f32.copysign", 0, 0x98, None, "ff:f")                     \
    X(F64Abs, "f64.abs", 0, 0x99, None, "F:F")                                \
    X(F64Neg, "f64.neg", 0, 0x9A, None, "F:F")                                \
    X(F64Ceil, "f64.ceil", 0, 0x9B, None, "F:F")                              \
    X(F64Floor, "f64.floor", 0, 0x9C, None, "F:F")                            \
    X(F64Trunc, "f64.trunc", 0, 0x9D, None, "F:F")                            \
    X(F64Nearest, "f64.nearest", 0, 0x9E, None, "F:F")                        \
    X(F64Sqrt, "f64.sqrt", 0, 0x9F, None, "F:F")                              \
    X(F64Add, "f64.add", 0, 0xA0, None, "FF:F")                               \
    X(F64Sub, "f64.sub", 0, 0xA1, None, "FF:F")                               \
    X(F64Mul, "f64.mul", 0, 0xA2, None, "FF:F")                               \
    X(F64Div, "f64.div", 0, 0xA3, None, "FF:F")                               \
    X(F64Min, "f64.min", 0, 0xA4, None, "FF:F")                               \
    X(F64Max, "f64.max", 0, 0xA5, None, "FF:F")                               \
    X(F64Copysign, "f64.copysign", 0, 0xA6, None, "FF:F")                     \
    X(I32WrapI64, "i32.wrap_i64", 0, 0xA7, None, "I:i")                       \
    X(I32TruncF32S, "i32.trunc_f32_s", 0, 0xA8, None, "f:i")                  \
    X(I32TruncF32U, "i32.trunc_f32_u", 0, 0xA9, None, "f:i")                  \
    X(I32TruncF64S, "i32.trunc_f64_s", 0, 0xAA, None, "F:i")                  \
    X(I32TruncF64U, "i32.trunc_f64_u", 0, 0xAB, None, "F:i")                  \
    X(I64ExtendI32S, "i64.extend_i32_s", 0, 0xAC, None, "i:I")                \
    X(I64ExtendI32U, "i64.extend_i32_u", 0, 0xAD, None, "i:I")                \
    X(I64TruncF32S, "i64.trunc_f32_s", 0, 0xAE, None, "f:I")                  \
    X(I64TruncF32U, "i64.trunc_f32_u", 0, 0xAF, None, "f:I")                  \
    X(I64TruncF64S, "i64.trunc_f64_s", 0, 0xB0, None, "F:I")                  \
    X(I64TruncF64U, "i64.trunc_f64_u", 0, 0xB1, None, "F:I")                  \
    X(F32ConvertI32S, "f32.convert_i32_s", 0, 0xB2, None, "i:f")              \
    X(F32ConvertI32U, "f32.convert_i32_u", 0, 0xB3, None, "i:f")              \
    X(F32ConvertI64S, "f32.convert_i64_s", 0, 0xB4, None, "I:f")              \
    X(F32ConvertI64U, "f32.convert_i64_u", 0, 0xB5, None, "I:f")              \
    X(F32DemoteF64, "f32.demote_f64", 0, 0xB6, None, "F:f")                   \
    X(F64ConvertI32S, "f64.convert_i32_s", 0, 0xB7, None, "i:F")              \
    X(F64ConvertI32U, "f64.convert_i32_u", 0, 0xB8, None, "i:F")              \
    X(F64ConvertI64S, "f64.convert_i64_s", 0, 0xB9, None, "I:F")              \
    X(F64ConvertI64U, "f64.convert_i64_u", 0, 0xBA, None, "I:F")              \
    X(F64PromoteF32, "f64.promote_f32", 0, 0xBB, None, "f:F")                 \
    X(I32ReinterpretF32, "i32.reinterpret_f32", 0, 0xBC, None, "f:i")         \
    X(I64ReinterpretF64, "i64.reinterpret_f64", 0, 0xBD, None, "F:I")         \
    X(F32ReinterpretI32, "f32.reinterpret_i32", 0, 0xBE, None, "i:f")         \
    X(F64ReinterpretI64, "f64.reinterpret_i64", 0, 0xBF, None, "I:F")         \
    X(I32Extend8S, "i32.extend8_s", 0, 0xC0, None, "i:i")                     \
    X(I32Extend16S, "i32.extend16_s", 0, 0xC1, None, "i:i")                   \
    X(I64Extend8S, "i64.extend8_s", 0, 0xC2, None, "I:I")                     \
    X(I64Extend16S, "i64.extend16_s", 0, 0xC3, None, "I:I")                   \
    X(I64Extend32S, "i64.extend32_s", 0, 0xC4, None, "I:I")                   \
    X(I32TruncSatF32S, "i32.trunc_sat_f32_s", 0xFC, 0, None, "f:i")           \
    X(I32TruncSatF32U, "i32.trunc_sat_f32_u", 0xFC, 1, None, "f:i")           \
    X(I32TruncSatF64S, "i32.trunc_sat_f64_s", 0xFC, 2, None, "F:i")           \
    X(I32TruncSatF64U, "i32.trunc_sat_f64_u", 0xFC, 3, None, "F:i")           \
    X(I64TruncSatF32S, "i64.trunc_sat_f32_s", 0xFC, 4, None, "f:I")           \
    X(I64TruncSatF32U, "i64.trunc_sat_f32_u", 0xFC, 5, None, "f:I")           \
    X(I64TruncSatF64S, "i64.trunc_sat_f64_s", 0xFC, 6, None, "F:I")           \
    X(I64TruncSatF64U, "i64.trunc_sat_f64_u", 0xFC, 7, None, "F:I")

#define WASM_REFERENCE_INSTRUCTIONS(X)                                        \
    X(RefNull, "ref.null", 0, 0xD0, HeapType, "")                             \
    X(RefIsNull, "ref.is_null", 0, 0xD1, None, "")                            \
    X(RefFunc, "ref.func", 0, 0xD2, Func, "")                                 \
    X(RefEq, "ref.eq", 0, 0xD3, None, "")                                     \
    X(RefAsNonNull, "ref.as_non_null", 0, 0xD4, None, "")                     \
    X(BrOnNull, "br_on_null", 0, 0xD5, Label, "")                             \
    X(BrOnNonNull, "br_on_non_null", 0, 0xD6, Label, "")                      \
    X(StructNew, "struct.new", 0xFB, 0, Type, "")                             \
    X(StructNewDefault, "struct.new_default", 0xFB, 1, Type, "")              \
    X(StructGet, "struct.get", 0xFB, 2, TypeField, "")                        \
    X(StructGetS, "struct.get_s", 0xFB, 3, TypeField, "")                     \
    X(StructGetU, "struct.get_u", 0xFB, 4, TypeField, "")                     \
    X(StructSet, "struct.set", 0xFB, 5, TypeField, "")                        \
    X(ArrayNew, "array.new", 0xFB, 6, Type, "")                               \
    X(ArrayNewDefault, "array.new_default", 0xFB, 7, Type, "")                \
    X(ArrayNewFixed, "array.new_fixed", 0xFB, 8, TypeN, "")                   \
    X(ArrayNewData, "array.new_data", 0xFB, 9, TypeData, "")                  \
    X(ArrayNewElem, "array.new_elem", 0xFB, 10, TypeElem, "")                 \
    X(ArrayGet, "array.get", 0xFB, 11, Type, "")                              \
    X(ArrayGetS, "array.get_s", 0xFB, 12, Type, "")                           \
    X(ArrayGetU, "array.get_u", 0xFB, 13, Type, "")                           \
    X(ArraySet, "array.set", 0xFB, 14, Type, "")                              \
    X(ArrayLen, "array.len", 0xFB, 15, None, "")                              \
    X(ArrayFill, "array.fill", 0xFB, 16, Type, "")                            \
    X(ArrayCopy, "array.copy", 0xFB, 17, TypeType, "")                        \
    X(ArrayInitData, "array.init_data", 0xFB, 18, TypeData, "")               \
    X(ArrayInitElem, "array.init_elem", 0xFB, 19, TypeElem, "")               \
    X(RefTest, "ref.test", 0xFB, 20, RefType, "")                             \
    X(RefTestNull, "ref.test", 0xFB, 21, RefType, "")                         \
    X(RefCast, "ref.cast", 0xFB, 22, RefType, "")                             \
    X(RefCastNull, "ref.cast", 0xFB, 23, RefType, "")                         \
    X(BrOnCast, "br_on_cast", 0xFB, 24, BrOnCast, "")                         \
    X(BrOnCastFail, "br_on_cast_fail", 0xFB, 25, BrOnCast, "")                \
    X(AnyConvertExtern, "any.convert_extern", 0xFB, 26, None, "")             \
    X(ExternConvertAny, "extern.convert_any", 0xFB, 27, None, "")             \
    X(RefI31, "ref.i31", 0xFB, 28, None, "")                                  \
    X(I31GetS, "i31.get_s", 0xFB, 29, None, "")                               \
    X(I31GetU, "i31.get_u", 0xFB, 30, None, "")

#define WASM_BULK_INSTRUCTIONS(X)                                             \
    X(MemoryInit, "memory.init", 0xFC, 8, MemData, "")                        \
    X(DataDrop, "data.drop", 0xFC, 9, Data, "")                               \
    X(MemoryCopy, "memory.copy", 0xFC, 10, MemMem, "")                        \
    X(MemoryFill, "memory.fill", 0xFC, 11, Mem, "")                           \
    X(TableInit, "table.init", 0xFC, 12, TableElem, "")                       \
    X(ElemDrop, "elem.drop", 0xFC, 13, Elem, "")                              \
    X(TableCopy, "table.copy", 0xFC, 14, TableTable, "")                      \
    X(TableGrow, "table.grow", 0xFC, 15, Table, "")                           \
    X(TableSize, "table.size", 0xFC, 16, Table, "")                           \
    X(TableFill, "table.fill", 0xFC, 17, Table, "")

// 0xFD: vector instructions (SpecTec vinstr), then relaxed SIMD (0x100–0x113).
#define WASM_SIMD_INSTRUCTIONS(X)                                        \
    X(V128Load, "v128.load", 0xFD, 0, MemArg, "a:v4") \
    X(V128Load8x8S, "v128.load8x8_s", 0xFD, 1, MemArg, "a:v3") \
    X(V128Load8x8U, "v128.load8x8_u", 0xFD, 2, MemArg, "a:v3") \
    X(V128Load16x4S, "v128.load16x4_s", 0xFD, 3, MemArg, "a:v3") \
    X(V128Load16x4U, "v128.load16x4_u", 0xFD, 4, MemArg, "a:v3") \
    X(V128Load32x2S, "v128.load32x2_s", 0xFD, 5, MemArg, "a:v3") \
    X(V128Load32x2U, "v128.load32x2_u", 0xFD, 6, MemArg, "a:v3") \
    X(V128Load8Splat, "v128.load8_splat", 0xFD, 7, MemArg, "a:v0") \
    X(V128Load16Splat, "v128.load16_splat", 0xFD, 8, MemArg, "a:v1") \
    X(V128Load32Splat, "v128.load32_splat", 0xFD, 9, MemArg, "a:v2") \
    X(V128Load64Splat, "v128.load64_splat", 0xFD, 10, MemArg, "a:v3") \
    X(V128Store, "v128.store", 0xFD, 11, MemArg, "av:4") \
    X(V128Const, "v128.const", 0xFD, 12, V128, ":v") \
    X(I8x16Shuffle, "i8x16.shuffle", 0xFD, 13, Shuffle, "vv:v") \
    X(I8x16Swizzle, "i8x16.swizzle", 0xFD, 14, None, "vv:v") \
    X(I8x16Splat, "i8x16.splat", 0xFD, 15, None, "i:v") \
    X(I16x8Splat, "i16x8.splat", 0xFD, 16, None, "i:v") \
    X(I32x4Splat, "i32x4.splat", 0xFD, 17, None, "i:v") \
    X(I64x2Splat, "i64x2.splat", 0xFD, 18, None, "I:v") \
    X(F32x4Splat, "f32x4.splat", 0xFD, 19, None, "f:v") \
    X(F64x2Splat, "f64x2.splat", 0xFD, 20, None, "F:v") \
    X(I8x16ExtractLaneS, "i8x16.extract_lane_s", 0xFD, 21, Lane, "v:i") \
    X(I8x16ExtractLaneU, "i8x16.extract_lane_u", 0xFD, 22, Lane, "v:i") \
    X(I8x16ReplaceLane, "i8x16.replace_lane", 0xFD, 23, Lane, "vi:v") \
    X(I16x8ExtractLaneS, "i16x8.extract_lane_s", 0xFD, 24, Lane, "v:i") \
    X(I16x8ExtractLaneU, "i16x8.extract_lane_u", 0xFD, 25, Lane, "v:i") \
    X(I16x8ReplaceLane, "i16x8.replace_lane", 0xFD, 26, Lane, "vi:v") \
    X(I32x4ExtractLane, "i32x4.extract_lane", 0xFD, 27, Lane, "v:i") \
    X(I32x4ReplaceLane, "i32x4.replace_lane", 0xFD, 28, Lane, "vi:v") \
    X(I64x2ExtractLane, "i64x2.extract_lane", 0xFD, 29, Lane, "v:I") \
    X(I64x2ReplaceLane, "i64x2.replace_lane", 0xFD, 30, Lane, "vI:v") \
    X(F32x4ExtractLane, "f32x4.extract_lane", 0xFD, 31, Lane, "v:f") \
    X(F32x4ReplaceLane, "f32x4.replace_lane", 0xFD, 32, Lane, "vf:v") \
    X(F64x2ExtractLane, "f64x2.extract_lane", 0xFD, 33, Lane, "v:F") \
    X(F64x2ReplaceLane, "f64x2.replace_lane", 0xFD, 34, Lane, "vF:v") \
    X(I8x16Eq, "i8x16.eq", 0xFD, 35, None, "vv:v") \
    X(I8x16Ne, "i8x16.ne", 0xFD, 36, None, "vv:v") \
    X(I8x16LtS, "i8x16.lt_s", 0xFD, 37, None, "vv:v") \
    X(I8x16LtU, "i8x16.lt_u", 0xFD, 38, None, "vv:v") \
    X(I8x16GtS, "i8x16.gt_s", 0xFD, 39, None, "vv:v") \
    X(I8x16GtU, "i8x16.gt_u", 0xFD, 40, None, "vv:v") \
    X(I8x16LeS, "i8x16.le_s", 0xFD, 41, None, "vv:v") \
    X(I8x16LeU, "i8x16.le_u", 0xFD, 42, None, "vv:v") \
    X(I8x16GeS, "i8x16.ge_s", 0xFD, 43, None, "vv:v") \
    X(I8x16GeU, "i8x16.ge_u", 0xFD, 44, None, "vv:v") \
    X(I16x8Eq, "i16x8.eq", 0xFD, 45, None, "vv:v") \
    X(I16x8Ne, "i16x8.ne", 0xFD, 46, None, "vv:v") \
    X(I16x8LtS, "i16x8.lt_s", 0xFD, 47, None, "vv:v") \
    X(I16x8LtU, "i16x8.lt_u", 0xFD, 48, None, "vv:v") \
    X(I16x8GtS, "i16x8.gt_s", 0xFD, 49, None, "vv:v") \
    X(I16x8GtU, "i16x8.gt_u", 0xFD, 50, None, "vv:v") \
    X(I16x8LeS, "i16x8.le_s", 0xFD, 51, None, "vv:v") \
    X(I16x8LeU, "i16x8.le_u", 0xFD, 52, None, "vv:v") \
    X(I16x8GeS, "i16x8.ge_s", 0xFD, 53, None, "vv:v") \
    X(I16x8GeU, "i16x8.ge_u", 0xFD, 54, None, "vv:v") \
    X(I32x4Eq, "i32x4.eq", 0xFD, 55, None, "vv:v") \
    X(I32x4Ne, "i32x4.ne", 0xFD, 56, None, "vv:v") \
    X(I32x4LtS, "i32x4.lt_s", 0xFD, 57, None, "vv:v") \
    X(I32x4LtU, "i32x4.lt_u", 0xFD, 58, None, "vv:v") \
    X(I32x4GtS, "i32x4.gt_s", 0xFD, 59, None, "vv:v") \
    X(I32x4GtU, "i32x4.gt_u", 0xFD, 60, None, "vv:v") \
    X(I32x4LeS, "i32x4.le_s", 0xFD, 61, None, "vv:v") \
    X(I32x4LeU, "i32x4.le_u", 0xFD, 62, None, "vv:v") \
    X(I32x4GeS, "i32x4.ge_s", 0xFD, 63, None, "vv:v") \
    X(I32x4GeU, "i32x4.ge_u", 0xFD, 64, None, "vv:v") \
    X(F32x4Eq, "f32x4.eq", 0xFD, 65, None, "vv:v") \
    X(F32x4Ne, "f32x4.ne", 0xFD, 66, None, "vv:v") \
    X(F32x4Lt, "f32x4.lt", 0xFD, 67, None, "vv:v") \
    X(F32x4Gt, "f32x4.gt", 0xFD, 68, None, "vv:v") \
    X(F32x4Le, "f32x4.le", 0xFD, 69, None, "vv:v") \
    X(F32x4Ge, "f32x4.ge", 0xFD, 70, None, "vv:v") \
    X(F64x2Eq, "f64x2.eq", 0xFD, 71, None, "vv:v") \
    X(F64x2Ne, "f64x2.ne", 0xFD, 72, None, "vv:v") \
    X(F64x2Lt, "f64x2.lt", 0xFD, 73, None, "vv:v") \
    X(F64x2Gt, "f64x2.gt", 0xFD, 74, None, "vv:v") \
    X(F64x2Le, "f64x2.le", 0xFD, 75, None, "vv:v") \
    X(F64x2Ge, "f64x2.ge", 0xFD, 76, None, "vv:v") \
    X(V128Not, "v128.not", 0xFD, 77, None, "v:v") \
    X(V128And, "v128.and", 0xFD, 78, None, "vv:v") \
    X(V128AndNot, "v128.andnot", 0xFD, 79, None, "vv:v") \
    X(V128Or, "v128.or", 0xFD, 80, None, "vv:v") \
    X(V128Xor, "v128.xor", 0xFD, 81, None, "vv:v") \
    X(V128Bitselect, "v128.bitselect", 0xFD, 82, None, "vvv:v") \
    X(V128AnyTrue, "v128.any_true", 0xFD, 83, None, "v:i") \
    X(V128Load8Lane, "v128.load8_lane", 0xFD, 84, MemArgLane, "av:v0") \
    X(V128Load16Lane, "v128.load16_lane", 0xFD, 85, MemArgLane, "av:v1") \
    X(V128Load32Lane, "v128.load32_lane", 0xFD, 86, MemArgLane, "av:v2") \
    X(V128Load64Lane, "v128.load64_lane", 0xFD, 87, MemArgLane, "av:v3") \
    X(V128Store8Lane, "v128.store8_lane", 0xFD, 88, MemArgLane, "av:0") \
    X(V128Store16Lane, "v128.store16_lane", 0xFD, 89, MemArgLane, "av:1") \
    X(V128Store32Lane, "v128.store32_lane", 0xFD, 90, MemArgLane, "av:2") \
    X(V128Store64Lane, "v128.store64_lane", 0xFD, 91, MemArgLane, "av:3") \
    X(V128Load32Zero, "v128.load32_zero", 0xFD, 92, MemArg, "a:v2") \
    X(V128Load64Zero, "v128.load64_zero", 0xFD, 93, MemArg, "a:v3") \
    X(F32x4DemoteF64x2Zero, "f32x4.demote_f64x2_zero", 0xFD, 94, None, "v:v") \
    X(F64x2PromoteLowF32x4, "f64x2.promote_low_f32x4", 0xFD, 95, None, "v:v") \
    X(I8x16Abs, "i8x16.abs", 0xFD, 96, None, "v:v") \
    X(I8x16Neg, "i8x16.neg", 0xFD, 97, None, "v:v") \
    X(I8x16Popcnt, "i8x16.popcnt", 0xFD, 98, None, "v:v") \
    X(I8x16AllTrue, "i8x16.all_true", 0xFD, 99, None, "v:i") \
    X(I8x16Bitmask, "i8x16.bitmask", 0xFD, 100, None, "v:i") \
    X(I8x16NarrowI16x8S, "i8x16.narrow_i16x8_s", 0xFD, 101, None, "vv:v") \
    X(I8x16NarrowI16x8U, "i8x16.narrow_i16x8_u", 0xFD, 102, None, "vv:v") \
    X(F32x4Ceil, "f32x4.ceil", 0xFD, 103, None, "v:v") \
    X(F32x4Floor, "f32x4.floor", 0xFD, 104, None, "v:v") \
    X(F32x4Trunc, "f32x4.trunc", 0xFD, 105, None, "v:v") \
    X(F32x4Nearest, "f32x4.nearest", 0xFD, 106, None, "v:v") \
    X(I8x16Shl, "i8x16.shl", 0xFD, 107, None, "vi:v") \
    X(I8x16ShrS, "i8x16.shr_s", 0xFD, 108, None, "vi:v") \
    X(I8x16ShrU, "i8x16.shr_u", 0xFD, 109, None, "vi:v") \
    X(I8x16Add, "i8x16.add", 0xFD, 110, None, "vv:v") \
    X(I8x16AddSatS, "i8x16.add_sat_s", 0xFD, 111, None, "vv:v") \
    X(I8x16AddSatU, "i8x16.add_sat_u", 0xFD, 112, None, "vv:v") \
    X(I8x16Sub, "i8x16.sub", 0xFD, 113, None, "vv:v") \
    X(I8x16SubSatS, "i8x16.sub_sat_s", 0xFD, 114, None, "vv:v") \
    X(I8x16SubSatU, "i8x16.sub_sat_u", 0xFD, 115, None, "vv:v") \
    X(F64x2Ceil, "f64x2.ceil", 0xFD, 116, None, "v:v") \
    X(F64x2Floor, "f64x2.floor", 0xFD, 117, None, "v:v") \
    X(I8x16MinS, "i8x16.min_s", 0xFD, 118, None, "vv:v") \
    X(I8x16MinU, "i8x16.min_u", 0xFD, 119, None, "vv:v") \
    X(I8x16MaxS, "i8x16.max_s", 0xFD, 120, None, "vv:v") \
    X(I8x16MaxU, "i8x16.max_u", 0xFD, 121, None, "vv:v") \
    X(F64x2Trunc, "f64x2.trunc", 0xFD, 122, None, "v:v") \
    X(I8x16AvgrU, "i8x16.avgr_u", 0xFD, 123, None, "vv:v") \
    X(I16x8ExtaddPairwiseI8x16S, "i16x8.extadd_pairwise_i8x16_s", 0xFD, 124, None, "v:v") \
    X(I16x8ExtaddPairwiseI8x16U, "i16x8.extadd_pairwise_i8x16_u", 0xFD, 125, None, "v:v") \
    X(I32x4ExtaddPairwiseI16x8S, "i32x4.extadd_pairwise_i16x8_s", 0xFD, 126, None, "v:v") \
    X(I32x4ExtaddPairwiseI16x8U, "i32x4.extadd_pairwise_i16x8_u", 0xFD, 127, None, "v:v") \
    X(I16x8Abs, "i16x8.abs", 0xFD, 128, None, "v:v") \
    X(I16x8Neg, "i16x8.neg", 0xFD, 129, None, "v:v") \
    X(I16x8Q15mulrSatS, "i16x8.q15mulr_sat_s", 0xFD, 130, None, "vv:v") \
    X(I16x8AllTrue, "i16x8.all_true", 0xFD, 131, None, "v:i") \
    X(I16x8Bitmask, "i16x8.bitmask", 0xFD, 132, None, "v:i") \
    X(I16x8NarrowI32x4S, "i16x8.narrow_i32x4_s", 0xFD, 133, None, "vv:v") \
    X(I16x8NarrowI32x4U, "i16x8.narrow_i32x4_u", 0xFD, 134, None, "vv:v") \
    X(I16x8ExtendLowI8x16S, "i16x8.extend_low_i8x16_s", 0xFD, 135, None, "v:v") \
    X(I16x8ExtendHighI8x16S, "i16x8.extend_high_i8x16_s", 0xFD, 136, None, "v:v") \
    X(I16x8ExtendLowI8x16U, "i16x8.extend_low_i8x16_u", 0xFD, 137, None, "v:v") \
    X(I16x8ExtendHighI8x16U, "i16x8.extend_high_i8x16_u", 0xFD, 138, None, "v:v") \
    X(I16x8Shl, "i16x8.shl", 0xFD, 139, None, "vi:v") \
    X(I16x8ShrS, "i16x8.shr_s", 0xFD, 140, None, "vi:v") \
    X(I16x8ShrU, "i16x8.shr_u", 0xFD, 141, None, "vi:v") \
    X(I16x8Add, "i16x8.add", 0xFD, 142, None, "vv:v") \
    X(I16x8AddSatS, "i16x8.add_sat_s", 0xFD, 143, None, "vv:v") \
    X(I16x8AddSatU, "i16x8.add_sat_u", 0xFD, 144, None, "vv:v") \
    X(I16x8Sub, "i16x8.sub", 0xFD, 145, None, "vv:v") \
    X(I16x8SubSatS, "i16x8.sub_sat_s", 0xFD, 146, None, "vv:v") \
    X(I16x8SubSatU, "i16x8.sub_sat_u", 0xFD, 147, None, "vv:v") \
    X(F64x2Nearest, "f64x2.nearest", 0xFD, 148, None, "v:v") \
    X(I16x8Mul, "i16x8.mul", 0xFD, 149, None, "vv:v") \
    X(I16x8MinS, "i16x8.min_s", 0xFD, 150, None, "vv:v") \
    X(I16x8MinU, "i16x8.min_u", 0xFD, 151, None, "vv:v") \
    X(I16x8MaxS, "i16x8.max_s", 0xFD, 152, None, "vv:v") \
    X(I16x8MaxU, "i16x8.max_u", 0xFD, 153, None, "vv:v") \
    X(I16x8AvgrU, "i16x8.avgr_u", 0xFD, 155, None, "vv:v") \
    X(I16x8ExtmulLowI8x16S, "i16x8.extmul_low_i8x16_s", 0xFD, 156, None, "vv:v") \
    X(I16x8ExtmulHighI8x16S, "i16x8.extmul_high_i8x16_s", 0xFD, 157, None, "vv:v") \
    X(I16x8ExtmulLowI8x16U, "i16x8.extmul_low_i8x16_u", 0xFD, 158, None, "vv:v") \
    X(I16x8ExtmulHighI8x16U, "i16x8.extmul_high_i8x16_u", 0xFD, 159, None, "vv:v") \
    X(I32x4Abs, "i32x4.abs", 0xFD, 160, None, "v:v") \
    X(I32x4Neg, "i32x4.neg", 0xFD, 161, None, "v:v") \
    X(I32x4AllTrue, "i32x4.all_true", 0xFD, 163, None, "v:i") \
    X(I32x4Bitmask, "i32x4.bitmask", 0xFD, 164, None, "v:i") \
    X(I32x4ExtendLowI16x8S, "i32x4.extend_low_i16x8_s", 0xFD, 167, None, "v:v") \
    X(I32x4ExtendHighI16x8S, "i32x4.extend_high_i16x8_s", 0xFD, 168, None, "v:v") \
    X(I32x4ExtendLowI16x8U, "i32x4.extend_low_i16x8_u", 0xFD, 169, None, "v:v") \
    X(I32x4ExtendHighI16x8U, "i32x4.extend_high_i16x8_u", 0xFD, 170, None, "v:v") \
    X(I32x4Shl, "i32x4.shl", 0xFD, 171, None, "vi:v") \
    X(I32x4ShrS, "i32x4.shr_s", 0xFD, 172, None, "vi:v") \
    X(I32x4ShrU, "i32x4.shr_u", 0xFD, 173, None, "vi:v") \
    X(I32x4Add, "i32x4.add", 0xFD, 174, None, "vv:v") \
    X(I32x4Sub, "i32x4.sub", 0xFD, 177, None, "vv:v") \
    X(I32x4Mul, "i32x4.mul", 0xFD, 181, None, "vv:v") \
    X(I32x4MinS, "i32x4.min_s", 0xFD, 182, None, "vv:v") \
    X(I32x4MinU, "i32x4.min_u", 0xFD, 183, None, "vv:v") \
    X(I32x4MaxS, "i32x4.max_s", 0xFD, 184, None, "vv:v") \
    X(I32x4MaxU, "i32x4.max_u", 0xFD, 185, None, "vv:v") \
    X(I32x4DotI16x8S, "i32x4.dot_i16x8_s", 0xFD, 186, None, "vv:v") \
    X(I32x4ExtmulLowI16x8S, "i32x4.extmul_low_i16x8_s", 0xFD, 188, None, "vv:v") \
    X(I32x4ExtmulHighI16x8S, "i32x4.extmul_high_i16x8_s", 0xFD, 189, None, "vv:v") \
    X(I32x4ExtmulLowI16x8U, "i32x4.extmul_low_i16x8_u", 0xFD, 190, None, "vv:v") \
    X(I32x4ExtmulHighI16x8U, "i32x4.extmul_high_i16x8_u", 0xFD, 191, None, "vv:v") \
    X(I64x2Abs, "i64x2.abs", 0xFD, 192, None, "v:v") \
    X(I64x2Neg, "i64x2.neg", 0xFD, 193, None, "v:v") \
    X(I64x2AllTrue, "i64x2.all_true", 0xFD, 195, None, "v:i") \
    X(I64x2Bitmask, "i64x2.bitmask", 0xFD, 196, None, "v:i") \
    X(I64x2ExtendLowI32x4S, "i64x2.extend_low_i32x4_s", 0xFD, 199, None, "v:v") \
    X(I64x2ExtendHighI32x4S, "i64x2.extend_high_i32x4_s", 0xFD, 200, None, "v:v") \
    X(I64x2ExtendLowI32x4U, "i64x2.extend_low_i32x4_u", 0xFD, 201, None, "v:v") \
    X(I64x2ExtendHighI32x4U, "i64x2.extend_high_i32x4_u", 0xFD, 202, None, "v:v") \
    X(I64x2Shl, "i64x2.shl", 0xFD, 203, None, "vi:v") \
    X(I64x2ShrS, "i64x2.shr_s", 0xFD, 204, None, "vi:v") \
    X(I64x2ShrU, "i64x2.shr_u", 0xFD, 205, None, "vi:v") \
    X(I64x2Add, "i64x2.add", 0xFD, 206, None, "vv:v") \
    X(I64x2Sub, "i64x2.sub", 0xFD, 209, None, "vv:v") \
    X(I64x2Mul, "i64x2.mul", 0xFD, 213, None, "vv:v") \
    X(I64x2Eq, "i64x2.eq", 0xFD, 214, None, "vv:v") \
    X(I64x2Ne, "i64x2.ne", 0xFD, 215, None, "vv:v") \
    X(I64x2LtS, "i64x2.lt_s", 0xFD, 216, None, "vv:v") \
    X(I64x2GtS, "i64x2.gt_s", 0xFD, 217, None, "vv:v") \
    X(I64x2LeS, "i64x2.le_s", 0xFD, 218, None, "vv:v") \
    X(I64x2GeS, "i64x2.ge_s", 0xFD, 219, None, "vv:v") \
    X(I64x2ExtmulLowI32x4S, "i64x2.extmul_low_i32x4_s", 0xFD, 220, None, "vv:v") \
    X(I64x2ExtmulHighI32x4S, "i64x2.extmul_high_i32x4_s", 0xFD, 221, None, "vv:v") \
    X(I64x2ExtmulLowI32x4U, "i64x2.extmul_low_i32x4_u", 0xFD, 222, None, "vv:v") \
    X(I64x2ExtmulHighI32x4U, "i64x2.extmul_high_i32x4_u", 0xFD, 223, None, "vv:v") \
    X(F32x4Abs, "f32x4.abs", 0xFD, 224, None, "v:v") \
    X(F32x4Neg, "f32x4.neg", 0xFD, 225, None, "v:v") \
    X(F32x4Sqrt, "f32x4.sqrt", 0xFD, 227, None, "v:v") \
    X(F32x4Add, "f32x4.add", 0xFD, 228, None, "vv:v") \
    X(F32x4Sub, "f32x4.sub", 0xFD, 229, None, "vv:v") \
    X(F32x4Mul, "f32x4.mul", 0xFD, 230, None, "vv:v") \
    X(F32x4Div, "f32x4.div", 0xFD, 231, None, "vv:v") \
    X(F32x4Min, "f32x4.min", 0xFD, 232, None, "vv:v") \
    X(F32x4Max, "f32x4.max", 0xFD, 233, None, "vv:v") \
    X(F32x4Pmin, "f32x4.pmin", 0xFD, 234, None, "vv:v") \
    X(F32x4Pmax, "f32x4.pmax", 0xFD, 235, None, "vv:v") \
    X(F64x2Abs, "f64x2.abs", 0xFD, 236, None, "v:v") \
    X(F64x2Neg, "f64x2.neg", 0xFD, 237, None, "v:v") \
    X(F64x2Sqrt, "f64x2.sqrt", 0xFD, 239, None, "v:v") \
    X(F64x2Add, "f64x2.add", 0xFD, 240, None, "vv:v") \
    X(F64x2Sub, "f64x2.sub", 0xFD, 241, None, "vv:v") \
    X(F64x2Mul, "f64x2.mul", 0xFD, 242, None, "vv:v") \
    X(F64x2Div, "f64x2.div", 0xFD, 243, None, "vv:v") \
    X(F64x2Min, "f64x2.min", 0xFD, 244, None, "vv:v") \
    X(F64x2Max, "f64x2.max", 0xFD, 245, None, "vv:v") \
    X(F64x2Pmin, "f64x2.pmin", 0xFD, 246, None, "vv:v") \
    X(F64x2Pmax, "f64x2.pmax", 0xFD, 247, None, "vv:v") \
    X(I32x4TruncSatF32x4S, "i32x4.trunc_sat_f32x4_s", 0xFD, 248, None, "v:v") \
    X(I32x4TruncSatF32x4U, "i32x4.trunc_sat_f32x4_u", 0xFD, 249, None, "v:v") \
    X(F32x4ConvertI32x4S, "f32x4.convert_i32x4_s", 0xFD, 250, None, "v:v") \
    X(F32x4ConvertI32x4U, "f32x4.convert_i32x4_u", 0xFD, 251, None, "v:v") \
    X(I32x4TruncSatF64x2SZero, "i32x4.trunc_sat_f64x2_s_zero", 0xFD, 252, None, "v:v") \
    X(I32x4TruncSatF64x2UZero, "i32x4.trunc_sat_f64x2_u_zero", 0xFD, 253, None, "v:v") \
    X(F64x2ConvertLowI32x4S, "f64x2.convert_low_i32x4_s", 0xFD, 254, None, "v:v") \
    X(F64x2ConvertLowI32x4U, "f64x2.convert_low_i32x4_u", 0xFD, 255, None, "v:v") \
    X(I8x16RelaxedSwizzle, "i8x16.relaxed_swizzle", 0xFD, 256, None, "vv:v") \
    X(I32x4RelaxedTruncF32x4S, "i32x4.relaxed_trunc_f32x4_s", 0xFD, 257, None, "v:v") \
    X(I32x4RelaxedTruncF32x4U, "i32x4.relaxed_trunc_f32x4_u", 0xFD, 258, None, "v:v") \
    X(I32x4RelaxedTruncF64x2SZero, "i32x4.relaxed_trunc_f64x2_s_zero", 0xFD, 259, None, "v:v") \
    X(I32x4RelaxedTruncF64x2UZero, "i32x4.relaxed_trunc_f64x2_u_zero", 0xFD, 260, None, "v:v") \
    X(F32x4RelaxedMadd, "f32x4.relaxed_madd", 0xFD, 261, None, "vvv:v") \
    X(F32x4RelaxedNmadd, "f32x4.relaxed_nmadd", 0xFD, 262, None, "vvv:v") \
    X(F64x2RelaxedMadd, "f64x2.relaxed_madd", 0xFD, 263, None, "vvv:v") \
    X(F64x2RelaxedNmadd, "f64x2.relaxed_nmadd", 0xFD, 264, None, "vvv:v") \
    X(I8x16RelaxedLaneselect, "i8x16.relaxed_laneselect", 0xFD, 265, None, "vvv:v") \
    X(I16x8RelaxedLaneselect, "i16x8.relaxed_laneselect", 0xFD, 266, None, "vvv:v") \
    X(I32x4RelaxedLaneselect, "i32x4.relaxed_laneselect", 0xFD, 267, None, "vvv:v") \
    X(I64x2RelaxedLaneselect, "i64x2.relaxed_laneselect", 0xFD, 268, None, "vvv:v") \
    X(F32x4RelaxedMin, "f32x4.relaxed_min", 0xFD, 269, None, "vv:v") \
    X(F32x4RelaxedMax, "f32x4.relaxed_max", 0xFD, 270, None, "vv:v") \
    X(F64x2RelaxedMin, "f64x2.relaxed_min", 0xFD, 271, None, "vv:v") \
    X(F64x2RelaxedMax, "f64x2.relaxed_max", 0xFD, 272, None, "vv:v") \
    X(I16x8RelaxedQ15mulrS, "i16x8.relaxed_q15mulr_s", 0xFD, 273, None, "vv:v") \
    X(I16x8RelaxedDotI8x16I7x16S, "i16x8.relaxed_dot_i8x16_i7x16_s", 0xFD, 274, None, "vv:v") \
    X(I32x4RelaxedDotI8x16I7x16AddS, "i32x4.relaxed_dot_i8x16_i7x16_add_s", 0xFD, 275, None, "vvv:v")

#define WASM_INSTRUCTIONS(X)        \
    WASM_CONTROL_INSTRUCTIONS(X)    \
    WASM_MEMORY_INSTRUCTIONS(X)     \
    WASM_NUMERIC_INSTRUCTIONS(X)    \
    WASM_REFERENCE_INSTRUCTIONS(X)  \
    WASM_BULK_INSTRUCTIONS(X)       \
    WASM_SIMD_INSTRUCTIONS(X)

enum class Op : uint16_t {
#define WASM_OP_ENUM(name, mnemonic, prefix, code, imm, sig) name,
    WASM_INSTRUCTIONS(WASM_OP_ENUM)
#undef WASM_OP_ENUM
    Count
};

struct OpInfo {
    const char* mnemonic;
    uint8_t prefix;
    uint32_t code;
    Imm imm;
    const char* sig;
};

const OpInfo& op_info(Op op);

// The binary opcode → Op maps (nullptr-free: returns false if unknown).
bool op_from_byte(uint8_t byte, Op& out);
bool op_from_prefixed(uint8_t prefix, uint32_t code, Op& out);
// The text mnemonic → Op map (the first entry when two share a mnemonic).
bool op_from_mnemonic(const char* begin, size_t length, Op& out);

// One pre-decoded instruction: fixed size, immediates inline. After
// validation, control instructions hold their resolved targets (see
// valid/validator.h), so execution never scans for `end`.
struct Instr {
    Op op = Op::Nop;
    uint16_t d = 0;   // v128.loadN_lane / storeN_lane: the lane
    uint32_t a = 0;   // first immediate: index, label, align, lane, resolved target pc
    uint32_t b = 0;   // second immediate: index, memory, arity
    uint64_t c = 0;   // constant bits, memory offset, stack height
};

}  // namespace lockstep::wasm
