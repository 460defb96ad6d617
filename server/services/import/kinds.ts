// What can be imported, and the columns of each kind: the same columns the exports write, so a
// downloaded file imports back unchanged.
export const IMPORT_KINDS = ["partnerOrgs", "partnerships", "people"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldDef {
  key: string;
  // The column header the export writes, and the first one matched on import.
  header: string;
  required: boolean;
  // Other headers people use for the same column, matched case- and punctuation-blind.
  aliases: string[];
}

export const KIND_LABEL: Record<ImportKind, string> = {
  partnerOrgs: "partner organisations",
  partnerships: "partnerships",
  people: "people",
};

export const FIELDS: Record<ImportKind, FieldDef[]> = {
  partnerOrgs: [
    { key: "name", header: "name", required: true, aliases: ["organisation", "organization", "partner", "company", "partner name"] },
    { key: "region", header: "region", required: false, aliases: ["area", "territory", "geo"] },
    { key: "industry", header: "industry", required: false, aliases: ["sector", "vertical"] },
    { key: "website", header: "website", required: false, aliases: ["url", "web", "site", "homepage", "web address"] },
  ],
  partnerships: [
    { key: "name", header: "name", required: true, aliases: ["partnership", "partnership name"] },
    {
      key: "partner",
      header: "partner",
      required: true,
      aliases: ["partner organisation", "partner organization", "organisation", "company"],
    },
    { key: "tier", header: "tier", required: false, aliases: ["level"] },
    { key: "phase", header: "phase", required: false, aliases: ["stage", "status"] },
    { key: "owner", header: "owner email", required: false, aliases: ["owner", "owner's email", "manager", "alliance manager"] },
    { key: "renewalDate", header: "renewal date", required: false, aliases: ["renewal", "renews", "renewal on"] },
    { key: "team", header: "host team emails", required: false, aliases: ["host team", "team", "team emails"] },
  ],
  people: [
    { key: "email", header: "email", required: true, aliases: ["e-mail", "email address", "mail"] },
    { key: "name", header: "name", required: false, aliases: ["full name", "person"] },
    { key: "role", header: "role", required: true, aliases: ["access", "type"] },
    { key: "partner", header: "partner organisation", required: false, aliases: ["partner", "organisation", "organization", "company"] },
  ],
};

// Which column of the file feeds each field: a field's key to a header of the file, or absent.
export type ColumnMapping = Record<string, string>;
