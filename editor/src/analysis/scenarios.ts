// Named what-if scenarios of a policy (a draft text: a set of parameter values or any edit),
// kept in this browser's localStorage per policy file.
export interface Scenario { name: string; text: string; savedAt: string }

const key = (file: string) => `ratecard:scenarios:${file}`;

export const scenarios = {
  list(file: string): Scenario[] {
    try {
      const raw = JSON.parse(localStorage.getItem(key(file)) ?? '[]') as unknown;
      return Array.isArray(raw) ? raw.filter((s): s is Scenario => typeof s?.name === 'string' && typeof s?.text === 'string') : [];
    } catch {
      return [];
    }
  },
  /** Keeps `text` under `name`, replacing a scenario of the same name; returns the new list. */
  save(file: string, name: string, text: string): Scenario[] {
    const list = [...this.list(file).filter((s) => s.name !== name), { name, text, savedAt: new Date().toISOString() }];
    localStorage.setItem(key(file), JSON.stringify(list));
    return list;
  },
  remove(file: string, name: string): Scenario[] {
    const list = this.list(file).filter((s) => s.name !== name);
    localStorage.setItem(key(file), JSON.stringify(list));
    return list;
  },
};
