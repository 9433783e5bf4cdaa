/** Per-window routing of bridge calls: which document `document.open()` and `save` mean. */
import { describe, expect, it } from 'vitest';
import { routeWindowRequest } from '../../main/window-requests';

describe('routeWindowRequest', () => {
  const doc = { format: 'broadsheet' };
  it('opens the window’s own document instead of a dialog', () => {
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.open', {})).toEqual({ request: { path: '/n/a.broadsheet' } });
  });
  it('answers with the recovered document a window was created for', () => {
    expect(routeWindowRequest({ path: '/n/a.broadsheet', initialDoc: doc }, 'document.open', {})).toEqual({
      answer: { ok: true, value: { path: '/n/a.broadsheet', name: 'a.broadsheet', doc } },
    });
    expect(routeWindowRequest({ path: null, initialDoc: doc }, 'document.open', {})).toEqual({
      answer: { ok: true, value: { path: '', name: 'Untitled (recovered)', doc } },
    });
  });
  it('leaves explicit paths, other channels, foreign callers and malformed requests alone', () => {
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.open', { path: '/n/b.broadsheet' })).toEqual({ request: { path: '/n/b.broadsheet' } });
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'fonts.list', {})).toEqual({ request: {} });
    expect(routeWindowRequest(undefined, 'document.open', {})).toEqual({ request: {} });
    // A malformed request passes through unchanged, so the schema check refuses it.
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.open', { junk: 1 })).toEqual({ request: { junk: 1 } });
    expect(routeWindowRequest({ path: '/n/a.broadsheet', initialDoc: doc }, 'document.open', [1])).toEqual({ request: [1] });
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.open', null)).toEqual({ request: null });
  });
  it('saves to the window’s file when no path is given', () => {
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.save', { doc })).toEqual({ request: { doc, path: '/n/a.broadsheet' } });
    expect(routeWindowRequest({ path: '/n/a.broadsheet' }, 'document.save', { doc, path: '/n/c.broadsheet' })).toEqual({ request: { doc, path: '/n/c.broadsheet' } });
    expect(routeWindowRequest({ path: null }, 'document.save', { doc })).toEqual({ request: { doc } });
  });
});
