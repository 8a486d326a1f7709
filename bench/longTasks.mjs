// The extension host's long tasks, from a CPU profile (`npm run bench:workbench
// -- --profile`): each run of the event loop without idle samples that lasted
// at least `minMs`, with the share of it each extension's code took (host =
// VS Code's own extension-host code; (garbage collector) and (program) are
// V8's), and for our extension the functions it spent the time in. The host is
// shared by every extension, so a block the probe measures may be anyone's;
// this says whose. The profiler itself slows the host, so durations read long,
// and tasks that follow one another with no idle moment between (work split
// into turns while nothing else waits) read as one: the probe's blocks are
// the measure of a single task.

const OURS = 'reflective-change-log';

/** Long tasks of a `.cpuprofile` (parsed JSON): [{ atMs, ms, shares: [[who, ms]], ours: [[functions, ms]] }]. */
export function longTasks(profile, minMs = 50) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owners = new Map();
  const ownerOf = (node) => {
    if (owners.has(node.id)) return owners.get(node.id);
    let who = node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : 'host';
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const match = /\/extensions\/([^/]+)\//.exec(byId.get(id).callFrame.url);
      if (match) {
        who = match[1].startsWith(OURS) ? OURS : match[1].replace(/-\d+\.\d+\.\d+.*$/, '');
        break;
      }
    }
    owners.set(node.id, who);
    return who;
  };
  const ourFrames = (node) => {
    const names = [];
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if (frame.url.includes(OURS)) names.push(frame.functionName || '(anonymous)');
    }
    return names.slice(-3).reverse().join(' > ');
  };
  const tasks = [];
  let time = profile.startTime;
  let start;
  let shares = new Map();
  let ours = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  const close = (end) => {
    const ms = (end - start) / 1000;
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => [k, us / 1000]);
    if (ms >= minMs) tasks.push({ atMs: (start - profile.startTime) / 1000, ms, shares: top(shares, 4), ours: top(ours, 3) });
    start = undefined;
    shares = new Map();
    ours = new Map();
  };
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    const node = byId.get(profile.samples[i]);
    if (node.callFrame.functionName === '(idle)') {
      if (start !== undefined) close(time);
      continue;
    }
    start ??= time;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const who = ownerOf(node);
    add(shares, who, us);
    if (who === OURS) add(ours, ourFrames(node), us);
  }
  if (start !== undefined) close(time);
  return tasks;
}

/** The long tasks as lines for the bench's report. */
export function describeLongTasks(tasks) {
  const ms = (v) => `${v.toFixed(0)} ms`;
  return tasks.map((t) => {
    const shares = t.shares.map(([who, v]) => `${who} ${ms(v)}`).join(', ');
    const ours = t.ours.length > 0 ? `; ours in ${t.ours.map(([f, v]) => `${f} (${ms(v)})`).join(', ')}` : '';
    return `    at ${ms(t.atMs).padStart(8)}: ${ms(t.ms).padStart(6)}: ${shares}${ours}`;
  });
}
