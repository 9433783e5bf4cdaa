/**
 * One editable field of the properties panel: applies on Enter or when the field is left;
 * a value that does not parse, or that the document operation refuses, shows its message
 * under the field and changes nothing.
 */
import { useState } from 'react';
import type { Parsed } from './parse';

export interface FieldProps<T> {
  /** data-testid suffix: the input is `prop-<id>`, its message `prop-<id>-error`. */
  id: string;
  label: string;
  /** The current value as shown (the field resets to it when the document changes). */
  shown: string;
  parse(text: string): Parsed<T>;
  /** Applies the value (one history step); a thrown Error's message is shown. */
  apply(value: T): void;
}

/** A text field with parsing and an error line. */
export function Field<T>({ id, label, shown, parse, apply }: FieldProps<T>) {
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    if (text === shown) return setError(null);
    const p = parse(text);
    if (!p.ok) return setError(p.message);
    try {
      apply(p.value);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <label className="prop-field">
      {label}
      <input
        key={shown}
        defaultValue={shown}
        data-testid={`prop-${id}`}
        aria-invalid={error ? true : undefined}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      />
      {error && (
        <small className="prop-error" role="alert" data-testid={`prop-${id}-error`}>
          {error}
        </small>
      )}
    </label>
  );
}
