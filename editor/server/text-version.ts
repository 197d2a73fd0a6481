// The version of a text: the sha256 hex of its UTF-8 bytes (also sent as the ETag).
import { createHash } from 'node:crypto';

export const textVersion = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const VERSION = /^[0-9a-f]{64}$/;
export const isVersion = (value: string): boolean => VERSION.test(value);
