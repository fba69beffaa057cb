"use client";

import { useId, useState } from "react";
import { controlBaseClass } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { useUserForm } from "@/components/users/use-user-form";
import { mergePersonAction } from "@/lib/users/actions";
import type { UserListRow } from "@/lib/users/queries";

/**
 * Merge a person without a sign-in (a CRM owner, an imported actor) into the person they really are.
 * Two steps: choose whom, then confirm with the consequence spelled out. The server re-checks every rule.
 */
export function MergePersonForm({
  person,
  people,
  onMerged,
}: {
  person: UserListRow;
  people: Pick<UserListRow, "id" | "name" | "email">[];
  onMerged: (message: string) => void;
}) {
  const id = useId();
  const [intoId, setIntoId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const into = people.find((candidate) => String(candidate.id) === intoId);
  const { pending, onSubmit, state, errorFor } = useUserForm({
    action: async (previous, formData) => {
      const result = await mergePersonAction(previous, formData);
      if (result.ok) onMerged(result.message ?? "");
      else setConfirming(false);
      return result;
    },
  });
  const error = errorFor("intoUserId") ?? (state && !state.ok ? state.message : undefined);

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={`Merge ${person.name} into another person`}>
      <input type="hidden" name="userId" value={person.id} />
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Same person as…
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={id}
          name="intoUserId"
          value={intoId}
          onChange={(event) => {
            setIntoId(event.target.value);
            setConfirming(false);
          }}
          aria-describedby={`${id}-help`}
          className={`${controlBaseClass} w-64 max-w-full`}
        >
          <option value="">Choose a person</option>
          {people
            .filter((candidate) => candidate.id !== person.id)
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.email ? `${candidate.name} (${candidate.email})` : candidate.name}
              </option>
            ))}
        </select>
        {confirming && into ? (
          <>
            <Button type="submit" variant="danger" size="sm" disabled={pending} autoFocus>
              {pending ? "Merging…" : `Merge into ${into.name}`}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button type="button" variant="secondary" size="sm" disabled={!into} onClick={() => setConfirming(true)}>
            Merge…
          </Button>
        )}
      </div>
      <p id={`${id}-help`} className="max-w-prose text-xs text-slate-500">
        {confirming && into
          ? `${person.name}'s leads, timeline entries and CRM identities move to ${into.name}, and ${person.name} is removed. Their leads are diagnosed again. This cannot be undone.`
          : `${person.name} has no Baton sign-in (they came from a CRM or an import). If they are someone listed here, merge them: future imports and syncs then find that person.`}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
