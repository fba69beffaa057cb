import type { Metadata } from "next";
import { RefreshDemoPanel } from "@/components/demo/refresh-demo-panel";
import { UsersView } from "@/components/users/users-view";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { demoWorkspaceStatus } from "@/lib/demo/queries";
import { relativeTo } from "@/lib/time";
import { getUsersPage } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("users.manage");
  const [{ overview, timeZone }, demo] = await Promise.all([getUsersPage(), can(user.role, "demo.refresh") ? demoWorkspaceStatus() : null]);
  return (
    <UsersView
      overview={overview}
      currentUserId={user.id}
      timeZone={timeZone}
      demoPanel={
        demo?.demo ? <RefreshDemoPanel newestCapture={demo.newestCaptureAt ? relativeTo(demo.newestCaptureAt, new Date()) : null} /> : null
      }
    />
  );
}
