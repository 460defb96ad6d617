// The import's pure parts: matching headers to fields, suggestions for near misses, reading cells,
// and the planners' decision and words for every row.
import { describe, expect, it } from "vitest";
import { mappingProblems, suggestMapping } from "../../server/services/import/mapping";
import { planImport } from "../../server/services/import/plan";
import type { ImportState, MemberState, OrgState } from "../../server/services/import/state";
import { closest, editDistance } from "../../server/services/import/text-match";
import { readDay, readRole, readTier, unneutralised } from "../../server/services/import/values";

const org = (id: string, name: string, extra: Partial<OrgState> = {}): OrgState => ({
  id,
  name,
  region: null,
  industry: null,
  website: null,
  ...extra,
});
const member = (id: string, email: string, role: MemberState["role"], extra: Partial<MemberState> = {}): MemberState => ({
  id,
  email,
  name: email.split("@")[0]!,
  role,
  partnerOrgId: null,
  removed: false,
  ...extra,
});

function state(): ImportState {
  const orgs = [org("o1", "Globex", { region: "EMEA" }), org("o2", "Initech")];
  const members = [
    member("m1", "ana@host.test", "MANAGER"),
    member("m2", "exec@host.test", "EXECUTIVE"),
    member("m3", "gina@globex.test", "PARTNER", { partnerOrgId: "o1" }),
    member("m4", "gone@host.test", "MANAGER", { removed: true }),
  ];
  return {
    orgs: new Map(orgs.map((o) => [o.name.toLowerCase(), o])),
    orgById: new Map(orgs.map((o) => [o.id, o])),
    partnerships: new Map([
      [
        "globex cloud",
        {
          id: "p1",
          name: "Globex Cloud",
          partnerOrgId: "o1",
          tier: "CORE",
          phase: "ACTIVE",
          ownerMemberId: "m1",
          renewalDate: "2027-03-31",
          team: new Set<string>(),
          archived: false,
        },
      ],
    ]),
    members: new Map(members.map((m) => [m.email, m])),
    invitations: new Map([["new@host.test", { email: "new@host.test", role: "MANAGER", partnerOrgId: null, name: null }]]),
    mayGrantOwner: false,
  };
}

const plan = (kind: Parameters<typeof planImport>[0], headers: string[], rows: string[][]) =>
  planImport(kind, { headers, rows }, suggestMapping(kind, headers), state());
const messages = (p: ReturnType<typeof plan>) => p.rows.flatMap((r) => [...r.errors, ...r.warnings]);

