// ArrayBuffer, SharedArrayBuffer, DataView, the TypedArrays and Atomics
// (ECMA-262 §25.1-§25.4, §23.2, §10.4.5), run as scripts end to end, plus the
// buffer abstract operations called directly.
#include <cmath>

#include "abstract_ops/array_buffer_operations.h"
#include "runtime/typed_array_object.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {
namespace {

class TypedArraysTest : public ScriptTest {};

TEST_F(TypedArraysTest, ArrayBufferBasics)
{
    EXPECT_EQ(eval("new ArrayBuffer(8).byteLength"), "8");
    EXPECT_EQ(eval("var b = new ArrayBuffer(8); b.slice(2, -1).byteLength"), "5");
    EXPECT_EQ(eval("new ArrayBuffer(4, {maxByteLength: 16}).resizable"), "true");
    EXPECT_EQ(eval("var r = new ArrayBuffer(4, {maxByteLength: 16}); r.resize(12); r.byteLength + ',' + r.maxByteLength"),
              "12,16");
    EXPECT_EQ(thrown_error_name("new ArrayBuffer(4, {maxByteLength: 2})"), "RangeError");
    EXPECT_EQ(thrown_error_name("new ArrayBuffer(-1)"), "RangeError");
    EXPECT_EQ(thrown_error_name("ArrayBuffer(1)"), "TypeError");
    // Too large for a Data Block: a RangeError, not a crash.
    EXPECT_EQ(thrown_error_name("new ArrayBuffer(2 ** 53 - 1)"), "RangeError");
    EXPECT_EQ(eval("ArrayBuffer.isView(new Uint8Array(1)) + ',' + ArrayBuffer.isView(new DataView(new ArrayBuffer(1)))"
                   " + ',' + ArrayBuffer.isView({})"),
              "true,true,false");
}

TEST_F(TypedArraysTest, TransferDetachesTheSource)
{
    EXPECT_EQ(eval("var a = new ArrayBuffer(4); new Uint8Array(a)[1] = 7; var b = a.transfer(8);"
                   "[a.detached, a.byteLength, b.byteLength, new Uint8Array(b)[1]].join()"),
              "true,0,8,7");
    EXPECT_EQ(eval("var a = new ArrayBuffer(4, {maxByteLength: 8}); a.transferToFixedLength().resizable"), "false");
    EXPECT_EQ(eval("var a = new ArrayBuffer(4, {maxByteLength: 8}); a.transfer().resizable"), "true");
    EXPECT_EQ(thrown_error_name("var a = new ArrayBuffer(4); a.transfer(); a.slice()"), "TypeError");
}

TEST_F(TypedArraysTest, ElementConversions)
{
    EXPECT_EQ(eval("var u = new Uint8Array(1); u[0] = 257; u[0]"), "1");
    EXPECT_EQ(eval("var c = new Uint8ClampedArray(2); c[0] = 300; c[1] = 1.5; c.join()"), "255,2");
    EXPECT_EQ(eval("var i = new Int8Array(1); i[0] = 200; i[0]"), "-56");
    EXPECT_EQ(eval("new Float32Array([1.1])[0]"), "1.100000023841858");
    EXPECT_EQ(eval("new Float16Array([5.05, 65520, 2 ** -25, 1.5 * 2 ** -25]).join()"),
              "5.05078125,Infinity,0,5.960464477539063e-8");
    EXPECT_EQ(eval("var b = new BigInt64Array(1); b[0] = 2n ** 63n; b[0].toString()"), "-9223372036854775808");
    EXPECT_EQ(eval("new BigUint64Array([-1n])[0].toString()"), "18446744073709551615");
    EXPECT_EQ(thrown_error_name("new BigInt64Array([1])"), "TypeError");
    EXPECT_EQ(thrown_error_name("new Int8Array([1n])"), "TypeError");
}

TEST_F(TypedArraysTest, IntegerIndexedExoticObject)
{
    EXPECT_EQ(eval("var t = new Int16Array(2); t['-0'] = 5; t[2] = 1; t[1.5] = 1; Object.keys(t).join()"), "0,1");
    EXPECT_EQ(eval("var t = new Int16Array(2); t.foo = 1; Reflect.ownKeys(t).join()"), "0,1,foo");
    EXPECT_EQ(eval("var t = new Int16Array(2); [Reflect.defineProperty(t, '0', {value: 3}), t[0],"
                   " Reflect.defineProperty(t, '1', {value: 3, writable: false}), delete t[0], delete t[5]].join()"),
              "true,3,false,false,true");
    EXPECT_EQ(eval("Object.getOwnPropertyDescriptor(new Uint8Array([9]), '0').value"), "9");
    EXPECT_EQ(eval("'-0' in new Uint8Array(1)"), "false");
    EXPECT_EQ(eval("Object.isExtensible(Object.preventExtensions(new Uint8Array(1)))"), "false");
    EXPECT_EQ(thrown_error_name("Object.preventExtensions(new Uint8Array(new ArrayBuffer(1, {maxByteLength: 2})))"),
              "TypeError");
}

TEST_F(TypedArraysTest, ConstructorsAndPrototypes)
{
    EXPECT_EQ(eval("[Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,"
                   " BigInt64Array, BigUint64Array, Float16Array, Float32Array, Float64Array]"
                   ".map(C => C.name + C.BYTES_PER_ELEMENT + C.length).join()"),
              "Int8Array13,Uint8Array13,Uint8ClampedArray13,Int16Array23,Uint16Array23,Int32Array43,Uint32Array43,"
              "BigInt64Array83,BigUint64Array83,Float16Array23,Float32Array43,Float64Array83");
    EXPECT_EQ(eval("var TA = Object.getPrototypeOf(Int8Array); TA.name + TA.length"), "TypedArray0");
    EXPECT_EQ(thrown_error_name("new (Object.getPrototypeOf(Int8Array))()"), "TypeError");
    EXPECT_EQ(eval("Object.prototype.toString.call(new Float64Array(1))"), "[object Float64Array]");
    EXPECT_EQ(eval("var TAp = Object.getPrototypeOf(Int8Array.prototype);"
                   " TAp.toString === Array.prototype.toString && TAp[Symbol.iterator] === TAp.values"),
              "true");
    EXPECT_EQ(eval("new Uint16Array(new Uint8Array([1, 2, 300])).join()"), "1,2,44");
    EXPECT_EQ(eval("new Int32Array({length: 2, 0: 4, 1: '5'}).join()"), "4,5");
    EXPECT_EQ(eval("new Int32Array(new Set([7, 8])).join()"), "7,8");
    EXPECT_EQ(thrown_error_name("new Int32Array(new ArrayBuffer(5))"), "RangeError");
    EXPECT_EQ(thrown_error_name("new Int32Array(new ArrayBuffer(8), 2)"), "RangeError");
    EXPECT_EQ(eval("var v = new Int16Array(new ArrayBuffer(8), 2, 2); v.byteOffset + ',' + v.length"), "2,2");
}

TEST_F(TypedArraysTest, PrototypeMethods)
{
    EXPECT_EQ(eval("new Int8Array([3, 1, 2]).sort().join()"), "1,2,3");
    EXPECT_EQ(eval("new Float64Array([NaN, -0, 0, -1]).sort().join()"), "-1,0,0,NaN");
    EXPECT_EQ(eval("Object.is(new Float64Array([0, -0]).sort()[0], -0)"), "true");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3, 4, 5]).copyWithin(0, 3).join()"), "4,5,3,4,5");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3, 4, 5]).copyWithin(2, 0).join()"), "1,2,1,2,3");
    EXPECT_EQ(eval("new Int8Array(4).fill(7, 1, -1).join()"), "0,7,7,0");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3, 4]).filter(x => x % 2).join()"), "1,3");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3]).map(x => x * 50).join()"), "50,100,-106");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3]).reduce((a, b) => a + b)"), "6");
    EXPECT_EQ(eval("new Int8Array([1, 2, 3]).reduceRight((a, b) => a + '' + b)"), "321");
    EXPECT_EQ(eval("new Uint8Array([1, 2, 3]).reverse().join('-')"), "3-2-1");
    EXPECT_EQ(eval("new Uint8Array([1, 2, 3]).toReversed().join()"), "3,2,1");
    EXPECT_EQ(eval("new Uint8Array([3, 1, 2]).toSorted((a, b) => b - a).join()"), "3,2,1");
    EXPECT_EQ(eval("new Uint8Array([1, 2, 3]).with(-1, 9).join()"), "1,2,9");
    EXPECT_EQ(thrown_error_name("new Uint8Array(1).with(1, 0)"), "RangeError");
    EXPECT_EQ(eval("new Uint8Array([1, 2, 3]).at(-1)"), "3");
    EXPECT_EQ(eval("[new Float32Array([NaN]).includes(NaN), new Float32Array([NaN]).indexOf(NaN)].join()"), "true,-1");
    EXPECT_EQ(eval("new Uint8Array([1, 2, 1]).lastIndexOf(1)"), "2");
    EXPECT_EQ(eval("new Uint8Array([5, 6, 7]).findLastIndex(x => x < 7)"), "1");
    EXPECT_EQ(eval("var s = ''; for (var [k, v] of new Uint8Array([4, 5]).entries()) s += k + ':' + v + ' '; s"),
              "0:4 1:5 ");
    EXPECT_EQ(eval("Int16Array.from([1, 2], x => x * 2).join()"), "2,4");
    EXPECT_EQ(eval("Int16Array.of(1, 2, 3).length"), "3");
}

