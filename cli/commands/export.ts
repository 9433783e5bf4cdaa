/**
 * `broadsheet export ISSUE -o OUT.pdf [--profile pdfx1a|pdfx4] [--pages LIST] [--split PATTERN]
 * [--marks] [--bleed LEN] [--force]`: lays the issue out, preflights it and writes PDF/X.
 * Progress goes to stderr (a bar on a terminal, plain lines otherwise); no file is written when
 * preflight finds errors unless --force.
 */
import path from 'node:path';
import { LengthError, parseLength } from '../../engine/model';
import { createNodeLayoutEnv } from '../../services/engine-host';
import { ExportError, exportIssue } from '../../services/export';
import { parse } from '../args';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';
import { loadIssue } from '../load-issue';
import { formatFinding, parseProfile } from './preflight';

/** A progress reporter: one redrawn bar on a TTY, one line per step otherwise. */
function progress(io: CommandIO): { update(phase: string, done: number, total: number): void; end(): void } {
  let drawn = false;
  let lastPhase = '';
  return {
    update(phase, done, total) {
      if (io.isTTY) {
        const width = 30;
        const filled = total > 0 ? Math.round((done / total) * width) : 0;
        io.err(`\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        drawn = true;
      } else if (phase !== 'page' ? phase !== lastPhase || done === total : true) {
        io.err(phase === 'page' ? `page ${done}/${total}\n` : `${phase}${done === total ? ' done' : '…'}\n`);
      }
      lastPhase = phase;
    },
    end() {
      if (drawn) io.err('\n');
      drawn = false;
    },
  };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the issue as print-ready PDF/X (after preflight)',
  usage: 'broadsheet export ISSUE -o OUT.pdf [--profile pdfx1a|pdfx4] [--pages LIST] [--split PATTERN] [--marks] [--bleed LEN] [--force]\n' +
    '  --split PATTERN  one file per page in the folder given by -o; PATTERN uses {date} {label} {paper} {page}, e.g. {date}_{label}.pdf\n' +
    '  dates: SOURCE_DATE_EPOCH when set, else the issue date at 00:00 UTC (same input, same bytes)',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        output: { type: 'string', short: 'o' },
        profile: { type: 'string' },
        pages: { type: 'string' },
        split: { type: 'string' },
        marks: { type: 'boolean' },
        bleed: { type: 'string' },
        force: { type: 'boolean' },
      },
      { positionals: { min: 1, max: 1, names: 'ISSUE' } },
    );
    if (!values.output) throw new UsageError('missing -o OUT.pdf');
    const profile = values.profile === undefined ? undefined : parseProfile(values.profile);
    let bleed: number | undefined;
    if (values.bleed !== undefined) {
      try {
        bleed = parseLength(values.bleed);
      } catch (e) {
        throw new UsageError(`--bleed: ${e instanceof LengthError ? e.message : String(e)}`);
      }
      if (bleed < 0) throw new UsageError('--bleed must not be negative');
    }
    const file = positionals[0] as string;
    const loaded = await loadIssue(file, io);
    if (typeof loaded === 'number') return loaded;
    const out = path.resolve(io.cwd, values.output);
    const bar = progress(io);
    const started = performance.now();
    let result;
    try {
      const host = await createNodeLayoutEnv();
      result = await exportIssue(loaded.doc, loaded.abs, host, {
        out,
        ...(profile ? { profile } : {}),
        ...(values.pages ? { pages: values.pages } : {}),
        ...(values.split ? { split: values.split } : {}),
        marks: values.marks ?? false,
        ...(bleed === undefined ? {} : { bleed }),
        force: values.force ?? false,
        onProgress: (phase, done, total) => bar.update(phase, done, total),
      });
    } catch (e) {
      bar.end();
      if (e instanceof ExportError) {
        io.err(`broadsheet export: ${e.message}\n`);
        return EXIT.usage;
      }
      throw e;
    }
    bar.end();
    for (const f of result.findings) io.err(formatFinding(f) + '\n');
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.length - errors;
    const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    if (result.blocked) {
      io.err(`not exported: preflight found ${counts} (fix them, or export anyway with --force)\n`);
      return EXIT.invalid;
    }
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const label = result.profile === 'pdfx1a' ? 'PDF/X-1a:2001' : 'PDF/X-4';
    const where = result.files.length === 1 ? result.files[0] : `${result.files.length} files in ${out}`;
    io.err(`wrote ${where}: ${result.pages} page${result.pages === 1 ? '' : 's'}, ${(result.bytes / 1024).toFixed(0)} KB, ${label}, dated ${result.date.toISOString()}, in ${secs} s; preflight: ${counts}${errors > 0 ? ' (forced)' : ''}\n`);
    return EXIT.ok;
  },
};
