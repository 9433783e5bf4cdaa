/** `broadsheet preflight ISSUE [--profile pdfx1a|pdfx4] [--json]`: exit 0 clean, 1 warnings only, 2 errors. */
import { worstSeverity, type PreflightFinding } from '../../engine/preflight';
import { createNodeLayoutEnv } from '../../services/engine-host';
import { preflightIssue } from '../../services/export';
import { parse } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { loadIssue } from '../load-issue';

/** Checks a --profile value. */
export function parseProfile(v: string): 'pdfx1a' | 'pdfx4' {
  if (v === 'pdfx1a' || v === 'pdfx4') return v;
  throw new UsageError(`--profile must be pdfx1a or pdfx4, not "${v}"`);
}

/** One finding as a line: "error   page 2  frame f3  story s1  overset: …". */
export function formatFinding(f: PreflightFinding): string {
  const where = [f.page > 0 ? `page ${f.page}` : 'issue', f.frame ? `frame ${f.frame}` : '', f.story ? `story ${f.story}` : ''].filter(Boolean).join(', ');
  return `${f.severity.padEnd(7)} ${f.rule.padEnd(16)} ${where}: ${f.message}`;
}

export const preflightCommand: Command = {
  name: 'preflight',
  summary: 'check an issue for print problems (exit 0 clean, 1 warnings, 2 errors)',
  usage: 'broadsheet preflight ISSUE [--profile pdfx1a|pdfx4] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(args, { profile: { type: 'string' }, json: { type: 'boolean' } }, { positionals: { min: 1, max: 1, names: 'ISSUE' } });
    const profile = values.profile === undefined ? undefined : parseProfile(values.profile);
    const loaded = await loadIssue(positionals[0] as string, io);
    if (typeof loaded === 'number') return loaded;
    const host = await createNodeLayoutEnv();
    const { findings } = await preflightIssue(loaded.doc, loaded.abs, host, profile ? { profile } : {});
    const worst = worstSeverity(findings);
    if (values.json) {
      io.out(JSON.stringify({ file: positionals[0], profile: profile ?? loaded.doc.issue.outputProfile, status: ['clean', 'warnings', 'errors'][worst], findings }, null, 2) + '\n');
    } else {
      for (const f of findings) io.out(formatFinding(f) + '\n');
      const errors = findings.filter((f) => f.severity === 'error').length;
      io.out(`${positionals[0]}: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`);
    }
    return worst === 2 ? EXIT.invalid : worst === 1 ? EXIT.warnings : EXIT.ok;
  },
};