describe("matching and suggestions", () => {
  it("measures edit distance", () => {
    expect(editDistance("globx", "globex")).toBe(1);
    expect(editDistance("initech", "initech")).toBe(0);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  it("suggests the nearest name for a typo, and nothing for a stranger", () => {
    expect(closest("Globx", ["Globex", "Initech"])).toBe("Globex");
    expect(closest("INITECH ", ["Globex", "Initech"])).toBe("Initech");
    expect(closest("Umbrella", ["Globex", "Initech"])).toBeNull();
  });

  it("matches headers by the export's words, case and punctuation blind, then by aliases", () => {
    expect(suggestMapping("partnerships", ["Name", "Partner", "Owner's E-mail", "Renewal Date", "Host team emails"])).toEqual({
      name: "Name",
      partner: "Partner",
      owner: "Owner's E-mail",
      renewalDate: "Renewal Date",
      team: "Host team emails",
    });
    expect(suggestMapping("partnerOrgs", ["Company", "Sector", "URL"])).toEqual({ name: "Company", industry: "Sector", website: "URL" });
  });

  it("prefers the remembered mapping where the file still has the header", () => {
    expect(suggestMapping("partnerOrgs", ["Org", "name"], { name: "Org" })).toEqual({ name: "Org" });
    expect(suggestMapping("partnerOrgs", ["name"], { name: "Org" })).toEqual({ name: "name" });
  });

  it("says what is wrong with a mapping", () => {
    expect(mappingProblems("people", ["email", "role"], { email: "email" })).toEqual([
      'Choose the column that holds "role": every row needs one.',
    ]);
    expect(mappingProblems("people", ["email"], { email: "email", role: "email" })).toEqual([
      'The column "email" is chosen for both "email" and "role"; choose one column for each.',
    ]);
  });
});

describe("reading cells", () => {
  it("reads real calendar days only", () => {
    expect(readDay("2027-03-31")).toBe("2027-03-31");
    expect(readDay("2027-02-30")).toBeNull();
    expect(readDay("31/03/2027")).toBeNull();
  });

  it("reads the app's words for tiers and roles", () => {
    expect(readTier("strategic")).toBe("STRATEGIC");
    expect(readRole("Alliance manager")).toBe("MANAGER");
    expect(readRole("Partner contact")).toBe("PARTNER");
    expect(readRole("boss")).toBeNull();
  });

  it("takes off an export's formula guard", () => {
    expect(unneutralised("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unneutralised("O'Brien")).toBe("O'Brien");
  });
});

describe("planning partner organisations", () => {
  it("creates, updates and leaves unchanged, with the change in words", () => {
    const p = plan(
      "partnerOrgs",
      ["name", "region"],
      [
        ["Umbrella", "NA"],
        ["globex", "APAC"],
        ["Initech", ""],
      ],
    );
    expect(p.rows.map((r) => r.action)).toEqual(["create", "update", "unchanged"]);
    expect(p.rows[1]!.changes).toEqual(["region: EMEA -> APAC"]);
    expect(p.counts).toMatchObject({ create: 1, update: 1, unchanged: 1, error: 0 });
  });

  it("refuses formula-looking cells and says which character", () => {
    const p = plan(
      "partnerOrgs",
      ["name", "industry"],
      [
        ['=HYPERLINK("http://x")', ""],
        ["Hooli", "@risk"],
      ],
    );
    expect(messages(p)).toEqual([
      `row 2: the name '=HYPERLINK("http://x")' starts with '=', which a spreadsheet would run as a formula; remove that character.`,
      "row 3: the industry '@risk' starts with '@', which a spreadsheet would run as a formula; remove that character.",
    ]);
  });

  it("skips a row repeated exactly, and refuses one repeated with other values", () => {
    const p = plan(
      "partnerOrgs",
      ["name", "region"],
      [
        ["Hooli", "NA"],
        ["hooli", "NA"],
        ["Hooli", "EMEA"],
      ],
    );
    expect(p.rows.map((r) => r.action)).toEqual(["create", "skip", "error"]);
    expect(messages(p)).toEqual([
      "row 3 repeats row 2 and is skipped.",
      "row 4: 'Hooli' is also on row 2, with different values; keep one of the two rows.",
    ]);
  });

  it("adds the scheme to a bare web address, and refuses what is not one", () => {
    const p = plan(
      "partnerOrgs",
      ["name", "website"],
      [
        ["Hooli", "hooli.example"],
        ["Acme", "not a site"],
      ],
    );
    expect(messages(p)).toEqual([
      "row 2: the website 'hooli.example' is read as https://hooli.example.",
      "row 3: the website 'not a site' is not a web address; write it like https://example.com.",
    ]);
  });
});

describe("planning partnerships", () => {
  const headers = ["name", "partner", "tier", "phase", "owner email", "renewal date", "host team emails"];

  it("names an unknown partner with a suggestion, and unknown or unsuitable owners", () => {
    const p = plan("partnerships", headers, [
      ["Globx Resale", "Globx", "", "", "", "", ""],
      ["Initech OEM", "Initech", "Gold", "", "anna@host.test", "2027-02-30", ""],
      ["Initech Cloud", "Initech", "", "Exited", "exec@host.test", "", "gina@globex.test"],
      ["Initech Two", "Initech", "", "", "gone@host.test", "", ""],
    ]);
    expect(messages(p)).toEqual([
      "row 2: no partner organisation named 'Globx' — did you mean 'Globex'?",
      "row 3: 'Gold' is not a tier; use Strategic, Core, Emerging.",
      "row 3: the owner's email 'anna@host.test' is not a member of this workspace — did you mean 'ana@host.test'?",
      "row 3: '2027-02-30' is not a date; write renewal dates as YYYY-MM-DD, for example 2027-03-31.",
      "row 4: a new partnership starts as Exploring, Onboarding, Active or Renewed, not Exited.",
      "row 4: exec@host.test cannot own a partnership; the owner must be an alliance manager, admin or owner.",
      "row 4: gina@globex.test cannot be on the host team; it is the workspace's own alliance managers, admins and owners.",
      "row 5: the owner's email 'gone@host.test' belongs to someone who was removed from this workspace.",
    ]);
    expect(p.counts.error).toBe(4);
  });

  it("leaves an identical partnership unchanged, and keeps its phase with a warning", () => {
    const p = plan("partnerships", headers, [["Globex Cloud", "Globex", "Core", "Exploring", "ana@host.test", "2027-03-31", ""]]);
    expect(p.rows[0]!.action).toBe("unchanged");
    expect(p.rows[0]!.warnings[0]).toMatch(/the phase of 'Globex Cloud' stays Active; change it on the partnership's Lifecycle page/);
  });

  it("refuses moving a partnership to another partner", () => {
    const p = plan("partnerships", headers, [["Globex Cloud", "Initech", "", "", "", "", ""]]);
    expect(messages(p)).toEqual(["row 2: 'Globex Cloud' is a partnership with Globex; an import does not move it to another partner."]);
  });
});

describe("planning people", () => {
  const headers = ["email", "name", "role", "partner organisation"];

  it("invites the new, leaves members and identical invitations, re-invites a changed one", () => {
    const p = plan("people", headers, [
      ["Pat@New.test", "Pat", "Alliance manager", ""],
      ["ana@host.test", "Ana", "Manager", ""],
      ["new@host.test", "", "Manager", ""],
      ["gone@host.test", "", "Executive", ""],
    ]);
    expect(p.rows.map((r) => r.action)).toEqual(["create", "unchanged", "unchanged", "create"]);
    expect(p.rows[0]!.write).toMatchObject({ fields: { email: "pat@new.test", name: "Pat", role: "MANAGER" } });
    const changed = plan("people", headers, [["new@host.test", "", "Executive", ""]]);
    expect(changed.rows[0]!.action).toBe("update");
    expect(changed.rows[0]!.changes).toEqual(["invited again as Executive (was Alliance manager)"]);
  });

  it("says what is wrong, in words", () => {
    const p = plan("people", headers, [
      ["not-an-email", "", "Manager", ""],
      ["x@y.test", "", "Boss", ""],
      ["c@globx.test", "", "Partner contact", "Globx"],
      ["d@y.test", "", "Owner", ""],
      ["ana@host.test", "", "Executive", ""],
    ]);
    expect(messages(p)).toEqual([
      "row 2: 'not-an-email' is not an email address.",
      "row 3: 'Boss' is not a role; use Admin, Alliance manager, Executive or Partner contact.",
      "row 4: no partner organisation named 'Globx' — did you mean 'Globex'?",
      "row 5: only an owner can grant the owner role.",
      "row 6: ana@host.test is already a member as Alliance manager; change their role on the Members page.",
    ]);
  });
});
