// Top-level await: the importer evaluates only after this settles.
export const greeting = await new Promise((resolve) => setTimeout(() => resolve("Hello"), 10));
print("config.mjs evaluated (after a timer)");
