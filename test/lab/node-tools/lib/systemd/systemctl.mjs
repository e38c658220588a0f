// `systemctl` for a lab node (systemd 252 behaviour for the commands the app
// uses): status, start, stop, restart, try-restart, reload-or-restart, is-active,
// is-failed, is-enabled, show (-p/--property, --value), list-units (--type,
// --all, --state, --no-legend, --plain, patterns), list-unit-files, cat,
// reset-failed, daemon-reload. Mutations need root, as over an ssh session
// without a polkit agent: "Interactive authentication required." and exit 4.
import { nodePaths, readNodeConfig } from '../labPaths.mjs';
import { parseArgs, UsageError } from '../argv.mjs';
import { unitsOfNode, findUnit, matchesPattern } from './unitCatalog.mjs';
import { readUnitState } from './unitState.mjs';
import { startUnit, stopUnit, restartUnit, resetFailed } from './unitControl.mjs';
import { renderStatus, unitProperties, missingUnitProperties, statusBullet } from './unitReport.mjs';
import { listUnits, listUnitFiles } from './unitLists.mjs';
import { writeOut } from '../outputStream.mjs';

const SPEC = {
  short: { p: 'property', a: 'all', t: 'type', q: 'quiet', l: 'full', n: 'lines', h: 'help' },
  long: {
    property: 'multi', value: 'flag', all: 'flag', type: 'value', state: 'value', quiet: 'flag', full: 'flag', lines: 'value',
    'no-legend': 'flag', plain: 'flag', 'no-pager': 'flag', 'no-block': 'flag', 'no-ask-password': 'flag', now: 'flag', system: 'flag', help: 'flag', output: 'value',
  },
};
const MUTATING = new Set(['start', 'stop', 'restart', 'try-restart', 'reload-or-restart', 'reset-failed', 'daemon-reload', 'enable', 'disable', 'kill']);

const fullName = (name) => (name.endsWith('.service') ? name : `${name}.service`);
const err = (text) => process.stderr.write(`${text}\n`);

