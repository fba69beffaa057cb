import { describe, expect, it } from "vitest";
import {
  changeOwnPasswordSchema,
  changeRoleSchema,
  emailSchema,
  inviteUserSchema,
  newPasswordSchema,
  roleSchema,
  setActiveSchema,
} from "@/lib/users/schemas";
import { generateTemporaryPassword } from "@/lib/users/temporary-password";

describe("emailSchema", () => {
  it("trims and lowercases, so one address is one account", () => {
    expect(emailSchema.parse("  Ana.Lima@Example.COM ")).toBe("ana.lima@example.com");
  });

  it.each(["", "   ", "ana", "ana@", "@example.com", "ana lima@example.com", `${"a".repeat(320)}@example.com`])("refuses %j", (value) => {
    expect(emailSchema.safeParse(value).success).toBe(false);
  });
});

describe("roleSchema", () => {
  it("accepts exactly the roles of the permission table", () => {
    for (const role of ["admin", "revops", "marketing", "sales_rep", "sales_manager", "viewer"]) expect(roleSchema.parse(role)).toBe(role);
    for (const role of ["Admin", "owner", "", "admin "]) expect(roleSchema.safeParse(role).success).toBe(false);
  });
});

describe("newPasswordSchema", () => {
  it("needs at least 12 characters that are not all spaces, and caps the length", () => {
    expect(newPasswordSchema.safeParse("12345678901").success).toBe(false);
    expect(newPasswordSchema.safeParse("123456789012").success).toBe(true);
    expect(newPasswordSchema.safeParse(" ".repeat(20)).success).toBe(false);
    expect(newPasswordSchema.safeParse("x".repeat(1025)).success).toBe(false);
    expect(newPasswordSchema.safeParse("correct horse battery staple").success).toBe(true);
  });
});

describe("changeOwnPasswordSchema", () => {
  const valid = { currentPassword: "old password here", newPassword: "a new password here", confirmPassword: "a new password here" };

  it("accepts a matching, different new password", () => {
    expect(changeOwnPasswordSchema.safeParse(valid).success).toBe(true);
  });

  it("puts each problem on the field it belongs to", () => {
    const mismatch = changeOwnPasswordSchema.safeParse({ ...valid, confirmPassword: "something else" });
    expect(mismatch.error?.issues.map((issue) => issue.path.join("."))).toEqual(["confirmPassword"]);
    const same = changeOwnPasswordSchema.safeParse({
      ...valid,
      newPassword: valid.currentPassword,
      confirmPassword: valid.currentPassword,
    });
    expect(same.error?.issues.map((issue) => issue.path.join("."))).toEqual(["newPassword"]);
    const missing = changeOwnPasswordSchema.safeParse({ ...valid, currentPassword: "" });
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["currentPassword"]);
  });
});

describe("the admin forms", () => {
  it("reads the invite form: blank team is no team", () => {
    expect(inviteUserSchema.parse({ name: " Bo ", email: "BO@example.com", role: "viewer", teamId: "" })).toEqual({
      name: "Bo",
      email: "bo@example.com",
      role: "viewer",
      teamId: null,
    });
    expect(inviteUserSchema.parse({ name: "Bo", email: "bo@example.com", role: "viewer", teamId: "3" }).teamId).toBe(3);
    expect(inviteUserSchema.safeParse({ name: "Bo", email: "bo@example.com", role: "viewer", teamId: "-1" }).success).toBe(false);
  });

  it("needs a user id and reads the active flag from the hidden field", () => {
    expect(changeRoleSchema.safeParse({ role: "viewer" }).success).toBe(false);
    expect(changeRoleSchema.parse({ userId: "7", role: "viewer" })).toEqual({ userId: 7, role: "viewer" });
    expect(setActiveSchema.parse({ userId: "7", active: "false" })).toEqual({ userId: 7, active: false });
    expect(setActiveSchema.safeParse({ userId: "7", active: "maybe" }).success).toBe(false);
  });
});

describe("generateTemporaryPassword", () => {
  it("makes readable passwords that pass the password rules and do not repeat", () => {
    const passwords = Array.from({ length: 200 }, generateTemporaryPassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){4}$/);
      expect(newPasswordSchema.safeParse(password).success).toBe(true);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
