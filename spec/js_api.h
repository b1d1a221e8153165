// WebAssembly JS API extraction (Bikeshed source, including JSPI): every
// markdown ordered list of steps, named by the <dfn> that introduces it.
#pragma once

#include "spec/index.h"

#include <string>
#include <string_view>

namespace lockstep::spec {

// Adds one SpecClause (document JsApi) per algorithm of the Bikeshed source
// `text`. Its id is the `<div algorithm="…">` attribute, else the dfn's
// Bikeshed anchor ("run-a-promising-function", "dom-webassembly-validate");
// its name is the PascalCase title for prose algorithms
// ("RunAPromisingFunction") or Interface.member for IDL members
// ("WebAssembly.validate"). Steps lists introduced by no dfn continue the
// algorithm above them as its next SpecAlgorithm.
void load_js_api(std::string_view text, SpecIndex& index);
bool load_js_api_file(const std::string& path, SpecIndex& index, std::string& error);

// Bikeshed inline markup rendered as text: [=a|b=] → b, [$Get$] → Get,
// {{TypeError}} → TypeError, |x| → x, \[[Slot]] → [[Slot]], tags dropped.
std::string render_bikeshed_text(std::string_view text);

}  // namespace lockstep::spec
