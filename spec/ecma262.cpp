#include "spec/ecma262.h"

#include "spec/step_list.h"

#include <pugixml.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <system_error>
#include <unordered_map>

extern char** environ;

namespace lockstep::spec {

namespace {

namespace fs = std::filesystem;

bool is_clause_element(std::string_view name)
{
    return name == "emu-clause" || name == "emu-annex" || name == "emu-intro";
}

// An empty <emu-xref href="#x">, which ecmarkup fills with the target's
// number, is kept as kXrefOpen "#x" kXrefClose until every number is known.
constexpr char kXrefOpen = '\x01';
constexpr char kXrefClose = '\x02';

// The text of a subtree in document order, markup dropped.
std::string subtree_text(pugi::xml_node node)
{
    struct Collector : pugi::xml_tree_walker {
        std::string text;
        bool for_each(pugi::xml_node& n) override
        {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                text += n.value();
            } else if (n.type() == pugi::node_element && std::string_view(n.name()) == "emu-xref" &&
                       !n.first_child()) {
                ((text += kXrefOpen) += n.attribute("href").value()) += kXrefClose;
            }
            return true;
        }
    } collector;
    node.traverse(collector);
    return collector.text;
}

std::string collapse_whitespace(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// `_x_` is how ecmarkdown writes a variable; the rendered text is `x`.
std::string strip_variable_markers(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool word_before = i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]));
        bool word_after = i + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[i + 1]));
        if (text[i] == '_' && word_before != word_after) continue;
        out += text[i];
    }
    return out;
}

constexpr std::string_view kSemanticsPrefixes[] = {"Runtime Semantics: ", "Static Semantics: "};

// Title and name from the <h1>. A structured header ("OrdinaryGetOwnProperty (
// _O_: an Object, _P_: a property key, ): …") renders as the published
// "OrdinaryGetOwnProperty ( O, P )", with optional parameters in brackets.
void set_title_and_name(SpecClause& clause, std::string_view h1, bool structured)
{
    std::string text = collapse_whitespace(h1);
    std::size_t paren = text.find(" (");
    std::string head = text.substr(0, paren);
    clause.name = head;
    for (std::string_view prefix : kSemanticsPrefixes)
        if (clause.name.starts_with(prefix)) clause.name.erase(0, prefix.size());
    if (!structured || paren == std::string::npos) {
        clause.title = strip_variable_markers(text);
        return;
    }
    std::string title = head + " (";
    bool any = false, optional_open = false;
    std::string_view params = std::string_view(text).substr(paren);
    for (std::size_t at = params.find('_'); at != std::string_view::npos; at = params.find('_', at + 1)) {
        std::size_t end = params.find('_', at + 1);
        if (end == std::string_view::npos || end + 1 >= params.size() || params[end + 1] != ':') continue;
        std::string_view name = params.substr(at + 1, end - at - 1);
        if (name.empty() || name.find(' ') != std::string_view::npos) continue;
        bool optional = params.substr(0, at).ends_with("optional ");
        if (optional) {
            title += any ? " [ , " : " [ ";
            optional_open = true;
        } else {
            title += any ? ", " : " ";
        }
        title += name;
        any = true;
        at = end;
    }
    if (optional_open) {
        // Nested brackets close together: "( a [ , b [ , c ] ] )".
        std::size_t opened = 0;
        for (std::size_t at = title.find(" [ "); at != std::string::npos; at = title.find(" [ ", at + 1)) ++opened;
        for (std::size_t i = 0; i < opened; ++i) title += " ]";
    }
    clause.title = title + " )";
}

