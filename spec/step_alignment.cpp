#include "spec/step_alignment.h"

#include "spec/step_list.h"

#include <algorithm>
#include <limits>

namespace lockstep::spec {

namespace {

// A tree of steps: node 0 is the root, children sorted by ordinal.
struct StepTree {
    struct Node {
        int ordinal = 0;
        // The code: a marker names this step (not just a substep). The spec: a
        // step, not just an ancestor of the steps of a part (spec/index.h).
        bool marked = false;
        int line = 0;
        std::string label;
        std::vector<std::size_t> children;
        std::string shape;  // "(" + children's shapes + ")"
    };
    std::vector<Node> nodes{Node{}};

    std::size_t insert(const std::vector<int>& path)
    {
        std::size_t node = 0;
        for (std::size_t depth = 0; depth < path.size(); ++depth) {
            std::vector<std::size_t>& children = nodes[node].children;
            auto it = std::find_if(children.begin(), children.end(),
                                   [&](std::size_t child) { return nodes[child].ordinal == path[depth]; });
            if (it != children.end()) {
                node = *it;
                continue;
            }
            Node child;
            child.ordinal = path[depth];
            child.label = step_label(std::vector<int>(path.begin(), path.begin() + depth + 1));
            nodes.push_back(std::move(child));
            nodes[node].children.push_back(nodes.size() - 1);
            node = nodes.size() - 1;
        }
        return node;
    }

    void finish()
    {
        // Children are created after their parents: a reverse sweep sees
        // every child's shape before its parent's.
        for (std::size_t i = nodes.size(); i-- > 0;) {
            Node& node = nodes[i];
            std::sort(node.children.begin(), node.children.end(),
                      [&](std::size_t a, std::size_t b) { return nodes[a].ordinal < nodes[b].ordinal; });
            std::string shape(1, '(');
            for (std::size_t child : node.children) shape.append(nodes[child].shape);
            shape.push_back(')');
            node.shape = std::move(shape);
        }
    }
};

constexpr int kIndel = 4;         // a step deleted from or inserted into one side
constexpr int kRenumbered = 1;    // same shape, different number
constexpr int kReshaped = kIndel; // same number, different substeps
constexpr int kNever = std::numeric_limits<int>::max() / 4;

int match_cost(const StepTree::Node& code, const StepTree::Node& spec)
{
    if (code.shape == spec.shape) return code.ordinal == spec.ordinal ? 0 : kRenumbered;
    return code.ordinal == spec.ordinal ? kReshaped : kNever;
}

class Aligner {
public:
    Aligner(const StepTree& code, const StepTree& spec) : code_(code), spec_(spec) {}

    std::vector<AlignmentFinding> run()
    {
        std::vector<std::pair<std::size_t, std::size_t>> work{{0, 0}};  // matched (code, spec) nodes
        while (!work.empty()) {
            auto [c, s] = work.back();
            work.pop_back();
            align_children(c, s, work);
        }
        return std::move(findings_);
    }

private:
    void align_children(std::size_t c, std::size_t s, std::vector<std::pair<std::size_t, std::size_t>>& work)
    {
        const std::vector<std::size_t>& a = code_.nodes[c].children;
        const std::vector<std::size_t>& b = spec_.nodes[s].children;
        std::size_t n = a.size(), m = b.size();
        std::vector<int> cost((n + 1) * (m + 1));
        auto at = [&](std::size_t i, std::size_t j) -> int& { return cost[i * (m + 1) + j]; };
        for (std::size_t i = 0; i <= n; ++i) {
            for (std::size_t j = 0; j <= m; ++j) {
                if (i == 0 || j == 0) {
                    at(i, j) = static_cast<int>(i + j) * kIndel;
                    continue;
                }
                int match = match_cost(code_.nodes[a[i - 1]], spec_.nodes[b[j - 1]]);
                at(i, j) = std::min({at(i - 1, j) + kIndel, at(i, j - 1) + kIndel,
                                     match == kNever ? kNever : at(i - 1, j - 1) + match});
            }
        }
        // Walk back from the end, collecting the alignment in reverse.
        std::vector<AlignmentFinding> level;
        for (std::size_t i = n, j = m; i > 0 || j > 0;) {
            int match = i && j ? match_cost(code_.nodes[a[i - 1]], spec_.nodes[b[j - 1]]) : kNever;
            if (match != kNever && at(i, j) == at(i - 1, j - 1) + match) {
                matched(a[i - 1], b[j - 1], level);
                work.push_back({a[i - 1], b[j - 1]});
                --i, --j;
            } else if (i && at(i, j) == at(i - 1, j) + kIndel) {
                extra(a[--i], level);
            } else {
                missing(b[--j], level);
            }
        }
        findings_.insert(findings_.end(), level.rbegin(), level.rend());
    }

