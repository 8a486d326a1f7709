/**
 * The release-notes template used when the repository has none of its own.
 * Generated blocks sit in `reflect:begin` / `reflect:end` fences so that
 * regenerating replaces them and keeps what the person wrote around them;
 * the prompts are for the person and are never regenerated. A blank line
 * sits inside each fence so that no list or table can run on into a marker.
 */
export const DEFAULT_RELEASE_NOTES_TEMPLATE = `{{{frontMatter}}}

# Release notes: {{{versionText}}}

<!-- reflect:begin overview -->

{{{overview}}}

<!-- reflect:end overview -->

## Summary

> **Prompt:** In two or three plain sentences: what does this release change, and why is it going out now?

## Impacted users and clinical impact

> **Prompt:** Who will notice this change (clinicians, patients, lab or admin staff, connected systems), and what do they need to do differently?

> **Prompt:** Could this change alter what a clinician sees or decides? How likely is harm, how serious would it be, and what keeps the risk down?

<!-- reflect:begin clinical-impact -->

{{{clinicalImpactMarkdown}}}

<!-- reflect:end clinical-impact -->

<!-- reflect:begin groups -->

{{{groupsMarkdown}}}

<!-- reflect:end groups -->

## Hazards referenced

<!-- reflect:begin hazards -->

{{{hazardsMarkdown}}}

<!-- reflect:end hazards -->

> **Prompt:** Does this release touch any hazard-log entry that no commit names? Which, and has the Clinical Safety Officer seen it?

## Known issues

> **Prompt:** What is known not to work yet, who is affected, and what should they do until it is fixed?

## Operational changes

<!-- reflect:begin operational -->

{{{operationalMarkdown}}}

<!-- reflect:end operational -->

> **Prompt:** Which of these need their own step in the deployment plan, who carries it out, and has it been tried on a copy first?

## Deployment and rollback

> **Prompt:** When will this be deployed, how long will the service be affected, and who approved it?

The steps to return to {{{fromText}}} are in the [rollback checklist](rollback.md).

## Contributors

<!-- reflect:begin contributors -->

{{{contributorsMarkdown}}}

<!-- reflect:end contributors -->
`;
