import { DEFAULT_PACK_FILE_NAME, type Activity } from '../vocabulary/activity';
import { recordFolderName } from '../vocabulary/recordLayout';
import { recordOf, textOf } from './htmlText';

/**
 * The activity a pack identifies: each field of change.md's `activity`
 * (snake_case, as every front matter key) wins over the configuration's.
 */
export function activityOf(configured: Activity | undefined, change: Record<string, unknown> | undefined): Activity {
  const own = recordOf(change?.activity);
  const text = (key: string, fallback: string | undefined) => textString(own?.[key]) ?? fallback;
  const outcomes = Array.isArray(own?.learning_outcomes) ? own.learning_outcomes.map(textString).filter((o): o is string => o !== undefined) : undefined;
  const merged: Activity = {
    title: text('title', configured?.title),
    trainee: text('trainee', configured?.trainee),
    supervisor: text('supervisor', configured?.supervisor),
    organisation: text('organisation', configured?.organisation),
    system: text('system', configured?.system),
    learningOutcomes: outcomes && outcomes.length > 0 ? outcomes : configured?.learningOutcomes,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Activity;
}

/**
 * The pack's file name from a template (`{system}-{version}-evidence.html` by
 * default): each placeholder is reduced to a safe name, a missing one and
 * the dash beside it drop out, and the name keeps the extension asked for.
 */
export function packFileNameOf(version: string, activity: Activity, template = DEFAULT_PACK_FILE_NAME, extension: 'html' | 'pdf' = 'html'): string {
  const values: Record<string, string | undefined> = { version, system: activity.system, trainee: activity.trainee };
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    return value === undefined ? '' : recordFolderName(value);
  });
  const stem = filled
    .replace(/\.(html?|pdf)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${stem.length > 0 ? stem.slice(0, 150) : recordFolderName(version)}.${extension}`;
}

function textString(value: unknown): string | undefined {
  const text = textOf(value);
  return typeof value === 'string' ? text : undefined;
}
