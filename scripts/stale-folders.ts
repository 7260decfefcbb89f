// Temporary folders named after the process that made them (`<prefix><pid>-…`): a build killed
// with SIGKILL cannot remove its own, so the next one removes every folder whose process is gone.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Is a process with this id running (ours or another user's)? */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The name prefix of a temporary folder owned by this process. */
export const ownedPrefix = (prefix: string): string => `${prefix}${process.pid}-`;

/** Removes every `<prefix><pid>-…` entry of `dir` whose process is gone; returns their names. */
export function removeStaleFolders(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || pidAlive(Number(pid))) continue;
    rmSync(join(dir, name), { recursive: true, force: true, maxRetries: 3 });
    removed.push(name);
  }
  return removed;
}
