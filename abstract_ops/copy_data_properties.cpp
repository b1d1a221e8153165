// ECMA-262 §7.3.25 CopyDataProperties.
#include "abstract_ops/copy_data_properties.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/object.h"

namespace lockstep {

ThrowCompletionOr<void> CopyDataProperties(Agent& agent, Object& target, Value source,
                                           std::span<const PropertyKey> excludedItems)
{
    SPEC_ALGORITHM("sec-copydataproperties");
    STEP("1");
    if (source.is_nullish()) return {};
    STEP("2");
    Object* from = MUST(ToObject(agent, source));
    STEP("3");
    List<PropertyKey> keys = TRY(from->OwnPropertyKeys(agent));
    STEP("4");
    for (PropertyKey nextKey : keys) {
        STEP("4.a");
        bool excluded = false;
        STEP("4.b");
        for (const PropertyKey& e : excludedItems) {
            STEP("4.b.i");
            if (e == nextKey) {  // SameValue of property keys: the same key
                STEP("4.b.i.1");
                excluded = true;
            }
        }
        STEP("4.c");
        if (!excluded) {
            STEP("4.c.i");
            auto desc = TRY(from->GetOwnProperty(agent, nextKey));
            STEP("4.c.ii");
            if (desc && desc->enumerable.value_or(false)) {
                STEP("4.c.ii.1");
                Value propValue = TRY(Get(agent, *from, nextKey));
                STEP("4.c.ii.2");
                MUST(CreateDataPropertyOrThrow(agent, target, nextKey, propValue));
            }
        }
    }
    STEP("5");
    return {};
}

}  // namespace lockstep