TEST_F(TypedArraysTest, SetSliceSubarrayShareOrCopy)
{
    EXPECT_EQ(eval("var t = new Uint8Array(5); t.set([1, 2], 3); t.join()"), "0,0,0,1,2");
    EXPECT_EQ(thrown_error_name("new Uint8Array(2).set([1, 2], 1)"), "RangeError");
    // Overlapping source and target in the same buffer: the source is cloned first.
    EXPECT_EQ(eval("var t = new Uint8Array([1, 2, 3, 4]); t.set(t.subarray(0, 3), 1); t.join()"), "1,1,2,3");
    EXPECT_EQ(eval("var t = new Uint16Array([1, 2, 3]); t.set(new Float64Array([1.5, 70000])); t.join()"), "1,4464,3");
    EXPECT_EQ(thrown_error_name("new Uint8Array(2).set(new BigInt64Array(1))"), "TypeError");
    EXPECT_EQ(eval("var t = new Uint8Array([1, 2, 3]); var s = t.subarray(1); s[0] = 9; t.join()"), "1,9,3");
    EXPECT_EQ(eval("var t = new Uint8Array([1, 2, 3]); var s = t.slice(1); s[0] = 9; t.join() + '|' + s.join()"),
              "1,2,3|9,3");
}

TEST_F(TypedArraysTest, DetachedAndResizedBuffers)
{
    EXPECT_EQ(eval("var b = new ArrayBuffer(8); var t = new Uint8Array(b); b.transfer();"
                   " [t.length, t.byteLength, t.byteOffset, t[0]].join()"),
              "0,0,0,");
    EXPECT_EQ(thrown_error_name("var b = new ArrayBuffer(8); var t = new Uint8Array(b); b.transfer(); t.fill(0)"),
              "TypeError");
    // A length-tracking view follows its resizable buffer; a fixed one goes out of bounds.
    EXPECT_EQ(eval("var r = new ArrayBuffer(4, {maxByteLength: 16}); var track = new Uint16Array(r);"
                   " var fixed = new Uint16Array(r, 0, 2); r.resize(10); var a = track.length + ',' + fixed.length;"
                   " r.resize(2); a + '|' + track.length + ',' + fixed.length"),
              "5,2|1,0");
    EXPECT_EQ(thrown_error_name("var r = new ArrayBuffer(4, {maxByteLength: 16}); var f = new Uint16Array(r, 0, 2);"
                                " r.resize(2); f.at(0)"),
              "TypeError");
}

