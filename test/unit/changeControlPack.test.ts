import * as assert from 'node:assert/strict';
import { localIsoDateTime } from '../../src/core/vocabulary/clock';
import { readableDate } from '../../src/core/vocabulary/readableDate';
import { deployedChangeControlFiles, packOf } from '../support/evidencePackRecord';

const AT = new Date('2026-12-02T20:10:00Z');
const STAMP = localIsoDateTime(AT);

function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="pack-section" id="${id}"`);
  assert.ok(start >= 0, id);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('the evidence pack shows change control', () => {
  const files = deployedChangeControlFiles('A ward nurse opens a <b>result</b>', 'Node 2 <did not> start', AT);
  const html = packOf(files);

  it('puts the approved window beside the actual one, with the review and each check', () => {
    const part = section(html, 'change-control');
    const time = (iso: string) => `<time datetime="${iso}" title="${iso}">${readableDate(iso) ?? ''}</time>`;
    assert.ok(part.includes(`<tr><td>Start</td><td class="date">${time('2026-12-02T20:00:00Z')}</td><td class="date">${time('2026-12-02T20:05:00Z')}</td></tr>`), part);
    assert.ok(part.includes('<tr><td>Downtime (minutes)</td><td class="date">30</td><td class="date">25</td></tr>'));
    assert.ok(part.includes(`Outcome: <strong>successful-with-issues</strong>, reviewed by Change Advisory Board on ${time('2026-12-03')}.`));
    assert.ok(part.includes('<td>A ward nurse opens a &lt;b&gt;result&lt;/b&gt;</td><td class="status">pass</td><td>Sam Patel</td>'), 'checks are listed, escaped');
  });

  it('shows the deployment log beside the planned steps, and on the timeline', () => {
    const part = section(html, 'change-control');
    assert.ok(part.includes('<li>Stop the interface engine</li>\n<li>Run the migration</li>'), part);
    assert.ok(part.includes(`<td class="date"><time datetime="${STAMP}" title="${STAMP}">`), part);
    assert.ok(part.includes('<td><strong>problem</strong>: Node 2 &lt;did not&gt; start</td>'), part);
    const timeline = section(html, 'timeline');
    assert.ok(timeline.includes('Log, problem: Node 2 &lt;did not&gt; start'), timeline);
    assert.ok(timeline.includes('Deployment actually ended'));
    assert.ok(timeline.indexOf('Deployment window opens') < timeline.indexOf('Log, problem'), 'in time order');
  });
});
