/** One hazard change.md names: its id, what the change does to it and its status after, where given. */
export interface HazardReference {
  readonly id: string;
  /** Its place in change.md's `hazards` list. */
  readonly index: number;
  readonly impact?: string;
  readonly status?: string;
}

/** The hazards change.md's front matter names in `hazards`: plain ids and `{ id, impact, status }` entries alike. */
export function hazardReferencesOf(change: Readonly<Record<string, unknown>> | undefined): HazardReference[] {
  const hazards = change?.hazards;
  if (!Array.isArray(hazards)) return [];
  const references: HazardReference[] = [];
  hazards.forEach((item: unknown, index) => {
    if (typeof item === 'string' && item.length > 0) references.push({ id: item, index });
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const { id, impact, status } = item as Record<string, unknown>;
      if (typeof id !== 'string' || id.length === 0) return;
      references.push({ id, index, ...(typeof impact === 'string' ? { impact } : {}), ...(typeof status === 'string' ? { status } : {}) });
    }
  });
  return references;
}