TEST_F(TypedArraysTest, DataViewGetAndSet)
{
    EXPECT_EQ(eval("var d = new DataView(new ArrayBuffer(8)); d.setUint16(0, 0x1234); d.getUint8(0) + ',' + d.getUint16(0, true)"),
              "18,13330");
    EXPECT_EQ(eval("var d = new DataView(new ArrayBuffer(8)); d.setFloat16(0, 1.5, true); d.getUint16(0, true)"),
              "15872");
    EXPECT_EQ(eval("var d = new DataView(new ArrayBuffer(8)); d.setBigInt64(0, -2n); d.getBigUint64(0).toString()"),
              "18446744073709551614");
    EXPECT_EQ(thrown_error_name("new DataView(new ArrayBuffer(2)).getInt32(0)"), "RangeError");
    EXPECT_EQ(thrown_error_name("new DataView(new ArrayBuffer(2), 3)"), "RangeError");
    EXPECT_EQ(thrown_error_name("var b = new ArrayBuffer(2); var d = new DataView(b); b.transfer(); d.byteLength"),
              "TypeError");
    EXPECT_EQ(eval("var r = new ArrayBuffer(2, {maxByteLength: 8}); var d = new DataView(r); r.resize(6); d.byteLength"),
              "6");
}

TEST_F(TypedArraysTest, SharedArrayBufferGrowAndSlice)
{
    EXPECT_EQ(eval("var s = new SharedArrayBuffer(2, {maxByteLength: 8}); s.grow(6);"
                   " [s.byteLength, s.maxByteLength, s.growable, new Uint8Array(s).length].join()"),
              "6,8,true,6");
    EXPECT_EQ(thrown_error_name("new SharedArrayBuffer(4, {maxByteLength: 8}).grow(2)"), "RangeError");
    EXPECT_EQ(eval("var s = new SharedArrayBuffer(4); new Uint8Array(s)[2] = 5; new Uint8Array(s.slice(2))[0]"), "5");
    EXPECT_EQ(thrown_error_name("ArrayBuffer.prototype.slice.call(new SharedArrayBuffer(1))"), "TypeError");
}

