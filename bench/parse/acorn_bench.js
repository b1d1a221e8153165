// Parse throughput of acorn over the benchmark's file list: all files are read
// into memory first, then parsed ROUNDS times; prints MB/s of the best round.
'use strict';
const fs = require('fs');
const acorn = require('acorn');

const list = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(l => {
  const [goal, file] = [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)];
  return { goal, source: fs.readFileSync(file, 'utf8'), bytes: fs.statSync(file).size };
});
const rounds = Number(process.argv[3] || 3);
const totalBytes = list.reduce((n, f) => n + f.bytes, 0);
let best = Infinity, failed = 0;
for (let r = 0; r < rounds; r++) {
  failed = 0;
  const t0 = process.hrtime.bigint();
  for (const f of list) {
    try {
      acorn.parse(f.source, { ecmaVersion: 'latest', sourceType: f.goal, allowHashBang: true, locations: true });
    } catch (e) { failed++; }
  }
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({ parser: 'acorn ' + require('acorn/package.json').version,
  files: list.length, megabytes: totalBytes / 1e6, seconds: best, mb_per_s: totalBytes / 1e6 / best, rejected: failed }));
