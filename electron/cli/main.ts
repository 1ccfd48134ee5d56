/**
 * `casevault` entry point (docs/cli.md). Runs on Node ≥ 22.18 with type stripping; bin/casevault.mjs
 * picks such a Node. Exit codes are in exit-codes.ts.
 */
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
