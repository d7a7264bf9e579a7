import { runCli } from './cli';
import { processIo } from './io';

// The entry point of `bin/podreach.js`: exitCode (not exit()) lets stdout drain before the process ends.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