TEST_F(TypedArraysTest, AtomicsOperations)
{
    EXPECT_EQ(eval("var t = new Int32Array(new SharedArrayBuffer(8)); ["
                   "Atomics.store(t, 0, 5), Atomics.add(t, 0, 2), Atomics.sub(t, 0, 1), Atomics.and(t, 0, 3),"
                   " Atomics.or(t, 0, 8), Atomics.xor(t, 0, 1), Atomics.exchange(t, 0, 42),"
                   " Atomics.compareExchange(t, 0, 42, 1), Atomics.load(t, 0)].join()"),
              "5,5,7,6,2,10,11,42,1");
    EXPECT_EQ(eval("var t = new Uint8Array(4); Atomics.add(t, 1, 300); t[1]"), "44");
    EXPECT_EQ(eval("var b = new BigInt64Array(1); Atomics.sub(b, 0, 1n); b[0].toString()"), "-1");
    EXPECT_EQ(thrown_error_name("Atomics.load(new Float64Array(1), 0)"), "TypeError");
    EXPECT_EQ(thrown_error_name("Atomics.load(new Int32Array(1), 1)"), "RangeError");
    EXPECT_EQ(eval("[Atomics.isLockFree(4), Atomics.isLockFree(3)].join()"), "true,false");
    EXPECT_EQ(eval("Atomics.notify(new Int32Array(new SharedArrayBuffer(4)), 0)"), "0");
    EXPECT_EQ(eval("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1)"), "not-equal");
    EXPECT_EQ(eval("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 0)"), "timed-out");
    EXPECT_EQ(thrown_error_name("Atomics.wait(new Int32Array(4), 0, 0, 0)"), "TypeError");
    EXPECT_EQ(eval("var r = Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 0); r.async + r.value"),
              "falsetimed-out");
    EXPECT_EQ(eval("var t = new Int32Array(new SharedArrayBuffer(4)); var r = Atomics.waitAsync(t, 0, 0);"
                   " [r.async, Atomics.notify(t, 0, 1)].join()"),
              "true,1");
}

TEST_F(TypedArraysTest, ArrayIteratorChecksTheTypedArrayBounds)
{
    EXPECT_EQ(thrown_error_name("var b = new ArrayBuffer(4); var it = new Uint8Array(b).values(); b.transfer(); it.next()"),
              "TypeError");
}

TEST_F(TypedArraysTest, SurvivesGarbageCollection)
{
    EXPECT_EQ(eval("var keep = new Uint32Array(new ArrayBuffer(16)); keep[3] = 77; 'ok'"), "ok");
    agent.heap.collect();
    EXPECT_EQ(eval("keep[3] + keep.buffer.byteLength"), "93");
}

TEST_F(TypedArraysTest, IsArrayBufferViewOutOfBoundsForBothKindsOfView)
{
    EXPECT_EQ(eval("var rab = new ArrayBuffer(4, {maxByteLength: 8});"
                   " var ta = new Uint8Array(rab, 2, 2); var dv = new DataView(rab, 1, 3); 'made'"),
              "made");
    Object& global = *agent.current_realm()->GlobalObject;
    Object& ta = *MUST(Get(agent, global, agent.key("ta"))).as_object();
    Object& dv = *MUST(Get(agent, global, agent.key("dv"))).as_object();
    EXPECT_FALSE(IsArrayBufferViewOutOfBounds(agent, ta));
    EXPECT_FALSE(IsArrayBufferViewOutOfBounds(agent, dv));
    EXPECT_EQ(eval("rab.resize(3); 'shrunk'"), "shrunk");
    EXPECT_TRUE(IsArrayBufferViewOutOfBounds(agent, ta));
    EXPECT_TRUE(IsArrayBufferViewOutOfBounds(agent, dv));
    EXPECT_EQ(eval("rab.resize(8); 'grown'"), "grown");
    EXPECT_FALSE(IsArrayBufferViewOutOfBounds(agent, ta));
}

