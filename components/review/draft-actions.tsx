import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * Save and "Discard changes" under a form edited as a versioned draft (use-draft): Save waits for a
 * change, and discarding is offered only while there is one. `unsavedNote` shows beside them meanwhile.
 */
export function DraftActions(props: {
  dirty: boolean;
  pending: boolean;
  saveLabel: string;
  onDiscard: () => void;
  unsavedNote?: ReactNode;
}) {
  const { dirty, pending } = props;
  return (
    <div className="flex items-center gap-2">
      <Button type="submit" size="sm" disabled={pending || !dirty}>
        {pending ? "Saving…" : props.saveLabel}
      </Button>
      {dirty && (
        <Button type="button" size="sm" variant="ghost" onClick={props.onDiscard}>
          Discard changes
        </Button>
      )}
      {dirty && props.unsavedNote}
    </div>
  );
}
