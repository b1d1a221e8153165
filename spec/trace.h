// `lockstep trace` (DESIGN.md §7): the spec steps as they run. A Tracer is a
// StepObserver (spec/recording.h) that prints one line per executed STEP
// marker, indented by algorithm nesting (spec/step.h, AlgorithmScope), with
// the clause's section number, the algorithm's name, the step label and the
// spec's own text of the step read from the index:
//
//     "  §7.1.1 ToPrimitive 1.a  If input is an Object, then"
//
// RULE markers print "wasm" and the SpecTec rule name, with the rule's
// conclusion and premises from its .spectec source when available. Record
// fields reported with trace_field() (spec/recording.h) print as
// "    [[Status]] of module a.mjs = linked". With `json`, each line is a JSON
// object instead: {"depth", "section", "id", "algorithm", "step", "text"}
// for steps, {"depth", "record", "field", "value"} for fields.
#pragma once

#include "spec/index.h"
#include "spec/spectec.h"

#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lockstep::spec {

struct TraceOptions {
    bool json = false;
    bool text = true;          // print the spec's text of each step
    std::string only;          // a regex: only steps of algorithms (or rules) it finds a match in
    std::string spectec_dir;   // the *.spectec sources, for rule texts; empty: names only
    std::size_t text_width = 160;  // longer step texts are cut with "…"
};

class Tracer {
public:
    // `only` must be a valid ECMAScript regex (see valid_filter()).
    Tracer(const SpecIndex& index, const SpecTecIndex& spectec, TraceOptions options, std::FILE* out);
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    // Whether options.only compiles; the error otherwise.
    static bool valid_filter(const std::string& only, std::string& error);

    // Installs this tracer as the step and field observer and switches
    // recording on; stop() (or the destructor) undoes both.
    void start();
    void stop();

    // One executed step, one changed field (what the observers call).
    void step(const char* algorithm, const char* label);
    void field(std::string_view record, std::string_view field, std::string_view value);

    std::size_t lines() const { return lines_; }

private:
    struct Algorithm {
        std::string section, id, name;
        const SpecAlgorithm* steps = nullptr;  // null: the address names no algorithm of the index
        bool shown = true;                     // matches options.only
    };
    const Algorithm& resolve(const char* address);
    const Algorithm& resolve_rule(const char* rule);
    std::string step_text(const Algorithm& algorithm, const char* label);
    std::string rule_text(const char* rule);
    void emit(int depth, const Algorithm& algorithm, const std::string& label, const std::string& text);

    const SpecIndex& index_;
    const SpecTecIndex& spectec_;
    TraceOptions options_;
    std::FILE* out_;
    std::unique_ptr<std::regex> only_;
    bool started_ = false;
    std::size_t lines_ = 0;
    // Markers pass string literals: their addresses identify algorithms and steps.
    std::unordered_map<const void*, Algorithm> algorithms_;
    std::unordered_map<const void*, Algorithm> rules_;
    std::map<std::pair<const void*, const void*>, std::string> texts_;
    std::unordered_map<std::string, std::vector<std::string>> spectec_files_;  // file → lines
};

// A step's ecmarkdown source as the rendered spec reads: _x_ → x,
// *true* → true, *"length"* → "length", ~number~ → number,
// |Expression| → Expression; everything else is kept as written.
std::string plain_text(std::string_view ecmarkdown);

// The text shown for a step: whitespace runs become one space, and a text
// longer than `width` bytes is cut (at a UTF-8 character boundary) with "…".
std::string one_line(std::string_view text, std::size_t width);

}  // namespace lockstep::spec
