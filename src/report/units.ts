// How the report header writes times, durations, sizes and parameter values:
// the same for every reader, whatever their locale or time zone.
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `2024-05-20 14:03:07 UTC` */
export function formatUtc(d: Date): string {
  if (Number.isNaN(d.getTime())) return "an unknown time";
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
}

/** `850 ms`, `3.2 s`, `2 min 05 s`, `1 h 02 min` */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "unknown";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${two(seconds % 60)} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

/** SI units (1 kB = 1000 bytes), as file managers show them: `532 B`, `1.2 kB`, `45.1 MB`. */
export function formatSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  // 999.5 and up would round to "1000": that is the next unit.
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatBytes(bytes: number): string {
  return `${integer.format(bytes)} bytes`;
}

/** A parameter value as JSON, which is how it was given; what JSON cannot hold is named instead. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
