#include "spec/trace.h"

#include "spec/recording.h"
#include "spec/step.h"

#include <cctype>
#include <fstream>

namespace lockstep::spec {

namespace {

Tracer* g_tracer = nullptr;  // the running tracer, for the observer functions

void observe_step(const char* algorithm, const char* label) { g_tracer->step(algorithm, label); }

void observe_field(std::string_view record, std::string_view field, std::string_view value)
{
    g_tracer->field(record, field, value);
}

// A JSON string literal.
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        unsigned char byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string_view trimmed(std::string_view text)
{
    std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

}  // namespace

std::string one_line(std::string_view text, std::size_t width)
{
    std::string line;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !line.empty();
            continue;
        }
        if (space) line += ' ';
        space = false;
        line += c;
    }
    if (line.size() <= width) return line;
    std::size_t cut = width;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return line.substr(0, cut) + "…";
}

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The end of an ecmarkdown span opened by `open` at `at` (the position of its
// closing delimiter), or npos: the content is not empty, does not start or
// end with a space, and `fits` accepts each of its characters.
template <typename Fits>
std::size_t span_end(std::string_view text, std::size_t at, char delimiter, Fits fits)
{
    if (at > 0 && is_word(text[at - 1])) return std::string_view::npos;
    std::size_t close = text.find(delimiter, at + 1);
    if (close == std::string_view::npos || close == at + 1) return std::string_view::npos;
    if (text[at + 1] == ' ' || text[close - 1] == ' ') return std::string_view::npos;
    if (close + 1 < text.size() && is_word(text[close + 1]) && delimiter != '*') return std::string_view::npos;
    for (std::size_t i = at + 1; i < close; ++i)
        if (!fits(text[i])) return std::string_view::npos;
    return close;
}

}  // namespace

std::string plain_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    auto identifier = [](char c) { return is_word(c); };
    auto enum_value = [](char c) { return is_word(c) || c == '-'; };
    auto value = [](char c) { return c != '\n'; };
    auto nonterminal = [](char c) { return is_word(c) || c == '[' || c == ']' || c == '?' || c == '+' || c == '~' || c == ','; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        std::size_t close = std::string_view::npos;
        if (c == '_') close = span_end(text, i, '_', identifier);
        else if (c == '*') close = span_end(text, i, '*', value);
        else if (c == '~') close = span_end(text, i, '~', enum_value);
        else if (c == '|' && i + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[i + 1])))
            close = span_end(text, i, '|', nonterminal);
        if (close == std::string_view::npos) {
            out += c;
            continue;
        }
        out.append(text.substr(i + 1, close - i - 1));
        i = close;
    }
    return out;
}

Tracer::Tracer(const SpecIndex& index, const SpecTecIndex& spectec, TraceOptions options, std::FILE* out)
    : index_(index), spectec_(spectec), options_(std::move(options)), out_(out)
{
    if (!options_.only.empty()) only_ = std::make_unique<std::regex>(options_.only, std::regex::ECMAScript);
}

Tracer::~Tracer() { stop(); }

bool Tracer::valid_filter(const std::string& only, std::string& error)
{
    try {
        std::regex compiled(only, std::regex::ECMAScript);
        return true;
    } catch (const std::regex_error& e) {
        error = "bad --only regex '" + only + "': " + e.what();
        return false;
    }
}

void Tracer::start()
{
    g_tracer = this;
    set_step_observer(observe_step);
    g_field_observer = observe_field;
    g_recording = true;
    started_ = true;
}

void Tracer::stop()
{
    if (!started_) return;
    g_recording = false;
    set_step_observer(nullptr);
    g_field_observer = nullptr;
    g_tracer = nullptr;
    started_ = false;
    std::fflush(out_);
}

const Tracer::Algorithm& Tracer::resolve(const char* address)
{
    auto [it, added] = algorithms_.try_emplace(address);
    Algorithm& algorithm = it->second;
    if (!added) return algorithm;
    algorithm.id = address;
    algorithm.name = address;
    AlgorithmAddress parsed = parse_algorithm_address(address);
    if (const SpecClause* clause = parsed.valid ? index_.find_id(parsed.clause_id) : nullptr) {
        algorithm.section = clause->number;
        algorithm.name = clause->name.empty() ? clause->title : clause->name;
        if (static_cast<std::size_t>(parsed.ordinal) <= clause->algorithms.size())
            algorithm.steps = &clause->algorithms[parsed.ordinal - 1];
    }
    if (only_) {
        std::string key = "§" + algorithm.section + " " + algorithm.name + " " + algorithm.id;
        algorithm.shown = std::regex_search(key, *only_);
    }
    return algorithm;
}

