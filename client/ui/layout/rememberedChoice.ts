/**
 * A choice this device keeps between classes (the teacher drawer open or
 * closed, comfort settings): kept in local storage, read once per mount.
 */
import { useCallback, useState } from "react";

const PREFIX = "meridian.choice.";

export function readChoice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const stored = globalThis.localStorage?.getItem(PREFIX + name);
  return allowed.includes(stored as T) ? (stored as T) : fallback;
}

export function writeChoice(name: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + name, value);
  } catch {
    // Storage full or refused (private mode): the choice lasts this visit only.
  }
}

/** State that starts from the remembered choice and remembers each change. */
export function useRememberedChoice<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: () => T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readChoice(name, allowed, fallback()));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      writeChoice(name, next);
    },
    [name],
  );
  return [value, set];
}
