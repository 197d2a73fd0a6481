// A line diff of two versions of a policy, as a unified patch and as structured hunks (jsdiff).
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatchHunk } from 'diff';

export interface TextDiff {
  unified: string;
  hunks: StructuredPatchHunk[];
}

export function diffTexts(file: string, before: string, after: string, context = 3): TextDiff {
  const patch = structuredPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context });
  const hunks = patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({ oldStart, oldLines, newStart, newLines, lines }));
  return { unified: hunks.length ? formatPatch(patch, FILE_HEADERS_ONLY) : '', hunks };
}
