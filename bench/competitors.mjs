// The other changelog tools the benchmark times, installed on demand into
// bench/.cache/tools (never into the project): git-cliff (its npm package
// ships the binary) and conventional-changelog with the conventionalcommits
// preset. When the registry cannot be reached they are skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOLS = join(dirname(fileURLToPath(import.meta.url)), '.cache', 'tools');
const PACKAGES = ['git-cliff@2.14.2', 'conventional-changelog@8.1.3', 'conventional-changelog-conventionalcommits@10.4.1'];

/** Paths of the tools' entry points, or null for a tool that is not available. */
export function ensureCompetitors() {
  const gitCliff = join(TOOLS, 'node_modules', 'git-cliff-linux-x64', 'bin', 'git-cliff');
  const conventional = join(TOOLS, 'node_modules', 'conventional-changelog', 'dist', 'cli', 'index.js');
  if (!existsSync(gitCliff) || !existsSync(conventional)) {
    mkdirSync(TOOLS, { recursive: true });
    if (!existsSync(join(TOOLS, 'package.json'))) writeFileSync(join(TOOLS, 'package.json'), '{ "private": true }\n');
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', TOOLS, ...PACKAGES], { stdio: 'ignore' });
    } catch {
      console.log('(git-cliff and conventional-changelog could not be installed; they are left out)');
    }
  }
  return { gitCliff: existsSync(gitCliff) ? gitCliff : null, conventional: existsSync(conventional) ? conventional : null };
}
