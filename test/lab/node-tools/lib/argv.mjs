// A small getopt for the simulated tools: short flags may be bundled
// (`-xeu unit`, `-n5`), long ones take `--opt=value` or `--opt value`.
// spec: { short: { n: 'lines' }, long: { lines: 'value' | 'flag' | 'multi' } }.
// Parsing stops at the first operand when stopAtOperand is set (docker exec CMD...).

export class UsageError extends Error {}

export function parseArgs(args, spec, { stopAtOperand = false } = {}) {
  const options = {};
  const operands = [];
  const set = (name, value) => {
    const kind = spec.long[name];
    if (kind === 'multi') (options[name] ??= []).push(value);
    else if (kind === 'count') options[name] = (options[name] ?? 0) + 1;
    else options[name] = value;
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const kind = spec.long[name];
      if (!kind) throw new UsageError(`unrecognized option '--${name}'`);
      if (kind === 'flag' || kind === 'count') {
        set(name, true);
      } else if (eq !== -1) {
        set(name, arg.slice(eq + 1));
      } else {
        if (i + 1 >= args.length) throw new UsageError(`option '--${name}' requires an argument`);
        set(name, args[++i]);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j += 1) {
        const name = spec.short[arg[j]];
        if (!name) throw new UsageError(`invalid option -- '${arg[j]}'`);
        const kind = spec.long[name];
        if (kind === 'flag' || kind === 'count') {
          set(name, true);
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest) set(name, rest);
        else if (i + 1 < args.length) set(name, args[++i]);
        else throw new UsageError(`option requires an argument -- '${arg[j]}'`);
        break;
      }
      continue;
    }
    operands.push(arg);
    if (stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { options, operands };
}
