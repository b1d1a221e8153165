// A fresh agent with a realm, for the runtime tests.
#pragma once

#include <gtest/gtest.h>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/host.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

class RuntimeTest : public ::testing::Test {
protected:
    RuntimeTest() { MUST(InitializeHostDefinedRealm(agent)); }

    Realm& realm() { return *agent.current_realm(); }
    Object* new_object() { return OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::ObjectPrototype)); }
    PropertyKey key(const char* text) { return agent.key(text); }
    Value str(const char* text) { return make_string_from_utf8(agent.heap, text); }
    // The "message" of a thrown error object.
    std::string message_of(Value thrown)
    {
        Value message = MUST(Get(agent, *thrown.as_object(), agent.names.message));
        return message.as_string()->to_utf8();
    }

    DefaultHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
