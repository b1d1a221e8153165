// ECMA-262 §22.2.8 Properties of RegExp Instances: the internal slots
// RegExpAlloc gives a RegExp object.
// https://tc39.es/ecma262/#sec-properties-of-regexp-instances
#pragma once

#include <memory>

#include "runtime/object.h"

namespace lockstep {

namespace regexp {
class RegExpMatcher;
}
class String;

// An ordinary object with [[OriginalSource]], [[OriginalFlags]],
// [[RegExpRecord]] and [[RegExpMatcher]]; the Record is the matcher's `rer`
// (builtins/regexp/pattern_semantics.h), set together with it by
// RegExpInitialize. Before that the slots exist but hold nothing (null).
class RegExpObject final : public Object {
public:
    using Object::Object;

    String* OriginalSource = nullptr;
    String* OriginalFlags = nullptr;
    std::shared_ptr<const regexp::RegExpMatcher> RegExpMatcher;

    void visit_edges(Visitor&) override;
};

}  // namespace lockstep
