import { CST, Lexer } from 'yaml';
import { lexemeWidth } from './boundedYaml';

/** A question about one "missing closing …" error: its offset in the source, and what was left open. */
export interface OpeningQuestion {
  readonly offset: number;
  readonly what: 'quote' | '[' | '{';
}

/**
 * Where each unclosed quote or flow collection was opened. yaml reports a
 * missing closing quote or bracket where it gave up looking (the end of the
 * front matter, or the start of the next line); a person fixes it where it
 * was opened, so that is where the problem belongs. For each question, the
 * offset of the last quote, or `[` / `{`, before it and still open there, or
 * undefined. One pass over the source answers every question, so a front
 * matter of a thousand stray brackets costs one read, not a thousand.
 */
export function unclosedOpenings(source: string, questions: readonly OpeningQuestion[]): (number | undefined)[] {
  const answers: (number | undefined)[] = questions.map(() => undefined);
  if (questions.length === 0) return answers;
  const order = questions.map((_, index) => index).sort((a, b) => questions[a].offset - questions[b].offset);
  const flows: { readonly offset: number; readonly bracket: string }[] = [];
  let quote: number | undefined;
  let next = 0;
  const answerUpTo = (offset: number): void => {
    for (; next < order.length && questions[order[next]].offset <= offset; next++) {
      const { what } = questions[order[next]];
      answers[order[next]] = what === 'quote' ? quote : innermost(flows, what);
    }
  };
  let offset = 0;
  let afterScalarMarker = false;
  for (const lexeme of new Lexer().lex(source)) {
    answerUpTo(offset);
    if (next === order.length) break;
    const type: string | null = afterScalarMarker ? 'scalar-text' : CST.tokenType(lexeme);
    afterScalarMarker = type === 'scalar';
    if (type === 'flow-seq-start' || type === 'flow-map-start') flows.push({ offset, bracket: lexeme[0] });
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flows.pop();
    else if ((type === 'double-quoted-scalar' || type === 'single-quoted-scalar') && !isClosedQuote(lexeme)) quote = offset;
    offset += lexemeWidth(lexeme);
  }
  answerUpTo(Number.POSITIVE_INFINITY);
  return answers;
}

function innermost(flows: readonly { readonly offset: number; readonly bracket: string }[], bracket: string): number | undefined {
  for (let i = flows.length - 1; i >= 0; i--) if (flows[i].bracket === bracket) return flows[i].offset;
  return undefined;
}

function isClosedQuote(lexeme: string): boolean {
  const mark = lexeme[0];
  if (lexeme.length < 2 || !lexeme.endsWith(mark)) return false;
  if (mark === "'") return true; // '' inside is an escaped quote, and the lexeme ends at the real one
  let backslashes = 0;
  for (let i = lexeme.length - 2; i > 0 && lexeme[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}
