// Commit messages for the benchmark's generated history, shaped like those of
// large public histories (measured on two of them): a median message of
// 54–68 bytes, 17–45 % of commits with a body, about 10 % over 400 bytes,
// about 1 % with a `BREAKING CHANGE` footer, up to 11 % with
// `Co-authored-by` trailers, and an issue or pull-request reference in most
// subjects. Deterministic: message(i) is the same on every machine.

const TYPES = ['feat', 'fix', 'fix', 'docs', 'refactor', 'perf', 'test', 'chore', 'chore', 'build', 'ci'];
const SCOPES = ['results', 'hl7', 'fhir', 'orders', 'api', 'ui', 'deps', 'core', 'cli', 'server', null, null, null];
const VERBS = ['add', 'handle', 'support', 'remove', 'update', 'avoid', 'fix', 'use', 'keep', 'allow', 'improve', 'check'];
const WORDS = ['order', 'result', 'message', 'queue', 'retry', 'timeout', 'patient', 'ward', 'schema', 'cache', 'parser', 'header', 'token', 'session', 'export', 'import', 'config', 'option', 'path', 'build', 'test', 'error', 'warning', 'type', 'field', 'value', 'list', 'range', 'date', 'window', 'log', 'link', 'file', 'folder'];
const LINKERS = ['in', 'for', 'when', 'on', 'with', 'without', 'after', 'before', 'from', 'to'];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Ken Thompson', 'Margaret Hamilton', 'Dennis Ritchie', 'Frances Allen', 'Donald Knuth', 'Radia Perlman', 'John McCarthy'];

/** A small deterministic generator (mulberry32), so the history is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, list) => list[Math.floor(next() * list.length)];

function words(next, count) {
  const out = [];
  for (let k = 0; k < count; k++) out.push(k % 3 === 2 ? pick(next, LINKERS) : pick(next, WORDS));
  return out.join(' ');
}

function sentence(next) {
  const text = words(next, 6 + Math.floor(next() * 10));
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of about `bytes` bytes, wrapped at 72 columns as people wrap them. */
function paragraph(next, bytes) {
  let text = '';
  while (text.length < bytes) text += `${text ? ' ' : ''}${sentence(next)}`;
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 72) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The full message of commit number `i` (1-based). */
export function commitMessage(i) {
  const next = random(i * 2654435761);
  const roll = next();
  let subject;
  if (roll < 0.03) subject = `Update ${pick(next, WORDS)}.md`;
  else if (roll < 0.04) subject = `Merge pull request #${1000 + (i % 9000)} from dev/${pick(next, WORDS)}-${pick(next, WORDS)}`;
  else {
    const type = pick(next, TYPES);
    const scope = pick(next, SCOPES);
    subject = `${type}${scope ? `(${scope})` : ''}: ${pick(next, VERBS)} ${words(next, 3 + Math.floor(next() * 5))}`;
  }
  // Most subjects carry the pull request or issue they came from, as squash merges write them.
  if (next() < 0.72) subject += ` (#${1 + (i % 15000)})`;
  const breaking = next() < 0.01;
  const bodyRoll = next();
  const paragraphs = [];
  // A quarter have a body paragraph, some 10 % long ones (descriptions, dependency lists); footers and trailers add more.
  if (bodyRoll < 0.1) {
    const count = 2 + Math.floor(next() * 4);
    for (let k = 0; k < count; k++) paragraphs.push(paragraph(next, 120 + Math.floor(next() * 260)));
  } else if (bodyRoll < 0.25) {
    paragraphs.push(paragraph(next, 40 + Math.floor(next() * 140)));
  }
  if (next() < 0.06) paragraphs.push(`${next() < 0.5 ? 'Fixes' : 'Refs'}: #${1 + (i % 12000)}`);
  const trailers = [];
  if (breaking) trailers.push(`BREAKING CHANGE: the ${pick(next, WORDS)} ${pick(next, WORDS)} option is removed; use ${pick(next, WORDS)} instead`);
  if (next() < 0.04) trailers.push(`Hazard: HAZ-${1 + (i % 40)}`);
  if (next() < 0.09) {
    const count = 1 + Math.floor(next() * next() * 3);
    for (let k = 0; k < count; k++) {
      const name = pick(next, NAMES);
      trailers.push(`Co-authored-by: ${name} <${name.split(' ')[0].toLowerCase()}@users.noreply.example.org>`);
    }
  }
  if (trailers.length > 0) paragraphs.push(trailers.join('\n'));
  return [subject, ...paragraphs].join('\n\n');
}

/** The author of commit `i`: a few hundred people, some much more often than others. */
export function commitAuthor(i) {
  const next = random(i * 40503 + 7);
  const n = Math.floor(300 * next() * next() * next());
  return { name: `Dev ${n}`, email: `dev${n}@example.org` };
}
