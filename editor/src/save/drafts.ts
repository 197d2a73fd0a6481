// Unsaved edits kept in localStorage per policy file, so a page reload loses nothing.
export interface Draft { text: string; baseVersion: string }

const key = (file: string) => `ratecard:draft:${file}`;

export const drafts = {
  load(file: string): Draft | undefined {
    try {
      const raw = localStorage.getItem(key(file));
      return raw ? (JSON.parse(raw) as Draft) : undefined;
    } catch {
      return undefined;
    }
  },
  store(file: string, draft: Draft) { localStorage.setItem(key(file), JSON.stringify(draft)); },
  clear(file: string) { localStorage.removeItem(key(file)); },
};
