// Generate the TypeScript client from openapi.yaml into a directory that must not exist yet.
//
//     node scripts/generate_ts.mjs OUT_DIR
//
// The Makefile (mk/typescript.mk) always points OUT_DIR at a fresh temporary directory and then
// either swaps it in for generated/typescript/ (make generate) or diffs it against the committed
// tree (make check-generated), so a stale file can never survive a regeneration.
//
// Everything that could make the output depend on the machine is pinned here: no post-processing
// formatter runs, no tsconfig is looked up (the generator would otherwise search upwards from its
// own install directory and change import specifiers to match whatever it finds), no log file is
// written, and the header names the generator version read from the installed, lock-pinned package.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

import { createClient } from "@hey-api/openapi-ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SPEC = path.join(ROOT, "openapi.yaml");

function generatorVersion() {
  const manifest = path.join(ROOT, "node_modules", "@hey-api", "openapi-ts", "package.json");
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}

async function main(argv) {
  if (argv.length !== 1) {
    process.stderr.write("usage: node scripts/generate_ts.mjs OUT_DIR\n");
    return 2;
  }
  const out = path.resolve(argv[0]);
  if (existsSync(out)) {
    process.stderr.write(`refusing to generate into an existing path: ${out}\n`);
    return 2;
  }
  const header = [
    `// Generated from openapi.yaml by @hey-api/openapi-ts ${generatorVersion()}.`,
    "// Do not edit by hand: change the spec and run `make generate`.",
  ];
  try {
    await createClient({
      input: { path: SPEC },
      output: {
        path: out,
        clean: true,
        header,
        // Node's ESM loader needs explicit extensions; compiled .ts imports resolve to .js.
        module: { extension: ".js" },
        postProcess: [],
        tsConfigPath: null,
      },
      logs: { file: false, level: "warn" },
      plugins: [
        "@hey-api/typescript",
        { name: "@hey-api/client-fetch", throwOnError: false },
        { name: "@hey-api/sdk", auth: true },
      ],
    });
  } catch (error) {
    process.stderr.write(`generation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // The generator reports some failures only through its logger; a missing entry file means it stopped early.
  if (!existsSync(path.join(out, "index.ts"))) {
    process.stderr.write("generation failed: no index.ts was written\n");
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
