import clsx from "clsx";
import type { ConnectionNotice } from "@/lib/sync/notice";

/** What the last OAuth callback did; the proxy has already dropped the cookie that carried it. */
export function ConnectionNoticeBanner({ notice }: { notice: ConnectionNotice }) {
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
