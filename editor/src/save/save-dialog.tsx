// Asks who saves and why before a new version is written.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

export function SaveDialog({ onSave, onCancel }: { onSave: (author: string, message: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [author, setAuthor] = useState(() => localStorage.getItem('ratecard:author') ?? '');
  const [message, setMessage] = useState('');
  const ok = author.trim() !== '' && message.trim() !== '';
  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-label={t('save.title')} className="dialog" onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }} onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        localStorage.setItem('ratecard:author', author.trim());
        onSave(author.trim(), message.trim());
      }}>
        <h3>{t('save.title')}</h3>
        <label>{t('save.author')}<input aria-label={t('save.author')} value={author} onChange={(e) => setAuthor(e.target.value)} autoFocus /></label>
        <label>{t('save.message')}<textarea aria-label={t('save.message')} value={message} onChange={(e) => setMessage(e.target.value)} /></label>
        <div className="buttons">
          <button type="submit" disabled={!ok}>{t('save.confirm')}</button>
          <button type="button" onClick={onCancel}>{t('save.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
