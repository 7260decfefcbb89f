// The benchmark's CPU time counts every process a job starts, also the ones it leaves behind
// (Chromium's renderers outlive their zygote and are reaped by init, not by the build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsOrphans, measure } from '../../scripts/bench/measure.ts';

const burn = 'const t = Date.now(); while (Date.now() - t < 600) {}';
/** A job that starts a detached process burning 0.6 s of CPU and exits at once, without waiting for it. */
const leaves = {
  label: 'orphan',
  command: process.execPath,
  args: ['-e', `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(burn)}], { detached: true, stdio: 'ignore' }).unref()`],
};

test('the CPU of a process the job leaves behind is counted, and the job waits for it', { skip: !countsOrphans() && 'no perl here' }, () => {
  const m = measure(leaves);
  assert.ok(m.cpuMs >= 500, `counted ${m.cpuMs} ms of CPU`);
  assert.ok(m.wallMs >= 550, `ended after ${Math.round(m.wallMs)} ms, before the orphan`);
});

test("a job's exit status comes through the subreaper", () => {
  assert.throws(() => measure({ label: 'fails', command: process.execPath, args: ['-e', 'process.exit(3)'] }), /fails failed \(exit 3\)/);
  assert.equal(measure({ label: 'prints', command: process.execPath, args: ['-e', 'console.log("ja")'] }).stdout, 'ja\n');
});
