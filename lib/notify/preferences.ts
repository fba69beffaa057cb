import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/actions/audit";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { kindIsOnByDefault, NOTIFICATION_KINDS, PERSONAL_CHANNELS, type NotificationKind, type PersonalChannel } from "@/lib/notify/kinds";
import { toFieldErrors } from "@/lib/actions/input";

// Each person's choices: per kind and channel (no row: the kind's default), and their own Slack incoming webhook.

export const slackWebhookSchema = z
  .string()
  .trim()
  .refine((value) => value === "" || (URL.canParse(value) && new URL(value).protocol === "https:"), {
    message: "Paste the Slack incoming webhook URL (https://hooks.slack.com/services/…), or leave it empty.",
  })
  .transform((value) => (value === "" ? null : value));

export interface PreferenceView {
  enabled: Record<NotificationKind, Record<PersonalChannel, boolean>>;
  slackWebhookUrl: string | null;
  teamSlack: boolean;
}

export async function findPreferences(userId: number): Promise<PreferenceView> {
  const [rows, user] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { slackWebhookUrl: true, team: { select: { slackWebhookUrl: true } } } }),
  ]);
  const enabled = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, Object.fromEntries(PERSONAL_CHANNELS.map((channel) => [channel, kindIsOnByDefault(kind)]))]),
  ) as PreferenceView["enabled"];
  for (const row of rows) {
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind) && row.channel !== "webhook")
      enabled[row.kind as NotificationKind][row.channel] = row.enabled;
  }
  return { enabled, slackWebhookUrl: user.slackWebhookUrl, teamSlack: Boolean(user.team?.slackWebhookUrl) };
}

/** The form posts a checkbox named "kind:channel" for each choice left on. */
export async function savePreferences(userId: number, formData: FormData): Promise<void> {
  const slack = slackWebhookSchema.safeParse(formData.get("slackWebhookUrl") ?? "");
  if (!slack.success)
    throw new ValidationError(
      { slackWebhookUrl: toFieldErrors(slack.error).form ?? ["Check the Slack webhook URL."] },
      "Nothing was saved.",
    );
  const rows = NOTIFICATION_KINDS.flatMap((kind) =>
    PERSONAL_CHANNELS.map((channel) => ({ userId, kind, channel, enabled: formData.get(`${kind}:${channel}`) === "on" })),
  );
  await db.$transaction(async (tx) => {
    await tx.notificationPreference.deleteMany({ where: { userId } });
    // Only the choices that differ from a kind's default are stored: a kind added later starts at its default.
    await tx.notificationPreference.createMany({ data: rows.filter((row) => row.enabled !== kindIsOnByDefault(row.kind)) });
    await tx.user.update({ where: { id: userId }, data: { slackWebhookUrl: slack.data } });
    await recordAudit(tx, {
      actorId: userId,
      action: "notifications.preferences",
      entityType: "user",
      entityId: userId,
      after: {
        off: rows.filter((r) => !r.enabled && kindIsOnByDefault(r.kind)).map((r) => `${r.kind}:${r.channel}`),
        on: rows.filter((r) => r.enabled && !kindIsOnByDefault(r.kind)).map((r) => `${r.kind}:${r.channel}`),
        slack: slack.data ? "set" : "none",
      },
    });
  });
}
