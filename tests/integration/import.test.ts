// Importing partner organisations, partnerships and people from files, through the import
// procedures on the real database: every bad file gets a clear message and writes nothing, the
// exports import back with no change, importing a file twice changes nothing, and invitations are
// queued on confirm, never before.
import iconv from "iconv-lite";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { addMember, unique } from "../../prisma/factories";
import { apiRoute } from "../../server/http/api-route";
import { IMPORT_TOO_LARGE, importDoor } from "../../server/http/import-door";
import { csvLines } from "../../server/services/csv/write";
import type { ColumnMapping, ImportKind } from "../../server/services/import/kinds";
import { readImportFile } from "../../server/services/import/read-file";
import type { ImportEvent } from "../../server/services/import/stream";
import { buildWorld, db, expectTrpcError } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const file = (text: string, name = "import.csv") => readImportFile(new TextEncoder().encode(text), name);

async function preview(w: World, kind: ImportKind, table: { headers: string[]; rows: string[][] }, mapping?: ColumnMapping) {
  const chosen = mapping ?? (await w.admin.api.import.mapping({ workspaceSlug: w.slug, kind, headers: table.headers })).mapping;
  return w.admin.api.import.preview({ workspaceSlug: w.slug, kind, table, mapping: chosen });
}

// The confirm's events to the end: its progress, then its result (or its refusal, thrown).
async function confirm(
  w: World,
  kind: ImportKind,
  table: { headers: string[]; rows: string[][] },
  options: { onlyValid?: boolean; mapping?: ColumnMapping } = {},
) {
  const mapping = options.mapping ?? (await w.admin.api.import.mapping({ workspaceSlug: w.slug, kind, headers: table.headers })).mapping;
  const events: ImportEvent[] = [];
  for await (const event of await w.admin.api.import.confirm({
    workspaceSlug: w.slug,
    kind,
    table,
    mapping,
    onlyValid: options.onlyValid ?? false,
  })) {
    events.push(event);
  }
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error("the import ended without a result");
  return { summary: last.summary, progress: events.filter((e) => e.type === "progress") };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the import to be refused");
    },
    (error: Error) => error.message,
  );

// Everything an import could write, counted for the world's workspace.
async function snapshot(w: World) {
  const where = { workspaceId: w.workspace.id };
  const [orgs, partnerships, team, invitations, emails, members, participants] = await Promise.all([
    db().partnerOrg.findMany({ where, orderBy: { name: "asc" }, select: { name: true, region: true, industry: true, website: true } }),
    db().partnership.findMany({
      where,
      orderBy: { name: "asc" },
      select: { name: true, tier: true, phase: true, ownerMemberId: true, renewalDate: true, partnerOrgId: true },
    }),
    db().partnershipTeamMember.count({ where }),
    db().invitation.findMany({ where, orderBy: { createdAt: "asc" }, select: { id: true, email: true, role: true, revokedAt: true } }),
    db().outboxEmail.count({ where }),
    db().member.count({ where }),
    db().cycleParticipant.count({ where }),
  ]);
  return { orgs, partnerships, team, invitations, emails, members, participants };
}

