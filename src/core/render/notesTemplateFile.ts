import { realpath } from 'node:fs/promises';
import { readRegularText } from '../files/regularFile';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileTemplate, TemplateError } from './logicLessTemplate';
import { DEFAULT_TEMPLATE_PATH } from '../config/reflectConfig';

/** A repository's own release-notes template, when it has one. */
export interface NotesTemplate {
  /** Repository-relative path it was read from. */
  readonly path: string;
  readonly text: string;
}

/**
 * Reads the release-notes template a repository configures (or the default
 * `.changelog/release-notes.md` when it exists). The path must stay inside the
 * repository, symbolic links included. The text is checked by compiling it,
 * so a broken template is reported before anything is written. Returns
 * undefined when there is no template (the built-in one is then used).
 */
export async function loadNotesTemplate(root: string, configured?: string): Promise<NotesTemplate | undefined> {
  const path = configured ?? DEFAULT_TEMPLATE_PATH;
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) throw new TemplateError(`The template path "${path}" must be relative to the repository and stay inside it.`);
  let real: string;
  try {
    const [rootReal, fileReal] = await Promise.all([realpath(root), realpath(resolve(root, path))]);
    const inside = relative(rootReal, fileReal);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) throw new TemplateError(`The template "${path}" links outside the repository; it was not read.`);
    real = fileReal;
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    if (configured === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TemplateError(`The template "${path}" could not be read: ${(error as Error).message}`);
  }
  return { path, text: await readTemplateText(real, path) };
}

/** Reads and checks a template file given explicitly (for example `reflect notes --template FILE`). */
export async function readTemplateFile(file: string): Promise<NotesTemplate> {
  return { path: file, text: await readTemplateText(file, file) };
}

// A little past the engine's own limit, so an oversized template gets the engine's message.
const MAX_TEMPLATE_BYTES = 4 * 512 * 1024 + 1;

async function readTemplateText(file: string, shown: string): Promise<string> {
  let text: string;
  try {
    text = await readRegularText(file, { maxBytes: MAX_TEMPLATE_BYTES, shown, overLimit: 'truncate' });
  } catch (error) {
    throw new TemplateError(`The template "${shown}" could not be read: ${(error as Error).message}`);
  }
  try {
    compileTemplate(text, { name: shown });
  } catch (error) {
    throw new TemplateError(`The template "${shown}" is not valid: ${(error as Error).message}`);
  }
  return text;
}
