import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { badInput } from '../errors/app-error.js';

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * Free text in an input (a title, a name, a body, a rule): trimmed, then 1 to `max`
 * characters, so whitespace alone is no text. With `each`, every string of a list.
 */
export function Text(max: number, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      each && Array.isArray(value) ? value.map(trim) : trim(value),
    ),
    IsString({ each }),
    Length(1, max, { each }),
  );
}

/** The same for text given as a plain argument (`editComment(body: …)`). */
export function plainText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    throw badInput(
      'INVALID_TEXT',
      `${field} must be 1 to ${max} characters, not counting surrounding spaces`,
      {
        field,
      },
    );
  }
  return trimmed;
}
