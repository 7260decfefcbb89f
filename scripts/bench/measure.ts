// Measuring commands for npm run bench: wall time and CPU time (user + system, the command's
// whole process tree as Linux accounts it to a waited-for child), and side-by-side comparisons
// with a peer in alternating order, so that a machine whose load drifts weighs on both alike.
//
// Linux adds a process's CPU to its parent's only when the parent waits for it. Chromium's
// renderers are children of its zygote, which is killed with them when the browser closes: they
// are reaped by init, and their CPU (about 40 % of a one-report build) was never counted.
// So every job runs under a child subreaper (prctl PR_SET_CHILD_SUBREAPER, in Perl, which every
// Debian has): orphans of the job become its children, it waits for all of them, and their CPU
// reaches this process with its own. Where it cannot run, the bench says the CPU reads low.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { benchText } from '../problem-messages.ts';

export interface Measured { wallMs: number; cpuMs: number; stdout: string }
export interface Job { label: string; command: string; args: string[]; cwd?: string; env?: NodeJS.ProcessEnv }

/** CPU time of this process's waited-for children (cutime + cstime of /proc/self/stat), in ms. */
export function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux kernel configuration that userspace sees. */
const CLOCK_TICKS = 100;

/** Whether CPU time can be measured here (Linux). */
export const canMeasureCpu = (): boolean => existsSync('/proc/self/stat');

/** prctl's system call number, by architecture (the kernel's syscall tables). */
const PRCTL: Partial<Record<string, number>> = { x64: 157, arm64: 167 };
const PR_SET_CHILD_SUBREAPER = 36;

/** Perl's call that makes it a child subreaper; 0 when it is allowed. */
const BECOME_SUBREAPER = `syscall(${PRCTL[process.arch] ?? -1}, ${PR_SET_CHILD_SUBREAPER}, 1, 0, 0, 0)`;

/** Runs the command, adopts every process it leaves behind, waits for all of them, exits with the command's status. */
const SUBREAPER = `${BECOME_SUBREAPER} == 0 or die "prctl: $!\\n";
my $pid = fork() // die "fork: $!\\n";
if ($pid == 0) { exec { $ARGV[0] } @ARGV; die "exec $ARGV[0]: $!\\n" }
my $status = 0;
while ((my $w = wait()) != -1) { $status = $? if $w == $pid }
exit($status & 127 ? 128 + ($status & 127) : $status >> 8);`;

/** Whether jobs can run under the subreaper here (Perl on the PATH, a known architecture, prctl allowed); else orphans' CPU is not counted. */
export const countsOrphans = (): boolean => (orphansCounted ??= PRCTL[process.arch] !== undefined && onPath('perl') && subreaperAllowed());
let orphansCounted: boolean | undefined;

/** A container's seccomp profile may refuse prctl: asked once, with the call the subreaper makes. */
const subreaperAllowed = (): boolean => spawnSync('perl', ['-e', `exit(${BECOME_SUBREAPER} == 0 ? 0 : 1)`]).status === 0;

/** Runs a job to its end; throws with its output when it fails. */
export function measure(job: Job): Measured {
  const [command, args] = countsOrphans() ? ['perl', ['-e', SUBREAPER, '--', job.command, ...job.args]] : [job.command, job.args];
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: job.cwd, env: job.env ?? process.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  const cpuMs = childrenCpuMs() - cpu0;
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n').slice(0, 3000);
    throw new Error(benchText.jobFailed(job.label, r.error?.message ?? null, r.status, out));
  }
  return { wallMs, cpuMs, stdout: r.stdout };
}

export interface Pair { ours: Measured; peer: Measured }

/**
 * `runs` pairs, ours and the peer back to back, the order alternating from pair to pair.
 * `before` runs before each run of either (e.g. removing the output for a clean build).
 */
export function pairs(runs: number, ours: Job, peer: Job, log: (line: string) => void, before: () => void = () => {}): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < runs; i++) {
    const run = (job: Job) => (before(), measure(job));
    let pair: Pair;
    if (i % 2 === 0) {
      const o = run(ours);
      pair = { ours: o, peer: run(peer) };
    } else {
      const p = run(peer);
      pair = { ours: run(ours), peer: p };
    }
    log(`  pair ${i + 1}/${runs} (${i % 2 === 0 ? 'ours first' : 'peer first'}): ours ${seconds(pair.ours)}, ${peer.label} ${seconds(pair.peer)}`);
    out.push(pair);
  }
  return out;
}

const seconds = (m: Measured) => `${(m.cpuMs / 1000).toFixed(2)} CPU-s / ${(m.wallMs / 1000).toFixed(2)} s wall`;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** "1.23× (1.10–1.40)": the median of the pairs' ratios, with their range. */
export function ratio(ps: Pair[], of: (m: Measured) => number): string {
  const rs = ps.map((p) => of(p.ours) / of(p.peer));
  const f = (x: number) => x.toFixed(2);
  return rs.length === 1 ? `${f(rs[0]!)}×` : `${f(median(rs))}× (${f(Math.min(...rs))}–${f(Math.max(...rs))})`;
}

/** One result line: medians of each side and the pair-by-pair ratios of CPU and wall time. */
export function comparison(what: string, peerLabel: string, ps: Pair[]): string {
  const m = (side: 'ours' | 'peer', of: (x: Measured) => number) => (median(ps.map((p) => of(p[side]))) / 1000).toFixed(2);
  return `${what}: ours ${m('ours', (x) => x.cpuMs)} CPU-s / ${m('ours', (x) => x.wallMs)} s wall, ${peerLabel} ${m('peer', (x) => x.cpuMs)} CPU-s / ${m('peer', (x) => x.wallMs)} s wall; ours/peer ${ratio(ps, (x) => x.cpuMs)} CPU, ${ratio(ps, (x) => x.wallMs)} wall (medians of ${ps.length} pairs, range)`;
}

/** Whether a command is on the PATH. */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
