import cliProgress from 'cli-progress';

/** A progress bar on stderr for long imports; silent when stderr is not a terminal or the job is small. */
export function progressBar() {
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(label: string, done: number, total: number) {
      if (!process.stderr.isTTY || total < 500) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: '{label} [{bar}] {percentage}% | {value}/{total} baris',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { label });
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
