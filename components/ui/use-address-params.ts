"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

// Lists and dashboards keep their state in the address, so a view can be shared and the back button
// works. One hook changes it: every filter bar and the data table navigate through it.

export function useAddressParams(options: { keepPage?: boolean; scroll?: boolean } = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const navigation = options.scroll === false ? { scroll: false } : undefined;

  /**
   * Sets the parameters (null or "" removes one) and navigates; a changed filter starts again at page 1.
   * `replace` rewrites the current history entry instead of adding one (search as you type).
   */
  const set = (changes: Record<string, string | null>, how: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (value) next.set(key, value);
    }
    if (!options.keepPage) next.delete("page");
    const href = `${pathname}?${next.toString()}`;
    startTransition(() => (how.replace ? router.replace(href, navigation) : router.push(href, navigation)));
  };
  const apply = (key: string, value: string) => set({ [key]: value });
  /** Drops every parameter: the view's defaults. */
  const clear = () => startTransition(() => router.push(pathname, navigation));
  return { set, apply, clear, pending, searchParams };
}
