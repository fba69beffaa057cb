"use client";

import clsx from "clsx";
import { useEffect } from "react";
import { CONNECTION_NOTICE_COOKIE, type ConnectionNotice } from "@/lib/sync/notice";

/** What the last OAuth callback did, shown once: the cookie that carried it is dropped on arrival. */
export function ConnectionNoticeBanner({ notice }: { notice: ConnectionNotice }) {
  useEffect(() => {
    document.cookie = `${CONNECTION_NOTICE_COOKIE}=; Path=/settings/connections; Max-Age=0; SameSite=Lax`;
  }, []);
  return (
    <p
      role={notice.ok ? "status" : "alert"}
      className={clsx(
        "rounded-md border px-4 py-3 text-sm",
        notice.ok ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-red-200 bg-red-50 text-red-800",
      )}
    >
      {notice.message}
    </p>
  );
}
