// The new-token form's fields, read the same way in the browser and by the action.
export function tokenFormValues(formData: FormData) {
  return {
    name: formData.get("name"),
    scope: formData.get("scope"),
    integrationName: formData.get("integrationName"),
    expiresInDays: formData.get("expiresInDays"),
    definitionsWrite: formData.get("definitionsWrite"),
  };
}
