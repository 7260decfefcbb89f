// The build's progress: how many of the projects' steps are done, and the time left at the rate
// so far. A step's weight is its share of a build's time (printing a PDF costs about twice a
// data step), so that the time left does not jump when the printing starts.
export interface Progress {
  /** One step of one project finished. */
  done: (phase: Phase) => void;
  /** The line as it stands. */
  line: () => string;
}

export type Phase = 'data' | 'print';
const WEIGHT: Record<Phase, number> = { data: 1, print: 2 };

/** `clock` in ms (performance.now by default); `phases` the steps each project goes through. */
export function progress(projects: number, phases: Phase[], clock: () => number = () => performance.now()): Progress {
  const started = clock();
  const total = projects * phases.reduce((s, p) => s + WEIGHT[p], 0);
  const count: Record<Phase, number> = { data: 0, print: 0 };
  let weight = 0;
  return {
    done(phase) {
      count[phase] += 1;
      weight += WEIGHT[phase];
    },
    line() {
      const elapsed = (clock() - started) / 1000;
      const left = weight === 0 ? undefined : (elapsed / weight) * (total - weight);
      const steps = phases.map((p) => `${p === 'data' ? 'data' : 'PDF'} ${count[p]}/${projects}`).join(', ');
      return `${steps}; ${Math.round((100 * weight) / Math.max(1, total))} %, ${left === undefined ? 'time left not yet known' : `about ${clockTime(left)} left`}`;
    },
  };
}

/** Seconds as m:ss. */
function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
