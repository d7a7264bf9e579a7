import { describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-error';
import { decodeCursor, encodeCursor } from './snapshot-cursor';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

describe('snapshot page cursors', () => {
  it.each([1n, 42n, 2n ** 63n - 1n])('decode what encodeCursor made (%s)', (seq) => {
    expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });

  it.each([
    ['a sequence number past PostgreSQL bigint', cursorOf('s9223372036854775808')],
    ['the largest 19-digit number', cursorOf('s9999999999999999999')],
    ['a negative number', cursorOf('s-1')],
    ['20 digits', cursorOf('s10000000000000000000')],
    ['no number', cursorOf('s')],
    ['text that is not base64url', '%%%'],
  ])('refuse %s with BAD_USER_INPUT naming the cursor', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ApiError);
    expect(() => decodeCursor(cursor)).toThrow('cursor is not valid');
  });
});
