import type { Action, Role } from "@/lib/auth/permissions";

// The two sides of a review: each writes its own annotations. Which side a person writes for follows
// from their role; revenue operations and admins may write either side (the permission table says so).
export const REVIEW_SIDES = ["marketing", "sales"] as const;
export type ReviewSide = (typeof REVIEW_SIDES)[number];

export const SIDE_LABELS: Record<ReviewSide, string> = { marketing: "Marketing", sales: "Sales" };

/** The permission that lets a person write on a side. */
export const SIDE_ACTIONS: Record<ReviewSide, Action> = {
  marketing: "review.annotate_marketing",
  sales: "review.annotate_sales",
};

/** The side a person speaks for when tagging; null for roles that belong to neither (revops, admin, viewer). */
export function sideOfRole(role: Role): ReviewSide | null {
  if (role === "marketing") return "marketing";
  if (role === "sales_rep" || role === "sales_manager") return "sales";
  return null;
}

export const REVIEW_STATUSES = ["to_review", "reviewed", "skipped"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  to_review: "To review",
  reviewed: "Reviewed",
  skipped: "Skipped",
};
