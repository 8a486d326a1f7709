import type { LinkProvider } from '../config/reflectConfig';

/** The hosting service a repository's remote points to. */
export type HostKind = 'github' | 'gitlab' | 'bitbucket' | 'azure-devops';

/** https links for a repository's commits and issues; every URL built here starts with `https://`. */
export interface RemoteLinks {
  readonly kind: HostKind;
  /** The repository's web page. */
  readonly web: string;
  commit(hash: string): string;
  /** A link for an issue reference (`#123`, or `ABC-123` with an issue URL), or undefined. */
  issue(ref: string): string | undefined;
}

interface RemoteLocation {
  readonly host: string;
  readonly segments: readonly string[];
}

const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const SEGMENT = /^[A-Za-z0-9._~%-]{1,200}$/;

/**
 * Reads a remote URL (https, ssh://, scp-like `git@host:path`) into host
 * and path segments; undefined for local paths, file URLs or anything odd.
 */
export function parseRemoteUrl(url: string): RemoteLocation | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scheme = /^(https?|ssh|git\+ssh|ssh\+git|git):\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?\/(.*)$/i.exec(text);
  const scp = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.*)$/.exec(text);
  if (scheme) [host, path] = [scheme[2], scheme[3]];
  else if (scp && scp[1].includes('.')) [host, path] = [scp[1], scp[2]];
  else return undefined;
  if (!HOST.test(host)) return undefined;
  const segments = path.replace(/\/+$/, '').replace(/\.git$/, '').split('/').filter((s) => s.length > 0);
  if (segments.length < 2 || !segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) return undefined;
  return { host: host.toLowerCase(), segments };
}

function detectKind(host: string): HostKind | undefined {
  if (host === 'github.com' || host.startsWith('github.')) return 'github';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host === 'dev.azure.com' || host === 'ssh.dev.azure.com' || host.endsWith('.visualstudio.com')) return 'azure-devops';
  return undefined;
}

/**
 * Builds commit and issue links from the `origin` URL, offline. `provider`
 * forces a host kind for self-hosted servers; `issueUrl` (https, with
 * `{id}`) links issue keys such as `ABC-123`.
 */
export function remoteLinks(url: string | undefined, provider: LinkProvider = 'auto', issueUrl?: string): RemoteLinks | undefined {
  if (url === undefined || provider === 'none') return undefined;
  const location = parseRemoteUrl(url);
  if (!location) return undefined;
  const kind = provider === 'auto' ? detectKind(location.host) : provider;
  if (!kind) return undefined;
  const base = webBase(kind, location);
  if (!base) return undefined;
  const keyUrl = issueUrl && /^https:\/\/[^\s{}]+\{id\}[^\s{}]*$/.test(issueUrl) ? issueUrl : undefined;
  return {
    kind,
    web: base.web,
    commit: (hash) => `${base.web}${base.commitPath}${encodeURIComponent(hash)}`,
    issue: (ref) => {
      const number = /^#(\d{1,9})$/.exec(ref)?.[1];
      if (number) return `${base.issueRoot}${number}`;
      if (keyUrl && /^[A-Z][A-Z0-9]{0,9}-\d{1,9}$/.test(ref)) return keyUrl.replace('{id}', ref);
      return undefined;
    },
  };
}

function webBase(kind: HostKind, { host, segments }: RemoteLocation): { web: string; commitPath: string; issueRoot: string } | undefined {
  const path = segments.join('/');
  switch (kind) {
    case 'github':
      return { web: `https://${host}/${path}`, commitPath: '/commit/', issueRoot: `https://${host}/${path}/issues/` };
    case 'gitlab':
      return { web: `https://${host}/${path}`, commitPath: '/-/commit/', issueRoot: `https://${host}/${path}/-/issues/` };
    case 'bitbucket':
      return { web: `https://${host}/${path}`, commitPath: '/commits/', issueRoot: `https://${host}/${path}/issues/` };
    case 'azure-devops':
      return azureBase(host, segments);
  }
}

function azureBase(host: string, segments: readonly string[]): { web: string; commitPath: string; issueRoot: string } | undefined {
  let org: string;
  let project: string;
  let repo: string;
  if (host === 'ssh.dev.azure.com' && segments[0] === 'v3' && segments.length === 4) [org, project, repo] = [segments[1], segments[2], segments[3]];
  else if (host === 'dev.azure.com' && segments.length === 4 && segments[2] === '_git') [org, project, repo] = [segments[0], segments[1], segments[3]];
  else if (host.endsWith('.visualstudio.com')) {
    // Old-style hosts: https://org.visualstudio.com/[DefaultCollection/]project/_git/repo, or ssh org@vs-ssh.visualstudio.com:v3/org/project/repo.
    if (segments[0] === 'v3' && segments.length === 4) [org, project, repo] = [segments[1], segments[2], segments[3]];
    else {
      const git = segments.indexOf('_git');
      if (git < 1 || git !== segments.length - 2) return undefined;
      [org, project, repo] = [host.split('.')[0], segments[git - 1], segments[git + 1]];
    }
  } else return undefined;
  const root = `https://dev.azure.com/${org}/${project}`;
  return { web: `${root}/_git/${repo}`, commitPath: '/commit/', issueRoot: `${root}/_workitems/edit/` };
}
