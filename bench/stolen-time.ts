import { readFileSync } from 'node:fs';

/** CPU ticks on this machine: all of them, and those the hypervisor took. */
function ticks(): { total: number; steal: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
    return { total, steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/**
 * Starts counting; the function returned gives the share of CPU time the
 * hypervisor took since (steal time), or undefined off Linux. On a shared
 * virtual machine a high share explains wall times that vary run to run.
 */
export function stolenShare(): () => number | undefined {
  const start = ticks();
  return () => {
    const end = ticks();
    if (!start || !end || end.total === start.total) {
      return undefined;
    }
    return (end.steal - start.steal) / (end.total - start.total);
  };
}
