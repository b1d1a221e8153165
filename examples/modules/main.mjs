// A module graph for `make demo`: `lockstep run examples/modules/main.mjs`.
// `config.mjs` has top-level await, so this module waits for it
// (InnerModuleEvaluation, AsyncModuleExecutionFulfilled); a JSON module and
// a dynamic import() come along. `lockstep trace examples/modules/main.mjs
// --only Status` shows the records' [[Status]] moving new → … → evaluated.
import { greeting } from "./config.mjs";
import messages from "./messages.json" with { type: "json" };

print(`${greeting}, ${messages.audience}`);
const { shout } = await import("./shout.mjs");
print(shout(messages.farewell));
