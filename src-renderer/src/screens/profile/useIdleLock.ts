import { useEffect } from 'react';
import { useSession } from '../../stores/session';

const KEY = (id: string) => `jiebang.autolock.${id}`;
export const DEFAULT_AUTOLOCK_MINUTES = 10;

export function autoLockMinutes(profileId: string): number {
  const v = Number(localStorage.getItem(KEY(profileId)));
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_AUTOLOCK_MINUTES;
}

export function setAutoLockMinutes(profileId: string, minutes: number): void {
  localStorage.setItem(KEY(profileId), String(minutes));
  window.dispatchEvent(new Event('jiebang-autolock-changed'));
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
