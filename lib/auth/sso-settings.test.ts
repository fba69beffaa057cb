import { describe, expect, it } from "vitest";
import { parseRoleGroups, roleFromGroups } from "@/lib/auth/sso-settings";

describe("group-to-role rules", () => {
  it("reads group=role pairs, group names with spaces included", () => {
    expect([...parseRoleGroups("Baton Admins=admin, RevOps=revops,sales-eu=sales_rep")]).toEqual([
      ["Baton Admins", "admin"],
      ["RevOps", "revops"],
      ["sales-eu", "sales_rep"],
    ]);
    expect(parseRoleGroups(undefined).size).toBe(0);
  });

  it("names what is wrong in a bad rule", () => {
    expect(() => parseRoleGroups("admins")).toThrow('OIDC_ROLE_GROUPS: "admins" is not group=role');
    expect(() => parseRoleGroups("admins=root")).toThrow('OIDC_ROLE_GROUPS: "root" is not a role');
  });

  it("gives the widest role of the mapped groups, and null when none is mapped", () => {
    const rules = parseRoleGroups("viewers=viewer,ops=revops,admins=admin");
    expect(roleFromGroups(["viewers", "ops"], rules)).toBe("revops");
    expect(roleFromGroups(["admins", "viewers"], rules)).toBe("admin");
    expect(roleFromGroups("ops", rules)).toBe("revops");
    expect(roleFromGroups(["unmapped"], rules)).toBeNull();
    expect(roleFromGroups(undefined, rules)).toBeNull();
    expect(roleFromGroups([42, null], rules)).toBeNull();
  });
});
