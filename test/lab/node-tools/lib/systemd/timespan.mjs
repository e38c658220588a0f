// systemd's human time spans: format_timestamp_relative() ("2h 3min ago") and
// format_timespan() ("1min 2.345s"), as printed by `systemctl status`.

const US = { s: 1_000_000n, min: 60_000_000n, h: 3_600_000_000n, d: 86_400_000_000n, w: 604_800_000_000n, month: 2_629_800_000_000n, y: 31_557_600_000_000n };

/** format_timestamp_relative() of systemd 252. */
export function relativeAgo(thenMicros, nowMicros) {
  const d = BigInt(nowMicros) - BigInt(thenMicros);
  if (d <= 0n) return 'now';
  const n = (x) => x.toString();
  if (d >= US.y) return `${n(d / US.y)}y ${n((d % US.y) / US.month)} months ago`;
  if (d >= US.month) return `${n(d / US.month)} months ${n((d % US.month) / US.d)} days ago`;
  if (d >= US.w) return `${n(d / US.w)} weeks ${n((d % US.w) / US.d)} days ago`;
  if (d >= 2n * US.d) return `${n(d / US.d)} days ago`;
  if (d >= 25n * US.h) return `1 day ${n((d - US.d) / US.h)}h ago`;
  if (d >= 6n * US.h) return `${n(d / US.h)}h ago`;
  if (d >= US.h) return `${n(d / US.h)}h ${n((d % US.h) / US.min)}min ago`;
  if (d >= 5n * US.min) return `${n(d / US.min)}min ago`;
  if (d >= US.min) return `${n(d / US.min)}min ${n((d % US.min) / US.s)}s ago`;
  if (d >= US.s) return `${n(d / US.s)}s ago`;
  if (d >= 1000n) return `${n(d / 1000n)}ms ago`;
  return `${n(d)}us ago`;
}

/** format_timespan() with millisecond accuracy: "2h 3min 31.123s", "312ms". */
export function timespan(micros) {
  let rest = BigInt(micros);
  if (rest <= 0n) return '0';
  const parts = [];
  for (const [unit, size] of [['y', US.y], ['month', US.month], ['w', US.w], ['d', US.d], ['h', US.h], ['min', US.min]]) {
    if (rest >= size) {
      parts.push(`${rest / size}${unit}`);
      rest %= size;
    }
  }
  if (rest >= US.s) {
    const ms = (rest % US.s) / 1000n;
    parts.push(ms > 0n ? `${rest / US.s}.${ms.toString().padStart(3, '0').replace(/0+$/, '')}s` : `${rest / US.s}s`);
  } else if (rest >= 1000n) {
    parts.push(`${rest / 1000n}ms`);
  }
  return parts.join(' ') || '0';
}
