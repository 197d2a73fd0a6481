// One parameter in the form, rendered by its type: a number (rate as %, money in ¥, counts), a
// map as key/value rows, a list, tiers as a table with one column per tier column, a schedule as
// a table of checkpoint → key → share.
import type { ParamInfo, ParamValue } from '../../../engine/index.js';
import type { YamlPath } from './yaml-rewrite.js';
import { DecimalInput } from './decimal-input.js';
import { displayOf } from './display-of.js';
import { paramLabel } from './param-label.js';
import { MapField } from './map-field.js';
import { ScheduleField } from './schedule-field.js';
import { TiersField } from './tiers-field.js';

export interface FieldEdits {
  set: (sub: YamlPath, value: string) => void;
  remove: (sub: YamlPath) => void;
  appendRow: (row: Record<string, string>) => void;
}

export function ParamField({ param, edits }: { param: ParamInfo; edits: FieldEdits }) {
  const value = param.value;
  switch (param.type) {
    case 'map':
      return <MapField param={param} value={value as Record<string, string>} edits={edits} />;
    case 'list':
      return (
        <span className="list-field">
          {(value as string[]).map((v, i) => (
            <DecimalInput key={i} label={paramLabel(param, i + 1)} value={v} display={displayOf(param.of)} onCommit={(x) => edits.set([i], x)} />
          ))}
        </span>
      );
    case 'tiers':
      return <TiersField param={param} rows={value as Record<string, string>[]} edits={edits} />;
    case 'schedule':
      return <ScheduleField param={param} value={value as Record<string, Record<string, string>>} edits={edits} />;
    default:
      return <DecimalInput label={paramLabel(param)} value={scalar(value)} display={displayOf(param.type)} onCommit={(x) => edits.set([], x)} />;
  }
}

const scalar = (v: ParamValue) => (typeof v === 'string' ? v : JSON.stringify(v));