describe("files that are read as they were written", () => {
  it("imports a UTF-8 file with a byte-order mark, semicolons and a quoted line break, once", async () => {
    const w = await buildWorld();
    const text =
      '\uFEFFname;region;industry;website\r\nHooli;NA;"Search\r\nand ads";https://hooli.example\r\nPied Piper;NA;Compression;\r\n';
    const table = await file(text);
    const shown = await preview(w, "partnerOrgs", table);
    expect(shown.counts).toMatchObject({ create: 2, update: 0, unchanged: 0, error: 0 });
    expect(shown.changes.map((c) => c.label)).toEqual(["Hooli", "Pied Piper"]);

    const { summary, progress } = await confirm(w, "partnerOrgs", table);
    expect(summary.counts.create).toBe(2);
    expect(progress.at(-1)).toEqual({ type: "progress", done: 2, total: 2 });
    const hooli = await db().partnerOrg.findFirstOrThrow({ where: { workspaceId: w.workspace.id, name: "Hooli" } });
    expect(hooli).toMatchObject({ region: "NA", industry: "Search\r\nand ads", website: "https://hooli.example" });

    // The same file again: nothing to do, and nothing done.
    const before = await snapshot(w);
    expect((await preview(w, "partnerOrgs", table)).counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect((await confirm(w, "partnerOrgs", table)).summary.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(await snapshot(w)).toEqual(before);
  });

  it("reads a Windows-1252 file's accents and curly quotes", async () => {
    const w = await buildWorld();
    const bytes = iconv.encode("name,region\r\nSociété Générale,Île-de-France\r\n“Zürich” Versicherung,DACH\r\n", "win1252");
    const table = await readImportFile(new Uint8Array(bytes), "orgs.csv");
    await confirm(w, "partnerOrgs", table);
    const names = (await snapshot(w)).orgs.map((o) => o.name);
    expect(names).toContain("Société Générale");
    expect(names).toContain("“Zürich” Versicherung");
  });
});

describe("files with errors: a clear message, and nothing written", () => {
  it("refuses rows repeated with different values", async () => {
    const w = await buildWorld();
    const table = await file("name,region\nHooli,NA\nHooli,EMEA\n");
    const shown = await preview(w, "partnerOrgs", table);
    expect(shown.issues).toEqual([
      { row: 3, level: "error", message: "row 3: 'Hooli' is also on row 2, with different values; keep one of the two rows." },
    ]);
    const before = await snapshot(w);
    expect(await refusal(confirm(w, "partnerOrgs", table))).toBe(
      "row 3: 'Hooli' is also on row 2, with different values; keep one of the two rows. Fix the file, or choose to import only the valid rows. Nothing was imported.",
    );
    expect(await snapshot(w)).toEqual(before);
  });

  it("names unknown partners and owners with suggestions, impossible dates and formula-looking cells", async () => {
    const w = await buildWorld();
    const partner = w.orgA.name;
    const typo = partner.slice(0, -1);
    const table = await file(
      [
        "name,partner,tier,phase,owner email,renewal date,host team emails",
        `Fine One,${partner},Core,Active,${w.manager.user.email},2027-03-31,`,
        `Typo Partner,${typo},,,,,`,
        `Unknown Owner,${partner},,,nobody@example.test,,`,
        `Bad Date,${partner},,,,2027-02-30,`,
        `=cmd|' /C calc'!A0,${partner},,,,,`,
      ].join("\n"),
    );
    const shown = await preview(w, "partnerships", table);
    expect(shown.counts).toMatchObject({ create: 1, error: 4 });
    expect(shown.issues.map((i) => i.message)).toEqual([
      `row 3: no partner organisation named '${typo}' — did you mean '${partner}'?`,
      "row 4: the owner's email 'nobody@example.test' is not a member of this workspace.",
      "row 5: '2027-02-30' is not a date; write renewal dates as YYYY-MM-DD, for example 2027-03-31.",
      "row 6: the name '=cmd|' /C calc'!A0' starts with '=', which a spreadsheet would run as a formula; remove that character.",
    ]);
    const before = await snapshot(w);
    expect(await refusal(confirm(w, "partnerships", table))).toMatch(
      /^row 3: no partner organisation .* \(and 3 more\) Fix the file.*Nothing was imported\.$/,
    );
    expect(await snapshot(w)).toEqual(before);

    // Chosen by the admin: the valid row alone, whose owner the open cycle now asks.
    const { summary } = await confirm(w, "partnerships", table, { onlyValid: true });
    expect(summary.counts).toMatchObject({ create: 1, error: 4 });
    const after = await snapshot(w);
    expect(after.partnerships.map((p) => p.name)).toEqual([...before.partnerships.map((p) => p.name), "Fine One"].sort());
    const created = await db().partnership.findFirstOrThrow({ where: { workspaceId: w.workspace.id, name: "Fine One" } });
    expect(created).toMatchObject({ tier: "CORE", phase: "ACTIVE", ownerMemberId: w.manager.member.id });
    expect(created.renewalDate?.toISOString().slice(0, 10)).toBe("2027-03-31");
    const asked = await db().cycleParticipant.count({
      where: { workspaceId: w.workspace.id, cycleId: w.cycle.id, partnershipId: created.id, memberId: w.manager.member.id },
    });
    expect(asked).toBe(1);
  });

  it("refuses a mapping without a required column", async () => {
    const w = await buildWorld();
    const table = await file("email,name\nx@example.test,X\n");
    const shown = await preview(w, "people", table);
    expect(shown.problems).toEqual(['Choose the column that holds "role": every row needs one.']);
    const before = await snapshot(w);
    expect(await refusal(confirm(w, "people", table))).toBe(
      'Choose the column that holds "role": every row needs one. Nothing was imported.',
    );
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses a 50 MB file at the door, from its Content-Length, before reading it", async () => {
    let reached = false;
    const door = apiRoute(async () => {
      reached = true;
      return new Response("read");
    }, importDoor);
    const request = new NextRequest("http://localhost/api/import/some-workspace", {
      method: "POST",
      headers: { "content-length": String(50 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      body: "x",
    });
    const response = await door(request, {});
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { message: IMPORT_TOO_LARGE } });
    expect(reached).toBe(false);
    // And read as a file anyway, it is refused by its size before it is parsed.
    await expect(readImportFile(new Uint8Array(50 * 1024 * 1024), "huge.csv")).rejects.toThrow(/^This file is 50 MB; files up to 10 MB/);
  });

  it("refuses files that are not spreadsheets, whatever their name", async () => {
    await expect(readImportFile(new TextEncoder().encode("%PDF-1.4 ..."), "partners.csv")).rejects.toThrow(
      '"partners.csv" is a PDF document, not a CSV or Excel (.xlsx) file. Nothing was imported.',
    );
    await expect(readImportFile(new TextEncoder().encode("name\nHooli\n"), "partners.xlsx")).rejects.toThrow(
      /although its name ends in \.xlsx/,
    );
  });

  it("is for admins only", async () => {
    const w = await buildWorld();
    const table = await file("name\nHooli\n");
    await expectTrpcError(
      w.manager.api.import.preview({ workspaceSlug: w.slug, kind: "partnerOrgs", table, mapping: { name: "name" } }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      w.contactA.api.import.confirm({ workspaceSlug: w.slug, kind: "partnerOrgs", table, mapping: { name: "name" }, onlyValid: false }),
      "FORBIDDEN",
    );
    expect(await db().partnerOrg.count({ where: { workspaceId: w.workspace.id, name: "Hooli" } })).toBe(0);
  });
});

describe("people", () => {
  it("queues invitations on confirm, never before, and importing again changes nothing", async () => {
    const w = await buildWorld();
    const email = `${unique("pat")}@example.test`;
    const contact = `${unique("carla")}@example.test`;
    const table = await file(
      [
        "email,name,role,partner organisation",
        `${email},Pat Doe,Alliance manager,`,
        `${contact},Carla Contact,Partner contact,${w.orgA.name}`,
        `${w.manager.user.email},${w.manager.user.name},Alliance manager,`,
      ].join("\n"),
    );
    const before = await snapshot(w);
    const shown = await preview(w, "people", table);
    expect(shown.counts).toMatchObject({ create: 2, unchanged: 1, error: 0 });
    expect(await snapshot(w)).toEqual(before);

    await confirm(w, "people", table);
    const invitations = await db().invitation.findMany({ where: { workspaceId: w.workspace.id, email: { in: [email, contact] } } });
    expect(invitations.map((i) => [i.email, i.role, i.partnerOrgId, i.name]).sort()).toEqual(
      [
        [email, "MANAGER", null, "Pat Doe"],
        [contact, "PARTNER", w.orgA.id, "Carla Contact"],
      ].sort(),
    );
    const emails = await db().outboxEmail.findMany({
      where: { workspaceId: w.workspace.id, kind: "INVITATION", to: { in: [email, contact] } },
    });
    expect(emails).toHaveLength(2);
    const recorded = await db().auditEvent.findMany({
      where: { workspaceId: w.workspace.id, action: "invitation.sent", email: { in: [email, contact] } },
    });
    expect(recorded.map((r) => [r.email, r.actorUserId]).sort()).toEqual(
      [
        [email, w.admin.user.id],
        [contact, w.admin.user.id],
      ].sort(),
    );

    const imported = await snapshot(w);
    expect((await confirm(w, "people", table)).summary.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    expect(await snapshot(w)).toEqual(imported);
  });
});

describe("round trips", () => {
  it("imports each export back with nothing to change", async () => {
    const w = await buildWorld();
    // Something of everything the exports write: a team, a renewal date, a pending invitation,
    // and a name a spreadsheet would run as a formula if it were not guarded.
    const teamMate = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    await db().partnershipTeamMember.create({
      data: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId: teamMate.member.id },
    });
    await db().partnership.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id: w.partnershipA.id } },
      data: { renewalDate: new Date("2027-06-30T00:00:00Z"), tier: "STRATEGIC" },
    });
    await db().partnerOrg.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id: w.orgA.id } },
      data: { region: "EMEA", industry: "Cloud, data", website: "https://a.example" },
    });
    await w.admin.api.invitation.create({ workspaceSlug: w.slug, email: `${unique("later")}@example.test`, role: "EXECUTIVE" });

    const before = await snapshot(w);
    for (const kind of ["partnerOrgs", "partnerships", "people"] as const) {
      const exported = await w.admin.api.import.export({ workspaceSlug: w.slug, kind });
      const table = await readImportFile(
        new TextEncoder().encode("\uFEFF" + csvLines([exported.headers, ...exported.rows])),
        `${kind}.csv`,
      );
      const shown = await preview(w, kind, table);
      expect(shown.counts, kind).toMatchObject({ create: 0, update: 0, error: 0, unchanged: exported.rows.length });
      expect(
        shown.issues.filter((i) => i.level === "error"),
        kind,
      ).toEqual([]);
      await confirm(w, kind, table);
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("remembers the mapping chosen for a kind", async () => {
    const w = await buildWorld();
    const table = await file("Org,Area\nHooli,NA\n");
    const mapping = { name: "Org", region: "Area" };
    await confirm(w, "partnerOrgs", table, { mapping });
    const next = await w.admin.api.import.mapping({ workspaceSlug: w.slug, kind: "partnerOrgs", headers: ["Area", "Org", "name"] });
    expect(next.mapping).toEqual(mapping);
  });
});
