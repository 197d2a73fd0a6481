// Wall time and CPU time of this process: the CPU figure is robust when other work shares the machine.
export interface Clock { wall: number; cpu: number }
export interface Timed { payeeMonths: number; seconds: number; cpuSeconds: number }

export const clock = (): Clock => { const c = process.cpuUsage(); return { wall: Number(process.hrtime.bigint()) / 1e9, cpu: (c.user + c.system) / 1e6 }; };
export const since = (t: Clock): Clock => { const now = clock(); return { wall: now.wall - t.wall, cpu: now.cpu - t.cpu }; };
export const add = (a: Clock, b: Clock): Clock => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
export const ZERO_CLOCK: Clock = { wall: 0, cpu: 0 };

/** `global.gc` when node runs with `--expose-gc` (`npm run bench` does, and `--no-concurrent-sweeping`: the collection is swept before the clock starts). */
const collect = (globalThis as { gc?: () => void }).gc;
export const collectGarbage = (): void => collect?.();

/** `f`'s time, on a heap collected first (when it can be): a run does not pay for the garbage of the one before. */
export function timed<T>(f: () => T): [T, Clock] {
  collect?.();
  const t = clock();
  const r = f();
  return [r, since(t)];
}

/** `payeeMonths` settled in the time on `c`. */
export const timedOf = (payeeMonths: number, c: Clock): Timed => ({ payeeMonths, seconds: c.wall, cpuSeconds: c.cpu });
