/** `broadsheet layout ISSUE [--pages LIST] [--json]`: lays out an issue and prints its pages. */
import path from 'node:path';
import { layoutJson } from '../../engine/flow/json';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { createNodeLayoutEnv } from '../../services/engine-host';
import { parse } from '../args';
import { loadIssue } from '../load-issue';
import { EXIT, UsageError, type Command } from '../command';

/** Parses "1,3-5" into page numbers; throws UsageError on anything else. */
export function parsePageList(list: string, pageCount: number): number[] {
  const out = new Set<number>();
  for (const part of list.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new UsageError(`--pages: "${part}" is not a page number or range (use e.g. 1,3-5)`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (a < 1 || b < a) throw new UsageError(`--pages: "${part}" is not a valid range`);
    if (b > pageCount) throw new UsageError(`--pages: page ${b} does not exist (the issue has ${pageCount} page${pageCount === 1 ? '' : 's'})`);
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

function summary(laid: LaidOutIssue, doc: IssueDocument, file: string, pages: readonly number[] | undefined, ms: number): string {
  const out: string[] = [`${file}: ${doc.issue.paper} ${doc.issue.date}, ${laid.pages.length} page${laid.pages.length === 1 ? '' : 's'}, laid out in ${ms.toFixed(0)} ms`];
  for (const p of laid.pages) {
    if (pages && !pages.includes(p.number)) continue;
    const story = p.frames.filter((f) => f.role === 'frame' && f.story);
    const lines = story.reduce((n, f) => n + f.lines.length, 0);
    out.push(`  page ${p.number} (${p.label}): ${p.frames.filter((f) => f.role === 'frame').length} frames, ${lines} story lines`);
  }
  const overset = laid.stories.filter((s) => s.overset > 0);
  out.push(overset.length ? 'Overset:' : 'Overset: none');
  for (const s of overset) out.push(`  ${s.id}: ${s.overset} character${s.overset === 1 ? '' : 's'} do not fit`);
  out.push(laid.jumps.length ? 'Jumps:' : 'Jumps: none');
  for (const j of laid.jumps) out.push(`  ${j.story}: page ${j.page} ${j.kind === 'to' ? '→' : '←'} page ${j.target}  ${j.text}`);
  if (laid.missing.length) {
    const chars = [...new Set(laid.missing.map((m) => m.char))].join('');
    out.push(`Missing characters (no face has them): ${chars}`);
  }
  for (const w of laid.warnings) out.push(`Warning: ${w}`);
  return out.join('\n') + '\n';
}

export const layout: Command = {
  name: 'layout',
  summary: 'lay out an issue; print pages, overset stories and jump lines (--json: every frame and line)',
  usage: 'broadsheet layout ISSUE [--pages LIST] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, pages: { type: 'string' } }, { positionals: { min: 1, max: 1, names: 'ISSUE' } });
    const loaded = await loadIssue(positionals[0]!, io);
    if (typeof loaded === 'number') return loaded;
    const { doc, abs } = loaded;
    const pages = values.pages !== undefined ? parsePageList(values.pages, doc.pages.length) : undefined;
    const host = await createNodeLayoutEnv();
    const env = await host.envFor(doc, path.dirname(abs));
    const t0 = performance.now();
    const laid = layoutIssue(doc, env);
    const ms = performance.now() - t0;
    if (values.json) io.out(JSON.stringify(layoutJson(laid, doc, pages)) + '\n');
    else io.out(summary(laid, doc, positionals[0]!, pages, ms));
    return EXIT.ok;
  },
};
