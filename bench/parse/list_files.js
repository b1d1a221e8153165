// Lists the test262 sources the parse benchmark reads: every test file that
// is meant to parse under the pinned spec (not a `negative: phase: parse`
// test, not a _FIXTURE, no feature of conformance/test262/unsupported_features.txt),
// with its goal. Output lines: "script PATH" or "module PATH".
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(process.argv[2], 'test');
const unsupported = new Set(fs.readFileSync(path.join(__dirname, '../../conformance/test262/unsupported_features.txt'), 'utf8')
  .split('\n').map(l => l.replace(/#.*/, '').trim()).filter(Boolean).map(l => l.split(/\s+/)[0]));
const out = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith('.js') && !entry.name.includes('_FIXTURE')) {
      const src = fs.readFileSync(p, 'utf8');
      const meta = (src.match(/\/\*---([\s\S]*?)---\*\//) || [, ''])[1];
      if (/negative:\s*\n\s*phase:\s*parse/.test(meta)) continue;
      const features = (meta.match(/features:\s*\[([^\]]*)\]/) || [, ''])[1].split(',').map(f => f.trim());
      if (features.some(f => unsupported.has(f))) continue;
      const isModule = /flags:\s*\[[^\]]*\bmodule\b/.test(meta) || /flags:\s*\n(\s*-\s*\w+\s*\n)*\s*-\s*module\b/.test(meta);
      out.push((isModule ? 'module ' : 'script ') + p);
    }
  }
}
for (const sub of ['language', 'built-ins', 'annexB']) walk(path.join(root, sub));
process.stdout.write(out.join('\n') + '\n');
