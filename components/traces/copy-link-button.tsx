'use client';

import { useState } from 'react';

/** Copies a link (made absolute) to the clipboard, and says so, or shows the link when there is no clipboard. */
export function CopyLinkButton({ href, className }: { href: string; className?: string }) {
  // undefined before a copy; null once copied; the link itself when it could not be copied, to select by hand.
  const [failed, setFailed] = useState<string | null | undefined>(undefined);
  const copy = async () => {
    const url = new URL(href, window.location.href).toString();
    try {
      // Missing on plain-HTTP pages other than localhost, and refused without permission.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setFailed(null);
    } catch {
      setFailed(url);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} className={className}>
        Copy link
      </button>
      {failed !== undefined && (
        <span role="status" className="break-all text-xs text-slate-600 dark:text-slate-400">
          {failed === null ? 'Link copied.' : <>Could not copy; the link is <span className="select-all font-mono">{failed}</span></>}
        </span>
      )}
    </>
  );
}
