/**
 * Quick Apply (InDesign's Cmd+Enter): one command per paragraph and character style of the
 * open document, applied to the text caret's paragraphs or selection, or to the whole story
 * of selected text frames. Made per document, listed by the palette beside COMMANDS.
 */
import { applyCharacterStyle, applyParagraphStyle, storyLength, storyOf, storyOfFrame } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import type { ToolMachine } from '../tools';
import type { Command } from './registry';

/** A story range a style applies to. */
export interface StyleTarget {
  story: string;
  start: number;
  end: number;
}

/** What styles apply to now: the caret's range, else the stories of the selected frames. */
export function styleTargets(doc: IssueDocument, tools: ToolMachine): StyleTarget[] {
  const t = tools.session.text;
  if (t?.story && doc.stories.some((s) => s.id === t.story)) return [{ story: t.story, start: Math.min(t.anchor, t.focus), end: Math.max(t.anchor, t.focus) }];
  const out: StyleTarget[] = [];
  for (const id of tools.session.selection) {
    const f = doc.frames.find((x) => x.id === id);
    const story = f?.kind === 'image' ? f.caption?.story : f?.kind === 'text' ? storyOfFrame(doc, id)?.id : undefined;
    if (story && !out.some((o) => o.story === story)) out.push({ story, start: 0, end: storyLength(storyOf(doc, story)) });
  }
  return out;
}

/** The Quick Apply commands for a document's styles. */
export function styleCommands(doc: IssueDocument, tools: ToolMachine): Command[] {
  const para = doc.paragraphStyles.map<Command>((s) => ({
    name: `style.paragraph.${s.id}`,
    label: `Paragraph style: ${s.name}`,
    group: 'Edit',
    enabled: (st) => st.hasDocument && styleTargets(doc, tools).length > 0,
    perform: (c) => {
      const targets = styleTargets(c.history.current, c.tools);
      c.history.change((d) => {
        for (const t of targets) applyParagraphStyle(d, t.story, t.start, t.end, s.id);
      });
    },
  }));
  const chars = doc.characterStyles.map<Command>((s) => ({
    name: `style.character.${s.id}`,
    label: `Character style: ${s.name}`,
    group: 'Edit',
    enabled: (st) => st.hasDocument && styleTargets(doc, tools).some((t) => t.end > t.start),
    perform: (c) => {
      const targets = styleTargets(c.history.current, c.tools).filter((t) => t.end > t.start);
      c.history.change((d) => {
        for (const t of targets) applyCharacterStyle(d, t.story, t.start, t.end, s.id);
      });
    },
  }));
  return [...para, ...chars];
}
