// npm run db:citus-ddl: the Citus distribution DDL of the configured (migrated) database, read
// from its catalog: reference tables first, then the tenant tables by workspaceId in foreign-key
// order. Refuses, naming them, while any key would keep a tenant table from being distributed.
// With --markdown, also the tables of docs/scale-out.md.
import { configuredTarget } from "../db/adapter";
import { distributionPlan, keyViolations, planMarkdown, readSchemaCatalog } from "../db/schema-keys";
import { openSqlDriver } from "../db/sql-driver";

async function main() {
  const driver = await openSqlDriver(configuredTarget());
  try {
    const [row] = await driver.query<{ schema: string }>("SELECT current_schema()::text AS schema");
    const catalog = await readSchemaCatalog((sql, params) => driver.query(sql, params), row!.schema);
    const violations = keyViolations(catalog);
    if (violations.length) throw new Error(`The schema cannot be distributed by workspace yet:\n${violations.join("\n")}`);
    const plan = distributionPlan(catalog);
    console.log(`-- Stays local (on the coordinator): ${plan.local.join(", ") || "none"}; so does the job queue's schema.`);
    if (process.argv.includes("--markdown")) console.log(`${planMarkdown(catalog, plan)}\n`);
    console.log(plan.ddl);
  } finally {
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