// The buffer operations, called directly.
TEST_F(TypedArraysTest, Binary16ConversionsRoundTiesToEven)
{
    EXPECT_EQ(to_binary16_bits(1.0), 0x3C00);
    EXPECT_EQ(to_binary16_bits(-2.0), 0xC000);
    EXPECT_EQ(to_binary16_bits(65504.0), 0x7BFF);
    EXPECT_EQ(to_binary16_bits(65519.99), 0x7BFF);
    EXPECT_EQ(to_binary16_bits(65520.0), 0x7C00);
    EXPECT_EQ(to_binary16_bits(std::ldexp(1.0, -24)), 0x0001);
    EXPECT_EQ(to_binary16_bits(std::ldexp(1.0, -25)), 0x0000);         // a tie: to even (0)
    EXPECT_EQ(to_binary16_bits(std::ldexp(3.0, -25)), 0x0002);         // a tie: to even (2)
    EXPECT_EQ(to_binary16_bits(1.0 + std::ldexp(1.0, -11)), 0x3C00);   // a tie between 1 and 1+2^-10
    EXPECT_EQ(to_binary16_bits(std::nan("")), 0x7E00);
    EXPECT_EQ(from_binary16_bits(0x3555), 0.333251953125);
    EXPECT_EQ(from_binary16_bits(0x0001), std::ldexp(1.0, -24));
    EXPECT_TRUE(std::isnan(from_binary16_bits(0x7E01)));
    EXPECT_EQ(from_binary16_bits(0xFC00), -INFINITY);
}

TEST_F(TypedArraysTest, RawBytesRoundTripInBothByteOrders)
{
    RawBytes little = NumericToRawBytes(agent, ElementType::Int32, Value::number(-2), true);
    ASSERT_EQ(little.size, 4u);
    EXPECT_EQ(little[0], 0xFE);
    EXPECT_EQ(little[3], 0xFF);
    RawBytes big = NumericToRawBytes(agent, ElementType::Uint16, Value::number(0x1234), false);
    EXPECT_EQ(big[0], 0x12);
    EXPECT_EQ(big[1], 0x34);
    EXPECT_EQ(RawBytesToNumeric(agent, ElementType::Uint16, big, false).as_number(), 0x1234);
    EXPECT_EQ(RawBytesToNumeric(agent, ElementType::Int32, little, true).as_number(), -2);
}

TEST_F(TypedArraysTest, DetachArrayBufferChecksTheKey)
{
    ArrayBufferObject* buffer =
        MUST(AllocateArrayBuffer(agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), 4));
    buffer->ArrayBufferDetachKey = Value::boolean(true);
    EXPECT_TRUE(DetachArrayBuffer(agent, *buffer).is_abrupt());
    EXPECT_FALSE(IsDetachedBuffer(*buffer));
    EXPECT_FALSE(DetachArrayBuffer(agent, *buffer, Value::boolean(true)).is_abrupt());
    EXPECT_TRUE(IsDetachedBuffer(*buffer));
    EXPECT_EQ(buffer->ArrayBufferByteLength, 0u);
}

}  // namespace
}  // namespace lockstep::testing

namespace lockstep::testing {
namespace {

// A collection before every allocation: what the waiters of Atomics.waitAsync
// and the TypedArrays' buffers keep alive must be visible to the collector.
class TypedArraysGCStressTest : public ScriptTest {
protected:
    TypedArraysGCStressTest()
    {
        agent.heap.set_automatic_collection(true);
        agent.heap.set_stress(true);
    }
    ~TypedArraysGCStressTest() override { agent.heap.set_stress(false); }
};

TEST_F(TypedArraysGCStressTest, WaitAsyncWaitersSurviveCollections)
{
    EXPECT_EQ(eval("var t = new Int32Array(new SharedArrayBuffer(16)); var out = '';"
                   " var p = [Atomics.waitAsync(t, 0, 0).value, Atomics.waitAsync(t, 0, 0, undefined).value];"
                   " Promise.all(p).then(v => { out = v.join(); }); Atomics.notify(t, 0)"),
              "2");
    EXPECT_FALSE(agent.run_jobs().is_abrupt());
    EXPECT_EQ(eval("out"), "ok,ok");
}

TEST_F(TypedArraysGCStressTest, ViewsKeepTheirBuffers)
{
    EXPECT_EQ(eval("var u = new Uint16Array([1, 2, 3]).map(x => x * 2); var d = new DataView(u.buffer);"
                   " u.subarray(1).join() + '|' + d.getUint16(0, true)"),
              "4,6|2");
}

}  // namespace
}  // namespace lockstep::testing
