// A progress bar on stderr, so stdout stays free for results (`npm run bench -- --json`). On a
// terminal it redraws one line; in a log (CI, a pipe) it prints a plain line every few seconds
// instead of flooding the log with carriage returns.
export interface Progress {
  // Sets the phase shown before the bar and how many units it counts to.
  phase(label: string, total: number): void;
  advance(units?: number): void;
  done(): void;
}

export const silentProgress: Progress = { phase() {}, advance() {}, done() {} };

const WIDTH = 28;
const LINE_EVERY_MS = 5_000;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  let label = "";
  let total = 1;
  let count = 0;
  let phaseStart = Date.now();
  let lastDraw = 0;
  let drawn = false;
  let lastPrinted = -1;

  const elapsed = () => `${((Date.now() - phaseStart) / 1000).toFixed(0)} s`;
  const percent = () => Math.min(100, Math.floor((count / total) * 100));

  const draw = (force = false) => {
    const now = Date.now();
    if (tty) {
      if (!force && now - lastDraw < 100) return;
      const filled = Math.round((percent() / 100) * WIDTH);
      const bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
      stream.write(
        `\r\x1b[2K${label} [${bar}] ${String(percent()).padStart(3)}% ${count.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${elapsed()}`,
      );
      drawn = true;
    } else {
      if (!force && now - lastDraw < LINE_EVERY_MS) return;
      if (count === lastPrinted) return;
      lastPrinted = count;
      stream.write(`${label}: ${percent()}% (${count.toLocaleString("en-US")}/${total.toLocaleString("en-US")}, ${elapsed()})\n`);
    }
    lastDraw = now;
  };

  const finish = () => {
    if (!label) return;
    count = total;
    draw(true);
    if (tty && drawn) stream.write("\n");
    drawn = false;
    label = "";
  };

  return {
    phase(next, size) {
      finish();
      label = next;
      total = Math.max(1, size);
      count = 0;
      phaseStart = Date.now();
      lastDraw = 0;
      lastPrinted = -1;
      draw(true);
    },
    advance(units = 1) {
      count += units;
      draw();
    },
    done: finish,
  };
}