export async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(argv, SPEC);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`systemctl: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const { options: o, operands } = parsed;
  const [verb = 'list-units', ...names] = operands;
  const paths = nodePaths();
  const config = readNodeConfig(paths);
  if (MUTATING.has(verb) && process.getuid() !== 0) {
    if (verb === 'daemon-reload') err('Failed to reload daemon: Interactive authentication required.');
    else for (const name of names) {
      err(`Failed to ${verb} ${fullName(name)}: Interactive authentication required.`);
      err(`See system logs and 'systemctl status ${fullName(name)}' for details.`);
    }
    return 4;
  }
  switch (verb) {
    case 'status': return status(paths, config, names, o);
    case 'start': case 'stop': case 'restart': case 'try-restart': case 'reload-or-restart':
      return control(paths, verb, names);
    case 'is-active': return isState(paths, names, o, (s) => s.active === 'active', (s) => s.active);
    case 'is-failed': return isState(paths, names, o, (s) => s.active === 'failed', (s) => s.active, 1);
    case 'is-enabled': return isEnabled(paths, names, o);
    case 'show': return show(paths, names, o);
    case 'list-units': return listUnits(paths, names, o);
    case 'list-unit-files': return listUnitFiles(paths, names, o);
    case 'cat': return cat(paths, names);
    case 'reset-failed':
      for (const unit of names.length ? names.map((n) => findUnit(paths, n)).filter(Boolean) : unitsOfNode(paths)) resetFailed(paths, unit);
      return 0;
    case 'daemon-reload': return 0;
    default:
      err(`Unknown command verb '${verb}'.`);
      return 1;
  }
}

async function status(paths, config, names, o) {
  if (names.length === 0) names = unitsOfNode(paths).map((u) => u.name);
  let code = 0;
  const blocks = [];
  for (const name of names) {
    const unit = findUnit(paths, name);
    if (!unit) {
      err(`Unit ${fullName(name)} could not be found.`);
      code = Math.max(code, 4);
      continue;
    }
    const state = readUnitState(paths, unit.name);
    blocks.push(renderStatus(paths, unit, state, { lines: o.lines === undefined ? 10 : Number(o.lines), host: paths.name, bootId: config?.bootId }));
    if (state.active !== 'active') code = Math.max(code, 3);
  }
  if (blocks.length) await writeOut(`${blocks.join('\n\n')}\n`);
  return code;
}

async function control(paths, verb, names) {
  if (names.length === 0) {
    err(`Too few arguments.`);
    return 1;
  }
  for (const name of names) {
    const unit = findUnit(paths, name);
    if (!unit) {
      err(`Failed to ${verb} ${fullName(name)}: Unit ${fullName(name)} ${verb === 'stop' ? 'not loaded' : 'not found'}.`);
      return 5;
    }
    const state = readUnitState(paths, unit.name);
    let outcome = { ok: true };
    if (verb === 'start') outcome = await startUnit(paths, unit);
    else if (verb === 'stop') outcome = await stopUnit(paths, unit);
    else if (verb === 'try-restart') outcome = state.active === 'active' ? await restartUnit(paths, unit) : { ok: true };
    else outcome = await restartUnit(paths, unit);
    if (!outcome.ok) {
      const reason = outcome.result === 'timeout' ? 'a timeout was exceeded' : 'the control process exited with error code';
      err(`Job for ${unit.name}.service failed because ${reason}.`);
      err(`See "systemctl status ${unit.name}.service" and "journalctl -xeu ${unit.name}.service" for details.`);
      return 1;
    }
  }
  return 0;
}

async function isState(paths, names, o, test, word, noneCode = 3) {
  let any = false;
  const out = [];
  for (const name of names) {
    const unit = findUnit(paths, name);
    const state = unit ? readUnitState(paths, unit.name) : { active: 'inactive' };
    if (test(state)) any = true;
    out.push(word(state));
  }
  if (!o.quiet && out.length) await writeOut(`${out.join('\n')}\n`);
  return any ? 0 : noneCode;
}

async function isEnabled(paths, names, o) {
  let code = 0;
  for (const name of names) {
    const unit = findUnit(paths, name);
    if (!unit) {
      err(`Failed to get unit file state for ${fullName(name)}: No such file or directory`);
      code = 1;
    } else if (!o.quiet) {
      await writeOut(unit.name === name.replace(/\.service$/, '') ? 'enabled\n' : 'alias\n');
    }
  }
  return code;
}

async function show(paths, names, o) {
  const wanted = o.property ? o.property.flatMap((p) => p.split(',')).filter(Boolean) : null;
  const blocks = [];
  for (const name of names.length ? names : []) {
    const unit = findUnit(paths, name);
    let props = unit ? unitProperties(unit, readUnitState(paths, unit.name)) : missingUnitProperties(fullName(name));
    // systemd prints the requested properties in its own order, not the order asked for.
    if (wanted) props = props.filter(([k]) => wanted.includes(k));
    else if (!o.all) props = props.filter(([, v]) => v !== '');
    blocks.push(props.map(([k, v]) => (o.value ? v : `${k}=${v}`)).join('\n'));
  }
  if (names.length === 0) blocks.push('Version=252.22-1~deb12u1\nFeatures=+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\nSystemState=running');
  await writeOut(`${blocks.join('\n\n')}\n`);
  return 0;
}

async function cat(paths, names) {
  let code = 0;
  for (const name of names) {
    const unit = findUnit(paths, name);
    if (!unit) {
      err(`No files found for ${fullName(name)}.`);
      code = 1;
      continue;
    }
    await writeOut(`# ${unit.fragmentPath}\n[Unit]\nDescription=${unit.description}\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nType=notify\nUser=lablup\nGroup=lablup\nWorkingDirectory=${unit.home}\nExecStart=${unit.execStart}\nLimitNOFILE=5242880\n\n[Install]\nWantedBy=multi-user.target\n${(unit.aliases ?? []).map((a) => `Alias=${a}.service\n`).join('')}`);
  }
  return code;
}

export { statusBullet, matchesPattern };
