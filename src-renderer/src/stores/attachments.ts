/** A package's attachment (a proposal PDF) for the viewer, read and checked against its hash. */
import { useEffect, useState } from 'react';
import { loadAttachment } from '../workflows/expert';
import { currentDeps } from './deps';

export interface Attachment {
  id: string;
  name: string;
  bytes: Uint8Array;
}

/** The attachment `id` once read (null while reading, or when there is none). */
export function useAttachment(id: string | undefined): Attachment | null {
  const [doc, setDoc] = useState<Attachment | null>(null);
  useEffect(() => {
    let live = true;
    if (id)
      void loadAttachment(currentDeps().db, id).then(
        (a) => live && a && setDoc({ id, name: a.name, bytes: a.bytes }),
      );
    return () => {
      live = false;
    };
  }, [id]);
  return doc && doc.id === id ? doc : null;
}
