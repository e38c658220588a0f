// What docker-compose prints: progress lines ("Creating halfstack-db ... done"
// for v1; " Container halfstack-db  Started" for v2, both on stderr) and the
// `ps` tables: v1's texttable (centred headers, dashes, 3-space gaps) and v2's
// NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS (docker's tabwriter).
import { humanStatus, portsText, commandText } from '../docker/containerStore.mjs';
import { containerRow } from '../docker/dockerPs.mjs';
import { formatRows, goJson } from '../docker/goFormat.mjs';

export function progressReporter(flavor) {
  const say = (text) => process.stderr.write(`${text}\n`);
  const V2_WORDS = { Creating: ['Creating', 'Created'], Starting: ['Starting', 'Started'], Stopping: ['Stopping', 'Stopped'], Removing: ['Removing', 'Removed'], Restarting: ['Restarting', 'Started'] };
  if (flavor === 'v1') {
    return {
      network: (name) => say(`Creating network "${name}" with the default driver`),
      networkRemoved: (name) => say(`Removing network ${name}`),
      upToDate: (name) => say(`${name} is up-to-date`),
      begin: () => {},
      end: (action, name, ok) => say(`${action} ${name} ... ${ok ? 'done' : 'error'}`),
    };
  }
  return {
    network: (name) => say(` Network ${name}  Created`),
    networkRemoved: (name) => say(` Network ${name}  Removed`),
    upToDate: (name) => say(` Container ${name}  Running`),
    begin: (action, name) => say(` Container ${name}  ${V2_WORDS[action][0]}`),
    end: (action, name, ok) => say(` Container ${name}  ${ok ? V2_WORDS[action][1] : 'Error'}`),
  };
}

/** texttable with deco HEADER, as docker-compose 1.29 `ps` draws it. */
function texttable(headers, rows) {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const center = (text, width) => {
    const fill = width - text.length;
    return ' '.repeat(Math.floor(fill / 2)) + text + ' '.repeat(Math.floor(fill / 2) + (fill % 2));
  };
  const lines = [headers.map((h, i) => center(h, widths[i])).join('   ')];
  lines.push(widths.map((w) => '-'.repeat(w)).join('---'));
  for (const row of rows) lines.push(row.map((cell, i) => cell.padEnd(widths[i])).join('   '));
  return `${lines.join('\n')}\n`;
}

function v1State(c) {
  if (c.state.Status === 'running') return c.config.healthcheck ? `Up (${c.state.Health === 'healthy' ? 'healthy' : 'health: starting'})` : 'Up';
  if (c.state.Status === 'exited') return `Exit ${c.state.ExitCode ?? 0}`;
  return 'Created';
}

export function psV1(containers) {
  const rows = containers.map((c) => [c.config.Name, commandText(c.config), v1State(c), portsText(c.config)]);
  return texttable(['Name', 'Command', 'State', 'Ports'], rows);
}

const V2_HEADERS = { Name: 'NAME', Image: 'IMAGE', Command: 'COMMAND', Service: 'SERVICE', RunningFor: 'CREATED', Status: 'STATUS', Ports: 'PORTS', State: 'STATE', ID: 'CONTAINER ID', Project: 'PROJECT' };

function v2Row(c) {
  const base = containerRow(c).fields;
  const fields = {
    ...base,
    Name: c.config.Name,
    Service: c.config.labels['com.docker.compose.service'],
    Project: c.config.labels['com.docker.compose.project'],
    Status: humanStatus(c),
    Health: c.state.Health ?? '',
    ExitCode: c.state.Status === 'exited' ? c.state.ExitCode ?? 0 : 0,
    Publishers: c.config.ports.map((p) => ({ URL: p.hostIp, TargetPort: p.containerPort, PublishedPort: p.hostPort ?? 0, Protocol: p.proto })),
  };
  return { fields, labels: c.config.labels, self: fields };
}

export function psV2(containers, format) {
  const rows = containers.map(v2Row);
  if (format === 'json') return `${rows.map((r) => goJson(r.fields)).join('\n')}${rows.length ? '\n' : ''}`;
  return formatRows(format ?? 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}', rows, { headers: V2_HEADERS, typeName: 'api.ContainerSummary' });
}
