/**
 * Entry of the export utility process (built to out/main/export-worker.js by electron-vite,
 * started with utilityProcess.fork). Receives one export request, answers, and is killed.
 */
import { engineHooks } from '../services/api-hooks';
import { runExportRequest } from './export-process';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) {
  process.stderr.write('export-worker: must run as an Electron utility process\n');
  process.exit(70);
}
port.on('message', (e) => {
  void engineHooks().then((hooks) => runExportRequest(e.data, hooks.exporter, (m) => port.postMessage(m)));
});
