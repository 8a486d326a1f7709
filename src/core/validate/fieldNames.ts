/** A path as a person reads it: `actions.0.due` is "action 1, due". */
export function readablePath(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'string' && typeof next === 'number') {
      parts.push(`${singular(part).replace(/_/g, ' ')} ${next + 1}`);
      i++;
    } else parts.push(String(part).replace(/_/g, ' '));
  }
  return parts.join(', ');
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