const Tracer::Algorithm& Tracer::resolve_rule(const char* rule)
{
    auto [it, added] = rules_.try_emplace(rule);
    Algorithm& algorithm = it->second;
    if (!added) return algorithm;
    algorithm.id = "wasm";
    algorithm.name = rule;
    algorithm.name = algorithm.name.substr(0, algorithm.name.find('/'));  // the relation of "Step_pure/select-true"
    if (only_) algorithm.shown = std::regex_search(std::string("wasm ") + rule, *only_);
    return algorithm;
}

std::string Tracer::step_text(const Algorithm& algorithm, const char* label)
{
    if (!algorithm.steps) return {};
    auto [it, added] = texts_.try_emplace({algorithm.steps, label});
    if (added)
        if (std::optional<SpecAlgorithm::Span> span = algorithm.steps->marker_span(label))
            it->second = one_line(plain_text(algorithm.steps->steps[span->begin].text), options_.text_width);
    return it->second;
}

// "rule Step_pure/select-true:" and its indented lines after it (the
// conclusion, then the premises "-- if …"), as one line.
std::string Tracer::rule_text(const char* rule)
{
    auto [it, added] = texts_.try_emplace({nullptr, rule});
    if (!added || options_.spectec_dir.empty()) return it->second;
    const SpecTecEntry* entry = spectec_.find(rule);
    if (!entry || entry->line < 1) return it->second;
    auto [file, read] = spectec_files_.try_emplace(entry->file);
    if (read) {
        std::ifstream in(options_.spectec_dir + "/" + entry->file);
        for (std::string line; std::getline(in, line);) file->second.push_back(line);
    }
    const std::vector<std::string>& lines = file->second;
    std::size_t first = static_cast<std::size_t>(entry->line) - 1;
    if (first >= lines.size()) return it->second;
    std::string_view header = lines[first];
    std::string text;
    if (std::size_t colon = header.find(':'); colon != std::string_view::npos && entry->kind == SpecTecEntry::Kind::Rule)
        text = trimmed(header.substr(colon + 1));
    else
        text = trimmed(header);
    for (std::size_t i = first + 1; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty() || (line[0] != ' ' && line[0] != '\t')) break;
        std::string_view part = trimmed(line);
        if (part.starts_with(";;")) continue;
        if (!text.empty()) text += "  ";
        text += part;
    }
    it->second = one_line(text, options_.text_width);
    return it->second;
}

void Tracer::emit(int depth, const Algorithm& algorithm, const std::string& label, const std::string& text)
{
    ++lines_;
    if (options_.json) {
        std::fprintf(out_, "{\"depth\":%d,\"section\":%s,\"id\":%s,\"algorithm\":%s,\"step\":%s,\"text\":%s}\n", depth,
                     quoted(algorithm.section).c_str(), quoted(algorithm.id).c_str(), quoted(algorithm.name).c_str(),
                     quoted(label).c_str(), quoted(text).c_str());
        return;
    }
    std::string line(static_cast<std::size_t>(2 * depth), ' ');
    if (!algorithm.section.empty()) line += "§" + algorithm.section + " ";
    if (algorithm.id == "wasm") line += "wasm ";
    else line += algorithm.name + " ";
    line += label;
    if (!text.empty()) line += "  " + text;
    line += '\n';
    std::fputs(line.c_str(), out_);
}

void Tracer::step(const char* algorithm_address, const char* label)
{
    bool rule = std::string_view(algorithm_address) == "wasm";
    const Algorithm& algorithm = rule ? resolve_rule(label) : resolve(algorithm_address);
    if (!algorithm.shown) return;
    std::string text;
    if (options_.text) text = rule ? rule_text(label) : step_text(algorithm, label);
    emit(algorithm_depth(), algorithm, label, text);
}

void Tracer::field(std::string_view record, std::string_view field, std::string_view value)
{
    ++lines_;
    int depth = algorithm_depth();
    if (options_.json) {
        std::fprintf(out_, "{\"depth\":%d,\"record\":%s,\"field\":%s,\"value\":%s}\n", depth, quoted(record).c_str(),
                     quoted(field).c_str(), quoted(value).c_str());
        return;
    }
    std::string line(static_cast<std::size_t>(2 * depth), ' ');
    line.append(field).append(" of ").append(record).append(" = ").append(value).append("\n");
    std::fputs(line.c_str(), out_);
}

}  // namespace lockstep::spec