    void matched(std::size_t c, std::size_t s, std::vector<AlignmentFinding>& level)
    {
        const StepTree::Node& code = code_.nodes[c];
        const StepTree::Node& spec = spec_.nodes[s];
        if (!code.marked && spec.marked) level.push_back({AlignmentFinding::Kind::Missing, spec.label, {}, 0, {}});
        else if (code.ordinal != spec.ordinal)
            level.push_back({AlignmentFinding::Kind::Renumbered, code.label, spec.label, code.line, {}});
    }

    void extra(std::size_t c, std::vector<AlignmentFinding>& level)
    {
        AlignmentFinding finding{AlignmentFinding::Kind::Extra, code_.nodes[c].label, {}, code_.nodes[c].line, {}};
        std::vector<std::size_t> pending(code_.nodes[c].children.rbegin(), code_.nodes[c].children.rend());
        while (!pending.empty()) {
            const StepTree::Node& node = code_.nodes[pending.back()];
            pending.pop_back();
            if (node.marked) {
                finding.substeps.push_back(node.label);
                if (!finding.line) finding.line = node.line;
            }
            pending.insert(pending.end(), node.children.rbegin(), node.children.rend());
        }
        level.push_back(std::move(finding));
    }

    void missing(std::size_t s, std::vector<AlignmentFinding>& level)
    {
        // The step and all its substeps, in document order, reversed with the level.
        std::vector<AlignmentFinding> subtree;
        std::vector<std::size_t> pending{s};
        while (!pending.empty()) {
            const StepTree::Node& node = spec_.nodes[pending.back()];
            pending.pop_back();
            if (node.marked) subtree.push_back({AlignmentFinding::Kind::Missing, node.label, {}, 0, {}});
            pending.insert(pending.end(), node.children.rbegin(), node.children.rend());
        }
        level.insert(level.end(), subtree.rbegin(), subtree.rend());
    }

    const StepTree& code_;
    const StepTree& spec_;
    std::vector<AlignmentFinding> findings_;
};

}  // namespace

std::vector<AlignmentFinding> align_steps(const std::vector<SpecStep>& spec, const std::vector<MarkedLabel>& marked)
{
    StepTree spec_tree, code_tree;
    for (const SpecStep& step : spec) spec_tree.nodes[spec_tree.insert(step.path)].marked = true;
    std::vector<int> path;
    for (const MarkedLabel& label : marked) {
        if (!parse_step_label(label.label, path)) continue;
        StepTree::Node& node = code_tree.nodes[code_tree.insert(path)];
        if (!node.marked) node.line = label.line;
        node.marked = true;
    }
    spec_tree.finish();
    code_tree.finish();
    std::vector<AlignmentFinding> findings = Aligner(code_tree, spec_tree).run();
    // Findings come level by level; report them in step order.
    std::stable_sort(findings.begin(), findings.end(), [](const AlignmentFinding& x, const AlignmentFinding& y) {
        std::vector<int> px, py;
        parse_step_label(x.label, px);
        parse_step_label(y.label, py);
        return px < py;
    });
    return findings;
}

}  // namespace lockstep::spec
