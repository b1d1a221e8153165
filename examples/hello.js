// A tiny script for `make demo`: `lockstep run examples/hello.js`.
"use strict";

class Greeter {
    #name;
    constructor(name) { this.#name = name; }
    greet(punctuation = "!") { return `Hello, ${this.#name}${punctuation}`; }
}

const greeters = ["world", "lockstep"].map((name) => new Greeter(name));
for (const g of greeters) print(g.greet?.());

async function later() {
    await null;
    print("after an await, from the job queue");
}
later();
print("before the job queue runs");
