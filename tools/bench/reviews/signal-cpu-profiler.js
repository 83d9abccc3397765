// Loaded with `--require` into a process the benchmark profiles (Node 20 refuses
// --cpu-prof in NODE_OPTIONS, and a profile of boot would drown the phase of
// interest). A SIGWINCH starts V8's CPU profiler; the next one writes
// <BENCH_CPU_PROFILE_DIR>/<BENCH_CPU_PROFILE_NAME>.<label>.cpuprofile, the label
// being what the benchmark wrote to .label in that folder. Plain JavaScript so
// that it changes nothing in how the process compiles its TypeScript. SIGWINCH
// because Nest's shutdown hooks take SIGUSR2 and Node's inspector SIGUSR1, and a
// process without this file ignores it.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
const name = process.env.BENCH_CPU_PROFILE_NAME || String(process.pid);
let session;

process.on('SIGWINCH', () => {
  if (!dir) return;
  if (!session) {
    session = new Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
    return;
  }
  const current = session;
  session = undefined;
  current.post('Profiler.stop', (error, result) => {
    if (!error) {
      let label = 'profile';
      try {
        label = readFileSync(path.join(dir, '.label'), 'utf8').trim() || label;
      } catch {
        // no label written: the generic name will do
      }
      writeFileSync(path.join(dir, `${name}.${label}.cpuprofile`), JSON.stringify(result.profile));
    }
    current.disconnect();
  });
});
