/** The benchmark issue generator: deterministic, valid, and shaped as the bench claims. */
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../engine/model';
import { generateIssue } from '../../scripts/generate-issue';

describe('generateIssue', () => {
  const a = generateIssue({ pages: 24, seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(serializeDocument(generateIssue({ pages: 24, seed: 7 }))).toBe(serializeDocument(a));
    expect(serializeDocument(generateIssue({ pages: 24, seed: 8 }))).not.toBe(serializeDocument(a));
  });

  it('has about six articles, two images and one continued lead per page', () => {
    expect(a.pages).toHaveLength(24);
    for (const p of a.pages) {
      const frames = a.frames.filter((f) => f.page === p.id);
      expect(frames.filter((f) => f.kind === 'image')).toHaveLength(2);
      expect(frames.filter((f) => f.kind === 'headline').length).toBeGreaterThanOrEqual(5);
    }
    // Every lead but the last page's is chained to a frame on the next page.
    const leads = a.stories.filter((s) => /^a\d+-1-body$/.test(s.id));
    expect(leads.filter((s) => s.frames.length === 2)).toHaveLength(23);
    for (const s of leads.filter((x) => x.frames.length === 2)) {
      const pages = s.frames.map((id) => a.pages.findIndex((p) => p.id === a.frames.find((f) => f.id === id)!.page));
      expect(pages[1]).toBe(pages[0]! + 1);
    }
  });
});
