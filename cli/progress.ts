// Progress on the terminal for long runs: payees done, rate and time left, on one line of
// stderr; silent when stderr is not a terminal or the user asked for quiet.
export function progressReporter(enabled: boolean, write: (t: string) => void) {
  if (!enabled) return undefined;
  const started = Date.now();
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 250) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = rate > 0 ? (total - done) / rate : 0;
    write(`\r${done}/${total} payees, ${Math.round(rate)}/s, ${left.toFixed(0)}s left   ${done === total ? '\n' : ''}`);
  };
}
