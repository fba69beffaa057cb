import { ActionForm } from "@/components/alerts/action-form";
import { controlBaseClass } from "@/components/ui/form";
import type { AlertRule } from "@/lib/alerts/stages";
import { saveAlertRuleAction } from "@/lib/alerts/settings-actions";

/** One priority's alert rule, saved on its own. */
export function AlertRuleForm({ rule, people }: { rule: AlertRule; people: { id: number; name: string }[] }) {
  const id = (field: string) => `rule-${rule.priority}-${field}`;
  return (
    <ActionForm
      action={saveAlertRuleAction}
      submitLabel={`Save ${rule.priority.toUpperCase()}`}
      className="flex flex-wrap items-end gap-3 border-b border-slate-100 pb-4 last:border-0"
    >
      <input type="hidden" name="priority" value={rule.priority} />
      <p className="w-10 pb-1.5 text-sm font-semibold text-slate-900">{rule.priority.toUpperCase()}</p>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-800">
        <input type="checkbox" name="enabled" defaultChecked={rule.enabled} className="accent-brand-600" /> On
      </label>
      <div>
        <label htmlFor={id("warn")} className="block text-xs font-medium text-slate-700">
          Warn at (% of the SLA)
        </label>
        <input
          id={id("warn")}
          name="warnPercents"
          defaultValue={rule.warnPercents.join(", ")}
          placeholder="50, 80"
          className={`${controlBaseClass} mt-1 w-32`}
        />
      </div>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-800">
        <input type="checkbox" name="alertAtBreach" defaultChecked={rule.alertAtBreach} className="accent-brand-600" /> At the breach
      </label>
      <div>
        <label htmlFor={id("escalate")} className="block text-xs font-medium text-slate-700">
          Escalate after (minutes)
        </label>
        <input
          id={id("escalate")}
          name="escalateAfterMinutes"
          inputMode="numeric"
          defaultValue={rule.escalateAfterMinutes ?? ""}
          placeholder="none"
          className={`${controlBaseClass} mt-1 w-28`}
        />
      </div>
      <div>
        <label htmlFor={id("to")} className="block text-xs font-medium text-slate-700">
          Escalate to
        </label>
        <select id={id("to")} name="escalateToId" defaultValue={rule.escalateToId ?? ""} className={`${controlBaseClass} mt-1 w-48`}>
          <option value="">The admins</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
    </ActionForm>
  );
}
