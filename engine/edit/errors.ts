/** Errors of the editing operations: a bad argument (unknown id, impossible request). */

/** Raised by an edit operation whose arguments do not fit the document; the draft is left as is. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}
