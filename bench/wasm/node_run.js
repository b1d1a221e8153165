// node node_run.js FILE.wasm NAME [ARG...]: V8's side of bench/wasm/run.sh.
// Compiles and instantiates the module (no imports), calls the export, and
// prints "NAME(ARGS) => VALUE".
'use strict';
const fs = require('fs');

async function main() {
    const [file, name, ...args] = process.argv.slice(2);
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(file), {});
    const result = instance.exports[name](...args.map(Number));
    console.log(`${name}(${args.join(', ')}) => ${result}`);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
