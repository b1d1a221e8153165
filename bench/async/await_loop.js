// 1 000 000 awaits in a loop: the cost of one suspension and resumption of
// an async function through the job queue.
const log = typeof print === "function" ? print : console.log;
async function main() {
    let sum = 0;
    for (let i = 0; i < 1000000; i++) sum += await i;
    log(sum);
}
main();
