"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useSyncExternalStore, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

// Drafts survive a reload: what someone is typing lives in localStorage (under "baton:draft:<key>") until
// it is saved. Read through useSyncExternalStore, so the server render and hydration agree (no draft)
// and the draft appears right after. An in-memory copy keeps typing working where storage is blocked.

const PREFIX = "baton:draft:";
const memory = new Map<string, string | null>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key && !event.key.startsWith(PREFIX)) return;
    if (event.key) memory.delete(event.key.slice(PREFIX.length));
    else memory.clear();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function read(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  memory.set(key, value);
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage full or blocked: the in-memory copy still holds the text for this page.
  }
  for (const listener of listeners) listener();
}

/** A text draft: [draft or null, set, clear]. */
export function useDraft(key: string): [string | null, (value: string) => void, () => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback((next: string) => write(key, next), [key]);
  const clear = useCallback(() => write(key, null), [key]);
  return [value, set, clear];
}

/** A structured draft (text plus the version it was started from, say), stored as JSON. */
export function useJsonDraft<T>(key: string): [T | null, (value: T) => void, () => void] {
  const [raw, setRaw, clear] = useDraft(key);
  const value = useMemo(() => {
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  }, [raw]);
  const set = useCallback((next: T) => setRaw(JSON.stringify(next)), [setRaw]);
  return [value, set, clear];
}

/**
 * A form over a saved record, edited as a draft that carries the version it started from. `save` sends
 * the values; when someone else saved first the refusal keeps this text, now based on their version, so
 * the next save is deliberate (and, with `refresh`, the page re-reads so their text shows).
 */
export function useVersionedDraft<T extends { version: number }>(key: string, saved: T, options: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [draft, setDraft, clearDraft] = useJsonDraft<T>(key);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const values = draft ?? saved;

  function save(write: (values: T) => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const outcome = await write(values);
      setResult(outcome);
      if (outcome.ok) clearDraft();
      else if (outcome.latest) {
        setDraft({ ...values, version: outcome.latest.version });
        if (options.refresh) router.refresh();
      }
    });
  }

  const edit = (change: Partial<T>) => setDraft({ ...values, ...change });
  const discard = () => {
    clearDraft();
    setResult(null);
  };
  return { draft, values, edit, save, discard, result, pending };
}
