import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigDocument, Span } from '../../../server/src/core/model/document';
import { detectFormat, type FormatReader } from '../../../server/src/core/formats';
import type { FieldOrigin, ModelShape, ShapeField } from '../../../server/src/core/model/shape';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'formats');

export interface ReadFixture {
  text: string;
  reader: FormatReader;
  document: ConfigDocument;
  shape: ModelShape;
}

/** Detects, parses and reads a fixture under test/fixtures/formats/ as the CLI would. */
export function readFixture(relativePath: string): ReadFixture {
  const text = readFileSync(join(FIXTURES, relativePath), 'utf8');
  const reader = detectFormat(relativePath, text);
  assert.ok(reader, `${relativePath} is not detected as any format`);
  const document = reader.parse(text);
  return { text, reader, document, shape: reader.read(document) };
}

/** Detects, parses and reads a text written in the test, as the CLI would. */
export function readText(fileName: string, text: string): ModelShape {
  const reader = detectFormat(fileName, text);
  assert.ok(reader, `${fileName} is not detected as any format`);
  return reader.read(reader.parse(text));
}

export function slice(text: string, span: Span | undefined): string | undefined {
  return span && text.slice(span.offset, span.offset + span.length);
}

export interface Expected<T> {
  value: T | null;
  origin: FieldOrigin;
  /** The text at valueSpan: the literal a person would edit. */
  literal?: string;
  /** The text at keySpan. */
  key?: string;
  /** The text at usedAt. */
  usedAt?: string;
}

export function assertField<T>(text: string, field: ShapeField<T>, expected: Expected<T>): void {
  assert.deepEqual({ value: field.value, origin: field.origin }, { value: expected.value, origin: expected.origin }, field.note);
  if (expected.literal !== undefined) assert.equal(slice(text, field.valueSpan), expected.literal);
  if (expected.key !== undefined) assert.equal(slice(text, field.keySpan), expected.key);
  if (expected.usedAt !== undefined) assert.equal(slice(text, field.usedAt), expected.usedAt);
}
