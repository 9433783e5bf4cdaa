/**
 * `broadsheet serve [ISSUE] [--port N]`: web mode. Starts the local server (127.0.0.1 only,
 * per-launch secret, Host check; see services/web-server.ts) serving the built renderer and
 * the services for the issue's folder, prints the URL to open and serves until killed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type ServiceOptions } from '../../services/api';
import { startWebServer } from '../../services/web-server';
import { parse } from '../args';
import { EXIT, UsageError, type Command } from '../command';

/** The repository (or installed package) root: cli/commands/ and dist/cli/ both sit two levels down. */
export function appRoot(): string {
  return fileURLToPath(new URL('../..', import.meta.url));
}

/** The bundled sample issue. */
export function samplePath(root = appRoot()): string {
  return path.join(root, 'samples', 'jinshan', 'jinshan.broadsheet');
}

export const serve: Command = {
  name: 'serve',
  summary: 'open an issue in the browser (web mode, local only)',
  usage: 'broadsheet serve [ISSUE] [--port N]   (--port 0 picks a free port; default 0)',
  async run(args, io) {
    const { values, positionals } = parse(args, { port: { type: 'string' } }, { positionals: { min: 0, max: 1, names: 'ISSUE' } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0–65535, got "${values.port}"`);
    const root = appRoot();
    const staticDir = path.join(root, 'dist', 'renderer');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      io.err(`broadsheet serve: the renderer is not built (${staticDir}); run \`npm run build:renderer\` first.\n`);
      return EXIT.software;
    }
    const issue = positionals[0] ? path.resolve(io.cwd, positionals[0]) : samplePath(root);
    if (!existsSync(issue)) {
      io.err(`broadsheet serve: ${issue}: no such file\n`);
      return EXIT.noInput;
    }
    const options: ServiceOptions = {
      mode: 'web',
      version: '0.1.0',
      root: path.dirname(issue),
      documentPath: issue,
      bundledFonts: [path.join(root, 'fonts')],
      ...(await loadEngineHooks()),
    };
    const services = createServices(options);
    void services.warmUp();
    let server;
    try {
      server = await startWebServer({ services, staticDir, port });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        io.err(`broadsheet serve: port ${port} on 127.0.0.1 is already in use; choose another with --port N, or --port 0 for a free one\n`);
        return EXIT.cantCreate;
      }
      throw e;
    }
    io.out(`Broadsheet at ${server.url}\n`);
    io.out(`Serving ${issue} (folder ${path.dirname(issue)}); press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return EXIT.ok;
  },
};

/** The exporter and preflight from services/ when this build has them (see services/api.ts). */
async function loadEngineHooks(): Promise<Pick<ServiceOptions, 'exporter' | 'preflight'>> {
  const { engineHooks } = await import('../../services/api-hooks');
  return engineHooks();
}
