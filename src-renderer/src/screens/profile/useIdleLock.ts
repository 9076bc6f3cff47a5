import { useEffect } from 'react';
import {
  AUTOLOCK_MINUTES,
  readAutoLockMinutes,
  type AutoLockRead,
} from '../../../../src-shared/autolock';
import { useSession } from '../../stores/session';

const KEY = (id: string) => `jiebang.autolock.${id}`;

/**
 * The profile's idle minutes in force: what is stored, read by the rule (src-shared/autolock.ts),
 * else the default (nothing stored, or a value the rule refuses — never used).
 */
export function autoLockMinutes(profileId: string): number {
  const read = readAutoLockMinutes(localStorage.getItem(KEY(profileId)) ?? '');
  return read.ok ? read.minutes : AUTOLOCK_MINUTES.default;
}

/**
 * Sets the profile's idle minutes from the text typed, if the rule takes it; otherwise stores
 * nothing and the minutes in force stay. Returns the rule's reading.
 */
export function setAutoLockMinutes(profileId: string, typed: string): AutoLockRead {
  const read = readAutoLockMinutes(typed);
  if (!read.ok) return read;
  localStorage.setItem(KEY(profileId), String(read.minutes));
  window.dispatchEvent(new Event('jiebang-autolock-changed'));
  return read;
}

/** Locks the session after the profile's idle minutes without keyboard, pointer or wheel input. */
export function useIdleLock(): void {
  const profile = useSession((s) => s.profile);
  const status = useSession((s) => s.status);
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (status !== 'unlocked' || !profile) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lock('idle'), autoLockMinutes(profile.id) * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    window.addEventListener('jiebang-autolock-changed', arm);
    arm();
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
      window.removeEventListener('jiebang-autolock-changed', arm);
    };
  }, [status, profile, lock]);
}
