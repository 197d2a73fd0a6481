// The open policy: its text as edited, the version it was loaded at, the saved text (the base
// of the impact), unsaved edits kept in localStorage, and saving with conflict detection.
import { useCallback, useEffect, useState } from 'react';
import { api, type SaveResult } from '../api/client.js';
import { drafts } from '../save/drafts.js';
import type { SaveImpact } from '../save/impact-guard.js';

export interface PolicyFileState {
  file?: string;
  text: string;
  savedText?: string;
  version?: string;
  restored: boolean;
  loading: boolean;
  error?: string;
}

export function usePolicyFile(file: string | undefined) {
  const [state, setState] = useState<PolicyFileState>({ text: '', restored: false, loading: false });

  const load = useCallback(async (f: string, useDraft: boolean) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const current = await api.policy(f);
      const draft = useDraft ? drafts.load(f) : undefined;
      const restored = Boolean(draft && draft.text !== current.text);
      if (!useDraft || !restored) drafts.clear(f);
      setState({
        file: f,
        text: restored ? draft!.text : current.text,
        savedText: current.text,
        version: restored ? draft!.baseVersion : current.version,
        restored,
        loading: false,
      });
    } catch (e) {
      setState((s) => ({ ...s, loading: false, error: (e as Error).message }));
    }
  }, []);

  useEffect(() => {
    if (file) void load(file, true);
  }, [file, load]);

  const setText = useCallback((text: string) => {
    setState((s) => {
      if (s.file && s.version) {
        if (text === s.savedText) drafts.clear(s.file);
        else drafts.store(s.file, { text, baseVersion: s.version });
      }
      return { ...s, text };
    });
  }, []);

  const save = useCallback(async (author: string, message: string, impact?: SaveImpact): Promise<SaveResult> => {
    const { file, text: sent } = state;
    if (!file) return { kind: 'error', message: 'no policy open' };
    const result = await api.save(file, { text: sent, baseVersion: state.version ?? null, author, message, ...(impact ? { impact } : {}) });
    if (result.kind === 'saved') {
      // What was saved is the text sent, not the text now: edits typed while the request was on
      // its way stay unsaved (and in the draft).
      setState((s) => {
        if (s.text === sent) drafts.clear(file);
        else drafts.store(file, { text: s.text, baseVersion: result.version });
        return { ...s, savedText: sent, version: result.version, restored: false };
      });
    }
    return result;
  }, [state.file, state.text, state.version]);

  return {
    ...state,
    setText,
    save,
    reload: () => (state.file ? load(state.file, false) : Promise.resolve()),
    dismissRestored: () => setState((s) => ({ ...s, restored: false })),
  };
}
