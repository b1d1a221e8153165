// 100 000 async functions suspended at once, each awaiting one pending
// promise: memory per suspended async function.
const log = typeof print === "function" ? print : console.log;
let open;
const gate = new Promise((resolve) => { open = resolve; });
async function waiter(i) {
    await gate;
    return i;
}
const waiting = [];
for (let i = 0; i < 100000; i++) waiting.push(waiter(i));
open();
Promise.all(waiting).then((values) => log(values.length));
