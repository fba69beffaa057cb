"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { addCommentAction, setFollowingAction } from "@/lib/lead-comments/actions";
import type { LeadConversation as Conversation } from "@/lib/lead-comments/queries";
import { commentSchema, conversationFormValues } from "@/lib/lead-comments/schemas";
import { formatDateTime } from "@/lib/time";

/** Comments on the lead with @mentions (which notify), and following it (decisions and comments notify). */
export function LeadConversation({ leadId, conversation, timeZone }: { leadId: number; conversation: Conversation; timeZone: string }) {
  const body = useRef<HTMLTextAreaElement>(null);
  const comment = useActionForm({
    action: addCommentAction,
    validate: validateWith(commentSchema, conversationFormValues),
    onSuccess: () => {
      if (body.current) body.current.value = "";
    },
  });
  const follow = useActionForm({ action: setFollowingAction });

  function mention(name: string) {
    const area = body.current;
    if (!area || !name) return;
    area.value = `${area.value}${area.value && !area.value.endsWith(" ") ? " " : ""}@${name} `;
    area.focus();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={follow.onSubmit} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="leadId" value={leadId} />
        <input type="hidden" name="follow" value={conversation.following ? "" : "on"} />
        <Button type="submit" variant="secondary" size="sm" disabled={follow.pending} aria-pressed={conversation.following}>
          {conversation.following ? "Following" : "Follow"}
        </Button>
        <span className="text-sm text-slate-600">
          {conversation.followers} {conversation.followers === 1 ? "follower" : "followers"}: told of decisions and comments on this lead.
        </span>
        <FormStatus state={follow.state} />
      </form>
      {conversation.comments.length > 0 ? (
        <ol className="space-y-3" aria-label="Comments">
          {conversation.comments.map((item) => (
            <li key={item.id} className="rounded-md bg-slate-50 px-3 py-2">
              <p className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{item.author.name}</span> · {formatDateTime(item.createdAt, timeZone)}
              </p>
              <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{item.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">No comments yet.</p>
      )}
      <form
        onSubmit={comment.onSubmit}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
        className="space-y-2"
        aria-label="Add a comment"
      >
        <input type="hidden" name="leadId" value={leadId} />
        <Field
          id={`comment-${leadId}`}
          name="body"
          label="Comment"
          help="Mention someone with @ and their full name; they are notified. Ctrl+Enter (⌘+Enter) sends."
          error={comment.errorFor("body")}
        >
          {(control) => <textarea {...control} ref={body} rows={3} maxLength={4000} className={controlClass} />}
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <SaveButton pending={comment.pending} label="Comment" pendingLabel="Sending…" />
          <label className="flex min-w-0 items-center gap-2 text-sm text-slate-700">
            Mention
            <select
              value=""
              onChange={(event) => mention(event.target.value)}
              className="min-w-0 rounded-md border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">someone…</option>
              {conversation.people.map((person) => (
                <option key={person.id} value={person.name}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
          <FormStatus state={comment.state} />
        </div>
      </form>
    </div>
  );
}
