/**
 * Folios (报眉/页眉): the template's fields made into text for one page: paper name, the
 * date in the issue's language, the page label, the section, the issue number, the edition
 * or literal text, each with an optional pattern ("第{value}期").
 */
import type { FolioField, IssueDocument, Page } from '../model/types';
import { formatIssueDate, formatNumber } from './labels';

/** The text of a folio field on a page, or null when the field is not shown there. */
export function folioText(field: FolioField, doc: IssueDocument, page: Page, number: number, label: string): string | null {
  if (field.pages === 'odd' && number % 2 === 0) return null;
  if (field.pages === 'even' && number % 2 === 1) return null;
  const issue = doc.issue;
  let value: string;
  switch (field.field) {
    case 'text':
      return field.text ?? '';
    case 'paper':
      value = issue.paper;
      break;
    case 'date':
      value = formatIssueDate(issue.date, issue.lang);
      break;
    case 'pageLabel':
      value = label;
      break;
    case 'section':
      value = page.section;
      break;
    case 'issueNumber':
      if (issue.number === undefined) return null;
      value = formatNumber(issue.number, 'arabic');
      break;
    case 'edition':
      if (!issue.edition) return null;
      value = issue.edition;
      break;
  }
  if (!value) return null;
  return field.text ? field.text.replaceAll('{value}', value) : value;
}
