// 100 000 generators suspended at once: memory per suspended generator.
const log = typeof print === "function" ? print : console.log;
function* counter(i) {
    yield i;
    yield i + 1;
}
const alive = [];
for (let i = 0; i < 100000; i++) {
    const it = counter(i);
    it.next();
    alive.push(it);
}
let sum = 0;
for (const it of alive) sum += it.next().value;
log(sum);
