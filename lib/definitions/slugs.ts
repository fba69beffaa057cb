// Stable ids derived from human wording. A criterion's id is made from its label once, when it is
// created, and then kept: sales decisions store which criteria were met by id, so rewording a label
// must not orphan them.

const MAX_SLUG_LENGTH = 48;

/** The stored shape of an acceptance criterion (a type alias, so it is also a valid JSON value). */
export type Criterion = { id: string; label: string };

/** "Company size fits the ICP!" -> "company_size_fits_the_icp"; "" when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/_+$/, "");
}

/**
 * Keeps the ids criteria already have and gives new ones (empty id) a slug of their label, made unique
 * within the list with a numeric suffix ("decision_role_2"). A repeated posted id counts as new.
 */
export function withCriterionIds(criteria: readonly Criterion[]): Criterion[] {
  const kept = new Set<string>();
  const keepsId = criteria.map((criterion) => {
    if (criterion.id === "" || kept.has(criterion.id)) return false;
    kept.add(criterion.id);
    return true;
  });
  const used = new Set(kept);
  return criteria.map((criterion, index) => {
    if (keepsId[index]) return { id: criterion.id, label: criterion.label };
    const base = slugify(criterion.label) || "criterion";
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return { id, label: criterion.label };
  });
}
