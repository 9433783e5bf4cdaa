// Layer rule for Broadsheet: which top-level folder may import which, and which
// packages each layer may use. Type-only imports are checked like any other.
// The table mirrors README.md ("Architecture"); change both together.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Folders of ours and the folders each may import from. */
export const LAYERS = {
  engine: ['engine'],
  bridge: ['bridge'],
  pdf: ['pdf', 'engine'],
  renderer: ['renderer', 'engine', 'bridge'],
  // Node-side services shared by the Electron main process and the CLI/web server.
  services: ['services', 'engine', 'pdf', 'bridge'],
  main: ['main', 'services', 'engine', 'pdf', 'bridge'],
  cli: ['cli', 'services', 'engine', 'pdf', 'bridge'],
};

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isNode = (s) => s.startsWith('node:') || NODE.has(s.split('/')[0]);

/** Bare packages a layer must never import (beyond Node built-ins where barred). */
const BANNED_PACKAGES = {
  engine: ['electron', 'react', 'react-dom', 'pdfkit', 'sharp', 'pdfjs-dist', 'immer'],
  bridge: ['electron', 'react', 'react-dom', 'pdfkit', 'sharp', 'fontkit'],
  pdf: ['electron', 'react', 'react-dom'],
  renderer: ['electron', 'pdfkit', 'sharp', 'fontkit-node'],
  services: ['electron', 'react', 'react-dom'],
  main: ['react', 'react-dom'],
  cli: ['electron', 'react', 'react-dom'],
};
/** Layers that may not touch Node built-ins at all. */
const NO_NODE = new Set(['engine', 'bridge', 'renderer']);
/** pdfkit lives in pdf/ only. */
const PDFKIT_ONLY = 'pdf';

function layerOf(absFile, root) {
  const rel = path.relative(root, absFile);
  if (rel.startsWith('..')) return undefined;
  const top = rel.split(path.sep)[0];
  return Object.hasOwn(LAYERS, top) ? top : undefined;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the one-way import direction between Broadsheet layers' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      layer: "{{from}}/ may not import from {{to}}/ ('{{source}}'): imports point renderer → engine, pdf → engine, main/cli → engine, pdf; all → bridge.",
      node: "{{from}}/ may not import the Node built-in '{{source}}': it must run without Node (bytes arrive as Uint8Array).",
      pkg: "{{from}}/ may not import the package '{{source}}'.",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(file, root);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = path.resolve(path.dirname(file), source);
        const to = layerOf(target, root);
        const rel = path.relative(root, target);
        const top = rel.split(path.sep)[0];
        if (rel.startsWith('..')) {
          context.report({ node, messageId: 'layer', data: { from, to: '..', source } });
        } else if (to ? !LAYERS[from].includes(to) : top !== from && ['engine', 'bridge'].includes(from)) {
          context.report({ node, messageId: 'layer', data: { from, to: to ?? top, source } });
        }
        return;
      }
      if (isNode(source)) {
        if (NO_NODE.has(from)) context.report({ node, messageId: 'node', data: { from, source } });
        return;
      }
      const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
      if (BANNED_PACKAGES[from].includes(pkg) || (pkg === 'pdfkit' && from !== PDFKIT_ONLY)) {
        context.report({ node, messageId: 'pkg', data: { from, source } });
      }
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      TSImportType: (n) => {
        const lit = n.argument?.literal ?? n.argument;
        if (lit && lit.type === 'Literal') check(n, lit.value);
      },
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') {
          check(n, n.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layers: rule } };
