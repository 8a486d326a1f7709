/** The formats an evidence pack is written in: HTML (the primary, accessible one) or PDF (for e-portfolios that take only PDF uploads). */
export const PACK_FORMATS = ['html', 'pdf'] as const;

export type PackFormat = (typeof PACK_FORMATS)[number];

/** Whether a value names a pack format. */
export function isPackFormat(value: unknown): value is PackFormat {
  return typeof value === 'string' && (PACK_FORMATS as readonly string[]).includes(value);
}

/** The format a file name's extension stands for (`.pdf`, `.html`, `.htm`), or undefined. */
export function packFormatOfPath(path: string): PackFormat | undefined {
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/\.html?$/i.test(path)) return 'html';
  return undefined;
}
