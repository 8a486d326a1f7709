import { CHANGE_FILE } from '../vocabulary/documentKinds';
import { recordFolderName } from '../vocabulary/recordLayout';
import { deploymentWindowOf, type DeploymentWindow } from './deploymentTimeline';
import type { EvidencePackInput } from './evidencePackInput';
import type { PackLink } from './packAttachments';
import { textOf } from './htmlText';
import { readPackDocuments, type PackDocument } from './packDocuments';

/** What every section of the pack reads: the input, each document's data and body, and the facts several sections share. */
export interface PackContext {
  readonly input: EvidencePackInput;
  readonly documents: ReadonlyMap<string, PackDocument>;
  /** change.md's front matter, when it exists and could be read. */
  readonly change?: Record<string, unknown>;
  readonly window?: DeploymentWindow;
  /** The record's version: change.md's `change`, else any document's, else the folder name. */
  readonly version: string;
}

/** Reads the documents once for all sections. */
export function createPackContext(input: EvidencePackInput): PackContext {
  const documents = readPackDocuments(input.files);
  const change = documents.get(CHANGE_FILE)?.data;
  const window = deploymentWindowOf(change);
  return { input, documents, ...(change ? { change } : {}), ...(window ? { window } : {}), version: versionOf(documents, change, input.recordName) };
}

/** The record's version as the pack names it, from its documents alone (before a pack is built). */
export function recordVersionOf(documents: ReadonlyMap<string, PackDocument>, recordName: string | undefined): string {
  return versionOf(documents, documents.get(CHANGE_FILE)?.data, recordName);
}

function versionOf(documents: ReadonlyMap<string, PackDocument>, change: Record<string, unknown> | undefined, recordName: string | undefined): string {
  const named = textOf(change?.change) ?? [...documents.values()].map((d) => textOf(d.data?.change)).find((v) => v !== undefined);
  return named ?? recordName ?? 'unversioned';
}

/** Where each local link of a document leads, when the record's links were looked up. */
export function linksOf(context: PackContext, fileName: string): ReadonlyMap<string, PackLink> | undefined {
  const attachments = context.input.attachments;
  if (!attachments) return undefined;
  return attachments.links.get(fileName) ?? new Map<string, PackLink>();
}

/** The file name (without folder) the pack of a version is saved under by default. */
export function evidencePackFileName(version: string): string {
  return `${recordFolderName(version)}.html`;
}
