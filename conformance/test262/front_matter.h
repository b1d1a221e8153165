// A test262 test's metadata: the YAML between `/*---` and `---*/`
// (test262 INTERPRETING.md, "Metadata").
//
// The parser reads the subset of YAML that test262 writes: `key: value`
// mappings at the top level, plain and quoted scalars, `|` and `>` block
// scalars (with `-`/`+` chomping), flow lists `[a, b]` (possibly over several
// lines), block lists (`- a`), and one nested mapping (`negative:`). It reads
// line by line without recursion and reports anything else as an error with
// the line it is on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lockstep::conformance::test262 {

struct Flags {
    bool onlyStrict = false;
    bool noStrict = false;
    bool module = false;
    bool raw = false;
    bool async = false;
    bool generated = false;
    bool CanBlockIsFalse = false;
    bool CanBlockIsTrue = false;
    bool non_deterministic = false;   // `non-deterministic`
};

struct Negative {
    std::string phase;   // "parse", "resolution" or "runtime"
    std::string type;    // the constructor's name, e.g. "SyntaxError"
};

struct FrontMatter {
    std::string description;
    std::string info;
    std::string esid;
    std::vector<std::string> includes;
    std::vector<std::string> features;
    std::vector<std::string> locale;
    Flags flags;
    std::optional<Negative> negative;
};

struct FrontMatterError {
    std::string message;
    int line = 0;   // 1-based, in the test file
};

// Finds the front matter in a test's source and parses it.
std::variant<FrontMatter, FrontMatterError> ParseFrontMatter(std::string_view source);

}  // namespace lockstep::conformance::test262
