// A tiny script for `make demo`: `lockstep parse examples/hello.js`.
"use strict";

class Greeter {
    #name;
    constructor(name) { this.#name = name; }
    greet(punctuation = "!") { return `Hello, ${this.#name}${punctuation}`; }
}

const greeters = ["world", "lockstep"].map((name) => new Greeter(name));
for (const g of greeters) g.greet?.();