// ecmarkup numbering: clauses count 1, 2, … within their parent; top-level
// annexes are lettered A, B, …; emu-intro and back-matter annexes (and
// everything below them) are unnumbered.
std::string annex_letter(int ordinal)
{
    std::string letters;
    for (int n = ordinal; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

class ClauseWalker : public pugi::xml_tree_walker {
public:
    explicit ClauseWalker(SpecIndex& index) : index_(index) {}

    bool for_each(pugi::xml_node& node) override
    {
        int d = depth();
        if (alg_depth_ >= 0 && d > alg_depth_) return true;  // inside an emu-alg: already read
        alg_depth_ = -1;
        while (!open_.empty() && open_.back().depth >= d) open_.pop_back();
        if (node.type() != pugi::node_element) return true;
        std::string_view name = node.name();
        if (is_clause_element(name)) {
            open_clause(node, name, d);
        } else if (name == "emu-alg" && !open_.empty() && open_.back().clause >= 0) {
            read_algorithm(node, open_.back().clause);
            alg_depth_ = d;
        }
        return true;
    }

private:
    struct Open {
        int depth;
        int clause;  // index in SpecIndex, or -1 for a clause dropped as a duplicate
    };

    void open_clause(pugi::xml_node node, std::string_view element, int d)
    {
        SpecClause clause;
        clause.id = node.attribute("id").value();
        clause.type = node.attribute("type").value();
        int parent = open_.empty() ? -1 : open_.back().clause;
        clause.parent = parent;
        if (element != "emu-intro") {
            if (open_.empty()) {
                if (element == "emu-annex" && !node.attribute("back-matter"))
                    clause.number = annex_letter(++top_annexes_);
                else if (element == "emu-clause")
                    clause.number = std::to_string(++top_clauses_);
            } else if (parent >= 0 && !index_.clauses()[parent].number.empty()) {
                clause.number = index_.clauses()[parent].number + "." + std::to_string(++children_[parent]);
            }
        }
        pugi::xml_node h1 = node.child("h1");
        set_title_and_name(clause, subtree_text(h1), !clause.type.empty());
        if (pugi::xml_attribute aoid = node.attribute("aoid")) clause.name = aoid.value();
        int added = index_.add(std::move(clause));
        if (added >= 0 && static_cast<std::size_t>(added) >= children_.size()) children_.resize(added + 1, 0);
        open_.push_back({d, added});
    }

    void read_algorithm(pugi::xml_node node, int clause)
    {
        SpecAlgorithm algorithm;
        algorithm.example = static_cast<bool>(node.attribute("example"));
        algorithm.replaces_step = node.attribute("replaces-step").value();
        pugi::xml_node previous = node.previous_sibling();
        while (previous && previous.type() == pugi::node_pcdata &&
               collapse_whitespace(previous.value()).empty())
            previous = previous.previous_sibling();
        if (previous && std::string_view(previous.name()) == "emu-grammar")
            algorithm.grammar = collapse_whitespace(subtree_text(previous));
        algorithm.steps = parse_step_list(subtree_text(node));
        index_.mutable_clause(clause)->algorithms.push_back(std::move(algorithm));
    }

    SpecIndex& index_;
    std::vector<Open> open_;
    std::vector<int> children_;
    int top_clauses_ = 0;
    int top_annexes_ = 0;
    int alg_depth_ = -1;
};

// An algorithm with replaces-step="step-x" continues the numbering of the
// step it replaces: replacing step 4.b, its steps are 4.b, 4.c, 4.b.i …
// A replacement may replace a step of another replacement (Annex B.3.4
// replaces a step of B.3.2.3): it is numbered once that one is.
void number_replacement_steps(SpecIndex& index)
{
    std::unordered_map<std::string, std::vector<int>> step_paths;
    std::vector<SpecAlgorithm*> pending;
    for (SpecClause& clause : index.clauses()) {
        for (SpecAlgorithm& algorithm : clause.algorithms) {
            if (!algorithm.replaces_step.empty()) {
                pending.push_back(&algorithm);
                continue;
            }
            for (const SpecStep& step : algorithm.steps)
                if (!step.id.empty()) step_paths.emplace(step.id, step.path);
        }
    }
    for (bool progress = true; progress;) {
        progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            SpecAlgorithm& algorithm = **it;
            auto replaced = step_paths.find(algorithm.replaces_step);
            if (replaced == step_paths.end()) {
                ++it;
                continue;
            }
            const std::vector<int> base = replaced->second;
            for (SpecStep& step : algorithm.steps) {
                std::vector<int> path(base.begin(), base.end() - 1);
                path.push_back(base.back() - 1 + step.path.front());
                path.insert(path.end(), step.path.begin() + 1, step.path.end());
                step.path = std::move(path);
                step.depth = static_cast<int>(step.path.size()) - 1;
                step.label = step_label(step.path);
                if (!step.id.empty()) step_paths.emplace(step.id, step.path);
            }
            it = pending.erase(it);
            progress = true;
        }
    }
}

// Cross-references in step text as the published spec shows them: "§7.1.1"
// for a clause, "12" for a step (the prose says "step"); an unknown target stays "#target".
void resolve_cross_references(SpecIndex& index)
{
    std::unordered_map<std::string, std::string> shown;
    for (const SpecClause& clause : index.clauses()) {
        if (clause.document != SpecDocument::Ecma262) continue;
        shown.emplace("#" + clause.id, clause.number.empty() ? clause.title : "§" + clause.number);
        for (const SpecAlgorithm& algorithm : clause.algorithms)
            for (const SpecStep& step : algorithm.steps)
                if (!step.id.empty()) shown.emplace("#" + step.id, step.label);
    }
    for (SpecClause& clause : index.clauses()) {
        for (SpecAlgorithm& algorithm : clause.algorithms) {
            for (SpecStep& step : algorithm.steps) {
                std::string& text = step.text;
                for (std::size_t open = text.find(kXrefOpen); open != std::string::npos; open = text.find(kXrefOpen, open)) {
                    std::size_t close = text.find(kXrefClose, open);
                    if (close == std::string::npos) break;
                    std::string target = text.substr(open + 1, close - open - 1);
                    auto it = shown.find(target);
                    const std::string& replacement = it == shown.end() ? target : it->second;
                    text.replace(open, close - open + 1, replacement);
                    open += replacement.size();
                }
            }
        }
    }
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

bool read_clauses(pugi::xml_document& document, const pugi::xml_parse_result& parsed, const std::string& where,
                  SpecIndex& index, std::string& error)
{
    if (!parsed) {
        error = where + ": offset " + std::to_string(parsed.offset) + ": " + parsed.description();
        return false;
    }
    ClauseWalker walker(index);
    document.traverse(walker);
    number_replacement_steps(index);
    resolve_cross_references(index);
    return true;
}

}  // namespace

std::string ecma262_to_xhtml(const std::string& spec_html, const std::string& cache_dir, std::string& error)
{
    std::error_code ec;
    auto size = fs::file_size(spec_html, ec);
    if (ec) {
        error = spec_html + ": " + ec.message();
        return {};
    }
    auto mtime = fs::last_write_time(spec_html, ec).time_since_epoch().count();
    fs::create_directories(cache_dir, ec);
    std::string cached = (fs::path(cache_dir) / ("ecma262-" + std::to_string(size) + "-" +
                                                 std::to_string(mtime) + ".xhtml")).string();
    if (fs::file_size(cached, ec) > 0 && !ec) return cached;

    // Written under a private name, then renamed: concurrent runs never read
    // a half-written cache file.
    std::string temporary = cached + "." + std::to_string(getpid()) + ".tmp";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string source = spec_html;
    char* argv[] = {const_cast<char*>("xmllint"), const_cast<char*>("--html"), const_cast<char*>("--xmlout"),
                    const_cast<char*>("--noent"), const_cast<char*>("--nowarning"), source.data(), nullptr};
    pid_t pid = 0;
    int spawned = posix_spawnp(&pid, "xmllint", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        fs::file_size(temporary, ec) == 0 || ec) {
        fs::remove(temporary, ec);
        error = spawned != 0 ? "cannot run xmllint (install libxml2-utils: make deps)"
                             : "xmllint failed on " + spec_html;
        return {};
    }
    fs::rename(temporary, cached, ec);
    if (ec) {
        error = cached + ": " + ec.message();
        return {};
    }
    return cached;
}

bool load_ecma262_xhtml(std::string_view xhtml, SpecIndex& index, std::string& error)
{
    pugi::xml_document document;
    return read_clauses(document, document.load_buffer(xhtml.data(), xhtml.size(), kParseOptions), "XHTML", index,
                        error);
}

bool load_ecma262_xhtml_file(const std::string& xhtml_path, SpecIndex& index, std::string& error)
{
    pugi::xml_document document;
    return read_clauses(document, document.load_file(xhtml_path.c_str(), kParseOptions), xhtml_path, index, error);
}

bool load_ecma262(const std::string& spec_html, const std::string& cache_dir, SpecIndex& index, std::string& error)
{
    std::string xhtml = ecma262_to_xhtml(spec_html, cache_dir, error);
    return !xhtml.empty() && load_ecma262_xhtml_file(xhtml, index, error);
}

}  // namespace lockstep::spec
