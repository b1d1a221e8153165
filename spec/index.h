// The spec index: every algorithm of ECMA-262 and of the WebAssembly JS API
// (with JSPI) as a tree of labelled steps, and every named SpecTec rule of
// Wasm 3.0. `lockstep spec check|show` and step coverage read it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lockstep::spec {

// One step of an algorithm, labelled as the spec renders it: "1", "1.a",
// "1.a.i", "1.a.i.1" (levels cycle decimal, lower-alpha, lower-roman).
struct SpecStep {
    std::string label;
    std::string text;  // the step's source text with markup stripped
    std::string id;    // ecmarkdown `[id="step-…"]`, if any
    int depth = 0;     // 0 for top-level steps
    std::vector<int> path;  // the ordinal at each level: "2.c.i" is {2, 3, 1}
};

// One ordered list of steps (`<emu-alg>` in ECMA-262, a markdown list in
// Bikeshed). A clause can hold several: one per production of a
// syntax-directed operation, or a built-in's steps after a table.
struct SpecAlgorithm {
    std::vector<SpecStep> steps;  // in document order
    std::string grammar;          // the productions an SDO's steps are for
    std::string replaces_step;    // Annex B: the id of the step this replaces
    bool example = false;         // `<emu-alg example>`: not normative steps
    int line = 0;                 // source line of the first step (0: unknown)

    const SpecStep* find_step(std::string_view label) const;

    // The steps a STEP marker's label stands for, as positions [begin, end)
    // in `steps`: one step, or for a range "3-7" the sibling steps 3 to 7
    // with all their substeps. Empty if the label names no step or range.
    struct Span {
        std::size_t begin, end;
    };
    std::optional<Span> marker_span(std::string_view label) const;
};

enum class SpecDocument { Ecma262, JsApi };

// A clause (ECMA-262 `emu-clause`/`emu-annex`/`emu-intro`) or a JS-API
// algorithm block, with the algorithms it holds.
struct SpecClause {
    SpecDocument document = SpecDocument::Ecma262;
    std::string id;       // "sec-ordinarygetownproperty", "run-a-promising-function"
    std::string number;   // "10.1.5.1", "B.3.2"; empty when unnumbered
    std::string title;    // "OrdinaryGetOwnProperty ( O, P )"
    std::string name;     // "OrdinaryGetOwnProperty", "RunAPromisingFunction"
    std::string type;     // ecmarkup `type` ("abstract operation", "sdo" …)
    int parent = -1;      // index of the enclosing clause in SpecIndex::clauses
    std::vector<SpecAlgorithm> algorithms;
};

// All clauses of the loaded documents, looked up by id, number or name.
class SpecIndex {
public:
    // Adds a clause; returns its index. A clause whose id is already
    // present is not added (the first one wins) and -1 is returned.
    int add(SpecClause clause);

    const SpecClause* find_id(std::string_view id) const;
    // By id, then section number, then name, then title (case-insensitive).
    const SpecClause* find(std::string_view key) const;

    const std::vector<SpecClause>& clauses() const { return clauses_; }
    std::vector<SpecClause>& clauses() { return clauses_; }
    SpecClause* mutable_clause(int index) { return &clauses_[index]; }
    std::size_t size() const { return clauses_.size(); }

private:
    std::vector<SpecClause> clauses_;
    std::unordered_map<std::string, std::size_t> by_id_;
};

// The marker address of an algorithm: "sec-foo" for the clause's first
// algorithm, "sec-foo#2" for its second (see spec/step.h). A part of an
// algorithm, the substeps of one step transcribed apart from the rest
// ("When f is evaluated, perform the following steps"), adds "@" and that
// step's label: "sec-foo@3.b", "sec-foo#2@4".
struct AlgorithmAddress {
    std::string clause_id;
    int ordinal = 1;   // 1-based position among the clause's algorithms
    std::string step;  // a part: the step whose substeps it transcribes; empty for the whole algorithm
    bool valid = true;
};
AlgorithmAddress parse_algorithm_address(std::string_view address);

}  // namespace lockstep::spec
