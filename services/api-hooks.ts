/**
 * Connects the services to the engine's exporter and preflight (services/export.ts over the
 * Node layout host). Kept apart from api.ts so the services can be created and tested without
 * the PDF writer; hosts call engineHooks().
 */
import type { PreflightFinding } from '../bridge';
import type { ServiceOptions } from './api';
import { createNodeLayoutEnv } from './engine-host';
import { preflightIssue, renderPdf } from './export';

/** The exporter and preflighter of this build. */
export async function engineHooks(): Promise<Pick<ServiceOptions, 'exporter' | 'preflight'>> {
  let host: ReturnType<typeof createNodeLayoutEnv> | undefined;
  const getHost = () => (host ??= createNodeLayoutEnv());
  return {
    async exporter(doc, docPath, options, onProgress) {
      onProgress('layout', 0, 1);
      const h = await getHost();
      const ids = options.pages;
      const pages = ids ? doc.pages.flatMap((p, i) => (ids.includes(p.id) ? [i + 1] : [])) : undefined;
      // The same writer and settings as `broadsheet export`, so the preview is the exported PDF.
      const r = await renderPdf(doc, docPath, h, {
        ...(options.profile ? { profile: options.profile } : {}),
        ...(pages ? { pages } : {}),
      });
      onProgress('write', r.pages, r.pages);
      return r;
    },
    async preflight(doc, docPath) {
      const h = await getHost();
      const { findings } = await preflightIssue(doc, docPath, h);
      return findings.map((f): PreflightFinding => {
        const page = f.page > 0 ? doc.pages[f.page - 1]?.id : undefined;
        return {
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          ...(page ? { page } : {}),
          ...(f.frame ? { frame: f.frame } : {}),
          ...(f.story ? { story: f.story } : {}),
        };
      });
    },
  };
}
