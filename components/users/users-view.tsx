import { InviteUserPanel } from "@/components/users/invite-user-panel";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import type { UsersOverview } from "@/lib/users/queries";

interface UsersViewProps {
  overview: UsersOverview;
  currentUserId: number;
  timeZone: string;
  /** "Refresh demo data", in the demo workspace only. */
  demoPanel?: React.ReactNode;
}

export function UsersView({ overview, currentUserId, timeZone, demoPanel }: UsersViewProps) {
  const active = overview.users.filter((user) => user.active).length;
  return (
    <>
      <PageHeader
        title="Users"
        description={`${active} active of ${overview.users.length}. Invite people, set their role, and sign them out or deactivate them. Every change signs the person out at once and is kept in the audit log.`}
      />
      <div className="space-y-4">
        <InviteUserPanel teams={overview.teams} />
        <UsersTable users={overview.users} currentUserId={currentUserId} timeZone={timeZone} />
        {demoPanel}
      </div>
    </>
  );
}
