// wasm_seeds OUTDIR FILE.wast|DIR...
//
// Writes the binary form of every module that the given .wast scripts
// contain (text modules, `(module binary …)`, `(module quote …)`, including
// the malformed and invalid ones of assertions) into OUTDIR, one file per
// distinct module named by its FNV-1a hash: the seed corpus of `make fuzz`.
#include "wasm/text/parser.h"
#include "wasm/text/script.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lockstep::wasm;

namespace {

std::string fnv1a_hex(const std::vector<uint8_t>& bytes)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
    char name[17];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
    return name;
}

// The module's bytes, if the script gives it a binary form at all.
bool module_bytes(const text::ModuleSource& src, std::vector<uint8_t>& out)
{
    switch (src.kind) {
    case text::ModuleSource::Text:
        if (!src.text_error.empty()) return false;
        out = src.binary;
        return true;
    case text::ModuleSource::Binary: out = src.binary; return true;
    case text::ModuleSource::Quote: {
        text::TextError error;
        return text::parse_module_text(src.quote, out, error);
    }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: wasm_seeds OUTDIR FILE.wast|DIR...\n");
        return 2;
    }
    const fs::path out_dir = argv[1];
    fs::create_directories(out_dir);
    std::vector<fs::path> scripts;
    for (int i = 2; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
                if (entry.path().extension() == ".wast") scripts.push_back(entry.path());
        } else {
            scripts.push_back(argv[i]);
        }
    }
    std::set<std::string> written;
    size_t unreadable = 0;
    for (const fs::path& script : scripts) {
        std::ifstream in(script, std::ios::binary);
        std::stringstream source;
        source << in.rdbuf();
        std::vector<text::Command> commands;
        std::string error;
        if (!text::parse_script(source.str(), commands, error)) {
            std::fprintf(stderr, "%s: %s\n", script.c_str(), error.c_str());
            ++unreadable;
            continue;
        }
        for (const text::Command& c : commands) {
            std::vector<uint8_t> bytes;
            if (c.kind == text::Command::Unsupported || !module_bytes(c.module, bytes) || bytes.empty()) continue;
            const std::string name = fnv1a_hex(bytes);
            if (!written.insert(name).second) continue;
            std::ofstream(out_dir / name, std::ios::binary)
                .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        }
    }
    std::printf("%zu seed modules from %zu scripts in %s\n", written.size(), scripts.size() - unreadable,
                out_dir.c_str());
    return unreadable ? 1 : 0;
}
