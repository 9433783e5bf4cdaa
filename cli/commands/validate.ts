/** `broadsheet validate FILE…`: checks documents and templates, printing every finding. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkAnyFile } from '../../engine/model';
import { parse } from '../args';
import { readErrorReason } from '../load-issue';
import { EXIT, type Command } from '../command';

export const validate: Command = {
  name: 'validate',
  summary: 'check issue documents (.broadsheet) and templates; print every problem',
  usage: 'broadsheet validate FILE [FILE…] [--json]',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, { positionals: { min: 1, max: Infinity, names: 'FILE' } });
    let worst: number = EXIT.ok;
    const report: { file: string; kind: string; valid: boolean; findings: { path: string; message: string }[] }[] = [];
    for (const file of positionals) {
      const abs = path.resolve(io.cwd, file);
      let text: string;
      try {
        text = await readFile(abs, 'utf8');
      } catch (e) {
        const why = readErrorReason(e);
        report.push({ file, kind: 'unknown', valid: false, findings: [{ path: '(file)', message: why }] });
        worst = Math.max(worst, EXIT.noInput);
        continue;
      }
      const { kind, result } = checkAnyFile(text);
      report.push({ file, kind, valid: result.ok, findings: result.ok ? [] : result.findings });
      if (!result.ok) worst = Math.max(worst, EXIT.invalid);
    }
    if (values.json) {
      io.out(JSON.stringify({ files: report }, null, 2) + '\n');
    } else {
      for (const r of report) {
        if (r.valid) io.out(`${r.file}: valid ${r.kind}\n`);
        else {
          io.out(`${r.file}: invalid ${r.kind === 'unknown' ? 'file' : r.kind} (${r.findings.length} problem${r.findings.length === 1 ? '' : 's'})\n`);
          for (const f of r.findings) io.out(`  ${f.path}: ${f.message}\n`);
        }
      }
    }
    return worst === EXIT.noInput ? EXIT.noInput : worst;
  },
};
