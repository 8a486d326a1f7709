import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A change record folder on disk (`<temp>/docs/changes/<version>/`), removed by `remove()`. */
export class TempRecordFolder {
  readonly root = mkdtempSync(join(tmpdir(), 'reflect-lsp-'));
  readonly folder: string;

  constructor(version = 'v1.4.0') {
    this.folder = join(this.root, 'docs', 'changes', version);
    mkdirSync(this.folder, { recursive: true });
  }

  write(name: string, text: string): string {
    writeFileSync(join(this.folder, name), text);
    return this.uri(name);
  }

  uri(name: string): string {
    return pathToFileURL(join(this.folder, name)).href;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
